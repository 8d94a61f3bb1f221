"""Finding the people, places and organisations of the authority file in a document.

Every block of every rendition is scanned for the names of the authority file (English and
Russian, case endings set aside), and capitalised names it does not hold are tried by their
name keys (the same name in another spelling system). The editor's identifications
("Filippov [Stalin]") link a name to whom it stands for; a pseudonym is resolved only inside
the dates it was used. What cannot be linked becomes a proposal for a curator, never a fact.
Roles come from where a name stands: the title's sender and recipient, an address line
(an intermediary when the cable went through a channel), a signature.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, compress, count
from operator import and_, itemgetter, not_

from chancery.model import (Block, BlockKind, Document, Entity, EntityKind, MarkKind, Mention,
                            Name, NameKind, Party, Proposal, Role)
from chancery.text.dates import last_day
from chancery.text.name_finder import TITLES, Candidate, Unsure, Word, classify, find_names
from chancery.text.names import chinese_readings, name_keys, name_skeleton, nominative
from chancery.text.ner import Span

# words, as re.split's kept parts; possessive (a word's letters are never given back), which
# spares the matcher the states it would keep to backtrack: a tenth of the split's time
_SPLIT = re.compile(r"([^\W\d_]++(?:['’][^\W\d_]++)*+)")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DATED_KINDS = (NameKind.PSEUDONYM, NameKind.FORMER)
_TITLES = frozenset("""com comrade comrades cde cdes tov товарищ товарищу товарища тов mr mrs
    ambassador president minister marshal general premier chairman secretary""".split())
_KEY_CONFIDENCE = 0.8
_AUTHORITY_CONFIDENCE = 0.95
_SURNAME_CONFIDENCE = 0.6
# where a surname stands that shows the document uses the word as a person's name
_CONFIRMING = frozenset({"title", "speaker", "signature"})
_COMPASS = frozenset({"east", "west", "north", "south"})  # "the West": surnames too
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


@dataclass(frozen=True, slots=True)
class _Entry:
    entity: Entity
    name: Name


class _Words:
    """A text's words as parallel lists (made by C-level passes: a block of several hundred
    words is scanned for names without a Python object per word)."""

    __slots__ = ("texts", "norms", "starts", "ends", "capitalised")

    def __init__(self, text: str) -> None:
        parts = _SPLIT.split(text)  # gap, word, gap, word, ..., gap
        self.texts: list[str] = parts[1::2]
        bounds = list(accumulate(map(len, parts)))
        self.starts: list[int] = bounds[0:-1:2]
        self.ends: list[int] = bounds[1::2]
        self.norms: list[str] = list(map(_NORMS.__getitem__, self.texts))
        self.capitalised: list[bool] = list(map(str.isupper, map(itemgetter(0), self.texts)))

    def __len__(self) -> int:
        return len(self.texts)

    def key(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(self.norms[start:end])


class _Norms(dict):
    """Each word's form for matching names, worked out once per worker (a dict, not an
    lru_cache: looked up by ``map`` at C speed)."""

    def __missing__(self, word: str) -> str:
        if len(self) > 500_000:
            self.clear()  # a bound on memory over a very large, varied ingest
        norm = self[word] = _normalise(word)
        return norm


_NORMS = _Norms()


class Gazetteer:
    """The authority's names, indexed by their words and by their name keys."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: dict[str, Entity] = {}
        self.by_words: dict[tuple[str, ...], list[_Entry]] = {}
        self.by_key: dict[str, list[_Entry]] = {}
        self.longest_from: dict[str, int] = {}  # first word -> words in its longest name
        self.by_identifier: dict[str, Entity] = {}  # "frus:frus1955-57v03#p_DJF1" -> entity
        self.terms: dict[str, list[Entity]] = {}  # "nsc" -> glossary terms written so
        self.by_surname: dict[str, set[str]] = {}  # "roshchin" -> people of that surname
        # answers worked out once: forms recur (a bound on memory over a very large ingest)
        self._suggestions: dict[tuple[str, str], str] = {}  # (form, volume) -> suggestion
        self._titled: dict[tuple[str, str, str], str] = {}  # (form, title, volume) -> titled
        given_names: set[str] = set()
        for entity in entities:
            self.entities[entity.id] = entity
            for identifier in entity.identifiers:
                self.by_identifier[identifier] = entity
            if entity.kind is EntityKind.TERM:
                # "C", "G", "AA": matched as names they would link half of every text, so a
                # term is linked only where the editors tagged it, and found by its letters
                for name in entity.names:
                    self.terms.setdefault(name.text.casefold(), []).append(entity)
                continue
            for name in entity.names:
                words = tuple(_Words(name.text).norms)
                if not words:
                    continue
                self.by_words.setdefault(words, []).append(_Entry(entity, name))
                self.longest_from[words[0]] = max(self.longest_from.get(words[0], 0),
                                                  len(words))
                if name.kind is not NameKind.ABBREVIATION:
                    for key in name_keys(name.text):
                        self.by_key.setdefault(key, []).append(_Entry(entity, name))
                if entity.kind is EntityKind.PERSON:
                    surname = surname_key(name.text)
                    if surname:
                        self.by_surname.setdefault(surname, set()).add(entity.id)
                    given = _given_name(name.text)
                    if given:
                        given_names.add(given)
        self.given_names = frozenset(given_names)  # "Dean": "Dean Rusk" is a name

    def resolve(self, text: str, date: tuple[str, str]) -> Entity | None:
        """The one entity a whole name stands for at a date; None if none or several."""
        words = tuple(_Words(text).norms)
        entries = _valid(self.by_words.get(words, []), date)
        if not entries:
            entries = _valid(self.by_keys(text), date)
        found = {entry.entity.id: entry.entity for entry in entries}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_keys(self, text: str) -> list[_Entry]:
        return [entry for key in name_keys(text) for entry in self.by_key.get(key, [])]

    def titled(self, text: str, title: str, volume: str = "") -> str:
        """Of the people a surname after a title may be ("President Johnson": Lyndon B. or
        U. Alexis), the one whose descriptions say they held it ("President of the United
        States"); those the volume lists first. "" when none or several do."""
        key = (text, title, volume)
        if key not in self._titled:
            if len(self._titled) > 200_000:
                self._titled.clear()
            self._titled[key] = self._holder(text, title, volume)
        return self._titled[key]

    def _holder(self, text: str, title: str, volume: str) -> str:
        held = _TITLES_HELD.get(" ".join(title.casefold().split()))
        if held is None:
            return ""
        people = self.by_surname.get(surname_key(text), set())
        for candidates in (self._listed_in(people, volume), people):
            holding = {person for person in candidates
                       if held.search(self._descriptions(person))}
            if len(holding) == 1:
                return next(iter(holding))
            if holding:
                return ""
        return ""

    def _listed_in(self, people: set[str], volume: str) -> set[str]:
        """Those of the people the volume's list of persons names ("frus:VOLUME#p_JLB1")."""
        prefix = f"frus:{volume}#"
        return {person for person in people if volume and any(
            identifier.startswith(prefix) for identifier in self.entities[person].identifiers)}

    def _descriptions(self, person: str) -> str:
        entity = self.entities[person]
        return " ".join([entity.description or "", *(name.note for name in entity.names)]
                        ).casefold()

    def lookup(self, text: str, kinds: tuple[EntityKind, ...]) -> Lookup:
        """What a name typed by a reader stands for, of the given kinds: any of an entity's
        names; a pseudonym, with the dates it was used; a surname alone when one person has
        it (else the people who do)."""
        entity = self.resolve(text, ("", ""))
        if entity is not None and entity.kind in kinds:
            return Lookup((entity.id,))
        words = tuple(_Words(text).norms)
        dated = [entry for entry in self.by_words.get(words, []) or self.by_keys(text)
                 if entry.name.kind in _DATED_KINDS and entry.entity.kind in kinds]
        if len({entry.entity.id for entry in dated}) == 1:
            name = dated[0].name
            return Lookup((dated[0].entity.id,), (_first_day(name.valid_from),
                                                  last_day(name.valid_to) if name.valid_to
                                                  else "9999-12-31"))
        if len(words) == 1 and EntityKind.PERSON in kinds:
            people = sorted(self.by_surname.get(surname_key(text), set()))
            if len(people) == 1:
                return Lookup((people[0],))
            return Lookup(candidates=tuple(self.entities[person] for person in people))
        return Lookup()

    def suggestion(self, text: str, volume: str = "") -> str:
        """The one entity a name's key, or else its surname, points to ("" for none or
        several), whatever the dates: a curator's likely answer to a proposal. In a
        document of an edition's ``volume``, a surname several people have is the one
        person of that surname the volume's own list names (its editors' scope: "President
        Johnson" of 1964-68v30 is the Johnson it lists)."""
        suggested = self._suggestions.get((text, volume))
        if suggested is None:
            found = {entry.entity.id for entry in self.by_keys(text)} or \
                self.by_surname.get(surname_key(text), set())
            if len(found) > 1 and volume:
                found = self._listed_in(found, volume) or found
            suggested = next(iter(found)) if len(found) == 1 else ""
            if len(self._suggestions) > 200_000:
                self._suggestions.clear()
            self._suggestions[(text, volume)] = suggested
        return suggested


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# the office a title before a surname says its holder held, as descriptions write it: the
# office itself ("thereafter President"), not one beside it ("Vice President", "Assistant
# Press Secretary to the President", "the President's Special Assistant")
_TITLES_HELD = {title: re.compile(rf"(?<!vice )(?<!deputy )(?<!assistant )(?<!under )(?<!the )"
                                  rf"\b{title}\b(?!['’]s)")
                for title in ("president", "ambassador", "secretary", "senator", "general",
                              "admiral", "governor", "chairman", "premier", "minister")}
