"""Reading the Wilson Center's Markdown records: every part of a record lands in the model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chancery.formats import wilson_markdown
from chancery.model import BlockKind, MarkKind, RenditionKind
from chancery.text.markup import reading_text
from tests.conftest import WILSON, read_record


def marked(document, kind):
    return [block.text[m.start:m.end] for r in document.renditions for block in r.blocks
            for m in block.marks if m.kind is kind]


def test_mao_cable_headings_ids_and_date(mao):
    assert mao.id == "wilson:113702"
    assert mao.permalink == "https://wilson-center-digital-archive.dvincitest.com/document/113702"
    assert (mao.date.start, mao.date.precision, mao.date.iso) == ("1948-04-26", "day",
                                                                  "1948-04-26")
    assert mao.title == "Cable, Mao Zedong to Filippov [Stalin]"
    assert mao.summary.startswith("Mao tells Filippov (Stalin) about the move")
    assert mao.original_languages == ("ru",)
    assert mao.contents == ("Translation - English",)


def test_title_gives_type_sender_and_recipient_with_identification(mao, stalin):
    assert mao.document_type == "cable"
    assert [p.name for p in mao.senders] == ["Mao Zedong"]
    assert [(p.name, p.identified_as) for p in mao.recipients] == [("Filippov", "Stalin")]
    assert [(p.name, p.identified_as) for p in stalin.senders] == [("Filippov", "Stalin")]
    assert [p.name for p in stalin.recipients] == ["Anastas Mikoyan"]


def test_archival_reference_parsed_into_fond_opis_delo_folios(mao, stalin):
    (aprf,) = mao.archival_references
    assert (aprf.repository, aprf.fond, aprf.opis, aprf.delo, aprf.folios) == (
        "APRF", "39", "1", "31", "30-31")
    assert aprf.repository_name == "Archive of the President of the Russian Federation"
    (rgaspi,) = stalin.archival_references
    assert (rgaspi.repository, rgaspi.fond, rgaspi.opis, rgaspi.delo) == (
        "RGASPI", "558", "11", "344")
    assert rgaspi.folio_ranges == ((57, 61),)


def test_citation_parts_publications_translator_provenance(mao, stalin):
    relations = {p.relation: p for p in mao.publications}
    assert relations["also published in"].title == "Brothers in Arms"
    assert relations["also published in"].pages == "299-300"
    assert relations["archival citation in accordance with"].title == \
        "Sovetsko-Kitaiskie Otnosheniia"
    (credit,) = mao.translators
    assert (credit.translator, credit.translated_for, credit.from_language) == (
        "Sergey Radchenko", "CWIHP", "Russian")
    assert stalin.provenance.startswith("Provided to the National Security Archive/Svetlana "
                                        "Savranskaya by Sergo Mikoyan")
    assert stalin.credits == "This document was made possible with support from the " \
        "MacArthur Foundation."


def test_mao_cable_has_only_an_english_translation_with_its_parts(mao):
    (translation,) = mao.renditions
    assert (translation.kind, translation.language) == (RenditionKind.TRANSLATION, "en")
    assert translation.translator == "Sergey Radchenko"
    kinds = [block.kind for block in translation.blocks]
    assert kinds[0] is BlockKind.SALUTATION
    assert [b.n for b in translation.blocks if b.kind is BlockKind.ITEM] == ["1", "2", "3", "4",
                                                                            "5"]
    assert kinds[-1] is BlockKind.SIGNATURE
    assert translation.blocks[-1].text == "Mao Zedong\n26 April 1948"


def test_editorial_brackets_are_read(mao):
    salutation = mao.renditions[0].blocks[0]
    by_kind = {m.kind: m for m in salutation.marks}
    assert salutation.text[by_kind[MarkKind.EXPANSION].start:
                           by_kind[MarkKind.EXPANSION].end] == "[rade]"
    assert by_kind[MarkKind.TRANSLATOR_NOTE].value == \
        "'Comrade Filippov' was Stalin's nom de guerre"
    assert "[Central Committee]" in marked(mao, MarkKind.EXPANSION)
    assert "[Beijing-Zhangjiakou]" in marked(mao, MarkKind.IDENTIFICATION)
    assert "[and]" in marked(mao, MarkKind.SUPPLIED)


def test_stalin_cable_splits_translation_and_two_russian_witnesses(stalin):
    kinds = [(r.kind, r.language) for r in stalin.renditions]
    assert kinds == [(RenditionKind.TRANSLATION, "en"), (RenditionKind.TRANSCRIPTION, "ru"),
                     (RenditionKind.TRANSCRIPTION, "ru")]
    sent, draft = stalin.renditions[1].witness, stalin.renditions[2].witness
    assert sent.siglum == "A" and "cipher telegram" in sent.description
    assert sent.folios == "ll. 57-58"
    assert draft.siglum == "B" and "draft with handwritten corrections" in draft.description
    assert "Сталин" in draft.description
    assert draft.folios == "l. 59"


def test_each_witness_begins_and_ends_where_the_copy_does(stalin):
    sent, draft = stalin.renditions[1].blocks, stalin.renditions[2].blocks
    assert sent[0].text == "тов. Чегулену"
    assert sent[-1].text.startswith("Верно: Нач. смены")
    assert any(b.text == "Передай Мао Цзе-дуну содержание этой телеграммы." for b in sent)
    assert any(b.text == "Передайте Мао Дзе-дуну содержание этой телеграммы." for b in draft)
    assert draft[-1].text.startswith("Поправки нанесены")
    assert [b.n for b in sent if b.kind is BlockKind.FOLIO] == ["57"]
    assert [b.n for b in draft if b.kind is BlockKind.FOLIO] == ["59"]


def test_draft_keeps_deletions_insertions_and_check_marks(stalin):
    draft = stalin.renditions[2]
    deleted = marked(stalin, MarkKind.DELETED)
    assert {"нас", "из числа", "наших", "которое", "О подлинном верно:"} <= set(deleted)
    added = marked(stalin, MarkKind.ADDED)
    assert "коммунистов" in added
    assert "русских кадрах и интеллигенции" in marked(stalin, MarkKind.SUPERSCRIPT)
    assert "Н" in marked(stalin, MarkKind.EMPHASIS)
    assert marked(stalin, MarkKind.CHECK) == ["✓"]
    strikes = next(b for b in draft.blocks if "не сбегут от" in b.text)
    assert "не сбегут от нас коммунистов" in strikes.text  # diplomatic: both words kept
    assert "не сбегут от коммунистов" in reading_text(strikes)  # as sent: deletion dropped


def test_marginal_handwriting_and_layout_of_the_telegram(stalin):
    sent = stalin.renditions[1].blocks
    kinds = {b.text.split("\n")[0]: b.kind for b in sent}
    assert kinds["СТРОГО СЕКРЕТНО"] is BlockKind.STAMP
    assert kinds["ОСОВЫЙ РАЙОН КИТАЯ - АНДРЕЕВУ"] is BlockKind.ADDRESS
    assert kinds["ФИЛИППОВ."] is BlockKind.SIGNATURE
    assert kinds["3 февраля 1949 г."] is BlockKind.DATELINE
    assert kinds["(см. сл. лист)"] is BlockKind.NOTE
    draft = stalin.renditions[2].blocks
    assert draft[0].kind is BlockKind.MARGINAL
    assert draft[0].text.startswith("(Основу независимости Китая)")


def test_cable_metadata_is_read_from_the_telegram(stalin):
    facts = {(fact.kind, fact.value) for fact in stalin.cable}
    assert ("classification", "top secret") in facts
    assert ("copy", "1") in facts
    assert ("cipher_number", "0862-0864") in facts
    assert ("channel", "ОСОВЫЙ РАЙОН КИТАЯ") in facts
    assert ("addressee", "АНДРЕЕВУ") in facts
    assert ("distribution", "№ 1 - тов. Чечулину") in facts
    assert ("distribution", "Копию послал тов. Поскребышеву") in facts
    assert ("handling", "copying prohibited") in facts
    assert ("handling", "return within 6 days") in facts
    assert any(kind == "certification" and value.startswith("Верно: Нач. смены")
               for kind, value in facts)
    assert any(kind == "corrections" and "Сталиным" in value for kind, value in facts)
    classification = next(f for f in stalin.cable if f.kind == "classification")
    block = stalin.renditions[classification.rendition].blocks[classification.block]
    assert block.text == "СТРОГО СЕКРЕТНО"


def test_languages_detected_per_paragraph(stalin):
    languages = {b.lang for b in stalin.renditions[0].blocks}
    assert languages == {"en"}
    assert {b.lang for b in stalin.renditions[1].blocks} == {"ru", ""}  # "" for folio numbers


@pytest.mark.parametrize("name, original, cable_facts", [
    ("1946-04-07_bieruts-telephone-conversation-stalin.md", ("pl",), set()),
    ("1950-10-12_cable-8th-directorate-ussr-armed-forces.md", ("ru",),
     {("classification", "top secret"), ("cipher_number", "75511")}),
    ("1954-06-06_cable-ccp-central-committee-reply-zhou.md", ("zh",), set()),
    ("1975-06-19_cable-ambassador-pauls-foreign-office-german.md", ("de",),
     {("cipher_number", "242"), ("dispatch", "June 19, 1975, 08:00 hours[1]")}),
])
def test_other_records_read_with_their_languages_and_cable_facts(name, original, cable_facts):
    document = read_record(WILSON / name)
    assert document.original_languages == original
    assert [r.kind for r in document.renditions] == [RenditionKind.TRANSLATION]
    assert {b.lang for b in document.renditions[0].blocks} == {"en"}
    assert cable_facts <= {(fact.kind, fact.value) for fact in document.cable}


def test_german_cable_footnotes_and_references():
    document = read_record(WILSON / "1975-06-19_cable-ambassador-pauls-foreign-office-german.md")
    blocks = document.renditions[0].blocks
    notes = [b for b in blocks if b.kind is BlockKind.NOTE]
    assert [n.n for n in notes] == [str(i) for i in range(1, 14)]
    refs = [m.value for b in blocks if b.kind is not BlockKind.NOTE for m in b.marks
            if m.kind is MarkKind.FOOTNOTE_REF]
    assert refs == [str(i) for i in range(1, 14)]
    assert document.subject == "German-Chinese Relations"
    assert [p.name for p in document.recipients] == ["Foreign Office"]


def test_underlined_speakers_and_original_terms_in_bierut_conversation():
    document = read_record(WILSON / "1946-04-07_bieruts-telephone-conversation-stalin.md")
    assert document.document_type == "telephone conversation"
    assert [p.name for p in document.senders] == ["Bierut"]
    assert "Stalin" in marked(document, MarkKind.UNDERLINE)
    assert "[ya pereslal na Vasheh imya]" in marked(document, MarkKind.ORIGINAL_TERM)
    assert document.archival_references[0].folio_ranges == ((181, 186),)


@pytest.mark.parametrize("path", sorted(WILSON.glob("*.md")), ids=lambda p: p.name[:20])
def test_writer_emits_the_record_format_again(path):
    document = read_record(path)
    again = wilson_markdown.read(wilson_markdown.write(document).encode(), path.name)
    assert replace(again, source=None) == replace(document, source=None)


def test_writer_output_keeps_the_marks_signs(stalin):
    text = wilson_markdown.write(stalin)
    assert "~~нас~~ *коммунистов*" in text
    assert "<sup>русских кадрах и интеллигенции</sup>" in text
    assert "## **February 03, 1949**" in text
    assert "<https://digitalarchive.wilsoncenter.org/document/121768>" in text


def test_unknown_sections_and_unreadable_paragraphs_are_kept():
    source = (WILSON / "1954-06-06_cable-ccp-central-committee-reply-zhou.md").read_text()
    source += ("\n\n| a | table |\n|---|---|\n\n#### **Associated Places:**\n\n- Beijing\n"
               "- Geneva\n")
    document = wilson_markdown.read(source.encode(), "extra.md")
    assert [(s.heading, s.text) for s in document.sections] == [
        ("Associated Places", "- Beijing\n- Geneva")]
    unparsed = [b for b in document.renditions[0].blocks if b.kind is BlockKind.UNPARSED]
    assert [b.text for b in unparsed] == ["| a | table |\n|---|---|"]
    again = wilson_markdown.read(wilson_markdown.write(document).encode(), "extra.md")
    assert again.sections == document.sections


def test_a_record_giving_the_original_before_the_translation():
    source = (WILSON / "1949-02-03_filippov-to-mikoyan.md").read_text()
    head, body = source.split("(On fear of large cities", 1)
    english, russian = ("(On fear of large cities" + body).split("тов. Чегулену", 1)
    document = wilson_markdown.read((head + "тов. Чегулену" + russian + "\n\n" + english)
                                    .encode(), "original-first.md")
    assert [(r.kind, r.language) for r in document.renditions] == [
        (RenditionKind.TRANSCRIPTION, "ru"), (RenditionKind.TRANSCRIPTION, "ru"),
        (RenditionKind.TRANSLATION, "en")]
    assert document.renditions[2].blocks[0].text.startswith("(On fear of large cities")


@pytest.mark.parametrize("permalink, record_id", [
    ("https://digitalarchive.wilsoncenter.org/document/113702", "wilson:113702"),
    ("https://digitalarchive.wilsoncenter.org/document/cable-mao-to-filippov-113702/",
     "wilson:113702"),
    ("https://digitalarchive.wilsoncenter.org/document/telegram-stalin-to-mao",
     "wilson:telegram-stalin-to-mao"),
])
def test_record_id_from_numeric_and_slug_permalinks(permalink, record_id):
    source = (WILSON / "1948-04-26_mao-zedong-to-filippov.md").read_text().replace(
        "https://wilson-center-digital-archive.dvincitest.com/document/113702", permalink)
    assert wilson_markdown.read(source.encode(), "slug.md").id == record_id
