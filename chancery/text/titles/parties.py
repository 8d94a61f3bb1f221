"""The parties a title names: "Cdes. Shtykov and Vasil'yev" -> two; "Filippov [Stalin]" keeps who
it was; a place, a post or an office beside a name is not the name ("Mao Zedong, Moscow";
"L.D. Wilgress, Canadian Embassy"; "the Deputy Chairman of ..., Prof. Pushkov").

The title grammar finds where each party's words are (party_extent.py); this module reads them.
"""

from __future__ import annotations

import re

from chancery.model import Party
from chancery.text.name_finder import TITLES, Word, classify
from chancery.text.titles.offices import (
    body_noun, nationality, office_modifier, office_word, place, surname,
)
from chancery.text.titles.vocabulary import EVENT_NOUN, KINDS

_HONORIFIC = re.compile(r"^(?:(?:the\s+|an?\s+|cdes?\.\s*|comrades?\s+|com\.\s*|tov\.\s*|prof\.\s*|"
                        r"dr\.\s*))+", re.I)
_IDENTIFIED = re.compile(r"^(?P<name>.*?)\s*[\[(](?P<who>[^\])]+)[\])]\s*$")
# Lower-case words that belong inside names and offices ("Minister of Foreign Affairs")
NAME_PARTICLES = {"of", "the", "and", "for", "de", "la", "du", "von", "van", "in", "al", "at"}
SURNAME_PARTICLES = {"de", "du", "la", "le", "von", "van", "der", "al", "bin", "da", "di"}
# "Delegation ..., Headed by Comrade Beqir Balluku": who led it is no part of its name
HEADED_BY = re.compile(r",?\s+(?:headed|haded|led)\s+by\s+[^,]*,?", re.I)
# Offices held by a person named beside them
_OFFICE = re.compile(r"\b(?:minister|ambassador|secretary|chairman|president|premier|counsel+or|"
                     r"consul|director|head|chief|attach[eé]|envoy|charg[eé]|leader)\b", re.I)
# Posts abroad, after which a capitalised name is their city ("Mexican Embassy, Havana")
_POST = re.compile(r"\b(?:embassy|legation|consulate|mission|delegation|representation)$", re.I)
# The units of a body, which after a comma name a part of it, not a person ("Ministry of Foreign
# Affairs, Second Division Liaison")
_UNIT = re.compile(r"\b(?:division|department|section|directorate|bureau|office|liaison|desk|"
                   r"branch|unit|sector|service|administration)\b", re.I)
# A person marked by a title of address, then the body he is of
_PERSON_OF = re.compile(r"^(?P<person>(?i:dr|mr|mrs|ms|prof)\.\s*[A-Z][\w.'’-]*"
                        r"(?:\s+[A-Z][\w.'’-]*){0,2})\s+of\s+(?:the\s+)?[A-Z]")
# Bodies, two of which may be joined by "and" ("the All-Russian Central Executive Committee and
# Soviet of the People's Commissars")
_BODY = re.compile(r"\b(?:committee|council|soviet|ministry|government|embassy|party|commission|"
                   r"presidium|politburo|department|bureau|agency|assembly|congress|parliament|"
                   r"legation|consulate|secretariat|directorate)\b", re.I)
# A plenum is a body's full sitting and is named as a body itself ("the CPSU CC Plenum"), so
# its sittings ("the CPSU CC Plenum Meetings") are the plenum's
_PLENUM = re.compile(r"\bplenum$", re.I)
# A body named by its head noun first ("Delegation of the Soviet Academy of Sciences")
_BODY_START = re.compile(rf"(?:the\s+)?(?:{_BODY.pattern}|delegation|mission|representation)\b",
                         re.I)
_PLACES = {"moscow", "beijing", "peking", "pyongyang", "seoul", "berlin", "warsaw", "budapest",
           "prague", "bucharest", "sofia", "tirana", "hanoi", "washington", "london", "paris",
           "bonn", "belgrade", "ulaanbaatar", "havana", "new york", "geneva", "tokyo"}
# An office in the plural before the names of its holders ("Politburo members A and B")
_HELD_BY_MANY = re.compile(r"^(?P<body>(?:[\w.-]+\s+)*?)(?P<office>[a-z]+)\s+"
                           r"(?P<names>[A-Z].*)$")
TITLE_WORDS = re.compile(r"^(?:prof\.|dr\.|cdes?\.|mr\.|mrs\.|(?:comrades?|general|marshal|"
                         r"ambassador|minister|president|premier|chairman|vice|deputy|first|"
                         r"secretary|sir)\b)", re.I)


