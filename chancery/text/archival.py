"""Archival references in a citation, read by the tables of the repositories that are cited.

Three shipped tables say what is read: ``repositories.csv`` (code, English and original
name, country), ``repository_forms.csv`` (every way a repository is written in citations:
"AVP RF", "Archive of Foreign Policy, Russian Federation", "PRC FMA", "SAPMO-BArch"...) and
``reference_labels.csv`` (the labels of the parts and which part each names, per country:
"op." is an opis everywhere, "k." a folio in Poland and a box in Czech archives, "288. f."
puts the label after its value in Hungary). A reference starts where a repository is named
and runs to the end of its sentence, to a ";" or to the next repository; its comma-separated
pieces are read by their labels, and pieces without a label fill the repository's remaining
parts in order (the fond first, then the file). Whatever is not understood stays in ``raw``:
an unknown style is kept whole, with its repository when one is named.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from chancery.model import ArchivalReference

_PARTS = ("fond", "opis", "box", "delo", "folios")  # outermost first
# Places and countries that follow a repository's name ("..., Moscow, f. 0100") and are not
# one of its parts
_PLACES = {"moscow", "beijing", "berlin", "bonn", "koblenz", "warsaw", "budapest", "prague",
           "bucharest", "sofia", "tirana", "rome", "hanoi", "seoul", "pyongyang", "paris",
           "london", "kew", "washington", "belgrade", "ulaanbaatar", "russia", "china",
           "germany", "poland", "hungary", "czech republic", "romania", "bulgaria", "italy",
           "vietnam", "korea", "albania", "france", "united kingdom", "russian federation"}
_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:\s*[-–/]\s*(?:(?:1[89]|20)\d\d|\d\d))?$")
# Where a citation's sentence ends: a full stop before a capitalised word that is no label
_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÀ-Ý][\w’']+)|\.\s*$|;|\s\((?=[a-z])")
# A repository not in the tables: a code in capitals, or a name with "Archive" in it
_UNKNOWN_CODE = re.compile(r"(?<![\w-])(?P<repo>[A-ZА-Я][A-Za-zА-Яа-я]*[A-ZА-Я])"
                           r"(?:\s*[:,.]\s*|\s+)"
                           r"(?=(?:f|F|fond|Fond|op|d|ll|l|pp|k|s|ф|д)\.?\s*\d)")
_UNKNOWN_NAME = re.compile(r"(?P<repo>(?:[A-Z][\w’'-]*\s+)*(?:Archives?|Archiv|Archivio|Arhiva|"
                           r"Levéltár|Archiwum|Arkivi)\b[^,.;]*)")


@dataclass(frozen=True)
class Repository:
    code: str
    name: str
    country: str
    fond_pattern: str = ""  # how this repository's fonds look, where it has a house style
    unlabelled: tuple[str, ...] = ("fond", "delo")  # parts that unlabelled pieces fill


# House styles: Hungarian ministry fonds ("XIX-J-1-j"), German Bestände ("DY 30").
_STYLES = {
    "MOL": dict(fond_pattern=r"(?:[IVXLC]+-[A-Z](?:-\d+)?(?:-[a-z])?|M-KS\s+\d+|\d+)"),
    "MNL OL": dict(fond_pattern=r"(?:[IVXLC]+-[A-Z](?:-\d+)?(?:-[a-z])?|M-KS\s+\d+|\d+)"),
    "SAPMO": dict(fond_pattern=r"(?:D[A-Z]|NY|SgY)\s*\d+"),
    "BArch": dict(fond_pattern=r"(?:D[A-Z]|NY|SgY|[A-Z])\s*\d+"),
}


@lru_cache(maxsize=1)
def repositories() -> dict[str, str]:
    """Repository codes and their English names, from the shipped table."""
    return {code: repository.name for code, repository in _repositories().items()}


def _table(name: str) -> list[dict[str, str]]:
    with resources.files("chancery.data").joinpath(name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# Chinese archives cite a file number and its pages without labels ("B104-1-134, 1-5")
_COUNTRY_STYLES = {"CN": dict(unlabelled=("delo", "folios"))}


@lru_cache(maxsize=1)
def _repositories() -> dict[str, Repository]:
    return {row["code"]: Repository(row["code"], row["name"], row["country"],
                                    **(_STYLES.get(row["code"])
                                       or _COUNTRY_STYLES.get(row["country"], {})))
            for row in _table("repositories.csv")}


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every written form of every repository, and the code of each form."""
    codes: dict[str, str] = {}
    for row in _table("repositories.csv"):
        for form in (row["code"], row["name"], row["name_original"]):
            if form:
                codes.setdefault(form, row["code"])
    for row in _table("repository_forms.csv"):
        codes[row["form"]] = row["code"]
    alternatives = sorted(codes, key=len, reverse=True)  # the longest form wins
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in alternatives)
                         + r")(?![\w-])")
    return pattern, codes


