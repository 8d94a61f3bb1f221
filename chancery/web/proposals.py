"""Proposed names, for editors and admins: each name the linker found that the authority
lacks, with the documents proposing it and the entity its key suggests, to accept as a new
entity, add as a name of an existing one, or reject (chancery.proposals).

Every form carries the session's token (chancery.web.session); decisions are recorded as the
signed-in user.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.errors import ChanceryError
from chancery.model import EntityKind
from chancery.web.admin import _back, _text, editor_of
from chancery.web.session import checked_form

PAGE_SIZE = 50
_KINDS = (EntityKind.PERSON, EntityKind.PLACE, EntityKind.ORG)


def proposals_page(request: Request, error: str = "", status: int = 200) -> Response:
    editor = editor_of(request)
    try:
        page = max(1, int(request.query_params.get("page", "1")[:6]))
    except ValueError:
        page = 1
    review = editor.archive.proposals
    names = review.open(PAGE_SIZE, (page - 1) * PAGE_SIZE)
    suggested = {name.suggested: editor.archive.entity(name.suggested).preferred
                 for name in names if name.suggested}
    total = review.count()
    return request.app.state.pages.render(
        request, "proposals.html", status_code=status, names=names, suggested=suggested,
        total=total, page=page, pages=max(1, -(-total // PAGE_SIZE)), kinds=_KINDS,
        error=error, done=request.query_params.get("done", "")[:200])


async def decide(request: Request) -> Response:
    editor = editor_of(request)
    form = await checked_form(request)
    text = _text(form, "form", 500)
    action = _text(form, "action", 20)
    try:
        if action == "reject":
            editor.archive.proposals.reject(text, editor.actor)
            return _back("/proposals", f"'{text}' rejected.")
        entity_id = _text(form, "entity", 200).strip() if action == "name" else ""
        if action == "name" and not entity_id:
            return proposals_page(request, "Give the id of the entity the name is of.", 400)
        kind = None
        if action == "new":
            try:
                kind = EntityKind(_text(form, "kind", 20))
            except ValueError:
                return proposals_page(request, "Unknown kind of entity.", 400)
        entity, count = editor.archive.proposals.accept(text, editor.actor, entity_id, kind)
    except ChanceryError as error:
        return proposals_page(request, error.message, 400)
    return _back("/proposals", f"'{text}' is a name of {entity.preferred} ({entity.id}); "
                               f"{count} documents linked again.")


routes = [
    Route("/proposals", proposals_page, methods=["GET"]),
    Route("/proposals", decide, methods=["POST"]),
]
