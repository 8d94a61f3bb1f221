"""Pages of people, places, organisations and terms: their names, what each source says of
them, documents by role, a timeline; and the lists of them (people by surname)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.model import EntityKind
from chancery.web.charts import map_window, year_bars
from chancery.web.reading import archive_of

_KINDS = {"people": EntityKind.PERSON, "places": EntityKind.PLACE,
          "organizations": EntityKind.ORG, "terms": EntityKind.TERM}
_LISTED = 25


def entity(request: Request) -> Response:
    archive = archive_of(request)
    kind = _KINDS[request.url.path.split("/")[1]]
    found = archive.entity(f"{kind.value}/{request.path_params['key']}")
    field = kind.value
    everything = f"{field}:{found.id}"
    overall = archive.search(everything, limit=_LISTED, sort="date", facets=("year",),
                             facet_size=200)
    sections = [("All documents", everything, overall)]
    if kind in (EntityKind.PERSON, EntityKind.ORG):
        for title, query in (("Sent or signed", f"from:{found.id}"),
                             ("Received", f"to:{found.id}")):
            results = archive.search(query, limit=_LISTED, sort="date")
            if results.total:
                sections.append((title, query, results))
    window = map_window(*found.coordinates) if found.coordinates else None
    held = {volume.id: volume.title for volume in archive.volumes()}
    return request.app.state.pages.render(
        request, "entity.html", entity=found, kind=kind.value, sections=sections,
        descriptions=archive.entity_descriptions(found.id), held_volumes=held,
        timeline=year_bars(overall.facets.get("year", [])), window=window,
        year_href=lambda year: "/search?" + urlencode(
            {"filter": [everything, f"date:{year}"], "sort": "date"}, doseq=True))


def entity_list(request: Request) -> Response:
    archive = archive_of(request)
    kind = _KINDS[request.url.path.strip("/")]
    counts = archive.overview((kind.value,), size=10_000).facets.get(kind.value, [])
    held = {value.value: value.count for value in counts}
    every = [(found, held.get(found.id, 0)) for found in archive.entities(kind)]
    # the shipped authority holds thousands of people of whom an archive has a few: those
    # with documents here first, the rest on asking
    with_documents = [(found, count) for found, count in every if count]
    everyone = request.query_params.get("all") == "1" or not with_documents
    listed = every if everyone else with_documents
    return request.app.state.pages.render(request, "entities.html", kind=kind.value,
                                          listed=listed, others=len(every) - len(listed),
                                          everyone=everyone and 0 < len(with_documents) < len(every))


routes = [Route(f"/{path}/{{key}}", entity) for path in _KINDS] + \
    [Route(f"/{path}", entity_list) for path in _KINDS]
