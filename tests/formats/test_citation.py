"""Citations of the real records: the styles, and downloads a reference manager reads back."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest
import rispy

from chancery.formats import citation, tei
from chancery.model import Document, Volume
from tests.conftest import SAMPLES


def test_chicago_note_follows_the_archive_citation(stalin):
    note = citation.render(stalin, "chicago", note=True)
    assert note.startswith("Filippov [Stalin], “Cable, Filippov [Stalin] to Anastas Mikoyan,”")
    assert "trans. Sergey Radchenko" in note
    assert "February 3, 1949" in note
    assert "f. 558, op. 11, d. 344, ll. 0057-0061" in note
    assert "Russian State Archive of Socio-Political History (RGASPI)" in note
    assert note.rstrip(".").endswith("https://digitalarchive.wilsoncenter.org/document/121768")


def test_mla_and_apa(stalin):
    assert "3 Feb. 1949" in citation.render(stalin, "mla")
    apa = citation.render(stalin, "apa")
    assert apa.startswith("Filippov [Stalin]. (1949). <i>Cable, Filippov [Stalin] to Anastas")


def test_the_digital_archive_is_read_from_the_citation(stalin, mao):
    assert citation.published_in(stalin) == "History and Public Policy Program Digital Archive"
    assert citation.published_in(mao) == "Wilson Center Digital Archive"


def test_bibtex_parses_back_with_the_same_fields(stalin):
    library = bibtexparser.parse_string(citation.bibtex(stalin))
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry.entry_type == "misc" and entry.key == "wilson121768"
    assert entry["title"] == "Cable, Filippov [Stalin] to Anastas Mikoyan"
    assert entry["date"] == "1949-02-03" and entry["year"] == "1949"
    assert entry["url"] == "https://digitalarchive.wilsoncenter.org/document/121768"


def test_bibtex_escapes_tex_specials(mao):
    library = bibtexparser.parse_string(citation.bibtex(replace(mao, title="50% & {more}")))
    assert library.entries[0]["title"] == r"50\% \& \{more\}"


def test_ris_reads_back_as_a_manuscript(mao):
    record = rispy.loads(citation.ris(mao))[0]
    assert record["type_of_reference"] == "MANSCPT"
    assert record["title"] == "Cable, Mao Zedong to Filippov [Stalin]"
    assert record["year"] == "1948"


def test_csl_json_dates_and_archive(mao):
    item = json.loads(citation.csl_json(mao))[0]
    assert item["issued"] == {"date-parts": [[1948, 4, 26]]}
    assert item["archive_location"] == "f. 39, op. 1, d. 31, ll. 30-31"
    assert item["archive"].startswith("APRF") or "(APRF)" in item["archive"]


# --- FRUS: a document of a volume, cited as historians cite FRUS ---------------------------

FRUS_1955_57_V03 = SAMPLES / "frus" / "frus1955-57v03.xml"
# extracts of ../shared/corpus/frus-volumes: the header and two documents each
EXTRACTS = Path(__file__).resolve().parent.parent / "data" / "frus"
URL = "https://history.state.gov/historicaldocuments/"
FRUS = "<i>Foreign Relations of the United States, {}</i>"
GPO = "Government Printing Office"


def _read(path: Path, number: str) -> tuple[Document, Volume]:
    reading = tei.read_volume(path.read_bytes(), path.name)
    documents = list(reading.documents())
    return next(document for document in documents if document.in_volume.number == number), \
        reading.volume


@pytest.fixture(scope="module")
def china():
    """Document 95 of FRUS 1955-1957, vol. III, China (samples/frus), and its volume."""
    return _read(FRUS_1955_57_V03, "95")


@pytest.fixture(scope="module")
def lovett():
    """Document 2 of FRUS 1952-1954, vol. II, part 1, National Security Affairs."""
    return _read(EXTRACTS / "citation-frus1952-54v02p1.xml", "2")


@pytest.fixture(scope="module")
def berlin():
    """Document 1 of FRUS 1958-1960, vol. VIII, Berlin Crisis (its sub-series title names the
    series, and its general editor stands last)."""
    return _read(EXTRACTS / "citation-frus1958-60v08.xml", "1")


def test_the_general_editor_is_read_apart_from_the_volumes_editors(china, lovett, berlin):
    assert (china[1].editors, china[1].general_editor) == (
        ("Harriet D. Schwar", "Louis J. Smith"), "John P. Glennon")
    assert (lovett[1].editors, lovett[1].general_editor) == (
        ("Lisle A. Rose", "Neal H. Petersen"), "William Z. Slany")
    assert (berlin[1].editors, berlin[1].general_editor) == (
        ("Charles S. Sampson",), "Glenn W. LaFantasie")


def test_chicago_note_is_the_office_of_the_historians_form(china):
    document, volume = china
    title = "Telegram From the Secretary of State to the Department of State"
    assert citation.render(document, "chicago", note=True, volume=volume) == (
        f"“{title},” in {FRUS.format('1955–1957')}, vol. III, <i>China</i>, ed. Harriet D. "
        f"Schwar and Louis J. Smith (Washington, DC: {GPO}, 1986), doc. 95, "
        f"{URL}frus1955-57v03/d95.")
    assert citation.render(document, "chicago", volume=volume) == (
        f"“{title}.” In {FRUS.format('1955–1957')}, vol. III, <i>China</i>, edited by Harriet "
        f"D. Schwar and Louis J. Smith, doc. 95. Washington, DC: {GPO}, 1986. "
        f"{URL}frus1955-57v03/d95.")


def test_mla_and_apa_cite_the_titled_volume_of_the_series(china):
    document, volume = china
    title = "Telegram From the Secretary of State to the Department of State"
    assert citation.render(document, "mla", volume=volume) == (
        f"“{title}.” <i>China</i>, edited by Harriet D. Schwar and Louis J. Smith, {GPO}, 1986, "
        f"doc. 95. {FRUS.format('1955–1957')}, vol. 3, {URL}frus1955-57v03/d95.")
    assert citation.render(document, "apa", volume=volume) == (
        f"{title}. (1986). In H. D. Schwar &amp; L. J. Smith (Eds.), <i>Foreign Relations of "
        f"the United States, 1955–1957: Vol. 3. China</i> (Document 95). {GPO}. "
        f"{URL}frus1955-57v03/d95")


def test_a_volume_part_in_every_style(lovett):
    document, volume = lovett
    title = "The Secretary of Defense (Lovett) to the President"
    fr = FRUS.format("1952–1954")
    url = f"{URL}frus1952-54v02p1/d2"
    assert citation.render(document, "chicago", note=True, volume=volume) == (
        f"“{title},” in {fr}, vol. II, pt. 1, <i>National Security Affairs</i>, ed. Lisle A. "
        f"Rose and Neal H. Petersen (Washington, DC: {GPO}, 1984), doc. 2, {url}.")
    assert citation.render(document, "chicago", volume=volume) == (
        f"“{title}.” In {fr}, vol. II, pt. 1, <i>National Security Affairs</i>, edited by Lisle "
        f"A. Rose and Neal H. Petersen, doc. 2. Washington, DC: {GPO}, 1984. {url}.")
    assert citation.render(document, "mla", volume=volume) == (
        f"“{title}.” <i>National Security Affairs</i>, edited by Lisle A. Rose and Neal H. "
        f"Petersen, {GPO}, 1984, doc. 2. {fr}, vol. 2, pt. 1, {url}.")
    assert citation.render(document, "apa", volume=volume) == (
        f"{title}. (1984). In L. A. Rose &amp; N. H. Petersen (Eds.), <i>Foreign Relations of "
        f"the United States, 1952–1954: Vol. 2, Pt. 1. National Security Affairs</i> "
        f"(Document 2). {GPO}. {url}")


def test_a_sub_series_title_that_names_the_series_is_not_doubled(berlin):
    document, volume = berlin
    assert citation.render(document, "chicago", note=True, volume=volume) == (
        f"“Telegram From the Embassy in Germany to the Department of State,” in "
        f"{FRUS.format('1958–1960')}, vol. VIII, <i>Berlin Crisis, 1958–1959</i>, ed. Charles "
        f"S. Sampson (Washington, DC: {GPO}, 1993), doc. 1, {URL}frus1958-60v08/d1.")
    assert "In C. S. Sampson (Ed.), <i>Foreign Relations of the United States, 1958–1960: " \
        "Vol. 8. Berlin Crisis, 1958–1959</i> (Document 1)." in \
        citation.render(document, "apa", volume=volume)


def test_many_editors_are_the_first_et_al_where_the_style_says(china):
    document, volume = china
    four = replace(volume, editors=("Neal H. Petersen", "Ralph R. Goodwin", "Marvin W. Kranz",
                                    "William Z. Slany"))
    assert ", ed. Neal H. Petersen et al. (Washington, DC:" in \
        citation.render(document, "chicago", note=True, volume=four)  # four or more
    assert "edited by Neal H. Petersen, Ralph R. Goodwin, Marvin W. Kranz, and William Z. " \
        "Slany, doc. 95." in citation.render(document, "chicago", volume=four)
    assert "edited by Neal H. Petersen et al.," in citation.render(  # three or more
        document, "mla", volume=replace(four, editors=four.editors[:3]))
    assert "In N. H. Petersen, R. R. Goodwin, M. W. Kranz, &amp; W. Z. Slany (Eds.)," in \
        citation.render(document, "apa", volume=four)


def test_a_volume_without_a_title_of_its_own_or_editors(china):
    document, volume = china
    bare = replace(volume, subtitle="", editors=())
    assert citation.render(document, "chicago", note=True, volume=bare).startswith(
        f"“Telegram From the Secretary of State to the Department of State,” in "
        f"{FRUS.format('1955–1957')}, vol. III (Washington, DC: {GPO}, 1986), doc. 95, ")
    assert f"” {FRUS.format('1955–1957')}, vol. 3, {GPO}, 1986, doc. 95, {URL}" in \
        citation.render(document, "mla", volume=bare)
    assert f"In {FRUS.format('1955–1957')} (Vol. 3, Document 95). {GPO}." in \
        citation.render(document, "apa", volume=bare)


@pytest.mark.parametrize(("printed", "csl"), [
    ("Harriet D. Schwar", {"family": "Schwar", "given": "Harriet D."}),
    ("William F. Sanford, Jr.", {"family": "Sanford", "given": "William F.", "suffix": "Jr."}),
    ("Harriet Dashiell Schwar", {"family": "Schwar", "given": "Harriet Dashiell"}),
    ("Jan van der Berg", {"family": "van der Berg", "given": "Jan"}),
    ("Staff", {"literal": "Staff"}),
])
def test_an_editors_name_as_printed_is_read_into_its_parts(printed, csl):
    assert citation._name(printed) == csl


@pytest.mark.parametrize(("header", "item"), [
    ({"number": "XIX", "part": "1"}, {"volume": "XIX", "part-number": "1"}),  # as printed
    ({"series": "Foreign Relations of the United States", "period": "1969-1976"},
     {"container-title": "Foreign Relations of the United States, 1969–1976"}),
    ({"publisher": "United States Government Printing Office", "place": "Washington"},
     {"publisher": GPO, "publisher-place": "Washington, DC"}),
    ({"publisher": "Office of the Historian", "place": "Washington, DC"},
     {"publisher": "Office of the Historian", "publisher-place": "Washington, DC"}),
])
def test_a_volumes_header_in_csl(header, item):
    volume = Volume("frus1969-76v19p1", "FRUS", **header)
    mapped = citation.csl_item(Document("frus:frus1969-76v19p1/d8", "Telegram", None), volume)
    assert {key: mapped[key] for key in item} == item


@pytest.mark.parametrize(("printed", "arabic"), [
    ("XIX", "19"), ("II", "2"), ("XXXVIII", "38"), ("VII/VIII/IX", "7/8/9"), ("E-14", "E-14"),
    ("19", "19")])
def test_mla_and_apa_give_volume_numbers_in_arabic(printed, arabic):
    assert citation._arabic(printed) == arabic


def test_frus_bibtex_is_a_part_of_the_volume(lovett):
    document, volume = lovett
    entry = bibtexparser.parse_string(citation.bibtex(document, volume)).entries[0]
    assert entry.entry_type == "incollection"
    assert entry["booktitle"] == ("Foreign Relations of the United States, 1952–1954, vol. II, "
                                  "pt. 1, National Security Affairs")
    assert entry["editor"] == "Rose, Lisle A. and Petersen, Neal H."
    assert (entry["publisher"], entry["address"], entry["year"], entry["note"]) == (
        GPO, "Washington, DC", "1984", "Document 2")


def test_frus_ris_is_a_book_section(lovett):
    document, volume = lovett
    record = rispy.loads(citation.ris(document, volume))[0]
    assert record["type_of_reference"] == "CHAP"
    assert record["secondary_title"].endswith("vol. II, pt. 1, National Security Affairs")
    assert record["secondary_authors"] == ["Rose, Lisle A.", "Petersen, Neal H."]
    assert record["volume"] == "II" and record["year"] == "1984"
    assert record["publisher"] == GPO


def test_frus_csl_json_maps_the_volume(china):
    document, volume = china
    item = json.loads(citation.csl_json(document, volume))[0]
    assert item["type"] == "chapter" and item["number"] == "95"
    assert item["container-title"] == "Foreign Relations of the United States, 1955–1957"
    assert (item["volume"], item["volume-title"], item["publisher-place"]) == (
        "III", "China", "Washington, DC")
    assert item["editor"] == [{"family": "Schwar", "given": "Harriet D."},
                              {"family": "Smith", "given": "Louis J."}]
    assert "author" not in item  # the title says who wrote to whom


# --- punctuation inside the quotation marks (American usage, the en-US locale) --------------

def test_wilson_record_has_punctuation_inside_the_quotes(mao):
    assert "“Cable, Mao Zedong to Filippov [Stalin],” Cable," in \
        citation.render(mao, "chicago", note=True)
    assert "“Cable, Mao Zedong to Filippov [Stalin].” Cable." in citation.render(mao, "chicago")
    assert citation.render(mao, "mla").startswith(
        "Mao Zedong. “Cable, Mao Zedong to Filippov [Stalin].” Cable. Translated by")


@pytest.mark.parametrize("style", ["chicago", "mla", "apa"])
def test_no_comma_or_period_follows_a_closing_quote(style, mao, stalin, lovett):
    for rendered in (citation.render(mao, style), citation.render(stalin, style),
                     citation.render(mao, style, note=True),
                     citation.render(lovett[0], style, volume=lovett[1]),
                     citation.render(lovett[0], style, note=True, volume=lovett[1])):
        assert not re.search(r"[”’](</[a-z]+>)*[.,]", rendered), rendered


@pytest.mark.parametrize(("formatted", "mended"), [
    ("“Title”, in", "“Title,” in"),
    ("“Title”. In", "“Title.” In"),
    ("“Why?”. In", "“Why?” In"),  # the question mark stands for the period
    ("“Title”</i>, in", "“Title,”</i> in"),
    ("“Title” (1948)", "“Title” (1948)"),
    ("‘Inner’, then", "‘Inner,’ then"),
])
def test_punctuation_moves_inside_a_closing_quote(formatted, mended):
    assert citation.punctuation_inside_quotes(formatted, "”’") == mended


def test_punctuation_stays_where_the_locale_keeps_it_outside():
    assert citation.punctuation_inside_quotes("“Title”, in", "") == "“Title”, in"


def test_citations_rendered_at_once_by_many_threads_are_each_whole(mao, stalin):
    # the reading room renders citations on a thread pool, all sharing one parsed style
    wanted = {(document.id, style): citation.render(document, style)
              for document in (mao, stalin) for style in ("chicago", "mla", "apa")}
    jobs = [key for key in wanted for _ in range(12)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda key: citation.render(
            mao if key[0] == mao.id else stalin, key[1]), jobs))
    assert got == [wanted[key] for key in jobs]
