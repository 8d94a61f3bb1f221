"""The query language on the real records: names, filters, dates, and broken input."""

from __future__ import annotations

import pytest

from chancery.archive import Archive
from chancery.search.query import AllOf, DateRange, Filter, Not, Phrase, Term, parse
from tests.conftest import WILSON

MAO, STALIN, BIERUT, DIRECTORATE, ZHOU, PAULS = (
    "wilson:113702", "wilson:121768", "wilson:134364", "wilson:175797", "wilson:114712",
    "wilson:119994")


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("search") / "archive", create=True) as opened:
        opened.load_authority()
        opened.ingest([WILSON])
        yield opened


def ids(archive, query):
    return {hit.id for hit in archive.search(query, limit=50).hits}


def test_parse_tree():
    assert parse('Stalin "big cities" -Moscow').node == AllOf((
        Term("Stalin"), Phrase("big cities"), Not(Term("Moscow"))))
    assert parse("commun* Poskrebyshov~").node == AllOf((
        Term("commun", prefix=True), Term("Poskrebyshov", fuzzy=1)))
    assert parse("date:1948-04..1949-02").node == DateRange("1948-04-01", "1949-02-31")
    assert parse('person:"Mao Zedong"').node == Filter("person", "Mao Zedong")


def test_stalin_finds_the_cables_signed_filippov(archive):
    assert {MAO, STALIN} <= ids(archive, "Stalin")
    assert ids(archive, "person:Stalin") >= {MAO, STALIN}
    assert ids(archive, "from:Stalin") == {STALIN}
    assert ids(archive, "to:Stalin") >= {MAO}


def test_every_spelling_of_mao_finds_the_same_documents(archive):
    mao = ids(archive, '"Mao Zedong"')
    assert {MAO, STALIN} <= mao
    assert ids(archive, '"Mao Tse-tung"') == mao
    assert ids(archive, '"Мао Цзэдун"') == mao


def test_filters_dates_and_boolean(archive):
    assert ids(archive, "type:cable lang:ru") == {MAO, STALIN, DIRECTORATE}
    assert ids(archive, "archive:RGASPI") == {STALIN, DIRECTORATE}
    assert ids(archive, 'classification:"top secret"') == {STALIN, DIRECTORATE}
    assert ids(archive, "date:1948") == {MAO}
    assert ids(archive, "date:1948-04..1949-02") == {MAO, STALIN}
    assert ids(archive, "lang:Chinese") == {ZHOU}
    assert ids(archive, "Harbin OR Pyongyang") == {MAO, DIRECTORATE}
    assert ids(archive, "Stalin -Filippov") == {BIERUT, DIRECTORATE}


def test_prefix_fuzzy_and_exact(archive):
    assert STALIN in ids(archive, "industrializ*")
    assert BIERUT in ids(archive, "Mikolajczyk~")
    assert ids(archive, '="городам"') == set()  # exact: "городам" itself does not occur
    assert ids(archive, "городам") == {STALIN}  # stemmed: "города", "городами" do
    assert ids(archive, '="городов"') == {STALIN}


@pytest.mark.parametrize("query", ['AND (', '"unclosed', '***', '', ')))', 'date:19x8',
                                   'foo:bar', 'OR', '-', 'person:', 'x' * 5000, '(((((a',
                                   'person:Nobody', '~~~', '="', 'date:1949-13'])
def test_any_input_gets_results_or_a_clear_note(archive, query):
    results = archive.search(query)
    assert results.total >= len(results.hits)
    assert all(isinstance(warning, str) for warning in results.warnings)