def parties(text: str) -> tuple[Party, ...]:
    """"Cdes. Shtykov and Vasil'yev" -> two parties; "Filippov [Stalin]" keeps who it was."""
    text = HEADED_BY.sub(" ", text).strip(" ,")  # who led a delegation is no part of it
    # "[Politburo Members] Comrade A, Comrade B, and Comrade C": the editor's word for the
    # persons named after it, which is none of them
    text = re.sub(r"^\[[^\]]*\]\s+(?=\S)", "", text)
    text = re.sub(r"\s\[(and|&)\]\s", r" \1 ", text)  # "A [and] B": the editor's "and"
    if not text:
        return ()
    held = _HELD_BY_MANY.match(text)
    if held and office_word(held.group("office")) and held.group("office").endswith("s") and \
            all(name_like(name) for name in re.split(r",\s*(?:and\s+)?|\s+and\s+",
                                                     held.group("names"))):
        # "Politburo members Mikoyan and Suslov": the persons who hold the office, not it
        text = held.group("names")
    pieces = [text]
    # an editor's bracket after a name ("Chairman Mao [Zedong] and the Central Committee") is
    # who the name was and splits as the name does; one with "and" in it, or standing for a
    # name left out ("the Government of [Nation]"), keeps the words whole
    whole = not re.search(r"\[[^\]]*\band\b|\b(?:of|the|for)\s+\[", text)
    # "Delegates to the Talks between North and South Korea": the "and" of the talks' sides
    whole = whole and not re.search(r"\sbetween\s.*\sand\s", text)
    candidates = [piece.strip() for piece in re.split(r",\s*(?:and\s+)?|\s+and\s+", text)]
    if len(candidates) > 2 and re.search(r",\s*and\s", text) and whole and all(
            piece[:1].isupper() for piece in candidates):
        pieces = candidates  # "Representatives of the League, Journalists, and Archives"
    elif " and " in text and whole and len(candidates) == 2 and all(
            org_like(_HONORIFIC.sub("", piece)) and _BODY.search(piece) for piece in candidates) \
            and len(_HONORIFIC.sub("", candidates[0]).split()) > 1 and \
            _BODY.search(candidates[0].split()[-1]):
        # two bodies, each named whole; not "Party and Government Delegation", one body whose
        # head noun the two words share
        pieces = candidates
    elif " and " in text and whole and len(candidates) == 2 and \
            name_like(candidates[0]) and org_like(candidates[1]) and \
            _BODY_START.match(candidates[1]) and not _BODY.search(candidates[0]):
        pieces = candidates  # "N.M. Taraki and Delegation of the Soviet Academy of Sciences"
    elif " and " in text and whole and not _one_body(text):
        if len(candidates) > 1 and all(piece[:1].isupper() or _HONORIFIC.match(piece) or
                                       _office_then_name(piece) for piece in candidates) and \
                all(name_like(piece) or TITLE_WORDS.match(piece) or _HONORIFIC.match(piece) or
                    _office_then_name(piece) for piece in candidates):
            pieces = candidates
    return tuple(party for party in (_someone(_party(piece)) for piece in pieces if piece)
                 if party is not None and party.name.casefold() not in {"others", "other"})


# What a party's words can run on into: a kind after a comma ("Hungarian Embassy in Havana,
# Report on ..."), a possessed thing after a person's name ("John F. Kennedy's Inaugural")
_KIND_AFTER_COMMA = re.compile(rf",\s+(?:[A-Z][\w-]*\s+)?{KINDS}\b", re.I)
_POSSESSOR = re.compile(r"^(?P<who>(?:.*?\b)?(?P<last>[A-Z][\w-]+))['’]s\s+\S")
_KIND_WORD = re.compile(KINDS, re.I)
_ABSTRACT = re.compile(r"(?:[ts]ions?|ments|ities|ity|isms?)$")


def _someone(party: Party) -> Party | None:
    """The party as far as it names someone, or None when it names no one: a check on what
    the grammar's patterns found, whatever pattern found it. A name runs on into no kind
    after a comma and no thing its holder possesses ("Kennedy's Inaugural"; but "People's
    Republic", "Central Committee's Department" are names); one capitalised word alone is no
    party when it is a people's adjective ("Soviet Report") or a common noun of what a title
    is about ("Relations", "Visit", "Addition"; not "the Nation" a speech is addressed to),
    unless someone has it as a surname."""
    name = party.name
    possessor = _POSSESSOR.match(name)
    if possessor and classify(possessor.group("last")) is not Word.COMMON:
        name = possessor.group("who")
    cut = _KIND_AFTER_COMMA.search(name)
    if cut:
        name = name[:cut.start()]
    name = name.strip(" ,")
    words = name.split()
    definite = party.text.lstrip().lower().startswith("the ")
    if not words or len(words) == 1 and _no_one(words[0].strip("."), definite):
        return None
    return party if name == party.name else Party(text=party.text, name=name,
                                                  identified_as=party.identified_as)


