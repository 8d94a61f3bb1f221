"""People sort by surname: titles are not sort keys, a list's "Surname, Given" is read, and
names written surname first sort by their first word."""

from __future__ import annotations

from chancery.model import Entity, EntityKind, Name, NameKind
from chancery.text.surnames import sort_key


def person(key: str, *names: Name) -> Entity:
    return Entity(f"person/{key}", EntityKind.PERSON, names)


def preferred(text: str, **more: str) -> Name:
    return Name(text, NameKind.PREFERRED, "en", **more)


PEOPLE = [
    person("ngo-dinh-diem", preferred("Ngo Dinh Diem", source="frus1961-63v01#p_NDD1"),
           Name("Ngo Dinh Diem", NameKind.VARIANT, "en", source="frus1961-63v01#p_NDD1",
                note="President of the Republic of Vietnam")),
    person("kissinger", preferred("Dr. Henry A. Kissinger")),
    person("abrams", preferred("Creighton W. Abrams, Jr.", source="frus1969-76v38p1#p_ACW_1"),
           Name("Abrams, Creighton W., Jr.", NameKind.VARIANT, "en",
                source="frus1969-76v38p1#p_ACW_1", note="General, USA")),
    person("mao", preferred("Mao Zedong"), Name("毛泽东", NameKind.PREFERRED, "zh")),
    person("eden", preferred("Sir Anthony Eden")),
    person("burke", preferred("Admiral Arleigh A. Burke")),
    person("kim", preferred("Kim Il Sung"), Name("Kim Il-sung", NameKind.TRANSLITERATION, "en",
                                                 system="pinyin")),
]


def test_people_sort_by_surname_whatever_their_titles_and_order():
    assert [entity.id for entity in sorted(PEOPLE, key=sort_key)] == [
        "person/abrams", "person/burke", "person/eden", "person/kim", "person/kissinger",
        "person/mao", "person/ngo-dinh-diem"]


def test_namesakes_sort_by_their_given_names_then_their_ids():
    first = person("smith-b", preferred("Walter B. Smith"))
    second = person("smith-a", preferred("Alfred Smith"))
    assert sorted([first, second], key=sort_key) == [second, first]


def test_places_sort_by_their_preferred_name_folded():
    places = [Entity("place/zurich", EntityKind.PLACE, (preferred("Zürich"),)),
              Entity("place/aden", EntityKind.PLACE, (preferred("Aden"),))]
    assert [sort_key(place)[0] for place in sorted(places, key=sort_key)] == ["aden", "zurich"]