@lru_cache(maxsize=None)
def _labels(country: str) -> tuple[re.Pattern[str], dict[str, str], bool]:
    """The labels used in one country's archives, the part each names, and whether the
    label follows its value there ("288. f." in Hungary)."""
    general: dict[str, tuple[str, str]] = {}
    specific: dict[str, tuple[str, str]] = {}
    for row in _table("reference_labels.csv"):
        countries = row["countries"].split()
        if not countries:
            general[row["label"]] = (row["part"], row["placement"])
        elif country in countries:
            specific[row["label"]] = (row["part"], row["placement"])
    after = any(placement == "after" for _, placement in specific.values())
    labels = {label: part for label, (part, placement) in {**general, **specific}.items()
              if (placement == "after") == after}
    alternatives = sorted(labels, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(label) for label in alternatives)
                         + r")(?![^\W\d_])")
    return pattern, labels, after


def archival_references(text: str) -> tuple[ArchivalReference, ...]:
    """Every archival reference in a citation, in the order printed."""
    region = _source_region(text)
    forms, codes = _forms()
    found: list[ArchivalReference] = []
    position = 0
    while True:
        match = forms.search(region, position)
        if match is None:
            break
        repository = _repositories()[codes[match.group(0)]]
        start, body_start = match.start(), match.end()
        body_start = _after_abbreviation(region, body_start, repository.code, codes)
        end = _reference_end(region, body_start, forms)
        raw = _closed(region[start:end])
        found.append(_reference(raw, repository, region[body_start:end]))
        position = max(end, body_start)
    if not found:
        found.extend(_unknown(region))
    return tuple(found)


def _closed(text: str) -> str:
    """The reference without the sentence's full stop, but with a closing label's own
    ("288. f. 5/829. ő. e." keeps its last point; "ll. 1-5." loses the sentence's)."""
    bare = text.strip().rstrip(" .,:;")
    if (bare + ".").endswith(_closing_labels()):
        return bare + "."
    return bare


@lru_cache(maxsize=1)
def _closing_labels() -> tuple[str, ...]:
    """The labels that end in their own full stop, each after a space (" ll."), as a
    reference's last word: one endswith of them all, not a loop over every label for every
    reference."""
    return tuple(" " + label for label in sorted(_all_labels()) if label.endswith("."))


def _source_region(text: str) -> str:
    """The citation after its title and date: what follows "... Digital Archive,"."""
    parts = re.split(r"Digital Archive\s*,\s*", text, maxsplit=1)
    return parts[1] if len(parts) == 2 else text


def _after_abbreviation(text: str, position: int, code: str, codes: dict[str, str]) -> int:
    """Past "(AVP RF)" after the long name it abbreviates."""
    match = re.match(r"\s*\(([^()]{1,40})\)", text[position:])
    if match and codes.get(match.group(1).strip()) == code:
        return position + match.end()
    return position


def _reference_end(text: str, position: int, forms: re.Pattern[str]) -> int:
    following = forms.search(text, position)
    bound = len(text)
    if following:
        # "... ll. 1-5 and RGASPI, f. 558": the next reference starts at its repository
        start = max(position, following.start() - 12)
        joint = re.search(r"(?:[,;]?\s*(?:and|also|see)\s*)$", text[start:following.start()])
        bound = start + joint.start() if joint else following.start()
    return _sentence_end(text, position, bound)


def _sentence_end(text: str, position: int, bound: int | None = None) -> int:
    """Where the sentence from position ends (at bound at the latest): a full stop before a
    capitalised word that is not a part's label ("RGASPI. F. 558" goes on; ". Translated by"
    ends), or ";"."""
    bound = len(text) if bound is None else bound
    for end in _SENTENCE_END.finditer(text, position, bound):
        following = re.match(r"\.\s+(\S+)", text[end.start():end.start() + 40])
        if following and following.group(1) in _all_labels():
            continue
        return end.start()
    return bound


@lru_cache(maxsize=1)
def _all_labels() -> frozenset[str]:
    labels = {row["label"] for row in _table("reference_labels.csv")}
    return frozenset(labels | {label.capitalize() for label in labels})


def _reference(raw: str, repository: Repository, body: str) -> ArchivalReference:
    parts = _read_parts(body, repository)
    return ArchivalReference(raw=raw, repository=repository.code,
                             repository_name=repository.name,
                             folio_ranges=folio_ranges(parts["folios"]), **parts)


