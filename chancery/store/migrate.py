"""Moving an archive's store between SQLite and PostgreSQL, whole, and proving it arrived.

Every table is copied row for row (every revision, change-log row, edit, entity, link, user
and volume) into an empty store, in one transaction there: a copy that fails leaves the
target as empty as it was. Then both sides are fingerprinted (rows and a hash of their
contents, table by table) and must agree, and the target passes its own check.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Table, func, select

from chancery.errors import StoreError
from chancery.store import postgres, schema
from chancery.store.store import DATABASE_NAME, Store, insert_rows

_BATCH = 2_000  # rows read and written at a time: memory stays flat whatever the size
_MODULUS = 1 << 256


@dataclass(frozen=True, slots=True)
class TableFingerprint:
    rows: int
    digest: str  # order-free: the sum of each row's SHA-256 (two dialects sort differently)


def fingerprint(store: Store) -> dict[str, TableFingerprint]:
    """Each table's row count and a hash of its rows' contents, the same on either store."""
    found: dict[str, TableFingerprint] = {}
    with store.primary.connect() as connection:
        for table in schema.metadata.sorted_tables:
            total, count = 0, 0
            result = connection.execution_options(stream_results=True, yield_per=_BATCH
                                                  ).execute(select(*table.columns))
            for row in result:
                total = (total + int.from_bytes(_row_hash(row), "big")) % _MODULUS
                count += 1
            found[table.name] = TableFingerprint(count, f"{total:064x}")
    return found


def _row_hash(row: tuple) -> bytes:
    digest = hashlib.sha256()
    for value in row:
        if isinstance(value, memoryview):
            value = bytes(value)
        digest.update(repr(value).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.digest()


def copy(source: Store, target: Store, progress: Callable[[str, int], None] | None = None
         ) -> dict[str, int]:
    """Copy every row of ``source`` into ``target`` (which must hold nothing yet); returns
    the rows copied by table. ``progress(table, rows)`` follows each batch."""
    if source.schema_version() != target.schema_version():
        raise StoreError(f"the stores have schema versions {source.schema_version()} and "
                         f"{target.schema_version()}", hint="open both with this Chancery")
    copied: dict[str, int] = {}
    with target.writer.begin() as writing, source.primary.connect() as reading:
        for table in schema.metadata.sorted_tables:
            held = _rows_held(writing, table)
            if table is schema.meta:
                held -= 1  # its schema version, written when the store was made
            if held:
                raise StoreError(f"the target store is not empty: its table {table.name} "
                                 f"holds {held} rows", source=target.url,
                                 hint="migrate into a new, empty database or folder")
            columns = tuple(column.name for column in table.columns)
            query = select(*table.columns)
            if table is schema.meta:
                query = query.where(schema.meta.c.key != "schema_version")
            result = reading.execution_options(stream_results=True, yield_per=_BATCH
                                               ).execute(query)
            count = 0
            for rows in result.partitions(_BATCH):
                insert_rows(writing, table, columns,
                            [tuple(bytes(value) if isinstance(value, memoryview) else value
                                   for value in row) for row in rows])
                count += len(rows)
                if progress:
                    progress(table.name, count)
            copied[table.name] = count
    return copied


def _rows_held(connection, table: Table) -> int:  # noqa: ANN001 - a SQLAlchemy connection
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def verify(source: Store, target: Store) -> list[str]:
    """What differs between the two stores, and the target's own problems; [] if none."""
    problems = []
    theirs, ours = fingerprint(source), fingerprint(target)
    for name, expected in theirs.items():
        got = ours.get(name)
        if got is None or got.rows != expected.rows:
            problems.append(f"table {name}: {expected.rows} rows in the source, "
                            f"{got.rows if got else 0} in the target")
        elif got.digest != expected.digest:
            problems.append(f"table {name}: the same {got.rows} rows in number, "
                            "but their contents differ")
    return problems + [f"target: {problem}" for problem in target.check()]


def move(source: Store, folder: Path, to: str,
         progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy the store of the archive in ``folder`` to ``to`` and verify the copy: a
    postgresql:// URL (an empty database), which the folder then uses (its SQLite file is
    left as it was, no longer read); or a new folder, made a SQLite archive of its own (a
    small archive taken home). Returns the rows copied by table."""
    if postgres.is_postgresql(to):
        target = Store.at_url(to)
    else:
        home = Path(to)
        if (home / DATABASE_NAME).exists() or postgres.recorded_url(home):
            raise StoreError("there is an archive there already", source=str(home),
                             hint="migrate into a new folder")
        target = Store.open(home, create=True)
    try:
        copied = copy(source, target, progress)
        problems = verify(source, target)
    finally:
        target.close()
    if problems:
        raise StoreError("the copy does not match its source: " + "; ".join(problems[:5]),
                         source=to if not postgres.is_postgresql(to) else postgres.shown(to),
                         hint="nothing was changed in the source archive")
    if postgres.is_postgresql(to):
        postgres.record_url(folder, to)
    return copied
