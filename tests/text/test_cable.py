"""Cable facts on Stalin's cable of 3 February 1949: read per witness, struck facts known as
struck, the editor's heading and the distribution list not taken for cipher numbers."""

from __future__ import annotations

from chancery.model import Block, BlockKind, CableFact, Mark, MarkKind, Rendition, RenditionKind
from chancery.text.cable import cable_facts, is_struck, routing_notes


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
