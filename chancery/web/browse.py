"""Browsing without a query: by date, by repository, by collection, and who wrote to whom."""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.web.charts import YearBar, network, year_bars
from chancery.web.reading import archive_of, entity_names, filter_for

_YEAR = re.compile(r"\d{4}")


def dates(request: Request) -> Response:
    archive = archive_of(request)
    year = request.query_params.get("year", "")
    years = year_bars(archive.overview(("year",), size=1000).facets.get("year", []))
    months: list[YearBar] = []
    if _YEAR.fullmatch(year):
        counts = [archive.search(f"date:{year}-{month:02d}", limit=0).total
                  for month in range(1, 13)]
        most = max(counts) or 1
        months = [YearBar(month, count, count / most)
                  for month, count in enumerate(counts, start=1)]
    else:
        year = ""
    return request.app.state.pages.render(request, "dates.html", years=years, year=year,
                                          months=months,
                                          year_href=lambda bar: f"/browse/dates?year={bar}")


def holdings(request: Request) -> Response:
    archive = archive_of(request)
    facet = {"repositories": "repository", "collections": "collection"}[
        request.url.path.rsplit("/", 1)[1]]
    values = archive.overview((facet,), size=10_000).facets.get(facet, [])
    return request.app.state.pages.render(
        request, "holdings.html", facet=facet,
        values=[(value, filter_for(facet, value.value)) for value in values])


def correspondence(request: Request) -> Response:
    archive = archive_of(request)
    start = request.query_params.get("from", "")
    end = request.query_params.get("to", "")
    start = start if _YEAR.fullmatch(start) else ""
    end = end if _YEAR.fullmatch(end) else ""
    nodes, edges = network(archive.correspondence(start, end), entity_names(archive))
    return request.app.state.pages.render(request, "network.html", nodes=nodes, edges=edges,
                                          start=start, end=end)


routes = [
    Route("/browse/dates", dates),
    Route("/browse/repositories", holdings),
    Route("/browse/collections", holdings),
    Route("/network", correspondence),
]
