"""The reading room's pages: home, search, a document, its witness comparison, its citation."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from chancery.errors import NotFoundError
from chancery.formats import citation, tei_export
from chancery.model import BlockKind, Document, Mention, Rendition, RenditionKind, Volume
from chancery.text.align import align_blocks, followed_witness
from chancery.text.cable import is_struck
from chancery.text.collate import synopsis
from chancery.text.languages import name_for
from chancery.view import ReaderView
from chancery.web.blocks import (DIPLOMATIC, READING, RenderedBlock, apparatus,
                                  render_blocks)
from chancery.web.charts import year_bars
from chancery.web.session import reader_of

PAGE_SIZE = 20
SEARCH_FACETS = ("person", "place", "org", "original_language", "repository", "collection",
                 "type", "classification", "year", "decade")
HOME_FACETS = ("original_language", "repository", "decade")
_FACET_SIZE = 200  # every year of a century fits


def archive_of(request: Request) -> ReaderView:
    """The archive as the request's reader may see it: the only way routes reach it."""
    return ReaderView(request.app.state.archive, reader_of(request))


def home(request: Request) -> Response:
    archive = archive_of(request)
    holdings = archive.overview(HOME_FACETS)
    newest = archive.recent(10)
    return request.app.state.pages.render(request, "home.html", total=holdings.total,
                                          holdings=holdings.facets, newest=newest,
                                          names=entity_names(archive))


# --- search --------------------------------------------------------------------------------

def filter_for(facet: str, value: str) -> str:
    """The query-language filter that keeps the hits with this facet value."""
    if facet == "year":
        return f"date:{value}"
    if facet == "decade":
        return f"date:{value}..{int(value) + 9}"
    field = {"original_language": "original", "rendition_language": "rendition",
             "repository": "archive"}.get(facet, facet)
    return f'{field}:"{value}"' if " " in value else f"{field}:{value}"


@dataclass(frozen=True, slots=True)
class FacetLink:
    label: str
    count: int
    href: str
    active: bool


def search(request: Request) -> Response:
    archive = archive_of(request)
    text = request.query_params.get("q", "")[:1000]
    filters = [value[:200] for value in request.query_params.getlist("filter")][:20]
    sort = request.query_params.get("sort", "relevance")
    sort = sort if sort in ("date", "newest") else "relevance"
    page = _page_number(request.query_params.get("page"))
    results = archive.search(" ".join([text, *filters]), limit=PAGE_SIZE,
                             offset=(page - 1) * PAGE_SIZE, sort=sort, facets=SEARCH_FACETS,
                             facet_size=_FACET_SIZE)
    names = entity_names(archive)

    def href(**change: object) -> str:
        parameters = {"q": text, "filter": filters, "sort": sort if sort != "relevance" else "",
                      "page": 0}
        parameters.update(change)
        return request.app.state.pages.env.globals["query_string"](**parameters) or "?"

    facets = {
        name: [FacetLink(_label(name, value.value, names), value.count,
                         href(filter=[f for f in filters if f != filter_for(name, value.value)])
                         if filter_for(name, value.value) in filters
                         else href(filter=[*filters, filter_for(name, value.value)]),
                         filter_for(name, value.value) in filters)
               for value in values]
        for name, values in results.facets.items()}
    active = [(f, href(filter=[other for other in filters if other != f])) for f in filters]
    pages = -(-results.total // PAGE_SIZE)
    return request.app.state.pages.render(
        request, "search.html", text=text, results=results, facets=facets, active=active,
        histogram=year_bars(results.facets.get("year", [])),
        year_href=lambda year: href(filter=[*filters, f"date:{year}"]),
        sort=sort, page=page, pages=pages, href=href, filters=filters,
        page_size=PAGE_SIZE)


def _page_number(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 500))
    except ValueError:
        return 1


def _label(facet: str, value: str, names: dict[str, str]) -> str:
    if facet in ("person", "place", "org"):
        return names.get(value, value)
    if facet.endswith("language"):
        return name_for(value)
    if facet == "decade":
        return f"{value}s"
    return value


def entity_names(archive: ReaderView) -> dict[str, str]:
    return {entity_id: entity.preferred
            for entity_id, entity in archive.gazetteer().entities.items()}


# --- a document ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Row:
    """Blocks of the translation and of the original that translate each other."""

    left: list[RenderedBlock]
    right: list[RenderedBlock]


