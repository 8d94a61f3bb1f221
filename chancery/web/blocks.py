"""A rendition's blocks as HTML: the diplomatic view and the reading view from one model.

Block text is untrusted: every character goes through ``escape``; only the tags made here
from marks and entity links are markup. Marks may overlap (a deletion inside an insertion),
so the text is cut at every mark boundary and each piece is wrapped in the tags of the marks
that cover it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from chancery.model import Block, BlockKind, Mark, MarkKind, Mention
from chancery.text.markup import reading_text

DIPLOMATIC, READING = "diplomatic", "reading"

# mark kind -> (tag, class) in the diplomatic view
_DIPLOMATIC_TAGS = {
    MarkKind.DELETED: ("del", "struck"),
    MarkKind.ADDED: ("ins", "hand"),
    MarkKind.SUPERSCRIPT: ("ins", "above"),
    MarkKind.ITALIC: ("i", ""),
    MarkKind.EMPHASIS: ("strong", ""),
    MarkKind.UNDERLINE: ("u", ""),
    MarkKind.FOOTNOTE_REF: ("sup", "footnote-ref"),
    MarkKind.EXPANSION: ("span", "expansion"),
    MarkKind.IDENTIFICATION: ("span", "identification"),
    MarkKind.SUPPLIED: ("span", "supplied"),
    MarkKind.ORIGINAL_TERM: ("span", "original-term"),
    MarkKind.TRANSLATOR_NOTE: ("span", "translator-note"),
}
# In the reading view the hand's corrections are simply the text; emphasis stays.
_READING_TAGS = {kind: tag for kind, tag in _DIPLOMATIC_TAGS.items()
                 if kind not in (MarkKind.DELETED, MarkKind.ADDED, MarkKind.SUPERSCRIPT)}
_TAG_ORDER = list(MarkKind)

ENTITY_PATHS = {"person": "people", "place": "places", "org": "organizations", "term": "terms"}


def entity_url(entity_id: str) -> str:
    kind, _, key = entity_id.partition("/")
    return f"/{ENTITY_PATHS.get(kind, kind)}/{key}"


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    kind: str
    html: Markup
    n: str
    lang: str


def render_blocks(blocks: Sequence[Block], view: str, mentions: Iterable[Mention] = (),
                  rendition: int = 0) -> list[RenderedBlock]:
    """Each block as HTML in ``view``; in the reading view folio breaks are left out."""
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.rendition == rendition:
            by_block.setdefault(mention.block, []).append(mention)
    rendered = []
    for index, block in enumerate(blocks):
        if view == READING and block.kind is BlockKind.FOLIO:
            continue
        rendered.append(RenderedBlock(block.kind.value,
                                      inline(block.text, block.marks, view,
                                             by_block.get(index, ())),
                                      block.n, block.lang))
    return rendered


def inline(text: str, marks: Sequence[Mark], view: str,
           mentions: Sequence[Mention] = ()) -> Markup:
    """The text with its marks as tags and its mentions as links to entity pages."""
    tags = _DIPLOMATIC_TAGS if view == DIPLOMATIC else _READING_TAGS
    dropped = [mark for mark in marks if view == READING and mark.kind is MarkKind.DELETED]
    shown = [mark for mark in marks if mark.kind in tags]
    cuts = {0, len(text)}
    for span in [*shown, *dropped, *mentions]:
        cuts.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
    points = sorted(cuts)
    pieces: list[str] = []
    for start, end in zip(points, points[1:]):
        if any(mark.start <= start and end <= mark.end for mark in dropped):
            continue
        piece = str(escape(text[start:end]))
        covering = sorted((mark for mark in shown if mark.start <= start and end <= mark.end),
                          key=lambda mark: _TAG_ORDER.index(mark.kind), reverse=True)
        for mark in covering:
            tag, css = tags[mark.kind]
            title = f' title="{escape(mark.value)}"' if mark.value else ""
            css_attribute = f' class="{css}"' if css else ""
            piece = f"<{tag}{css_attribute}{title}>{piece}</{tag}>"
        for mention in mentions:
            if mention.start <= start and end <= mention.end:
                piece = (f'<a class="entity" href="{escape(entity_url(mention.entity_id))}">'
                         f"{piece}</a>")
                break
        pieces.append(piece)
    return Markup("".join(pieces))


def plain(blocks: Sequence[Block]) -> str:
    """The reading text of blocks, one paragraph per line (for alignment and collation)."""
    return "\n".join(reading_text(block) for block in blocks
                     if block.kind is not BlockKind.FOLIO)
