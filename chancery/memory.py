"""Memory the ingest frees goes back to the system, so one big record stays within a bound.

An ingest of one big record runs steps that each build and drop many times the file in
memory (parse, link, encode, write to the store), then tantivy indexes it in a thread of
its own. With glibc's defaults what a step frees is mostly kept by the process: after a big
block is freed glibc raises its mmap threshold, so the next big strings come from the heap
and stay there, and tantivy's thread allocates from an arena of its own that cannot reuse
what Python freed. The peak is then the sum of the steps, not the largest of them
(docs/benchmarks.md, "Memory of one big record").

Nothing here changes what is computed; on a system without glibc (musl, macOS) both
functions do nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import lru_cache

# mallopt(3) parameters (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8

# Blocks from this size on are mapped on their own and unmapped when freed. glibc's default
# starts here too but moves up to 32 MB as big blocks are freed; fixing it keeps it here.
MMAP_THRESHOLD = 128 * 1024
# Free memory at the top of the heap beyond this is given back at once.
TRIM_THRESHOLD = 1024 * 1024
# One arena for every thread: tantivy's indexing thread reuses what Python's steps freed
# instead of growing an arena of its own. The ingest has one Python thread and tantivy's
# writer one, so this costs no contention worth measuring.
ARENA_MAX = 1


@lru_cache(maxsize=1)
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
        libc.malloc_trim.argtypes = (ctypes.c_size_t,)
    except (OSError, AttributeError):  # not glibc (musl has no mallopt or malloc_trim)
        return None
    return libc


def bound_for_ingest() -> bool:
    """Set glibc's allocator so that what a step frees can go back to the system and be
    reused by the next (for the whole process: call it in a process that ingests, such as
    ``chancery ingest``). Returns whether the settings were taken."""
    libc = _glibc()
    if libc is None:
        return False
    return all(libc.mallopt(parameter, value) == 1 for parameter, value in (
        (_M_MMAP_THRESHOLD, MMAP_THRESHOLD), (_M_TRIM_THRESHOLD, TRIM_THRESHOLD),
        (_M_ARENA_MAX, ARENA_MAX)))


def give_back() -> None:
    """Hand the heap's free pages back to the system: after a big step, before the next
    (the store's write, tantivy's indexing) allocates again."""
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)
