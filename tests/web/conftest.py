"""An archive of the real records (and one hostile record) served by the reading room."""

from __future__ import annotations

from pathlib import Path

import pytest
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
