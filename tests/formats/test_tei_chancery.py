"""TEI round trip: a document Chancery exported as TEI reads back to the same document."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from chancery.archive import Archive
from chancery.errors import InputError
from chancery.formats import tei, tei_export
from chancery.model import (Access, AccessLevel, Block, BlockKind, CableFact, Document,
                            HistoricalDate, Mark, MarkKind, Rendition, RenditionKind, Section,
                            Witness)
from tests.conftest import SAMPLES, WILSON

ROOT = Path(__file__).resolve().parents[2]


def round_trip(document: Document, mentions=()) -> Document:
    back, = tei.read(tei_export.write(document, mentions), "exported.xml")
    return back


def without_source(document: Document) -> Document:
    return replace(document, source=None)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tei-round-trip")
    with Archive.open(folder / "archive", create=True) as archive:
        archive.load_authority()
        archive.ingest([WILSON, SAMPLES / "frus"])
    return folder


def test_every_real_record_reads_back_to_the_same_document(ingested):
    with Archive.open(ingested / "archive") as archive:
        for document in archive.documents():
            back = round_trip(document, archive.links(document.id)[0])
            assert without_source(back) == without_source(document), document.id
            assert back.source.format == "tei"


def test_export_then_ingest_into_a_fresh_archive_gives_the_same_documents(ingested, tmp_path):
    def chancery(archive: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                               *args], capture_output=True, text=True, cwd=ROOT, timeout=300)

    exported = chancery(ingested / "archive", "export", "--format", "tei", "--out",
                        str(tmp_path / "tei"))
    assert exported.returncode == 0, exported.stderr
    fresh = tmp_path / "fresh"
    assert chancery(fresh, "init").returncode == 0
    ingest = chancery(fresh, "ingest", str(tmp_path / "tei"))
    assert ingest.stdout.strip().endswith("added 20, updated 0, unchanged 0, failed 0")
    with Archive.open(ingested / "archive") as before, Archive.open(fresh) as after:
        first = {document.id: without_source(document) for document in before.documents()}
        second = {document.id: without_source(document) for document in after.documents()}
    assert second == first
    draft = second["wilson:121768"].renditions[2]
    assert draft.witness.siglum == "B"
    assert any(mark.kind is MarkKind.DELETED for block in draft.blocks for mark in block.marks)


def test_what_the_samples_do_not_show_comes_back_too(stalin):
    """Access, approximate dates, sections, margins, folios as written, overlapping marks,
    unparsed blocks and empty renditions."""
    text = "Stalin struck this out and wrote more"
    blocks = (Block(BlockKind.FOLIO, "л. 57 об.", n="57"),
              Block(BlockKind.PARAGRAPH, text, (
                  Mark(MarkKind.DELETED, 7, 20), Mark(MarkKind.ITALIC, 14, 29),
                  Mark(MarkKind.IDENTIFICATION, 0, 6, "Iosif Stalin")), lang="en"),
              Block(BlockKind.MARGINAL, "Согласен", n="2", lang="ru"),
              Block(BlockKind.UNPARSED, "<table><row>kept</row></table>"),
              Block(BlockKind.ADDRESS, "To Cde.\nMikoyan", lang="en"))
    document = replace(
        stalin,
        date=HistoricalDate("early 1949", "1949-01-01", "1949-03-31", "range", True),
        access=Access(AccessLevel.EMBARGOED, "2031-01-01", ("editor", "admin")),
        sections=(Section("Tags", "Cold War\nKorea"),),
        renditions=(*stalin.renditions,
                    Rendition(RenditionKind.TRANSCRIPTION, "ru", blocks, label="Draft",
                              translator="", witness=Witness("C", "second draft", "ll. 60-61")),
                    Rendition(RenditionKind.TRANSLATION, "de", (), translator="Anna Schmidt")),
        cable=(*stalin.cable, CableFact("copy", "Copy No. 3", "3", len(stalin.renditions), 1)))
    assert without_source(round_trip(document)) == without_source(document)


_xml_text = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                  blacklist_characters="\ufffe\uffff")
                    | st.sampled_from("\n\t"), max_size=40)


@st.composite
def blocks(draw) -> Block:
    text = draw(_xml_text)
    marks: list[Mark] = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        kind = draw(st.sampled_from(list(MarkKind)))
        value = draw(st.sampled_from(["", "Stalin", "frus:v#p_1"]))
        # marks of one kind and value that touch or overlap are one mark (tei_profile)
        if end > start and all(not (mark.kind == kind and mark.value == value and
                                    mark.start <= end and start <= mark.end) for mark in marks):
            marks.append(Mark(kind, start, end, value))
    kind = draw(st.sampled_from([kind for kind in BlockKind if kind is not BlockKind.FOLIO]))
    if kind is BlockKind.UNPARSED:
        marks = []
    return Block(kind, text, tuple(marks), n=draw(st.sampled_from(["", "3", "57 об."])),
                 lang=draw(st.sampled_from(["", "en", "ru", "zh"])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(blocks(), max_size=5), _xml_text)
def test_any_text_and_marks_come_back(mao, generated, title):
    document = replace(mao, title=title, renditions=(
        Rendition(RenditionKind.TRANSCRIPTION, "ru", tuple(generated)),))
    assert without_source(round_trip(document)) == without_source(document)


def test_an_edited_file_with_an_unknown_access_level_names_the_file_and_line(mao):
    tree = etree.fromstring(tei_export.write(mao))
    level = tree.find(".//{http://www.tei-c.org/ns/1.0}ab[@type='access']")
    level.set("subtype", "secret")
    with pytest.raises(InputError) as raised:
        list(tei.read(etree.tostring(tree), "edited.xml"))
    assert re.fullmatch(r"edited\.xml:\d+: unknown access level 'secret'", str(raised.value))


@pytest.mark.parametrize("attributes, expected", [
    ({"when": "1948-04"}, ("1948-04-01", "1948-04-30", "month")),
    ({"when": "1949"}, ("1949-01-01", "1949-12-31", "year")),
    ({"notBefore": "1949-01", "notAfter": "1949-03"}, ("1949-01-01", "1949-03-31", "range")),
])
def test_an_editor_may_write_a_month_or_a_year(mao, attributes, expected):
    tree = etree.fromstring(tei_export.write(mao))
    date = tree.find(".//{http://www.tei-c.org/ns/1.0}correspAction/"
                     "{http://www.tei-c.org/ns/1.0}date")
    for name in ("when", "notBefore", "notAfter", "type"):
        date.attrib.pop(name, None)
    date.attrib.update(attributes)
    back, = tei.read(etree.tostring(tree), "edited.xml")
    assert (back.date.start, back.date.end, back.date.precision) == expected


@pytest.mark.parametrize("attributes", [{"when": "26 April 1948"}, {"when": "1948-02-30"},
                                        {"when": "1948-04-26", "type": "week"}])
def test_a_date_that_is_not_iso_is_refused_with_the_line(mao, attributes):
    tree = etree.fromstring(tei_export.write(mao))
    date = tree.find(".//{http://www.tei-c.org/ns/1.0}correspAction/"
                     "{http://www.tei-c.org/ns/1.0}date")
    date.attrib.update(attributes)
    with pytest.raises(InputError, match=r"edited\.xml:\d+: "):
        list(tei.read(etree.tostring(tree), "edited.xml"))
