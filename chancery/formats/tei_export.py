"""TEI P5 out: one document as a TEI file that validates against TEI All.

The header carries the metadata (title, ids, permalink, rights, the citation as published,
archival references, witnesses, sender and recipient with the date, languages, summary);
the text has one ``div`` per rendition (``type`` translation or transcription, ``xml:lang``,
a witness's ``corresp``). Blocks become ``p``, ``ab`` (typed by kind), ``pb`` and ``note``;
marks become ``del``, ``add``, ``hi``, ``expan``, ``supplied``, ``foreign``, ``unclear``,
``rs`` and ``seg``; links to the authority become ``persName``/``placeName``/``orgName`` with
``ref`` (the entity id). Marks may overlap, so text is cut at every boundary and each piece
is wrapped in the elements of every mark over it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from chancery.model import Block, BlockKind, Document, Mark, MarkKind, Mention, RenditionKind

TEI = "http://www.tei-c.org/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"

# mark kind -> (element, attributes)
_MARKS: dict[MarkKind, tuple[str, dict[str, str]]] = {
    MarkKind.DELETED: ("del", {}),
    MarkKind.ADDED: ("add", {}),
    MarkKind.ITALIC: ("hi", {"rend": "italic"}),
    MarkKind.EMPHASIS: ("hi", {"rend": "bold"}),
    MarkKind.UNDERLINE: ("hi", {"rend": "underline"}),
    MarkKind.SUPERSCRIPT: ("hi", {"rend": "superscript"}),
    MarkKind.FOOTNOTE_REF: ("ref", {"type": "footnote"}),
    MarkKind.EXPANSION: ("expan", {}),
    MarkKind.IDENTIFICATION: ("rs", {"type": "identification"}),
    MarkKind.SUPPLIED: ("supplied", {}),
    MarkKind.ORIGINAL_TERM: ("foreign", {}),
    MarkKind.TRANSLATOR_NOTE: ("seg", {"type": "translator-note"}),
    MarkKind.REFERENCE: ("rs", {"type": "reference"}),
    MarkKind.EDITORIAL: ("seg", {"type": "editorial"}),
    MarkKind.CHECK: ("seg", {"type": "check"}),
    MarkKind.UNCLEAR: ("unclear", {}),
}
_ORDER = list(MarkKind)
_NAME_ELEMENTS = {"person": "persName", "place": "placeName", "org": "orgName"}


def _element(parent: etree._Element, name: str, text: str = "", **attributes: str
             ) -> etree._Element:
    child = etree.SubElement(parent, f"{{{TEI}}}{name}",
                             {f"{{{XML}}}lang" if key == "xml_lang" else key: value
                              for key, value in attributes.items() if value})
    if text:
        child.text = text
    return child


def write(document: Document, mentions: Iterable[Mention] = ()) -> bytes:
    """The document as a TEI P5 file (UTF-8, with an XML declaration)."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    _header(root, document)
    text = _element(root, "text")
    body = _element(text, "body")
    by_place: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        by_place.setdefault((mention.rendition, mention.block), []).append(mention)
    for r_index, rendition in enumerate(document.renditions):
        division = _element(body, "div", type=rendition.kind.value,
                            xml_lang=rendition.language, n=rendition.label)
        if rendition.witness is not None:
            division.set("corresp", f"#wit-{rendition.witness.siglum}")
        for b_index, block in enumerate(rendition.blocks):
            _block(division, block, by_place.get((r_index, b_index), ()))
        if not len(division):
            _element(division, "p")  # a div needs content; an empty rendition stays empty
    if not len(body):
        _element(body, "p")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _header(root: etree._Element, document: Document) -> None:
    header = _element(root, "teiHeader")
    description = _element(header, "fileDesc")
    _element(_element(description, "titleStmt"), "title", document.title)
    publication = _element(description, "publicationStmt")
    _element(publication, "publisher", "Chancery")
    _element(publication, "idno", document.id, type="chancery")
    if document.permalink:
        _element(publication, "idno", document.permalink, type="URI")
    if document.rights:
        _element(_element(publication, "availability"), "p", document.rights)
    source = _element(description, "sourceDesc")
    _element(source, "bibl", document.citation or document.title)
    for reference in document.archival_references:
        manuscript = _element(_element(source, "msDesc"), "msIdentifier")
        _element(manuscript, "repository",
                 reference.repository_name or reference.repository or "unknown")
        _element(manuscript, "idno", reference.raw)
    witnesses = [rendition.witness for rendition in document.renditions if rendition.witness]
    if witnesses:
        listed = _element(source, "listWit")
        for witness in witnesses:
            entry = _element(listed, "witness", witness.description or witness.siglum,
                             n=witness.siglum)
            entry.set(f"{{{XML}}}id", f"wit-{witness.siglum}")
    profile = _element(header, "profileDesc")
    if document.summary:
        _element(_element(profile, "abstract"), "p", document.summary)
    if document.senders or document.recipients or document.date:
        correspondence = _element(profile, "correspDesc")
        sent = _element(correspondence, "correspAction", type="sent")
        for party in document.senders:
            _element(sent, "name", party.text)
        if document.date and document.date.start:
            date = _element(sent, "date", document.date.text)
            if document.date.start == document.date.end:
                date.set("when", document.date.start)
            else:
                date.set("notBefore", document.date.start)
                date.set("notAfter", document.date.end)
        if document.recipients:
            received = _element(correspondence, "correspAction", type="received")
            for party in document.recipients:
                _element(received, "name", party.text)
        if not len(sent):
            correspondence.remove(sent)
    languages = list(dict.fromkeys([*document.original_languages,
                                    *(rendition.language for rendition in document.renditions
                                      if rendition.kind is not RenditionKind.SUMMARY)]))
    if languages:
        usage = _element(profile, "langUsage")
        for code in languages:
            _element(usage, "language", ident=code)
    if not len(profile):
        header.remove(profile)


