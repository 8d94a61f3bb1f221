"""A full disk and a read-only archive: a clear error, and nothing corrupted.

The archive lives on a small tmpfs of its own (made just bigger than a new archive), filled
by an ingest, then given room (or made read-only) by remounting. Mounting needs root (as in CI); elsewhere these tests are skipped.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate_corpus import write_corpus
from chancery.archive import Archive


def mount(folder: Path, options: str, remount: bool = False) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    command = ["mount", "-o", f"remount,{options}" if remount else options]
    command += [str(folder)] if remount else ["-t", "tmpfs", "tmpfs", str(folder)]
    return subprocess.run(command, capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    folder = tmp_path / "disk"
    if not mount(folder, "size=64m"):
        pytest.skip("mounting a tmpfs needs root")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults") / "corpus"
    write_corpus(1_000, folder, seed=3, files_per_dir=1_000)
    return folder


def chancery(archive: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                           *arguments], capture_output=True, text=True)


def test_a_full_disk_stops_the_ingest_with_a_clear_error_and_corrupts_nothing(
        small_disk, corpus):
    archive = small_disk / "archive"
    assert chancery(archive, "init").returncode == 0  # the shipped authority: some MB
    # then room for a little more than the authority: the ingest fills the disk
    used = sum(path.stat().st_size for path in archive.iterdir()) // 1024
    assert mount(small_disk, f"size={used + 3 * 1024}k", remount=True)
    full = chancery(archive, "ingest", str(corpus))
    assert full.returncode == 2
    assert "the disk holding the archive is full" in full.stderr
    assert "Traceback" not in full.stderr

    assert mount(small_disk, "size=64m", remount=True)
    with Archive.open(archive) as opened:
        assert opened.check() == []
        stored = opened.count()
    assert 0 < stored < 1_000
    done = chancery(archive, "ingest", str(corpus))
    assert done.returncode == 0, done.stderr
    assert f"unchanged {stored}" in done.stdout
    with Archive.open(archive) as opened:
        assert opened.count() == 1_000 and opened.check() == []


def test_a_read_only_archive_says_so_and_stays_whole(small_disk, corpus):
    assert mount(small_disk, "size=64m", remount=True)
    archive = small_disk / "archive"
    chancery(archive, "init")
    first = sorted(corpus.rglob("*.md"))[:50]
    assert chancery(archive, "ingest", *map(str, first)).returncode == 0
    assert mount(small_disk, "ro", remount=True)
    try:
        refused = chancery(archive, "ingest", str(corpus))
        assert refused.returncode == 2
        assert "read-only" in refused.stderr and "Traceback" not in refused.stderr
        edit = chancery(archive, "access", "wilson:1", "public")
        assert "read-only" in edit.stderr
    finally:
        assert mount(small_disk, "rw", remount=True)
    with Archive.open(archive) as opened:
        assert opened.check() == [] and opened.count() == 50
