"""A rendition's blocks as HTML: the diplomatic view and the reading view from one model.

Block text is untrusted: every character goes through ``escape``; only the tags made here
from marks and entity links are markup. Marks may overlap (a deletion inside an insertion),
so the text is cut at every mark boundary and each piece is wrapped in the tags of the marks
that cover it.

The apparatus is linked both ways: a footnote reference is a link to its note (``#fn-1``,
with the accessible name "footnote 1") and each note links back to its first reference
(``#fnref-1``). A cross-reference to a document is a link to its page; a table block is a
real ``<table>``, its cells cut from the block's text (rows by "\n", cells by "\t").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

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
    MarkKind.SMALLCAPS: ("span", "smallcaps"),
    MarkKind.SUBSCRIPT: ("sub", ""),
    MarkKind.EDITORIAL: ("span", "editorial"),
    MarkKind.LINK: ("a", "cross-reference"),
}
# In the reading view the hand's corrections are simply the text; emphasis stays.
_READING_TAGS = {kind: tag for kind, tag in _DIPLOMATIC_TAGS.items()
                 if kind not in (MarkKind.DELETED, MarkKind.ADDED, MarkKind.SUPERSCRIPT)}
_SEPARATE = {BlockKind.TABLE}  # blocks whose text the template lays out itself
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
    anchor: str = ""  # the block's id on the page: a note's "fn-1"
    back: str = ""  # where a note's back link goes: "#fnref-1", "" when nothing refers to it
    rows: tuple[tuple[Markup, ...], ...] = ()  # a table's cells


class Anchors:
    """The ids given on one page: each footnote reference gets its own ("fnref-1", then
    "fnref-1-2" for a second reference to the same note)."""

    def __init__(self) -> None:
        self.references: dict[str, int] = {}

    def reference(self, n: str) -> str:
        count = self.references.get(n, 0) + 1
        self.references[n] = count
        return f"fnref-{_slug(n)}" + (f"-{count}" if count > 1 else "")


def _slug(n: str) -> str:
    return "".join(character if character.isalnum() else "-" for character in n)


def render_blocks(blocks: Sequence[Block], view: str, mentions: Iterable[Mention] = (),
                  rendition: int = 0) -> list[RenderedBlock]:
    """Each block as HTML in ``view``; in the reading view folio breaks are left out."""
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.rendition == rendition:
            by_block.setdefault(mention.block, []).append(mention)
    anchors = Anchors()
    rendered = []
    for index, block in enumerate(blocks):
        if view == READING and block.kind is BlockKind.FOLIO:
            continue
        html = inline(block.text, block.marks, view, by_block.get(index, ()), anchors) \
            if block.kind not in _SEPARATE else Markup("")
        rows = _table(block, view, by_block.get(index, ()), anchors) \
            if block.kind is BlockKind.TABLE else ()
        anchor = f"fn-{_slug(block.n)}" if block.kind is BlockKind.NOTE and block.n else ""
        rendered.append(RenderedBlock(block.kind.value, html, block.n, block.lang, anchor,
                                      rows=rows))
    referred = set(anchors.references)
    return [replace(item, back=f"#fnref-{_slug(item.n)}")
            if item.anchor and item.n in referred else item for item in rendered]


def _table(block: Block, view: str, mentions: Sequence[Mention], anchors: Anchors
           ) -> tuple[tuple[Markup, ...], ...]:
    """A table block's cells as HTML, each with the marks and mentions that fall in it."""
    rows, start = [], 0
    for line in block.text.split("\n"):
        cells = []
        for cell in line.split("\t"):
            end = start + len(cell)
            cells.append(inline(cell, [Mark(mark.kind, mark.start - start, mark.end - start,
                                            mark.value) for mark in block.marks
                                       if mark.start < end and start < mark.end],
                                view, [replace(mention, start=mention.start - start,
                                               end=mention.end - start)
                                       for mention in mentions
                                       if mention.start < end and start < mention.end],
                                anchors))
            start = end + 1
        rows.append(tuple(cells))
    return tuple(rows)


def inline(text: str, marks: Sequence[Mark], view: str,
           mentions: Sequence[Mention] = (), anchors: Anchors | None = None) -> Markup:
    """The text with its marks as tags and its mentions as links to entity pages."""
    anchors = anchors or Anchors()
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
            if mark.kind is MarkKind.FOOTNOTE_REF and mark.value:
                n = escape(mark.value)
                piece = (f'<a class="footnote-ref" id="{anchors.reference(mark.value)}" '
                         f'href="#fn-{_slug(mark.value)}" aria-label="footnote {n}">'
                         f"<sup>{piece}</sup></a>")
                continue
            if mark.kind is MarkKind.LINK:
                piece = _link(piece, mark.value)
                continue
            tag, css = tags[mark.kind]
            title = f' title="{escape(mark.value)}"' if mark.value else ""
            css_attribute = f' class="{css}"' if css else ""
            piece = f"<{tag}{css_attribute}{title}>{piece}</{tag}>"
        linked = any(mark.kind in (MarkKind.LINK, MarkKind.FOOTNOTE_REF) for mark in covering)
        for mention in () if linked else mentions:  # no link inside a link
            if mention.start <= start and end <= mention.end:
                piece = (f'<a class="entity" href="{escape(entity_url(mention.entity_id))}">'
                         f"{piece}</a>")
                break
        pieces.append(piece)
    return Markup("".join(pieces))


def _link(piece: str, target: str) -> str:
    """A cross-reference: to a document's page, or to the web (http and https only)."""
    if target.startswith(("http://", "https://")):
        return f'<a class="cross-reference" href="{escape(target)}" rel="noopener">{piece}</a>'
    if target and ":" in target and "/" in target:
        return (f'<a class="cross-reference" href="/documents/{escape(target)}">'
                f"{piece}</a>")
    return piece


def apparatus(blocks: Iterable[Block]) -> frozenset[str]:
    """Which signs of the diplomatic view these blocks use ("deleted", "added", "folio"),
    so that a legend explains those and only those."""
    found = set()
    for block in blocks:
        if block.kind is BlockKind.FOLIO:
            found.add("folio")
        for mark in block.marks:
            if mark.kind is MarkKind.DELETED:
                found.add("deleted")
            elif mark.kind is MarkKind.ADDED:
                found.add("added")
    return frozenset(found)


def plain(blocks: Sequence[Block]) -> str:
    """The reading text of blocks, one paragraph per line (for alignment and collation)."""
    return "\n".join(reading_text(block) for block in blocks
                     if block.kind is not BlockKind.FOLIO)
