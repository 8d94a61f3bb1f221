"""A note on a talk between two sides keeps the note's kind and gives the talk's sides (lists 14
and 16); a note on a talk with one side keeps what it records (lists 1 and 2), and a report on
a meeting between two sides is a "report on a meeting" (list 5) (issue 18)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # lists 16 and 14
    ("Note on Conversation Between Nicolae Ceausescu and Mao Zedong", "note",
     ["Nicolae Ceausescu"], ["Mao Zedong"]),
    ("Information on a Meeting between Piro Bita and the DPRK Ambassador", "information",
     ["Piro Bita"], ["DPRK Ambassador"]),
    # the same shape in other wordings
    ("Handwritten Note on a Conversation between Mao Zedong and Kim Il Sung", "handwritten note",
     ["Mao Zedong"], ["Kim Il Sung"]),
    ("Notes on the Talks between Todor Zhivkov and Leonid Brezhnev", "notes", ["Todor Zhivkov"],
     ["Leonid Brezhnev"]),
    # a talk with one side, and a report, keep what they record
    ("Note on Conversation with Comrade Denisov", "note on conversation", [], ["Denisov"]),
    ("Note On a Conversation with USSR Embassy Counselor Comrade Pimenov",
     "note on a conversation", [], ["USSR Embassy Counselor Comrade Pimenov"]),
    ("Report on a Meeting between Enver Hoxha and Li Byeongchan", "report on a meeting",
     ["Enver Hoxha"], ["Li Byeongchan"]),
])
def test_a_note_on_talks_between_two_sides_is_a_note(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
