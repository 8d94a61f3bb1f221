"""What a search costs in CPU, part by part: the floor under its latency on this machine.

    python bench/search_cost.py --archive DIR [--facets page|bench] [--web] [QUERY ...]

For each query (by default the slowest of bench/search.py and bench/web.py; with --web, the
queries bench/web.py asks with one client), on the archive's index as it is, measures CPU
time (best of 5, one thread):

- the top 20 hits with the count of all hits, as ``Archive.search`` asks tantivy for them;
- one evaluation of the query with nothing counted (an aggregation over an empty facet);
- counting each facet the page (or the search benchmark) asks for, less one evaluation each;
  a query that finds more than half the archive is counted, as the index counts it, over the
  documents it leaves out.

Then the floor: search + one evaluation + all counting, over the cores this machine has.
However the work were split between threads, a query's latency cannot be lower than that
(rendering and snippets not included).

And the floor with this binding: tantivy's Python binding evaluates the query again in each
aggregation call and runs each call on one thread. So counting on two threads costs a second
evaluation, and a call cannot be shared between cores. Over every way of putting the facets
into one, two or three calls, beside the top-20 call, the latency is at least the longest call
and at least all the calls' CPU over the cores; the floor is the best of these bounds.

Ends with the median and 95th percentile of both floors. With --web, also what the search page
adds to Archive.search (snippets aside: routing, facet links, rendering; timed through the
app in this process, each query asked for the first time), and the floor of the whole page with
this binding: the binding's floor plus that, query by query.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from itertools import product
from pathlib import Path
from urllib.parse import unquote

from tantivy import Occur, Query

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.search import FACETS as BENCH_FACETS  # noqa: E402
from bench.web import samples  # noqa: E402
import chancery.archive  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.search.compile import Compiler  # noqa: E402
from chancery.search.facets import FACETS  # noqa: E402
from chancery.search.query import parse  # noqa: E402
from chancery.web.reading import SEARCH_FACETS  # noqa: E402

SLOWEST = ["comrades Harbin", "Harbin Manchuria", '"Central Committee"', '"Мао Цзэдун"',
           "railway", "Manchuria"]


def cpu_ms(run: Callable[[], object], times: int = 5) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best * 1000


def binding_floor(top: float, evaluation: float, counting: list[float], cores: int,
                  calls: int = 3) -> float:
    """The least latency any grouping of the facets into at most ``calls`` aggregation calls
    allows, each call evaluating the query once, on ``cores`` cores beside the top-20 call."""
    best = float("inf")
    for groups in product(range(calls), repeat=len(counting)):
        tasks = [top] + [evaluation + sum(cost for cost, group in zip(counting, groups)
                                          if group == call)
                         for call in set(groups)]
        best = min(best, max(max(tasks), sum(tasks) / cores))
    return best


def page_overhead(archive: Archive, queries: list[str]) -> dict[str, float]:
    """Milliseconds the search page spends outside Archive.search, per query."""
    from starlette.testclient import TestClient

    from chancery.web.app import create_app

    inside: list[float] = []
    search = chancery.archive.Archive.search

    def timed(*arguments: object, **options: object) -> object:
        started = time.perf_counter()
        try:
            return search(*arguments, **options)
        finally:
            inside.append(time.perf_counter() - started)

    spent = {}
    chancery.archive.Archive.search = timed
    try:
        with TestClient(create_app(archive)) as client:
            client.get("/search", params={"q": "warm up"})
            for text in queries:
                archive.index.forget_facet_counts()
                inside.clear()
                started = time.perf_counter()
                client.get("/search", params={"q": text}).raise_for_status()
                spent[text] = (time.perf_counter() - started - sum(inside)) * 1000
    finally:
        chancery.archive.Archive.search = search
    return spent


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    return f"p50 {values[len(values) // 2]:.1f} ms, p95 {values[int(len(values) * 0.95)]:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("queries", nargs="*", default=SLOWEST)
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--facets", choices=("page", "bench"), default="page",
                        help="the search page's ten facets or the search benchmark's five")
    parser.add_argument("--web", action="store_true",
                        help="the queries bench/web.py asks with one client")
    args = parser.parse_args()
    queries = args.queries
    if args.web:
        pages = samples(args.archive)["search page with facets"]
        queries = [unquote(page.split("q=", 1)[1]) for page in pages[:len(pages) // 2]]
    # decades follow from the years (search.facets), so they cost nothing of their own
    names = [name for name in (SEARCH_FACETS if args.facets == "page" else BENCH_FACETS)
             if name != "decade"]
    cores = os.cpu_count() or 1
    with Archive.open(args.archive) as archive:
        archive.index.catch_up(archive.store)
        archive.index.index.reload()
        searcher = archive.index.index.searcher()
        print(f"{searcher.num_docs:,} documents, {cores} cores, facets: {', '.join(names)}\n")
        print("| query | hits | top 20 + count | one evaluation | counting the facets | "
              f"floor on {cores} cores | floor with this binding |")
        print("|---|---|---|---|---|---|---|")
        floors, bound = [], []
        for text in queries:
            query = Compiler(archive.index.index, archive._resolve, searcher).compile(
                parse(text).node)
            hits = searcher.search(query, 1, count=True).count or 0
            top = cpu_ms(lambda: searcher.search(query, 20, count=True))
            counted = query if hits <= searcher.num_docs // 2 else Query.boolean_query(
                [(Occur.Must, Query.all_query()), (Occur.MustNot, query)])
            evaluation = cpu_ms(lambda: searcher.aggregate(counted, {"none": {"terms": {
                "field": "collection", "size": 1}}}))
            each = [max(0.0, cpu_ms(lambda name=name: searcher.aggregate(
                counted, {name: {"terms": {"field": FACETS[name], "size": 200,
                                           "segment_size": 1 << 30}}})) - evaluation)
                    for name in names]
            counting = sum(each)
            floor = (top + evaluation + counting) / cores
            floors.append(floor)
            bound.append(binding_floor(top, evaluation, each, cores))
            print(f"| {text} | {hits:,} | {top:.1f} ms | {evaluation:.1f} ms | "
                  f"{counting:.1f} ms | {floor:.1f} ms | {bound[-1]:.1f} ms |")
        print(f"\nfloor over {len(floors)} queries: {percentiles(floors)}")
        print(f"floor with this binding: {percentiles(bound)}")
        if args.web:
            spent = page_overhead(archive, queries)
            print(f"the page besides Archive.search: {percentiles(list(spent.values()))}")
            print("floor of the whole page with this binding: "
                  + percentiles([floor + spent[text] for floor, text in zip(bound, queries)]))

if __name__ == "__main__":
    main()
