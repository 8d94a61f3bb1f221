"""Facets: exact counts of the hits by person, place, organisation, language, archive...

One terms aggregation per facet over the index's fast fields, all in one pass over the hits.
Counts are exact: every segment reports every term it holds for the hits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import tantivy

# facet name -> index field
FACETS = {
    "person": "person", "place": "place", "org": "org",
    "original_language": "original_lang", "rendition_language": "rendition_lang",
    "repository": "archive", "collection": "collection", "type": "type",
    "classification": "classification", "year": "year", "decade": "decade",
}
_EVERY_TERM = 1 << 30  # a segment reports all its terms, so counts are exact


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int


def facet_counts(searcher: tantivy.Searcher, query: tantivy.Query,
                 names: Iterable[str] = FACETS, size: int = 20) -> dict[str, list[FacetValue]]:
    """The ``size`` most frequent values of each named facet among the documents ``query``
    finds (unknown names are left out)."""
    wanted = [name for name in names if name in FACETS]
    if not wanted:
        return {}
    aggregations = {name: {"terms": {"field": FACETS[name], "size": size,
                                     "segment_size": _EVERY_TERM}} for name in wanted}
    result = searcher.aggregate(query, aggregations)
    return {name: [FacetValue(_value(bucket["key"]), int(bucket["doc_count"]))
                   for bucket in result.get(name, {}).get("buckets", [])]
            for name in wanted}


def _value(key: object) -> str:
    if isinstance(key, float) and key.is_integer():
        return str(int(key))
    return str(key)
