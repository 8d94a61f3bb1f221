"""The order of a list of people: by surname, as an index of persons is, not by the first
word of the name ("Admiral Arleigh A. Burke" under B, "Sir Anthony Eden" under E).

The surname is, for a name written surname first (a name the authority also holds in
Chinese, Korean, Vietnamese or Japanese, or in a Chinese transcription: "Mao Zedong"), its
first word; else the one the volumes' lists print first ("Abrams, Creighton W., Jr."), or
the first word of a name a list prints in its own order ("Ngo Dinh Diem"); else the last
word of the name in natural order, titles and generation left out ("Dr. Henry A.
Kissinger", "Creighton W. Abrams, Jr.").
"""

from __future__ import annotations

import re
import unicodedata

from chancery.model import Entity, EntityKind, NameKind
from chancery.text.person_names import from_natural, read_listed

# names whose surname comes first: the entity has a name in these languages or systems
_SURNAME_FIRST_LANGS = frozenset({"zh", "ko", "vi", "ja"})
_SURNAME_FIRST_SYSTEMS = frozenset({"pinyin", "wade-giles", "palladius"})


def sort_key(entity: Entity) -> tuple[str, str, str]:
    """(surname, the rest of the name, id), folded for comparing: what a list of people
    sorts by. Other entities sort by their preferred name."""
    preferred = entity.preferred
    if entity.kind is not EntityKind.PERSON:
        return _folded(preferred), "", entity.id
    if any(name.lang in _SURNAME_FIRST_LANGS or name.system in _SURNAME_FIRST_SYSTEMS
           for name in entity.names):
        surname = _first_word(preferred)  # "Zhou Enlai", whatever a list made of it
    else:
        surname = _listed_surname(entity) or _natural_surname(preferred)
    rest = preferred.replace(surname, " ", 1) if surname else preferred
    return _folded(surname or preferred), _folded(rest), entity.id


def _listed_surname(entity: Entity) -> str:
    """The surname of the entity's name as a volume's list printed it: before the comma
    ("Abrams, Creighton W., Jr."), else, for a name a list printed in its own order ("Ngo
    Dinh Diem", "Prince Norodom Sihanouk"), its first word after the titles."""
    listed = [name for name in entity.names
              if "#" in name.source and name.kind is not NameKind.PSEUDONYM]
    for name in listed:
        if "," in name.text:
            surname = read_listed(name.text).surname
            if surname:
                return surname
    if listed:
        return _first_word(listed[0].text)
    return ""


def _natural_surname(preferred: str) -> str:
    parsed = from_natural(preferred)
    words = re.sub(r",.*$", "", preferred).split()
    return parsed.surname or (words[-1] if words else "")


def _first_word(text: str) -> str:
    """The first word once titles are left out: "Chairman Mao Zedong" is Mao."""
    parsed = from_natural(text)
    given = parsed.given[0].split() if parsed.given else []
    if given:
        return given[0]
    words = re.sub(r",.*$", "", text).split()
    return words[0] if words else ""


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)
                            and (c.isalnum() or c.isspace())).split())
