"""The sides of talks "between" two bodies (issue 18, list 16): a plural group both sent
("Delegations of A and B") is both sides', each side the body; the place they met ("in
Pitzunda", "in Beijing") is no part of the last side, but a post's place is part of its name
("the Czechoslovak Mission in Berlin", as lists 1 and 16 have it)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 16
    ("Conversations between Delegations of the Romanian Workers Party and the Chinese Communist "
     "Party in Beijing, 3-10 March 1964 (excerpts)", "conversations", ["Romanian Workers Party"],
     ["Chinese Communist Party"]),
    ("Conversations between the Delegation of the Romanian Workers Party and the Communist Party "
     "of the Soviet Union in Pitzunda, 15 March 1964 (excerpts)", "conversations",
     ["Delegation of the Romanian Workers Party"], ["Communist Party of the Soviet Union"]),
    # the same shapes in other wordings
    ("Meeting between Representatives of the Italian Communist Party and the Yugoslav League of "
     "Communists", "meeting", ["Italian Communist Party"], ["Yugoslav League of Communists"]),
    ("Talks between the Delegations of the Polish United Workers Party and the Socialist Unity "
     "Party in Warsaw", "talks", ["Polish United Workers Party"], ["Socialist Unity Party"]),
    ("Conversation between the Delegation of the Korean Workers Party and the Albanian Party of "
     "Labor in Tirana, 2 June 1961", "conversation", ["Delegation of the Korean Workers Party"],
     ["Albanian Party of Labor"]),
    # delegations of countries keep their kind, each of its country
    ("Conversation between the Delegations of Poland and Hungary", "conversation",
     ["Delegation of Poland"], ["Delegation of Hungary"]),
])
def test_the_sides_are_the_bodies_and_the_place_no_party(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, recipient", [
    ("Conversation between Walter Ulbricht and the Czechoslovak Mission in Berlin",
     "Czechoslovak Mission in Berlin"),
    ("Talks between Janos Kadar and the Soviet Embassy in Budapest", "Soviet Embassy in Budapest"),
])
def test_a_posts_place_stays_in_its_name(title, recipient):
    assert read(title)[2] == [recipient]
