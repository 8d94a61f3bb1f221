"""What a FRUS list says of a person, as evidence of who they are: the countries they serve
and the words of their offices."""

from __future__ import annotations

import pytest

from chancery.text.person_descriptions import nationalities, office_words

NATIONS = [
    ("British Foreign Secretary, August 10, 1966-March 15, 1968", {"GB"}),
    ("Commander, 7th Air Force", {"US"}),
    ("General, USAF; Chief of Staff, U.S. Air Force from August 1, 1973", {"US"}),
    ("Soviet Ambassador to the United States", {"SU"}),
    ("Ambassador to the U.S.", set()),  # the host, not his country
    ("Secretary of Defense until October 8, 1957", set()),
]


@pytest.mark.parametrize(("description", "nations"), NATIONS,
                         ids=[description for description, _nations in NATIONS])
def test_a_description_names_the_countries_a_person_serves(description, nations):
    assert nationalities(description) == nations


def test_office_words_leave_out_dates_and_small_words():
    assert office_words("Secretary of Defense until October 8, 1957") == {"secretary",
                                                                         "defense"}
