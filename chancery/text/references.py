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
