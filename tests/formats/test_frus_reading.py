"""A FRUS volume read whole: dates, notes, editors' identifications and every element, on
extracts of real volumes (tests/data/frus) and on the placements the editors used."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.formats import frus_notes, tei
from chancery.model import BlockKind, MarkKind

DATA = Path(__file__).resolve().parent.parent / "data" / "frus"


def documents(name: str) -> dict:
    path = DATA / f"{name}-extract.xml"
    return {item.id.rsplit("/", 1)[1]: item for item in tei.read(path.read_bytes(), path.name)
            if not isinstance(item, Exception)}


def volume(body: str, ns: str = "http://history.state.gov/ns/1.0") -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="{ns}" xml:id="frus1961-63v99">
<teiHeader><fileDesc><titleStmt><title type="complete">Foreign Relations of the United States,
1961–1963, Volume XCIX, Testing</title></titleStmt><publicationStmt><idno type="frus">frus1961-63v99</idno>
</publicationStmt></fileDesc></teiHeader>
<text><body><div type="chapter" xml:id="ch1"><head>March 1962</head>
{body}
</div></body></text></TEI>""".encode()


def read(body: str) -> tuple[list, list[str]]:
    reading = tei.read_volume(volume(body), "frus1961-63v99.xml")
    found = [item for item in reading.documents() if not isinstance(item, Exception)]
    return found, reading.slips


def test_a_date_in_the_heading_and_the_parties_the_editors_tagged():
    memo = documents("frus1955-57v02")["d273"]
    assert (memo.date.start, memo.date.precision) == ("1955-06-19", "day")
    assert [party.text for party in memo.senders] == ["President"]
    assert [party.text for party in memo.recipients] == ["Secretary of State"]


def test_a_dateline_directly_in_the_document_div_gives_date_and_place():
    found, _ = read("""<div type="document" xml:id="d1" n="1"><head>1. Telegram From the
      Embassy in Japan to the Department of State</head>
      <dateline><placeName>Tokyo</placeName>, <date when="1962-03-02T10:00:00">March 2,
      1962—10 a.m.</date></dateline><p>Text.</p></div>""")
    [telegram] = found
    assert (telegram.date.start, telegram.date.precision) == ("1962-03-02", "day")
    assert [party.text for party in telegram.senders] == ["Embassy in Japan"]
    assert [party.text for party in telegram.recipients] == ["Department of State"]


def test_an_ambassador_to_a_country_is_not_cut_at_to():
    found, _ = read("""<div type="document" xml:id="d2" n="2"><head>2. Letter From the
      Ambassador to Japan (<persName corresp="#p_RE1">Reischauer</persName>) to the
      Secretary of State</head><opener><dateline>Tokyo, March 5, 1962.</dateline></opener>
      <p>Text.</p></div>""")
    [letter] = found
    assert [(party.text, party.name) for party in letter.senders] == [
        ("Ambassador to Japan (Reischauer)", "Reischauer")]
    assert letter.date.start == "1962-03-05"


def test_an_editorial_note_is_dated_approximately_by_what_it_tells_with_the_chapters_year():
    note = documents("frus1958-60v08")["d24"]  # "On November 10 …", chapter of 1958
    assert (note.date.start, note.date.approximate) == ("1958-11-10", True)


def test_undated_stays_undated_and_a_date_outside_the_volume_is_a_slip():
    found, slips = read("""<div type="document" xml:id="d3" n="3"><head>3. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d4" n="4"><head>4. Telegram</head>
      <dateline><date when="1862-03-02">March 2, 1862</date></dateline><p>Text.</p></div>""")
    assert [document.date for document in found] == [None, None]
    assert any("outside the volume's years" in slip and "frus1961-63v99.xml:" in slip
               for slip in slips)


