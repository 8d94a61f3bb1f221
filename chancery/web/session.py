"""Who is signed in, and that a form came from our own page.

The session is a cookie signed with the archive's secret key (Starlette's SessionMiddleware:
HttpOnly, SameSite=Lax, Secure where the site is served over TLS). It holds the user's name,
the generation of their sessions and the form token, nothing else. Both are checked against
the store on each request: roles are read there, so that a user removed or demoted loses their
rights at once, and a cookie of an older generation (before a logout, a new password or new
roles, or from a removed user of the same name) signs no one in.
"""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request

from chancery.access import Reader
from chancery.archive import SECRET_FILE
from chancery.model import Session, User

COOKIE = "chancery_session"
LIFETIME = 8 * 3600  # seconds: a working day, then sign in again
_MISSING = object()


def secret_key(folder: Path) -> str:
    """The archive's session key, made once (readable by its owner only)."""
    path = folder / SECRET_FILE
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(48)
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first
        return path.read_text().strip()
    except OSError:  # a read-only archive: sessions last until the server stops
        return key
    with os.fdopen(handle, "w") as file:
        file.write(key)
    return key


def current_user(request: Request) -> User | None:
    """The signed-in user of this request (looked up once per request)."""
    found = getattr(request.state, "user", _MISSING)
    if found is _MISSING:
        cookie = request.session if "session" in request.scope else {}
        name, generation = cookie.get("user"), cookie.get("generation")
        found = request.app.state.archive.session_user(name, generation) \
            if isinstance(name, str) and isinstance(generation, str) else None
        request.state.user = found
    return found


def reader_of(request: Request) -> Reader:
    user = current_user(request)
    return Reader(user.roles) if user else Reader.anonymous()


def sign_in(request: Request, session: Session) -> None:
    # a new session, new token: nothing from before signing in carries over (no fixation)
    request.session.clear()
    request.session.update(user=session.user.name, generation=session.generation,
                           csrf=secrets.token_urlsafe(32))
    request.state.user = session.user


def sign_out(request: Request) -> None:
    """End this session and every other of its user (a copied cookie must not outlive it)."""
    user = current_user(request)
    if user is not None:  # a cookie already ended must not end the user's new sessions
        request.app.state.archive.end_sessions(user.name)
    request.session.clear()
    request.state.user = None


def csrf_token(request: Request) -> str:
    """The token every form of this session carries back (made when first needed)."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def checked_form(request: Request) -> FormData:
    """The posted form, if it carries this session's token and comes from this site;
    403 otherwise (a forged cross-site request)."""
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise HTTPException(403, "This form was sent from another site.")
    form = await request.form(max_files=0, max_fields=100, max_part_size=64 * 1024)
    sent, expected = form.get("csrf"), request.session.get("csrf")
    if not isinstance(sent, str) or not isinstance(expected, str) or \
            not hmac.compare_digest(sent.encode(), expected.encode()):
        raise HTTPException(403, "This form has expired or was not sent from this site: "
                                 "reload the page and send it again.")
    return form
