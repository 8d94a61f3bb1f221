"""Paragraph alignment of a translation with its original, by length (Gale-Church).

Translators keep the order of paragraphs but now and then merge or split them; Gale and
Church's length model pairs them so that long passages stay level side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import galechurch


@dataclass(frozen=True, slots=True)
class Pair:
    """Blocks of the left text and of the right text that translate each other."""

    left: range
    right: range


def align(left: Sequence[str], right: Sequence[str]) -> list[Pair]:
    """Pairs covering every block of both sides, in order; a side may be empty in a pair."""
    if not left or not right:
        return [Pair(range(index, index + 1), range(0)) for index in range(len(left))] + \
            [Pair(range(0), range(index, index + 1)) for index in range(len(right))]
    # Gale-Church measures characters; an empty block would divide by zero in its model
    block = galechurch.align([text or " " for text in left], [text or " " for text in right])
    return [Pair(range(bead.source_start, bead.source_end),
                 range(bead.target_start, bead.target_end)) for bead in block.beads]
