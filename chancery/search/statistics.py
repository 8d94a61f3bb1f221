"""Relevance as if the documents a reader may not see did not exist.

BM25 weighs a word by how few documents hold it (its IDF), and tantivy counts them over the
whole index, hidden documents included: a public document's score, and the order of two
public hits, would tell whether a restricted document holds a word. For a reader who cannot
see every document, each scored part of a query (a word or phrase in a field, an entity, a
filter) is boosted by the ratio of its IDF over the documents the reader may see to
tantivy's IDF, so that it weighs what it would in an archive of those documents alone.

What stays of the hidden documents is the average length of each field (BM25's length
normalisation), which says nothing of any word; the scores themselves are not shown to such
readers (chancery.search.index), so it can only ever nudge the order of hits of near equal
standing.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable

import tantivy
from tantivy import Occur, Query

_CACHE_SIZE = 4096  # counts kept per index generation: a word's count costs its postings


def idf(documents_with: int, documents: int) -> float:
    """BM25's inverse document frequency, as tantivy computes it."""
    return math.log(1 + (documents - documents_with + 0.5) / (documents_with + 0.5))


class VisibleCounts:
    """How many of the documents a reader may see hold a term, remembered until the index
    is reloaded (readers under the same rules share them)."""

    def __init__(self) -> None:
        self._counts: OrderedDict[tuple, int] = OrderedDict()
        self._lock = threading.Lock()

    def forget(self) -> None:
        with self._lock:
            self._counts.clear()

    def remembered(self, key: tuple, count: Callable[[], int]) -> int:
        with self._lock:
            if key in self._counts:
                self._counts.move_to_end(key)
                return self._counts[key]
        found = count()
        with self._lock:
            self._counts[key] = found
            while len(self._counts) > _CACHE_SIZE:
                self._counts.popitem(last=False)
        return found


class Weights:
    """The boosts that give a reader's query the IDF of the documents they may see."""

    def __init__(self, searcher: tantivy.Searcher, schema: tantivy.Schema, visible: Query,
                 counts: VisibleCounts) -> None:
        self.searcher = searcher
        self.schema = schema
        self.visible = visible
        self.counts = counts
        self._key = repr(visible)
        self._seen = counts.remembered((self._key, None, None), lambda: self._count(visible))

    def __call__(self, field: str, tokens: list[str]) -> float:
        """The boost of a term (a phrase: its tokens' IDFs added, as tantivy adds them)."""
        everywhere = sum(idf(self.searcher.doc_freq(field, token), self.searcher.num_docs)
                         for token in tokens)
        seen = sum(idf(self._holding(field, token), self._seen) for token in tokens)
        return seen / everywhere if everywhere > 0 else 1.0

    def _holding(self, field: str, token: str) -> int:
        def count() -> int:
            term = Query.term_query(self.schema, field, token)
            return self._count(Query.boolean_query([(Occur.Must, term),
                                                    (Occur.Must, self.visible)]))
        return self.counts.remembered((self._key, field, token), count)

    def _count(self, query: Query) -> int:
        return self.searcher.search(query, 1, count=True).count or 0
