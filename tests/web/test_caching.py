"""HTTP caching from the change log: a page is answered 304 while nothing it depends on has
changed, gets a new validator after any change that affects it (an edit, an ingest, an access
change, an embargo passing its day), and no kept page reaches a reader it was not made for."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest
from starlette.testclient import TestClient

from chancery import access
from chancery.archive import Archive
from chancery.curation import MetadataEdit, access_from
from chancery.model import ArchiveState
from chancery.web.app import create_app
from chancery.web import caching
from chancery.web.caching import KeptPage, PageCache, last_modified
from tests.conftest import MAO_1948, STALIN_1949, read_record
from tests.web.test_editing import PASSWORD, signed_in

CABLE = read_record(STALIN_1949).id
TITLE = read_record(STALIN_1949).title
LETTER = read_record(MAO_1948).id


@pytest.fixture
def archive(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as opened:
        opened.ingest([STALIN_1949])
        opened.add_user("rita", ("researcher",), PASSWORD)
        opened.add_user("alice", ("editor",), PASSWORD)
        yield opened


@pytest.fixture
def app(archive):
    return create_app(archive)


@pytest.fixture
def anonymous(app):
    return TestClient(app, base_url="http://archive.test")


@pytest.fixture
def renders(app, monkeypatch):
    """How many pages the app has rendered from its templates (the real renderer, counted)."""
    counted = []
    render = app.state.pages.render

    def counting(*arguments, **options):
        counted.append(arguments[1])
        return render(*arguments, **options)

    monkeypatch.setattr(app.state.pages, "render", counting)
    return counted


def revalidated(client: TestClient, url: str, etag: str):
    return client.get(url, headers={"if-none-match": etag})


def test_an_unchanged_page_is_answered_304_without_rendering(anonymous, renders):
    first = anonymous.get(f"/documents/{CABLE}")
    assert first.status_code == 200 and len(renders) == 1
    assert first.headers["cache-control"].startswith("public, max-age=")
    answer = revalidated(anonymous, f"/documents/{CABLE}", first.headers["etag"])
    assert answer.status_code == 304 and answer.content == b""
    assert answer.headers["etag"] == first.headers["etag"]
    assert len(renders) == 1


def test_every_kind_of_answer_carries_a_validator_and_revalidates(anonymous):
    for url in ("/", f"/documents/{CABLE}", "/search?q=Mikoyan", "/feed.atom",
                "/sitemap.xml", "/oai?verb=Identify", f"/api/v1/documents/{CABLE}",
                "/api/v1/search?q=Mikoyan", "/robots.txt"):
        first = anonymous.get(url)
        assert first.status_code == 200, url
        assert first.headers["etag"].startswith('W/"'), url
        assert revalidated(anonymous, url, first.headers["etag"]).status_code == 304, url


def test_a_page_kept_is_served_again_without_rendering(app, anonymous, renders):
    first = anonymous.get("/search?q=Mikoyan")
    again = anonymous.get("/search?q=Mikoyan")
    assert again.status_code == 200 and again.text == first.text
    assert renders == ["search.html"]
    assert again.headers["etag"] == first.headers["etag"]


def test_pages_differing_only_in_parameters_have_their_own_validators(anonymous):
    one, other = anonymous.get("/search?q=Mikoyan"), anonymous.get("/search?q=Stalin")
    assert one.headers["etag"] != other.headers["etag"]
    assert revalidated(anonymous, "/search?q=Stalin", one.headers["etag"]).status_code == 200


def test_an_edit_gives_the_page_a_new_validator_and_text(archive, anonymous):
    before = anonymous.get(f"/documents/{CABLE}")
    edit = replace(MetadataEdit.of(archive.get(CABLE)), title="A title set by a curator")
    archive.edit_metadata(CABLE, edit, actor="alice")
    answer = revalidated(anonymous, f"/documents/{CABLE}", before.headers["etag"])
    assert answer.status_code == 200
    assert answer.headers["etag"] != before.headers["etag"]
    assert "A title set by a curator" in answer.text


def test_an_ingest_gives_the_search_page_a_new_validator_and_hits(archive, anonymous):
    before = anonymous.get("/search?q=Mao")
    assert LETTER not in before.text
    archive.ingest([MAO_1948])
    answer = revalidated(anonymous, "/search?q=Mao", before.headers["etag"])
    assert answer.status_code == 200 and LETTER in answer.text


def test_a_document_restricted_is_never_served_from_the_cache(archive, anonymous):
    kept = anonymous.get(f"/documents/{CABLE}")
    listed = anonymous.get("/search?q=Mikoyan")
    api = anonymous.get(f"/api/v1/documents/{CABLE}")
    assert CABLE in listed.text and api.status_code == 200
    archive.set_access(CABLE, access_from("restricted", roles=("researcher",)))
    for url, before in ((f"/documents/{CABLE}", kept), ("/search?q=Mikoyan", listed),
                        (f"/api/v1/documents/{CABLE}", api)):
        for headers in ({}, {"if-none-match": before.headers["etag"]}):
            answer = anonymous.get(url, headers=headers)
            assert answer.status_code in (200, 404), url
            assert TITLE not in answer.text, url
            assert CABLE in url or CABLE not in answer.text, url  # only what the reader typed


def test_an_embargo_lifting_at_midnight_is_a_change(archive, anonymous, monkeypatch):
    archive.set_access(CABLE, access_from("embargoed", until="2031-05-01"))
    monkeypatch.setattr(access, "today", lambda: "2031-04-30")
    hidden = anonymous.get(f"/documents/{CABLE}")
    assert hidden.status_code == 404
    search = anonymous.get("/search?q=Mikoyan")
    assert CABLE not in search.text
    monkeypatch.setattr(access, "today", lambda: "2031-05-01")
    assert anonymous.get(f"/documents/{CABLE}").status_code == 200
    answer = revalidated(anonymous, "/search?q=Mikoyan", search.headers["etag"])
    assert answer.status_code == 200 and CABLE in answer.text
    assert answer.headers["etag"] != search.headers["etag"]


def test_another_process_change_is_seen_at_once(archive, anonymous):
    before = anonymous.get(f"/documents/{CABLE}")
    # the store opened again, as another worker process (or `chancery access`) has it
    with Archive.open(archive.folder) as other:
        other.set_access(CABLE, access_from("restricted", roles=("researcher",)))
    answer = revalidated(anonymous, f"/documents/{CABLE}", before.headers["etag"])
    assert answer.status_code == 404


def test_no_kept_page_crosses_readers_with_different_roles(archive, anonymous):
    archive.set_access(CABLE, access_from("restricted", roles=("researcher",)))
    researcher = signed_in(archive, "rita")
    for url in ("/search?q=Mikoyan", f"/documents/{CABLE}"):
        anonymous_first = anonymous.get(url)
        assert TITLE not in anonymous_first.text
        theirs = researcher.get(url)
        assert theirs.status_code == 200 and TITLE in theirs.text, url
        assert theirs.headers["cache-control"] == "private, no-store"
        assert theirs.headers["etag"] != anonymous_first.headers.get("etag")
        # and the other way: what the researcher saw is not kept for anyone
        answer = anonymous.get(url)
        assert TITLE not in answer.text, url
        assert anonymous.get(url, headers={"if-none-match": theirs.headers["etag"]}) \
            .status_code != 304


def test_a_signed_in_reader_revalidates_their_own_page(archive):
    editor = signed_in(archive, "alice")
    first = editor.get(f"/documents/{CABLE}")
    assert first.headers["cache-control"] == "private, no-store"
    assert "Edit" in first.text or "edit" in first.text
    assert revalidated(editor, f"/documents/{CABLE}", first.headers["etag"]).status_code == 304


def test_a_page_that_starts_a_session_is_not_kept(anonymous):
    form = anonymous.get("/login")
    assert "set-cookie" in form.headers
    assert form.headers["cache-control"] == "private, no-store"
    stranger = TestClient(anonymous.app, base_url="http://archive.test")
    other = stranger.get("/login")
    assert "set-cookie" in other.headers  # their own token, not the first reader's
    assert other.cookies["chancery_session"] != form.cookies["chancery_session"]


def test_if_modified_since_answers_304_only_for_what_is_not_newer(anonymous, monkeypatch):
    monkeypatch.setattr(caching, "clock", lambda: time.time() + 2)  # the change's second over
    first = anonymous.get(f"/documents/{CABLE}")
    modified = first.headers["last-modified"]
    assert anonymous.get(f"/documents/{CABLE}", headers={"if-modified-since": modified}) \
        .status_code == 304
    earlier = format_datetime(datetime(2000, 1, 1, tzinfo=UTC), usegmt=True)
    assert anonymous.get(f"/documents/{CABLE}", headers={"if-modified-since": earlier}) \
        .status_code == 200


def test_last_modified_is_the_last_change_or_the_last_embargo_lifted():
    state = ArchiveState(seq=3, changed_at="2030-01-02T10:11:12.345+00:00", day="2031-01-01",
                         last_lift="2030-06-01", next_lift="")
    now = datetime(2031, 1, 1, 12, tzinfo=UTC).timestamp()
    assert last_modified(state, now) == datetime(2030, 6, 1, tzinfo=UTC)
    state = replace(state, last_lift="")
    assert last_modified(state, now) == datetime(2030, 1, 2, 10, 11, 12, tzinfo=UTC)
    # within the second of the change, a later change could carry the same date: none given
    changed = datetime(2030, 1, 2, 10, 11, 12, 345000, tzinfo=UTC).timestamp()
    assert last_modified(state, changed + 0.2) is None


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_off_searches(anonymous):
    answer = anonymous.get("/robots.txt")
    lines = answer.text.splitlines()
    assert "Sitemap: http://archive.test/sitemap.xml" in lines
    assert "Disallow: /search?" in lines
    assert "Disallow: /search" not in lines  # the bare search page stays crawlable


def test_the_page_cache_is_bounded_and_drops_the_least_recently_used():
    cache = PageCache(capacity=8 * 1000)
    page = KeptPage("v1", 200, (), b"x" * 900)
    for number in range(12):
        cache.put(("page", number), page)
        cache.get(("page", 0), "v1")  # kept in use
    assert cache.size <= cache.capacity
    assert cache.get(("page", 0), "v1") is page
    assert cache.get(("page", 1), "v1") is None
    assert cache.get(("page", 0), "v2") is None  # made in another state of the archive


def test_a_route_that_says_no_store_is_neither_kept_nor_given_a_validator(anonymous):
    # /healthz tells a load balancer how far this node's index lags: live, never kept
    answer = anonymous.get("/healthz")
    assert answer.headers["cache-control"] == "no-store"
    assert "etag" not in answer.headers and "last-modified" not in answer.headers
