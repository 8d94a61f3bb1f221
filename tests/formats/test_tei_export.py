"""TEI export: every real record validates against TEI All and carries what the model holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from chancery.archive import Archive
from chancery.formats import tei_export
from tests.conftest import SAMPLES, WILSON

NS = {"t": tei_export.TEI}


@pytest.fixture(scope="module")
def tei_all() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(Path(__file__).resolve().parent.parent / "data" / "schemas" / "tei_all.rng")))


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, etree._Element]:
    with Archive.open(tmp_path_factory.mktemp("tei") / "archive", create=True) as archive:
        archive.load_authority()
        archive.ingest([WILSON, SAMPLES / "frus"])
        return {document.id: etree.fromstring(tei_export.write(
            document, archive.links(document.id)[0])) for document in archive.documents()}


def test_every_real_record_exports_valid_tei(exported, tei_all):
    assert len(exported) == 20
    invalid = {identifier: str(tei_all.error_log.last_error) for identifier, tree in
               exported.items() if not tei_all.validate(tree)}
    assert invalid == {}


def test_the_header_carries_ids_references_witnesses_and_correspondents(exported):
    tree = exported["wilson:121768"]
    assert tree.xpath("string(//t:idno[@type='chancery'])", namespaces=NS) == "wilson:121768"
    assert tree.xpath("string(//t:msIdentifier/t:idno[@type='as-printed'])",
                      namespaces=NS) == "RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061"
    assert tree.xpath("//t:msIdentifier/t:idno[@type='fond']/text()", namespaces=NS) == ["558"]
    assert tree.xpath("//t:listWit/t:witness/@n", namespaces=NS) == ["A", "B"]
    assert tree.xpath("//t:correspAction[@type='sent']/t:date/@when",
                      namespaces=NS) == ["1949-02-03"]
    assert tree.xpath("string(//t:correspAction[@type='received']/t:name)",
                      namespaces=NS) == "Anastas Mikoyan"


def test_renditions_marks_and_links_become_tei_elements(exported):
    tree = exported["wilson:121768"]
    divisions = tree.xpath("//t:body/t:div", namespaces=NS)
    assert [(div.get("type"), div.get("{http://www.w3.org/XML/1998/namespace}lang"),
             div.get("corresp")) for div in divisions] == [
        ("translation", "en", None), ("transcription", "ru", "#wit-A"),
        ("transcription", "ru", "#wit-B")]
    draft = divisions[2]
    assert "нас" in draft.xpath("t:p/t:del/text()", namespaces=NS)
    assert "коммунистов" in draft.xpath("t:p/t:add/text()", namespaces=NS)
    assert draft.xpath("t:pb/@n", namespaces=NS)
    assert "person/stalin" in tree.xpath("//t:persName/@ref", namespaces=NS)
    frus = exported["frus:frus1955-57v03/d95"]
    assert frus.xpath("//t:note[@place='foot']/@n", namespaces=NS)[:2] == ["1", "2"]
    assert frus.xpath("//t:persName[@ref='person/frus1955-57v03-p-djf1']", namespaces=NS)


def test_a_name_inside_a_name_keeps_both_links(exported, tei_all):
    # Pauls's cable: "North Korea would not strive for military subjugation of South Korea."
    tree = exported["wilson:119994"]
    assert tei_all.validate(tree), tei_all.error_log.last_error
    for whole in ("north-korea", "south-korea"):
        outer = tree.xpath(f"//t:placeName[@ref='place/{whole}']", namespaces=NS)
        assert outer, whole
        for name in outer:  # one element for the whole name, not one per piece
            assert "".join(name.itertext()) in ("North Korea", "South Korea")
            assert name.xpath("t:placeName/@ref", namespaces=NS) == ["place/korea"]
            assert name.xpath("string(t:placeName)", namespaces=NS) == "Korea"
