"""Facsimiles: a document's page images, attached, removed and reordered (each an edit with
history), kept once by content in the archive folder; composed by the facade (Archive).

Attaching reads and decodes every file first: one bad file (corrupt, truncated, empty, over
the pixel limit, password-protected) refuses the attach with an error naming it, before
anything is stored. Image files are written before the rows that name them, and those newly
written are taken back if the rows cannot be: nothing is half-stored.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path

from lxml import etree

from chancery.errors import InputError
from chancery.images import ocr
from chancery.images.decode import DEFAULT_MAX_PIXELS, DecodedPage, decode, is_image_file
from chancery.images.files import ImageFiles
from chancery.model import PageImage, PageText
from chancery.search.forked import let_go_of_index_locks
from chancery.store import pages as stored_pages
from chancery.store.store import Store

TEI = "http://www.tei-c.org/ns/1.0"
MAX_IMAGE_BYTES = 512 * 1024 * 1024  # one image or PDF file: a 600 dpi colour TIFF fits


class Facsimiles:
    def __init__(self, store: Store, archive_folder: Path,
                 max_pixels: int = DEFAULT_MAX_PIXELS) -> None:
        self.store = store
        self.files = ImageFiles(archive_folder)
        self.max_pixels = max_pixels

    def pages(self, document_id: str) -> list[PageImage]:
        return stored_pages.of(self.store, document_id)

    def attach(self, document_id: str, paths: Sequence[str | Path], actor: str = "cli",
               labels: Sequence[str] = ()) -> list[PageImage]:
        """Add the pages of these files, in order, after the document's pages; the pages
        added. ``labels``: the leaf or page each added page shows ("f. 57"), in order."""
        decoded = [page for path in paths for page in read_file(Path(path), self.max_pixels)]
        if labels and len(labels) != len(decoded):
            raise InputError(f"{len(labels)} labels for {len(decoded)} pages",
                             hint="give one label a page, or none")
        added = [PageImage(page.sha256, page.media_type, page.width, page.height,
                           labels[number] if labels else "", page.source)
                 for number, page in enumerate(decoded)]
        self._write(document_id, self.pages(document_id) + added, decoded, actor)
        return added

    def remove(self, document_id: str, positions: Iterable[int], actor: str = "cli"
               ) -> list[PageImage]:
        """Take pages away (by their numbers, from 1); the pages left."""
        current = self.pages(document_id)
        gone = set(positions)
        _check_positions(gone, len(current))
        kept = [page for number, page in enumerate(current, 1) if number not in gone]
        stored_pages.replace(self.store, document_id, kept, actor)
        return kept

    def reorder(self, document_id: str, order: Sequence[int], actor: str = "cli"
                ) -> list[PageImage]:
        """Put the pages in this order (every page's number, from 1, once)."""
        current = self.pages(document_id)
        if sorted(order) != list(range(1, len(current) + 1)):
            backwards = " ".join(str(number) for number in range(len(current), 0, -1))
            raise InputError(f"the new order must name each of the {len(current)} pages "
                             "once", hint=f"for example {backwards}")
        arranged = [current[number - 1] for number in order]
        stored_pages.replace(self.store, document_id, arranged, actor)
        return arranged

    def label(self, document_id: str, labels: Sequence[str], actor: str = "cli"
              ) -> list[PageImage]:
        """Name the leaf or page each page shows, in order ("" leaves a page unnamed)."""
        current = self.pages(document_id)
        if len(labels) != len(current):
            raise InputError(f"{len(labels)} labels for {len(current)} pages")
        named = [replace(page, label=label) for page, label in zip(current, labels)]
        stored_pages.replace(self.store, document_id, named, actor)
        return named

    def set_pages(self, document_id: str, pages: list[PageImage], actor: str) -> int:
        """The document's pages as these (a revert); every image must be kept already."""
        for page in pages:
            if not self.files.path(page.sha256, page.media_type).exists():
                raise InputError(f"the image {page.sha256} is no longer kept")
        return stored_pages.replace(self.store, document_id, pages, actor)

    def _write(self, document_id: str, pages: list[PageImage], decoded: list[DecodedPage],
               actor: str) -> None:
        written = []
        try:
            for page in decoded:
                if self.files.put(page.sha256, page.media_type, page.data):
                    written.append(page)
            stored_pages.replace(self.store, document_id, pages, actor)
        except BaseException:
            shown_elsewhere = {page.sha256 for page in written
                               if stored_pages.documents_showing(self.store, page.sha256)}
            for page in written:
                if page.sha256 not in shown_elsewhere:
                    self.files.discard(page.sha256, page.media_type)
            raise

    def path(self, page: PageImage) -> Path:
        return self.files.path(page.sha256, page.media_type)

    def read_text(self, pages: Sequence[PageImage], languages: str, again: bool = False,
                  jobs: int = 0, progress: Callable[[int], None] | None = None
                  ) -> list[PageText]:
        """What OCR reads on each page (in order), reading in worker processes the pages
        not read with these languages before (all of them ``again``); ``progress(1)``
        after each page."""
        known = {} if again else stored_pages.texts(self.store, (page.sha256 for page in pages),
                                                     languages)
        wanted = list({page.sha256: page for page in pages if page.sha256 not in known}
                      .values())
        if progress and known:  # pages read before count as read
            progress(sum(1 for page in pages if page.sha256 in known))
        workers = min(jobs or os.cpu_count() or 1, len(wanted))
        if workers > 1:
            # a worker holding a copy of the index's lock would stall its commits meanwhile
            with ProcessPoolExecutor(max_workers=workers,
                                     initializer=let_go_of_index_locks) as pool:
                futures = [pool.submit(ocr.read_page, self.path(page), page.sha256, languages)
                           for page in wanted]
                for future in as_completed(futures):
                    self._keep(future.result(), known, progress)
        else:
            for page in wanted:
                self._keep(ocr.read_page(self.path(page), page.sha256, languages), known,
                           progress)
        return [known[page.sha256] for page in pages]

    def _keep(self, read: tuple[PageText, str], known: dict[str, PageText],
              progress: Callable[[int], None] | None) -> None:
        text, hocr = read
        stored_pages.put_text(self.store, text, hocr)
        known[text.sha256] = text
        if progress:
            progress(1)

    def hocr(self, sha256: str, languages: str) -> str | None:
        return stored_pages.hocr(self.store, sha256, languages)


def read_file(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[DecodedPage]:
    """The pages of one image or PDF file; InputError naming it if it cannot be read."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            raise InputError(f"{path.stat().st_size:,} bytes, over the limit of "
                             f"{MAX_IMAGE_BYTES:,}", source=str(path))
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot be read: {error.strerror or error}", source=str(path)) \
            from None
    return decode(data, str(path), max_pixels)


class ImagesBeside:
    """Image files that go with records: files of the same stem beside a record
    (``1949-02-03_filippov-to-mikoyan.pdf``), then the image files in a folder of that
    stem, in natural order (2 before 10).

    Each folder of records is listed once: a glob for each record would read a folder of n
    records n times, which for a folder of 100,000 records is most of an ingest."""

    def __init__(self) -> None:
        self._folders: dict[Path, dict[str, list[Path]]] = {}

    def of(self, record: Path) -> list[Path]:
        by_stem = self._folders.get(record.parent)
        if by_stem is None:
            by_stem = self._folders[record.parent] = _image_files_by_stem(record.parent)
        found = sorted((path for path in by_stem.get(record.stem, ()) if path != record),
                       key=lambda path: _natural(path.name))
        folder = record.parent / record.stem
        if folder.is_dir():
            found += sorted((path for path in folder.iterdir()
                             if path.is_file() and is_image_file(path.name)),
                            key=lambda path: _natural(path.name))
        return found


def _image_files_by_stem(folder: Path) -> dict[str, list[Path]]:
    """The image files of a folder under each stem they go with: ``a.b.pdf`` with ``a`` and
    ``a.b`` (a record ``a.md`` takes every ``a.*``)."""
    found: dict[str, list[Path]] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if not is_image_file(entry.name) or not entry.is_file():
            continue
        dot = entry.name.find(".", 1)
        while dot != -1:
            found.setdefault(entry.name[:dot], []).append(folder / entry.name)
            dot = entry.name.find(".", dot + 1)
    return found


def volume_page_images(volume_file: Path) -> dict[str, Path]:
    """A TEI volume's printed pages (``pb/@n``) and their image files, where a folder of the
    volume's stem beside it holds images named by the pages' ``pb/@facs`` (FRUS:
    ``frus1948v01p2/0406.tif`` for ``<pb n="896" facs="0406"/>``); empty without one."""
    folder = volume_file.with_suffix("")
    if not folder.is_dir():
        return {}
    files = {path.stem: path for path in sorted(folder.iterdir(), key=lambda path: path.name)
             if path.is_file() and is_image_file(path.name)}
    found = {}
    try:
        for _event, page in etree.iterparse(str(volume_file), tag=f"{{{TEI}}}pb",
                                            resolve_entities=False, no_network=True,
                                            huge_tree=True):
            number, facs = page.get("n", ""), page.get("facs", "")
            if number and facs in files:
                found.setdefault(number, files[facs])
            page.clear()
    except etree.XMLSyntaxError:
        pass  # reading the volume reports what is wrong with it; the pages before it stand
    return found


def document_pages(fragment: str, first_page: str) -> list[str]:
    """The printed pages a document of a volume stands on: the one it begins on, then each
    page break in it (``pb/@n``), in order."""
    numbers = [first_page] if first_page else []
    try:
        root = etree.fromstring(fragment.encode("utf-8"),
                                etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return numbers
    numbers += [page.get("n") for page in root.iter(f"{{{TEI}}}pb") if page.get("n")]
    return list(dict.fromkeys(numbers))


def _natural(name: str) -> list:
    return [int(part) if part.isdigit() else part.lower()
            for part in re.split(r"(\d+)", name)]


def _check_positions(positions: set[int], count: int) -> None:
    wrong = sorted(number for number in positions if not 1 <= number <= count)
    if wrong:
        raise InputError(f"no page {', '.join(map(str, wrong))}: the document has "
                         f"{count} pages")