def _block(division: etree._Element, block: Block, mentions: Sequence[Mention]) -> None:
    if block.kind is BlockKind.FOLIO:
        _element(division, "pb", n=block.n or block.text)
        return
    if block.kind is BlockKind.NOTE:
        element = _element(division, "note", n=block.n, place="foot")
    elif block.kind is BlockKind.MARGINAL:
        element = _element(division, "note", place="margin")
    elif block.kind is BlockKind.PARAGRAPH:
        element = _element(division, "p", n=block.n)
    else:
        element = _element(division, "ab", type=block.kind.value, n=block.n)
    if block.lang:
        element.set(f"{{{XML}}}lang", block.lang)
    if block.kind is BlockKind.UNPARSED:
        element.text = block.text  # kept as text: the reader did not understand it
        return
    _inline(element, block.text, block.marks, mentions)


def _inline(parent: etree._Element, text: str, marks: Sequence[Mark],
            mentions: Sequence[Mention]) -> None:
    cuts = {0, len(text)}
    for span in [*marks, *mentions]:
        cuts.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
    points = sorted(cuts)
    for start, end in zip(points, points[1:]):
        covering = sorted((mark for mark in marks if mark.start <= start and end <= mark.end),
                          key=lambda mark: _ORDER.index(mark.kind))
        named = next((mention for mention in mentions
                      if mention.start <= start and end <= mention.end), None)
        target = parent
        for mark in covering:
            name, attributes = _MARKS.get(mark.kind, ("seg", {"type": mark.kind.value}))
            target = _element(target, name, **attributes)
            if mark.value and name == "rs":  # who or what the editor says is meant
                target.set("key", mark.value)
        if named is not None:
            kind = named.entity_id.split("/", 1)[0]
            target = _element(target, _NAME_ELEMENTS.get(kind, "name"), ref=named.entity_id)
        _append_text(parent, target, text[start:end])


def _append_text(parent: etree._Element, target: etree._Element, piece: str) -> None:
    """Text goes into the innermost element made for it, or after the parent's last child."""
    if target is not parent:
        target.text = piece
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + piece
    else:
        parent.text = (parent.text or "") + piece
