"""The reading room in a real browser (Debian's Chromium driven by Playwright).

Screenshots of each page go to $CHANCERY_SCREENSHOTS (docs/screenshots/ when set so), or to
a temporary folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
STALIN_CABLE = "/documents/wilson:121768"


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    opened = context.new_page()
    opened.problems = []  # console errors (CSP violations among them) and uncaught errors
    opened.on("console", lambda message: message.type == "error" and
              opened.problems.append(message.text))
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    opened.on("dialog", lambda dialog: (opened.problems.append("dialog: " + dialog.message),
                                        dialog.dismiss()))
    yield opened
    context.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("CHANCERY_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def accessibility_problems(page, parts: list[str] | None = None) -> list[str]:
    """Serious and critical axe violations of the page (or of the parts these selectors
    name)."""
    from axe_playwright_python.sync_playwright import Axe

    context = {"include": [[part] for part in parts]} if parts else None
    violations = Axe().run(page, context=context).response["violations"]
    return [f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"{[node['target'] for node in violation['nodes']][:3]}"
            for violation in violations if violation["impact"] in ("serious", "critical")]


def test_search_add_and_remove_a_facet(page, screenshots):
    page.goto("/")
    page.screenshot(path=screenshots / "home.png", full_page=True)
    page.fill("#home-q", "Stalin")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=Stalin")
    total = int(page.inner_text("#results-heading").split()[0])
    assert total == 4
    assert "found as" in page.inner_text("ol.hits")
    page.screenshot(path=screenshots / "search.png", full_page=True)
    page.click("section[aria-labelledby=facet-original_language] a >> nth=0")
    narrowed = int(page.inner_text("#results-heading").split()[0])
    assert 0 < narrowed < total
    page.click("ul.active-filters a")
    assert int(page.inner_text("#results-heading").split()[0]) == total
    assert page.problems == []


def test_open_a_document_switch_views_and_compare_witnesses(page, screenshots):
    page.goto("/search?q=Filippov+Mikoyan")
    page.click(f"ol.hits a[href='{STALIN_CABLE}']")
    assert page.inner_text("h1") == "Cable, Filippov [Stalin] to Anastas Mikoyan"
    page.screenshot(path=screenshots / "document.png", full_page=True)
    page.click("nav.views a:text('B: draft')")
    assert page.locator("div[lang=ru] del.struck").count() > 0
    page.screenshot(path=screenshots / "document-draft-diplomatic.png", full_page=True)
    page.click("nav.views a:text('Reading (as sent)')")
    assert page.locator("del").count() == 0
    page.click("nav.views a:text('Original')")
    assert page.locator("div.cell[lang=en]").count() == 0
    page.click("a.compare")
    assert page.locator("mark.c-changed, mark.c-only, a.c-moved").count() > 0
    page.screenshot(path=screenshots / "compare.png", full_page=True)
    assert page.problems == []


def test_copy_a_citation(page):
    page.goto(STALIN_CABLE)
    page.click("button.copy[data-copy=cite-chicago]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Filippov [Stalin], “Cable, Filippov [Stalin] to Anastas Mikoyan,”")
    assert page.problems == []


def test_follow_a_person_link_then_open_the_network(page, screenshots):
    page.goto(STALIN_CABLE)
    page.click("p.parties a[href='/people/stalin']")
    assert page.inner_text("h1") == "Joseph Stalin"
    assert "Filippov" in page.inner_text("table.names")
    page.screenshot(path=screenshots / "person.png", full_page=True)
    page.goto("/places/moscow")
    page.screenshot(path=screenshots / "place.png", full_page=True)
    page.click("nav[aria-label=Browse] a:text('Correspondence')")
    node = page.locator("figure.network a[data-node='person/stalin']")
    node.hover()
    assert page.locator("figure.network.focused line.lit").count() >= 3
    page.screenshot(path=screenshots / "network.png", full_page=True)
    node.click()
    page.wait_for_url("**/people/stalin")
    page.goto("/browse/dates?year=1949")
    page.screenshot(path=screenshots / "dates.png", full_page=True)
    assert page.problems == []


def test_hostile_record_runs_nothing_and_shows_its_text(page):
    page.goto("/documents/wilson:999001")
    page.wait_for_load_state("load")
    assert page.title() != "owned"
    assert "<script>document.title='owned'</script>" in page.inner_text("main")
    page.goto("/search?q=cities")
    assert page.title() != "owned"
    assert not [problem for problem in page.problems if "dialog" in problem]


@pytest.mark.parametrize("url", ["/", "/search?q=Stalin", STALIN_CABLE,
                                 STALIN_CABLE + "?witness=B", STALIN_CABLE + "/compare",
                                 "/people/stalin", "/places/moscow", "/network",
                                 "/browse/dates?year=1949", "/people"])
def test_no_serious_accessibility_violations(page, url):
    page.goto(url)
    assert accessibility_problems(page) == []


@pytest.mark.parametrize("url", ["/", "/search?q=Stalin", STALIN_CABLE, "/network",
                                 "/documents/wilson:999001"])  # a word of 3,000 letters
def test_usable_on_a_phone(browser, server, url, screenshots):
    context = browser.new_context(base_url=server, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(url)
    # against the width set, not innerWidth: in mobile emulation the layout viewport grows
    # with a page wider than the screen, and innerWidth with it
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    if url == STALIN_CABLE:
        phone.screenshot(path=screenshots / "document-phone.png")
    context.close()


def test_keyboard_reaches_the_search_box_first(page):
    page.goto(STALIN_CABLE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "brand"


@pytest.fixture(scope="module")
def editing_server(tmp_path_factory):
    from chancery.archive import Archive
    from tests.conftest import WILSON
    from tests.web.conftest import serving

    with Archive.open(tmp_path_factory.mktemp("browser-editing") / "archive",
                      create=True) as archive:
        archive.load_authority(relink=False)
        archive.ingest([WILSON])
        archive.add_user("alice", ("editor",), "a long enough secret")
        with serving(archive) as base:
            yield base, archive


def test_an_editor_signs_in_edits_and_reverts(browser, editing_server, screenshots):
    base, archive = editing_server
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and
            problems.append(message.text))
    page.goto(STALIN_CABLE + "/edit")  # not signed in: sent to sign in, and back after
    page.get_by_label("Name").fill("alice")
    page.get_by_label("Password").fill("a long enough secret")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/edit")
    assert accessibility_problems(page) == []

    page.get_by_label("Title").fill("Cable from Filippov to Mikoyan")
    page.get_by_role("button", name="Save the description").click()
    assert "Saved" in page.get_by_role("status").inner_text()
    page.get_by_role("button", name=re.compile(r"^Reject .*Stalin")).first.click()
    page.screenshot(path=screenshots / "edit.png", full_page=True)

    page.get_by_role("link", name="History").first.click()
    assert accessibility_problems(page) == []
    assert "by alice" in page.content()
    page.screenshot(path=screenshots / "history.png", full_page=True)
    title_change = archive.history("wilson:121768")[1].seq  # before the link's rejection
    page.get_by_role("button", name=f"Revert change {title_change}").click()
    assert f"Change {title_change} reverted" in page.get_by_role("status").inner_text()
    assert archive.get("wilson:121768").title != "Cable from Filippov to Mikoyan"
    assert problems == []  # no Content-Security-Policy violation, no script error
    context.close()


@pytest.fixture(scope="module")
def volume_server(tmp_path_factory):
    from chancery.archive import Archive
    from tests.web.conftest import serving
    from tests.web.test_volumes import EXTRACT

    with Archive.open(tmp_path_factory.mktemp("browser-volume") / "archive",
                      create=True) as archive:
        assert archive.ingest([EXTRACT]).failed == 0
        with serving(archive) as base:
            yield base


def test_copy_the_citation_of_a_frus_document(browser, volume_server):
    context = browser.new_context(base_url=volume_server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=volume_server)
    page = context.new_page()
    page.goto("/documents/frus:frus1958-60v18/d3")
    page.click("button.copy[data-copy=cite-chicago]")
    assert page.evaluate("navigator.clipboard.readText()") == (
        "“Telegram From the Embassy in Japan to the Department of State,” in Foreign Relations "
        "of the United States, 1958–1960, vol. XVIII, Japan; Korea, ed. Madeline Chi and Louis "
        "J. Smith (Washington, DC: Government Printing Office, 1994), doc. 3, "
        "https://history.state.gov/historicaldocuments/frus1958-60v18/d3.")
    context.close()


def test_read_a_volume_s_contents_then_follow_next_and_previous(browser, volume_server,
                                                                 screenshots):
    context = browser.new_context(base_url=volume_server, viewport={"width": 1280,
                                                                    "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and
            problems.append(message.text))
    page.goto("/")
    page.get_by_role("link", name="Volumes").click()
    page.get_by_role("link", name=re.compile("Japan; Korea, Volume XVIII")).click()
    assert accessibility_problems(page) == []
    contents = page.get_by_role("navigation", name="Contents")
    assert contents.get_by_role("heading", name="Korea", exact=True).is_visible()
    page.screenshot(path=screenshots / "volume.png", full_page=True)
    contents.get_by_role("link", name=re.compile(r"^3\. Telegram From the Embassy")).click()
    page.wait_for_url("**/documents/frus:frus1958-60v18/d3")
    crumbs = page.get_by_role("navigation", name="Where it stands in its volume")
    assert crumbs.inner_text().split("\n")[-1] == "Document 3"
    assert accessibility_problems(page) == []  # footnotes, links and all
    page.get_by_role("link", name=re.compile("^Next: Letter From")).click()
    page.wait_for_url("**/documents/frus:frus1958-60v18/d204")
    assert "Korea" in page.get_by_role("navigation", name="Where it stands").inner_text()
    page.get_by_role("link", name=re.compile("^Previous: ")).click()
    page.wait_for_url("**/documents/frus:frus1958-60v18/d3")
    page.get_by_role("navigation", name="Where it stands").get_by_role(
        "link", name="U.S. Policy Toward Japan").click()
    page.wait_for_url("**/volumes/frus1958-60v18#chapter-ch1")
    assert problems == []
    context.close()
