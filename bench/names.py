"""Names benchmark: are the people of a text linked or proposed, and are proposals real names?

    python bench/names.py [--set build|held-out|all] [--volumes V ...] [--authority FILE]
                          [--corpus DIR] [--wilson DIR] [--sample N] [--sample-file PATH]
                          [--seed S] [--missed N]

Over the FRUS volumes of ../shared/corpus/frus-volumes (the build set, the held-out set, or
both) the editors' own identifications (persName/@corresp, read as reference marks) are the
answer key. Each document is linked with those marks taken away, as a text from anywhere else
would come, and then:

- recall: of the editors' person names, the share that a person link or a person proposal
  covers (overlapping spans in the same block);
- precision: of the person links and person proposals, the share that covers an editors'
  person name. Editors do not tag every mention, so this is a floor;
- the same two for proposals alone.

The Wilson records (``--wilson``) have no such key: their proposals are counted and join the
sample. ``--sample N`` writes N proposals drawn at random (``--seed``) with their context to
``--sample-file``, to be judged by hand (docs/names-sample.md holds the judged sample).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.archive import STARTER_AUTHORITY  # noqa: E402
from chancery.formats import authority_yaml, tei, wilson_markdown  # noqa: E402
from chancery.model import Document, EntityKind, MarkKind  # noqa: E402
from chancery.text.entities import Gazetteer, link  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
HELD_OUT = ("frus1952-54Guat", "frus1955-57v04", "frus1955-57v19", "frus1958-60v01",
            "frus1958-60v11", "frus1961-63v01", "frus1961-63v10-12mSupp", "frus1961-63v22",
            "frus1964-68v14", "frus1964-68v28", "frus1969-76v20", "frus1969-76ve14p1")


@dataclass
class Tally:
    gold: int = 0
    gold_found: int = 0
    gold_proposed: int = 0
    predicted: int = 0
    predicted_right: int = 0
    proposals: int = 0
    proposals_right: int = 0
    documents: int = 0
    seconds: float = 0.0
    drawn: list = field(default_factory=list)  # (where, form, kind, method, suggested, context)
    missed: list = field(default_factory=list)  # the editors' names neither linked nor proposed

    def add(self, other: Tally) -> None:
        for name in ("gold", "gold_found", "gold_proposed", "predicted", "predicted_right",
                     "proposals", "proposals_right", "documents", "seconds"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.drawn += other.drawn
        self.missed += other.missed

    def line(self, label: str) -> str:
        def share(part: int, whole: int) -> str:
            return f"{part / whole:.3f}" if whole else "n/a"

        return (f"{label}: {self.documents} documents, {self.gold} editors' person names; "
                f"recall {share(self.gold_found, self.gold)} "
                f"(proposals alone {share(self.gold_proposed, self.gold)}); "
                f"precision {share(self.predicted_right, self.predicted)} of "
                f"{self.predicted} linked or proposed; proposals {self.proposals}, "
                f"{share(self.proposals_right, self.proposals)} on an editors' name; "
                f"{self.documents / self.seconds if self.seconds else 0:.0f} documents/s linked")


def without_references(document: Document) -> tuple[Document, dict]:
    """The document with the editors' person pointers taken away, and their spans."""
    gold: dict[tuple[int, int], list[tuple[int, int]]] = {}
    renditions = []
    for r_index, rendition in enumerate(document.renditions):
        blocks = []
        for b_index, block in enumerate(rendition.blocks):
            kept = []
            for mark in block.marks:
                if mark.kind is MarkKind.REFERENCE:
                    if "#p_" in mark.value and mark.end > mark.start:
                        gold.setdefault((r_index, b_index), []).append((mark.start, mark.end))
                    continue
                kept.append(mark)
            blocks.append(replace(block, marks=tuple(kept)))
        renditions.append(replace(rendition, blocks=tuple(blocks)))
    return replace(document, renditions=tuple(renditions)), gold


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


