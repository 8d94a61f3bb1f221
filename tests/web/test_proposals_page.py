"""The proposed names page: editors accept or reject the names the linker found, in forms that
carry the session's token; and in a real browser, with axe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chancery.archive import Archive
from tests.conftest import WILSON
from tests.web.test_browser import CHROMIUM, accessibility_problems, browser  # noqa: F401
from tests.web.test_editing import PASSWORD, client_of, signed_in, token

ARMS_CONTROL = Path(__file__).parent.parent / "data" / "frus" / "names-frus1964-68v11.xml"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("proposals") / "archive", create=True) as opened:
        opened.load_authority(relink=False)
        assert opened.ingest([WILSON, ARMS_CONTROL]).failed == 0
        opened.add_user("alice", ("editor",), PASSWORD)
        opened.add_user("rita", ("reader", "researcher"), PASSWORD)
        yield opened


def test_only_editors_see_the_proposals(archive):
    assert client_of(archive).get("/proposals", follow_redirects=False).status_code == 303
    assert signed_in(archive, "rita").get("/proposals").status_code == 403
    page = signed_in(archive, "alice").get("/proposals")
    assert page.status_code == 200
    assert "<th scope=\"row\">Roshchin</th>" in page.text


def test_a_decision_needs_the_sessions_token_and_this_site(archive):
    alice = signed_in(archive, "alice")
    forged = alice.post("/proposals", data={"csrf": "forged", "form": "Gleysteen",
                                            "action": "reject"}, follow_redirects=False)
    assert forged.status_code == 403
    cross_site = alice.post("/proposals", data={
        "csrf": token(alice.get("/proposals")), "form": "Gleysteen", "action": "reject"},
        headers={"origin": "https://evil.example"}, follow_redirects=False)
    assert cross_site.status_code == 403
    assert "Gleysteen" in {name.text for name in archive.proposals.open(limit=1000)}


def test_an_unknown_proposal_or_entity_is_refused_with_a_message(archive):
    alice = signed_in(archive, "alice")
    answer = alice.post("/proposals", data={"csrf": token(alice.get("/proposals")),
                                            "form": "<script>x</script>", "action": "reject"})
    assert answer.status_code == 400
    assert "no proposal" in answer.text and "&lt;script&gt;x&lt;/script&gt;" in answer.text
    assert "<script>x</script>" not in answer.text
    answer = alice.post("/proposals", data={"csrf": token(alice.get("/proposals")),
                                            "form": "Shustov", "action": "name",
                                            "entity": "person/nobody"})
    assert answer.status_code == 400 and "no entity &#39;person/nobody&#39;" in answer.text


@pytest.fixture(scope="module")
def proposals_server(archive):
    from tests.web.conftest import serving

    with serving(archive) as base:
        yield base


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_an_editor_accepts_and_rejects_proposed_names_in_the_browser(browser,  # noqa: F811
                                                                      proposals_server,
                                                                      archive):
    context = browser.new_context(base_url=proposals_server,
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and
            problems.append(message.text))
    page.goto("/proposals")  # not signed in: sent to sign in, and back after
    page.get_by_label("Name").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/proposals")
    assert accessibility_problems(page) == []
    page.set_viewport_size({"width": 390, "height": 844})  # on a phone: the table scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("button", name="Accept Roshchin as a new entity").click()
    assert "is a name of Roshchin (person/roshchin)" in page.get_by_role("status").inner_text()
    assert "frus:frus1964-68v11/d205" in {
        item.document_id for item in archive.entity_documents("person/roshchin")}
    page.get_by_role("button", name=re.compile("^Reject Zorin$")).click()
    assert "'Zorin' rejected" in page.get_by_role("status").inner_text()
    assert accessibility_problems(page) == []
    assert "Zorin" not in {name.text for name in archive.proposals.open(limit=1000)}
    assert problems == []
    context.close()
