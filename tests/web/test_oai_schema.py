"""The OAI-PMH provider read by what judges it from outside: the protocol's own XML Schema
(tests/data/oai/OAI-PMH.xsd, validated with lxml), a strict harvester (pyoai, which parses
with lxml and refuses a page where two elements share an xml:id), and TEI All for the TEI
records a list carries."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from oaipmh import error as oai_errors
from oaipmh.client import Client
from oaipmh.metadata import MetadataReader, MetadataRegistry, oai_dc_reader
from sickle import Sickle

from chancery.formats.tei_export import TEI
from chancery.web import oai

DATA = Path(__file__).resolve().parent.parent / "data" / "oai"
OAI = {"o": oai.OAI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def protocol_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "OAI-PMH.xsd")))


def _valid(schema: etree.XMLSchema, body: bytes) -> list[str]:
    """The schema's complaints about one response (none when it is valid)."""
    schema.validate(etree.fromstring(body))
    return [f"line {entry.line}: {entry.message}" for entry in schema.error_log]


# every verb, answered and refused: the refusals are where a provider most often strays from
# the schema (echoing arguments of no legal form in <request>)
REQUESTS = [
    {"verb": "Identify"},
    {"verb": "ListMetadataFormats"},
    {"verb": "ListMetadataFormats", "identifier": "oai:chancery:wilson:121768"},
    {"verb": "ListSets"},
    {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"},
    {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "set": "repository:rgaspi"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc"},
    {"verb": "ListRecords", "metadataPrefix": "tei"},
    {"verb": "GetRecord", "identifier": "oai:chancery:wilson:121768", "metadataPrefix": "tei"},
    {"verb": "GetRecord", "identifier": "oai:chancery:wilson:121768",
     "metadataPrefix": "oai_dc"},
    {"verb": "Harvest"},
    {},
    {"verb": "ListRecords"},
    {"verb": "Identify", "set": "x"},
    {"verb": "Identify", "colour": "red"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "1949-02-30"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "yesterday"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2001-01-01T00:00:00"},
    {"verb": "ListRecords", "metadataPrefix": "oai dc"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "no set, this"},
    {"verb": "ListRecords", "metadataPrefix": "marc21"},
    {"verb": "ListRecords", "resumptionToken": "not-a-token"},
    {"verb": "ListRecords", "resumptionToken": "e30=", "metadataPrefix": "oai_dc"},
    {"verb": "GetRecord", "identifier": "oai:chancery:wilson:0", "metadataPrefix": "oai_dc"},
    {"verb": "GetRecord", "identifier": "no identifier", "metadataPrefix": "oai_dc"},
    {"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1999-12-31"},
]


@pytest.mark.parametrize("arguments", REQUESTS, ids=lambda arguments: "&".join(
    f"{name}={value}" for name, value in arguments.items()) or "nothing")
def test_every_answer_and_every_refusal_is_valid_against_the_protocols_schema(
        client, protocol_schema, arguments):
    for response in (client.get("/oai", params=arguments), client.post("/oai", data=arguments)):
        assert _valid(protocol_schema, response.content) == []


def test_repeated_arguments_are_refused_in_a_valid_response(client, protocol_schema):
    for query in ("verb=Identify&verb=Identify", "verb=ListRecords&verb=Identify",
                  "verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=tei"):
        assert _valid(protocol_schema, client.get(f"/oai?{query}").content) == []


def test_a_bad_argument_is_not_echoed_in_the_request(client):
    tree = etree.fromstring(client.get("/oai", params={
        "verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "1949-02-30"}).content)
    assert tree.xpath("//o:error/@code", namespaces=OAI) == ["badArgument"]
    assert tree.xpath("//o:request/@*", namespaces=OAI) == []
    assert tree.xpath("string(//o:request)", namespaces=OAI).endswith("/oai")


def test_the_default_admin_email_is_of_the_schemas_form(client, protocol_schema):
    response = client.get("/oai", params={"verb": "Identify"})
    assert _valid(protocol_schema, response.content) == []
    email = etree.fromstring(response.content).findtext(f".//{{{oai.OAI}}}adminEmail")
    assert "@" in email and "." in email.split("@")[1]


def test_tei_pages_share_no_xml_id_and_every_record_is_valid_tei(client, monkeypatch,
                                                                 protocol_schema):
    monkeypatch.setattr(oai, "PAGE", 4)  # seven documents: the page with Stalin's cable
    tei_all = etree.RelaxNG(etree.parse(str(Path(__file__).resolve().parent.parent / "data" / "schemas" / "tei_all.rng")))
    arguments, records, pages = {"verb": "ListRecords", "metadataPrefix": "tei"}, 0, 0
    while True:
        # POST: answered afresh, never from the reading room's page cache, whatever PAGE was
        response = client.post("/oai", data=arguments)
        pages += 1
        assert _valid(protocol_schema, response.content) == []
        page = etree.fromstring(response.content)  # lxml refuses an id defined twice
        ids = page.xpath("//@xml:id")
        assert len(ids) == len(set(ids))
        for tei in page.iter(f"{{{TEI}}}TEI"):
            records += 1
            assert tei_all.validate(tei), tei_all.error_log.last_error
            # every pointer within a record still finds its target in that record
            own = {f"#{identifier}" for identifier in tei.xpath(".//@xml:id")}
            pointers = {value for value in tei.xpath(".//@corresp | .//@resp | .//@target")
                        if value.startswith("#")}
            assert pointers <= own
        token = page.findtext(f".//{{{oai.OAI}}}resumptionToken")
        if not token:
            break
        arguments = {"verb": "ListRecords", "resumptionToken": token}
    assert (records, pages) == (7, 2)


def test_stalins_cable_keeps_its_witness_and_translator_pointers(client):
    record = etree.fromstring(client.get("/oai", params={
        "verb": "GetRecord", "identifier": "oai:chancery:wilson:121768",
        "metadataPrefix": "tei"}).content)
    witnesses = record.xpath("//t:witness/@xml:id", namespaces={"t": TEI})
    assert witnesses and all(identifier.startswith("d-wilson_3a_121768-wit-")
                             for identifier in witnesses)


# --- pyoai, the harvester that found the repeated ids -------------------------------------

class _LxmlAsPyoaiKnowsIt:
    """lxml as pyoai 2.5 calls it: its XPath evaluators' ``evaluate``, an alias lxml 6 no
    longer has, is the evaluator itself. Everything else, the strict parsing above all, is
    lxml's own."""

    def __getattr__(self, name: str) -> object:
        return getattr(etree, name)

    @staticmethod
    def XPathEvaluator(node, **options):  # noqa: ANN001, ANN205, N802 - lxml's name
        evaluator = etree.XPathEvaluator(node, **options)
        return type("Evaluator", (), {"evaluate": staticmethod(evaluator)})()


@pytest.fixture(autouse=True)
def _pyoai_on_this_lxml(monkeypatch) -> None:
    import oaipmh.client
    import oaipmh.metadata

    for module in (oaipmh.client, oaipmh.metadata):
        monkeypatch.setattr(module, "etree", _LxmlAsPyoaiKnowsIt())


def _pyoai(server: str) -> Client:
    registry = MetadataRegistry()
    registry.registerReader("oai_dc", oai_dc_reader)
    registry.registerReader("tei", MetadataReader(
        fields={"title": ("textList", "t:TEI/t:teiHeader//t:titleStmt/t:title/text()"),
                "witness": ("textList", "t:TEI//t:listWit/t:witness/@xml:id")},
        namespaces={"t": TEI}))
    return Client(server + "/oai", registry)


def test_pyoai_identifies_the_repository(server):
    identity = _pyoai(server).identify()
    assert identity.repositoryName() == "Chancery"
    assert identity.protocolVersion() == "2.0"
    assert identity.adminEmails() == ["archivist@chancery.invalid"]


def test_pyoai_harvests_every_page_in_tei_and_oai_dc(server, monkeypatch):
    monkeypatch.setattr(oai, "PAGE", 3)
    harvester = _pyoai(server)
    for prefix in ("tei", "oai_dc"):
        records = list(harvester.listRecords(metadataPrefix=prefix))
        identifiers = [header.identifier() for header, _, _ in records]
        assert len(identifiers) == len(set(identifiers)) == 7
        stalin = next(metadata for header, metadata, _ in records
                      if header.identifier() == "oai:chancery:wilson:121768")
        assert stalin["title"] == ["Cable, Filippov [Stalin] to Anastas Mikoyan"]


def test_pyoai_reads_the_protocols_errors(server):
    harvester = _pyoai(server)
    with pytest.raises(oai_errors.CannotDisseminateFormatError):
        list(harvester.listRecords(metadataPrefix="marc21"))
    with pytest.raises(oai_errors.IdDoesNotExistError):
        harvester.getRecord(identifier="oai:chancery:wilson:0", metadataPrefix="oai_dc")
    with pytest.raises(oai_errors.BadVerbError):
        harvester.makeRequestErrorHandling(verb="Harvest")
    with pytest.raises(oai_errors.BadArgumentError):
        harvester.makeRequestErrorHandling(verb="ListRecords", metadataPrefix="oai_dc",
                                           until="the end")


def test_sickle_harvests_every_tei_page(server, monkeypatch):
    monkeypatch.setattr(oai, "PAGE", 2)
    harvester = Sickle(server + "/oai", max_retries=0, http_method="POST")  # not cached
    records = list(harvester.ListRecords(metadataPrefix="tei"))
    assert len({record.header.identifier for record in records}) == 7
    assert all(record.xml.find(f".//{{{TEI}}}TEI") is not None for record in records)
