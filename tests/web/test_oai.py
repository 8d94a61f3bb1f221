"""The OAI-PMH data provider, harvested by a real client (Sickle) and asked bad questions."""

from __future__ import annotations

import pytest
from lxml import etree
from sickle import Sickle
from sickle.oaiexceptions import (BadArgument, BadResumptionToken, CannotDisseminateFormat,
                                  NoRecordsMatch)

from chancery.web import oai

OAI = {"o": "http://www.openarchives.org/OAI/2.0/"}
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def harvester(server) -> Sickle:
    return Sickle(server + "/oai", max_retries=0)


def test_identify(harvester):
    identity = harvester.Identify()
    assert identity.repositoryName == "Chancery"
    assert identity.protocolVersion == "2.0"
    assert identity.deletedRecord == "persistent"
    assert identity.granularity == "YYYY-MM-DDThh:mm:ssZ"


def test_list_records_follows_resumption_tokens_to_every_document(server, monkeypatch):
    monkeypatch.setattr(oai, "PAGE", 3)  # seven documents: three pages
    # by POST, which the reading room's page cache never answers, so PAGE holds
    pages = Sickle(server + "/oai", max_retries=0, http_method="POST").ListRecords(
        metadataPrefix="oai_dc")
    records = list(pages)
    assert pages.resumption_token is not None  # the last page's token, empty: it paged
    identifiers = [record.header.identifier for record in records]
    assert len(identifiers) == len(set(identifiers)) == 7
    stalin = next(record for record in records
                  if record.header.identifier == "oai:chancery:wilson:121768")
    assert stalin.metadata["title"] == ["Cable, Filippov [Stalin] to Anastas Mikoyan"]
    assert stalin.metadata["date"] == ["1949-02-03"]
    assert "RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061" in stalin.metadata["source"]


def test_sets_of_repositories_and_selective_harvesting(harvester):
    specs = {item.setSpec for item in harvester.ListSets()}
    assert {"repository:rgaspi", "repository:aprf"} <= specs
    chosen = [header.identifier for header in
              harvester.ListIdentifiers(metadataPrefix="oai_dc", set="repository:rgaspi")]
    assert "oai:chancery:wilson:121768" in chosen and len(chosen) == 2


def test_dates_select_records(harvester):
    assert len(list(harvester.ListIdentifiers(metadataPrefix="oai_dc",
                                              **{"from": "2000-01-01"}))) == 7
    with pytest.raises(NoRecordsMatch):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2000-01-01"))


def test_get_record_in_tei(harvester):
    record = harvester.GetRecord(identifier="oai:chancery:wilson:121768", metadataPrefix="tei")
    tei = record.xml.find(".//{http://www.tei-c.org/ns/1.0}TEI")
    assert tei is not None
    assert tei.findtext(".//{http://www.tei-c.org/ns/1.0}title") == \
        "Cable, Filippov [Stalin] to Anastas Mikoyan"
    formats = {item.metadataPrefix for item in harvester.ListMetadataFormats()}
    assert formats == {"oai_dc", "tei"}


@pytest.mark.parametrize(("arguments", "code"), [
    ({"verb": "Harvest"}, "badVerb"),
    ({}, "badVerb"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "GetRecord", "identifier": "oai:chancery:wilson:121768"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "identifier": "oai:chancery:wilson:0", "metadataPrefix": "oai_dc"},
     "idDoesNotExist"),
    ({"verb": "GetRecord", "identifier": "wilson:121768", "metadataPrefix": "oai_dc"},
     "idDoesNotExist"),
    ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "e30=", "metadataPrefix": "oai_dc"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "1949-02-30"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2000-01-01",
      "until": "2001-01-01T00:00:00Z"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-12-31"},
     "noRecordsMatch"),
    ({"verb": "Identify", "set": "x"}, "badArgument"),
])
def test_bad_requests_get_the_protocols_error_codes(client, arguments, code):
    for response in (client.get("/oai", params=arguments), client.post("/oai", data=arguments)):
        assert response.status_code == 200
        tree = etree.fromstring(response.content)
        assert tree.xpath("//o:error/@code", namespaces=OAI) == [code]


def test_a_real_client_sees_the_errors(harvester):
    with pytest.raises(CannotDisseminateFormat):
        list(harvester.ListRecords(metadataPrefix="marc21"))
    with pytest.raises(BadResumptionToken):
        list(harvester.ListRecords(resumptionToken="not-a-token"))
    with pytest.raises(BadArgument):
        list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": "yesterday"}))


def test_a_repeated_verb_is_a_bad_verb_and_not_echoed(client):
    response = client.get("/oai?verb=Identify&verb=Identify")
    tree = etree.fromstring(response.content)
    assert tree.xpath("//o:error/@code", namespaces=OAI) == ["badVerb"]
    assert tree.xpath("//o:request/@verb", namespaces=OAI) == []
    assert response.status_code == 200


def test_a_repeated_argument_is_bad_and_not_echoed(client):
    response = client.get("/oai?verb=ListSets&resumptionToken=a&resumptionToken=b")
    tree = etree.fromstring(response.content)
    assert tree.xpath("//o:error/@code", namespaces=OAI) == ["badArgument"]
    assert tree.xpath("//o:request/@*", namespaces=OAI) == []
