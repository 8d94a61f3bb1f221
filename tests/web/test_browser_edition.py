"""The edition on a phone and from the keyboard, in a real browser (Debian's Chromium).

Widths are measured against the viewport's set width (390 px), not ``innerWidth``: in mobile
emulation the layout viewport grows with a page wider than the screen, so a page 504 px wide
reports an ``innerWidth`` of 504 too and would pass.
"""

from __future__ import annotations

import pytest

from tests.web.test_browser import (CHROMIUM, STALIN_CABLE, accessibility_problems,  # noqa: F401
                                    browser, playwright_api)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
PHONE_WIDTH = 390
EDITION_PAGES = [STALIN_CABLE, STALIN_CABLE + "?witness=B", STALIN_CABLE + "?layout=original",
                 STALIN_CABLE + "/compare?first=A&second=B", "/people/stalin"]

# Text nodes with letters of a script and no ancestor saying a language of that script
UNMARKED_RUNS = """() => {
  const scripts = [[/[\\u0400-\\u04ff]/, ["ru", "uk", "be", "bg", "sr", "mk"]],
                   [/[\\u4e00-\\u9fff]/, ["zh", "ja"]],
                   [/[\\uac00-\\ud7af]/, ["ko"]]];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const unmarked = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const holder = node.parentElement;
    if (!holder || holder.closest("script, style, [hidden], [aria-hidden=true]")) continue;
    const declared = (holder.closest("[lang]")?.lang || "").split("-")[0];
    for (const [letters, languages] of scripts) {
      if (letters.test(node.data) && !languages.includes(declared)) {
        unmarked.push(`${declared}: ${node.data.trim().slice(0, 40)}`);
      }
    }
  }
  return unmarked;
}"""


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(base_url=server, is_mobile=True, has_touch=True,
                                  viewport={"width": PHONE_WIDTH, "height": 844})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture
def desk(browser, server):
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda message: message.type == "error" and
              opened.problems.append(message.text))
    opened.on("pageerror", lambda error: opened.problems.append(str(error)))
    yield opened
    context.close()


@pytest.mark.parametrize("url", EDITION_PAGES)
def test_no_edition_page_is_wider_than_a_phone(phone, url):
    phone.goto(url)
    phone.wait_for_load_state("load")
    width = phone.evaluate("document.documentElement.scrollWidth")
    wide = phone.evaluate(f"""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > {PHONE_WIDTH} + 1)
        .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' +
                         Math.round(e.getBoundingClientRect().right))""")
    assert width <= PHONE_WIDTH, wide


@pytest.mark.parametrize("url", [*EDITION_PAGES, "/", "/search?q=Stalin", "/people",
                                 "/people/chechulin"])
def test_every_run_of_another_script_says_its_language(desk, url):
    desk.goto(url)
    assert desk.evaluate(UNMARKED_RUNS) == []


# The paragraph of the text with the most linked names
CROWDED = """(() => {
  const all = [...document.querySelectorAll('.text .cell :is(p, h3)')];
  const counts = all.map(p => p.querySelectorAll('a.entity').length);
  return all[counts.indexOf(Math.max(...counts))];
})()"""


def test_a_paragraphs_mentions_are_one_tab_stop_and_arrows_move_within_them(desk):
    desk.goto(STALIN_CABLE)
    desk.wait_for_load_state("load")
    stops = desk.evaluate("""() => [...document.querySelectorAll('.text .cell :is(p, h3)')]
        .filter(p => p.querySelector('a.entity'))
        .map(p => [...p.querySelectorAll('a.entity')].filter(a => a.tabIndex >= 0).length)""")
    assert len(stops) > 5 and set(stops) == {1}  # one stop in each paragraph with names
    assert desk.evaluate(f"{CROWDED}.querySelectorAll('a.entity').length") >= 2
    desk.evaluate(f"{CROWDED}.querySelector('a.entity').focus()")
    first = desk.evaluate("document.activeElement.textContent")
    desk.keyboard.press("ArrowRight")  # the arrows walk through the paragraph's names
    assert desk.evaluate("document.activeElement.textContent") != first
    assert desk.evaluate("document.activeElement.classList.contains('entity')")
    assert desk.evaluate("document.activeElement.tabIndex") == 0  # the stop moves along
    desk.keyboard.press("ArrowLeft")
    assert desk.evaluate("document.activeElement.textContent") == first
    desk.keyboard.press("Enter")
    desk.wait_for_url("**/people/**")
    desk.go_back()
    desk.wait_for_load_state("load")  # enhance.js has run again
    desk.evaluate(f"{CROWDED}.querySelector('a.entity').focus()")
    desk.keyboard.press("Tab")  # one Tab, and the keyboard is past all the paragraph's names
    assert desk.evaluate(f"!{CROWDED}.contains(document.activeElement)")
    assert desk.problems == []


@pytest.mark.parametrize("url", [STALIN_CABLE + "/compare?first=A&second=B",
                                 STALIN_CABLE + "?witness=B"])
def test_the_edition_pages_pass_axe(desk, url):
    desk.goto(url)
    assert accessibility_problems(desk) == []
