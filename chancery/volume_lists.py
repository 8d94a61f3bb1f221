"""The persons that volumes list, merged into the authority: each person once, whatever the
number of volumes that list them.

A person an entry lists is a person the archive already knows when
- the entry's id is one the person already holds (the volume read again); or
- one of the entry's whole names (natural order, other spellings) is one of the person's
  names in some spelling ("Mao Tse-tung" is "Mao Zedong", "Kim Il Sung" is "Kim Il-sung"); or
- the surname is the same in some spelling, the generation ("Jr.", "II") is the same, and
  the given names or initials agree ("Charles P." and "C.P.", "Walter B." and "Walter Bedell";
  "George" and "George S." only if the descriptions do not name two countries: the British
  Foreign Secretary is not the US Air Force general);
and the person is not listed by the same volume under another entry (a volume lists each
person once), and, where the authority knows when they were born and died, born by the
volume's last year and alive in every year the entry's description names. Of several so
found, the entry describes the one whose description shares most words with its own
("Secretary of Defense": Charles Erwin Wilson, not Charles Edward), then whose given names
agree best; of persons still alike, the one more volumes list, unless two of them are known
to be two people (one volume lists both, or their descriptions share no word). The person
keeps its own names and gains the entry's (the form as listed carries the volume's
description, the entry's id is the source of each), and the entry's id. A person found
nowhere is added; an entry that cannot tell two people apart is a person of its own, and the
report says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from chancery.formats.frus_persons import NICKNAME, OTHER_SPELLING
from chancery.model import (Entity, EntityKind, ListEntry, Name, NameKind, SourceDescription,
                            Volume)
from chancery.text.names import name_keys, name_skeleton
from chancery.text.person_descriptions import nationalities, office_words
from chancery.text.person_names import (PersonName, from_natural, given_agreement,
                                        read_listed, same_person)

_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_VOLUME_YEARS = re.compile(r"(\d{4})(?:-(\d{2,4}))?")
_TOKENS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NOT_MATCHED = (NameKind.PSEUDONYM, NameKind.ABBREVIATION)  # dated, or too short to trust


@dataclass
class MergeReport:
    """What a merge did with the persons the lists describe."""

    listed: int = 0  # entries read
    made: int = 0  # persons added
    again: int = 0  # entries already merged (a volume read again)
    into_known: int = 0  # entries merged into a person the archive knew before
    into_listed: int = 0  # entries merged into a person another entry of this load made
    ambiguous: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (entry id, person id)


def merge(listed: Iterable[Entity], known: Iterable[Entity]) -> tuple[list[Entity],
                                                                       MergeReport]:
    """The persons to write so that each listed person is one of the authority's: those the
    entries changed and those they made, and the report of it."""
    people = _People(known)
    before = set(people.entities)
    report = MergeReport()
    changed: dict[str, Entity] = {}
    for entry in listed:
        report.listed += 1
        found = people.same_as(entry)
        if isinstance(found, tuple):  # several: a curator decides
            report.ambiguous.append((entry.identifiers[0] if entry.identifiers else entry.id,
                                     found))
            found = None
        if found is None:
            report.made += 1
            merged = entry
        else:
            merged = _merged(found, entry)
            if set(entry.identifiers) <= set(found.identifiers):
                report.again += 1
            else:
                report.into_known += found.id in before
                report.into_listed += found.id not in before
                report.merges += [(identifier, found.id) for identifier in entry.identifiers]
        people.add(merged)
        if merged != people.known.get(merged.id):
            changed[merged.id] = merged
    return list(changed.values()), report


def _merged(person: Entity, entry: Entity) -> Entity:
    """The person with the entry's names (as variants) and ids; a name the person has is
    added again only to carry a volume's description."""
    texts = {name.text for name in person.names}
    sources = {(name.text, name.source) for name in person.names}
    added = tuple(replace(name, kind=NameKind.VARIANT) for name in entry.names
                  if name.text not in texts or (name.note and (name.text, name.source)
                                                not in sources))
    return replace(person, names=person.names + added,
                   identifiers=tuple(dict.fromkeys(person.identifiers + entry.identifiers)),
                   description=person.description or entry.description)


