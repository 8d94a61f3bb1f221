"""Load test: 64 clients for 60 seconds, mixing searches, document pages and API calls.

    python bench/load.py [N] [--archive DIR] [--clients 64] [--seconds 60] [--workers 1]

Builds (or reuses, with --archive) an archive of N generated records (default 100,000),
starts `chancery serve` on it in its own process, and drives it from this process on
loopback with an asyncio HTTP client: first the static file alone at the same concurrency
for a tenth of the time (the server's floor, the baseline of this run), then the mix, each
client choosing at random for each request:

- 35% the search page with facets (distinct queries of the search benchmark);
- 35% a document page (random documents);
- 15% the JSON API's search (/api/v1/search with facets);
- 15% the JSON API's document (/api/v1/documents/{id}).

Prints, for each kind and overall, requests, requests/s, p50/p95/p99 and errors (any status
but 200, or a failed connection), and the p99 as a multiple of the static file's.

--revalidate: every URL of the mix is first fetched once (untimed) and its ETag kept; then
every request sends it in If-None-Match, as a cache in front or a crawler coming back does
(a 304 or a 200 counts as answered; figures for the 304s apart). --signed-in: the clients
share one session of a reader (a user made in the archive before the server starts), so no
page is shared with anyone else. --warm: every URL asked once, untimed, first (pages asked
again, as crawlers and link checkers do); --urls N: the first N URLs of each kind only.
--client wrk: the timed requests are sent by Debian's wrk (`apt-get install wrk`; see
bench/wrk.py), the setup (warming, ETags, signing in) by httpx as above.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import wrk as bench_wrk  # noqa: E402
from bench.web import samples, served_archive  # noqa: E402

MIX = {"search page": 0.35, "document page": 0.35, "api search": 0.15, "api document": 0.15}


def mixed_urls(folder: Path) -> dict[str, list[str]]:
    return mix_of(samples(folder))


def mix_of(pages: dict[str, list[str]]) -> dict[str, list[str]]:
    """The mix's URLs by kind, from samples' document and search pages."""
    documents = pages["document page"]
    searches = pages["search page with facets"]
    return {
        "search page": searches,
        "document page": documents,
        "api search": [url.replace("/search?", "/api/v1/search?", 1) + "&facets=person,year"
                       for url in searches],
        "api document": [url.replace("/documents/", "/api/v1/documents/", 1)
                         for url in documents],
    }


READER = ("bench-reader", "a long bench password")  # --signed-in


async def timed_get(client: httpx.AsyncClient, url: str, headers: dict | None = None
                    ) -> tuple[float, int]:
    """One request, its body read: its latency and status (0 for a failed connection)."""
    start = time.perf_counter()
    try:
        response = await client.get(url, headers=headers or {})
        await response.aread()
        status = response.status_code
    except httpx.HTTPError:
        status = 0
    return time.perf_counter() - start, status


async def drive(base: str, urls: dict[str, list[str]], weights: dict[str, float],
                clients: int, seconds: float, seed: int = 11, revalidate: bool = False,
                signed_in: bool = False, warm: bool = False) -> dict[str, list]:
    """Each client requests a kind chosen by ``weights`` until the time is up; every
    request's kind, latency, whether it failed and its status."""
    chooser = random.Random(seed)
    kinds, shares = list(weights), list(weights.values())
    records: list[tuple[str, float, bool, int]] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        if signed_in:
            await sign_in(client)
        tags: dict[str, str] = {}
        if revalidate or warm:
            tags = await fetch_every(client, [url for kind in kinds for url in urls[kind]],
                                     clients)
            if not revalidate:
                tags = {}
        deadline = time.perf_counter() + seconds

        async def one_client() -> None:
            while time.perf_counter() < deadline:
                kind = chooser.choices(kinds, shares)[0]
                url = chooser.choice(urls[kind])
                headers = {"if-none-match": tags[url]} if url in tags else {}
                latency, status = await timed_get(client, url, headers)
                failed = status != 200 and not (revalidate and status == 304)
                records.append((kind, latency, failed, status))

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "records": records}


