"""FRUS import benchmark: documents per second for the sample volume, and the parse baseline.

    python bench/frus.py [--repeat R]

In one run, R times each (default 20): lxml parsing the volume alone (the baseline: what
any reader of the file must pay), the TEI reader turning it into documents, and a full
ingest (reading, linking to the starter authority, storing, indexing) into a fresh archive.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.archive import Archive  # noqa: E402
from chancery.formats import tei  # noqa: E402

VOLUME = ROOT / "samples" / "frus" / "frus1955-57v03.xml"


def best(seconds: list[float]) -> float:
    return sorted(seconds)[len(seconds) // 2]  # the median run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    arguments = parser.parse_args()
    data = VOLUME.read_bytes()
    documents = len(list(tei.read(data, VOLUME.name)))
    parse, read, ingest = [], [], []
    for _ in range(arguments.repeat):
        started = time.perf_counter()
        etree.fromstring(data)
        parse.append(time.perf_counter() - started)
        started = time.perf_counter()
        list(tei.read(data, VOLUME.name))
        read.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as work:
        for run in range(max(3, arguments.repeat // 4)):
            with Archive.open(Path(work) / f"archive{run}", create=True) as archive:
                archive.load_authority()
                started = time.perf_counter()
                report = archive.ingest([VOLUME])
                ingest.append(time.perf_counter() - started)
                assert report.added == documents and report.failed == 0
    print(json.dumps({
        "volume": VOLUME.name, "bytes": len(data), "documents": documents,
        "lxml_parse_ms": round(best(parse) * 1000, 2),
        "tei_reader_ms": round(best(read) * 1000, 2),
        "tei_reader_documents_per_second": round(documents / best(read), 1),
        "reader_vs_parse": round(best(read) / best(parse), 1),
        "full_ingest_ms": round(best(ingest) * 1000, 1),
        "full_ingest_documents_per_second": round(documents / best(ingest), 1),
    }, indent=2))


if __name__ == "__main__":
    main()
