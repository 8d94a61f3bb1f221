"""The JSON API, version 1, under ``/api/v1``, described by OpenAPI at
``/api/v1/openapi.json``. Responses carry ETags; a matching ``If-None-Match`` gets 304.

Bad arguments get a 400 with a JSON ``{"error": ...}`` naming the parameter, unknown ids a
404: never a server error (schemathesis checks this against the description in CI).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import asdict

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from chancery.archive import FACET_NAMES
from chancery.errors import NotFoundError
from chancery.formats import jsonl
from chancery.web.reading import archive_of, entity_names

PREFIX = "/api/v1"
MAX_PAGE = 500
ENTITY_KINDS = ("person", "place", "org", "term")
# the forms the OpenAPI document declares, and the only ones the views accept, so that a
# client reading the description knows every value it may send
CURSOR = r"^([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$"  # padded base64url
_FACET = "(" + "|".join(FACET_NAMES) + ")"
FACETS = rf"^({_FACET}(,{_FACET})*)?$"


class BadParameter(Exception):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


def _json(request: Request, data: object, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if status == 200 and tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers={"ETag": tag})
    return Response(body, status_code=status, media_type="application/json",
                    headers={"ETag": tag} if status == 200 else {})


def _error(status: int, message: str, parameter: str = "") -> JSONResponse:
    return JSONResponse({"error": message, **({"parameter": parameter} if parameter else {})},
                        status_code=status)


def _integer(request: Request, name: str, default: int, low: int, high: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(name, f"{name} must be a whole number") from None
    if not low <= number <= high:
        raise BadParameter(name, f"{name} must be between {low} and {high}")
    return number


def error_response(status: int, message: str, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    """An error under the API's prefix as the description says errors are: JSON, never the
    reading room's HTML page (the app sends its 404s and 405s under PREFIX here)."""
    response = _error(status, message)
    response.headers.update(headers or {})
    return response


def _handled(view):  # noqa: ANN001, ANN202 - a Starlette endpoint
    def endpoint(request: Request) -> Response:
        try:
            return view(request)
        except BadParameter as error:
            return _error(400, error.message, error.name)
        except NotFoundError as error:
            return _error(404, error.message)
    return endpoint


@_handled
def documents(request: Request) -> Response:
    limit = _integer(request, "limit", 100, 1, MAX_PAGE)
    cursor = request.query_params.get("cursor", "")
    if not re.fullmatch(CURSOR, cursor):
        raise BadParameter("cursor", "cursor is not one this API gave")
    try:
        # any cursor of the declared form is a point in id order, though only those the
        # API gave fall between two ids; bytes that are no UTF-8 still name such a point
        after = base64.b64decode(cursor.encode(), altchars=b"-_", validate=True).decode(
            errors="replace")
    except (binascii.Error, ValueError):
        raise BadParameter("cursor", "cursor is not one this API gave") from None
    # No id holds a NUL (PostgreSQL's text cannot), so the ids after "a\0..." are those
    # after "a": the same point in id order, in a form every store can compare.
    after = after.split("\0", 1)[0]
    page = archive_of(request).page(after, limit)
    following = base64.urlsafe_b64encode(page[-1].id.encode()).decode() \
        if len(page) == limit else None
    return _json(request, {
        "documents": [{"id": item.id, "date": item.date, "title": item.title,
                       "url": f"{PREFIX}/documents/{item.id}"} for item in page],
        "next": following})


@_handled
def document(request: Request) -> Response:
    archive = archive_of(request)
    found = archive.get(request.path_params["id"])
    mentions, proposals = archive.links(found.id)
    data = jsonl.to_dict(found)
    if data.get("source"):  # where the operator keeps the file is not the reader's business
        data["source"]["name"] = re.split(r"[\\/]", data["source"]["name"])[-1]
    data["mentions"] = [json.loads(json.dumps(asdict(mention), default=str))
                        for mention in mentions]
    return _json(request, data)


@_handled
def search(request: Request) -> Response:
    text = request.query_params.get("q", "")
    if len(text) > 1000:
        raise BadParameter("q", "q is longer than 1,000 characters")
    sort = request.query_params.get("sort", "relevance")
    if sort not in ("relevance", "date", "newest"):
        raise BadParameter("sort", "sort is relevance, date or newest")
    asked = request.query_params.get("facets", "")
    facets = [name for name in asked.split(",") if name]
    unknown = [name for name in facets if name not in FACET_NAMES]
    if unknown:
        raise BadParameter("facets", f"unknown facets: {', '.join(unknown)}")
    if not re.fullmatch(FACETS, asked):
        raise BadParameter("facets", "facets are names separated by single commas")
    archive = archive_of(request)
    results = archive.search(text, _integer(request, "limit", 20, 0, 100),
                             _integer(request, "offset", 0, 0, 10_000), sort, facets)
    return _json(request, results.as_json(entity_names(archive)))


