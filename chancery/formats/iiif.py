"""IIIF answers as JSON: an image's ``info.json`` (Image API 3.0), a document's manifest
(Presentation API 3.0: its metadata, its pages as canvases, the OCR text of each line as
annotations on its page), a collection of manifests, and Content Search 2.0 results.

Pure writers: the model in, JSON-ready data out; every manifest and collection is checked
against the ``iiif-prezi3`` models before it is given out.
https://iiif.io/api/image/3.0/ https://iiif.io/api/presentation/3.0/
https://iiif.io/api/search/2.0/
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from urllib.parse import quote

import iiif_prezi3

from chancery.model import Document, OcrWord, PageImage, PageText

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
SEARCH_CONTEXT = "http://iiif.io/api/search/2/context.json"
IMAGE_PROFILE = "http://iiif.io/api/image"
TILE = 256
MAX_AREA = 100_000_000
_RIGHTS = ("http://creativecommons.org/", "https://creativecommons.org/",
           "http://rightsstatements.org/", "https://rightsstatements.org/")


def image_id(base: str, sha256: str) -> str:
    return f"{base}/{sha256}"


def manifest_id(base: str, document_id: str) -> str:
    return f"{base}/documents/{quote(document_id, safe=':/')}/manifest.json"


def search_id(base: str, document_id: str) -> str:
    return f"{base}/documents/{quote(document_id, safe=':/')}/search"


def canvas_id(base: str, document_id: str, number: int) -> str:
    return f"{base}/documents/{quote(document_id, safe=':/')}/canvas/{number}"


def image_info(base: str, page: PageImage) -> dict:
    """The ``info.json`` of one image: size, tiles at every halving, level 2."""
    factors = [2 ** level for level in range(
        max(1, math.ceil(math.log2(max(page.width, page.height) / TILE)) + 1))]
    sizes = [{"width": math.ceil(page.width / factor), "height": math.ceil(page.height / factor)}
             for factor in reversed(factors[1:])]
    return {
        "@context": IMAGE_CONTEXT,
        "id": image_id(base, page.sha256),
        "type": "ImageService3",
        "protocol": IMAGE_PROFILE,
        "profile": "level2",
        "width": page.width,
        "height": page.height,
        "maxArea": MAX_AREA,
        "sizes": sizes,
        "tiles": [{"width": TILE, "height": TILE, "scaleFactors": factors}],
        "extraQualities": ["gray", "bitonal"],
        "extraFeatures": ["mirroring", "rotationArbitrary", "sizeUpscaling"],
    }


def manifest(base: str, document: Document, pages: Sequence[PageImage],
             texts: Sequence[PageText | None], homepage: str) -> dict:
    """A document's manifest: a canvas a page, the image painted on it, its OCR lines as
    annotations; its search service when it has OCR text."""
    canvases = []
    for number, page in enumerate(pages, start=1):
        canvas = canvas_id(base, document.id, number)
        service = image_id(base, page.sha256)
        item = {
            "id": canvas, "type": "Canvas", "width": page.width, "height": page.height,
            "label": {"none": [page.label or f"{number}"]},
            "items": [{"id": f"{canvas}/page", "type": "AnnotationPage", "items": [{
                "id": f"{canvas}/image", "type": "Annotation", "motivation": "painting",
                "target": canvas,
                "body": {"id": f"{service}/full/max/0/default.jpg", "type": "Image",
                         "format": "image/jpeg", "width": page.width, "height": page.height,
                         "service": [{"id": service, "type": "ImageService3",
                                      "profile": "level2"}]}}]}],
        }
        text = texts[number - 1] if number - 1 < len(texts) else None
        if text is not None and text.words:
            item["annotations"] = [{"id": f"{canvas}/ocr", "type": "AnnotationPage",
                                    "items": _line_annotations(canvas, text,
                                                               _language(document))}]
        canvases.append(item)
    data = {
        "id": manifest_id(base, document.id),
        "label": {"en": [document.title]},
        "metadata": _metadata(document),
        "homepage": [{"id": homepage, "type": "Text", "format": "text/html",
                      "label": {"en": [document.title]}}],
        "items": canvases,
    }
    if document.summary:
        data["summary"] = {"en": [document.summary]}
    statement = document.citation or document.credits
    if statement:
        data["requiredStatement"] = {"label": {"en": ["Citation" if document.citation
                                                      else "Credits"]},
                                     "value": {"en": [statement]}}
    if document.rights.startswith(_RIGHTS):
        data["rights"] = document.rights.split()[0]
    if any(text is not None and text.words for text in texts):
        data["service"] = [{"id": search_id(base, document.id), "type": "SearchService2"}]
    return _checked(iiif_prezi3.Manifest, data)


def collection_id(base: str, kind: str = "", name: str = "") -> str:
    """All documents with page images, or those of one volume or collection."""
    return f"{base}/collections/{kind}/{quote(name, safe='')}" if kind else \
        f"{base}/collection.json"


def collection(identifier: str, label: str, members: Sequence[tuple[str, str]],
               base: str) -> dict:
    """A collection of document manifests: (document id, title) each."""
    data = {"id": identifier,
            "label": {"en": [label]},
            "items": [{"id": manifest_id(base, document_id), "type": "Manifest",
                       "label": {"en": [title]}} for document_id, title in members]}
    return _checked(iiif_prezi3.Collection, data)


def search_results(base: str, document_id: str, query: str,
                   matches: Sequence[tuple[int, list[OcrWord]]], language: str) -> dict:
    """Content Search 2.0: an annotation for each run of words matching the query, on its
    canvas (page number, words)."""
    items = []
    for index, (number, words) in enumerate(matches):
        canvas = canvas_id(base, document_id, number)
        left = min(word.x for word in words)
        top = min(word.y for word in words)
        right = max(word.x + word.width for word in words)
        bottom = max(word.y + word.height for word in words)
        items.append({
            "id": f"{search_id(base, document_id)}/match/{index}",
            "type": "Annotation", "motivation": "highlighting",
            "body": {"type": "TextualBody", "value": " ".join(word.text for word in words),
                     "format": "text/plain", "language": language},
            "target": f"{canvas}#xywh={left},{top},{right - left},{bottom - top}"})
    return {"@context": SEARCH_CONTEXT,
            "id": f"{search_id(base, document_id)}?q={quote(query)}",
            "type": "AnnotationPage", "items": items}


def _line_annotations(canvas: str, text: PageText, language: str) -> list[dict]:
    lines: dict[int, list[OcrWord]] = {}
    for word in text.words:
        lines.setdefault(word.line, []).append(word)
    found = []
    for number, words in sorted(lines.items()):
        left = min(word.x for word in words)
        top = min(word.y for word in words)
        right = max(word.x + word.width for word in words)
        bottom = max(word.y + word.height for word in words)
        found.append({
            "id": f"{canvas}/ocr/{number}", "type": "Annotation",
            "motivation": "supplementing",
            "body": {"type": "TextualBody", "value": " ".join(word.text for word in words),
                     "format": "text/plain", "language": language},
            "target": f"{canvas}#xywh={left},{top},{right - left},{bottom - top}"})
    return found


def _metadata(document: Document) -> list[dict]:
    pairs = [("Date", document.date.text if document.date else ""),
             ("Type", document.document_type),
             ("Original languages", ", ".join(document.original_languages)),
             ("Archive", "; ".join(reference.raw for reference in
                                   document.archival_references)),
             ("Collections", "; ".join(document.collections)),
             ("Identifier", document.id)]
    return [{"label": {"en": [label]}, "value": {"none": [value]}}
            for label, value in pairs if value]


def _language(document: Document) -> str:
    return document.original_languages[0] if document.original_languages else "en"


def _checked(model: type, data: dict) -> dict:
    """The data as the iiif-prezi3 model writes it (with its context), or ValueError."""
    return json.loads(model(**data).jsonld())
