"""The one form the reading room writes dates in, at each precision a document's date has."""

from __future__ import annotations

import pytest

from chancery.model import HistoricalDate
from chancery.web.dates import day, machine_readable, spanned, written
from tests.conftest import STALIN_1949, WILSON, read_record


@pytest.mark.parametrize(("start", "end", "precision", "shown"), [
    ("1949-02-03", "1949-02-03", "day", "3 February 1949"),
    ("1949-02-01", "1949-02-28", "month", "February 1949"),
    ("1949-01-01", "1949-12-31", "year", "1949"),
    ("1949-02-03", "1949-02-05", "range", "3–5 February 1949"),
    ("1949-02-01", "1949-02-14", "range", "1–14 February 1949"),
    ("1949-02-27", "1949-03-02", "range", "27 February – 2 March 1949"),
    ("1949-02-01", "1949-03-31", "range", "February–March 1949"),
    ("1949-01-01", "1949-03-31", "range", "January–March 1949"),
    ("1948-01-01", "1948-02-28", "range", "1 January – 28 February 1948"),  # a leap year
    ("1949-01-01", "1950-12-31", "range", "1949–1950"),
    ("1949-03-01", "1950-02-28", "range", "March 1949 – February 1950"),
    ("1949-12-30", "1950-01-02", "range", "30 December 1949 – 2 January 1950"),
    ("1964-07-01", "1964-07-31", "range", "July 1964"),  # a range that is a whole month
    ("1949-01-01", "1949-12-31", "range", "1949"),
])
def test_each_precision_and_range_has_one_form(start, end, precision, shown):
    assert written(HistoricalDate("as printed", start, end, precision)) == shown


def test_a_source_printing_is_not_shown_but_the_date_it_means():
    pauls = read_record(WILSON / "1975-06-19_cable-ambassador-pauls-foreign-office-german.md")
    assert pauls.date.text == "June 19, 1975"
    assert written(pauls.date) == "19 June 1975"
    assert written(read_record(STALIN_1949).date) == "3 February 1949"
    assert written(None) == "undated"
    assert (day(19490203), day("1949-02"), day("1949"), day(0)) == \
        ("3 February 1949", "February 1949", "1949", "undated")


@pytest.mark.parametrize(("start", "end", "precision"), [
    ("1949-02-03", "1949-02-03", "day"), ("1949-02-01", "1949-02-28", "month"),
    ("1949-01-01", "1949-12-31", "year"), ("1949-02-03", "1949-02-05", "range"),
    ("1949-12-30", "1950-01-02", "range"), ("1964-07-01", "1964-07-31", "range")])
def test_a_date_given_by_its_first_and_last_day_reads_as_the_whole_date(start, end, precision):
    """What a list or a search hit carries (the first and last day, ISO or as the index's
    numbers) is written as the document's page writes its date."""
    whole = written(HistoricalDate("as printed", start, end, precision))
    assert spanned(start, end) == whole
    assert spanned(int(start.replace("-", "")), int(end.replace("-", ""))) == whole


def test_a_span_without_its_end_or_its_start():
    assert spanned("1949-02-03") == spanned(19490203, 0) == "3 February 1949"
    assert spanned("", "") == spanned(0, 0) == "undated"


@pytest.mark.parametrize(("start", "end", "machine"), [
    ("1949-02-03", "1949-02-03", "1949-02-03"), ("1964-07-01", "1964-07-31", "1964-07"),
    (19480101, 19481231, "1948"), (19641213, 19641214, "1964-12-13"), (0, 0, "")])
def test_a_span_as_a_time_elements_datetime_at_its_precision(start, end, machine):
    assert machine_readable(start, end) == machine
