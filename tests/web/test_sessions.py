"""Sessions end when they should: a cookie someone kept (or stole) stops working once its user
signs out, changes password or roles, or is removed, even if a user of that name comes back."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.curation import access_from
from tests.conftest import WILSON
from tests.web.test_editing import PASSWORD, client_of, signed_in, token

EMBARGOED = "wilson:113702"
RESTRICTED = "wilson:121768"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("sessions") / "archive", create=True) as opened:
        opened.load_authority(relink=False)
        opened.ingest([WILSON])
        opened.set_access(EMBARGOED, access_from("embargoed", until="2999-01-01"))
        opened.set_access(RESTRICTED, access_from("restricted", roles=("researcher",)))
        yield opened


def replayed(archive: Archive, cookie: str) -> TestClient:
    """A client that sends a cookie saved earlier, as someone who copied it would."""
    client = client_of(archive)
    client.cookies.set("chancery_session", cookie, domain="archive.test")
    return client


def forge_title(client: TestClient, form_token: str) -> None:
    client.post(f"/documents/{EMBARGOED}/edit", data={
        "csrf": form_token, "title": "Forged", "date_text": "1949", "date_from": "1949-01-01"},
        follow_redirects=False)


def test_a_cookie_saved_before_logout_neither_reads_nor_edits(archive):
    archive.add_user("ella", ("editor",), PASSWORD)
    ella = signed_in(archive, "ella")
    page = ella.get(f"/documents/{EMBARGOED}/edit")
    assert page.status_code == 200
    saved, form_token = ella.cookies["chancery_session"], token(page)

    ella.post("/logout", data={"csrf": form_token})
    thief = replayed(archive, saved)
    assert thief.get(f"/documents/{EMBARGOED}").status_code == 404
    assert thief.get(f"/documents/{EMBARGOED}/edit", follow_redirects=False).status_code == 303
    forge_title(thief, form_token)
    assert archive.get(EMBARGOED).title != "Forged"
    assert "Signed in" not in thief.get("/").text


def test_signing_out_ends_the_users_sessions_on_every_device(archive):
    archive.add_user("emil", ("editor",), PASSWORD)
    laptop, phone = signed_in(archive, "emil"), signed_in(archive, "emil")
    assert phone.get(f"/documents/{EMBARGOED}").status_code == 200
    laptop.post("/logout", data={"csrf": token(laptop.get("/"))})
    assert phone.get(f"/documents/{EMBARGOED}").status_code == 404
    again = signed_in(archive, "emil")  # signing in again works, and holds
    assert again.get(f"/documents/{EMBARGOED}").status_code == 200


def test_a_password_change_ends_the_old_sessions(archive):
    archive.add_user("rosa", ("reader", "researcher"), PASSWORD)
    rosa = signed_in(archive, "rosa")
    assert rosa.get(f"/documents/{RESTRICTED}").status_code == 200
    archive.change_user("rosa", password="a brand new secret")
    assert rosa.get(f"/documents/{RESTRICTED}").status_code == 404
    assert "Signed in" not in rosa.get("/").text


def test_a_role_change_ends_the_old_sessions(archive):
    archive.add_user("raul", ("reader", "researcher"), PASSWORD)
    raul = signed_in(archive, "raul")
    assert raul.get(f"/documents/{RESTRICTED}").status_code == 200
    archive.change_user("raul", roles=("reader", "researcher", "translator"))
    assert raul.get(f"/documents/{RESTRICTED}").status_code == 404


def test_a_removed_user_created_again_does_not_revive_an_old_cookie(archive):
    archive.add_user("eve", ("editor",), PASSWORD)
    eve = signed_in(archive, "eve")
    page = eve.get(f"/documents/{EMBARGOED}/edit")
    saved, form_token = eve.cookies["chancery_session"], token(page)
    archive.remove_user("eve")
    archive.add_user("eve", ("editor",), "someone else's secret")

    thief = replayed(archive, saved)
    assert thief.get(f"/documents/{EMBARGOED}").status_code == 404
    forge_title(thief, form_token)
    assert archive.get(EMBARGOED).title != "Forged"
