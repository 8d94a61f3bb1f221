"""Gale-Church alignment keeps a translation level with its original."""

from __future__ import annotations

from chancery.text.align import Pair, align, align_blocks, followed_witness


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


# --- the blocks of a real record: Stalin's cable of 3 February 1949 -------------------------

def _rows(document, siglum):
    """Each pair of the translation with witness ``siglum`` as the openings of its blocks."""
    translation = document.renditions[0]
    witness = next(r for r in document.renditions if r.witness and r.witness.siglum == siglum)
    return [([translation.blocks[i].text[:12] for i in pair.left],
             [witness.blocks[i].text[:12] for i in pair.right])
            for pair in align_blocks(translation.blocks, witness.blocks).pairs]


def _row_of(rows, opening):
    return next(row for row in rows if any(text.startswith(opening) for side in row
                                           for text in side))


def test_address_line_stands_beside_its_counterpart_not_beside_a_heading(stalin):
    rows = _rows(stalin, "A")
    assert _row_of(rows, "TO MIKOYAN")[1] == ["ОСОВЫЙ РАЙОН"]
    assert _row_of(rows, "I.V. STALIN")[1] == []  # the editor's heading has no counterpart
    assert _row_of(rows, "(On fear")[1] == []


def test_the_clerks_routing_note_is_not_paired_with_the_addressee(stalin):
    rows = _rows(stalin, "A")
    assert _row_of(rows, "тов. Чегуле")[0] == []


def test_ordinal_points_pair_with_their_ordinals(stalin):
    rows = _rows(stalin, "A")
    assert _row_of(rows, "Convey to Ma")[1] == ["Передай Мао "]
    for english, russian in [("First.", "Первое."), ("Second.", "Второе."),
                             ("Third.", "Третье."), ("Fourth.", "Четвертое.")]:
        assert _row_of(rows, english)[1][0].startswith(russian)


def test_a_draft_running_paragraphs_together_takes_them_all_in_one_pair(stalin):
    rows = _rows(stalin, "B")
    first = _row_of(rows, "First.")
    assert first == (["First. We ar", "One should b", "In accordanc"], ["Первое. Мы о"])
    third = _row_of(rows, "Third.")
    assert third[0] == ["Third. When ", "The power of", "Of course, a"]
    assert third[1][0].startswith("Третье.") and third[1][-1].startswith("✓ Вы")


def test_signature_and_date_pair_with_signature_and_date(stalin):
    rows = _rows(stalin, "B")
    assert _row_of(rows, "FILIPPOV")[1] == ["ФИЛИПШОВ"]
    assert _row_of(rows, "3 February")[1] == ["3 февраля 19"]
    assert _row_of(rows, "4 февраля 19")[0] == []


def test_every_block_of_both_sides_stands_in_one_pair_in_order(stalin):
    translation = stalin.renditions[0]
    for witness in stalin.renditions[1:]:
        pairs = align_blocks(translation.blocks, witness.blocks).pairs
        assert [i for pair in pairs for i in pair.left] == list(range(len(translation.blocks)))
        assert [i for pair in pairs for i in pair.right] == list(range(len(witness.blocks)))


def test_the_translation_follows_the_sent_telegram_not_the_draft(stalin):
    translation = stalin.renditions[0]
    assert followed_witness(translation.blocks, [r.blocks for r in stalin.renditions[1:]]) == 0
    # whichever order the witnesses are offered in
    assert followed_witness(translation.blocks, [r.blocks for r in stalin.renditions[:0:-1]]) \
        == 1
