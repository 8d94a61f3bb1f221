"""Russian named-entity recognition with natasha, for names the authority file does not hold.

natasha ships its models in its PyPI packages (navec embeddings, slovnet tagger): nothing is
downloaded at run time. It costs some 12 µs a character, so the linker asks it only about
Russian blocks, and only when asked to (``link --ner``, ``ingest --ner``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from chancery.model import EntityKind

_KINDS = {"PER": EntityKind.PERSON, "LOC": EntityKind.PLACE, "ORG": EntityKind.ORG}


class Span(NamedTuple):
    start: int
    end: int
    kind: EntityKind


def russian_names(text: str) -> list[Span]:
    """Persons, places and organisations natasha finds in a Russian text."""
    from natasha import Doc

    segmenter, tagger = _models()
    document = Doc(text)
    document.segment(segmenter)
    document.tag_ner(tagger)
    return [Span(span.start, span.stop, _KINDS[span.type]) for span in document.spans
            if span.type in _KINDS]


def recognizer_for(ner: bool) -> Callable[[str], list[Span]] | None:
    """natasha's names when asked for (``--ner``), else none: the linker then asks no NER."""
    return russian_names if ner else None


@lru_cache(maxsize=1)
def _models():  # noqa: ANN202 - natasha's segmenter and tagger
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())
