"""Cutting a body given in several languages into one run per language."""

from __future__ import annotations

from chancery.text.language_runs import language_runs


def test_a_stray_paragraph_does_not_make_a_run_of_its_own():
    # a signature read as English inside the Chinese, a date with no letters
    langs = ["en", "en", "", "en", "zh", "en", "zh", "ru", "ru", "ru"]
    weights = [300, 200, 10, 250, 80, 12, 90, 400, 300, 200]
    assert language_runs(langs, weights, ("en", "zh", "ru")) == [
        (0, 4, "en"), (4, 7, "zh"), (7, 10, "ru")]


def test_the_order_of_the_runs_is_read_not_assumed():
    langs = ["ru", "ru", "en", "en", "zh", "zh"]
    assert language_runs(langs, [10] * 6, ("en", "zh", "ru")) == [
        (0, 2, "ru"), (2, 4, "en"), (4, 6, "zh")]


def test_fewer_paragraphs_than_languages_is_one_run():
    assert language_runs(["en"], [10], ("en", "zh", "ru")) == [(0, 1, "en")]
