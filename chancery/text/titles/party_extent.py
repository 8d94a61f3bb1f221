"""Where a party's words end inside a title's role phrases: a name, an office with the
prepositions it keeps ("Ambassador to China N.V. Roshchin", "Minister of Foreign Affairs of the
USSR", "Embassy of Hungary in North Korea", "State Committee for Nuclear Energy"), a post's city
or a person after commas; a role word, a quote, a date or a subject ends it.

roles.py reads the role phrases on these tokens; parties.py reads the words found into parties.
"""

from __future__ import annotations

import re

from chancery.text.titles.offices import (
    body_noun, business, nationality, office_modifier, office_word, place as is_place,
)
from chancery.text.titles.parties import name_like
from chancery.text.titles.vocabulary import (
    ADDED_PART, ADDRESSEE_WORDS, ASSISTANT_TO, CLOSING, CODE_LETTERS, CODE_NUMBER, COUNSELOR_FROM,
    DATE, FOR_BODY, ING, KINDS, LABEL, LOWER_IN_NAME, MARKERS, NAMED_THING, NAME_WORDS, NICKNAME,
    OFFICE_TO, ON_BODY, PARTICIPLE, PARTICLES, PERSON_TITLE, POSTED, PURPOSE, QUOTES, TALKING, TOKEN,
)


