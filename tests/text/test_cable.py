"""Cable facts on Stalin's cable of 3 February 1949: read per witness, struck facts known as
struck, the editor's heading and the distribution list not taken for cipher numbers; and on
other Wilson telegrams: a cipher office's transmission log and distribution list."""

from __future__ import annotations

import pytest

from chancery.model import Block, BlockKind, CableFact, Mark, MarkKind, Rendition, RenditionKind
from chancery.text.cable import cable_facts, is_struck, routing_notes
from chancery.text.layout import Paragraph, classify
from tests.conftest import WILSON, read_record
from tests.formats.test_wilson_records import RECORDS

SHTYKOV_1950 = RECORDS / "1950-10-14_ciphered-telegram-shtykov-feng-xi-stalin.md"


def facts_of(document, rendition):
    return {(fact.kind, fact.value) for fact in document.cable if fact.rendition == rendition}


def test_the_editors_heading_is_not_the_cipher_number(stalin):
    translation = facts_of(stalin, 0)
    assert not any(kind == "cipher_number" for kind, _ in translation)
    assert ("addressee", "TO MIKOYAN") in translation


def test_the_cipher_number_is_the_sent_telegrams_and_the_distribution_lists_number_is_not(
        stalin):
    numbers = [(fact.rendition, fact.value) for fact in stalin.cable
               if fact.kind == "cipher_number"]
    assert numbers == [(1, "0862-0864")]  # not "1671" of "Отп. один экз. № 1 ... № 1671"


def test_facts_say_which_witness_they_come_from(stalin):
    sent, draft = facts_of(stalin, 1), facts_of(stalin, 2)
    assert ("classification", "top secret") in sent
    assert ("classification", "top secret") not in draft
    assert ("addressee", "АНДРЕЕВУ") in sent and ("addressee", "АНДРЕЕВУ") in draft
    assert any(kind == "corrections" for kind, _ in draft)
    assert not any(kind == "corrections" for kind, _ in sent)


def test_the_cipher_clerk_over_the_telegram_is_a_routing_note_not_the_addressee(stalin):
    sent = facts_of(stalin, 1)
    assert ("routing", "тов. Чегулену") in sent
    assert not any(kind == "addressee" and "Чегулен" in value for kind, value in sent)
    assert routing_notes(stalin.renditions[1].blocks) == frozenset({0})
    assert routing_notes(stalin.renditions[2].blocks) == frozenset()  # "АНДРЕЕВУ." addresses


def test_a_struck_certification_is_struck_and_a_valid_one_is_not(stalin):
    certifications = {fact.rendition: fact for fact in stalin.cable
                      if fact.kind == "certification"}
    assert certifications[2].value == "О подлинном верно:"
    assert is_struck(certifications[2], stalin.renditions)
    assert certifications[1].value.startswith("Верно: Нач. смены")
    assert not is_struck(certifications[1], stalin.renditions)
    sent_on = next(fact for fact in stalin.cable
                   if fact.rendition == 2 and fact.kind == "distribution")
    assert not is_struck(sent_on, stalin.renditions)  # the line under the struck one stands


def test_a_bare_number_counts_on_a_stamp_but_not_in_running_heading():
    def read(kind, text):
        rendition = Rendition(RenditionKind.TRANSCRIPTION, "ru", (Block(kind, text),))
        return [(fact.kind, fact.value) for fact in cable_facts((rendition,))]

    assert read(BlockKind.STAMP, "№ 0862") == [("cipher_number", "0862")]
    assert read(BlockKind.HEADING, "I.V. STALIN to A.I. MIKOYAN (No. 0862)") == []
    assert read(BlockKind.HEADING, "Telex Nr. 242") == [("cipher_number", "242")]
    assert read(BlockKind.STAMP, "No. 72/III") == [("cipher_number", "72/III")]


def test_a_fact_pointing_nowhere_is_not_struck():
    rendition = Rendition(RenditionKind.TRANSCRIPTION, "ru", (
        Block(BlockKind.HANDLING, "Верно:", (Mark(MarkKind.DELETED, 0, 6),)),))
    assert is_struck(CableFact("certification", "Верно:", "Верно:", 0, 0), (rendition,))
    assert not is_struck(CableFact("certification", "Верно:", "Верно:", 3, 0), (rendition,))
    assert not is_struck(CableFact("certification", "Верно:", "Верно:", 0, 5), (rendition,))


def test_a_transmission_log_is_read_line_by_line_and_shown_as_printed():
    """Shtykov's telegram of 14 October 1950: each line of the cipher office's log is a fact
    of its own, its text the line as the source prints it."""
    telegram = read_record(SHTYKOV_1950)
    blocks = telegram.renditions[0].blocks
    facts = [(fact.kind, fact.text, fact.value) for fact in telegram.cable]
    assert [fact for fact in facts if fact[0] in ("dispatch", "receipt", "arrival",
                                                  "deciphering", "typing")] == [
        ("dispatch", "Sent by wire on 10/14/50 at 03:15 a.m.",
         "by wire on 10/14/50 at 03:15 a.m."),
        ("receipt", "Received in Moscow on 10/14/50 at 6:36 a.m.",
         "in Moscow on 10/14/50 at 6:36 a.m."),
        ("arrival", "Arrived at the 8D/GS on 10/14/50 at 7:10 a.m.",
         "at the 8D/GS on 10/14/50 at 7:10 a.m."),
        ("deciphering", "Deciphered by Morozov on 10/14/50 at 7:45 a.m.",
         "by Morozov on 10/14/50 at 7:45 a.m."),
        ("typing", "Typed by Bantsekina on 10/14/50 at 13:30 p.m.",
         "by Bantsekina on 10/14/50 at 13:30 p.m.")]
    log = blocks[telegram.cable[2].block]
    assert log.kind is BlockKind.STAMP
    assert log.text.split("\n") == [  # the block keeps the lines as the source writes them
        "Sent by wire on 10/14/50 at 03:15 a.m.", "Received in Moscow on 10/14/50 at 6:36 a.m.",
        "Arrived at the 8D/GS on 10/14/50 at 7:10 a.m.",
        "Deciphered by Morozov on 10/14/50 at 7:45 a.m."]


