"""The JSON API: documents with cursor paging, search, entities, ETags; and schemathesis."""

from __future__ import annotations

import base64
import subprocess
import sys

import schemathesis
from hypothesis import HealthCheck, given, settings

from chancery.web.api import PREFIX


def test_documents_page_with_a_cursor_to_the_end(client):
    seen, cursor = [], None
    while True:
        response = client.get(f"{PREFIX}/documents", params={"limit": 3, **(
            {"cursor": cursor} if cursor else {})})
        assert response.status_code == 200
        data = response.json()
        seen += [item["id"] for item in data["documents"]]
        cursor = data["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 7 and seen == sorted(seen)


def test_a_document_is_the_whole_model_with_its_links_and_an_etag(client):
    response = client.get(f"{PREFIX}/documents/wilson:121768")
    data = response.json()
    assert data["title"] == "Cable, Filippov [Stalin] to Anastas Mikoyan"
    assert {mention["entity_id"] for mention in data["mentions"]} >= {"person/stalin"}
    again = client.get(f"{PREFIX}/documents/wilson:121768",
                       headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304 and not again.content


def test_search_with_facets(client):
    data = client.get(f"{PREFIX}/search", params={"q": "Stalin", "facets": "person,year"}).json()
    assert data["total"] == 4
    assert {"value": "person/stalin", "label": "Joseph Stalin", "count": 4} in \
        data["facets"]["person"]
    assert any("Filippov" in hit["matched_names"] for hit in data["hits"])


def test_entities_and_collections(client):
    people = client.get(f"{PREFIX}/entities", params={"kind": "person"}).json()["entities"]
    assert {"id": "person/stalin", "kind": "person", "name": "Joseph Stalin",
            "url": f"{PREFIX}/entities/person/stalin"} in people
    stalin = client.get(f"{PREFIX}/entities/person/stalin").json()
    assert "Filippov" in [name["text"] for name in stalin["names"]]
    assert {"name": "RGASPI", "documents": 2} in \
        client.get(f"{PREFIX}/collections").json()["repository"]


def test_bad_parameters_and_unknown_ids_are_named(client):
    assert client.get(f"{PREFIX}/documents", params={"limit": "many"}).json() == {
        "error": "limit must be a whole number", "parameter": "limit"}
    assert client.get(f"{PREFIX}/documents", params={"cursor": "%%%"}).status_code == 400
    assert client.get(f"{PREFIX}/search", params={"facets": "mood"}).status_code == 400
    assert client.get(f"{PREFIX}/documents/wilson:0").status_code == 404
    assert client.get(f"{PREFIX}/entities/person/nobody").status_code == 404


def test_no_server_error_for_anything_the_description_allows(api_schema):
    # Driven through hypothesis directly rather than schemathesis's pytest plugin, which
    # does not follow the newest pytest.
    cases = 0
    for operation in api_schema.get_all_operations():
        @given(case=operation.ok().as_strategy())
        @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # noqa: ANN001 - a schemathesis case
            nonlocal cases
            cases += 1
            case.call_and_validate(checks=[schemathesis.checks.not_a_server_error])

        check()
    assert cases >= 6 * 10


def test_schemathesis_finds_nothing_with_every_check_in_every_phase(server, tmp_path):
    """Schemathesis's own runner, as a user would start it, against the served API: every
    check (JSON errors for odd ids, Allow on 405, enums and patterns enforced both ways,
    valid cursors and facets accepted) through its coverage, fuzzing and stateful phases."""
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{server}{PREFIX}/openapi.json",
         "--checks", "all", "--max-examples", "30", "--seed", "1", "--no-color",
         "--report", "junit", "--report-dir", str(tmp_path)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-6000:]


def test_errors_under_the_api_are_json_with_their_headers(client):
    for path in (f"{PREFIX}/documents/%2e%2e", f"{PREFIX}/nothing", f"{PREFIX}/documents/"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/json"
        assert "error" in response.json()
    refused = client.post(f"{PREFIX}/documents")
    allowed = {method.strip() for method in refused.headers["allow"].split(",")}
    assert refused.status_code == 405 and allowed == {"GET", "HEAD"}
    assert refused.json() == {"error": "Method Not Allowed"}
    assert "GET" in client.post("/documents/wilson:121768").headers["allow"]


def test_a_cursor_holding_a_nul_is_the_same_point_in_id_order(client):
    """Any cursor of the declared form is a point in id order, on every store (PostgreSQL's
    text holds no NUL: the bytes from one on say nothing more, as no id holds one)."""
    def page_after(after: bytes) -> list[str]:
        cursor = base64.urlsafe_b64encode(after).decode()
        answer = client.get(f"{PREFIX}/documents", params={"cursor": cursor, "limit": 5})
        assert answer.status_code == 200, answer.text
        return [document["id"] for document in answer.json()["documents"]]

    assert page_after(b"wilson:1\x00\xff\x07") == page_after(b"wilson:1")
    assert page_after(b"wilson:1")


def test_values_the_description_excludes_are_refused(client):
    assert client.get(f"{PREFIX}/entities", params={"kind": ""}).json()["parameter"] == "kind"
    assert client.get(f"{PREFIX}/search", params={"facets": "person,,year"}).status_code == 400
    assert client.get(f"{PREFIX}/documents", params={"cursor": "d2lsc29u"}).status_code == 200
    assert client.get(f"{PREFIX}/documents", params={"cursor": "d2lsc29"}).status_code == 400
    declared = {(path, parameter["name"]): parameter["schema"]
                for path, item in client.get(f"{PREFIX}/openapi.json").json()["paths"].items()
                for parameter in item["get"].get("parameters", [])}
    assert "pattern" in declared[(f"{PREFIX}/documents", "cursor")]
    assert "pattern" in declared[(f"{PREFIX}/search", "facets")]
