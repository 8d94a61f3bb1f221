"""The TEI reader on the FRUS volume excerpt, a generic TEI text, and hostile XML."""

from __future__ import annotations

import pytest
from lxml import etree

from chancery.errors import InputError
from chancery.formats import tei
from chancery.model import BlockKind, MarkKind
from tests.conftest import SAMPLES

VOLUME = SAMPLES / "frus" / "frus1955-57v03.xml"


@pytest.fixture(scope="module")
def documents():
    return list(tei.read(VOLUME.read_bytes(), VOLUME.name))


def test_every_document_of_the_volume_is_read(documents):
    source = etree.parse(str(VOLUME))
    expected = source.xpath("//t:div[@type='document']/@xml:id", namespaces={"t": tei.TEI})
    assert [document.id for document in documents] == [f"frus:frus1955-57v03/{identifier}"
                                                       for identifier in expected]
    assert len(documents) == 14


def test_dates_and_senders_match_the_xml_read_independently(documents):
    source = etree.parse(str(VOLUME))
    namespaces = {"t": tei.TEI, "frus": tei.FRUS}
    divisions = source.xpath("//t:div[@type='document']", namespaces=namespaces)
    assert [document.date.start for document in documents] == [
        division.get(f"{{{tei.FRUS}}}doc-dateTime-min")[:10] for division in divisions]
    assert [[party.text for party in document.senders] for document in documents] == [
        [" ".join(element.xpath("string()").split()) for element in
         division.xpath("t:head//*[@type='from']", namespaces=namespaces)]
        for division in divisions]


def test_head_gives_title_sender_recipient_and_source(documents):
    first = documents[0]
    assert first.title == "Telegram From the Secretary of State to the Department of State"
    assert first.document_type == "telegram"
    assert [party.text for party in first.senders] == ["Secretary of State"]
    assert [party.text for party in first.recipients] == ["Department of State"]
    assert first.archival_references[0].raw.startswith("Department of State, Central Files")
    assert [(fact.kind, fact.value) for fact in first.cable] == [("classification", "secret")]
    assert first.permalink == "https://history.state.gov/historicaldocuments/frus1955-57v03/d95"
    assert first.collections == ("Foreign Relations of the United States, 1955–1957, China, "
                                 "Volume III",)
    assert first.citation.endswith("(Washington: United States Government Printing Office, "
                                   "1986), Document 95.")


def test_dateline_gives_date_and_place(documents):
    first = documents[0]
    assert (first.date.start, first.date.text) == ("1955-11-08", "November 8, 1955—10 p.m.")
    heading, dateline = first.renditions[0].blocks[:2]
    assert heading.kind is BlockKind.HEADING and heading.text.startswith("95. Telegram From")
    assert dateline.kind is BlockKind.DATELINE and dateline.text.startswith("Geneva")
    assert [document.date.start for document in documents][-1] == "1955-11-29"


def test_footnotes_keep_their_number_and_place(documents):
    blocks = documents[0].renditions[0].blocks
    notes = {block.n: block.text for block in blocks if block.kind is BlockKind.NOTE}
    assert notes["3"] == "In January 1955."
    assert notes["1"].startswith("Source: Department of State")
    reference = [block for block in blocks if "first-hand" in block.text][0]
    mark = [mark for mark in reference.marks if mark.kind is MarkKind.FOOTNOTE_REF][0]
    assert reference.text[mark.start:mark.end] == "3"
    assert blocks[2].text == "Secto 221. Tito Brioni Talks2—Communist China."


def test_a_page_break_inside_a_paragraph_splits_it_where_it_falls(documents):
    blocks = documents[0].renditions[0].blocks
    folio = [index for index, block in enumerate(blocks) if block.kind is BlockKind.PAGE][0]
    assert blocks[folio].n == "167"
    assert blocks[folio - 1].text.endswith("It was paradox")
    assert blocks[folio + 1].text.startswith("that Yugoslav and Chinese Communist")


def test_generic_tei_with_editorial_marks():
    text = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="letter1">
 <teiHeader><fileDesc><titleStmt><title>A draft letter</title></titleStmt>
  <publicationStmt><p>unpublished</p></publicationStmt>
  <sourceDesc><p>Written <date when="1949-02-03">3 February 1949</date></p></sourceDesc>
 </fileDesc></teiHeader>
 <text xml:lang="ru"><body>
  <p>Nam <del>ochen</del> <add>vesma</add> priyatno<note n="1">Marginal.</note>,
     <hi rend="italic">tovarishchi</hi>.<lb/>Second line.</p>
  <pb n="59"/>
  <table><row><cell>kept</cell></row></table>
 </body></text>
