"""Signing in and out: argon2-checked passwords, a throttle on guessing, fresh sessions."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from chancery.errors import TooManyAttempts
from chancery.web.session import checked_form, csrf_token, sign_in, sign_out


def safe_next(value: object) -> str:
    """Where to go after signing in: a path of this site only (no open redirect)."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") \
            and "\\" not in value and len(value) < 2000:
        return value
    return "/"


def login_form(request: Request) -> Response:
    csrf_token(request)  # the form's token lives in the session from now on
    return _page(request, safe_next(request.query_params.get("next")))


async def login(request: Request) -> Response:
    form = await checked_form(request)
    name, password = str(form.get("name", ""))[:64], str(form.get("password", ""))
    goto = safe_next(form.get("next"))
    # the address uvicorn gives: a proxy's X-Forwarded-For only from `serve --trusted-proxy`
    address = request.client.host if request.client else ""
    try:
        session = await run_in_threadpool(request.app.state.archive.sign_in, name, password,
                                          address)
    except TooManyAttempts as error:
        return _page(request, goto, name, 429, error.message,
                     {"retry-after": str(int(error.wait) + 1)})
    if session is None:
        return _page(request, goto, name, 401, "The name or the password is wrong.")
    sign_in(request, session)
    return RedirectResponse(goto, status_code=303)


async def logout(request: Request) -> Response:
    await checked_form(request)
    await run_in_threadpool(sign_out, request)
    return RedirectResponse("/", status_code=303)


def _page(request: Request, goto: str, name: str = "", status: int = 200, error: str = "",
          headers: dict[str, str] | None = None) -> Response:
    return request.app.state.pages.render(request, "login.html", status_code=status,
                                          headers=headers, goto=goto, user_name=name, error=error)


routes = [Route("/login", login_form, methods=["GET"]),
          Route("/login", login, methods=["POST"]),
          Route("/logout", logout, methods=["POST"])]
