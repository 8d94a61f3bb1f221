"""Proposals: real names the authority lacks, for curators to accept or reject, on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.archive import STARTER_AUTHORITY, Archive
from chancery.errors import NotFoundError
from chancery.model import EntityKind
from tests.conftest import WILSON
from tests.test_cli import chancery

DATA = Path(__file__).parent / "data"
FRUS = DATA / "frus"
ARMS_CONTROL = FRUS / "names-frus1964-68v11.xml"  # d205: Foster and Roshchin, co-chairmen
CHINA = FRUS / "names-frus1955-57v02.xml"  # Chou En-lai, Mao Tse-tung
# What the noise was before (issue 17): none of these is ever proposed.
NOISE = {"OF", "IN", "STAFF", "F", "N", "R", "Tell", "Office", "Secretary", "Comrade",
         "Council", "The", "Department", "Embassy", "Soviet", "Soviets"}


@pytest.fixture
def linked(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.load_authority(STARTER_AUTHORITY, relink=False)
        report = archive.ingest([ARMS_CONTROL, CHINA, WILSON])
        assert report.failed == 0
        yield archive


def proposed_forms(archive: Archive) -> dict[str, object]:
    return {name.text: name for name in archive.proposals.open(limit=1000)}


def test_proposals_are_real_names_never_common_words_titles_or_letters(linked):
    forms = proposed_forms(linked)
    assert not NOISE & set(forms), NOISE & set(forms)
    assert not [form for form in forms if len(form) == 1 or form.isupper()]
    # people of the FRUS documents the starter authority does not hold
    assert "Roshchin" in forms
    assert forms["Roshchin"].kind is EntityKind.PERSON


def test_initials_with_a_surname_are_one_name(linked):
    forms = proposed_forms(linked)
    # a Soviet delegate at Geneva, and a senator named after his office's words
    assert forms["L. I. Mendelevich"].method == "initials"
    assert forms["William F. Knowland"].method == "initials"
    assert not [form for form in forms if form.startswith("Senate")]


def test_a_proposal_carries_its_span_form_and_a_suggestion_by_name_key(linked):
    for proposal in linked.links("frus:frus1955-57v02/d301")[1]:
        document = linked.get("frus:frus1955-57v02/d301")
        block = document.renditions[proposal.rendition].blocks[proposal.block]
        assert block.text[proposal.start:proposal.end] == proposal.text
    # the starter authority holds Zhou Enlai: "Chou En-lai" in a text it does not link
    # whole is proposed with him suggested, or linked by key
    mentions, proposals = linked.links("frus:frus1955-57v02/d301")
    chou = [p for p in proposals if p.text.startswith("Chou")]
    assert all(p.suggested == "person/zhou-enlai" for p in chou)
    assert chou or any(m.entity_id == "person/zhou-enlai" for m in mentions)


def test_accepting_a_proposal_makes_an_entity_and_links_every_document_using_it(linked):
    entity, relinked = linked.proposals.accept("Roshchin", "curator")
    assert entity.kind is EntityKind.PERSON and entity.preferred == "Roshchin"
    assert relinked >= 1
    appearances = linked.entity_documents(entity.id)
    assert "frus:frus1964-68v11/d205" in {item.document_id for item in appearances}
    assert "Roshchin" not in proposed_forms(linked)


def test_an_accepted_name_is_linked_in_its_other_spellings_too(linked):
    # the UN Secretary-General, spelt with and without the diaeresis in the same volume
    entity, relinked = linked.proposals.accept("Hammarskjöld", "curator")
    assert relinked >= 1
    assert not {"Hammarskjöld", "Hammarskjold"} & set(proposed_forms(linked))
    assert {item.name.replace("’s", "") for item in linked.entity_documents(entity.id)} <= {
        "Hammarskjöld", "Hammarskjold"}
    assert linked.entity_documents(entity.id)


def test_a_surname_one_known_person_has_is_linked_as_less_sure(linked):
    linked.load_authority(DATA / "authority-frus1964-68v11-persons.yaml")
    assert "Zorin" not in proposed_forms(linked)
    mentions, _ = linked.links("frus:frus1964-68v11/d38")
    zorin = [m for m in mentions if m.entity_id == "person/zorin-valerian"]
    assert zorin and all((m.name, m.method) == ("Zorin", "surname") for m in zorin)
    assert all(m.confidence < 0.95 for m in zorin)


def test_accepting_as_a_name_of_an_existing_entity(linked):
    # (without relinking: relinked, the volume's persons would name him themselves, the
    # President after "President", see test_a_surname_after_a_title_is_the_one_who_held_it)
    linked.load_authority(DATA / "authority-frus1964-68v11-persons.yaml", relink=False)
    # the President, called by his surname after his title in the volume's first document
    entity, relinked = linked.proposals.accept("Johnson", "curator",
                                               entity_id="person/johnson-lyndon")
    assert "Johnson" in {name.text for name in entity.names} and relinked >= 1
    assert "frus:frus1964-68v11/d3" in {item.document_id
                                        for item in linked.entity_documents(entity.id)}
    assert "Johnson" not in proposed_forms(linked)


def test_a_rejected_proposal_is_not_offered_again_even_after_relinking(linked):
    linked.proposals.reject("Roshchin", "curator")
    assert "Roshchin" not in proposed_forms(linked)
    linked.link()
    assert "Roshchin" not in proposed_forms(linked)
    with pytest.raises(NotFoundError):
        linked.proposals.reject("Nobody Ever Proposed", "curator")


def test_proposals_list_accept_and_reject_on_the_command_line(tmp_path):
    archive = tmp_path / "archive"
    assert chancery("init", "--no-authority", archive=archive).returncode == 0
    assert chancery("authority", "load", str(STARTER_AUTHORITY), archive=archive
                    ).returncode == 0
    assert chancery("ingest", str(ARMS_CONTROL), archive=archive).returncode == 0
    listed = chancery("proposals", "list", archive=archive)
    assert listed.returncode == 0 and "Roshchin\tperson\t" in listed.stdout
    accepted = chancery("proposals", "accept", "Roshchin", "--kind", "person",
                        archive=archive)
    assert accepted.returncode == 0, accepted.stderr
    assert "is a name of person/roshchin" in accepted.stdout
    rejected = chancery("proposals", "reject", "Euratom", archive=archive)
    assert rejected.returncode in (0, 1)
    assert "Roshchin\t" not in chancery("proposals", "list", archive=archive).stdout
    missing = chancery("proposals", "reject", "Nobody Ever Proposed", archive=archive)
    assert missing.returncode != 0 and "no proposal 'Nobody Ever Proposed'" in missing.stderr


def test_on_a_volume_held_out_of_tuning_every_proposal_is_a_name(tmp_path):
    # FRUS 1961-1963, volume XXII (China): never looked at while the rules were written
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.load_authority(STARTER_AUTHORITY, relink=False)
        assert archive.ingest([FRUS / "names-frus1961-63v22.xml"]).failed == 0
        forms = proposed_forms(archive)
    assert {"Nikita Khrushchev", "Walt Rostow", "Roswell L. Gilpatric", "Lemnitzer",
            "McNamara", "Nitze"} <= set(forms)
    assert not NOISE & set(forms)
    assert all(form[:1].isupper() and not form.isupper() for form in forms)


def test_a_surname_after_a_title_is_the_one_who_held_it(linked):
    # "President Johnson": of the Johnsons the authority holds, the one whose descriptions
    # say he was President (not "Assistant Press Secretary to the President")
    linked.load_authority(DATA / "authority-frus1964-68v11-persons.yaml")
    assert "Johnson" not in proposed_forms(linked)
    johnson = [mention for mention in linked.links("frus:frus1964-68v11/d3")[0]
               if mention.name == "Johnson"]
    assert johnson and {mention.entity_id for mention in johnson} == {"person/johnson-lyndon"}
