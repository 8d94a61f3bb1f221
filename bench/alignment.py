"""Alignment accuracy: how many of a gold pairing's pairs the reading room's alignment gives.

    python bench/alignment.py [--gold tests/data/alignment-gold.yaml] [--records DIR] [-v]

For each record and witness in the gold file, the record is read with the Wilson reader and
its translation aligned with that witness (``chancery.text.align.align_blocks``, what the
document page shows). A gold pair counts as found when one pair of the alignment holds
exactly its blocks, among the blocks the gold file names (leaf numbers, stamps and other
blocks it leaves out may stand anywhere). Prints each pairing's share, then the totals for
the pairings built with and the ones held out; ``-v`` lists each pair missed with what the
alignment gave instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.formats import wilson_markdown  # noqa: E402
from chancery.model import Block, Document, Rendition, RenditionKind  # noqa: E402
from chancery.text.align import align_blocks  # noqa: E402


def blocks_named(blocks: tuple[Block, ...], openings: list[str], where: str) -> list[int]:
    """The index of the block each opening begins, in the order named."""
    found = []
    for opening in openings:
        matches = [i for i, block in enumerate(blocks) if block.text.strip().startswith(opening)]
        if len(matches) != 1:
            raise SystemExit(f"{where}: '{opening}' begins {len(matches)} blocks, not one")
        found.append(matches[0])
    return found


def witness_of(document: Document, siglum: str) -> Rendition:
    for rendition in document.renditions:
        if rendition.witness is not None and rendition.witness.siglum == siglum:
            return rendition
    raise SystemExit(f"{document.id} has no witness {siglum}")


def score(document: Document, siglum: str, gold: list[list[list[str]]]
          ) -> tuple[int, int, list[str]]:
    """Pairs found, pairs in the gold, and a line for each pair missed."""
    translation = next(r for r in document.renditions if r.kind is RenditionKind.TRANSLATION)
    witness = witness_of(document, siglum)
    where = f"{document.id} witness {siglum}"
    wanted = [(set(blocks_named(translation.blocks, left, where)),
               set(blocks_named(witness.blocks, right, where))) for left, right in gold]
    named_left = set().union(*(left for left, _ in wanted))
    named_right = set().union(*(right for _, right in wanted))
    given = [(set(pair.left) & named_left, set(pair.right) & named_right)
             for pair in align_blocks(translation.blocks, witness.blocks).pairs]
    given = [pair for pair in given if pair[0] or pair[1]]
    missed = []
    for (left, right), openings in zip(wanted, gold):
        if (left, right) not in given:
            holding = next((pair for pair in given if pair[0] & left or pair[1] & right), None)
            missed.append(f"  missed {openings[0]} | {openings[1]}: given "
                          f"{_openings(translation, witness, holding)}")
    return len(wanted) - len(missed), len(wanted), missed


def _openings(translation: Rendition, witness: Rendition,
              pair: tuple[set[int], set[int]] | None) -> str:
    if pair is None:
        return "nothing"
    left = [translation.blocks[i].text[:30] for i in sorted(pair[0])]
    right = [witness.blocks[i].text[:30] for i in sorted(pair[1])]
    return f"{left} | {right}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/data/alignment-gold.yaml")
    parser.add_argument("--records", type=Path, default=ROOT / "samples/wilson")
    parser.add_argument("-v", "--verbose", action="store_true")
    arguments = parser.parse_args()
    entries = yaml.safe_load(arguments.gold.read_text(encoding="utf-8"))
    totals = {False: [0, 0], True: [0, 0]}
    print(f"{'record':45} {'witness':7} {'set':9} {'pairs':>11} {'share':>7}")
    for entry in entries:
        path = arguments.records / entry["record"]
        document = wilson_markdown.read(path.read_bytes(), str(path))
        found, total, missed = score(document, entry["witness"], entry["pairs"])
        held_out = bool(entry.get("held_out"))
        totals[held_out][0] += found
        totals[held_out][1] += total
        print(f"{entry['record'][:45]:45} {entry['witness']:7} "
              f"{'held out' if held_out else 'built':9} {found:>5}/{total:<5} "
              f"{100 * found / total:6.1f}%")
        if arguments.verbose:
            print("\n".join(missed))
    for held_out, (found, total) in totals.items():
        if total:
            print(f"{'held out' if held_out else 'built with'}: {found}/{total} pairs "
                  f"({100 * found / total:.1f}%)")


if __name__ == "__main__":
    main()
