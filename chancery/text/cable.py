"""Cable metadata read from a document's blocks: the marks a cipher clerk left on a telegram.

Classification, copy number, cipher numbers, the channel and addressee, distribution,
handling instructions, certification and dispatch or receipt times. Each fact points at the
block it was read from, so the reading room can show it in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chancery.model import Block, BlockKind, CableFact, MarkKind, Rendition
from chancery.text.layout import CLASSIFICATION, transmission_step

_SOURCES = {BlockKind.STAMP, BlockKind.HANDLING, BlockKind.ADDRESS, BlockKind.HEADING,
            BlockKind.NOTE, BlockKind.SIGNATURE, BlockKind.DATELINE}
_COPY = re.compile(r"^(?:экз\.?|copy|ausfertigung|egz\.?)\s*(?:№|no\.?|nº|nr\.?)\s*(\d+)\s*$",
                   re.I)
# the cable's number where the text names it as such: "ШИФРТЕЛЕГРАММА № 0862", "Telex Nr. 242"
_NAMED_CIPHER = re.compile(r"(?:шифртелеграмма|cable|telegram|telex|телеграмма)\s*"
                           r"(?:№|no\.?|nº|nr\.?|#)\s*([\w][\w/\-–]*)", re.I)
# on a stamp a bare number is the cable's too: "№ 0862", "(No. 0862)"
_CIPHER = re.compile(_NAMED_CIPHER.pattern + r"|^(?:nº|№|no\.)\s*(\d[\d\-–]*(?:/\w+)?)|"
                     r"\((?:no\.|№|nº)\s*(\d[\d/\-–]*)\)", re.I)
_CHANNEL = re.compile(r"^(?P<channel>.+?)\s+[-–]\s+(?P<to>[^-–]+)$")
_DISTRIBUTION = re.compile(r"(?:копию посла\w*|^№\s*\d+\s*[-–]|copy\s*(?:no\.?|nº|№)\s*\d+\s*"
                           r"[-–]|receives? (?:a )?copy|^distribution(?::| list)|^разослано)",
                           re.I)
_RETURN = re.compile(r"возврату\s+через\s+(\d+)\s+сут|return(?:ed)? within\s+(\d+)\s+days", re.I)
_HANDLING = {"снятие копий воспрещается": "copying prohibited",
             "copying prohibited": "copying prohibited", "подлежит возврату": "to be returned"}
_CERTIFIED = re.compile(r"^(?:о подлинном )?верно:?|^true copy|^certified", re.I)
# each step of a transmission log, by its verb's stem; the value is the rest of the line as
# printed ("by wire on 10/14/50 at 03:15 a.m."), for sources write times in every form
_STEP_KIND = (("sent", "dispatch"), ("dispatched", "dispatch"), ("transmitted", "dispatch"),
              ("отправлен", "dispatch"), ("abgesandt", "dispatch"), ("абгесандт", "dispatch"),
              ("received", "receipt"), ("получен", "receipt"), ("поступил", "receipt"),
              ("eingegangen", "receipt"), ("arrived", "arrival"),
              ("deciphered", "deciphering"), ("decoded", "deciphering"),
              ("decrypted", "deciphering"), ("расшифрован", "deciphering"),
              ("enciphered", "enciphering"), ("encoded", "enciphering"),
              ("зашифрован", "enciphering"), ("typed", "typing"), ("отпечатан", "typing"))
# how urgently a cable is to be sent, a line of its own: "TOP PRIORITY", "ВНЕ ОЧЕРЕДИ"
_PRECEDENCE = {"top priority": "top priority", "priority": "priority", "urgent": "urgent",
               "immediate": "immediate", "flash": "flash", "вне очереди": "top priority",
               "срочно": "urgent", "молния": "flash", "dringend": "urgent"}
# the place a cable goes through, on its own line over the addressee: "BEIJING--" / "TO
# KRASOVSKY" (on one line: "ОСОБЫЙ РАЙОН КИТАЯ - АНДРЕЕВУ", _CHANNEL)
_CHANNEL_ABOVE = re.compile(r"^(?P<channel>[^\W\d_][^\d:]*?)\s*[-–—]{1,2}$")
# where a cable came from, on a line of its own above the text: "FROM: PYONGYANG"
_ORIGIN = re.compile(r"^(?:from|откуда)\s*:\s*(?P<place>\S.*)$", re.I)


def cable_facts(renditions: tuple[Rendition, ...]) -> tuple[CableFact, ...]:
    """Every cable fact found in the blocks of every rendition, in reading order; each
    points at its rendition, so a reader can tell which witness says what."""
    facts: list[CableFact] = []
    for r_index, rendition in enumerate(renditions):
        routing = routing_notes(rendition.blocks)
        for b_index, block in enumerate(rendition.blocks):
            if b_index in routing:
                facts.append(CableFact("routing", block.text.strip(),
                                       " ".join(block.text.split()).strip(" .:"), r_index,
                                       b_index))
            elif block.kind in _SOURCES:
                channel = _CHANNEL_ABOVE.match(" ".join(block.text.split()))
                if channel and _addresses(rendition.blocks[b_index + 1:b_index + 2]):
                    facts.append(CableFact("channel", block.text.strip(),
                                           channel.group("channel"), r_index, b_index))
                    continue
                # a fact read from one line of a block shows that line as printed
                facts.extend(CableFact(kind, line or block.text.strip(), value, r_index,
                                       b_index) for kind, value, line in _facts(block))
    return tuple(facts)


def _addresses(blocks: Sequence[Block]) -> bool:
    """Whether these blocks are one address line."""
    return len(blocks) == 1 and blocks[0].kind is BlockKind.ADDRESS


def routing_notes(blocks: Sequence[Block]) -> frozenset[int]:
    """The address lines above a copy's text that do not address the cable: of those above
    the first paragraph, the one nearest it names the addressee; any above that are a
    clerk's notes of whom the copy went to ("тов. Чегулену" over the cipher telegram)."""
    first_text = next((i for i, block in enumerate(blocks)
                       if block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)), len(blocks))
    addresses = [i for i in range(first_text) if blocks[i].kind is BlockKind.ADDRESS]
    return frozenset(addresses[:-1])


