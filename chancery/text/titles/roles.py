"""The role phrases after a title's head, read left to right into senders, recipients and a
subject: from/by/of A (sender), to/for B (recipient), with B (the other side), between A and B,
a participle and by/to ("Sent by", "Distributed to"); a subject after on/about/regarding/
concerning/Re:, a quote or a dash (a quote then "Prepared by"/"Sent to" lets the roles go on); an
occasion after at/during/on the occasion of.
"""

from __future__ import annotations

import re

from chancery.model import Party
from chancery.text.titles.offices import (
    body_noun, nationality, office_modifier, office_word, place,
)
from chancery.text.titles.parties import HEADED_BY, name_like, org_like, parties
from chancery.text.titles.party_extent import PartyExtent
from chancery.text.titles.vocabulary import (
    ACTION_NOUN, ADJECTIVE, AFFAIRS, BETWEEN_KINDS, CLOSING, CONVERSATIONAL, ENCLOSED, EVENT,
    EVENT_NOUN, FOR_TIME, HEAD, JOURNEY, KINDS, MADE, MARKERS, OBJECT_KINDS, PARTICIPLE, PURPOSE,
    QUOTATION, QUOTES, RECEIVES, RECORDED_KIND, SENT, SITTING, TALK_AROUND, TALKING, VISIT_TALK,
    WRITING_BODY,
)


