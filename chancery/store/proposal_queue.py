"""Proposed names as curators review them: grouped by form, and their decisions.

The linker writes proposals afresh at every relink (``authority.replace_links``); a curator's
decision is kept by name form in ``proposal_decisions``, so a rejected form is not offered
again however often the linker finds it, and an accepted one is remembered with its entity.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, func, select

from chancery.model import EntityKind, ProposedName
from chancery.store.schema import proposal_decisions, proposals
from chancery.store.store import Store

ACCEPTED, REJECTED = "accepted", "rejected"
_DECIDED = select(proposal_decisions.c.form)


def open_names(store: Store, limit: int = 50, offset: int = 0,
               kind: EntityKind | None = None) -> list[ProposedName]:
    """Proposed forms no curator has decided on, those in most documents first."""
    documents = func.count(proposals.c.document_id.distinct())
    query = (select(proposals.c.text, func.min(proposals.c.kind).label("kind"),
                    documents.label("documents"), func.count().label("occurrences"),
                    func.max(proposals.c.suggested).label("suggested"),
                    func.min(proposals.c.method).label("method"),
                    func.min(proposals.c.document_id).label("example"))
             .where(proposals.c.text.not_in(_DECIDED))
             .group_by(proposals.c.text)
             .order_by(documents.desc(), proposals.c.text)
             .limit(max(0, limit)).offset(max(0, offset)))
    if kind is not None:
        query = query.where(proposals.c.kind == kind.value)
    with store.engine.connect() as connection:
        return [ProposedName(row.text, EntityKind(row.kind), row.documents, row.occurrences,
                             row.suggested, row.method, row.example)
                for row in connection.execute(query)]


def count_open(store: Store) -> int:
    """How many proposed forms await a decision."""
    query = select(func.count(proposals.c.text.distinct())).where(
        proposals.c.text.not_in(_DECIDED))
    with store.engine.connect() as connection:
        return int(connection.execute(query).scalar() or 0)


def proposed(store: Store, form: str) -> ProposedName | None:
    """One proposed form, decided or not; None if the linker never proposed it."""
    documents = func.count(proposals.c.document_id.distinct())
    query = (select(func.min(proposals.c.kind).label("kind"), documents.label("documents"),
                    func.count().label("occurrences"),
                    func.max(proposals.c.suggested).label("suggested"),
                    func.min(proposals.c.method).label("method"),
                    func.min(proposals.c.document_id).label("example"))
             .where(proposals.c.text == form))
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    if row is None or not row.occurrences:
        return None
    return ProposedName(form, EntityKind(row.kind), row.documents, row.occurrences,
                        row.suggested, row.method, row.example)


def documents_proposing(store: Store, form: str) -> list[str]:
    """The ids of the documents a form is proposed in."""
    query = select(proposals.c.document_id).where(proposals.c.text == form).distinct()
    with store.engine.connect() as connection:
        return sorted(row.document_id for row in connection.execute(query))


def decide(store: Store, form: str, decision: str, entity_id: str, actor: str) -> None:
    """Record a curator's decision on a form (a later decision replaces an earlier one)."""
    with store.writer.begin() as connection:
        connection.execute(delete(proposal_decisions).where(proposal_decisions.c.form == form))
        connection.execute(proposal_decisions.insert().values(
            form=form, decision=decision, entity_id=entity_id, actor=actor,
            at=datetime.now(UTC).isoformat(timespec="seconds")))


def decision(store: Store, form: str) -> tuple[str, str] | None:
    """(decision, entity id) for a form, or None if undecided."""
    query = select(proposal_decisions.c.decision, proposal_decisions.c.entity_id).where(
        proposal_decisions.c.form == form)
    with store.engine.connect() as connection:
        row = connection.execute(query).first()
    return None if row is None else (row.decision, row.entity_id)
