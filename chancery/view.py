"""The archive as one reader may see it: what the web interface is given instead of the archive.

Every way out of the reading room (pages, search, facets, the API, OAI-PMH, feeds, the
sitemap, citations) reads through a ``ReaderView``, which passes its reader to each of the
archive's reading methods. Nothing else of the archive is reachable from it, so a new route
cannot read around the rules of access by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from chancery.access import Reader
from chancery.archive import Archive

# reading methods that take a ``reader`` and keep to what it may see
_KEPT_TO_READER = frozenset({
    "search", "overview", "related", "correspondence", "links", "get", "get_many", "listing",
    "recent", "documents", "page", "ids", "current_changes", "first_change_at",
    "latest_change", "count", "may_see", "listings",
    "pages", "page_texts", "page_image", "iiif_image", "search_pages",
    "with_pages"})  # facsimiles: chancery.web.iiif
# the authority (people, places, organisations, terms) is not restricted, nor is a volume's
# printed publication data (its documents' titles go through ``listings``, kept to the reader)
_OPEN = frozenset({"entity", "entities", "entity_descriptions", "gazetteer", "settings",
                   "volume", "volumes"})


class ReaderView:
    def __init__(self, archive: Archive, reader: Reader) -> None:
        self._archive = archive
        self.reader = reader

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name in _KEPT_TO_READER:
            return partial(getattr(self._archive, name), reader=self.reader)
        if name in _OPEN:
            return getattr(self._archive, name)
        raise AttributeError(f"{name!r} is not open to readers: add it to chancery.view "
                             "with the access it needs")
