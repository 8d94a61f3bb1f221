"""FRUS fidelity: what the TEI reader keeps of each volume, counted against the XML itself.

    python bench/frus_fidelity.py VOLUME.xml... [--undated] [--unknown]

For each volume, read independently with lxml: the documents (top-level document divs) and
how many the reader gives; how many of those are dated; the source notes and the other
notes (footnotes) whose text the reader kept as note blocks; the footnote references kept as
marks; the editors' identifications (``persName/@corresp``, ``gloss/@target``, ``rs/@ref``
pointing into the volume) kept as reference marks, and linked by the linker to the entities
of the volume's own lists (method ``editor``), in notes too; the elements shown raw
(``unparsed`` blocks) and the elements kept as text only (unknown to the reader); and the
bytes of each document's JSON (without its source) against its XML fragment. Prints a table
and the totals; ``--undated`` lists the undated documents, ``--unknown`` the unknown elements,
``--missing`` each note, footnote reference and editor identification not kept (volume,
document, the element and its line).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.formats import jsonl, tei  # noqa: E402
from chancery.formats.tei_blocks import Walker, is_source_note  # noqa: E402
from chancery.model import BlockKind, MarkKind  # noqa: E402
from chancery.text.entities import Gazetteer, link  # noqa: E402

NS = {"t": tei.TEI}
DOCUMENT = "t:div[@type='document' or @subtype='historical-document']"
DOCUMENTS = f"//{DOCUMENT}[not(ancestor::{DOCUMENT})]"
POINTERS = ".//t:persName[@corresp] | .//t:gloss[@target] | .//t:rs[@ref]"
# a pointer into the file: "#p_LW_1", or the same id written without its "#"
INTO_THE_FILE = re.compile(r"#?[A-Za-z_][\w.-]*")
COLUMNS = ("documents", "read", "dated", "source notes", "kept", "footnotes", "kept ",
           "refs", "marked", "editor ids", "marked ", "linked", "raw", "unknown", "json/xml")


def squash(text: str) -> str:
    return "".join(text.split())


def pointed(pointer: etree._Element) -> str:
    """The first value of a name's pointer (``@corresp``, ``@target`` or ``@ref``)."""
    value = pointer.get("corresp") or pointer.get("target") or pointer.get("ref") or ""
    return (value.split() or [""])[0]


