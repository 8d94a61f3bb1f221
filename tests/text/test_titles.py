"""Document titles: type, senders, recipients, subject."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title, parties


def _read(title: str) -> tuple[str, list[str], list[str]]:
    """The type and the names of the senders and recipients read from a title."""
    parts = parse_title(title)
    return (parts.document_type, [p.name for p in parts.senders],
            [p.name for p in parts.recipients])


@pytest.mark.parametrize("title, kind, senders, recipients, subject", [
    ("Cable, Mao Zedong to Filippov [Stalin]", "cable", ["Mao Zedong"], ["Filippov"], ""),
    ("Cable, 8th Directorate of the USSR Armed Forces General Staff to Cdes. Shtykov and "
     "Vasil'yev", "cable", ["8th Directorate of the USSR Armed Forces General Staff"],
     ["Shtykov", "Vasil'yev"], ""),
    ("Cable from Ambassador Pauls to the Foreign Office, 'German-Chinese Relations'", "cable",
     ["Ambassador Pauls"], ["Foreign Office"], "German-Chinese Relations"),
    ("Cable from the CCP Central Committee, reply to Zhou Enlai’s cable of 3 June 1954",
     "cable", ["CCP Central Committee"], ["Zhou Enlai"],
     "reply to Zhou Enlai’s cable of 3 June 1954"),
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
    assert _read(title) == (kind, senders, recipients)
    assert parse_title(title).subject == subject


def test_identification_kept_with_the_name():
    (recipient,) = parse_title("Cable, Mao Zedong to Filippov [Stalin]").recipients
    assert (recipient.text, recipient.name, recipient.identified_as) == (
        "Filippov [Stalin]", "Filippov", "Stalin")


@pytest.mark.parametrize("title, kind, senders, recipients", [
    ("Ciphered Telegram No. 8600, Filippov [Stalin] to Mao Zedong", "ciphered telegram",
     ["Filippov"], ["Mao Zedong"]),
    ("Ciphered Telegram No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong",
     "ciphered telegram", ["Filippov"], ["Krasovsky", "Mao Zedong"]),
    ("Note Number 399 from Pierre Cerles to Michel Debré, 'China and Eastern Europe'", "note",
     ["Pierre Cerles"], ["Michel Debré"]),
    ("Notes of Conversation between Mao Zedong and Soviet Ambassador P.F. Yudin",
     "notes of conversation", ["Mao Zedong"], ["Soviet Ambassador P.F. Yudin"]),
    ("Abstract of Conversation between Zhou Enlai and Kim Il Sung", "abstract of conversation",
     ["Zhou Enlai"], ["Kim Il Sung"]),
    ("Announcement of the CCP Central Committee", "announcement", ["CCP Central Committee"],
     []),
    ("Diaries of Georgi Dimitrov", "diaries", ["Georgi Dimitrov"], []),
    ("Agreement between the USSR and Hungary on Cultural Cooperation for the Years 1978/1979",
     "agreement", ["USSR"], ["Hungary"]),
    ("Memo from I. Lavrov to V.G. Dekanozov", "memo", ["I. Lavrov"], ["V.G. Dekanozov"]),
    ("Conversation of Mao Zedong with Soviet Ambassador to China N.V. Roshchin on 1 January "
     "1950", "conversation", ["Mao Zedong"], ["Soviet Ambassador to China N.V. Roshchin"]),
    ("Cable from Soviet Ambassador to China N.V. Roshchin to Stalin", "cable",
     ["Soviet Ambassador to China N.V. Roshchin"], ["Stalin"]),
    ("Telegram, Mao Zedong, Moscow, to Liu Shaoqi", "telegram", ["Mao Zedong"],
     ["Liu Shaoqi"]),
    ("Journal of Soviet Ambassador in the DPRK A.M. Puzanov for 7 March 1960", "journal",
     ["Soviet Ambassador in the DPRK A.M. Puzanov"], []),
    ("From the Journal of N.G. Sudarikov, 'Record of a Conversation with Kim Il Sung, General "
     "Secretary of the KWP CC'", "record of a conversation", ["N.G. Sudarikov"],
     ["Kim Il Sung"]),
    ("Record of Conversation between N.G. Sudarikov and Heo Dam, the leader of the Ministry of "
     "Foreign Affairs of DPRK", "record of conversation", ["N.G. Sudarikov"], ["Heo Dam"]),
    ("Letter to the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov",
     "letter", [], ["Pushkov"]),
    ("TASS Digest Distributed to Cde. I.V. Stalin and Cde. C.M. Molotov, 'The Anti-Soviet "
     "Fabrications of a Mexican Newspaper; Etc.'", "digest", ["TASS"],
     ["I.V. Stalin", "C.M. Molotov"]),
    ("Report of the Hungarian Ministry of Foreign Affairs [F. Somogyi] for the Council of "
     "Ministers about the Meeting of the leaders of the Warsaw Pact on 4 December", "report",
     ["Hungarian Ministry of Foreign Affairs"], ["Council of Ministers"]),
    ("Telegram from Nikishov to Beria - Henry A. Wallace’s visit to the city of Magadan",
     "telegram", ["Nikishov"], ["Beria"]),
    ("Ciphered Telegram, Borisenko to Sokolovskii, Re: Meeting Between USSR and DPRK",
     "ciphered telegram", ["Borisenko"], ["Sokolovskii"]),
    ("CPSU Central Committee Decision", "decision", ["CPSU Central Committee"], []),
    ("Bombay consulate cable 705 to Department of State, 'India’s Nuclear Position'", "cable",
     ["Bombay consulate"], ["Department of State"]),
    ("Telegram from Pyongyang to Bucharest, SECRET, No. 059.057", "telegram", ["Pyongyang"],
     ["Bucharest"]),
    ("Telegram 066764 from the Romanian Embassy in Pyongyang to the Romanian Ministry of "
     "Foreign Affairs, Pol Pot’s Visit to the DPRK", "telegram",
     ["Romanian Embassy in Pyongyang"], ["Romanian Ministry of Foreign Affairs"]),
    ("Record of Chairman Liu Shaoqi’s Conversation with Korean Ambassador to China Han Ik-su",
     "record of conversation", ["Chairman Liu Shaoqi"],
     ["Korean Ambassador to China Han Ik-su"]),
    ("Record of Conversation with Deputy DPRK Minister of Culture and Propaganda Jeong Ryul",
     "record of conversation", [], ["Deputy DPRK Minister of Culture and Propaganda Jeong Ryul"]),
    ("Telegram, Reinert to Gen. Axen, Gen. Sieber, and Gen. Krolikowski", "telegram",
     ["Reinert"], ["Gen. Axen", "Gen. Sieber", "Gen. Krolikowski"]),
    ("From the Journal of Molotov: Secret Memorandum of Conversation between Molotov and PRC "
     "Ambassador Zhang Wentian", "memorandum of conversation", ["Molotov"],
     ["PRC Ambassador Zhang Wentian"]),
    ("Memorandum Regarding the Creation of the Interim National Government of Hungary",
     "memorandum", [], []),
    ("Memorandum for Mr. Horace Nickels, 'Support for Radio Broadcasting Program to Satellite "
     "Nations'", "memorandum", [], ["Mr. Horace Nickels"]),
    ("Address by Zhou Enlai at the Plenary Session of the Fourth Meeting of the State Council "
     "(Excerpt)", "address", ["Zhou Enlai"], []),
    ("CDS Report No. 62 from Choi Duk Shin to the President (Syngman Rhee)", "report",
     ["Choi Duk Shin"], ["President"]),
    ("Notes from a Conversation between the 1st Secretary of the PRL Embassy in the DPRK with "
     "Comrade Pelishenko, Counselor of the Embassy of the USSR", "notes from a conversation",
     ["1st Secretary of the PRL Embassy in the DPRK"], ["Pelishenko"]),
    ("Record of Second Conversation of Premier Zhou Enlai and Vice Premier Chen Yi with Foreign "
     "Minister Pak Seong-cheol", "record of second conversation",
     ["Premier Zhou Enlai", "Vice Premier Chen Yi"], ["Foreign Minister Pak Seong-cheol"]),
    ("Note On a Conversation with USSR Embassy Counselor Comrade Pimenov on 24 January 1975 in "
     "the Soviet Embassy", "note on a conversation", [],
     ["USSR Embassy Counselor Comrade Pimenov"]),
    ("Letters between Narasimhan and Ozbudun", "letters", ["Narasimhan"], ["Ozbudun"]),
    ("Telegram from the Romanian Embassy in Vienna to Deputy Minister Nicolae Ecobescu and Vice "
     "President of the State Committee for Nuclear Energy Ion Udrea", "telegram",
     ["Romanian Embassy in Vienna"], ["Deputy Minister Nicolae Ecobescu", "Vice President of "
                                      "the State Committee for Nuclear Energy Ion Udrea"]),
    ("Minutes of Conversation Taken on the Occasion of the Audience Granted by Comrade Nicolae "
     "Ceausescu", "minutes of conversation", [], []),
    ("Information Report Sent by István Garajszki to Deputy Foreign Minister Erdélyi, "
     "\"Hungarian-Korean Solidarity Meeting in Budapest and Salgótarján,” 14 November 1967.",
     "information report", ["István Garajszki"], ["Deputy Foreign Minister Erdélyi"]),
    ("Hungarian Embassy in the DPRK, Telegram, 10 July 1972. Subject: Vietnamese Reactions to "
     "the Joint Declaration of the Two Koreas", "telegram", ["Hungarian Embassy in the DPRK"],
     []),
    ("Memo Report from the Head of the KGB Administration under the Ukr. SSR Council of "
     "Ministers for Kiev Oblast, Fesenko, to Comrade Tsybulko V.M., First Secretary of the Kiev "
     "Oblast Committee of the CP of Ukraine", "memo report", ["Fesenko"], ["Tsybulko V.M."]),
    ("Minutes of the Meeting of the CPSU CC Plenum on the State of Soviet Foreign Policy",
     "minutes of the meeting", ["CPSU CC Plenum"], []),
    ("Telegram from Mexican Embassy, Guatemala City", "telegram", ["Mexican Embassy"], []),
    ("Letter No. 340 from L.D. Wilgress, Canadian Embassy, Moscow, to the Secretary of State for "
     "External Affairs, W.L. Mackenzie King", "letter", ["L.D. Wilgress"],
     ["W.L. Mackenzie King"]),
    ("Roger Robert du Gardier, French Ambassador in Havana, to Maurice Couve de Murville, "
     "French Foreign Minister, Telegram number 538-540", "telegram", ["Roger Robert du Gardier"],
     ["Maurice Couve de Murville"]),
    ("L. Beria to Cde. V.M. Molotov", "", ["L. Beria"], ["V.M. Molotov"]),
    ("Memorandum of Conversation, West German Foreign Minister Gerhard Schröder and Soviet "
     "Ambassador Andrei Smirnov, Bonn", "memorandum of conversation",
     ["West German Foreign Minister Gerhard Schröder"], ["Soviet Ambassador Andrei Smirnov"]),
    ("Record of Conversation with Prime Minister of the Mongolian People's Republic, Comrade "
     "Tsedenbal. (fragments)", "record of conversation", [], ["Tsedenbal"]),
    ("Confidential Memo from Cuban Mission to the United Nations Concerning Anastas Mikoyan’s "
     "Conversations with US President John F. Kennedy", "memo",
     ["Cuban Mission to the United Nations"], []),
    ("Record of I.V. Stalin’s Conversation with E. Hoxha About Certain Foreign and Domestic "
     "Problems of Albania", "record of conversation", ["I.V. Stalin"], ["E. Hoxha"]),
    ("Handwritten Notes from Khrushchev’s Talks with the Albanian Delegation",
     "handwritten notes", ["Khrushchev"], ["Albanian Delegation"]),
    ("Khrushchev’s Speech at the Lunch Organized in Honor of the Albanian Government and Party "
     "Delegation, Moscow", "speech", ["Khrushchev"], []),
    ("Memorandum of Conversation, Albanian Labor Party Delegation with Mao Zedong",
     "memorandum of conversation", ["Albanian Labor Party Delegation"], ["Mao Zedong"]),
    ("Memorandum of Conversation between comrade Enver Hoxha and a Delegation of Chinese Red "
     "Guards", "memorandum of conversation", ["Enver Hoxha"], ["Delegation of Chinese Red Guards"]),
    ("Conversation between the Party of Labor of Albania Delegation, Headed by Comrade Beqir "
     "Balluku, and Comrade Mao Zedong on 5 October 1968, at 19:00-20.30", "conversation",
     ["Party of Labor of Albania Delegation"], ["Mao Zedong"]),
    ("Conversation from [Mao Zedong's] Audience with the Albanian Prosecutor General and Others",
     "conversation", ["Mao Zedong"], ["Albanian Prosecutor General"]),
    ("Speech Given by Party First Secretary Le Duan to the 12th Plenum of the Party Central "
     "Committee", "speech", ["Party First Secretary Le Duan"],
     ["12th Plenum of the Party Central Committee"]),
    ("Report Presented to the 15 Plenum of the Communist Party of Vietnam Central Committee",
     "report", [], ["15 Plenum of the Communist Party of Vietnam Central Committee"]),
    ("Discussion between Zhou Enlai, Chen Yi and Xuan Thuy", "discussion",
     ["Zhou Enlai", "Chen Yi"], ["Xuan Thuy"]),
    ("Secret North Vietnam Politburo Cable No. 320", "cable", ["North Vietnam Politburo"], []),
])
def test_titles_in_every_phrasing(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


def test_a_place_after_a_name_is_not_part_of_it():
    (sender,) = parse_title("Telegram, Mao Zedong, Moscow, to Liu Shaoqi").senders
    assert (sender.text, sender.name) == ("Mao Zedong, Moscow", "Mao Zedong")


def test_a_person_in_brackets_after_a_post_is_who_it_was():
    (sender,) = parse_title("Telegram from Polish Embassy in Washington (Drozniak), "
                            "26 October 1962").senders
    assert (sender.name, sender.identified_as) == ("Polish Embassy in Washington", "Drozniak")


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # an office keeps its "to" only before a place: the Foreign Secretary is the recipient
    ("Statement made by the Chinese Ambassador to the Foreign Secretary, 16 May 1959",
     "statement", ["Chinese Ambassador"], ["Foreign Secretary"]),
    ("Record of a Conversation between B.N. Vereshchagin and DPRK Consul General to the USSR "
     "Kim Hyung-mo", "record of a conversation", ["B.N. Vereshchagin"],
     ["DPRK Consul General to the USSR Kim Hyung-mo"]),
    ("Memorandum of Conversation between Chinese Vice Foreign Minister Zhang Hanfu and Chargé "
     "d’Affaires Counselor from the Embassy of North Korea in China Jeong Pung-gye",
     "memorandum of conversation", ["Chinese Vice Foreign Minister Zhang Hanfu"],
     ["Chargé d’Affaires Counselor from the Embassy of North Korea in China Jeong Pung-gye"]),
    # what the title is about is no one: the questions are raised by A
    ("Several Questions Raised by Vice Premier Ri Ju-yeon to Deputy Minister Li Qiang prior to "
     "the Signing of the Protocol", "", ["Vice Premier Ri Ju-yeon"], ["Deputy Minister Li Qiang"]),
    ("Political Letter from Ambassador Max Troendle", "political letter",
     ["Ambassador Max Troendle"], []),
    ("Draft of Record of a Meeting between the Soviet and Chinese Delegations", "draft",
     ["Soviet Delegation"], ["Chinese Delegation"]),
    # an occasion's host and guest, both named, are the sides
    ("Notes Kept during the Verbal Report given to the First Secretary of the CC of the PLA, "
     "Comrade Enver Hoxha, on 19 September 1969, by Comrade Rita Marko", "notes",
     ["Rita Marko"], ["Enver Hoxha"]),
    ("Translation of Notes Kept by the Hungarian Foreign Minister Rergarding Conversations with "
     "Soviet Representatives", "notes", ["Hungarian Foreign Minister"], ["Soviet Representatives"]),
    ("Telegram from the Director of Department II to the Ambassador in Beijing regarding the "
     "Conversation with Chinese Diplomats in Moscow", "telegram", ["Director of Department II"],
     ["Ambassador in Beijing"]),
    ("Telegram from the Romanian Embassy in Pyongyang to Bucharest, SECRET, No. 059.101",
     "telegram", ["Romanian Embassy in Pyongyang"], ["Bucharest"]),
    ("Vice Premier Li Xiannian receives Vice Chairman of the Albanian Council of Ministers Abdyl "
     "Kelezi for a Discussion on Assistance Project", "", ["Vice Premier Li Xiannian"],
     ["Vice Chairman of the Albanian Council of Ministers Abdyl Kelezi"]),
])
def test_title_grammar_roles_and_offices(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


def test_subject_of_a_title_after_its_parties():
    parts = parse_title("Telegram from Nikishov to Beria - Henry A. Wallace’s visit to the city "
                        "of Magadan")
    assert parts.subject == "Henry A. Wallace’s visit to the city of Magadan"


@pytest.mark.parametrize("title", ["", "'", "Memo between", "Cable of report-like", "Letter to ,",
                                   "Cable from ,", "Telegram from A, Headed by", "[[x]", "Cable ‘"])
def test_a_title_of_no_known_shape_reads_without_error(title):
    parts = parse_title(title)
    assert all(party.name for party in parts.senders + parts.recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # an event the record tells of, whose sides follow
    ("Notes of V. Kolarov from a Meeting with Stalin", "notes", ["V. Kolarov"], ["Stalin"]),
    ("Notes of G. Dimitrov on a Phone Call from Stalin", "notes", ["G. Dimitrov"], ["Stalin"]),
    ("Minutes of Todor Zhivkov – Raul Castro Meeting in Sofia", "minutes", ["Todor Zhivkov"],
     ["Raul Castro"]),
    ("Memorandum of Discussions at a Dinner Hosted by Corneliu Manescu in Honor of Marshal I.I. "
     "Yakubovksy", "memorandum of discussions", ["Corneliu Manescu"], ["Marshal I.I. Yakubovksy"]),
    ("Transcript of the Discussions on the Occasion of the Reception by Comrade Nicolae "
     "Ceausescu of United States Ambassador in Bucharest, Richard H. Davis",
     "transcript of the discussions", ["Nicolae Ceausescu"], ["Richard H. Davis"]),
    ("Record of a Conversation [between] N. S. Khrushchev and F. Roberts, British Ambassador in "
     "the USSR concerning the Signing of a Peace Treaty", "record of a conversation",
     ["N. S. Khrushchev"], ["F. Roberts"]),
    ("Agreement on Cooperation between the Stasi and the KGB, 6 December 1973", "agreement",
     ["Stasi"], ["KGB"]),
    ("Memo of Meeting Between Bulgarian Deputy Foreign Minister, Maria Zaharieva, and North "
     "Korean Ambassador to Bulgaria, Ha Dong-yun", "memo of meeting", ["Maria Zaharieva"],
     ["Ha Dong-yun"]),
    # an adjective before a kind modifies it; a noun phrase with no type and no "to" names no one
    ("Working Record of a Conversation of Prime Minister Mazowiecki with Secretary of the Treasury "
     "of the United States N. Brady", "working record of a conversation",
     ["Prime Minister Mazowiecki"], ["Secretary of the Treasury of the United States N. Brady"]),
    ("Policy Considerations for Radio Free Europe Broadcasts", "", [], []),
    ("Relations between the People's Republic of Bulgaria and the Republic of Zimbabwe", "", [],
     []),
    ("Bulgarian Legation, Washington (Shterev), Cable to Foreign Ministry", "cable",
     ["Bulgarian Legation"], ["Foreign Ministry"]),
])
def test_title_grammar_events_and_modifiers(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # the vocabulary of heads: plurals, compound kinds, a record "for the Record", an interview
    ("Politburo Decisions of 13 September 1935 Concerning Xinjiang", "decisions", ["Politburo"],
     []),
    ("Work Report of the Tea Specialist Group Aiding Guinea", "work report",
     ["Tea Specialist Group Aiding Guinea"], []),
    ("Mikihail Zimyanin's Background Report for Khrushchev on China (Excerpt)",
     "background report", ["Mikihail Zimyanin"], ["Khrushchev"]),
    ("Conversation records between Chairman Mao Zedong and the Soviet Communist Party "
     "Delegation, 18 September 1956", "conversation records", ["Chairman Mao Zedong"],
     ["Soviet Communist Party Delegation"]),
    ("Memorandum for the Record from Helmut Sonnenfeldt, 'Meeting Between French Minister of "
     "Defense Michel Debré and Dr. Kissinger, July 7, 1972'", "memorandum for the record",
     ["Helmut Sonnenfeldt"], []),
    ("Notes of an Interview with Zhou Enlai", "notes of an interview", [], ["Zhou Enlai"]),
    ("Gazette of the State Council of the People's Republic of China, 1956, No. 02 (Overall "
     "Issue No. 28)", "gazette", ["State Council of the People's Republic of China"], []),
    # how far the copy got is no part of its kind and names no author
    ("First Assessment of the Military Content of the 24th International Wehrkunde Conference "
     "from 31 January to 1 February 1987 in Munich", "assessment", [], []),
    # a part of a document, or an addition to it, is read as the document
    ("Excerpts from Recollections by the Former Soviet Ambassador in North Korea Aleksandr Kapto",
     "recollections", ["Former Soviet Ambassador in North Korea Aleksandr Kapto"], []),
    ("Addition to Memorandum of Conversation between Czechoslovak Parliamentary Delegation and "
     "Mao Zedong, 29 September 1957", "memorandum of conversation",
     ["Czechoslovak Parliamentary Delegation"], ["Mao Zedong"]),
    # the writer's own conversation ("his"), its other side in sentence case ("Soviet leader")
    ("Excerpts from Tsedenbal's diary on his conversation with Soviet leader Anastas Mikoyan on "
     "Soviet Economic Cooperation and Aid to the People's Republic of Mongolia (Fragments)",
     "diary", ["Tsedenbal"], ["Soviet leader Anastas Mikoyan"]),
    # a record naming no one gives the sides of the meeting it is about
    ("Note regarding the Meeting between Ilie Verdeț and Ji Denggui", "note", ["Ilie Verdeț"],
     ["Ji Denggui"]),
    ("Memorandum of Conversation: President Bush's Meeting with Chairman Deng Xiaoping of the "
     "People's Republic of China, February 26, 1989, 11:00 a.m. - 12:00 noon",
     "memorandum of conversation", ["President Bush"],
     ["Chairman Deng Xiaoping of the People's Republic of China"]),
    # ... but not when it names its author: the meeting is then its subject
    ("Cable of V.V. Kuznetsov on 1 November 1962 conversation between CPSU CC Politburo Member "
     "A.I. Mikoyan and acting UN Secretary General U Thant", "cable", ["V.V. Kuznetsov"], []),
    # a delegation sent from its country keeps "from" in its name
    ("Notes of the Conversation between Comrade I.V. Stalin and a Governmental Delegation from "
     "the Democratic People's Republic of Korea headed by Kim Il Sung",
     "notes of the conversation", ["I.V. Stalin"],
     ["Governmental Delegation from the Democratic People's Republic of Korea"]),
])
def test_title_grammar_heads_and_sides_in_subjects(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # a participle after a comma starts a phrase, not a party
    ("Conversations between Romanian Leader Gheorghe Gheorghiu-Dej and Chinese Ambassador Liu "
     "Fang, Referring to Bilateral Relations and the Soviet-Chinese Ideological Conflict Snagov, "
     "5 June 1964 (excerpts)", "conversations", ["Romanian Leader Gheorghe Gheorghiu-Dej"],
     ["Chinese Ambassador Liu Fang"]),
    # talks around which a record was made give their other side
    ("Notes by Anastas Mikoyan ahead of Meetings with Mao Zedong", "notes", ["Anastas Mikoyan"],
     ["Mao Zedong"]),
    ("List of Questions from Ambassador Alan G. Kirk During a Conversation with Gromyko", "list",
     ["Ambassador Alan G. Kirk"], ["Gromyko"]),
    ("Cable, Summary of Averell Harriman Meeting with Stalin and T. V. Soong", "cable",
     ["Averell Harriman"], ["Stalin", "T. V. Soong"]),
    # a body "for the" name; an infinitive and its object name no one
    ("Ciphered Telegram from Ambassador to Cuba Alekseev to the Central Committee for the "
     "Communist Party of the Soviet Union", "ciphered telegram", ["Ambassador to Cuba Alekseev"],
     ["Central Committee for the Communist Party of the Soviet Union"]),
    ("CPSU Politburo Decision to Adopt the Attached Draft Response", "decision",
     ["CPSU Politburo"], []),
    # what a document carries is no party of it; two kinds joined share the parties
    ("Cipher Message No. 145101 from Meretskov and Grushevoy with a Letter to Stalin from "
     "Residents of Dalian", "cipher message", ["Meretskov", "Grushevoy"], []),
    ("Mongolian Politburo Resolution and Letter to the Soviet leadership requesting Soviet troops "
     "be stationed on Mongolian soil to defend against possible attack.", "resolution",
     ["Mongolian Politburo"], ["Soviet leadership"]),
    # a head governed by a noun before it ("The Question of a Conference") is no head
    ("The Question of a Conference of the Five Great Powers with the Participation of the PRC",
     "", [], []),
    ("Translation of Notes Kept by the Hungarian Foreign Minister Rergarding Conversations with "
     "Soviet Representatives", "notes", ["Hungarian Foreign Minister"], ["Soviet Representatives"]),
    # dates with ordinals or a comma before the year; "at" a date is when, not a post's place
    ("The Record of Conversation between Foreign Minister of Mongolian People's Republic and "
     "President Kim Il Sung of North Korea at 21 Dec., 1974", "record of conversation",
     ["Foreign Minister of Mongolian People's Republic"], ["President Kim Il Sung of North Korea"]),
    ("Report from the Romanian Embassy in Pyongyang to the Ministry of Foreign Affairs, Second "
     "Division Liaison, August 28th 1954, 533/5", "report", ["Romanian Embassy in Pyongyang"],
     ["Ministry of Foreign Affairs, Second Division Liaison"]),
    # two bodies joined by "and" are two; a shared head noun makes one
    ("Resolution of the All-Russian Central Executive Committee and Soviet of the People’s "
     "Commissars of the RSFSR, 'About the Practical Conduct of Nationalities Policy in the Far "
     "East Region in Regard to Chinese and Koreans'", "resolution",
     ["All-Russian Central Executive Committee",
      "Soviet of the People’s Commissars of the RSFSR"], []),
    # a purpose after "for", its noun after adjectives, names no one
    ("Preliminary Plan for Operational Invigilation against Rada Polonii Amerykańskiej", "plan",
     [], []),
    # a person marked by a title of address "of" a body is the person
    ("Conference with Dr. Oncken of the Foreign Office in Bonn on November 28, 1957", "conference",
     [], ["Oncken"]),
])
def test_title_grammar_phrases_that_end_a_party(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


def test_two_bodies_joined_by_and_but_one_with_a_shared_head():
    assert [p.name for p in parties("Party and Government Delegation of the GDR")] == [
        "Party and Government Delegation of the GDR"]


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # (from list 12, after its one held-out reading)
    # where a person was is no part of him, and the roles go on after it
    ("Telegram from A.I. Mikoyan in New York to CC CPSU (1)", "telegram", ["A.I. Mikoyan"],
     ["CC CPSU"]),
    # a witness is no side
    ("Report of the Conversation by Carlos Rafael Rodrigeuez with Nikita Jruschov, with the "
     "Presence of Anastas Mikoyan on 11 December 1962", "report of the conversation",
     ["Carlos Rafael Rodrigeuez"], ["Nikita Jruschov"]),
    # letters that pass between two name both before the kind
    ("Bhabha and Jawaharlal Nehru Correspondence on Indian Nuclear History", "correspondence",
     ["Bhabha"], ["Jawaharlal Nehru"]),
    # an event's sides inside the subject of a record that names no one
    ("Information about the Results of the Negotiations by the Soviet Leaders with President "
     "Nasser", "information", ["Soviet Leaders"], ["President Nasser"]),
    # a body, and its unit after a comma, before a quoted title with no kind: the author
    ("Central Intelligence Agency, Directorate of Intelligence, 'India’s Nuclear Procurement "
     "Strategy: Implications for the United States'", "",
     ["Central Intelligence Agency, Directorate of Intelligence"], []),
    ("Rajya Sabha Q&A on the Disarmament of Conventional or Atomic Weapons", "q&a",
     ["Rajya Sabha"], []),
    # a talk named with "the" after "on" is what the note is about, not part of its kind (as
    # "Report on a Meeting" keeps "a meeting"); its other side follows
    ("Note on the Final Talk with the CP Cuba Delegation on 21 November 1968", "note", [],
     ["CP Cuba Delegation"]),
])
def test_title_grammar_places_witnesses_and_exchanges(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # (build lists 1-12, third round)
    # "on the" + a meeting: the subject; "on a" + a meeting: part of the kind
    ("Report on a Meeting between Enver Hoxha and Li Byeongchan", "report on a meeting",
     ["Enver Hoxha"], ["Li Byeongchan"]),
    # a participle of the document's own sending ends a subject with no comma before it, and an
    # apposition with an article ("A, the Albanian ambassador in Belgrade,") lets the roles go on
    ("Report on the 1st conference of the non-aligned countries of September 1st, 1961 sent by "
     "Tahmaz Beqari, the Albanian ambassador in Belgrade, to the Ministry of Foreign Affairs of "
     "Albania", "report", ["Tahmaz Beqari"], ["Ministry of Foreign Affairs of Albania"]),
    # a name in quotes after the thing it names is part of the office in apposition
    ("Summary of a Conversation between Cde. A. M. Rumyantsev, Editor-in-Chief of the journal "
     "'Problemy Mira i Sotsializma', and Cde. Blas Roca, Member of the Secretariat of the "
     "National Leadership of the United Revolutionary Organizations",
     "summary of a conversation", ["A. M. Rumyantsev"], ["Blas Roca"]),
    # a journey named without an article is what a report is of; its place is no recipient,
    # and who made it follows with "by"
    ("Report of Visit to Mozambique by a Cuban Delegation, 'Informe de la visita a la "
     "Republica Popular de Mozambique ....,' 10 September - 2 October 1982", "report",
     ["Cuban Delegation"], []),
    # the possessive before what a note is for marks its addressee, not part of a name
    ("Note for Comrade Veljko Micunovic’s Personal Use", "note", [], ["Veljko Micunovic"]),
])
def test_title_grammar_subjects_that_end_and_appositions(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # kinds the FRUS editors head documents with (real heads from build volumes: 1955-57v02,
    # v25, 1964-68v11, v20, 1917-72PubDip, 1958-60v13, 1969-76v01)
    ("Despatch From the Ambassador in the Republic of China (Rankin) to the Department of State",
     "despatch", ["Ambassador in the Republic of China"], ["Department of State"]),
    ("Aide-Mémoire From the Austrian Embassy to the Department of State", "aide-mémoire",
     ["Austrian Embassy"], ["Department of State"]),
    ("Diary Entry by the President’s Press Secretary (Hagerty)", "diary entry",
     ["President’s Press Secretary"], []),
    ("Oral Message From President Johnson to Chairman Khrushchev", "oral message",
     ["President Johnson"], ["Chairman Khrushchev"]),
    ("Action Memorandum From the President's Special Assistant (Rostow) to President Johnson",
     "action memorandum", ["President's Special Assistant"], ["President Johnson"]),
    ("Circular Airgram From the Department of State to the Embassy in Turkey",
     "circular airgram", ["Department of State"], ["Embassy in Turkey"]),
    ("Special Message From President Nixon to the Congress", "special message",
     ["President Nixon"], ["Congress"]),
    # a body named for its business keeps its "on"
    ("Cablegram From the Committee on Public Information Commissioner in St. Petersburg "
     "(Sisson) to the Chairman of the Committee on Public Information (Creel)", "cablegram",
     ["Committee on Public Information Commissioner in St. Petersburg"],
     ["Chairman of the Committee on Public Information"]),
])
def test_title_grammar_kinds_archives_head_documents_with(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # a participle of making, then "in" a body: the body wrote it (FRUS heads, build volumes)
    ("Paper Prepared in the Policy Planning Council", "paper", ["Policy Planning Council"], []),
    ("Briefing Paper Prepared in the White House", "briefing paper", ["White House"], []),
    # ... and a person's title after the body's "for" names whom it was for
    ("Situation Report Prepared in the Department of State for President Johnson",
     "situation report", ["Department of State"], ["President Johnson"]),
    # "for" inside an office's name still holds
    ("Letter No. 340 from L.D. Wilgress, Canadian Embassy, Moscow, to the Secretary of State "
     "for External Affairs, W.L. Mackenzie King", "letter", ["L.D. Wilgress"],
     ["W.L. Mackenzie King"]),
    # prepared during a meeting is an occasion, not a writer
    ("Notes Kept during the Verbal Report given to the First Secretary of the CC of the PLA, "
     "Comrade Enver Hoxha, on 19 September 1969, by Comrade Rita Marko", "notes", ["Rita Marko"],
     ["Enver Hoxha"]),
])
def test_title_grammar_a_paper_made_in_a_body(title, kind, senders, recipients):
    assert _read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, senders, recipients", [
    # offices keep their "for ... Affairs" and, when a later "to" names the recipient, their
    # own "to" (FRUS heads of build volumes, where the editors tag sender and recipient)
    ("Memorandum From the President's Special Assistant for National Security Affairs (Bundy) "
     "to President Johnson", ["President's Special Assistant for National Security Affairs"],
     ["President Johnson"]),
    ("Memorandum From the Assistant Secretary of Defense for International Security Affairs "
     "(Warnke) to Secretary of Defense Clifford",
     ["Assistant Secretary of Defense for International Security Affairs"],
     ["Secretary of Defense Clifford"]),
    ("Memorandum by Mr. Edmund A. Gullion, Special Assistant to the Under Secretary of State "
     "(Lovett), to the Secretary of State", ["Mr. Edmund A. Gullion"], ["Secretary of State"]),
])
def test_title_grammar_offices_keep_their_prepositions(title, senders, recipients):
    _, read_senders, read_recipients = _read(title)
    assert (read_senders, read_recipients) == (senders, recipients)


@pytest.mark.parametrize("title, senders, recipients", [
    # the "and" of an office's business is not the one before the recipient (FRUS 1955-57v13)
    ("Memorandum From the Assistant Secretary of State for Near Eastern, South Asian, and "
     "African Affairs (Rountree) to the Acting Secretary of State",
     ["Assistant Secretary of State for Near Eastern, South Asian, and African Affairs"],
     ["Acting Secretary of State"]),
    # an assistant "in" a bureau is posted there (FRUS 1961-63v04)
    ("Memorandum From the Special Assistant in the Bureau of Far Eastern Affairs (Neubert) to "
     "the Assistant Secretary of State for Far Eastern Affairs (Hilsman)",
     ["Special Assistant in the Bureau of Far Eastern Affairs"],
     ["Assistant Secretary of State for Far Eastern Affairs"]),
    # a chargé "to" a country is an office (FRUS 1964-68v30)
    ("Letter From the Charge to the Republic of China (Clough) to the Assistant Secretary of "
     "State for Far Eastern Affairs (Bundy)", ["Charge to the Republic of China"],
     ["Assistant Secretary of State for Far Eastern Affairs"]),
])
def test_title_grammar_offices_business_and_posts(title, senders, recipients):
    _, read_senders, read_recipients = _read(title)
    assert (read_senders, read_recipients) == (senders, recipients)


def test_the_and_of_an_offices_business_is_not_the_one_between_two_sides():
    # FRUS 1955-57v13; the place of the meeting after the second side is still read with it
    parts = parse_title("Memorandum of a Conversation Between the Assistant Secretary of State "
                        "for Near Eastern, South Asian, and African Affairs (Allen) and the "
                        "Jordanian Ambassador (Rifa’i), Department of State, Washington, "
                        "January 28, 1956")
    assert [party.name for party in parts.senders] == [
        "Assistant Secretary of State for Near Eastern, South Asian, and African Affairs"]
    assert [party.name for party in parts.recipients][0].startswith("Jordanian Ambassador")


@pytest.mark.parametrize("title, kind, senders, recipients, subject", [
    # a title quoted whole is read inside its quotes; the editor's "[Nation]" after "of" stands
    # for a name left out, not for who a named party was (list 13)
    ("'Agreement Between the Government of [Nation] and the International Atomic Energy Agency "
     "about the Application of Safeguards in Accordance with the NPT'", "agreement",
     ["Government of [Nation]"], ["International Atomic Energy Agency"],
     "the Application of Safeguards in Accordance with the NPT"),
    # "A to B, 'Subject'": the quote is the subject, its last word ("Treaty") no kind of the
    # document (list 13)
    ("Maurice Couve de Murville to Prime Minister Michel Debré, 'Revision of the EURATOM "
     "Treaty,'", "", ["Maurice Couve de Murville"], ["Prime Minister Michel Debré"],
     "Revision of the EURATOM Treaty"),
    # a quoted subject, then who made the document (list 13)
    ("Draft Memorandum, 'A Comprehensive Solution for Restoring Peace in Indochina,' Prepared "
     "by the Vietnam Group of the Chinese Delegation Attending the Geneva Conference",
     "draft memorandum", ["Vietnam Group of the Chinese Delegation Attending the Geneva "
                          "Conference"], [],
     "A Comprehensive Solution for Restoring Peace in Indochina"),
])
def test_title_grammar_quotes_around_a_title_or_its_subject(title, kind, senders, recipients,
                                                            subject):
    assert _read(title) == (kind, senders, recipients)
    assert parse_title(title).subject == subject


def test_an_editors_bracket_before_a_list_of_recipients_is_none_of_them():
    # list 13: the bracket says who the four were; the trailing "[Excerpts]" is the editor's
    # note of what is given, as "(Excerpts)" is
    parts = parse_title("Letter from East German Foreign Minister Otto Winzer to [Politburo "
                        "Members] Comrade Walter Ulbricht, Comrade Willi Stoph, Comrade Erich "
                        "Honecker, and Comrade Hermann Axen[Excerpts]")
    assert [party.name for party in parts.recipients] == [
        "Walter Ulbricht", "Willi Stoph", "Erich Honecker", "Hermann Axen"]
    assert parts.recipients[-1].identified_as == ""


def test_a_name_between_two_offices_is_the_party():
    # list 13: "the President of the Delegation, Ambassador A, Undersecretary of ..."
    parts = parse_title("Speech by the President of the Mexican Delegation, Ambassador Lic. "
                        "Alfonso García Robles, Undersecretary of Foreign Relations, in the "
                        "General Debate of the First Committee on the Theme 'The "
                        "Non-proliferation of Nuclear Weapons'")
    assert [party.name for party in parts.senders] == ["Ambassador Lic. Alfonso García Robles"]
    assert parts.recipients == ()


def test_a_colon_ends_a_party_and_its_numbered_label_opens_the_subject():
    # list 13: the estimate's number and title after the holders it went to
    parts = parse_title("Memorandum to Holders of Special National Intelligence Estimate, SNIE "
                        "4-1-74: Prospects for Further Proliferation of Nuclear Weapons")
    assert [party.name for party in parts.recipients] == [
        "Holders of Special National Intelligence Estimate"]
    assert parts.subject == "SNIE 4-1-74: Prospects for Further Proliferation of Nuclear Weapons"


def test_between_two_and_a_comma_before_the_second_side():
    # list 13: "between A and B, and C": the comma closes the first side
    kind, senders, recipients = _read(
        "Transcript of the Official Conversations Between Romanian President of the Council of "
        "State Chivu Stoica and Prime Minister Ion Gheorghe Maurer, and Shah Mohammad Reza "
        "Pahlavi")
    assert senders == ["Romanian President of the Council of State Chivu Stoica",
                       "Prime Minister Ion Gheorghe Maurer"]
    assert recipients == ["Shah Mohammad Reza Pahlavi"]


def test_a_visits_talk_in_brackets_names_the_visitor_and_the_host():
    # list 13; a visit with no talk named ("Secretary Haig’s Visit to Mexico", list 12) has no
    # sides, and the place visited is no recipient
    assert _read("Summary of Prime Minister Nakasone’s Visit to China (Part 3) (Discussion with "
                 "Chairman Deng Xiaoping)") == (
        "summary", ["Prime Minister Nakasone"], ["Chairman Deng Xiaoping"])
    assert _read("Telegram No.: MEX/104/1/81, Secretary Haig’s Visit to Mexico (November 23-24)"
                 ) == ("telegram", [], [])


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # talks in the plural after "on" are what the memo is about, whose sides it still gives
    # (list 13); one talk after "on" is the record's kind, as lists 1 and 5 have it
    ("Memo on discussions by the Chairman of the SPD, Brandt, with the French President, "
     "Mitterrand, on 25 September 1981", "memo", ["Brandt"], ["Mitterrand"]),
    ("Report on a Meeting between Enver Hoxha and Li Byeongchan", "report on a meeting",
     ["Enver Hoxha"], ["Li Byeongchan"]),
])
def test_title_grammar_talks_in_the_plural_after_on_are_the_subject(title, kind, senders,
                                                                    recipients):
    assert _read(title) == (kind, senders, recipients)
