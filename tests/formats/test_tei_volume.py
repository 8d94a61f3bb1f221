"""A FRUS volume read as a stream: each document's place in its volume, its own fragment as
its source, and the volume's publication data, chapters and lists (an extract of a real
volume with chapters inside compilations)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from lxml import etree

from chancery.errors import InputError
from chancery.formats import tei

EXTRACT = Path(__file__).resolve().parent.parent / "data" / "frus" / "frus1958-60v18-extract.xml"


@pytest.fixture(scope="module")
def reading():
    reading = tei.read_volume(EXTRACT.read_bytes(), EXTRACT.name)
    reading.read = list(reading.documents())
    return reading


def test_each_document_knows_its_volume_chapters_number_and_first_page(reading):
    letter = next(document for document in reading.read
                  if document.id == "frus:frus1958-60v18/d204")
    place = letter.in_volume
    assert (place.volume, place.number, place.chapter_ids) == ("frus1958-60v18", "204",
                                                               ("comp2", "ch2"))
    assert place.chapters[0] == "Korea"
    assert place.chapters[1].startswith("January 1958–November 1959, U.S. Interest")
    assert place.page == "424"


def test_previous_and_next_run_through_the_volume_across_chapters(reading):
    ids = [document.id for document in reading.read]
    assert [document.in_volume.previous for document in reading.read] == ["", *ids[:-1]]
    assert [document.in_volume.next for document in reading.read] == [*ids[1:], ""]
    assert ids[2:4] == ["frus:frus1958-60v18/d3", "frus:frus1958-60v18/d204"]


def test_a_page_break_at_the_end_of_one_document_is_where_the_next_begins(reading):
    third = reading.read[2]
    assert third.in_volume.page == "4"  # <pb n="4"/> stands inside d2, after its text


def test_each_document_s_source_is_its_own_fragment_of_the_file_kept_once(reading):
    data = EXTRACT.read_bytes()
    whole = hashlib.sha256(data).hexdigest()
    assert reading.source.sha256 == whole and reading.source.text == data.decode()
    for document in reading.read:
        fragment = etree.fromstring(document.source.text.encode())
        assert fragment.get("{http://www.w3.org/XML/1998/namespace}id") == \
            document.id.rsplit("/", 1)[1]
        assert document.source.container == whole
        assert document.source.sha256 == hashlib.sha256(
            document.source.text.encode()).hexdigest()
    assert sum(len(document.source.text) for document in reading.read) < len(data)


def test_the_volume_gives_its_publication_data_from_the_header_titles(reading):
    volume = reading.volume
    assert volume.id == "frus1958-60v18"
    assert (volume.series, volume.period, volume.number, volume.part, volume.subtitle) == (
        "Foreign Relations of the United States", "1958–1960", "XVIII", "", "Japan; Korea")
    assert volume.editors[0] == "Madeline Chi"
    assert (volume.place, volume.year) == ("Washington", "1994")
    assert volume.source_sha256 == reading.source.sha256


def test_the_volume_s_chapters_are_a_tree_of_its_documents_in_order(reading):
    japan, korea = reading.volume.chapters
    assert (japan.id, japan.title, japan.documents) == ("comp1", "Japan", ())
    assert [chapter.id for chapter in korea.chapters] == ["ch2", "ch3"]
    assert korea.chapters[1].documents == ("frus:frus1958-60v18/d285",
                                           "frus:frus1958-60v18/d286")
    assert [(entry.id.rsplit("/", 1)[1], entry.number) for entry in
            reading.volume.documents] == [("d1", "1"), ("d2", "2"), ("d3", "3"),
                                          ("d204", "204"), ("d205", "205"),
                                          ("d285", "285"), ("d286", "286")]


def test_the_lists_of_persons_and_terms_keep_key_entry_and_description(reading):
    acheson = reading.volume.persons[0]
    assert (acheson.key, acheson.text) == ("p_ADG2", "Acheson, Dean G.")
    assert acheson.description.startswith("Secretary of State")
    assert len(reading.volume.persons) == 8
    assert [term.text for term in reading.volume.terms][:3] == ["AA", "AAA", "Admin"]
    assert all(term.key.startswith("t_") and term.description for term in
               reading.volume.terms)


def test_read_still_gives_the_documents_alone(reading):
    assert [document.id for document in tei.read(EXTRACT.read_bytes(), EXTRACT.name)] == \
        [document.id for document in reading.read]


VOLUME_HEAD = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frus1999v99">
 <teiHeader><fileDesc><titleStmt><title type="complete">A volume</title></titleStmt>
 <publicationStmt><idno type="frus">frus1999v99</idno></publicationStmt>
 <sourceDesc><p>printed</p></sourceDesc></fileDesc></teiHeader>
 <text><body><div type="chapter" xml:id="ch1"><head>One</head>
  <div type="document" xml:id="d1" n="1"><head>1. Telegram</head><p>First.</p></div>
"""


