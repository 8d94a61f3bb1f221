"""The reading room's pages, through HTTP, on the real records."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html

STALIN_CABLE = "/documents/wilson:121768"


def page(client, url: str, status: int = 200) -> html.HtmlElement:
    response = client.get(url)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def texts(tree: html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(element.text_content().split()) for element in tree.xpath(xpath)]


def test_home_says_what_the_archive_holds(client):
    tree = page(client, "/")
    assert "7 documents" in tree.xpath("string(//p[@class='lead'])")
    languages = texts(tree, "//section[@aria-labelledby='by-language']//li")
    assert "Russian 4" in languages  # three Wilson records and the hostile one
    decades = texts(tree, "//section[@aria-labelledby='by-decade']//li")
    assert decades == ["1940s 3", "1950s 3", "1970s 1"]
    assert tree.xpath("//form[@role='search']/input[@name='q']")


def test_search_finds_stalin_under_filippov_and_says_so(client):
    tree = page(client, "/search?q=Stalin")
    titles = texts(tree, "//ol[@class='hits']/li/h3")
    assert "Cable, Filippov [Stalin] to Anastas Mikoyan" in titles
    found_as = texts(tree, "//ol[@class='hits']/li[h3/a[@href='/documents/wilson:113702']]"
                           "//span[@class='found-as']")
    assert found_as and "Filippov" in found_as[0]
    assert tree.xpath("//p[@class='snippet']/mark")


def test_facet_links_add_and_remove_filters_and_counts_match(client):
    tree = page(client, "/search?q=Stalin")
    total = int(tree.xpath("string(//h2[@id='results-heading'])").split()[0])
    years = tree.xpath("//section[@aria-labelledby='facet-decade']//li")
    assert sum(int(li.xpath("string(span)").strip("()")) for li in years) == total
    russian = tree.xpath("//section[@aria-labelledby='facet-original_language']//a")[0]
    narrowed = page(client, "/search" + russian.get("href"))
    count = int(narrowed.xpath("string(//h2[@id='results-heading'])").split()[0])
    assert count == int(russian.getparent().xpath("string(span)").strip("()"))
    remove = narrowed.xpath("//ul[@class='active-filters']//a")[0].get("href")
    again = page(client, "/search" + remove)
    assert int(again.xpath("string(//h2[@id='results-heading'])").split()[0]) == total


def test_search_histogram_has_a_bar_per_year_and_broken_queries_get_a_page(client):
    tree = page(client, "/search?q=")  # everything: 1946 to 1975, empty years included
    bars = tree.xpath("//figure[@class='chart']//*[local-name()='rect']")
    assert len(bars) == 1975 - 1946 + 1
    broken = page(client, "/search?q=%28%28%28%22unclosed&page=abc&sort=nonsense")
    assert broken.xpath("//h2[@id='results-heading']")


def test_search_pages_through_hits(client):
    first = page(client, "/search?q=&sort=date")
    assert texts(first, "//ol[@class='hits']/li//time")[0] == "7 April 1946"
    newest = page(client, "/search?q=&sort=newest")
    assert texts(newest, "//ol[@class='hits']/li//time")[0] == "19 June 1975"


def test_document_page_shows_header_information_and_linked_people(client):
    tree = page(client, STALIN_CABLE)
    assert tree.xpath("string(//h1)") == "Cable, Filippov [Stalin] to Anastas Mikoyan"
    parties = tree.xpath("//p[@class='parties']")[0]
    assert parties.xpath("a[@href='/people/stalin']")
    assert parties.xpath("a[@href='/people/mikoyan']")
    information = " ".join(texts(tree, "//section[@class='information']//dd"))
    assert "RGASPI, f. 558, op. 11, d. 344, ll. 0057-0061" in information
    assert "0862" in information and "top secret" in information
    people = texts(tree, "//section[@class='entities']//li")
    assert any(item.startswith("Joseph Stalin as") and "Filippov" in item for item in people)
    assert tree.xpath("//section[@class='related']//a[@href='/documents/wilson:113702']")


def test_document_page_aligns_translation_and_original_side_by_side(client):
    tree = page(client, STALIN_CABLE)
    rows = tree.xpath("//section[contains(@class, 'layout-parallel')]/div[@class='row']"
                      "[not(contains(@class, 'column-heads'))]")
    assert len(rows) > 10
    for row in rows:
        cells = row.xpath("div[@class='cell']")
        assert [cell.get("lang") for cell in cells] == ["en", "ru"]
    # numbered points sit beside their Russian originals, on the sent cable's long apparatus
    for english, russian in (("Second. One should", "Второе. Нужно"),
                             ("Third. When Russian", "Третье. Когда"),
                             ("Fourth. Currently", "Четвертое. У нас")):
        row = [row for row in rows if english in row.text_content()][0]
        assert russian in row.xpath("div[@lang='ru']")[0].text_content()


def test_address_line_sits_beside_its_counterpart_and_headings_beside_nothing(client):
    tree = page(client, STALIN_CABLE)
    rows = tree.xpath("//section[contains(@class, 'layout-parallel')]/div[@class='row']")
    address = [row for row in rows if "TO MIKOYAN:" in row.text_content()][0]
    assert " ".join(address.xpath("div[@lang='ru']")[0].text_content().split()) \
        == "ОСОВЫЙ РАЙОН КИТАЯ - АНДРЕЕВУ"
    heading = [row for row in rows if "I.V. STALIN to A.I. MIKOYAN" in row.text_content()][0]
    assert not heading.xpath("div[@lang='ru']")[0].text_content().strip()
    convey = [row for row in rows if "Convey to Mao Zedong" in row.text_content()][0]
    assert "Первое" not in convey.text_content()


def test_the_english_column_says_which_witness_it_translates(client):
    sent = page(client, STALIN_CABLE + "?witness=A")
    assert texts(sent, "//div[contains(@class, 'column-heads')]/h2")[0].endswith(
        "of witness A")
    assert not sent.xpath("//p[@class='follows']")
    draft = page(client, STALIN_CABLE + "?witness=B")
    assert texts(draft, "//div[contains(@class, 'column-heads')]/h2")[0].endswith(
        "of witness A")
    (note,) = texts(draft, "//p[@class='follows']")
    assert "made from witness A" in note and "witness B" in note
    assert draft.xpath("//p[@class='follows']/a[contains(@href, '/compare?first=A&second=B')]")


def test_cable_facts_say_their_witness_and_a_struck_certification_is_struck(client):
    tree = page(client, STALIN_CABLE)
    facts = [(dt, " ".join(dd.text_content().split()), dd) for dt, dd in zip(
        texts(tree, "//section[@class='information']//dt"),
        tree.xpath("//section[@class='information']//dd"))]
    ciphers = [text for kind, text, _ in facts if kind == "Cipher number"]
    assert ciphers == ["ШИФРТЕЛЕГРАММА № 0862-0864 (0862-0864) — witness A"]
    certifications = {text.rsplit("— ", 1)[1]: dd for kind, text, dd in facts
                      if kind == "Certification"}
    assert certifications["witness B"].xpath("s[@class='struck']/text()") \
        == ["О подлинном верно:"]
    assert not certifications["witness A"].xpath("s")
    routing = [text for kind, text, _ in facts if kind == "Routing"]
    assert routing == ["тов. Чегулену — witness A"]
    addressees = [text for kind, text, _ in facts if kind == "Addressee"]
    assert not any("Чегулен" in text for text in addressees)
    recipients = tree.xpath("//p[@class='parties']/a/@href")
    assert "/people/chechulin" not in recipients


def test_a_transmission_log_shows_each_step_as_the_telegram_prints_it(tmp_path):
    """Shtykov's telegram of 14 October 1950 (tests/data/wilson): each line of the cipher
    office's log and the distribution list is a fact in the page's information, shown in
    the source's words, and the text keeps the lines as they stand."""
    from starlette.testclient import TestClient

    from chancery.archive import Archive
    from chancery.web.app import create_app
    from tests.text.test_cable import SHTYKOV_1950

    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.ingest([SHTYKOV_1950])
        (listed,) = archive.listing()
        tree = page(TestClient(create_app(archive)), f"/documents/{listed.id}")
    facts = dict(zip(texts(tree, "//section[@class='information']//dt"),
                     texts(tree, "//section[@class='information']//dd")))
    assert facts["Dispatch"] == ("Sent by wire on 10/14/50 at 03:15 a.m. "
                                 "(by wire on 10/14/50 at 03:15 a.m.) — translation (English)")
    assert facts["Deciphering"].startswith("Deciphered by Morozov on 10/14/50 at 7:45 a.m. (")
    assert facts["Distribution"] == (
        "Distribution list - 11 copies: Stalin - 2, Molotov-1, Malenkov - 1, Beria - 1, "
        "Mikoyan - 1, Kaganovich - 1, Bulganin - 1. — translation (English)")
    shown = "\n".join(tree.xpath("//*[contains(@class, 'block stamp')]//text()"))
    assert "Received in Moscow on 10/14/50 at 6:36 a.m." in shown


