"""Facets: exact counts of the hits by person, place, organisation, language, archive...

One terms aggregation per facet over the index's fast fields, all in one pass over the hits.
Counts are exact: every segment reports every term it holds for the hits.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import tantivy

# facet name -> index field
FACETS = {
    "person": "person", "place": "place", "org": "org", "term": "term",
    "original_language": "original_lang", "rendition_language": "rendition_lang",
    "repository": "archive", "collection": "collection", "type": "type",
    "classification": "classification", "year": "year", "decade": "decade",
}
_EVERY_TERM = 1 << 30  # a segment reports all its terms, so counts are exact
_MANY_VALUED = {"person", "place", "org", "term"}
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="facets")


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int


def facet_counts(searcher: tantivy.Searcher, query: tantivy.Query,
                 names: Iterable[str] = FACETS, size: int = 20,
                 split: bool = True) -> dict[str, list[FacetValue]]:
    """The ``size`` most frequent values of each named facet among the documents ``query``
    finds (unknown names are left out). ``split``: count on two threads, which evaluates
    the query twice: worth it unless the query itself is the cost (a frequent phrase)."""
    wanted = [name for name in names if name in FACETS]
    if not wanted:
        return {}
    # People, places and organisations hold several values a document and cost the most:
    # they are counted on one thread while the rest are counted on another (tantivy lets go
    # of the GIL while it aggregates).
    heavy = [name for name in wanted if name in _MANY_VALUED]
    light = [name for name in wanted if name not in _MANY_VALUED]
    if split and heavy and light:
        parts = [_POOL.submit(_aggregate, searcher, query, group, size)
                 for group in (heavy, light)]
        return {name: counts for part in parts for name, counts in part.result().items()}
    return _aggregate(searcher, query, wanted, size)


def _aggregate(searcher: tantivy.Searcher, query: tantivy.Query, names: list[str],
               size: int) -> dict[str, list[FacetValue]]:
    aggregations = {name: {"terms": {"field": FACETS[name], "size": size,
                                     "segment_size": _EVERY_TERM}} for name in names}
    result = searcher.aggregate(query, aggregations)
    return {name: [FacetValue(_value(bucket["key"]), int(bucket["doc_count"]))
                   for bucket in result.get(name, {}).get("buckets", [])]
            for name in names}


def counts_by_complement(searcher: tantivy.Searcher, query: tantivy.Query,
                         everything: dict[str, list[FacetValue]], names: Iterable[str],
                         size: int = 20, split: bool = True) -> dict[str, list[FacetValue]]:
    """The same counts as ``facet_counts``, for a query that finds most of the archive:
    the counts over every document (``everything``, every value of each facet) less those
    over the few documents the query does not find. Exact, and it counts the small side."""
    outside = facet_counts(searcher, tantivy.Query.boolean_query(
        [(tantivy.Occur.Must, tantivy.Query.all_query()),
         (tantivy.Occur.MustNot, query)]), names, _EVERY_TERM, split)
    found = {}
    for name in names:
        if name not in everything:
            continue
        less = {value.value: value.count for value in outside.get(name, [])}
        left = [FacetValue(value.value, value.count - less.get(value.value, 0))
                for value in everything[name]]
        found[name] = sorted((value for value in left if value.count > 0),
                             key=lambda value: (-value.count, value.value))[:size]
    return found


def every_count(searcher: tantivy.Searcher, names: Iterable[str]) -> dict[str, list[FacetValue]]:
    """Every value of each facet over the whole archive, with its count."""
    return facet_counts(searcher, tantivy.Query.all_query(), names, _EVERY_TERM)


def _value(key: object) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
