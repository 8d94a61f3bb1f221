"""Word-by-word collation of two witnesses of one text (a draft and the cable as sent)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

_TOKEN = re.compile(r"\w+|[^\w\s]")

Operation = Literal["same", "deleted", "added", "changed"]


@dataclass(frozen=True, slots=True)
class Variant:
    """A stretch of the two witnesses: the same in both, or what one has instead of the other.

    ``first`` is the text in the first witness, ``second`` in the second."""

    operation: Operation
    first: str
    second: str


def collate(first: str, second: str) -> list[Variant]:
    """The differences between two texts word by word; spacing and line breaks are ignored,
    case and punctuation are not (a struck comma is a variant too)."""
    a, b = _TOKEN.findall(first), _TOKEN.findall(second)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    operations: dict[str, Operation] = {"equal": "same", "delete": "deleted",
                                        "insert": "added", "replace": "changed"}
    return [Variant(operations[tag], _join(a[i1:i2]), _join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _join(tokens: list[str]) -> str:
    """Words with single spaces, punctuation against the word before it."""
    text = ""
    for token in tokens:
        opens_after = text.endswith(("(", "[", "«", "„"))
        if text and (token[0].isalnum() or token in "([«„\"'") and not opens_after:
            text += " "
        text += token
    return text