_TITLES_HELD |= {title: re.compile(rf"\b{title}\b(?!['’]s)")
                 for title in ("vice president", "prime minister")}



@dataclass(frozen=True, slots=True)
class Lookup:
    """Gazetteer.lookup's answer: entity ids, the dates a pseudonym was used (ISO days), or
    the people a surname could be."""

    ids: tuple[str, ...] = ()
    within: tuple[str, str] | None = None
    candidates: tuple[Entity, ...] = ()


def _first_day(value: str) -> str:
    if not value:
        return "0001-01-01"
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _given_name(name: str) -> str:
    """The first given name of a person's name written in full ("Dean" of "Dean Rusk",
    "Rusk, Dean"): "" for an initial or a single word."""
    head, comma, rest = name.partition(",")
    words = _SPLIT.findall(rest if comma else name)
    if len(words) < (1 if comma else 2) or len(words[0]) < 2 or not words[0][:1].isupper():
        return ""
    return words[0]


@lru_cache(maxsize=100_000)  # asked of every capitalised word that may be a surname
def surname_key(name: str) -> str:
    """The skeleton of a person's surname: the last word ("N.V. Roshchin", "Рощину"), the
    first of a Chinese name ("Chou En-lai"), or what stands before the comma of an inverted
    name ("Roshchin, Alexei")."""
    head, comma, _ = name.partition(",")
    words = [word for word in _SPLIT.findall(head if comma else name)
             if word.lower() not in _SUFFIXES]
    if not words or len(words[-1]) < 2:
        return ""
    if not comma and len(words) > 1 and chinese_readings(name):
        return name_skeleton(words[0])  # "Chou En-lai": a Chinese surname comes first
    return name_skeleton(words[-1])


