"""The reading room shows names and dates as the source writes them, in one form throughout."""

from __future__ import annotations

from lxml import html


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
