"""Tables of the store and the migrations that build them, in order.

The same SQLAlchemy Core tables serve SQLite now and PostgreSQL later. A migration is a
function of a connection; ``SCHEMA_VERSION`` is the number of migrations.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    text,
)

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
    Column("access_until", String(10), nullable=False, server_default=""),
    Column("access_roles", Text, nullable=False, server_default=""),  # " editor researcher "
    Column("content_sha256", String(64), nullable=False),
    Column("updated_seq", Integer, nullable=False),
)
Index("documents_by_date", documents.c.date_start, documents.c.id)
Index("documents_by_access", documents.c.access_level)

# Every revision of every document: the model as JSON (its source text lives in `sources`).
revisions = Table(
    "revisions", metadata,
    Column("document_id", String, primary_key=True),
    Column("revision", Integer, primary_key=True),
    Column("content_sha256", String(64), nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("reader", String, nullable=False, server_default=""),  # "wilson-markdown/1"
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

Index("changes_by_subject", changes.c.document_id, changes.c.seq)

# What a change was, where the revisions do not already say it: an entity or a link before
# and after (JSON; "" where there was none), so that history pages can show it and revert it.
edits = Table(
    "edits", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("before", Text, nullable=False),
    Column("after", Text, nullable=False),
)

# Accounts of the web interface; roles as " editor researcher ", like documents' roles.
users = Table(
    "users", metadata,
    Column("name", String, primary_key=True),
    Column("roles", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created", String, nullable=False),
    # Every cookie of this user carries it; a new one (logout, new password or roles) ends
    # them all. Random, so that a user removed and added again does not revive old cookies.
    Column("session_generation", String, nullable=False, server_default=""),
)

# Sign-in attempts within the throttle's window, one row per key (client address, account
# name) and attempt, shared by every server process (chancery.store.throttle).
login_attempts = Table(
    "login_attempts", metadata,
    Column("key", String, nullable=False),
    Column("at", Float, nullable=False),  # seconds since the epoch
)
Index("login_attempts_by_key", login_attempts.c.key, login_attempts.c.at)
Index("login_attempts_by_time", login_attempts.c.at)


# The authority: persons, places and organisations, each kept whole as JSON.
entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("preferred", Text, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("updated_seq", Integer, nullable=False),
)

# Links between documents and entities, made by the linker or a curator.
mentions = Table(
    "mentions", metadata,
    Column("document_id", String, nullable=False),
    Column("entity_id", String, nullable=False),
    Column("role", String, nullable=False),
    Column("rendition", Integer, nullable=False),
    Column("block", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("method", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("confirmed", Integer, nullable=False),
)
Index("mentions_by_document", mentions.c.document_id, mentions.c.entity_id)
Index("mentions_by_entity", mentions.c.entity_id, mentions.c.role)

# Volumes of editions (FRUS): each kept whole as JSON, with the SHA-256 of the file it was
# read from (kept once in `sources`) and the reader that read it (chancery.store.volumes).
volumes = Table(
    "volumes", metadata,
    Column("id", String, primary_key=True),
    Column("title", Text, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("reader", String, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("updated_seq", Integer, nullable=False),
)
Index("volumes_by_source", volumes.c.source_sha256)

# Names the linker found but could not link: for a curator.
proposals = Table(
    "proposals", metadata,
    Column("document_id", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("rendition", Integer, nullable=False),
    Column("block", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("method", Text, nullable=False),
    # the entity the name's key suggests ("" for none): a curator's likely answer
    Column("suggested", String, nullable=False, server_default=""),
)
Index("proposals_by_document", proposals.c.document_id)

# A curator's answer to a proposed name form, kept apart from the proposals (which the linker
# makes again at every relink): a rejected form is not offered again; an accepted one became
# a name of ``entity_id``.
proposal_decisions = Table(
    "proposal_decisions", metadata,
    Column("form", Text, primary_key=True),
    Column("decision", String, nullable=False),  # "accepted" or "rejected"
    Column("entity_id", String, nullable=False, server_default=""),
    Column("actor", String, nullable=False),
    Column("at", String, nullable=False),
)

# Page images of documents, in order (chancery.images): the image file itself is kept once
# by its SHA-256 in the archive folder's images/; a document's pages are its rows here.
page_images = Table(
    "page_images", metadata,
    Column("document_id", String, primary_key=True),
    Column("position", Integer, primary_key=True),  # 1, 2, ... in the document's order
    Column("sha256", String(64), nullable=False),
    Column("media_type", String, nullable=False),
    Column("width", Integer, nullable=False),
    Column("height", Integer, nullable=False),
    Column("label", Text, nullable=False),  # "f. 57", "p. 167", or ""
    Column("source", Text, nullable=False),  # the file it came from: "scan.pdf#3"
)
Index("page_images_by_sha256", page_images.c.sha256)

# What OCR read on a page image, once per image and languages, whatever documents show it:
# the words with their boxes and confidences (JSON) and Tesseract's hOCR as it gave it.
ocr_pages = Table(
    "ocr_pages", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("languages", String, primary_key=True),  # as Tesseract was asked: "rus+eng"
    Column("engine", String, nullable=False),
    Column("confidence", Float, nullable=False),  # mean word confidence, 0-100
    Column("words", LargeBinary, nullable=False),
    Column("hocr", LargeBinary, nullable=False),  # zlib-compressed
)


def _create_v1(connection: Connection) -> None:
    metadata.create_all(connection, tables=[meta, sources, documents, revisions, changes])


def _add_authority_v2(connection: Connection) -> None:
    metadata.create_all(connection, tables=[entities, mentions, proposals])


def _add_reader_v3(connection: Connection) -> None:
    # v1 created revisions from the current table definition, which already has the column.
    columns = {column["name"] for column in inspect(connection).get_columns("revisions")}
    if "reader" not in columns:
        connection.execute(text("ALTER TABLE revisions ADD COLUMN reader VARCHAR NOT NULL "
                                "DEFAULT ''"))


def _index_mentions_by_document_and_entity_v4(connection: Connection) -> None:
    # "the names Stalin goes by in these 20 hits" must not scan all of Stalin's mentions
    connection.execute(text("DROP INDEX IF EXISTS mentions_by_document"))
    connection.execute(text("CREATE INDEX mentions_by_document ON mentions "
                            "(document_id, entity_id)"))


def _add_access_v5(connection: Connection) -> None:
    # the embargo date and the roles, so that lists can leave out what a reader may not see
    columns = {column["name"] for column in inspect(connection).get_columns("documents")}
    for name in ("access_until", "access_roles"):
        if name not in columns:
            connection.execute(text(f"ALTER TABLE documents ADD COLUMN {name} VARCHAR "
                                    "NOT NULL DEFAULT ''"))
    connection.execute(text("CREATE INDEX IF NOT EXISTS documents_by_access ON documents "
                            "(access_level)"))
    rows = connection.execute(text(
        "SELECT d.id, r.body FROM documents d JOIN revisions r ON r.document_id = d.id "
        "AND r.revision = d.revision WHERE d.access_level != 'public'")).all()
    for document_id, body in rows:
        access = json.loads(body).get("access", {})
        roles = access.get("roles") or []
        connection.execute(text("UPDATE documents SET access_until = :until, "
                                "access_roles = :roles WHERE id = :id"),
                           {"until": access.get("until", ""), "id": document_id,
                            "roles": f" {' '.join(roles)} " if roles else ""})


def _add_users_and_edits_v6(connection: Connection) -> None:
    metadata.create_all(connection, tables=[edits, users])
    # a document's or an entity's history must not read the whole log
    connection.execute(text("CREATE INDEX IF NOT EXISTS changes_by_subject ON changes "
                            "(document_id, seq)"))


def _add_login_attempts_and_session_generations_v7(connection: Connection) -> None:
    metadata.create_all(connection, tables=[login_attempts])
    # v6 created users from the current table definition, which already has the column.
    columns = {column["name"] for column in inspect(connection).get_columns("users")}
    if "session_generation" not in columns:
        connection.execute(text("ALTER TABLE users ADD COLUMN session_generation VARCHAR "
                                "NOT NULL DEFAULT ''"))
    # cookies made before this version carry no generation: every user signs in again
    for (name,) in connection.execute(text("SELECT name FROM users")).all():
        connection.execute(text("UPDATE users SET session_generation = :generation "
                                "WHERE name = :name"),
                           {"generation": secrets.token_urlsafe(16), "name": name})


def _add_volumes_v8(connection: Connection) -> None:
    metadata.create_all(connection, tables=[volumes])


def _add_proposal_suggestions_and_decisions_v9(connection: Connection) -> None:
    metadata.create_all(connection, tables=[proposal_decisions])
    # v2 created proposals from the current table definition, which may have the column
    columns = {column["name"] for column in inspect(connection).get_columns("proposals")}
    if "suggested" not in columns:
        connection.execute(text("ALTER TABLE proposals ADD COLUMN suggested VARCHAR NOT NULL "
                                "DEFAULT ''"))
    connection.execute(text("CREATE INDEX IF NOT EXISTS proposals_by_text ON proposals "
                            "(text)"))


def _add_page_images_and_ocr_v10(connection: Connection) -> None:
    metadata.create_all(connection, tables=[page_images, ocr_pages])


MIGRATIONS: list[Callable[[Connection], None]] = [_create_v1, _add_authority_v2,
                                                  _add_reader_v3,
                                                  _index_mentions_by_document_and_entity_v4,
                                                  _add_access_v5, _add_users_and_edits_v6,
                                                  _add_login_attempts_and_session_generations_v7,
                                                  _add_volumes_v8,
                                                  _add_proposal_suggestions_and_decisions_v9,
                                                  _add_page_images_and_ocr_v10]
SCHEMA_VERSION = len(MIGRATIONS)
