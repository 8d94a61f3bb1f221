"""Questions put to someone and the answers (issue 18, list 16): no kind and no sender, the one
asked once as recipient, as list 13's "Interview with Ariel Levite" names only whom it was
with; "Questions" is no party."""

from __future__ import annotations

import pytest

from chancery.text.titles import parse_title
from tests.text.titles import read


@pytest.mark.parametrize("title, recipients", [
    # list 16
    ("Questions to Yu. A. Gagarin and Answers of Yu. A. Gagarin (During the State Commission "
     "Session of 13.04.1961)", ["Yu. A. Gagarin"]),
    # the same shape in other wordings
    ("Questions Put to Marshal Tito and His Answers", ["Marshal Tito"]),
    ("Questions to Kim Il Sung and Kim Il Sung’s Answers, 12 June 1950", ["Kim Il Sung"]),
    ("Questions to Kim Il Sung and Pak Heon-yeong and Their Answers",
     ["Kim Il Sung", "Pak Heon-yeong"]),
    ("Questions to the Soviet Government and Answers by the Soviet Government",
     ["Soviet Government"]),
])
def test_whom_the_questions_were_put_to_is_the_one_side(title, recipients):
    assert read(title) == ("", [], recipients)


def test_the_occasion_in_brackets_is_the_subject():
    parts = parse_title("Questions to Yu. A. Gagarin and Answers of Yu. A. Gagarin (During the "
                        "State Commission Session of 13.04.1961)")
    assert parts.subject == "During the State Commission Session of 13.04.1961"
