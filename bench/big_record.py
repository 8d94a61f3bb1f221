"""Memory of one big record: peak RSS of an ingest over the baseline, as a multiple of the file.

    python bench/big_record.py [MB ...]            # default 5 10 20
    python bench/big_record.py 19 --stages         # and where the memory goes, stage by stage

Builds, for each size, a Wilson Markdown record from the sample records (the header of
samples/wilson/1949-02-03_filippov-to-mikoyan.md; its English translation and the other
samples' bodies repeated to half the size, then its two Russian witnesses repeated to the
rest: a record that repeats its text, as a transcription of many copies does). Each record is
ingested by ``chancery ingest`` in a process of its own into a fresh archive holding the
starter authority; the baseline is the same command ingesting a one-page sample record, in
the same run. Peak RSS comes from ``wait4``, the largest of the ingest's process and of
the children it waited for (a big file is read in a forked child:
chancery/ingest_isolated.py); the figure is (peak - baseline) / file size. Each line also
gives the two apart.

``--stages`` runs the ingest's steps one by one in a child (read the bytes; decode and parse;
link; encode to the store's JSON; write to the store; index) and prints, after each, the
process's peak RSS so far and its current RSS; then again in a child tracing Python's
allocations (tracemalloc, which costs memory of its own, hence two runs): the peak of Python's
allocations in each step and what they hold after it. What tantivy allocates in Rust shows in
RSS alone. The steps run in one process there, as a file under
chancery.ingest_isolated.ISOLATE_FROM_BYTES is read; a bigger one is read, linked and encoded
in a forked child and written and indexed by the ingest's process, whose peaks the plain run
prints apart.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples" / "wilson"
HEADED = SAMPLES / "1949-02-03_filippov-to-mikoyan.md"
TINY = SAMPLES / "1954-06-06_cable-ccp-central-committee-reply-zhou.md"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MB = 1 << 20


def record(size: int) -> bytes:
    """A Wilson Markdown record of about ``size`` bytes made of the sample records."""
    text = HEADED.read_text(encoding="utf-8")
    head, body = text.split("- Scan of Original Document\n", 1)
    paragraphs = body.strip("\n").split("\n\n")
    first_russian = next(i for i, p in enumerate(paragraphs) if _CYRILLIC.search(p))
    english, russian = paragraphs[:first_russian], paragraphs[first_russian:]
    for path in sorted(SAMPLES.glob("*.md")):
        if path != HEADED:  # the other records' bodies: what follows their Contents listing
            other = path.read_text(encoding="utf-8").split("#### **Contents:**", 1)[1]
            english += other.strip("\n").split("\n\n")[2:]
    half = size // 2
    return (head + "- Scan of Original Document\n\n"
            + _repeated(english, half) + "\n\n"
            + _repeated(russian, size - half) + "\n").encode("utf-8")


def _repeated(paragraphs: list[str], size: int) -> str:
    """The paragraphs again and again until they make about ``size`` bytes of UTF-8."""
    one = "\n\n".join(paragraphs)
    times = max(1, round(size / len(one.encode("utf-8"))))
    return "\n\n".join([one] * times)


def _rss_now() -> float:
    """This process's resident memory now, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB


def _peak() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stages(path: Path, folder: Path, traced: bool) -> None:
    """Run in a child: the ingest's steps one by one, a line of figures after each."""
    from chancery import memory
    from chancery.archive import Archive
    from chancery.ingest import Prepared
    from chancery.config import Settings
    from chancery.formats import wilson_markdown
    from chancery.store import authority
    from chancery.store.store import encode
    from chancery.text.entities import link

    memory.bound_for_ingest()  # as `chancery ingest` does
    archive = Archive.open(folder, settings=Settings(max_bytes=1 << 30))
    gazetteer = archive.gazetteer()
    archive.index  # noqa: B018 - opened before measuring, as an ingest opens it
    # the dictionaries the linker loads once a process (about 50 MB) are in the baseline's
    # figure too, not in what the big record costs
    link(wilson_markdown.read(TINY.read_bytes(), str(TINY)), gazetteer)
    print(json.dumps({"stage": "start", "peak": _peak(), "now": _rss_now()}), flush=True)
    if traced:
        tracemalloc.start()
    held: dict[str, object] = {}

    def step(name: str, work) -> None:  # noqa: ANN001
        tracemalloc.reset_peak()
        started = time.perf_counter()
        work()
        now, peak = tracemalloc.get_traced_memory()
        print(json.dumps({"stage": name, "seconds": time.perf_counter() - started,
                          "python_now": now / MB, "python_peak": peak / MB,
                          "peak": _peak(), "now": _rss_now()}), flush=True)

    step("read the bytes", lambda: held.update(data=path.read_bytes()))
    step("decode and parse", lambda: held.update(document=wilson_markdown.read(
        held.pop("data"), str(path), 1 << 30)))
    step("link", lambda: held.update(links=link(held["document"], gazetteer)))
    step("encode", lambda: held.update(encoded=encode(held.pop("document"),
                                                      wilson_markdown.FORMAT)))

    def write() -> None:  # what an ingest writes for a file's documents (chancery.ingest)
        mentions, proposals = held.pop("links")
        memory.give_back()  # as an ingest does before each write and before indexing
        prepared = Prepared(held.pop("encoded"), tuple(map(authority.mention_row, mentions)),
                            tuple(map(authority.proposal_row, proposals)))
        archive._ingestion()._put([prepared])
    step("write to the store", write)
    step("index", lambda: (memory.give_back(), archive.index.catch_up(archive.store)))
    archive.close()


