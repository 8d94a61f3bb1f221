"""Editing, for editors and admins: a document's metadata, access and links, entities' names,
and the history of each with a revert button.

Every form carries the session's token (chancery.web.session); every change is written as
the signed-in user (``user:NAME``), so the history says who made it.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from chancery.access import CURATORS
from chancery.archive import Archive
from chancery.curation import (FieldChange, MetadataEdit, access_from, field_changes,
                               shown_value)
from chancery.errors import ChanceryError, ConflictError
from chancery.model import (AccessLevel, Entity, EntityKind, HistoryEntry, LinkState, Name,
                            NameKind, Role)
from chancery.web.session import checked_form, current_user

KIND_PATHS = {EntityKind.PERSON: "people", EntityKind.PLACE: "places",
              EntityKind.ORG: "organizations", EntityKind.TERM: "terms"}
_KINDS = {path: kind for kind, path in KIND_PATHS.items()}
_STATES = {"confirm": LinkState.CONFIRMED, "reject": LinkState.REJECTED,
           "machine": LinkState.MACHINE}


class Editor:
    """The archive as an editor works on it: everything, under their name."""

    def __init__(self, archive: Archive, name: str) -> None:
        self.archive = archive
        self.actor = f"user:{name}"


def editor_of(request: Request) -> Editor:
    """The signed-in editor; a reader who is not one is sent to sign in, or refused."""
    user = current_user(request)
    if user is None:
        raise HTTPException(303, headers={
            "location": "/login?next=" + quote(request.url.path, safe="/:")})
    if not user.roles & CURATORS:
        raise HTTPException(403, "Only editors and admins may change the archive.")
    return Editor(request.app.state.archive, user.name)


def _back(path: str, message: str = "") -> RedirectResponse:
    return RedirectResponse(path + (f"?done={quote(message)}" if message else ""),
                            status_code=303)


def _text(form: FormData, name: str, limit: int = 20_000) -> str:
    value = form.get(name, "")
    return value[:limit] if isinstance(value, str) else ""


# --- documents ------------------------------------------------------------------------------

def edit_document(request: Request, error: str = "", status: int = 200,
                  edit: MetadataEdit | None = None, based_on: int = 0) -> Response:
    editor = editor_of(request)
    document = editor.archive.get(request.path_params["id"])
    rows = editor.archive.link_rows(document.id)
    names = {found.id: found.preferred for found in editor.archive.entities()}
    return request.app.state.pages.render(
        request, "edit.html", status_code=status, document=document,
        edit=edit or MetadataEdit.of(document), links=rows, names=names, error=error,
        done=request.query_params.get("done", "")[:200], levels=list(AccessLevel),
        roles=list(Role), states=_LINK_STATES,
        revision=based_on or editor.archive.revision(document.id))


async def save_document(request: Request) -> Response:
    editor = editor_of(request)
    form = await checked_form(request)
    document_id = request.path_params["id"]
    edit = MetadataEdit(
        _text(form, "title"), _text(form, "document_type"), _text(form, "summary"),
        _text(form, "date_text"), _text(form, "date_from"), _text(form, "date_to"),
        form.get("approximate") == "on",
        tuple(_text(form, "collections").splitlines()))
    based_on = _number(form, "revision") if form.get("revision") else None
    try:
        outcome = editor.archive.edit_metadata(document_id, edit, editor.actor, based_on)
    except ConflictError as error:  # the form keeps the editor's values; they save again
        return edit_document(request, f"{error.message}: this page now shows the current "
                             "revision's number; check its history, then save again.", 409, edit)
    except ChanceryError as error:
        return edit_document(request, error.message, 400, edit, based_on or 0)
    return _back(f"/documents/{document_id}/edit", f"Saved ({outcome.value}).")


async def save_access(request: Request) -> Response:
    editor = editor_of(request)
    form = await checked_form(request)
    document_id = request.path_params["id"]
    roles = tuple(_text(form, "roles", 400).replace(",", " ").split())
    try:
        access = access_from(_text(form, "level", 20), _text(form, "until", 20), roles)
        outcome = editor.archive.set_access(document_id, access, editor.actor)
    except ChanceryError as error:
        return edit_document(request, error.message, 400)
    return _back(f"/documents/{document_id}/edit", f"Access saved ({outcome.value}).")


async def save_link(request: Request) -> Response:
    editor = editor_of(request)
    form = await checked_form(request)
    document_id = request.path_params["id"]
    action = _text(form, "action", 20)
    try:
        if action == "add":
            editor.archive.add_link(document_id, _text(form, "entity", 200).strip(),
                                    _text(form, "role", 40), editor.actor)
        elif action in _STATES:
            key = (_text(form, "entity_id", 200), _text(form, "role", 40),
                   _number(form, "rendition"), _number(form, "block"), _number(form, "start"))
            editor.archive.set_link_state(document_id, key, _STATES[action], editor.actor)
        else:
            raise HTTPException(400, f"unknown action {action!r}")
    except ChanceryError as error:
        return edit_document(request, error.message, 400)
    return _back(f"/documents/{document_id}/edit", "Links saved.")


def _number(form: FormData, name: str) -> int:
    try:
        return int(_text(form, name, 12))
    except ValueError:
        raise HTTPException(400, f"{name} is not a number") from None


def document_history(request: Request) -> Response:
    editor = editor_of(request)
    document = editor.archive.get(request.path_params["id"])
    entries = [(entry, _document_changes(editor.archive, entry))
               for entry in editor.archive.history(document.id)]
    return request.app.state.pages.render(
        request, "history.html", subject=document.id, title=document.title,
        back=f"/documents/{document.id}", entries=entries,
        done=request.query_params.get("done", "")[:200])


def _document_changes(archive: Archive, entry: HistoryEntry) -> list:
    change = entry.change
    if change.action == "put" and change.revision > 1:
        return field_changes(archive.store.get(change.document_id, change.revision - 1),
                             archive.store.get(change.document_id, change.revision))
    return _edit_changes(entry)


def _edit_changes(entry: HistoryEntry) -> list:
    if entry.before is None and entry.after is None:
        return []
    before, after = entry.before or {}, entry.after or {}
    found = []
    if entry.change.action == "link-edit":  # which link, before the fields that changed
        found.append(FieldChange("link", _link(entry.before), _link(entry.after)))
    for name in dict.fromkeys([*before, *after]):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if isinstance(old, list) and isinstance(new, list):  # names: what went, what came
            old, new = [item for item in old if item not in new], \
                [item for item in new if item not in old]
            found.append(FieldChange(name.replace("_", " "), _items(old), _items(new)))
        else:
            found.append(FieldChange(name.replace("_", " "), _shown(name, old),
                                     _shown(name, new)))
    return found


def _link(row: dict | None) -> str:
    if row is None:
        return "—"
    return f"{row['entity_id']} as {row['role']}, “{row['name']}”"


def _items(items: list) -> str:
    if not items:
        return "—"
    return "; ".join(" ".join(str(value) for value in (item.get("text"), item.get("kind"),
                                                         item.get("lang")) if value)
                     if isinstance(item, dict) and "text" in item
                     else json.dumps(item, ensure_ascii=False) for item in items)


_LINK_STATES = {LinkState.CONFIRMED: "confirmed", LinkState.MACHINE: "made by the linker",
                LinkState.REJECTED: "rejected"}


def _shown(name: str, value: object) -> str:
    if name == "confirmed" and value is not None:
        return _LINK_STATES.get(value, str(value))  # type: ignore[call-overload]
    return shown_value(value)


async def revert(request: Request) -> Response:
    editor = editor_of(request)
    await checked_form(request)
    seq = request.path_params["seq"]
    entry = editor.archive.change(seq)
    subject = entry.change.document_id
    back = _history_path(subject)
    try:
        editor.archive.revert(seq, editor.actor)
    except ChanceryError as error:
        return _back(back, f"Change {seq} was not reverted: {error}")
    return _back(back, f"Change {seq} reverted.")


def _history_path(subject: str) -> str:
    kind, _, key = subject.partition("/")
    if kind in {found.value for found in EntityKind} and key:
        return f"/{KIND_PATHS[EntityKind(kind)]}/{key}/history"
    return f"/documents/{subject}/history"


# --- entities -------------------------------------------------------------------------------

def _entity(request: Request, editor: Editor) -> Entity:
    kind = _KINDS[request.url.path.split("/")[1]]
    return editor.archive.entity(f"{kind.value}/{request.path_params['key']}")


def edit_entity(request: Request, error: str = "", status: int = 200) -> Response:
    editor = editor_of(request)
    found = _entity(request, editor)
    return request.app.state.pages.render(
        request, "entity_edit.html", status_code=status, entity=found, error=error,
        path=f"/{KIND_PATHS[found.kind]}/{request.path_params['key']}",
        kinds=list(NameKind), done=request.query_params.get("done", "")[:200])


async def save_entity(request: Request) -> Response:
    editor = editor_of(request)
    form = await checked_form(request)
    found = _entity(request, editor)
    path = f"/{KIND_PATHS[found.kind]}/{request.path_params['key']}/edit"
    try:
        if _text(form, "action", 20) == "remove":
            index = _number(form, "index")
            if not 0 <= index < len(found.names):
                raise HTTPException(400, "no such name")
            editor.archive.remove_name(found.id, found.names[index], editor.actor)
        else:
            text = " ".join(_text(form, "text", 500).split())
            if not text:
                return edit_entity(request, "A name needs its text.", 400)
            try:
                kind = NameKind(_text(form, "kind", 40))
            except ValueError:
                return edit_entity(request, "Unknown kind of name.", 400)
            editor.archive.add_name(found.id, Name(
                text, kind, _text(form, "lang", 10).strip(), _text(form, "system", 40).strip(),
                _text(form, "valid_from", 10).strip(), _text(form, "valid_to", 10).strip(),
                _text(form, "source", 500).strip()), editor.actor)
    except ChanceryError as error:
        return edit_entity(request, error.message, 400)
    return _back(path, "Names saved.")


def entity_history(request: Request) -> Response:
    editor = editor_of(request)
    found = _entity(request, editor)
    return request.app.state.pages.render(
        request, "history.html", subject=found.id, title=found.preferred,
        back=f"/{KIND_PATHS[found.kind]}/{request.path_params['key']}",
        entries=[(entry, _edit_changes(entry)) for entry in editor.archive.history(found.id)],
        done=request.query_params.get("done", "")[:200])


routes = [
    Route("/documents/{id:path}/edit", edit_document, methods=["GET"]),
    Route("/documents/{id:path}/edit", save_document, methods=["POST"]),
    Route("/documents/{id:path}/access", save_access, methods=["POST"]),
    Route("/documents/{id:path}/links", save_link, methods=["POST"]),
    Route("/documents/{id:path}/history", document_history, methods=["GET"]),
    Route("/changes/{seq:int}/revert", revert, methods=["POST"]),
    *[Route(f"/{path}/{{key}}/edit", edit_entity, methods=["GET"]) for path in _KINDS],
    *[Route(f"/{path}/{{key}}/edit", save_entity, methods=["POST"]) for path in _KINDS],
    *[Route(f"/{path}/{{key}}/history", entity_history, methods=["GET"]) for path in _KINDS],
]
