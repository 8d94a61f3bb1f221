"""The change log: every write to the store, numbered without gaps, in commit order.

Rows are appended in the same transaction as the write they record, so the log never runs
ahead of or behind the store. The search index follows it by sequence number.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone

from sqlalchemy import Connection, func, select, text

from chancery.model import Change
from chancery.store.schema import changes


_LAST_SEQ = select(func.coalesce(func.max(changes.c.seq), 0))
_INSERT = changes.insert()
_NOTIFY = text("SELECT pg_notify(:channel, :seq)")
CHANNEL = "chancery_changes"  # where a PostgreSQL store announces new changes


def append(connection: Connection, document_id: str, action: str, revision: int,
           actor: str) -> int:
    """Record one change inside the caller's transaction; returns its sequence number."""
    return append_many(connection, [(document_id, revision)], action, actor)[0]


def append_many(connection: Connection, written: list[tuple[str, int]], action: str,
                actor: str) -> list[int]:
    """Record changes (document id, revision) inside the caller's transaction, numbered in
    that order; returns their sequence numbers."""
    if not written:
        return []
    first = last_seq(connection) + 1
    at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    connection.execute(_INSERT, [
        {"seq": first + offset, "document_id": document_id, "action": action,
         "revision": revision, "at": at, "actor": actor}
        for offset, (document_id, revision) in enumerate(written)])
    last = first + len(written) - 1
    if connection.dialect.name == "postgresql":
        # delivered at commit, to every node following the log (chancery.search.follow);
        # notifications of one transaction with the same text are sent once
        connection.execute(_NOTIFY, {"channel": CHANNEL, "seq": str(last)})
    return list(range(first, last + 1))


def last_seq(connection: Connection) -> int:
    """The sequence number of the newest change; 0 for an empty log."""
    return connection.execute(_LAST_SEQ).scalar_one()


def since(connection: Connection, seq: int, limit: int = 10_000) -> Iterator[Change]:
    """Changes after ``seq``, oldest first."""
    rows = connection.execute(select(changes).where(changes.c.seq > seq)
                              .order_by(changes.c.seq).limit(limit))
    for row in rows:
        yield Change(*row)


def gaps(connection: Connection) -> list[str]:
    """Problems with the log's numbering: it must run 1, 2, 3... without holes."""
    count, low, high = connection.execute(
        select(func.count(), func.min(changes.c.seq), func.max(changes.c.seq))).one()
    if count == 0:
        return []
    if low != 1 or high != count:
        return [f"change log is not contiguous: {count} rows numbered {low}..{high}"]
    return []
