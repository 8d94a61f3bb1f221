"""An archive of the real records (and one hostile record) served by the reading room."""

from __future__ import annotations

import socket
import threading
import time
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


@pytest.fixture(scope="session")
def server(served_archive):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(served_archive), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def api_schema(served_archive):
    import schemathesis

    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(served_archive))
