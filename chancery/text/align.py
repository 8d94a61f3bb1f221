"""Paragraph alignment of a translation with its original.

Translators keep the order of paragraphs but now and then merge or split them, and a draft
may run three of the sent telegram's paragraphs together. Lengths alone (Gale and Church)
drift when one side has lines the other lacks (an editor's heading, a clerk's routing note),
so the alignment first fixes the points both sides mark the same way: the addressee line,
numbered or ordinal points ("First." / "Первое."), numbered notes, the signature and the
date under it. Between those anchors paragraphs are paired by length, heading with heading,
address with address and text with text. The apparatus of a transcription (leaf numbers,
stamps, handling notes, marginal notes) takes no part in the pairing: it stays inside the
pair it stands in, or stands in a row of its own between pairs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import galechurch

from chancery.model import Block, BlockKind
from chancery.text.cable import routing_notes


@dataclass(frozen=True, slots=True)
class Pair:
    """Blocks of the left text and of the right text that translate each other."""

    left: range
    right: range


@dataclass(frozen=True, slots=True)
class Alignment:
    """Pairs of block ranges covering both sides in order, and how well the sides agreed:
    the mean cost of a pair (0 when every paragraph has one counterpart of the length
    expected)."""

    pairs: tuple[Pair, ...]
    cost: float


def align(left: Sequence[str], right: Sequence[str]) -> list[Pair]:
    """Pairs of plain paragraphs by length alone, covering every one of both sides in order;
    a side may be empty in a pair."""
    if not left or not right:
        return [Pair(range(index, index + 1), range(0)) for index in range(len(left))] + \
            [Pair(range(0), range(index, index + 1)) for index in range(len(right))]
    units = [_Unit((index,), "text", len(text), None) for index, text in enumerate(left)]
    others = [_Unit((index,), "text", len(text), None) for index, text in enumerate(right)]
    beads, _ = _by_length(units, others, _ratio(units, others))
    return [Pair(range(lo[0], lo[-1] + 1) if lo else range(0),
                 range(ro[0], ro[-1] + 1) if ro else range(0))
            for lo, ro in ((_indexes(ls), _indexes(rs)) for ls, rs in beads)]


# --- blocks ---------------------------------------------------------------------------------

# Marks of a copy, not words of the text: they are not translated, so they are not paired
_APPARATUS = {BlockKind.FOLIO, BlockKind.PAGE, BlockKind.STAMP, BlockKind.HANDLING,
              BlockKind.MARGINAL}
_CLASS = {BlockKind.HEADING: "heading", BlockKind.ADDRESS: "address",
          BlockKind.SALUTATION: "address", BlockKind.SIGNATURE: "closing",
          BlockKind.DATELINE: "closing", BlockKind.NOTE: "note"}

_ORDINALS = {
    word: number for number, words in enumerate((
        ("first", "firstly", "первое", "во-первых", "erstens", "premièrement", "po pierwsze"),
        ("second", "secondly", "второе", "во-вторых", "zweitens", "deuxièmement",
         "po drugie"),
        ("third", "thirdly", "третье", "в-третьих", "drittens", "troisièmement",
         "po trzecie"),
        ("fourth", "fourthly", "четвертое", "четвёртое", "в-четвертых", "viertens",
         "quatrièmement"),
        ("fifth", "fifthly", "пятое", "в-пятых", "fünftens", "cinquièmement"),
        ("sixth", "шестое", "в-шестых", "sechstens"),
        ("seventh", "седьмое", "в-седьмых", "siebtens"),
        ("eighth", "восьмое", "в-восьмых", "achtens"),
        ("ninth", "девятое", "в-девятых", "neuntens"),
        ("tenth", "десятое", "в-десятых", "zehntens"),
    ), start=1) for word in words}
_ORDINAL = re.compile(r"^\W*([^\W\d]+(?:[- ][^\W\d]+)?)\s*[.,:;)]", re.U)
_NUMBERED = re.compile(r"^\W{0,2}(\d{1,3}|[IVX]{1,6})[.)]\s")


def align_blocks(left: Sequence[Block], right: Sequence[Block]) -> Alignment:
    """Pairs of the two sides' blocks, anchored where both mark the same point."""
    units, others = _units(left), _units(right)
    ratio = _ratio(units, others)
    beads: list[tuple[list[_Unit], list[_Unit]]] = []
    cost = 0.0
    previous = (0, 0)
    for anchor in [*_anchors(units, others), (len(units), len(others))]:
        segment, segment_cost = _by_length(units[previous[0]:anchor[0]],
                                           others[previous[1]:anchor[1]], ratio)
        beads.extend(segment)
        cost += segment_cost
        previous = anchor
        if anchor[0] < len(units) and units[anchor[0]].kind != "text":
            # an address, signature, date or note pairs with its counterpart alone; a
            # numbered point may take the paragraphs after it along (a draft runs them on)
            beads.append(([units[anchor[0]]], [others[anchor[1]]]))
            cost += _cost([units[anchor[0]]], [others[anchor[1]]], ratio)
            previous = (anchor[0] + 1, anchor[1] + 1)
    pairs = _with_apparatus(beads, len(left), len(right))
    return Alignment(tuple(pairs), cost / max(1, len(beads)))


