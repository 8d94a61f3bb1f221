"""A delegation to talks "between" two sides is one party, the talks' sides describing the talks
and no side of the document ("Conversations with the South Korean Delegates to the High-Level
Political Talks between North and South Korea": list 17); a work's own title before the kind
("On the Three Principles ..., Conversations with ...") names no author; and the halves of one
country ("between North and South Korea") are each named with it, "North" alone no party
(issue 18)."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title
from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("On the Three Principles of National Reunification, Conversations with the South Korean "
     "Delegates to the High-Level Political Talks between North and South Korea",
     "conversations", [],
     ["South Korean Delegates to the High-Level Political Talks between North and South Korea"]),
    # the same shape in other wordings
    ("Conversation with the Chinese Delegation to the Talks between the DPRK and the United "
     "States", "conversation", [],
     ["Chinese Delegation to the Talks between the DPRK and the United States"]),
    ("Record of a Conversation with the Polish Representatives to the Negotiations between "
     "East and West", "record of a conversation", [],
     ["Polish Representatives to the Negotiations between East and West"]),
])
def test_a_delegation_to_talks_between_two_sides_is_one_party(title, kind, senders,
                                                               recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Report on the Talks between North and South Korea", "report", ["North Korea"],
     ["South Korea"]),
    ("Record of the Talks between East and West Germany", "record of the talks",
     ["East Germany"], ["West Germany"]),
])
def test_the_halves_of_one_country_are_each_named_with_it(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


def test_a_works_own_title_before_its_kind_names_no_author():
    parts = parse_title("About the Situation in Laos, Report from the Soviet Embassy to the "
                        "Foreign Ministry")
    assert (parts.document_type, [party.name for party in parts.senders],
            [party.name for party in parts.recipients], parts.subject) == (
        "report", ["Soviet Embassy"], ["Foreign Ministry"], "About the Situation in Laos")
