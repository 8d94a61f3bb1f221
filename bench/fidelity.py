"""Wilson fidelity: how much of a record the Wilson Markdown reader reads right, against gold.

    python bench/fidelity.py catalogue FOLDER... --gold tests/data/wilson-gold.yaml [--wrong]
        [--set build]
    python bench/fidelity.py titles --gold tests/data/wilson-title-gold.yaml [--wrong]
    python bench/fidelity.py agreement --gold FIRST.yaml --other SECOND.yaml [--wrong]

Parts (each a subcommand, registered in PARTS):

- ``catalogue``: for each record of the folders that the gold file names, the catalogue
  fields the reader got right: date, title, type, senders, recipients, original languages,
  translators, and for each archival reference its repository, fond, opis, delo, box and
  folios. A list field counts one per gold item (one when the gold list is empty) plus one
  wrong field per extra item read; a reference the reader missed costs its six fields, an
  extra one costs one. Shares are printed separately for the gold file's ``build`` and
  ``heldout`` sets. ``--wrong`` lists every field not read right.
- ``titles``: the type, senders and recipients read from each title of a list of real
  titles (``tests/data/wilson-title-gold.yaml``), the title reader alone, held out from it.
- ``agreement``: a second annotator's gold for the same titles, scored against the first's
  with the rules ``titles`` scores the reader by: how far two people who follow the same
  conventions agree, the ceiling a reader's figure on an unseen list can be read against.
- the alignment part (translation paragraphs paired against a gold pairing) belongs to the
  reading-room edition and registers itself in PARTS beside ``catalogue`` (or lives in
  bench/alignment.py); nothing here measures it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.formats import wilson_markdown  # noqa: E402
from chancery.model import Document  # noqa: E402
from chancery.text.titles import parse_title  # noqa: E402

REFERENCE_PARTS = ("repository", "fond", "opis", "delo", "box", "folios")
# Titles of address are not part of the name the gold file gives ("Cdes. Shtykov" -> Shtykov)
_HONORIFIC = re.compile(r"^(?:(?:the|cdes?\.|comrades?|com\.|prof\.|dr\.|mr\.)\s*)+", re.I)


@dataclass
class Tally:
    """Fields compared and fields right, per field name, with what was wrong."""

    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    wrong: list[str] = field(default_factory=list)
    records: int = 0

    def count(self, record: str, name: str, ok: bool, detail: str) -> None:
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.wrong.append(f"{record}: {name}: {detail}")

    @property
    def share(self) -> float:
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 1.0


def _name(text: str) -> str:
    return " ".join(_HONORIFIC.sub("", text.strip()).split()).casefold()


def _compare_list(tally: Tally, record: str, name: str, gold: list[str], read: list[str],
                  key: Callable[[str], str] = _name) -> None:
    wanted = [key(item) for item in gold]
    have = [key(item) for item in read]
    if not wanted:
        tally.count(record, name, not have, f"expected none, read {read}")
        return
    for item, original in zip(wanted, gold):
        tally.count(record, name, item in have, f"missing {original!r} (read {read})")
    for item, original in zip(have, read):
        if item not in wanted:
            tally.count(record, name, False, f"extra {original!r}")


def _reference_fields(reference) -> dict[str, str]:
    return {part: (getattr(reference, part, "") or "").strip() for part in REFERENCE_PARTS}


def _compare_references(tally: Tally, record: str, gold: list[dict], read: list) -> None:
    have = [_reference_fields(reference) for reference in read]
    unused = list(range(len(have)))
    for wanted in gold:
        wanted = {part: str(wanted.get(part, "")) for part in REFERENCE_PARTS}
        # pair with the read reference of the same repository, else the next unused one
        match = next((i for i in unused if have[i]["repository"] == wanted["repository"]),
                     unused[0] if unused else None)
        if match is None:
            for part in REFERENCE_PARTS:
                tally.count(record, f"reference {part}", False,
                            f"reference {wanted['repository']} not read")
            continue
        unused.remove(match)
        for part in REFERENCE_PARTS:
            tally.count(record, f"reference {part}", have[match][part] == wanted[part],
                        f"{wanted['repository']} {part}: expected {wanted[part]!r}, "
                        f"read {have[match][part]!r}")
    for index in unused:
        tally.count(record, "reference repository", False,
                    f"extra reference {read[index].raw!r}")


def compare(tally: Tally, record: str, gold: dict, document: Document) -> None:
    """Add one record's fields to the tally."""
    tally.records += 1
    tally.count(record, "date", document.date.iso == str(gold["date"]),
                f"expected {gold['date']}, read {document.date.iso!r}")
    tally.count(record, "title", document.title == gold["title"],
                f"read {document.title!r}")
    tally.count(record, "type", document.document_type == (gold["type"] or ""),
                f"expected {gold['type']!r}, read {document.document_type!r}")
    _compare_list(tally, record, "senders", gold["senders"],
                  [party.name for party in document.senders])
    _compare_list(tally, record, "recipients", gold["recipients"],
                  [party.name for party in document.recipients])
    _compare_list(tally, record, "original languages", gold["original_languages"],
                  list(document.original_languages), key=str.lower)
    _compare_list(tally, record, "translators", gold["translators"],
                  [credit.translator for credit in document.translators])
    _compare_references(tally, record, gold["references"], list(document.archival_references))


