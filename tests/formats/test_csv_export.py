"""CSV export: a row per document with the catalogue's fields, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from chancery.formats import csv_export


def rows(*documents):
    return list(csv.DictReader(io.StringIO("".join(csv_export.write(documents)))))


def test_a_row_per_document_with_its_metadata(stalin, mao):
    cable, letter = rows(stalin, mao)
    assert cable["id"] == "wilson:121768" and cable["date"] == "1949-02-03"
    assert cable["senders"] == "Filippov [Stalin]"
    assert cable["archival_references"] == "RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061"
    assert cable["classification"] == "top secret"
    assert cable["rendition_languages"] == "en | ru"
    assert letter["translators"] == "Sergey Radchenko"
    assert list(cable) == list(csv_export.COLUMNS)


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(mao):
    (row,) = rows(replace(mao, title='=HYPERLINK("http://evil.example","x")', summary="-2+3"))
    assert row["title"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert row["summary"] == "'-2+3"


def test_an_empty_archive_still_gets_the_header():
    assert "".join(csv_export.write([])).startswith("id,date,date_text,title")
