"""What each change did, for history pages and reverts.

A document's revisions already say what a write did to it (the change names the revision).
For the rest, entities and the links between documents and entities, the change's ``edits``
row keeps the thing before and after, as JSON.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from chancery.errors import NotFoundError
from chancery.model import Change, HistoryEntry
from chancery.store import changes
from chancery.store.schema import changes as changes_table
from chancery.store.schema import edits
from chancery.store.store import Store


def record(connection: Connection, subject: str, action: str, revision: int, actor: str,
           before: dict | None, after: dict | None) -> int:
    """Append a change with what it changed, in the caller's transaction; its number."""
    seq = changes.append(connection, subject, action, revision, actor)
    connection.execute(edits.insert().values(
        seq=seq, before="" if before is None else json.dumps(before, ensure_ascii=False),
        after="" if after is None else json.dumps(after, ensure_ascii=False)))
    return seq


_ENTRIES = select(changes_table, edits.c.before, edits.c.after).outerjoin(
    edits, edits.c.seq == changes_table.c.seq)


def _entry(row) -> HistoryEntry:  # noqa: ANN001 - a SQLAlchemy row
    return HistoryEntry(Change(row.seq, row.document_id, row.action, row.revision, row.at,
                                row.actor),
                 json.loads(row.before) if row.before else None,
                 json.loads(row.after) if row.after else None)


def of(store: Store, subject: str, limit: int = 500) -> list[HistoryEntry]:
    """The changes to a document or an entity, newest first."""
    with store.engine.connect() as connection:
        rows = connection.execute(_ENTRIES.where(changes_table.c.document_id == subject)
                                  .order_by(changes_table.c.seq.desc()).limit(limit))
        return [_entry(row) for row in rows]


def entry(store: Store, seq: int) -> HistoryEntry:
    if not 0 < seq < 2**63:  # a number no change has, nor SQLite can hold
        raise NotFoundError(f"no change number {seq}")
    with store.engine.connect() as connection:
        row = connection.execute(_ENTRIES.where(changes_table.c.seq == seq)).first()
    if row is None:
        raise NotFoundError(f"no change number {seq}")
    return _entry(row)
