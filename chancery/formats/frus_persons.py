"""A FRUS volume's list of persons, as entities of the authority.

Each entry ("Abrams, Creighton W., Jr., General, USA; Commander, ...") becomes a person named
in natural order ("Creighton W. Abrams, Jr.", preferred), as listed (carrying what the volume
says of them, with the volume's id for the entry as its source), in the other spellings the
entry gives ("Mao Zedong") and by the nickname it gives ("Jerry Bremer"). An entry that only
points to another ("Diem, see Ngo Dinh Diem") gives that person the entry's id instead of a
person of its own; a pointer to nothing listed is kept as an entry of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from chancery.model import Entity, EntityKind, Name, NameKind
from chancery.text.person_names import PersonName, read_listed

NICKNAME = "nickname in the list"  # the note of a name made of a nickname and the surname
OTHER_SPELLING = "other spelling in the list"


def entities(entries: Iterable[tuple[str, str, str, str]]) -> list[Entity]:
    """The persons of a list, from its entries: (the name as listed, what follows it, the
    volume's id for the entry "frus1955-57v03#p_DJF1", an entity key)."""
    people: list[tuple[PersonName, Entity]] = []
    pointers: list[tuple[PersonName, str, str]] = []
    for listed, rest, source, key in entries:
        person = read_listed(listed, rest)
        entity = Entity(f"person/{key}", EntityKind.PERSON, listed_names(person, source),
                        description=person.description, identifiers=(f"frus:{source}",))
        if person.see:
            pointers.append((person, source, key))
        people.append((person, entity))
    found = {entity.id: entity for _person, entity in people}
    for person, source, key in pointers:
        target = _pointed_to(person.see, [pair for pair in people if not pair[0].see])
        if target is not None:
            del found[f"person/{key}"]
            found[target.id] = replace(found[target.id], identifiers=found[
                target.id].identifiers + (f"frus:{source}",))
    return list(found.values())


def listed_names(person: PersonName, source: str) -> tuple[Name, ...]:
    """The names a listed person goes by, each from ``source``: the natural order
    (preferred), the form as listed, carrying what the list says of them, the other
    spellings, and the nicknames with the surname."""
    names = [Name(person.natural, NameKind.PREFERRED, "en", source=source,
                  note="" if person.listed != person.natural else person.description)]
    if person.listed != person.natural:
        names.append(Name(person.listed, NameKind.VARIANT, "en", source=source,
                          note=person.description))
    names += [Name(other, NameKind.VARIANT, "en", source=source, note=OTHER_SPELLING)
              for other in person.others]
    names += [Name(nickname, NameKind.VARIANT, "en", source=source, note=NICKNAME)
              for nickname in person.nicknames]
    return tuple(names)


def _pointed_to(target: str, people: list[tuple[PersonName, Entity]]) -> Entity | None:
    """The one entry a "see ..." names: by its whole name in any form, else by surname."""
    wanted = target.casefold()
    for forms in (lambda person: (person.natural, person.listed, *person.others),
                  lambda person: person.surnames):
        found = {entity.id: entity for person, entity in people
                 if wanted in (form.casefold() for form in forms(person))}
        if found:
            return next(iter(found.values())) if len(found) == 1 else None
    return None
