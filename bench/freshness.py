"""What asking for the archive's state costs on each request (the page cache's check).

    python bench/freshness.py --archive DIR [--calls 20000]

Times, on the archive's store as it is, per call (best of 5 rounds):

- ``Archive.state(day)`` while nothing changes (SQLite: ``PRAGMA data_version`` on the
  freshness module's own connection, the last state reused);
- ``Archive.state(day)`` when another connection has committed before each call (the change
  log read again; the embargo dates too, as a new change may move them);
- reading the change log's last number through SQLAlchemy, as a check without the watch
  would on every request;
- whole answers through the reading room's ASGI app in this process (every middleware, no
  network, no client): a document page rendered (page cache off), the same page from the page
  cache, and the 304 a matching If-None-Match gets.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery import access  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.store import changes  # noqa: E402
from chancery.web.app import create_app  # noqa: E402


def scope_of(path: str, headers: list[tuple[bytes, bytes]]) -> dict:
    return {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "server": ("127.0.0.1", 8000),
            "client": ("127.0.0.1", 5000),
            "headers": [(b"host", b"127.0.0.1:8000"), (b"accept-encoding", b"gzip"),
                        *headers]}


async def answers(app, path: str, headers: list[tuple[bytes, bytes]],  # noqa: ANN001
                  calls: int) -> tuple[float, int, dict]:
    """``calls`` GETs through the ASGI app in one event loop: microseconds a call, and the
    last answer's status and headers."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    started = time.perf_counter()
    for _ in range(calls):
        sent.clear()
        await app(scope_of(path, headers), receive, send)
    elapsed = (time.perf_counter() - started) / calls * 1e6
    start = sent[0]
    return elapsed, start["status"], {name.decode(): value.decode()
                                      for name, value in start["headers"]}


def through_app(app, path: str, headers: list[tuple[bytes, bytes]], calls: int  # noqa: ANN001
                ) -> float:
    """Microseconds an answer, the best of 3 rounds."""
    return min(asyncio.run(answers(app, path, headers, calls))[0] for _ in range(3))


def best_of(rounds: int, calls: int, step) -> float:  # noqa: ANN001
    """Microseconds a call, the best round."""
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _ in range(calls):
            step()
        best = min(best, (time.perf_counter() - started) / calls * 1e6)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--calls", type=int, default=20_000)
    arguments = parser.parse_args()
    with Archive.open(arguments.archive) as archive:
        day = access.today()
        archive.state(day)
        unchanged = best_of(5, arguments.calls, lambda: archive.state(day))
        # another connection commits (a write to a table of its own, outside the archive's
        # tables, so the archive itself is left as it was)
        other = sqlite3.connect(arguments.archive / "chancery.sqlite3")
        other.execute("CREATE TABLE IF NOT EXISTS bench_freshness_tick (n INTEGER)")
        other.execute("INSERT INTO bench_freshness_tick VALUES (0)")
        other.commit()

        def after_a_commit() -> float:
            other.execute("UPDATE bench_freshness_tick SET n = n + 1")
            other.commit()
            started = time.perf_counter()
            archive.state(day)
            return time.perf_counter() - started

        calls = max(200, arguments.calls // 20)
        changed = min(sum(after_a_commit() for _ in range(calls)) / calls * 1e6
                      for _ in range(5))
        other.execute("DROP TABLE bench_freshness_tick")
        other.commit()
        other.close()

        def last_seq() -> None:
            with archive.store.engine.connect() as connection:
                changes.last_seq(connection)

        query = best_of(5, arguments.calls // 4, last_seq)
        document = f"/documents/{archive.ids(0, 1)[0]}"
        rendering, caching = create_app(archive, page_cache=False), create_app(archive)
        _, _, first = asyncio.run(answers(caching, document, [], 1))
        etag = [(b"if-none-match", first["etag"].encode())]
        assert asyncio.run(answers(caching, document, etag, 1))[1] == 304
        pages = max(20, arguments.calls // 200)
        rendered = through_app(rendering, document, [], pages)
        kept = through_app(caching, document, [], pages * 10)
        not_modified = through_app(caching, document, etag, pages * 10)
    print("| check | µs a call |")
    print("|---|---|")
    print(f"| Archive.state, nothing changed | {unchanged:.1f} |")
    print(f"| Archive.state, after another connection's commit | {changed:.1f} |")
    print(f"| the change log's last number through SQLAlchemy | {query:.1f} |")
    print(f"| a document page rendered (no page cache) | {rendered:.1f} |")
    print(f"| the same page from the page cache | {kept:.1f} |")
    print(f"| its 304 (If-None-Match) | {not_modified:.1f} |")


if __name__ == "__main__":
    main()
