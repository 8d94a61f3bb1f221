"""The `chancery` command as a user types it: init, ingest, list, show, export, check."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import WILSON
from tests.store_under_test import command_environment

ROOT = Path(__file__).resolve().parent.parent


def chancery(*args: str, archive: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "chancery", "--archive", str(archive), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, **command_environment(archive), **(env or {})})


def test_init_ingest_list_show(tmp_path):
    archive = tmp_path / "archive"
    assert chancery("init", archive=archive).returncode == 0
    assert (archive / "chancery.sqlite3").exists()
    ingested = chancery("ingest", str(WILSON), archive=archive)
    assert ingested.returncode == 0, ingested.stderr
    assert ingested.stdout.strip() == "added 6, updated 0, unchanged 0, failed 0"
    again = chancery("ingest", str(WILSON), archive=archive)
    assert again.stdout.strip() == "added 0, updated 0, unchanged 6, failed 0"
    listed = chancery("list", archive=archive).stdout.splitlines()
    assert listed[1] == "wilson:113702\t1948-04-26\tCable, Mao Zedong to Filippov [Stalin]"
    shown = chancery("show", "wilson:121768", archive=archive).stdout
    assert shown.startswith("Cable, Filippov [Stalin] to Anastas Mikoyan\n")
    assert "Archive: RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061" in shown
    assert "witness B: draft with handwritten corrections" in shown
    assert "не сбегут от коммунистов" in shown  # the reading text: Stalin's deletion dropped


def test_the_whole_samples_folder_ingests_without_a_failure(tmp_path):
    # what a new user types after reading that the start script "ingests samples/"
    archive = tmp_path / "archive"
    assert chancery("init", archive=archive).returncode == 0
    ingested = chancery("ingest", str(ROOT / "samples"), archive=archive)
    assert ingested.returncode == 0, ingested.stdout + ingested.stderr
    assert ingested.stdout.strip().endswith("failed 0")


def test_archive_folder_from_environment(tmp_path):
    archive = tmp_path / "from-env"
    command = [sys.executable, "-m", "chancery", "init"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CHANCERY_ARCHIVE": str(archive)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert f"archive ready in {archive}" in done.stdout and archive.is_dir()
    listed = subprocess.run([sys.executable, "-m", "chancery", "list"], capture_output=True,
                            text=True, cwd=ROOT, timeout=60,
                            env={**os.environ, "CHANCERY_ARCHIVE": str(archive)})
    assert listed.returncode == 0, listed.stderr


def test_show_json_is_the_whole_model(tmp_path):
    archive = tmp_path / "archive"
    chancery("ingest", str(WILSON / "1948-04-26_mao-zedong-to-filippov.md"), archive=archive)
    model = json.loads(chancery("show", "wilson:113702", "--format", "json",
                                archive=archive).stdout)
    assert model["id"] == "wilson:113702"
    assert model["archival_references"][0]["fond"] == "39"
    assert model["renditions"][0]["blocks"][0]["kind"] == "salutation"
    assert model["source"]["sha256"]


def test_jsonl_export_is_lossless_across_archives(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    chancery("ingest", str(WILSON), archive=first)
    export_one = tmp_path / "one.jsonl"
    assert chancery("export", "--format", "jsonl", "--out", str(export_one),
                    archive=first).returncode == 0
    assert chancery("ingest", str(export_one), archive=second).stdout.startswith("added 6,")
    export_two = tmp_path / "two.jsonl"
    chancery("export", "--format", "jsonl", "--out", str(export_two), archive=second)
    assert export_one.read_bytes() == export_two.read_bytes()
    assert len(export_one.read_bytes().splitlines()) == 6


def test_markdown_export_reads_back(tmp_path):
    archive, folder = tmp_path / "archive", tmp_path / "md"
    chancery("ingest", str(WILSON), archive=archive)
    assert chancery("export", "--format", "markdown", "--out", str(folder),
                    archive=archive).returncode == 0
    assert sorted(path.name for path in folder.iterdir())[0] == "wilson-113702.md"
    copy = tmp_path / "copy"
    assert chancery("ingest", str(folder), archive=copy).stdout.startswith("added 6,")


def test_failed_files_give_exit_status_1_and_good_files_are_in(tmp_path):
    archive, folder = tmp_path / "archive", tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_bytes((WILSON / "1948-04-26_mao-zedong-to-filippov.md")
                                     .read_bytes())
    (folder / "bad.md").write_bytes(b"\xff\xfe not utf-8")
    done = chancery("ingest", str(folder), archive=archive)
    assert done.returncode == 1
    assert done.stdout.strip() == "added 1, updated 0, unchanged 0, failed 1"
    assert "bad.md:1: not UTF-8 text" in done.stderr
    assert chancery("list", archive=archive).stdout.startswith("wilson:113702")


def test_check_and_clear_errors(tmp_path):
    archive = tmp_path / "archive"
    chancery("ingest", str(WILSON), archive=archive)
    checked = chancery("check", archive=archive)
    assert checked.returncode == 0 and checked.stdout.strip() == "check passed: 6 documents"
    missing = chancery("show", "wilson:999", archive=archive)
    assert missing.returncode == 2 and "no document 'wilson:999'" in missing.stderr
    nowhere = chancery("list", archive=tmp_path / "none")
    assert nowhere.returncode == 2 and "chancery init" in nowhere.stderr
    import sqlite3
    with sqlite3.connect(archive / "chancery.sqlite3") as connection:
        connection.execute("UPDATE revisions SET body = x'00' WHERE document_id = 'wilson:113702'")
    broken = chancery("check", archive=archive)
    assert broken.returncode == 1 and "wilson:113702 revision 1" in broken.stderr


def test_search_and_reindex(tmp_path):
    archive = tmp_path / "archive"
    chancery("ingest", str(WILSON), archive=archive)
    found = chancery("search", "городов", archive=archive)
    assert found.returncode == 0
    assert found.stdout.splitlines()[0] == "1 documents"
    assert found.stdout.splitlines()[1].startswith("wilson:121768\t1949-02-03\t")
    as_json = json.loads(chancery("search", "Filippov", "--json", archive=archive).stdout)
    assert as_json["total"] == 2 and {hit["id"] for hit in as_json["hits"]} == {
        "wilson:113702", "wilson:121768"}
    assert chancery("reindex", archive=archive).stdout.strip() == "indexed 6 documents"


def test_cite_in_every_style(tmp_path):
    archive = tmp_path / "archive"
    chancery("init", "--no-authority", archive=archive)
    chancery("ingest", str(WILSON), str(WILSON.parent / "frus"), archive=archive)
    chicago = chancery("cite", "wilson:121768", archive=archive)
    assert chicago.returncode == 0
    assert chicago.stdout.startswith("Filippov [Stalin], “Cable, Filippov [Stalin] to Anastas")
    assert "<" not in chicago.stdout  # plain text on a terminal, not HTML
    frus = chancery("cite", "frus:frus1955-57v03/d95", archive=archive)
    assert frus.stdout == (
        "“Telegram From the Secretary of State to the Department of State,” in Foreign "
        "Relations of the United States, 1955–1957, vol. III, China, ed. Harriet D. Schwar and "
        "Louis J. Smith (Washington, DC: Government Printing Office, 1986), doc. 95, "
        "https://history.state.gov/historicaldocuments/frus1955-57v03/d95.\n")
    assert chancery("cite", "frus:frus1955-57v03/d95", "--style", "bibtex", archive=archive
                    ).stdout.startswith("@incollection{frusfrus195557v03d95,")
    assert chancery("cite", "wilson:121768", "--style", "bibtex",
                    archive=archive).stdout.startswith("@misc{wilson121768,")
    assert json.loads(chancery("cite", "wilson:113702", "--style", "csl-json",
                               archive=archive).stdout)[0]["type"] == "manuscript"
    missing = chancery("cite", "wilson:0", archive=archive)
    assert missing.returncode == 2 and "no document 'wilson:0'" in missing.stderr


def test_tei_export_writes_one_file_per_document(tmp_path):
    archive = tmp_path / "archive"
    chancery("init", archive=archive)
    chancery("ingest", str(WILSON), archive=archive)
    exported = chancery("export", "--format", "tei", "--out", str(tmp_path / "tei"),
                        archive=archive)
    assert exported.returncode == 0, exported.stderr
    assert sorted(path.name for path in (tmp_path / "tei").iterdir())[0] == "wilson-113702.xml"
    assert len(list((tmp_path / "tei").iterdir())) == 6
    assert chancery("export", "--format", "tei", archive=archive).returncode == 2
    zipped = chancery("export", "--format", "tei", "--out", str(tmp_path / "tei.zip"),
                      archive=archive)
    assert zipped.returncode == 0, zipped.stderr
    with zipfile.ZipFile(tmp_path / "tei.zip") as bundle:
        assert len(bundle.namelist()) == 6
        assert bundle.read("wilson-121768.xml").startswith(b"<?xml")
    table = chancery("export", "--format", "csv", archive=archive).stdout.splitlines()
    assert table[0].startswith("id,date,date_text,title") and len(table) == 7


def test_ingesting_the_same_folder_again_keeps_access_and_embargo(tmp_path):
    archive = tmp_path / "archive"
    chancery("init", archive=archive)
    chancery("ingest", str(WILSON), archive=archive)
    chancery("access", "wilson:121768", "restricted", "--role", "researcher", archive=archive)
    chancery("access", "wilson:113702", "embargoed", "--until", "2031-01-01", archive=archive)

    again = chancery("ingest", str(WILSON), archive=archive)

    assert again.stdout.strip() == "added 0, updated 0, unchanged 6, failed 0"
    exported = chancery("export", "--format", "jsonl", "--out", str(tmp_path / "all.jsonl"),
                        archive=archive)
    assert exported.returncode == 0, exported.stderr
    access = {line["id"]: line["access"] for line in map(
        json.loads, (tmp_path / "all.jsonl").read_text().splitlines())}
    assert access["wilson:121768"] == {"level": "restricted", "until": "",
                                       "roles": ["researcher"]}
    assert access["wilson:113702"]["until"] == "2031-01-01"
    assert chancery("conflicts", "list", archive=archive).stdout.strip() == "no open conflicts"


def test_a_bad_line_of_a_jsonl_export_costs_that_line_not_the_file(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    chancery("ingest", str(WILSON), archive=first)
    export = tmp_path / "export.jsonl"
    chancery("export", "--format", "jsonl", "--out", str(export), archive=first)
    lines = export.read_bytes().splitlines()
    lines[1] = lines[1][:40]  # cut short by a careless edit
    lines[3] = lines[3].replace(b'"id":"wilson:', b'"id":"wilson:x/../', 1)
    export.write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")  # saved with a BOM
    done = chancery("ingest", str(export), archive=second)
    assert done.returncode == 1
    assert done.stdout.strip() == "added 4, updated 0, unchanged 0, failed 2"
    failed = [line for line in done.stderr.splitlines() if line.startswith("failed: ")]
    assert [line.split(": ", 2)[1] for line in failed] == [f"{export}:2", f"{export}:4"]
    assert "path segment" in failed[1]
    assert len(chancery("list", archive=second).stdout.splitlines()) == 4
