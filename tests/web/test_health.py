"""/healthz: a node whose search index is behind the store says so (503, with its lag), and
its index follows the change log by itself, so that it is soon healthy again."""

from __future__ import annotations

from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.web.app import create_app
from chancery.web.health import MAX_LAG_ENV
from tests.conftest import MAO_1948, STALIN_1949, read_record, until


def test_a_node_behind_the_store_is_held_out_until_it_has_followed_the_log(
        tmp_path, monkeypatch):
    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as node:
        node.ingest([MAO_1948])
        client = TestClient(create_app(node, page_cache=False))
        healthy = client.get("/healthz")
        assert healthy.status_code == 200
        assert healthy.json()["status"] == "ok" and healthy.json()["lag_changes"] == 0

        # another process (an ingest, another node) writes; this node's index has not seen it
        monkeypatch.setenv(MAX_LAG_ENV, "0")
        with Archive.open(folder) as writer:
            writer.store.put(read_record(STALIN_1949))
        behind = client.get("/healthz")
        assert behind.status_code == 503
        assert behind.json()["status"] == "behind" and behind.json()["lag_changes"] == 1
        assert behind.headers["cache-control"] == "no-store"

        stop = node.follow_changes(poll=0.1)
        try:
            assert until(lambda: client.get("/healthz").status_code == 200)
        finally:
            stop.set()
        assert client.get("/healthz").json()["lag_changes"] == 0


def test_a_lag_within_the_limit_is_healthy(tmp_path, monkeypatch):
    monkeypatch.setenv(MAX_LAG_ENV, "3600")
    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as node:
        node.ingest([MAO_1948])
        client = TestClient(create_app(node, page_cache=False))
        with Archive.open(folder) as writer:
            writer.store.put(read_record(STALIN_1949))
        answer = client.get("/healthz")
        assert answer.status_code == 200 and answer.json()["lag_changes"] == 1


def test_it_counts_what_the_page_cache_answered(tmp_path):
    # with several nodes an operator asks each whether its cache serves its readers
    folder = tmp_path / "archive"
    with Archive.open(folder, create=True) as node:
        node.ingest([MAO_1948])
        client = TestClient(create_app(node))
        before = client.get("/healthz").json()["page_cache"]
        first = client.get("/search?q=Mao")
        client.get("/search?q=Mao")
        client.get("/search?q=Mao", headers={"if-none-match": first.headers["etag"]})
        after = client.get("/healthz").json()["page_cache"]
    assert after["rendered"] - before["rendered"] == 1
    assert after["hits"] - before["hits"] == 1
    assert after["not_modified"] - before["not_modified"] == 1
    assert after["pages"] == before["pages"] + 1
