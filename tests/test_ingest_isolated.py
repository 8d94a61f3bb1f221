"""Work done in a forked child (chancery.ingest_isolated): its result, its errors, its death."""

from __future__ import annotations

import os
import signal

import pytest

from chancery.errors import InputError, StoreError
from chancery.ingest_isolated import in_child, is_big, parse


def test_the_child_hands_back_what_the_work_returned():
    parent = os.getpid()
    assert in_child(lambda: (os.getpid(), {"added": 3}), "a.md")[1] == {"added": 3}
    assert in_child(os.getpid, "a.md") != parent  # it ran in another process


def test_a_chancery_error_in_the_child_is_raised_again_as_the_same_error():
    def full_disk() -> None:
        raise StoreError("database or disk is full", source="archive/chancery.sqlite3",
                         hint="free some space")

    with pytest.raises(StoreError) as raised:
        in_child(full_disk, "big.md")
    assert str(raised.value) == "archive/chancery.sqlite3: database or disk is full " \
                                "(free some space)"


def test_any_other_failure_in_the_child_names_the_file():
    with pytest.raises(InputError, match=r"^records/big\.md: reading it failed: "
                                         r"ZeroDivisionError"):
        in_child(lambda: 1 / 0, "records/big.md")


def test_a_child_killed_before_it_reports_names_the_file_and_the_signal():
    with pytest.raises(InputError) as raised:
        in_child(lambda: os.kill(os.getpid(), signal.SIGKILL), "records/big.md")
    assert str(raised.value).startswith("records/big.md: the process reading it was killed "
                                        "by SIGKILL")


def test_a_file_is_big_from_the_threshold_on(tmp_path):
    path = tmp_path / "record.md"
    path.write_bytes(b"x" * 1000)
    assert is_big(path, 1000) and not is_big(path, 1001)
    assert not is_big(path, 0)  # 0: never
    assert not is_big(tmp_path / "missing.md", 1)  # the ingest reports it, in process



def test_a_big_file_is_read_in_a_child_and_a_small_one_here(tmp_path):
    big, small = tmp_path / "big.md", tmp_path / "small.md"
    big.write_bytes(b"x" * 2000)
    small.write_bytes(b"x" * 10)
    assert parse(os.getpid, big, 1000) != os.getpid()
    assert parse(os.getpid, small, 1000) == os.getpid()


def test_a_big_file_whose_child_died_is_a_failure_naming_it(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"x" * 2000)
    # as the kernel's out-of-memory killer would end it
    failure = parse(lambda: os.kill(os.getpid(), signal.SIGKILL), big, 1000)
    assert failure.startswith(f"{big}: the process reading it was killed by SIGKILL")
