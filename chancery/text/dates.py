"""Dates as archives print them, read into intervals with a precision.

"April 26, 1948", "3 февраля 1949 г.", "June 1950", "c. 1953", "1948-1949",
"April 26, 1948 - May 2, 1948" all become a :class:`HistoricalDate`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from chancery.model import HistoricalDate

_MONTHS = {
    # English, German, French, Polish (nominative and genitive), Russian (nominative, genitive)
    1: "january jan januar janvier styczeń stycznia январь января янв",
    2: "february feb februar février luty lutego февраль февраля фев",
    3: "march mar märz mars marzec marca март марта",
    4: "april apr avril kwiecień kwietnia апрель апреля апр",
    5: "may mai maj maja май мая",
    6: "june jun juni juin czerwiec czerwca июнь июня",
    7: "july jul juli juillet lipiec lipca июль июля",
    8: "august aug août sierpień sierpnia август августа авг",
    9: "september sep sept septembre wrzesień września сентябрь сентября сен",
    10: "october oct oktober octobre październik października октябрь октября окт",
    11: "november nov novembre listopad listopada ноябрь ноября ноя",
    12: "december dec dezember décembre grudzień grudnia декабрь декабря дек",
}
MONTH_NUMBER = {name: number for number, names in _MONTHS.items() for name in names.split()}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_MONTH = r"(?P<{0}>[^\W\d_]{{3,}}\.?)"
_YEAR = r"(?P<{0}>1[5-9]\d\d|20\d\d)"
_PATTERNS = [
    # April 26, 1948 / Apr. 26 1948
    re.compile(rf"^{_MONTH.format('m')}\s+(?P<d>\d{{1,2}}),?\s+{_YEAR.format('y')}$"),
    # 26 April 1948 / 3 февраля 1949 / 19. Juni 1975
    re.compile(rf"^(?P<d>\d{{1,2}})\.?\s+{_MONTH.format('m')}\s+{_YEAR.format('y')}$"),
    # 1948-04-26
    re.compile(r"^(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})$"),
    # 4/II - 1949, 4.II.1949
    re.compile(r"^(?P<d>\d{1,2})\s*[./]\s*(?P<rm>[IVX]{1,4})\s*(?:[-./]\s*)?(?P<y>\d{4})$", re.I),
    # 26.04.1948
    re.compile(r"^(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>\d{4})$"),
    # April 1948 / 1948-04
    re.compile(rf"^{_MONTH.format('m')},?\s+{_YEAR.format('y')}$"),
    re.compile(r"^(?P<y>\d{4})-(?P<mn>\d{2})$"),
    # 1948
    re.compile(rf"^{_YEAR.format('y')}$"),
]
_APPROXIMATE = re.compile(r"^(?:c\.|ca\.|circa|approx\.?|about|около|ок\.)\s*", re.I)
_TRAILER = re.compile(r"(?:\s*(?:г\.|гг\.|года|год|r\.|roku|\.|,))+\s*$")
_RANGE = re.compile(r"\s+(?:-|–|—|to|until|до)\s+|(?<=\d)\s*[–—]\s*(?=\d)|(?<=\d{4})-(?=\d{4}$)")


def parse_date(text: str) -> HistoricalDate | None:
    """Read a printed date; None when the text is not a date we can place in time."""
    raw = " ".join(text.split())
    value = raw.strip("*[]() ")
    approximate = bool(_APPROXIMATE.match(value))
    value = _APPROXIMATE.sub("", value)
    single = _parse_single(value)
    if single is not None:
        start, end, precision = single
        return HistoricalDate(raw, start, end, precision, approximate)
    parts = _RANGE.split(value, maxsplit=1)
    if len(parts) == 2:
        first, last = _parse_single(parts[0]), _parse_single(parts[1])
        if first is None and last is not None:
            first = _parse_single(f"{parts[0]} {last[0][:4]}")  # "April 26 - May 2, 1948"
        if first is not None and last is not None and first[0] <= last[1]:
            return HistoricalDate(raw, first[0], last[1], "range", approximate)
    return None


def _parse_single(value: str) -> tuple[str, str, str] | None:
    value = _TRAILER.sub("", value.strip())
    for pattern in _PATTERNS:
        match = pattern.match(value)
        if match:
            return _interval(match.groupdict())
    return None


def _interval(parts: dict[str, str | None]) -> tuple[str, str, str] | None:
    year = int(parts["y"] or 0)
    month = _month(parts)
    if month is None:
        return None
    if not month:
        return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"
    last_day = calendar.monthrange(year, month)[1]
    if parts.get("d") is None:
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last_day:02d}", "month"
    day = int(parts["d"] or 0)
    if not 1 <= day <= last_day:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    return iso, iso, "day"


def _month(parts: dict[str, str | None]) -> int | None:
    """The month number; 0 when the date names none; None when the name is not a month."""
    if parts.get("mn"):
        number = int(parts["mn"] or 0)
        return number if 1 <= number <= 12 else None
    if parts.get("rm"):
        return _ROMAN.get((parts["rm"] or "").lower())
    if parts.get("m"):
        return MONTH_NUMBER.get((parts["m"] or "").lower().rstrip("."))
    return 0


def last_day(date: str) -> str:
    """The last day an ISO date of any precision covers ("1949" -> "1949-12-31"), as a string
    that compares correctly; an empty date is open and reaches forever."""
    if not date:
        return "9999-12-31"
    return {4: date + "-12-31", 7: date + "-31"}.get(len(date), date)


PRECISIONS = ("day", "month", "year", "range")


def from_iso(text: str, low: str, high: str = "", approximate: bool = False,
             precision: str = "") -> HistoricalDate:
    """A date given as ISO 8601 bounds (YYYY, YYYY-MM or YYYY-MM-DD; ``high`` may be left
    out): a year or month alone covers all its days. ValueError names what is wrong."""
    start, end = _iso_day(low, first=True), _iso_day(high or low, first=False)
    if end < start:
        raise ValueError(f"the date ends ({high}) before it begins ({low})")
    guessed = "range" if start != _iso_day(high or low, first=True) or \
        end != _iso_day(low, first=False) else {4: "year", 7: "month"}.get(len(low), "day")
    precision = precision or guessed
    if precision not in PRECISIONS:
        raise ValueError(f"unknown date precision {precision!r}")
    return HistoricalDate(text or low + (f" to {high}" if high and high != low else ""),
                          start, end, precision, approximate)


def _iso_day(value: str, first: bool) -> str:
    parts = [int(part) for part in value.split("-")] if \
        re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else []
    if not parts:
        raise ValueError(f"{value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month = parts[0], parts[1] if len(parts) > 1 else (1 if first else 12)
    if not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}")
    day = parts[2] if len(parts) > 2 else (1 if first else calendar.monthrange(year, month)[1])
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a day of the calendar") from None
