"""TEI elements into the model's blocks and stand-off marks (one document's text).

Accepts the TEI the FRUS volumes use and gives each element a rendering:
- blocks: ``p``, ``ab``, ``head``, ``dateline``, ``salute``, ``signed``, ``affiliation``,
  ``address``, ``seg`` standing alone (a line of an opener), ``label`` (the number of the
  ``item`` it precedes), ``item`` (nested lists are read in order), ``quote`` with
  paragraphs (quotation blocks), ``table``/``row``/``cell`` (one table block: rows split by
  "\\n", cells by "\\t"), ``figure``/``graphic`` (a figure block: its caption, ``n`` the file),
  ``pb`` (a printed page block, "p. 167"; a folio in a manuscript's transcription; one
  inside a name comes after the name, which stays whole), ``gap`` (an editorial "[…]");
- containers whose children are blocks: ``div``, ``opener``, ``closer``, ``postscript``,
  ``list``, ``frus:attachment`` (kept inside its document, with its own heading)...;
- inline: ``hi`` by its ``rend`` (italic, bold/strong, smallcaps, underline, superscript,
  subscript; ``roman`` is upright text), ``del``, ``add``, ``lb``, a ``ref`` to a document
  (``#d12``, ``frus1969-76v19p1#d12``) or a web address as a link mark, and
  ``persName``/``gloss``/``rs``/... pointing into the volume's lists as a reference mark
  (the editors' identification, which the linker follows);
- ``note``: a note block numbered as printed (``@n``), its text with every mark, and a
  footnote reference mark (value: the number) where it stands, or at the end of the block
  just before it when it stands between blocks (a line of an opener); notes inside notes too. The
  note of ``type="source"`` (or untyped and numbered 0, as FRUS numbers it) is kept as
  ``source_note`` wherever it stands (with a reference
  where it has a number: FRUS prints it as footnote 1 of the heading).

Anything else is kept as its text, never as markup, and counted in ``unknown`` by name. The
FRUS production elements (``frus:file``, ``frus:pdf``, ``frus:page-count-according-to-citation``,
``frus:problem``) hold no text of the document and are passed over.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from lxml import etree

from chancery.model import Block, BlockKind, Mark, MarkKind

TEI = "http://www.tei-c.org/ns/1.0"

_INLINE_MARKS = {"del": MarkKind.DELETED, "add": MarkKind.ADDED, "supplied": MarkKind.SUPPLIED,
                 "expan": MarkKind.EXPANSION, "foreign": MarkKind.ORIGINAL_TERM,
                 "unclear": MarkKind.UNCLEAR, "emph": MarkKind.ITALIC,
                 "title": MarkKind.ITALIC}
_RENDS = {"italic": MarkKind.ITALIC, "italics": MarkKind.ITALIC, "strong": MarkKind.EMPHASIS,
          "bold": MarkKind.EMPHASIS, "underline": MarkKind.UNDERLINE,
          "superscript": MarkKind.SUPERSCRIPT, "sup": MarkKind.SUPERSCRIPT,
          "smallcaps": MarkKind.SMALLCAPS, "sub": MarkKind.SUBSCRIPT,
          "subscript": MarkKind.SUBSCRIPT}
_PLAIN_RENDS = {"roman", "normal", "center", "right", "left", "inline", "block"}
_BLOCKS = {"p": BlockKind.PARAGRAPH, "ab": BlockKind.PARAGRAPH, "dateline": BlockKind.DATELINE,
           "salute": BlockKind.SALUTATION, "signed": BlockKind.SIGNATURE,
           "affiliation": BlockKind.SIGNATURE, "head": BlockKind.HEADING,
           "item": BlockKind.ITEM, "address": BlockKind.ADDRESS, "stamp": BlockKind.STAMP,
           "seg": BlockKind.PARAGRAPH, "byline": BlockKind.PARAGRAPH,
           "docDate": BlockKind.DATELINE, "docAuthor": BlockKind.SIGNATURE,
           "trailer": BlockKind.PARAGRAPH, "label": BlockKind.PARAGRAPH,
           "addrLine": BlockKind.ADDRESS}
_CONTAINERS = {"div", "opener", "closer", "postscript", "list", "body", "text", "front", "back",
               "lg", "sp", "floatingText", "group", "attachment", "listBibl", "argument",
               "epigraph"}
# inline elements whose text is simply the text: names, dates, numbers
_TRANSPARENT = {"persName", "placeName", "orgName", "name", "gloss", "term", "rs", "date",
                "time", "num", "measure", "geogName", "roleName", "abbr", "orig", "reg",
                "sic", "corr", "choice", "q", "said", "mentioned", "distinct", "s", "w",
                "c", "seg", "hi", "ref", "label", "bibl", "title", "idno", "dateline",
                "signed", "salute", "affiliation", "address", "addrLine", "unclear", "emph",
                "del", "add", "supplied", "expan", "foreign"}
_NAMES = {"persName", "placeName", "orgName", "name", "gloss", "term", "rs"}
# FRUS production data: scans, PDFs, page counts, a compiler's query; no text of the document
_PRODUCTION = {"file", "pdf", "page-count-according-to-citation", "problem"}
# a pointer's value that can only be an id of this file, written without its "#" ("p_LW_1"):
# no scheme, path or fragment of its own
_BARE_ID = re.compile(r"[A-Za-z_][\w.-]*")
# block-level elements met inside a paragraph or item: the paragraph is split around them
_SPLITTING = {"list", "table", "figure"}
_DOCUMENT_POINTER = re.compile(r"^(?P<volume>[A-Za-z][\w-]*)?#(?P<doc>d\d+\w*?)(?:fn\d+)?$")
_LINE = "\u2028"  # what <lb/> leaves, told apart from the XML's own indentation
_PARAGRAPH_BREAK = "\u2029"  # between paragraphs of one note


@dataclass
class Walker:
    """Collects blocks (with stand-off marks) and notes from a TEI subtree.

    ``references``: the prefix of the identifiers names point to ("frus:<volume>");
    ``volume``: the volume's id, for links to its documents.
    """

    references: str = ""
    volume: str = ""
    page_kind: BlockKind = BlockKind.PAGE  # a printed edition's page; FOLIO for a manuscript
    blocks: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)
    source_note: Block | None = None
    unknown: Counter[str] = field(default_factory=Counter)  # elements kept as text only
    # (id, line, "persName/@corresp") of each pointer into the file: names, cross-references
    pointers: list[tuple[str, int, str]] = field(default_factory=list)
    _text: list[str] = field(default_factory=list)
    _marks: list[Mark] = field(default_factory=list)
    _kind: BlockKind | None = None
    _n: str = ""
    _label: str = ""  # a list's label waiting for its item
    _in_note: bool = False
    _names: int = 0  # names open around the text being read
    _pages: list[str] = field(default_factory=list)  # page breaks waiting for a name's end

    # --- blocks ------------------------------------------------------------------------

    def walk_children(self, element: etree._Element, skip_head: bool = False) -> None:
        for child in element:
            if skip_head and _local(child) == "head":
                continue
            self.walk_block(child)
        self._close()

    def walk_block(self, element: etree._Element) -> None:
        name = _local(element)
        if not name or name in _PRODUCTION:
            return
        if name == "pb":
            self._page(element)
        elif name == "note":
            self._close()
            self._note(element)
            self._refer_back(element)
        elif name == "label" and _local(element.getparent()) == "list":
            self._close()
            self._label = _squash(element.xpath("string()"))
        elif name == "item":
            label, self._label = self._label, ""
            self._block(element, BlockKind.ITEM, element.get("n") or label)
        elif name == "quote" and _has_blocks(element):
            self._close()
            for child in element:
                if _local(child) == "p":
                    self._block(child, BlockKind.QUOTE, child.get("n", ""))
                else:
                    self.walk_block(child)
        elif name == "quote":
            self._block(element, BlockKind.QUOTE, element.get("n", ""))
        elif name == "table":
            self._table(element)
        elif name == "figure":
            self._figure(element)
        elif name == "gap":
            self._open(BlockKind.PARAGRAPH)
            self._gap()
            self._close()
        elif name in _CONTAINERS or (name in ("dateline", "closer") and _has_blocks(element)):
            self._close()
            self.walk_children(element)
        elif name in _BLOCKS:
            self._block(element, _BLOCKS[name], element.get("n", ""))
        elif name == "lb":
            self._close()
        elif name in _TRANSPARENT or name in _INLINE_MARKS:  # inline, standing alone
            self._open(BlockKind.PARAGRAPH)
            self._inline(element)
            self._close()
        else:  # an element this reader does not know: its text, as a paragraph
            self.unknown[name] += 1
            self._block(element, BlockKind.PARAGRAPH, "")

    def _block(self, element: etree._Element, kind: BlockKind, n: str) -> None:
        self._open(kind, n)
        self.walk_inline_content(element)
        self._close()

    def _page(self, element: etree._Element) -> None:
        n = element.get("n", "")
        if not n or self._in_note:
            return  # a footnote running over a page: the page is the text's, not the note's
        if self._names:  # a name cut by a page break: the break follows it, the name whole
            self._pages.append(n)
            return
        self._break_page(n)

    def _break_page(self, n: str) -> None:
        kind = self._kind
        self._close()
        self.blocks.append(Block(self.page_kind, n, n=n))
        if kind is not None:  # a page break inside a paragraph splits it
            self._open(kind, "")

    def _table(self, element: etree._Element) -> None:
        self._close()
        for head in element.findall(f"{{{TEI}}}head"):
            self._block(head, BlockKind.HEADING, "")
        text: list[str] = []
        marks: list[Mark] = []
        for row in element.iter(f"{{{TEI}}}row"):
            if text:
                text.append("\n")
            for index, cell in enumerate(row.findall(f"{{{TEI}}}cell")):
                if index:
                    text.append("\t")
                inner = self._child()
                inner._open(BlockKind.PARAGRAPH)
                inner.walk_inline_content(cell)
                cell_text, cell_marks = _normalise("".join(inner._text), inner._marks)
                cell_text = cell_text.replace("\n", " ").replace("\t", " ")
                offset = sum(map(len, text))
                marks += [Mark(mark.kind, mark.start + offset, mark.end + offset, mark.value)
                          for mark in cell_marks]
                text.append(cell_text)
                self.blocks.extend(inner.blocks)  # page breaks inside the table
        joined = "".join(text)
        if joined.strip():
            self.blocks.append(Block(BlockKind.TABLE, joined, tuple(marks),
                                     n=element.get("n", ""), lang="en"))

    def _figure(self, element: etree._Element) -> None:
        self._close()
        graphic = element.find(f".//{{{TEI}}}graphic")
        inner = self._child()  # the caption keeps its names and notes, as a paragraph does
        inner._open(BlockKind.FIGURE)
        for part in element:
            if _local(part) in ("head", "p", "figDesc"):
                inner._append(" ")
                inner.walk_inline_content(part)
        caption, marks = _normalise("".join(inner._text), inner._marks)
        url = graphic.get("url", "") if graphic is not None else ""
        self.blocks.append(Block(BlockKind.FIGURE, caption or "[figure]", tuple(marks), n=url,
                                 lang="en" if caption else ""))

    # --- inline --------------------------------------------------------------------------

    def walk_inline_content(self, element: etree._Element) -> None:
        self._append(element.text)
        for child in element:
            self._inline(child)
            self._append(child.tail)

    def _inline(self, element: etree._Element) -> None:
        name = _local(element)
        if not name or name in _PRODUCTION:
            return
        if name == "note":
            self._note(element, reference=True)
            return
        if name == "lb":
            self._append(_LINE)
            return
        if name == "pb":
            self._page(element)
            return
        if name == "gap":
            self._gap()
            return
        if (name in _SPLITTING or (name == "quote" and _has_blocks(element))
                or (name == "p" and not self._in_note)) and not self._in_note:
            kind = self._kind
            self._close()
            self.walk_block(element)
            self._open(kind or BlockKind.PARAGRAPH, "")
            return
        if name in ("p", "item", "list", "table", "row", "cell") and self._kind is not None:
            self._append(_PARAGRAPH_BREAK if name == "p" else " ")
        naming = name in _NAMES
        self._names += naming
        start = self._length()
        self.walk_inline_content(element)
        end = self._length()
        self._names -= naming
        if name not in _TRANSPARENT and name not in ("p", "item", "list", "table", "row",
                                                     "cell", "quote"):
            self.unknown[name] += 1
        for kind, value in self._marks_of(element, name):
            if end > start:
                self._marks.append(Mark(kind, start, end, value))
        if naming and not self._names:
            pages, self._pages = self._pages, []
            for n in pages:
                self._break_page(n)

    def _marks_of(self, element: etree._Element, name: str) -> list[tuple[MarkKind, str]]:
        found: list[tuple[MarkKind, str]] = []
        if name in _INLINE_MARKS:
            found.append((_INLINE_MARKS[name], ""))
        if name == "hi":
            rends = element.get("rend", "").split()
            found += [(_RENDS[rend], "") for rend in rends if rend in _RENDS]
            self.unknown.update(f"hi@rend={rend}" for rend in rends
                                if rend not in _RENDS and rend not in _PLAIN_RENDS)
        if name == "ref":
            target = self._link(element.get("target", ""))
            if target:
                found.append((MarkKind.LINK, target))
            if element.get("target", "").startswith("#"):
                self.pointers.append((element.get("target", "")[1:].strip(),
                                      element.sourceline or 0, "ref/@target"))
        if name in _NAMES:
            attribute = next((attribute for attribute in ("corresp", "ref", "target", "key")
                              if element.get(attribute)), "")
            pointer = element.get(attribute, "").split() if attribute else []
            if pointer and attribute != "key" and _BARE_ID.fullmatch(pointer[0]):
                pointer[0] = "#" + pointer[0]  # an id written without its "#": the same pointer
            if pointer and pointer[0].startswith("#"):
                # the editors' own identification of a name: the linker follows it first (a
                # pointer to an id the file lacks is a slip: the name is kept, linked by its
                # letters)
                self.pointers.append((pointer[0][1:], element.sourceline or 0,
                                      f"{name}/@{attribute}"))
                found.append((MarkKind.REFERENCE, f"{self.references}{pointer[0]}"))
        return found

    def _link(self, target: str) -> str:
        """A ``ref`` target as a link: a document id, or a web address; "" for the rest
        (pages and sections of a volume, which have no page of their own)."""
        if target.startswith(("https://", "http://")):
            return target
        match = _DOCUMENT_POINTER.match(target.strip())
        if not match:
            return ""
        volume = match.group("volume") or self.volume
        return f"frus:{volume}/{match.group('doc')}" if volume else ""

    def _gap(self) -> None:
        start = self._length()
        self._append("[…]")
        self._marks.append(Mark(MarkKind.EDITORIAL, start, self._length(), "gap"))

    # --- notes ---------------------------------------------------------------------------

    def collect_notes(self, element: etree._Element) -> None:
        """The notes of an element whose text is read elsewhere (a document's heading)."""
        for note in element.iter(f"{{{TEI}}}note"):
            if not any(_local(parent) == "note" for parent in note.iterancestors()):
                self._note(note)

    def _note(self, element: etree._Element, reference: bool = False) -> None:
        source = is_source_note(element)
        n = element.get("n") or ("" if source else str(len(self.notes) + 1))
        if source and n == "0":
            n = ""  # unnumbered as printed: no "0" after the heading
        place = len(self.notes)
        self.notes.append(Block(BlockKind.NOTE, ""))  # its place, before the notes inside
        inner = self._child(in_note=True)
        inner._open(BlockKind.NOTE, n)
        inner.walk_inline_content(element)
        text, marks = _normalise("".join(inner._text), inner._marks)
        block = Block(BlockKind.NOTE, text, tuple(marks), n=n, lang="en" if text else "")
        self.notes[place] = block
        if source and self.source_note is None:
            self.source_note = block
        if reference and n and self._kind is not None:
            start = self._length()
            self._append(n)
            self._marks.append(Mark(MarkKind.FOOTNOTE_REF, start, self._length(), n))

    def _refer_back(self, element: etree._Element) -> None:
        """A numbered note standing right after a block is that block's footnote: its number
        is marked at the block's end, as printed."""
        n = element.get("n", "")
        before = element.getprevious()
        if not n or before is None or _local(before) in ("note", "pb") or \
                (before.tail or "").strip() or not self.blocks:
            return
        block = self.blocks[-1]
        if block.kind in (BlockKind.PAGE, BlockKind.FOLIO, BlockKind.NOTE):
            return
        reference = Mark(MarkKind.FOOTNOTE_REF, len(block.text), len(block.text) + len(n), n)
        self.blocks[-1] = replace(block, text=block.text + n, marks=(*block.marks, reference))

    def _child(self, in_note: bool = False) -> Walker:
        """A walker for a part read on its own (a note, a cell) sharing this one's notes."""
        child = Walker(self.references, self.volume, self.page_kind, notes=self.notes,
                       unknown=self.unknown,
                       pointers=self.pointers, _in_note=in_note or self._in_note)
        child.source_note = self.source_note
        return child

    # --- the block being built -------------------------------------------------------------

    def _open(self, kind: BlockKind, n: str = "") -> None:
        self._close()
        self._kind, self._n = kind, n

    def _close(self) -> None:
        if self._kind is None:
            return
        text, marks = _normalise("".join(self._text), self._marks)
        if text:
            self.blocks.append(Block(self._kind, text, tuple(marks), n=self._n, lang="en"))
        self._text, self._marks, self._kind, self._n = [], [], None, ""

    def _append(self, text: str | None) -> None:
        if text:
            if self._kind is None:
                if not text.strip():
                    return
                self._open(BlockKind.PARAGRAPH)
            self._text.append(text)

    def _length(self) -> int:
        return sum(len(part) for part in self._text)


def _normalise(raw: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Collapse the XML's layout whitespace, keep the line breaks of ``lb`` (and between a
    note's paragraphs), and move the marks with the characters they cover.

    Each run of whitespace after some text becomes one character: a line break if the run
    holds one, else a space; leading and trailing runs go. The rule is applied by regular
    expressions (a walk over every character in Python cost most of reading a volume), and
    a mark's end moves to where the text before it ends once collapsed the same way.
    """
    broken = _LINE in raw or _PARAGRAPH_BREAK in raw
    text = _collapsed(raw).strip() if broken else " ".join(raw.split())
    moved = []
    ends: dict[int, int] = {}
    for mark in marks:
        for offset in (mark.start, mark.end):
            if offset not in ends:
                ends[offset] = min(_collapsed_length(raw[:offset], broken), len(text))
        if ends[mark.end] > ends[mark.start]:
            moved.append(Mark(mark.kind, ends[mark.start], ends[mark.end], mark.value))
    return text, moved


def _collapsed(raw: str) -> str:
    """Every run of whitespace as one space, or one line break where it holds one."""
    return _SPACES.sub(" ", _BROKEN_RUN.sub(_LINE, raw)).replace(_LINE, "\n")


def _collapsed_length(before: str, broken: bool) -> int:
    """How long the text before a place is once collapsed, leading whitespace gone and
    trailing whitespace one character (what follows may make it a line break)."""
    if broken:
        return len(_collapsed(before).lstrip())
    words = before.split()
    return len(" ".join(words)) + (1 if words and before[-1].isspace() else 0)


_BROKEN_RUN = re.compile(rf"\s*[{_LINE}{_PARAGRAPH_BREAK}]\s*")
_SPACES = re.compile(rf"[^\S{_LINE}]+")


def _has_blocks(element: etree._Element) -> bool:
    return any(_local(child) in ("p", "list", "table", "signed", "closer", "opener", "quote",
                                 "lg", "dateline", "salute") for child in element)


def _local(element: etree._Element | None) -> str:
    return etree.QName(element).localname if element is not None and \
        isinstance(element.tag, str) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_source_note(note: etree._Element) -> bool:
    """A document's source note: typed so, or untyped and numbered 0, as FRUS numbers it
    (1961-63v22 types none of its 347)."""
    return note.get("type") == "source" or (note.get("type") is None and note.get("n") == "0")