def test_notes_in_every_placement_are_kept_numbered_and_referenced():
    found, _ = read("""<div type="document" xml:id="d5" n="5"><head>5. Memorandum</head>
      <note type="source">Source: Kennedy Library, Vol. 3, Meetings. Secret.</note>
      <p>Body<note n="2">In the body.</note> text.</p>
      <list><item>An item<note n="3">In an item, see <persName corresp="#p_RD1">Rusk</persName>.</note></item></list>
      <table><row><cell>A cell<note n="4">In a cell.</note></cell><cell>B</cell></row></table>
      <closer><signed>Dean Rusk<note n="5">Signed<note n="6">inside a note</note>.</note></signed></closer>
    </div>""")
    [memo] = found
    blocks = memo.renditions[0].blocks
    notes = {block.n: block for block in blocks if block.kind is BlockKind.NOTE}
    assert set(notes) == {"", "2", "3", "4", "5", "6"}
    assert memo.archival_references[0].raw == "Kennedy Library, Vol. 3, Meetings"
    references = [mark.value for block in blocks for mark in block.marks
                  if mark.kind is MarkKind.FOOTNOTE_REF]
    assert references == ["2", "3", "4", "5", "6"] or sorted(references) == ["2", "3", "4", "5", "6"]
    rusk = [mark for mark in notes["3"].marks if mark.kind is MarkKind.REFERENCE]
    assert [mark.value for mark in rusk] == ["frus:frus1961-63v99#p_RD1"]
    [table] = [block for block in blocks if block.kind is BlockKind.TABLE]
    assert table.text == "A cell4\tB"


def test_no_element_is_shown_raw():
    found, _ = read("""<div type="document" xml:id="d6" n="6"><head>6. Telegram</head>
      <opener><seg rendition="#center"><hi rend="smallcaps">secret</hi></seg></opener>
      <p>See <ref target="#d5">Document 5</ref> and <ref target="frus1958-60v08#d24">that</ref>.<gap/></p>
      <quote><p>Quoted.</p></quote><pb n="167"/>
      <list><item>one<list><item>nested</item></list></item></list>
      <figure><graphic url="map.png"/><head>A map</head></figure>
      <postscript><p>P.S.</p></postscript>
      <frus:attachment><head>Enclosure</head><p>Attached.</p></frus:attachment>
      <itemitem>kept as text</itemitem></div>""")
    [telegram] = found
    blocks = telegram.renditions[0].blocks
    assert not [block for block in blocks if block.kind is BlockKind.UNPARSED]
    assert not any("<" in block.text for block in blocks)
    kinds = {block.kind for block in blocks}
    assert {BlockKind.QUOTE, BlockKind.PAGE, BlockKind.FIGURE, BlockKind.ITEM} <= kinds
    links = [mark.value for block in blocks for mark in block.marks if mark.kind is MarkKind.LINK]
    assert links == ["frus:frus1961-63v99/d5", "frus:frus1958-60v08/d24"]
    assert [block.text for block in blocks if block.kind is BlockKind.ITEM] == ["one", "nested"]
    assert any(block.text == "Enclosure" and block.kind is BlockKind.HEADING for block in blocks)
    assert any(block.text == "kept as text" for block in blocks)


def test_a_document_without_a_heading_is_titled_by_its_number_and_said():
    found, slips = read("""<div type="document" xml:id="d7" n="7"><p>Washington, March 9, 1962.</p></div>""")
    assert [document.title for document in found] == ["Document 7"]
    assert any("d7 has no heading" in slip for slip in slips)


def test_a_repeated_xml_id_loses_nothing():
    found, slips = read("""<div type="document" xml:id="d8" n="8"><head>8. A</head><p xml:id="x">a</p></div>
      <div type="document" xml:id="d9" n="9"><head>9. B</head><p xml:id="x">b</p></div>""")
    assert [document.title for document in found] == ["A", "B"]
    assert slips


def test_archival_references_are_not_cut_at_abbreviations():
    [reference] = frus_notes.references(
        "Source: Eisenhower Library, Dulles Papers, Vol. 3, No. 12, pp. 4–5. Secret. Drafted by Smith.")
    assert reference.raw == "Eisenhower Library, Dulles Papers, Vol. 3, No. 12, pp. 4–5"


@pytest.mark.parametrize("note", [
    # 1964-68v30 sets some source notes in brackets, and one with a semicolon for the colon
    "[Source: Johnson Library, National Security File, Country File, China, Vol. V. Secret.]",
    "Source; Johnson Library, National Security File. Secret.",
])
def test_the_repository_of_a_source_note_set_otherwise(note):
    [reference] = frus_notes.references(note)
    assert reference.repository == "Johnson Library"


def test_an_editorial_note_takes_the_first_date_it_tells_not_a_later_full_one():
    note = documents("frus1955-57v02")["d77"]  # "A telegram of February 3 …", then a Bulletin
    assert (note.date.text, note.date.start, note.date.approximate) == (
        "February 3", "1955-02-03", True)