def _normalise(word: str) -> str:
    word = re.sub(r"['’]s$", "", word)
    if _CYRILLIC.search(word):
        # Surname endings by rule first (Андрееву -> Андреев), then the stemmer for the rest
        # (Комитета Информации -> комитет информац): both sides of a match go the same way.
        return _russian_stemmer().stemWord(nominative(word).lower().replace("ё", "е"))
    folded = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in folded if not unicodedata.combining(c)).replace("ł", "l")


@lru_cache(maxsize=1)
def _russian_stemmer():  # noqa: ANN202 - PyStemmer's stemmer
    import Stemmer

    return Stemmer.Stemmer("russian")


Recognizer = Callable[[str], list[Span]]
_NER_KINDS = {BlockKind.PARAGRAPH, BlockKind.ITEM, BlockKind.SALUTATION, BlockKind.ADDRESS,
              BlockKind.SIGNATURE, BlockKind.HEADING, BlockKind.MARGINAL}


def link(document: Document, gazetteer: Gazetteer, recognizer: Recognizer | None = None
         ) -> tuple[tuple[Mention, ...], tuple[Proposal, ...]]:
    """Mentions with roles, and proposals for what could not be linked.

    With a ``recognizer`` (Russian NER), the names it finds in Russian blocks that the
    authority does not hold are tried by their keys, else proposed.
    """
    if not gazetteer.entities and recognizer is None:
        return (), ()  # an archive without an authority has nothing to link to
    date = (document.date.start, document.date.end) if document.date and document.date.start \
        else ("", "")
    mentions: list[Mention] = list(_title_roles(document, gazetteer, date))
    proposals: list[Proposal] = []
    names: list[tuple[int, int, str, Candidate]] = []
    maybe: list[tuple[int, int, str, Unsure]] = []
    lowered: set[str] = set()  # the words the document writes in lower case somewhere
    for r_index, rendition in enumerate(document.renditions):
        for b_index, block in enumerate(rendition.blocks):
            if block.kind is BlockKind.UNPARSED:
                continue
            role = _block_role(document, r_index, b_index, block)
            found, unsure, candidates, surnames = _block_mentions(block, gazetteer, date, role,
                                                                  r_index, b_index, lowered)
            if recognizer is not None and block.lang == "ru" and block.kind in _NER_KINDS:
                extra, unsure_extra = _recognized(block, recognizer, gazetteer, date, role,
                                                  r_index, b_index, found + unsure + [
                                                      _Span(c.start, c.end)
                                                      for c in candidates])
                found += extra
                unsure += unsure_extra
            mentions.extend(found)
            proposals.extend(unsure)
            names.extend((r_index, b_index, block.text, candidate) for candidate in candidates)
            maybe.extend((r_index, b_index, block.text, word) for word in surnames)
    volume = document.in_volume.volume if document.in_volume else ""
    for proposal in _proposed(names, maybe, gazetteer, lowered, volume):
        suggested = gazetteer.entities.get(proposal.suggested)
        if suggested is not None and suggested.kind is EntityKind.PERSON and \
                " " not in proposal.text and proposal.kind is EntityKind.PERSON:
            # a surname alone that one person of the authority has: linked, as less sure
            # than a whole name
            block = document.renditions[proposal.rendition].blocks[proposal.block]
            mentions.append(Mention(suggested.id, _block_role(
                document, proposal.rendition, proposal.block, block), proposal.rendition,
                proposal.block, proposal.start, proposal.end, proposal.text, "surname",
                _SURNAME_CONFIDENCE))
        else:
            proposals.append(proposal)
    mentions.extend(_parties_named_in_heading(document, mentions, gazetteer))
    return tuple(mentions), tuple(proposals)


