"""What a party is, from the shipped authority: offices in lower case before a name, bodies as
the senders of their sittings, a place after the parties, a journal's entry of another kind."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from chancery.text.titles import parse_title
from chancery.text.titles.offices import (TITLE_WORDS, nationalities, office_word, place,
                                          word_lists)
from tests.text.titles import read


def test_offices_are_read_from_the_authoritys_role_descriptions():
    assert all(office_word(word) for word in ("official", "head", "leader", "ambassador",
                                              "members", "secretaries", "marshal"))
    # the bodies served and an office's business are no office
    assert not any(office_word(word) for word in ("department", "bureau", "affairs", "the"))


def test_the_saved_lists_are_what_the_shipped_authority_gives():
    """A worker reads them instead of deriving them (0.13 s each); they must be the derived
    ones: scripts/build_authority.py writes both files together."""
    shipped = resources.files("chancery.data")
    saved = json.loads(shipped.joinpath(TITLE_WORDS).read_text(encoding="utf-8"))
    assert saved == word_lists(shipped.joinpath("authority.jsonl.gz").read_bytes())
    assert "ambassador" in saved["offices"] and "moscow" in saved["places"]


def test_nationalities_and_places_come_from_the_authority():
    assert nationalities("Soviet Ambassador Puzanov") == {"Soviet"}
    assert nationalities("Cuban leader Fidel Castro") == {"Cuban"}
    assert nationalities("N.M. Taraki") == frozenset()
    assert place("East Berlin") and place("Luanda") and place("Addis Ababa")
    assert not place("Fidel Castro")


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 14
    ("Memorandum of Conversation between East German official Paul Markovski and CPSU CC "
     "International Department head Boris N. Ponomarev in Moscow", "memorandum of conversation",
     ["East German official Paul Markovski"],
     ["CPSU CC International Department head Boris N. Ponomarev"]),
    ("Report from Politburo members Mikoyan and Suslov on the crisis in Hungary", "report",
     ["Mikoyan", "Suslov"], []),
    # the same shapes in other wordings
    ("Memorandum of Conversation between Bulgarian ambassador Petar Grozev and Chinese premier "
     "Zhou Enlai", "memorandum of conversation", ["Bulgarian ambassador Petar Grozev"],
     ["Chinese premier Zhou Enlai"]),
    ("Letter from Hungarian party leader Janos Kadar to Soviet leader Leonid Brezhnev", "letter",
     ["Hungarian party leader Janos Kadar"], ["Soviet leader Leonid Brezhnev"]),
    ("Note from Czechoslovak deputy foreign minister Vaclav David to the Soviet Embassy", "note",
     ["Czechoslovak deputy foreign minister Vaclav David"], ["Soviet Embassy"]),
    ("Letter from East German defense minister Heinz Hoffmann to Soviet marshal Andrei Grechko",
     "letter", ["East German defense minister Heinz Hoffmann"],
     ["Soviet marshal Andrei Grechko"]),
    ("Telegram from Romanian official Ion Gheorghe to the Ministry of Foreign Affairs",
     "telegram", ["Romanian official Ion Gheorghe"], ["Ministry of Foreign Affairs"]),
    ("Report from Central Committee secretaries Ponomarev and Rusakov on the situation in "
     "Poland", "report", ["Ponomarev", "Rusakov"], []),
    ("Cable from Vietnamese leaders Le Duan and Pham Van Dong to Mao Zedong", "cable",
     ["Le Duan", "Pham Van Dong"], ["Mao Zedong"]),
    ("Information from Politburo candidate member Boris Ponomarev about the talks in Hanoi",
     "information", ["Politburo candidate member Boris Ponomarev"], []),
])
def test_an_office_in_lower_case_runs_on_to_its_holders_name(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Transcript of Meeting between East German leader Erich Honecker and Cuban leader Fidel "
     "Castro, East Berlin (excerpts)", "transcript of meeting", ["East German leader Erich Honecker"],
     ["Cuban leader Fidel Castro"]),
    ("Transcript of Conversation between Yugoslav leader Josip Broz Tito and Indian prime "
     "minister Jawaharlal Nehru, New Delhi", "transcript of conversation",
     ["Yugoslav leader Josip Broz Tito"], ["Indian prime minister Jawaharlal Nehru"]),
    ("Memorandum of Conversation between Polish foreign minister Adam Rapacki and Chinese "
     "ambassador Wang Bingnan, Warsaw (excerpts)", "memorandum of conversation",
     ["Polish foreign minister Adam Rapacki"], ["Chinese ambassador Wang Bingnan"]),
])
def test_a_place_after_the_parties_is_no_part_of_the_last(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders", [
    # list 14
    ("Session of the CPSU CC Politburo, 29 October 1981 (excerpt)", "session",
     ["CPSU CC Politburo"]),
    ("Record from Protocol No. 147 of the Meeting of the Politburo of the CC CPSU, Supplying "
     "Arms to Angola", "record", ["Politburo of the CC CPSU"]),
    ("Stenographic record of a 4 November 1956 meeting of Party activists",
     "stenographic record", ["Party activists"]),
    # the same shapes in other wordings
    ("Session of the Presidium of the Council of Ministers, 3 March 1953", "session",
     ["Presidium of the Council of Ministers"]),
    ("Session of the Political Consultative Committee of the Warsaw Treaty, 4 February 1960",
     "session", ["Political Consultative Committee of the Warsaw Treaty"]),
    ("Minutes of a 12 May 1960 meeting of the Political Consultative Committee", "minutes",
     ["Political Consultative Committee"]),
    ("Record of a 5 May 1980 session of the Polish United Workers Party Politburo", "record",
     ["Polish United Workers Party Politburo"]),
    ("Stenographic record of a 2 July 1968 meeting of the Warsaw Pact leaders",
     "stenographic record", ["Warsaw Pact leaders"]),
    ("Minutes of the meeting of the Central Committee secretaries, 14 May 1968",
     "minutes of the meeting", ["Central Committee secretaries"]),
])
def test_a_body_is_the_sender_of_its_own_sitting(title, kind, senders):
    assert read(title) == (kind, senders, [])


def test_a_subject_after_a_participle_is_no_party():
    parts = parse_title("Record from Protocol No. 147 of the Meeting of the Politburo of the CC "
                        "CPSU, Supplying Arms to Angola")
    assert (parts.recipients, parts.subject) == ((), "Supplying Arms to Angola")


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Journal of Soviet Ambassador Puzanov, Memorandum of Conversation with N.M. Taraki and "
     "Delegation of the Soviet Academy of Sciences", "memorandum of conversation",
     ["Soviet Ambassador Puzanov", "Delegation of the Soviet Academy of Sciences"],
     ["N.M. Taraki"]),
    ("Diary of Hungarian Ambassador Jozsef Marjai, Record of Conversation with Kim Il Sung and "
     "the Hungarian Military Attache", "record of conversation",
     ["Hungarian Ambassador Jozsef Marjai", "Hungarian Military Attache"], ["Kim Il Sung"]),
    # a journal with no kind after its author stays a journal
    ("Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 29 April 1957", "journal",
     ["Soviet Ambassador to the DPRK A.M. Puzanov"], []),
])
def test_a_journals_entry_of_another_kind_is_that_kind(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind", [
    ("Special Dossier on the Polish Crisis of 1980", "special dossier"),
    ("Summary of Comments by N. S. Khrushchev concerning the Question of the Conclusion of a "
     "Peace Treaty with the German Democratic Republic", "summary of comments"),
    ("Summary of Remarks by Walter Ulbricht at the Meeting of the Warsaw Pact",
     "summary of remarks"),
    ("Session of the CPSU CC Politburo, 12 March 1981", "session"),
])
def test_kinds_of_this_period(title, kind):
    assert parse_title(title).document_type == kind


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Telegram from the Polish embassy in Beijing to the Polish foreign ministry", "telegram",
     ["Polish embassy in Beijing"], ["Polish foreign ministry"]),
    ("Letter from the East German embassy to the Chinese foreign ministry", "letter",
     ["East German embassy"], ["Chinese foreign ministry"]),
    ("Report from Soviet military advisers in Angola to the USSR Ministry of Defense", "report",
     ["Soviet military advisers"], ["USSR Ministry of Defense"]),
    ("Letter from Mao Zedong to the members of the CCP Politburo", "letter", ["Mao Zedong"],
     ["members of the CCP Politburo"]),
    ("Conversation between the Soviet ambassador and the Cuban leadership", "conversation",
     ["Soviet ambassador"], ["Cuban leadership"]),
])
def test_bodies_and_groups_in_sentence_case_are_parties(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders", [
    ("Plenum of the CC CPSU, 21 June 1957 (excerpts)", "plenum", ["CC CPSU"]),
    ("Excerpt from the Protocol of the CPSU CC Politburo Session", "protocol",
     ["CPSU CC Politburo"]),
])
def test_a_body_named_with_its_sitting_is_the_body(title, kind, senders):
    assert read(title) == (kind, senders, [])


def test_a_delegation_at_a_meeting_keeps_the_meeting():
    assert read("Telegram From the Delegation at the North Atlantic Council Meeting to the "
                 "Department of State") == (
        "telegram", ["Delegation at the North Atlantic Council Meeting"], ["Department of State"])


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Memorandum from the Czechoslovak minister of interior to the party presidium",
     "memorandum", ["Czechoslovak minister of interior"], ["party presidium"]),
    ("Letter from the minister of foreign affairs of Poland to the Soviet ambassador", "letter",
     ["minister of foreign affairs of Poland"], ["Soviet ambassador"]),
    ("Telegram from the Bulgarian ambassador in Moscow, Georgi Petkov, to the Bulgarian foreign "
     "minister", "telegram", ["Georgi Petkov"], ["Bulgarian foreign minister"]),
])
def test_offices_and_their_business_in_sentence_case(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Conversation of Mikhail Gorbachev and Erich Honecker", "conversation",
     ["Mikhail Gorbachev"], ["Erich Honecker"]),
    ("Record of the talks between the Soviet and Vietnamese party delegations, Moscow, 1966",
     "record of the talks", ["Soviet party delegation"], ["Vietnamese party delegation"]),
    # a body that met is one party, though its name has an "and"
    ("Minutes of the Meeting of the Hungarian Revolutionary Worker’s and Peasant’s Government "
     "(Council of Ministers)", "minutes of the meeting",
     ["Hungarian Revolutionary Worker’s and Peasant’s Government"], []),
])
def test_the_sides_of_a_talk(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


def test_a_body_named_in_its_meeting_is_its_sender():
    assert read("Notes from the Politburo meeting, 17 March 1979") == (
        "notes from the politburo meeting", ["Politburo"], [])


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Minutes of the Political Consultative Committee Meeting, Prague, 1956", "minutes",
     ["Political Consultative Committee"], []),
    ("Stenographic transcript of the meeting of the leaders of the Warsaw Pact countries in "
     "Dresden", "stenographic transcript of the meeting",
     ["leaders of the Warsaw Pact countries"], []),
    ("Report on the meeting of the Chinese and Soviet delegations in Moscow",
     "report on the meeting", ["Chinese delegation"], ["Soviet delegation"]),
    ("Summary of a meeting of East German and Soviet military officials", "summary of a meeting",
     ["East German military official"], ["Soviet military official"]),
    # a name and a group are no two of one kind
    ("Excerpt from a Conversation between Zhou Enlai and Albanian Party Leaders, 27 June 1966",
     "excerpt from a conversation", ["Zhou Enlai"], ["Albanian Party Leaders"]),
])
def test_meetings_of_bodies_and_of_two_sides_of_one_kind(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Letter from Todor Zhivkov, Bulgarian party leader, to Leonid Brezhnev", "letter",
     ["Todor Zhivkov"], ["Leonid Brezhnev"]),
    ("Record of a conversation with the head of the Romanian delegation, Emil Bodnaras",
     "record of a conversation", [], ["Emil Bodnaras"]),
    ("Memorandum from Soviet foreign minister Andrei Gromyko and defense minister Dmitri Ustinov "
     "to the CC CPSU", "memorandum",
     ["Soviet foreign minister Andrei Gromyko", "defense minister Dmitri Ustinov"], ["CC CPSU"]),
    ("Telegram from the GDR trade mission in Cairo to the GDR foreign ministry", "telegram",
     ["GDR trade mission in Cairo"], ["GDR foreign ministry"]),
    ("Note on a conversation between Hungarian and North Korean diplomats",
     "note", ["Hungarian diplomat"], ["North Korean diplomat"]),
    # a post's city after it is still no person
    ("Telegram from the Mexican Embassy, Guatemala City, to the Ministry of Foreign Affairs",
     "telegram", ["Mexican Embassy"], ["Ministry of Foreign Affairs"]),
])
def test_offices_in_apposition_and_in_pairs(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Accord between the Governments of Vietnam and Cambodia", "accord",
     ["Government of Vietnam"], ["Government of Cambodia"]),
    ("Meeting of the Foreign Ministers of Poland and Czechoslovakia", "meeting",
     ["Foreign Minister of Poland"], ["Foreign Minister of Czechoslovakia"]),
    ("Minutes of Conversation between the Delegations of the CPCz and CPSU, Cierna nad Tisou, "
     "29 July 1968", "minutes of conversation", ["Delegation of the CPCz"],
     ["Delegation of the CPSU"]),
    # parties named by what they are, not by their countries, are one group
    ("Stenographic record of the Meeting of Representatives of Communist and Workers Parties",
     "stenographic record of the meeting",
     ["Representatives of Communist and Workers Parties"], []),
])
def test_offices_and_bodies_of_two_countries_are_two_sides(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Ciphergram from the Soviet Embassy in Beijing to Moscow", "ciphergram",
     ["Soviet Embassy in Beijing"], ["Moscow"]),
    ("Cipher from Shtykov to Vyshinsky", "cipher", ["Shtykov"], ["Vyshinsky"]),
    ("Convention between the USSR and the GDR on Legal Aid", "convention", ["USSR"], ["GDR"]),
    ("Open Letter from the Central Committee of the CPSU to All Party Organizations",
     "open letter", ["Central Committee of the CPSU"], ["All Party Organizations"]),
    # what a chronicle or a synopsis is of is no author
    ("Chronicle of Events in Hungary, 23 October 1956", "chronicle", [], []),
    ("Synopsis of the Talks between Kosygin and Zhou Enlai", "synopsis of the talks",
     ["Kosygin"], ["Zhou Enlai"]),
])
def test_more_kinds_of_document(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Interview with Soviet dissident Andrei Sakharov", "interview", [],
     ["Soviet dissident Andrei Sakharov"]),
    ("Report by Chinese nuclear physicist Qian Sanqiang to Zhou Enlai", "report",
     ["Chinese nuclear physicist Qian Sanqiang"], ["Zhou Enlai"]),
    ("Letter from the Soviet people to President Kennedy", "letter", ["Soviet people"],
     ["President Kennedy"]),
    # no nationality before the lower-case words: they are the subject's
    ("Letter from Kim Il Sung requesting military aid", "letter", ["Kim Il Sung"], []),
])
def test_what_a_person_was_between_nationality_and_name(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Note on the Session of the Political Consultative Committee in Prague",
     "note on the session", ["Political Consultative Committee"], []),
    # a post abroad keeps its city
    ("Telegram from the Embassy in Prague to the Ministry", "telegram", ["Embassy in Prague"],
     ["Ministry"]),
])
def test_where_a_committee_sat_is_no_part_of_it(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
