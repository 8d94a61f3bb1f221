"""The fuzzing properties of bench/fuzz.py, with fewer cases: only documented errors."""

from __future__ import annotations

import pytest

from bench import fuzz


@pytest.fixture(scope="module")
def targets(tmp_path_factory):
    archive = fuzz.sample_archive(tmp_path_factory.mktemp("fuzz") / "archive")
    yield fuzz.targets(archive)
    archive.close()


@pytest.mark.parametrize("name", ["record reader", "TEI reader", "query language",
                                  "OAI-PMH arguments"])
def test_anything_given_only_documented_errors_come_out(targets, name):
    strategy, target = targets[name]
    fuzz.fuzz(strategy, target, examples=300)