def _parties_named_in_heading(document: Document, mentions: list[Mention],
                              gazetteer: Gazetteer) -> Iterator[Mention]:
    """A sender or recipient the title names by a form the authority cannot resolve alone
    ("Khrushchev" of "Message From Chairman Khrushchev to President Johnson") is the one
    entity the same words of the document's heading were linked to, by the editors' tag, a
    name or a surname: a heading names its parties as its title does."""
    resolved = {(mention.role, mention.name) for mention in mentions if mention.rendition == -1}
    in_heading: dict[str, set[str]] = {}
    confidence: dict[str, float] = {}
    for mention in mentions:
        if mention.rendition < 0 or mention.role is not Role.MENTIONED:
            continue
        block = document.renditions[mention.rendition].blocks[mention.block]
        if block.kind is BlockKind.HEADING:
            in_heading.setdefault(mention.name, set()).add(mention.entity_id)
            confidence[mention.entity_id] = min(confidence.get(mention.entity_id, 1.0),
                                                mention.confidence)
    if not in_heading:
        return
    for parties, role in ((document.senders, Role.SENDER), (document.recipients, Role.RECIPIENT)):
        for party in parties:
            if (role, party.name) in resolved:
                continue
            entities = in_heading.get(party.name) or next(
                (ids for name, ids in in_heading.items() if _titled(party.name, name)), set())
            entity = gazetteer.entities.get(next(iter(entities))) if len(entities) == 1 \
                else None
            # a place is where an embassy or a government is, not who wrote
            if entity is not None and entity.kind is not EntityKind.PLACE:
                entity_id = entity.id
                start = document.title.find(party.name)
                span = (start, start + len(party.name)) if start >= 0 else (-1, -1)
                yield Mention(entity_id, role, -1, -1, *span, party.name, "heading",
                              confidence[entity_id])


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


