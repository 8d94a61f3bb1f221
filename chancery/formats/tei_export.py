"""TEI P5 out: one document as a TEI file that validates against TEI All.

The file follows the Chancery TEI profile (``tei_profile``), so that ``tei_chancery`` reads it
back to the same document. The header carries the metadata: title, ids, permalink, rights
and access, the citation as published, archival references, other publications, translators,
witnesses, sender and recipient with the date, languages, summary, keywords, cable facts and
the sections kept verbatim. The text has one ``div`` per rendition (``type`` translation or
transcription, ``xml:lang``, a witness's ``corresp``). Blocks become ``p``, ``ab`` (typed by
kind), ``pb`` and ``note``; marks become ``del``, ``add``, ``hi``, ``expan``, ``supplied``,
``foreign``, ``unclear``, ``rs`` and ``seg``; links to the authority become
``persName``/``placeName``/``orgName`` with ``ref`` (the entity id). Marks may overlap, so
text is cut at every boundary and each piece is wrapped in the elements of every mark over it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lxml import etree

from chancery.formats.tei_profile import (EMPTY_RENDITION, MARK_ORDER, MARKS, NAME_ELEMENTS, TEI,
                                          XML_ID, XML_LANG, mark_value_attribute)
from chancery.model import (Block, BlockKind, Document, Mark, Mention, Party, PlaceInVolume,
                            RenditionKind)


def _element(parent: etree._Element, name: str, text: str = "", **attributes: str
             ) -> etree._Element:
    child = etree.SubElement(parent, f"{{{TEI}}}{name}",
                             {XML_LANG if key == "xml_lang" else key: value
                              for key, value in attributes.items() if value})
    if text:
        child.text = text
    return child


def write(document: Document, mentions: Iterable[Mention] = (),
          id_prefix: str = "") -> bytes:
    """The document as a TEI P5 file (UTF-8, with an XML declaration). ``id_prefix`` begins
    every ``xml:id`` (and every pointer to one), so that several documents can stand in one
    XML file, as records of an OAI-PMH list do, without two elements sharing an id."""
    root = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    _header(root, document, id_prefix)
    text = _element(root, "text")
    body = _element(text, "body")
    by_place: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        by_place.setdefault((mention.rendition, mention.block), []).append(mention)
    cited = {(fact.rendition, fact.block) for fact in document.cable}
    for r_index, rendition in enumerate(document.renditions):
        division = _element(body, "div", type=rendition.kind.value,
                            xml_lang=rendition.language, n=rendition.label)
        if rendition.witness is not None:
            division.set("corresp", f"#{id_prefix}wit-{rendition.witness.siglum}")
        if rendition.translator:
            division.set("resp", f"#{id_prefix}translator-{r_index}")
        for b_index, block in enumerate(rendition.blocks):
            element = _block(division, block, by_place.get((r_index, b_index), ()))
            if (r_index, b_index) in cited:
                element.set(XML_ID, id_prefix + _block_id(r_index, b_index))
        if not len(division):
            _element(division, "ab", type=EMPTY_RENDITION)
    if not len(body):
        _element(body, "ab", type=EMPTY_RENDITION)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _block_id(rendition: int, block: int) -> str:
    return f"r{rendition}-b{block}"


def _header(root: etree._Element, document: Document, id_prefix: str) -> None:
    header = _element(root, "teiHeader")
    description = _element(header, "fileDesc")
    statement = _element(description, "titleStmt")
    _element(statement, "title", document.title)
    _translators(statement, document, id_prefix)
    _publication(_element(description, "publicationStmt"), document)
    _notes(description, document, id_prefix)
    _source(_element(description, "sourceDesc"), document, id_prefix)
    _profile(header, document)


def _translators(statement: etree._Element, document: Document, id_prefix: str) -> None:
    for credit in document.translators:
        responsibility = _element(statement, "respStmt")
        _element(responsibility, "resp", "translation", key="translation")
        _element(responsibility, "persName", credit.translator)
        if credit.translated_for:
            _element(responsibility, "orgName", credit.translated_for, role="commissioner")
        if credit.from_language:
            _element(responsibility, "note", credit.from_language, type="from-language")
    for index, rendition in enumerate(document.renditions):
        if rendition.translator:
            responsibility = _element(statement, "respStmt")
            responsibility.set(XML_ID, f"{id_prefix}translator-{index}")
            _element(responsibility, "resp", "translation of this text", key="rendition")
            _element(responsibility, "persName", rendition.translator)


def _publication(publication: etree._Element, document: Document) -> None:
    _element(publication, "publisher", "Chancery")
    _element(publication, "idno", document.id, type="chancery")
    if document.permalink:
        _element(publication, "idno", document.permalink, type="URI")
    access = document.access
    availability = _element(publication, "availability",
                            status="free" if access.level == "public" else "restricted")
    if document.rights:
        _element(availability, "p", document.rights)
    level = _element(availability, "ab", type="access", subtype=access.level.value)
    if access.until:
        _element(level, "date", access.until, type="until", when=access.until)
    for role in access.roles:
        _element(level, "name", role, type="role")


def _place_in_volume(bibl: etree._Element, place: PlaceInVolume) -> None:
    """The volume, number, chapters, first page and neighbours of a document of an edition."""
    _element(bibl, "idno", place.volume, type="volume")
    _element(bibl, "biblScope", place.number, unit="document")
    if place.page:
        _element(bibl, "biblScope", place.page, unit="page")
    for title, identifier in zip(place.chapters, place.chapter_ids):
        _element(bibl, "title", title, type="chapter", n=identifier)
    for kind in ("previous", "next"):
        if getattr(place, kind):
            _element(bibl, "ptr", type=kind, target=getattr(place, kind))


def _notes(description: etree._Element, document: Document, id_prefix: str) -> None:
    notes = [("provenance", document.provenance, {}), ("credits", document.credits, {})]
    notes += [("section", section.text, {"n": section.heading}) for section in document.sections]
    notes += [("cable", fact.text, {
        "subtype": fact.kind, "n": fact.value,
        "target": f"#{id_prefix}{_block_id(fact.rendition, fact.block)}"
        if fact.block >= 0 else ""})
        for fact in document.cable]
    if not any(text or attributes for _, text, attributes in notes):
        return
    statement = _element(description, "notesStmt")
    for kind, text, attributes in notes:
        if text or attributes:
            _element(statement, "note", text, type=kind, **attributes)


def _source(source: etree._Element, document: Document, id_prefix: str) -> None:
    if document.citation:
        _element(source, "bibl", document.citation, type="citation")
    if document.publications:
        listed = _element(source, "listBibl", type="publications")
        for publication in document.publications:
            entry = _element(listed, "bibl")
            if publication.title:
                _element(entry, "title", publication.title)
            if publication.pages:
                _element(entry, "biblScope", publication.pages)
            _element(entry, "note", publication.relation, type="relation")
            _element(entry, "note", publication.raw, type="as-printed")
    if document.in_volume is not None:
        _place_in_volume(_element(source, "bibl", type="volume"), document.in_volume)
    for reference in document.archival_references:
        identifier = _element(_element(source, "msDesc"), "msIdentifier")
        _element(identifier, "repository", reference.repository_name, key=reference.repository)
        for part in ("fond", "opis", "delo", "folios"):
            if getattr(reference, part):
                _element(identifier, "idno", getattr(reference, part), type=part)
        _element(identifier, "idno", reference.raw, type="as-printed")
    witnesses = [rendition.witness for rendition in document.renditions if rendition.witness]
    if witnesses:
        listed = _element(source, "listWit")
        for witness in witnesses:
            entry = _element(listed, "witness", witness.description, n=witness.siglum)
            entry.set(XML_ID, f"{id_prefix}wit-{witness.siglum}")
            if witness.folios:
                _element(entry, "locus", witness.folios)
    if not len(source):
        _element(source, "p", "Born digital in Chancery.")


def _profile(header: etree._Element, document: Document) -> None:
    profile = _element(header, "profileDesc")
    if document.summary:
        _element(_element(profile, "abstract"), "p", document.summary)
    if document.senders or document.recipients or document.date:
        correspondence = _element(profile, "correspDesc")
        sent = _element(correspondence, "correspAction", type="sent")
        _parties(sent, document.senders)
        if document.date:
            date = _element(sent, "date", document.date.text, type=document.date.precision)
            if document.date.start == document.date.end:
                date.set("when", document.date.start)
            else:
                date.set("notBefore", document.date.start)
                date.set("notAfter", document.date.end)
            if document.date.approximate:
                date.set("cert", "low")
        if document.recipients:
            _parties(_element(correspondence, "correspAction", type="received"),
                     document.recipients)
        if not len(sent):
            correspondence.remove(sent)
    languages = list(dict.fromkeys([*document.original_languages,
                                    *(rendition.language for rendition in document.renditions
                                      if rendition.kind is not RenditionKind.SUMMARY)]))
    if languages:
        usage = _element(profile, "langUsage")
        for code in languages:
            _element(usage, "language", ident=code,
                     n="original" if code in document.original_languages else "")
    keywords = {"type": [document.document_type], "subject": [document.subject],
                "contents": list(document.contents), "collection": list(document.collections)}
    if any(any(terms) for terms in keywords.values()):
        classes = _element(profile, "textClass")
        for n, terms in keywords.items():
            if any(terms):
                group = _element(classes, "keywords", n=n)
                for term in terms:
                    _element(group, "term", term)
    if not len(profile):
        header.remove(profile)


def _parties(action: etree._Element, parties: Sequence[Party]) -> None:
    for party in parties:
        _element(action, "name", party.text, n=party.name if party.name != party.text else "",
                 key=party.identified_as)


def _block(division: etree._Element, block: Block, mentions: Sequence[Mention]
           ) -> etree._Element:
    if block.kind is BlockKind.FOLIO:
        page = _element(division, "pb", n=block.n, xml_lang=block.lang)
        if block.text != block.n:  # the folio as written, when it says more than its number
            _element(division, "fw", block.text, type="folio")
        return page
    if block.kind is BlockKind.NOTE:
        element = _element(division, "note", n=block.n, place="foot")
    elif block.kind is BlockKind.MARGINAL:
        element = _element(division, "note", n=block.n, place="margin")
    elif block.kind is BlockKind.PARAGRAPH:
        element = _element(division, "p", n=block.n)
    else:
        element = _element(division, "ab", type=block.kind.value, n=block.n)
    if block.lang:
        element.set(XML_LANG, block.lang)
    # an empty text node keeps pretty-printing from indenting inside the block, which would
    # add whitespace to its text
    element.text = ""
    if block.kind is BlockKind.UNPARSED:
        element.text = block.text  # kept as text: the reader did not understand it
    else:
        _inline(element, block.text, block.marks, mentions)
    return element


def _inline(parent: etree._Element, text: str, marks: Sequence[Mark],
            mentions: Sequence[Mention]) -> None:
    cuts = {0, len(text)}
    for span in [*marks, *mentions]:
        cuts.update((max(0, min(span.start, len(text))), max(0, min(span.end, len(text)))))
    points = sorted(cuts)
    for start, end in zip(points, points[1:]):
        covering = sorted((mark for mark in marks if mark.start <= start and end <= mark.end),
                          key=lambda mark: MARK_ORDER.index(mark.kind))
        # a name inside a name ("North Korea's" holding "Korea") is kept: outer first
        named = sorted((mention for mention in mentions
                        if mention.start <= start and end <= mention.end),
                       key=lambda mention: (mention.start, -mention.end))
        target = parent
        for mark in covering:
            name, attributes = MARKS[mark.kind]
            target = _element(target, name, **attributes)
            if mark.value:
                target.set(mark_value_attribute(name), mark.value)
        for mention in named:
            kind = mention.entity_id.split("/", 1)[0]
            target = _element(target, NAME_ELEMENTS.get(kind, "name"), ref=mention.entity_id)
        _append_text(parent, target, text[start:end])
    _join_cut_names(parent)


_NAME_TAGS = frozenset(f"{{{TEI}}}{name}" for name in (*NAME_ELEMENTS.values(), "name"))


def _join_cut_names(element: etree._Element) -> None:
    """Joins again the pieces of one name that the cutting above made, where nothing stands
    between them: "North " and "Korea" become one placeName again, holding the inner name."""
    index = 0
    while index < len(element) - 1:
        first, second = element[index], element[index + 1]
        if first.tag in _NAME_TAGS and first.tag == second.tag and not first.tail and \
                dict(first.attrib) == dict(second.attrib):
            _append_text(first, first, second.text or "")
            for child in list(second):
                first.append(child)  # moves the child with its tail
            first.tail = second.tail
            element.remove(second)
        else:
            index += 1
    for child in element:
        _join_cut_names(child)


def _append_text(parent: etree._Element, target: etree._Element, piece: str) -> None:
    """Text goes into the innermost element made for it, or after the parent's last child."""
    if target is not parent:
        target.text = piece
    elif len(parent):
        parent[-1].tail = (parent[-1].tail or "") + piece
    else:
        parent.text = (parent.text or "") + piece
