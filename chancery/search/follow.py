"""A node's search index following the store's change log, and how far behind it is.

Each node of a PostgreSQL archive keeps its own index. A thread of the serving process
applies new changes as soon as the store announces them (PostgreSQL's LISTEN/NOTIFY: every
commit that writes the log notifies ``chancery_changes``), and looks anyway every ``poll``
seconds, which is all there is on SQLite and what covers a notification lost while the
connection was down. A node that cannot reach the store keeps serving its index as it is,
and reconnects by itself.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timezone

import psycopg
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from chancery.errors import ChanceryError
from chancery.model import IndexLag
from chancery.search.index import SearchIndex
from chancery.store import changes
from chancery.store.schema import changes as change_log
from chancery.store.store import Store

log = logging.getLogger(__name__)

POLL_SECONDS = 2.0


def lag(store: Store, index: SearchIndex) -> IndexLag:
    """How far the index is behind the store: changes, and the age of the oldest one not
    applied (0 when none is waiting)."""
    applied = index.applied_seq()
    with store.engine.connect() as connection:
        last = changes.last_seq(connection)
        first_waiting = connection.execute(select(change_log.c.at).where(
            change_log.c.seq == applied + 1)).scalar() if last > applied else None
    seconds = 0.0
    if first_waiting:
        written = datetime.fromisoformat(first_waiting)
        seconds = max(0.0, (datetime.now(timezone.utc) - written).total_seconds())
    return IndexLag(applied=applied, last=last, seconds=seconds)


def start(store: Store, index: SearchIndex, poll: float = POLL_SECONDS) -> threading.Event:
    """Follow the change log in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(target=follow, args=(store, index, stop, poll),
                              name="chancery-follow", daemon=True)
    thread.start()
    return stop


def follow(store: Store, index: SearchIndex, stop: threading.Event,
           poll: float = POLL_SECONDS) -> None:
    """Apply changes until ``stop`` is set: at once when notified, else every ``poll``."""
    listener = _Listener(store) if store.dialect == "postgresql" else None
    try:
        while not stop.is_set():
            try:
                index.catch_up(store)
            except (ChanceryError, SQLAlchemyError) as error:  # the store away: try again
                log.warning("the search index could not catch up: %s", error)
            if listener is not None:
                listener.wait(poll, stop)
            else:
                stop.wait(poll)
    finally:
        if listener is not None:
            listener.close()


class _Listener:
    """A connection of its own that LISTENs for the store's notifications (on the primary:
    a replica does not relay them)."""

    def __init__(self, store: Store) -> None:
        url = store.primary.url.set(drivername="postgresql")
        self._dsn = url.render_as_string(hide_password=False)
        self._connection: psycopg.Connection | None = None

    def wait(self, timeout: float, stop: threading.Event) -> None:
        """Return when a change is announced, after ``timeout`` seconds, or when stopped."""
        try:
            if self._connection is None or self._connection.closed:
                self._connection = psycopg.connect(self._dsn, autocommit=True,
                                                   connect_timeout=5)
                self._connection.execute(f"LISTEN {changes.CHANNEL}")
            for _ in self._connection.notifies(timeout=timeout, stop_after=1):
                break
        except psycopg.Error as error:  # the server restarting: poll until it is back
            log.warning("listening for changes failed (%s); polling", error)
            self.close()
            stop.wait(timeout)

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except psycopg.Error:
                pass
            self._connection = None