@dataclass(frozen=True, slots=True)
class Linked:
    """An entity of the document: its page, its preferred name, the forms used, its roles."""

    id: str
    name: str
    forms: list[str]
    roles: list[str]


def document(request: Request) -> Response:
    archive = archive_of(request)
    item = archive.get(request.path_params["id"])
    mentions, _ = archive.links(item.id)
    view = READING if request.query_params.get("view") == READING else DIPLOMATIC
    layout = request.query_params.get("layout", "parallel")
    translation, originals = _translation(item), _originals(item)
    witness = _chosen(originals, request.query_params.get("witness"))
    layout = layout if layout in ("parallel", "translation", "original") else "parallel"
    if translation is None or witness is None:
        layout = "translation" if translation is not None else "original"
    rows = _rows(item, translation, witness, view, mentions)
    follows = _followed(translation, originals)
    names = entity_names(archive)
    volume = _volume_of(archive, item)
    place = item.in_volume
    neighbours = archive.listings([key for key in (place.previous, place.next) if key]) \
        if place is not None else {}
    return request.app.state.pages.render(
        request, "document.html", document=item, rows=rows, view=view, layout=layout,
        volume=volume, place=place, neighbours=neighbours,
        signs=apparatus(block for shown in (translation, witness) if shown is not None
                        for block in shown.blocks),
        translation=translation, witness=witness, originals=originals, follows=follows,
        cable=_cable_facts(item),
        entities=_linked(mentions, names), related=archive.related(item, mentions),
        citations={style: Markup(citation.render(item, style, note=style == "chicago",
                                                 volume=volume))
                   for style in citation.STYLES},
        published_in=citation.published_in(item), base_url=str(request.base_url).rstrip("/"),
        pages=archive.pages(item.id),
        ocr=next((rendition for rendition in item.renditions
                  if rendition.kind is RenditionKind.OCR), None))


def _translation(item: Document) -> Rendition | None:
    return next((rendition for rendition in item.renditions
                 if rendition.kind is RenditionKind.TRANSLATION), None)


def _originals(item: Document) -> list[Rendition]:
    return [rendition for rendition in item.renditions
            if rendition.kind in (RenditionKind.TRANSCRIPTION, RenditionKind.OCR)]


def _followed(translation: Rendition | None, originals: list[Rendition]) -> Rendition | None:
    """The witness the translation was made from, when there are several to choose from."""
    witnesses = [rendition for rendition in originals if rendition.witness]
    if translation is None or len(witnesses) < 2:
        return None
    return witnesses[followed_witness(translation.blocks, [w.blocks for w in witnesses])]


@dataclass(frozen=True, slots=True)
class ShownFact:
    """A cable fact as the page shows it: the words it was read from, in the language of
    the text that holds them, what it means where that is not the words themselves, which
    text says it, and whether those words are struck through."""

    kind: str
    printed: str
    lang: str
    meaning: str
    meaning_lang: str
    source: str
    struck: bool


def _cable_facts(item: Document) -> list[ShownFact]:
    shown = []
    for fact in item.cable:
        rendition = item.renditions[fact.rendition] \
            if 0 <= fact.rendition < len(item.renditions) else None
        lines = [line.strip() for line in fact.text.split("\n")]
        # a fact read from one line of a block shows that line, not the whole block
        printed = fact.value if fact.value in lines else fact.text
        if rendition is None:
            source = ""
        elif rendition.witness is not None:
            source = f"witness {rendition.witness.siglum}"
        else:
            source = f"{rendition.kind.value} ({name_for(rendition.language)})"
        lang = rendition.language if rendition else ""
        value, words = " ".join(fact.value.split()), " ".join(printed.split())
        said = value in " ".join(fact.text.split())  # a part of the words, or English
        meaning = "" if value.strip(" .:") == words.strip(" .:") else fact.value
        shown.append(ShownFact(fact.kind.replace("_", " ").capitalize(), printed, lang,
                               meaning, lang if said else "en", source,
                               is_struck(fact, item.renditions)))
    return shown


def _chosen(originals: list[Rendition], siglum: str | None) -> Rendition | None:
    for rendition in originals:
        if rendition.witness and rendition.witness.siglum == siglum:
            return rendition
    return originals[0] if originals else None


