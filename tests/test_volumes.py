"""A FRUS volume in the archive: kept once, each document with its own fragment and its place,
an unchanged volume left alone, a changed one read again."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from sqlalchemy import func, select

from chancery.formats import jsonl, tei
from chancery.store import changes
from chancery.store.schema import sources

EXTRACT = Path(__file__).resolve().parent / "data" / "frus" / "frus1958-60v18-extract.xml"


def last_change(archive) -> int:
    with archive.store.engine.connect() as connection:
        return changes.last_seq(connection)


def test_a_volume_is_kept_once_and_each_document_keeps_its_own_fragment(archive):
    report = archive.ingest([EXTRACT])
    assert (report.added, report.failed) == (7, 0)
    whole = hashlib.sha256(EXTRACT.read_bytes()).hexdigest()
    [listed] = archive.volumes()
    assert (listed.id, listed.documents) == ("frus1958-60v18", 7)
    volume = archive.volume("frus1958-60v18")
    assert volume.source_sha256 == whole and volume.subtitle == "Japan; Korea"
    assert archive.volume_source(volume.id) == EXTRACT.read_text()
    with archive.store.engine.connect() as connection:
        kept = connection.execute(select(func.count()).select_from(sources)
                                  .where(sources.c.sha256 == whole)).scalar_one()
    assert kept == 1
    for entry in volume.documents:
        document = archive.get(entry.id)
        assert document.source.container == whole
        assert document.source.text.startswith('<div xmlns="http://www.tei-c.org/ns/1.0"')
        assert document.in_volume.number == entry.number


def test_a_document_s_json_carries_its_fragment_not_the_volume(archive):
    archive.ingest([EXTRACT])
    sizes = []
    for document in archive.documents():
        fragment = len(document.source.text.encode())
        assert fragment < EXTRACT.stat().st_size / 3
        sizes.append((len(jsonl.dumps(document)), fragment))
    # what every document carries (citation, publication, chapters) weighs on the shortest:
    # an editorial note of 1 KB of XML has 3.6 times that in JSON; the others under 3
    assert sum(json for json, _ in sizes) <= 3 * sum(fragment for _, fragment in sizes)
    assert all(json <= 3 * fragment for json, fragment in sizes if fragment > 2000)


def test_reading_an_unchanged_volume_again_changes_nothing(archive):
    archive.ingest([EXTRACT])
    before = last_change(archive)
    again = archive.ingest([EXTRACT])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 7)
    assert last_change(archive) == before


def test_a_changed_volume_is_read_again_and_its_table_of_contents_follows(archive, tmp_path):
    archive.ingest([EXTRACT])
    changed = tmp_path / EXTRACT.name
    shutil.copy(EXTRACT, changed)
    text = changed.read_text().replace("U.S. Policy Toward Japan", "United States Policy "
                                       "Toward Japan")
    changed.write_text(text)
    report = archive.ingest([changed])
    assert report.updated == 7  # each names the new file it was cut from
    japan = archive.volume("frus1958-60v18").chapters[0].chapters[0]
    assert japan.title == "United States Policy Toward Japan"
    assert archive.get(japan.documents[0]).in_volume.chapters[1] == japan.title
    assert archive.volume("frus1958-60v18").source_sha256 == tei.read_volume(
        changed.read_bytes(), changed.name).source.sha256


def test_a_repeated_xml_id_is_a_warning_naming_the_place_and_the_volume_goes_in(archive,
                                                                                tmp_path):
    slipped = tmp_path / EXTRACT.name
    slipped.write_text(EXTRACT.read_text().replace('xml:id="pg_4"', 'xml:id="pg_2"'))
    report = archive.ingest([slipped])
    assert (report.added, report.failed) == (7, 0)
    line = next(number for number, text in enumerate(slipped.read_text().splitlines(), 1)
                if '<pb n="4" xml:id="pg_2"' in text)
    assert (str(slipped), f"{slipped}:{line}: ID pg_2 already defined (read past)") in \
        report.warnings
    assert archive.volume("frus1958-60v18").documents[-1].number == "286"
