"""Document titles: type, senders, recipients, subject."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title


@pytest.mark.parametrize("title, kind, senders, recipients, subject", [
    ("Cable, Mao Zedong to Filippov [Stalin]", "cable", ["Mao Zedong"], ["Filippov"], ""),
    ("Cable, 8th Directorate of the USSR Armed Forces General Staff to Cdes. Shtykov and "
     "Vasil'yev", "cable", ["8th Directorate of the USSR Armed Forces General Staff"],
     ["Shtykov", "Vasil'yev"], ""),
    ("Cable from Ambassador Pauls to the Foreign Office, 'German-Chinese Relations'", "cable",
     ["Ambassador Pauls"], ["Foreign Office"], "German-Chinese Relations"),
    ("Cable from the CCP Central Committee, reply to Zhou Enlai’s cable of 3 June 1954",
     "cable", ["CCP Central Committee"], [], "reply to Zhou Enlai’s cable of 3 June 1954"),
    ("Bierut's Telephone Conversation with Stalin", "telephone conversation", ["Bierut"],
     ["Stalin"], ""),
    ("Letter, Kim Il Sung to Stalin", "letter", ["Kim Il Sung"], ["Stalin"], ""),
    ("Record of Conversation between Mao Zedong and Stalin", "record of conversation",
     ["Mao Zedong"], ["Stalin"], ""),
    ("Memorandum of Conversation, Secretary Dulles to the President", "memorandum of "
     "conversation", ["Secretary Dulles"], ["President"], ""),
    ("The Situation in Korea", "", [], [], ""),
])
def test_titles(title, kind, senders, recipients, subject):
    parts = parse_title(title)
    assert parts.document_type == kind
    assert [p.name for p in parts.senders] == senders
    assert [p.name for p in parts.recipients] == recipients
    assert parts.subject == subject


def test_identification_kept_with_the_name():
    (recipient,) = parse_title("Cable, Mao Zedong to Filippov [Stalin]").recipients
    assert (recipient.text, recipient.name, recipient.identified_as) == (
        "Filippov [Stalin]", "Filippov", "Stalin")
