"""Gale-Church alignment keeps a translation level with its original."""

from __future__ import annotations

from chancery.text.align import Pair, align


def test_one_to_one_paragraphs_pair_in_order():
    english = ["First. We are very pleased with the comrades.", "Second. Take the cities."]
    russian = ["Первое. Мы очень рады товарищам.", "Второе. Займите города."]
    assert align(english, russian) == [Pair(range(0, 1), range(0, 1)),
                                       Pair(range(1, 2), range(1, 2))]


def test_a_paragraph_the_translator_split_pairs_two_with_one():
    original = ["Первое. " + "Мы очень рады, что китайские товарищи овладели крестьянством. " * 6,
                "Второе. Нужно овладеть молодежью."]
    translation = ["First. " + "We are very pleased that the Chinese comrades control. " * 3,
                   "We are very pleased that the Chinese comrades control. " * 3,
                   "Second. One should take control of the youth."]
    pairs = align(translation, original)
    assert pairs[0] == Pair(range(0, 2), range(0, 1))
    assert pairs[-1] == Pair(range(2, 3), range(1, 2))


def test_a_side_without_blocks_leaves_the_other_alone():
    assert align(["a", "b"], []) == [Pair(range(0, 1), range(0)), Pair(range(1, 2), range(0))]
    assert align([], []) == []
