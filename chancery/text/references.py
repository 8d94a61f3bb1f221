"""The parts of a published citation: archival references, publications, translators, provenance.

Archival references come in many house styles ("APRF: F. 39, Op. 1, D. 31, Ll. 30-31";
"RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061"; "AAN, KC PZPR, 2724, k. 181-86"); they are
found by their repository code and the folio or page designation that closes them.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from chancery.model import ArchivalReference, Publication, TranslationCredit


@lru_cache(maxsize=1)
def repositories() -> dict[str, str]:
    """Repository codes and their English names, from the shipped table."""
    table = resources.files("chancery.data").joinpath("repositories.csv")
    with table.open(encoding="utf-8") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


_FOLIO_LABEL = r"(?:Ll|ll|L|l|pp|p|k|s|лл|л|с)\."
_REFERENCE = re.compile(
    r"(?P<repo>\b[A-ZА-Я][A-Za-zА-Яа-яČÚ]*[A-ZА-ЯČÚ]\b(?:\s+OL)?)\s*[:,.]\s*"
    rf"(?P<body>(?:(?!\.\s+[A-Z][a-z]{{2,}}).){{1,160}}?\b{_FOLIO_LABEL}\s*"
    r"\d[\d\s\-–,a-zоб.]*?\d*)(?=\.?\s*$|\.\s|;|\)|$)")
_PART = re.compile(
    r"(?P<label>fond|opis|delo|F|f|Op|op|D|d|Ll|ll|L|l|pp|p|k|s|Ф|ф|Оп|оп|Д|д|лл|л|с)\.?\s*"
    r"(?P<value>[\w/\-–]+(?:\s*[-–]\s*\d+)*)")
_LABELS = {"fond": "fond", "f": "fond", "ф": "fond", "opis": "opis", "op": "opis",
           "оп": "opis", "delo": "delo", "d": "delo", "д": "delo"}


def archival_references(text: str) -> tuple[ArchivalReference, ...]:
    """Every archival reference in a citation, in the order printed."""
    known = repositories()
    found = []
    for match in _REFERENCE.finditer(text):
        repo = match.group("repo")
        if repo not in known and not (repo.isupper() and len(repo) >= 3):
            continue
        found.append(_reference(match.group(0).rstrip(" ."), repo, match.group("body"), known))
    return tuple(found)


def _reference(raw: str, repo: str, body: str, known: dict[str, str]) -> ArchivalReference:
    fields = {"fond": "", "opis": "", "delo": "", "folios": ""}
    unlabelled: list[str] = []
    for piece in re.split(r"\s*,\s*|(?<=\d)\.\s+(?=[a-zа-я])", body.strip(" .")):
        match = _PART.fullmatch(piece.strip(" ."))
        if not match:
            unlabelled.append(piece.strip(" ."))
            continue
        label = match.group("label").lower()
        name = _LABELS.get(label, "folios")
        fields[name] = match.group("value").strip()
    for name in ("fond", "delo"):  # "AAN, KC PZPR, 2724, k. 181-86": collection, then file
        if not fields[name] and unlabelled:
            fields[name] = unlabelled.pop(0)
    return ArchivalReference(raw=raw, repository=repo, repository_name=known.get(repo, ""),
                             folio_ranges=folio_ranges(fields["folios"]), **fields)


def folio_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Numeric ranges of a folio string: "0057-0061" -> ((57, 61),); "181-86" -> ((181, 186),)."""
    ranges = []
    for first, last in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?", text):
        start = int(first)
        if not last:
            ranges.append((start, start))
            continue
        end = int(last)
        if end < start and len(last) < len(first.lstrip("0") or "0"):
            end = int(str(start)[: len(str(start)) - len(last)] + last)  # 181-86 -> 186
        ranges.append((start, max(start, end)))
    return tuple(ranges)


_TRANSLATED = re.compile(
    r"Translated(?:\s+for\s+(?P<for>[^.]+?))?(?:\s+from\s+(?P<lang>[A-Z][a-z]+))?"
    r"\s+by\s+(?P<who>[^.]+?(?:\s[A-Z]\.\s?[A-Z][^.]+?)?)\.(?:\s|$)")
_PROVIDED = re.compile(r"Provided to (?P<to>.+?) by (?P<by>[^.(]+?)(?:\s*\((?P<note>[^)]*)\))?"
                       r"\.(?:\s|$)")
_PUBLICATION = re.compile(
    r"(?P<relation>Also published in|Published in|Archival citation in accordance with"
    r"|Originally published in|Reprinted in)\s+(?P<body>.+?)(?=\.\s+(?:[A-Z]|$)|\.$|$)")
_PAGES = re.compile(r"(?:,\s*)?\b(?:pp?\.|p\.|S\.|с\.)\s*([\d\-–, ]+\d)\s*$|,\s*(\d[\d\-–]*)$")


def translators(text: str) -> tuple[TranslationCredit, ...]:
    """"Translated for CWIHP from Russian by Sergey Radchenko." -> a credit per translator."""
    credits = []
    for match in _TRANSLATED.finditer(text):
        for name in re.split(r",\s*|\s+and\s+", match.group("who")):
            if name.strip():
                credits.append(TranslationCredit(name.strip(), (match.group("for") or "").strip(),
                                                 (match.group("lang") or "").strip()))
    return tuple(credits)


def provenance(text: str) -> str:
    """"Provided to the National Security Archive by Sergo Mikoyan" as printed; "" if none."""
    match = _PROVIDED.search(text)
    return match.group(0).strip().rstrip(".") if match else ""


def publications(text: str) -> tuple[Publication, ...]:
    """Publications the citation names, with how it names them."""
    found = []
    for match in _PUBLICATION.finditer(text):
        body = match.group("body").strip()
        found.append(_publication(body, match.group("relation").lower()))
    return tuple(found)


def source_publication(rest: str) -> Publication | None:
    """The published source a citation gives instead of an archive ("Akten zur ... 2006), 384.")."""
    body = rest.strip().rstrip(".")
    if not body or re.match(r"(?:Also|Translated|Provided|Archival|Originally)\b", body):
        return None
    return _publication(body, "published in")


def _publication(body: str, relation: str) -> Publication:
    title = re.search(r"\*([^*]+)\*", body)
    pages = _PAGES.search(body)
    page_text = (pages.group(1) or pages.group(2)) if pages else ""
    return Publication(raw=body, relation=relation, title=title.group(1) if title else "",
                       pages=(page_text or "").strip())
