"""The date and place of one FRUS document, wherever the volume's editors put them.

Accepts, in this order, the first that gives a date inside the volume's period (its years,
with a margin of ``MARGIN`` years either side):
1. ``frus:doc-dateTime-min``/``max`` on the document's ``div`` (today's files; any FRUS
   namespace);
2. the dateline, wherever it stands (in ``opener``, directly in the ``div``, in an
   attachment): its ``date`` element's ``@when`` (or ``@notBefore``/``@notAfter``,
   ``@from``/``@to``), else the date as printed;
3. a ``date`` in the heading, else a date printed in the heading ("…, Washington, November 7.");
4. the first paragraphs (a dateline printed as a paragraph: "Washington, May 5, 1955.");
5. the editors' word in the source note on when the document itself was written ("Drafted
   by Smith on May 3", "the memorandum is dated “c. Jan. 31, 1918”", "its approximate date
   was October 5", "wrote the letter on March 25"), marked approximate; not when it was received, sent on or attached to;
6. for a document that prints no date of its own (an editorial note), the first date its
   text names (in full or a day and month, whichever comes first), marked approximate. A
   document printed "undated" has said it has none: its text's dates are not taken.
A date printed without its year ("November 7") takes the year of the nearest chapter heading
that names one year ("November–December 1958: …"), else the volume's, if it covers one,
else the year that puts it nearest the date of the document before it in its chapter
(``near``: the editors print a chapter's documents in order), else the one year of the
volume's period the document's text names (a State Department file number carries its
date: "762.0221/11–2258"). Days of one month ("February 20–25, 1952") are a range.
"Approximately", "circa", "probably" make a date approximate; "undated" with no date is no
date. A malformed attribute or a date outside the period is a warning (returned, with the
line) and the next placement is tried; nothing is guessed past these rules: what is left
undated is listed by ``bench/frus_fidelity.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TypeVar

from lxml import etree

from chancery.model import Document, HistoricalDate
from chancery.text.dates import MONTH_NUMBER, from_iso, parse_date

TEI = "http://www.tei-c.org/ns/1.0"
_NS = {"t": TEI}
T = TypeVar("T")
MARGIN = 3  # years a document may stand before or after its volume's period
_NOT_IN_NOTE = "[not(ancestor::t:note)]"
_MONTHS = "|".join(sorted((name for name in MONTH_NUMBER if name.isascii() and len(name) > 2
                           and name[0].isalpha()), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?,?\s+\d{{4}})\b", re.I)
_DAY_MONTH = re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b(?!\s*,?\s*\d{{4}})", re.I)
_DAYS = re.compile(rf"^((?:{_MONTHS})\.?)\s+(\d{{1,2}})\s*[-–—]\s*(\d{{1,2}}),?\s+(\d{{4}})$", re.I)
_UNDATED = re.compile(r"\bundated\b", re.I)
# The editors on when the document itself was written, in its source note (not when it was
# received, sent on, or attached to another): the date follows these words.
_WRITTEN = re.compile(r"\b(?:drafted\s+by\s+(?:[^.;]|(?<=\b[A-Z])\.|\.(?=\S)){1,80}?\s+on"
                      r"|(?:source\s+text|original|memorandum|message|letter|paper|document)"
                      r"\s+(?:is|was)\s+(?:probably\s+)?dated"
                      r"|\bwrote\s+(?:the|this)\s+(?:letter|memorandum|message|paper)\s+on"
                      r"|(?:its|the)\s+approximate\s+date\s+(?:is|was)"
                      # a record of a meeting is dated by the meeting it records
                      r"|the\s+meeting\s+(?:occurred|took\s+place|was\s+held)\s+on)"
                      r"\s+[“\"]?", re.I)
_YEARS = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b(?:\s*[-–—]\s*(\d{2,4})\b)?")
_APPROXIMATE = re.compile(r"\b(?:approximately|approx\.|circa|ca\.|c\.|about|probably|"
                          r"presumably|possibly)\s", re.I)
_FILE_DATE = re.compile(r"/\d{1,2}\s*[-–]\s*\d{1,2}(\d{2})\b")  # a decimal file's MM–DDYY
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def period(title: str) -> tuple[int, int] | None:
    """The years a volume covers, from its title: "…, 1955–1957, China" -> (1955, 1957)."""
    found = _years(title)
    return (min(found), max(found)) if found else None


def document_date(division: etree._Element, years: tuple[int, int] | None,
                  warnings: list[tuple[str, int]] | None = None,
                  near: HistoricalDate | None = None) -> HistoricalDate | None:
    """The document's date (see the module's docstring); ``warnings`` gets (message, line)
    for each slip read past; ``near`` is the date of the document before it in its chapter."""
    slips: list[tuple[str, int]] = [] if warnings is None else warnings
    context: int | str | None = _context_year(division) or (
        years[0] if years and years[0] == years[1] else None)
    if context is None:
        context = near.start if near is not None else _named_year(division, years)
    for found, line in _candidates(division, context, slips):
        if found is None:
            continue
        if years is not None and not (years[0] - MARGIN <= int(found.start[:4])
                                      and int(found.end[:4]) <= years[1] + MARGIN):
            slips.append((f"date {found.text!r} ({found.iso}) is outside the volume's years "
                          f"{years[0]}-{years[1]}: not taken", line))
            continue
        return found
    return None


def place(division: etree._Element) -> str:
    """Where the document was written, as its dateline names it ("Geneva")."""
    for found in division.xpath(f".//t:dateline{_NOT_IN_NOTE}//t:placeName", namespaces=_NS):
        text = " ".join(found.xpath("string()").split()).strip(" ,.")
        if text:
            return text
    return ""


def _candidates(division: etree._Element, context: int | str | None,
                slips: list[tuple[str, int]]):
    line = division.sourceline or 0
    yield _from_attributes(division, slips), line
    undated = False
    for dateline in division.xpath(f".//t:dateline{_NOT_IN_NOTE}", namespaces=_NS):
        undated = undated or bool(_UNDATED.search(_text_without_notes(dateline)))
        yield _from_element(dateline, context, slips), dateline.sourceline or line
    head = division.find("t:head", _NS)
    if head is not None:
        yield _from_element(head, context, slips, elements_only=True), head.sourceline or line
        yield _printed(_text_without_notes(head), context), head.sourceline or line
    for paragraph in division.xpath("t:p[position() <= 2]", namespaces=_NS):
        yield _from_element(paragraph, context, slips, elements_only=True), \
            paragraph.sourceline or line
        text = _text_without_notes(paragraph)
        if len(text) < 80:  # a dateline set as a paragraph, not a sentence naming a date
            yield _printed(text, context), paragraph.sourceline or line
    for note in division.xpath(".//t:note[@type='source']", namespaces=_NS):
        text = " ".join(note.xpath("string()").split())
        for match in _WRITTEN.finditer(text):
            found = _earliest(text[match.end():match.end() + 40], context, at_start=True)
            if found is not None:
                yield replace(found, approximate=True), note.sourceline or line
    if undated:
        return
    for paragraph in division.xpath(f".//t:p{_NOT_IN_NOTE}", namespaces=_NS):
        found = _earliest(_text_without_notes(paragraph), context)
        if found is not None:
            yield replace(found, approximate=True), paragraph.sourceline or line


def _from_attributes(division: etree._Element, slips: list[tuple[str, int]]
                     ) -> HistoricalDate | None:
    low = high = ""
    for name, value in division.attrib.items():
        local = etree.QName(name).localname
        if local == "doc-dateTime-min":
            low = value
        elif local == "doc-dateTime-max":
            high = value
    if not low:
        return None
    start, end = _iso(low), _iso(high or low)
    if not start or not end or end < start:
        slips.append((f"malformed frus:doc-dateTime-min/max {low!r}/{high!r}: read past",
                      division.sourceline or 0))
        return None
    dated = division.find(f".//t:dateline//t:date", _NS)
    text = " ".join(dated.xpath("string()").split()) if dated is not None else start
    return HistoricalDate(text, start, end, "day" if start == end else "range")


def _from_element(element: etree._Element, context: int | str | None,
                  slips: list[tuple[str, int]], elements_only: bool = False
                  ) -> HistoricalDate | None:
    """The date of a dateline (or heading): its ``date`` element's attributes, else the
    date as printed in the element."""
    dates = element.xpath(f".//t:date{_NOT_IN_NOTE}", namespaces=_NS)
    printed = _text_without_notes(element)
    for date in dates:
        text = " ".join(date.xpath("string()").split())
        found = _attributes(date, text or printed, slips)
        if found is None:
            found = _printed(text, context)
        if found is not None:
            return replace(found, approximate=found.approximate or bool(
                _APPROXIMATE.search(printed + " ")))
    if elements_only or re.search(r"\bundated\b", printed, re.I) and not \
            _DAY_MONTH_YEAR.search(printed):
        return None
    return _printed(printed, context)


def _attributes(date: etree._Element, text: str, slips: list[tuple[str, int]]
                ) -> HistoricalDate | None:
    low = date.get("when") or date.get("notBefore") or date.get("from") or ""
    high = date.get("notAfter") or date.get("to") or date.get("when") or low
    if not low:
        return None
    start, end = _iso(low), _iso(high, last=True)
    if not start or not end or end < start:
        slips.append((f"malformed date attribute {low!r}{'/' + high if high != low else ''} "
                      f"({text!r}): the date as printed is read instead",
                      date.sourceline or 0))
        return None
    day = low.split("T")[0]
    precision = "day" if start == end else \
        {4: "year", 7: "month"}.get(len(day), "range") if high == low else "range"
    return HistoricalDate(text or low, start, end, precision)


def _printed(text: str, context: int | str | None) -> HistoricalDate | None:
    """A date printed in running text: the first full date, else a day and month with the
    year of its context."""
    approximate = bool(_APPROXIMATE.search(text + " "))
    match = _DAY_MONTH_YEAR.search(text)
    if match:
        found = _parse(match.group(0))
        if found is not None:
            return replace(found, approximate=approximate)
    match = _DAY_MONTH.search(text)
    found = _with_year(match.group(0), context) if match else None
    return replace(found, approximate=approximate) if found is not None else None


def _earliest(text: str, context: int | str | None, at_start: bool = False
              ) -> HistoricalDate | None:
    """The first date the text names, in full or a day and month, whichever comes first
    (``at_start``: only one that opens the text)."""
    matches = sorted((match.start(), index, match.group(0)) for index, pattern in
                     enumerate((_DAY_MONTH_YEAR, _DAY_MONTH)) for match in pattern.finditer(text))
    for start, index, printed in matches:
        if at_start and not re.fullmatch(r"[\s“\"(]*(?:c\.|ca\.|circa)?\s*", text[:start]):
            return None
        found = _parse(printed) if index == 0 else _with_year(printed, context)
        if found is not None:
            return found
    return None


def _parse(printed: str) -> HistoricalDate | None:
    """A printed date, days of one month ("February 20–25, 1952") as a range."""
    days = _DAYS.match(printed)
    if days is None:
        return parse_date(printed)
    month, first, last, year = days.groups()
    low, high = parse_date(f"{month} {first}, {year}"), parse_date(f"{month} {last}, {year}")
    if low is None or high is None or high.start < low.start:
        return None
    return HistoricalDate(printed, low.start, high.end, "range")


def _with_year(printed: str, context: int | str | None) -> HistoricalDate | None:
    """A day and month ("November 7") in the context's year, or (the context a date) in the
    year that puts it nearest that date."""
    if context is None:
        return None
    if isinstance(context, int):
        found = parse_date(f"{printed}, {context}")
        return replace(found, text=printed) if found is not None else None
    year = int(context[:4])
    options = [found for found in (parse_date(f"{printed}, {option}")
                                   for option in (year - 1, year, year + 1)) if found]
    if not options:
        return None
    anchor = date.fromisoformat(context[:10])
    nearest = min(options, key=lambda found: abs(date.fromisoformat(found.start) - anchor))
    return replace(nearest, text=printed)


def _context_year(division: etree._Element) -> int | None:
    """The one year the nearest chapter heading above the document names, if it names one."""
    for ancestor in division.iterancestors(f"{{{TEI}}}div"):
        head = ancestor.find("t:head", _NS)
        if head is None:
            continue
        found = _years(_text_without_notes(head))
        if found:
            return found[0] if len(set(found)) == 1 else None
    return None


def _named_year(division: etree._Element, years: tuple[int, int] | None) -> int | None:
    """The one year of the volume's period that the document's text (its notes too) names,
    as a year or in a State Department file number's date ("762.0221/11–2258": 1958)."""
    if years is None:
        return None
    text = " ".join(division.itertext())
    named = set(_years(text)) | {1900 + int(match.group(1)) for match in _FILE_DATE.finditer(text)}
    inside = {year for year in named if years[0] <= year <= years[1]}
    return inside.pop() if len(inside) == 1 else None


