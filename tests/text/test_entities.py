"""Linking: every name the authority knows, in English and Russian, with roles and spans."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from chancery.archive import STARTER_AUTHORITY
from chancery.formats import authority_yaml
from chancery.model import EntityKind, HistoricalDate, Role
from chancery.text.entities import Gazetteer, link
from tests.conftest import MAO_1948, STALIN_1949, read_record

GOLD = yaml.safe_load((Path(__file__).parent.parent / "data" / "gold_links.yaml").read_text())


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer(authority_yaml.read(STARTER_AUTHORITY.read_bytes(), "authority.yaml"))


def linked(path, gazetteer):
    document = read_record(path)
    return document, *link(document, gazetteer)


@pytest.mark.parametrize("path", [MAO_1948, STALIN_1949], ids=["mao-1948", "stalin-1949"])
def test_precision_and_recall_on_the_real_records(path, gazetteer):
    document, mentions, _ = linked(path, gazetteer)
    gold = set(GOLD[document.id]["entities"])
    found = {mention.entity_id for mention in mentions}
    recall = len(found & gold) / len(gold)
    precision = len(found & gold) / len(found)
    assert recall >= 0.95, sorted(gold - found)
    assert precision >= 0.95, sorted(found - gold)
    people = {entity for entity in found if entity.startswith("person/")}
    assert people <= gold  # no false person links at all


@pytest.mark.parametrize("path", [MAO_1948, STALIN_1949], ids=["mao-1948", "stalin-1949"])
def test_roles_of_senders_recipients_intermediaries_and_signatories(path, gazetteer):
    document, mentions, _ = linked(path, gazetteer)
    roles = {(mention.entity_id, mention.role.value) for mention in mentions}
    assert {tuple(pair) for pair in GOLD[document.id]["roles"]} <= roles


def test_stalin_is_found_under_his_pseudonym_with_the_name_form_and_span(gazetteer):
    document, mentions, _ = linked(STALIN_1949, gazetteer)
    sender = next(m for m in mentions if m.role is Role.SENDER)
    assert (sender.entity_id, sender.name, sender.method) == ("person/stalin", "Filippov",
                                                               "identification")
    assert document.title[sender.start:sender.end] == "Filippov"
    signed = [m for m in mentions if m.role is Role.SIGNATORY and m.entity_id == "person/stalin"]
    assert {m.name for m in signed} >= {"FILIPPOV", "ФИЛИППОВ"}
    for mention in signed:
        block = document.renditions[mention.rendition].blocks[mention.block]
        assert block.text[mention.start:mention.end] == mention.name


def test_andreev_is_mikoyan_as_intermediary_in_the_address_line(gazetteer):
    document, mentions, _ = linked(STALIN_1949, gazetteer)
    via = [m for m in mentions if m.role is Role.INTERMEDIARY]
    assert [(m.entity_id, m.name) for m in via] == [("person/mikoyan", "АНДРЕЕВУ")]


def test_russian_case_endings_and_old_spellings_are_linked(gazetteer):
    _, mentions, _ = linked(STALIN_1949, gazetteer)
    names = {(m.entity_id, m.name) for m in mentions}
    assert ("person/mao-zedong", "Мао Цзе-дуну") in names
    assert ("person/mao-zedong", "Мао Дзе-дуну") in names
    assert ("person/poskrebyshev", "Поскребышеву") in names
    assert ("person/chechulin", "Чечулину") in names


def test_pseudonym_outside_its_dates_is_a_proposal_not_a_fact(gazetteer):
    document = read_record(MAO_1948)
    earlier = replace(document, date=HistoricalDate("1930", "1930-01-01", "1930-12-31", "year"),
                      senders=(), recipients=())
    mentions, proposals = link(earlier, gazetteer)
    salutation = [m for m in mentions if m.rendition == 0 and m.block == 0]
    assert all(m.method == "identification" or m.name != "Filippov" for m in salutation)
    assert any(p.text == "Filippov" and "outside the dates" in p.method for p in proposals)


def test_unknown_name_after_a_title_becomes_a_proposal(gazetteer):
    document = read_record(MAO_1948)
    block = document.renditions[0].blocks[6]
    text = block.text + " Comrade Wuzhenko will come too."
    changed = replace(document, renditions=(replace(document.renditions[0], blocks=(
        document.renditions[0].blocks[:6] + (replace(block, text=text),)
        + document.renditions[0].blocks[7:])),))
    _, proposals = link(changed, gazetteer)
    assert [(p.text, p.kind, p.method) for p in proposals] == [
        ("Wuzhenko", EntityKind.PERSON, "title")]


def test_russian_ner_proposes_names_the_authority_lacks(gazetteer):
    from chancery.text.ner import russian_names

    document = read_record(STALIN_1949)
    transcription = document.renditions[1]
    block = next(b for b in transcription.blocks if b.text.startswith("Первое."))
    text = "Вчера генерал Иваненко прибыл в Харбин вместе с товарищем Поскребышевым."
    changed = replace(document, renditions=(document.renditions[0], replace(
        transcription, blocks=(replace(block, text=text, marks=()),)),))
    mentions, proposals = link(changed, gazetteer, russian_names)
    # the rules find him after his title before natasha is asked; it does not add him twice
    assert [(p.text, p.kind) for p in proposals if p.rendition == 1] == [
        ("Иваненко", EntityKind.PERSON)]
    linked = {(m.entity_id, m.name) for m in mentions if m.rendition == 1}
    assert ("place/harbin", "Харбин") in linked
    assert ("person/poskrebyshev", "Поскребышевым") in linked


def test_the_cipher_clerk_is_never_a_recipient(gazetteer):
    _, mentions, _ = linked(STALIN_1949, gazetteer)
    clerk = {mention.role.value for mention in mentions if mention.entity_id == "person/chechulin"}
    assert clerk and "recipient" not in clerk
    assert {mention.entity_id for mention in mentions if mention.role.value == "recipient"} \
        == {"person/mikoyan"}


def test_a_former_place_name_after_its_time_is_still_the_place(gazetteer):
    # Washington wrote "Peiping" until 1979 (1964-68v30: "Previously there was no need to
    # talk to Peiping."): the place, not a person's pseudonym out of its dates
    document = read_record(MAO_1948)
    block = document.renditions[0].blocks[6]
    text = block.text + " Previously there was no need to talk to Peiping."
    later = replace(document, date=HistoricalDate("1965", "1965-01-01", "1965-12-31", "year"),
                    renditions=(replace(document.renditions[0], blocks=(
                        document.renditions[0].blocks[:6] + (replace(block, text=text),)
                        + document.renditions[0].blocks[7:])),))
    mentions, proposals = link(later, gazetteer)
    assert ("place/beijing", "Peiping") in {(m.entity_id, m.name) for m in mentions}
    assert not [p for p in proposals if p.text == "Peiping"]
