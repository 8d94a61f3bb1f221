"""What the period's parties are, for the title grammar: the offices persons held and the
words before them, the nationalities they served, the places a title may name after them, and
the groups that sit as one.

Read from the authority the package ships (``chancery/data/authority.jsonl.gz``), not typed
per title: an office is a noun that heads the first clause of persons' role descriptions
("Soviet Deputy Foreign Minister" -> "minister"; "head of the Phnom Penh police" -> "head";
"staff member, U.S. Delegation" -> "member") at least a third as often as it heads a later
clause, where the body served is named ("..., Department of State"), and is no body's noun;
the words before an office there modify it ("prime", "deputy", "foreign"); a nationality is
an adjective whose stem begins a country the authority lists ("Hungarian" ~ "Hungary",
"Polish" ~ "Poland"); a place is any of the authority's English
place names, perhaps with its side ("East Berlin").
Titles in sentence case print offices in lower case ("East German official Paul Markovski",
"Indian prime minister A", "Politburo members Mikoyan and Suslov"); these words let a party run
on through them to the name. Nothing here reads a title; party_extent.py, parties.py and
grammar.py ask it. A rebuilt authority may change what titles read: raise the Wilson reader's
VERSION (chancery/formats/wilson_markdown.py) with it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from functools import lru_cache
from importlib import resources

from chancery.text.titles.vocabulary import BODY_AUTHOR, MONTHS, PERSON_TITLE, WRITING_BODY

__all__ = ["body_noun", "business", "nationalities", "nationality", "office_modifier", "office_word",
           "place"]

# The nouns of bodies, which head descriptions' later clauses and are no office
_BODY = re.compile(rf"(?:{BODY_AUTHOR.pattern}|{WRITING_BODY.pattern}|\w+(?:ment|ion))", re.I)
# The head noun of a description's clause: the last word before its first preposition or comma
_HEAD = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+)*?)([A-Za-z][a-z-]+)\s*(?=\b(?:of|to|in|at|for|"
                   r"from|until|after|since|on|with|under|and)\b|[,;(]|$)")
# Clauses that restart a description with another office ("...; thereafter Ambassador to ...")
_RESTART = re.compile(r"\s*(?:thereafter|then|later|also|formerly)\b")
# Heads of descriptions that are no office: an editor's note, a count, a pointer
_NOT_OFFICES = {"pseudonym", "one", "thereafter", "center", "reports", "brother", "wife", "son",
                "daughter", "father", "mother"}
# The endings of adjectives of nationality ("Hungarian", "Cuban", "Chinese", "Polish", "Iraqi",
# "French", "Soviet")
_ENDINGS = ("ian", "an", "ese", "ish", "i", "ch", "et")
# People that sit or meet as one ("a meeting of Party activists"): groups the authority's
# descriptions seldom name
_GROUPS = {"activists", "cadres", "workers", "veterans", "students", "intellectuals", "writers",
           "deputies", "delegates", "leadership", "delegation", "side", "command", "staff",
           # the members of an alliance ("the leaders of the Warsaw Pact countries")
           "countries", "states", "parties", "allies", "diplomats",
           # a nation as one ("a letter from the Soviet people")
           "people", "peoples", "youth", "public"}
# The bodies the grammar knows by name, in lower case in a sentence-case title ("the Polish
# foreign ministry", "the Soviet embassy")
_BODY_NOUN = re.compile(rf"(?:{BODY_AUTHOR.pattern}|{WRITING_BODY.pattern}|government|"
                        rf"politburo|presidium|secretariat|leadership)", re.I)


# The lists below, derived from the shipped authority by scripts/build_authority.py and saved
# beside it with the authority's hash: a worker process reads them in milliseconds where
# deriving them (the authority's 3,900 entries read, then their descriptions) took 0.13 s
TITLE_WORDS = "title_words.json"
_SHIPPED = "authority.jsonl.gz"


def _read_authority(data: bytes) -> tuple[dict, ...]:
    return tuple(json.loads(line) for line in gzip.decompress(data).decode("utf-8").splitlines()
                 if line.strip())


def word_lists(authority: bytes) -> dict:
    """What the grammar knows of an authority (its .jsonl.gz bytes): offices, the words before
    them, offices' businesses and place names, with the authority's hash, as TITLE_WORDS holds
    them (scripts/build_authority.py writes and checks it)."""
    entities = _read_authority(authority)
    descriptions = [entity.get("description") or "" for entity in entities
                    if entity.get("kind") == "person"]
    offices = _derive_offices(entities, descriptions)
    places = _derive_places(entities)
    return {"authority_sha256": hashlib.sha256(authority).hexdigest(),
            "offices": sorted(offices),
            "modifiers": sorted(_derive_modifiers(descriptions, offices)),
            "business": sorted(_derive_business(descriptions, places)),
            "places": sorted(places),
            "surnames": sorted(_derive_surnames(entities))}


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The saved lists if they are of the shipped authority, else derived here from it."""
    shipped = resources.files("chancery.data")
    authority = shipped.joinpath(_SHIPPED).read_bytes()
    try:
        saved = json.loads(shipped.joinpath(TITLE_WORDS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    if saved.get("authority_sha256") != hashlib.sha256(authority).hexdigest():
        saved = word_lists(authority)
    if "surnames" not in saved:  # saved by a build before surnames were
        saved = word_lists(authority)
    return {name: frozenset(saved[name]) for name in ("offices", "modifiers", "business",
                                                       "places", "surnames")}


def _derive_offices(entities: tuple[dict, ...], descriptions: list[str]) -> frozenset[str]:
    first: dict[str, int] = {}
    later: dict[str, int] = {}
    # a given name that heads a description is the person's, not an office ("William")
    given = {words[0].casefold() for entity in entities if entity.get("kind") == "person"
             for words in [entity["names"][0]["text"].split() if entity.get("names") else []]
             if len(words) > 1 and not re.search(r"\b(?:of|to|for)\b", " ".join(words))}
    for description in descriptions:
        for number, clause in enumerate(re.split(r"[;,(]", description)):
            head = _HEAD.match(clause)
            if not head:
                continue
            word = head.group(2).casefold()
            counts = first if number == 0 or _RESTART.match(clause) else later
            counts[word] = counts.get(word, 0) + 1
    # after a comma a description names offices in apposition as well as the bodies served
    # ("..., Chairman of ...", "..., Department of State"): an office heads first clauses at
    # least a third as often, and is no body the grammar knows
    singular = {word for word, count in first.items()
                if count >= 2 and 3 * count > later.get(word, 0) and word not in given and
                word not in _NOT_OFFICES and not _BODY.fullmatch(word)}
    # and the ranks and titles the grammar already names before a person ("marshal", "queen")
    singular |= {word for word in re.findall(r"[a-z]{4,}", PERSON_TITLE.pattern)
                 if word not in {"prime", "vice", "comrades", "prof"}}
    return frozenset(singular | {_plural(word) for word in singular})


def _derive_surnames(entities: tuple[dict, ...]) -> frozenset[str]:
    """The surnames of the authority's people, lower case: "Rusk, Dean" and "Dean Rusk" give
    "rusk"; "Finch" and "Manning" are people, whatever a dictionary says of the words."""
    found = set()
    for entity in entities:
        if entity.get("kind") != "person":
            continue
        for name in entity.get("names", ()):
            text = name["text"] if isinstance(name, dict) else name
            head, comma, _ = text.partition(",")
            words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", head if comma else text)
                     if word.lower() not in {"jr", "sr", "ii", "iii"}]
            if words:
                found.add(words[-1].casefold())
    return frozenset(found)


def surname(word: str) -> bool:
    """A word that some person of the shipped authority has as a surname."""
    return word.casefold() in _lists()["surnames"]


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


def body_noun(word: str) -> bool:
    """A body or a group in lower case, singular or plural ("ministry", "embassies",
    "activists")."""
    word = word.casefold()
    if word in _GROUPS:
        return True
    singular = re.sub(r"ies$", "y", word) if word.endswith("ies") else re.sub(r"s$", "", word)
    return bool(_BODY_NOUN.fullmatch(word) or _BODY_NOUN.fullmatch(singular))


def _derive_business(descriptions: list[str], places: frozenset[str]) -> frozenset[str]:
    found: dict[str, int] = {}
    for description in descriptions:
        for run in re.finditer(r"\b(?:of|for)\s+(?:the\s+)?((?:[A-Z][a-z]+,?\s+(?:and\s+)?)*"
                               r"[A-Z][a-z]+)", description):
            for word in re.findall(r"[A-Z][a-z]+", run.group(1)):
                found[word.casefold()] = found.get(word.casefold(), 0) + 1
    # not a date's month ("of May 1957"), a place or a nationality, which are no business
    countries = _countries_of(places)
    return frozenset(word for word, count in found.items()
                     if count >= 2 and not _in_places(word, places) and
                     not _of_a_country(word.title(), places, countries) and
                     not re.fullmatch(MONTHS, word.title()))


def business(word: str) -> bool:
    """A word of an office's business ("Minister of Foreign Affairs", "of Interior"), in lower
    case in a sentence-case title."""
    return word[:1].islower() and word in _lists()["business"]


def office_word(word: str) -> bool:
    """A lower-case office a person holds, singular or plural ("official", "head", "members")."""
    return word.casefold() in _lists()["offices"]


def _derive_modifiers(descriptions: list[str], offices: frozenset[str]) -> frozenset[str]:
    found: dict[str, int] = {}
    for description in descriptions:
        for clause in re.split(r"[;,(]", description):
            head = _HEAD.match(clause)
            if head and head.group(2).casefold() in offices:
                for word in head.group(1).split():
                    found[word.casefold()] = found.get(word.casefold(), 0) + 1
    return frozenset(word for word, count in found.items() if count >= 2)


def office_modifier(word: str) -> bool:
    """A word that goes before an office in the descriptions ("prime", "deputy", "foreign")."""
    return word.casefold() in _lists()["modifiers"] or office_word(word)


def _derive_places(entities: tuple[dict, ...]) -> frozenset[str]:
    return frozenset(name["text"].casefold() for entity in entities
                     if entity.get("kind") == "place" for name in entity.get("names", ())
                     if name.get("lang") == "en")


def _in_places(text: str, places: frozenset[str]) -> bool:
    text = re.sub(r"^(?:east|west|north|south|northern|southern|eastern|western)\s+", "",
                  " ".join(text.split()), flags=re.I).casefold()
    return text in places


def place(text: str) -> bool:
    """A place the authority lists, perhaps with its side ("Moscow", "East Berlin")."""
    return _in_places(text, _lists()["places"])


def _countries_of(places: frozenset[str]) -> tuple[str, ...]:
    """Place names of one or two words ("Hungary", "Soviet Union"), which adjectives derive
    from; not "Republic of ...", the long form."""
    return tuple(sorted(name for name in places if len(name.split()) <= 2))


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    return _countries_of(_lists()["places"])


def _of_a_country(word: str, places: frozenset[str], countries: tuple[str, ...]) -> bool:
    if not word[:1].isupper() or len(word) < 4 or _in_places(word, places):
        return False
    low = word.casefold()
    stems = [low[:-len(ending)] for ending in _ENDINGS if low.endswith(ending)]
    if low.endswith(("ak", "av")):
        stems.append(low)
    return any(len(stem) >= 3 and any(country.startswith(stem) for country in countries)
               for stem in stems)


@lru_cache(maxsize=4096)
def nationality(word: str) -> bool:
    """An adjective of a country the authority lists: its stem begins the country's name
    ("Hungarian" ~ "Hungary", "Polish" ~ "Poland", "Czechoslovak" ~ "Czechoslovakia")."""
    return _of_a_country(word, _lists()["places"], _countries())


def nationalities(text: str) -> frozenset[str]:
    """The nationality adjectives a party's words carry ("Soviet Ambassador Puzanov")."""
    return frozenset(word for word in re.findall(r"[A-Z][a-z]+", text) if nationality(word))
