"""A body's sitting is an occasion, not a party: a transcript of "the Central Committee
Secretariat Meeting of the Polish United Workers Party" is the secretariat's, the party it is of
not joined to it, and notes "for the Central Committee Presidium Meeting" were made for a
sitting, no recipient (list 17, as lists 13 and 14 have a forum or a conference) (issue 18)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Transcript of the Central Committee Secretariat Meeting of the Polish United Workers "
     "Party (PZPR)", "transcript", ["Central Committee Secretariat"], []),
    ("Transcript of the CPSU Politburo Session, 11 December 1980", "transcript",
     ["CPSU Politburo"], []),
    # the same shape in other wordings
    ("Transcript of the Central Committee Politburo Session of the Communist Party of "
     "Czechoslovakia", "transcript", ["Central Committee Politburo"], []),
    ("Minutes of the Political Executive Committee Meeting of the Romanian Communist Party",
     "minutes", ["Political Executive Committee"], []),
    # one word before the sitting is read into the kind, as "Notes from the Politburo meeting"
    # is (test_offices.py)
    ("Minutes of the Politburo Session of the Communist Party of Czechoslovakia",
     "minutes of the politburo session", ["Politburo"], []),
])
def test_the_body_that_sat_is_named_before_its_sitting(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Mikoyan's Notes for the Central Committee Presidium Meeting", "notes", ["Mikoyan"], []),
    # the same shape in other wordings
    ("Talking Points for the Politburo Session of 12 May 1980", "talking points", [], []),
    ("Brezhnev's Notes for the CPSU CC Plenum Session", "notes", ["Brezhnev"], []),
    ("Report by the Foreign Ministry for the Meeting of the Warsaw Pact Foreign Ministers",
     "report", ["Foreign Ministry"], []),
    # a party named for a sitting is still whom the paper was for
    ("Memorandum for the Delegation to the Session of the UN General Assembly", "memorandum", [],
     ["Delegation to the Session of the UN General Assembly"]),
])
def test_a_sitting_a_paper_was_made_for_is_no_recipient(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
