"""The search index: a tantivy index derived from the store by following its change log.

The store is the truth and the index a cache. The index applies change-log entries in order
and records, after each commit, the last sequence number it applied; whatever happened in
between (a crash after the store's commit and before the index's), the next catch-up applies
it again. Applying a change is an upsert by document id, so applying one twice is harmless.
``rebuild`` makes the index again from nothing.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import tantivy

from chancery.errors import StoreError
from chancery.model import BlockKind, Document, Mention, Role
from chancery.search import analyzers
from chancery.search.compile import Compiler, Resolver
from chancery.search.query import parse
from chancery.store import authority, changes
from chancery.store.store import Store
from chancery.text.markup import reading_text

_APPLIED = "applied-seq"
_BATCH = 5_000
_WRITER_HEAP = 128 * 1024 * 1024
SCHEMA_VERSION = 2


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name=analyzers.ENGLISH)
    builder.add_integer_field("date", stored=True, indexed=True, fast=True)
    for field in ("text_en", "text_ru"):
        builder.add_text_field(field, stored=False, tokenizer_name=analyzers.ENGLISH
                               if field == "text_en" else analyzers.RUSSIAN)
    builder.add_text_field("text_exact", stored=False, tokenizer_name=analyzers.EXACT)
    for field in ("entity", "person", "place", "org", "sender", "recipient", "lang", "archive",
                  "collection", "type", "classification"):
        builder.add_text_field(field, stored=False, tokenizer_name="raw", fast=True)
    return builder.build()


@dataclass(frozen=True, slots=True)
class Results:
    total: int
    hits: list[Hit]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str
    date: int
    score: float


class SearchIndex:
    """The index folder of one archive."""

    def __init__(self, folder: Path, index: tantivy.Index) -> None:
        self.folder = folder
        self.index = index

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

    def applied_seq(self) -> int:
        """The last change-log sequence number the index holds."""
        return int((self.folder / _APPLIED).read_text() or 0)

    def catch_up(self, store: Store) -> int:
        """Apply the store's changes the index has not seen, in order; returns how many."""
        applied = self.applied_seq()
        count = 0
        while True:
            with store.engine.connect() as connection:
                batch = list(changes.since(connection, applied, limit=_BATCH))
            if not batch:
                return count
            writer = self.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
            for change in batch:
                if change.action == "put":
                    self._upsert(writer, store, store.get(change.document_id))
            writer.commit()
            writer.wait_merging_threads()
            applied = batch[-1].seq
            _write_applied(self.folder, applied)
            count += len(batch)

    def rebuild(self, store: Store) -> int:
        """Index every document again from nothing; returns how many."""
        with store.engine.connect() as connection:
            last = changes.last_seq(connection)
        writer = self.index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        writer.delete_all_documents()
        count = 0
        for document in store.documents():
            writer.add_document(_document(document,
                                          authority.document_links(store, document.id)[0]))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        _write_applied(self.folder, last)
        return count

    def search(self, text: str, resolve: Resolver, limit: int = 20) -> Results:
        """Documents matching a query in the query language, best first."""
        parsed = parse(text)
        query = Compiler(self.index, resolve).compile(parsed.node)
        self.index.reload()
        searcher = self.index.searcher()
        result = searcher.search(query, max(limit, 0), count=True)
        hits = []
        for score, address in result.hits:
            stored = searcher.doc(address)
            hits.append(Hit(stored["id"][0], stored["title"][0], stored["date"][0], score))
        return Results(result.count or 0, hits, parsed.warnings)

    def _upsert(self, writer: tantivy.IndexWriter, store: Store, document: Document) -> None:
        writer.delete_documents_by_term("id", document.id)
        writer.add_document(_document(document, authority.document_links(store, document.id)[0]))


def _document(document: Document, mentions: list[Mention]) -> tantivy.Document:
    fields: dict[str, list[str]] = {"text_en": [], "text_ru": [], "text_exact": []}
    for text, lang in _texts(document):
        folded = analyzers.fold(text)
        stemmed = analyzers.STEMMED_FIELD.get(lang)
        if stemmed:
            fields[stemmed].append(folded)
        fields["text_exact"].append(folded)
    date = int(document.date.start.replace("-", "")) if document.date and \
        document.date.start else 0
    keywords = _keywords(document, mentions)
    return tantivy.Document(id=document.id, title=document.title, date=date,
                            **{name: "\n".join(values) for name, values in fields.items()},
                            **{name: sorted(values) for name, values in keywords.items()
                               if values})


def _keywords(document: Document, mentions: list[Mention]) -> dict[str, set[str]]:
    """The values field filters match: entity ids by kind and role, languages, archives..."""
    found: dict[str, set[str]] = {name: set() for name in (
        "entity", "person", "place", "org", "sender", "recipient", "lang", "archive",
        "collection", "type", "classification")}
    for mention in mentions:
        kind = mention.entity_id.split("/", 1)[0]
        found["entity"].add(mention.entity_id)
        found[kind].add(mention.entity_id)
        if mention.role in (Role.SENDER, Role.SIGNATORY):
            found["sender"].add(mention.entity_id)
        if mention.role in (Role.RECIPIENT, Role.INTERMEDIARY):
            found["recipient"].add(mention.entity_id)
    found["lang"] = set(document.original_languages) | {r.language for r in document.renditions}
    found["archive"] = {reference.repository.lower() for reference in
                        document.archival_references}
    found["collection"] = {collection.lower() for collection in document.collections}
    found["type"] = {document.document_type.lower()} if document.document_type else set()
    found["classification"] = {fact.value.lower() for fact in document.cable
                               if fact.kind == "classification"}
    return found


def _texts(document: Document) -> Iterable[tuple[str, str]]:
    """Every searchable text of a document with its language."""
    yield document.title, "en"
    yield document.summary, "en"
    for rendition in document.renditions:
        for block in rendition.blocks:
            if block.kind is not BlockKind.UNPARSED:
                yield reading_text(block), block.lang or rendition.language


def _write_applied(folder: Path, seq: int) -> None:
    """Record the applied sequence atomically: a crash leaves the old number or the new."""
    temporary = folder / f"{_APPLIED}.tmp"
    temporary.write_text(str(seq))
    os.replace(temporary, folder / _APPLIED)
