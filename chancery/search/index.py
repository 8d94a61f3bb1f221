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
from chancery.model import BlockKind, Document
from chancery.search import analyzers
from chancery.store import changes
from chancery.store.store import Store
from chancery.text.markup import reading_text

_APPLIED = "applied-seq"
_BATCH = 5_000
_WRITER_HEAP = 128 * 1024 * 1024
SCHEMA_VERSION = 1


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("title", stored=True, tokenizer_name=analyzers.ENGLISH)
    builder.add_integer_field("date", stored=True, indexed=True, fast=True)
    for field in ("text_en", "text_ru"):
        builder.add_text_field(field, stored=False, tokenizer_name=analyzers.ENGLISH
                               if field == "text_en" else analyzers.RUSSIAN)
    builder.add_text_field("text_exact", stored=False, tokenizer_name=analyzers.EXACT)
    return builder.build()


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
                    self._upsert(writer, store.get(change.document_id))
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
            writer.add_document(_document(document))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        _write_applied(self.folder, last)
        return count

    def search(self, text: str, limit: int = 20) -> tuple[int, list[Hit]]:
        """The total number of hits and the best ``limit`` of them for a plain query."""
        self.index.reload()
        query, _errors = self.index.parse_query_lenient(
            analyzers.fold(text), ["title", "text_en", "text_ru", "text_exact"])
        searcher = self.index.searcher()
        result = searcher.search(query, limit, count=True)
        hits = []
        for score, address in result.hits:
            stored = searcher.doc(address)
            hits.append(Hit(stored["id"][0], stored["title"][0], stored["date"][0], score))
        return result.count or 0, hits

    def _upsert(self, writer: tantivy.IndexWriter, document: Document) -> None:
        writer.delete_documents_by_term("id", document.id)
        writer.add_document(_document(document))


def _document(document: Document) -> tantivy.Document:
    fields: dict[str, list[str]] = {"text_en": [], "text_ru": [], "text_exact": []}
    for text, lang in _texts(document):
        folded = analyzers.fold(text)
        stemmed = analyzers.STEMMED_FIELD.get(lang)
        if stemmed:
            fields[stemmed].append(folded)
        fields["text_exact"].append(folded)
    date = int(document.date.start.replace("-", "")) if document.date and \
        document.date.start else 0
    return tantivy.Document(id=document.id, title=document.title, date=date,
                            **{name: "\n".join(values) for name, values in fields.items()})


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
