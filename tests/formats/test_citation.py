"""Citations of the real records: the styles, and downloads a reference manager reads back."""

from __future__ import annotations

import json
from dataclasses import replace

import bibtexparser
import rispy

from chancery.formats import citation


def test_chicago_note_follows_the_archive_citation(stalin):
    note = citation.render(stalin, "chicago", note=True)
    assert note.startswith("Filippov [Stalin], “Cable, Filippov [Stalin] to Anastas Mikoyan”")
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
