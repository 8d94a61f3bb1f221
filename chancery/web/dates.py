"""Dates as the reading room writes them, in one form throughout: 3 February 1949, February
1949, 1949, 3–5 February 1949; never as a source happens to print them ("February 03,
1949"), which the document's own text and its exports keep."""

from __future__ import annotations

from calendar import monthrange

from chancery.model import HistoricalDate

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def day(date: int | str) -> str:
    """A date number (19490203) or ISO date at its precision (1949-02-03, 1949-02, 1949) as
    a reader writes it: 3 February 1949, February 1949, 1949."""
    text = str(date).replace("-", "")
    if not text or text == "0":
        return "undated"
    year, month, number = text[:4], text[4:6], text[6:8]
    if month and month != "00":
        name = MONTHS[int(month) - 1]
        return f"{int(number)} {name} {year}" if number and number != "00" else \
            f"{name} {year}"
    return year


def written(date: HistoricalDate | None) -> str:
    """A document's date at its precision; a range as short as it reads unambiguously
    (3–5 February 1949, February–March 1949, 1949–1950, 30 December 1949 – 2 January 1950)."""
    if date is None or not date.start:
        return "undated"
    if date.precision != "range" or date.end in ("", date.start):
        return day(date.iso.rstrip("~"))
    # both ends at the finer of the two precisions they can be named at
    size = max(len(_at_its_precision(date.start, first=True)), len(_at_its_precision(date.end)))
    start, end = date.start[:size], date.end[:size]
    if start == end:  # a range that is one whole month or year
        return day(start)
    if start[:4] != end[:4]:
        return f"{day(start)}–{day(end)}" if len(start) == 4 else f"{day(start)} – {day(end)}"
    if len(start) == 7:  # months of one year
        return f"{MONTHS[int(start[5:7]) - 1]}–{day(end)}"
    if start[5:7] != end[5:7]:  # days of two months of one year
        return f"{day(start).rsplit(' ', 1)[0]} – {day(end)}"
    return f"{int(start[8:10])}–{day(end)}"


def spanned(start: int | str, end: int | str = "") -> str:
    """A date given by its first and last day, as a list or a search hit carries it
    (19640701 and 19640731, or ISO), in the form ``written`` gives the whole date: a span
    that is one day is that day, one whole month or year that month or year (July 1964,
    not 1 July 1964), any other a range."""
    first, last = _iso_day(start), _iso_day(end)
    if not first:
        return "undated"
    if last in ("", first):
        return day(first)
    return written(HistoricalDate("", first, last, "range"))


def machine_readable(start: int | str, end: int | str = "") -> str:
    """The same span as a <time> element's datetime at its precision (1964-07 for July
    1964, 1964 for a whole year, the first day of any other range); "" if undated."""
    first, last = _iso_day(start), _iso_day(end) or _iso_day(start)
    if not first:
        return ""
    opening, closing = _at_its_precision(first, first=True), _at_its_precision(last)
    return opening if opening == closing else first


def _iso_day(date: int | str) -> str:
    """19640701 or 1964-07-01 as 1964-07-01 ("" for no date)."""
    text = str(date).replace("-", "")
    if not text.isdigit() or int(text) == 0:
        return ""
    return "-".join(part for part in (text[:4], text[4:6], text[6:8]) if part)


def _at_its_precision(iso: str, first: bool = False) -> str:
    """An end of a range as the coarsest form that names it: a whole year (from 1 January,
    or to 31 December) as 1949, a whole month (from its first day, or to its last) as
    1949-02, else the day."""
    year, month, number = iso[:4], iso[5:7], iso[8:10]
    if not month:
        return year
    whole_year = ("01", "01") if first else ("12", "31")
    if (month, number) == whole_year:
        return year
    month_end = "01" if first else str(monthrange(int(year), int(month))[1])
    if not number or number == month_end:
        return f"{year}-{month}"
    return iso[:10]
