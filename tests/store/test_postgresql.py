"""The store in PostgreSQL, as an operator meets it: init --database, the folder keeping only
node-local things, a second node over the same store, concurrent ingests, and the clear
errors of a wrong URL, a refused connection, a missing database and a newer schema.

A real server: a throwaway cluster (tests.postgresql_cluster), whichever --store the suite
runs on.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import update

from bench.generate_corpus import write_corpus
from chancery.archive import Archive
from chancery.errors import StoreError
from chancery.store import schema
from chancery.store.postgres import DATABASE_ENV, URL_FILE
from tests.conftest import WILSON

ROOT = Path(__file__).resolve().parent.parent.parent


def chancery(archive: Path, *arguments: str, env: dict | None = None
             ) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != DATABASE_ENV}
    return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                           *arguments], capture_output=True, text=True, cwd=ROOT,
                          env={**environment, **(env or {})}, timeout=300)


@pytest.fixture
def database(postgresql_cluster) -> str:
    url = postgresql_cluster.create_database()
    yield url
    postgresql_cluster.drop_database(url)


def test_init_with_a_database_keeps_the_store_there_and_only_node_things_in_the_folder(
        tmp_path, database):
    folder = tmp_path / "node-a"
    made = chancery(folder, "init", "--no-authority", "--database", database)
    assert made.returncode == 0, made.stderr
    assert not (folder / "chancery.sqlite3").exists()
    # the URL may carry a password: the folder's record of it is its owner's alone
    assert stat.S_IMODE((folder / URL_FILE).stat().st_mode) == 0o600
    ingested = chancery(folder, "ingest", str(WILSON))
    assert ingested.stdout.strip() == "added 6, updated 0, unchanged 0, failed 0", \
        ingested.stderr
    assert chancery(folder, "check").stdout.strip() == "check passed: 6 documents"
    with psycopg.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM documents").fetchone()[0] == 6
        assert connection.execute("SELECT max(seq) FROM changes").fetchone()[0] == 6

    # a second node: an empty folder and the store's URL from the environment; it builds
    # its index from the store, and an edit on either node is seen by the other
    other = tmp_path / "node-b"
    found = chancery(other, "search", "Mikoyan", env={DATABASE_ENV: database})
    assert found.returncode == 0, found.stderr
    assert "wilson:121768" in found.stdout
    edited = chancery(folder, "access", "wilson:121768", "restricted", "--role", "researcher")
    assert edited.returncode == 0, edited.stderr
    with Archive.open(other, database=database) as node_b:
        assert node_b.get("wilson:121768").access.level.value == "restricted"
        assert node_b.check() == []


def test_backup_of_a_postgresql_store_points_to_pg_dump(tmp_path, database):
    with Archive.open(tmp_path / "archive", create=True, database=database) as archive:
        archive.ingest([WILSON / "1949-02-03_filippov-to-mikoyan.md"])
    refused = chancery(tmp_path / "archive", "backup", str(tmp_path / "copy"))
    assert refused.returncode == 2
    assert "pg_dump" in refused.stderr and "pg_restore" in refused.stderr
    assert "Traceback" not in refused.stderr and not (tmp_path / "copy").exists()


def test_two_ingests_at_once_into_one_store_write_one_gap_free_change_log(
        tmp_path, database):
    corpus = tmp_path / "corpus"
    write_corpus(400, corpus, seed=11, files_per_dir=200)
    halves = sorted(corpus.iterdir())
    assert chancery(tmp_path / "a", "init", "--no-authority", "--database",
                    database).returncode == 0
    env = {DATABASE_ENV: database}
    writers = [subprocess.Popen(
        [sys.executable, "-m", "chancery", "--archive", str(tmp_path / name), "ingest",
         "--jobs", "1", str(half)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, **env}) for name, half in zip("ab", halves)]
    outputs = [writer.communicate(timeout=600) for writer in writers]
    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert out.strip() == "added 200, updated 0, unchanged 0, failed 0"
    with Archive.open(tmp_path / "a") as archive:
        assert archive.count() == 400
        assert archive.check() == []  # the log runs 1..n without holes
    with psycopg.connect(database) as connection:
        assert connection.execute("SELECT count(*), min(seq), max(seq) FROM changes"
                                  ).fetchone() == (400, 1, 400)


def test_a_wrong_url_a_refused_connection_and_a_missing_database_say_which(
        tmp_path, postgresql_cluster):
    folder = tmp_path / "archive"
    cases = {
        "mysql://someone@127.0.0.1/archive": "not a PostgreSQL database URL",
        "postgresql://someone@127.0.0.1:1/archive": "cannot connect to PostgreSQL",
        postgresql_cluster.url("no_such_database"): "the database does not exist",
    }
    for url, message in cases.items():
        with pytest.raises(StoreError, match=message):
            Archive.open(folder, create=True, database=url)
        said = chancery(folder, "init", "--database", url)
        assert said.returncode == 2 and message in said.stderr, said.stderr
        assert "Traceback" not in said.stderr
    # the password never shows
    said = chancery(folder, "init", "--database", "postgresql://me:hunter2@127.0.0.1:1/x")
    assert "hunter2" not in said.stderr and "cannot connect" in said.stderr


def test_a_store_of_a_newer_schema_is_refused_naming_both_versions(tmp_path, database):
    with Archive.open(tmp_path / "archive", create=True, database=database) as archive:
        with archive.store.writer.begin() as connection:
            connection.execute(update(schema.meta).where(schema.meta.c.key == "schema_version")
                               .values(value=str(schema.SCHEMA_VERSION + 1)))
    with pytest.raises(StoreError, match=f"schema version {schema.SCHEMA_VERSION + 1}; this "
                                         f"Chancery knows up to {schema.SCHEMA_VERSION}"):
        Archive.open(tmp_path / "archive")


def test_a_session_made_on_one_node_holds_on_another(tmp_path, database):
    from starlette.testclient import TestClient

    from chancery.web.app import create_app

    with Archive.open(tmp_path / "a", create=True, database=database) as node_a, \
            Archive.open(tmp_path / "b", database=database) as node_b:
        node_a.ingest([WILSON / "1949-02-03_filippov-to-mikoyan.md"])
        node_a.add_user("alice", ("editor",), "a long enough secret")
        first = TestClient(create_app(node_a, page_cache=False))
        login = first.get("/login")
        token = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)
        signed = first.post("/login", data={"csrf": token, "name": "alice",
                                            "password": "a long enough secret", "next": "/"})
        assert "Signed in as alice" in signed.text
        second = TestClient(create_app(node_b, page_cache=False), cookies=first.cookies)
        assert second.get("/documents/wilson:121768/edit").status_code == 200
        stranger = TestClient(create_app(node_b, page_cache=False))
        assert stranger.get("/documents/wilson:121768/edit",
                            follow_redirects=False).status_code in (302, 303)
