"""``/robots.txt``: where the sitemap is, and the pages crawlers should leave alone.

Search results with parameters are a crawler trap (every query, facet and page is another
address of the same documents), and the sitemap already names every document page. Pages
of signing in, editing and history are for people, not indexes. Crawlers that ignore the
file are served like anyone else: robots.txt asks, it does not guard.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

# Paths by prefix, as robots.txt matches them (RFC 9309): "/search?" is every search with a
# query string, leaving the bare search page crawlable.
DISALLOWED = ("/search?", "/api/v1/search", "/login", "/documents/*/edit",
              "/documents/*/history", "/documents/*/compare", "/documents/*/cite/", "/oai")


def robots(request: Request) -> PlainTextResponse:
    base = str(request.base_url).rstrip("/")
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), "",
             f"Sitemap: {base}/sitemap.xml", ""]
    return PlainTextResponse("\n".join(lines))


routes = [Route("/robots.txt", robots)]
