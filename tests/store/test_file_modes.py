"""The store holds password hashes and hidden documents: its files (the database, its
write-ahead log and shared memory, and backup copies) are readable by their owner only,
as the session key is, whatever the umask of whoever made them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from chancery.archive import SECRET_FILE, Archive
from chancery.store.store import DATABASE_NAME
from tests.conftest import WILSON


@pytest.fixture
def permissive_umask():
    previous = os.umask(0o022)  # the usual default: files world-readable
    yield
    os.umask(previous)


def _modes(folder: Path) -> dict[str, str]:
    return {path.name: stat.filemode(path.stat().st_mode) for path in folder.iterdir()
            if path.name.startswith((DATABASE_NAME, SECRET_FILE))}


def test_the_store_files_of_a_new_archive_are_its_owners_alone(tmp_path, permissive_umask):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.ingest([WILSON])
        archive.add_user("ada", ("editor",), "a long enough password")
        modes = _modes(tmp_path / "archive")
        assert {DATABASE_NAME, DATABASE_NAME + "-wal", DATABASE_NAME + "-shm"} <= set(modes)
        assert set(modes.values()) == {"-rw-------"}, modes
    assert stat.S_IMODE((tmp_path / "archive").stat().st_mode) == 0o700


def test_backups_and_restored_stores_are_their_owners_alone(tmp_path, permissive_umask):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.ingest([WILSON])
        archive.backup(tmp_path / "backup")
    assert _modes(tmp_path / "backup")[DATABASE_NAME] == "-rw-------"
    Archive.restore(tmp_path / "backup", tmp_path / "restored")
    assert _modes(tmp_path / "restored")[DATABASE_NAME] == "-rw-------"