@_handled
def entities(request: Request) -> Response:
    kind = request.query_params.get("kind")
    if kind is not None and kind not in ENTITY_KINDS:
        raise BadParameter("kind", f"kind is {', '.join(ENTITY_KINDS[:-1])} or "
                           f"{ENTITY_KINDS[-1]}")
    found = archive_of(request).entities()
    return _json(request, {"entities": [
        {"id": entity.id, "kind": entity.kind.value, "name": entity.preferred,
         "url": f"{PREFIX}/entities/{entity.id}"}
        for entity in found if kind is None or entity.kind.value == kind]})


@_handled
def entity(request: Request) -> Response:
    found = archive_of(request).entity(request.path_params["id"])
    return _json(request, json.loads(json.dumps(asdict(found), default=str)))


@_handled
def collections(request: Request) -> Response:
    holdings = archive_of(request).overview(("collection", "repository"), size=10_000).facets
    return _json(request, {name: [{"name": value.value, "documents": value.count}
                                  for value in values] for name, values in holdings.items()})


def openapi(request: Request) -> Response:
    return JSONResponse(OPENAPI)


def _parameter(name: str, kind: str = "string", where: str = "query", **schema: object) -> dict:
    return {"name": name, "in": where, "required": where == "path",
            "schema": {"type": kind, **schema}}


def _responses(description: str, not_found: bool = False) -> dict:
    error = {"description": "bad parameter or unknown id", "content": {"application/json": {
        "schema": {"type": "object", "required": ["error"],
                   "properties": {"error": {"type": "string"},
                                  "parameter": {"type": "string"}}}}}}
    answers = {"200": {"description": description,
                       "content": {"application/json": {"schema": {"type": "object"}}}},
               "304": {"description": "not modified since the ETag given"},
               "400": error}
    if not_found:
        answers["404"] = error
    return answers


OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Chancery", "version": "1",
             "description": "Translated historical documents, their people, places and "
                            "organisations."},
    "paths": {
        f"{PREFIX}/documents": {"get": {
            "summary": "Every document, in id order, a page at a time",
            "parameters": [_parameter("limit", "integer", minimum=1, maximum=MAX_PAGE),
                           _parameter("cursor", pattern=CURSOR, description="the `next` "
                                      "of the page before (base64url, padded)")],
            "responses": _responses("a page of documents and the cursor of the next")}},
        f"{PREFIX}/documents/{{id}}": {"get": {
            "summary": "One document, the whole model, with its links",
            "parameters": [_parameter("id", where="path")],
            "responses": _responses("the document", not_found=True)}},
        f"{PREFIX}/search": {"get": {
            "summary": "Search in the query language of docs/search.md",
            "parameters": [_parameter("q"), _parameter("limit", "integer", minimum=0,
                                                       maximum=100),
                           _parameter("offset", "integer", minimum=0, maximum=10_000),
                           _parameter("sort", enum=["relevance", "date", "newest"]),
                           _parameter("facets", pattern=FACETS,
                                      description="comma-separated: "
                                      + ", ".join(FACET_NAMES))],
            "responses": _responses("hits and facet counts")}},
        f"{PREFIX}/entities": {"get": {
            "summary": "People, places and organisations of the authority",
            "parameters": [_parameter("kind", enum=list(ENTITY_KINDS))],
            "responses": _responses("the entities")}},
        f"{PREFIX}/entities/{{id}}": {"get": {
            "summary": "One entity with every name it goes by",
            "parameters": [_parameter("id", where="path")],
            "responses": _responses("the entity", not_found=True)}},
        f"{PREFIX}/collections": {"get": {
            "summary": "Collections and repositories with their document counts",
            "responses": _responses("collections and repositories")}},
    },
}

routes = [
    Route(f"{PREFIX}/openapi.json", openapi),
    Route(f"{PREFIX}/documents", documents),
    Route(f"{PREFIX}/documents/{{id:path}}", document),
    Route(f"{PREFIX}/search", search),
    Route(f"{PREFIX}/entities", entities),
    Route(f"{PREFIX}/entities/{{id:path}}", entity),
    Route(f"{PREFIX}/collections", collections),
]