def test_a_day_and_month_without_a_year_takes_the_year_nearest_the_document_before_it():
    # a volume of three years, a chapter heading naming none: "On November 7" follows a
    # memorandum of November 5, 1952
    read = documents("frus1952-54v02p1")
    assert read["d32"].date.start == "1952-11-05"
    assert (read["d33"].date.start, read["d33"].date.approximate) == ("1952-11-07", True)


def test_days_of_one_month_are_a_range():
    note = documents("frus1952-54v02p1")["d4"]  # "held at Lisbon, February 20–25, 1952"
    assert (note.date.start, note.date.end, note.date.precision) == (
        "1952-02-20", "1952-02-25", "range")


def test_an_undated_document_is_dated_by_the_editors_word_in_its_source_note():
    # "Washington, undated"; "The original notes that the memorandum is dated “c. Jan. 31, 1918.”"
    memo = documents("frus1917-72PubDip")["d11"]
    assert (memo.date.start, memo.date.approximate) == ("1918-01-31", True)


def test_a_document_printed_undated_is_not_dated_by_an_event_its_text_names():
    # "Washington, undated"; its text speaks of "March 18", its source note says "Drafted by
    # Scott George (G/PM) on November 22"
    memo = documents("frus1964-68v11")["d166"]
    assert (memo.date.start, memo.date.approximate) == ("1966-11-22", True)
    found, _ = read("""<div type="document" xml:id="d10" n="10"><head>10. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p>
      <p>When the Council met on March 3, 1962, it heard the Secretary on the matter at length.</p>
      </div>""")
    assert [document.date for document in found] == [None]


def test_a_malformed_date_attribute_is_a_slip_and_the_date_as_printed_is_read():
    found, slips = read("""<div type="document" xml:id="d11" n="11"><head>11. Telegram</head>
      <dateline>Paris, <date when="1962-13-45">March 12, 1962</date></dateline><p>Text.</p></div>""")
    [telegram] = found
    assert (telegram.date.start, telegram.date.text) == ("1962-03-12", "March 12, 1962")
    assert any(slip.startswith("frus1961-63v99.xml:8: malformed date attribute '1962-13-45'")
               for slip in slips), slips


def test_a_pointer_to_a_missing_id_is_a_slip_naming_file_and_line_and_the_name_is_kept():
    found, slips = read("""<div type="document" xml:id="d12" n="12"><head>12. Memorandum</head>
      <p><persName corresp="#p_NOBODY">Rusk</persName> met <rs ref="#p_GONE">the Ambassador</rs>
      about the <gloss target="#t_NONE">NATO</gloss> paper; see <ref target="#d999">Document
      999</ref> and <ref target="#d12">this one</ref>.</p></div>""")
    [memo] = found
    assert "Rusk met the Ambassador about the NATO paper; see Document 999" in \
        memo.renditions[0].blocks[-1].text
    missing = [slip for slip in slips if "which this file does not have" in slip]
    assert [slip.split(" points")[0] for slip in missing] == [
        "frus1961-63v99.xml:8: persName/@corresp", "frus1961-63v99.xml:8: rs/@ref",
        "frus1961-63v99.xml:9: gloss/@target", "frus1961-63v99.xml:9: ref/@target"]
    assert "#d999" in missing[-1] and missing[-1].endswith("not a link)")
    assert missing[0].endswith("the name is linked by its letters alone)")


def test_a_note_standing_after_a_line_of_the_opener_is_that_line_s_footnote():
    # frus1948v01p2 d2: "Department of State Atomic Energy Files" with footnote 2 after it
    path = DATA / "frus1948v01p2-opener-notes.xml"
    [memo] = [item for item in tei.read(path.read_bytes(), path.name)
              if not isinstance(item, Exception)]
    blocks = memo.renditions[0].blocks
    files = next(block for block in blocks if block.text.startswith("Department of State"))
    assert files.text == "Department of State Atomic Energy Files2"
    assert [(mark.kind, files.text[mark.start:mark.end]) for mark in files.marks] == [
        (MarkKind.FOOTNOTE_REF, "2")]
    assert any(block.kind is BlockKind.NOTE and block.n == "2"
               and block.text.startswith("Lot 57D688") for block in blocks)


