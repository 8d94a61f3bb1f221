"""Ingesting files and folders: counts, idempotence, and bad files that never stop a batch."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from chancery.archive import Archive
from chancery.errors import NotFoundError, StoreError
from chancery.model import EntityKind, Role
from chancery.store import changes
from tests.conftest import SAMPLES, WILSON


def test_ingest_folder_then_again_is_idempotent(archive):
    first = archive.ingest([WILSON])
    assert (first.added, first.updated, first.unchanged, first.failed) == (6, 0, 0, 0)
    second = archive.ingest([WILSON])
    assert (second.added, second.updated, second.unchanged, second.failed) == (0, 0, 6, 0)
    assert [item.id for item in archive.listing()][:3] == [
        "wilson:134364", "wilson:113702", "wilson:121768"]


def test_changed_file_is_updated_with_history(archive, tmp_path):
    folder = tmp_path / "records"
    shutil.copytree(WILSON, folder)
    archive.ingest([folder])
    path = folder / "1948-04-26_mao-zedong-to-filippov.md"
    path.write_text(path.read_text().replace("My health is not good.", "My health is poor."))
    report = archive.ingest([folder])
    assert (report.updated, report.unchanged) == (1, 5)
    assert len(archive.revisions("wilson:113702")) == 2


def test_bad_files_fail_alone_and_leave_nothing_half_written(archive, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(WILSON, folder)
    (folder / "empty.md").write_bytes(b"")
    (folder / "latin1.md").write_bytes("## **Mai 1948**\n\n### **Café**\n".encode("latin-1"))
    (folder / "binary.md").write_bytes(b"\x00\x01\x02")
    (folder / "truncated.md").write_bytes(
        (WILSON / "1948-04-26_mao-zedong-to-filippov.md").read_bytes()[:200])
    report = archive.ingest([folder])
    assert report.added == 6
    failed = {name.rsplit("/", 1)[-1]: message for name, message in report.failures}
    assert set(failed) == {"empty.md", "latin1.md", "binary.md", "truncated.md"}
    assert "empty.md:1: empty file" in failed["empty.md"]
    assert "truncated.md:" in failed["truncated.md"]
    assert archive.count() == 6
    assert archive.check() == []


def test_parallel_parsing_gives_the_same_archive_as_serial(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    source = (WILSON / "1948-04-26_mao-zedong-to-filippov.md").read_text()
    for number in range(80):
        record = source.replace("document/113702", f"document/{900000 + number}")
        (folder / f"r{number:03d}.md").write_text(record)
    (folder / "bad.md").write_text("no headings")
    serial = Archive.open(tmp_path / "serial", create=True)
    serial.settings = serial.settings.__class__(jobs=1)
    parallel = Archive.open(tmp_path / "parallel", create=True)
    parallel.settings = parallel.settings.__class__(jobs=2)
    one, two = serial.ingest([folder]), parallel.ingest([folder])
    assert (one.added, one.failed) == (two.added, two.failed) == (80, 1)
    assert list(serial.documents()) == list(parallel.documents())


def test_unknown_id_and_missing_archive(archive, tmp_path):
    with pytest.raises(NotFoundError, match="no document 'wilson:1'"):
        archive.get("wilson:1")
    with pytest.raises(StoreError, match="no archive in"):
        Archive.open(tmp_path / "nowhere")


def test_files_of_unknown_formats_in_folders_are_reported_as_skipped(archive, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(WILSON, folder)
    (folder / "notes.txt").write_text("a curator's notes")
    (folder / ".hidden.md").write_text("ignored")
    report = archive.ingest([folder])
    assert report.added == 6 and report.failed == 0
    assert [name.rsplit("/", 1)[-1] for name in report.skipped] == ["notes.txt"]


def test_a_frus_volume_brings_its_people_and_links_as_its_editors_did(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.load_authority()
        report = archive.ingest([SAMPLES / "frus"])
        assert (report.added, report.failed) == (14, 0)
        mao = archive.entity("person/mao-zedong")  # known already: gets the volume's id
        assert "frus:frus1955-57v03#p_MT1" in mao.identifiers
        assert "Mao Tse-tung" in [name.text for name in mao.names]
        mentions, _ = archive.links("frus:frus1955-57v03/d95")
        by_editor = {(mention.name, mention.entity_id) for mention in mentions
                     if mention.method == "editor"}
        assert ("Dulles", "person/frus1955-57v03-p-djf1") in by_editor
        assert ("Mao", "person/mao-zedong") in by_editor
        found = archive.search('person:"John Foster Dulles"')
        assert "frus:frus1955-57v03/d95" in {hit.id for hit in found.hits}


def test_a_frus_volume_brings_its_terms_linked_only_where_the_editors_glossed_them(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.ingest([SAMPLES / "frus"])
        ussr = archive.entity("term/frus1955-57v03-t-ussr1")
        assert ussr.description == "Union of Soviet Socialist Republics"
        assert len(archive.entities(EntityKind.TERM)) == 161
        mentions, _ = archive.links("frus:frus1955-57v03/d95")
        terms = {mention.name: mention for mention in mentions
                 if mention.entity_id.startswith("term/")}
        assert terms["USSR"].entity_id == ussr.id and terms["USSR"].method == "editor"
        assert terms["USSR"].role is Role.MENTIONED
        # "C" (Counselor) is a term too, but a lone letter in the text is not linked to it
        assert not any(mention.entity_id == "term/frus1955-57v03-t-c1" for document in
                       archive.documents() for mention in archive.links(document.id)[0])
        by_term = archive.search("term:USSR", facets=("term",))
        assert "frus:frus1955-57v03/d95" in {hit.id for hit in by_term.hits}
        counted = {value.value: value.count for value in by_term.facets["term"]}
        assert counted[ussr.id] == by_term.total


def test_check_verifies_the_search_index_against_the_store(archive):
    archive.ingest([WILSON])
    assert archive.check() == []
    # a document the index says it has applied but does not hold
    archive.store.put(replace(archive.get("wilson:121768"), id="wilson:7"))
    with archive.store.engine.connect() as connection:
        last = changes.last_seq(connection)
    (archive.folder / "index" / "applied-seq").write_text(str(last))
    assert any("1 documents missing from the search index: wilson:7" in problem
               for problem in archive.check())
    archive.reindex()
    assert archive.check() == []
    (archive.folder / "index" / "applied-seq").write_text("999999")
    assert any("holds changes up to 999999" in problem for problem in archive.check())