def own_text(note: etree._Element) -> str:
    """A note's text as the reader gives it: a note inside it stands as its number."""
    parts = [note.text or ""]
    for child in note:
        if not isinstance(child.tag, str):
            pass
        elif etree.QName(child).localname == "note":
            parts.append(child.get("n", ""))
        else:
            parts.append(own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def referenced(note: etree._Element) -> bool:
    """A numbered note is printed as a reference where it stands, or at the end of the block
    before it; one standing first in a division refers to nothing printed, nor does a source
    note numbered 0 (printed unnumbered)."""
    return bool(note.get("n")) and not (is_source_note(note) and note.get("n") == "0") and (
        etree.QName(note.getparent()).localname != "div" or note.getprevious() is not None)


def unmatched(elements: list, wanted: list[str], have: list[str]) -> list:
    """The elements whose value (in ``wanted``, in order) no value in ``have`` accounts for."""
    left = Counter(have)
    missing = []
    for element, value in zip(elements, wanted):
        if left[value]:
            left[value] -= 1
        else:
            missing.append(element)
    return missing


def described(element: etree._Element) -> str:
    attributes = " ".join(f'{name}="{value}"' for name, value in element.attrib.items()
                          if not name.startswith("{"))
    text = " ".join(element.xpath("string()").split())[:60]
    return (f"line {element.sourceline}: <{etree.QName(element).localname}"
            f"{' ' + attributes if attributes else ''}> {text!r}")


def measure(path: Path) -> tuple[dict[str, float], list[str], Counter[str], list[str],
                                 list[str]]:
    data = path.read_bytes()
    root = etree.fromstring(data, etree.XMLParser(collect_ids=False, huge_tree=True))
    divisions = root.xpath(DOCUMENTS, namespaces=NS)
    items = list(tei.read(data, str(path)))
    read = [item for item in items if not isinstance(item, Exception)]
    failures = [str(item) for item in items if isinstance(item, Exception)]
    volume = read[0].id.split(":", 1)[1].split("/")[0] if read else ""
    by_id = {document.id.rsplit("/", 1)[-1]: document for document in read}
    people, terms = tei.listed_entities(data, str(path))
    gazetteer = Gazetteer([*people, *terms])
    known = {identifier for entity in gazetteer.entities.values()
             for identifier in entity.identifiers}
    row = Counter()
    undated, unknown, missing = [], Counter(), []
    json_bytes = xml_bytes = 0
    for division in divisions:
        row["documents"] += 1
        identifier = division.get(tei.XML_ID) or f"d{division.get('n', '')}"
        document = by_id.get(identifier)
        notes = division.xpath(".//t:note", namespaces=NS)
        sources = [note for note in notes if is_source_note(note)]
        row["source notes"] += len(sources)
        row["footnotes"] += len(notes) - len(sources)
        row["refs"] += sum(1 for note in notes if referenced(note))
        # a pointer on no words (``<persName corresp="#p_LW_1"/>Lord``) has nothing to mark
        pointers = [pointer for pointer in division.xpath(POINTERS, namespaces=NS)
                    if pointer.xpath("string()").strip() and INTO_THE_FILE.fullmatch(
                        pointed(pointer))]
        row["editor ids"] += len(pointers)
        walker = Walker(references=f"frus:{volume}", volume=volume)
        walker.walk_children(division)
        unknown.update(walker.unknown)
        row["unknown"] += sum(walker.unknown.values())
        if document is None:
            continue
        row["read"] += 1
        if document.date is not None:
            row["dated"] += 1
        else:
            undated.append(f"{path.name} {identifier}: {document.title[:90]}")
        blocks = [block for rendition in document.renditions for block in rendition.blocks]
        kept = Counter(squash(block.text) for block in blocks if block.kind is BlockKind.NOTE)
        place = f"{path.name} {identifier}"
        for note in notes:
            text = squash(own_text(note))
            found = text in kept
            if found or (not text):
                row["kept" if is_source_note(note) else "kept "] += 1
            else:
                missing.append(f"{place} note not kept, {described(note)}")
        marks = [mark for block in blocks for mark in block.marks]
        numbered = [note for note in notes if referenced(note)]
        missing += [f"{place} footnote reference not marked, {described(note)}"
                    for note in unmatched(numbered, [note.get("n") for note in numbered],
                                          [mark.value for mark in marks
                                           if mark.kind is MarkKind.FOOTNOTE_REF])]
        # a pointer is told by where it points and the words it covers
        values = [f"frus:{volume}#" + pointed(pointer).lstrip("#")
                  + " " + squash(pointer.xpath("string()")) for pointer in pointers]
        missing += [f"{place} editor identification not marked, {described(pointer)}"
                    for pointer in unmatched(pointers, values,
                                             [f"{mark.value} {squash(block.text[mark.start:mark.end])}"
                                              for block in blocks for mark in block.marks
                                              if mark.kind is MarkKind.REFERENCE])]
        row["marked"] += sum(1 for mark in marks if mark.kind is MarkKind.FOOTNOTE_REF)
        row["marked "] += sum(1 for mark in marks if mark.kind is MarkKind.REFERENCE)
        row["raw"] += sum(1 for block in blocks if block.kind is BlockKind.UNPARSED)
        mentions, _ = link(document, gazetteer)
        linkable = sum(1 for mark in marks if mark.kind is MarkKind.REFERENCE
                       and mark.value in known)
        row["linkable"] += linkable
        row["linked"] += sum(1 for mention in mentions if mention.method == "editor")
        json_bytes += len(jsonl.dumps(replace(document, source=None)))
        xml_bytes += len(etree.tostring(division, encoding="utf-8", with_tail=False))
    row["json/xml"] = round(json_bytes / xml_bytes, 2) if xml_bytes else 0
    return dict(row), undated, unknown, failures, missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("volumes", nargs="+", type=Path)
    parser.add_argument("--undated", action="store_true", help="list the undated documents")
    parser.add_argument("--unknown", action="store_true", help="list the unknown elements")
    parser.add_argument("--missing", action="store_true",
                        help="list each note, footnote reference and identification not kept")
    arguments = parser.parse_args()
    width = max(len(path.name) for path in arguments.volumes)
    print(f"{'volume':<{width}} " + " ".join(f"{column:>10}" for column in COLUMNS))
    totals: Counter = Counter()
    all_undated: list[str] = []
    all_unknown: Counter[str] = Counter()
    all_missing: list[str] = []
    json_ratios = []
    for path in arguments.volumes:
        row, undated, unknown, failures, missing = measure(path)
        print(f"{path.name:<{width}} " + " ".join(f"{row.get(column, 0):>10}"
                                                  for column in COLUMNS))
        for failure in failures:
            print(f"  failed: {failure}")
        totals.update({key: value for key, value in row.items() if key != "json/xml"})
        json_ratios.append(row.get("json/xml", 0))
        all_undated += undated
        all_unknown += unknown
        all_missing += missing
    totals["json/xml"] = max(json_ratios) if json_ratios else 0
    print(f"{'total':<{width}} " + " ".join(f"{totals.get(column, 0):>10}"
                                            for column in COLUMNS))

    def share(part: str, whole: str) -> str:
        return f"{100 * totals[part] / totals[whole]:.2f}%" if totals[whole] else "n/a"

    print(f"documents read {share('read', 'documents')}, dated {share('dated', 'read')}, "
          f"source notes kept {share('kept', 'source notes')}, footnotes kept "
          f"{share('kept ', 'footnotes')}, footnote references marked "
          f"{share('marked', 'refs')}, editor identifications marked "
          f"{share('marked ', 'editor ids')}, linked {share('linked', 'linkable')} of those "
          f"pointing into the volume's lists ({totals['linkable']}), raw elements "
          f"{totals['raw']}, elements kept as text only {totals['unknown']}, "
          f"JSON/XML at most {totals['json/xml']}")
    if arguments.undated:
        print(f"\nundated ({len(all_undated)}):")
        print("\n".join(all_undated))
    if arguments.unknown:
        print("\nunknown elements:", dict(all_unknown.most_common()))
    if arguments.missing:
        print(f"\nnot kept ({len(all_missing)}):")
        print("\n".join(all_missing))


if __name__ == "__main__":
    main()
