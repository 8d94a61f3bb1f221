"""Simple Dublin Core (``oai_dc``) of a document, for OAI-PMH harvesters."""

from __future__ import annotations

from lxml import etree

from chancery.model import Document

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"


def element(document: Document, page_url: str) -> etree._Element:
    """An ``oai_dc:dc`` element: title, creators (senders), contributors (recipients and
    translators), date, type, languages, identifiers, sources (archival references),
    description (summary), relations (collections), rights."""
    root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_DC} {SCHEMA}")

    def add(name: str, text: str) -> None:
        if text:
            etree.SubElement(root, f"{{{DC}}}{name}").text = text

    add("title", document.title)
    for party in document.senders:
        add("creator", party.text)
    for party in document.recipients:
        add("contributor", party.text)
    for credit in document.translators:
        add("contributor", credit.translator)
    if document.date:
        add("date", document.date.iso)
    add("type", "Text")
    add("type", document.document_type)
    for code in dict.fromkeys([*document.original_languages,
                               *(rendition.language for rendition in document.renditions)]):
        add("language", code)
    add("identifier", page_url)
    add("identifier", document.permalink)
    for reference in document.archival_references:
        add("source", reference.raw)
    add("description", document.summary)
    for collection in document.collections:
        add("relation", collection)
    add("rights", document.rights)
    return root
