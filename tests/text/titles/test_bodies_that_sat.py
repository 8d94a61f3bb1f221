"""A body's sitting names the body (issue 18, list 16): "the CPSU CC Plenum Meetings" are the
plenum's, and a numbered record "of the April 26, 1961, Meeting of the CPSU CC Presidium" is the
presidium's, the date inside the sitting's name no party."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders", [
    # list 16
    ("Transcript of the CPSU CC Plenum Meetings Regarding Beria’s Views on the German Question",
     "transcript", ["CPSU CC Plenum"]),
    ("Excerpt from Minutes Nº 325 of the April 26, 1961, Meeting of the CPSU CC Presidium, 'On "
     "the Further Commemoration and Popularization of the First Flight of a Soviet Man in Space'",
     "minutes", ["CPSU CC Presidium"]),
    # the same shapes in other wordings
    ("Stenographic Record of the CC PUWP Plenum Session on the Situation in Poland",
     "stenographic record", ["CC PUWP Plenum"]),
    ("Transcript of the SED CC Plenum Sitting", "transcript", ["SED CC Plenum"]),
    ("Protocol No. 12 of the March 5, 1953, Session of the CPSU CC Presidium", "protocol",
     ["CPSU CC Presidium"]),
    ("Minutes of the November 2, 1956, Meeting of the Hungarian Council of Ministers", "minutes",
     ["Hungarian Council of Ministers"]),
])
def test_the_body_that_sat_is_the_sender(title, kind, senders):
    assert read(title) == (kind, senders, [])
