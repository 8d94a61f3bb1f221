"""The page images in the reading room, in a real browser (Debian's Chromium driven by
Playwright): OpenSeadragon shows them beside the text from the IIIF server, zooms, and a
folio mark of the transcription turns it to its page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chancery.archive import Archive
from tests.conftest import STALIN_1949
from tests.images.conftest import EN_PAGE, RU_PAGE
from tests.web.conftest import serving
from tests.web.test_browser import (  # noqa: F401 - the browser fixture
    CHROMIUM, accessibility_problems, browser)

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
CABLE = "wilson:121768"


@pytest.fixture(scope="module")
def facsimile_server(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("facsimile") / "archive", create=True) as archive:
        archive.ingest([STALIN_1949])
        # witness B of the cable is ll. 59-61: its transcription marks where f. 59 begins
        archive.attach(CABLE, [RU_PAGE, EN_PAGE], labels=["l. 57", "l. 59"])
        archive.ocr(CABLE, languages=["ru", "en"])
        with serving(archive) as base:
            yield base


def test_zoom_a_page_image_and_follow_a_folio_link(browser, facsimile_server, tmp_path):
    context = browser.new_context(base_url=facsimile_server,
                                  viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda message: message.type == "error" and
            problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    tiles = []
    page.on("response", lambda response: "/iiif/3/" in response.url and
            response.url.endswith(".jpg") and tiles.append(response.status))
    page.goto(f"/documents/{CABLE}?witness=B")
    viewer = page.locator("#facsimile-viewer")
    page.wait_for_selector("#facsimile-viewer[data-ready=true]")
    assert viewer.get_attribute("data-page") == "1"
    page.wait_for_function("() => document.querySelectorAll('#facsimile-viewer canvas')"
                           ".length > 0")
    assert page.inner_text("#facsimile-status") == "Showing l. 57 (1 of 2)"
    # zoom in with the wheel over the image: the viewer zooms, and fetches sharper tiles
    before = float(viewer.get_attribute("data-zoom"))
    box = viewer.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(4):  # a notch zooms by 1.2
        page.mouse.wheel(0, -100)
    page.wait_for_function(f"() => parseFloat(document.getElementById('facsimile-viewer')"
                           f".dataset.zoom) > {before} * 1.3")
    page.screenshot(path=tmp_path / "zoomed.png")
    # the folio mark "f. 59" in witness B's transcription turns the viewer to l. 59
    folio = page.locator("button.folio-link", has_text="59")
    assert folio.count() == 1
    folio.click()
    page.wait_for_selector("#facsimile-viewer[data-page='2']")
    assert page.inner_text("#facsimile-status") == "Showing l. 59 (2 of 2)"
    assert page.get_attribute(".facsimile-pages li:nth-child(2) a", "aria-current") == "page"
    # the manifest link follows the IIIF drag-and-drop convention
    link = page.get_attribute(".iiif-manifest a", "href")
    assert re.fullmatch(rf"{facsimile_server}/iiif/3/documents/{CABLE}/manifest\.json"
                        r"\?manifest=http%3A//.*manifest\.json", link)
    assert tiles and set(tiles) == {200}
    assert accessibility_problems(page, [".facsimile"]) == []
    assert problems == []
    context.close()


def test_without_javascript_the_pages_are_links(browser, facsimile_server):
    context = browser.new_context(base_url=facsimile_server, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/documents/{CABLE}")
    assert page.locator("#facsimile-viewer").is_hidden()
    links = page.locator(".facsimile-pages a")
    assert links.all_inner_texts() == ["l. 57", "l. 59"]
    answer = page.request.get(links.first.get_attribute("href"))
    assert answer.status == 200 and answer.headers["content-type"] == "image/jpeg"
    context.close()


def test_search_words_are_marked_on_the_page_image(browser, facsimile_server):
    context = browser.new_context(base_url=facsimile_server,
                                  viewport={"width": 1400, "height": 900})
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto("/search?q=Stalin")
    page.click(f"a[href='/documents/{CABLE}']")  # followed from the search: its words
    page.wait_for_selector("#facsimile-viewer[data-hits]")
    assert int(page.get_attribute("#facsimile-viewer", "data-hits")) >= 2
    assert page.inner_text("#facsimile-status") == "“Stalin” is marked on l. 59."
    page.click(".facsimile-pages li:nth-child(2) a")
    page.wait_for_selector("#facsimile-viewer[data-page='2']")
    page.wait_for_selector(".facsimile-hit")
    assert page.locator(".facsimile-hit").count() >= 2
    # a box over the word: wider than high, inside the viewer
    box = page.locator(".facsimile-hit").first.bounding_box()
    viewer = page.locator("#facsimile-viewer").bounding_box()
    assert box["width"] > box["height"] > 0
    assert viewer["x"] <= box["x"] and box["x"] + box["width"] <= viewer["x"] + viewer["width"]
    assert problems == []
    context.close()
