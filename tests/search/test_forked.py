"""A process forked from one whose index was locked at that instant does not keep the lock.

tantivy takes its meta lock for a moment from threads of its own (a commit, a reader's
reload) and lets go by closing the descriptor. A worker forked meanwhile shares the locked
open file, and its copy kept the lock after the parent let go: the parent's next commit
waited for the ingest's workers to end, that is for ever (an ingest that hung in CI)."""

from __future__ import annotations

import fcntl
import multiprocessing
import os
from functools import partial

from chancery import ingest


def _child(start, ready, done) -> None:  # noqa: ANN001
    if start is not None:
        start()
    ready.set()
    done.wait()


def _free(lock) -> bool:  # noqa: ANN001
    probe = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(probe)
    return True


def test_an_ingests_worker_forked_while_the_index_was_locked_lets_go_of_the_lock(tmp_path):
    lock = tmp_path / "index" / ".tantivy-meta.lock"
    lock.parent.mkdir()
    lock.touch()
    forking = multiprocessing.get_context("fork")

    def lock_free_after_forking(start) -> bool:  # noqa: ANN001
        held = os.open(lock, os.O_RDWR)
        fcntl.flock(held, fcntl.LOCK_EX)
        ready, done = forking.Event(), forking.Event()
        child = forking.Process(target=_child, args=(start, ready, done))
        child.start()
        os.close(held)  # as tantivy lets go: the descriptor closed, no unlock
        assert ready.wait(timeout=120)  # the child started (a bound only against a crash)
        free = _free(lock)
        done.set()
        child.join()
        return free

    assert not lock_free_after_forking(None)  # a child that did nothing kept the lock
    assert lock_free_after_forking(partial(ingest._start_worker, (), False))