def test_a_distribution_list_and_the_outgoing_number_of_another_telegram():
    telegram = read_record(SHTYKOV_1950)
    facts = {(fact.kind, fact.value) for fact in telegram.cable}
    listed = ("Distribution list - 11 copies: Stalin - 2, Molotov-1, Malenkov - 1, Beria - 1, "
              "Mikoyan - 1, Kaganovich - 1, Bulganin - 1.")
    assert ("distribution", listed) in facts
    assert ("origin", "PYONGYANG") in facts
    assert {value for kind, value in facts if kind == "cipher_number"} == {"600428/sh", "1476/sh"}
    kinds = {block.text: block.kind for block in telegram.renditions[0].blocks}
    assert kinds[listed] is BlockKind.HANDLING
    # the log and the list above the text are not its text: the addressee under them heads it
    assert kinds["FENG XI [STALIN]"] is BlockKind.HEADING
    assert kinds["In accordance with your directive dated 13.10.50 I had a meeting with "
                 "KIM IL SUNG."] is BlockKind.PARAGRAPH


def test_the_8th_directorates_cable_reads_its_copies_as_a_distribution_list():
    """The cable of 12 October 1950: its number and addressee; the copies' numbers on the
    closing line make a distribution list, one fact a copy, not cipher numbers."""
    cable = read_record(WILSON / "1950-10-12_cable-8th-directorate-ussr-armed-forces.md")
    facts = [(fact.kind, fact.value) for fact in cable.cable]
    assert ("addressee", "To Cdes. Shtykov and Vasil'yev") in facts
    assert [value for kind, value in facts if kind == "cipher_number"] == ["75511", "4/8737"]
    assert [value for kind, value in facts if kind == "distribution"] == [
        "Copy Nº 1 - to Cde. Vasilevsky", "Copy Nº 2 - to Cde. Stalin",
        "Copy Nº 3 - to the file of the 8th Directorate"]


def test_precedence_and_a_channel_on_its_own_line_over_the_addressee():
    """Filippov's [Stalin's] telegram No. 709 of 3 February 1952: "TOP PRIORITY" is how it
    was to be sent, "BEIJING--" over "TO KRASOVSKY" the channel, as "ОСОБЫЙ РАЙОН КИТАЯ -
    АНДРЕЕВУ" on one line of Stalin's cable."""
    telegram = read_record(RECORDS / "1952-02-03_ciphered-telegram-709-filippov-krasovsky.md")
    facts = [(fact.kind, fact.text, fact.value) for fact in telegram.cable]
    assert ("precedence", "TOP PRIORITY", "top priority") in facts
    assert ("channel", "BEIJING--", "BEIJING") in facts
    assert ("addressee", "TO KRASOVSKY", "TO KRASOVSKY") in facts
    assert [value for kind, _, value in facts if kind == "cipher_number"] == ["709", "72/III"]


def test_a_dash_ended_heading_is_a_channel_only_over_an_address():
    def read(*blocks):
        rendition = Rendition(RenditionKind.TRANSLATION, "en", blocks)
        return [(fact.kind, fact.value) for fact in cable_facts((rendition,))]

    assert read(Block(BlockKind.HEADING, "BEIJING--"), Block(BlockKind.ADDRESS, "TO KRASOVSKY")) \
        == [("channel", "BEIJING"), ("addressee", "TO KRASOVSKY")]
    assert read(Block(BlockKind.HEADING, "BEIJING--"),
                Block(BlockKind.PARAGRAPH, "Transmit the following.")) == []


@pytest.mark.parametrize(("line", "fact"), [
    ("Sent by wire on 10/14/50 at 03:15 a.m.", ("dispatch", "by wire on 10/14/50 at 03:15 a.m.")),
    ("Sent: June 19, 1975, 08:00 hours", ("dispatch", "June 19, 1975, 08:00 hours")),
    ("Отправлено 4.II.49 г. в 03 ч. 20 м.", ("dispatch", "4.II.49 г. в 03 ч. 20 м.")),
    ("Получена 4.02.1949 г. 18.30", ("receipt", "4.02.1949 г. 18.30")),
    ("Deciphered by Morozov on 10/14/50 at 7:45 a.m.",
     ("deciphering", "by Morozov on 10/14/50 at 7:45 a.m.")),
    # a letter's opening, not a log: no time of day, no colon
    ("Received your telegram of 12.10.50.", None),
    ("Received your telegram on 12 October 1950.", None),
])
def test_a_transmission_step_needs_its_verb_and_a_time(line, fact):
    rendition = Rendition(RenditionKind.TRANSLATION, "en", (Block(BlockKind.STAMP, line),))
    read = [(found.kind, found.value) for found in cable_facts((rendition,))
            if found.kind in ("dispatch", "receipt", "deciphering")]
    assert read == ([fact] if fact else [])
    kinds = classify([Paragraph(line, (), "en")], transcription=False)
    assert kinds[0][0] is (BlockKind.STAMP if fact else BlockKind.PARAGRAPH)
