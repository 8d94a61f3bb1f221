"""A big file is read and linked in a forked child of its own, which exits before the write.

Reading, linking and encoding one big record build and drop many times the file in memory
(millions of small objects: blocks, marks, words, candidate names), and a process keeps much
of what it freed (pymalloc arenas that one surviving object holds, heap pages glibc does not
hand back). In one process the store's write and then tantivy's indexing and commit came on
top of those leftovers, and the peak was nearly their sum. A child that reads, links and
encodes the file hands back only what the store needs (a few big strings and the link rows,
streamed through a pipe) and exits, giving all the rest back; the parent writes and indexes
with none of it resident. The two run one after the other, so the ingest's peak is the larger
of the two, not their sum (docs/benchmarks.md, "Memory of one big record").

The store is written by the parent only, as before, in one transaction per batch: the child
opens no connection and writes nothing, so a child that dies leaves nothing half-stored.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from chancery.errors import ChanceryError, InputError
from chancery.search.forked import let_go_of_index_locks

# Files from this size on are read in a child. Over the baseline an ingest in one process
# peaks at about 12 times the file (bench/big_record.py), some 50 MB at 4 MB: small beside
# the 280 MB the program holds anyway, and below it a fork per file (copying the parent's
# page tables, the child touching the linker's dictionaries again) buys little. A FRUS
# volume or a record of many witnesses is over it.
ISOLATE_FROM_BYTES = 4 << 20

Result = TypeVar("Result")


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
        return False  # read in process, which reports why it cannot be read


def parse(read: Callable[[], Result | str], path: Path,
          threshold: int = ISOLATE_FROM_BYTES) -> Result | str:
    """``read()`` (a file's documents made ready for the store, or why it cannot be read):
    in a child of its own if the file is big, else here. A child that fails or dies gives
    the reason, naming the file, as a failed read does."""
    if not is_big(path, threshold):
        return read()
    try:
        return in_child(read, str(path))
    except InputError as error:
        return str(error)


def in_child(work: Callable[[], Result], name: str) -> Result:
    """Run ``work`` in a forked child and return what it returned; the parent waits.

    The work must not use the store: a connection the child inherited is the parent's.
    A ChanceryError raised in the child is raised here again, the same kind with the same
    message; any other failure, or a child that dies before it reports (killed, out of
    memory), is an InputError naming ``name``, the file being read.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, whatever happens
        os.close(read_end)
        _child(work, write_end)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reading:
        try:  # read to the end before waiting: a full pipe would block the child
            kind, value = pickle.load(reading)
        except (EOFError, pickle.UnpicklingError, ValueError):
            kind, value = "", None  # the child ended before it finished its answer
    _, status = os.waitpid(pid, 0)
    if kind == "result":
        return value
    if kind == "chancery":
        error_class, message, source, line, hint = value
        raise error_class(message, source=source, line=line, hint=hint)
    if kind == "other":
        raise InputError(f"reading it failed: {value}", source=name)
    raise InputError(f"the process reading it {_how_it_ended(status)} before it reported",
                     source=name)


def _child(work: Callable[[], object], write_end: int) -> None:
    let_go_of_index_locks()  # else a lock it inherited stalls the parent's other threads
    code = 0
    try:
        answer = ("result", work())
    except ChanceryError as error:
        answer = ("chancery", (type(error), error.message, error.source, error.line,
                               error.hint))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, naming the file
        answer = ("other", f"{type(error).__name__}: {error}")
    try:
        with os.fdopen(write_end, "wb") as writing:
            # streamed: pickle writes a big string or bytes straight to the pipe, so the
            # answer is not copied whole into one more buffer here
            pickle.dump(answer, writing, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # noqa: BLE001 - the parent sees no answer and says so
        code = 1
    finally:
        # no atexit handlers, no finalizers: what the child inherited (the parent's store
        # connections, its open files, pytest's or click's state) is left as it was
        os._exit(code)


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            signal_name = signal.Signals(number).name
        except ValueError:
            signal_name = f"signal {number}"
        cause = " (the system may have run out of memory)" if number == signal.SIGKILL else ""
        return f"was killed by {signal_name}{cause}"
    return f"exited with status {os.waitstatus_to_exitcode(status)}"
