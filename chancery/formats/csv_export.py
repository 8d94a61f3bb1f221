"""CSV out: one row per document, the metadata a spreadsheet or a catalogue wants.

Several values in one cell (senders, languages, references) are joined with " | ", a
separator that archival references and names do not use. Document text is untrusted and a
spreadsheet runs a cell that starts with "=", "+", "-" or "@" as a formula: such cells get a
leading apostrophe, which spreadsheets show as nothing (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from chancery.model import Document

COLUMNS = ("id", "date", "date_text", "title", "type", "senders", "recipients",
           "original_languages", "rendition_languages", "repositories", "archival_references",
           "classification", "collections", "translators", "permalink", "summary")
_JOIN = " | "


def row(document: Document) -> dict[str, str]:
    """The document's cells, by column."""
    cells = _cells(document)
    return {column: "'" + value if value.startswith(_FORMULA) else value
            for column, value in cells.items()}


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cells(document: Document) -> dict[str, str]:
    def joined(values: Iterable[str]) -> str:
        return _JOIN.join(dict.fromkeys(value for value in values if value))

    return {
        "id": document.id,
        "date": document.date.iso if document.date else "",
        "date_text": document.date.text if document.date else "",
        "title": document.title,
        "type": document.document_type,
        "senders": joined(party.text for party in document.senders),
        "recipients": joined(party.text for party in document.recipients),
        "original_languages": joined(document.original_languages),
        "rendition_languages": joined(rendition.language
                                      for rendition in document.renditions),
        "repositories": joined(reference.repository
                               for reference in document.archival_references),
        "archival_references": joined(reference.raw
                                      for reference in document.archival_references),
        "classification": joined(fact.value for fact in document.cable
                                 if fact.kind == "classification"),
        "collections": joined(document.collections),
        "translators": joined(credit.translator for credit in document.translators),
        "permalink": document.permalink,
        "summary": document.summary,
    }


def write(documents: Iterable[Document]) -> Iterator[str]:
    """The CSV text, a header then a row per document, in pieces to stream."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for document in documents:
        writer.writerow(row(document))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
