"""Titles of the families list 15 showed, in its wordings and others (issue 18): an office after
a name with no comma, an author's kind then a comma and its subject, "A to B, 'Subject'" whose
subject opens with a kind's word, a person's name before a quoted title."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title
from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 15
    ("Decree of the CC CPSU Politburo to Mir Bagirov CC Secretary of the Communist Party of "
     "Azerbaijan, 'Measures to Organize a Separatist Movement in Southern Azerbaijan and Other "
     "Provinces of Northern Iran'", "decree", ["CC CPSU Politburo"], ["Mir Bagirov"]),
    # the same shape in other wordings
    ("Letter from Kim Il Sung General Secretary of the Workers' Party of Korea to Mao Zedong",
     "letter", ["Kim Il Sung"], ["Mao Zedong"]),
    ("Telegram from Andrei Gromyko Foreign Minister of the USSR to the Soviet Embassy in "
     "Washington", "telegram", ["Andrei Gromyko"], ["Soviet Embassy in Washington"]),
    ("Note from Todor Zhivkov First Secretary of the Bulgarian Communist Party to Leonid "
     "Brezhnev", "note", ["Todor Zhivkov"], ["Leonid Brezhnev"]),
    ("Cable from Vasily Kuznetsov Deputy Minister of Foreign Affairs to the CC CPSU", "cable",
     ["Vasily Kuznetsov"], ["CC CPSU"]),
    ("Letter from Comrade Mir Bagirov CC Secretary of the Communist Party of Azerbaijan to "
     "Stalin", "letter", ["Mir Bagirov"], ["Stalin"]),
    ("Letter from Cde. M.D. Bagirov First Secretary of the CC CP of Azerbaijan to Stalin",
     "letter", ["M.D. Bagirov"], ["Stalin"]),
    ("Decree of the Politburo to A.A. Zhdanov Secretary of the CC, 'On Propaganda'", "decree",
     ["Politburo"], ["A.A. Zhdanov"]),
    ("Letter from Mir Bagirov secretary of the CC CP of Azerbaijan to Stalin", "letter",
     ["Mir Bagirov"], ["Stalin"]),
    ("Report by Janos Kadar first secretary of the HSWP to the Politburo", "report",
     ["Janos Kadar"], ["Politburo"]),
    # an office in lower case between commas is who the sender was; the roles go on
    ("Telegram from Andrei Gromyko, foreign minister, to the Embassy", "telegram",
     ["Andrei Gromyko"], ["Embassy"]),
    # an office before the name stays with it, as every list's gold has it
    ("Letter from Soviet Defense Minister Andrei Grechko to Martin Dzur", "letter",
     ["Soviet Defense Minister Andrei Grechko"], ["Martin Dzur"]),
])
def test_an_office_after_a_name_with_no_comma_is_not_the_name(title, kind, senders,
                                                               recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients, subject", [
    # list 15
    ("South African Cabinet Memorandum, Research in the Field of Nuclear Energy and Exchanging "
     "Information with Friendly Nations", "memorandum", ["South African Cabinet"], [],
     "Research in the Field of Nuclear Energy and Exchanging Information with Friendly Nations"),
    # the same shape in other wordings
    ("Hungarian Foreign Ministry Report, Soviet Troop Movements in Czechoslovakia", "report",
     ["Hungarian Foreign Ministry"], [], "Soviet Troop Movements in Czechoslovakia"),
    ("Polish Politburo Resolution, Measures to Strengthen Cooperation with the GDR",
     "resolution", ["Polish Politburo"], [], "Measures to Strengthen Cooperation with the GDR"),
    ("Bulgarian Embassy Telegram, to the Ministry of Foreign Affairs", "telegram",
     ["Bulgarian Embassy"], ["Ministry of Foreign Affairs"], ""),
    ("Hungarian Foreign Ministry Report, Soviet Troop Movements to Czechoslovakia", "report",
     ["Hungarian Foreign Ministry"], [], "Soviet Troop Movements to Czechoslovakia"),
    # a place or a person's name, then "to": the two sides after the comma
    ("Embassy Telegram 2345, Buenos Aires to Washington", "telegram", ["Buenos Aires"],
     ["Washington"], ""),
    ("Soviet Embassy Telegram, Ambassador Harriman to President Roosevelt", "telegram",
     ["Ambassador Harriman"], ["President Roosevelt"], ""),
])
def test_an_authors_kind_then_a_comma_and_its_subject(title, kind, senders, recipients,
                                                      subject):
    parts = parse_title(title)
    assert read(title) == (kind, senders, recipients)
    assert parts.subject == subject


@pytest.mark.parametrize("title, kind, senders, recipients, subject", [
    # list 15
    ("William C. Hamilton to Robert C. Strong, 'Reply to U.K. Paper on Safeguards'", "",
     ["William C. Hamilton"], ["Robert C. Strong"], "Reply to U.K. Paper on Safeguards"),
    ("Robert C. Strong to Phillips Talbot, 'Another Visit to Israel’s Dimona Reactor'", "",
     ["Robert C. Strong"], ["Phillips Talbot"], "Another Visit to Israel’s Dimona Reactor"),
    ("Mao Zedong, 'Settlement of the Questions of Restoration of Diplomatic Relations between "
     "China and Japan Still Depends on the Government of the Liberal Democratic Party'", "",
     ["Mao Zedong"], [], "Settlement of the Questions of Restoration of Diplomatic Relations "
     "between China and Japan Still Depends on the Government of the Liberal Democratic Party"),
    # the same shapes in other wordings
    ("Gerard Smith to Secretary of State Dean Rusk, 'Memorandum on the Non-Proliferation "
     "Treaty'", "", ["Gerard Smith"], ["Secretary of State Dean Rusk"],
     "Memorandum on the Non-Proliferation Treaty"),
    ('Philip Farley to Ambassador Llewellyn Thompson, "Report of the Committee on Safeguards"',
     "", ["Philip Farley"], ["Ambassador Llewellyn Thompson"],
     "Report of the Committee on Safeguards"),
    ("Zhou Enlai, 'The Present Situation in the Taiwan Strait'", "", ["Zhou Enlai"], [],
     "The Present Situation in the Taiwan Strait"),
    ("President Lyndon B. Johnson, 'Peace Without Conquest'", "",
     ["President Lyndon B. Johnson"], [], "Peace Without Conquest"),
    ("Zhou Enlai and Chen Yi, 'The Present Situation'", "", ["Zhou Enlai", "Chen Yi"], [],
     "The Present Situation"),
    ("Dean Rusk to the President, 'Note on the Soviet Proposal'", "", ["Dean Rusk"],
     ["President"], "Note on the Soviet Proposal"),
    ("Soviet Ambassador Puzanov, 'The Situation in Afghanistan'", "",
     ["Soviet Ambassador Puzanov"], [], "The Situation in Afghanistan"),
    ("Deputy Foreign Minister Vaclav David, 'On Relations with the FRG'", "",
     ["Deputy Foreign Minister Vaclav David"], [], "On Relations with the FRG"),
    ("Soviet Policy in Asia, 'Another View'", "", [], [], ""),
    # a place before a quote is no author; an author with no recipient keeps the quote's kind
    ("Moscow, 'Something About Iran'", "", [], [], ""),
    ("Soviet Foreign Ministry, 'Note about a Conversation with Ambassador Thompson'", "note",
     ["Soviet Foreign Ministry"], ["Ambassador Thompson"], ""),
])
def test_a_quoted_subject_after_its_author_or_two_sides(title, kind, senders, recipients,
                                                        subject):
    assert read(title) == (kind, senders, recipients)
    assert parse_title(title).subject == subject


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("William C. Hamilton to Robert C. Strong, Reply to U.K. Paper on Safeguards", "",
     ["William C. Hamilton"], ["Robert C. Strong"]),
    ("Robert C. Strong to Phillips Talbot, Another Visit to Israel's Dimona Reactor", "",
     ["Robert C. Strong"], ["Phillips Talbot"]),
    # offices after a comma are still parties
    ("President Nixon to His Assistant, His Assistant for Domestic Affairs, and His Assistant "
     "for National Security Affairs", "", ["President Nixon"],
     ["His Assistant", "His Assistant for Domestic Affairs",
      "His Assistant for National Security Affairs"]),
])
def test_a_to_b_then_an_unquoted_subject(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
