"""Readers and writers of the archive's formats, registered in one place.

A reader is pure: bytes and a name in, documents out. Adding a format means adding a module
with ``FORMAT``, ``SUFFIXES``, ``sniff`` and ``read``/``write`` and one line below. A reader
of many documents yields an InputError for one it cannot read (a JSON Lines line) and goes on;
raising means the file as a whole cannot be read. Every document's id is checked by
``chancery.formats.ids``, one pattern for every reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from chancery.formats import jsonl, tei, wilson_markdown
from chancery.errors import InputError
from chancery.model import Document


@dataclass(frozen=True, slots=True)
class Reader:
    format: str
    version: int  # raised whenever the reader's output for the same bytes changes
    suffixes: tuple[str, ...]
    sniff: Callable[[str, str], bool]
    read: Callable[[bytes, str, int], Iterable[Document | InputError]]
    one_document_a_file: bool

    @property
    def tag(self) -> str:
        """What the store records of the reader that made a revision: "wilson-markdown/1"."""
        return f"{self.format}/{self.version}"


READERS: tuple[Reader, ...] = (
    Reader(wilson_markdown.FORMAT, wilson_markdown.VERSION, wilson_markdown.SUFFIXES,
           wilson_markdown.sniff,
           lambda data, name, limit: (wilson_markdown.read(data, name, limit),), True),
    Reader(jsonl.FORMAT, jsonl.VERSION, jsonl.SUFFIXES, jsonl.sniff, jsonl.read, False),
    Reader(tei.FORMAT, tei.VERSION, tei.SUFFIXES, tei.sniff, tei.read, False),
)
SUFFIXES = tuple(suffix for reader in READERS for suffix in reader.suffixes)


def reader_by_name(name: str) -> Reader | None:
    """The reader a file's suffix names, if any."""
    lowered = name.lower()
    for reader in READERS:
        if lowered.endswith(reader.suffixes):
            return reader
    return None


def reader_for(name: str, head: str) -> Reader | None:
    """The reader for a file: by its suffix, else by its first characters.

    A file whose suffix names a format goes to that reader even when broken, so that the
    reader can say what is wrong with it rather than "unknown format".
    """
    by_name = reader_by_name(name)
    if by_name is not None:
        return by_name
    for reader in READERS:
        if reader.sniff(name, head):
            return reader
    return None