async def drive_at_rate(base: str, urls: dict[str, list[str]], weights: dict[str, float],
                        rate: float, seconds: float, seed: int = 11,
                        connections: int = 64) -> dict[str, list]:
    """Open loop: a request every 1/``rate`` s, whether or not the earlier ones are answered
    (as readers arrive), for ``seconds``; records as drive's. At a rate the servers keep up
    with, the same work is offered whatever their number, so that what it costs them can be
    compared without the contention of a saturated machine (bench/cluster.py --rate)."""
    chooser = random.Random(seed)
    kinds, shares = list(weights), list(weights.values())
    records: list[tuple[str, float, bool, int]] = []
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        async def one(kind: str, url: str) -> None:
            latency, status = await timed_get(client, url)
            records.append((kind, latency, status != 200, status))

        started = time.perf_counter()
        pending = []
        for number in range(int(rate * seconds)):
            # sleep to the request's time on the schedule, not a fixed gap after the last
            await asyncio.sleep(max(0.0, started + number / rate - time.perf_counter()))
            kind = chooser.choices(kinds, shares)[0]
            pending.append(asyncio.create_task(one(kind, chooser.choice(urls[kind]))))
        await asyncio.gather(*pending)
        elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "records": records}


async def fetch_every(client: httpx.AsyncClient, urls: list[str], clients: int
                      ) -> dict[str, str]:
    """Every URL once, untimed, ``clients`` at a time: the ETag of each (what a returning
    client holds)."""
    queue, tags = list(urls), {}

    async def fetch_all() -> None:
        while queue:
            url = queue.pop()
            try:
                response = await client.get(url)
            except httpx.HTTPError:  # a connection dropped: the URL goes unwarmed
                continue
            if "etag" in response.headers:
                tags[url] = response.headers["etag"]

    await asyncio.gather(*(fetch_all() for _ in range(clients)))
    return tags


