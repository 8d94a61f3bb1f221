"""The reading room as an ASGI app: routes by area, one archive, strict security headers."""

from __future__ import annotations

import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chancery.archive import Archive
from chancery.config import default_archive
from chancery.errors import ChanceryError, NotFoundError
from chancery.formats import tei
from chancery.web import (admin, api, browse, entities, feeds, oai, reading, robots, signin,
                         volumes)
from chancery.web import health
from chancery.web import proposals as proposal_routes
from chancery.web import iiif as iiif_routes
from chancery.web.caching import MAX_AGE_ENV, ConditionalPages, PageCache
from chancery.web.session import COOKIE, LIFETIME, secret_key
from chancery.web.templating import Pages

STATIC = Path(__file__).resolve().parent / "static"

# Document text is untrusted: even if a tag slipped through, no inline script or style runs.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'; form-action 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(name.encode(), value.encode())
                            for name, value in SECURITY_HEADERS.items()]
                if scope.get("session"):
                    headers = [(name, value) for name, value in headers
                               if name.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"private, no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


SECURE_COOKIES_ENV = "CHANCERY_SECURE_COOKIES"


def app_from_environment() -> Starlette:
    """The reading room over the archive $CHANCERY_ARCHIVE names: what each process of
    `chancery serve --workers N` runs."""
    archive = Archive.open(default_archive())
    archive.follow_changes()  # this node's index follows the store (several nodes, or a CLI)
    return create_app(archive,
                      secure_cookies=os.environ.get(SECURE_COOKIES_ENV) == "1",
                      cache_max_age=int(os.environ.get(MAX_AGE_ENV) or 0))


def create_app(archive: Archive, secure_cookies: bool = False, page_cache: bool = True,
               cache_max_age: int = 0) -> Starlette:
    """The reading room over an open archive; ``secure_cookies`` when it is served over TLS
    (browsers then send the session cookie over TLS only); ``page_cache``: keep rendered
    pages for readers without a session; ``cache_max_age``: seconds a cache in front may
    serve a page without asking (chancery.web.caching)."""
    pages = Pages()
    kept_pages = PageCache()

    def error_page(request: Request, status: int, title: str, message: str,
                   elsewhere: str | None = None) -> Response:
        return pages.render(request, "error.html", status_code=status, title=title,
                            message=message, elsewhere=elsewhere)

    async def not_found(request: Request, error: Exception) -> Response:
        message = error.message if isinstance(error, ChanceryError) else \
            "There is no page at this address."
        if request.url.path.startswith(api.PREFIX):  # the API answers in JSON, as it says
            return api.error_response(404, message)
        # a cross-reference to a FRUS document of a volume this archive does not hold: the
        # reader is told where the document is published
        path = request.scope.get("path", "")
        document = path.removeprefix("/documents/")
        elsewhere = tei.published_at(document) if document != path else None
        return error_page(request, 404, "Not found", message, elsewhere)

    async def bad_input(request: Request, error: ChanceryError) -> Response:
        if request.url.path.startswith(api.PREFIX):
            return api.error_response(400, error.message)
        return error_page(request, 400, "Cannot do that", error.message)

    async def http_error(request: Request, error: HTTPException) -> Response:
        if 300 <= error.status_code < 400 and error.headers:  # "sign in first"
            return RedirectResponse(error.headers["location"], status_code=error.status_code)
        if error.status_code == 404:
            return await not_found(request, error)
        if request.url.path.startswith(api.PREFIX):
            return api.error_response(error.status_code, str(error.detail), error.headers)
        page = error_page(request, error.status_code, "Cannot do that", str(error.detail))
        page.headers.update(error.headers or {})  # a 405's Allow
        return page

    app = Starlette(
        routes=[*signin.routes, *admin.routes, *proposal_routes.routes, *reading.routes, *entities.routes, *browse.routes, *volumes.routes, *feeds.routes, *oai.routes,
                *robots.routes, *health.routes,
                *iiif_routes.routes,
                *api.routes,
                Mount("/static", StaticFiles(directory=STATIC), name="static")],
        middleware=[Middleware(SecurityHeaders),
                    # one key for every node of a shared store, else the folder's own
                    Middleware(SessionMiddleware, secret_key=archive.shared_session_key()
                               or secret_key(archive.folder),
                               session_cookie=COOKIE, max_age=LIFETIME, same_site="lax",
                               https_only=secure_cookies),
                    Middleware(ConditionalPages, archive=archive, max_age=cache_max_age,
                               cache=kept_pages, enabled=page_cache),
                    Middleware(GZipMiddleware, minimum_size=1024)],
        exception_handlers={NotFoundError: not_found, ChanceryError: bad_input,
                            HTTPException: http_error})
    app.state.archive = archive
    app.state.page_cache = kept_pages
    app.state.pages = pages
    return app