def _proposed(names: list[tuple[int, int, str, Candidate]],
              maybe: list[tuple[int, int, str, Unsure]],
              gazetteer: Gazetteer, lowered: set[str], volume: str = "") -> Iterator[Proposal]:
    """The names found, and the single words the document (or the authority) also uses as
    a person's surname ("Rusk" after "Dean Rusk"), each with the entity its key suggests."""
    for rendition, block, text, candidate in names:
        form = text[candidate.start:candidate.end]
        yield Proposal(form, candidate.kind, rendition, block, candidate.start, candidate.end,
                       candidate.evidence, _suggested(gazetteer, text, candidate.start, form,
                                                      volume, candidate.evidence == "title"))
    # surnames of names a person's own: a given name or initials, or a title before it
    surnames = {candidate.surname for *_, candidate in names
                if candidate.kind is EntityKind.PERSON and candidate.evidence in (
                    "initials", "title", "run")}
    # a word that names a person the authority knows is that person's surname where its
    # place says so (after a title, as a transcript's speaker, an archive's owner, one of
    # a hyphened pair, in a signature), or inside a sentence ("Snow said", "Ball
    # suggested"): a common word only if the document never writes it in lower case
    # ("Government", "Can" it does)
    known = [surname_key(text[word.start:word.end]) in gazetteer.by_surname for *_, text, word
             in maybe]
    inside = [not word.sentence_start and not word.capitals and (
        not word.common or word.word not in lowered and not _in_a_run(text, word.start))
        for *_, text, word in maybe]
    # where the document names the person in full, by a title, as a speaker or signatory,
    # or by a word no dictionary calls common inside a sentence, the word is that surname
    # at a sentence's start and in capitals too ("Rusk said" after "Secretary Rusk")
    confirmed = surnames | {word.word for (*_, word), is_known, within in zip(maybe, known, inside)
                            if is_known and word.word not in _COMPASS and (
                                word.standing in _CONFIRMING or within and not word.common)}
    for (rendition, block, text, word), is_known, within in zip(maybe, known, inside):
        # "between East and West", "in West Berlin": inside a sentence, a point of the
        # compass is no surname (after a title it may be: "Ambassador West")
        if not (word.word in confirmed and not _after_the(text, word.start)
                or is_known and (word.standing or within and word.word not in _COMPASS)):
            continue
        form = text[word.start:word.end]
        suggested = _suggested(gazetteer, text, word.start, form, volume,
                               word.standing == "title")
        if word.capitals and not suggested:
            continue  # "VANCE" is linked to the one person it names, never proposed
        yield Proposal(form, EntityKind.PERSON, rendition, block, word.start, word.end,
                       "surname", suggested)


# "President " or "Vice President " before "Johnson"
_TITLE_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)\.?\s+$")


def _suggested(gazetteer: Gazetteer, text: str, start: int, form: str, volume: str,
               after_title: bool) -> str:
    """The entity a proposal's form suggests; after a title, the one who held it."""
    suggested = gazetteer.suggestion(form, volume)
    if suggested or not after_title or " " in form:
        return suggested
    title = _TITLE_BEFORE.search(text, max(0, start - 40), start)
    if title is None:
        return ""
    two = title.group(1)  # "Vice President", else its last word ("Special Assistant President")
    return gazetteer.titled(form, two, volume) or (
        gazetteer.titled(form, two.split()[-1], volume) if " " in two else "")


_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+$")


def _in_a_run(text: str, start: int) -> bool:
    """A word after a capitalised word other than a title: part of an office's or a body's
    name ("East Asian and Pacific Affairs", "UN Affairs"), not a surname of its own."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).lower().rstrip(".") not in TITLES


def _after_the(text: str, start: int) -> bool:
    """After "the", a capitalised word is a title or a thing ("the King", "the West"),
    never a person's surname."""
    return _THE_BEFORE.search(text, max(0, start - 6), start) is not None


