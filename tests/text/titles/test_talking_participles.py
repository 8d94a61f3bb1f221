"""A participle of talking after a name is no part of it (issue 18, list 16): "Zhou Enlai
Talking to Ho Chi Minh" has Zhou Enlai on one side and Ho Chi Minh on the other, and so do
"Speaking with", "Writing to" and their like; "Meeting", a noun as often, is not one of them."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, senders, recipients", [
    # list 16
    ("Zhou Enlai Talking to Ho Chi Minh", ["Zhou Enlai"], ["Ho Chi Minh"]),
    # the same shape in other wordings
    ("Mao Zedong Speaking with Kim Il Sung", ["Mao Zedong"], ["Kim Il Sung"]),
    ("Kim Il Sung Writing to Stalin", ["Kim Il Sung"], ["Stalin"]),
    ("Deng Xiaoping Conversing with the Albanian Delegation", ["Deng Xiaoping"],
     ["Albanian Delegation"]),
    ("Premier Zhou Enlai Replying to Prime Minister Nehru", ["Premier Zhou Enlai"],
     ["Prime Minister Nehru"]),
])
def test_the_talker_and_whom_he_talks_to_are_the_sides(title, senders, recipients):
    assert read(title) == ("", senders, recipients)


def test_talk_about_a_subject_names_no_other_side():
    assert read("Zhou Enlai Talking about the Korean War") == ("", [], [])


def test_a_meeting_after_a_name_is_still_the_meeting():
    assert read("Cable, Summary of Averell Harriman Meeting with Stalin and T. V. Soong") == (
        "cable", ["Averell Harriman"], ["Stalin", "T. V. Soong"])
