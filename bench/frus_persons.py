"""FRUS persons lists: how the entries of the volumes' lists of persons become persons.

    python bench/frus_persons.py VOLUME.xml... [--merges] [--ambiguous]

Reads each volume's list of persons as ingest does (chancery/formats/frus_persons.py) and
merges them, volume after volume, into the starter authority (chancery/volume_lists.py), as
``chancery ingest`` would into a new archive. Prints the entries read, the entries that only
point to another ("see ..."), the persons made, the entries merged into a person of the
starter authority and into a person another entry made, and the entries left apart because
several persons matched. ``--merges`` lists every merge (entry as listed -> person's
preferred name) for checking by hand; ``--ambiguous`` the entries left apart.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery import volume_lists  # noqa: E402
from chancery.archive import STARTER_AUTHORITY  # noqa: E402
from chancery.formats import authority_yaml, tei  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("volumes", nargs="+", type=Path)
    parser.add_argument("--merges", action="store_true")
    parser.add_argument("--ambiguous", action="store_true")
    options = parser.parse_args()
    known = authority_yaml.read(STARTER_AUTHORITY.read_bytes(), str(STARTER_AUTHORITY))
    listed, listed_as = [], {}
    for path in options.volumes:
        people, _terms = tei.listed_entities(path.read_bytes(), str(path), 10**9)
        listed += people
        for person in people:
            for name in person.names:
                if name.note == person.description and name.source:
                    listed_as[f"frus:{name.source}"] = name.text
    entries = sum(len(person.identifiers) for person in listed)
    people, report = volume_lists.merge(listed, known)
    print(f"volumes: {len(options.volumes)}")
    print(f"entries in the lists of persons: {entries}")
    print(f"entries that point to another (see ...): {entries - len(listed)}")
    print(f"persons made: {report.made}")
    print(f"entries merged into a person of the starter authority: {report.into_known}")
    print(f"entries merged into a person another entry made: {report.into_listed}")
    print(f"entries left apart, several persons matched: {len(report.ambiguous)}")
    preferred = {person.id: person.preferred for person in people}
    preferred.update((person.id, person.preferred) for person in known
                     if person.id not in preferred)
    if options.merges:
        for identifier, person in report.merges:
            print(f"  {listed_as.get(identifier, identifier)!r} -> {preferred[person]!r} "
                  f"({person}, from {identifier})")
    if options.ambiguous:
        for identifier, candidates in report.ambiguous:
            print(f"  {listed_as.get(identifier, identifier)!r}: "
                  + ", ".join(f"{preferred.get(c, c)!r} ({c})" for c in candidates))


if __name__ == "__main__":
    main()
