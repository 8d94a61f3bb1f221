"""The system of record: documents, their revisions, their sources and the change log.

SQLite in WAL mode through SQLAlchemy Core, or PostgreSQL shared by many nodes
(chancery.store.postgres): the same tables and statements. Each write is one transaction that also appends
its change-log row, so a crash leaves either the whole write or none of it; an ingest writes
many documents a transaction (``put_many``), each with its own revision and change-log row.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from sqlalchemy import (ColumnElement, Compiled, Connection, Engine, Insert, Row, Select,
                        Table, bindparam, create_engine, event, func, inspect, select)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DatabaseError, OperationalError

from chancery.access import stored_roles
from chancery.errors import InputError, NotFoundError, StoreError
from chancery.formats import jsonl
from chancery.model import AccessLevel, Document, Listing, SourceFile
from chancery.store import changes, postgres, schema
from chancery.store.schema import documents, edits, meta, revisions, sources

DATABASE_NAME = "chancery.sqlite3"


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class EncodedDocument:
    """A document made ready for the store; built where it is parsed, written in one go."""

    id: str
    title: str
    date_start: str
    date_end: str
    document_type: str
    access_level: str
    access_until: str
    access_roles: str
    body: bytes
    content_sha256: str
    source: SourceFile
    reader: str = ""  # the reader and its version that made it: "wilson-markdown/1"
    note: str = ""  # a reading's curated fields (chancery.store.readings), kept in ``edits``


def encode(document: Document, reader: str = "") -> EncodedDocument:
    """The store's form of a document: its JSON without the source text, and a content hash."""
    if document.source is None:
        raise InputError("document has no source", source=document.id)
    body = jsonl.dumps(replace(document, source=replace(document.source, text="")))
    date = document.date
    return EncodedDocument(
        id=document.id, title=document.title, date_start=date.start if date else "",
        date_end=date.end if date else "", document_type=document.document_type,
        access_level=document.access.level.value, access_until=document.access.until,
        access_roles=stored_roles(document.access), body=body,
        content_sha256=hashlib.sha256(body).hexdigest(), source=document.source, reader=reader)


# what a list shows of a document, read without its body: its dates at their precision
LISTED = (documents.c.id, documents.c.date_start, documents.c.date_end, documents.c.title)


def as_listing(row: Row, changed: str = "") -> Listing:
    """A row of the ``LISTED`` columns as a Listing."""
    return Listing(row.id, row.date_start, row.title, changed, row.date_end)


_HIDING_LEVELS = [level.value for level in AccessLevel if level is not AccessLevel.PUBLIC]

# Changes a batch of documents inside the transaction that writes it (Store.put_many).
Rebase = Callable[[Connection, list[EncodedDocument]], list[EncodedDocument]]

# What a reader may see: a condition on ``documents`` (chancery.access), None for everything.
Visible = ColumnElement[bool] | None

