"""Collation of two witnesses of one text (a draft and the cable as sent), as an editor sets it.

Words are cut per language (a hyphenated or apostrophised word is one word: "Об'ясняем",
"марксизма-ленинизма"; Chinese and Japanese by character) and compared as finally written
(corrections applied); spacing is kept for display but is never a variant. A passage that
one witness has in one place and the other in another is a move, not a deletion here and an
addition there. The text is compared with the text and the notes (stamps, handling and
distribution notes, certifications) with the notes, each note with the note most like it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from rapidfuzz import fuzz

from chancery.model import Block, BlockKind
from chancery.text.align import align_blocks
from chancery.text.cable import routing_notes
from chancery.text.markup import reading_text

Operation = Literal["same", "deleted", "added", "changed"]
Status = Literal["same", "only", "changed", "moved"]

_WORD = re.compile(r"\w+(?:[-'’ʼ]\w+)*-?|[^\w\s]", re.U)
_HAN_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|\w+(?:[-'’ʼ]\w+)*|[^\w\s]",
                       re.U)
_BY_CHARACTER = {"zh", "ja"}
_NOTE_KINDS = {BlockKind.STAMP, BlockKind.HANDLING, BlockKind.NOTE}
_SKIPPED = {BlockKind.FOLIO, BlockKind.PAGE}
_MIN_MOVE = 5  # words: shorter runs recur by chance ("и в", "мы можем Вам")
_MOVE_SHARE = 0.6  # of the shorter passage's words found in the other
_MOST_PASSAGES = 60  # on each side: beyond that the witnesses are not one text moved about
_NOTE_LIKENESS = 60  # rapidfuzz token-set ratio at which two notes are one note's copies


@dataclass(frozen=True, slots=True)
class Variant:
    """A stretch of the two witnesses: the same in both, or what one has instead of the other.

    ``first`` is the text in the first witness, ``second`` in the second."""

    operation: Operation
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A run of one witness's words with one status: the same as the other witness, only in
    this one, changed (the other reads otherwise here) or moved (the other has it elsewhere;
    ``move`` numbers the move, the same at both ends). ``variant`` numbers the place of
    variation, the same in both witnesses; 0 for text that is the same."""

    status: Status
    text: str
    variant: int = 0
    move: int = 0


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph or note of one witness as collated: its block and its readings."""

    block: int
    kind: str
    readings: tuple[Reading, ...]


@dataclass(frozen=True, slots=True)
class Synopsis:
    """Two witnesses side by side: rows of the text, then rows of the notes; in each row the
    first witness's passages and the second's that stand for each other."""

    text: tuple[tuple[tuple[Passage, ...], tuple[Passage, ...]], ...]
    notes: tuple[tuple[tuple[Passage, ...], tuple[Passage, ...]], ...]
    variants: int
    moves: int = 0
    languages: tuple[str, str] = field(default=("", ""))


def tokens(text: str, language: str = "") -> list[str]:
    """The words and signs of a text in its language's units."""
    pattern = _HAN_WORD if language in _BY_CHARACTER else _WORD
    return pattern.findall(text)