class Roles(PartyExtent):
    """The role phrases after a head, read left to right into senders, recipients, subject."""

    def __init__(self, text: str, kind: str, *, bare: bool = False,
                 occasion_parties: bool = True) -> None:
        super().__init__(text)
        self.conversational = bool(CONVERSATIONAL.search(kind))
        self.between_kind = bool(BETWEEN_KINDS.search(kind))
        self.object_kind = bool(OBJECT_KINDS.search(kind))
        self.occasion_parties = occasion_parties
        self._senders: list[str] = []
        self._recipients: list[str] = []
        self._bare_senders: list[str] = []
        self.subject = ""
        self._read(bare or text.startswith(","))

    def senders(self) -> tuple[Party, ...]:
        return tuple(party for text in self._senders for party in parties(text))

    def recipients(self) -> tuple[Party, ...]:
        return tuple(party for text in self._recipients for party in parties(text))

    def read_bare(self) -> bool:
        """A sender was read from capitalised words with no role word before them."""
        return bool(self._bare_senders)

    # -- the phrase loop
    def _read(self, bare: bool) -> None:
        index, count = 0, len(self.tokens)
        occasion_by: list[str] = []
        while index < count:
            word = self._word(index)
            low = word.lower()
            if re.fullmatch(r"\[(?:between|and|with|to|from|by|of)\]", low):
                low = word = low.strip("[]")  # an editor's "[between]" reads as the word
            following = self._word(index + 1).lower()
            visit = VISIT_TALK.match(self._rest(index + 1)) if low in {"of", "on", "about"} \
                and not (self._senders or self._recipients) else None
            if visit:
                # "Summary of A’s Visit to China (Part 3) (Discussion with B)": the visitor and
                # whom he talked with are the sides; a visit with no talk named has none
                self._senders.append(visit.group("visitor"))
                self._recipients.append(visit.group("host"))
                self.subject = self._rest(index + 1)
                return
            event = EVENT.match(self._rest(index + 1)) if low in {"from", "of", "on"} and \
                not self._recipients else None
            if event:
                end = self.tokens[index + 1].start() + event.end()
                while index < count and self.tokens[index].start() < end:
                    index += 1  # "from a Meeting with Stalin": the meeting's sides follow
                self.conversational = True
                continue
            if word == "," and (following in {"the", "a", "an"} or following[:1].islower() and
                                office_modifier(following)) and \
                    (self._senders or self._recipients) and \
                    self._after_apposition(index + 1) > index + 1:
                # "sent by A, the Albanian ambassador in Belgrade, to B", "from A, foreign
                # minister, to B": who A is, then the roles go on
                index = self._after_apposition(index + 1)
                continue
            if word in {",", ";"} or low in {"and", "the"}:
                index += 1
                continue
            if word[:1] in "([" and word[-1:] in ")]" and following in {
                    "from", "to", "by", "for", "of", "sent"}:
                index += 1  # "Telegram (No. 45) from A", "Airgram A-163 (Confidential) from A"
                continue
            after_date = self._date_at(index)
            if after_date != index:
                index = after_date
                continue
            after_quote = self._maker_after_quote(index) if word[:1] in QUOTES else None
            if after_quote is not None:
                # "Draft Memorandum, '...,' Prepared by the Vietnam Group of ...": the quote is
                # the subject, and who made or sent the document follows it
                self.subject = self.subject or self.text[
                    self.tokens[index].start():self.tokens[after_quote].start()].strip(
                    " ,'‘’\"“”")
                index = after_quote
                continue
            if word[:1] in QUOTES or word in {"-", "–", "—", ":"} or low in {"re:", "subject:"} \
                    or (low in {"re", "subject"} and following == ":"):
                self.subject = self._rest(index).lstrip("-–—: ").strip(" '‘’\"“”")
                if low in {"re", "subject", "re:", "subject:"}:
                    self.subject = re.sub(r"^(?:re|subject)\s*:?\s*", "", self.subject, flags=re.I)
                return
            if low in {"on", "about", "regarding", "concerning", "rergarding", "related"} or \
                    (low in {"reply", "answer", "response"} and following == "to") or \
                    (low == "in" and following in {"reply", "response", "answer"}):
                if low == "on" and re.match(r"the\s+occasion\s+of\b", self._rest(index + 1), re.I):
                    index += 4
                    index, occasion_by = self._occasion(index, occasion_by)
                    continue
                talk = re.match(rf"(?P<owner>a\s+|an\s+|the\s+|his\s+|her\s+|their\s+)?"
                                rf"{RECORDED_KIND}\s+(?=(?P<link>with|between)\s)",
                                self._rest(index + 1), re.I)
                owner = talk and (talk.group("owner") or "").strip().lower()
                # "Notes Kept by A Regarding Conversations with B", "A's diary on his
                # conversation with B": the writer's own talks, whose other side follows
                own = talk and talk.group("link") == "with" and not self._recipients and (
                    low != "on" or owner in {"his", "her", "their"})
                # "Note regarding the Meeting between A and B": a record naming no one gives
                # the sides of the meeting it is about
                sides = talk and talk.group("link") == "between" and not (
                    self._senders or self._recipients)
                if own or sides:
                    end = self.tokens[index + 1].start() + talk.end()
                    while index < count and self.tokens[index].start() < end:
                        index += 1
                    self.conversational = True
                    continue
                resumed = self._after_subject(index + 1, self.between_kind)
                self.subject = self._span(index + (low in {"on", "about", "regarding",
                                                          "concerning", "rergarding"}),
                                          resumed) if resumed > index + 1 else ""
                if resumed >= count:
                    return
                index = resumed
                continue
            talk = TALK_AROUND.match(self._rest(index)) if low in {
                "during", "ahead", "before", "after", "following", "prior", "in"} else None
            if talk and not self._recipients:
                # "Notes by A ahead of Meetings with B", "Questions from A During a
                # Conversation with B": the other side of the talks the record was made around
                end = self.tokens[index].start() + talk.end()
                while index < count and self.tokens[index].start() < end:
                    index += 1
                self.conversational = True
                continue
            if low in {"through", "via", "thru"} and (self._senders or self._recipients) and \
                    self._named_at(index + 1):
                # "Memorandum for A, through B, from C": who it was routed through passed it on
                # and is no party, as an "attention" line names none (lists 14 and 17); a
                # "from" after it names the sender, not the post of the one routed through
                end = self._party_end(index + 1)
                index = next((at for at in range(index + 1, end)
                              if self._word(at).lower() in {"from", "by"} and
                              not self._senders), end)
                continue
            if low in {"with", "in"} and re.match(r"(?:the\s+)?presence\s+of\s", self._rest(
                    index + 1), re.I):
                # "with the Presence of A": a witness, no side
                index = self._party_end(self._word(index + 1).lower() == "the" and index + 4 or
                                        index + 3)
                continue
            if low == "in" and self._word(index + 1)[:1].isupper():
                place = index + 1
                while place < count and self._word(place)[:1].isupper() and \
                        self._word(place).lower() not in MARKERS:
                    place += 1
                if self._word(place).lower() in {"to", "for", "with", "from", "by"}:
                    index = place  # "A.I. Mikoyan in New York to CC CPSU": where A was
                    continue
            if low in {"at", "during", "in"}:
                index, occasion_by = self._occasion(index + 1, occasion_by)
                continue
            if low == "of" and JOURNEY.match(self._word(index + 1)):
                # "Report of Visit to Mozambique by a Cuban Delegation": the journey and its
                # place are what the report is of; who made it follows with "by"
                index += 2
                if self._word(index).lower() == "to":
                    index += 1
                    while index < count and (self._word(index)[:1].isupper() or self._word(
                            index).lower() in {"the", "of"}) and \
                            self._word(index).lower() not in MARKERS:
                        index += 1
                continue
            bare_party, via = False, ""
            if PARTICIPLE.match(word) and following in {"during", "at", "in"} and not (
                    MADE.match(word) and following != "during" and self._body_at(index + 2)):
                index, occasion_by = self._occasion(index + 2, occasion_by)  # "Notes Kept during"
                continue
            if TALKING.match(word) and following in {"to", "with"} and \
                    (self._senders or self._recipients):
                # "Zhou Enlai Talking to Ho Chi Minh": whom the named one talks to
                role, index = "recipient", index + 2
            elif MADE.match(word) and following in {"in", "at"}:
                # "Paper Prepared in the Policy Planning Council": the body that wrote it
                role, index = "sender", index + 2
            elif PARTICIPLE.match(word) and following in {"by", "to"} or \
                    SENT.match(word) and following == "from":
                # "Sent by A", "Distributed to B", "telegram sent from A to B"
                role, index = ("recipient" if following == "to" else "sender"), index + 2
                if following == "from" and self._senders:
                    # "Letter from A to B, sent from Moscow": where it was sent from
                    index = self._party_end(index)
                    continue
                if role == "sender" and self._bare_senders == self._senders:
                    self._senders = []  # "Several Questions Raised by A": the questions are no one
            elif (low == "of" or low == "from" and self._numbered_kind(index + 1)) and re.match(
                    rf"(?:a\s+|the\s+)?(?:{KINDS})\b", self._rest(index + 1), re.I) and \
                    not self._senders:
                nested = HEAD.match(self.text, self.tokens[index + 1].start() + len(
                    re.match(r"(?:a\s+|the\s+)?", self._rest(index + 1), re.I).group()))
                if not nested:  # "of report-like": no kind after all
                    self.subject = self.subject or self._rest(index)
                    return
                while index < count and self.tokens[index].start() < nested.end():
                    index += 1  # "Draft of Record of a Meeting between ...": one head
                self.conversational = self.conversational or bool(
                    CONVERSATIONAL.search(nested.group()))
                continue
            elif low == "of" and self.object_kind and not self._senders:
                # "Assessment of the Military Content ...", "List of Questions from A": what is
                # assessed or listed; "Summary of A Meeting with B": the meeting's first side
                self.object_kind = False
                end = self._party_end(index + 1)
                words = self._span(index + 1, end).split()
                if words and EVENT_NOUN.match(words[-1]) and self._word(end).lower() in {
                        "with", "between"} and len(words) > 1:
                    self._senders.append(" ".join(words[:-1]))
                    self.conversational = True
                elif end > index + 1:
                    self.subject = self.subject or self._span(index + 1, end)
                index = max(end, index + 1)
                continue
            elif bare and OBJECT_KINDS.fullmatch(word) and following == "of":
                self.object_kind = True  # "Cable, Summary of ...": a second head
                index += 1
                continue
            elif low in {"from", "by", "of"}:
                role, index, via = "sender", index + 1, low
                if low == "from" and self.conversational and self._senders:
                    role = "recipient"  # "Notes of A on a Phone Call from B": the other side
            elif low == "to" and self._word(index + 1)[:1].isupper() and \
                    self._word(index + 2).lower() in {"the", "a", "an"}:
                # "Decision to Adopt the Attached Draft": an infinitive and its object, since no
                # name runs on into an article
                self.subject = self.subject or self._rest(index)
                return
            elif low == "with" and ENCLOSED.match(self._rest(index + 1)):
                # "Cipher Message from A with a Letter to Stalin from ...": what it carries
                self.subject = self.subject or self._rest(index + 1)
                return
            elif low in {"to", "with"}:
                role, index = "recipient", index + 1
            elif low == "for":
                noun = index + 1
                while ADJECTIVE.match(self._word(noun)) and self._word(noun + 1)[:1].isupper():
                    noun += 1  # "for Operational Invigilation": the purpose's noun
                if FOR_TIME.match(self._rest(index + 1)) or following in {"a", "an"} or \
                        ACTION_NOUN.match(self._word(noun)):
                    # the period covered, or a purpose ("for a Discussion on ..."): no one
                    self.subject = self._rest(index)
                    return
                end = self._party_end(index + 1)
                if SITTING.match(self._span(index + 1, end)):
                    # "Notes for the Central Committee Presidium Meeting": the sitting they were
                    # made for is an occasion, no recipient, as a forum or a conference is none
                    # (lists 13, 14 and 17)
                    self.subject = self.subject or self._span(index + 1, end)
                    index = end
                    continue
                role, index = "recipient", index + 1
            elif low == "between":
                end = self._party_end(index + 1)
                self._sides(self._span(index + 1, end))
                index = end
                continue
            elif self._code_end(index) > index:
                index = self._code_end(index)  # "..., SNIE 93-83, '...'": the paper's code
                continue
            elif CLOSING.match(word):
                index += 1
                continue
            elif bare and low in RECEIVES:
                role, index = "recipient", index + 1
            elif bare and (word[:1].isupper() or word[:1] in "[" or word[:1].isdigit()):
                if self._word(index - 1) == "," and self._senders and self._recipients and \
                        self._phrase_follows(index):
                    # "A to B, Another Visit to Israel’s Dimona Reactor": the subject
                    self.subject = self.subject or self._rest(index)
                    return
                role = "sender" if not self._senders else "recipient"
                bare_party = True
            else:
                sent = self._sent_at(index)
                if sent is None:
                    self.subject = self.subject or self._rest(index)
                    return
                self.subject = self.subject or self._span(index, sent)
                index = sent  # "... of the non-aligned countries sent by A to B"
                continue
            end = self._party_end(index)
            if end == index:  # a role word with no one after it: the rest says something else
                sent = self._sent_at(index)
                if sent is None:
                    self.subject = self.subject or self._rest(index)
                    return
                self.subject = self.subject or self._span(index, sent)
                index = sent
                continue
            text = self._span(index, end)
            if PURPOSE.match(self._rest(end)):
                text = re.sub(r"['’]s$", "", text)
            if role == "sender" and self.conversational and (bare or via == "of" and not (
                    self._has_with(end) or _one_body(text))) and \
                    not self._senders and " and " in text and not self._has_to(end):
                # "Memorandum of Conversation, A and B, Place"; "Conversation of A and B"
                self._sides(text)
            elif role == "sender":
                self._senders.append(text)
                if bare_party:
                    self._bare_senders.append(text)
            else:
                self._recipients.append(text)
            index = end

    def _after_subject(self, index: int, between: bool = False) -> int:
        """A subject runs to the end or to a comma before a role phrase ("Memorandum on a
        Consultation about ..., Provided to A by B"); an agreement's to its parties
        ("Agreement on Cooperation between A and B")."""
        while index < len(self.tokens):
            if between and self._word(index).lower() == "between":
                return index
            if self._word(index) == "," and PARTICIPLE.match(self._word(index + 1)) and \
                    self._word(index + 2).lower() in {"by", "to"}:
                return index + 1
            if SENT.match(self._word(index)) and self._word(index + 1).lower() in {
                    "by", "to", "from"} and self._named_at(index + 2):
                # "Report on the 1st conference ... sent by A to B": how the document itself
                # went, so its sender and recipient, even with no comma before it
                return index
            index += 1
        return index

    def _after_apposition(self, index: int) -> int:
        """The index after "the Albanian ambassador in Belgrade," when a role word follows its
        closing comma; index itself when the words are no apposition."""
        for at in range(index + 1, min(len(self.tokens), index + 12)):
            word = self._word(at)
            if word == ",":
                return at + 1 if self._word(at + 1).lower() in {"to", "for", "from", "by",
                                                                "with"} else index
            if word.lower() in MARKERS - {"in", "at"} or word[:1] in QUOTES:
                return index
        return index

    def _maker_after_quote(self, index: int) -> int | None:
        """The index of a participle of making or sending ("Prepared by", "Sent to") right after
        the quotation that opens at index, or None."""
        closed = QUOTATION.match(self.text, self.tokens[index].start())
        if not closed:
            return None
        at = index
        while at < len(self.tokens) and self.tokens[at].start() < closed.end():
            at += 1
        at += self._word(at) == ","
        if (MADE.match(self._word(at)) or SENT.match(self._word(at))) and \
                self._word(at + 1).lower() in {"by", "to", "in", "at"}:
            return at
        return None

    def _numbered_kind(self, index: int) -> bool:
        """A numbered document of a sitting starts at index ("Protocol No. 147 of the Meeting
        of ..."): the record is from it, and the body that sat is its sender."""
        kind = HEAD.match(self.text, self.tokens[index].start()) if index < len(self.tokens) \
            else None
        return bool(kind) and bool(re.search(r"\d", kind.group())) and bool(
            EVENT.match(re.sub(r"^\s*of\s+", "", self.text[kind.end():])))

    def _body_at(self, index: int) -> bool:
        """A body ("the Department of State", "the White House", "the U.S. Delegation") is
        named from index to the end of its party."""
        end = self._party_end(index)
        return end > index and bool(WRITING_BODY.search(self._span(index, end)))

    def _sent_at(self, index: int) -> int | None:
        """Where a participle of the document's own sending starts after a subject that begins
        at index ("... sent by A to B"), or None."""
        for at in range(index + 1, len(self.tokens)):
            if SENT.match(self._word(at)) and self._word(at + 1).lower() in {
                    "by", "to", "from"} and self._named_at(at + 2):
                return at
        return None

    def _named_at(self, index: int) -> bool:
        """A party is named from index: a capitalised word, or "the" and one ("... sent from
        the Soviet Embassy to ...")."""
        word = self._word(index)
        return word[:1].isupper() or word.lower() == "the" and self._word(index + 1)[:1].isupper()

    def _has_with(self, index: int) -> bool:
        return any(token.group().lower() == "with" for token in self.tokens[index:])

    def _has_to(self, index: int) -> bool:
        return any(token.group().lower() == "to" for token in self.tokens[index:])

    def _sides(self, text: str) -> None:
        """"A and B", "A, B and C", "A with B": the first side(s) and the second."""
        text = HEADED_BY.sub(",", text).strip(" ,")
        if not text:
            return
        # "the Assistant Secretary for Near Eastern, South Asian, and African Affairs (Allen)
        # and B": the "and" of an office's business is not the one between the sides
        text = AFFAIRS.sub(lambda found: found.group().replace(" and ", " \0 "), text)
        two = re.match(r"^(?P<a>[^,]+?)\s+and\s+(?P<b>[^,]+),\s+and\s+(?P<c>[^,].*)$", text)
        if two:
            # "between A and B, and C": the comma before the last "and" closes the first side
            self._senders.extend(two.group(side).replace(" \0 ", " and ") for side in "ab")
            self._recipients.append(two.group("c").replace(" \0 ", " and "))
            return
        named = re.split(r",\s+(?:and\s+)?", text)
        if re.search(r",\s+and\s", text) and len(named) > 2 and \
                all(_plain_name(name) for name in named[:-1]):
            # "between A, B, and C", names and no offices between their commas (an office in
            # apposition, "A's office, A, and B", is one side): a list. Persons and a body are
            # the persons' side and the body's ("Nicolae Ceausescu, Ion Gheorghe Maurer, and
            # the Chinese Communist Party Delegation"); persons alone, the host named first
            # and his visitors ("Stalin, Kim Il Sung, Pak Heon-yeong, Zhou Enlai, and Peng
            # Dehuai", as list 16 has it)
            host = 1 if _plain_name(named[-1]) else len(named) - 1
            self._senders.extend(name.replace(" \0 ", " and ") for name in named[:host])
            self._recipients.extend(name.replace(" \0 ", " and ") for name in named[host:])
            return
        match = re.match(r"^(?P<a>.+?)\s+(?:and|with)\s+(?P<b>(?!others\b).+)$", text, re.I)
        if match:
            self._sides_of(match.group("a").replace(" \0 ", " and "),
                           match.group("b").replace(" \0 ", " and "))
            return
        self._senders.append(text.replace(" \0 ", " and "))

    def _sides_of(self, first: str, second: str) -> None:
        """The first side(s) and the second, split at their "and" or "with"."""
        if first.endswith(","):  # "A's office, A's name, and B": one side in apposition
            self._senders.append(first.rstrip(","))
            self._recipients.append(second)
            return
        halves = re.match(r"^(?P<half>[A-Z][a-z]+)\s+(?P<country>.+)$", second)
        if first in _SIDES_OF_A_COUNTRY and halves and \
                halves.group("half") in _SIDES_OF_A_COUNTRY:
            # "between North and South Korea": the two halves of one country, each named with
            # it; "North" alone is no party
            self._senders.append(f"{first} {halves.group('country')}")
            self._recipients.append(second)
            return
        two = _two_of_a_kind(first, second)
        if two:
            # "the Soviet and Chinese Delegations", "the Soviet and Vietnamese party
            # delegations", "East German and Soviet military officials": two of one kind
            self._senders.append(two[0])
            self._recipients.append(two[1])
            return
        shared = _SHARED_GROUPS.match(first)
        if shared and all(org_like(re.sub(r"^(?:of\s+)?(?:the\s+)?", "", body))
                          for body in (shared.group("body"), second)):
            # "Delegations of the Romanian Workers Party and the Chinese Communist Party": the
            # plural is both sides', and each side is the body its delegation was of (list 16)
            self._senders.append(shared.group("body"))
            self._recipients.append(re.sub(r"^of\s+", "", second))
            return
        if "," in first and not AFFAIRS.search(first):
            first = first.replace(", ", " and ")  # "between A, B and C": A and B, then C
        self._senders.append(first)
        self._recipients.append(second)

    def _occasion(self, index: int, hosts: list[str]) -> tuple[int, list[str]]:
        """"at the Lunch Organized in Honor of ...", "on the Occasion of the Audience Granted by A
        to B": skip to the end, reading a host and a guest as a conversation's sides only when
        both are named."""
        count = len(self.tokens)
        host = guest = ""
        while index < count:
            word, following = self._word(index), self._word(index + 1).lower()
            if word[:1] in QUOTES or word in {"-", "–", "—"}:
                break
            if word.lower() == "by" or (PARTICIPLE.match(word) and following == "by"):
                index += 1 if word.lower() == "by" else 2
                end = self._party_end(index, person=True)
                host, index = self._span(index, end), end
                if re.match(r"in\s+hono(?:u)?r\s+of\s", self._rest(index), re.I):
                    index += 3
                    end = self._party_end(index)
                    guest, index = self._span(index, end), end
                    continue
                if self._word(index).lower() in {"of", "to", "with"}:
                    end = self._party_end(index + 1)
                    guest, index = self._span(index + 1, end), end
                continue
            if PARTICIPLE.match(word) and following == "to":
                end = self._party_end(index + 2)
                guest, index = self._span(index + 2, end), end
                continue
            if word.lower() == "with" and not host:
                break
            index += 1
        if host and guest and self.occasion_parties and not self._senders:
            self._senders.append(host)
            self._recipients.append(guest)
        return index, hosts


