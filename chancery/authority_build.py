"""The authority a new archive starts with: the starter file, the persons of the FRUS
volumes' lists and the places of the period, as one file shipped in the package.

Each listed person is merged into one person whatever the volumes' spellings
(chancery/volume_lists.py: name keys, given names and initials, generations, dates and
descriptions), keeping each volume's description on the name as that volume lists it, with
the volume's id for the entry as its source, and the entries' ids as identifiers, so that
ingesting one of these volumes later finds its people already there. The places come from
GeoNames (chancery/period_places.py), with the cities the volumes' editors tag. The result
depends only on its inputs: volumes are read in the order of their names, entities are
written in the order of their ids (chancery/formats/authority_jsonl.py), so the same inputs
give the same bytes. ``scripts/build_authority.py`` runs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chancery import period_places, volume_lists
from chancery.formats import authority_yaml, tei, tei_places
from chancery.formats.source import DEFAULT_MAX_BYTES
from chancery.model import Entity, EntityKind


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What a build read and made."""

    volumes: int  # volumes read
    entries: int  # persons listed, over all volumes
    merged: int  # entries that joined a person another entry or the starter file gave
    into_starter: int  # of those, entries that joined a person of the starter file
    persons: int
    places: int
    places_with_coordinates: int
    entities: int  # everything shipped: persons, places, organisations
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]  # entries left apart, and whom


def build(volumes: Iterable[str | Path], starter: str | Path,
          max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Entity], BuildReport]:
    """The shipped authority's entities, in id order, and the report of the build."""
    starter_path = Path(starter)
    known = authority_yaml.read(starter_path.read_bytes(), str(starter_path))
    paths = sorted((Path(volume) for volume in volumes), key=lambda path: path.name)
    listed: list[Entity] = []
    place_names: list[str] = []
    for path in paths:
        data = path.read_bytes()
        listed += tei.listed_entities(data, str(path), max_bytes)[0]
        place_names += tei_places.place_names(data, str(path))
    people, report = volume_lists.merge(listed, known)
    entities = {entity.id: entity for entity in known}
    entities.update((person.id, person) for person in people)
    entities.update((place.id, place) for place in period_places.places(
        entities.values(), place_names))
    shipped = [entities[key] for key in sorted(entities)]
    places = [entity for entity in shipped if entity.kind is EntityKind.PLACE]
    return shipped, BuildReport(
        volumes=len(paths), entries=report.listed,
        merged=report.into_known + report.into_listed, into_starter=report.into_known,
        persons=sum(entity.kind is EntityKind.PERSON for entity in shipped),
        places=len(places),
        places_with_coordinates=sum(place.coordinates is not None for place in places),
        entities=len(shipped), ambiguous=tuple(report.ambiguous))
