"""Real Wilson records the project did not start with (tests/data/wilson/SOURCES.md): their
catalogue facts read right."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from chancery.formats import citation, wilson_markdown

RECORDS = Path(__file__).resolve().parent.parent / "data" / "wilson"


def read(name: str):
    path = RECORDS / name
    return wilson_markdown.read(path.read_bytes(), str(path))


def test_ciphered_telegram_with_three_archival_references():
    document = read("1952-02-03_ciphered-telegram-709-filippov-krasovsky.md")
    assert document.document_type == "ciphered telegram"
    assert [(p.name, p.identified_as) for p in document.senders] == [("Filippov", "Stalin")]
    assert [p.name for p in document.recipients] == ["Krasovsky", "Mao Zedong"]
    assert [(r.repository, r.fond, r.opis, r.delo, r.box, r.folios)
            for r in document.archival_references] == [
        ("APRF", "45", "1", "342", "", "78"), ("AVPRF", "059a", "5a", "5", "11", "80"),
        ("RGASPI", "558", "11", "342", "", "0078")]
    assert document.publications == ()


def test_record_of_conversation_obtained_by_one_translated_by_another():
    document = read("1969-04-16_record-conversation-sudarikov-heo-dam.md")
    assert document.document_type == "record of conversation"
    assert [p.name for p in document.senders] == ["N.G. Sudarikov"]
    assert [p.name for p in document.recipients] == ["Heo Dam"]
    assert [c.translator for c in document.translators] == ["Gary Goldberg"]
    (rgani,) = document.archival_references
    assert (rgani.repository, rgani.fond, rgani.opis, rgani.delo, rgani.folio_ranges) == (
        "RGANI", "5", "61", "462", ((71, 74),))


def test_an_archive_named_without_parts_is_kept_whole_not_as_a_publication():
    document = read("1969-05-16_note-399-cerles-debre-china-eastern-europe.md")
    assert (document.document_type, document.subject) == ("note", "China and Eastern Europe")
    (reference,) = document.archival_references
    assert (reference.repository, reference.raw) == (
        "AMAE", "Archives of the Ministry of Foreign Affairs, France")
    assert document.publications == ()
    assert [c.translator for c in document.translators] == ["Garret Martin"]


def test_letter_to_an_office_holder_and_a_year_alone():
    document = read("1958_letter-deputy-chairman-soviet-committee-mgg-pushkov.md")
    assert (document.date.iso, document.date.precision) == ("1958", "year")
    assert document.senders == ()
    (recipient,) = document.recipients
    assert recipient.name == "Pushkov"
    assert recipient.text == "the Deputy Chairman of the Soviet Committee of the MGG, Prof. Pushkov"


def test_a_citation_keeps_each_archive_s_own_labels():
    hungarian = read("1972-07-01_report-etre-sandor-korean-interest-rogers.md")
    item = json.loads(citation.csl_json(hungarian))[0]
    assert item["archive_location"] == "XIX-J-1-j É-Korea, 1972, 60. doboz, 81-146, 00394"
    russian = read("1952-02-03_ciphered-telegram-709-filippov-krasovsky.md")
    avprf = replace(russian, archival_references=russian.archival_references[1:2])
    item = json.loads(citation.csl_json(avprf))[0]
    assert item["archive_location"] == "f. 059a, op. 5a, papka 11, d. 5, ll. 80"