def test_runs_of_russian_in_the_english_page_say_their_language(client):
    tree = page(client, STALIN_CABLE)
    forms = tree.xpath("//section[@class='entities']//span[@class='forms']"
                       "[contains(., 'Чегулену')]")[0]
    assert forms.xpath("span[@lang='ru']/text()") == ["Чегулену, Чечулину"]
    draft = page(client, STALIN_CABLE + "?witness=B")
    head = draft.xpath("//div[contains(@class, 'column-heads')]/h2[2]")[0]
    assert head.xpath("span[@lang='ru']/text()") == ["И. В. Сталиным"]
    compare = page(client, STALIN_CABLE + "/compare")
    options = texts(compare, "//select[@id='first']/option")
    assert options[1] == "B: draft with handwritten corrections"  # an option marks no run
    assert compare.xpath("//dl[@class='witnesses']//span[@lang='ru']")


def test_diplomatic_view_strikes_deletions_and_the_reading_view_drops_them(client):
    diplomatic = page(client, STALIN_CABLE + "?witness=B&view=diplomatic")
    struck = texts(diplomatic, "//div[@lang='ru']//del[@class='struck']")
    assert "из числа" in struck
    assert diplomatic.xpath("//div[@lang='ru']//ins[@class='hand']")
    assert diplomatic.xpath("//p[contains(@class, 'folio')]")
    reading = page(client, STALIN_CABLE + "?witness=B&view=reading")
    assert not reading.xpath("//del") and not reading.xpath("//p[contains(@class, 'folio')]")
    assert "из числа молодых" not in reading.xpath("string(//section[contains(@class,'text')])")


