"""HTTP caching from the change log: validators, 304s without rendering, and a page cache.

A page of the reading room (HTML, JSON API, feed, sitemap, OAI answer) can change only when
the archive's change log moves, or when a day passes on which an embargo lifts: both are in
``Archive.state(day)``, read cheaply on each request. So for a reader without a session
(anonymous: no cookie, nothing that depends on who they are):

- the validator is known before rendering: a weak ETag from the page's address (scheme,
  host, path, query, whether the body is gzipped), the archive's state and this code's
  build; ``Last-Modified`` is when the log last moved or the last embargo lifted. A matching
  ``If-None-Match`` (or, without one, ``If-Modified-Since``) is answered 304 at once.
- rendered answers are kept in a bounded LRU cache (per process) and served for as long as
  the archive's state is the one they were made in; any change (an edit, an ingest, an
  access change) or an embargo's day passing makes every one of them stale at once, so a
  document newly restricted is never served from the cache. Each worker process keeps its
  own cache and sees another's changes through the store.
- ``Cache-Control: public, max-age=N, must-revalidate`` (N 0 by default: a cache in front
  revalidates each time, so an access change reaches it at once; docs/web.md).

A reader with a session (signed in, or holding a form's token) is never served from the
cache nor stored in it: their pages show who they are, their roles' documents and their form
token, and things outside the change log (accounts), so they are rendered each time, marked
``private, no-store`` (chancery.web.app), and carry an ETag of their bytes.

Only successful GET and HEAD answers are kept; an answer that starts a session (a form
page sets its token) is not, nor one rendered while this process's search index was behind
the store (it may lack the change the state names).
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from starlette.types import ASGIApp, Message, Receive, Scope, Send

import chancery
from chancery import access
from chancery.archive import Archive
from chancery.model import ArchiveState

MAX_AGE_ENV = "CHANCERY_CACHE_MAX_AGE"  # seconds a cache in front may keep a page unasked
DEFAULT_CAPACITY = 64 * 1024 * 1024  # bytes of kept pages, per process
_REPLACED = {b"etag", b"last-modified", b"cache-control"}
# files with their own validators (Starlette's StaticFiles), and the balancer's probe: live,
# and not a reader's page to count
_BYPASS = ("/static/", "/healthz")
# a route's own Cache-Control that forbids keeping or sharing its answer
_UNSHARED = re.compile(rb"no-store|private|no-cache", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class KeptPage:
    version: str  # the archive's state it was rendered in
    status: int
    headers: tuple[tuple[bytes, bytes], ...]  # without the validators, added when served
    body: bytes


class PageCache:
    """Rendered pages by address, least recently used first out, bounded in bytes."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        self.capacity = capacity
        self.size = 0
        self._pages: OrderedDict[tuple, KeptPage] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        # answered without a body (the reader's copy still good) and rendered anew, by
        # ConditionalPages: with hits, what each request of an anonymous reader cost this
        # process (shown in /healthz, so an operator sees whether its nodes' caches pool)
        self.not_modified = self.rendered = 0

    def get(self, key: tuple, version: str) -> KeptPage | None:
        with self._lock:
            page = self._pages.get(key)
            if page is None or page.version != version:
                return None
            self._pages.move_to_end(key)
            self.hits += 1
            return page

    def put(self, key: tuple, page: KeptPage) -> None:
        cost = len(page.body) + sum(len(name) + len(value) for name, value in page.headers)
        if cost > self.capacity // 8:  # one huge answer must not push out everything else
            return
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.size -= len(old.body) + sum(len(n) + len(v) for n, v in old.headers)
            self._pages[key] = page
            self.size += cost
            while self.size > self.capacity:
                _, gone = self._pages.popitem(last=False)
                self.size -= len(gone.body) + sum(len(n) + len(v) for n, v in gone.headers)

    def __len__(self) -> int:
        return len(self._pages)

    def counts(self) -> dict[str, int]:
        """Pages kept now, and since the process started the anonymous requests answered
        304, from the cache, and rendered (a rendered page may not be kept). Not the bytes
        kept: their sum moves with what pages say, and the API's relevance scores are worked
        out over every document, hidden ones too (tests/web/test_access.py)."""
        with self._lock:
            return {"pages": len(self._pages), "not_modified": self.not_modified,
                    "hits": self.hits, "rendered": self.rendered}


