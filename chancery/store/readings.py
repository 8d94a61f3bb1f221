"""Each document's latest reading from its source, and what curators changed over it.

A revision read from a source file carries its reader's tag ("wilson-markdown/1"); one that a
curator wrote (access, an edit, a revert) carries none. A reading that kept curators' fields
says so in its change's ``edits`` row, ``{"kept": {field: what the source said}, "conflicts":
[field, ...]}``, so that what the source itself said is never lost and can be compared with
the next reading.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Connection, bindparam, select

from chancery.curation import reread
from chancery.errors import NotFoundError
from chancery.formats import jsonl
from chancery.model import CurationConflict, Document
from chancery.store.history import record as history_record
from chancery.store.schema import changes, documents, edits, revisions, sources
from chancery.store.store import EncodedDocument, encode

SETTLE = "settle"  # the action of a change that keeps a curator's value over the source's
KEPT = "kept"
CONFLICTS = "conflicts"


@dataclass(frozen=True, slots=True)
class Standing:
    """A curated document: as readers see it now, and as its source last gave it."""

    current: Document
    previous: Document | None  # None: no source ever gave it (a document made by hand)


_READINGS = (select(revisions.c.document_id, revisions.c.revision, revisions.c.seq,
                    edits.c.after)
             .outerjoin(edits, edits.c.seq == revisions.c.seq)
             .where(revisions.c.document_id.in_(bindparam("ids", expanding=True)),
                    revisions.c.reader != ""))
_CURRENT = select(documents.c.id, documents.c.revision).where(
    documents.c.id.in_(bindparam("ids", expanding=True)))
_CURRENT_WITH_SOURCE = (
    select(documents.c.revision, revisions.c.body, sources.c.text)
    .join(revisions, (revisions.c.document_id == documents.c.id)
          & (revisions.c.revision == documents.c.revision))
    .join(sources, sources.c.sha256 == revisions.c.source_sha256)
    .where(documents.c.id == bindparam("id")))
_BODY = select(revisions.c.body).where(revisions.c.document_id == bindparam("id"),
                                       revisions.c.revision == bindparam("revision"))


def current(connection: Connection, document_id: str) -> tuple[int, Document]:
    """A document's current revision number and the document, read inside the caller's
    transaction (a curator's change is made to what is current when it is written)."""
    row = connection.execute(_CURRENT_WITH_SOURCE, {"id": document_id}).first()
    if row is None:
        raise NotFoundError(f"no document '{document_id}'", hint="'chancery list' shows the ids")
    document = jsonl.loads(row.body, document_id)
    assert document.source is not None
    return row.revision, replace(document, source=replace(document.source, text=row.text))


def standings(connection: Connection, ids: Iterable[str]) -> dict[str, Standing]:
    """The documents among ``ids`` that curators changed since their source was last read
    (and those whose last reading kept curators' fields), inside the caller's transaction.

    Documents that are just their source's latest reading are left out: for them, and for
    new documents, a new reading simply replaces the old one.
    """
    wanted = list(dict.fromkeys(ids))
    current = dict(connection.execute(_CURRENT, {"ids": wanted}).all())
    if not current:
        return {}
    latest: dict[str, tuple[int, str | None]] = {}
    for document_id, revision, _seq, note in connection.execute(_READINGS,
                                                                {"ids": list(current)}):
        if revision > latest.get(document_id, (0, None))[0]:
            latest[document_id] = (revision, note)
    found = {}
    for document_id, revision in current.items():
        read, note = latest.get(document_id, (0, None))
        kept = _note(note).get(KEPT)
        if read == revision and not kept:
            continue
        previous = None
        if read:
            previous = _body(connection, document_id, read)
            if kept:  # the source's own words for the fields curators' values stood in for
                previous = jsonl.loads(json.dumps({**json.loads(previous), **kept}),
                                       document_id)
            else:
                previous = jsonl.loads(previous, document_id)
        found[document_id] = Standing(
            jsonl.loads(_body(connection, document_id, revision), document_id), previous)
    return found


def keep_curation(connection: Connection, readings: list[EncodedDocument]
                  ) -> list[EncodedDocument]:
    """New readings of sources, each with what curators changed kept over it (see
    chancery.curation.reread), inside the transaction that writes them: an editor's change
    made while the files were being read is kept too."""
    curated = standings(connection, (item.id for item in readings))
    if not curated:
        return readings
    kept = []
    for item in readings:
        standing = curated.get(item.id)
        if standing is None:
            kept.append(item)
            continue
        reading = replace(jsonl.loads(item.body, item.id), source=item.source)
        found = reread(standing.previous, standing.current, reading)
        if found.kept:
            kept.append(replace(encode(found.document, item.reader),
                                note=note(found.kept, found.conflicts)))
        elif found.document is not reading:  # the machine-read texts (OCR) carried over
            kept.append(encode(found.document, item.reader))
        else:
            kept.append(item)
    return kept


def open_conflicts(connection: Connection, document_id: str | None = None
                   ) -> list[CurationConflict]:
    """The conflicts that each document's latest reading found and no curator has settled.

    A conflict is settled when a curator takes the source's value (the field then says what
    the source says) or keeps their own (a ``settle`` change naming the field), or when a
    later reading no longer finds it.
    """
    query = (select(changes.c.seq, changes.c.document_id, edits.c.after)
             .join(edits, edits.c.seq == changes.c.seq)
             .where(changes.c.action == "put", edits.c.after.like('%"conflicts": ["%')))
    if document_id is not None:
        query = query.where(changes.c.document_id == document_id)
    noted: dict[str, tuple[int, dict]] = {}
    for seq, subject, text in connection.execute(query):
        if seq > noted.get(subject, (0, {}))[0]:
            noted[subject] = (seq, _note(text))
    if not noted:
        return []
    latest: dict[str, tuple[int, int]] = {}  # the latest reading: revision, seq
    for subject, revision, seq, _ in connection.execute(_READINGS, {"ids": list(noted)}):
        latest[subject] = max(latest.get(subject, (0, 0)), (revision, seq))
    settled = {(subject, _note(text).get("field")) for seq, subject, text in connection.execute(
        select(changes.c.seq, changes.c.document_id, edits.c.after)
        .join(edits, edits.c.seq == changes.c.seq)
        .where(changes.c.action == SETTLE, changes.c.document_id.in_(list(noted))))
        if seq > noted[subject][0]}
    found = []
    for subject, (seq, parsed) in sorted(noted.items(), key=lambda item: -item[1][0]):
        if latest.get(subject, (0, 0))[1] != seq:
            continue
        current = json.loads(_body(connection, subject, connection.execute(
            _CURRENT, {"ids": [subject]}).one().revision))
        kept = parsed.get(KEPT, {})
        found += [CurationConflict(subject, name, kept.get(name), current.get(name), seq)
                  for name in parsed.get(CONFLICTS, ())
                  if (subject, name) not in settled and current.get(name) != kept.get(name)]
    return found


def settle(connection: Connection, document_id: str, field: str, revision: int,
           actor: str) -> int:
    """Record that a curator keeps their value of a field in conflict with the source."""
    return history_record(connection, document_id, SETTLE, revision, actor, None,
                          {"field": field})


def note(kept: dict[str, object], conflicts: Iterable[str]) -> str:
    """The ``edits`` row of a reading that kept curators' fields."""
    return json.dumps({KEPT: kept, CONFLICTS: list(conflicts)}, ensure_ascii=False)


def _body(connection: Connection, document_id: str, revision: int) -> bytes:
    return connection.execute(_BODY, {"id": document_id, "revision": revision}).scalar_one()


def _note(text: str | None) -> dict:
    if not text:
        return {}
    parsed = json.loads(text)
    return parsed if isinstance(parsed, dict) else {}