class PartyExtent:
    """A title's role phrases cut into tokens, and where a party's words run in them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = list(TOKEN.finditer(text))

    def _word(self, index: int) -> str:
        return self.tokens[index].group() if index < len(self.tokens) else ""

    def _rest(self, index: int) -> str:
        return self.text[self.tokens[index].start():] if index < len(self.tokens) else ""

    def _date_at(self, index: int) -> int:
        """The index after a date starting at index, or index when none starts there."""
        if index >= len(self.tokens):
            return index
        match = DATE.match(self.text, self.tokens[index].start())
        if not match:
            return index
        while index < len(self.tokens) and self.tokens[index].start() < match.end():
            index += 1
        return index

    def _span(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        return self.text[self.tokens[start].start():self.tokens[end - 1].end()].strip(" ,:")

    def _party_end(self, index: int, person: bool = False) -> int:
        """The index after a party's words: names, offices with their prepositions, a post's
        city or a person after commas; it ends at a role word, a quote, a date or a subject."""
        start, count = index, len(self.tokens)
        while index < count:
            word = self._word(index)
            low, following = word.lower(), self._word(index + 1)
            previous = self._word(index - 1).lower() if index > start else ""
            if word == ",":
                if self._phrase_follows(index + 1) or self._code_end(index + 1) > index + 1:
                    break  # "to Holders of ..., SNIE 93-83, '...'": the paper's code is no one
                if following.lower() in {"headed", "led", "haded"}:
                    index += 1
                    continue
                if not following or following[:1] in QUOTES or self._date_at(index + 1) != \
                        index + 1 or CLOSING.match(following) or \
                        re.match(rf"(?:{KINDS})$", following, re.I) or \
                        following.lower() in {"to", "from", "by", "for", "with", "on", "about",
                                              "regarding", "concerning", "re", "re:", "in",
                                              "at", "during", "subject", "subject:"} or \
                        (PARTICIPLE.match(following) and self._word(index + 2).lower() in
                         {"by", "to"} and following.lower() not in {"headed", "led", "haded"}) or \
                        not (following[:1].isupper() or following[:1] in "[(" or
                             following.lower() == "and" or following[:1].isdigit() and
                             not CLOSING.match(following)):
                    break
            elif NICKNAME.match(word):
                pass
            elif re.search(r"\w['’]s$", word) and PURPOSE.match(self._rest(index + 1)):
                index += 1  # "for Comrade A’s Personal Use": A is the one it is for
                break
            elif NAMED_THING.match(word) and following[:1] in QUOTES:
                pass
            elif word[:1] in QUOTES and NAMED_THING.match(previous):
                # "Editor-in-Chief of the journal 'Problemy Mira i Sotsializma'": a name in
                # quotes after what it names is part of the office
                close = index + 1
                while close < count and not re.search(r"\w['’\"”]$", self._word(close)):
                    close += 1
                if close >= count:
                    break
                index = close
            elif word[:1] in QUOTES or word in {"-", "–", "—", ":", ";"}:
                break
            elif word.endswith(":") and low not in {"re:", "subject:", "no.:"}:
                # "to Holders of ..., SNIE 4-1-74: Prospects for ...": a colon ends the party
                # and opens a subject, which a numbered label before the colon names
                if re.search(r"\d", word):
                    while index > start and LABEL.match(self._word(index - 1)):
                        index -= 1
                else:
                    index += 1  # "to the Director: Soviet ...": the word is the party's
                break
            elif self._date_at(index) != index:
                break
            elif low == "to":
                place = self._word(index + 2) if following.lower() == "the" else following
                office = previous if previous != "general" or index - 2 < start else \
                    self._word(index - 2).lower()  # "Consul General to the USSR"
                if office in ASSISTANT_TO and place[:1].isupper() and \
                        self._word(index + 1).lower() == "the" and self._later_to(index + 1):
                    pass  # "the Special Assistant to the President (Cutler) to the Secretary"
                elif office not in OFFICE_TO and office.removesuffix("s") not in OFFICE_TO or \
                        not place[:1].isupper() or \
                        ADDRESSEE_WORDS.match(place) or self._body_follows(index + 1):
                    break
            elif low == "in" and previous in {"commander", "officer"} and \
                    following.lower() in {"chief", "charge", "chief,"}:
                pass  # "Commander in Chief, Pacific", "Officer in Charge"
            elif low == "for":
                body = self._word(index + 2) if following.lower() == "the" else following
                affairs = re.match(r"(?:the\s+)?(?:[A-Z][\w-]*,?\s+(?:and\s+)?){0,5}Affairs\b",
                                   self._rest(index + 1))
                sitting = re.match(r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}(?:meeting|session|"
                                   r"sitting)s?\b", self._rest(index + 1), re.I)
                if affairs:
                    pass  # "Assistant Secretary of Defense for International Security Affairs"
                elif previous not in FOR_BODY or not body[:1].isupper() or \
                        PERSON_TITLE.match(body) or sitting:
                    # ("the Foreign Ministry for the Meeting of ...": the sitting its paper was
                    # for, no body's business)
                    break  # "the Central Committee for the Communist Party ..." goes on; "the
                    # Department of State for President Johnson" names whom it was for
            elif low == "on":
                if previous not in ON_BODY or not following[:1].isupper():
                    break  # "the Committee on Public Information", "Commission on Human Rights"
            elif low in {"in", "at"}:
                place = self._word(index + 2) if following.lower() == "the" else following
                if not (place[:1].isupper() or place[:1].isdigit()) or \
                        not POSTED.search(self._span(self._side_start(start, index), index)) \
                        or _held(self._span(start, index)) or \
                        self._date_at(index + 1) != index + 1 or \
                        self._sat_at(start, index):
                    break  # a post's place, not a date ("... of North Korea at 21 Dec., 1974")
            elif low == "from":
                if not COUNSELOR_FROM.search(previous):
                    break
            elif low in {"headed", "led", "haded"} and following.lower() == "by":
                index += 2
                continue
            elif low == "between" and re.match(_TALKS_NOUN, previous) and \
                    re.search(r"\s(?:to|at)\s", self._span(start, index)):
                pass  # "Delegates to the Talks between North and South Korea": which talks
            elif low == "and" and ADDED_PART.match(self._rest(index + 1)):
                break  # "A and B and Comments on the Distribution of ...": a second item
            elif low in PARTICLES or low.startswith(("d’", "d'")) or low in LOWER_IN_NAME:
                if person and low == "of" and name_like(self._span(start, index)) and \
                        not POSTED.search(self._span(start, index)):
                    break  # "the Reception by A of B": a person's "of" names the guest
                business = self._business_after(index) if low == "of" and \
                    following[:1].islower() else index
                if business > index:
                    index = business  # "the Czechoslovak minister of interior"
                    continue
                if low in {"of", "and", "&", "a", "an"} and not (
                        following[:1].isupper() or following[:1] in "[(" or
                        following.lower() in {"the", "a", "an"} or following[:1].isdigit() or
                        low == "and" and office_word(self._word(self._office_run(
                            index + 1, start) - 1))):
                    break  # not "A and defense minister B": a second holder of an office
            elif word[:1] in "[(":
                pass
            elif self._office_run(index, start) > index:
                # an office or a body in lower case: before its holder ("East German official
                # A", "Indian prime minister A", "the members of the CCP Politburo") or after
                # the words it is of ("Party activists", "the Polish foreign ministry")
                index = self._office_run(index, start)
                continue
            elif word[:1].isupper() or word[:1].isdigit():
                if low in {"regarding", "concerning", "about", "re", "re:", "on", "to", "with",
                           "from", "by", "for", "between", "subject", "subject:", "at",
                           "rergarding", "during", "ahead", "before", "after", "prior"} or \
                        (PARTICIPLE.match(word) and following.lower() in {"by", "to"}) or \
                        (TALKING.match(word) and following.lower() in {"to", "with"}) or \
                        (CLOSING.match(word) and not word[:1].isdigit() and index > start):
                    break
            else:
                break
            index += 1
        while index > start and self._word(index - 1).lower() in {",", "and", "of", "the", "&"}:
            index -= 1
        return index

    def _side_start(self, start: int, index: int) -> int:
        """Where the last of two sides joined by "and" starts before index: a post's place
        after it is the post's only when that side names the post ("the Delegation of the RWP
        and the CPSU in Pitzunda": where they met; "A and the Czechoslovak Mission in Berlin")."""
        for at in range(index - 1, start, -1):
            if self._word(at).lower() == "and":
                return at + 1
        return start

    def _code_end(self, index: int) -> int:
        """The index after a document's code that stands alone between commas, a quote, a colon
        or the end ("SNIE 93-83", "NIE 11-4-57", "NSC 5412/2", "A-163"), or index when none
        starts there."""
        end = index
        if CODE_LETTERS.match(self._word(end)):
            end += 1
        if not CODE_NUMBER.match(self._word(end)):
            return index
        end += 1
        after = self._word(end)
        return end if not after or after in {",", ";"} or after[:1] in QUOTES else index

    def _body_follows(self, index: int) -> bool:
        """A body in sentence case is named from index ("the Chinese foreign ministry"): after
        "to" it is whom a document went to, not the place of an office ("embassy to China")."""
        while index < len(self.tokens) and self._word(index).lower() not in MARKERS and \
                self._word(index) not in {",", ";"}:
            if self._word(index)[:1].islower() and body_noun(self._word(index)):
                return True
            index += 1
        return False

    def _office_run(self, index: int, start: int) -> int:
        """The index after an office or a body in lower case that starts at index, or index
        when none does: an office before its holder's name ("deputy foreign minister Vaclav
        David") or its body ("members of the CCP Politburo"); a body, a group or offices in the
        plural after the capitalised words they are of ("foreign ministry", "activists",
        "military advisers")."""
        end = index
        while end < len(self.tokens) and end - index < 5 and self._word(end)[:1].islower() and (
                office_modifier(self._word(end)) or body_noun(self._word(end)) or
                business(self._word(end))):
            end += 1
        if end == index:
            return self._described(index, start)
        last, after = self._word(end - 1).lower(), self._word(end)
        if office_word(last) and (after[:1].isupper() or after[:1] == "[" or (
                after.lower() == "of" and (self._word(end + 1)[:1].isupper() or (
                    self._word(end + 1).lower() == "the" and
                    self._word(end + 2)[:1].isupper())))):
            return end
        if index > start and self._word(index - 1)[:1].isupper() and (
                body_noun(last) or office_word(last)):
            return end
        if body_noun(last) and (index == start or index == start + 1 and
                                self._word(start).lower() in {"the", "a", "an"}):
            return end  # "to the party presidium", "from the central committee"
        return index

    def _sat_at(self, start: int, index: int) -> bool:
        """The "in" at index names where a committee sat, not a post abroad ("the Political
        Consultative Committee in Prague"; but "the Embassy in Prague", "Ambassador in ...",
        and "the Ministry of Foreign Affairs in Bucharest", as the gold of list 2 has it)."""
        rest = self._span(index + 1, self._party_end_of_place(index + 1))
        return self._word(index - 1).lower() == "committee" and \
            is_place(re.sub(r"^the\s+", "", rest))  # not "... Commissioner in St. Petersburg"

    def _party_end_of_place(self, index: int) -> int:
        while index < len(self.tokens) and (self._word(index)[:1].isupper() or
                                            self._word(index).lower() == "the"):
            index += 1
        return index

    def _described(self, index: int, start: int) -> int:
        """The index after what a person was, in lower case between a nationality and the name
        ("Soviet dissident Andrei Sakharov", "Chinese nuclear physicist Qian Sanqiang"), or
        index when the words are not of that shape."""
        if not (index > start and nationality(self._word(index - 1))):
            return index
        end = index
        while end < len(self.tokens) and end - index < 2 and \
                re.fullmatch(r"[a-z]{3,}", self._word(end)) and \
                self._word(end) not in MARKERS | PARTICLES | {"with", "and", "or"}:
            end += 1
        return end if end > index and re.match(r"[A-Z]", self._word(end)) and \
            name_like(self._word(end)) else index

    def _business_after(self, index: int) -> int:
        """The index after an office's business in lower case after the "of" at index ("minister
        of foreign affairs"), or index when the words after it are no office's business."""
        if not (office_word(self._word(index - 1)) or body_noun(self._word(index - 1))):
            return index
        end = index + 1
        while end < len(self.tokens) and (business(self._word(end)) or (
                self._word(end).lower() == "and" and business(self._word(end + 1)))):
            end += 1
        return end if end > index + 1 else index

    def _phrase_follows(self, index: int) -> bool:
        """After a comma, words no name has ("..., Pol Pot’s Visit to the DPRK") start a phrase;
        a name, an office or a post ("..., Headed by A", "..., Moscow") does not."""
        if self._word(index).lower() in {"headed", "led", "haded"}:
            return False
        if PARTICIPLE.match(self._word(index)) or self._word(index).lower() in {
                "another", "further", "some", "more", "this", "these", "possible", "proposed"}:
            return True  # "..., Another Visit to Israel’s Dimona Reactor": a subject
        if ING.match(self._word(index)) and (self._word(index + 1)[:1].islower() or (
                self._word(index + 1)[:1].isupper() and not is_place(self._word(index)))):
            # "..., Referring to Bilateral Relations", "..., Supplying Arms to Angola": a
            # participle's phrase ("..., Beijing" is a place)
            return True
        while index < len(self.tokens) and self._word(index) != ",":
            word = self._word(index)
            if NAMED_THING.match(word) and self._word(index + 1)[:1] in QUOTES:
                index += 1  # "..., Editor-in-Chief of the journal 'Problemy Mira ...'"
                while index < len(self.tokens) and not re.search(r"\w['’\"”]$",
                                                                 self._word(index)):
                    index += 1
                index += 1
                continue
            if word.lower() in MARKERS:
                return False
            if re.search(r"\w['’]s$", word) or (word[:1].islower() and word not in NAME_WORDS
                                                and word not in LOWER_IN_NAME and
                                                not office_modifier(word) and
                                                not body_noun(word)):
                return True  # not "..., Bulgarian party leader, to B": an office
            index += 1
        return False

    def _later_to(self, index: int) -> bool:
        """Another "to" after index, outside quotes, that the one before can leave to it."""
        for at in range(index, len(self.tokens)):
            word = self._word(at)
            if word[:1] in QUOTES or word in {"-", "–", "—", ":"}:
                return False
            if word.lower() == "to":
                return True
        return False


# Talks a delegation is sent to, which "between" two sides describes ("the High-Level Political
# Talks between North and South Korea"): the sides of the talks, not of the document (list 17)
_TALKS_NOUN = r"(?:talks|negotiations|conference|consultations|meetings?|summit|dialogue)$"


def _held(span: str) -> bool:
    """An office in lower case, then its holder's name, ends the span ("International
    Department head Boris N. Ponomarev"): an "in" after it is where he was, not his post's."""
    held = re.search(r"\b([a-z]+)\s+(?:[A-Z][\w.'’-]*\s*)+$", span)
    return bool(held) and office_word(held.group(1))