def _recognized(block: Block, recognizer: Recognizer, gazetteer: Gazetteer,
                date: tuple[str, str], role: Role, rendition: int, block_index: int,
                known: list) -> tuple[list[Mention], list[Proposal]]:
    """Names the recognizer finds that nothing else covered: linked by key, else proposed."""
    covered = [(item.start, item.end) for item in known]
    mentions: list[Mention] = []
    proposals: list[Proposal] = []
    for span in recognizer(block.text):
        if any(start < span.end and span.start < end for start, end in covered):
            continue
        text = block.text[span.start:span.end]
        if len(text) < 3 or not text[:1].isupper() or text.isupper():
            continue
        if " " not in text and classify(text).value == "common":
            continue  # natasha's "Совет", "Комитет": a common word, never proposed
        entries = _valid(gazetteer.by_keys(text), date)
        if len({entry.entity.id for entry in entries}) == 1:
            mentions.append(Mention(entries[0].entity.id, _role_of(entries[0].entity, role),
                                    rendition, block_index, span.start, span.end, text, "key",
                                    _KEY_CONFIDENCE))
        else:
            proposals.append(Proposal(text, span.kind, rendition, block_index, span.start,
                                      span.end, "ner", gazetteer.suggestion(text)))
    return mentions, proposals


def _title_roles(document: Document, gazetteer: Gazetteer,
                 date: tuple[str, str]) -> Iterator[Mention]:
    for parties, role in ((document.senders, Role.SENDER), (document.recipients, Role.RECIPIENT)):
        for party in parties:
            mention = _party_mention(document.title, party, role, gazetteer, date)
            if mention is not None:
                yield mention


def _party_mention(title: str, party: Party, role: Role, gazetteer: Gazetteer,
                   date: tuple[str, str]) -> Mention | None:
    start = title.find(party.name)
    span = (start, start + len(party.name)) if start >= 0 else (-1, -1)
    if party.identified_as:
        entity = gazetteer.resolve(party.identified_as, ("", ""))
        if entity is not None:
            return Mention(entity.id, role, -1, -1, *span, party.name, "identification")
    entity = gazetteer.resolve(party.name, date)
    if entity is None:
        return None
    return Mention(entity.id, role, -1, -1, *span, party.name, "authority",
                   _AUTHORITY_CONFIDENCE)


def _titled(party: str, name: str) -> bool:
    """Whether a party is the name after titles ("Chairman Khrushchev", "Acting Secretary
    Ball"), not a name inside a body's ("Embassy in the Soviet Union")."""
    before, space, rest = party.rpartition(" " + name)
    return bool(space) and not rest and all(
        word.lower().rstrip(".") in TITLES for word in before.split())


def _block_role(document: Document, rendition: int, block_index: int, block: Block) -> Role:
    if block.kind is BlockKind.SIGNATURE:
        return Role.SIGNATORY
    if block.kind is BlockKind.ADDRESS:
        kinds = {fact.kind for fact in document.cable
                 if fact.rendition == rendition and fact.block == block_index}
        if "routing" in kinds:
            return Role.MENTIONED  # a clerk the copy was passed to, not the addressee
        return Role.INTERMEDIARY if "channel" in kinds else Role.RECIPIENT
    return Role.MENTIONED


def _references(block: Block, gazetteer: Gazetteer, role: Role, rendition: int,
                block_index: int) -> Iterator[Mention]:
    """Names the source's editors tagged with an identifier the authority holds (TEI
    ``persName/@corresp``): linked as they said, before anything is guessed."""
    for mark in block.marks:
        entity = gazetteer.by_identifier.get(mark.value) if mark.kind is MarkKind.REFERENCE \
            else None
        if entity is not None:
            yield Mention(entity.id, _role_of(entity, role), rendition, block_index, mark.start,
                          mark.end, block.text[mark.start:mark.end], "editor", 1.0)


