"""Collation of two witnesses word by word."""

from __future__ import annotations

from chancery.formats import wilson_markdown
from chancery.text.collate import Variant, collate
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