def _no_one(word: str, definite: bool) -> bool:
    if not word[:1].isupper() or word.isupper() or surname(word):
        return False
    known = classify(word)
    if nationality(word):
        return known is not Word.UNKNOWN  # "Soviet", "Bulgarian"; not "Kishi"
    lowered = word.lower()
    if known is not Word.COMMON or lowered in TITLES or office_word(lowered) or \
            body_noun(lowered) or place(word):
        return False  # "Shah", "Politburo", "Presidium", "Kremlin" name someone
    # "the Nation", "the Station" are addressed; "Relations between ...", "Addition to ..."
    # head a title's subject
    return bool(_KIND_WORD.fullmatch(word) or EVENT_NOUN.match(word) or
                not definite and _ABSTRACT.search(lowered))


def _office_then_name(text: str) -> bool:
    """An office in lower case, then its holder's name ("defense minister Dmitri Ustinov")."""
    held = re.match(r"^(?:[\w.-]+\s+)*?(?P<office>[a-z]+)\s+(?P<name>[A-Z][^,]*)$", text)
    return bool(held) and office_word(held.group("office")) and name_like(held.group("name"))


def _one_body(text: str) -> bool:
    """"Minister of Culture and Propaganda Jeong Ryul": the "and" inside an office's name."""
    before = text.split(" and ", 1)[0]
    return " of " in before and " and " in text and not _HONORIFIC.match(
        text.split(" and ", 1)[1])


def _party(text: str) -> Party:
    # "Tsedenbal." but not "V.M." or "John A. Froebe Jr."
    text = re.sub(r"(?<![A-Z])(?<!\b[JS]r)\.$", "", text.strip())
    text = HEADED_BY.sub("", text)
    inner = re.search(r"\s*\(([^()]+)\)(?=,)", text)  # "Embassy in Washington (Drozniak), ..."
    if inner:
        text = text[:inner.start()] + text[inner.end():] + f" ({inner.group(1)})"
    identified = _IDENTIFIED.match(text)
    if identified and re.search(r"\b(?:of|the|for)$", identified.group("name")):
        # "the Government of [Nation]": the editor's word for a name left out, not who a named
        # party was
        identified = None
    name = identified.group("name") if identified else text
    who = identified.group("who").strip() if identified else ""
    name = _HONORIFIC.sub("", bare_name(name)).strip()
    # "the CPSU Politburo Session"; "the Central Committee Secretariat Meeting of the Polish
    # United Workers Party": the body is named before its sitting, the party it is of after it
    sat = re.match(r"^(?P<body>.+?)\s+(?:session|sitting|plenum|meeting)s?"
                   r"(?:\s+of\s+(?:the\s+)?[A-Z].*)?$", name, re.I)
    if sat and (_BODY.search(sat.group("body")) or _PLENUM.search(sat.group("body"))) and \
            not re.search(r"\s(?:at|to|in|for)\s", sat.group("body")):
        # "the CPSU CC Politburo Session": the body that sat; not "the Delegation at the North
        # Atlantic Council Meeting", whose meeting says where the delegation was
        name = sat.group("body")
    return Party(text=text, name=name, identified_as=who)


