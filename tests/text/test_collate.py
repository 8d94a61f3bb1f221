"""Collation of two witnesses word by word."""

from __future__ import annotations

from chancery.formats import wilson_markdown
from chancery.text.collate import Variant, collate, synopsis, tokens
from chancery.web.blocks import plain
from tests.conftest import STALIN_1949


def test_collation_names_deleted_added_and_changed_words():
    variants = collate("Мы очень рады, что китайские товарищи овладели",
                       "Мы рады, что китайские товарищи овладели большинством")
    assert Variant("deleted", "очень", "") in variants
    assert Variant("added", "", "большинством") in variants
    assert collate("один два", "один три") == [Variant("same", "один", "один"),
                                               Variant("changed", "два", "три")]


def test_spacing_and_line_breaks_are_not_variants():
    assert [variant.operation for variant in collate("a  b\nc", "a b c")] == ["same"]


def test_the_sent_cable_and_stalins_draft_differ_where_he_corrected_it():
    document = wilson_markdown.read(STALIN_1949.read_bytes(), STALIN_1949.name)
    sent, draft = [rendition for rendition in document.renditions if rendition.witness]
    variants = collate(plain(sent.blocks), plain(draft.blocks))
    same = sum(len(variant.first) for variant in variants if variant.operation == "same")
    assert same > 0.6 * len(plain(sent.blocks))  # the same text on the whole...
    only_in_draft = " ".join(variant.second for variant in variants
                             if variant.operation in ("added", "changed"))
    assert "Основу независимости Китая" in only_in_draft  # ...but his marginal addition


# --- the synopsis of Stalin's cable: the sent telegram (A) beside his corrected draft (B) ----

def _cable_synopsis():
    document = wilson_markdown.read(STALIN_1949.read_bytes(), STALIN_1949.name)
    sent, draft = [rendition for rendition in document.renditions if rendition.witness]
    return synopsis(sent.blocks, draft.blocks, ("ru", "ru"))


def _readings(rows, side):
    return [reading for row in rows for passage in row[side] for reading in passage.readings]


def test_words_are_cut_per_language_keeping_apostrophes_hyphens_and_spacing():
    assert tokens("Об'ясняем это") == ["Об'ясняем", "это"]
    assert tokens("положению марксизма-ленинизма коммунисты") == [
        "положению", "марксизма-ленинизма", "коммунисты"]
    assert tokens("тов. Чечулину\n№ 1671") == ["тов", ".", "Чечулину", "№", "1671"]
    assert tokens("中央同意你的分析", "zh") == list("中央同意你的分析")
    joined = collate("Отп. один экз.\n№ 1 - тов. Чечулину\n№ 1671", "Отп. один экз.")
    assert joined[-1].first == "№ 1 - тов. Чечулину № 1671"  # not "Чечулину№ 1671"


def test_a_word_changed_in_spelling_is_one_variant_not_broken_pieces():
    text = _cable_synopsis().text
    changed_a = {r.text for r in _readings(text, 0) if r.status == "changed"}
    changed_b = {r.text for r in _readings(text, 1) if r.status == "changed"}
    assert "Об'ясняем" in changed_a and "Объясняем" in changed_b
    whole = "".join(r.text for r in _readings(text, 0))
    assert "марксизма-ленинизма" in whole and "Об ' ясняем" not in whole


def test_the_sentence_stalin_wrote_in_the_margin_is_a_move_not_a_deletion_and_an_addition():
    result = _cable_synopsis()
    assert result.moves == 1
    moved_a = [r for r in _readings(result.text, 0) if r.status == "moved"]
    moved_b = [r for r in _readings(result.text, 1) if r.status == "moved"]
    assert moved_a[0].text.startswith("Основу независимости Китая составляет")
    assert "Основу независимости Китая" in moved_b[0].text
    assert moved_a[0].move == moved_b[0].move == 1
    gone = " ".join(r.text for r in _readings(result.text, 0) if r.status == "only")
    assert "индустриализация" not in gone


def test_notes_are_compared_with_notes_and_never_with_the_text():
    result = _cable_synopsis()
    text_a = "".join(r.text for r in _readings(result.text, 0))
    notes_a = "".join(r.text for r in _readings(result.notes, 0))
    notes_b = "".join(r.text for r in _readings(result.notes, 1))
    assert "Снятие копий воспрещается" in notes_a and "Снятие копий" not in text_a
    assert "Поправки нанесены" in notes_b
    assert "СТРОГО СЕКРЕТНО" in notes_a and "тов. Чегулену" in notes_a  # stamps, routing
    for left, right in result.notes:  # each row a note of one witness, its copy or nothing
        assert len(left) <= 1 and len(right) <= 1


def test_the_text_rows_pair_the_points_of_both_witnesses():
    rows = _cable_synopsis().text
    for point in ("Первое.", "Второе.", "Третье.", "Четвертое."):
        (row,) = [row for row in rows if any(
            p.readings and "".join(r.text for r in p.readings).startswith(point) for p in row[0])]
        assert "".join(r.text for r in row[1][0].readings).startswith(point)


def test_a_note_like_another_pairs_with_it():
    from chancery.model import Block, BlockKind
    first = (Block(BlockKind.PARAGRAPH, "Текст телеграммы один."),
             Block(BlockKind.HANDLING, "Снятие копий воспрещается."))
    second = (Block(BlockKind.PARAGRAPH, "Текст телеграммы один."),
              Block(BlockKind.HANDLING, "Поправки нанесены."),
              Block(BlockKind.HANDLING, "Снятие копий воспрещено."))
    notes = synopsis(first, second).notes
    texts = [(["".join(r.text for r in p.readings) for p in left],
              ["".join(r.text for r in p.readings) for p in right]) for left, right in notes]
    assert texts == [([], ["Поправки нанесены."]),
                     (["Снятие копий воспрещается."], ["Снятие копий воспрещено."])]
