"""Fixtures: the real records shipped in samples/ (copied from the shared corpus)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from chancery.archive import Archive
from chancery.formats import wilson_markdown
from chancery.model import Document
from tests.store_under_test import (  # noqa: F401 - pytest finds them here
    database_for_commands, postgresql_cluster, pytest_addoption, pytest_collection_modifyitems,
    store_under_test)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WILSON = SAMPLES / "wilson"
MAO_1948 = WILSON / "1948-04-26_mao-zedong-to-filippov.md"
STALIN_1949 = WILSON / "1949-02-03_filippov-to-mikoyan.md"


def read_record(path: Path) -> Document:
    return wilson_markdown.read(path.read_bytes(), path.name)


def until(condition: Callable[[], object], timeout: float = 60.0) -> object:
    """Wait for ``condition()`` to hold (an event, not a fixed time); its last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


@pytest.fixture(scope="session")
def mao() -> Document:
    return read_record(MAO_1948)


@pytest.fixture(scope="session")
def stalin() -> Document:
    return read_record(STALIN_1949)


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "archive", create=True) as opened:
        yield opened
