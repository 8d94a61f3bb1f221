"""The search index: a tantivy index derived from the store by following its change log.

The store is the truth and the index a cache. The index applies change-log entries in order
and records, after each commit, the last sequence number it applied; whatever happened in
between (a crash after the store's commit and before the index's), the next catch-up applies
it again. Applying a change is an upsert by document id, so applying one twice is harmless.
``rebuild`` makes the index again from nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from chancery import memory
from chancery.errors import StoreError
from chancery.model import BlockKind, Document, FacetValue, Role, Snippet
from chancery.search import analyzers
from chancery.search.compile import Compiler, Resolver
from chancery.search.facets import (Shape, counts_by_complement, every_count,
                                     facet_counts, shape_of)
from chancery.search.query import parse
from chancery.search.statistics import VisibleCounts, Weights
from chancery.store import authority, changes
from chancery.store.store import Store, storage_error
from chancery.text.markup import reading_text
from chancery.text.names import keys_in_text, name_skeleton

_APPLIED = "applied-seq"
# seconds a writing command waits for another process (the server) to finish its catching up
WAIT_FOR_INDEX = 120
_BATCH = 5_000
_WRITER_HEAP = 128 * 1024 * 1024
_FACET_CACHE_SIZE = 512
_RELATED_BY = 4  # entities, the rarest of a document, that choose its related documents
# an entity in more than 1/50 of the documents (and over 1,000) is too common to go by alone
_COMMON_SHARE, _COMMON_FLOOR = 50, 1_000
_EVERYTHING = "(every document)"  # the cache key of the counts over the whole archive
_RESHAPE_SHARE = 10  # the shape of the archive is measured again when it grew by a tenth
SCHEMA_VERSION = 10  # 7: facet values as the source writes them (SHOWN_FIELDS); 8: name keys;
# 9: a date's last day (date_end), so that a hit's date is written at its precision;
# 10: name keys keep the "i" of Wade-Giles' "Chiang" ("Chang" is another name), read a
# Latin "x" as "ks" too (Alexei is Алексей), and an English name as Russian writes it
# (Kissinger is Киссинджер)


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name=analyzers.ENGLISH)
    for name in ("date", "year", "decade", "embargo_until"):
        builder.add_integer_field(name, stored=name == "date", indexed=True, fast=True)
    # a hit shows "July 1964", not "1 July 1964", for a date that is a whole month
    builder.add_integer_field("date_end", stored=True, indexed=False)
    # Stored, so that snippets come from the rendition where the hit is.
    builder.add_text_field("text_en", stored=True, tokenizer_name=analyzers.ENGLISH)
    builder.add_text_field("text_ru", stored=True, tokenizer_name=analyzers.RUSSIAN)
    builder.add_text_field("text_other", stored=True, tokenizer_name=analyzers.EXACT)
    builder.add_text_field("text_exact", stored=False, tokenizer_name=analyzers.EXACT)
    # the name key of each name form in the text, known or not ("sk:hrushchev",
    # "zh:zhou en lai"): a name typed in another script or spelling finds it
    builder.add_text_field("name_key", stored=False, tokenizer_name="raw")
    for name in (*KEYWORD_FIELDS, *SHOWN_FIELDS.values()):
        builder.add_text_field(name, stored=False, tokenizer_name="raw", fast=True)
    return builder.build()


KEYWORD_FIELDS = ("entity", "person", "place", "org", "term", "sender", "recipient", "lang",
                  "original_lang", "rendition_lang", "archive", "collection", "type",
                  "classification", "access", "access_role")
# Filters match a keyword field's normalised (lower-case) values; facets count and show the
# same values as the source writes them ("RGASPI", "Department of State"), kept beside them.
SHOWN_FIELDS = {"archive": "archive_shown", "collection": "collection_shown",
                "classification": "classification_shown"}
Visible = Query | None  # the documents a reader may see (chancery.access), None for all
SNIPPET_FIELDS = {"text_en": "en", "text_ru": "ru", "text_other": ""}
_SNIPPET_CHARACTERS = 180


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    date: int
    score: float | None  # None for a reader who cannot see every document (statistics.py)
    snippets: tuple[Snippet, ...] = ()
    matched_names: tuple[str, ...] = ()  # "Filippov": the name under which the entity was found
    date_end: int = 0  # the last day the date covers (19640731 for July 1964), 0 if undated


@dataclass(frozen=True, slots=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def as_json(self, labels: dict[str, str]) -> dict:
        """The results as JSON-ready data (CLI ``--json`` and the API), facet values with
        their labels (an entity's preferred name)."""
        return {
            "total": self.total, "warnings": list(self.warnings),
            "hits": [{"id": hit.id, "title": hit.title, "date": hit.date, "score": hit.score,
                      "snippets": [{"lang": snippet.lang, "text": snippet.text,
                                    "highlights": [list(pair) for pair in snippet.highlights]}
                                   for snippet in hit.snippets],
                      "matched_names": list(hit.matched_names)} for hit in self.hits],
            "facets": {name: [{"value": value.value, "label": labels.get(value.value,
                                                                          value.value),
                               "count": value.count} for value in values]
                       for name, values in self.facets.items()},
        }


class SearchIndex:
    """The index folder of one archive."""

    def __init__(self, folder: Path, index: tantivy.Index) -> None:
        self.folder = folder
        self.index = index
        self._stale = True  # the reader must reload to see the writer's last commit
        self._writing = threading.Lock()  # one writer per index, even with many web threads
        # Facet counts of recent queries, for the index as last reloaded: counting every hit
        # of a frequent word is the one cost that grows with the archive (Elasticsearch keeps
        # a shard request cache of aggregations for the same reason).
        self._facet_cache: OrderedDict[tuple, dict[str, list[FacetValue]]] = OrderedDict()
        self._facet_cache_lock = threading.Lock()
        self._generation = 0
        self._shape: Shape | None = None  # facets.shape_of, measured on some documents
        self._shape_documents = 0
        self._visible_counts = VisibleCounts()  # for relevance as readers may see it
        self._applied_seen = 0  # the applied sequence as last read (see holds)

    @classmethod
    def open(cls, folder: Path) -> SearchIndex:
        """Open the index in ``folder``, making an empty one if there is none."""
        version = folder / "schema-version"
        if folder.exists() and version.exists() and version.read_text() != str(SCHEMA_VERSION):
            shutil.rmtree(folder)  # an index of another schema is rebuilt from the store
        fresh = not version.exists()
        folder.mkdir(parents=True, exist_ok=True)
        try:
            index = tantivy.Index(_schema(), path=str(folder), reuse=not fresh)
        except ValueError as error:
            raise StoreError(f"cannot open the search index: {error}", source=str(folder),
                             hint="rebuild it with 'chancery reindex'") from None
        analyzers.register(index)
        if fresh:
            version.write_text(str(SCHEMA_VERSION))
            _write_applied(folder, 0)
        return cls(folder, index)

    def ids(self) -> set[str]:
        """The id of every document the index holds (for checking it against the store)."""
        self._reload_if_stale()
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return set()
        found = searcher.search(Query.all_query(), limit=searcher.num_docs)
        return {searcher.doc(address)["id"][0] for _, address in found.hits}

    def applied_seq(self) -> int:
        """The last change-log sequence number the index holds."""
        applied = int((self.folder / _APPLIED).read_text() or 0)
        if applied != self._applied_seen:
            # another process committed to the index: reload now, not when tantivy's watch
            # of its files next fires, or a page of the new state is made from the old index
            self._stale = True
            self._applied_seen = applied
        return applied

    def holds(self, seq: int) -> bool:
        """Whether the index holds every change up to ``seq``. Asked before every search:
        what the index held when last read is kept, since it only grows, and the file is
        read again only when the store has moved past it."""
        return self._applied_seen >= seq or self.applied_seq() >= seq

    def catch_up(self, store: Store, wait: float = 0.0) -> int:
        """Apply the store's changes the index has not seen, in order; returns how many.

        Another process of the same archive (the server while an ingest runs, or the other
        way round) may hold the index's writer: it is applying the same changes, so this one
        waits for it up to ``wait`` seconds and then leaves them to it (a reader goes on with
        the index as it is, which that process brings up to date).
        """
        deadline = time.monotonic() + wait
        with self._writing:
            while True:
                try:
                    return self._catch_up(store)
                except ValueError as error:  # tantivy's IO errors: the store is untouched
                    if "LockBusy" in str(error):
                        if time.monotonic() < deadline:
                            time.sleep(0.05)
                            continue
                        return 0
                    raise self._write_error(error) from None

    @contextmanager
    def keeping_up(self, store: Store) -> Iterator[Callable[[], None]]:
        """Index a long write (an ingest) as it commits, not after: each call of the function
        yielded applies the store's changes since the last call, in order, to one writer held
        open, which commits every _BATCH changes (as catch_up does) and on leaving.

        The ingest's process then reads back and encodes its documents while its workers
        still parse, not all after their last file with a core idle (docs/benchmarks.md,
        issue 17). A commit per call (a batch of 64 documents) would cost more than it saved,
        and a commit after so many seconds would make the segments, and so the order of hits
        of equal score, depend on the machine's speed.
        If another process holds the index's writer, a call leaves the changes to it, as
        catch_up does. On an error nothing uncommitted is kept: the store has every change,
        and the next catch-up applies what the index has not recorded.
        """
        # tantivy's lock on the writer, not self._writing, keeps other writers out meanwhile:
        # a thread catching up waits for it only as long as it chose to, as for another process
        keeper = _KeepingUp(self, store)
        try:
            yield keeper.apply_new
        except BaseException:
            keeper.roll_back()
            raise
        keeper.finish()

    def _write_error(self, error: ValueError) -> StoreError:
        """What a user is told of an error of tantivy's writing (its IO errors)."""
        return storage_error(error, str(self.folder)) or StoreError(
            f"cannot write the search index: {error}", source=str(self.folder),
            hint="it catches up with the store when it next can")

    def _catch_up(self, store: Store) -> int:
        applied = self.applied_seq()
        if applied == 0:  # nothing indexed yet: one bulk build beats replaying the whole log
            with store.engine.connect() as connection:
                if changes.last_seq(connection) > _BATCH:
                    return self._rebuild(store)
        count = 0
        while True:
            with store.engine.connect() as connection:
                batch = list(changes.since(connection, applied, limit=_BATCH))
            if not batch:
                return count
            writer = self.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            self._apply(writer, store, batch)
            memory.give_back()  # what reading the documents back freed, before tantivy commits
            writer.commit()
            writer.wait_merging_threads()
            self._stale = True
            applied = batch[-1].seq
            _write_applied(self.folder, applied)
            count += len(batch)

    def rebuild(self, store: Store) -> int:
        """Index every document again from nothing; returns how many."""
        with self._writing:
            try:
                return self._rebuild(store)
            except ValueError as error:
                if "LockBusy" in str(error):
                    raise StoreError("another process is writing the search index",
                                     source=str(self.folder),
                                     hint="wait for it (an ingest?) and run it again") from None
                raise

    def _rebuild(self, store: Store) -> int:
        with store.engine.connect() as connection:
            last = changes.last_seq(connection)
        writer = self.index.writer(heap_size=_WRITER_HEAP * 2, num_threads=2)
        writer.delete_all_documents()
        count = 0
        for batch in batched(store.documents(), 500):
            roles = authority.roles_by_document(store, [document.id for document in batch])
            for document in batch:
                writer.add_document(_document(document, roles.get(document.id, set())))
            count += len(batch)
        writer.commit()
        writer.wait_merging_threads()
        self._stale = True
        _write_applied(self.folder, last)
        return count

    def search(self, text: str, resolve: Resolver,
               names_used: Callable[[list[str], set[str]], dict[str, set[str]]],
               limit: int = 20, offset: int = 0, sort: str = "relevance",
               facets: Iterable[str] = (), facet_size: int = 20,
               visible: Visible = None, scores: bool = True) -> Results:
        """Documents matching a query in the query language, best (or oldest) first, with
        snippets, the names entities were found under, and facet counts if asked; only
        those ``visible`` to the reader (chancery.access), counts included, and ranked as if
        the others did not exist (chancery.search.statistics); ``scores``: whether hits
        carry theirs (not for a reader who cannot see every document)."""
        parsed = parse(text)
        self._reload_if_stale()
        searcher = self.index.searcher()
        compiler = Compiler(self.index, resolve, searcher, self._weights(searcher, visible))
        query = _within(compiler.compile(parsed.node), visible)
        limit, offset = max(0, min(limit, 1000)), max(0, offset)
        fetch = max(limit, 1)  # tantivy refuses a limit of 0; counting alone still needs one
        started = time.perf_counter()
        if sort in ("date", "newest"):
            result = searcher.search(query, fetch, count=True, order_by_field="date",
                                     offset=offset, order=tantivy.Order.Asc if sort == "date"
                                     else tantivy.Order.Desc)
        else:
            result = searcher.search(query, fetch, count=True, offset=offset)
        query_seconds = time.perf_counter() - started
        found = []  # a stored document's fields are read once each (get_first makes no list)
        for order_key, address in result.hits[:limit]:
            stored = searcher.doc(address)
            found.append((order_key, address, stored, stored.get_first("id")))
        snippets = _Snippets(searcher, query, self.index.schema, compiler.terms,
                             {(address.segment_ord, address.doc): document_id
                              for _, address, _, document_id in found})
        used = names_used([document_id for *_, document_id in found], compiler.entities) \
            if compiler.entities else {}
        typed = _typed_names(text) if used else []
        hits = [Hit(document_id, stored.get_first("title"), stored.get_first("date"),
                    None if not scores else float(order_key) if sort == "relevance" else 0.0,
                    snippets.of(stored, document_id),
                    _matched_names(used.get(document_id, ()), typed) if used else (),
                    stored.get_first("date_end"))
                for order_key, _, stored, document_id in found]
        counts = self._facet_counts(searcher, query, facets, facet_size, result.count or 0,
                                    query_seconds) if facets else {}
        return Results(result.count or 0, hits, counts,
                       parsed.warnings + tuple(compiler.warnings))

    def correspondence(self, text: str, resolve: Resolver, size: int = 200,
                       visible: Visible = None) -> list[tuple[str, str, int]]:
        """(sender, recipient, documents) for the documents a query finds, most first: one
        aggregation over the index's sender and recipient fields, nested."""
        query = _within(Compiler(self.index, resolve).compile(parse(text).node), visible)
        self._reload_if_stale()
        every = {"size": size, "segment_size": 1 << 30}
        result = self.index.searcher().aggregate(query, {"senders": {
            "terms": {"field": "sender", **every},
            "aggs": {"recipients": {"terms": {"field": "recipient", **every}}}}})
        pairs = [(sender["key"], recipient["key"], int(recipient["doc_count"]))
                 for sender in result.get("senders", {}).get("buckets", [])
                 for recipient in sender.get("recipients", {}).get("buckets", [])
                 if recipient["key"] != sender["key"]]
        return sorted(pairs, key=lambda pair: (-pair[2], pair[0], pair[1]))

    def related(self, document_id: str, entity_ids: Iterable[str], date: int,
                limit: int = 5, visible: Visible = None) -> list[Hit]:
        """Other documents sharing this one's rarest people, places and organisations, or
        its year, best first."""
        schema = self.index.schema
        self._reload_if_stale()
        searcher = self.index.searcher()
        # The rarest entities say the most about relatedness (Stalin is in a fifth of a Soviet
        # collection) and the common ones cost the most to score: the rarest few shared with
        # some other document decide.
        frequency = {entity_id: self._frequency(searcher, entity_id, visible)
                     for entity_id in set(entity_ids)}
        rarest = sorted((entity_id for entity_id, count in frequency.items() if count > 1),
                        key=lambda entity_id: (frequency[entity_id], entity_id))[:_RELATED_BY]
        weigh = self._weights(searcher, visible)
        shared = [(Occur.Should, Query.term_query(schema, "entity", entity_id)
                   if weigh is None else Query.boost_query(
                       Query.term_query(schema, "entity", entity_id),
                       weigh("entity", [entity_id])))
                  for entity_id in rarest]
        common = rarest and frequency[rarest[0]] > max(searcher.num_docs // _COMMON_SHARE,
                                                       _COMMON_FLOOR)
        if date and common:
            # Even the rarest is in thousands of documents: those of the same year among
            # them (reading the year's postings, not the union of the entities')
            shared.append((Occur.Must, Query.term_query(schema, "year", date // 10000)))
        elif date:
            shared.append((Occur.Should, Query.boost_query(
                Query.term_query(schema, "year", date // 10000), 0.5)))
        if not shared:
            return []
        query = Query.boolean_query(
            [*shared, (Occur.MustNot, Query.term_query(schema, "id", document_id)),
             *([(Occur.Must, visible)] if visible is not None else [])])
        result = searcher.search(query, limit)
        return [Hit(stored["id"][0], stored["title"][0], stored["date"][0], float(score),
                    date_end=stored["date_end"][0])
                for score, stored in ((score, searcher.doc(address))
                                      for score, address in result.hits)]

    def _weights(self, searcher: tantivy.Searcher, visible: Visible) -> Weights | None:
        """Boosts that rank as if only the ``visible`` documents existed (None: all are)."""
        if visible is None:
            return None
        return Weights(searcher, self.index.schema, visible, self._visible_counts)

    def _frequency(self, searcher: tantivy.Searcher, entity_id: str, visible: Visible) -> int:
        """In how many documents an entity is, of those a reader may see."""
        if visible is None:
            return searcher.doc_freq("entity", entity_id)
        query = Query.term_query(self.index.schema, "entity", entity_id)
        return searcher.search(_within(query, visible), 1, count=True).count or 0

    def _reload_if_stale(self) -> None:
        if self._stale:
            self.index.reload()
            self._stale = False
            self._generation += 1
            self._visible_counts.forget()
            with self._facet_cache_lock:
                self._facet_cache.clear()

    def forget_facet_counts(self) -> None:
        """Forget the facet counts of the queries asked so far, keeping those over the whole
        archive (benchmarks call it to measure queries asked for the first time)."""
        with self._facet_cache_lock:
            for key in [key for key in self._facet_cache if key[1] != _EVERYTHING]:
                del self._facet_cache[key]

    def _every_count(self, searcher: tantivy.Searcher,
                     facets: tuple[str, ...]) -> dict[str, list[FacetValue]]:
        """Every facet value's count over the whole index (cached with the other counts)."""
        key = (self._generation, _EVERYTHING, facets)
        with self._facet_cache_lock:
            if key in self._facet_cache:
                return self._facet_cache[key]
        counts = every_count(searcher, facets, self._shape_for(searcher))
        with self._facet_cache_lock:
            self._facet_cache[key] = counts
        return counts

    def _shape_for(self, searcher: tantivy.Searcher) -> Shape:
        """The archive's facet shape (which decides how counting is shared between threads):
        it changes slowly, so it is measured again only when the archive grew or shrank
        by a tenth."""
        documents = searcher.num_docs
        if self._shape is None or abs(documents - self._shape_documents) * _RESHAPE_SHARE > \
                self._shape_documents:
            self._shape, self._shape_documents = shape_of(searcher), documents
        return self._shape

    def _facet_counts(self, searcher: tantivy.Searcher, query: Query, facets: Iterable[str],
                      size: int, hits: int, query_seconds: float
                      ) -> dict[str, list[FacetValue]]:
        # the query's full structure (not its text) and the index generation it counted
        key = (self._generation, repr(query), tuple(facets), size)
        with self._facet_cache_lock:
            if key in self._facet_cache:
                self._facet_cache.move_to_end(key)
                return self._facet_cache[key]
        if hits > searcher.num_docs // 2:  # count the documents the query leaves out
            counts = counts_by_complement(searcher, query, self._every_count(searcher, key[2]),
                                          key[2], size, hits, self._shape_for(searcher),
                                          query_seconds)
        else:
            counts = facet_counts(searcher, query, key[2], size, hits,
                                  self._shape_for(searcher), query_seconds)
        with self._facet_cache_lock:
            self._facet_cache[key] = counts
            while len(self._facet_cache) > _FACET_CACHE_SIZE:
                self._facet_cache.popitem(last=False)
        return counts

    @staticmethod
    def _apply(writer: tantivy.IndexWriter, store: Store, batch: list[changes.Change]) -> None:
        """Replace every document the batch touched by its current state in the store (read
        in bulk, not one query per change); a document deleted since is only removed."""
        touched = list(dict.fromkeys(change.document_id for change in batch))
        current = store.get_many(touched, with_source=False)  # the index needs no source
        roles = authority.roles_by_document(store, list(current))
        for document_id in touched:
            writer.delete_documents_by_term("id", document_id)
            if document_id in current:
                # each document let go once tantivy has its own copy: a big one is not held
                # twice while the writer indexes it
                indexed = _document(current.pop(document_id), roles.get(document_id, set()))
                writer.add_document(indexed)
                del indexed


class _KeepingUp:
    """The writer of an index held across the batches of an ingest (SearchIndex.keeping_up)."""

    def __init__(self, index: SearchIndex, store: Store) -> None:
        self.index = index
        self.store = store
        self.writer: tantivy.IndexWriter | None = None
        self.applied = 0  # the last change given to the writer
        self.uncommitted = 0  # changes given to the writer since its last commit

    def apply_new(self) -> None:
        """Give the writer the changes the store committed since the last call; commit
        each _BATCH of them."""
        if self.writer is None and not self._open():
            return
        while True:
            with self.store.engine.connect() as connection:
                batch = list(changes.since(connection, self.applied,
                                           limit=_BATCH - self.uncommitted))
            if not batch:
                return
            try:
                SearchIndex._apply(self.writer, self.store, batch)
            except ValueError as error:
                raise self.index._write_error(error) from None
            self.applied = batch[-1].seq
            self.uncommitted += len(batch)
            if self.uncommitted >= _BATCH:  # readers elsewhere see the index grow
                self._commit()

    def finish(self) -> None:
        """Commit what is waiting, let tantivy's merges end and the writer go."""
        if self.writer is None:
            return
        if self.uncommitted:
            self._commit()
        try:
            self.writer.wait_merging_threads()
        except ValueError as error:
            raise self.index._write_error(error) from None
        finally:
            self.writer = None

    def roll_back(self) -> None:
        if self.writer is not None:
            self.writer.rollback()
            self.writer = None

    def _commit(self) -> None:
        """Commit what the writer was given and record how far that is."""
        assert self.writer is not None
        memory.give_back()  # what reading the documents back freed, before tantivy commits
        try:
            self.writer.commit()
        except ValueError as error:
            raise self.index._write_error(error) from None
        self.index._stale = True  # readers here, and in other processes, see it
        _write_applied(self.index.folder, self.applied)
        self.uncommitted = 0

    def _open(self) -> bool:
        """Take the index's writer, from the change it last recorded; False if another
        process holds it (it is applying the same changes) or the index is empty and the
        store is not (catch_up's one bulk build beats replaying the whole log)."""
        applied = self.index.applied_seq()
        if applied == 0:
            with self.store.engine.connect() as connection:
                if changes.last_seq(connection) > _BATCH:
                    return False
        try:
            self.writer = self.index.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        except ValueError as error:
            if "LockBusy" in str(error):
                return False
            raise self.index._write_error(error) from None
        self.applied = applied
        return True


def _within(query: Query, visible: Visible) -> Query:
    """The query, kept to what a reader may see."""
    if visible is None:
        return query
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, visible)])


class _Snippets:
    """The snippets of one query's hits, made only where the query matched.

    Cutting a snippet analyzes the whole text of the field again, so it is done only for
    the fields of a hit that hold one of the query's words: which those are is asked of
    the index once a field for all the hits together (the field's words, within the hits'
    ids), and each field's snippet generator is made once for the query."""

    def __init__(self, searcher: tantivy.Searcher, query: Query, schema: tantivy.Schema,
                 terms: dict[str, set[str]], hits: dict[tuple[int, int], str]) -> None:
        self.generators: dict[str, tantivy.SnippetGenerator] = {}
        self.matched: dict[str, set[str]] = {}
        fields = [name for name in SNIPPET_FIELDS if terms.get(name)]
        if not hits or not fields:  # a date or a fuzzy word alone marks no field's words
            return
        within = _any_term(schema, "id", hits.values())
        for name in fields:
            words = _any_term(schema, name, sorted(terms[name]))
            holding = searcher.search(Query.boolean_query([(Occur.Must, within),
                                                           (Occur.Must, words)]),
                                      limit=len(hits), count=False).hits
            if not holding:
                continue
            generator = tantivy.SnippetGenerator.create(searcher, query, schema, name)
            generator.set_max_num_chars(_SNIPPET_CHARACTERS)
            self.generators[name] = generator
            self.matched[name] = {hits.get((address.segment_ord, address.doc), "")
                                  for _, address in holding}

    def of(self, stored: tantivy.Document, document_id: str) -> tuple[Snippet, ...]:
        if not self.generators:  # no field holds a word of the query (a date, a fuzzy word)
            return ()
        return _snippets({name: generator for name, generator in self.generators.items()
                          if document_id in self.matched[name]}, stored)


def _any_term(schema: tantivy.Schema, field: str, values: Iterable[str]) -> Query:
    """Documents with any of these terms in a field. Not tantivy's term set query, which
    reads the field's whole term dictionary: for the 20 ids of a page of hits it took 0.6-1.5
    ms over 20,000 documents (growing with the archive) where these term queries take 0.05."""
    return Query.boolean_query([(Occur.Should, Query.term_query(schema, field, value))
                                for value in values])


def _snippets(generators: dict[str, tantivy.SnippetGenerator],
              stored: tantivy.Document) -> tuple[Snippet, ...]:
    """The best fragment of each rendition language that holds a hit."""
    found = []
    for name, generator in generators.items():
        snippet = generator.snippet_from_doc(stored)
        ranges = snippet.highlighted()
        if not ranges:
            continue
        fragment = snippet.fragment()
        encoded = fragment.encode("utf-8")
        # tantivy's offsets count UTF-8 bytes; ours count characters
        highlights = tuple((len(encoded[:r.start].decode("utf-8", "ignore")),
                            len(encoded[:r.end].decode("utf-8", "ignore"))) for r in ranges)
        found.append(Snippet(SNIPPET_FIELDS[name], fragment, highlights))
    return tuple(found)


def _typed_names(query: str) -> list[str]:
    """The skeletons of the words a query typed (what _matched_names leaves out)."""
    return [name_skeleton(word) for word in re.findall(r"[^\W\d_]{3,}", query)]


def _matched_names(names: Iterable[str], typed: list[str]) -> tuple[str, ...]:
    """The names a searched entity goes by in a document that the query did not type."""
    return tuple(sorted(name for name in names
                        if not any(word and word in name_skeleton(name) for word in typed)))


def _document(document: Document, roles: set[tuple[str, Role]]) -> tantivy.Document:
    date = int(document.date.start.replace("-", "")) if document.date and \
        document.date.start else 0
    keywords = _keywords(document, roles)
    end = int(document.date.end.replace("-", "")) if date and document.date.end else date
    numbers = {"date": date, "date_end": end}
    if document.access.until:
        numbers["embargo_until"] = int(document.access.until.replace("-", ""))
    if date:
        numbers |= {"year": date // 10000, "decade": date // 100000 * 10}
    indexed = tantivy.Document(id=document.id, title=document.title, **numbers,
                               **{name: sorted(values) for name, values in keywords.items()
                                  if values})
    # Each field's texts joined and handed over one field at a time, each let go once tantivy
    # has its copy: a big record is not held again whole, stemmed and exact, beside its
    # blocks. (Each text a value of its own would cost tantivy more, and part phrases.)
    texts = [(analyzers.fold(text), analyzers.STEMMED_FIELD.get(lang, "text_other"))
             for text, lang in _texts(document)]
    # the document (its blocks and marks: several times a big record's text) goes before
    # the joins; the caller hands over its only reference
    del document
    for name in ("text_en", "text_ru", "text_other"):
        indexed.add_text(name, "\n".join(text for text, field in texts if field == name))
    indexed.add_text("text_exact", "\n".join(text for text, _ in texts))
    for key in sorted(set().union(*(keys_in_text(text) for text, _ in texts))):
        indexed.add_text("name_key", key)
    return indexed


def _keywords(document: Document, roles: set[tuple[str, Role]]) -> dict[str, set[str]]:
    """The values field filters match: entity ids by kind and role, languages, archives..."""
    found: dict[str, set[str]] = {name: set() for name in (*KEYWORD_FIELDS,
                                                          *SHOWN_FIELDS.values())}
    for entity_id, role in roles:
        found["entity"].add(entity_id)
        found[entity_id.split("/", 1)[0]].add(entity_id)
        if role in (Role.SENDER, Role.SIGNATORY):
            found["sender"].add(entity_id)
        if role in (Role.RECIPIENT, Role.INTERMEDIARY):
            found["recipient"].add(entity_id)
    found["original_lang"] = set(document.original_languages)
    found["rendition_lang"] = {rendition.language for rendition in document.renditions}
    found["lang"] = found["original_lang"] | found["rendition_lang"]
    found["archive_shown"] = {reference.repository.strip() for reference in
                              document.archival_references if reference.repository.strip()}
    found["collection_shown"] = {collection.strip() for collection in document.collections
                                 if collection.strip()}
    found["classification_shown"] = {fact.value.strip() for fact in document.cable
                                     if fact.kind == "classification" and fact.value.strip()}
    found["archive"] = {reference.repository.lower() for reference in
                        document.archival_references}
    found["collection"] = {collection.lower() for collection in document.collections}
    found["type"] = {document.document_type.lower()} if document.document_type else set()
    found["classification"] = {fact.value.lower() for fact in document.cable
                               if fact.kind == "classification"}
    found["access"] = {document.access.level.value}
    found["access_role"] = set(document.access.roles)
    return found


def _texts(document: Document) -> Iterable[tuple[str, str]]:
    """Every searchable text of a document with its language."""
    yield document.title, "en"
    yield document.summary, "en"
    for rendition in document.renditions:
        for block in rendition.blocks:
            if block.kind is not BlockKind.UNPARSED:
                yield reading_text(block), block.lang or rendition.language


def batched(items: Iterable[Document], size: int) -> Iterable[list[Document]]:
    """Documents in lists of ``size`` (the last may be shorter), to read their links at once."""
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_applied(folder: Path, seq: int) -> None:
    """Record the applied sequence atomically: a crash leaves the old number or the new."""
    temporary = folder / f"{_APPLIED}.tmp"
    temporary.write_text(str(seq))
    os.replace(temporary, folder / _APPLIED)
