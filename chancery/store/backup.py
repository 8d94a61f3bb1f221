"""Backups of the store: a consistent copy taken while the archive is in use, and restoring it.

SQLite's online backup API copies the database in one step under a read transaction, so the
copy is the store as of one moment even while an ingest or the web server writes (in WAL
mode writers are not held up). The authority (entities, names, links) and the accounts live
in the store and come with it; the search index does not: it is derived, and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from chancery.errors import StoreError
from chancery.store.store import create_private

MANIFEST = "manifest.json"
_COUNTED = ("documents", "revisions", "changes", "entities", "mentions", "users")


@dataclass(frozen=True, slots=True)
class Manifest:
    """What a backup holds, written beside it and checked before it is restored."""

    created: str
    schema_version: int
    last_change: int
    counts: dict[str, int]
    sha256: str


def back_up(database: Path, target: Path, extra_files: tuple[Path, ...] = ()) -> Manifest:
    """Copy the store at ``database`` into the new folder ``target``, with a manifest."""
    try:
        target.mkdir(mode=0o700, parents=True, exist_ok=False)
    except FileExistsError:
        raise StoreError("the backup folder exists already", source=str(target),
                         hint="give a new folder") from None
    except OSError as error:
        raise StoreError(f"cannot make the backup folder: {error.strerror}",
                         source=str(target)) from None
    copy = target / database.name
    try:
        create_private(copy)  # the copy holds what the store holds: its owner's alone
        with closing(_connect(database, read_only=True)) as source, \
                closing(_connect(copy)) as destination:
            source.backup(destination)  # one step: one consistent snapshot
            destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            manifest = _describe(destination)
        for extra in extra_files:
            if extra.exists():
                shutil.copy2(extra, target / extra.name)
        manifest = Manifest(manifest.created, manifest.schema_version, manifest.last_change,
                            manifest.counts, _sha256(copy))
        _write_json(target / MANIFEST, asdict(manifest))
    except (sqlite3.Error, OSError) as error:
        shutil.rmtree(target, ignore_errors=True)  # no half-made backup is left to trust
        raise StoreError(f"the backup failed: {error}", source=str(target)) from None
    return manifest


def verify(backup: Path, database_name: str) -> Manifest:
    """The manifest of a backup whose database is whole and unaltered; StoreError if not."""
    try:
        raw = json.loads((backup / MANIFEST).read_text())
        manifest = Manifest(**raw)
    except (OSError, ValueError, TypeError) as error:
        raise StoreError(f"not a Chancery backup (its manifest cannot be read: {error})",
                         source=str(backup)) from None
    copy = backup / database_name
    if not copy.exists() or _sha256(copy) != manifest.sha256:
        raise StoreError("the backup's database is missing or altered (its SHA-256 differs "
                         "from the manifest's)", source=str(copy))
    with closing(_connect(copy, read_only=True)) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise StoreError(f"the backup's database fails SQLite's integrity check: {result}",
                         source=str(copy))
    return manifest


def restore(backup: Path, database: Path) -> Manifest:
    """Put a verified backup in place of the store at ``database`` (the archive must not be
    in use): copied beside it first, then renamed over it in one step."""
    manifest = verify(backup, database.name)
    database.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    incoming = database.with_name(database.name + ".restoring")
    try:
        incoming.unlink(missing_ok=True)
        create_private(incoming)  # copyfile keeps the mode of the file it writes into
        shutil.copyfile(backup / database.name, incoming)
        with open(incoming, "rb") as file:
            os.fsync(file.fileno())
        for suffix in ("-wal", "-shm"):  # the old store's log must not be replayed onto it
            database.with_name(database.name + suffix).unlink(missing_ok=True)
        os.replace(incoming, database)
    except OSError as error:
        incoming.unlink(missing_ok=True)
        raise StoreError(f"cannot restore: {error.strerror}", source=str(database)) from None
    return manifest


def _describe(connection: sqlite3.Connection) -> Manifest:
    counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in _COUNTED}
    version = connection.execute(
        "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    last = connection.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]
    return Manifest(datetime.now(UTC).isoformat(timespec="seconds"), int(version), last,
                    counts, "")


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite3.connect(path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