async def prepare_for_wrk(base: str, urls: dict[str, list[str]], clients: int,
                          revalidate: bool, signed_in: bool, warm: bool
                          ) -> tuple[dict[str, str], str]:
    """What wrk's clients send: the ETags (--revalidate) and the session cookie
    (--signed-in), and the URLs asked once first (--warm, --revalidate)."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        if signed_in:
            await sign_in(client)
        tags = {}
        if revalidate or warm:
            tags = await fetch_every(client, [url for found in urls.values() for url in found],
                                     clients)
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    return (tags if revalidate else {}), cookie


async def sign_in(client: httpx.AsyncClient) -> None:
    form = await client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    answer = await client.post("/login", data={"csrf": token, "name": READER[0],
                                               "password": READER[1], "next": "/"})
    if answer.status_code != 303:
        raise SystemExit(f"signing in failed: {answer.status_code}")


def add_reader(folder: Path) -> None:
    """The account --signed-in reads as (a reader, not a curator: access is checked)."""
    from chancery.archive import Archive

    with Archive.open(folder) as archive:
        if archive.user(READER[0]) is None:
            archive.add_user(READER[0], ("reader",), READER[1])


def figures(records: list[tuple[str, float, bool, int]], elapsed: float) -> dict:
    latencies = sorted(latency for _, latency, *_ in records)

    def percentile(fraction: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(fraction * len(latencies)))]
                     * 1000, 1)

    return {"requests": len(latencies), "errors": sum(failed for _, _, failed, _ in records),
            "requests_per_second": round(len(latencies) / elapsed, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": percentile(0.95), "p99_ms": percentile(0.99)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--archive", type=Path)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=1, help="chancery serve --workers")
    parser.add_argument("--revalidate", action="store_true",
                        help="every request sends the ETag of its URL in If-None-Match")
    parser.add_argument("--warm", action="store_true",
                        help="every URL of the mix asked once, untimed, before the clock starts")
    parser.add_argument("--urls", type=int, default=0,
                        help="the first N URLs of each kind only (0: all)")
    parser.add_argument("--signed-in", action="store_true",
                        help="the clients read signed in as a reader")
    parser.add_argument("--client", choices=["httpx", "wrk"], default="httpx",
                        help="wrk: Debian's wrk sends the timed requests (a client that is "
                        "not the bottleneck; whole-mix figures only)")
    arguments = parser.parse_args()
    if arguments.signed_in and arguments.archive:
        add_reader(arguments.archive)
    with served_archive(arguments.archive, arguments.n,
                        ["/", "/search?q=ferry", "/api/v1/search?q=ferry"],
                        arguments.workers) as (folder, base):
        urls = mixed_urls(folder)
        if arguments.urls:
            urls = {kind: found[:arguments.urls] for kind, found in urls.items()}
        if arguments.client == "wrk":
            results = with_wrk(base, urls, arguments)
        else:
            results = with_httpx(base, urls, arguments)
    print(json.dumps({"documents": arguments.n, "clients": arguments.clients,
                      "client": arguments.client,
                      "workers": arguments.workers, "revalidate": arguments.revalidate,
                      "signed_in": arguments.signed_in, "warm": arguments.warm,
                      "urls_per_kind": arguments.urls or "all",
                      "seconds": arguments.seconds, "results": results}, indent=2))
    print()
    print("| requests | count | requests/s | p50 / p95 / p99 | errors | p99 / static p99 |")
    print("|---|---|---|---|---|---|")
    base_p99 = results["static file (baseline)"]["p99_ms"] or 0.1
    for name, found in results.items():
        print(f"| {name} | {found['requests']} | {found['requests_per_second']} | "
              f"{found['p50_ms']} / {found['p95_ms']} / {found['p99_ms']} ms | "
              f"{found['errors']} | {found['p99_ms'] / base_p99:.1f}x |")


def with_wrk(base: str, urls: dict[str, list[str]], arguments: argparse.Namespace) -> dict:
    """The static file, then the mix, each from wrk (the whole mix's figures: wrk does not
    tell the kinds apart; the count of each status is given instead)."""
    tags, cookie = asyncio.run(prepare_for_wrk(base, urls, arguments.clients,
                                               arguments.revalidate, arguments.signed_in,
                                               arguments.warm))
    accepted = (200, 304) if arguments.revalidate else (200,)
    return {"static file (baseline)": bench_wrk.drive(
                base, {"static file": ["/static/style.css"]}, {"static file": 1.0},
                arguments.clients, arguments.seconds / 10),
            "all requests": bench_wrk.drive(base, urls, MIX, arguments.clients,
                                            arguments.seconds, tags=tags, cookie=cookie,
                                            accepted=accepted)}


def with_httpx(base: str, urls: dict[str, list[str]], arguments: argparse.Namespace) -> dict:
    """The static file, then the mix, from this process's asyncio clients (figures per kind)."""
    floor = asyncio.run(drive(base, {"static file": ["/static/style.css"]},
                              {"static file": 1.0}, arguments.clients, arguments.seconds / 10))
    mix = asyncio.run(drive(base, urls, MIX, arguments.clients, arguments.seconds,
                            revalidate=arguments.revalidate, signed_in=arguments.signed_in,
                            warm=arguments.warm))
    results = {"static file (baseline)": figures(floor["records"], floor["elapsed"]),
               "all requests": figures(mix["records"], mix["elapsed"])}
    for kind in MIX:
        results[kind] = figures([record for record in mix["records"] if record[0] == kind],
                                mix["elapsed"])
    if arguments.revalidate:
        results["304 answers"] = figures([record for record in mix["records"]
                                          if record[3] == 304], mix["elapsed"])
    return results


if __name__ == "__main__":
    main()
