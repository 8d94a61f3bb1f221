"""What a forked child lets go of: the descriptors of the index's lock files it inherited.

tantivy guards its writer and its meta.json with flock(2) locks, taken by threads of the
parent (the writer for as long as it lives; the meta lock for a moment, at a commit or a
reader's reload). A child forked meanwhile shares each open lock file with the parent; when
the parent's thread closes its descriptor without unlocking, the child's copy keeps the lock,
and the parent's next commit waits until the child ends. An ingest's parsing workers live as
long as the ingest: it waited for ever (seen in CI, under load). A child that never touches
the index closes those descriptors before anything else.
"""

from __future__ import annotations

import os

_LOCK_FILES = (".tantivy-meta.lock", ".tantivy-writer.lock")
_OWN_DESCRIPTORS = "/proc/self/fd"


def let_go_of_index_locks() -> int:
    """Close this process's descriptors of any index's lock files; returns how many. Only
    for a child that will not use the index it inherited (the parent's stay open)."""
    try:
        numbers = os.listdir(_OWN_DESCRIPTORS)
    except OSError:
        return 0  # no /proc (macOS, the BSDs): nothing found to close
    closed = 0
    for number in numbers:
        try:
            target = os.readlink(f"{_OWN_DESCRIPTORS}/{number}")
        except OSError:
            continue  # the listing's own descriptor, closed by now
        if os.path.basename(target) in _LOCK_FILES:
            os.close(int(number))
            closed += 1
    return closed
