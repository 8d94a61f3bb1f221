"""Volumes of an edition (FRUS) in the reading room: the list of volumes, and each volume's
page: its publication data, table of contents and lists of persons and terms."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.model import Chapter, Volume
from chancery.web.reading import archive_of


@dataclass(frozen=True, slots=True)
class Entry:
    """A document as the table of contents shows it: number, title, date, page address."""

    id: str
    number: str
    title: str
    date: str  # the first and last day the date covers (ISO), written at its precision
    date_end: str


@dataclass(frozen=True, slots=True)
class Part:
    """A chapter as the table of contents shows it: only the documents the reader may see."""

    id: str
    title: str
    entries: list[Entry]
    parts: list[Part]


def volume_list(request: Request) -> Response:
    return request.app.state.pages.render(request, "volumes.html",
                                          volumes=archive_of(request).volumes())


def volume(request: Request) -> Response:
    archive = archive_of(request)
    found = archive.volume(request.path_params["id"])
    shown = archive.listings(entry.id for entry in found.documents)
    numbers = {entry.id: entry.number for entry in found.documents}

    def entries(ids: tuple[str, ...]) -> list[Entry]:
        return [Entry(key, numbers.get(key, ""), shown[key].title, shown[key].date,
                      shown[key].date_end)
                for key in ids if key in shown]

    def part(chapter: Chapter) -> Part:
        return Part(chapter.id, chapter.title, entries(chapter.documents),
                    [part(inner) for inner in chapter.chapters])

    in_chapters = set(_documents_in(found.chapters))
    return request.app.state.pages.render(
        request, "volume.html", volume=found, parts=[part(chapter) for chapter in found.chapters],
        loose=entries(tuple(entry.id for entry in found.documents
                            if entry.id not in in_chapters)),
        shown=len(shown), entity_names=_listed_names(found))


def _documents_in(chapters: tuple[Chapter, ...]) -> list[str]:
    return [key for chapter in chapters
            for key in (*chapter.documents, *_documents_in(chapter.chapters))]


def _listed_names(found: Volume) -> dict[str, str]:
    """The authority's entity for each listed person or term, where it has one (the facade
    gives each entry the entity that carries the volume's id for it)."""
    return {entry.key: entry.entity_id for entry in (*found.persons, *found.terms)
            if entry.entity_id}


routes = [
    Route("/volumes", volume_list, name="volumes"),
    Route("/volumes/{id}", volume, name="volume"),
]
