"""Text analyzers of the search index, registered under our own names.

tantivy forgets custom analyzers between processes, so every process that opens the index
registers them again (``register``). Our names never shadow tantivy's built-in ones.
"""

from __future__ import annotations

from functools import lru_cache

import tantivy
from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

ENGLISH = "chancery_en"  # lower case, diacritics folded, English Snowball stems
RUSSIAN = "chancery_ru"  # lower case, Latin diacritics folded, Russian stems (ё = е)
EXACT = "chancery_exact"  # lower case, diacritics folded, no stemming: for "=exact" phrases

# The stemmed field for each rendition language; other languages go to "text_other".
STEMMED_FIELD = {"en": "text_en", "ru": "text_ru"}


@lru_cache(maxsize=1)
def analyzers() -> dict[str, tantivy.TextAnalyzer]:
    """Our analyzers by name, built once per process."""
    return {
        ENGLISH: TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(64))
        .filter(Filter.lowercase()).filter(Filter.ascii_fold())
        .filter(Filter.stemmer("english")).build(),
        RUSSIAN: TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(64))
        .filter(Filter.lowercase()).filter(Filter.ascii_fold())
        .filter(Filter.stemmer("russian")).build(),
        EXACT: TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(64))
        .filter(Filter.lowercase()).filter(Filter.ascii_fold()).build(),
    }


def register(index: tantivy.Index) -> None:
    """Register every analyzer on an index opened in this process."""
    for name, analyzer in analyzers().items():
        index.register_tokenizer(name, analyzer)


def fold(text: str) -> str:
    """What the analyzers cannot do themselves: ё is е in Russian text."""
    return text.replace("ё", "е").replace("Ё", "Е")
