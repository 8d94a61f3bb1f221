"""Facet counting: however the work is shared out, the counts are those of the hits."""

from __future__ import annotations

import pytest
from tantivy import Query

from chancery.archive import Archive
from chancery.search.facets import (FACETS, counts_by_complement, every_count, facet_counts,
                                    shape_of, split)
from tests.conftest import SAMPLES, WILSON


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    """The tantivy index of the sample records."""
    with Archive.open(tmp_path_factory.mktemp("facets") / "archive", create=True) as archive:
        archive.load_authority()
        archive.ingest([WILSON, SAMPLES / "frus"])
        archive.index.catch_up(archive.store)
        archive.index.index.reload()
        yield archive.index.index


@pytest.fixture
def searcher(index):
    return index.searcher()


def by_value(counts):
    return {name: {value.value: value.count for value in values}
            for name, values in counts.items()}


def test_two_threads_count_what_one_does(searcher):
    everything = Query.all_query()
    one = facet_counts(searcher, everything, FACETS, 1000)
    two = facet_counts(searcher, everything, FACETS, 1000, hits=10**9,
                       shape=shape_of(searcher))
    assert len(split(list(FACETS), 10**9, shape_of(searcher), 0.0)) == 2
    assert by_value(two) == by_value(one)
    dated = searcher.search(Query.exists_query("year"), 1, count=True).count
    assert sum(value.count for value in one["year"]) == dated > 0


def test_decades_follow_from_the_years_when_both_are_asked(searcher):
    both = facet_counts(searcher, Query.all_query(), ["year", "decade"], 1000)
    alone = facet_counts(searcher, Query.all_query(), ["decade"], 1000)
    assert both["decade"] == alone["decade"]
    assert {"1940", "1950"} <= {value.value for value in both["decade"]}
    assert len(facet_counts(searcher, Query.all_query(), ["year", "decade"], 2)["year"]) == 2


def test_counting_what_a_query_leaves_out_gives_the_same_counts(index, searcher):
    cables = Query.term_query(index.schema, "type", "cable")
    hits = searcher.search(cables, 1, count=True).count
    direct = facet_counts(searcher, cables, FACETS, 1000)
    complement = counts_by_complement(searcher, cables, every_count(searcher, FACETS),
                                      FACETS, 1000, hits)
    assert by_value(complement) == by_value(direct)
    assert sum(value.count for value in direct["type"]) == hits > 0


def test_the_costliest_facets_go_to_different_threads_unless_the_query_costs_more():
    shape = {"person": 3.0, "place": 5.0, "org": 1.0}
    groups = split(["person", "place", "org", "type", "year"], 500_000, shape, 0.001)
    assert len(groups) == 2
    assert sorted(name for group in groups for name in group) == [
        "org", "person", "place", "type", "year"]
    assert not {"person", "place"} <= set(groups[0]) and not {"person", "place"} <= set(
        groups[1])
    # a phrase that takes a second to evaluate is evaluated once
    assert split(["person", "place"], 500_000, shape, 1.0) == [["person", "place"]]
    assert split(["type"], 500_000, shape, 0.0) == [["type"]]
