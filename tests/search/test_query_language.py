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


def test_brackets_nested_hundreds_deep_are_read_flat_with_a_warning(archive):
    deep = parse("(" * 250 + "Harbin OR Pyongyang" + ")" * 250)
    assert deep.warnings == ("brackets nested deeper than 10 were read as if they were not "
                             "there",)
    assert ids(archive, "(" * 250 + "Harbin OR Pyongyang" + ")" * 250) == {MAO, DIRECTORATE}
    assert parse("((Stalin) -Filippov)").warnings == ()  # shallow groups are kept as typed


def test_facet_counts_equal_the_hits(archive):
    results = archive.search("type:cable", facets=True, limit=50)
    assert results.total == 5
    assert sum(value.count for value in results.facets["type"]) == results.total
    assert sum(value.count for value in results.facets["decade"]) == results.total
    assert {v.value: v.count for v in results.facets["original_language"]} == {
        "ru": 3, "zh": 1, "de": 1}
    people = {v.value: v.count for v in results.facets["person"]}
    assert people["person/stalin"] == len(ids(archive, "type:cable person:person/stalin"))
    assert {v.value: v.count for v in results.facets["repository"]} == {"RGASPI": 2, "APRF": 1}
    assert {v.value for v in results.facets["classification"]} == {"top secret"}


def test_snippets_highlight_hits_in_their_own_language(archive):
    (hit,) = archive.search("городам").hits
    (snippet,) = hit.snippets
    assert snippet.lang == "ru"
    highlighted = {snippet.text[start:end] for start, end in snippet.highlights}
    assert highlighted <= {"города", "городами", "городов"} and highlighted


def test_hits_say_under_which_name_an_entity_was_found(archive):
    hits = {hit.id: hit for hit in archive.search("Stalin").hits}
    assert hits[MAO].matched_names == ("Filippov",)
    assert "ФИЛИППОВ" in hits[STALIN].matched_names
    assert hits[BIERUT].matched_names == ()


def test_sort_by_date_and_pages(archive):
    everything = archive.search("", sort="date", limit=50)
    assert everything.total == 6
    assert [hit.id for hit in everything.hits] == [BIERUT, MAO, STALIN, DIRECTORATE, ZHOU,
                                                   PAULS]
    second_page = archive.search("", sort="date", limit=2, offset=2)
    assert [hit.id for hit in second_page.hits] == [STALIN, DIRECTORATE]
