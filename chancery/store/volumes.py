"""Volumes of an edition in the store: each volume's description, and its whole file, once.

A volume (a FRUS volume: publication data, chapters, lists of persons and terms, its documents
in order) is kept whole as JSON beside the SHA-256 of the file it was read from; that file is
kept once in ``sources``, and each of its documents keeps only its own fragment. A volume is
written after its documents, in a transaction of its own with its change-log row (subject
``volume/<id>``), so a volume on record means its documents were all written: an unchanged
file is then known by its hash alone, without being parsed again.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import TypeAdapter
from sqlalchemy import Connection, select

from chancery.errors import NotFoundError
from chancery.model import SourceFile, Volume, VolumeListing
from chancery.store import changes
from chancery.store.schema import documents, sources, volumes
from chancery.store.store import LISTED, Listing, Outcome, Store, Visible, as_listing

VOLUME = TypeAdapter(Volume)
_IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


def subject(volume_id: str) -> str:
    """The change log's name for a volume."""
    return f"volume/{volume_id}"


def put(store: Store, volume: Volume, source: SourceFile, reader: str,
        actor: str = "ingest") -> Outcome:
    """Record a volume read from ``source`` (its whole file) by ``reader``, unless the same
    volume from the same file by the same reader is on record already."""
    body = VOLUME.dump_json(volume)
    with store.writer.begin() as connection:
        current = connection.execute(select(volumes.c.body, volumes.c.source_sha256,
                                            volumes.c.reader, volumes.c.revision)
                                     .where(volumes.c.id == volume.id)).first()
        if current is not None and (current.body, current.source_sha256, current.reader) == \
                (body, source.sha256, reader):
            return Outcome.UNCHANGED
        _keep_source(connection, source)
        revision = current.revision + 1 if current is not None else 1
        seq = changes.append(connection, subject(volume.id), "volume", revision, actor)
        row = {"title": volume.title, "documents": len(volume.documents), "body": body,
               "source_sha256": source.sha256, "reader": reader, "revision": revision,
               "updated_seq": seq}
        if current is None:
            connection.execute(volumes.insert().values(id=volume.id, **row))
            return Outcome.ADDED
        connection.execute(volumes.update().where(volumes.c.id == volume.id).values(**row))
        return Outcome.UPDATED


def _keep_source(connection: Connection, source: SourceFile) -> None:
    """The whole file, once by its hash (inside the caller's BEGIN IMMEDIATE: no race)."""
    if connection.execute(select(sources.c.sha256)
                          .where(sources.c.sha256 == source.sha256)).first() is None:
        connection.execute(sources.insert().values(sha256=source.sha256, format=source.format,
                                                   name=source.name, text=source.text))


def get(store: Store, volume_id: str) -> Volume:
    """The volume with this id; NotFoundError if there is none."""
    with store.engine.connect() as connection:
        body = connection.execute(select(volumes.c.body)
                                  .where(volumes.c.id == volume_id)).scalar()
    if body is None:
        raise NotFoundError(f"no volume '{volume_id}'",
                            hint="the reading room's /volumes page lists them")
    return VOLUME.validate_json(body)


def listing(store: Store) -> list[VolumeListing]:
    """Every volume's id, title and number of documents, in id order."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(volumes.c.id, volumes.c.title, volumes.c.documents)
                                  .order_by(volumes.c.id))
        return [VolumeListing(row.id, row.title, row.documents) for row in rows]


def known_files(store: Store) -> dict[str, tuple[str, int]]:
    """Whole-file SHA-256 -> (the reader tag that read it, how many documents it gave), for
    every volume on record."""
    with store.engine.connect() as connection:
        return {row.source_sha256: (row.reader, row.documents) for row in connection.execute(
            select(volumes.c.source_sha256, volumes.c.reader, volumes.c.documents))}


def source_text(store: Store, volume_id: str) -> str:
    """The whole file a volume was read from, as kept."""
    with store.engine.connect() as connection:
        text = connection.execute(select(sources.c.text).join(
            volumes, volumes.c.source_sha256 == sources.c.sha256)
            .where(volumes.c.id == volume_id)).scalar()
    if text is None:
        raise NotFoundError(f"no volume '{volume_id}'",
                            hint="the reading room's /volumes page lists them")
    return text


def titles(store: Store, document_ids: Iterable[str], visible: Visible = None
           ) -> dict[str, Listing]:
    """Id, date and title of each of these documents that exists (and is visible), by id:
    what a table of contents shows, without reading the documents."""
    wanted = list(dict.fromkeys(document_ids))
    found: dict[str, Listing] = {}
    with store.engine.connect() as connection:
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            query = select(*LISTED).where(
                documents.c.id.in_(wanted[start:start + _IDS_PER_QUERY]))
            if visible is not None:
                query = query.where(visible)
            found.update((row.id, as_listing(row)) for row in connection.execute(query))
    return found
