"""Feeds for machines: an Atom feed of new documents and a sitemap for search engines."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from lxml import etree
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.web.dates import spanned
from chancery.web.reading import archive_of

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 50
SITEMAP_SIZE = 50_000  # the sitemap protocol's limit of URLs a file
MAX_SITEMAP_PAGE = 100_000  # five billion documents: a page past it is past any archive


def _url(request: Request, document_id: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/documents/{quote(document_id, safe=':/')}"


def _add(parent: etree._Element, namespace: str, name: str, text: str = "",
         **attributes: str) -> etree._Element:
    child = etree.SubElement(parent, f"{{{namespace}}}{name}", attributes)
    if text:
        child.text = text
    return child


def atom(request: Request) -> Response:
    """The documents added or revised last, newest first (Atom 1.0, RFC 4287)."""
    archive = archive_of(request)
    newest = archive.recent(FEED_SIZE)
    documents = archive.get_many(item.id for item in newest)
    base = str(request.base_url).rstrip("/")
    feed = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    _add(feed, ATOM, "title", "Chancery: new documents")
    _add(feed, ATOM, "id", f"{base}/feed.atom")
    _add(feed, ATOM, "link", rel="self", href=f"{base}/feed.atom")
    _add(feed, ATOM, "link", rel="alternate", href=f"{base}/")
    _add(feed, ATOM, "updated", newest[0].changed if newest and newest[0].changed else
         datetime.now(UTC).isoformat(timespec="seconds"))
    _add(_add(feed, ATOM, "author"), ATOM, "name", "Chancery")
    for item in newest:
        entry = _add(feed, ATOM, "entry")
        url = _url(request, item.id)
        _add(entry, ATOM, "id", url)
        _add(entry, ATOM, "title", item.title)
        _add(entry, ATOM, "link", rel="alternate", type="text/html", href=url)
        _add(entry, ATOM, "updated", item.changed)
        document = documents.get(item.id)
        if document is not None and document.summary:
            _add(entry, ATOM, "summary", document.summary)
        if item.date:
            _add(entry, ATOM, "category", term=item.date[:4],
                 label=f"dated {spanned(item.date, item.date_end)}")
    return Response(etree.tostring(feed, xml_declaration=True, encoding="UTF-8"),
                    media_type="application/atom+xml; charset=utf-8")


def sitemap(request: Request) -> Response:
    """Every document page: one sitemap, or an index of sitemaps of 50,000 URLs each."""
    archive = archive_of(request)
    count = archive.count()
    base = str(request.base_url).rstrip("/")
    if count <= SITEMAP_SIZE:
        return _urlset(request, archive.ids(0, SITEMAP_SIZE))
    index = etree.Element(f"{{{SITEMAP}}}sitemapindex", nsmap={None: SITEMAP})
    for page in range(-(-count // SITEMAP_SIZE)):
        _add(_add(index, SITEMAP, "sitemap"), SITEMAP, "loc", f"{base}/sitemap-{page}.xml")
    return _xml(index)


def sitemap_page(request: Request) -> Response:
    page = request.path_params["page"]
    ids = archive_of(request).ids(page * SITEMAP_SIZE, SITEMAP_SIZE) \
        if page <= MAX_SITEMAP_PAGE else []  # SQLite holds no larger offset than 2**63
    if not ids:
        return Response("no such sitemap page\n", status_code=404, media_type="text/plain")
    return _urlset(request, ids)


def _urlset(request: Request, ids: list[str]) -> Response:
    urls = etree.Element(f"{{{SITEMAP}}}urlset", nsmap={None: SITEMAP})
    for document_id in ids:
        _add(_add(urls, SITEMAP, "url"), SITEMAP, "loc", _url(request, document_id))
    return _xml(urls)


def _xml(root: etree._Element) -> Response:
    return Response(etree.tostring(root, xml_declaration=True, encoding="UTF-8"),
                    media_type="application/xml; charset=utf-8")


routes = [
    Route("/feed.atom", atom),
    Route("/sitemap.xml", sitemap),
    Route("/sitemap-{page:int}.xml", sitemap_page),
]
