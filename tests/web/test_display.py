"""The reading room shows names and dates as the source writes them, in one form throughout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.web.app import create_app
from tests.conftest import SAMPLES, WILSON

# FRUS 1964-68 v. XI: d38, an editorial note of "July 1964" (month precision), and d56, minutes
# of "December 13-14, 1964" (a range)
DATED_AT_PRECISION = Path(__file__).resolve().parents[1] / "data" / "frus" / \
    "frus1964-68v11-dates.xml"
MONTH_NOTE, TWO_DAY_MINUTES = "frus:frus1964-68v11/d38", "frus:frus1964-68v11/d56"


def texts(page: bytes, path: str) -> list[str]:
    return [" ".join(element.text_content().split())
            for element in html.fromstring(page).xpath(path)]


def test_repositories_keep_the_sources_case_on_every_page(client):
    home = client.get("/").content
    assert "RGASPI" in texts(home, "//a[contains(@href, 'archive')]")
    listed = client.get("/browse/repositories").content
    assert {"RGASPI", "APRF"} <= set(texts(listed, "//main//li/a"))
    facets = client.get("/search", params={"q": "Stalin"}).content
    assert "RGASPI" in texts(facets, "//aside[@class='facets']//a")
    assert not any(label.islower() for label in texts(facets, "//section[h2='Repository']//a"))
    for typed in ("archive:RGASPI", "archive:rgaspi"):  # the link's filter, and typed
        chosen = client.get("/search", params={"filter": typed}).content
        assert texts(chosen, "//h2[@id='results-heading']") == ["2 documents"]


# --- dates ---------------------------------------------------------------------------------

MONTH = ("(?:January|February|March|April|May|June|July|August|September|October|November|"
         "December)")
# the site's one form: 3 February 1949, February 1949, 1949, and ranges of these
ONE_FORM = re.compile(rf"(?:\d{{1,2}}(?:–\d{{1,2}})? )?(?:{MONTH}(?:–{MONTH})? )?\d{{4}}"
                      rf"(?:(?:–| – )(?:\d{{1,2}} )?(?:{MONTH} )?\d{{4}})?|undated|Undated")
# a <time>'s machine-readable date: a year, month or day, or a moment (a change's time)
DATETIME = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?")
# what a source may print instead: February 03, 1949; Feb. 3, 1949; 1949-02-03; 03/02/1949
OTHER_FORMS = re.compile(rf"\b{MONTH}\.? \d{{1,2}},? \d{{4}}|"
                         r"\b[A-Z][a-z]{2}\. \d{1,2}, \d{4}|\b\d{4}-\d{2}-\d{2}\b|"
                         r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("dates") / "archive", create=True) as archive:
        archive.load_authority()
        archive.ingest([WILSON, SAMPLES / "frus", DATED_AT_PRECISION])
        archive.add_user("alice", ("editor",), "a long enough secret")
        client = TestClient(create_app(archive))
        page = client.get("/login")
        client.post("/login", data={
            "csrf": re.search(r'name="csrf" value="([^"]+)"', page.text).group(1),
            "name": "alice", "password": "a long enough secret", "next": "/"})
        yield archive, client


def site_written(tree) -> list[str]:  # noqa: ANN001 - an lxml tree
    """The texts the site writes about documents, leaving out what it shows as the source
    printed it: titles, summaries, the edition's text and snippets of it, the citation as
    published and in its styles, and the facts of a document's information given as printed
    (all but its date)."""
    main = tree.find(".//main")
    left_out = main.xpath(".//section[contains(@class, 'text')] | "
                          ".//section[contains(@class, 'citation')] | "
                          ".//section[contains(@class, 'information')]//dd"
                          "[preceding-sibling::dt[1][normalize-space() != 'Date']] | "
                          ".//a[starts-with(@href, '/documents/')] | .//h1 | "
                          ".//*[@class='summary' or @class='snippet']")
    for element in left_out:
        element.getparent().remove(element)
    return [" ".join(main.text_content().split())]


def test_dates_are_written_in_one_form_on_every_page(site):
    archive, client = site
    paths = ["/", "/search?q=Stalin", "/search?q=&sort=date", "/browse/dates",
             "/people/stalin", *(f"/volumes/{volume.id}" for volume in archive.volumes()),
             "/documents/wilson:121768/history", "/feed.atom",
             *(f"/documents/{listing.id}" for listing in archive.listing())]
    times = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "history" not in path or " UTC</time>" in response.text  # signed in
        if path == "/feed.atom":
            labels = etree.fromstring(response.content).xpath(
                "//a:category/@label", namespaces={"a": "http://www.w3.org/2005/Atom"})
            assert labels and all(ONE_FORM.fullmatch(label.removeprefix("dated "))
                                  for label in labels), labels
            continue
        tree = html.fromstring(response.content)
        for time in tree.iter("time"):
            shown = " ".join(time.text_content().split())
            times += 1
            assert ONE_FORM.match(shown), (path, shown)
            assert time.get("datetime") is None or DATETIME.fullmatch(time.get("datetime")), \
                (path, time.get("datetime"))
        for text in site_written(tree):
            assert OTHER_FORMS.findall(text) == [], path
    assert times > 40


def test_a_document_shows_its_date_in_the_sites_form_not_as_printed(client):
    tree = html.fromstring(client.get("/documents/wilson:119994").content)  # "June 19, 1975"
    assert tree.xpath("string(//p[@class='meta']/time)") == "19 June 1975"
    assert tree.xpath("normalize-space(//dt[.='Date']/following-sibling::dd[1])") == \
        "19 June 1975"


def shown_dates(page: bytes, document_id: str) -> list[tuple[str, str]]:
    """The date written beside each link to a document in a list or hit list, and its
    machine-readable form."""
    tree = html.fromstring(page)
    return [(" ".join(element.text_content().split()), element.get("datetime"))
            for element in tree.xpath(
                f"//main//a[@href='/documents/{document_id}']/ancestor::li[1]//time")]


@pytest.mark.parametrize(("document_id", "written", "machine"), [
    (MONTH_NOTE, "July 1964", "1964-07"), (TWO_DAY_MINUTES, "13–14 December 1964", "1964-12-13")])
def test_hits_and_lists_write_a_date_at_its_precision(site, document_id, written, machine):
    """A month is not its first day ("1 July 1964") and a range not its first day, in the
    search page's hits, the volume's contents and the home page's newest documents alike:
    the form of the document's own page."""
    archive, client = site
    document_page = html.fromstring(client.get(f"/documents/{document_id}").content)
    assert document_page.xpath("string(//p[@class='meta']/time)") == written
    pages = {"search": client.get("/search", params={"q": "", "sort": "date",
                                                     "filter": "date:1964"}).content,
             "search by word": client.get("/search", params={"q": "Gilpatric OR Zorin"}).content,
             "volume": client.get("/volumes/frus1964-68v11").content,
             "newest": client.get("/").content}
    for name, page in pages.items():
        assert shown_dates(page, document_id) == [(written, machine)], name
    listed = {listing.id: listing for listing in archive.listing()}[document_id]
    assert (listed.date, listed.date_end) == {
        MONTH_NOTE: ("1964-07-01", "1964-07-31"),
        TWO_DAY_MINUTES: ("1964-12-13", "1964-12-14")}[document_id]
