"""Many reading-room nodes over one PostgreSQL store, behind nginx (issue 20): an ingest on
one machine is searchable on every node, a new node builds its index from the store, and a
node killed under load costs no request nginx could send elsewhere.

Real parts only: a throwaway PostgreSQL cluster, two `chancery serve` processes with folders
of their own, and nginx, all on loopback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from tests.conftest import STALIN_1949, WILSON, until
from tests.multinode import NGINX, Nginx, Node

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed")


class ReadingStream:
    """Readers asking searches and documents through ``base`` without pause, each in a
    thread of its own, until the block ends: how many were answered, and every failure
    (a status but 200, or a connection error)."""

    PATHS = ("/api/v1/search?q=Stalin", "/documents/wilson:121768", "/search?q=Mao",
             "/api/v1/documents/wilson:113702")

    def __init__(self, base: str, clients: int) -> None:
        self.base = base
        self.answered = 0
        self.failures: list[str] = []
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._read, args=(number,), daemon=True)
                         for number in range(clients)]

    def _read(self, number: int) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            turn = number
            while not self._stop.is_set():
                path = self.PATHS[turn % len(self.PATHS)]
                turn += 1
                try:
                    status = str(client.get(path).status_code)
                except httpx.HTTPError as error:
                    status = repr(error)
                with self._lock:
                    self.answered += 1
                    if status != "200":
                        self.failures.append(f"{path}: {status}")

    def __enter__(self) -> ReadingStream:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exception: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=120)


def chancery(folder: Path, *arguments: str, database: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(folder),
                           *arguments], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "CHANCERY_DATABASE_URL": database}, timeout=300)


def found(base: str, query: str) -> set[str]:
    answer = httpx.get(f"{base}/api/v1/search", params={"q": query}, timeout=30)
    answer.raise_for_status()
    return {hit["id"] for hit in answer.json()["hits"]}


@pytest.fixture
def database(postgresql_cluster) -> str:
    url = postgresql_cluster.create_database()
    yield url
    postgresql_cluster.drop_database(url)


def test_two_nodes_behind_nginx_follow_one_store_and_survive_one_killed(tmp_path, database):
    first_records = tmp_path / "records"
    shutil.copytree(WILSON, first_records)
    (first_records / STALIN_1949.name).unlink()
    assert chancery(tmp_path / "writer", "init", "--no-authority",
                    database=database).returncode == 0
    ingested = chancery(tmp_path / "writer", "ingest", str(first_records), database=database)
    assert ingested.returncode == 0, ingested.stderr

    nodes = [Node(tmp_path / f"node-{name}", database) for name in "ab"]
    proxy = None
    try:
        for node in nodes:
            node.wait()  # each built its index from the store
        proxy = Nginx(nodes)
        assert "wilson:113702" in found(proxy.base, "Mao")

        # an ingest on a third machine: both nodes' indexes follow the log by themselves
        # (their /healthz, which never catches up itself, says when they have applied it)
        added = chancery(tmp_path / "writer", "ingest", str(STALIN_1949), database=database)
        assert added.stdout.strip() == "added 1, updated 0, unchanged 0, failed 0"
        for node in nodes:
            def applied(node: Node = node) -> bool:
                # the ingest has committed: a lag of 0 means this node applied it
                return httpx.get(node.base + "/healthz", timeout=5).json()["lag_changes"] == 0
            assert until(applied), f"{node.base} did not follow the change log"
            assert "wilson:121768" in found(node.base, "Andreev")

        # node a dies under a steady stream of readers: nginx retries what was in flight on
        # it, and what it would have sent there, on node b (but for answers begun: below)
        with ReadingStream(proxy.base, clients=6) as stream:
            assert until(lambda: stream.answered >= 40), "the stream did not start"
            nodes[0].kill()
            killed_at = stream.answered
            assert until(lambda: stream.answered >= killed_at + 200 or stream.failures,
                         timeout=120), "node b did not answer after node a died"
        # an answer node a had begun (its headers relayed) when it died cannot be retried:
        # nginx has already sent the client the headers; it reaches the reader cut short,
        # at most one a reader in flight. Nothing else may fail: no 502, no refused request.
        cut = [failure for failure in stream.failures
               if "without sending complete message body" in failure]
        assert len(cut) <= 6 and [failure for failure in stream.failures
                                  if failure not in cut] == []
        # and nginx did meet the dead node (refused or cut) and retry on the other
        dead = f"127.0.0.1:{nodes[0].port}"
        assert any(dead in line and ("failed" in line or "closed" in line)
                   for line in proxy.error_log().splitlines()), proxy.error_log()
    finally:
        if proxy is not None:
            proxy.stop()
        for node in nodes:
            node.stop()


def test_a_node_reconnects_by_itself_after_postgresql_restarts(tmp_path, database,
                                                              postgresql_cluster):
    assert chancery(tmp_path / "writer", "init", "--no-authority",
                    database=database).returncode == 0
    assert chancery(tmp_path / "writer", "ingest", str(WILSON),
                    database=database).returncode == 0
    node = Node(tmp_path / "node", database)
    try:
        node.wait()
        assert "wilson:121768" in found(node.base, "Andreev")
        postgresql_cluster.restart()  # every connection of the node's pool is cut
        # no restart of the node: the first request finds its pool's connections dead and
        # opens new ones (pre-ping), and so does its follower
        assert "wilson:121768" in found(node.base, "Andreev")
        assert httpx.get(node.base + "/documents/wilson:121768", timeout=30).status_code == 200
        added = chancery(tmp_path / "writer", "access", "wilson:121768", "public",
                         database=database)
        assert added.returncode == 0, added.stderr

        def followed() -> bool:
            return httpx.get(node.base + "/healthz", timeout=5).json()["lag_changes"] == 0
        assert until(followed)
    finally:
        node.stop()
