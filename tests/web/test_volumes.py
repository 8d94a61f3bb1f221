"""The volume pages of the reading room: the list of volumes, a volume's contents and lists,
and a document's breadcrumb and neighbours (an extract of FRUS 1958-1960, vol. XVIII)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.model import Access, AccessLevel
from chancery.web.app import create_app

EXTRACT = Path(__file__).resolve().parents[1] / "data" / "frus" / "frus1958-60v18-extract.xml"
KOREA_LETTER = "frus:frus1958-60v18/d204"


@pytest.fixture(scope="module")
def volume_archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("volumes") / "archive", create=True) as archive:
        assert archive.ingest([EXTRACT]).failed == 0
        archive.set_access("frus:frus1958-60v18/d205",
                           Access(AccessLevel.RESTRICTED, roles=("editor",)))
        yield archive


@pytest.fixture(scope="module")
def client(volume_archive):
    return TestClient(create_app(volume_archive))


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_list_of_volumes_links_each_with_its_count(client):
    page = client.get("/volumes")
    assert page.status_code == 200
    assert '<a href="/volumes/frus1958-60v18">Foreign Relations of the United States, ' \
           '1958–1960, Japan; Korea, Volume XVIII</a>' in page.text
    assert "7 documents" in page.text


def test_a_volume_page_gives_publication_data_and_contents_by_chapter(client):
    page = client.get("/volumes/frus1958-60v18")
    shown = text_of(page.text)
    assert "Editors Madeline Chi, Louis J. Smith General editor Glenn W. LaFantasie" in shown
    assert "Volume XVIII" in shown and "Published Washington: " in shown
    contents = text_of(page.text.split('id="contents-heading"')[1].split("</nav>")[0])
    assert contents.index("Japan U.S. Policy Toward Japan 1. Telegram From the Department "
                          "of State to the Embassy in Japan 11 January 1958") < contents.index(
        "Korea January 1958–November 1959") < contents.index("204. Letter From")
    assert f'href="/documents/{KOREA_LETTER}"' in page.text


def test_a_document_a_reader_may_not_see_is_left_out_of_the_contents(client):
    page = client.get("/volumes/frus1958-60v18")
    assert "frus:frus1958-60v18/d205" not in page.text
    assert "7 (6 open to you)" in text_of(page.text)


def test_the_lists_of_persons_and_terms_carry_the_volume_s_descriptions(client):
    page = text_of(client.get("/volumes/frus1958-60v18").text)
    assert "Persons Acheson, Dean G. Secretary of State" in page
    assert "Abbreviations and terms AA " in page


def test_a_document_shows_where_it_stands_and_its_neighbours(client):
    page = client.get(f"/documents/{KOREA_LETTER}").text
    crumbs = text_of(page.split('class="breadcrumb"')[1].split("</nav>")[0])
    assert crumbs.startswith("aria-label=\"Where it stands in its volume\"> Foreign Relations "
                             "of the United States, 1958–1960, Japan; Korea, Volume XVIII "
                             "Korea January 1958")
    assert crumbs.endswith("Document 204")
    assert '<a rel="prev" href="/documents/frus:frus1958-60v18/d3">' in page
    assert 'rel="next"' not in page  # d205 is restricted: no link to it


def test_an_unknown_volume_is_not_found(client):
    assert client.get("/volumes/frus1999v99").status_code == 404
