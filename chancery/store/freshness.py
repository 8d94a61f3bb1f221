"""What every page of the archive depends on, read cheaply enough to ask on each request.

A page changes only when the change log moves or when a day passes on which an embargo
lifts (access changes by itself at midnight, without a change). ``Freshness.state(day)``
says both: the log's last sequence number and when it was written, and the embargo dates on
either side of ``day``. Several processes may serve one archive, each asking its own store:
a change one makes is seen by the others on their next request.

Asking on every request must cost next to nothing. On SQLite a connection of our own asks
``PRAGMA data_version``, which moves only when another connection has committed (a few
microseconds); only then is the log read again. Other stores read the log's last number.
"""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import and_, func, select

from chancery.model import AccessLevel, ArchiveState
from chancery.store.schema import changes, documents
from chancery.store.store import Store

_LAST_CHANGE = select(changes.c.seq, changes.c.at).order_by(changes.c.seq.desc()).limit(1)
_EMBARGOED = and_(documents.c.access_level == AccessLevel.EMBARGOED.value,
                  documents.c.access_until != "")


def _lifted_by(day: str):  # noqa: ANN202 - a SQLAlchemy select
    return select(func.max(documents.c.access_until)).where(
        _EMBARGOED, documents.c.access_until <= day)


def _lifting_after(day: str):  # noqa: ANN202
    return select(func.min(documents.c.access_until)).where(
        _EMBARGOED, documents.c.access_until > day)


class Freshness:
    """The archive's state as pages depend on it, for one process."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._watch = _sqlite_watch(store)
        self._data_version: int | None = None
        self._last: tuple[int, str] | None = None  # (seq, at) as last read
        self._state: ArchiveState | None = None

    def state(self, day: str) -> ArchiveState:
        """The change log's last point and the embargo dates around ``day`` (ISO)."""
        with self._lock:
            last = self._last_change()
            known = self._state
            if known is not None and (known.seq, known.changed_at) == last and \
                    known.day == day:
                return known
            with self.store.engine.connect() as connection:
                lifted = connection.execute(_lifted_by(day)).scalar() or ""
                lifting = connection.execute(_lifting_after(day)).scalar() or ""
            self._state = ArchiveState(seq=last[0], changed_at=last[1], day=day,
                                       last_lift=lifted, next_lift=lifting)
            return self._state

    def last_seq(self) -> int:
        """The change log's last sequence number, as cheaply as ``state``."""
        with self._lock:
            return self._last_change()[0]

    def _last_change(self) -> tuple[int, str]:
        if self._watch is not None:
            version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            if version == self._data_version and self._last is not None:
                return self._last
            self._data_version = version
        with self.store.engine.connect() as connection:
            row = connection.execute(_LAST_CHANGE).first()
        self._last = (row.seq, row.at) if row else (0, "")
        return self._last

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()


def _sqlite_watch(store: Store) -> sqlite3.Connection | None:
    """A read-only connection of our own to a SQLite store, whose data_version tells us when
    anyone else has committed (it never moves for its own writes, and it makes none)."""
    if store.dialect != "sqlite" or not store.engine.url.database:
        return None
    return sqlite3.connect(f"file:{store.engine.url.database}?mode=ro", uri=True,
                           check_same_thread=False)
