"""Ingest: files read, parsed and linked, written to the store a batch at a time and indexed
as each batch is written.

Parsing and linking are pure and run in worker processes when there is much of them; every
write goes through this process's store: one document, its change-log row and its links in
one transaction. :class:`chancery.archive.Archive` composes an :class:`Ingestion` for each
ingest; nothing else writes documents read from files.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from chancery import formats, ingest_isolated, memory, volume_lists
from chancery.config import Settings
from chancery.errors import ChanceryError, InputError, StoreError
from chancery.formats import tei
from chancery.images.service import (Facsimiles, ImagesBeside, document_pages,
                                     volume_page_images)
from chancery.model import Document, Entity, IngestReport, SourceFile, Volume
from chancery.search.forked import let_go_of_index_locks
from chancery.search.index import WAIT_FOR_INDEX, SearchIndex
from chancery.store import authority, readings, volumes
from chancery.store.store import EncodedDocument, Outcome, Store, encode
from chancery.text.entities import Gazetteer, Recognizer, link
from chancery.text.ner import recognizer_for

_PARALLEL_FROM = 64  # files: below this, starting worker processes costs more than it saves
# documents written in one transaction: a statement per table for all of them, not per
# document; a kill loses at most the batch being written, never part of a document
_BATCH = 64
# bytes of files a worker reads before it hands their documents back: 32 records a time, but
# a whole volume (a few MB, hundreds of documents) at a time, so none waits in memory
_CHUNK_BYTES = 1 << 20


class Ingestion:
    """One ingest into an archive's store and index. The archive hands over its authority
    (``gazetteer``, and ``authority_changed`` to call when a volume's lists changed it), its
    index and its facsimiles, each asked for only when needed."""

    def __init__(self, store: Store, settings: Settings, gazetteer: Callable[[], Gazetteer],
                 authority_changed: Callable[[], None], index: Callable[[], SearchIndex],
                 facsimiles: Callable[[], Facsimiles]) -> None:
        self.store = store
        self.settings = settings
        self._gazetteer = gazetteer
        self._authority_changed = authority_changed
        self._index = index
        self._facsimiles = facsimiles

    def run(self, paths: Iterable[str | Path],
            progress: Callable[[int], None] | None = None,
            written: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Read files and folders (recursively) into the archive; bad files are reported.

        ``progress(1)`` follows each file read; ``written(report)`` each batch of documents
        committed to the store, with the counts so far.
        """
        report = IngestReport()
        files = self._changed(source_files(paths, report.skipped), report, progress)
        self._load_volume_lists(files)
        batch: list[Prepared] = []
        records: dict[str, str] = {}  # one-document files, for the page images beside them
        scanned: list[tuple[str, list[Path], list[str]]] = []  # volumes' pages (pb/@facs)
        # each batch indexed as it is committed, while the workers parse the next files
        with self._index().keeping_up(self.store) as index_new:
            for name, parsed in self._parse_all(files):
                if isinstance(parsed, str):
                    report.failures.append((name, parsed))
                else:
                    if len(parsed) == 1 and parsed.volume is None:
                        records[name] = parsed[0].document.id
                    report.failures += [(name, failure) for failure in parsed.failures]
                    report.warnings += [(name, warning) for warning in parsed.warnings]
                    batch += parsed
                    parsed.clear()  # the batch holds them now
                    if parsed.volume is not None:  # on record once all its documents are
                        scanned += _pages_of_volume(Path(name), parsed.volume[0].id, batch)
                        self._put_batch(batch, report, written, index_new)
                        batch = []
                        volumes.put(self.store, *parsed.volume)
                    elif len(batch) >= _BATCH:
                        self._put_batch(batch, report, written, index_new)
                        batch = []
                if progress:
                    progress(1)
            self._put_batch(batch, report, written, index_new)
        self._attach_beside(records, report)
        self._attach_volume_pages(scanned, report)
        memory.give_back()  # what the steps freed, before tantivy allocates outside Python
        self._index().catch_up(self.store, wait=WAIT_FOR_INDEX)
        return report

    def _put_batch(self, batch: list[Prepared], report: IngestReport,
                   written: Callable[[IngestReport], None] | None = None,
                   index_new: Callable[[], None] | None = None) -> None:
        """Write a batch in one transaction, then empty it and index what it changed."""
        memory.give_back()  # what parsing freed, before the store's write binds its copies
        try:
            for outcome in self._put(batch):
                report.count(outcome)
        except StoreError as error:  # a full disk: every later write would fail too
            raise StoreError(f"{error.message}; {report.added} documents were added "
                             f"and {report.updated} updated before it",
                             source=error.source, hint=error.hint) from None
        if not batch:
            return
        del batch[:]  # the index reads what it needs back: a big document is not held twice
        if index_new:
            index_new()
        if written:
            written(report)

    def _changed(self, files: Iterable[Path], report: IngestReport,
                 progress: Callable[[int], None] | None) -> list[Path]:
        """Files that need reading: a one-document file whose bytes, read by the same reader
        version, made a document's current revision, and a volume whose whole file, read by
        the same reader version, is on record, are unchanged without being parsed."""
        known = self.store.current_sources()
        known_volumes = volumes.known_files(self.store)
        changed = []
        for path in files:
            reader = formats.reader_by_name(path.name)
            same = self._unchanged(path, reader, known, known_volumes)
            if same:
                report.unchanged += same
                if progress:
                    progress(1)
                continue
            changed.append(path)
        return changed

    def _unchanged(self, path: Path, reader: formats.Reader | None, known: dict[str, str],
                   known_volumes: dict[str, tuple[str, int]]) -> int:
        """How many documents a file gave when last read, if it has not changed since; 0 if
        it must be read."""
        if reader is None or not (known if reader.one_document_a_file else known_volumes):
            return 0
        try:
            if path.stat().st_size > self.settings.max_bytes:
                return 0
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return 0  # parse_file reports why the file cannot be read
        if reader.one_document_a_file:
            return int(known.get(digest) == reader.tag)
        tag, count = known_volumes.get(digest, ("", 0))
        return count if tag == reader.tag else 0

    def _load_volume_lists(self, files: list[Path]) -> None:
        """Load the lists of persons and of terms of TEI volumes (FRUS) into the authority
        before their documents are linked: a person the authority knows (from another volume
        too) gets the volume's names and id (chancery/volume_lists.py), the others become
        entities of their own, and so does every term."""
        listed: list[Entity] = []
        merged: dict[str, Entity] = {}
        for path in files:
            reader = formats.reader_by_name(path.name)
            if reader is None or reader.format != tei.FORMAT:
                continue
            try:
                people, terms = tei.listed_entities(path.read_bytes(), str(path),
                                                    self.settings.max_bytes)
            except (OSError, ChanceryError):
                continue  # parsing the file reports what is wrong with it
            listed += people
            merged.update((term.id, term) for term in terms)
        if not listed and not merged:
            return
        people, _report = volume_lists.merge(listed, self._gazetteer().entities.values())
        merged.update((person.id, person) for person in people)
        authority.load(self.store, merged.values(), actor="ingest")
        self._authority_changed()

    def add(self, document: Document, actor: str = "ingest") -> Outcome:
        """Store one document already in the model (from a reader or an editor)."""
        return self._put([prepare(document, self._gazetteer(),
                                  recognizer_for(self.settings.ner))], actor)[0]

    def _put(self, prepared: list[Prepared], actor: str = "ingest") -> list[Outcome]:
        """Documents with their links, in one transaction."""
        def write_links(connection, written: list[tuple[int, bool]]) -> None:  # noqa: ANN001
            authority.replace_many_links(connection, [
                (prepared[position].document.id, prepared[position].mentions,
                 prepared[position].proposals, first) for position, first in written])

        return self.store.put_many([item.document for item in prepared], actor,
                                   also=write_links, rebase=readings.keep_curation)

    def _parse_all(self, files: list[Path]) -> Iterator[tuple[str, Parsed | str]]:
        limit = self.settings.max_bytes
        jobs = self.settings.jobs or os.cpu_count() or 1
        gazetteer = self._gazetteer()
        recognizer = recognizer_for(self.settings.ner)
        if len(files) < _PARALLEL_FROM or jobs <= 1:
            yield from ((str(path), ingest_isolated.parse(
                partial(parse_file, path, limit, gazetteer, recognizer), path,
                self.settings.isolate_from_bytes)) for path in files)
            return
        with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                                 initargs=(tuple(gazetteer.entities.values()),
                                           self.settings.ner)) as pool:
            results = pool.map(_parse_in_worker, files, [limit] * len(files),
                               chunksize=_chunk(files))
            yield from zip((str(path) for path in files), results)

    def _attach_beside(self, records: dict[str, str], report: IngestReport) -> None:
        """Attach the image files found beside records just read (same stem: a file or a
        folder) to their documents that have no pages yet; a bad image is a failure."""
        facsimiles, beside = self._facsimiles(), ImagesBeside()
        for record, document_id in records.items():
            found = beside.of(Path(record))
            if not found or facsimiles.pages(document_id):
                continue
            try:
                facsimiles.attach(document_id, found, actor="ingest")
            except ChanceryError as error:
                report.failures.append((record, str(error)))

    def _attach_volume_pages(self, scanned: list[tuple[str, list[Path], list[str]]],
                             report: IngestReport) -> None:
        """Attach the page images a volume's pb/@facs name to each of its documents that
        has no pages yet, labelled with their printed page numbers."""
        facsimiles = self._facsimiles()
        for document_id, files, labels in scanned:
            if facsimiles.pages(document_id):
                continue
            try:
                facsimiles.attach(document_id, files, actor="ingest", labels=labels)
            except ChanceryError as error:
                report.failures.append((document_id, str(error)))