def test_the_legend_explains_only_the_signs_the_text_uses(client):
    draft = page(client, STALIN_CABLE + "?witness=B&view=diplomatic")
    legend = draft.xpath("string(//p[@class='legend'])")
    assert "deleted in the source" in legend and "added by hand" in legend
    assert "folio break" in legend
    plain_translation = page(client, "/documents/wilson:113702")  # no witness, no folios
    assert not plain_translation.xpath("//p[@class='legend']")


def test_each_column_reads_alone(client):
    original = page(client, STALIN_CABLE + "?layout=original")
    assert {cell.get("lang") for cell in original.xpath("//div[@class='cell']")} == {"ru"}
    translation = page(client, STALIN_CABLE + "?layout=translation")
    assert {cell.get("lang") for cell in translation.xpath("//div[@class='cell']")} == {"en"}


def test_witness_comparison_sets_the_witnesses_side_by_side_with_its_own_signs(client):
    tree = page(client, STALIN_CABLE + "/compare?first=A&second=B")
    legend = tree.xpath("string(//p[@class='legend'])")
    assert int(re.search(r"(\d+) places? of variation", legend).group(1)) > 0
    assert "1 moved passage" in legend
    rows = tree.xpath("//section[@id='synopsis-text']/div[@class='row']")
    assert rows and all([cell.get("lang") for cell in row.xpath("div[@class='cell']")]
                        == ["ru", "ru"] for row in rows)
    changed = texts(tree, "//mark[@class='c-changed']")
    assert "Об'ясняем" in changed and "Объясняем" in changed
    # not the diplomatic view's red strike: the comparison has signs of its own
    assert not tree.xpath("//section[contains(@class, 'synopsis')]//del")
    assert tree.xpath("//ul[@class='legend-signs']/li/mark[@class='c-only']")
    assert page(client, "/documents/wilson:113702/compare", 404).xpath("//h1")


def test_witness_comparison_shows_the_moved_sentence_as_a_move_linked_both_ways(client):
    tree = page(client, STALIN_CABLE + "/compare?first=A&second=B")
    moves = tree.xpath("//section[@id='synopsis-text']//a[@class='c-moved']")
    assert {move.get("id") for move in moves} == {"move-1-a", "move-1-b"}
    for move in moves:
        target = move.get("href").lstrip("#")
        assert tree.xpath(f"//*[@id='{target}']")
        assert "Основу независимости Китая" in move.text_content()