def bare_name(text: str) -> str:
    """The name without a place after it ("Mao Zedong, Moscow"), an apposition ("Heo Dam, the
    leader of ...") or the office before it ("the Deputy Chairman of ..., Prof. Pushkov")."""
    person_of = _PERSON_OF.match(text)
    if person_of:  # "Dr. Oncken of the Foreign Office": a person, and the office he is of
        return person_of.group("person")
    named = "," not in text and _name_before_office(text)
    if named:  # "Mir Bagirov CC Secretary of the Communist Party of Azerbaijan"
        return named
    pieces = [piece.strip() for piece in text.split(",")]
    while len(pieces) > 1 and (pieces[-1].casefold() in _PLACES or place(pieces[-1]) or
                               re.fullmatch(r"(?:1[89]|20)\d\d", pieces[-1]) or (
            _POST.search(pieces[-2]) and org_like(pieces[-1]) and len(pieces[-1].split()) <= 3
            and not (_OFFICE.search(pieces[-2]) and not _BODY.search(pieces[-1])))):
        # "Mexican Embassy, Guatemala City": the post's city (not "the Head of the Romanian
        # Delegation, Emil Bodnaras", the office's holder); a year
        pieces.pop()
    if len(pieces) > 1 and _POST.search(pieces[-1]) and name_like(pieces[0]):
        return pieces[0]  # "L.D. Wilgress, Canadian Embassy"
    if len(pieces) > 1 and re.match(r"(?:the|a|an)\s", pieces[1], re.I):
        return pieces[0]
    if len(pieces) == 3 and name_like(pieces[1]) and all(
            org_like(_HONORIFIC.sub("", piece)) and not name_like(piece)
            for piece in pieces[::2]):
        # two offices around a name ("the President of the Mexican Delegation, Ambassador A,
        # Undersecretary of Foreign Relations"); not "for Near Eastern, South Asian, and ..."
        return pieces[1]
    if len(pieces) > 1 and TITLE_WORDS.match(pieces[-1]) and name_like(pieces[-1]):
        return pieces[-1]
    if len(pieces) == 2 and bool(_OFFICE.search(pieces[0])) != bool(_OFFICE.search(pieces[1])):
        person = pieces[1] if _OFFICE.search(pieces[0]) else pieces[0]
        if name_like(person):  # "Maurice Couve de Murville, French Foreign Minister"
            return person
    if len(pieces) == 2 and _UNIT.search(pieces[1]) and org_like(pieces[0]) and \
            org_like(pieces[1]) and not TITLE_WORDS.match(pieces[1]):
        return text  # "Central Intelligence Agency, Directorate of Intelligence": one body
    if len(pieces) > 1 and name_like(pieces[0]) and not name_like(pieces[-1]):
        return pieces[0]  # "Kim Il Sung, General Secretary of the KWP CC"
    if len(pieces) > 1 and not name_like(pieces[0]) and name_like(pieces[-1]) and \
            len(pieces[-1].split()) <= 3 and not _UNIT.search(pieces[-1]):
        return pieces[-1]  # "the Head of the KGB Administration ..., Fesenko"
    return ", ".join(pieces)


_MARKERS = {"to", "from", "by", "for", "with", "on", "about", "at", "between", "during"}


def _name_before_office(text: str) -> str:
    """A person's name, then with no comma the office he held, capitalised ("Mir Bagirov CC
    Secretary of ...", "Kim Il Sung General Secretary of the KWP CC"): the name; "" when the
    words are of no such shape (an office before the name, "Soviet Defense Minister A", is
    kept whole, as the gold of every list has it)."""
    honorific = _HONORIFIC.match(text)
    if honorific:  # "Comrade Mir Bagirov CC Secretary ...": the comrade's name
        named = _name_before_office(text[honorific.end():])
        return named and honorific.group() + named
    words = text.split()
    for cut in range(2, min(len(words), 5)):
        name, rest = words[:cut], words[cut:]
        if not name_like(" ".join(name)) or TITLE_WORDS.match(name[0]) or any(
                office_modifier(word) or body_noun(word) or nationality(word) or place(word) or
                re.fullmatch(r"[A-Z]{2,}|\[.*", word) or word.casefold() in _MARKERS
                for word in name):
            continue
        at = 0
        while at < len(rest) - 1 and rest[at + 1] not in {"of", "to", "for", "in"} and (
                re.fullmatch(r"[A-Z]{2,5}", rest[at]) or office_modifier(rest[at])):
            at += 1  # "CC", "First", "Deputy Foreign": the office's body and modifiers
        if office_word(rest[at]) and (
                at + 1 == len(rest) or rest[at + 1] in {"of", "to", "for", "in"}):
            return " ".join(name)
    return ""


def org_like(text: str) -> bool:
    """Capitalised words and the particles of names ("Hungarian Embassy in the DPRK")."""
    words = text.split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        word[:1].isupper() or word in NAME_PARTICLES for word in words)


def name_like(text: str) -> bool:
    """Capitalised words and initials only, as a name is ("Prof. Pushkov", "N.V. Roshchin")."""
    words = text.split()
    return 0 < len(words) <= 5 and words[0][:1].isupper() and all(
        word[:1].isupper() or word[:1] == "[" or word in SURNAME_PARTICLES for word in words)