def measure(document: Document, gazetteer: Gazetteer, where: str, tally: Tally) -> None:
    bare, gold = without_references(document)
    started = time.perf_counter()
    mentions, proposals = link(bare, gazetteer)
    tally.seconds += time.perf_counter() - started
    tally.documents += 1
    people: dict[tuple[int, int], list[tuple[int, int]]] = {}
    proposed: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for mention in mentions:
        entity = gazetteer.entities.get(mention.entity_id)
        if mention.rendition >= 0 and entity is not None and entity.kind is EntityKind.PERSON:
            people.setdefault((mention.rendition, mention.block), []).append(
                (mention.start, mention.end))
    for proposal in proposals:
        if proposal.kind is EntityKind.PERSON:
            proposed.setdefault((proposal.rendition, proposal.block), []).append(
                (proposal.start, proposal.end))
        block = bare.renditions[proposal.rendition].blocks[proposal.block].text
        context = block[max(0, proposal.start - 40):proposal.end + 40].replace("\n", " ")
        tally.drawn.append((f"{where} {document.id}", proposal.text, proposal.kind.value, proposal.method,
                            proposal.suggested, context))
    for place, spans in gold.items():
        for span in spans:
            tally.gold += 1
            in_proposals = overlaps(span, proposed.get(place, []))
            tally.gold_proposed += in_proposals
            found = in_proposals or overlaps(span, people.get(place, []))
            tally.gold_found += found
            if not found:
                text = bare.renditions[place[0]].blocks[place[1]].text
                tally.missed.append(text[max(0, span[0] - 30):span[1] + 10].replace("\n", " ")
                                    + f"  [{text[span[0]:span[1]]}]")
    for kind, found in (("linked", people), ("proposed", proposed)):
        for place, spans in found.items():
            for span in spans:
                right = overlaps(span, gold.get(place, []))
                tally.predicted += 1
                tally.predicted_right += right
                if kind == "proposed":
                    tally.proposals += 1
                    tally.proposals_right += right


def volume_tally(path: Path, gazetteer: Gazetteer) -> Tally:
    tally = Tally()
    reading = tei.read_volume(path.read_bytes(), str(path), 1 << 31)
    for document in reading.documents():
        if isinstance(document, Document):
            measure(document, gazetteer, path.stem, tally)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("build", "held-out", "all"), default="all")
    parser.add_argument("--volumes", nargs="*", help="volume names (frus1958-60v05 ...)")
    parser.add_argument("--authority", type=Path, default=STARTER_AUTHORITY)
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="the shared corpus (frus-volumes/, wilson/)")
    parser.add_argument("--wilson", type=Path, help="Wilson records (default: CORPUS/wilson)")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--sample-file", type=Path, default=Path("names-sample.tsv"))
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--missed", type=int, default=0,
                        help="print this many of the editors' names missed, drawn at random")
    args = parser.parse_args()

    if args.authority.name.endswith(".jsonl.gz"):
        from chancery.formats import authority_jsonl

        entities = authority_jsonl.read(args.authority.read_bytes(), str(args.authority))
    else:
        entities = authority_yaml.read(args.authority.read_bytes(), str(args.authority))
    gazetteer = Gazetteer(entities)
    print(f"authority {args.authority.name}: {len(gazetteer.entities)} entities")
    volumes = sorted((args.corpus / "frus-volumes").glob("*.xml"))
    if args.volumes:
        volumes = [path for path in volumes if path.stem in args.volumes]
    sets = {"build": [p for p in volumes if p.stem not in HELD_OUT],
            "held-out": [p for p in volumes if p.stem in HELD_OUT]}
    chosen = ("build", "held-out") if args.set == "all" else (args.set,)
    everything = Tally()
    for name in chosen:
        total = Tally()
        for path in sets[name]:
            tally = volume_tally(path, gazetteer)
            print(tally.line(f"  {path.stem}"), flush=True)
            if not tally.gold:  # a volume whose editors tagged no names says nothing here
                print(f"  ({path.stem} left out of the totals: no editors' person names)")
                everything.drawn += tally.drawn  # its proposals still join the sample
                continue
            total.add(tally)
        print(total.line(f"FRUS {name} ({len(sets[name])} volumes)"), flush=True)
        everything.add(total)
    wilson = Tally()
    for path in sorted((args.wilson or args.corpus / "wilson").glob("*.md")):
        measure(wilson_markdown.read(path.read_bytes(), str(path)), gazetteer, "wilson", wilson)
    print(f"Wilson records: {wilson.documents} documents, {len(wilson.drawn)} proposals")
    everything.add(wilson)
    if args.missed:
        for line in random.Random(args.seed).sample(everything.missed,
                                                    min(args.missed, len(everything.missed))):
            print("missed:", line)
    if args.sample:
        drawn = random.Random(args.seed).sample(everything.drawn,
                                                min(args.sample, len(everything.drawn)))
        with args.sample_file.open("w") as out:
            out.write("where\tform\tkind\tmethod\tsuggested\tcontext\n")
            for row in drawn:
                out.write("\t".join(row) + "\n")
        print(f"{len(drawn)} proposals drawn into {args.sample_file}")


if __name__ == "__main__":
    main()
