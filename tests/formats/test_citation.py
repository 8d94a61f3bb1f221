"""Citations of the real records: the styles, and downloads a reference manager reads back."""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import bibtexparser
import pytest
import rispy

from chancery.formats import citation, tei
from chancery.model import Document, PlaceInVolume, Volume
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
# the teiHeader of frus1952-54v02p1 (../shared/corpus/frus-volumes): a volume with a part
NATIONAL_SECURITY = Volume(
    "frus1952-54v02p1", "Foreign Relations of the United States, 1952–1954, National Security "
    "Affairs, Volume II, Part 1", series="Foreign Relations of the United States",
    period="1952–1954", number="II", part="1", subtitle="National Security Affairs",
    editors=("William Z. Slany", "Lisle A. Rose", "Neal H. Petersen"),
    publisher="United States Government Printing Office", place="Washington", year="1984")


@pytest.fixture(scope="module")
def china():
    """Document 95 of FRUS 1955-1957, vol. III, China (samples/frus), and its volume."""
    reading = tei.read_volume(FRUS_1955_57_V03.read_bytes(), FRUS_1955_57_V03.name)
    document = next(document for document in reading.documents() if document.id.endswith("d95"))
    for _rest in reading.documents():
        pass
    return document, reading.volume


@pytest.fixture
def lovett():
    """Document 2 of FRUS 1952-1954, vol. II, part 1 (as the volume prints it)."""
    return Document("frus:frus1952-54v02p1/d2", "The Secretary of Defense (Lovett) to the "
                    "President", None, document_type="letter",
                    permalink="https://history.state.gov/historicaldocuments/frus1952-54v02p1/d2",
                    in_volume=PlaceInVolume("frus1952-54v02p1", "2"))


def test_frus_telegram_in_every_style(china):
    document, volume = china
    url = "https://history.state.gov/historicaldocuments/frus1955-57v03/d95"
    title = "Telegram From the Secretary of State to the Department of State"
    fr = "<i>Foreign Relations of the United States, 1955–1957</i>"
    gpo = "United States Government Printing Office"
    assert citation.render(document, "chicago", note=True, volume=volume) == (
        f"“{title},” in {fr}, no. 95, vol. 3, <i>China</i>, ed. John P. Glennon et al. "
        f"({gpo}, 1986), {url}.")
    assert citation.render(document, "chicago", volume=volume) == (
        f"“{title}.” In {fr}, No. 95, vol. 3, <i>China</i>, edited by John P. Glennon, "
        f"Harriet D. Schwar, and Louis J. Smith. {gpo}, 1986. {url}.")
    assert citation.render(document, "mla", volume=volume) == (
        f"“{title}.” <i>China</i>, edited by John P. Glennon et al., vol. 3, no. 95, {gpo}, "
        f"1986, {url}. Vol. 3 of {fr}.")
    assert citation.render(document, "apa", volume=volume) == (
        f"{title}. (1986). In John P. Glennon, Harriet D. Schwar, &amp; Louis J. Smith (eds.), "
        f"<i>Foreign Relations of the United States, 1955–1957: Vol. 3. China</i> (No. 95). "
        f"{gpo}. {url}")


def test_a_volume_part_is_cited_with_its_part(lovett):
    note = citation.render(lovett, "chicago", note=True, volume=NATIONAL_SECURITY)
    assert note.startswith("“The Secretary of Defense (Lovett) to the President,” in <i>Foreign "
                           "Relations of the United States, 1952–1954</i>, no. 2, vol. 2, "
                           "<i>National Security Affairs</i>, pt. 1, ed. William Z. Slany et al.")
    assert "Vol. 2, pt. 1, of <i>Foreign Relations of the United States, 1952–1954</i>." in \
        citation.render(lovett, "mla", volume=NATIONAL_SECURITY)
    assert "(No. 2; Pt. 1)" in citation.render(lovett, "apa", volume=NATIONAL_SECURITY)


def test_frus_bibtex_is_a_part_of_the_volume(lovett):
    entry = bibtexparser.parse_string(citation.bibtex(lovett, NATIONAL_SECURITY)).entries[0]
    assert entry.entry_type == "incollection"
    assert entry["booktitle"] == ("Foreign Relations of the United States, 1952–1954, vol. 2, "
                                  "pt. 1, National Security Affairs")
    assert entry["editor"] == "{William Z. Slany} and {Lisle A. Rose} and {Neal H. Petersen}"
    assert (entry["publisher"], entry["address"], entry["year"], entry["note"]) == (
        "United States Government Printing Office", "Washington", "1984", "Document 2")


def test_frus_ris_is_a_book_section(lovett):
    record = rispy.loads(citation.ris(lovett, NATIONAL_SECURITY))[0]
    assert record["type_of_reference"] == "CHAP"
    assert record["secondary_title"].endswith("vol. 2, pt. 1, National Security Affairs")
    assert record["volume"] == "2" and record["year"] == "1984"
    assert record["publisher"] == "United States Government Printing Office"


def test_frus_csl_json_maps_the_volume(china):
    document, volume = china
    item = json.loads(citation.csl_json(document, volume))[0]
    assert item["type"] == "chapter" and item["number"] == "95"
    assert item["container-title"] == "Foreign Relations of the United States, 1955–1957"
    assert (item["volume"], item["volume-title"], item["publisher-place"]) == (
        "3", "China", "Washington")
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
                     citation.render(lovett, style, volume=NATIONAL_SECURITY)):
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
