"""A note "on the Meeting with B" is a note about that meeting: the article marks the talk as
its subject, so the kind is the note's alone and B its other side (list 17, as list 12's "Note
on the Final Talk with ..."); with no article or "a" the talk stays in the kind ("Note on
Conversation with ...", "Note On a Conversation with ...": lists 1 and 2), and so does a body's
sitting with no other side and a report's meeting (list 5) (issue 18)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Information on the Meeting with Comrade Chen Yi", "information", [], ["Chen Yi"]),
    ("Ambassador Reis Malile, ‘Information on the Meeting of the Government-level Economic "
     "Delegation led by Comrade Abdyl Kellezi with Comrade Mao Zedong’", "information",
     ["Government-level Economic Delegation"], ["Mao Zedong"]),
    # the same shape in other wordings
    ("Information on the Meeting with Comrade Kim Il Sung", "information", [], ["Kim Il Sung"]),
    ("Note on the Meeting with the Soviet Ambassador", "note", [], ["Soviet Ambassador"]),
    ("Notes on the Conversation with Comrade Brezhnev", "notes", [], ["Brezhnev"]),
    ("Information on the Meeting of the Party Delegation with Comrade Ho Chi Minh",
     "information", ["Party Delegation"], ["Ho Chi Minh"]),
])
def test_a_note_on_the_meeting_is_a_note_about_it(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # lists 1 and 2: no article, or "a", keeps the talk in the kind
    ("Note on Conversation with Comrade Denisov", "note on conversation", [], ["Denisov"]),
    ("Note On a Conversation with USSR Embassy Counselor Comrade Pimenov",
     "note on a conversation", [], ["USSR Embassy Counselor Comrade Pimenov"]),
    # a body's sitting with no other side, and a report on a meeting, keep it
    ("Note on the Session of the Political Consultative Committee in Prague",
     "note on the session", ["Political Consultative Committee"], []),
    ("Report on the meeting of the Chinese and Soviet delegations in Moscow",
     "report on the meeting", ["Chinese delegation"], ["Soviet delegation"]),
    # "of" and "from" the sitting keep it, the body that sat named before it
    ("Minutes of the Politburo Meeting", "minutes of the politburo meeting", ["Politburo"], []),
    ("Working Notes from the Session of the CPSU CC Presidium", "working notes from the session",
     ["CPSU CC Presidium"], []),
])
def test_a_talk_with_no_article_or_of_a_sitting_stays_in_the_kind(title, kind, senders,
                                                                   recipients):
    assert read(title) == (kind, senders, recipients)