def collate(first: str, second: str, language: str = "") -> list[Variant]:
    """The differences between two texts word by word; spacing and line breaks are ignored,
    case and punctuation are not (a struck comma is a variant too)."""
    a, b = _spaced(first, language), _spaced(second, language)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    operations: dict[str, Operation] = {"equal": "same", "delete": "deleted",
                                        "insert": "added", "replace": "changed"}
    return [Variant(operations[tag], _text(a[i1:i2]), _text(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def synopsis(first: Sequence[Block], second: Sequence[Block], languages: tuple[str, str]
             = ("", "")) -> Synopsis:
    """Two witnesses collated text with text and notes with notes, set side by side."""
    first_text, first_notes = _parts(first)
    second_text, second_notes = _parts(second)
    counter = _Counter()
    # the text is compared row by row as the alignment pairs its paragraphs (a passage
    # found in another row is a move), so the cost grows with the rows, not the whole text
    pairs = align_blocks([first[i] for i in first_text], [second[i] for i in second_text]).pairs
    text = _collate_rows(first, second, [([first_text[i] for i in pair.left],
                                          [second_text[i] for i in pair.right])
                                         for pair in pairs], languages, counter, moves=True)
    note_pairs = [([index] if index is not None else [], [other] if other is not None else [])
                  for index, other in _paired_notes(first, first_notes, second, second_notes)]
    notes = _collate_rows(first, second, note_pairs, languages, counter, moves=False)
    return Synopsis(tuple(text), tuple(notes), counter.variants, counter.moves, languages)


# --- parts -----------------------------------------------------------------------------------

def _parts(blocks: Sequence[Block]) -> tuple[list[int], list[int]]:
    """The blocks of the text and the blocks of the notes, each in order."""
    routing = routing_notes(blocks)
    text, notes = [], []
    for index, block in enumerate(blocks):
        if block.kind in _SKIPPED or not reading_text(block).strip():
            continue
        (notes if block.kind in _NOTE_KINDS or index in routing else text).append(index)
    return text, notes


def _paired_notes(first: Sequence[Block], first_notes: list[int], second: Sequence[Block],
                  second_notes: list[int]) -> list[tuple[int | None, int | None]]:
    """Each note of the first witness with the most like note of the second (in order), and
    the notes of either that have none."""
    pairs: list[tuple[int | None, int | None]] = []
    taken: set[int] = set()
    position = 0
    for index in first_notes:
        text = reading_text(first[index])
        scored = [(fuzz.token_set_ratio(text, reading_text(second[other])), other)
                  for other in second_notes[position:] if other not in taken]
        score, best = max(scored, default=(0, None))
        if best is not None and score >= _NOTE_LIKENESS:
            # the second's notes before this one's match have no counterpart
            for other in second_notes[position:second_notes.index(best)]:
                if other not in taken:
                    pairs.append((None, other))
                    taken.add(other)
            pairs.append((index, best))
            taken.add(best)
            position = second_notes.index(best) + 1
        else:
            pairs.append((index, None))
    pairs.extend((None, other) for other in second_notes if other not in taken)
    return pairs


# --- collating passages ----------------------------------------------------------------------

@dataclass
class _Counter:
    variants: int = 0
    moves: int = 0


@dataclass
class _Token:
    text: str
    space: str
    block: int
    status: Status = "same"
    variant: int = 0
    move: int = 0


def _collate_rows(first: Sequence[Block], second: Sequence[Block],
                  rows: list[tuple[list[int], list[int]]], languages: tuple[str, str],
                  counter: _Counter, moves: bool
                  ) -> list[tuple[tuple[Passage, ...], tuple[Passage, ...]]]:
    every_a: list[_Token] = []
    every_b: list[_Token] = []
    lone_a: list[tuple[int, int]] = []
    lone_b: list[tuple[int, int]] = []
    collated = []
    for left, right in rows:
        a = _block_tokens(first, left, languages[0])
        b = _block_tokens(second, right, languages[1])
        matcher = SequenceMatcher(None, [t.text for t in a], [t.text for t in b],
                                  autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            counter.variants += 1
            status: Status = "changed" if tag == "replace" else "only"
            for token in a[i1:i2] + b[j1:j2]:
                token.status, token.variant = status, counter.variants
            if i2 > i1:
                lone_a.append((len(every_a) + i1, len(every_a) + i2))
            if j2 > j1:
                lone_b.append((len(every_b) + j1, len(every_b) + j2))
        every_a.extend(a)
        every_b.extend(b)
        collated.append((left, right, a, b))
    if moves:
        _find_moves(every_a, lone_a, every_b, lone_b, counter)
    return [(tuple(_passages(first, left, a).values()), tuple(_passages(second, right, b).values()))
            for left, right, a, b in collated]


def _find_moves(a: list[_Token], lone_a: list[tuple[int, int]], b: list[_Token],
                lone_b: list[tuple[int, int]], counter: _Counter) -> None:
    """Mark as moved the passages found only in one place of each witness but in both."""
    def long_passages(tokens_: list[_Token], spans: list[tuple[int, int]]) -> list[list[int]]:
        words = [[i for i in range(start, end) if tokens_[i].text[0].isalnum()]
                 for start, end in spans]
        # a move is a long passage: the longest are tried, a bounded number of them
        return sorted((w for w in words if len(w) >= _MIN_MOVE), key=len,
                      reverse=True)[:_MOST_PASSAGES]

    passages_b = [(b_words, {b[j].text.lower() for j in b_words})
                  for b_words in long_passages(b, lone_b)]
    for a_words in long_passages(a, lone_a):
        vocabulary = {a[i].text.lower() for i in a_words}
        for b_words, b_vocabulary in passages_b:
            if len(vocabulary & b_vocabulary) < _MIN_MOVE:
                continue  # cheap test first: too few words in common to be one passage
            matcher = SequenceMatcher(None, [a[i].text.lower() for i in a_words],
                                      [b[j].text.lower() for j in b_words], autojunk=False)
            blocks = [block for block in matcher.get_matching_blocks() if block.size]
            matched = sum(block.size for block in blocks)
            if matched < _MIN_MOVE or matched < _MOVE_SHARE * min(len(a_words), len(b_words)):
                continue
            if any(a[i].status == "moved" for i in a_words) or \
                    any(b[j].status == "moved" for j in b_words):
                continue
            counter.moves += 1
            first_a, last_a = a_words[blocks[0].a], a_words[blocks[-1].a + blocks[-1].size - 1]
            first_b, last_b = b_words[blocks[0].b], b_words[blocks[-1].b + blocks[-1].size - 1]
            for token in a[first_a:last_a + 1] + b[first_b:last_b + 1]:
                token.status, token.move = "moved", counter.moves
                token.variant = 0


def _block_tokens(blocks: Sequence[Block], indexes: list[int], language: str) -> list[_Token]:
    found = []
    for index in indexes:
        found.extend(_Token(text, space, index)
                     for text, space in _spaced(reading_text(blocks[index]), language))
    return found


def _spaced(text: str, language: str) -> list[tuple[str, str]]:
    """Each word or sign with the spacing after it as written (a line break kept as one)."""
    pattern = _HAN_WORD if language in _BY_CHARACTER else _WORD
    found = []
    matches = list(pattern.finditer(text))
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        gap = text[match.end():end]
        found.append((match.group(), "\n" if "\n" in gap else (" " if gap else "")))
    return found


def _text(spaced: list[tuple[str, str]]) -> str:
    return "".join(text + (" " if space else "") for text, space in spaced).strip()


def _passages(blocks: Sequence[Block], indexes: list[int], tokens_: list[_Token]
              ) -> dict[int, Passage]:
    by_block: dict[int, list[_Token]] = {index: [] for index in indexes}
    for token in tokens_:
        by_block[token.block].append(token)
    passages = {}
    for position, index in enumerate(indexes):
        readings: list[Reading] = []
        for token in by_block[index]:
            last = readings[-1] if readings else None
            if last is not None and (last.status, last.variant, last.move) == \
                    (token.status, token.variant, token.move):
                readings[-1] = Reading(last.status, last.text + token.text + token.space,
                                       last.variant, last.move)
            else:
                if last is not None and last.text.endswith((" ", "\n")):
                    # the space between two readings belongs to neither: it stands alone,
                    # so a highlighted reading does not end in a highlighted blank
                    readings[-1] = Reading(last.status, last.text.rstrip(" \n"), last.variant,
                                           last.move)
                    readings.append(Reading("same", last.text[len(last.text.rstrip(" \n")):]))
                readings.append(Reading(token.status, token.text + token.space, token.variant,
                                        token.move))
        passages[position] = Passage(index, blocks[index].kind.value, tuple(readings))
    return passages
