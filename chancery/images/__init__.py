"""Page images of documents (facsimiles): reading image files, keeping them once by content,
their order per document, their OCR, and the pieces IIIF serves (docs/images.md)."""
