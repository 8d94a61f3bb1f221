"""The persons FRUS volumes list become the archive's persons: each once, whatever the number
of volumes that list them, and the authority's own people are not listed again beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery import volume_lists
from chancery.archive import STARTER_AUTHORITY
from chancery.formats import authority_yaml, frus_persons, tei

EXTRACTS = sorted((Path(__file__).parent / "data" / "frus").glob("persons-*.xml"))


@pytest.fixture(scope="module")
def starter():
    return authority_yaml.read(STARTER_AUTHORITY.read_bytes(), str(STARTER_AUTHORITY))


@pytest.fixture(scope="module")
def listed():
    return [person for path in EXTRACTS
            for person in tei.listed_entities(path.read_bytes(), path.name)[0]]


@pytest.fixture(scope="module")
def merged(listed, starter):
    people, report = volume_lists.merge(listed, starter)
    by_identifier = {identifier: person for person in people
                     for identifier in person.identifiers}
    return by_identifier, report


def test_dean_rusk_listed_in_five_volumes_is_one_person_with_each_volumes_description(merged):
    people, _report = merged
    rusk = {people[identifier].id for identifier in people if "Rusk" in people[
        identifier].preferred}
    assert len(rusk) == 1
    person = people[next(identifier for identifier in people
                         if people[identifier].preferred == "Dean Rusk")]
    described = {name.source: name.note for name in person.names if name.note}
    assert len(described) == 5
    assert described["frus1964-68v30#p_RD1"].startswith("Secretary of State")


def test_mao_and_zhou_of_the_lists_are_the_authoritys_mao_and_zhou(merged):
    people, _report = merged
    assert people["frus:frus1964-68v30#p_MTMZ1"].id == "person/mao-zedong"
    assert people["frus:frus1969-76v38p1#p_MZ_1"].id == "person/mao-zedong"
    assert people["frus:frus1952-54v02p1#p_MAOTSETUNG1"].id == "person/mao-zedong"
    assert people["frus:frus1964-68v30#p_CEZE1"].id == "person/zhou-enlai"
    mao = people["frus:frus1964-68v30#p_MTMZ1"]
    assert mao.preferred == "Mao Zedong"  # the authority's own preferred name stays
    assert any(name.text == "Mao Tse-tung (Mao Zedong)" and name.source ==
               "frus1964-68v30#p_MTMZ1" for name in mao.names)


def test_an_entry_that_points_to_another_gives_it_its_id(merged):
    people, _report = merged
    assert people["frus:frus1961-63v04#p_DIEM1"].preferred == "Ngo Dinh Diem"
    assert people["frus:frus1964-68v30#p_ZE1"].id == "person/zhou-enlai"  # "see Chou En-lai"


def test_madame_nhu_is_not_her_husband(merged):
    people, _report = merged
    husband = [person for person in people.values() if person.preferred == "Ngo Dinh Nhu"]
    wife = [person for person in people.values() if person.preferred == "Madame Ngo Dinh Nhu"]
    assert husband and wife and husband[0].id != wife[0].id
    assert any(name.text == "Tran Le Xuan" for name in wife[0].names)


@pytest.mark.parametrize(("one", "other"), [
    ("C. Tyler Wood", "Chalmers Wood"),
    ("Herbert Hoover, Jr.", "J. Edgar Hoover"),
])
def test_people_of_one_surname_stay_apart(merged, one, other):
    people, _report = merged
    ids = {name: {person.id for person in people.values() if person.preferred == name}
           for name in (one, other)}
    assert len(ids[one]) == len(ids[other]) == 1 and ids[one] != ids[other]


def test_a_general_is_one_person_under_every_title_and_form(merged):
    people, _report = merged
    abrams = people["frus:frus1969-76v38p1#p_ACW_1"]
    assert abrams.preferred == "Creighton W. Abrams, Jr."


def test_reading_the_volumes_again_changes_nothing(listed, starter, merged):
    people, _report = merged
    known = {person.id: person for person in starter}
    known.update((person.id, person) for person in people.values())
    again, report = volume_lists.merge(listed, known.values())
    assert again == []
    assert report.made == 0 and report.again == report.listed


def test_george_brown_the_british_foreign_secretary_is_not_general_george_s_brown(merged):
    people, _report = merged
    assert people["frus:frus1964-68v11#p_BG4"].id != people["frus:frus1964-68v07#p_BGGS1"].id


NAMESAKES = sorted((Path(__file__).parent / "data" / "frus").glob("namesakes-*.xml"))


@pytest.fixture(scope="module")
def namesakes(starter):
    listed = [person for path in NAMESAKES
              for person in tei.listed_entities(path.read_bytes(), path.name)[0]]
    people, report = volume_lists.merge(listed, starter)
    return {identifier: person for person in people
            for identifier in person.identifiers}, report


def test_charles_e_wilson_secretary_of_defense_is_charles_erwin_not_charles_edward(namesakes):
    people, report = namesakes
    erwin = people["frus:frus1952-54v02p1#p_WILSONCE2"]
    assert people["frus:frus1955-57v02#p_WCE1"].id == erwin.id
    assert people["frus:frus1955-57v10#p_WCE1"].id == erwin.id
    assert people["frus:frus1952-54v02p1#p_WILSONCE1"].id != erwin.id
    assert report.ambiguous == []


def test_gromyko_under_five_forms_is_one_person_his_misprinted_initial_too(namesakes):
    people, report = namesakes
    gromyko = {people[f"frus:{source}"].id for source in (
        "frus1952-54v02p1#p_GROMYKOAA1", "frus1955-57v10#p_GAA1",
        "frus1964-68v07#p_GA1", "frus1964-68v11#p_GAA1",
        # "Gromyko, Andrei I., Soviet Foreign Minister": the volume's misprint of "A."
        "frus1961-63v15#p_GAA1")}
    assert len(gromyko) == 1
    assert len({person.id for person in people.values() if "Gromyko" in person.preferred}) == 1
    assert report.ambiguous == []


def test_a_later_initial_differing_joins_only_the_same_office_of_the_same_country(starter):
    listed = frus_persons.entities([
        ("Gromyko, Andrei A.", ", Soviet Foreign Minister", "frus1958-60x01#p_GAA1", "a"),
        ("Gromyko, Andrei I.", ", Soviet Foreign Minister", "frus1961-63x02#p_GAI1", "b"),
        ("Gromyko, Andrei B.", ", Soviet Ambassador to Poland", "frus1961-63x03#p_GAB1", "c"),
        ("Gromyko, Andrei C.", "", "frus1961-63x04#p_GAC1", "d"),
        ("Gromyko, Boris A.", ", Soviet Foreign Minister", "frus1961-63x05#p_GBA1", "e")])
    people, _report = volume_lists.merge(listed, starter)
    by_identifier = {identifier: person.id for person in people
                     for identifier in person.identifiers}
    assert by_identifier["frus:frus1961-63x02#p_GAI1"] == \
        by_identifier["frus:frus1958-60x01#p_GAA1"]
    # another office, no description, another first name: other men
    assert len({by_identifier[f"frus:{source}"] for source in (
        "frus1958-60x01#p_GAA1", "frus1961-63x03#p_GAB1", "frus1961-63x04#p_GAC1",
        "frus1961-63x05#p_GBA1")}) == 4


def test_an_entry_that_cannot_tell_two_namesakes_apart_is_left_apart_once(namesakes, starter):
    people, _report = namesakes
    known = {person.id: person for person in starter}
    known.update((person.id, person) for person in people.values())
    undescribed = frus_persons.entities([
        ("Wilson, Charles E.", "", "frus1953-54x01#p_WCE1", "x01-wce1"),
        ("Wilson, Charles E.", "", "frus1953-54x02#p_WCE1", "x02-wce1")])
    merged, report = volume_lists.merge(undescribed, known.values())
    assert [candidates for _entry, candidates in report.ambiguous] == [(
        people["frus:frus1952-54v02p1#p_WILSONCE1"].id,
        people["frus:frus1952-54v02p1#p_WILSONCE2"].id)]
    assert len(merged) == 1  # the second entry is the first's person, not a third Wilson
    assert set(merged[0].identifiers) == {"frus:frus1953-54x01#p_WCE1",
                                          "frus:frus1953-54x02#p_WCE1"}
