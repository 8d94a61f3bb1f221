"""Linking benchmark: documents per second, against a naive baseline, and quality on real records.

    python bench/link.py [N] [--jobs J] [--baseline-sample M]

Generates N records (default 100,000) in memory with bench/generate_corpus.py and parses them
(not timed), then times, on the same documents:

- the linker (chancery.text.entities.link) with the starter authority, in J processes each
  taking a share of the corpus (the rate is N over the slowest process's linking time);
- a naive baseline on the first M documents, in one process: every name of the authority
  looked up with str.find in every block, lower-cased (what a first attempt does);

and reports precision and recall of the linker's entities on the two real records of
samples/wilson against tests/data/gold_links.yaml.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_corpus import generate_records  # noqa: E402
from chancery.archive import STARTER_AUTHORITY  # noqa: E402
from chancery.formats import authority_yaml, wilson_markdown  # noqa: E402
from chancery.model import Document, Entity  # noqa: E402
from chancery.text.entities import Gazetteer, link  # noqa: E402

_CHUNK = 2_000


def authority() -> tuple[Entity, ...]:
    return authority_yaml.read(STARTER_AUTHORITY.read_bytes(), str(STARTER_AUTHORITY))


def documents(n: int, share: int, shares: int) -> list[Document]:
    return [wilson_markdown.read(text.encode(), name)
            for index, (name, text) in enumerate(generate_records(n, seed=1))
            if index % shares == share]


def link_share(args: tuple[int, int, int]) -> tuple[int, float, int]:
    """Parse one share of the corpus (untimed), then link it: (documents, seconds, mentions)."""
    n, share, shares = args
    gazetteer = Gazetteer(authority())
    count = mentions = 0
    seconds = 0.0
    batch: list[Document] = []
    for index, (name, text) in enumerate(generate_records(n, seed=1)):
        if index % shares == share:
            batch.append(wilson_markdown.read(text.encode(), name))
        if len(batch) == _CHUNK or (index == n - 1 and batch):
            start = time.perf_counter()
            for document in batch:
                mentions += len(link(document, gazetteer)[0])
            seconds += time.perf_counter() - start
            count += len(batch)
            batch = []
    return count, seconds, mentions


def naive(documents_: list[Document], entities: tuple[Entity, ...]) -> float:
    names = [(entity.id, name.text.lower()) for entity in entities for name in entity.names]
    start = time.perf_counter()
    for document in documents_:
        found = set()
        for rendition in document.renditions:
            for block in rendition.blocks:
                text = block.text.lower()
                found.update(entity for entity, name in names if text.find(name) >= 0)
    return time.perf_counter() - start


def quality() -> dict[str, dict[str, float]]:
    gold = yaml.safe_load((ROOT / "tests" / "data" / "gold_links.yaml").read_text())
    gazetteer = Gazetteer(authority())
    results = {}
    for path in sorted((ROOT / "samples" / "wilson").glob("*.md")):
        document = wilson_markdown.read(path.read_bytes(), path.name)
        if document.id not in gold:
            continue
        found = {mention.entity_id for mention in link(document, gazetteer)[0]}
        expected = set(gold[document.id]["entities"])
        hits = len(found & expected)
        people = {e for e in found if e.startswith("person/")}
        results[document.id] = {"precision": round(hits / len(found), 3),
                                "recall": round(hits / len(expected), 3),
                                "false_person_links": len(people - expected)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline-sample", type=int, default=2_000)
    args = parser.parse_args()

    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        shares = list(pool.map(link_share, [(args.n, share, args.jobs)
                                            for share in range(args.jobs)]))
    linked = sum(count for count, _, _ in shares)
    slowest = max(seconds for _, seconds, _ in shares)
    per_process = linked / sum(seconds for _, seconds, _ in shares)
    sample = documents(args.baseline_sample, 0, 1)
    baseline = len(sample) / naive(sample, authority())
    results = {
        "documents": linked, "jobs": args.jobs,
        "link_per_s": round(linked / slowest), "link_per_s_one_process": round(per_process),
        "mentions_per_document": round(sum(m for _, _, m in shares) / linked, 1),
        "naive_baseline_per_s_one_process": round(baseline),
        "speedup_vs_naive": round(per_process / baseline, 1),
        "quality": quality(),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
