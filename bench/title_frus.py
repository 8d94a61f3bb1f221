"""The Wilson title grammar against the FRUS editors' own tagging of who wrote to whom.

    python bench/title_frus.py [--set build|held-out] [--corpus DIR] [--wrong N]

FRUS editors mark, inside many document headings, the sender and the recipient
(``<gloss type="from">``, ``type="to"``). Each marked party is a field; it is read right when
``chancery.text.titles.parse_title``, given the heading's plain text (notes removed), returns a
party of that role whose words equal, contain or are contained in the marked words (case and a
leading "the" aside). Headings with no marking are not counted. The FRUS reader has its own
heading parser; this measures the Wilson title reader on a large set of real titles it was not
written for. ``build`` volumes may be looked at while building; ``held-out`` ones (the list in
bench/names.py) only for a final figure.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.names import HELD_OUT  # noqa: E402
from chancery.text.titles import parse_title  # noqa: E402

TEI = "http://www.tei-c.org/ns/1.0"
_NS = {"t": TEI}


def _norm(text: str) -> str:
    return re.sub(r"^the\s+", "", " ".join(text.split()), flags=re.I).casefold()


def _heads(volume: Path):
    """(plain text, senders marked, recipients marked) of each marked document heading."""
    for head in etree.parse(str(volume)).iterfind(".//t:div[@type='document']/t:head", _NS):
        head = etree.fromstring(etree.tostring(head))
        for note in list(head.iter(f"{{{TEI}}}note")):
            note.getparent().remove(note)
        text = re.sub(r"^\d+\.\s*", "", " ".join("".join(head.itertext()).split()))
        marked = [[_norm(element.xpath("string()")) for element in
                   head.xpath(f".//t:*[@type='{role}']", namespaces=_NS)]
                  for role in ("from", "to")]
        if marked[0] or marked[1]:
            yield text, marked[0], marked[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("build", "held-out"), default="build")
    parser.add_argument("--corpus", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "frus-volumes")
    parser.add_argument("--wrong", type=int, default=0, help="list this many misses")
    options = parser.parse_args()
    volumes = [path for path in sorted(options.corpus.glob("frus*.xml"))
               if (path.stem in HELD_OUT) == (options.set == "held-out")]
    right = total = 0
    wrong: list[str] = []
    for volume in volumes:
        for text, senders, recipients in _heads(volume):
            parts = parse_title(text)
            for role, marked, read in (("from", senders, parts.senders),
                                       ("to", recipients, parts.recipients)):
                have = [_norm(party.text) for party in read]
                for name in marked:
                    total += 1
                    if any(name == item or name in item or (item in name and len(item) > 3)
                           for item in have):
                        right += 1
                    else:
                        wrong.append(f"{volume.stem}: {role} {name!r} not in {have!r}: {text}")
    share = right / total if total else 1.0
    print(f"{options.set}: {len(volumes)} volumes, {right}/{total} marked parties read right "
          f"({share:.2%})")
    for line in wrong[:options.wrong]:
        print("    " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
