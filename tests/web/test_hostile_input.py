"""No request gets a server error: deep brackets, huge numbers in paths, forged OAI tokens.

Each input here gave a 500 once (issue 15): a RecursionError from 250 nested brackets, an
OverflowError from a page number SQLite cannot hold, a TypeError from a token whose fields
are not the kinds this repository writes. Each is now answered as the route answers any
other bad input: a warning, a 404, a ``badResumptionToken``.
"""

from __future__ import annotations

import base64
import json

import pytest
from lxml import etree

OAI = {"o": "http://www.openarchives.org/OAI/2.0/"}
DEEP = "(" * 250 + "Stalin" + ")" * 250

def test_search_page_reads_250_nested_brackets_with_a_warning(client):
    response = client.get("/search", params={"q": DEEP})
    assert response.status_code == 200
    assert "nested deeper than" in response.text
    assert "Cable, Filippov [Stalin] to Anastas Mikoyan" in response.text

def test_api_search_reads_250_nested_brackets_with_a_warning(client):
    response = client.get("/api/v1/search", params={"q": DEEP})
    assert response.status_code == 200
    found = response.json()
    assert any("nested deeper than" in warning for warning in found["warnings"])
    assert "wilson:121768" in [hit["id"] for hit in found["hits"]]

@pytest.mark.parametrize("query", ["(" * 250, ")" * 250 + "(" * 250, "-(" * 200 + "x",
                                   "(a OR " * 150 + "b", '("' * 200])
def test_api_search_answers_other_deep_queries(client, query):
    assert client.get("/api/v1/search", params={"q": query}).status_code == 200

@pytest.mark.parametrize("page", ["99999999999999999999", str(2**63), str(2**62 // 50_000 + 1),
                                  "1" + "0" * 200])
def test_a_sitemap_page_beyond_any_archive_is_not_found(client, page):
    response = client.get(f"/sitemap-{page}.xml")
    assert response.status_code == 404

def _token(state: object) -> str:
    """A resumption token as an attacker makes one, read off oai.py: base64 of JSON."""
    return base64.urlsafe_b64encode(json.dumps(state).encode()).decode()

@pytest.mark.parametrize("state", [
    {"metadataPrefix": "oai_dc", "after": 10**30},
    {"metadataPrefix": "oai_dc", "after": 2**63},
    {"metadataPrefix": "oai_dc", "after": -1},
    {"metadataPrefix": ["oai_dc"], "after": 0},
    {"metadataPrefix": "oai_dc", "from": ["2000-01-01"], "after": 0},
    {"metadataPrefix": "oai_dc", "until": {"a": 1}, "after": 0},
    {"metadataPrefix": "oai_dc", "set": ["collection:x"], "after": 0},
    {"metadataPrefix": "oai_dc", "after": True},
    {"metadataPrefix": "oai_dc", "after": 0, "unknown": "field"},
])
def test_a_forged_resumption_token_is_a_bad_resumption_token(client, state):
    for verb in ("ListRecords", "ListIdentifiers"):
        response = client.get("/oai", params={"verb": verb, "resumptionToken": _token(state)})
        assert response.status_code == 200
        error = etree.fromstring(response.content).find("o:error", OAI)
        assert error is not None and error.get("code") == "badResumptionToken", response.text

def test_a_deeply_nested_resumption_token_is_a_bad_resumption_token(client):
    token = base64.urlsafe_b64encode(b"[" * 1_400).decode()
    response = client.get("/oai", params={"verb": "ListRecords", "resumptionToken": token})
    error = etree.fromstring(response.content).find("o:error", OAI)
    assert error is not None and error.get("code") == "badResumptionToken"
