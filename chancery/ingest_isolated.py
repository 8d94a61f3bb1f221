"""A big file is read, linked and written to the store in a forked child of its own.

Reading, linking, encoding and writing one big record build and drop many times the file in
memory, and a process keeps much of what it freed (pymalloc arenas that one surviving object
holds, heap pages glibc does not hand back). In one process tantivy then indexes and commits
the document on top of those leftovers, and the peak is nearly their sum. A child that does
the reading and the writing and then exits gives all of it back before the parent's index
catches up with the store: the two run one after the other, so the ingest's peak is the
larger of the two, not their sum (docs/benchmarks.md, "Memory of one big record").

The child writes through the same store, in the same transactions as an ingest in one
process (a document, its change-log row and its links together), so a child that dies leaves
either the whole write or none of it. What it reports back is small (counts, messages, ids):
the document itself is read back from the store by the index, as after any ingest.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Iterable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from chancery.errors import ChanceryError, InputError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from chancery.archive import IngestReport

# Files from this size on are read in a child. Over the baseline an ingest in one process
# peaks at about 12 times the file (bench/big_record.py), some 50 MB at 4 MB: small beside
# the 280 MB the program holds anyway, and below it a fork per file (copying the parent's
# page tables, the linker re-touching its dictionaries) buys little; a FRUS volume or a
# record of many witnesses is over it.
ISOLATE_FROM_BYTES = 4 << 20

Result = TypeVar("Result")

# The pools of connections a child inherited from its parent. They are kept referenced and
# never closed in the child: closing an inherited SQLite connection could checkpoint and
# remove the write-ahead log the parent is still using (SQLite's "how to corrupt" notes),
# and a PostgreSQL connection closed here would be closed for the parent too.
_INHERITED_POOLS: list[object] = []


def forking_available() -> bool:
    """Whether this system can fork (Linux, the BSDs, macOS; not Windows)."""
    return hasattr(os, "fork")


def is_big(path: Path, threshold: int = ISOLATE_FROM_BYTES) -> bool:
    """Whether ``path`` is a file big enough to read in a child (``threshold`` 0: never)."""
    if threshold <= 0 or not forking_available():
        return False
    try:
        return path.stat().st_size >= threshold
    except OSError:
        return False  # the ingest in process reports why it cannot be read


def read_big_apart(files: list[Path], threshold: int,
                   read_and_write: Callable[[list[Path], IngestReport], None],
                   report: IngestReport, engines: Iterable[Engine],
                   progress: Callable[[int], None] | None = None,
                   written: Callable[[IngestReport], None] | None = None) -> list[Path]:
    """Read, link and write each file of ``threshold`` bytes or more in a child of its own,
    one after the other, with ``read_and_write([file], report)``, as an ingest would in this
    process; return the other files, for reading here.

    The child starts from a copy of ``report`` (so that a full disk's message counts what
    was written before it) and hands back the whole report, which replaces this one. A file
    whose child fails outright is a failure of that file, and the next is read.
    """
    rest = []
    engines = tuple(engines)
    for path in files:
        if not is_big(path, threshold):
            rest.append(path)
            continue
        before = (report.added, report.updated)
        try:
            after = in_child(lambda: _read_alone(read_and_write, path, report),  # noqa: B023
                             str(path), engines)
        except InputError as error:  # the child died or failed in a way of its own
            report.failures.append((str(path), str(error)))
        else:
            for kept in fields(report):
                setattr(report, kept.name, getattr(after, kept.name))
        if progress:
            progress(1)
        if written and (report.added, report.updated) != before:
            written(report)
    return rest


def _read_alone(read_and_write: Callable[[list[Path], IngestReport], None], path: Path,
                report: IngestReport) -> IngestReport:
    read_and_write([path], report)  # in the child: this report is the child's copy
    return report


def in_child(work: Callable[[], Result], name: str, engines: tuple[Engine, ...] = ()) -> Result:
    """Run ``work`` in a forked child and return what it returned; the parent waits.

    ``engines``: the store's engines; the child opens connections of its own through them and
    leaves the parent's alone. A ChanceryError raised in the child is raised here again,
    the same kind with the same message; any other failure, or a child that dies (killed,
    out of memory), is an InputError naming ``name``, the file being read.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, whatever happens
        os.close(read_end)
        _child(work, name, engines, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reading:
        answer = reading.read()  # before waiting: a full pipe would block the child
    _, status = os.waitpid(pid, 0)
    if not answer:
        raise InputError(f"the process reading it {_how_it_ended(status)} before it "
                         f"reported (nothing of the file was half written: each write is "
                         f"one transaction)", source=name)
    kind, value = pickle.loads(answer)
    if kind == "result":
        return value
    if kind == "chancery":
        error_class, message, source, line, hint = value
        raise error_class(message, source=source, line=line, hint=hint)
    raise InputError(f"reading it failed: {value}", source=name)


def _child(work: Callable[[], object], name: str, engines: tuple[Engine, ...],
           write_end: int) -> None:
    code = 0
    try:
        for engine in engines:
            _INHERITED_POOLS.append(engine.pool)
            engine.dispose(close=False)  # a fresh pool: the child's own connections
        answer = ("result", work())
    except ChanceryError as error:
        answer = ("chancery", (type(error), error.message, error.source, error.line,
                               error.hint))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, naming the file
        answer = ("other", f"{type(error).__name__}: {error}")
    try:
        try:
            payload = pickle.dumps(answer)
        except Exception as error:  # noqa: BLE001 - an unpicklable error or result
            payload = pickle.dumps(("other", f"cannot report back: {error}"))
        with os.fdopen(write_end, "wb") as writing:
            writing.write(payload)
    except BaseException:  # noqa: BLE001 - the parent sees no answer and says so
        code = 1
    finally:
        os._exit(code)  # no atexit handlers, no finalizers: the parent's state stays its own


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            signal_name = signal.Signals(number).name
        except ValueError:
            signal_name = f"signal {number}"
        hint = " (the system may have run out of memory)" if number == signal.SIGKILL else ""
        return f"was killed by {signal_name}{hint}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"
