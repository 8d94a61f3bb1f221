"""What a list says of a person, as evidence of who they are: "Soviet Foreign Minister",
"General, USAF; Chief of Staff, U.S. Air Force", "British Foreign Secretary, 1966-1968".

``office_words`` gives the words of a description that name an office, a body or a country
("secretary", "defense"; dates and small words left out), for telling which of two persons of
one name an entry speaks of. ``nationalities`` gives the countries a description says the
person serves ("British" -> "GB"; "USAF", "U.S. Air Force" -> "US"); a description that
names none says nothing, and "Ambassador to the United States" names the host, not the
person's country, so it says nothing either.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]{3,}")
_SMALL = frozenset("""the and for from until after before thereafter since also with
    then later during who was were his her their its into this that than not
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_NATIONS = [(re.compile(pattern), nation) for pattern, nation in [
    (r"\b(?:British|English|Scottish)\b", "GB"),
    (r"\b(?:Soviet|Russian)\b", "SU"),
    (r"\bFrench\b", "FR"),
    (r"\b(?:West |East )?German\b", "DE"),
    (r"\bItalian\b", "IT"),
    (r"\b(?:Chinese|PRC)\b", "CN"),
    (r"\bJapanese\b", "JP"),
    (r"\bCanadian\b", "CA"),
    (r"\bIsraeli\b", "IL"),
    (r"\bEgyptian\b", "EG"),
    (r"\bIndian\b", "IN"),
    (r"\bPakistani\b", "PK"),
    (r"\b(?:South |North )?Vietnamese\b", "VN"),
    (r"\b(?:South |North )?Korean\b", "KR"),
    # the United States' own services; "U.S." alone may be a host ("Ambassador to the U.S.")
    (r"\b(?:USAF|USA|USN|USMC|American)\b|\bU\.\s?S\. (?:Air Force|Army|Navy|Marine)"
     r"|(?<!Soviet )(?<!British )(?<!French )(?<!Royal )\b\d+(?:st|nd|rd|th) Air Force\b",
     "US"),
]]


def office_words(description: str) -> frozenset[str]:
    """The words of a description that say what the person was: "secretary", "defense"."""
    return frozenset(word for word in (found.casefold() for found in
                                       _WORD.findall(description)) if word not in _SMALL)


def nationalities(description: str) -> frozenset[str]:
    """The countries a description says the person serves: "British Foreign Secretary" ->
    {"GB"}; none when it names none."""
    return frozenset(nation for pattern, nation in _NATIONS if pattern.search(description))