def _years(text: str) -> list[int]:
    found = []
    for match in _YEARS.finditer(text):
        first = int(match.group(1))
        found.append(first)
        if match.group(2):
            last = match.group(2)
            found.append(int(str(first)[: 4 - len(last)] + last))
    return found


def _iso(value: str, last: bool = False) -> str:
    match = _ISO.match(value.strip())
    if not match:
        return ""
    year, month, day = match.groups()
    try:
        bounds = from_iso("", "-".join(part for part in (year, month, day) if part))
    except ValueError:
        return ""
    return bounds.end if last else bounds.start


def _text_without_notes(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname != "note":
            parts.append(_text_without_notes(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


# A run of undated documents longer than this in one chapter is not a gap between two
# dated neighbours but an undated series: they are let go undated, and memory stays bounded.
_LONGEST_GAP = 25


def between_neighbours(documents: Iterable[T]) -> Iterator[T]:
    """The documents as read, each that is still undated dated by its place in the volume:
    the editors print a chapter's documents in order, so one that prints no date of its own
    was written between the dated documents before and after it in its chapter. This is the
    Office of the Historian's own practice for undated documents (its dates project gives
    them ``@notBefore``/``@notAfter`` with the reason in ``@ana``): the date is a range,
    approximate, and its text says it is the editors' placing, not a printed date ("undated;
    placed between September 2, 1952 and September 25, 1952"). A document alone in its
    chapter, first or last in it, or between neighbours out of order stays undated.
    Anything that is not a Document (an error) keeps its place in the order."""
    waiting: list = []  # undated documents of one chapter since the last dated one
    before = None  # the last dated document of that chapter
    for item in documents:
        if not isinstance(item, Document) or item.in_volume is None:
            if waiting:
                waiting.append(item)
            else:
                yield item
            continue
        chapter = item.in_volume.chapter_ids
        if before is not None and before.in_volume.chapter_ids != chapter:
            yield from waiting
            waiting, before = [], None
        if item.date is None:
            waiting.append(item)
            if len(waiting) > _LONGEST_GAP:
                yield from waiting
                waiting, before = [], None
            continue
        if before is not None and waiting:
            placed = _placed_between(before.date, item.date)
            waiting = [replace(waited, date=placed) if isinstance(waited, Document) else waited
                       for waited in waiting] if placed else waiting
        yield from waiting
        yield item
        waiting, before = [], item
    yield from waiting


def _placed_between(before: HistoricalDate, after: HistoricalDate) -> HistoricalDate | None:
    start, end = before.start, after.end
    if not start or not end or end < start:
        return None
    text = f"undated; placed between {_spelled(start)} and {_spelled(end)}"
    return HistoricalDate(text, start, end, "day" if start == end else "range", approximate=True)


def _spelled(day: str) -> str:
    """"1952-09-02" -> "September 2, 1952", as FRUS prints its dates."""
    value = date.fromisoformat(day)
    return f"{value:%B} {value.day}, {value.year}"