</TEI>"""
    document = list(tei.read(text, "letter.xml"))[0]
    assert document.id == "tei:letter1" and document.title == "A draft letter"
    assert document.date.start == "1949-02-03"
    paragraph, folio, table, note = document.renditions[0].blocks
    assert paragraph.text == "Nam ochen vesma priyatno1, tovarishchi.\nSecond line."
    marked = {mark.kind: paragraph.text[mark.start:mark.end] for mark in paragraph.marks}
    assert marked[MarkKind.DELETED] == "ochen" and marked[MarkKind.ADDED] == "vesma"
    assert marked[MarkKind.ITALIC] == "tovarishchi"
    assert (folio.kind, folio.n) == (BlockKind.FOLIO, "59")
    assert (table.kind, table.text) == (BlockKind.TABLE, "kept")
    assert (note.kind, note.text) == (BlockKind.NOTE, "Marginal.")


def test_sections_frus_marks_as_historical_documents_are_documents():
    # the shape of older FRUS volumes (frus1894Nicaragua): no numbered documents, a
    # President's message as a section with its attachment inside it
    text = b"""<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"
     xml:id="frus1894Nicaragua">
 <teiHeader><fileDesc><titleStmt>
  <title type="complete">Foreign Relations of the United States, 1894, Nicaragua</title>
 </titleStmt><publicationStmt><publisher>Government Printing Office</publisher>
  <pubPlace>Washington</pubPlace><date type="publication-date">1895</date>
 </publicationStmt><sourceDesc><p>printed</p></sourceDesc></fileDesc></teiHeader>
 <text><front><pb n="[1]" xml:id="pg_1"/>
  <div type="section" subtype="historical-document" xml:id="message-of-the-president"
       frus:doc-dateTime-min="1895-01-03T00:00:00-05:00"
       frus:doc-dateTime-max="1895-01-03T23:59:59-05:00">
   <head>Message of the President</head>
   <p>In response to the resolution of the Senate, I transmit a report.</p>
   <closer><signed>Grover Cleveland.</signed></closer>
   <frus:attachment><pb n="2" xml:id="pg_2"/><p>The Secretary of State has the honor.</p>
   </frus:attachment>
  </div>
  <div type="section" xml:id="editorial"><head>Editorial note</head><p>Not a paper.</p></div>
 </front></text>
</TEI>"""
    [message] = tei.read(text, "frus1894Nicaragua.xml")
    assert message.id == "frus:frus1894Nicaragua/message-of-the-president"
    assert message.title == "Message of the President"
    assert message.date.start == "1895-01-03"
    words = " ".join(block.text for block in message.renditions[0].blocks)
    assert "I transmit a report" in words and "The Secretary of State has the honor" in words
    assert message.publications[0].pages == "p. 2"
    assert "Document" not in message.citation


def test_malformed_xml_names_the_file_and_line():
    with pytest.raises(InputError) as caught:
        list(tei.read(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text>\n<p>open\n</TEI>',
                      "broken.xml"))
    assert caught.value.source == "broken.xml" and caught.value.line == 4


@pytest.mark.parametrize("attack", [
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>&lol2;</p></text></TEI>',
    b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>&xxe;</p></text></TEI>'])
def test_entity_expansion_and_external_entities_are_refused(attack):
    with pytest.raises(InputError, match="refused"):
        list(tei.read(attack, "attack.xml"))


def test_xml_that_is_not_tei_is_refused():
    with pytest.raises(InputError, match="not TEI"):
        list(tei.read(b"<html><body/></html>", "page.xml"))


def test_the_list_of_persons_gives_names_roles_and_frus_ids():
    people = {person.identifiers[0]: person for person in tei.persons(VOLUME.read_bytes(),
                                                                      VOLUME.name)}
    dulles = people["frus:frus1955-57v03#p_DJF1"]
    assert [name.text for name in dulles.names] == ["John Foster Dulles", "Dulles, John Foster"]
    assert dulles.description == "Secretary of State"
    assert [name.text for name in people["frus:frus1955-57v03#p_MT1"].names] == ["Mao Tse-tung"]


def test_names_the_editors_tagged_carry_their_identifier(documents):
    first = documents[0].renditions[0].blocks
    references = {block.text[mark.start:mark.end]: mark.value for block in first
                  for mark in block.marks if mark.kind is MarkKind.REFERENCE}
    assert references["Dulles"] == "frus:frus1955-57v03#p_DJF1"
    assert references["Mao"] == "frus:frus1955-57v03#p_MT1"


def test_the_list_of_terms_gives_each_term_its_meaning_and_frus_id():
    terms = {term.identifiers[0]: term for term in tei.terms(VOLUME.read_bytes(), VOLUME.name)}
    listed = etree.parse(str(VOLUME)).xpath(
        "//t:div[@xml:id='terms']//t:term/@xml:id", namespaces={"t": tei.TEI})
    assert len(terms) == len(listed) == 161
    anzus = terms["frus:frus1955-57v03#t_ANZUS1"]
    assert anzus.preferred == "ANZUS"
    assert anzus.description == \
        "Australia, New Zealand, and the United States (the ANZUS Pact nations)"
    assert terms["frus:frus1955-57v03#t_ACW1"].preferred == "AC&W"


def test_terms_the_editors_glossed_carry_their_identifier(documents):
    first = documents[0].renditions[0].blocks
    glossed = {block.text[mark.start:mark.end]: mark.value for block in first
               for mark in block.marks if mark.kind is MarkKind.REFERENCE}
    assert glossed["USSR"] == "frus:frus1955-57v03#t_USSR1"
