"""Facets: exact counts of the hits by person, place, organisation, language, archive...

One terms aggregation per facet over the index's fast fields. Counts are exact: every segment
reports every term it holds for the hits. Counting grows with the hits, so the work is shared
between two threads by what each facet costs (tantivy lets go of the GIL while it counts), and
a query that finds most of the archive is counted by what it leaves out.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor

import tantivy

from chancery.model import FacetValue

# facet name -> index field; repositories, collections and classifications are counted in
# the fields that keep the source's spelling (index.SHOWN_FIELDS), so a facet shows "RGASPI"
FACETS = {
    "person": "person", "place": "place", "org": "org", "term": "term",
    "original_language": "original_lang", "rendition_language": "rendition_lang",
    "repository": "archive_shown", "collection": "collection_shown", "type": "type",
    "classification": "classification_shown", "year": "year", "decade": "decade",
}
_AS_WRITTEN = {"repository", "collection", "classification"}
_EVERY_TERM = 1 << 30  # a segment reports all its terms, so counts are exact
_MANY_VALUED = {"person", "place", "org", "term", "rendition_language"}
# What counting one hit costs, in nanoseconds (tantivy 0.27 on the benchmark machine): a
# one-valued column is read a block of documents at a time; a many-valued one document by
# document, then value by value. Only the proportions matter: they decide how the work splits.
_NS_ONE_VALUED, _NS_MANY_VALUED, _NS_A_VALUE = 6.0, 20.0, 9.0
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="facets")


Shape = Mapping[str, float]  # facet -> values a document holds, on average (``shape_of``)


def facet_counts(searcher: tantivy.Searcher, query: tantivy.Query,
                 names: Iterable[str] = FACETS, size: int = 20, hits: int = 0,
                 shape: Shape | None = None, query_seconds: float = 0.0
                 ) -> dict[str, list[FacetValue]]:
    """The ``size`` most frequent values of each named facet among the documents ``query``
    finds (unknown names are left out), most frequent first (every value, unordered, for a
    size of ``_EVERY_TERM``). ``hits`` (how many documents
    the query finds), ``shape`` and ``query_seconds`` (what evaluating the query costs) decide
    whether counting on two threads, which evaluates the query twice, is worth it."""
    wanted = [name for name in dict.fromkeys(names) if name in FACETS]
    # A document's decade follows from its year: counting every year gives the decades free.
    derived = "decade" in wanted and "year" in wanted
    counted = [name for name in wanted if not (derived and name == "decade")]
    sizes = {name: _EVERY_TERM if derived and name == "year" else size for name in counted}
    groups = split(counted, hits, shape or {}, query_seconds)
    if len(groups) > 1:
        parts = [_POOL.submit(_aggregate, searcher, query, group, sizes) for group in groups]
        found = {name: counts for part in parts for name, counts in part.result().items()}
    else:
        found = _aggregate(searcher, query, counted, sizes) if counted else {}
    if derived:
        decades: dict[str, int] = {}
        for year, count in found["year"].items():
            decade = str(int(year) // 10 * 10)
            decades[decade] = decades.get(decade, 0) + count
        found["decade"] = decades
    return {name: _most(found[name], size) for name in wanted}


def split(names: list[str], hits: int, shape: Shape, query_seconds: float) -> list[list[str]]:
    """The facets in one group, or in two of about equal cost (the costliest first, each to
    the lighter group) when that saves more time than evaluating the query again costs."""
    costs = {name: hits * _cost(name, shape) / 1e9 for name in names}
    groups: list[list[str]] = [[], []]
    loads = [0.0, 0.0]
    for name in sorted(names, key=lambda name: -costs[name]):
        lighter = loads.index(min(loads))
        groups[lighter].append(name)
        loads[lighter] += costs[name]
    if not groups[1] or sum(loads) - max(loads) <= query_seconds:
        return [names]
    return groups


def _cost(name: str, shape: Shape) -> float:
    if name in _MANY_VALUED:
        return _NS_MANY_VALUED + _NS_A_VALUE * shape.get(name, 1.0)
    return _NS_ONE_VALUED


def _aggregate(searcher: tantivy.Searcher, query: tantivy.Query, names: list[str],
               sizes: Mapping[str, int]) -> dict[str, dict[str, int]]:
    aggregations = {name: {"terms": {"field": FACETS[name], "size": sizes[name],
                                     "segment_size": _EVERY_TERM}} for name in names}
    result = searcher.aggregate(query, aggregations)
    counts = {name: {_value(bucket["key"]): int(bucket["doc_count"])
                     for bucket in result.get(name, {}).get("buckets", [])}
              for name in names}
    return {name: _one_spelling(values) if name in _AS_WRITTEN else values
            for name, values in counts.items()}


def _one_spelling(counts: Mapping[str, int]) -> dict[str, int]:
    """One value for the spellings of one name that differ only in case, as the filter
    treats them ("Department of State", "Department of state"): counted together, shown as
    most documents write it (ties: the first in order)."""
    spellings: dict[str, list[tuple[str, int]]] = {}
    for value, count in counts.items():
        spellings.setdefault(value.casefold(), []).append((value, count))
    return {min(found, key=lambda spelling: (-spelling[1], spelling[0]))[0]:
            sum(count for _, count in found) for found in spellings.values()}


def counts_by_complement(searcher: tantivy.Searcher, query: tantivy.Query,
                         everything: dict[str, list[FacetValue]], names: Iterable[str],
                         size: int = 20, hits: int = 0, shape: Shape | None = None,
                         query_seconds: float = 0.0) -> dict[str, list[FacetValue]]:
    """The same counts as ``facet_counts``, for a query that finds most of the archive:
    the counts over every document (``everything``, every value of each facet) less those
    over the few documents the query does not find. Exact, and it counts the small side."""
    names = [name for name in names if name in everything]
    outside = facet_counts(searcher, tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, tantivy.Query.all_query()),
         (tantivy.Occur.MustNot, query)]), names, _EVERY_TERM,
        searcher.num_docs - hits, shape, query_seconds)
    found = {}
    for name in names:
        # by the value's case-folded form: the two sides may show a name in different cases
        less = {value.value.casefold(): value.count for value in outside.get(name, [])}
        found[name] = _most({value.value: value.count - less.get(value.value.casefold(), 0)
                             for value in everything[name]}, size)
    return found


def every_count(searcher: tantivy.Searcher, names: Iterable[str],
                shape: Shape | None = None) -> dict[str, list[FacetValue]]:
    """Every value of each facet over the whole archive, with its count."""
    return facet_counts(searcher, tantivy.Query.all_query(), names, _EVERY_TERM,
                        searcher.num_docs, shape)


def shape_of(searcher: tantivy.Searcher) -> dict[str, float]:
    """How many values of each many-valued facet a document holds, on average: what
    counting it costs a hit."""
    documents = max(searcher.num_docs, 1)
    counts = facet_counts(searcher, tantivy.Query.all_query(), sorted(_MANY_VALUED),
                          _EVERY_TERM)
    return {name: sum(value.count for value in values) / documents
            for name, values in counts.items()}


def _most(counts: Mapping[str, int], size: int) -> list[FacetValue]:
    """The ``size`` values counted most often, ties in the order of their values; every
    value, in no particular order, when every value is asked for (to be added up, not shown:
    an archive may know tens of thousands of people)."""
    values = (FacetValue(value, count) for value, count in counts.items() if count > 0)
    if size >= _EVERY_TERM:
        return list(values)
    return heapq.nsmallest(size, values, key=lambda value: (-value.count, value.value))


def _value(key: object) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
