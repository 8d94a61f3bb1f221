"""OAI-PMH benchmark: a full ListRecords harvest by a real client over loopback.

    python bench/oai.py [N] [--archive DIR]

Builds (or reuses, with --archive) an archive of N generated records (default 100,000;
bench/generate_corpus.py, seed 1), starts `chancery serve` on it in its own process, and
harvests it from this process with Sickle (ListRecords, oai_dc, following every resumption
token). Reports records/s, pages, and whether every document came exactly once (no duplicates,
no gaps). The baseline, measured in the same run, is the same documents read from the store
and written as oai_dc in this process, with no protocol and no HTTP.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree
from sickle import Sickle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search import build_archive  # noqa: E402
from bench.web import start_server  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.formats import oai_dc  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--archive", type=Path)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chancery-oai-") as work:
        folder = arguments.archive or Path(work) / "archive"
        if not (folder / "chancery.sqlite3").exists():
            build_archive(folder, arguments.n, Path(work))
        with Archive.open(folder) as archive:
            expected = set(archive.ids(0, 10_000_000))
            started = time.perf_counter()
            written = sum(len(etree.tostring(oai_dc.element(document, document.id)))
                          for document in archive.documents())
            baseline = time.perf_counter() - started
        server, base = start_server(folder)
        try:
            harvester = Sickle(base + "/oai", max_retries=0, timeout=300)
            started = time.perf_counter()
            seen: list[str] = []
            records = harvester.ListRecords(metadataPrefix="oai_dc")
            for record in records:
                seen.append(record.header.identifier.removeprefix("oai:chancery:"))
            harvest = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
    duplicates = len(seen) - len(set(seen))
    missing = len(expected - set(seen))
    print(json.dumps({
        "documents": len(expected), "harvested": len(seen), "duplicates": duplicates,
        "missing": missing, "unexpected": len(set(seen) - expected),
        "harvest_seconds": round(harvest, 1),
        "records_per_second": round(len(seen) / harvest, 1),
        "baseline_store_to_oai_dc_records_per_second": round(len(expected) / baseline, 1),
        "baseline_bytes": written,
        "harvest_vs_baseline": round((len(seen) / harvest) / (len(expected) / baseline), 2),
    }, indent=2))


if __name__ == "__main__":
    main()
