"""An archive of the real records (and one hostile record) served by the reading room."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.web.app import create_app
from tests.conftest import WILSON

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile_record.md"


@pytest.fixture(scope="session")
def served_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    with Archive.open(tmp_path_factory.mktemp("web") / "archive", create=True) as archive:
        archive.load_authority()
        report = archive.ingest([WILSON, HOSTILE])
        assert report.failed == 0
        yield archive


@pytest.fixture(scope="session")
def client(served_archive: Archive) -> TestClient:
    return TestClient(create_app(served_archive))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(archive: Archive) -> Iterator[str]:
    """The reading room over ``archive`` served by uvicorn on a thread: its base URL."""
    port = free_port()
    running = uvicorn.Server(uvicorn.Config(create_app(archive), host="127.0.0.1", port=port,
                                            log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(served_archive):
    with serving(served_archive) as base:
        yield base


@pytest.fixture(scope="session")
def api_schema(served_archive):
    import schemathesis

    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(served_archive))
