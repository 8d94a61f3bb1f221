"""migrate-store: a SQLite archive copied whole into PostgreSQL and back, verified.

Real stores on both sides: the archive's SQLite file and a throwaway PostgreSQL cluster.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from chancery.archive import Archive
from chancery.errors import StoreError
from chancery.store import migrate
from chancery.store.postgres import DATABASE_ENV, URL_FILE
from tests.conftest import WILSON

ROOT = Path(__file__).resolve().parent.parent.parent


def chancery(archive: Path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess:
    # a SQLite archive to start from, whatever store the suite runs on
    environment = {key: value for key, value in os.environ.items() if key != DATABASE_ENV}
    return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                           *arguments], capture_output=True, text=True, cwd=ROOT,
                          input=stdin, env=environment, timeout=300)


@pytest.fixture
def database(postgresql_cluster) -> str:
    url = postgresql_cluster.create_database()
    yield url
    postgresql_cluster.drop_database(url)


@pytest.fixture
def curated(tmp_path) -> Path:
    """A SQLite archive with documents, a curator's edits, a user and their history."""
    folder = tmp_path / "home"
    assert chancery(folder, "init", "--no-authority").returncode == 0
    assert chancery(folder, "ingest", str(WILSON)).returncode == 0
    assert chancery(folder, "access", "wilson:121768", "restricted", "--role",
                    "researcher").returncode == 0
    assert chancery(folder, "users", "add", "ada", "--role", "editor", "--password-stdin",
                    stdin="a long enough passphrase\n").returncode == 0
    assert (folder / "chancery.sqlite3").exists()
    return folder


def test_sqlite_to_postgresql_and_back_keeps_every_row(curated, database, tmp_path):
    with Archive.open(curated) as before:
        listing = [item.id for item in before.listing()]
        history = before.history("wilson:121768")
        fingerprint = migrate.fingerprint(before.store)
    assert fingerprint["revisions"].rows == 7 and fingerprint["users"].rows == 1

    moved = chancery(curated, "migrate-store", "--to", database)
    assert moved.returncode == 0, moved.stderr
    assert "verified" in moved.stdout and "revisions 7" in moved.stdout
    assert (curated / URL_FILE).exists()  # the folder now uses PostgreSQL
    assert chancery(curated, "check").stdout.strip() == "check passed: 6 documents"
    with Archive.open(curated) as after:
        assert after.store.dialect == "postgresql"
        assert [item.id for item in after.listing()] == listing
        assert after.history("wilson:121768") == history
        assert migrate.fingerprint(after.store) == fingerprint
        assert after.user("ada") is not None
    found = chancery(curated, "search", "Mikoyan")
    assert "wilson:121768" in found.stdout, found.stderr

    # and home again, as a small SQLite archive of its own
    home = tmp_path / "taken-home"
    back = chancery(curated, "migrate-store", "--to", str(home))
    assert back.returncode == 0, back.stderr
    assert (home / "chancery.sqlite3").exists() and not (home / URL_FILE).exists()
    with Archive.open(home) as copy:
        assert copy.store.dialect == "sqlite"
        assert migrate.fingerprint(copy.store) == fingerprint
        assert copy.check() == []


def test_a_target_that_is_not_empty_is_refused_and_the_source_is_untouched(
        curated, database):
    assert chancery(curated, "migrate-store", "--to", database).returncode == 0
    again = chancery(curated, "migrate-store", "--to", str(curated.parent / "second"))
    assert again.returncode == 0, again.stderr
    with Archive.open(curated.parent / "second") as second, pytest.raises(
            StoreError, match="the target store is not empty: its table .* holds"):
        migrate.move(second.store, second.folder, database)
    with Archive.open(curated) as source:
        assert source.check() == []


def test_a_copy_that_differs_is_named_table_by_table(curated, tmp_path):
    with Archive.open(curated) as source:
        migrate.move(source.store, source.folder, str(tmp_path / "copy"))
    with Archive.open(tmp_path / "copy") as copy, Archive.open(curated) as source:
        with copy.store.writer.begin() as connection:
            connection.exec_driver_sql("UPDATE users SET roles = ' admin '")
        assert migrate.verify(source.store, copy.store) == [
            "table users: the same 1 rows in number, but their contents differ"]
