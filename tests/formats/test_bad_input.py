"""Bad input: every broken file gets a ChanceryError naming the file and line, and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chancery.errors import ChanceryError, InputError
from chancery.formats import jsonl, wilson_markdown
from tests.conftest import MAO_1948, STALIN_1949, WILSON

GOOD = MAO_1948.read_bytes()


def error_for(data: bytes, name: str = "bad.md", **options) -> InputError:
    with pytest.raises(InputError) as caught:
        wilson_markdown.read(data, name, **options)
    return caught.value


def test_not_utf8_names_file_and_line():
    latin1 = GOOD.replace(b"Cable, Mao Zedong", "Cable, Mao Zédong".encode("latin-1"), 1)
    error = error_for(latin1)
    assert error.source == "bad.md"
    assert error.line == 7
    assert "not UTF-8" in str(error) and "bad.md:7" in str(error)


def test_binary_file_is_refused():
    error = error_for(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in error.message and error.line == 3  # the NUL follows two newlines


def test_empty_and_blank_files():
    assert error_for(b"").message == "empty file"
    assert error_for(b"\n\n   \n").message == "empty file"


def test_enormous_file_over_the_limit():
    error = error_for(GOOD, max_bytes=1000)
    assert "over the limit of 1,000" in error.message


def test_missing_date_heading():
    error = error_for(b"Just some text\nwith no headings\n")
    assert "no date heading" in error.message and error.line == 1


def test_missing_title_heading():
    error = error_for(b"\n\n## **April 26, 1948**\n\nno title here\n")
    assert "no title heading" in error.message and error.line == 4


def test_truncated_record_without_citation():
    cut = GOOD[:GOOD.index(b"#### **Citation")]
    error = error_for(cut)
    assert "Citation" in error.message and "truncated" in error.message


def test_citation_without_permalink():
    cut = GOOD[:GOOD.index(b"<https")]
    error = error_for(cut)
    assert "permalink" in error.message and error.line == 9


def test_bad_jsonl_line_names_line_and_field():
    good = jsonl.dumps(wilson_markdown.read(GOOD, "mao.md"))
    bad = good.replace(b'"precision":"day"', b'"precision":5')
    first, second = jsonl.read(good + b"\n" + bad + b"\n", "export.jsonl")
    assert first == jsonl.loads(good)  # the good line is read all the same
    assert isinstance(second, InputError) and second.line == 2
    assert "date.precision" in second.message


REAL = [path.read_text() for path in sorted(WILSON.glob("*.md"))]


@st.composite
def mutated_records(draw):
    """A real record with a few lines cut, swapped, duplicated or filled with noise."""
    lines = draw(st.sampled_from(REAL)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["cut", "dup", "noise", "truncate", "swap"]))
        if action == "cut":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "noise":
            lines[index] = draw(st.text(max_size=80))
        elif action == "truncate":
            lines = lines[:index]
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
    return "\n".join(lines)


def _only_chancery_errors(text: str) -> None:
    try:
        document = wilson_markdown.read(text.encode("utf-8", "surrogatepass"), "fuzz.md")
    except ChanceryError:
        return
    wilson_markdown.write(document)  # whatever was read can be written again
    assert jsonl.loads(jsonl.dumps(document)) == document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_records())
def test_mutated_real_records_give_a_document_or_a_chancery_error(text):
    _only_chancery_errors(text)


MARKUP = st.sampled_from(["## ", "### ", "#### **Citation:**", "#### **Contents:**", "**", "*",
                          "~~", "<sup>", "</sup>", "<u>", "</u>", "[", "]", "\\", "\n", "\n\n",
                          "✓", "1. ", "<https://x.org/document/12>", "57", "Экз. № 1", " - "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), MARKUP), max_size=40))
def test_arbitrary_text_gives_a_document_or_a_chancery_error(pieces):
    _only_chancery_errors("".join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_document_or_a_chancery_error(data):
    try:
        wilson_markdown.read(data, "fuzz.md")
    except ChanceryError:
        pass


def test_stalin_record_with_every_line_truncated_never_crashes():
    lines = STALIN_1949.read_text().split("\n")
    for cut in range(0, len(lines), 3):
        _only_chancery_errors("\n".join(lines[:cut]))
