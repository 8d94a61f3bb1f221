"""Batch writes to a PostgreSQL store: COPY against executemany, on the same rows, in one run.

    python bench/copy_writes.py --archive DIR [--rows 200000] [--batch 5000] [--rounds 3]

Takes the links (``mentions`` rows, the store's largest batch writes) of an existing SQLite
archive (e.g. one built by bench/search.py or bench/load.py), starts a throwaway PostgreSQL
cluster (tests.postgresql_cluster), makes an empty store there, and writes the same rows in
batches of ``--batch`` (a transaction each, as an ingest writes a batch of documents'
links) twice a round: with ``copy_rows`` (COPY FROM STDIN, what ``insert_rows`` does on
PostgreSQL) and with ``execute_rows`` (psycopg's executemany, what it did before), emptying
the table between. Prints rows/s for each and their ratio, round by round.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.store.authority import MENTION_COLUMNS  # noqa: E402
from chancery.store.schema import mentions  # noqa: E402
from chancery.store.store import Store, copy_rows, execute_rows  # noqa: E402
from tests.postgresql_cluster import Cluster  # noqa: E402

COLUMNS = ("document_id", *MENTION_COLUMNS)


def links_of(archive: Path, limit: int) -> list[tuple]:
    with sqlite3.connect(archive / "chancery.sqlite3") as connection:
        return connection.execute(
            f"SELECT {', '.join(f'{chr(34)}{name}{chr(34)}' for name in COLUMNS)} "
            "FROM mentions LIMIT ?", (limit,)).fetchall()


def timed_writes(store: Store, rows: list[tuple], batch: int, write) -> float:
    with store.engine.begin() as connection:
        connection.execute(text("TRUNCATE mentions"))
    started = time.perf_counter()
    for start in range(0, len(rows), batch):
        with store.engine.begin() as connection:
            write(connection, mentions, COLUMNS, rows[start:start + batch])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    rows = links_of(arguments.archive, arguments.rows)
    cluster = Cluster()
    try:
        with tempfile.TemporaryDirectory(prefix="chancery-copy-") as folder:
            store = Store.open(Path(folder), create=True, url=cluster.create_schema())
            print(f"{len(rows)} links of {arguments.archive}, batches of {arguments.batch}")
            print("| round | COPY rows/s | executemany rows/s | COPY / executemany |")
            print("|---|---|---|---|")
            for turn in range(1, arguments.rounds + 1):
                copied = timed_writes(store, rows, arguments.batch, copy_rows)
                executed = timed_writes(store, rows, arguments.batch, execute_rows)
                print(f"| {turn} | {len(rows) / copied:,.0f} | {len(rows) / executed:,.0f} | "
                      f"{executed / copied:.1f}x |", flush=True)
            store.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
