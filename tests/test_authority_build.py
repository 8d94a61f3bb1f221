"""The shipped authority: built from the starter file, the FRUS volumes' persons lists and
GeoNames' places, the same bytes from the same inputs; each person once whatever the
volumes' spellings, with each volume's description; every country and capital of the
period with coordinates; and the file that ships is what a new archive loads."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from chancery.archive import SHIPPED_AUTHORITY, STARTER_AUTHORITY, Archive
from chancery.authority_build import build
from chancery.errors import InputError
from chancery.formats import authority_jsonl
from chancery.formats.frus_persons import NICKNAME, OTHER_SPELLING
from chancery.model import EntityKind

# extracts of seven volumes' lists; 1961-63v22, 1969-76v20, 1958-60v01 and 1969-76ve14p1
# are among the volumes held out while the merging was tuned
VOLUMES = sorted((Path(__file__).parent / "data" / "authority").glob("*.xml"))


@pytest.fixture(scope="module")
def built():
    entities, report = build(VOLUMES, STARTER_AUTHORITY)
    return entities, report


@pytest.fixture(scope="module")
def by_identifier(built):
    entities, _report = built
    return {identifier: entity for entity in entities for identifier in entity.identifiers}


@pytest.fixture(scope="module")
def by_id(built):
    return {entity.id: entity for entity in built[0]}


def test_the_same_volumes_build_the_same_bytes(built):
    entities, _report = built
    again, _ = build(list(reversed(VOLUMES)), STARTER_AUTHORITY)  # the order given is no matter
    first = authority_jsonl.write(entities)
    assert authority_jsonl.write(again) == first
    assert authority_jsonl.read(first, "built.jsonl.gz") == tuple(entities)


def test_gromyko_in_three_volumes_and_three_spellings_is_one_person(by_identifier, built):
    gromyko = {by_identifier[f"frus:{entry}"].id for entry in (
        "frus1964-68v07#p_GA1",  # "Gromyko, Andrei"
        "frus1961-63v15#p_GAA1",  # "Gromyko, Andrei I.": the volume's misprint
        "frus1969-76v20#p_GAA1")}  # "Gromyko, Andrei A.", held out
    assert len(gromyko) == 1
    assert sum("Gromyko" in entity.preferred for entity in built[0]) == 1


def test_abrams_with_and_without_his_generation_and_title_is_one_person(by_identifier):
    abrams = {by_identifier[f"frus:{entry}"].id for entry in (
        "frus1964-68v07#p_AGC1",  # "Abrams, General Creighton"
        "frus1969-76v38p1#p_ACW_1",  # "Abrams, Creighton W., Jr."
        "frus1969-76v20#p_AGCWJ1")}  # "Abrams, General Creighton W.", held out
    assert len(abrams) == 1


def test_mao_tse_tung_of_the_lists_is_the_starter_files_mao_zedong(by_identifier):
    for entry in ("frus1961-63v22#p_MTMZ1",  # "Mao Tse-tung (Mao Zedong)"
                  "frus1969-76v20#p_MZMT1"):  # "Mao Tse-tung"
        assert by_identifier[f"frus:{entry}"].id == "person/mao-zedong"


def test_a_father_and_his_son_of_one_name_stay_two_people(by_identifier):
    father = by_identifier["frus:frus1958-60v01#p_WFG1"]  # Frank G. Wisner, of the CIA
    son = by_identifier["frus:frus1969-76ve14p1#p_WFG1"]  # Frank G. Wisner, III
    assert father.id != son.id
    # "Secretary of State until January 20, 1961" and "Herter, Christian A., Jr., Special
    # Assistant to the Secretary of State": words every office uses tell no one apart
    father = by_identifier["frus:frus1961-63v22#p_HCA1"]
    son = by_identifier["frus:frus1969-76ve14p1#p_HCAJ1"]
    assert father.id != son.id


def test_each_person_keeps_each_volumes_description_with_the_volume_as_its_source(
        by_identifier):
    gromyko = by_identifier["frus:frus1969-76v20#p_GAA1"]
    described = {name.source: name.note for name in gromyko.names
                 if name.note and name.note not in (OTHER_SPELLING, NICKNAME)}
    assert described == {
        "frus1964-68v07#p_GA1": "Soviet Foreign Minister",
        "frus1961-63v15#p_GAA1": "Soviet Foreign Minister",
        "frus1969-76v20#p_GAA1": "Foreign Minister of the Soviet Union"}
    assert set(gromyko.identifiers) == {"frus:frus1964-68v07#p_GA1",
                                        "frus:frus1961-63v15#p_GAA1",
                                        "frus:frus1969-76v20#p_GAA1"}


def test_the_report_counts_entries_and_merges(built):
    entities, report = built
    assert report.volumes == 7
    assert report.entries == 15
    # Gromyko 3 -> 1, Abrams 3 -> 1, Mao 2 -> the starter's: 6 entries merged into another
    # entry's person, 2 of them into the starter's Mao; Brown, the two Wisners and the two
    # Herters stand alone, and so do the two Lodges, whose descriptions share no two words
    # of an office
    assert (report.merged, report.into_starter) == (6, 2)
    assert report.persons == sum(entity.kind is EntityKind.PERSON for entity in entities)


@pytest.mark.parametrize("place", [
    "place/ussr", "place/east-germany", "place/west-germany", "place/yugoslavia",
    "place/czechoslovakia", "place/south-vietnam", "place/north-vietnam", "place/china",
    "place/taiwan", "place/united-kingdom", "place/india", "place/egypt", "place/brazil"])
def test_the_states_of_the_period_are_places_with_coordinates(by_id, place):
    assert by_id[place].coordinates is not None
    assert by_id[place].coordinates_source.startswith("geonames-")


def test_every_country_and_capital_has_coordinates_where_geonames_has_its_capital(built):
    places = [entity for entity in built[0] if entity.kind is EntityKind.PLACE]
    countries = [place for place in places if place.description.startswith("Country")]
    assert len(countries) > 200
    missing = {place.preferred for place in countries if place.coordinates is None}
    # uninhabited or without a city of 15,000 in GeoNames' cities
    assert len(missing) <= 12 and "Antarctica" in missing
    capitals = [place for place in places if place.description.startswith("Capital of")]
    assert len(capitals) > 180 and all(place.coordinates for place in capitals)


def test_a_capital_carries_its_periods_name_and_geonames_point(by_id):
    saigon = next(entity for entity in by_id.values()
                  if any(name.text == "Saigon" for name in entity.names))
    assert saigon.preferred == "Ho Chi Minh City"
    latitude, longitude = saigon.coordinates
    assert 10 < latitude < 11.5 and 106 < longitude < 107.5
    assert saigon.coordinates_source == "geonames-1566083"


def test_the_places_the_volumes_editors_tag_are_places_with_coordinates(by_id):
    named = {name.text: entity for entity in by_id.values()
             if entity.kind is EntityKind.PLACE for name in entity.names}
    for place in ("Bangkok", "Washington", "Paris"):  # tagged in the extracts' datelines
        assert named[place].coordinates is not None


def test_a_name_of_two_places_stays_two_places(by_id):
    georgias = [entity for entity in by_id.values() if entity.kind is EntityKind.PLACE
                and entity.preferred == "Georgia"]
    assert {entity.description for entity in georgias} == {"Country (GE)",
                                                          "State of the United States"}


def test_the_starter_files_entities_are_kept_whole(by_id):
    mikoyan = by_id["person/mikoyan"]
    assert any(name.text == "Andreev" for name in mikoyan.names)
    assert by_id["place/beijing"].coordinates == (39.9075, 116.39723)


def test_a_broken_line_of_a_shipped_file_is_refused_naming_the_line():
    lines = gzip.decompress(SHIPPED_AUTHORITY.read_bytes()).splitlines()[:3]
    broken = gzip.compress(b"\n".join([lines[0], b'{"id": "person/x", "kind": "nobody"}']))
    with pytest.raises(InputError) as raised:
        authority_jsonl.read(broken, "broken.jsonl.gz")
    assert str(raised.value).startswith("broken.jsonl.gz:2: field 'kind'")
    twice = gzip.compress(b"\n".join([lines[0], lines[0]]))
    with pytest.raises(InputError, match="used twice"):
        authority_jsonl.read(twice, "twice.jsonl.gz")
    with pytest.raises(InputError, match="gzip"):
        authority_jsonl.read(b"not gzip", "plain.jsonl.gz")


def test_a_new_archive_loads_the_shipped_authority_whole(tmp_path):
    shipped = authority_jsonl.read(SHIPPED_AUTHORITY.read_bytes(), SHIPPED_AUTHORITY.name)
    persons = [entity for entity in shipped if entity.kind is EntityKind.PERSON]
    assert len(persons) > 2000
    assert sum("Gromyko" in person.preferred for person in persons) == 1
    with Archive.open(tmp_path / "archive", create=True) as archive:
        report = archive.load_authority(SHIPPED_AUTHORITY)
        assert (report.added, report.updated) == (len(shipped), 0)
        again = archive.load_authority(SHIPPED_AUTHORITY)
        assert (again.added, again.updated, again.unchanged) == (0, 0, len(shipped))
        assert archive.entity("person/mao-zedong").preferred == "Mao Zedong"


def test_the_shipped_authority_holds_kosygin_once_whatever_the_spelling_of_alexei():
    # "Alexei N. Kosygin" (1964-68v07, v11, v14...) and "Aleksei N. Kosygin" (1969-76v20):
    # one person, so that person:Kosygin finds him
    shipped = authority_jsonl.read(SHIPPED_AUTHORITY.read_bytes(), SHIPPED_AUTHORITY.name)
    kosygins = [entity for entity in shipped if entity.kind is EntityKind.PERSON and any(
        "Kosygin" in name.text for name in entity.names)]
    assert len(kosygins) == 1
    assert {"frus:frus1964-68v07#p_KA1", "frus:frus1969-76v20#p_KAN1"} <= \
        set(kosygins[0].identifiers)
