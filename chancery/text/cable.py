"""Cable metadata read from a document's blocks: the marks a cipher clerk left on a telegram.

Classification, copy number, cipher numbers, the channel and addressee, distribution,
handling instructions, certification and dispatch or receipt times. Each fact points at the
block it was read from, so the reading room can show it in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chancery.model import Block, BlockKind, CableFact, Rendition
from chancery.text.layout import CLASSIFICATION

_SOURCES = {BlockKind.STAMP, BlockKind.HANDLING, BlockKind.ADDRESS, BlockKind.HEADING,
            BlockKind.NOTE, BlockKind.SIGNATURE, BlockKind.DATELINE}
_COPY = re.compile(r"^(?:экз\.?|copy|ausfertigung|egz\.?)\s*(?:№|no\.?|nº|nr\.?)\s*(\d+)\s*$",
                   re.I)
_CIPHER = re.compile(r"(?:шифртелеграмма|cable|telegram|telex|телеграмма)\s*"
                     r"(?:№|no\.?|nº|nr\.?)\s*([\w][\w/\-–]*)|"
                     r"^(?:nº|№|no\.)\s*([\d][\d/\-–]*)|\((?:no\.|№|nº)\s*(\d[\d/\-–]*)\)", re.I)
_CHANNEL = re.compile(r"^(?P<channel>.+?)\s+[-–]\s+(?P<to>[^-–]+)$")
_DISTRIBUTION = re.compile(r"(?:копию посла\w*|^№\s*\d+\s*[-–]|copy\s*(?:no\.?|nº|№)\s*\d+\s*"
                           r"[-–]|receives? (?:a )?copy|^distribution:|^разослано)", re.I)
_RETURN = re.compile(r"возврату\s+через\s+(\d+)\s+сут|return(?:ed)? within\s+(\d+)\s+days", re.I)
_HANDLING = {"снятие копий воспрещается": "copying prohibited",
             "copying prohibited": "copying prohibited", "подлежит возврату": "to be returned"}
_CERTIFIED = re.compile(r"^(?:о подлинном )?верно:?|^true copy|^certified", re.I)
_TIMES = re.compile(r"^(?P<kind>sent|received|dispatched|отправлена|получена|"
                    r"абгесандт|abgesandt|eingegangen)\s*:?\s*(?P<value>.+)$", re.I)
_TIME_KIND = {"sent": "dispatch", "dispatched": "dispatch", "отправлена": "dispatch",
              "abgesandt": "dispatch", "received": "receipt", "получена": "receipt",
              "eingegangen": "receipt"}


def cable_facts(renditions: tuple[Rendition, ...]) -> tuple[CableFact, ...]:
    """Every cable fact found in the blocks of every rendition, in reading order."""
    facts: list[CableFact] = []
    for r_index, rendition in enumerate(renditions):
        for b_index, block in enumerate(rendition.blocks):
            if block.kind in _SOURCES:
                facts.extend(CableFact(kind, block.text.strip(), value, r_index, b_index)
                             for kind, value in _facts(block))
    return tuple(facts)


def _facts(block: Block) -> Iterator[tuple[str, str]]:
    flat = " ".join(block.text.split())
    lowered = flat.lower().strip(" .")
    if lowered in CLASSIFICATION:
        yield "classification", CLASSIFICATION[lowered]
        return
    copy = _COPY.match(flat)
    if copy:
        yield "copy", copy.group(1)
        return
    if block.kind is BlockKind.ADDRESS:
        channel = _CHANNEL.match(flat)
        if channel:
            yield "channel", channel.group("channel").strip()
            yield "addressee", channel.group("to").strip(" .:")
        else:
            yield "addressee", flat.strip(" .:")
        return
    if lowered.startswith(("поправки нанесены", "corrections made", "corrections by")):
        yield "corrections", flat
        return
    times = _TIMES.match(flat)
    if times:
        yield _TIME_KIND.get(times.group("kind").lower(), "dispatch"), times.group("value")
    for line in (part.strip() for part in block.text.split("\n")):
        yield from _line_facts(line)


def _line_facts(line: str) -> Iterator[tuple[str, str]]:
    lowered = line.lower()
    cipher = _CIPHER.search(line)
    if cipher and not _DISTRIBUTION.search(line):
        yield "cipher_number", next(group for group in cipher.groups() if group)
    if _DISTRIBUTION.search(line):
        for part in re.split(r";\s*", line):
            if part.strip():
                yield "distribution", part.strip()
    returned = _RETURN.search(line)
    if returned:
        yield "handling", f"return within {returned.group(1) or returned.group(2)} days"
    for phrase, value in _HANDLING.items():
        if phrase in lowered and not (returned and value == "to be returned"):
            yield "handling", value
    if _CERTIFIED.match(line):
        yield "certification", line
