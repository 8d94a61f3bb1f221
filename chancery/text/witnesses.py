"""Witnesses: where one transcription holds several physical copies of the same text.

An archive file often keeps the cable as sent and the draft it was typed from, one after the
other. The second copy shows itself by repeating the opening of the first; the header blocks
just above that repetition (address, folio number, a marginal note) belong to it, and the
closing blocks of the first copy (signature, date, certification) do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from chancery.model import Block, BlockKind, MarkKind, Witness
from chancery.text.references import folio_ranges

_HEADER_KINDS = {BlockKind.FOLIO, BlockKind.ADDRESS, BlockKind.STAMP, BlockKind.MARGINAL,
                 BlockKind.HEADING, BlockKind.SALUTATION}
_CLOSING_KINDS = {BlockKind.SIGNATURE, BlockKind.DATELINE, BlockKind.HANDLING, BlockKind.STAMP}
_OPENING_PARAGRAPHS = 3
_MIN_LETTERS = 25
_SIMILAR = 0.75
_SENTENCE_END = re.compile(r"[.!?]\s+")
_CONTINUED = re.compile(r"см\.?\s*(?:сл|след)|see next|continued", re.I)


def split_witnesses(blocks: tuple[Block, ...]) -> list[tuple[Block, ...]]:
    """Split a transcription into the copies it holds; one part when it holds one."""
    # each block's opening is worked out once: a transcription of many copies is read in
    # one pass, not once more for every copy found
    keys = [_key(block.text) if _is_text(block) else "" for block in blocks]
    parts: list[tuple[Block, ...]] = []
    start = 0
    while True:
        boundary = _next_witness(blocks, keys, start)
        if boundary is None:
            parts.append(blocks[start:])
            return parts
        parts.append(blocks[start:boundary])
        start = boundary


def _next_witness(blocks: tuple[Block, ...], keys: list[str], begin: int) -> int | None:
    """Where the copy after the one beginning at ``begin`` begins, if another does."""
    openings: list[tuple[int, str, frozenset[str]]] = []
    for index in range(begin, len(blocks)):
        if keys[index]:
            openings.append((index, keys[index], _words(keys[index])))
            if len(openings) == _OPENING_PARAGRAPHS:
                break
    if not openings:
        return None
    last_opening = openings[-1][0]
    first_words = {word for _, _, words in openings for word in words}
    for index in range(last_opening + 1, len(blocks)):
        key = keys[index]
        if not key or first_words.isdisjoint(_words(key)):
            continue
        if any(_similar(variant, opening, words) for variant in _openings_of(blocks[index])
               for _, opening, words in openings):
            start = _walk_back(blocks, index, last_opening)
            if start > begin and _copy_begins(blocks, start, index):
                return start
    return None


def _copy_begins(blocks: tuple[Block, ...], start: int, opening: int) -> bool:
    """A new copy follows the end of the last (a signature, date, certification) or opens
    with its own header (a leaf number, an address); a paragraph that merely repeats an
    earlier sentence in running text does not begin one."""
    return blocks[start - 1].kind in _CLOSING_KINDS or any(
        blocks[i].kind in (BlockKind.FOLIO, BlockKind.ADDRESS) for i in range(start, opening))


def _openings_of(block: Block) -> Iterator[str]:
    """The paragraph's opening, and the openings of its next sentences: a draft may run the
    salutation and the first points together ("Дорогой товарищ! Первое. ...")."""
    yield _key(block.text)
    for boundary in _SENTENCE_END.finditer(block.text[:240]):
        yield _key(block.text[boundary.end():])


def _walk_back(blocks: tuple[Block, ...], index: int, floor: int) -> int:
    start = index
    while start - 1 > floor and blocks[start - 1].kind in _HEADER_KINDS:
        start -= 1
    return start


def _is_text(block: Block) -> bool:
    return block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM) and len(block.text) >= _MIN_LETTERS


def _key(text: str) -> str:
    """The opening of a paragraph, lower case, letters and single spaces only."""
    opening = re.sub(r"[^\w\s]|\d|_", "", text[:300].lower().replace("ё", "е"))
    return " ".join(opening.split())[:120]


def _words(key: str) -> frozenset[str]:
    """The opening's content words: short words ("и", "в", "the") are shared by everything."""
    return frozenset(word for word in key.split()[:12] if len(word) > 3)


def _similar(key: str, opening: str, opening_words: frozenset[str]) -> bool:
    shorter = min(len(key), len(opening))
    if shorter < _MIN_LETTERS:
        return False
    words = _words(key)
    if len(words & opening_words) * 2 < min(len(words), len(opening_words)):
        return False  # cheap test first: most paragraphs share few opening words
    return fuzz.ratio(key[:shorter], opening[:shorter], score_cutoff=_SIMILAR * 100) > 0


def describe(siglum: str, blocks: tuple[Block, ...]) -> Witness:
    """What kind of copy a witness is, read off its stamps and closing notes, and its leaves."""
    original = " ".join(block.text for block in blocks)
    text = original.lower()
    corrected = sum(1 for block in blocks for mark in block.marks
                    if mark.kind in (MarkKind.DELETED, MarkKind.ADDED, MarkKind.SUPERSCRIPT))
    if "поправки нанесены" in text or "corrections" in text or corrected >= 3:
        who = re.search(r"поправки нанесены\s+(?:товарищем\s+)?([^\n]+?)\s+\d", original,
                        re.I)
        description = "draft with handwritten corrections"
        if who:
            description += f" ({who.group(1).strip()})"
    elif "шифртелеграмма" in text or "cipher telegram" in text:
        description = "cipher telegram"
        if "копия исх" in text:
            description = "cipher telegram, copy of the outgoing telegram"
    elif "телеграмм" in text or "telegram" in text:
        description = "telegram"
    else:
        description = f"witness {siglum}"
    return Witness(siglum=siglum, description=description, folios=_folios(blocks))


def _folios(blocks: tuple[Block, ...]) -> str:
    numbers = [start for block in blocks if block.kind is BlockKind.FOLIO
               for start, _ in folio_ranges(block.n)]
    if not numbers:
        return ""
    first, last = min(numbers), max(numbers)
    last_folio = max(i for i, b in enumerate(blocks) if b.kind is BlockKind.FOLIO)
    if any(_CONTINUED.search(b.text) for b in blocks[last_folio:]):
        last += 1  # "(см. сл. лист)": the text goes on to the next leaf
    return f"l. {first}" if first == last else f"ll. {first}-{last}"
