"""IIIF over HTTP: the Image API 3.0 (level 2) for every page image, a Presentation API 3.0
manifest per document, collections, and the Content Search API 2.0 per document.

Every route reads through the request's ReaderView, so the rules of access hold exactly as
on the document's page: an image only restricted documents show is as hidden as they are
(404, as a hidden document is). Errors the specifications name are answered with their
status and a line of plain text.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from chancery.errors import InputError, NotFoundError
from chancery.formats import iiif
from chancery.web.reading import archive_of

PREFIX = "/iiif/3"
IMAGE_JSON = f'application/ld+json;profile="{iiif.IMAGE_CONTEXT}"'
PRESENTATION_JSON = f'application/ld+json;profile="{iiif.PRESENTATION_CONTEXT}"'
SEARCH_JSON = f'application/ld+json;profile="{iiif.SEARCH_CONTEXT}"'
# viewers on other sites (Mirador, Universal Viewer) read IIIF: open to every origin, without
# credentials, so a restricted image is never handed to another site's page
OPEN = {"access-control-allow-origin": "*"}


def base_of(request: Request) -> str:
    return str(request.base_url).rstrip("/") + PREFIX


def _json(data: dict, media_type: str) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), media_type=media_type,
                    headers=OPEN)


def _problem(status: int, message: str) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain",
                    headers=OPEN)


def image_base(request: Request) -> Response:
    return RedirectResponse(f"{base_of(request)}/{request.path_params['image']}/info.json",
                            status_code=303)


def image_info(request: Request) -> Response:
    try:
        page = archive_of(request).page_image(request.path_params["image"])
    except NotFoundError as error:
        return _problem(404, error.message)
    return _json(iiif.image_info(base_of(request), page), IMAGE_JSON)


def image(request: Request) -> Response:
    parameters = request.path_params
    try:
        made, media_type = archive_of(request).iiif_image(
            parameters["image"], parameters["region"], parameters["size"],
            parameters["rotation"], parameters["quality_format"])
    except NotFoundError as error:
        return _problem(404, error.message)
    except InputError as error:  # the region, size, rotation, quality or format
        return _problem(400, error.message)
    return Response(made, media_type=media_type, headers={
        **OPEN, "link": f'<{iiif.IMAGE_PROFILE}/3/level2.json>;rel="profile"'})


def manifest(request: Request) -> Response:
    archive = archive_of(request)
    document_id = request.path_params["id"]
    try:
        document = archive.get(document_id)
    except NotFoundError as error:
        return _problem(404, error.message)
    pages = archive.pages(document_id)
    if not pages:
        return _problem(404, f"{document_id} has no page images")
    homepage = str(request.url_for("document", id=document_id))
    return _json(iiif.manifest(base_of(request), document, pages,
                               archive.page_texts(document_id), homepage), PRESENTATION_JSON)


def search(request: Request) -> Response:
    """Content Search 2.0: the words matching ``q`` on the document's pages, each as an
    annotation on its canvas, so a viewer highlights it on the image."""
    archive = archive_of(request)
    document_id = request.path_params["id"]
    query = request.query_params.get("q", "")
    try:
        document = archive.get(document_id)
        found = archive.search_pages(document_id, query)
    except NotFoundError as error:
        return _problem(404, error.message)
    language = next((rendition.language for rendition in document.renditions
                     if rendition.kind.value == "ocr"), "en")
    return _json(iiif.search_results(base_of(request), document_id, query, found, language),
                 SEARCH_JSON)


def collection(request: Request) -> Response:
    """Every document with page images the reader may see, as a IIIF collection; or those
    of one volume (``/collections/volume/{id}``) or one collection
    (``/collections/collection/{name}``)."""
    kind, name = request.path_params.get("kind", ""), request.path_params.get("name", "")
    documents = archive_of(request).with_pages()
    if kind == "volume":
        documents = [document for document in documents
                     if document.in_volume is not None and document.in_volume.volume == name]
        label = f"Volume {name}"
    elif kind == "collection":
        documents = [document for document in documents
                     if name.casefold() in (value.casefold() for value in document.collections)]
        label = name
    elif kind:
        return _problem(404, f"no IIIF collections of kind {kind!r}: volume or collection")
    else:
        label = "Documents with page images"
    if kind and not documents:
        return _problem(404, f"no {kind} {name!r} with page images")
    base = base_of(request)
    return _json(iiif.collection(iiif.collection_id(base, kind, name), label,
                                 [(document.id, document.title) for document in documents],
                                 base), PRESENTATION_JSON)


routes = [
    Route(PREFIX + "/collection.json", collection, name="iiif_collection"),
    Route(PREFIX + "/collections/{kind:str}/{name:str}", collection),
    Route(PREFIX + "/documents/{id:path}/search", search, name="iiif_search"),
    Route(PREFIX + "/documents/{id:path}/manifest.json", manifest, name="iiif_manifest"),
    Route(PREFIX + "/{image:str}", image_base),
    Route(PREFIX + "/{image:str}/info.json", image_info, name="iiif_info"),
    Route(PREFIX + "/{image:str}/{region:str}/{size:str}/{rotation:str}/{quality_format:str}",
          image, name="iiif_image"),
]
