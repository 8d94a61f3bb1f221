"""FRUS ingest benchmark: complete volumes into one archive, against lxml parsing them alone.

    python bench/frus.py [FOLDER] [--archive PATH]

FOLDER (default ../shared/corpus/frus-volumes) holds complete FRUS volumes. In one run:

1. the floor: lxml parsing each volume alone (``etree.fromstring``, what any reader of the
   file must pay), and the TEI reader turning it into documents (no store, no linking);
2. the ingest: the volumes one at a time, each by its own process (``Archive.ingest`` of the
   one file, linking to the starter authority loaded first, storing, indexing) into one
   archive; each process's peak memory (max RSS, from ``wait4``) and its ingest time;
3. the same folder ingested again in one process: every volume unchanged, none parsed;
4. each document's JSON (``show --format json``) against its own TEI fragment.

Targets (issue 16): an ingest rate at least 25% of the parse-only rate, peak memory under
600 MB for any volume, the JSON of a document at most 3 times its XML fragment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.archive import Archive  # noqa: E402
from chancery.formats import jsonl, tei  # noqa: E402

VOLUMES = ROOT.parent / "shared" / "corpus" / "frus-volumes"
DOCUMENT = "t:div[@type='document' or @subtype='historical-document']"
DOCUMENTS = f"//{DOCUMENT}[not(ancestor::{DOCUMENT})]"


def ingest_one(archive: Path, volume: Path) -> None:
    """Run in a child process: ingest one volume, print what it took as JSON."""
    with Archive.open(archive) as opened:
        start = time.perf_counter()
        report = opened.ingest([volume])
        print(json.dumps({"added": report.added, "updated": report.updated,
                          "unchanged": report.unchanged, "failed": report.failed,
                          "seconds": time.perf_counter() - start}))


def in_child(archive: Path, volume: Path) -> tuple[dict, float]:
    """Ingest a volume in a process of its own: what it reported, and its peak RSS in MB."""
    child = subprocess.Popen([sys.executable, __file__, "--ingest-one", str(archive),
                              str(volume)], stdout=subprocess.PIPE, text=True)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"ingesting {volume.name} failed ({child.returncode})")
    return json.loads(output.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def floor(volumes: list[Path]) -> tuple[int, float, float]:
    """Documents, seconds lxml takes to parse them all, seconds the TEI reader takes."""
    count, parse, read = 0, 0.0, 0.0
    for volume in volumes:
        data = volume.read_bytes()
        start = time.perf_counter()
        root = etree.fromstring(data)
        parse += time.perf_counter() - start
        count += len(root.xpath(DOCUMENTS, namespaces={"t": tei.TEI}))
        del root
        start = time.perf_counter()
        for _ in tei.read(data, volume.name):
            pass
        read += time.perf_counter() - start
    return count, parse, read


def json_sizes(archive: Path) -> list[tuple[int, int, str]]:
    """(bytes of JSON, bytes of its TEI fragment, id) of every document."""
    with Archive.open(archive) as opened:
        return [(len(jsonl.dumps(document)), len(document.source.text.encode()), document.id)
                for document in opened.documents()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=VOLUMES)
    parser.add_argument("--archive", type=Path, help="where to build it (default: a "
                        "temporary folder)")
    parser.add_argument("--ingest-one", nargs=2, type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.ingest_one:
        ingest_one(*arguments.ingest_one)
        return
    volumes = sorted(arguments.folder.glob("*.xml"))
    archive = arguments.archive or Path(tempfile.mkdtemp(prefix="frus-bench-")) / "archive"
    with Archive.open(archive, create=True) as opened:
        opened.load_authority(relink=False)

    count, parse, read = floor(volumes)
    print(f"{len(volumes)} volumes, {count:,} documents, "
          f"{sum(volume.stat().st_size for volume in volumes) / 1e6:.1f} MB")
    print(f"parse only (lxml): {parse:6.1f} s  {count / parse:8.0f} documents/s")
    print(f"TEI reader alone:  {read:6.1f} s  {count / read:8.0f} documents/s")

    print(f"\n{'volume':28} {'docs':>5} {'MB':>5} {'ingest s':>9} {'docs/s':>7} {'peak MB':>8}")
    ingested, seconds, peaks = 0, 0.0, []
    for volume in volumes:
        report, peak = in_child(archive, volume)
        ingested += report["added"] + report["updated"]
        seconds += report["seconds"]
        peaks.append((peak, volume.name))
        print(f"{volume.name:28} {report['added']:5} {volume.stat().st_size / 1e6:5.1f} "
              f"{report['seconds']:9.1f} {report['added'] / report['seconds']:7.0f} "
              f"{peak:8.0f}" + (f"  {report['failed']} failed" if report["failed"] else ""))
    rate = ingested / seconds
    print(f"\ningest (one at a time, linked, stored, indexed): {seconds:.1f} s, "
          f"{rate:.0f} documents/s = {rate / (count / parse):.1%} of the parse-only rate "
          f"(target 25%), {rate / (count / read):.0%} of the reader's")
    print(f"peak memory: {max(peaks)[0]:.0f} MB ({max(peaks)[1]}; target under 600 MB)")

    start = time.perf_counter()
    with Archive.open(archive) as opened:
        again = opened.ingest([arguments.folder])
    print(f"again, one process: {again.unchanged:,} unchanged, {again.added} added, "
          f"{again.updated} updated in {time.perf_counter() - start:.1f} s")

    sizes = json_sizes(archive)
    ratios = sorted(json_size / fragment for json_size, fragment, _ in sizes)
    over = [(json_size / fragment, fragment, key) for json_size, fragment, key in sizes
            if json_size > 3 * fragment]
    print(f"JSON / TEI fragment over {len(sizes):,} documents: median "
          f"{ratios[len(ratios) // 2]:.2f}, 99th percentile {ratios[len(ratios) * 99 // 100]:.2f}, "
          f"largest {ratios[-1]:.2f}; all together "
          f"{sum(s[0] for s in sizes) / sum(s[1] for s in sizes):.2f}; "
          f"{len(over)} over 3 (target: none)")
    for ratio, fragment, key in sorted(over, reverse=True)[:5]:
        print(f"  {key}: {ratio:.2f} times its {fragment:,} bytes of XML")
    print(f"\narchive: {archive}")


if __name__ == "__main__":
    main()
