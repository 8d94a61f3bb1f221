"""TEI in, for files Chancery wrote: the Chancery TEI profile read back to the same document.

A document exported as TEI (``tei_export``), edited in a TEI editor or not, comes back whole:
every field of the model has its place in the profile (``tei_profile``), and the reader takes
each from there. Text is read as it stands, whitespace included, since the writer puts it
there verbatim. Marks cut into pieces where they overlap are joined again. Names linked to the
authority (``persName ref=...``) keep their text; the links themselves are derived, and the
linker makes them again on ingest.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from chancery.errors import InputError
from chancery.formats import ids
from chancery.formats.tei_profile import (
    BLOCK_TYPES,
    EMPTY_RENDITION,
    MARK_ORDER,
    NS,
    TEI,
    XML_ID,
    XML_LANG,
    mark_kind,
    mark_value_attribute,
)
from chancery.model import (
    Access,
    AccessLevel,
    ArchivalReference,
    Block,
    BlockKind,
    CableFact,
    Document,
    HistoricalDate,
    Mark,
    Party,
    PlaceInVolume,
    Publication,
    Rendition,
    RenditionKind,
    Section,
    SourceFile,
    TranslationCredit,
    Witness,
)
from chancery.text import dates
from chancery.text.references import folio_ranges


def is_chancery_tei(root: etree._Element) -> bool:
    return root.find("t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='chancery']",
                     NS) is not None


def read(root: etree._Element, source: SourceFile) -> Document:
    """The document of a TEI file in the Chancery profile."""
    header = root.find("t:teiHeader", NS)
    description = header.find("t:fileDesc", NS)
    publication = description.find("t:publicationStmt", NS)
    identifier = _text(publication.find("t:idno[@type='chancery']", NS)).strip()
    if not identifier:
        raise InputError("the idno of type 'chancery' is empty", source=source.name,
                         line=publication.sourceline)
    sent = header.find("t:profileDesc/t:correspDesc/t:correspAction[@type='sent']", NS)
    received = header.find("t:profileDesc/t:correspDesc/t:correspAction[@type='received']",
                           NS)
    keywords = {group.get("n"): [_text(term) for term in group.findall("t:term", NS)]
                for group in header.findall("t:profileDesc/t:textClass/t:keywords", NS)}
    witnesses = {f"#{entry.get(XML_ID)}": _witness(entry)
                 for entry in description.findall("t:sourceDesc/t:listWit/t:witness", NS)}
    translators = {f"#{statement.get(XML_ID)}": _text(statement.find("t:persName", NS))
                   for statement in description.findall("t:titleStmt/t:respStmt", NS)
                   if statement.get(XML_ID)}
    renditions, block_ids = _renditions(root, witnesses, translators, source)
    notes = description.findall("t:notesStmt/t:note", NS)
    return Document(
        id=ids.checked(identifier, source.name, publication.sourceline),
        title=_text(description.find("t:titleStmt/t:title", NS)),
        date=_date(sent.find("t:date", NS), source) if sent is not None else None,
        document_type=_first(keywords.get("type")),
        senders=_parties(sent),
        recipients=_parties(received),
        subject=_first(keywords.get("subject")),
        summary=_text(header.find("t:profileDesc/t:abstract/t:p", NS)),
        original_languages=tuple(language.get("ident") for language in header.findall(
            "t:profileDesc/t:langUsage/t:language[@n='original']", NS)),
        citation=_text(description.find("t:sourceDesc/t:bibl[@type='citation']", NS)),
        permalink=_text(publication.find("t:idno[@type='URI']", NS)),
        archival_references=tuple(_reference(identifier) for identifier in description.findall(
            "t:sourceDesc/t:msDesc/t:msIdentifier", NS)),
        publications=tuple(_publication(entry) for entry in description.findall(
            "t:sourceDesc/t:listBibl[@type='publications']/t:bibl", NS)),
        translators=tuple(_translator(statement) for statement in description.xpath(
            "t:titleStmt/t:respStmt[t:resp/@key='translation']", namespaces=NS)),
        provenance=_first([_text(note) for note in notes if note.get("type") == "provenance"]),
        credits=_first([_text(note) for note in notes if note.get("type") == "credits"]),
        rights=_text(publication.find("t:availability/t:p", NS)),
        contents=tuple(keywords.get("contents", ())),
        collections=tuple(keywords.get("collection", ())),
        access=_access(publication.find("t:availability/t:ab[@type='access']", NS), source),
        renditions=renditions,
        cable=tuple(_cable_fact(note, block_ids) for note in notes
                    if note.get("type") == "cable"),
        sections=tuple(Section(note.get("n", ""), _text(note)) for note in notes
                       if note.get("type") == "section"),
        source=source,
        in_volume=_in_volume(description.find("t:sourceDesc/t:bibl[@type='volume']", NS)),
    )


def _in_volume(bibl: etree._Element | None) -> PlaceInVolume | None:
    if bibl is None:
        return None
    chapters = bibl.findall("t:title[@type='chapter']", NS)
    pointers = {pointer.get("type"): pointer.get("target", "")
                for pointer in bibl.findall("t:ptr", NS)}
    return PlaceInVolume(
        _text(bibl.find("t:idno[@type='volume']", NS)),
        _text(bibl.find("t:biblScope[@unit='document']", NS)),
        tuple(_text(chapter) for chapter in chapters),
        tuple(chapter.get("n", "") for chapter in chapters),
        pointers.get("previous", ""), pointers.get("next", ""),
        _text(bibl.find("t:biblScope[@unit='page']", NS)))


def _text(element: etree._Element | None) -> str:
    return "" if element is None else element.xpath("string()")


def _first(values: list[str] | None) -> str:
    return values[0] if values else ""


def _date(element: etree._Element | None, source: SourceFile) -> HistoricalDate | None:
    """The date of a ``date`` element; a year or month alone ("1948-04") covers all its days."""
    if element is None:
        return None
    low = element.get("when") or element.get("notBefore") or ""
    high = element.get("when") or element.get("notAfter") or low
    try:
        found = dates.from_iso(_text(element), low, high, element.get("cert") == "low",
                               element.get("type") or "")
    except ValueError as error:
        raise InputError(f"a date that cannot be read: {error}", source=source.name,
                         line=element.sourceline) from None
    return replace(found, text=_text(element))


def _parties(action: etree._Element | None) -> tuple[Party, ...]:
    if action is None:
        return ()
    return tuple(Party(_text(name), name.get("n") or _text(name), name.get("key", ""))
                 for name in action.findall("t:name", NS))


def _reference(identifier: etree._Element) -> ArchivalReference:
    repository = identifier.find("t:repository", NS)
    parts = {part: _text(identifier.find(f"t:idno[@type='{part}']", NS))
             for part in ("fond", "opis", "delo", "folios")}
    return ArchivalReference(
        raw=_text(identifier.find("t:idno[@type='as-printed']", NS)),
        repository=repository.get("key", "") if repository is not None else "",
        repository_name=_text(repository), folio_ranges=folio_ranges(parts["folios"]),
        **parts)


def _publication(entry: etree._Element) -> Publication:
    return Publication(raw=_text(entry.find("t:note[@type='as-printed']", NS)),
                       relation=_text(entry.find("t:note[@type='relation']", NS)),
                       title=_text(entry.find("t:title", NS)),
                       pages=_text(entry.find("t:biblScope", NS)))


def _translator(statement: etree._Element) -> TranslationCredit:
    return TranslationCredit(
        _text(statement.find("t:persName", NS)),
        _text(statement.find("t:orgName[@role='commissioner']", NS)),
        _text(statement.find("t:note[@type='from-language']", NS)))


def _witness(entry: etree._Element) -> Witness:
    return Witness(entry.get("n", ""), entry.text or "", _text(entry.find("t:locus", NS)))


def _access(element: etree._Element | None, source: SourceFile) -> Access:
    if element is None:
        return Access()
    level = element.get("subtype", AccessLevel.PUBLIC.value)
    if level not in AccessLevel.__members__.values():
        raise InputError(f"unknown access level {level!r}", source=source.name,
                         line=element.sourceline)
    until = element.find("t:date[@type='until']", NS)
    return Access(AccessLevel(level), until.get("when", "") if until is not None else "",
                  tuple(_text(role) for role in element.findall("t:name[@type='role']", NS)))


def _cable_fact(note: etree._Element, block_ids: dict[str, tuple[int, int]]) -> CableFact:
    rendition, block = block_ids.get(note.get("target", ""), (-1, -1))
    return CableFact(note.get("subtype", ""), _text(note), note.get("n", ""), rendition, block)


def _renditions(root: etree._Element, witnesses: dict[str, Witness],
                translators: dict[str, str], source: SourceFile
                ) -> tuple[tuple[Rendition, ...], dict[str, tuple[int, int]]]:
    renditions = []
    block_ids: dict[str, tuple[int, int]] = {}
    for r_index, division in enumerate(root.findall("t:text/t:body/t:div", NS)):
        blocks: list[Block] = []
        for element in division:
            if not isinstance(element.tag, str):
                continue
            if element.get(XML_ID):
                block_ids[f"#{element.get(XML_ID)}"] = (r_index, len(blocks))
            block = _block(element, blocks, source)
            if block is not None:
                blocks.append(block)
        kind = division.get("type", RenditionKind.TRANSCRIPTION.value)
        if kind not in RenditionKind.__members__.values():
            raise InputError(f"unknown rendition type {kind!r}", source=source.name,
                             line=division.sourceline)
        renditions.append(Rendition(
            RenditionKind(kind), division.get(XML_LANG, ""), tuple(blocks),
            label=division.get("n", ""),
            translator=translators.get(division.get("resp", ""), ""),
            witness=witnesses.get(division.get("corresp", ""))))
    return tuple(renditions), block_ids


def _block(element: etree._Element, blocks: list[Block], source: SourceFile) -> Block | None:
    name = etree.QName(element).localname if element.tag.startswith(f"{{{TEI}}}") else ""
    n, lang = element.get("n", ""), element.get(XML_LANG, "")
    if name == "pb":
        return Block(BlockKind.FOLIO, n, n=n, lang=lang)
    if name == "fw" and blocks and blocks[-1].kind is BlockKind.FOLIO:
        blocks[-1] = replace(blocks[-1], text=_text(element))  # the folio as written
        return None
    if name == "note":
        kind = BlockKind.MARGINAL if element.get("place") == "margin" else BlockKind.NOTE
    elif name == "p":
        kind = BlockKind.PARAGRAPH
    elif name == "ab" and element.get("type") == EMPTY_RENDITION:
        return None
    elif name == "ab" and element.get("type") in BLOCK_TYPES:
        kind = BLOCK_TYPES[element.get("type")]
    else:  # an element an editor added that the profile has no place for: kept whole
        return Block(BlockKind.UNPARSED, etree.tostring(element, encoding="unicode",
                                                        with_tail=False).strip())
    if kind is BlockKind.UNPARSED:
        return Block(kind, _text(element), n=n, lang=lang)
    text: list[str] = []
    marks: list[Mark] = []
    _inline_content(element, text, marks)
    return Block(kind, "".join(text), _joined(marks), n=n, lang=lang)


def _inline_content(element: etree._Element, text: list[str], marks: list[Mark]) -> None:
    text.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str):
            _inline(child, text, marks)
        text.append(child.tail or "")


def _inline(element: etree._Element, text: list[str], marks: list[Mark]) -> None:
    name = etree.QName(element).localname
    if name == "lb":
        text.append("\n")
        return
    start = sum(map(len, text))
    _inline_content(element, text, marks)
    end = sum(map(len, text))
    kind = mark_kind(name, dict(element.attrib))  # links and unknown elements: text only
    if kind is not None and end > start:
        marks.append(Mark(kind, start, end, element.get(mark_value_attribute(name), "")))


def _joined(marks: list[Mark]) -> tuple[Mark, ...]:
    """Marks the writer cut at overlaps, joined again: touching pieces of one kind and value."""
    order = {kind: index for index, kind in enumerate(MARK_ORDER)}
    joined: list[Mark] = []
    for mark in sorted(marks, key=lambda mark: (order[mark.kind], mark.value, mark.start)):
        last = joined[-1] if joined else None
        if last and (last.kind, last.value) == (mark.kind, mark.value) and \
                last.end == mark.start:
            joined[-1] = Mark(last.kind, last.start, mark.end, last.value)
        else:
            joined.append(mark)
    return tuple(joined)
