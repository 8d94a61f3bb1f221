"""A party names someone, whatever pattern of the grammar found it (issue 18): no people's
adjective alone, no kind or subject word alone, no kind run on after a comma, no thing its
holder possesses; and the names that look like those words are kept."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # a people's adjective before the kind names no party (list 18)
    ("Soviet Report, 'Economic Cooperation between Latin America and the Countries of the "
     "Socialist Camp'", "report", [], []),
    # a person's possessive ends the person's name (list 18; list 12's "Personal Use")
    ("John F. Kennedy's Inaugural Address", "address", ["John F. Kennedy"], []),
    ("Khrushchev's Inaugural Address", "address", ["Khrushchev"], []),
    ("Note for Comrade Veljko Micunovic’s Personal Use", "note", [], ["Veljko Micunovic"]),
    # a kind after a comma is no part of the party before it (list 18)
    ("Hungarian Embassy in Havana (Beck), Report on Deputy Foreign Minister Péter Mód’s talks "
     "with political leaders in Cuba", "talks", ["Hungarian Embassy in Havana"], []),
    # a word of what the title is about, alone (lists 9, 10)
    ("Notes of V. Kolarov from a Meeting with Stalin", "notes", ["V. Kolarov"], ["Stalin"]),
    ("Relations between the People's Republic of Bulgaria and the Republic of Zimbabwe", "",
     [], []),
])
def test_words_that_name_no_one_are_no_party(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # a body's possessive is part of its name
    ("Statement of the Ministry of Foreign Affairs of the People's Republic of China on the "
     "Expulsion", "statement", ["Ministry of Foreign Affairs of the People's Republic of China"],
     []),
    # surnames that are also common words, or look like a people's adjective, are people: the
    # shipped authority has them as surnames
    ("Letter from Finch to Manning", "letter", ["Finch"], ["Manning"]),
    ("Telegram from Kishi to Rusk", "telegram", ["Kishi"], ["Rusk"]),
    ("Ciphered Telegram from Molotov to Krushchev and Malenkov", "ciphered telegram",
     ["Molotov"], ["Krushchev", "Malenkov"]),
    # a title that names someone ("the Shah"); an addressee named by a common noun with its
    # article ("the Nation", a CIA "Station")
    ("Minutes of Conversation between the Shah and Nicolae Ceaușescu, Bucharest",
     "minutes of conversation", ["Shah"], ["Nicolae Ceaușescu"]),
    ("Address by President Nixon to the Nation", "address", ["President Nixon"], ["Nation"]),
    ("Telegram From the Central Intelligence Agency to the Station in Saigon", "telegram",
     ["Central Intelligence Agency"], ["Station in Saigon"]),
])
def test_names_that_look_like_such_words_are_kept(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
