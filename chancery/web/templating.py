"""Jinja2 for the reading room: autoescaping everywhere, and the filters the pages share."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from chancery.access import CURATORS
from chancery.model import Snippet
from chancery.text.languages import name_for, script_runs
from chancery.web.blocks import entity_url
from chancery.web.dates import MONTHS, day, machine_readable, spanned, written
from chancery.web.session import csrf_token, current_user

TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        default=True, default_for_string=True), trim_blocks=True, lstrip_blocks=True)
    env.filters.update(language=name_for, entity_url=entity_url, day=day, highlight=highlight,
                       date=written, spanned=spanned, machine_readable=machine_readable,
                       month_name=lambda number: MONTHS[int(number) - 1],
                       lang_runs=lang_runs, one_script=one_script)
    env.globals.update(query_string=query_string)
    env.tests["contains"] = lambda values, item: item in values
    env.tests["web_link"] = web_link
    env.tests["editor"] = lambda user: user is not None and bool(user.roles & CURATORS)
    return env


def lang_runs(text: object) -> Markup:
    """Text of an English page with each run of another script in a span saying its
    language ("as <span lang=ru>Чегулену</span>"), so that it is read and spoken right."""
    if isinstance(text, Markup):
        return text  # HTML already: its runs are its maker's to mark
    return Markup("").join(Markup('<span lang="{}">{}</span>').format(language, piece)
                           if language else escape(piece)
                           for piece, language in script_runs(str(text)))


def one_script(text: object) -> str:
    """Text for a place that cannot mark a run's language (a menu option, an attribute):
    the runs of another script left out, with the brackets that held them. The full text
    is shown, marked, beside it."""
    pieces = script_runs(str(text))
    if not any(language for _, language in pieces):
        return str(text)
    kept = "".join(piece for piece, language in pieces if not language)
    return " ".join(kept.replace("()", "").replace("[]", "").split()).strip(" ,;:")


def web_link(url: str) -> bool:
    """Whether a URL a document carries may be a link: http(s) to a host, nothing else.

    A permalink is the source's to give, so it may be ``javascript:`` or ``data:`` (only
    the Content-Security-Policy would stop it running); any other is shown as text.
    """
    try:
        parts = urlsplit(url)  # drops the tabs and newlines a browser drops too
    except ValueError:
        return False
    return url == url.strip() and parts.scheme in ("http", "https") and bool(parts.netloc)


def highlight(snippet: Snippet) -> Markup:
    """A snippet's text, escaped, with its hits in <mark>."""
    pieces, last = [], 0
    for start, end in sorted(snippet.highlights):
        if start < last:
            continue
        pieces += [escape(snippet.text[last:start]), Markup("<mark>"),
                   escape(snippet.text[start:end]), Markup("</mark>")]
        last = end
    pieces.append(escape(snippet.text[last:]))
    return Markup("").join(pieces)


def query_string(**parameters: object) -> str:
    """``?a=1&b=2`` from the parameters that have a value."""
    kept = {name: value for name, value in parameters.items() if value not in (None, "", 0)}
    return "?" + urlencode(kept, doseq=True) if kept else ""


class Pages:
    """Renders templates into responses."""

    def __init__(self) -> None:
        self.env = environment()

    def render(self, request: Request, name: str, status_code: int = 200,
               headers: dict[str, str] | None = None, **context: object) -> HTMLResponse:
        html = self.env.get_template(name).render(
            request=request, viewer=current_user(request),
            csrf=lambda: csrf_token(request), **context)
        return HTMLResponse(html, status_code=status_code, headers=headers)