def build_tag(package: Path = Path(chancery.__file__).resolve().parent) -> str:
    """What this code is, as far as its pages go: every file of the package by name, size
    and time, so a new release (templates, code) makes new validators; the same for every
    worker process of one installation."""
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".xml", ".txt", ".json"):
            stat = path.stat()
            digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}\n"
                          .encode())
    return digest.hexdigest()


class ConditionalPages:
    """ASGI middleware: validators, 304s and the page cache (see the module's docstring).

    It stands inside the session middleware (it must know whether the request has a
    session) and outside gzip (it keeps gzipped bodies, once for each encoding)."""

    def __init__(self, app: ASGIApp, archive: Archive, max_age: int = 0,
                 cache: PageCache | None = None, enabled: bool = True) -> None:
        self.app = app
        self.archive = archive
        self.max_age = max_age
        self.enabled = enabled
        self.cache = cache if cache is not None else PageCache()
        self.build = build_tag()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or \
                scope["path"].startswith(_BYPASS):
            await self.app(scope, receive, send)
            return
        if scope.get("session"):
            await self._personal(scope, receive, send)
            return
        await self._anonymous(scope, receive, send)

    # --- readers without a session: one answer for all of them ----------------------------

    async def _anonymous(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = _headers(scope)
        try:
            state = self.archive.state(access.Reader.anonymous().day)
        except Exception:  # noqa: BLE001 - the store is away: the app answers as it can
            # (/healthz says so with a 503), with nothing kept or validated
            await self.app(scope, receive, send)
            return
        version = f"{self.build}.{state.seq}.{state.last_lift}.{state.next_lift}"
        gzipped = b"gzip" in headers.get(b"accept-encoding", b"")
        key = (scope.get("scheme", "http"), headers.get(b"host", b""),
               scope.get("root_path", ""), scope["path"], scope.get("query_string", b""),
               gzipped)
        etag = 'W/"' + hashlib.blake2b(repr((key, version)).encode(), digest_size=12) \
            .hexdigest() + '"'
        modified = last_modified(state)
        validators = [(b"etag", etag.encode()), (b"vary", b"Accept-Encoding")]
        ours = (b"cache-control", f"public, max-age={self.max_age}, must-revalidate".encode())
        if modified is not None:
            validators.append((b"last-modified", format_datetime(modified, usegmt=True)
                               .encode()))
        if _not_modified(headers, etag, modified):
            self.cache.not_modified += 1  # a lost count under a race is harmless
            await _send_not_modified(send, [*validators, ours])
            return
        page = self.cache.get(key, version) if self.enabled else None
        if page is not None:
            await _send(send, page.status, _with_cache_control([*page.headers, *validators],
                                                               ours),
                        b"" if scope["method"] == "HEAD" else page.body)
            return
        self.cache.rendered += 1
        status, answer_headers, body = await _render(self.app, scope, receive)
        shared = status == 200 and not scope.get("session") and \
            not any(name == b"set-cookie" or (name == b"cache-control" and _UNSHARED.search(
                value)) for name, value in answer_headers)
        if not shared:  # an error, a page made a session, or a route that says no-store
            await _send(send, status, answer_headers, body)
            return
        # a route's own Cache-Control stands (an image tile may say how long it keeps)
        kept = tuple((name, value) for name, value in answer_headers
                     if name not in (b"etag", b"last-modified", b"vary"))
        applied = self.archive.index_applied()
        if applied is not None and applied < state.seq:
            # rendered from a search index that has not caught up (another process holds
            # its writer): right for now, but not what the state's validator promises
            await _send(send, status, [*((name, value) for name, value in kept
                                         if name != b"cache-control"),
                                       (b"cache-control", b"no-cache")], body)
            return
        if self.enabled and scope["method"] == "GET":
            self.cache.put(key, KeptPage(version, status, kept, body))
        await _send(send, status, _with_cache_control([*kept, *validators], ours), body)

    # --- readers with a session: rendered each time, never shared --------------------------

    async def _personal(self, scope: Scope, receive: Receive, send: Send) -> None:
        status, answer_headers, body = await _render(self.app, scope, receive)
        if status != 200:
            await _send(send, status, answer_headers, body)
            return
        etag = 'W/"' + hashlib.blake2b(_without_gzip_time(body, answer_headers),
                                       digest_size=12).hexdigest() + '"'
        kept = [(name, value) for name, value in answer_headers if name not in _REPLACED]
        kept.append((b"etag", etag.encode()))
        if _matches(_headers(scope).get(b"if-none-match", b""), etag):
            await _send_not_modified(send, [(b"etag", etag.encode())])
            return
        await _send(send, status, kept, body)


def _with_cache_control(headers: list[tuple[bytes, bytes]], ours: tuple[bytes, bytes]
                        ) -> list[tuple[bytes, bytes]]:
    """The headers with our Cache-Control, unless the route gave its own."""
    if any(name == b"cache-control" for name, _ in headers):
        return headers
    return [*headers, ours]


def clock() -> float:
    """Now, in seconds since the epoch (tests move it: a second passes without waiting)."""
    return time.time()


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {name.lower(): value for name, value in scope.get("headers", [])}


def last_modified(state: ArchiveState, now: float | None = None) -> datetime | None:
    """When the archive last changed for its readers (a change, or an embargo's midnight),
    to the second; None while that second is not over, since a second change in the same
    second would carry the same date and an If-Modified-Since would miss it."""
    moments = []
    if state.changed_at:
        moments.append(datetime.fromisoformat(state.changed_at))
    if state.last_lift:
        moments.append(datetime.fromisoformat(state.last_lift).replace(tzinfo=UTC))
    if not moments:
        return None
    latest = max(moment if moment.tzinfo else moment.replace(tzinfo=UTC) for moment in moments)
    if (clock() if now is None else now) - latest.timestamp() < 1.0:
        return None
    return latest.replace(microsecond=0)


def _without_gzip_time(body: bytes, headers: list[tuple[bytes, bytes]]) -> bytes:
    """The body less the time gzip writes into its header (bytes 4-8), which would give the
    same page a new ETag every second."""
    if (b"content-encoding", b"gzip") in headers and body[:2] == b"\x1f\x8b":
        return body[:4] + body[8:]
    return body


def _matches(if_none_match: bytes, etag: str) -> bool:
    """Whether an If-None-Match names this ETag (weak comparison, as RFC 9110 asks)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    for candidate in if_none_match.decode("latin-1").split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


def _not_modified(headers: dict[bytes, bytes], etag: str, modified: datetime | None) -> bool:
    if b"if-none-match" in headers:  # it overrides If-Modified-Since (RFC 9110, 13.1.3)
        return _matches(headers[b"if-none-match"], etag)
    since = headers.get(b"if-modified-since")
    if since is None or modified is None:
        return False
    try:
        asked = parsedate_to_datetime(since.decode("latin-1"))
    except (TypeError, ValueError, IndexError):
        return False  # a date we cannot read: answer in full
    if asked.tzinfo is None:
        asked = asked.replace(tzinfo=UTC)
    return modified <= asked


async def _render(app: ASGIApp, scope: Scope, receive: Receive
                  ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """The app's whole answer, held (pages are small; none of them streams)."""
    status, headers, chunks = 500, [], []

    async def keep(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = [(name.lower(), value) for name, value in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, keep)
    return status, headers, b"".join(chunks)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]] |
                tuple[tuple[bytes, bytes], ...], body: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": list(headers)})
    await send({"type": "http.response.body", "body": body})


async def _send_not_modified(send: Send, validators: list[tuple[bytes, bytes]]) -> None:
    await _send(send, 304, validators, b"")