def _rows(item: Document, translation: Rendition | None, witness: Rendition | None,
          view: str, mentions: list[Mention]) -> list[Row]:
    """Translation and original paragraph by paragraph."""
    sides = []
    for rendition in (translation, witness):
        if rendition is None:
            sides.append([])
            continue
        index = item.renditions.index(rendition)
        sides.append(_rendered_by_block(rendition, view, mentions, index))
    left, right = sides
    if not right:
        return [Row([block for block in left if block is not None], [])]
    if not left:
        return [Row([], [block for block in right if block is not None])]
    assert translation is not None and witness is not None
    pairs = align_blocks(translation.blocks, witness.blocks).pairs
    rows = [Row([left[i] for i in pair.left if left[i] is not None],
                [right[i] for i in pair.right if right[i] is not None]) for pair in pairs]
    return [row for row in rows if row.left or row.right]


def _rendered_by_block(rendition: Rendition, view: str, mentions: list[Mention],
                       index: int) -> list[RenderedBlock | None]:
    """Each block of the rendition as shown, None where the view leaves it out (a folio
    break in the reading view), so the alignment's block numbers still point at it."""
    rendered = iter(render_blocks(rendition.blocks, view, mentions, index))
    return [None if view == READING and block.kind is BlockKind.FOLIO else next(rendered)
            for block in rendition.blocks]


def _linked(mentions: list[Mention], names: dict[str, str]) -> dict[str, list[Linked]]:
    grouped: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    for mention in mentions:
        kind = mention.entity_id.split("/", 1)[0]
        forms, roles = grouped.setdefault(kind, {}).setdefault(mention.entity_id, ([], []))
        if mention.name not in forms:
            forms.append(mention.name)
        if mention.role.value not in roles:
            roles.append(mention.role.value)
    return {kind: sorted((Linked(entity_id, names.get(entity_id, entity_id), forms, roles)
                          for entity_id, (forms, roles) in found.items()),
                         key=lambda linked: linked.name)
            for kind, found in grouped.items()}


# --- witnesses and citations ---------------------------------------------------------------

def compare(request: Request) -> Response:
    archive = archive_of(request)
    item = archive.get(request.path_params["id"])
    witnesses = [rendition for rendition in _originals(item) if rendition.witness]
    if len(witnesses) < 2:
        return request.app.state.pages.render(
            request, "error.html", status_code=404, title="No witnesses to compare",
            message=f"{item.id} has {len(witnesses)} witness(es); a comparison needs two.")
    first = _chosen(witnesses, request.query_params.get("first")) or witnesses[0]
    second = _chosen(witnesses, request.query_params.get("second"))
    if second is None or second is first:
        second = next(rendition for rendition in witnesses if rendition is not first)
    return request.app.state.pages.render(
        request, "compare.html", document=item, first=first, second=second,
        witnesses=witnesses,
        synopsis=synopsis(first.blocks, second.blocks, (first.language, second.language)))


def _volume_of(archive: ReaderView, item: Document) -> Volume | None:
    """The volume a document of an edition is printed in, for its citation (None if the
    volume is not on record: its file's reading did not reach the end)."""
    if item.in_volume is None:
        return None
    try:
        return archive.volume(item.in_volume.volume)
    except NotFoundError:
        return None


def cite(request: Request) -> Response:
    archive = archive_of(request)
    item = archive.get(request.path_params["id"])
    style = request.path_params["style"]
    if style not in citation.DOWNLOADS:
        return Response(f"unknown citation format '{style}'; use one of: "
                        f"{', '.join(citation.DOWNLOADS)}\n", status_code=404,
                        media_type="text/plain")
    suffix, media_type = citation.DOWNLOADS[style]
    body = {"bibtex": citation.bibtex, "ris": citation.ris,
            "csl-json": citation.csl_json}[style](item, _volume_of(archive, item))
    filename = item.id.replace(":", "-").replace("/", "-") + "." + suffix
    return Response(body, media_type=f"{media_type}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def tei(request: Request) -> Response:
    """The document as a TEI P5 file, its links to the authority as references: what
    OAI-PMH harvests, for one document."""
    archive = archive_of(request)
    item = archive.get(request.path_params["id"])
    filename = item.id.replace(":", "-").replace("/", "-") + ".xml"
    return Response(tei_export.write(item, archive.links(item.id)[0]),
                    media_type="application/tei+xml; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


routes = [
    Route("/", home, name="home"),
    Route("/search", search, name="search"),
    Route("/documents/{id:path}/compare", compare, name="compare"),
    Route("/documents/{id:path}/cite/{style}", cite, name="cite"),
    Route("/documents/{id:path}/tei", tei, name="tei"),
    Route("/documents/{id:path}", document, name="document"),
]
