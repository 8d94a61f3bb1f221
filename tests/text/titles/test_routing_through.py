"""Who a document was routed through ("Memorandum for A, through B, from C") passed it on and is
no party of it, as list 14's "attention" line names none; the sender and recipient are read
around it (list 17) (issue 18)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Memorandum for General Scowcroft, through W.R. Smyser, from John A. Froebe Jr., "
     "“Proposed WSAG Meeting on Korean Situation\"", "memorandum", ["John A. Froebe Jr."],
     ["General Scowcroft"]),
    # the same shape in other wordings
    ("Memorandum to the President, through Dr. Kissinger, from Richard Kennedy, 'Nuclear "
     "Policy'", "memorandum", ["Richard Kennedy"], ["President"]),
    ("Memorandum for the Secretary of State through the Under Secretary from the Director of "
     "Policy Planning", "memorandum", ["Director of Policy Planning"], ["Secretary of State"]),
    ("Letter from Kim Il Sung to Stalin via Ambassador Shtykov", "letter", ["Kim Il Sung"],
     ["Stalin"]),
    ("Telegram from Gromyko to Dobrynin via the Soviet Embassy in Havana", "telegram",
     ["Gromyko"], ["Dobrynin"]),
])
def test_whom_a_document_went_through_is_no_party(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


def test_a_suffix_keeps_its_full_stop():
    assert read("Letter from Martin Luther King Jr. to President Johnson") == (
        "letter", ["Martin Luther King Jr."], ["President Johnson"])
