"""What an editor may change, checked; what reverting a change means; and what a new reading
of a source keeps of the editors' work.

Pure functions over the model: the archive applies their results as new revisions, so that
every edit, every revert and every reading of a source again is itself a change in the history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from pydantic import TypeAdapter

from chancery.accounts import checked_roles
from chancery.errors import ConflictError, InputError
from chancery.model import Access, AccessLevel, Document, Rendition, RenditionKind
from chancery.text import dates

MAX_FIELD = 10_000  # characters in one edited field
_DOCUMENT = TypeAdapter(Document)


def access_from(level: str, until: str = "", roles: tuple[str, ...] = ()) -> Access:
    """An access level as a curator gives it, checked."""
    try:
        chosen = AccessLevel(level)
    except ValueError:
        raise InputError(f"unknown access level {level!r}",
                         hint="public, restricted or embargoed") from None
    if until:
        try:
            until = date.fromisoformat(until).isoformat()
        except ValueError:
            raise InputError(f"{until!r} is not a day", hint="give YYYY-MM-DD") from None
        if chosen is not AccessLevel.EMBARGOED:
            raise InputError("only an embargo has a day it lifts")
    if chosen is AccessLevel.EMBARGOED and not until:
        raise InputError("an embargo needs the day it lifts", hint="give YYYY-MM-DD")
    if chosen is AccessLevel.PUBLIC and roles:
        raise InputError("a public document is open to everyone: it has no roles")
    if chosen is AccessLevel.RESTRICTED and not roles:
        raise InputError("a restricted document needs the roles that may read it",
                         hint="editors and admins always may")
    return Access(chosen, until, tuple(sorted(checked_roles(roles))) if roles else ())


@dataclass(frozen=True, slots=True)
class MetadataEdit:
    """The fields of a document an editor changes in the web interface."""

    title: str
    document_type: str
    summary: str
    date_text: str
    date_from: str
    date_to: str
    approximate: bool
    collections: tuple[str, ...]

    @classmethod
    def of(cls, document: Document) -> MetadataEdit:
        found = document.date
        return cls(document.title, document.document_type, document.summary,
                   found.text if found else "", found.start if found else "",
                   found.end if found else "", found.approximate if found else False,
                   document.collections)

    def applied_to(self, document: Document) -> Document:
        """The document with these values, or InputError naming the field that is wrong."""
        for name in ("title", "document_type", "summary", "date_text"):
            if len(getattr(self, name)) > MAX_FIELD:
                raise InputError(f"{name.replace('_', ' ')} is longer than {MAX_FIELD:,} "
                                 "characters")
        title = " ".join(self.title.split())
        if not title:
            raise InputError("a document needs a title")
        found = document.date
        if self.date_from:
            try:
                found = dates.from_iso(self.date_text.strip(), self.date_from.strip(),
                                       self.date_to.strip(), self.approximate)
            except ValueError as error:
                raise InputError(f"date: {error}") from None
            if document.date and (found.start, found.end, found.approximate) == (
                    document.date.start, document.date.end, document.date.approximate):
                found = replace(document.date, text=found.text)
        elif self.date_to:
            raise InputError("date: give the first day (or year) too")
        else:
            found = None
        return replace(document, title=title, document_type=self.document_type.strip(),
                       summary=self.summary.strip().replace("\r\n", "\n"), date=found,
                       collections=tuple(dict.fromkeys(
                           line.strip() for line in self.collections if line.strip())))


# Fields a source gives and a curator may change; the id names the document and the source
# is the file itself, so neither is a curator's.
CURATED_FIELDS = tuple(field.name for field in fields(Document)
                       if field.name not in ("id", "source"))


@dataclass(frozen=True, slots=True)
class Rereading:
    """A document read again from its source, with what curators changed kept over it."""

    document: Document
    kept: dict[str, Any]  # each field kept from curators -> what the source says (as JSON)
    conflicts: tuple[str, ...]  # kept fields that the source changed too


def reread(previous: Document | None, current: Document, reading: Document) -> Rereading:
    """The new ``reading`` of a source, with every field a curator changed since the
    ``previous`` reading (the ``current`` document differs from it there) kept as the
    curator left it.

    A field that the source changed as well is a conflict: the curator's value stays and the
    conflict is reported for a curator to settle, never settled by overwriting. Where the
    source now says what the curator said, the field is the source's again. Without a
    previous reading (a document made by hand) nothing tells the curators' fields from the
    source's except access, which a source file never decides over a curator.
    """
    # OCR is read from the page images, not from the source: a new reading keeps the
    # current machine-read texts, and adding them was no curator's change of the source's
    machine = tuple(rendition for rendition in current.renditions
                    if rendition.kind is RenditionKind.OCR)
    if machine:
        reading = _with_machine_read(reading, machine)
        previous = previous and _with_machine_read(previous, machine)
    if previous is None:
        curated = ("access",) if current.access != reading.access else ()
    else:
        curated = tuple(name for name in CURATED_FIELDS
                        if getattr(current, name) != getattr(previous, name))
    kept = tuple(name for name in curated
                 if getattr(reading, name) != getattr(current, name))
    if not kept:
        return Rereading(reading, {}, ())
    said = _as_json(reading)
    conflicts = () if previous is None else tuple(
        name for name in kept if getattr(reading, name) != getattr(previous, name))
    return Rereading(replace(reading, **{name: getattr(current, name) for name in kept}),
                     {name: said[name] for name in kept}, conflicts)


def _with_machine_read(document: Document, machine: tuple[Rendition, ...]) -> Document:
    return replace(document, renditions=tuple(
        rendition for rendition in document.renditions
        if rendition.kind is not RenditionKind.OCR) + machine)


def with_value(document: Document, name: str, value: Any) -> Document:
    """The document with one field set from its JSON form (as a reading's note keeps it)."""
    return _DOCUMENT.validate_python({**_as_json(document), name: value})


def _as_json(document: Document) -> dict[str, Any]:
    return _DOCUMENT.dump_python(document, mode="json")


def reverted(before: Any, after: Any, current: Any) -> dict[str, Any]:
    """The fields to set on ``current`` to undo the change from ``before`` to ``after`` (two
    dataclasses of one kind); ConflictError if any of them has changed again since."""
    changed = {field.name: getattr(before, field.name) for field in fields(before)
               if getattr(before, field.name) != getattr(after, field.name)}
    if not changed:
        raise InputError("this change changed nothing that can be undone")
    again = [name for name in changed if getattr(current, name) != getattr(after, name)]
    if again:
        raise ConflictError(f"changed again since: {', '.join(again)}",
                            hint="revert the later change first")
    return changed


@dataclass(frozen=True, slots=True)
class FieldChange:
    name: str
    before: str
    after: str


def field_changes(before: Any, after: Any, shown: int = 400) -> list[FieldChange]:
    """What differs between two dataclasses of one kind, as text a history page can show."""
    adapter = TypeAdapter(type(before))
    old, new = adapter.dump_python(before, mode="json"), adapter.dump_python(after, mode="json")
    return [FieldChange(name.replace("_", " "), shown_value(old[name], shown),
                        shown_value(new[name], shown))
            for name in old if old[name] != new.get(name)]


def shown_value(value: Any, limit: int = 400) -> str:
    """A field's value as a history page shows it: text as it is, the rest as JSON, cut."""
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + " …"