def followed_witness(translation: Sequence[Block], witnesses: Sequence[Sequence[Block]]) -> int:
    """Which of several witnesses a translation was made from: the one it aligns with most
    readily (a draft that runs paragraphs together, or lacks the sent copy's lines, costs
    more). The first on a tie."""
    costs = [align_blocks(translation, blocks).cost for blocks in witnesses]
    return min(range(len(costs)), key=costs.__getitem__)


@dataclass(frozen=True, slots=True)
class _Unit:
    blocks: tuple[int, ...]
    kind: str  # text, heading, address, closing, note
    length: int
    mark: tuple[str, str] | None  # what anchors it: ("ordinal", "2"), ("note", "3")...


def _units(blocks: Sequence[Block]) -> list[_Unit]:
    first_text = next((i for i, block in enumerate(blocks)
                       if block.kind in (BlockKind.PARAGRAPH, BlockKind.ITEM)), len(blocks))
    # a clerk's routing notes on the copy ("тов. Чегулену") are not translated; the address
    # line left above the text names the addressee
    routing = routing_notes(blocks)
    addressee = max((i for i in range(first_text)
                     if blocks[i].kind is BlockKind.ADDRESS and i not in routing), default=-1)
    units = []
    signature_seen = dateline_seen = False
    for index, block in enumerate(blocks):
        continuation = block.kind is BlockKind.NOTE and not block.n
        if block.kind in _APPARATUS or index in routing or continuation:
            continue
        kind = _CLASS.get(block.kind, "text")
        mark = _mark(block, kind)
        if kind == "address" and index == addressee:
            mark = ("addressee", "")
        if block.kind is BlockKind.SIGNATURE:
            mark = None if signature_seen else ("signature", "")
            signature_seen = True
        if block.kind is BlockKind.DATELINE and index > first_text:
            mark = None if dateline_seen else ("dateline", "")
            dateline_seen = True
        units.append(_Unit((index,), kind, len(block.text), mark))
    return units


def _mark(block: Block, kind: str) -> tuple[str, str] | None:
    if kind == "note":
        return ("note", block.n)
    if kind != "text":
        return None
    if block.kind is BlockKind.ITEM and block.n:
        return ("point", block.n.upper())
    numbered = _NUMBERED.match(block.text)
    if numbered:
        return ("point", numbered.group(1).upper())
    ordinal = _ORDINAL.match(block.text)
    if ordinal and ordinal.group(1).lower() in _ORDINALS:
        return ("point", str(_ORDINALS[ordinal.group(1).lower()]))
    return None


def _anchors(units: list[_Unit], others: list[_Unit]) -> list[tuple[int, int]]:
    """Unit positions both sides mark alike (each mark once on each side), the longest
    run of them that keeps both sides in order."""
    def once(side: list[_Unit]) -> dict[tuple[str, str], int]:
        seen: dict[tuple[str, str], int] = {}
        repeated = set()
        for position, unit in enumerate(side):
            if unit.mark is not None:
                if unit.mark in seen:
                    repeated.add(unit.mark)
                seen[unit.mark] = position
        return {mark: position for mark, position in seen.items() if mark not in repeated}

    left_marks, right_marks = once(units), once(others)
    candidates = sorted((position, right_marks[mark]) for mark, position in left_marks.items()
                        if mark in right_marks)
    return _longest_increasing(candidates)


