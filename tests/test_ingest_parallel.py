"""Ingest in worker processes links as ingest in one process does: the workers link with the
parent's gazetteer (handed over, not rebuilt) and dictionaries the parent loaded."""

from __future__ import annotations

from chancery.archive import Archive
from tests.conftest import WILSON

RECORDS = ("1948-04-26_mao-zedong-to-filippov.md", "1949-02-03_filippov-to-mikoyan.md",
           "1975-06-19_cable-ambassador-pauls-foreign-office-german.md")  # names proposed too


def test_parallel_ingest_with_an_authority_links_as_serial_ingest(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(72):  # past the count from which workers are started
        name = RECORDS[number % len(RECORDS)]
        record = (WILSON / name).read_text()
        record = record.replace("document/", f"document/9{number:03d}", 1)
        (folder / f"r{number:03d}.md").write_text(record)
    archives = []
    for jobs in (1, 2):
        archive = Archive.open(tmp_path / f"jobs{jobs}", create=True)
        archive.settings = archive.settings.__class__(jobs=jobs)
        archive.load_authority()
        report = archive.ingest([folder])
        assert (report.added, report.failed) == (72, 0)
        archives.append(archive)
    serial, parallel = archives
    ids = [document.id for document in serial.documents()]
    assert ids == [document.id for document in parallel.documents()]
    links = [serial.links(document_id) for document_id in ids]
    assert links == [parallel.links(document_id) for document_id in ids]
    assert sum(len(mentions) for mentions, _ in links) > 72  # names were linked
    assert sum(len(proposals) for _, proposals in links) > 0  # and names proposed
