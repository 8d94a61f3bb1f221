"""Backups taken while the archive is written to, verified, and restored."""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import pytest

from chancery.archive import Archive
from chancery.errors import StoreError
from tests.conftest import STALIN_1949, WILSON, read_record


def test_a_backup_restores_the_whole_archive(archive, tmp_path):
    archive.load_authority(relink=False)
    archive.ingest([WILSON])
    archive.add_user("alice", ("editor",), "a long enough secret")
    backup = tmp_path / "backup"
    manifest = archive.backup(backup)
    assert manifest.counts["documents"] == archive.count() == 6
    assert manifest.counts["users"] == 1
    assert len((backup / "authority.jsonl").read_text().splitlines()) == len(archive.entities())

    restored = tmp_path / "restored"
    Archive.restore(backup, restored)
    with Archive.open(restored) as copy:
        assert copy.check() == []
        assert [item.id for item in copy.listing()] == [item.id for item in archive.listing()]
        assert copy.get("wilson:121768") == archive.get("wilson:121768")
        assert copy.search("Filippov").total == archive.search("Filippov").total
        assert copy.authenticate("alice", "a long enough secret") is not None
        assert copy.history("wilson:121768") == archive.history("wilson:121768")


def test_a_backup_is_consistent_while_documents_are_written(archive, tmp_path):
    cable = read_record(STALIN_1949)
    stop, started = threading.Event(), threading.Event()

    def write() -> None:
        number = 0
        while not stop.is_set():
            number += 1
            archive.add(replace(cable, id=f"wilson:9{number:05}"))
            started.set()

    writer = threading.Thread(target=write)
    writer.start()
    started.wait(30)
    try:
        manifests = [archive.backup(tmp_path / f"backup-{number}") for number in range(3)]
    finally:
        stop.set()
        writer.join()
    assert manifests[-1].counts["documents"] > manifests[0].counts["documents"] > 0
    for number, manifest in enumerate(manifests):
        restored = tmp_path / f"restored-{number}"
        Archive.restore(tmp_path / f"backup-{number}", restored)
        with Archive.open(restored) as copy:
            assert copy.store.check() == []  # the change log and the documents agree
            assert copy.count() == manifest.counts["documents"]


def test_an_altered_or_foreign_backup_is_refused(archive, tmp_path):
    archive.ingest([WILSON])
    backup = tmp_path / "backup"
    archive.backup(backup)
    with pytest.raises(StoreError, match="exists already"):
        archive.backup(backup)
    database = backup / "chancery.sqlite3"
    data = bytearray(database.read_bytes())
    data[-100] ^= 0xFF
    database.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="altered"):
        Archive.restore(backup, tmp_path / "restored")
    (backup / "manifest.json").write_text(json.dumps({"nothing": 1}))
    with pytest.raises(StoreError, match="not a Chancery backup"):
        Archive.restore(backup, tmp_path / "restored")
    assert not (tmp_path / "restored" / "chancery.sqlite3").exists()
