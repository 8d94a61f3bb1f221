"""A subject, a colon, then the kind with its parties ("Fidel Castro's 1977 Southern Africa Tour:
A Report to Honecker"): the document is the kind after the colon; when it names no sender, a
traveller's own journey before the colon is whose account it is (list 17, as list 13 says what
a document is); any other possessive there names no one (issue 18)."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title
from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Fidel Castro's 1977 Southern Africa Tour: A Report to Honecker (excerpt)", "report",
     ["Fidel Castro"], ["Honecker"]),
    # the same shape in other wordings
    ("Kim Il Sung's Visit to Moscow: A Letter to Stalin", "letter", ["Kim Il Sung"], ["Stalin"]),
    ("Ceausescu’s Trip to Beijing: Report to the Political Executive Committee", "report",
     ["Ceausescu"], ["Political Executive Committee"]),
    ("The Berlin Crisis: A Memorandum from Dulles to Eisenhower", "memorandum", ["Dulles"],
     ["Eisenhower"]),
    # the kind names its sender: the traveller is only what it is about
    ("Gromyko's Visit: A Letter from Dobrynin to Rusk", "letter", ["Dobrynin"], ["Rusk"]),
    # a possessive of no journey names no one
    ("The Soviet Union's Policy in Asia: A Report to the Politburo", "report", [],
     ["Politburo"]),
])
def test_the_kind_after_a_colon_is_the_document(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


def test_the_words_before_the_colon_are_its_subject():
    assert parse_title("Fidel Castro's 1977 Southern Africa Tour: A Report to Honecker").subject \
        == "Fidel Castro's 1977 Southern Africa Tour"
