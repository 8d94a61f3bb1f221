"""Titles of the families list 15 showed, in its wordings and others (issue 18): a part or a
copy of a document before its kind, "sent from A to B", a kind's code or number before its
role phrases."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title
from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 15
    ("Excerpts from a Report by the Head of the Soviet Mission in Mongolia I. Ivanov to Moscow",
     "report", ["Head of the Soviet Mission in Mongolia I. Ivanov"], ["Moscow"]),
    ("PARAPHRASE of telegram sent from Harriman to Roosevelt", "telegram", ["Harriman"],
     ["Roosevelt"]),
    # the same shapes in other wordings
    ("Extract from a Letter by Ambassador Bohlen to Secretary Dulles", "letter",
     ["Ambassador Bohlen"], ["Secretary Dulles"]),
    ("Copy of a Telegram from the Soviet Embassy in Beijing to the Ministry of Foreign Affairs",
     "telegram", ["Soviet Embassy in Beijing"], ["Ministry of Foreign Affairs"]),
    ("Paraphrase of a cable sent from Ambassador Winant to President Roosevelt", "cable",
     ["Ambassador Winant"], ["President Roosevelt"]),
    ("Abstract of a Memorandum by the Chinese Foreign Ministry to the Soviet Embassy",
     "memorandum", ["Chinese Foreign Ministry"], ["Soviet Embassy"]),
    ("Translation of a Letter sent from Kim Il Sung to Stalin", "letter", ["Kim Il Sung"],
     ["Stalin"]),
    ("Report on the Situation in Poland sent from the Soviet Embassy to the Foreign Ministry",
     "report", ["Soviet Embassy"], ["Foreign Ministry"]),
    # a part of a talk keeps its own kind, as list 12's gold has it
    ("Excerpt from a Conversation between Zhou Enlai and Albanian Party Leaders",
     "excerpt from a conversation", ["Zhou Enlai"], ["Albanian Party Leaders"]),
])
def test_a_part_or_copy_of_a_document_is_that_document(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 15
    ("Airgram A-163 from the Department of State to the US Embassy in Argentina on the "
     "Argentine Sale of Uranium Oxide to Israel", "airgram", ["Department of State"],
     ["US Embassy in Argentina"]),
    # the same shapes in other wordings
    ("Airgram A-12 from the US Embassy in Brasilia to the Department of State", "airgram",
     ["US Embassy in Brasilia"], ["Department of State"]),
    ("Telegram No. 12 from the Embassy in Moscow to the Department of State", "telegram",
     ["Embassy in Moscow"], ["Department of State"]),
    ("Cable Nº 44 sent from Ambassador Bohlen to Secretary Dulles", "cable",
     ["Ambassador Bohlen"], ["Secretary Dulles"]),
    ("Despatch D-207 from the American Embassy in Tehran to the Department of State regarding "
     "the Elections", "despatch", ["American Embassy in Tehran"], ["Department of State"]),
])
def test_a_kinds_code_before_its_role_phrases(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 15
    ("Memorandum to Holders of Special National Intelligence Estimate, SNIE 93-83, 'Brazil’s "
     "Changing Nuclear Goals: Motives and Constraints'", "memorandum", [],
     ["Holders of Special National Intelligence Estimate"]),
    ("Cable, Zhou Enlai to Chairman Mao [Zedong] and the Central Committee", "cable",
     ["Zhou Enlai"], ["Chairman Mao", "Central Committee"]),
    # the same shapes in other wordings
    ("Memorandum to Holders of National Intelligence Estimate, NIE 11-4-57, 'Main Trends in "
     "Soviet Capabilities'", "memorandum", [], ["Holders of National Intelligence Estimate"]),
    ("Memorandum for the Director of Central Intelligence, NSC 5412/2, 'Covert Operations'",
     "memorandum", [], ["Director of Central Intelligence"]),
    ("Cable, Kim Il Sung to Filippov [Stalin] and the Politburo", "cable", ["Kim Il Sung"],
     ["Filippov", "Politburo"]),
    ("Letter from Premier Chou [Enlai] and Marshal Chen Yi to Prime Minister Nehru", "letter",
     ["Premier Chou", "Marshal Chen Yi"], ["Prime Minister Nehru"]),
    ("Cable, Ambassador Wang Bingnan to the Foreign Ministry [and] Premier Zhou", "cable",
     ["Ambassador Wang Bingnan"], ["Foreign Ministry", "Premier Zhou"]),
])
def test_codes_and_editors_brackets_are_kept_out_of_parties(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


def test_a_bracket_for_a_name_left_out_keeps_the_party_whole():
    parts = parse_title("Agreement between the Government of [Nation] and the IAEA")
    assert [party.name for party in parts.senders + parts.recipients] == [
        "Government of [Nation]", "IAEA"]


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Part of a Report by the Soviet Ambassador in Tehran to Molotov", "report",
     ["Soviet Ambassador in Tehran"], ["Molotov"]),
    ("Unofficial Translation of a Letter from Prime Minister Nehru to Premier Zhou", "letter",
     ["Prime Minister Nehru"], ["Premier Zhou"]),
    ("Russian Translation of a Telegram from Mao Zedong to Stalin", "telegram", ["Mao Zedong"],
     ["Stalin"]),
    ("Message relayed from Ambassador Kennan to Secretary Acheson", "message",
     ["Ambassador Kennan"], ["Secretary Acheson"]),
    ("Telegram Nr. 17 from the Romanian Embassy in Beijing to the Ministry of Foreign Affairs",
     "telegram", ["Romanian Embassy in Beijing"], ["Ministry of Foreign Affairs"]),
    ("Telegram 45/A from Bucharest to Moscow", "telegram", ["Bucharest"], ["Moscow"]),
    ("Memorandum JCSM-450-62 from the Joint Chiefs of Staff to the Secretary of Defense",
     "memorandum", ["Joint Chiefs of Staff"], ["Secretary of Defense"]),
    ("Telegram No. 214, Ambassador Harriman to President Roosevelt", "telegram",
     ["Ambassador Harriman"], ["President Roosevelt"]),
])
def test_more_partitives_translations_senders_and_numbers(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Telegram 1234 Embassy Moscow to Secretary of State", "telegram", ["Embassy Moscow"],
     ["Secretary of State"]),
    ("Cable 45 Zhou Enlai to Mao Zedong", "cable", ["Zhou Enlai"], ["Mao Zedong"]),
    ("Telegram No. 12 Molotov to Stalin on the Iranian Question", "telegram", ["Molotov"],
     ["Stalin"]),
    ("Airgram A-163, Department of State to US Embassy Buenos Aires, on the Sale of Uranium",
     "airgram", ["Department of State"], ["US Embassy Buenos Aires"]),
    # a subject after the number names no one
    ("Report No. 3 On Relations to China", "report", [], []),
])
def test_a_to_b_after_a_numbered_kind_with_no_role_word(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Telegram Polto 2514 From the Mission to the North Atlantic Treaty Organization to the "
     "Department of State", "telegram", ["Mission to the North Atlantic Treaty Organization"],
     ["Department of State"]),
    ("Telegram Secto 12 from the Secretary of State to the Department of State", "telegram",
     ["Secretary of State"], ["Department of State"]),
    ("Memorandum SNIE 93-83 to the President", "memorandum", [], ["President"]),
])
def test_a_series_name_and_number_after_a_kind(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Harriman to Roosevelt, paraphrase of telegram", "telegram", ["Harriman"], ["Roosevelt"]),
    ("Harriman to Roosevelt, Copy of a Telegram No. 45", "telegram", ["Harriman"],
     ["Roosevelt"]),
    # where a document was sent from, once its sender is named, is no second sender
    ("Letter from Harriman to Roosevelt, sent from Moscow", "letter", ["Harriman"],
     ["Roosevelt"]),
])
def test_a_kinds_part_after_the_parties_and_where_it_was_sent_from(title, kind, senders,
                                                                   recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Minute from the Foreign Secretary to the Prime Minister", "minute", ["Foreign Secretary"],
     ["Prime Minister"]),
    ("Paraphrase from Ambassador Winant to the Secretary of State", "paraphrase",
     ["Ambassador Winant"], ["Secretary of State"]),
    ("Minutes of the Meeting of the Politburo", "minutes of the meeting", ["Politburo"], []),
])
def test_a_minute_and_a_paraphrase_are_kinds(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Telegram (No. 45) from Ambassador Harriman to the President", "telegram",
     ["Ambassador Harriman"], ["President"]),
    ("Airgram A-163 (Confidential) from the Department of State to the Embassy", "airgram",
     ["Department of State"], ["Embassy"]),
    ("Letter [Draft] from Khrushchev to Kennedy", "letter", ["Khrushchev"], ["Kennedy"]),
    ("Airgram A-163, March 3, 1978, from the Department of State to the US Embassy in "
     "Argentina", "airgram", ["Department of State"], ["US Embassy in Argentina"]),
])
def test_a_note_in_brackets_after_the_kind_names_no_one(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
