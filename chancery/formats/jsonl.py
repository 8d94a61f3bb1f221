"""JSON Lines: one document per line, the whole model, lossless.

The same JSON is what ``chancery show --format json`` prints and what the store keeps, so a
document read back from an export is the document that was written (``docs/json.md``).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator

from pydantic import TypeAdapter, ValidationError

from chancery.errors import InputError
from chancery.formats import ids
from chancery.formats.source import DEFAULT_MAX_BYTES
from chancery.model import Document

FORMAT = "jsonl"
VERSION = 1
SUFFIXES = (".jsonl", ".ndjson")
_ADAPTER = TypeAdapter(Document)


def sniff(name: str, head: str) -> bool:
    """Whether a file looks like a Chancery JSON Lines export."""
    return head.lstrip("\ufeff").lstrip().startswith('{"id":')


def dumps(document: Document) -> bytes:
    """The document as one line of JSON (no newline), keys in model order."""
    return _ADAPTER.dump_json(document)


def loads(line: bytes | str, name: str = "", line_number: int | None = None) -> Document:
    """A document from one line of JSON; InputError naming file, line and field if invalid."""
    try:
        return _ADAPTER.validate_json(line)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "document"
        raise InputError(f"field '{field}': {first['msg']}", source=name,
                         line=line_number) from None


def to_dict(document: Document) -> dict:
    """The document as plain JSON-ready Python data."""
    return _ADAPTER.dump_python(document, mode="json")


def write(documents: Iterable[Document]) -> Iterator[bytes]:
    """Lines of a JSON Lines export, each ending in a newline."""
    for document in documents:
        yield dumps(document) + b"\n"


def read(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES
         ) -> Iterator[Document | InputError]:
    """Every document of a JSON Lines file, and an InputError (naming file and line) for
    each line that is not one: a bad line costs that line, not the file's good ones.

    The size limit applies to each line (one document), not to the whole export. A UTF-8
    byte order mark before the first line is allowed. Lines are cut one at a time, so the
    file is not held twice.
    """
    for number, line in _lines(data):
        if len(line) > max_bytes:
            yield InputError(f"line is {len(line):,} bytes, over the limit of {max_bytes:,}",
                             source=name, line=number)
        elif line.strip():
            try:
                document = loads(line, name, number)
                ids.checked(document.id, name, number)
            except InputError as error:
                yield error
            else:
                yield document


def _lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    number = 1
    while start <= len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        yield number, data[start:end]
        start, number = end + 1, number + 1
