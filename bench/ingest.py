"""Ingest benchmark: documents per second for parsing alone and for full ingest, in one run.

    python bench/ingest.py [N] [--jobs J] [--corpus DIR]

Generates N records (default 100,000) with bench/generate_corpus.py, unless --corpus names a
folder already holding them, then measures on the same files, one after the other:

- parse (1 process): the reader alone, serially (the baseline for the reader's own speed);
- parse (J processes): the reader alone in a pool of J workers;
- ingest without an authority: Archive.ingest into a fresh, empty archive (what the store
  adds to parsing);
- full ingest: Archive.ingest into a fresh archive with the starter authority (parsing and
  linking in J workers; one transaction per document with its change-log row and its links
  in this process);
- re-ingest: the same files again, all unchanged.

The full-ingest rate is reported as a ratio of the parallel parse-only rate measured in the
same run (the machine is noisy; ratios travel, absolute times drift).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate_corpus import write_corpus  # noqa: E402
from chancery import formats  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.ingest import source_files  # noqa: E402
from chancery.config import Settings  # noqa: E402
from chancery.formats.source import DEFAULT_MAX_BYTES  # noqa: E402


def read_only(path: Path) -> int:
    """The reader alone: bytes to documents, no linking, no store."""
    data = path.read_bytes()
    reader = formats.reader_for(path.name, data[:4096].decode("utf-8", "replace"))
    return len(list(reader.read(data, str(path), DEFAULT_MAX_BYTES)))


def parse_serial(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        read_only(path)
    return time.perf_counter() - start


def parse_parallel(files: list[Path], jobs: int) -> float:
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for _ in pool.map(read_only, files, chunksize=32):
            pass
    return time.perf_counter() - start


def ingest(files_root: Path, archive_dir: Path, jobs: int,
           with_authority: bool = True) -> tuple[float, object]:
    new = not archive_dir.exists()
    with Archive.open(archive_dir, create=True, settings=Settings(jobs=jobs)) as archive:
        if new and with_authority:
            archive.load_authority()
        start = time.perf_counter()
        report = archive.ingest([files_root])
    return time.perf_counter() - start, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", type=Path, help="a folder of records to use as they are")
    parser.add_argument("--serial-sample", type=int, default=10_000,
                        help="files parsed serially (the serial rate needs no full pass)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="chancery-bench-"))
    try:
        corpus = args.corpus
        if corpus is None:
            corpus = work / "corpus"
            started = time.perf_counter()
            write_corpus(args.n, corpus, seed=1)
            print(f"generated {args.n:,} records in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
        files = list(source_files([corpus]))
        n = len(files)
        megabytes = sum(path.stat().st_size for path in files) / 1e6
        sample = files[: args.serial_sample]
        serial = len(sample) / parse_serial(sample)
        parallel = n / parse_parallel(files, args.jobs)
        bare_seconds, bare = ingest(corpus, work / "bare", args.jobs, with_authority=False)
        shutil.rmtree(work / "bare")
        store_only = bare.added / bare_seconds
        seconds, report = ingest(corpus, work / "archive", args.jobs)
        full = report.added / seconds
        again_seconds, again = ingest(corpus, work / "archive", args.jobs)
        results = {
            "documents": n, "megabytes": round(megabytes, 1), "jobs": args.jobs,
            "parse_serial_per_s": round(serial), "parse_parallel_per_s": round(parallel),
            "ingest_without_authority_per_s": round(store_only),
            "ingest_without_authority_vs_parse": round(store_only / parallel, 2),
            "ingest_per_s": round(full), "ingest_seconds": round(seconds, 1),
            "ingest_vs_parse": round(full / parallel, 2),
            "reingest_unchanged_per_s": round(again.unchanged / again_seconds),
            "added": report.added, "failed": report.failed, "unchanged": again.unchanged,
            "archive_megabytes": round(sum(p.stat().st_size for p in (work / "archive")
                                           .iterdir()) / 1e6, 1),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=2))
    print(f"\n| documents | parse, 1 process | parse, {args.jobs} processes | ingest, no "
          "authority | / parse | ingest with linking | / parse | re-ingest (unchanged) |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {n:,} | {serial:,.0f}/s | {parallel:,.0f}/s | {store_only:,.0f}/s | "
          f"{store_only / parallel:.2f} | {full:,.0f}/s | {full / parallel:.2f} | "
          f"{results['reingest_unchanged_per_s']:,}/s |")


if __name__ == "__main__":
    main()
