"""Tables of the store and the migrations that build them, in order.

The same SQLAlchemy Core tables serve SQLite now and PostgreSQL later. A migration is a
function of a connection; ``SCHEMA_VERSION`` is the number of migrations.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (Column, Connection, Index, Integer, LargeBinary, MetaData, String,
                        Table, Text)

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String, primary_key=True),
    Column("value", Text, nullable=False),
)

# Verbatim sources, once per distinct content.
sources = Table(
    "sources", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("format", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("text", Text, nullable=False),
)

# The current state of each document, with the columns lists and sorting need.
documents = Table(
    "documents", metadata,
    Column("id", String, primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("title", Text, nullable=False),
    Column("date_start", String(10), nullable=False),
    Column("date_end", String(10), nullable=False),
    Column("document_type", String, nullable=False),
    Column("access_level", String, nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("updated_seq", Integer, nullable=False),
)
Index("documents_by_date", documents.c.date_start, documents.c.id)

# Every revision of every document: the model as JSON (its source text lives in `sources`).
revisions = Table(
    "revisions", metadata,
    Column("document_id", String, primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("content_sha256", String(64), nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("seq", Integer, nullable=False),
)

# The change log: one row per write, in a gap-free sequence the search index follows.
changes = Table(
    "changes", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("document_id", String, nullable=False),
    Column("action", String, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=[meta, sources, documents, revisions, changes])


MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1]
SCHEMA_VERSION = len(MIGRATIONS)
