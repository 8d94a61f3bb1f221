"""TEI layout whitespace collapses as a reader expects, and marks move with their words."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chancery.formats.tei_blocks import _LINE, _PARAGRAPH_BREAK, _normalise
from chancery.model import Mark, MarkKind


def walked(raw: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """The rule, character by character: a run of whitespace after words is one space, or
    one line break if it holds one; leading and trailing whitespace go."""
    kept: list[str] = []
    position = [0] * (len(raw) + 1)
    for index, character in enumerate(raw):
        position[index] = len(kept)
        if character in (_LINE, _PARAGRAPH_BREAK):
            while kept and kept[-1] == " ":
                kept.pop()
            if kept and kept[-1] != "\n":
                kept.append("\n")
        elif character.isspace():
            if kept and kept[-1] not in (" ", "\n"):
                kept.append(" ")
        else:
            kept.append(character)
    position[len(raw)] = len(kept)
    text = "".join(kept).strip()
    moved = [Mark(mark.kind, min(position[mark.start], len(text)),
                  min(position[mark.end], len(text)), mark.value) for mark in marks]
    return text, [mark for mark in moved if mark.end > mark.start]


_TEXT = st.text(alphabet=st.sampled_from(["a", "b", "é", "Ж", " ", "\n", "\t", "\u00a0",
                                          "\x1c", "\u3000", _LINE, _PARAGRAPH_BREAK]),
                max_size=40)


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=4))
def test_whitespace_collapses_and_marks_follow_their_characters(raw, spans):
    marks = [Mark(MarkKind.ITALIC, min(a, b, len(raw)), min(max(a, b), len(raw)))
             for a, b in spans]
    assert _normalise(raw, marks) == walked(raw, marks)


def test_a_line_break_survives_the_indentation_around_it():
    raw = "\n   Dear  Mr.\tPresident:" + _LINE + "\n    I have   your letter.  \n"
    text, [mark] = _normalise(raw, [Mark(MarkKind.ITALIC, raw.index("Mr."),
                                         raw.index("President") + 9)])
    assert text == "Dear Mr. President:\nI have your letter."
    assert text[mark.start:mark.end] == "Mr. President"
