"""Dates as archives print them."""

from __future__ import annotations

import pytest

from chancery.text.dates import parse_date


@pytest.mark.parametrize("printed, start, end, precision, iso", [
    ("April 26, 1948", "1948-04-26", "1948-04-26", "day", "1948-04-26"),
    ("February 03, 1949", "1949-02-03", "1949-02-03", "day", "1949-02-03"),
    ("26 April 1948", "1948-04-26", "1948-04-26", "day", "1948-04-26"),
    ("3 февраля 1949 г.", "1949-02-03", "1949-02-03", "day", "1949-02-03"),
    ("4 февраля 1949 года.", "1949-02-04", "1949-02-04", "day", "1949-02-04"),
    ("4/II - 1949 г.", "1949-02-04", "1949-02-04", "day", "1949-02-04"),
    ("19. Juni 1975", "1975-06-19", "1975-06-19", "day", "1975-06-19"),
    ("7 kwietnia 1946", "1946-04-07", "1946-04-07", "day", "1946-04-07"),
    ("June 1950", "1950-06-01", "1950-06-30", "month", "1950-06"),
    ("February 1948", "1948-02-01", "1948-02-29", "month", "1948-02"),
    ("1953", "1953-01-01", "1953-12-31", "year", "1953"),
    ("c. 1953", "1953-01-01", "1953-12-31", "year", "1953~"),
    ("April 26, 1948 - May 2, 1948", "1948-04-26", "1948-05-02", "range",
     "1948-04-26/1948-05-02"),
    ("April 26 - May 2, 1948", "1948-04-26", "1948-05-02", "range", "1948-04-26/1948-05-02"),
    ("1948-1949", "1948-01-01", "1949-12-31", "range", "1948-01-01/1949-12-31"),
])
def test_printed_dates(printed, start, end, precision, iso):
    date = parse_date(printed)
    assert (date.start, date.end, date.precision, date.iso) == (start, end, precision, iso)
    assert date.text == printed


@pytest.mark.parametrize("printed", ["Moscow", "February 30, 1949", "Undated", "", "13/XIII 1949"])
def test_not_dates(printed):
    assert parse_date(printed) is None
