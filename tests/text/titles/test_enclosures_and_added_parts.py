"""What a document carries ("with Supporting Cables") and a second item after its parties
("between A and B and Comments on the Distribution of ...") name no party of it (list 17, as
lists 11 and 16 have cables a document carries) (issue 18)."""

from __future__ import annotations

import pytest

from tests.text.titles import read


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Directive from the CPSU Secretariat, 14 January 1981, with Supporting Cables", "directive",
     ["CPSU Secretariat"], []),
    # the same shape in other wordings
    ("Letter from Kim Il Sung to Stalin with Accompanying Documents", "letter", ["Kim Il Sung"],
     ["Stalin"]),
    ("Letter from Ulbricht to Khrushchev with Attached Maps", "letter", ["Ulbricht"],
     ["Khrushchev"]),
    ("Report from the Hungarian Embassy in Hanoi with Enclosed Telegrams", "report",
     ["Hungarian Embassy in Hanoi"], []),
    # a person after "with" is still the other side
    ("Conversation with Comrade Ahmed Ben Bella", "conversation", [], ["Ahmed Ben Bella"]),
])
def test_what_a_document_carries_is_no_party(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)


@pytest.mark.parametrize("title, kind, senders, recipients", [
    # list 17
    ("Memorandum of Conversation between Mao Zedong and the Delegation of the Mongolian "
     "People’s Revolutionary Party and Comments on the Distribution of the Memorandum of "
     "Conversation", "memorandum of conversation", ["Mao Zedong"],
     ["Delegation of the Mongolian People’s Revolutionary Party"]),
    # the same shape in other wordings
    ("Record of Conversation between Zhou Enlai and Kim Il Sung and Notes about the "
     "Translation", "record of conversation", ["Zhou Enlai"], ["Kim Il Sung"]),
    ("Telegram from the Soviet Embassy to the Foreign Ministry and Report on the Situation in "
     "Laos", "telegram", ["Soviet Embassy"], ["Foreign Ministry"]),
    ("Letter from Ceausescu to Brezhnev and Remarks on Its Reception", "letter", ["Ceausescu"],
     ["Brezhnev"]),
    # an "and" between two parties still joins them
    ("Letter from Zhou Enlai and Chen Yi to Prime Minister Nehru", "letter",
     ["Zhou Enlai", "Chen Yi"], ["Prime Minister Nehru"]),
])
def test_a_second_item_after_the_parties_is_no_party(title, kind, senders, recipients):
    assert read(title) == (kind, senders, recipients)
