"""The authority in the store: entities, and the links between documents and entities.

Entity writes go through the change log like document writes, so the search index can follow
name changes. Links are derived: re-linking a document replaces the machine's links and keeps
those a curator confirmed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from pydantic import TypeAdapter
from sqlalchemy import Connection, bindparam, delete, select, update

from chancery.errors import ConflictError, InputError, NotFoundError
from chancery.model import Entity, EntityKind, LinkState, Mention, Name, Proposal, Role
from chancery.store import changes, history
from chancery.store.schema import edits, entities, mentions, proposals
from chancery.store.store import Store, insert_rows

ENTITY = TypeAdapter(Entity)
_INSERT_MENTION = mentions.insert()
_DELETE_MACHINE_MENTIONS = delete(mentions).where(
    (mentions.c.document_id == bindparam("document_id")) & (mentions.c.confirmed == 0))
_DELETE_PROPOSALS = delete(proposals).where(proposals.c.document_id == bindparam("document_id"))
_IDS_PER_QUERY = 500  # well under SQLite's limit on bound parameters


@dataclass(frozen=True, slots=True)
class LoadReport:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True, slots=True)
class DocumentRole:
    """A document an entity appears in, with its role there and the name used."""

    document_id: str
    role: Role
    name: str


def load(store: Store, loaded: Iterable[Entity], actor: str = "authority") -> LoadReport:
    """Add or update entities, all in one transaction: a load is all or nothing. A
    statement per table for all of them, not per entity: the shipped authority holds
    thousands, and `chancery init` loads it whole."""
    bodies = {entity.id: (entity, ENTITY.dump_json(entity)) for entity in loaded}
    wanted = list(bodies)
    with store.writer.begin() as connection:
        current: dict[str, bytes] = {}
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            current.update(connection.execute(select(entities.c.id, entities.c.body).where(
                entities.c.id.in_(wanted[start:start + _IDS_PER_QUERY]))).all())
        changed = [key for key in wanted if current.get(key) != bodies[key][1]]
        seqs = changes.append_many(connection, [(key, 0) for key in changed], "entity", actor)
        insert_rows(connection, edits, ("seq", "before", "after"), [
            (seq, current[key].decode() if key in current else "", bodies[key][1].decode())
            for seq, key in zip(seqs, changed)])
        rows = [(key, bodies[key][0].kind.value, bodies[key][0].preferred, bodies[key][1], seq)
                for seq, key in zip(seqs, changed)]
        insert_rows(connection, entities, ("id", "kind", "preferred", "body", "updated_seq"),
                    [row for row in rows if row[0] not in current])
        updates = [dict(zip(("key", "kind", "preferred", "body", "updated_seq"), row))
                   for row in rows if row[0] in current]
        if updates:
            connection.execute(update(entities).where(entities.c.id == bindparam("key"))
                               .values(kind=bindparam("kind"), preferred=bindparam("preferred"),
                                       body=bindparam("body"),
                                       updated_seq=bindparam("updated_seq")), updates)
    added = sum(key not in current for key in changed)
    return LoadReport(added, len(changed) - added, len(wanted) - len(changed))


def _put(connection: Connection, entity: Entity, actor: str) -> str:
    body = ENTITY.dump_json(entity)
    current = connection.execute(select(entities.c.body).where(entities.c.id == entity.id)
                                 ).first()
    if current is not None and current.body == body:
        return "unchanged"
    seq = history.record(connection, entity.id, "entity", 0, actor,
                         None if current is None else json.loads(current.body),
                         json.loads(body))
    row = {"kind": entity.kind.value, "preferred": entity.preferred, "body": body,
           "updated_seq": seq}
    if current is None:
        connection.execute(entities.insert().values(id=entity.id, **row))
        return "added"
    connection.execute(update(entities).where(entities.c.id == entity.id).values(**row))
    return "updated"


def all_entities(store: Store, kind: EntityKind | None = None) -> list[Entity]:
    """Every entity (of a kind), by preferred name."""
    query = select(entities.c.body).order_by(entities.c.preferred, entities.c.id)
    if kind is not None:
        query = query.where(entities.c.kind == kind.value)
    with store.engine.connect() as connection:
        return [ENTITY.validate_json(row.body) for row in connection.execute(query)]


def get(store: Store, entity_id: str) -> Entity:
    with store.engine.connect() as connection:
        row = connection.execute(select(entities.c.body).where(entities.c.id == entity_id)
                                 ).first()
    if row is None:
        raise NotFoundError(f"no entity '{entity_id}'",
                            hint="'chancery entities list' shows the ids")
    return ENTITY.validate_json(row.body)


def put(store: Store, entity: Entity, actor: str) -> None:
    """Write an entity as it now is (recorded with what it was before)."""
    with store.writer.begin() as connection:
        _put(connection, entity, actor)


def add_name(store: Store, entity_id: str, name: Name, actor: str = "curator") -> Entity:
    """Give an entity one more name."""
    entity = get(store, entity_id)
    if any(existing.text == name.text and existing.kind == name.kind
           for existing in entity.names):
        raise InputError(f"{entity_id} already has the {name.kind.value} name '{name.text}'")
    updated = replace(entity, names=entity.names + (name,))
    put(store, updated, actor)
    return updated


def remove_name(store: Store, entity_id: str, name: Name, actor: str = "curator") -> Entity:
    """Take a name from an entity; its last name cannot go (merge the entity instead)."""
    entity = get(store, entity_id)
    if name not in entity.names:
        raise ConflictError(f"{entity_id} has no such name '{name.text}' (any more)")
    if len(entity.names) == 1:
        raise InputError(f"'{name.text}' is the only name of {entity_id}",
                         hint="merge the entity into another instead")
    updated = replace(entity, names=tuple(found for found in entity.names if found != name))
    put(store, updated, actor)
    return updated


def merge(store: Store, keep_id: str, gone_id: str, actor: str = "curator") -> Entity:
    """Merge entity ``gone_id`` into ``keep_id``: its names and its links move over."""
    if keep_id == gone_id:
        raise InputError("cannot merge an entity into itself")
    keep, gone = get(store, keep_id), get(store, gone_id)
    if keep.kind is not gone.kind:
        raise InputError(f"cannot merge a {gone.kind.value} into a {keep.kind.value}")
    names = keep.names + tuple(name for name in gone.names if name not in keep.names)
    merged = replace(keep, names=names)
    with store.writer.begin() as connection:
        _put(connection, merged, actor)
        connection.execute(update(mentions).where(mentions.c.entity_id == gone_id)
                           .values(entity_id=keep_id))
        connection.execute(delete(entities).where(entities.c.id == gone_id))
        history.record(connection, gone_id, "entity-merged", 0, actor,
                       ENTITY.dump_python(gone, mode="json"), {"merged_into": keep_id})
    return merged


# A link as the store writes it, its document id aside: made where the linker runs (an
# ingest worker), so that what crosses to the writing process is plain tuples, not objects.
MENTION_COLUMNS = ("entity_id", "role", "rendition", "block", "start", "end", "name", "method",
                   "confidence", "confirmed")
PROPOSAL_COLUMNS = ("text", "kind", "rendition", "block", "start", "end", "method",
                    "suggested")


def mention_row(mention: Mention) -> tuple:
    return (mention.entity_id, mention.role.value, mention.rendition, mention.block,
            mention.start, mention.end, mention.name, mention.method, mention.confidence,
            int(mention.confirmed))


def proposal_row(proposal: Proposal) -> tuple:
    return (proposal.text, proposal.kind.value, proposal.rendition, proposal.block,
            proposal.start, proposal.end, proposal.method, proposal.suggested)


def replace_links(connection: Connection, document_id: str, found: Iterable[Mention],
                  unsure: Iterable[Proposal], first: bool = False) -> None:
    """Put the linker's results for a document in place of its earlier machine links.

    ``first``: the document is new, so there is nothing to replace.
    """
    replace_many_links(connection, [(document_id, [mention_row(m) for m in found],
                                     [proposal_row(p) for p in unsure], first)])


def replace_many_links(connection: Connection, documents: Iterable[
        tuple[str, Sequence[tuple], Sequence[tuple], bool]]) -> None:
    """replace_links for many documents: (id, mention rows, proposal rows, first) each; one
    statement per table for all of them."""
    mention_rows: list[tuple] = []
    proposal_rows: list[tuple] = []
    for document_id, found, unsure, first in documents:
        confirmed: set[tuple] = set()
        if not first:
            # a curator's word (confirmed or rejected) outlasts the machine's
            confirmed = {(row.entity_id, row.role, row.rendition, row.block, row.start)
                         for row in connection.execute(_ALL_BY_DOCUMENT,
                                                       {"document_id": document_id})
                         if row.confirmed != MACHINE}
            connection.execute(_DELETE_MACHINE_MENTIONS, {"document_id": document_id})
            connection.execute(_DELETE_PROPOSALS, {"document_id": document_id})
        # written a few thousand rows at a time: a big record's tens of thousands of
        # mentions are not copied whole again beside the rows the caller holds
        for row in found:
            if row[:5] not in confirmed:
                mention_rows.append((document_id, *row))
                if len(mention_rows) >= _ROWS_PER_INSERT:
                    insert_rows(connection, mentions, ("document_id", *MENTION_COLUMNS),
                                mention_rows)
                    mention_rows = []
        proposal_rows += [(document_id, *row) for row in unsure]
    insert_rows(connection, mentions, ("document_id", *MENTION_COLUMNS), mention_rows)
    insert_rows(connection, proposals, ("document_id", *PROPOSAL_COLUMNS), proposal_rows)


_ROWS_PER_INSERT = 5_000


# ``confirmed``: 1 a curator confirmed (or added) the link, 0 a machine made it, -1 a curator
# rejected it. Rejected links stay in the table, so that linking again does not bring them
# back, and are left out of everything but the curator's own list.
CONFIRMED, MACHINE, REJECTED = (int(state) for state in (  # as the store keeps them
    LinkState.CONFIRMED, LinkState.MACHINE, LinkState.REJECTED))
_LINKED = mentions.c.confirmed >= MACHINE
_ALL_BY_DOCUMENT = select(mentions).where(
    mentions.c.document_id == bindparam("document_id")).order_by(
        mentions.c.rendition, mentions.c.block, mentions.c.start, mentions.c.entity_id)
_BY_DOCUMENT = _ALL_BY_DOCUMENT.where(_LINKED)
# Asked by every search that names someone: built once, so SQLAlchemy compiles it once (a
# select built per call cost four times what SQLite spends answering it). Distinct: a name
# is said many times in a document; each form is wanted once.
_NAMES_USED = select(mentions.c.document_id, mentions.c.name).distinct().where(
    mentions.c.document_id.in_(bindparam("documents", expanding=True))
    & mentions.c.entity_id.in_(bindparam("entities", expanding=True)) & _LINKED)


def _mentions(connection: Connection, document_id: str,
              with_rejected: bool = False) -> list[Mention]:
    return [Mention(row.entity_id, Role(row.role), row.rendition, row.block, row.start,
                    row.end, row.name, row.method, row.confidence, row.confirmed == CONFIRMED)
            for row in connection.execute(_ALL_BY_DOCUMENT if with_rejected else _BY_DOCUMENT,
                                          {"document_id": document_id})]


# --- a curator's edits of links -----------------------------------------------------------
# A link is named by its entity, role and place in the text; an edit replaces the link's row
# (or its absence) by another, and records both, so that reverting is the same edit backwards.

_LINK_KEY = ("entity_id", "role", "rendition", "block", "start")


def link_rows(store: Store, document_id: str) -> list[dict]:
    """Every link of a document as stored, rejected ones included: what a curator edits."""
    with store.engine.connect() as connection:
        return [_row_dict(row) for row in connection.execute(
            _ALL_BY_DOCUMENT, {"document_id": document_id})]


def _row_dict(row) -> dict:  # noqa: ANN001 - a SQLAlchemy row
    found = dict(row._mapping)
    del found["document_id"]
    return found


def link_key(row: dict) -> tuple:
    return tuple(row[name] for name in _LINK_KEY)


def edit_link(store: Store, document_id: str, before: dict | None, after: dict | None,
              revision: int, actor: str) -> int:
    """Replace one link of a document, as it is ``before`` (None: absent), by ``after``
    (None: remove it), recording the change; refuses if the link is not as ``before``."""
    key = link_key(after if before is None else before)
    with store.writer.begin() as connection:
        where = (mentions.c.document_id == document_id) & _key_condition(key)
        rows = [_row_dict(row) for row in connection.execute(select(mentions).where(where))]
        current = rows[0] if rows else None
        if current != before:
            raise ConflictError("the link has changed since: reload the page and look again")
        connection.execute(delete(mentions).where(where))
        if after is not None:
            if link_key(after) != key:
                raise InputError("an edit cannot move a link; remove it and add another")
            connection.execute(_INSERT_MENTION, {"document_id": document_id, **after})
        # "link": the search index files the document again under its entities
        return history.record(connection, document_id, "link-edit", revision, actor,
                              before, after)


def _key_condition(key: tuple):  # noqa: ANN202 - a SQLAlchemy condition
    condition = None
    for name, value in zip(_LINK_KEY, key, strict=True):
        term = mentions.c[name] == value
        condition = term if condition is None else condition & term
    return condition


def document_links(store: Store, document_id: str) -> tuple[list[Mention], list[Proposal]]:
    """The links and proposals of one document, in reading order."""
    with store.engine.connect() as connection:
        found = _mentions(connection, document_id)
        unsure = [Proposal(row.text, EntityKind(row.kind), row.rendition, row.block, row.start,
                           row.end, row.method, row.suggested)
                  for row in connection.execute(select(proposals).where(
                      proposals.c.document_id == document_id))]
    return found, unsure


def roles_by_document(store: Store, document_ids: list[str]) -> dict[str, set[tuple[str, Role]]]:
    """(entity id, role) pairs of each document: what the search index files it under."""
    query = select(mentions.c.document_id, mentions.c.entity_id, mentions.c.role).where(
        mentions.c.document_id.in_(document_ids) & _LINKED)
    found: dict[str, set[tuple[str, Role]]] = {}
    with store.engine.connect() as connection:
        for document_id, entity_id, role in connection.execute(query):
            found.setdefault(document_id, set()).add((entity_id, Role(role)))
    return found


def names_used(store: Store, document_ids: list[str],
               entity_ids: Iterable[str]) -> dict[str, set[str]]:
    """For each document, the names under which these entities are linked there."""
    entity_ids = list(entity_ids)
    if not document_ids or not entity_ids:
        return {}
    found: dict[str, set[str]] = {}
    with store.engine.connect() as connection:
        for document_id, name in connection.execute(
                _NAMES_USED, {"documents": document_ids, "entities": entity_ids}):
            found.setdefault(document_id, set()).add(name)
    return found


def documents_of(store: Store, entity_id: str) -> Iterator[DocumentRole]:
    """Each document an entity appears in, once per role, with the first name form used."""
    query = select(mentions.c.document_id, mentions.c.role, mentions.c.name).where(
        (mentions.c.entity_id == entity_id) & _LINKED).order_by(mentions.c.document_id, mentions.c.role)
    seen: set[tuple[str, str]] = set()
    with store.engine.connect() as connection:
        for row in connection.execute(query):
            if (row.document_id, row.role) not in seen:
                seen.add((row.document_id, row.role))
                yield DocumentRole(row.document_id, Role(row.role), row.name)