def test_a_page_break_inside_a_name_follows_the_name_and_keeps_its_identification():
    # frus1958-60v08 d347: "Von <pb n="802"/>Brentano", identified by the editors
    path = DATA / "frus1958-60v08-page-in-name.xml"
    [minutes] = [item for item in tei.read(path.read_bytes(), path.name)
                 if not isinstance(item, Exception)]
    blocks = list(minutes.renditions[0].blocks)
    before = next(index for index, block in enumerate(blocks) if "Von Brentano" in block.text)
    brentano = [blocks[before].text[mark.start:mark.end] for mark in blocks[before].marks
                if mark.value == "frus:frus1958-60v08#p_BHV1"]
    assert brentano == ["Von Brentano"]
    assert blocks[before].text.endswith("Von Brentano")
    assert (blocks[before + 1].kind, blocks[before + 1].n) == (BlockKind.PAGE, "802")
    assert blocks[before + 2].text.startswith("or Grewe to keep")


def test_a_figure_caption_keeps_the_editors_identification_of_a_name():
    # frus1969-76ve09p1 d87: a photograph of the 1973 Agadir summit, "Algerian President Boumediene"
    path = DATA / "frus1969-76ve09p1-figure-caption.xml"
    [memo] = [item for item in tei.read(path.read_bytes(), path.name)
              if not isinstance(item, Exception)]
    [figure] = [block for block in memo.renditions[0].blocks if block.kind is BlockKind.FIGURE]
    assert figure.text.startswith("1973 summit meeting on Spanish Sahara in Agadir")
    assert [(figure.text[mark.start:mark.end], mark.value) for mark in figure.marks] == [
        ("Boumediene", "frus:frus1969-76ve09p1#p_BH_1")]


def test_an_undated_document_is_placed_between_its_dated_neighbours_in_its_chapter():
    found, _ = read("""<div type="document" xml:id="d20" n="20"><head>20. Telegram</head>
      <dateline>Paris, March 2, 1962.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d21" n="21"><head>21. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d22" n="22"><head>22. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d23" n="23"><head>23. Telegram</head>
      <dateline>Rome, March 9, 1962.</dateline><p>Text.</p></div>""")
    placed = {document.id.rsplit("/", 1)[1]: document.date for document in found}
    assert [document.id.rsplit("/", 1)[1] for document in found] == ["d20", "d21", "d22", "d23"]
    for identifier in ("d21", "d22"):
        date = placed[identifier]
        assert (date.start, date.end, date.precision, date.approximate) == (
            "1962-03-02", "1962-03-09", "range", True)
        assert date.text == "undated; placed between March 2, 1962 and March 9, 1962"
    assert placed["d20"].approximate is False


def test_an_undated_document_without_a_dated_neighbour_on_each_side_stays_undated():
    # the first and the last of a chapter; and neighbours out of order say nothing
    found, _ = read("""<div type="document" xml:id="d30" n="30"><head>30. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d31" n="31"><head>31. Telegram</head>
      <dateline>Paris, March 9, 1962.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d32" n="32"><head>32. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d33" n="33"><head>33. Telegram</head>
      <dateline>Rome, March 2, 1962.</dateline><p>Text.</p></div>
      <div type="document" xml:id="d34" n="34"><head>34. Paper</head>
      <dateline>Washington, undated.</dateline><p>Text.</p></div>""")
    dates = {document.id.rsplit("/", 1)[1]: document.date for document in found}
    assert dates["d30"] is None and dates["d32"] is None and dates["d34"] is None


def test_a_real_undated_paper_is_placed_between_the_documents_around_it():
    # frus1952-54v02p1 d20, "[Washington, undated.]", sent under a covering memorandum of
    # September 2 (its neighbours: d19 of August 29, d21 of September 3, 1952)
    path = DATA / "frus1952-54v02p1-undated.xml"
    found = {item.id.rsplit("/", 1)[1]: item for item in tei.read(path.read_bytes(), path.name)}
    paper = found["d20"].date
    assert (paper.start, paper.end, paper.approximate) == ("1952-08-29", "1952-09-03", True)
    assert paper.text.startswith("undated; placed between")


def test_a_pointer_written_without_its_hash_is_the_editors_identification():
    # frus1955-57v13: <persName corresp="p_DJF1">Dulles</persName>
    found, _ = read("""<div type="document" xml:id="d40" n="40"><head>40. Memorandum</head>
      <dateline>Washington, March 5, 1962.</dateline>
      <p>Secretary <persName corresp="p_DJF1">Dulles</persName> met
      <persName key="Lodge">Lodge</persName>.</p></div>""")
    [memo] = found
    references = [mark.value for block in memo.renditions[0].blocks for mark in block.marks
                  if mark.kind is MarkKind.REFERENCE]
    assert references == ["frus:frus1961-63v99#p_DJF1"]