def _longest_increasing(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    best: list[list[tuple[int, int]]] = []
    for candidate in candidates:
        chains = [chain for chain in best if chain[-1][1] < candidate[1]]
        longest = max(chains, key=len, default=[])
        best.append([*longest, candidate])
    return max(best, key=len, default=[])


# --- pairing by length ---------------------------------------------------------------------

# Costs (in nats) of a pair of n left and m right paragraphs beside its length cost: a
# paragraph alone is dear, a merge or split cheaper (Gale and Church's priors, widened to
# the three-into-one of a draft that runs a telegram's paragraphs together)
_BEAD_COSTS = {(1, 1): 0.0, (1, 0): 4.5, (0, 1): 4.5, (2, 1): 2.3, (1, 2): 2.3,
               (2, 2): 4.4, (3, 1): 4.0, (1, 3): 4.0, (3, 2): 5.0, (2, 3): 5.0, (3, 3): 6.0}
_KIND_MISMATCH = 12.0  # a heading beside a paragraph, an address beside a heading
_VARIANCE = 6.8
_MAX_CELLS = 6_000  # past this (about 77 by 77), the native aligner (lengths only)
# takes a segment: the pairing here is Python and a page waits for it


def _ratio(units: list[_Unit], others: list[_Unit]) -> float:
    """Characters of the right side for one of the left, over the text both sides have."""
    left = sum(unit.length for unit in units if unit.kind == "text")
    right = sum(unit.length for unit in others if unit.kind == "text")
    return right / left if left and right else 1.0


def _by_length(units: list[_Unit], others: list[_Unit], ratio: float
               ) -> tuple[list[tuple[list[_Unit], list[_Unit]]], float]:
    if not units or not others:
        return [([unit], []) for unit in units] + [([], [unit]) for unit in others], \
            _BEAD_COSTS[(1, 0)] * (len(units) + len(others))
    if (len(units) + 1) * (len(others) + 1) > _MAX_CELLS:
        return _native(units, others, ratio)
    n, m = len(units), len(others)
    best = [[math.inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == j == 0:
                continue
            for (di, dj), prior in _BEAD_COSTS.items():
                if di > i or dj > j or best[i - di][j - dj] == math.inf:
                    continue
                total = best[i - di][j - dj] + prior + _cost(units[i - di:i],
                                                               others[j - dj:j], ratio)
                if total < best[i][j]:
                    best[i][j], step[i][j] = total, (di, dj)
    beads = []
    i, j = n, m
    while i or j:
        di, dj = step[i][j]
        beads.append((units[i - di:i], others[j - dj:j]))
        i, j = i - di, j - dj
    return beads[::-1], best[n][m]


def _cost(units: list[_Unit], others: list[_Unit], ratio: float) -> float:
    if not units or not others:
        return 0.0
    kinds = {unit.kind for unit in units} | {unit.kind for unit in others}
    mismatch = _KIND_MISMATCH * (len(kinds) - 1)
    left = sum(unit.length for unit in units)
    right = sum(unit.length for unit in others)
    mean = (left + right / ratio) / 2
    delta = (right - left * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    # -log of the chance of a difference at least this large between true translations
    tail = math.erfc(abs(delta) / math.sqrt(2))
    return mismatch + (-math.log(tail) if tail > 1e-300 else 700.0)


def _native(units: list[_Unit], others: list[_Unit], ratio: float
            ) -> tuple[list[tuple[list[_Unit], list[_Unit]]], float]:
    """A long stretch without anchors: Gale and Church's own aligner on lengths alone."""
    block = galechurch.align(["x" * max(1, unit.length) for unit in units],
                             ["x" * max(1, unit.length) for unit in others], mean_xy=ratio)
    beads = [(units[bead.source_start:bead.source_end], others[bead.target_start:bead.target_end])
             for bead in block.beads]
    return beads, block.score / 100


def _indexes(units: list[_Unit]) -> list[int]:
    return [index for unit in units for index in unit.blocks]


def _with_apparatus(beads: list[tuple[list[_Unit], list[_Unit]]], left_size: int,
                    right_size: int) -> list[Pair]:
    """Ranges of blocks for each pair; the blocks left out of the pairing (apparatus) stay
    inside the pair whose blocks stand on both sides of them, or stand alone between pairs."""
    pairs: list[Pair] = []
    next_left = next_right = 0
    for left_units, right_units in beads:
        left, right = _indexes(left_units), _indexes(right_units)
        if left and left[0] > next_left:
            pairs.append(Pair(range(next_left, left[0]), range(0)))
        if right and right[0] > next_right:
            pairs.append(Pair(range(0), range(next_right, right[0])))
        left_range = range(left[0], left[-1] + 1) if left else range(0)
        right_range = range(right[0], right[-1] + 1) if right else range(0)
        pairs.append(Pair(left_range, right_range))
        next_left = left_range.stop if left else next_left
        next_right = right_range.stop if right else next_right
    if next_left < left_size:
        pairs.append(Pair(range(next_left, left_size), range(0)))
    if next_right < right_size:
        pairs.append(Pair(range(0), range(next_right, right_size)))
    return pairs
