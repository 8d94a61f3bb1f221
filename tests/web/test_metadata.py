"""What a document page tells reference managers in its <head>, read the way Zotero's
Embedded Metadata translator reads it."""

from __future__ import annotations

from lxml import html

# Zotero's item types that a DC.type value can name outright (ZU.itemTypeExists); the rest of
# Zotero's types play no part here
ZOTERO_ITEM_TYPES = {"manuscript", "letter", "journalArticle", "book", "report", "webpage",
                     "document", "thesis", "map", "interview", "bookSection"}
# citation_* tags from which the translator takes the item type before anything else
HIGHWIRE_TYPES = {"citation_journal_title": "journalArticle",
                  "citation_technical_report_institution": "report",
                  "citation_conference_title": "conferencePaper",
                  "citation_conference": "conferencePaper",
                  "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
                  "citation_dissertation_institution": "thesis"}
OPEN_GRAPH_TYPES = {"website": "webpage", "book": "book", "video.movie": "videoRecording",
                    "video.other": "videoRecording", "music.song": "audioRecording"}


def zotero_item_type(page: bytes) -> str:
    """The item type Zotero would save a page as, by the order of zotero/translators'
    "Embedded Metadata.js" (init: a HighWire type wins; else the RDF translator's
    detectType: z:itemType, bib/bibo type, og:type, the first DC.type naming a Zotero type,
    and only then the guess citation_title makes, a journal article)."""
    head = html.fromstring(page).find("head")
    metas = [(meta.get("name") or meta.get("property") or "", meta.get("content") or "")
             for meta in head.iter("meta")]
    for name, _ in metas:
        if name in HIGHWIRE_TYPES:
            return HIGHWIRE_TYPES[name]
    found = {}
    for name, value in metas:
        prefix, _, prop = name.replace(":", ".").partition(".")
        key = (prefix.lower(), prop[:1].lower() + prop[1:])
        if value and key not in found:
            found[key] = value
    if found.get(("z", "itemType")) in ZOTERO_ITEM_TYPES:
        return found[("z", "itemType")]
    if found.get(("og", "type")) in OPEN_GRAPH_TYPES:
        return OPEN_GRAPH_TYPES[found[("og", "type")]]
    first_type = found.get(("dc", "type")) or found.get(("dcterms", "type"))
    if first_type in ZOTERO_ITEM_TYPES:
        return first_type
    if any(name == "citation_title" for name, _ in metas):
        return "journalArticle"
    return "webpage"


def test_zotero_saves_a_document_as_a_manuscript(client):
    for document_id in ("wilson:121768", "wilson:113702"):
        page = client.get(f"/documents/{document_id}").content
        assert zotero_item_type(page) == "manuscript"
        types = [meta.get("content") for meta in html.fromstring(page).iter("meta")
                 if meta.get("name") == "DC.type"]
        assert types[:2] == ["manuscript", "Text"]


def test_the_model_of_the_translator_reads_the_old_head_as_a_journal_article():
    # the head as it was before: DC.type "Text" first, og:type article, citation_title
    old = (b'<html><head><meta name="citation_title" content="Cable">'
           b'<meta name="DC.type" content="Text"><meta name="DC.type" content="cable">'
           b'<meta property="og:type" content="article"></head><body></body></html>')
    assert zotero_item_type(old) == "journalArticle"
