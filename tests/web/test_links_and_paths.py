"""What a document carries that is not for readers to follow or see: a permalink of another
scheme than http(s) is shown as text, never as a link; the path of the file it was read from
is not given, only the file's name."""

from __future__ import annotations

from dataclasses import replace

import lxml.html
import pytest
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.web.app import create_app
from tests.conftest import MAO_1948, STALIN_1949, WILSON, read_record

HOSTILE_LINKS = {"wilson:990011": "javascript:alert(document.cookie)",
                 "wilson:990012": "JaVaScRiPt:alert(1)",
                 "wilson:990013": "java\tscript:alert(1)",
                 "wilson:990014": " javascript:alert(1)",
                 "wilson:990015": "data:text/html,<script>alert(1)</script>",
                 "wilson:990016": "https:alert(1)"}  # http(s) without a host: not a page


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("links") / "archive", create=True) as archive:
        archive.load_authority()
        archive.ingest([WILSON])
        cable = read_record(STALIN_1949)
        for document_id, permalink in HOSTILE_LINKS.items():
            archive.add(replace(cable, id=document_id, permalink=permalink))
        yield TestClient(create_app(archive))


def _links(html: str) -> list[str]:
    page = lxml.html.fromstring(html)
    return [element.get(name) for element in page.iter() for name in ("href", "src", "action")
            if element.get(name) is not None]


@pytest.mark.parametrize("document_id", sorted(HOSTILE_LINKS))
def test_a_permalink_of_another_scheme_is_shown_as_text_not_as_a_link(client, document_id):
    response = client.get(f"/documents/{document_id}")
    assert response.status_code == 200
    links = _links(response.text)
    assert links and all(link.startswith(("/", "#", "?", "http://", "https://"))
                         and not link.startswith("https:alert") for link in links), links
    assert "alert(" in lxml.html.fromstring(response.text).text_content()  # shown, as text


def test_an_https_permalink_is_a_link_to_the_source(client):
    response = client.get("/documents/wilson:121768")
    assert "https://digitalarchive.wilsoncenter.org/document/121768" in _links(response.text)


def test_the_api_gives_the_name_of_the_source_file_not_its_path(client):
    found = client.get("/api/v1/documents/wilson:113702").json()
    assert found["source"]["name"] == MAO_1948.name
    assert str(MAO_1948.parent) not in client.get("/api/v1/documents/wilson:113702").text


def test_a_frus_document_this_archive_lacks_says_where_it_is_published(client):
    # cross-references point to documents of volumes an archive may not hold (1964-68v14
    # refers to 1961-63v05 in a third of its cross-references)
    response = client.get("/documents/frus:frus1961-63v05/d383")
    assert response.status_code == 404
    assert 'href="https://history.state.gov/historicaldocuments/frus1961-63v05/d383"' in \
        response.text
    other = client.get("/documents/wilson:999999999")
    assert other.status_code == 404 and "history.state.gov" not in other.text
