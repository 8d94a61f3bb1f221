"""Archive.search beside raw tantivy doing the same work: top 20, the count, the snippets shown.

    python bench/search_raw.py --archive DIR [--queries Q]

For each query class of bench/search.py, on the archive's index as it is (warm), p50 and p95
over Q queries of:

- ``Archive.search(query, limit=20)``: parsing the query language, names resolved, the
  query compiled, searched, hits read, snippets cut, names found under;
- raw tantivy on the same compiled query (compiled before the clock starts): the top 20
  with the count, each hit's stored document read, and exactly the snippets Archive.search
  showed for that hit (one generator a field, made for the query), nothing else.

The ratio is what the archive adds over the engine for the same answer. Each query is asked
of both, one after the other; the last column, the median of those pairs' ratios, is the
figure a busy machine moves least (a pause of the machine falls on one pair, not on one side's
distribution).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import tantivy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import CLASSES, percentiles  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.search.compile import Compiler  # noqa: E402
from chancery.search.index import SNIPPET_FIELDS  # noqa: E402
from chancery.search.query import parse  # noqa: E402

LANGUAGE_FIELD = {language: name for name, language in SNIPPET_FIELDS.items()}


def raw_plan(archive: Archive, text: str) -> tuple[tantivy.Query, list[list[str]]]:
    """The compiled query, and for each of its top 20 hits the fields Archive.search cut a
    snippet from."""
    shown = archive.search(text, limit=20)
    searcher = archive.index.index.searcher()
    compiler = Compiler(archive.index.index, archive._resolve, searcher)
    query = compiler.compile(parse(text).node)
    return query, [[LANGUAGE_FIELD[snippet.lang] for snippet in hit.snippets]
                   for hit in shown.hits]


def raw_search(archive: Archive, query: tantivy.Query, fields: list[list[str]]) -> int:
    index = archive.index.index
    searcher = index.searcher()
    result = searcher.search(query, 20, count=True)
    generators = {}
    for name in {name for wanted in fields for name in wanted}:
        generators[name] = tantivy.SnippetGenerator.create(searcher, query, index.schema, name)
        generators[name].set_max_num_chars(180)
    for (_, address), wanted in zip(result.hits, fields):
        stored = searcher.doc(address)
        for name in wanted:
            generators[name].snippet_from_doc(stored).fragment()
    return result.count or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=100)
    arguments = parser.parse_args()
    rows = []
    with Archive.open(arguments.archive) as archive:
        archive.search("railway")  # caught up and warm
        for name, queries in CLASSES.items():
            plans = {text: raw_plan(archive, text) for text in queries}
            ours, theirs = [], []
            for turn in range(arguments.queries):
                text = queries[turn % len(queries)]
                started = time.perf_counter()
                archive.search(text, limit=20)
                ours.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                raw_search(archive, *plans[text])
                theirs.append((time.perf_counter() - started) * 1000)
            ratios = [mine / raw for mine, raw in zip(ours, theirs)]
            rows.append((name, percentiles(ours), percentiles(theirs), percentiles(ratios)))
        documents = archive.count()
    print(f"{documents} documents, {arguments.queries} queries a class\n")
    print("| query class | Archive.search p50 / p95 | raw tantivy p50 / p95 | ratio (p50, p95) "
          "| same query back to back: ratio p50 |")
    print("|---|---|---|---|---|")
    for name, ours, theirs, paired in rows:
        print(f"| {name} | {ours[0]:.2f} / {ours[1]:.2f} ms | {theirs[0]:.2f} / "
              f"{theirs[1]:.2f} ms | {ours[0] / theirs[0]:.1f}x, {ours[1] / theirs[1]:.1f}x "
              f"| {paired[0]:.1f}x |")


if __name__ == "__main__":
    main()
