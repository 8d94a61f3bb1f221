"""The store survives the ingesting process being killed at any moment.

5,000 generated records are ingested by the real command, killed with SIGKILL while it writes,
20 times over. After each kill the archive passes ``check``, every document committed before
is still there, and the search index catches up with the store. A last ingest then completes
the batch.

The kill waits for the ingest to say that it is writing (``--progress lines``: a line each
time a batch is committed), then comes after a random number of such lines: a slow or loaded
machine only makes the test slower, never lets the kills land before the first write.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate_corpus import write_corpus
from chancery.archive import Archive

RECORDS = 5_000
KILLS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "corpus"
    write_corpus(RECORDS, folder, seed=7)
    return folder


def chancery(archive: Path, *arguments: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "chancery", "--archive", str(archive),
                             *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)  # its workers die with it


def test_killed_twenty_times_while_ingesting_nothing_committed_is_lost(corpus, tmp_path):
    archive = tmp_path / "archive"
    assert chancery(archive, "init").wait() == 0
    rng = random.Random(20261123)
    committed: set[str] = set()
    killed_while_writing = 0
    for _ in range(KILLS):
        ingest = chancery(archive, "ingest", "--progress", "lines", str(corpus))
        for _ in range(rng.randint(1, 3)):
            line = ingest.stderr.readline()
            assert line.startswith(b"committed: "), line + ingest.stderr.read()
        os.killpg(ingest.pid, signal.SIGKILL)
        ingest.wait()
        ingest.stderr.close()
        with Archive.open(archive) as opened:
            assert opened.check() == []  # the store whole, the index caught up with it
            present = set(opened.ids(limit=RECORDS + 1))
            assert committed <= present, f"lost: {sorted(committed - present)[:5]}"
            killed_while_writing += len(present) > len(committed)
            assert opened.index.ids() == present
            committed = present
    assert killed_while_writing == KILLS  # each kill came after a batch was written

    finish = chancery(archive, "ingest", str(corpus))
    assert finish.wait() == 0, finish.stderr.read().decode()
    with Archive.open(archive) as opened:
        assert opened.check() == []
        assert opened.count() == RECORDS
        assert opened.search("Stalin").total > 0
