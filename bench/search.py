"""Search benchmark: query latency through Archive.search against a SQLite FTS5 baseline.

    python bench/search.py [N] [--archive DIR] [--queries Q]

Builds (or reuses, with --archive) an archive of N generated records (default 1,000,000;
bench/generate_corpus.py, seed 1) with the starter authority, then in one run:

- rebuilds the search index from the store (`Archive.reindex`), timed, and reports its size;
- builds the baseline: one SQLite FTS5 table (unicode61 tokenizer, diacritics removed) over the
  same documents' title, summary and reading text, plus a table of their facet values;
- runs Q queries of each class through `Archive.search` (with the index warm), first alone,
  then with 5 facets and snippets counted afresh (the per-query facet counts forgotten before
  each query; those over the whole archive kept, as the server keeps them), then with the
  facet counts of a query asked before (cached): one word, two words, a phrase, a frequent
  word, a name with alias expansion, a fuzzy word, a date range; and the same classes, as far
  as FTS5 can answer them, on the baseline (counting the hits; with facets, GROUP BY counts
  over them);
- prints p50 and p95 per class and the ratio baseline / Chancery.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_corpus import write_corpus  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.config import Settings  # noqa: E402
from chancery.search.index import batched  # noqa: E402
from chancery.store import authority  # noqa: E402
from chancery.text.markup import reading_text  # noqa: E402

# Query pools: words the generator uses, rare and frequent, in both languages.
ONE_WORD = ["antimony", "railway", "reserves", "Harbin", "cadres", "trucks", "уголь",
            "городов", "delegation", "grain", "artillery", "Manchuria", "кредит", "tanks"]
TWO_WORDS = ["coal reserves", "railway workers", "Chinese cadres", "grain procurement",
             "артиллерии танков", "trade agreement", "military advisers"]
PHRASES = ['"working class"', '"big cities"', '"Central Committee"', '"reserves of coal"',
           '"рабочий класс"']
FREQUENT = ["Chinese", "comrades", "товарищи", "cities"]
NAMES = ["Stalin", '"Mao Tse-tung"', '"Мао Цзэдун"', "Mikoyan", '"Liu Shao-chi"', "Molotov"]
FUZZY = ["antimoni~", "Manchuira~", "railwey~", "Poskrebyshov~"]
DATES = ["date:1948", "date:1949-01..1949-06", "date:1950-10", "date:1953..1956"]
CLASSES = {"one word": ONE_WORD, "two words": TWO_WORDS, "phrase": PHRASES,
           "frequent word": FREQUENT, "name with aliases": NAMES, "fuzzy": FUZZY,
           "date range": DATES}
FACETS = ("person", "place", "original_language", "type", "year")


def build_archive(folder: Path, n: int, work: Path) -> None:
    corpus = work / "corpus"
    write_corpus(n, corpus, seed=1)
    with Archive.open(folder, create=True, settings=Settings()) as archive:
        archive.load_authority()
        archive.ingest([corpus])
    shutil.rmtree(corpus)


def build_baseline(archive: Archive, path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.executescript("""
        CREATE VIRTUAL TABLE texts USING fts5(title, body,
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE TABLE facets(doc INTEGER, name TEXT, value TEXT);
        CREATE TABLE dates(doc INTEGER PRIMARY KEY, date INTEGER);
        CREATE INDEX facets_by_doc ON facets(doc);
        CREATE INDEX dates_by_date ON dates(date);
    """)
    rowid = 0
    for batch in batched(archive.documents(), 500):
        roles = authority.roles_by_document(archive.store, [document.id for document in batch])
        for document in batch:
            rowid += 1
            body = "\n".join([document.summary] + [reading_text(block) for rendition in
                                                   document.renditions
                                                   for block in rendition.blocks])
            connection.execute("INSERT INTO texts(rowid, title, body) VALUES (?, ?, ?)",
                               (rowid, document.title, body))
            date = int(document.date.start.replace("-", "")) if document.date and \
                document.date.start else 0
            connection.execute("INSERT INTO dates VALUES (?, ?)", (rowid, date))
            values = [("type", document.document_type), ("year", str(date // 10000))]
            values += [("original_lang", lang) for lang in document.original_languages]
            values += [(entity_id.split("/")[0], entity_id)
                       for entity_id, _role in roles.get(document.id, ())
                       if entity_id.split("/")[0] in ("person", "place")]
            connection.executemany("INSERT INTO facets VALUES (?, ?, ?)",
                                   [(rowid, name, value) for name, value in set(values)])
    connection.commit()
    return connection


def baseline_query(connection: sqlite3.Connection, query: str, facets: bool) -> int:
    """Answer a query class as FTS5 can: MATCH (names as OR of their spellings), dates by
    range; with facets, GROUP BY counts over the hits. Returns the number of hits."""
    if query.startswith("date:"):
        first, _, last = query[5:].partition("..")
        low = int((first + "-01-01")[:10].replace("-", ""))
        high = int(((last or first) + "-12-31")[:10].replace("-", ""))
        hits = "SELECT doc FROM dates WHERE date BETWEEN ? AND ?"
        arguments: tuple = (low, high)
    else:
        match = query.replace("~", "")
        if match in ("Stalin", "Mikoyan", "Molotov"):
            match = {"Stalin": "Stalin OR Filippov OR Сталин OR Филиппов",
                     "Mikoyan": "Mikoyan OR Микоян OR Andreev",
                     "Molotov": "Molotov OR Молотов"}[match]
        hits = "SELECT rowid FROM texts WHERE texts MATCH ?"
        arguments = (match,)
    count = connection.execute(f"SELECT count(*) FROM ({hits})", arguments).fetchone()[0]
    if facets:
        connection.execute(f"SELECT name, value, count(*) FROM facets WHERE doc IN ({hits}) "
                           "GROUP BY name, value", arguments).fetchall()
        connection.execute(f"SELECT body FROM texts WHERE rowid IN ({hits}) LIMIT 20",
                           arguments).fetchall()  # the texts snippets are cut from
    return count


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1,
                                                   int(round(0.95 * (len(ordered) - 1))))]


def measure(run, queries: list[str], repeats: int) -> tuple[float, float]:
    samples = []
    for index in range(repeats):
        query = queries[index % len(queries)]
        start = time.perf_counter()
        run(query)
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--archive", type=Path, help="an archive to build once and reuse")
    parser.add_argument("--queries", type=int, default=100, help="queries per class")
    parser.add_argument("--keep-index", action="store_true",
                        help="measure on the archive's index as it is (no timed reindex)")
    parser.add_argument("--skip-baseline", action="store_true",
                        help="measure Chancery alone (to re-measure after a change)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="chancery-search-"))
    folder = args.archive or work / "archive"
    try:
        if not (folder / "chancery.sqlite3").exists():
            started = time.perf_counter()
            build_archive(folder, args.n, work)
            print(f"built the archive in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        with Archive.open(folder) as archive:
            documents = archive.count()
            started = time.perf_counter()
            if not args.keep_index:
                archive.reindex()
            reindex_seconds = time.perf_counter() - started
            index_bytes = sum(p.stat().st_size for p in (folder / "index").rglob("*")
                              if p.is_file())
            started = time.perf_counter()
            baseline = None if args.skip_baseline else \
                build_baseline(archive, work / "baseline.sqlite3")
            baseline_seconds = time.perf_counter() - started
            random.seed(1)
            rows = []
            for name, queries in CLASSES.items():
                archive.search(queries[0], facets=FACETS)  # warm
                ours = measure(lambda q: archive.search(q, limit=20), queries, args.queries)
                def afresh(query: str) -> None:
                    archive.index.forget_facet_counts()
                    archive.search(query, limit=20, facets=FACETS)

                ours_full = measure(afresh, queries, args.queries)
                ours_cached = measure(lambda q: archive.search(q, limit=20, facets=FACETS),
                                      queries, args.queries)
                if name == "fuzzy" or baseline is None:  # FTS5 has no fuzzy matching
                    rows.append((name, ours, ours_full, ours_cached, None, None))
                    continue
                theirs = measure(lambda q: baseline_query(baseline, q, False), queries,
                                 max(5, args.queries // 5))
                theirs_full = measure(lambda q: baseline_query(baseline, q, True), queries,
                                      max(5, args.queries // 5))
                rows.append((name, ours, ours_full, ours_cached, theirs, theirs_full))
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the baseline, and a temporary archive
    print(json.dumps({"documents": documents, "reindex_seconds": round(reindex_seconds, 1),
                      "index_megabytes": round(index_bytes / 1e6, 1),
                      "fts5_build_seconds": round(baseline_seconds, 1)}, indent=2))
    print("\n| query class | Chancery p50 / p95 | + 5 facets and snippets p50 / p95 | "
          "asked again (cached counts) p50 / p95 | "
          "FTS5 p50 / p95 | FTS5 + facets p50 / p95 | FTS5 / Chancery (with facets, p95) |")
    print("|---|---|---|---|---|---|---|")
    for name, ours, ours_full, ours_cached, theirs, theirs_full in rows:
        baseline_cells = "n/a | n/a | n/a" if theirs is None or theirs_full is None else (
            f"{theirs[0]:.1f} / {theirs[1]:.1f} ms | {theirs_full[0]:.1f} / "
            f"{theirs_full[1]:.1f} ms | {theirs_full[1] / ours_full[1]:.1f}x")
        print(f"| {name} | {ours[0]:.1f} / {ours[1]:.1f} ms | {ours_full[0]:.1f} / "
              f"{ours_full[1]:.1f} ms | {ours_cached[0]:.1f} / {ours_cached[1]:.1f} ms | "
              f"{baseline_cells} |")


if __name__ == "__main__":
    main()