def test_witness_comparison_compares_notes_with_notes(client):
    tree = page(client, STALIN_CABLE + "/compare?first=A&second=B")
    text = tree.xpath("string(//section[@id='synopsis-text'])")
    notes = tree.xpath("string(//section[contains(@class, 'notes')])")
    assert "Поправки нанесены" in notes and "Поправки нанесены" not in text
    assert "Снятие копий воспрещается" in notes and "Снятие копий" not in text


def test_document_page_carries_citation_meta_tags_for_zotero(client):
    tree = page(client, STALIN_CABLE)

    def meta(name: str) -> list[str]:
        return tree.xpath(f"//meta[@name='{name}' or @property='{name}']/@content")

    assert meta("citation_title") == ["Cable, Filippov [Stalin] to Anastas Mikoyan"]
    assert meta("citation_date") == ["1949/02/03"]
    assert meta("citation_author") == ["Filippov [Stalin]"]
    assert meta("DC.title") and meta("DC.date") == ["1949-02-03"]
    assert meta("og:title") and meta("og:url")[0].endswith(STALIN_CABLE)
    assert tree.xpath("//link[@rel='stylesheet' and @media='print']")


@pytest.mark.parametrize(("style", "expected"), [
    ("chicago", "February 3, 1949"), ("mla", "3 Feb. 1949"), ("apa", "(1949)")])
def test_cite_box_renders_three_styles(client, style, expected):
    tree = page(client, STALIN_CABLE)
    assert expected in tree.xpath(f"string(//blockquote[@id='cite-{style}'])")


def test_citation_downloads(client):
    bibtex = client.get(STALIN_CABLE + "/cite/bibtex")
    assert bibtex.status_code == 200 and bibtex.text.startswith("@misc{wilson121768,")
    assert "attachment" in bibtex.headers["content-disposition"]
    ris = client.get(STALIN_CABLE + "/cite/ris")
    assert ris.text.startswith("TY  - MANSCPT\r\n") and ris.text.endswith("ER  - \r\n")
    assert client.get(STALIN_CABLE + "/cite/csl-json").json()[0]["issued"] == {
        "date-parts": [[1949, 2, 3]]}
    assert client.get(STALIN_CABLE + "/cite/word").status_code == 404


def test_person_page_lists_names_roles_and_a_timeline(client):
    tree = page(client, "/people/stalin")
    assert tree.xpath("string(//h1)") == "Joseph Stalin"
    names = texts(tree, "//table[@class='names']//tr/td[1]")
    assert "Filippov" in names and "Сталин" in " ".join(names)
    sections = texts(tree, "//article//section/h2")
    assert "Sent or signed (1)" in sections and "Received (2)" in sections
    assert tree.xpath("//section[@aria-labelledby='timeline-heading']//*[local-name()='rect']")


def test_place_page_has_a_map_from_the_shipped_basemap(client):
    tree = page(client, "/places/moscow")
    image = tree.xpath("//figure[@class='map']//*[local-name()='image']/@href")
    assert image == ["/static/basemap.svg"]
    assert client.get("/static/basemap.svg").status_code == 200


def test_browse_pages(client):
    dates = page(client, "/browse/dates?year=1949")
    assert "February 1" in texts(dates, "//ul[contains(@class, 'months')]/li")
    repositories = page(client, "/browse/repositories")
    assert "RGASPI 2" in texts(repositories, "//ul[@class='counts']/li")
    assert page(client, "/browse/collections").xpath("//h1")
    people = page(client, "/people")
    assert any(item.startswith("Joseph Stalin") for item in texts(people, "//li"))


def test_network_links_correspondents_to_their_pages(client):
    tree = page(client, "/network")
    rows = [texts(row, "td") for row in tree.xpath("//table[@class='letters']/tbody/tr")]
    assert ["Joseph Stalin", "Anastas Mikoyan", "1"] in rows
    assert ["Mao Zedong", "Joseph Stalin", "1"] in rows
    assert tree.xpath("//figure[@class='network']//*[local-name()='a'][@href='/people/stalin']")
    narrowed = page(client, "/network?from=1949&to=1949")
    senders = texts(narrowed, "//table[@class='letters']/tbody/tr/td[1]")
    assert senders and set(senders) == {"Joseph Stalin"}


def test_unknown_pages_and_documents_get_a_404_page(client):
    assert "no document" in page(client, "/documents/wilson:0", 404).xpath("string(//main)")
    assert page(client, "/people/nobody", 404).xpath("//h1")
    assert page(client, "/no/such/page", 404).xpath("//h1")