def _block_mentions(block: Block, gazetteer: Gazetteer, date: tuple[str, str], role: Role,
                    rendition: int, block_index: int, lowered: set[str]
                    ) -> tuple[list[Mention], list[Proposal], list[Candidate], list[Unsure]]:
    words = _Words(block.text)
    lowered.update(compress(words.texts, map(not_, words.capitalised)))
    mentions: list[Mention] = []
    proposals: list[Proposal] = []
    taken: set[int] = set()
    for mention in [*_references(block, gazetteer, role, rendition, block_index),
                    *_identifications(block, words, gazetteer, role, rendition, block_index)]:
        mentions.append(mention)
        taken.update(range(bisect_left(words.starts, mention.start),
                           bisect_left(words.starts, mention.end)))
    index = 0  # words before it are inside a name found already
    # only words that begin a name of the authority are tried
    for candidate in compress(count(), map(gazetteer.longest_from.__contains__, words.norms)):
        if candidate < index or candidate in taken:
            continue
        found = _match_at(words, candidate, gazetteer, date, taken)
        if found is None:
            continue
        length, entries, outside = found
        if _inside_another_name(words, candidate, length, entries):
            continue
        start, end = words.starts[candidate], words.ends[candidate + length - 1]
        span_text = block.text[start:end]
        entities = {entry.entity.id for entry in entries}
        if len(entities) == 1:
            mentions.append(Mention(entries[0].entity.id, _role_of(entries[0].entity, role),
                                    rendition, block_index, start, end, span_text, "authority",
                                    _AUTHORITY_CONFIDENCE))
        elif outside or len(entities) > 1:
            kind = (entries or outside)[0].entity.kind
            why = "ambiguous: " + ", ".join(sorted(entities)) if len(entities) > 1 else \
                "pseudonym outside the dates it was used"
            proposals.append(Proposal(span_text, kind, rendition, block_index, start, end, why))
        mentions.extend(_nested(words, candidate, length, block, gazetteer, date, role,
                                rendition, block_index))
        mentions.extend(_coordinated(words, candidate, length, block, gazetteer, date, role,
                                     rendition, block_index))
        taken.update(range(candidate, candidate + length))
        index = candidate + length
    mentions.extend(_by_keys(block, words, gazetteer, date, role, rendition, block_index,
                             taken))
    for proposal in proposals:  # ambiguous names are not found again as unknown ones
        taken.update(range(bisect_left(words.starts, proposal.start),
                           bisect_left(words.starts, proposal.end)))
    candidates, unsure = find_names(block.text, words.texts, words.starts, words.ends, taken,
                                    gazetteer.given_names, gazetteer.by_surname,
                                    words.capitalised)
    if block.kind is BlockKind.SIGNATURE:  # "Rusk" under a cable: the name of who signed
        unsure = [word if word.standing else replace(word, standing="signature")
                  for word in unsure]
    return mentions, proposals, candidates, unsure


def _nested(words: _Words, index: int, length: int, block: Block, gazetteer: Gazetteer,
            date: tuple[str, str], role: Role, rendition: int,
            block_index: int) -> Iterator[Mention]:
    """Names inside a longer name: "ЦК ВКП(б)" in "IV часть ОС ЦК ВКП (б)"."""
    for inner in range(index + 1, index + length):
        found = _match_at(words, inner, gazetteer, date, set(), index + length)
        if found is None:
            continue
        size, entries, _ = found
        if len({entry.entity.id for entry in entries}) == 1:
            start, end = words.starts[inner], words.ends[inner + size - 1]
            yield Mention(entries[0].entity.id, _role_of(entries[0].entity, Role.MENTIONED),
                          rendition, block_index, start, end, block.text[start:end],
                          "authority", _AUTHORITY_CONFIDENCE)


def _inside_another_name(words: _Words, index: int, length: int,
                         entries: list[_Entry]) -> bool:
    """A person's name of common words alone ("Security Affairs", an editors' slip in
    1961-63v01's list) met as the tail of a longer capitalised name ("for International
    Security Affairs"): part of that name, not the person."""
    if not entries or length < 2 or index == 0 or not words.capitalised[index - 1] or \
            words.texts[index - 1].lower() in TITLES or \
            classify(words.texts[index - 1]) is not Word.COMMON or \
            any(entry.entity.kind is not EntityKind.PERSON for entry in entries):
        return False  # "Sir Burke Trend", "Senator Styles Bridges" are people
    return all(classify(words.texts[at]) is Word.COMMON for at in range(index, index + length))


def _match_at(words: _Words, index: int, gazetteer: Gazetteer, date: tuple[str, str],
              taken: set[int], end: int | None = None
              ) -> tuple[int, list[_Entry], list[_Entry]] | None:
    """The longest authority name starting at a word (and ending before ``end``): its
    length, valid entries, and the entries it matched if only names used outside the
    document's dates."""
    longest = gazetteer.longest_from.get(words.norms[index])
    if longest is None:
        return None
    capitalised = words.capitalised[index]
    limit = min(len(words) if end is None else end, index + longest)
    free = index
    while free < limit and free not in taken:
        free += 1
    for length in range(free - index, 0, -1):
        entries = gazetteer.by_words.get(words.key(index, index + length))
        if entries and not capitalised:
            # a name written in lower case ("working committee of the CC") matches as written
            entries = [entry for entry in entries if entry.name.text[:1].islower()]
        if entries:
            valid = _valid(entries, date)
            return length, valid, [] if valid else entries
    return None