def is_struck(fact: CableFact, renditions: Sequence[Rendition]) -> bool:
    """Whether the words a fact was read from are struck through in its block (a
    certification crossed out on a draft is no certification)."""
    if not 0 <= fact.rendition < len(renditions):
        return False
    blocks = renditions[fact.rendition].blocks
    if not 0 <= fact.block < len(blocks):
        return False
    block = blocks[fact.block]
    start = block.text.find(fact.value)
    span = (start, start + len(fact.value)) if start >= 0 and fact.value else (0, len(block.text))
    letters = [i for i in range(*span) if not block.text[i].isspace()]
    struck = {i for mark in block.marks if mark.kind is MarkKind.DELETED
              for i in range(mark.start, mark.end)}
    return bool(letters) and all(i in struck for i in letters)


def _facts(block: Block) -> Iterator[tuple[str, str, str]]:
    """(kind, value, the line it was read from, or "" for the whole block)."""
    flat = " ".join(block.text.split())
    lowered = flat.lower().strip(" .")
    if lowered in CLASSIFICATION:
        yield "classification", CLASSIFICATION[lowered], ""
        return
    copy = _COPY.match(flat)
    if copy:
        yield "copy", copy.group(1), ""
        return
    if block.kind is BlockKind.ADDRESS:
        channel = _CHANNEL.match(flat)
        if channel:
            yield "channel", channel.group("channel").strip(), ""
            yield "addressee", channel.group("to").strip(" .:"), ""
        else:
            yield "addressee", flat.strip(" .:"), ""
        return
    if lowered.startswith(("поправки нанесены", "corrections made", "corrections by")):
        yield "corrections", flat, ""
        return
    origin = _ORIGIN.match(flat)
    if origin and block.kind is not BlockKind.PARAGRAPH:
        yield "origin", origin.group("place").strip(" .:"), ""
        return
    lines = [part.strip() for part in block.text.split("\n")]
    # a list of who received copies numbers them ("№ 1 - тов. Чечулину", "№ 1671"): those
    # numbers are the copies', not the cable's
    distribution = any(_DISTRIBUTION.search(line) for line in lines)
    for line in lines:
        printed = line if len([part for part in lines if part]) > 1 else ""
        for kind, value in _line_facts(line, _cipher_forms(block, distribution)):
            yield kind, value, printed


def _cipher_forms(block: Block, distribution: bool) -> re.Pattern[str] | None:
    """Where a cipher number may be read: anywhere it is named as the cable's number
    ("ШИФРТЕЛЕГРАММА № 0862", "Telex Nr. 242"); a bare number ("№ 0862", "(No. 0862)") only
    on a stamp: in an editor's heading ("I.V. STALIN to A.I. MIKOYAN ... (No. 0862)") it is
    the editor's title, in a distribution list a copy's number."""
    if distribution:
        return None
    return _CIPHER if block.kind is BlockKind.STAMP else _NAMED_CIPHER


def _line_facts(line: str, cipher_forms: re.Pattern[str] | None) -> Iterator[tuple[str, str]]:
    lowered = line.lower()
    precedence = _PRECEDENCE.get(" ".join(lowered.split()).strip(" .!"))
    if precedence:
        yield "precedence", precedence
        return
    step = transmission_step(line)
    if step:
        verb, when = step
        yield next(kind for stem, kind in _STEP_KIND if verb.startswith(stem)), when
        return
    cipher = cipher_forms.search(line) if cipher_forms is not None else None
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
