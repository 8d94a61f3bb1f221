"""The parts of a published citation: archival references, publications, translators, provenance.

Archival references are read by chancery.text.archival from the tables of repositories and
their citation forms; this module reads the rest of the citation.
"""

from __future__ import annotations

import re

from chancery.model import Publication, TranslationCredit
from chancery.text.archival import archival_references, folio_ranges, repositories

__all__ = ["archival_references", "folio_ranges", "repositories", "translators", "provenance",
           "publications", "source_publication"]


# "Translated by X", "Obtained and translated by X", "Obtained by A and translated by B",
# "translated and edited by A, B, and C", "Translated for CWIHP from Russian by X",
# "Translated by X for NKIDP". The names run to a full stop that is not an initial's.
_TRANSLATED = re.compile(
    r"\b[Tt]ranslated(?:\s+and\s+(?:edited|annotated))?(?:\s+for\s+(?P<for>[^.]+?))?"
    r"(?:\s+from\s+(?P<lang>[A-Z][a-z]+))?\s+by\s+"
    r"(?P<who>(?:[^.;()]|(?<=\b[A-Z])\.)+?)"
    r"(?:\s+for\s+(?P<for_after>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))?"
    r"(?=\s*(?<!\b[A-Z])\.(?:\s|$)|\s*[;(]|\s*$)")
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
        translated_for = (match.group("for") or match.group("for_after") or "").strip()
        for name in re.split(r",\s*(?:and\s+)?|\s+and\s+", match.group("who")):
            if name.strip():
                credits.append(TranslationCredit(name.strip(), translated_for,
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
