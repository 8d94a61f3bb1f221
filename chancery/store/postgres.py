"""The store on PostgreSQL (psycopg 3): the same tables as on SQLite, shared by many nodes.

An archive folder whose store is in PostgreSQL keeps only node-local things (the search
index, caches) and the store's address in ``database.url`` (its owner's alone: it may hold a
password). Every writer takes one transaction-scoped advisory lock first, as a SQLite writer
takes BEGIN IMMEDIATE: the change log's numbers are then given and committed in one order,
without gaps, whichever process or machine writes; readers are never blocked.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError

from chancery.config import DATABASE_ENV, READ_DATABASE_ENV  # noqa: F401 - named here too
from chancery.errors import StoreError

URL_FILE = "database.url"  # in the archive folder: where its store is
# the advisory lock every writer takes (any constant will do; this one reads "chancery")
WRITE_LOCK = 0x6368616E63657279


def is_postgresql(url: str) -> bool:
    return url.split(":", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def shown(url: str | URL) -> str:
    """An address fit for a message: its password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url).split("@")[-1]


def recorded_url(folder: Path) -> str:
    """The store address an archive folder records ("" if it records none)."""
    path = folder / URL_FILE
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


def record_url(folder: Path, url: str) -> None:
    """Write the store's address into the folder, readable by its owner only."""
    path = folder / URL_FILE
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(url + "\n")


def engine(url: str) -> Engine:
    """An engine for a PostgreSQL URL (``postgresql://user@host/db``); a clear StoreError
    naming it if it is not one SQLAlchemy can use."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {shown(url)!r}",
                         hint="write it as postgresql://USER@HOST[:PORT]/DATABASE") from None
    if parsed.get_backend_name() not in ("postgresql", "postgres") or not parsed.database:
        raise StoreError(f"not a PostgreSQL database URL: {shown(url)!r}",
                         hint="write it as postgresql://USER@HOST[:PORT]/DATABASE")
    parsed = parsed.set(drivername="postgresql+psycopg")
    # as many connections as the server's thread pool runs requests at once (Starlette's
    # 40): a burst waits for PostgreSQL, not for a connection of the pool
    made = create_engine(parsed, pool_pre_ping=True, pool_size=10, max_overflow=40,
                         connect_args={"connect_timeout": 10,
                                       "application_name": "chancery"})

    @event.listens_for(made, "begin")
    def _lock_for_writing(connection) -> None:  # noqa: ANN001 - SQLAlchemy's connection
        if connection.get_execution_options().get("chancery_writer"):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return made


def explain(error: OperationalError | DatabaseError, url: str | URL) -> StoreError:
    """What a user must know of a failure to reach or use the database."""
    reason = str(getattr(error, "orig", error) or error).strip().splitlines()[0]
    where = shown(url)
    lowered = reason.lower()
    if "does not exist" in lowered and "database" in lowered:
        return StoreError(f"the database does not exist: {reason}", source=where,
                          hint="create it first (createdb -E UTF8 -T template0 NAME)")
    if "connection refused" in lowered or "could not connect" in lowered \
            or "no such file" in lowered or "timeout" in lowered \
            or "name or service not known" in lowered or "could not translate" in lowered:
        return StoreError(f"cannot connect to PostgreSQL: {reason}", source=where,
                          hint="is the server running, and is the host and port right?")
    if "authentication" in lowered or "password" in lowered or "role" in lowered:
        return StoreError(f"PostgreSQL refused the login: {reason}", source=where,
                          hint="check the user and password in the URL")
    return StoreError(f"PostgreSQL failed: {reason}", source=where)
