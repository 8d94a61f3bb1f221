"""A document as plain text for a reader at a terminal: the reading text of each rendition."""

from __future__ import annotations

from chancery.model import BlockKind, Document, Rendition, RenditionKind
from chancery.text.languages import name_for
from chancery.text.markup import reading_text


def write(document: Document) -> str:
    """Title, date, citation and summary, then the reading text of every rendition."""
    lines = [document.title, "=" * min(len(document.title), 78)]
    facts = [("Date", document.date.text if document.date else ""),
             ("Type", document.document_type),
             ("From", "; ".join(party.text for party in document.senders)),
             ("To", "; ".join(party.text for party in document.recipients)),
             ("Original language", ", ".join(name_for(c) for c in document.original_languages)),
             ("Archive", "; ".join(ref.raw for ref in document.archival_references)),
             ("Id", document.id), ("Permalink", document.permalink)]
    lines += [f"{label}: {value}" for label, value in facts if value]
    for label, value in (("Citation", document.citation), ("Summary", document.summary)):
        if value:
            lines += ["", f"{label}:", value]
    for rendition in document.renditions:
        lines += ["", _heading(rendition), ""]
        for block in rendition.blocks:
            if block.kind is BlockKind.FOLIO:
                lines += [f"[l. {block.n}]", ""]
            else:
                lines += [reading_text(block), ""]
    return "\n".join(lines).rstrip() + "\n"


def _heading(rendition: Rendition) -> str:
    kind = "Translation" if rendition.kind is RenditionKind.TRANSLATION else \
        rendition.kind.value.title()
    text = f"--- {kind} ({name_for(rendition.language)})"
    if rendition.translator:
        text += f", translated by {rendition.translator}"
    if rendition.witness:
        witness = rendition.witness
        text += f", witness {witness.siglum}: {witness.description}"
        text += f", {witness.folios}" if witness.folios else ""
    return text + " ---"
