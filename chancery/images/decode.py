"""Image files in, pages out: JPEG, PNG, TIFF (every page of a multi-page one) and PDF
(each page drawn at 300 dpi). Pure: bytes and a name in, pages or an InputError naming the
file out, so that the same path reads a real scan and a test page.

Every page is decoded whole before it is accepted, so that a truncated or corrupt file is
refused here and nothing of it is stored; a page over the pixel limit is refused before its
pixels are decoded (a decompression bomb costs a header read, not the memory).
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageFile

from chancery.errors import InputError

# 100 megapixels: an A3 page at 600 dpi is 70; a 6,000 x 8,000 photograph 48
DEFAULT_MAX_PIXELS = 100_000_000
PDF_DPI = 300  # a PDF page drawn for OCR and viewing: what Tesseract reads best
MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff"}
SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif"}
FILE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf")

# a truncated file is an error, never a page with its bottom grey
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True, slots=True)
class DecodedPage:
    """One page ready to be stored: its file's bytes (the original file's where it is one
    page of a format viewers read, otherwise PNG), media type and size in pixels."""

    data: bytes
    media_type: str
    width: int
    height: int
    source: str  # the file and, for a page of several, its number: "scan.pdf#3"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def is_image_file(name: str) -> bool:
    return name.lower().endswith(FILE_SUFFIXES)


def decode(data: bytes, name: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[DecodedPage]:
    """Every page of an image or PDF file, in order; InputError naming the file otherwise."""
    if not data:
        raise InputError("the file is empty (0 bytes)", source=name)
    if data.startswith(b"%PDF-"):
        return _pdf_pages(data, name, max_pixels)
    return _image_pages(data, name, max_pixels)


def _image_pages(data: bytes, name: str, max_pixels: int) -> list[DecodedPage]:
    try:
        with warnings.catch_warnings():
            # the limit is ours (checked below, before decoding): not Pillow's warning
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data), formats=tuple(MEDIA_TYPES))
    except Image.DecompressionBombError as error:
        # Pillow's own guard, at twice its limit, from the header alone: ours is lower
        found = re.search(r"\((\d+) pixels\)", str(error))
        _refuse(int(found.group(1)) if found else 0, "", name, max_pixels)
        raise
    except (OSError, ValueError, SyntaxError) as error:
        raise InputError("not an image this archive reads (JPEG, PNG, TIFF or PDF), or a "
                         f"corrupt one: {error}", source=name) from None
    with opened:
        media_type = MEDIA_TYPES[opened.format]
        frames = getattr(opened, "n_frames", 1)
        pages = []
        for number in range(frames):
            where = f"{name}#{number + 1}" if frames > 1 else name
            try:
                opened.seek(number)
                _check_pixels(opened.size, where, max_pixels)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    opened.load()  # decodes the whole page: truncation shows here
                if frames == 1:
                    page = DecodedPage(data, media_type, *opened.size, where)
                else:
                    page = _as_png(opened, where)
            except InputError:
                raise
            except (OSError, ValueError, SyntaxError, EOFError) as error:
                raise InputError(f"a corrupt or truncated image: {error}", source=where) \
                    from None
            pages.append(page)
        return pages


def _pdf_pages(data: bytes, name: str, max_pixels: int) -> list[DecodedPage]:
    import pypdfium2  # only for PDFs: its library is large

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        if "password" in str(error).lower():
            raise InputError("the PDF is password-protected", source=name,
                             hint="attach an unprotected copy") from None
        raise InputError(f"a corrupt or truncated PDF: {error}", source=name) from None
    try:
        scale = PDF_DPI / 72
        pages = []
        for number in range(len(document)):
            where = f"{name}#{number + 1}"
            page = document[number]
            width, height = page.get_size()
            _check_pixels((round(width * scale), round(height * scale)), where, max_pixels)
            try:
                drawn = page.render(scale=scale, grayscale=False).to_pil()
            except pypdfium2.PdfiumError as error:
                raise InputError(f"a page that cannot be drawn: {error}", source=where) \
                    from None
            pages.append(_as_png(drawn, where))
        if not pages:
            raise InputError("the PDF has no pages", source=name)
        return pages
    finally:
        document.close()


def _as_png(image: Image.Image, where: str) -> DecodedPage:
    if image.mode not in ("1", "L", "RGB", "RGBA", "I;16", "LA"):
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return DecodedPage(buffer.getvalue(), "image/png", *image.size, where)


def _check_pixels(size: tuple[int, int], where: str, max_pixels: int) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise InputError(f"an image of {width} x {height} pixels", source=where)
    _refuse(width * height, f"{width:,} x {height:,} = ", where, max_pixels)


def _refuse(pixels: int, shape: str, where: str, max_pixels: int) -> None:
    if pixels > max_pixels or not pixels:
        raise InputError(f"{shape}{pixels:,} pixels, over the limit of {max_pixels:,}",
                         source=where, hint="a decompression bomb? if the scan is real, "
                                            "raise --max-pixels")