# Statements built once: building them per call costs more than running them.
_CURRENT = select(documents.c.id, documents.c.revision, documents.c.content_sha256).where(
    documents.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_SOURCE = {name: dialect.insert(sources).on_conflict_do_nothing(index_elements=["sha256"])
                  for name, dialect in (("sqlite", sqlite), ("postgresql", postgresql))}
_INSERT_REVISION = revisions.insert()
_INSERT_EDIT = edits.insert()
_IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters
# Each document's current revision with its verbatim source: what _decode needs.
_CURRENT_BODIES = (select(documents.c.id, revisions.c.body, sources.c.text)
                   .join(revisions, (revisions.c.document_id == documents.c.id)
                         & (revisions.c.revision == documents.c.revision))
                   .join(sources, sources.c.sha256 == revisions.c.source_sha256))
# The same without the source text, for what needs only the document (the search index):
# a big record's verbatim text is not read back, decoded and held for nothing.
_CURRENT_BODIES_ONLY = (select(documents.c.id, revisions.c.body)
                        .join(revisions, (revisions.c.document_id == documents.c.id)
                              & (revisions.c.revision == documents.c.revision)))
_INSERT_DOCUMENT = documents.insert()
_UPDATE_DOCUMENT = documents.update().where(documents.c.id == bindparam("key"))


class Store:
    """The archive's database: SQLite in its folder, or PostgreSQL (see ``open``)."""

    def __init__(self, engine: Engine, read_engine: Engine | None = None) -> None:
        # reads may go to a streaming replica (``read_engine``); writes go to the primary
        self.engine = read_engine or engine
        self.primary = engine
        self.dialect = engine.dialect.name
        if self.dialect == "postgresql":
            self.writer = engine.execution_options(chancery_writer=True)
        else:
            self.writer = engine.execution_options(sqlite_immediate=True)

    @property
    def url(self) -> str:
        """Where the store is, its password hidden."""
        return postgres.shown(self.primary.url)

    @classmethod
    def open(cls, folder: Path, create: bool = False, url: str = "",
             read_url: str = "") -> Store:
        """Open the store of the archive in ``folder``; with ``create``, make it (and the
        folder) first.

        The store is in PostgreSQL when ``url`` says so, or the folder records a URL (made
        by ``init --database``), or $CHANCERY_DATABASE_URL is set and the folder holds no
        SQLite store; otherwise it is the SQLite file in the folder. ``read_url``: a
        streaming replica of that PostgreSQL to read from.
        """
        path = folder / DATABASE_NAME
        url = url or postgres.recorded_url(folder) or (
            "" if path.exists() else os.environ.get(postgres.DATABASE_ENV, ""))
        read_url = read_url or os.environ.get(postgres.READ_DATABASE_ENV, "")
        if url:
            return cls._open_postgresql(folder, url, read_url, create)
        if read_url:
            raise StoreError("a read replica is for a store in PostgreSQL",
                             hint="give --read-database only with a postgresql:// store")
        if not path.exists() and not create:
            raise StoreError(f"no archive in {folder}", hint="create one with 'chancery init'")
        try:
            # the archive holds password hashes and hidden documents (the index too): a new
            # archive's folder and database are its owner's alone
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if create:
                create_private(path)
        except OSError as error:
            raise StoreError(f"cannot create the archive folder: {error.strerror}",
                             source=str(folder)) from None
        store = cls(_engine(path))
        store._migrate()
        return store

    @classmethod
    def at_url(cls, url: str, read_url: str = "") -> Store:
        """The store in the PostgreSQL database at ``url``, its tables made or brought up
        to date first (the archive folder's part is ``open``'s)."""
        store = cls(postgres.engine(url), postgres.engine(read_url) if read_url else None)
        store._migrate()
        return store

    @classmethod
    def _open_postgresql(cls, folder: Path, url: str, read_url: str, create: bool) -> Store:
        store = cls.at_url(url, read_url)
        try:
            # the folder keeps this node's own things: its search index, caches
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if create:
                postgres.record_url(folder, url)
        except OSError as error:
            store.close()
            raise StoreError(f"cannot create the archive folder: {error.strerror}",
                             source=str(folder)) from None
        return store

    def close(self) -> None:
        self.engine.dispose()
        self.primary.dispose()

    def _migrate(self) -> None:
        try:
            if self._current_schema():  # nothing to write: a read-only archive still opens
                return
            with self.writer.begin() as connection:
                schema.meta.create(connection, checkfirst=True)
                row = connection.execute(
                    select(meta.c.value).where(meta.c.key == "schema_version")).first()
                version = int(row[0]) if row else 0
                if version > schema.SCHEMA_VERSION:
                    raise StoreError(f"the archive has schema version {version}; this Chancery "
                                     f"knows up to {schema.SCHEMA_VERSION}",
                                     hint="upgrade Chancery")
                for migration in schema.MIGRATIONS[version:]:
                    migration(connection)
                if version < schema.SCHEMA_VERSION:
                    connection.execute(meta.delete().where(meta.c.key == "schema_version"))
                    connection.execute(meta.insert().values(
                        key="schema_version", value=str(schema.SCHEMA_VERSION)))
        except (OperationalError, DatabaseError) as error:
            if self.dialect == "postgresql":
                raise postgres.explain(error, self.primary.url) from None
            raise StoreError(f"cannot open the archive database: {error.orig}",
                             source=str(self.engine.url.database)) from None

    def _current_schema(self) -> bool:
        with self.primary.connect() as connection:
            if not inspect(connection).has_table("meta"):
                return False
            row = connection.execute(
                select(meta.c.value).where(meta.c.key == "schema_version")).first()
        return row is not None and int(row[0]) == schema.SCHEMA_VERSION

    def schema_version(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(
                select(meta.c.value).where(meta.c.key == "schema_version")).scalar_one())

    def put(self, document: Document | EncodedDocument, actor: str = "ingest",
            also: Callable[[Connection, bool], None] | None = None) -> Outcome:
        """Store a document as its next revision, unless it is the same as the current one.

        ``also(connection, first)`` writes what goes with a new revision (its links) in the
        same transaction; ``first`` says the document had no revision before.
        """
        def also_for_one(connection: Connection, written: list[tuple[int, bool]]) -> None:
            if also is not None:
                also(connection, written[0][1])

        return self.put_many([document], actor, also_for_one)[0]

    def put_many(self, documents: Sequence[Document | EncodedDocument], actor: str = "ingest",
                 also: Callable[[Connection, list[tuple[int, bool]]], None] | None = None,
                 rebase: Rebase | None = None) -> list[Outcome]:
        """Store documents, each as its next revision unless it is the same as its current
        one, in one transaction: each with its change-log row, all or none of them.

        ``also(connection, written)`` writes what goes with the new revisions (their links) in
        the same transaction: ``written`` holds, for each document written, its position in
        ``documents`` and whether it had no revision before. Writing many documents a
        transaction is what makes ingest fast: a statement per table, not per document.
        ``rebase(connection, documents)`` may change the documents first, in the transaction
        (a new reading of a source keeps what curators changed: chancery.store.readings).
        """
        encoded = [item if isinstance(item, EncodedDocument) else encode(item)
                   for item in documents]
        with self.writer.begin() as connection:
            outcomes: list[Outcome] = []
            for start, end in _without_repeats([item.id for item in encoded]):
                part = encoded[start:end]
                if rebase is not None:
                    part = rebase(connection, part)
                outcomes += self._write(connection, part, start, actor, also)
            return outcomes

    def _write(self, connection: Connection, encoded: list[EncodedDocument], offset: int,
               actor: str, also: Callable[[Connection, list[tuple[int, bool]]], None] | None
               ) -> list[Outcome]:
        """Write documents of distinct ids inside the caller's transaction."""
        current = {row.id: row for row in connection.execute(
            _CURRENT, {"ids": [item.id for item in encoded]})}
        outcomes: list[Outcome] = []
        written: list[tuple[int, EncodedDocument, int]] = []  # position, document, revision
        new: set[str] = set()
        for position, item in enumerate(encoded):
            row = current.get(item.id)
            if row is not None and row.content_sha256 == item.content_sha256:
                outcomes.append(Outcome.UNCHANGED)
                continue
            outcomes.append(Outcome.UPDATED if row is not None else Outcome.ADDED)
            if row is None:
                new.add(item.id)
            written.append((position, item, row.revision + 1 if row is not None else 1))
        if not written:
            return outcomes
        seqs = changes.append_many(connection, [(item.id, revision)
                                                for _, item, revision in written], "put", actor)
        connection.execute(_insert_source(connection), [
            {"sha256": item.source.sha256, "format": item.source.format,
             "name": item.source.name, "text": item.source.text} for _, item, _ in written])
        connection.execute(_INSERT_REVISION, [
            {"document_id": item.id, "revision": revision,
             "content_sha256": item.content_sha256, "source_sha256": item.source.sha256,
             "body": item.body, "seq": seq, "reader": item.reader}
            for (_, item, revision), seq in zip(written, seqs)])
        notes = [{"seq": seq, "before": "", "after": item.note}
                 for (_, item, _), seq in zip(written, seqs) if item.note]
        if notes:
            connection.execute(_INSERT_EDIT, notes)
        rows = [{"id": item.id, "revision": revision, "title": item.title,
                 "date_start": item.date_start, "date_end": item.date_end,
                 "document_type": item.document_type, "access_level": item.access_level,
                 "access_until": item.access_until, "access_roles": item.access_roles,
                 "content_sha256": item.content_sha256, "updated_seq": seq}
                for (_, item, revision), seq in zip(written, seqs)]
        if also is not None:
            also(connection, [(offset + position, item.id in new)
                              for position, item, _ in written])
        added = [row for row in rows if row["id"] in new]
        if added:
            connection.execute(_INSERT_DOCUMENT, added)
        if len(added) < len(rows):
            connection.execute(_UPDATE_DOCUMENT, [{**row, "key": row["id"]} for row in rows
                                                  if row["id"] not in new])
        return outcomes

    def get(self, document_id: str, revision: int | None = None,
            visible: Visible = None) -> Document:
        """A document at its current (or a given) revision; NotFoundError if there is none
        (or none ``visible``: the condition on ``documents`` of what a reader may see)."""
        with self.engine.connect() as connection:
            query = select(revisions.c.body, sources.c.text).join(
                sources, sources.c.sha256 == revisions.c.source_sha256)
            if revision is None:
                query = query.join(documents, (documents.c.id == revisions.c.document_id) & (
                    documents.c.revision == revisions.c.revision))
            else:
                query = query.where(revisions.c.revision == revision)
                if visible is not None:
                    query = query.join(documents, documents.c.id == revisions.c.document_id)
            if visible is not None:
                query = query.where(visible)
            row = connection.execute(query.where(revisions.c.document_id == document_id)).first()
        if row is None:
            raise NotFoundError(f"no document '{document_id}'",
                                hint="'chancery list' shows the ids")
        return _decode(row.body, row.text, document_id)

    def get_many(self, document_ids: Iterable[str], visible: Visible = None,
                 with_source: bool = True) -> dict[str, Document]:
        """The current revision of each of ``document_ids`` that exists, by id; without
        ``with_source``, their source's text is left empty (not read)."""
        wanted = list(dict.fromkeys(document_ids))
        found: dict[str, Document] = {}
        query = _CURRENT_BODIES if with_source else _CURRENT_BODIES_ONLY
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            with self.engine.connect() as connection:
                rows = connection.execute(_where(query.where(
                    documents.c.id.in_(wanted[start:start + _IDS_PER_QUERY])), visible)).all()
            rows.reverse()
            while rows:  # each row let go once decoded: big bodies are not all held twice
                row = rows.pop()
                found[row.id] = _decode(row.body, row.text if with_source else "", row.id)
        return found

    def current_sources(self) -> dict[str, str]:
        """Source SHA-256 -> reader tag, for the latest reading of every document's source.

        The latest reading, not the current revision: a curator's revision (access, an
        edit) comes from no file, and must not make the unchanged file look new.
        """
        latest = (select(revisions.c.document_id,
                         func.max(revisions.c.revision).label("revision"))
                  .where(revisions.c.reader != "").group_by(revisions.c.document_id)
                  .subquery())
        query = select(revisions.c.source_sha256, revisions.c.reader).join(
            latest, (latest.c.document_id == revisions.c.document_id)
            & (latest.c.revision == revisions.c.revision))
        with self.engine.connect() as connection:
            return {row.source_sha256: row.reader for row in connection.execute(query)}

    def revision_count(self, document_id: str) -> int:
        with self.engine.connect() as connection:
            row = connection.execute(select(documents.c.revision)
                                     .where(documents.c.id == document_id)).first()
        return row.revision if row else 0

    def count_of(self, document_id: str, visible: Visible = None) -> int:
        """1 if the document exists (and is visible), else 0."""
        with self.engine.connect() as connection:
            return len(connection.execute(_where(select(documents.c.id).where(
                documents.c.id == document_id), visible)).all())

    def has_hidden(self) -> bool:
        """Whether any document is other than public (if none, nobody's reading is limited)."""
        with self.engine.connect() as connection:
            # IN, not !=, so that SQLite looks the levels up in documents_by_access instead
            # of reading every row (11 ms on 100,000 documents, on every page)
            return connection.execute(select(documents.c.id).where(
                documents.c.access_level.in_(_HIDING_LEVELS)).limit(1)).first() is not None

    def listing(self, visible: Visible = None) -> Iterator[Listing]:
        """Id, date and title of every document, by date then id."""
        with self.engine.connect() as connection:
            rows = connection.execute(_where(select(*LISTED), visible)
                                      .order_by(documents.c.date_start, documents.c.id))
            for row in rows:
                yield as_listing(row)

    def recent(self, limit: int = 10, visible: Visible = None) -> list[Listing]:
        """The documents added or given a new revision last, newest first."""
        # the log's tail, not a GROUP BY over the whole log: a few rows whatever its size
        with self.engine.connect() as connection:
            tail = connection.execute(_where(
                select(schema.changes.c.document_id, schema.changes.c.at)
                .join(documents, documents.c.id == schema.changes.c.document_id)
                .where(schema.changes.c.action == "put"), visible)
                .order_by(schema.changes.c.seq.desc()).limit(limit * 20)).all()
            changed: dict[str, str] = {}
            for document_id, at in tail:
                changed.setdefault(document_id, at)
            newest = list(changed)[:limit]
            rows = {row.id: row for row in connection.execute(_where(
                select(*LISTED).where(documents.c.id.in_(newest)), visible))}
        return [as_listing(rows[key], changed[key]) for key in newest if key in rows]

    def current_changes(self, after: int = 0, limit: int = 500, visible: Visible = None
                        ) -> tuple[list[changes.Change], int]:
        """The changes after sequence number ``after``, among the next ``limit`` of the log,
        that are each document's current state (its latest revision, or its deletion), oldest
        first; and the last sequence number read. What an OAI-PMH harvester is given."""
        with self.engine.connect() as connection:
            batch = list(changes.since(connection, after, limit))
            touched = {change.document_id for change in batch
                       if change.action in ("put", "delete")}
            current = dict(connection.execute(
                select(documents.c.id, documents.c.revision)
                .where(documents.c.id.in_(touched))).all()) if touched else {}
            shown = set(connection.execute(_where(select(documents.c.id).where(
                documents.c.id.in_(touched)), visible)).scalars()) if touched else set()
        # a document a reader may not see is left out, as if it had never been written
        kept = [change for change in batch
                if (change.action == "put" and current.get(change.document_id) == change.revision
                    and change.document_id in shown)
                or (change.action == "delete" and change.document_id not in current)]
        return kept, batch[-1].seq if batch else after

    def latest_change(self, document_id: str, visible: Visible = None
                      ) -> changes.Change | None:
        """The change that wrote a document's current revision; None if there is none."""
        with self.engine.connect() as connection:
            row = connection.execute(_where(
                select(schema.changes).join(documents,
                                            documents.c.updated_seq == schema.changes.c.seq)
                .where(documents.c.id == document_id), visible)).first()
        return changes.Change(*row) if row else None

    def first_change_at(self, visible: Visible = None) -> str:
        """When the first document was written (ISO 8601, UTC); "" for an empty store."""
        query = select(schema.changes.c.at).where(schema.changes.c.action == "put")
        if visible is not None:
            query = query.join(documents, documents.c.id == schema.changes.c.document_id) \
                .where(visible)
        with self.engine.connect() as connection:
            return connection.execute(query.order_by(schema.changes.c.seq).limit(1)
                                      ).scalar() or ""

    def page(self, after: str = "", limit: int = 100, visible: Visible = None
             ) -> list[Listing]:
        """Id, date and title of the documents after an id, in id order (keyset paging)."""
        with self.engine.connect() as connection:
            rows = connection.execute(_where(select(*LISTED), visible)
                                      .where(documents.c.id > after)
                                      .order_by(documents.c.id).limit(limit))
            return [as_listing(row) for row in rows]

    def ids(self, offset: int = 0, limit: int = 50_000, visible: Visible = None) -> list[str]:
        """Document ids in id order, a page at a time."""
        with self.engine.connect() as connection:
            return list(connection.execute(_where(select(documents.c.id), visible)
                                           .order_by(documents.c.id)
                                           .offset(offset).limit(limit)).scalars())

    def documents(self, batch: int = 500, visible: Visible = None) -> Iterator[Document]:
        """Every document at its current revision, in id order, read in batches."""
        last = ""
        while True:
            with self.engine.connect() as connection:
                rows = connection.execute(_where(_CURRENT_BODIES, visible)
                                          .where(documents.c.id > last)
                                          .order_by(documents.c.id).limit(batch)).all()
            if not rows:
                return
            for row in rows:
                yield _decode(row.body, row.text, row.id)
            last = rows[-1].id

    def count(self, visible: Visible = None) -> int:
        with self.engine.connect() as connection:
            if visible is not None:
                return connection.execute(select(func.count()).select_from(documents)
                                          .where(visible)).scalar_one()
            return connection.exec_driver_sql("SELECT count(*) FROM documents").scalar_one()

    def check(self) -> list[str]:
        """Problems found: schema version, change log, and every revision parses back."""
        problems: list[str] = []
        with self.engine.connect() as connection:
            if self.dialect == "sqlite":  # PostgreSQL checks its pages as it reads them
                integrity = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
                if integrity != "ok":
                    problems.append(f"SQLite integrity check: {integrity}")
            version = connection.execute(
                select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
            if version != str(schema.SCHEMA_VERSION):
                problems.append(f"schema version is {version}, expected {schema.SCHEMA_VERSION}")
            problems += changes.gaps(connection)
            rows = connection.execute(
                select(revisions.c.document_id, revisions.c.revision, revisions.c.body,
                       revisions.c.content_sha256, revisions.c.seq, sources.c.text)
                .outerjoin(sources, sources.c.sha256 == revisions.c.source_sha256))
            for row in rows:
                problems += _check_revision(row)
            last = changes.last_seq(connection)
            stale = connection.execute(select(documents.c.id).where(
                documents.c.updated_seq > last)).first()
            if stale is not None:
                problems.append(f"{stale.id}: updated by a change the log does not hold")
        return problems


def _check_revision(row) -> list[str]:  # noqa: ANN001 - a SQLAlchemy row
    where = f"{row.document_id} revision {row.revision}"
    if row.text is None:
        return [f"{where}: its source is missing"]
    if hashlib.sha256(row.body).hexdigest() != row.content_sha256:
        return [f"{where}: content does not match its SHA-256"]
    try:
        _decode(row.body, row.text, row.document_id)
    except InputError as error:
        return [f"{where}: does not parse back ({error.message})"]
    return []


def storage_error(error: BaseException, where: str) -> StoreError | None:
    """What a user must know of a failure of the disk under the archive, or None if the
    error is not one: a full disk and a read-only folder say so, and that what was stored
    before is whole (SQLite rolls an unfinished transaction back)."""
    text = str(error).lower()
    if "disk is full" in text or "no space left" in text or "file too large" in text:
        return StoreError("the disk holding the archive is full", source=where,
                          hint="free some space and run the command again: what was stored "
                               "before is whole, and nothing half-written was kept")
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return StoreError("the archive cannot be written: its folder or file is read-only",
                          source=where, hint="make it writable, or work on a copy")
    return None


def _where(query: Select, visible: Visible) -> Select:
    return query if visible is None else query.where(visible)


def insert_rows(connection: Connection, table: Table, columns: tuple[str, ...],
                rows: list[tuple]) -> None:
    """Insert rows (tuples in the order of ``columns``): on PostgreSQL a batch of any size
    goes through COPY, elsewhere (and for a few rows) one executemany at the driver.

    For the tens of links a document has, SQLAlchemy's building a parameter dict for each
    row costs more than the database's inserting it; on PostgreSQL, COPY streams the rows
    in one command where even a pipelined executemany sends each as a statement.
    """
    if not rows:
        return
    if connection.dialect.name == "postgresql" and len(rows) >= COPY_FROM_ROWS:
        copy_rows(connection, table, columns, rows)
    else:
        execute_rows(connection, table, columns, rows)


COPY_FROM_ROWS = 16  # below this, COPY's own round trips cost more than it saves


def copy_rows(connection: Connection, table: Table, columns: tuple[str, ...],
              rows: list[tuple]) -> None:
    """PostgreSQL's COPY FROM STDIN, in the connection's transaction (psycopg 3 adapts each
    value as it would a parameter)."""
    from psycopg import sql

    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns)))
    with connection.connection.driver_connection.cursor() as cursor:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


