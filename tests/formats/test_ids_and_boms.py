"""What every reader lets in: ids of one documented pattern, and files that begin with a BOM.

A JSON Lines export edited by hand can carry any id at all; a Markdown record's id comes from
its permalink; a TEI file names its own. Each must be an id the archive can put in a URL, and
a bad one is refused with the file and line it came from, whichever reader found it.
"""

from __future__ import annotations

import codecs
from dataclasses import replace

import pytest

from chancery.errors import InputError
from chancery.formats import authority_yaml, ids, jsonl, tei, tei_export, wilson_markdown
from tests.conftest import MAO_1948, SAMPLES

BOM = codecs.BOM_UTF8
FRUS = SAMPLES / "frus" / "frus1955-57v03.xml"
AUTHORITY = SAMPLES.parent / "chancery" / "data" / "authority.yaml"


@pytest.mark.parametrize("identifier", [
    "wilson:121768",  # a Wilson Center record
    "wilson:telegram-stalin-to-mao",  # a permalink with a slug and no number
    "frus:frus1952-54v08/d18",  # a FRUS document in its volume
    "frus:frus1961-63v07-09mSupp/d5",
    "tei:letter1",
    "tei:pg_1",
    "chancery:2024.07/item-3",
])
def test_ids_the_readers_make_are_ids(identifier):
    assert ids.problem(identifier) == ""


@pytest.mark.parametrize("identifier, why", [
    ("", "empty"),
    ("wilson:", "not a document id"),
    ("121768", "not a document id"),  # no scheme
    ("Wilson:121768", "not a document id"),  # schemes are lower case
    ("wilson:12 17", "not a document id"),
    ("wilson:121768\r\nSet-Cookie: x", "not a document id"),
    ("wilson:121768\n", "not a document id"),
    ('wilson:"121768"', "not a document id"),
    ("wilson:<script>", "not a document id"),
    ("frus:frus1952/../../etc/passwd", "'..' path segment"),
    ("frus:a/./b", "'..' path segment"),
    ("wilson:" + "1" * 300, "over 200"),
])
def test_ids_that_would_break_a_url_or_a_path_are_refused(identifier, why):
    assert why in ids.problem(identifier)


def _line(identifier: str) -> bytes:
    mao = wilson_markdown.read(MAO_1948.read_bytes(), MAO_1948.name)
    return jsonl.dumps(replace(mao, id=identifier))


@pytest.mark.parametrize("identifier", ["", "wilson:1\r\n2", 'wilson:"x"', "wilson:a/../b"])
def test_a_jsonl_line_with_a_bad_id_is_refused_with_its_file_and_line(identifier):
    read = list(jsonl.read(_line("wilson:113702") + b"\n" + _line(identifier) + b"\n",
                           "export.jsonl"))
    assert [found.id for found in read if not isinstance(found, InputError)] == [
        "wilson:113702"]
    error, = [found for found in read if isinstance(found, InputError)]
    assert str(error).startswith("export.jsonl:2: ")


def test_a_record_whose_permalink_gives_no_id_is_refused_at_its_citation():
    record = MAO_1948.read_bytes().replace(b"/document/113702>", b"/document/..>")
    with pytest.raises(InputError) as caught:
        wilson_markdown.read(record, "mao.md")
    assert str(caught.value).startswith("mao.md:9: 'wilson:..' is not a document id")


def test_a_tei_file_naming_a_bad_id_is_refused_at_its_idno():
    mao = wilson_markdown.read(MAO_1948.read_bytes(), MAO_1948.name)
    exported = tei_export.write(replace(mao, id="wilson:113702/../../admin"))
    with pytest.raises(InputError) as caught:
        list(tei.read(exported, "mao.xml"))
    assert caught.value.source == "mao.xml" and caught.value.line is not None
    assert "path segment" in caught.value.message


def test_every_reader_accepts_a_byte_order_mark():
    mao = wilson_markdown.read(BOM + MAO_1948.read_bytes(), MAO_1948.name)
    assert mao.id == "wilson:113702"
    exported = jsonl.dumps(mao) + b"\n"
    assert [found.id for found in jsonl.read(BOM + exported, "export.jsonl")] == [
        "wilson:113702"]
    assert jsonl.sniff("export", (BOM + exported).decode("utf-8"))
    assert len(list(tei.read(BOM + FRUS.read_bytes(), FRUS.name))) == len(
        list(tei.read(FRUS.read_bytes(), FRUS.name)))
    assert authority_yaml.read(BOM + AUTHORITY.read_bytes(), AUTHORITY.name) == \
        authority_yaml.read(AUTHORITY.read_bytes(), AUTHORITY.name)


def test_the_pattern_in_the_docs_is_the_one_the_readers_check():
    docs = (SAMPLES.parent / "docs" / "json.md").read_text()
    assert f"^{ids.PATTERN.pattern}$" in docs