def _read_parts(body: str, repository: Repository) -> dict[str, str]:
    parts = dict.fromkeys(_PARTS, "")
    pattern, labels, after = _labels(repository.country)
    previous = ""
    labelled: set[str] = set()  # parts a label named: an unlabelled guess gives way to them
    for piece in (p.strip(" :") for p in re.split(r"[,;]", body)):
        if not piece.strip(" ."):
            continue
        if not piece.endswith("."):
            piece += "."  # the citation's full stop may close the last label ("ő. e.")
        found = list(pattern.finditer(piece))
        if not found:
            previous = _unlabelled(piece.strip(" ."), parts, repository, previous)
            continue
        spans = _label_values(piece, found, after)
        for label, value in spans:
            part = labels[label]
            if part == "box" and label == "p." and parts["delo"]:
                part = "folios"  # "papka" comes before the file, pages after it
            if part == "year" or not value:
                continue
            if repository.country == "HU" and part == "delo" and "/" in value and \
                    not parts["opis"]:
                parts["opis"], value = value.split("/", 1)  # "5/829. ő. e.": series 5
            if part not in labelled:
                parts[part] = value
                labelled.add(part)
            previous = part
    return parts


def _label_values(piece: str, found: list[re.Match[str]], after: bool
                  ) -> list[tuple[str, str]]:
    spans = []
    for index, match in enumerate(found):
        if after:
            begin = found[index - 1].end() if index else 0
            value = piece[begin:match.start()]
        else:
            finish = found[index + 1].start() if index + 1 < len(found) else len(piece)
            value = piece[match.end():finish]
        spans.append((match.group(0), value.strip(" .:").lstrip("-–")))
    return spans


def _unlabelled(piece: str, parts: dict[str, str], repository: Repository,
                previous: str) -> str:
    """Where a piece without a label goes; returns the part it filled ("" if none)."""
    if previous == "folios" and re.fullmatch(r"\d+[a-z]?(?:\s*[-–]\s*\d+[a-z]?)?", piece):
        parts["folios"] += f", {piece}"  # "ll. 57, 59-61"
        return "folios"
    if _YEAR.match(piece) or piece.casefold() in _PLACES:
        return ""
    if repository.fond_pattern and not parts["fond"]:
        fond = re.match(repository.fond_pattern + r"(?![\w-])", piece)
        if fond:
            parts["fond"] = fond.group(0)
            rest = piece[fond.end():].strip(" /")
            if rest and re.search(r"\d", rest) and not parts["delo"]:
                parts["delo"] = rest  # "DY 30/IV 2/20/137"
            return "fond"
    deepest = max((_PARTS.index(part) for part in _PARTS if parts[part]), default=-1)
    for part in repository.unlabelled:
        if parts[part] or _PARTS.index(part) < deepest:
            continue  # a fond is named before the file, never after it
        if part == "fond" and repository.fond_pattern:
            continue  # a house style says what a fond looks like: this is not one
        if part != "fond" and not re.search(r"\d", piece):
            return ""  # a subseries such as "Korea": kept in raw only
        parts[part] = piece
        return part
    return ""


def _unknown(region: str) -> list[ArchivalReference]:
    """A reference whose repository is in no table: a capitalised code followed by labelled
    parts, or a name with "Archive" in it; kept whole, never read as a publication."""
    code = _UNKNOWN_CODE.search(region)
    if code:
        raw = region[code.start():_sentence_end(region, code.end())].strip(" .,;")
        repository = Repository(code.group("repo"), "", "")
        parts = _read_parts(raw[len(code.group("repo")):], repository)
        return [ArchivalReference(raw=raw, repository=code.group("repo"),
                                  folio_ranges=folio_ranges(parts["folios"]), **parts)]
    if re.search(r"\(\s*[^()]*:\s*[^()]*\d{4}\)|\*[^*]+\*", region.split(". ")[0]):
        return []  # a book: "(Beijing: Shijie zhishi chubanshe, 2006)" or an italic title
    name = _UNKNOWN_NAME.match(region.strip())
    if name:
        raw = region[:_sentence_end(region, 0)].strip(" .,;")
        return [ArchivalReference(raw=raw, repository="", repository_name=name.group("repo"))]
    return []


def location(reference: ArchivalReference) -> str:
    """Where in its repository a reference points, as printed: the reference without the
    repository's name ("KC PZPR, 2724, k. 181-86"; "288. f. 5/829. ő. e")."""
    forms, codes = _forms()
    match = forms.match(reference.raw)
    if match is None:
        return reference.raw
    rest = _after_abbreviation(reference.raw, match.end(), codes[match.group(0)], codes)
    return reference.raw[rest:].strip(" ,:.")


def country(code: str) -> str:
    """The country (ISO 3166 alpha-2) of a repository in the table; "" if not in it."""
    repository = _repositories().get(code)
    return repository.country if repository else ""


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
