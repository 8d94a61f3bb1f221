"""Restricted and embargoed documents: an anonymous reader learns nothing of them, through
any route of the app, not even that they exist.

Two archives are served: the real records, and the same records plus hidden copies of
them (restricted; embargoed for centuries). Every route of the app answers an anonymous reader
the same in both, byte for byte once the clock's timestamps are set aside, for URLs aimed
straight at the hidden documents: their ids, their words, their year, their people.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.routing import Mount
from starlette.testclient import TestClient

from chancery.access import Reader
from chancery.archive import Archive
from chancery.model import Access, AccessLevel, HistoricalDate
from chancery.web.app import create_app
from tests.conftest import STALIN_1949, WILSON, read_record

RESTRICTED = "wilson:990001"
EMBARGOED = "wilson:990002"
LIFTED = "wilson:990003"  # embargoed until a day that has passed: public now
SECRET_WORDS = "Quagmire Zanzibar"
HIDDEN_PAGE = Path(__file__).resolve().parent.parent / "data" / "images" / "ru-page.png"
HIDDEN_IMAGE = hashlib.sha256(HIDDEN_PAGE.read_bytes()).hexdigest()


def hidden_copies() -> list:
    cable = read_record(STALIN_1949)
    date = HistoricalDate("3 February 1907", "1907-02-03", "1907-02-03", "day")
    return [
        replace(cable, id=RESTRICTED, title=f"{SECRET_WORDS} restricted cable", date=date,
                collections=("Secret Collection",),
                access=Access(AccessLevel.RESTRICTED, roles=("researcher",))),
        replace(cable, id=EMBARGOED, title=f"{SECRET_WORDS} embargoed cable", date=date,
                access=Access(AccessLevel.EMBARGOED, until="2999-01-01")),
    ]


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    folder = tmp_path_factory.mktemp("access")
    with Archive.open(folder / "plain", create=True) as plain, \
            Archive.open(folder / "hiding", create=True) as hiding:
        for archive in (plain, hiding):
            archive.load_authority()
            archive.ingest([WILSON])
        for document in hidden_copies():
            hiding.add(document)
        hiding.attach(RESTRICTED, [HIDDEN_PAGE])  # its page image, as hidden as it is
        yield TestClient(create_app(plain)), TestClient(create_app(hiding)), hiding


# every route of the app, with URLs aimed at the hidden documents
URLS = {
    "/": ["/"],
    "/search": ["/search?q=Stalin&sort=date", f"/search?q={SECRET_WORDS}",
                "/search?q=date:1907", "/search?q=Mikoyan&sort=date&filter=date:1907",
                "/search?q=collection:%22Secret%20Collection%22",
                "/search?q=&sort=newest"],
    "/documents/{id:path}/compare": [f"/documents/{RESTRICTED}/compare?a=A&b=B",
                                     f"/documents/{EMBARGOED}/compare"],
    "/documents/{id:path}/cite/{style}": [f"/documents/{RESTRICTED}/cite/{style}"
                                          for style in ("bibtex", "ris", "csl-json")],
    "/documents/{id:path}/tei": [f"/documents/{RESTRICTED}/tei", f"/documents/{EMBARGOED}/tei"],
    "/documents/{id:path}": [f"/documents/{RESTRICTED}", f"/documents/{EMBARGOED}",
                             "/documents/wilson:121768"],
    "/people/{key}": ["/people/stalin", "/people/mikoyan"],
    "/places/{key}": ["/places/moscow"],
    "/organizations/{key}": ["/organizations/ccp-cc"],
    "/terms/{key}": ["/terms/nothing"],
    "/people": ["/people"], "/places": ["/places"], "/organizations": ["/organizations"],
    "/terms": ["/terms"],
    "/browse/dates": ["/browse/dates", "/browse/dates?year=1907"],
    "/browse/repositories": ["/browse/repositories"],
    "/browse/collections": ["/browse/collections"],
    "/volumes": ["/volumes"],
    "/volumes/{id}": ["/volumes/frus1999v99"],
    "/network": ["/network", "/network?from=1900&to=1910"],
    "/feed.atom": ["/feed.atom"],
    "/sitemap.xml": ["/sitemap.xml"],
    "/sitemap-{page:int}.xml": ["/sitemap-0.xml"],
    "/robots.txt": ["/robots.txt"],
    "/oai": ["/oai?verb=Identify", "/oai?verb=ListRecords&metadataPrefix=oai_dc",
             "/oai?verb=ListIdentifiers&metadataPrefix=tei",
             "/oai?verb=ListSets",
             f"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:chancery:{RESTRICTED}",
             "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=collection:secret-collection"],
    "/api/v1/openapi.json": ["/api/v1/openapi.json"],
    "/api/v1/documents": ["/api/v1/documents", f"/api/v1/documents?after={LIFTED}"],
    "/api/v1/documents/{id:path}": [f"/api/v1/documents/{RESTRICTED}",
                                    f"/api/v1/documents/{EMBARGOED}"],
    "/api/v1/search": ["/api/v1/search?q=Stalin&sort=date&facets=person,year,collection",
                       f"/api/v1/search?q={SECRET_WORDS}", "/api/v1/search?q=date:1907"],
    "/api/v1/entities": ["/api/v1/entities?kind=person"],
    "/api/v1/entities/{id:path}": ["/api/v1/entities/person/stalin"],
    "/api/v1/collections": ["/api/v1/collections"],
    "/iiif/3/documents/{id:path}/manifest.json": [
        f"/iiif/3/documents/{RESTRICTED}/manifest.json",
        "/iiif/3/documents/wilson:121768/manifest.json"],
    "/iiif/3/documents/{id:path}/search": [f"/iiif/3/documents/{RESTRICTED}/search?q=Stalin",
                                           "/iiif/3/documents/wilson:121768/search?q=x"],
    "/iiif/3/collection.json": ["/iiif/3/collection.json"],
    "/healthz": ["/healthz"],  # for the load balancer: the lag, never the log's numbers
    "/iiif/3/collections/{kind:str}/{name:str}": [
        "/iiif/3/collections/collection/Secret%20Collection",
        "/iiif/3/collections/volume/frus1999v99"],
    "/iiif/3/{image:str}": [f"/iiif/3/{HIDDEN_IMAGE}"],
    "/iiif/3/{image:str}/info.json": [f"/iiif/3/{HIDDEN_IMAGE}/info.json"],
    "/iiif/3/{image:str}/{region:str}/{size:str}/{rotation:str}/{quality_format:str}": [
        f"/iiif/3/{HIDDEN_IMAGE}/full/max/0/default.jpg",
        f"/iiif/3/{HIDDEN_IMAGE}/0,0,10,10/max/0/sepia.gif"],
    # signing in, and editing: an anonymous reader is sent to sign in, whatever the id
    "/login": ["/login", f"/login?next=/documents/{RESTRICTED}/edit"],
    "/logout": ["/logout"],
    "/documents/{id:path}/edit": [f"/documents/{RESTRICTED}/edit", "/documents/nothing/edit"],
    "/documents/{id:path}/access": [f"/documents/{RESTRICTED}/access"],
    "/documents/{id:path}/links": [f"/documents/{EMBARGOED}/links"],
    "/documents/{id:path}/history": [f"/documents/{RESTRICTED}/history"],
    "/changes/{seq:int}/revert": ["/changes/1/revert"],
    "/proposals": ["/proposals"],  # curators' review of proposed names: sign in first
    **{f"/{kind}/{{key}}/{page}": [f"/{kind}/stalin/{page}"]
       for kind in ("people", "places", "organizations", "terms")
       for page in ("edit", "history")},
}


def _comparable(body: str) -> str:
    body = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", "TIME",
                  body)
    body = re.sub(r'name="csrf" value="[^"]*"', 'name="csrf" value="TOKEN"', body)
    return re.sub(r'"score":\s*[0-9.e+-]+', '"score": 0', body)  # BM25 statistics: see docs


def test_every_route_is_checked(clients):
    routes = {route.path for route in clients[0].app.routes if not isinstance(route, Mount)}
    assert routes == set(URLS), "a new route needs URLs in this test"


@pytest.mark.parametrize("url", [url for urls in URLS.values() for url in urls])
def test_an_anonymous_reader_learns_nothing_of_hidden_documents(clients, url):
    plain, hiding, _ = clients
    expected, answered = plain.get(url), hiding.get(url)
    assert answered.status_code == expected.status_code
    assert answered.headers.get("location") == expected.headers.get("location")
    assert _comparable(answered.text) == _comparable(expected.text)
    for secret in (RESTRICTED, EMBARGOED, "Quagmire", "1907"):
        assert secret in url or secret not in answered.text  # only what the reader typed


def test_the_hidden_documents_are_there_for_those_who_may_read_them(clients):
    *_, archive = clients
    researcher, editor = Reader(frozenset({"researcher"})), Reader(frozenset({"editor"}))
    assert archive.get(RESTRICTED, reader=researcher).title.startswith(SECRET_WORDS)
    found = archive.search(SECRET_WORDS, reader=researcher)
    assert [hit.id for hit in found.hits] == [RESTRICTED]
    assert {hit.id for hit in archive.search(SECRET_WORDS, reader=editor).hits} == \
        {RESTRICTED, EMBARGOED}
    assert archive.search(SECRET_WORDS, reader=Reader.anonymous()).total == 0
    assert archive.count(reader=Reader.anonymous()) == archive.count() - 2


def test_an_embargo_lifts_itself_on_its_day(clients):
    *_, archive = clients
    before, on = Reader(on="2998-12-31"), Reader(on="2999-01-01")
    assert archive.search(SECRET_WORDS, reader=before).total == 0
    assert [hit.id for hit in archive.search(SECRET_WORDS, reader=on).hits] == [EMBARGOED]
    assert EMBARGOED in archive.ids(reader=on) and EMBARGOED not in archive.ids(reader=before)
    assert archive.get(EMBARGOED, reader=on).id == EMBARGOED
