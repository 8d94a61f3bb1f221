"""Signing in, and editing in the web interface: sessions, throttling, CSRF, history, revert."""

from __future__ import annotations

import re
import shutil

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.curation import access_from
from chancery.web.app import create_app
from tests.conftest import WILSON

CABLE = "wilson:121768"
PASSWORD = "a long enough secret"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("editing") / "archive", create=True) as opened:
        opened.load_authority(relink=False)
        opened.ingest([WILSON])
        opened.add_user("alice", ("editor",), PASSWORD)
        opened.add_user("rita", ("reader", "researcher"), PASSWORD)
        yield opened


def client_of(archive: Archive, **options) -> TestClient:
    return TestClient(create_app(archive, **options), base_url="http://archive.test")


def token(page) -> str:  # noqa: ANN001 - a response
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def signed_in(archive: Archive, name: str) -> TestClient:
    client = client_of(archive)
    page = client.get("/login")
    answer = client.post("/login", data={"csrf": token(page), "name": name,
                                         "password": PASSWORD, "next": "/"},
                         follow_redirects=False)
    assert answer.status_code == 303
    return client


def test_signing_in_makes_a_new_http_only_same_site_session(archive):
    client = client_of(archive)
    page = client.get("/login?next=/documents/wilson:121768")
    before = client.cookies["chancery_session"]
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    answer = client.post("/login", data={"csrf": token(page), "name": "alice",
                                         "password": PASSWORD, "next": f"/documents/{CABLE}"},
                         follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, f"/documents/{CABLE}")
    assert client.cookies["chancery_session"] != before  # a fresh session: no fixation
    document = client.get(f"/documents/{CABLE}")
    assert "Signed in as alice" in document.text and "/edit\">Edit</a>" in document.text
    assert document.headers["cache-control"] == "private, no-store"

    client.post("/logout", data={"csrf": token(document)})
    assert "Sign in" in client.get("/").text
    assert client.get(f"/documents/{CABLE}/edit", follow_redirects=False).status_code == 303


def test_served_over_tls_the_cookie_is_secure(archive):
    page = client_of(archive, secure_cookies=True).get("/login")
    assert "secure" in page.headers["set-cookie"].lower()


def test_after_a_redirect_only_pages_of_this_site(archive):
    client = client_of(archive)
    page = client.get("/login")
    for goto in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        answer = client.post("/login", data={"csrf": token(page), "name": "alice",
                                             "password": PASSWORD, "next": goto},
                             follow_redirects=False)
        assert answer.headers["location"] == "/"
        page = client.get("/login")


def test_guessing_is_throttled_per_name_and_address(archive):
    # the counts are kept in the archive: a user and an address no other test signs in with
    archive.add_user("gus", ("reader",), PASSWORD)
    guesser = TestClient(create_app(archive), base_url="http://archive.test",
                         client=("192.0.2.7", 50000))
    page = guesser.get("/login")
    for _ in range(5):
        wrong = guesser.post("/login", data={"csrf": token(page), "name": "gus",
                                             "password": "not his password"})
        assert wrong.status_code == 401 and "wrong" in wrong.text
    locked = guesser.post("/login", data={"csrf": token(page), "name": "gus",
                                          "password": PASSWORD})
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0
    assert "Signed in" not in locked.text  # the right password does not get through either


def test_a_reader_with_the_role_sees_the_restricted_document(archive):
    archive.set_access("wilson:134364", access_from("restricted", roles=("researcher",)))
    try:
        assert client_of(archive).get("/documents/wilson:134364").status_code == 404
        rita = signed_in(archive, "rita")
        assert rita.get("/documents/wilson:134364").status_code == 200
        assert rita.get(f"/documents/{CABLE}/edit").status_code == 403  # not an editor
        archive.change_user("rita", roles=("reader",))  # takes effect at once
        assert rita.get("/documents/wilson:134364").status_code == 404
    finally:
        archive.change_user("rita", roles=("reader", "researcher"))
        archive.set_access("wilson:134364", access_from("public"))


def post_routes(app) -> list[str]:
    return [route.path for route in app.routes
            if isinstance(route, Route) and "POST" in (route.methods or ())
            and route.path != "/oai"]  # OAI-PMH's POST reads only, as its GET does


def concrete(path: str) -> str:
    return (path.replace("{id:path}", CABLE).replace("{key}", "stalin")
            .replace("{seq:int}", "1"))


def test_every_form_needs_the_sessions_token(archive):
    alice = signed_in(archive, "alice")
    paths = post_routes(alice.app)
    assert len(paths) == 11
    for path in paths:
        forged = alice.post(concrete(path), data={"csrf": "forged", "title": "Forged"},
                            follow_redirects=False)
        assert forged.status_code == 403, path
        cross_site = alice.post(concrete(path), follow_redirects=False,
                                data={"csrf": token(alice.get("/")), "title": "Forged"},
                                headers={"origin": "https://evil.example"})
        assert cross_site.status_code == 403, path
    assert archive.get(CABLE).title != "Forged"


def test_editing_pages_send_a_strict_content_security_policy(archive):
    alice = signed_in(archive, "alice")
    for path in (f"/documents/{CABLE}/edit", f"/documents/{CABLE}/history",
                 "/people/stalin/edit", "/login"):
        policy = alice.get(path).headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "script-src 'self'" in policy


