"""JSON Lines: one document per line, the whole model, lossless.

The same JSON is what ``chancery show --format json`` prints and what the store keeps, so a
document read back from an export is the document that was written (``docs/json.md``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import TypeAdapter, ValidationError

from chancery.errors import InputError
from chancery.formats.source import DEFAULT_MAX_BYTES
from chancery.model import Document

FORMAT = "jsonl"
VERSION = 1
SUFFIXES = (".jsonl", ".ndjson")
_ADAPTER = TypeAdapter(Document)


def sniff(name: str, head: str) -> bool:
    """Whether a file looks like a Chancery JSON Lines export."""
    return head.lstrip().startswith('{"id":')


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


def read(data: bytes, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Every document of a JSON Lines file; a bad line raises InputError with its number.

    The size limit applies to each line (one document), not to the whole export.
    """
    for number, line in enumerate(data.split(b"\n"), start=1):
        if len(line) > max_bytes:
            raise InputError(f"line is {len(line):,} bytes, over the limit of {max_bytes:,}",
                             source=name, line=number)
        if line.strip():
            yield loads(line, name, number)
