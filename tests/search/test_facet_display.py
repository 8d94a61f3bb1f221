"""Facets show names as the source writes them ("RGASPI", "Department of State"), while
filters still match whatever the case typed."""

from __future__ import annotations

from dataclasses import replace

from chancery.archive import Archive
from tests.conftest import MAO_1948, SAMPLES, STALIN_1949, WILSON, read_record


def shown(results, facet):
    return {value.value: value.count for value in results.facets[facet]}


def test_repositories_and_collections_keep_the_sources_case(archive: Archive):
    archive.load_authority()
    archive.ingest([WILSON, SAMPLES / "frus"])
    holdings = archive.overview(("repository", "collection"), size=1000)
    assert {"RGASPI": 2, "APRF": 1}.items() <= shown(holdings, "repository").items()
    collections = shown(holdings, "collection")
    assert collections and all(name != name.lower() for name in collections)
    assert any(name.startswith("Foreign Relations of the United States") for name in collections)
    for typed in ("archive:rgaspi", "archive:RGASPI", "archive:Rgaspi"):
        assert archive.search(typed, limit=10).total == 2
    # counted by what the query leaves out (it finds most of the archive): the same forms
    most = archive.search("-archive:aprf", limit=0, facets=("repository",))
    assert shown(most, "repository")["RGASPI"] == 2 and "APRF" not in shown(most, "repository")


def test_spellings_differing_only_in_case_are_one_value_shown_as_most_write_it(
        archive: Archive):
    mao, stalin = read_record(MAO_1948), read_record(STALIN_1949)
    for document, collection in ((mao, "Department of State"),
                                 (replace(mao, id="wilson:113702-copy"), "Department of State"),
                                 (stalin, "department of state")):
        archive.add(replace(document, collections=(collection,)))
    collections = shown(archive.overview(("collection",)), "collection")
    assert collections == {"Department of State": 3}
    assert archive.search('collection:"department of state"', limit=10).total == 3
