"""Snippets are cut only from the renditions where the query matched, one for each."""

from __future__ import annotations

import pytest

from chancery.archive import Archive
from tests.conftest import WILSON

STALIN = "wilson:121768"  # Filippov to Mikoyan: an English translation and the Russian


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("snippets") / "archive", create=True) as opened:
        opened.ingest([WILSON])
        yield opened


def languages(archive: Archive, query: str) -> dict[str, list[str]]:
    return {hit.id: [snippet.lang for snippet in hit.snippets]
            for hit in archive.search(query, limit=50).hits}


def test_an_english_word_gives_the_english_snippet_alone(archive):
    assert languages(archive, "cities")[STALIN] == ["en"]


def test_a_russian_word_gives_the_russian_snippet_alone(archive):
    assert languages(archive, "городам")[STALIN] == ["ru"]


def test_words_of_both_languages_give_a_snippet_of_each(archive):
    assert languages(archive, "cities OR городам")[STALIN] == ["en", "ru"]


@pytest.mark.parametrize("query", ["Stalin", "Mao", '"big cities"', "cities OR городам",
                                   "cadres -Moscow"])
def test_every_snippet_shows_what_matched(archive, query):
    results = archive.search(query, limit=50)
    assert results.hits
    for hit in results.hits:
        for snippet in hit.snippets:
            assert snippet.highlights, (query, hit.id, snippet.lang)
            assert all(0 <= start < end <= len(snippet.text)
                       for start, end in snippet.highlights)


def test_a_hit_by_an_entitys_other_name_alone_has_no_snippet_of_that_name(archive):
    # "Filippov" signs the cable; the Russian text never says "Stalin" in Latin letters
    assert "ru" not in languages(archive, "Stalin").get(STALIN, [])
