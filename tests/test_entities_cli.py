"""The authority through the command line: load, list, show, add a name, merge, link."""

from __future__ import annotations

import json

from tests.conftest import WILSON
from tests.test_cli import chancery


def archive_with_records(tmp_path):
    archive = tmp_path / "archive"
    assert chancery("init", archive=archive).returncode == 0
    assert chancery("ingest", str(WILSON), archive=archive).returncode == 0
    return archive


def test_init_loads_the_starter_authority_and_ingest_links(tmp_path):
    archive = archive_with_records(tmp_path)
    people = chancery("entities", "list", "--kind", "person", archive=archive).stdout
    assert "person/stalin\tperson\tJoseph Stalin" in people
    shown = chancery("entities", "show", "person/stalin", archive=archive).stdout
    assert "Filippov\tpseudonym (en) 1948-04–1953-03-05" in shown
    assert "sender\twilson:121768\tas Filippov" in shown
    assert "recipient\twilson:113702\tas Filippov" in shown
    mikoyan = chancery("entities", "show", "person/mikoyan", archive=archive).stdout
    assert "intermediary\twilson:121768\tas АНДРЕЕВУ" in mikoyan


def test_show_json_includes_entities_with_roles_and_spans(tmp_path):
    archive = archive_with_records(tmp_path)
    model = json.loads(chancery("show", "wilson:121768", "--format", "json",
                                archive=archive).stdout)
    sender = next(m for m in model["mentions"] if m["role"] == "sender")
    assert sender["entity_id"] == "person/stalin" and sender["name"] == "Filippov"
    assert model["title"][sender["start"]:sender["end"]] == "Filippov"
    assert {"rendition", "block", "method", "confidence", "confirmed"} <= set(sender)


def test_add_name_then_merge(tmp_path):
    archive = archive_with_records(tmp_path)
    added = chancery("entities", "add-name", "person/stalin", "Джугашвили-Сталин", "--kind",
                     "variant", "--lang", "ru", archive=archive)
    assert added.returncode == 0 and "linked 6 documents" in added.stdout
    assert "Джугашвили-Сталин\tvariant (ru)" in chancery(
        "entities", "show", "person/stalin", archive=archive).stdout
    no_dates = chancery("entities", "add-name", "person/stalin", "Ivanov", "--kind",
                        "pseudonym", archive=archive)
    assert no_dates.returncode == 2 and "needs --from and --to" in no_dates.stderr
    merged = chancery("entities", "merge", "person/orlov-andrei", "person/stalin",
                      archive=archive)
    assert merged.returncode == 0
    assert "no entity 'person/stalin'" in chancery("entities", "show", "person/stalin",
                                                   archive=archive).stderr
    shown = chancery("entities", "show", "person/orlov-andrei", archive=archive).stdout
    assert "sender\twilson:121768\tas Filippov" in shown


def test_authority_load_is_all_or_nothing_and_relinks(tmp_path):
    archive = archive_with_records(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_text("sources: {w: {title: W}}\nentities:\n"
                      "  - id: person/new\n    kind: person\n    names:\n"
                      "      - {text: Newman, kind: preferred, source: w}\n"
                      "  - id: person/bad\n    kind: person\n    names:\n"
                      "      - {text: Bad, kind: famous, source: w}\n")
    failed = chancery("authority", "load", str(broken), archive=archive)
    assert failed.returncode == 2 and "broken.yaml:10" in failed.stderr
    assert "person/new" not in chancery("entities", "list", archive=archive).stdout
    good = tmp_path / "good.yaml"
    good.write_text("sources: {w: {title: W}}\nentities:\n"
                    "  - id: person/bierut\n    kind: person\n    names:\n"
                    "      - {text: Bolesław Bierut, kind: preferred, source: w}\n"
                    "      - {text: Bierut, kind: variant, source: w}\n")
    loaded = chancery("authority", "load", str(good), archive=archive)
    assert loaded.returncode == 0, loaded.stderr
    assert "mentioned\twilson:134364\tas Bierut" in chancery(
        "entities", "show", "person/bierut", archive=archive).stdout
    assert chancery("link", archive=archive).stdout.strip() == "linked 6 documents"