def _pages_of_volume(volume_file: Path, volume_id: str, batch: list[Prepared]
                     ) -> list[tuple[str, list[Path], list[str]]]:
    """Each document of the volume in the batch with the image files of the printed pages
    it stands on and their labels ("p. 167"), where the volume has a folder of page images
    named by pb/@facs beside it."""
    images = volume_page_images(volume_file)
    if not images:
        return []
    found = []
    for item in batch:
        place = json.loads(item.document.body).get("in_volume") or {}
        if place.get("volume") != volume_id:
            continue
        numbers = [number for number in document_pages(item.document.source.text,
                                                        place.get("page", ""))
                   if number in images]
        if numbers:
            found.append((item.document.id, [images[number] for number in numbers],
                          [f"p. {number}" for number in numbers]))
    return found


def source_files(paths: Iterable[str | Path],
                 skipped: list[str] | None = None) -> Iterator[Path]:
    """Files named, and files of known formats in folders named (recursively, sorted).

    Files of other formats found in folders are listed in ``skipped``, not silently passed by.
    """
    for item in paths:
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        for found in sorted(path.rglob("*")):
            if not found.is_file() or any(part.startswith(".") for part in
                                          found.relative_to(path).parts):
                continue
            if found.name.lower().endswith(formats.SUFFIXES):
                yield found
            elif skipped is not None:
                skipped.append(str(found))


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready for the store: encoded, with the links the linker found."""

    document: EncodedDocument
    mentions: tuple[tuple, ...]  # rows: authority.MENTION_COLUMNS
    proposals: tuple[tuple, ...]  # rows: authority.PROPOSAL_COLUMNS


def prepare(document: Document, gazetteer: Gazetteer, recognizer: Recognizer | None = None,
            reader: str = "") -> Prepared:
    mentions, proposals = link(document, gazetteer, recognizer)
    return Prepared(encode(document, reader), tuple(map(authority.mention_row, mentions)),
                    tuple(map(authority.proposal_row, proposals)))


def _chunk(files: list[Path]) -> int:
    """How many files a worker takes at a time: about _CHUNK_BYTES of them, 1 to 32."""
    sizes = []
    for path in files[:200]:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # parse_file reports why it cannot be read
    average = sum(sizes) / len(sizes) if sizes else 0
    return max(1, min(32, int(_CHUNK_BYTES // max(average, 1))))


class Parsed(list):
    """The documents of a file made ready for the store, and ``failures``: what was wrong with
    each part that could not be read (a line of a JSON Lines file), its good parts kept;
    ``volume``: for a volume of an edition, what ``volumes.put`` records once its documents
    are written (the volume, its whole file, the reader's tag)."""

    def __init__(self, prepared: Iterable[Prepared] = (), failures: Iterable[str] = ()) -> None:
        super().__init__(prepared)
        self.failures = list(failures)
        self.warnings: list[str] = []  # what the reader read past, each naming its place
        self.volume: tuple[Volume, SourceFile, str] | None = None


def parse_file(path: Path, max_bytes: int, gazetteer: Gazetteer,
               recognizer: Recognizer | None = None) -> Parsed | str:
    """Read, parse and link one file, or say why it cannot be."""
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
        parsed = Parsed()
        # a volume is read as a stream, and its whole file kept once (chancery.store.volumes)
        reading = tei.read_volume(data, name, max_bytes) if reader.format == tei.FORMAT \
            else None
        documents = reading.documents() if reading is not None else \
            reader.read(data, name, max_bytes)
        del data  # a record read whole by now (Markdown) lets its bytes go before linking
        for document in documents:
            if isinstance(document, InputError):
                parsed.failures.append(str(document))
            else:
                parsed.append(prepare(document, gazetteer, recognizer, reader.tag))
        if reading is not None:
            parsed.warnings = reading.slips
            if reading.volume is not None:
                parsed.volume = (reading.volume, reading.source, reader.tag)
        return parsed
    except ChanceryError as error:
        return str(error)
    except OSError as error:
        return f"{name}: cannot read the file: {error.strerror}"


_WORKER: tuple[Gazetteer, Recognizer | None] | None = None


def _start_worker(entities: tuple[Entity, ...], ner: bool) -> None:
    global _WORKER  # noqa: PLW0603 - one gazetteer per worker process, built once
    let_go_of_index_locks()  # forked beside the ingest's index writer: never holds its locks
    _WORKER = (Gazetteer(entities), recognizer_for(ner))


def _parse_in_worker(path: Path, max_bytes: int) -> Parsed | str:
    assert _WORKER is not None
    return parse_file(path, max_bytes, *_WORKER)
