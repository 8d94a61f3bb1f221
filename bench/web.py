"""Reading-room benchmark: the running server driven from a second process on loopback.

    python bench/web.py [N] [--archive DIR] [--seconds S] [--requests R]

Builds (or reuses, with --archive) an archive of N generated records (default 1,000,000;
the same archive bench/search.py builds), starts `chancery serve` on it in its own process,
and from this process, with an asyncio HTTP client, requests for each page kind, at 1 and at
16 concurrent clients, until R requests or S seconds, whichever comes first:

- a static file (/static/style.css): the server's floor, the baseline of this run;
- a document page (random documents);
- the search page with its facets, histogram and snippets, for queries asked once (the
  search benchmark's queries and pairs of its words; half at each concurrency);
- a person page (people of the starter authority).

Prints requests/s, p50/p95/p99 and errors for each, and each p95 as a multiple of the
static file's p95 at the same concurrency.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import CLASSES, FREQUENT, ONE_WORD, build_archive  # noqa: E402


def samples(folder: Path, seed: int = 7) -> dict[str, list[str]]:
    """URLs to request, per page kind, drawn at random from the archive."""
    chooser = random.Random(seed)
    with sqlite3.connect(folder / "chancery.sqlite3") as connection:
        count = connection.execute("SELECT max(rowid) FROM documents").fetchone()[0]
        ids: list[str] = []
        while len(ids) < 500:
            row = connection.execute("SELECT id FROM documents WHERE rowid = ?",
                                     (chooser.randint(1, count),)).fetchone()
            if row:
                ids.append(row[0])
        people = [row[0] for row in connection.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE entity_id LIKE 'person/%' "
            "AND document_id IN (SELECT id FROM documents LIMIT 20000)")]
    return {
        "static file": ["/static/style.css"],
        "document page": document_urls(ids),
        "search page with facets": search_urls(chooser),
        "person page": [f"/people/{person.split('/', 1)[1]}" for person in people],
    }


def document_urls(ids: list[str]) -> list[str]:
    return [f"/documents/{quote(document_id, safe=':/')}" for document_id in ids]


def search_urls(chooser: random.Random) -> list[str]:
    """Distinct queries, each asked once: the server keeps the facet counts of queries it
    has answered, and this measures counting them (the search benchmark's classes, and
    pairs of its words), in ``chooser``'s order."""
    words = ONE_WORD + FREQUENT
    queries = list(dict.fromkeys([*(query for pool in CLASSES.values() for query in pool),
                                  *(f"{first} {second}" for first in words for second in words
                                    if first != second)]))
    chooser.shuffle(queries)
    return [f"/search?q={quote(query)}" for query in queries]


async def drive(base: str, urls: list[str], clients: int, requests: int,
                seconds: float) -> dict:
    """``clients`` concurrent clients requesting ``urls`` in turn; latency of each request."""
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def one_client(number: int) -> None:
            nonlocal errors, issued
            position = number
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                url = urls[position % len(urls)]
                position += clients
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                    await response.aread()
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - start)

        started = time.perf_counter()
        await asyncio.gather(*(one_client(number) for number in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def percentile(fraction: float) -> float:
        return latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] * 1000

    return {"requests": len(latencies), "errors": errors,
            "requests_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(percentile(0.95), 1), "p99_ms": round(percentile(0.99), 1)}


def start_server(folder: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "chancery.cli", "--archive", str(folder),
                               "serve", "--port", str(port), "--workers", str(workers)],
                              cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 1800  # a fresh index catches up before serving
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                return server, base
        except httpx.HTTPError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("the server did not start")


@contextmanager
def served_archive(archive: Path | None, n: int, warm_up: list[str], workers: int = 1
                   ) -> Iterator[tuple[Path, str]]:
    """The archive (``archive``, or one of ``n`` generated records built in a temporary
    folder) served by `chancery serve` in its own process, warmed up with ``warm_up``
    (templates compiled, the index open): its folder and base URL, until the block ends."""
    with tempfile.TemporaryDirectory(prefix="chancery-bench-") as work:
        folder = archive or Path(work) / "archive"
        if not (folder / "chancery.sqlite3").exists():
            build_archive(folder, n, Path(work))
        server, base = start_server(folder, workers)
        try:
            for url in warm_up * workers:
                httpx.get(base + url, timeout=120)
            yield folder, base
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--requests", type=int, default=2000)
    arguments = parser.parse_args()
    with served_archive(arguments.archive, arguments.n, ["/", "/search?q=ferry"]) as (
            folder, base):
        urls = samples(folder)
        for url in urls["document page"][-20:]:
            httpx.get(base + url, timeout=120)
        results = {}
        searches = urls["search page with facets"]
        for clients, half in ((1, searches[:len(searches) // 2]),
                              (16, searches[len(searches) // 2:])):
            for kind, kind_urls in {**urls, "search page with facets": half}.items():
                cap = len(kind_urls) if kind.startswith("search") else arguments.requests
                results[f"{kind} @ {clients}"] = asyncio.run(drive(
                    base, kind_urls, clients, min(cap, arguments.requests),
                    arguments.seconds))
    print(json.dumps({"documents": arguments.n, "results": results}, indent=2))
    print()
    print("| page | clients | requests/s | p50 / p95 / p99 | errors | p95 / static p95 |")
    print("|---|---|---|---|---|---|")
    for name, figures in results.items():
        kind, clients = name.split(" @ ")
        floor = results[f"static file @ {clients}"]["p95_ms"] or 0.1
        print(f"| {kind} | {clients} | {figures['requests_per_second']} | "
              f"{figures['p50_ms']} / {figures['p95_ms']} / {figures['p99_ms']} ms | "
              f"{figures['errors']} | {figures['p95_ms'] / floor:.1f}x |")


if __name__ == "__main__":
    main()
