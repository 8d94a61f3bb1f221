"""The shipped authority against the starter file, in one run: what `init` costs, what
ingesting the samples costs, and what linking finds with each.

    .venv/bin/python bench/authority.py [--runs R]

For each authority (the starter YAML file; the shipped chancery/data/authority.jsonl.gz):

- init: what `init` does (make the archive, load the authority) in a process of its own,
  R runs, median wall and CPU seconds; and `chancery init` itself, which loads the shipped
  one;
- ingest: `chancery --archive A ingest samples/` into the archive just made (median of R);
- the gazetteer: seconds to build it (each ingest worker builds one);
- linking: on the sample records with gold links (tests/data/gold_links.yaml), precision and
  recall of the entities linked; over all the samples (six Wilson records and the FRUS
  extract), links in all, and the links the shipped authority makes that the starter's does
  not, by name form, so that common words ("Long", "Young", "March") would show.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.archive import SHIPPED_AUTHORITY, STARTER_AUTHORITY  # noqa: E402
from chancery.formats import authority_jsonl, authority_yaml, tei, wilson_markdown  # noqa: E402
from chancery.text.entities import Gazetteer, link  # noqa: E402

CHANCERY = [sys.executable, "-m", "chancery"]
SAMPLES = ROOT / "samples"


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (the child's user + system) of a command; exit status 1 (a
    file failed) is an outcome, not an error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=ROOT, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{command}: {done.stderr}")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


# what `init` does, in a process of its own: the archive made and one authority loaded
_INIT = ("import sys; from chancery.archive import Archive, SHIPPED_AUTHORITY, "
         "STARTER_AUTHORITY; archive = Archive.open(sys.argv[1], create=True); "
         "archive.load_authority({}); archive.close()")


def init_and_ingest(kind: str, runs: int) -> dict:
    inits, commands, ingests = [], [], []
    path = "SHIPPED_AUTHORITY" if kind == "shipped" else "STARTER_AUTHORITY"
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            archive = str(Path(folder) / "archive")
            inits.append(timed([sys.executable, "-c", _INIT.format(path), archive]))
            ingests.append(timed([*CHANCERY, "--archive", archive, "ingest", "--progress",
                                  "none", str(SAMPLES)]))
        if kind == "shipped":  # the command itself, which loads the shipped authority
            with tempfile.TemporaryDirectory() as folder:
                commands.append(timed([*CHANCERY, "--archive", str(Path(folder) / "a"),
                                       "init"]))
    found = {"init_wall_s": round(statistics.median(w for w, _ in inits), 2),
             "init_cpu_s": round(statistics.median(c for _, c in inits), 2),
             "ingest_samples_wall_s": round(statistics.median(w for w, _ in ingests), 2),
             "ingest_samples_cpu_s": round(statistics.median(c for _, c in ingests), 2)}
    if commands:
        found["chancery_init_wall_s"] = round(statistics.median(w for w, _ in commands), 2)
        found["chancery_init_cpu_s"] = round(statistics.median(c for _, c in commands), 2)
    return found


def entities(kind: str) -> tuple:
    if kind == "shipped":
        return authority_jsonl.read(SHIPPED_AUTHORITY.read_bytes(), SHIPPED_AUTHORITY.name)
    return authority_yaml.read(STARTER_AUTHORITY.read_bytes(), STARTER_AUTHORITY.name)


def sample_documents() -> list:
    found = [wilson_markdown.read(path.read_bytes(), path.name)
             for path in sorted((SAMPLES / "wilson").glob("*.md"))]
    for path in sorted((SAMPLES / "frus").glob("*.xml")):
        found += [document for document in tei.read(path.read_bytes(), path.name)
                  if not isinstance(document, Exception)]
    return found


def linking(kind: str, documents: list) -> tuple[dict, dict]:
    loaded = entities(kind)
    start = time.process_time()
    gazetteer = Gazetteer(loaded)
    built = time.process_time() - start
    gold = yaml.safe_load((ROOT / "tests" / "data" / "gold_links.yaml").read_text())
    quality = {}
    links: dict[tuple, str] = {}
    start = time.process_time()
    for document in documents:
        mentions = link(document, gazetteer)[0]
        for mention in mentions:
            links[(document.id, mention.rendition, mention.block, mention.start,
                   mention.entity_id)] = f"{mention.name} ({mention.method})"
        if document.id in gold:
            found = {mention.entity_id for mention in mentions}
            expected = set(gold[document.id]["entities"])
            hits = len(found & expected)
            quality[document.id] = {"precision": round(hits / len(found), 3),
                                    "recall": round(hits / len(expected), 3)}
    seconds = time.process_time() - start
    return {"entities": len(loaded), "gazetteer_cpu_s": round(built, 2),
            "link_samples_cpu_s": round(seconds, 2), "links": len(links),
            "quality": quality}, links


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    documents = sample_documents()
    results, links = {}, {}
    for kind in ("starter", "shipped"):
        results[kind], links[kind] = linking(kind, documents)
        results[kind].update(init_and_ingest(kind, args.runs))
    added = Counter(links["shipped"][key] for key in links["shipped"].keys()
                    - links["starter"].keys())
    lost = Counter(links["starter"][key] for key in links["starter"].keys()
                   - links["shipped"].keys())
    results["documents"] = len(documents)
    results["links_only_with_shipped"] = dict(added.most_common())
    results["links_only_with_starter"] = dict(lost.most_common())
    results["cpus"] = os.cpu_count()
    print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