def _plain_name(text: str) -> bool:
    """A person's name, perhaps after "Comrade" ("Kim Il Sung", "Cde. Pak Heon-yeong"), with no
    office, body, nationality or place among its words."""
    text = re.sub(r"^(?:cdes?\.\s*|comrades?\s+)", "", text.strip(), flags=re.I)
    return name_like(text) and not any(
        office_word(word) or body_noun(word) or nationality(word) or place(word)
        for word in text.split())


_SIDES_OF_A_COUNTRY = {"East", "West", "North", "South"}
# Groups in the plural that two bodies each sent, before the first body's name ("Delegations of
# A and B", "Representatives of A and of B")
_SHARED_GROUPS = re.compile(r"^(?:the\s+)?(?:delegations|representatives|leaders|leaderships)\s+"
                            r"of\s+(?P<body>.+)$", re.I)


def _country_or_body(text: str) -> bool:
    """A country the authority lists or a body's initials ("Poland", "the CPSU"), not an
    adjective ("Communist")."""
    text = re.sub(r"^the\s+", "", text)
    return place(text) or bool(re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*", text))


def _two_of_a_kind(first: str, second: str) -> tuple[str, str] | None:
    """"the Soviet" and "Chinese Delegations": a Soviet delegation and a Chinese one, each
    named with the kind the two share; None when the words are not of that shape."""
    heads = re.match(r"^(?:the\s+)?(?P<noun>(?:[A-Z][a-z]+\s+)*[A-Z][a-z]+?)(?P<plural>ies|s)\s+"
                     r"of\s+(?P<a>.+)$", first)
    last = heads and (heads.group("noun") + heads.group("plural")).split()[-1]
    if heads and name_like(second) and not re.search(r"\sof\s", second) and \
            (body_noun(last) or office_word(last)) and \
            all(_country_or_body(side) for side in (heads.group("a"), second)):
        # "the Governments of Vietnam and Cambodia", "the Foreign Ministers of Poland and
        # Czechoslovakia": the government, the minister of each
        noun = heads.group("noun") + ("y" if heads.group("plural") == "ies" else "")
        article = "the " if heads.group("a").startswith("the ") else ""
        return f"{noun} of {heads.group('a')}", f"{noun} of {article}{second}"
    shared = re.match(r"^(?:the\s+)?(?P<a>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)$", first)
    plural = re.match(r"^(?P<b>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+"
                      r"(?P<noun>(?:[a-z]+\s+)*[A-Za-z]\w+)s$",
                      second.split(",")[0])  # "..., Moscow, 1966": where they met
    if not (shared and plural) or not all(
            len(side.split()) == 1 or all(nationality(word) or word in _SIDES_OF_A_COUNTRY
                                          for word in side.split())
            for side in (shared.group("a"), plural.group("b"))):
        return None  # "East German" is one side's adjective; "Zhou Enlai" is a name
    noun = plural.group("noun")
    last = noun.split()[-1]
    if not (noun[:1].isupper() and len(noun.split()) == 1 or body_noun(last) or
            body_noun(f"{last}s") or office_word(last)):
        return None
    return f"{shared.group('a')} {noun}", f"{plural.group('b')} {noun}"


def _one_body(text: str) -> bool:
    """A body's name with an "and" in it ("the Hungarian Revolutionary Worker's and Peasant's
    Government"), not two sides of one kind ("the Chinese and Soviet delegations")."""
    first, _, second = text.partition(" and ")
    return any(body_noun(word) for word in text.split()) and not (
        second and _two_of_a_kind(first, second))
