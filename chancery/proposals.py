"""Curators' review of proposed names: accept one as a new entity or as a name of an existing
one, or reject it; an accepted name is then linked in every document that uses it.

The archive composes this service (``Archive.proposals``); it owns no storage of its own
beyond the decisions (``chancery.store.proposal_queue``) and the authority's entities.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

from chancery.errors import InputError, NotFoundError
from chancery.model import Entity, EntityKind, Name, NameKind, ProposedName
from chancery.store import authority, proposal_queue
from chancery.store.store import Store
from chancery.text.names import name_skeleton

MAX_FORM = 200  # characters: a name, not a paragraph
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


class ProposalReview:
    """Proposed names of one archive, and what curators decide about them."""

    def __init__(self, store: Store, relink: Callable[[Iterable[str]], int],
                 documents_using: Callable[[str], Iterable[str]],
                 authority_changed: Callable[[], None]) -> None:
        self.store = store
        self._relink = relink  # links these documents again with the current authority
        self._documents_using = documents_using  # ids of the documents whose text has a name
        self._authority_changed = authority_changed

    def open(self, limit: int = 50, offset: int = 0,
             kind: EntityKind | None = None) -> list[ProposedName]:
        return proposal_queue.open_names(self.store, limit, offset, kind)

    def count(self) -> int:
        return proposal_queue.count_open(self.store)

    def accept(self, form: str, actor: str, entity_id: str = "",
               kind: EntityKind | None = None) -> tuple[Entity, int]:
        """Make a proposed form a name: of ``entity_id`` if given, else of a new entity of
        ``kind`` (the proposal's own by default). Returns the entity and how many documents
        were linked again."""
        found = self._proposed(form)
        name = Name(form, NameKind.VARIANT if entity_id else NameKind.PREFERRED,
                    lang=_language(form))
        if entity_id:
            entity = authority.get(self.store, entity_id)
            if all(existing.text != form for existing in entity.names):
                entity = authority.add_name(self.store, entity_id, name, actor)
        else:
            chosen = kind or found.kind
            if chosen is EntityKind.TERM:
                raise InputError("a proposal becomes a person, place or organisation",
                                 hint="kind: person, place or org")
            entity = Entity(self._new_id(chosen, form), chosen, (name,))
            authority.put(self.store, entity, actor)
        proposal_queue.decide(self.store, form, proposal_queue.ACCEPTED, entity.id, actor)
        self._authority_changed()
        documents = set(proposal_queue.documents_proposing(self.store, form))
        documents.update(self._documents_using(form))
        return entity, self._relink(sorted(documents))

    def reject(self, form: str, actor: str) -> None:
        """Say a proposed form is no name: it is not offered again."""
        self._proposed(form)
        proposal_queue.decide(self.store, form, proposal_queue.REJECTED, "", actor)

    def _proposed(self, form: str) -> ProposedName:
        if not form.strip() or len(form) > MAX_FORM:
            raise InputError(f"a proposed name is 1 to {MAX_FORM} characters")
        found = proposal_queue.proposed(self.store, form)
        if found is None:
            raise NotFoundError(f"no proposal '{form}'",
                                hint="'chancery proposals list' shows them")
        return found

    def _new_id(self, kind: EntityKind, form: str) -> str:
        """An id from the name's letters ("person/n-v-roshchin"), made unique."""
        slug = "-".join(name_skeleton(form).split())[:60]
        if not slug:  # a script the skeleton cannot read (Chinese characters)
            slug = hashlib.sha256(form.encode()).hexdigest()[:12]
        candidate, number = f"{kind.value}/{slug}", 1
        while _exists(self.store, candidate):
            number += 1
            candidate = f"{kind.value}/{slug}-{number}"
        return candidate


def _exists(store: Store, entity_id: str) -> bool:
    try:
        authority.get(store, entity_id)
    except NotFoundError:
        return False
    return True


def _language(form: str) -> str:
    if _CYRILLIC.search(form):
        return "ru"
    if _HAN.search(form):
        return "zh"
    return "en"
