"""The Chancery TEI profile: which TEI element carries which part of the model.

Shared by the writer (``tei_export``) and the reader of Chancery's own TEI (``tei_chancery``),
so that a file written by one reads back through the other to the same document. A file
is in the profile when its ``publicationStmt`` has an ``idno[@type='chancery']``.

Two limits, both of XML: carriage returns in text come back as line feeds, and whitespace
in attribute values (labels, mark values) is normalised to spaces. Marks of one kind and value
that touch or overlap come back as one mark, as they mean the same.
"""

from __future__ import annotations

from chancery.model import BlockKind, MarkKind

TEI = "http://www.tei-c.org/ns/1.0"
XML = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML}}}lang"
XML_ID = f"{{{XML}}}id"
NS = {"t": TEI}

# mark kind -> (element, attributes that tell it apart); a mark's value goes in @key on
# ``rs`` (what the name refers to) and in @n elsewhere
MARKS: dict[MarkKind, tuple[str, dict[str, str]]] = {
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
    MarkKind.SMALLCAPS: ("hi", {"rend": "smallcaps"}),
    MarkKind.SUBSCRIPT: ("hi", {"rend": "subscript"}),
    MarkKind.LINK: ("ref", {"type": "link"}),
}
MARK_ORDER = list(MarkKind)  # outer to inner when marks cover the same text


def mark_value_attribute(element: str) -> str:
    return "key" if element == "rs" else "n"


def mark_kind(element: str, attributes: dict[str, str]) -> MarkKind | None:
    """The mark an inline element of the profile stands for, None for any other element."""
    for kind, (name, telling) in MARKS.items():
        if name == element and all(attributes.get(key) == value
                                   for key, value in telling.items()):
            return kind
    return None


# links to the authority, written from the archive's mentions; they are derived data, so the
# reader keeps their text and leaves the linking to the linker
NAME_ELEMENTS = {"person": "persName", "place": "placeName", "org": "orgName", "term": "term"}
LINK_ELEMENTS = frozenset({*NAME_ELEMENTS.values(), "name"})

# blocks other than paragraphs, notes and folios are ``ab`` typed by their kind
BLOCK_TYPES = {kind.value: kind for kind in BlockKind}
EMPTY_RENDITION = "empty"  # the ab that keeps a rendition without blocks valid TEI

KEYWORDS = ("type", "subject", "contents", "collection")  # keywords/@n of textClass
