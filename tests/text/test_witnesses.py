"""Splitting a transcription into the copies it holds: the same copies, in one pass."""

from __future__ import annotations

import pytest

from chancery.formats import wilson_markdown
from chancery.text import witnesses
from chancery.text.witnesses import split_witnesses
from tests.conftest import WILSON, read_record

# What each sample's transcription was split into (blocks a copy) by the version that read
# the blocks again for every copy found (before issue 15, point 7): the split must not change.
SAMPLE_SPLITS = {
    "1946-04-07_bieruts-telephone-conversation-stalin.md": [],
    "1948-04-26_mao-zedong-to-filippov.md": [],
    "1949-02-03_filippov-to-mikoyan.md": [[25, 16]],
    "1950-10-12_cable-8th-directorate-ussr-armed-forces.md": [],
    "1954-06-06_cable-ccp-central-committee-reply-zhou.md": [],
    "1975-06-19_cable-ambassador-pauls-foreign-office-german.md": [],
}


@pytest.mark.parametrize("name", sorted(SAMPLE_SPLITS))
def test_sample_records_split_into_the_same_copies_as_before(name, monkeypatch):
    splits = []

    def spied(blocks):
        parts = split_witnesses(blocks)
        splits.append([len(part) for part in parts])
        return parts

    monkeypatch.setattr(wilson_markdown, "split_witnesses", spied)
    document = read_record(WILSON / name)
    assert splits == SAMPLE_SPLITS[name]
    for rendition in document.renditions:  # a copy alone is one copy
        assert split_witnesses(rendition.blocks) == [rendition.blocks]


def copies(stalin, times: int):
    """The Stalin cable's two Russian copies, one after the other, ``times`` over."""
    return (stalin.renditions[1].blocks + stalin.renditions[2].blocks) * times


def test_a_transcription_of_many_copies_splits_into_each_copy(stalin):
    parts = split_witnesses(copies(stalin, 7))
    assert [len(part) for part in parts] == [25, 16] * 7
    assert parts[2] == stalin.renditions[1].blocks


def test_splitting_work_grows_with_the_copies_not_with_their_square(stalin, monkeypatch):
    # the work counted, not timed: a loaded machine cannot make this fail
    calls = [0]

    def counted(function):
        def call(*args):
            calls[0] += 1
            return function(*args)
        return call

    for name in ("_key", "_words", "_similar"):
        monkeypatch.setattr(witnesses, name, counted(getattr(witnesses, name)))

    def work(times: int) -> int:
        calls[0] = 0
        assert len(split_witnesses(copies(stalin, times))) == 2 * times
        return calls[0]

    assert work(80) < 2.3 * work(40)  # reading every copy again for each made it 4 times