def catalogue(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fidelity.py catalogue",
                                     description="catalogue fields read right, against gold")
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--wrong", action="store_true", help="list every field not read right")
    parser.add_argument("--set", dest="only", help="read only this set of the gold file "
                        "(build while tuning: the held-out records stay unread)")
    options = parser.parse_args(arguments)
    gold = yaml.safe_load(options.gold.read_text(encoding="utf-8"))
    files = {path.name: path for folder in options.folders for path in sorted(folder.glob("*.md"))}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for name, expected in gold.items():
        if options.only and expected["set"] != options.only:
            continue
        if name not in files:
            print(f"not found in the folders: {name}", file=sys.stderr)
            continue
        document = wilson_markdown.read(files[name].read_bytes(), str(files[name]))
        compare(tallies[expected["set"]], name, expected, document)
    for set_name in sorted(tallies, key=lambda name: name != "build"):
        report(set_name, "records", tallies[set_name], options.wrong)
    return 0


def report(heading: str, unit: str, tally: Tally, wrong: bool,
           outcome: str = "read right") -> None:
    """The share read right, each field's count, and with ``wrong`` every field missed."""
    right, total = sum(tally.right.values()), sum(tally.total.values())
    print(f"{heading}: {tally.records} {unit}, {right}/{total} fields {outcome} "
          f"({tally.share:.2%})")
    for name in tally.total:
        print(f"    {name:22} {tally.right[name]:4}/{tally.total[name]:<4}")
    if wrong:
        for line in tally.wrong:
            print(f"    wrong: {line}")


def titles(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fidelity.py titles",
                                     description="type, senders, recipients read from titles")
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--wrong", action="store_true", help="list every field not read right")
    options = parser.parse_args(arguments)
    tally = Tally()
    for entry in yaml.safe_load(options.gold.read_text(encoding="utf-8")):
        parts = parse_title(entry["title"])
        _count_title(tally, entry["title"], entry, parts.document_type,
                     [party.name for party in parts.senders],
                     [party.name for party in parts.recipients])
    report("titles", "titles", tally, options.wrong)
    return 0


def _count_title(tally: Tally, title: str, gold: dict, document_type: str,
                 senders: list[str], recipients: list[str]) -> None:
    tally.records += 1
    tally.count(title, "type", document_type == gold["type"],
                f"expected {gold['type']!r}, read {document_type!r}")
    _compare_list(tally, title, "senders", gold["senders"], senders)
    _compare_list(tally, title, "recipients", gold["recipients"], recipients)


def agreement(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="fidelity.py agreement",
                                     description="a second annotator's gold against the first's")
    parser.add_argument("--gold", type=Path, required=True, help="the first annotator's list")
    parser.add_argument("--other", type=Path, required=True,
                        help="the second annotator's list of the same titles")
    parser.add_argument("--wrong", action="store_true", help="list every field they differ on")
    options = parser.parse_args(arguments)
    first = yaml.safe_load(options.gold.read_text(encoding="utf-8"))
    second = {entry["title"]: entry
              for entry in yaml.safe_load(options.other.read_text(encoding="utf-8"))}
    missing = [entry["title"] for entry in first if entry["title"] not in second]
    if missing:
        print(f"{options.other}: no entry for {len(missing)} titles, first {missing[0]!r}",
              file=sys.stderr)
        return 1
    tally = Tally()
    for entry in first:
        other = second[entry["title"]]
        _count_title(tally, entry["title"], entry, other["type"] or "",
                     list(other["senders"]), list(other["recipients"]))
    report("agreement", "titles", tally, options.wrong, outcome="the same")
    return 0


PARTS: dict[str, Callable[[list[str]], int]] = {"catalogue": catalogue, "titles": titles,
                                                "agreement": agreement}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in PARTS:
        print(__doc__)
        return 2
    return PARTS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