def test_broken_xml_keeps_the_documents_before_it_and_names_the_line():
    data = VOLUME_HEAD + b"""  <div type="document" xml:id="d2" n="2"><head>2. Memo</head><p>Second.</p></div>
  <div type="document" xml:id="d3" n="3"><head>3. Note</head><p>Broken.</div>
 </div></body></text></TEI>"""
    read = list(tei.read(data, "broken.xml"))
    assert [item.id for item in read[:-1]] == ["frus:frus1999v99/d1", "frus:frus1999v99/d2"]
    assert isinstance(read[-1], InputError) and read[-1].line == 9
    assert read[1].in_volume.next == ""


def test_a_repeated_xml_id_loses_nothing():
    data = VOLUME_HEAD + b"""  <div type="document" xml:id="d2" n="2"><head>2. Memo</head>
   <p>Second <pb n="5" xml:id="pg_5"/> and <pb n="5" xml:id="pg_5"/>.</p></div>
 </div></body></text></TEI>"""
    reading = tei.read_volume(data, "slip.xml")
    assert [document.id for document in reading.documents()] == ["frus:frus1999v99/d1",
                                                                  "frus:frus1999v99/d2"]
    assert reading.slips == ["slip.xml:9: ID pg_5 already defined (read past)"]


def test_a_note_numbered_0_without_a_type_is_the_source_note():
    """1961-63v22 numbers its source notes 0 and does not type them: the archival reference
    and the classification are read from them, and no "0" follows the heading."""
    data = (Path(__file__).resolve().parent.parent / "data" / "frus" /
            "names-frus1961-63v22.xml").read_bytes()
    document = next(iter(tei.read_volume(data, "names-frus1961-63v22.xml",
                                         10_000_000).documents()))
    assert [reference.repository for reference in document.archival_references] == \
        ["Washington National Records Center"]
    assert [(fact.kind, fact.value) for fact in document.cable] == [("classification", "secret")]
    heading = document.renditions[0].blocks[0]
    assert heading.text.endswith("Secretary of Defense McNamara")
    assert not [mark for mark in heading.marks if mark.kind.name == "FOOTNOTE_REF"]


@pytest.mark.parametrize("extract, number, kind", [
    ("names-frus1961-63v22.xml", "d228", "editorial note"),  # was "editorial"
    ("frus1969-76ve09p1-figure-caption.xml", "d87", "intelligence memorandum"),  # "intelligence"
    ("names-frus1961-63v22.xml", "d16", "memorandum"),  # "Memorandum From ... to ..."
])
def test_a_heading_without_parties_is_typed_by_all_its_words_before_a_number(extract, number,
                                                                             kind):
    data = (Path(__file__).resolve().parent.parent / "data" / "frus" / extract).read_bytes()
    documents = {document.id.rsplit("/", 1)[1]: document
                 for document in tei.read_volume(data, extract, 10_000_000).documents()}
    assert documents[number].document_type == kind