# `chancery ingest` as `python -m chancery` runs it (chancery.cli.run), which also writes, as it exits, the peak
# RSS of the ingest's own process and the largest of its children's (a big file is read in a
# forked child: chancery/ingest_isolated.py), in KB, to the file named first
_SPLIT_PEAKS = """
import atexit, resource, sys
peaks = sys.argv.pop(1)
def write() -> None:
    with open(peaks, "w") as out:
        out.write(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} "
                  f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
atexit.register(write)
from chancery.cli import run
run()
"""


def ingest(path: Path, folder: Path) -> tuple[float, float, tuple[float, float]]:
    """``chancery ingest`` of one file in a process of its own: its peak RSS in MB (wait4:
    the largest of the process and of every child it waited for), seconds, and that peak
    split: the ingest's own process, its largest child (0 if it had none)."""
    started = time.perf_counter()
    peaks = folder.parent / f"{folder.name}.peaks"
    child = subprocess.Popen([sys.executable, "-c", _SPLIT_PEAKS, str(peaks),
                              "--archive", str(folder), "ingest", "--max-bytes", str(1 << 30),
                              str(path)], stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"ingesting {path.name} failed")
    own, children = (int(kb) / 1024 for kb in peaks.read_text().split())
    return usage.ru_maxrss / 1024, time.perf_counter() - started, (own, children)


def fresh_archive(folder: Path) -> Path:
    subprocess.run([sys.executable, "-m", "chancery", "--archive", str(folder), "init"],
                   check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=float, default=[5, 10, 20], help="MB")
    parser.add_argument("--stages", action="store_true", help="also stage by stage")
    parser.add_argument("--stages-child", nargs=3, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.stages_child:
        path, folder, traced = arguments.stages_child
        stages(Path(path), Path(folder), traced == "traced")
        return
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        baseline, _, _ = ingest(TINY, fresh_archive(work / "baseline"))
        print(f"baseline (a {TINY.stat().st_size:,}-byte record): peak RSS {baseline:.0f} MB")
        for size in arguments.sizes:
            path = work / f"big-{size:g}mb.md"
            path.write_bytes(record(int(size * MB)))
            megabytes = path.stat().st_size / MB
            peak, seconds, (own, child) = ingest(path, fresh_archive(work / f"archive-{size:g}"))
            print(f"{megabytes:5.1f} MB record: peak RSS {peak:4.0f} MB, "
                  f"{peak - baseline:4.0f} MB over the baseline = "
                  f"{(peak - baseline) / megabytes:4.1f} x the file; {seconds:5.1f} s "
                  f"(the ingest's process {own:.0f} MB, its child {child:.0f} MB)")
            if arguments.stages:
                _print_stages(path, work, size, megabytes)


def _print_stages(path: Path, work: Path, size: float, megabytes: float) -> None:
    runs = []
    for traced in ("plain", "traced"):
        folder = fresh_archive(work / f"stages-{size:g}-{traced}")
        output = subprocess.run([sys.executable, __file__, "--stages-child", str(path),
                                 str(folder), traced], check=True, capture_output=True,
                                text=True).stdout
        runs.append([json.loads(line) for line in output.strip().splitlines()])
    start = runs[0][0]["peak"]
    print(f"    imports, authority, index opened: peak RSS {start:.0f} MB; then, x the file:")
    print(f"    {'stage':<20} {'seconds':>7} {'RSS now':>8} {'RSS peak so far':>16} "
          f"{'Python holds':>13} {'Python peak':>12}")
    for plain, traced in zip(runs[0][1:], runs[1][1:]):
        print(f"    {plain['stage']:<20} {plain['seconds']:7.1f} "
              f"{(plain['now'] - start) / megabytes:8.1f} "
              f"{(plain['peak'] - start) / megabytes:16.1f} "
              f"{traced['python_now'] / megabytes:13.1f} "
              f"{traced['python_peak'] / megabytes:12.1f}")


if __name__ == "__main__":
    main()