def test_an_editor_edits_and_reverts_through_the_pages(archive):
    alice = signed_in(archive, "alice")
    original = archive.get(CABLE)
    page = alice.get(f"/documents/{CABLE}/edit")
    assert page.status_code == 200 and original.title in page.text
    saved = alice.post(f"/documents/{CABLE}/edit", data={
        "csrf": token(page), "title": "Cable <b>to</b> Mikoyan", "document_type": "telegram",
        "summary": original.summary, "date_text": "3 February 1949",
        "date_from": "1949-02-03", "collections": "\n".join(original.collections)})
    assert saved.status_code == 200 and "Saved" in saved.text
    assert archive.get(CABLE).title == "Cable <b>to</b> Mikoyan"
    assert "Cable &lt;b&gt;to&lt;/b&gt; Mikoyan" in saved.text  # the title is data

    refused = alice.post(f"/documents/{CABLE}/edit", data={
        "csrf": token(page), "title": "x", "date_from": "1949-13-01"})
    assert refused.status_code == 400 and "no month 13" in refused.text

    history = alice.get(f"/documents/{CABLE}/history")
    assert "by alice" in history.text and "Cable &lt;b&gt;to&lt;/b&gt; Mikoyan" in history.text
    change = re.search(r"/changes/(\d+)/revert", history.text).group(1)
    reverted = alice.post(f"/changes/{change}/revert", data={"csrf": token(history)})
    assert f"Change {change} reverted" in reverted.text
    assert archive.get(CABLE).title == original.title


def test_an_editor_sets_access_and_edits_links_and_names(archive):
    alice = signed_in(archive, "alice")
    page = alice.get(f"/documents/{CABLE}/edit")
    embargo = alice.post(f"/documents/{CABLE}/access", data={
        "csrf": token(page), "level": "embargoed", "until": "2999-01-01"})
    assert "Access saved" in embargo.text
    assert client_of(archive).get(f"/documents/{CABLE}").status_code == 404
    bad = alice.post(f"/documents/{CABLE}/access", data={
        "csrf": token(page), "level": "embargoed", "until": "soon"})
    assert bad.status_code == 400 and "not a day" in bad.text
    alice.post(f"/documents/{CABLE}/access", data={"csrf": token(page), "level": "public"})
    assert client_of(archive).get(f"/documents/{CABLE}").status_code == 200

    link = next(row for row in archive.link_rows(CABLE) if row["entity_id"] == "person/stalin")
    rejected = alice.post(f"/documents/{CABLE}/links", data={
        "csrf": token(page), "action": "reject", **{name: str(link[name]) for name in (
            "entity_id", "role", "rendition", "block", "start")}})
    assert rejected.status_code == 200
    assert next(row for row in archive.link_rows(CABLE) if row["entity_id"] == "person/stalin"
                and row["start"] == link["start"])["confirmed"] == -1
    added = alice.post(f"/documents/{CABLE}/links", data={
        "csrf": token(page), "action": "add", "entity": "place/beijing", "role": "mentioned"})
    assert added.status_code == 200
    assert "place/beijing" in {row["entity_id"] for row in archive.link_rows(CABLE)}
    unknown = alice.post(f"/documents/{CABLE}/links", data={
        "csrf": token(page), "action": "add", "entity": "person/nobody", "role": "mentioned"})
    assert unknown.status_code == 400 and "no entity" in unknown.text

    names = alice.get("/people/stalin/edit")
    alice.post("/people/stalin/edit", data={"csrf": token(names), "action": "add",
                                            "text": "Коба", "kind": "pseudonym", "lang": "ru"})
    assert "Коба" in {name.text for name in archive.entity("person/stalin").names}
    history = alice.get("/people/stalin/history")
    assert "by alice" in history.text and "Коба" in history.text


def test_the_history_page_says_which_fields_a_new_reading_kept_from_curators(tmp_path):
    records = tmp_path / "records"
    shutil.copytree(WILSON, records)
    with Archive.open(tmp_path / "archive", create=True) as curated:
        curated.ingest([records])
        curated.add_user("alice", ("editor",), PASSWORD)
        curated.set_access(CABLE, access_from("restricted", roles=("researcher",)), "cli")
        record = next(records.glob("1949-02-03_*.md"))
        record.write_text(record.read_text(encoding="utf-8").replace(
            "### **Cable", "### **Ciphered cable", 1), encoding="utf-8")
        assert curated.ingest([records]).updated == 1

        history = signed_in(curated, "alice").get(f"/documents/{CABLE}/history")

        assert "kept from curators: access" in history.text
        assert "Ciphered cable" in history.text  # the source's new title, beside the old


def test_saving_a_form_opened_before_another_change_is_refused_with_the_editors_values(
        archive):
    alice = signed_in(archive, "alice")
    page = alice.get(f"/documents/{CABLE}/edit")
    opened = re.search(r'name="revision" value="(\d+)"', page.text).group(1)
    archive.set_access(CABLE, access_from("public"), "user:bob")  # meanwhile, another editor
    archive.set_access(CABLE, access_from("restricted", roles=("researcher",)), "user:bob")

    answer = alice.post(f"/documents/{CABLE}/edit", data={
        "csrf": token(page), "revision": opened, "title": "A stale title", "date_from": ""})

    assert answer.status_code == 409
    assert "A stale title" in answer.text  # kept in the form, to save again
    assert archive.get(CABLE).title != "A stale title"
    assert archive.get(CABLE).access.roles == ("researcher",)
    archive.set_access(CABLE, access_from("public"), "cli")
