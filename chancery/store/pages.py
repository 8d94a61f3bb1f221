"""A document's page images in order, and what OCR read on each image.

Setting a document's pages (attaching, removing, reordering) is one transaction with a
change-log row of action ``pages`` whose ``edits`` row keeps the pages before and after, so
the history shows it and a revert can undo it; the search index, following the log, reads the
document again. OCR is kept by image and languages, once whatever documents show the image.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable

from sqlalchemy import and_, delete, select

from chancery.errors import NotFoundError
from chancery.model import OcrWord, PageImage, PageText
from chancery.store import history
from chancery.store.schema import documents, ocr_pages, page_images
from chancery.store.store import Store, Visible

ACTION = "pages"
_FIELDS = ("sha256", "media_type", "width", "height", "label", "source")


def as_json(pages: Iterable[PageImage]) -> list[dict]:
    return [{name: getattr(page, name) for name in _FIELDS} for page in pages]


def from_json(rows: Iterable[dict]) -> list[PageImage]:
    return [PageImage(**{name: row[name] for name in _FIELDS}) for row in rows]


def of(store: Store, document_id: str) -> list[PageImage]:
    """The document's pages in order (none: an empty list)."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(*(page_images.c[name] for name in _FIELDS))
                                  .where(page_images.c.document_id == document_id)
                                  .order_by(page_images.c.position))
        return [PageImage(*row) for row in rows]


def replace(store: Store, document_id: str, pages: list[PageImage], actor: str) -> int:
    """Give the document these pages, in this order, as one change; its number (0 if the
    pages were these already)."""
    with store.writer.begin() as connection:
        revision = connection.execute(select(documents.c.revision)
                                      .where(documents.c.id == document_id)).scalar()
        if revision is None:
            raise NotFoundError(f"no document '{document_id}'",
                                hint="'chancery list' shows the ids")
        before = [PageImage(*row) for row in connection.execute(
            select(*(page_images.c[name] for name in _FIELDS))
            .where(page_images.c.document_id == document_id)
            .order_by(page_images.c.position))]
        if before == pages:
            return 0
        connection.execute(delete(page_images).where(page_images.c.document_id == document_id))
        if pages:
            connection.execute(page_images.insert(), [
                {"document_id": document_id, "position": position, **row}
                for position, row in enumerate(as_json(pages), start=1)])
        return history.record(connection, document_id, ACTION, revision, actor,
                              {"pages": as_json(before)}, {"pages": as_json(pages)})


def documents_showing(store: Store, sha256: str, visible: Visible = None) -> list[str]:
    """The ids of the documents (those ``visible`` lets through) that show this image."""
    query = (select(page_images.c.document_id).distinct()
             .join(documents, documents.c.id == page_images.c.document_id)
             .where(page_images.c.sha256 == sha256))
    if visible is not None:
        query = query.where(visible)
    with store.engine.connect() as connection:
        return sorted(connection.execute(query).scalars())


def documents_with_pages(store: Store) -> list[str]:
    """The ids of every document that has page images, in id order."""
    with store.engine.connect() as connection:
        return list(connection.execute(select(page_images.c.document_id).distinct()
                                       .order_by(page_images.c.document_id)).scalars())


def page_of(store: Store, sha256: str) -> PageImage | None:
    """The image with this SHA-256 as some document holds it (for its size and type)."""
    with store.engine.connect() as connection:
        row = connection.execute(select(*(page_images.c[name] for name in _FIELDS))
                                 .where(page_images.c.sha256 == sha256).limit(1)).first()
    return PageImage(*row) if row else None


def put_text(store: Store, text: PageText, hocr: str) -> None:
    """Keep what OCR read on an image with these languages (replacing an earlier reading)."""
    words = json.dumps([[word.text, word.x, word.y, word.width, word.height,
                         word.confidence, word.line] for word in text.words],
                       ensure_ascii=False).encode()
    with store.writer.begin() as connection:
        connection.execute(delete(ocr_pages).where(and_(ocr_pages.c.sha256 == text.sha256,
                                                        ocr_pages.c.languages ==
                                                        text.languages)))
        connection.execute(ocr_pages.insert().values(
            sha256=text.sha256, languages=text.languages, engine=text.engine,
            confidence=text.confidence, words=words, hocr=zlib.compress(hocr.encode())))


def texts(store: Store, sha256s: Iterable[str], languages: str) -> dict[str, PageText]:
    """What OCR read with these languages on these images, by image (those not read yet are
    left out)."""
    wanted = list(dict.fromkeys(sha256s))
    if not wanted:
        return {}
    with store.engine.connect() as connection:
        rows = connection.execute(select(ocr_pages.c.sha256, ocr_pages.c.engine,
                                         ocr_pages.c.confidence, ocr_pages.c.words)
                                  .where(ocr_pages.c.sha256.in_(wanted),
                                         ocr_pages.c.languages == languages))
        return {row.sha256: PageText(row.sha256, languages, row.engine, row.confidence,
                                     tuple(OcrWord(*word) for word in json.loads(row.words)))
                for row in rows}


def hocr(store: Store, sha256: str, languages: str) -> str | None:
    with store.engine.connect() as connection:
        found = connection.execute(select(ocr_pages.c.hocr).where(
            ocr_pages.c.sha256 == sha256, ocr_pages.c.languages == languages)).scalar()
    return zlib.decompress(found).decode() if found is not None else None