def _coordinated(words: _Words, index: int, length: int, block: Block,
                 gazetteer: Gazetteer, date: tuple[str, str], role: Role, rendition: int,
                 block_index: int) -> Iterator[Mention]:
    """"Eastern and Southeastern Europe": the first word shares the second's head noun."""
    if length < 2 or index < 2 or words.norms[index - 1] not in ("and", "or", "и", "или"):
        return
    modifier = index - 2
    if not words.capitalised[modifier]:
        return
    key = (words.norms[modifier], *words.key(index + 1, index + length))
    entries = _valid(gazetteer.by_words.get(key, []), date)
    if len({entry.entity.id for entry in entries}) == 1:
        yield Mention(entries[0].entity.id, _role_of(entries[0].entity, role), rendition,
                      block_index, words.starts[modifier], words.ends[modifier],
                      words.texts[modifier], "authority", _AUTHORITY_CONFIDENCE)


def _identifications(block: Block, words: _Words, gazetteer: Gazetteer, role: Role,
                     rendition: int, block_index: int) -> Iterator[Mention]:
    """"Filippov [Stalin]": the name before the editor's bracket stands for the one inside."""
    for mark in block.marks:
        if mark.kind is not MarkKind.IDENTIFICATION:
            continue
        entity = gazetteer.resolve(mark.value, ("", ""))
        if entity is None:
            continue
        before = bisect_right(words.ends, mark.start)  # the words ending before the bracket
        first = before
        for word in range(before - 1, max(before - 4, 0) - 1, -1):
            gap = block.text[words.ends[word]:(words.starts[first] if first < before
                                               else mark.start)]
            if not words.capitalised[word] or gap.strip(" -"):
                break
            first = word
        if first < before:
            start, end = words.starts[first], words.ends[before - 1]
            yield Mention(entity.id, _role_of(entity, role), rendition, block_index, start,
                          end, block.text[start:end], "identification")


def _by_keys(block: Block, words: _Words, gazetteer: Gazetteer, date: tuple[str, str],
             role: Role, rendition: int, block_index: int, taken: set[int]) -> Iterator[Mention]:
    """Capitalised runs of two or three words the authority holds in another spelling."""
    # capitalised and no title: C-level passes, as _Words makes its lists
    eligible = list(map(and_, words.capitalised, map(not_, map(_TITLES.__contains__,
                                                                   words.norms))))
    index = 0  # words before it belong to a run tried already
    for start in compress(count(), map(and_, eligible, eligible[1:])):  # two in a row
        if start < index or start in taken:
            continue
        run = start
        while run < len(eligible) and run - start < 3 and run not in taken and eligible[run]:
            run += 1
        if run - start >= 2:
            first, last = words.starts[start], words.ends[run - 1]
            text = block.text[first:last]
            entries = _valid(gazetteer.by_keys(text), date)
            if len({entry.entity.id for entry in entries}) == 1:
                taken.update(range(start, run))
                yield Mention(entries[0].entity.id, _role_of(entries[0].entity, role),
                              rendition, block_index, first, last, text, "key",
                              _KEY_CONFIDENCE)
        index = run


def _role_of(entity: Entity, role: Role) -> Role:
    """Places are where things happen, never who writes, receives or signs."""
    return Role.MENTIONED if entity.kind in (EntityKind.PLACE, EntityKind.TERM) else role


def _valid(entries: list[_Entry], date: tuple[str, str]) -> list[_Entry]:
    """Entries whose names were in use at the document's date (pseudonyms only in theirs);
    a place's former name names it after its time too (Washington wrote "Peiping" until
    1979, "Peking" after): a person's pseudonym is his only while he used it."""
    return [entry for entry in entries if _in_use(entry.name, date) or (
        entry.name.kind is NameKind.FORMER and entry.entity.kind is EntityKind.PLACE)]


def _in_use(name: Name, date: tuple[str, str]) -> bool:
    if name.kind not in _DATED_KINDS:
        return True
    start, end = date
    if not start:
        return name.kind is not NameKind.PSEUDONYM  # an undated document proves no alias
    after = name.valid_from or "0000"
    before = last_day(name.valid_to)
    return start <= before and end >= after