class _People:
    """The persons known, found by entry id, by name key and by surname."""

    def __init__(self, known: Iterable[Entity]) -> None:
        self.known = {entity.id: entity for entity in known
                      if entity.kind is EntityKind.PERSON}
        self.entities: dict[str, Entity] = {}
        self.by_identifier: dict[str, str] = {}
        self.by_key: dict[str, set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.forms: dict[str, list[PersonName]] = {}
        for entity in self.known.values():
            self.add(entity)

    def add(self, entity: Entity) -> None:
        self.entities[entity.id] = entity
        for identifier in entity.identifiers:
            self.by_identifier[identifier] = entity.id
        forms = self.forms[entity.id] = []
        for name in filter(_matched, entity.names):
            for key in name_keys(name.text):
                self.by_key.setdefault(key, set()).add(entity.id)
            form = _form(name.text)
            if form.surname and form.given:
                forms.append(form)
                for surname in form.surnames:
                    self.by_surname.setdefault(name_skeleton(surname), set()).add(entity.id)

    def same_as(self, entry: Entity) -> Entity | tuple[str, ...] | None:
        """The one person the entry describes; the candidates' ids if several; or None."""
        for identifier in entry.identifiers:
            if identifier in self.by_identifier:
                return self.entities[self.by_identifier[identifier]]
        names = [name for name in entry.names if _matched(name)]
        found = {person for name in names for key in name_keys(name.text)
                 for person in self.by_key.get(key, ())}
        forms = [form for form in map(_form, (name.text for name in names))
                 if form.surname and form.given]
        by_surname = {person for form in forms for surname in form.surnames
                      for person in self.by_surname.get(name_skeleton(surname), ())
                      if any(same_person(form, other) for other in self.forms[person])}
        # a given name left out ("George" beside "George S.") is trusted only where the
        # descriptions do not name two countries
        nations = nationalities(entry.description)
        found |= {person for person in by_surname - found
                  if not (nations and self._nations(person) and
                          not nations & self._nations(person))
                  or any(same_person(form, other, whole=True) for form in forms
                         for other in self.forms[person])}
        volumes = {_volume(identifier) for identifier in entry.identifiers}
        years = _years(entry)
        found = {person for person in found
                 if not volumes & self._volumes(person)
                 and _alive(self.entities[person], years)}
        if not found:
            found = {person for person in self._misprinted(entry, forms)
                     | self._generation_left_out(entry, forms)
                     if not volumes & self._volumes(person)
                     and _alive(self.entities[person], years)}
            if len(found) > 1:
                return None  # a misprint is trusted only where it can be one person's
        if len(found) > 1:
            return self._likeliest(entry, forms, found)
        return self.entities[found.pop()] if found else None

    def _misprinted(self, entry: Entity, forms: list[PersonName]) -> set[str]:
        """Persons the entry names but for a later initial ("Andrei I. Gromyko" beside
        "Andrei A."), the same first name written in full, the same generation, and the same
        office of the same country: every word of the entry's description is one the person's
        descriptions use ("Soviet Foreign Minister"). A volume's misprint, not another man: two
        men of one surname and first name do not hold one office of one country."""
        words = office_words(entry.description)
        nations = nationalities(entry.description)
        if not words or not nations:
            return set()
        found = set()
        for form in forms:
            first = _TOKENS.findall(form.given[0])[:1] if form.given else []
            if not first or len(first[0]) < 2:
                continue
            for surname in form.surnames:
                for person in self.by_surname.get(name_skeleton(surname), ()):
                    if words <= self._words(person) and nations <= self._nations(person) and \
                            any(_first_name_same(form, other, first[0])
                                for other in self.forms[person]):
                        found.add(person)
        return found

    def _generation_left_out(self, entry: Entity, forms: list[PersonName]) -> set[str]:
        """Persons of the entry's whole name but for a generation one list prints and
        another leaves out ("Abrams, Creighton W., Jr." and "Abrams, General Creighton W."),
        where the person's descriptions hold two words of the entry's and at least a third
        of them ("army", "chief", "staff", "usa") and name no two countries: a father and a son
        of one name are told apart by their offices (Frank G. Wisner, III, of the State
        Department, shares only "director" with his father of the CIA; Christian A. Herter,
        Jr., Special Assistant to the Secretary of State and Director of the Office of
        Environmental Affairs, shares "secretary" and "state" and little else with his
        father, the Secretary)."""
        words = office_words(entry.description)
        nations = nationalities(entry.description)
        found = set()
        for form in forms:
            if not form.suffix and not any(
                    other.suffix for person in self._by_surnames(form)
                    for other in self.forms[person]):
                continue
            for person in self._by_surnames(form):
                shared = words & self._words(person)
                if len(shared) >= 2 and 3 * len(shared) >= len(words) and not (
                        nations and self._nations(person) and
                        not nations & self._nations(person)) and any(
                        bool(form.suffix) != bool(other.suffix) and same_person(
                            replace(form, suffix=""), replace(other, suffix=""), whole=True)
                        for other in self.forms[person]):
                    found.add(person)
        return found

    def _by_surnames(self, form: PersonName) -> set[str]:
        return {person for surname in form.surnames
                for person in self.by_surname.get(name_skeleton(surname), ())}

    def _likeliest(self, entry: Entity, forms: list[PersonName],
                   found: set[str]) -> Entity | tuple[str, ...]:
        """The one of several persons an entry is likeliest to describe: the one whose
        description shares most words with the entry's, then whose given names agree best;
        of persons equally likely, the one more volumes list, unless two of them are known
        to be two people (one volume lists both, or their descriptions share no word), which
        the entry cannot tell apart: then their ids."""
        words = office_words(entry.description)

        def likeness(person: str) -> tuple[int, float]:
            # the given names agree with each of the person's forms, not only the nearest:
            # a person that gained the entry's own form from another entry is no nearer
            agreements = [max(given_agreement(form, other) for form in forms)
                          for other in self.forms[person]
                          if any(same_person(form, other) for form in forms)]
            return len(words & self._words(person)), min(agreements, default=0.0)

        scores = {person: likeness(person) for person in found}
        best = max(scores.values())
        top = sorted(person for person in found if scores[person] == best)
        if any(self._volumes(one) & self._volumes(other)
               or not self._words(one) & self._words(other)
               for one in top for other in top if one < other):
            return tuple(top)
        return self.entities[max(top, key=lambda person: (
            len(self.entities[person].identifiers), person))]

    def _descriptions(self, person: str) -> list[str]:
        entity = self.entities[person]
        return [entity.description] + [name.note for name in entity.names if name.note]

    def _words(self, person: str) -> frozenset[str]:
        return frozenset().union(*map(office_words, self._descriptions(person)))

    def _nations(self, person: str) -> frozenset[str]:
        return frozenset().union(*map(nationalities, self._descriptions(person)))

    def _volumes(self, person: str) -> set[str]:
        return {_volume(identifier) for identifier in self.entities[person].identifiers}


def _first_name_same(form: PersonName, other: PersonName, first: str) -> bool:
    """Whether another form of the same surname and generation begins its given names with
    the same first name in full."""
    if form.suffix != other.suffix or not {name_skeleton(s) for s in form.surnames} & {
            name_skeleton(s) for s in other.surnames}:
        return False
    return any(_TOKENS.findall(given)[:1] and
               name_skeleton(_TOKENS.findall(given)[0]) == name_skeleton(first)
               for given in other.given)


def _matched(name: Name) -> bool:
    return name.kind not in _NOT_MATCHED and name.note != NICKNAME and not (
        name.valid_from or name.valid_to)


def _form(text: str) -> PersonName:
    """A name in its parts, whether printed surname first ("Abrams, Creighton W., Jr.") or
    in natural order ("Creighton W. Abrams, Jr.")."""
    without_generation = re.sub(r",\s*(?:Jr|Sr)\.?$|,?\s+(?:II|III|IV)$", "", text.strip())
    return read_listed(text) if "," in without_generation else from_natural(text)


def _volume(identifier: str) -> str:
    """ "frus:frus1955-57v03#p_DJF1" -> "frus:frus1955-57v03"."""
    return identifier.partition("#")[0] if "#" in identifier else ""


def _years(entry: Entity) -> tuple[int, ...]:
    """The years an entry speaks of: its volume's last year (the person lived then or
    earlier) and the years its description names."""
    years = [int(year) for year in _YEAR.findall(entry.description)]
    for identifier in entry.identifiers:
        match = _VOLUME_YEARS.search(_volume(identifier))
        if match:
            first, last = match.group(1), match.group(2) or ""
            last = first[: 4 - len(last)] + last if last else first
            years.append(-int(last))  # negative: a year by which the person was born
    return tuple(years)


def _alive(person: Entity, years: tuple[int, ...]) -> bool:
    born = int(person.born[:4]) if person.born[:4].isdigit() else None
    died = int(person.died[:4]) if person.died[:4].isdigit() else None
    for year in years:
        if year < 0:
            if born is not None and -year < born:
                return False
        elif (born is not None and year < born) or (died is not None and year > died):
            return False
    return True


def with_entities(volume: Volume, by_identifier: Mapping[str, Entity]) -> Volume:
    """The volume with each listed person and term's ``entity_id``: the authority's entity
    that carries the volume's id for the entry ("frus:frus1955-57v03#p_DJF1"), or "" where
    none does."""

    def matched(entries: tuple[ListEntry, ...]) -> tuple[ListEntry, ...]:
        return tuple(replace(entry, entity_id=getattr(by_identifier.get(
            f"frus:{volume.id}#{entry.key}"), "id", "")) for entry in entries)

    return replace(volume, persons=matched(volume.persons), terms=matched(volume.terms))


def descriptions(entity: Entity) -> tuple[SourceDescription, ...]:
    """What each volume's list says of a person, in the order the volumes were read: the
    description each carries on the name as it lists it (not its other spellings or
    nicknames), once a source."""
    found: dict[str, SourceDescription] = {}
    for name in entity.names:
        if name.note and name.source and name.note not in (NICKNAME, OTHER_SPELLING) \
                and "#" in name.source and name.source not in found:
            found[name.source] = SourceDescription(name.source,
                                                   name.source.partition("#")[0], name.note)
    return tuple(found.values())
