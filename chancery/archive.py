"""The one door to an archive: ingest, get, list, export, check.

The CLI, the web app and the tests all go through :class:`Archive`, never around it to the
store. Parsing is pure and runs in worker processes when there is much of it; every write
goes through this process's store, one document per transaction.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from chancery import formats
from chancery.config import Settings
from chancery.errors import ChanceryError, InputError
from chancery.model import Document
from chancery.store.store import EncodedDocument, Listing, Outcome, Store, encode

_PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves


@dataclass
class IngestReport:
    """What an ingest did: counts by outcome, and each failure with its message."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


class Archive:
    """An archive on disk: a folder holding the store (and, later, the search index)."""

    def __init__(self, folder: Path, store: Store, settings: Settings) -> None:
        self.folder = folder
        self.store = store
        self.settings = settings

    @classmethod
    def open(cls, folder: str | Path, create: bool = False,
             settings: Settings | None = None) -> Archive:
        """Open the archive in ``folder``; with ``create``, make it if it does not exist."""
        path = Path(folder)
        return cls(path, Store.open(path, create=create), settings or Settings())

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[int], None] | None = None) -> IngestReport:
        """Read files and folders (recursively) into the archive; bad files are reported."""
        files = list(source_files(paths))
        report = IngestReport()
        for name, parsed in self._parse_all(files):
            if isinstance(parsed, str):
                report.failures.append((name, parsed))
            else:
                for encoded in parsed:
                    report.count(self.store.put(encoded))
            if progress:
                progress(1)
        return report

    def add(self, document: Document, actor: str = "ingest") -> Outcome:
        """Store one document already in the model (from a reader or an editor)."""
        return self.store.put(document, actor)

    def _parse_all(self, files: list[Path]) -> Iterator[tuple[str, list[EncodedDocument] | str]]:
        limit = self.settings.max_bytes
        jobs = self.settings.jobs or os.cpu_count() or 1
        if len(files) < _PARALLEL_FROM or jobs <= 1:
            yield from ((str(path), parse_file(path, limit)) for path in files)
            return
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = pool.map(parse_file, files, [limit] * len(files), chunksize=32)
            yield from zip((str(path) for path in files), results)

    # --- reading -------------------------------------------------------------------------

    def get(self, document_id: str) -> Document:
        """The document with this id; NotFoundError if the archive has none."""
        return self.store.get(document_id)

    def listing(self) -> Iterator[Listing]:
        return self.store.listing()

    def documents(self) -> Iterator[Document]:
        return self.store.documents()

    def count(self) -> int:
        return self.store.count()

    def revisions(self, document_id: str) -> list[Document]:
        """Every revision of a document, oldest first."""
        last = self.store.revision_count(document_id)
        return [self.store.get(document_id, number) for number in range(1, last + 1)]

    def check(self) -> list[str]:
        """Integrity problems of the archive; an empty list when all is well."""
        return self.store.check()


def source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and files of known formats in folders named (recursively, sorted)."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden and found.name.lower().endswith(
                        formats.SUFFIXES):
                    yield found
        else:
            yield path


def parse_file(path: Path, max_bytes: int) -> list[EncodedDocument] | str:
    """Read and parse one file into store-ready documents, or say why it cannot be."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the limit of {max_bytes:,}",
                             source=name, hint="raise the limit with --max-bytes if genuine")
        data = path.read_bytes()
        reader = formats.reader_for(path.name, data[:4096].decode("utf-8", "replace"))
        if reader is None:
            raise InputError("unknown format; expected a Wilson Center Markdown record (.md) "
                             "or a Chancery JSON Lines export (.jsonl)", source=name)
        return [encode(document) for document in reader.read(data, name, max_bytes)]
    except ChanceryError as error:
        return str(error)
    except OSError as error:
        return f"{name}: cannot read the file: {error.strerror}"