def execute_rows(connection: Connection, table: Table, columns: tuple[str, ...],
                 rows: list[tuple]) -> None:
    """One executemany at the driver, the statement compiled once per table and columns."""
    key = (connection.dialect.name, table.name, columns)
    compiled = _COMPILED_INSERTS.get(key)
    if compiled is None:
        compiled = _COMPILED_INSERTS[key] = table.insert().compile(
            dialect=connection.dialect, column_keys=list(columns))
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup]
        if order != list(range(len(columns))):
            rows = [tuple(row[index] for index in order) for row in rows]
        connection.exec_driver_sql(str(compiled), rows)
    else:
        connection.exec_driver_sql(str(compiled), [dict(zip(columns, row)) for row in rows])


_COMPILED_INSERTS: dict[tuple, Compiled] = {}


def _without_repeats(ids: list[str]) -> Iterator[tuple[int, int]]:
    """Stretches (start, end) of a list of ids in which no id is there twice: a document
    read twice in one batch is written twice, as two revisions, in order."""
    start, seen = 0, set()
    for position, document_id in enumerate(ids):
        if document_id in seen:
            yield start, position
            start, seen = position, set()
        seen.add(document_id)
    if start < len(ids):
        yield start, len(ids)


def _insert_source(connection: Connection) -> Insert:
    """Insert a source unless the same content is already kept (a dialect's upsert)."""
    return _INSERT_SOURCE[connection.dialect.name]


def _decode(body: bytes, source_text: str, document_id: str) -> Document:
    document = jsonl.loads(body, document_id)
    assert document.source is not None
    return replace(document, source=replace(document.source, text=source_text))


def create_private(path: Path) -> None:
    """Make an empty file readable and writable by its owner only (0600), unless it exists.

    SQLite takes an empty file for an empty database, and gives its -wal and -shm files the
    database's mode, so a store made this way stays private whatever the umask: os.open's
    mode is set in the one call that creates the file (no umask juggling, which would touch
    every thread of the process).
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass  # an existing store keeps the mode its operator gave it


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:  # noqa: ANN001
        # Let SQLAlchemy's BEGIN below decide transactions (the pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "handle_error")
    def _explain(context) -> StoreError | None:  # noqa: ANN001 - SQLAlchemy's context
        return storage_error(context.original_exception, str(path))

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # noqa: ANN001
        # A writer takes the write lock at once (IMMEDIATE), so two writers never both read
        # the same last change-log number; readers never block anyone under WAL.
        immediate = connection.get_execution_options().get("sqlite_immediate")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
