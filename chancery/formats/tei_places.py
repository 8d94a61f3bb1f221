"""The places a TEI volume's editors tagged (``placeName``: "Saigon", "Los Angeles,
California"), as written, each once, in the order first met: what the shipped authority's
build looks up in GeoNames. Read as a stream, so a whole volume is never held as a tree."""

from __future__ import annotations

import io

from lxml import etree

from chancery.errors import InputError

_PLACE_NAME = "{http://www.tei-c.org/ns/1.0}placeName"


def place_names(data: bytes, name: str) -> list[str]:
    """Every distinct text of the file's ``placeName`` elements, spaces squashed."""
    found: dict[str, None] = {}
    try:
        for _event, element in etree.iterparse(io.BytesIO(data), tag=_PLACE_NAME,
                                               resolve_entities=False, no_network=True,
                                               huge_tree=True):
            text = " ".join("".join(element.itertext()).split())
            if text:
                found.setdefault(text, None)
            element.clear(keep_tail=True)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not well-formed XML: {error.msg}", source=name,
                         line=error.lineno) from None
    return list(found)