def test_hostile_text_is_shown_as_text_never_as_markup(client):
    response = client.get("/documents/wilson:999001")
    tree = html.fromstring(response.text)
    assert not tree.xpath("//main//script | //main//img | //main//*[@onerror] | "
                          "//main//a[starts-with(@href, 'javascript')]")
    assert "<script>document.title='owned'</script>" in tree.xpath("string(//main)")
    search = client.get("/search?q=%3Cscript%3E+cities")
    assert "<script>document" not in search.text.split("<main", 1)[1]


def test_every_response_has_a_strict_content_security_policy(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert client.get(STALIN_CABLE).headers["x-content-type-options"] == "nosniff"


def test_atom_feed_lists_new_documents(client):
    response = client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entries = feed.findall("a:entry", atom)
    assert len(entries) == 7
    assert entries[0].findtext("a:title", namespaces=atom).startswith("Cable, <img")  # text
    ids = [entry.findtext("a:id", namespaces=atom) for entry in entries]
    assert any(identifier.endswith("/documents/wilson:121768") for identifier in ids)
    assert all(entry.findtext("a:updated", namespaces=atom) for entry in entries)


def test_sitemap_lists_every_document_page(client):
    sitemap = etree.fromstring(client.get("/sitemap.xml").content)
    locations = sitemap.xpath("//s:loc/text()",
                              namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"})
    assert len(locations) == 7 and all("/documents/" in location for location in locations)
    assert client.get("/sitemap-9.xml").status_code == 404


def test_a_large_archive_gets_a_sitemap_index(served_archive, monkeypatch):
    from starlette.testclient import TestClient

    from chancery.web import feeds
    from chancery.web.app import create_app

    monkeypatch.setattr(feeds, "SITEMAP_SIZE", 3)
    # a server of its own: one already running keeps the sitemap it made with 50,000 a file
    client = TestClient(create_app(served_archive))
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = etree.fromstring(client.get("/sitemap.xml").content)
    pages = index.xpath("//s:sitemap/s:loc/text()", namespaces=namespace)
    assert [page.rsplit("/", 1)[1] for page in pages] == [
        "sitemap-0.xml", "sitemap-1.xml", "sitemap-2.xml"]
    listed = [location for page in range(3) for location in etree.fromstring(
        client.get(f"/sitemap-{page}.xml").content).xpath("//s:loc/text()", namespaces=namespace)]
    assert len(listed) == len(set(listed)) == 7


@pytest.fixture(scope="module")
def frus_client(tmp_path_factory):
    from starlette.testclient import TestClient

    from chancery.archive import Archive
    from chancery.web.app import create_app
    from tests.conftest import SAMPLES

    with Archive.open(tmp_path_factory.mktemp("frus-web") / "archive", create=True) as archive:
        archive.ingest([SAMPLES / "frus"])
        yield TestClient(create_app(archive))


def test_a_frus_documents_terms_link_to_their_pages_with_the_volumes_meaning(frus_client):
    document = page(frus_client, "/documents/frus:frus1955-57v03/d95")
    terms = document.xpath("//section[.//h3[normalize-space()='Terms']]//a/@href")
    assert "/terms/frus1955-57v03-t-ussr1" in terms
    term = page(frus_client, "/terms/frus1955-57v03-t-ussr1")
    assert texts(term, "//h1") == ["USSR"]
    assert texts(term, "//p[@class='summary']") == ["Union of Soviet Socialist Republics"]
    assert term.xpath("//a[@href='/documents/frus:frus1955-57v03/d95']")
    assert term.xpath("//a[@href='https://history.state.gov/historicaldocuments/"
                      "frus1955-57v03/terms#t_USSR1']")
    listed = texts(page(frus_client, "/terms?all=1"),
                   "//ul[contains(@class, 'entity-list')]/li")
    assert len(listed) == 161 and "USSR 3" in listed
    # by default the terms this archive's documents use
    used = texts(page(frus_client, "/terms"), "//ul[contains(@class, 'entity-list')]/li")
    assert "USSR 3" in used and len(used) < 161 and not [item for item in used
                                                          if item.endswith(" 0")]


def test_a_document_downloads_as_tei_with_its_links(client):
    response = client.get(STALIN_CABLE + "/tei")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/tei+xml")
    root = etree.fromstring(response.content)
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert root.xpath("//t:persName[@ref]", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    document = page(client, STALIN_CABLE)
    assert document.xpath(f"//a[@href='{STALIN_CABLE}/tei']")
    assert document.xpath(f"//a[@href='/api/v1{STALIN_CABLE}']")
