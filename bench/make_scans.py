"""Page images made from real records' text, clean and degraded, for OCR and IIIF work.

No real scans are at hand on this machine, so pages are typeset from the texts of the shared
corpus with Pillow (Debian's DejaVu Serif for Latin and Cyrillic, Noto Serif CJK for
Chinese) at 300 and 200 dpi, and degraded copies are made of them (noise, a 2 degree skew,
blur, JPEG at quality 60). Deterministic: the same corpus gives the same bytes.

Texts: English, the Wilson Center translations; Russian, the Russian transcriptions of the
Filippov-Mikoyan cables (the corpus's only original-language texts); German and Chinese,
of which the corpus has none, from Debian's German and Simplified Chinese message catalogues
(/usr/share/locale/{de,zh_CN}/LC_MESSAGES/*.mo: real sentences translators wrote).

    .venv/bin/python bench/make_scans.py OUT [--dpi 300 200] [--pages 2]

writes OUT/{lang}-{dpi}-{n}.png, OUT/{lang}-{dpi}-{n}-degraded.jpg and OUT/{lang}-{dpi}-{n}.txt
(the text as set, line by line: the ground truth).
"""

from __future__ import annotations

import argparse
import gettext
import io
import random
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wilson"
FONTS = {
    "latin": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "cjk": "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
}
CJK_INDEX = {"zh": 2}  # the face in the collection: Noto Serif CJK SC (fc-list order: JP KR SC TC)
A4_INCHES = (8.27, 11.69)
MARGIN_INCHES = 1.0
POINT_SIZE = 12
LINE_SPACING = 1.5
CATALOGUES = ("apt", "coreutils", "bash", "adduser", "PackageKit", "Linux-PAM")


def record_paragraphs(language: str) -> list[str]:
    """The paragraphs of the corpus's texts in this language (en, ru), in file order."""
    from chancery import formats

    found = []
    for path in sorted(CORPUS.glob("*.md")):
        reader = formats.reader_by_name(path.name)
        for document in reader.read(path.read_bytes(), str(path), 10**8):
            if isinstance(document, Exception):
                continue
            for rendition in document.renditions:
                if rendition.language == language:
                    found += [block.text for block in rendition.blocks
                              if block.kind.value in ("paragraph", "item", "address",
                                                      "salutation", "signature") and
                              len(block.text) > 20]
    return [_plain(text) for text in found]


def catalogue_paragraphs(locale: str) -> list[str]:
    """Sentences of Debian's message catalogues for a locale (de, zh_CN), a paragraph each
    few, without the format codes and menu accelerators of their programs."""
    sentences = []
    for name in CATALOGUES:
        path = Path("/usr/share/locale") / locale / "LC_MESSAGES" / f"{name}.mo"
        if not path.exists():
            continue
        with path.open("rb") as handle:
            catalogue = gettext.GNUTranslations(handle)._catalog  # noqa: SLF001
        for key in sorted(catalogue, key=str):
            text = catalogue[key]
            if not key:  # the catalogue's header: its translators' names and dates
                continue
            if not isinstance(text, str) or len(text) < 25 or "%" in text or "\\" in text:
                continue
            text = re.sub(r"[_&](?=\w)|[<>{}|$`]", "", " ".join(text.split()))
            if len(text) > 25:
                sentences.append(text)
    return [" ".join(sentences[start:start + 4]) for start in range(0, len(sentences), 4)]


def paragraphs_for(language: str) -> list[str]:
    if language in ("en", "ru"):
        return record_paragraphs(language)
    return catalogue_paragraphs({"de": "de", "zh": "zh_CN"}[language])


def _plain(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def font_for(language: str, dpi: int) -> ImageFont.FreeTypeFont:
    size = round(POINT_SIZE * dpi / 72)
    if language in CJK_INDEX:
        return ImageFont.truetype(FONTS["cjk"], size, index=CJK_INDEX[language])
    return ImageFont.truetype(FONTS["latin"], size)


def typeset(paragraphs: list[str], language: str, dpi: int, pages: int,
            page_inches: tuple[float, float] = A4_INCHES) -> list[tuple[Image.Image, str]]:
    """Pages set from the paragraphs (greyscale, black on white), each with its text as set."""
    font = font_for(language, dpi)
    width, height = (round(inches * dpi) for inches in page_inches)
    margin = round(MARGIN_INCHES * dpi)
    line_height = round(font.size * LINE_SPACING)
    lines_a_page = (height - 2 * margin) // line_height
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += _wrapped(paragraph, font, width - 2 * margin, language) + [""]
    made = []
    for number in range(pages):
        chunk = lines[number * lines_a_page:(number + 1) * lines_a_page]
        if not any(chunk):
            break
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for row, line in enumerate(chunk):
            draw.text((margin, margin + row * line_height), line, font=font, fill=0)
        made.append((page, "\n".join(line for line in chunk if line)))
    return made


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int, language: str
             ) -> list[str]:
    units = list(text) if language in CJK_INDEX else text.split()
    joiner = "" if language in CJK_INDEX else " "
    lines, current = [], ""
    for unit in units:
        trial = f"{current}{joiner}{unit}" if current else unit
        if font.getlength(trial) <= width:
            current = trial
        else:
            lines.append(current)
            current = unit
    if current:
        lines.append(current)
    return lines


def degraded(page: Image.Image, seed: int) -> bytes:
    """A poor scan of the page: turned 2 degrees, blurred, speckled, saved as JPEG 60."""
    generator = random.Random(seed)
    turned = page.rotate(2, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    blurred = turned.filter(ImageFilter.GaussianBlur(radius=page.width / 2480))
    noise = Image.frombytes("L", blurred.size,
                            generator.randbytes(blurred.width * blurred.height))
    # one pixel in twenty moved by up to a sixth of the range: dust and paper grain
    speckled = Image.composite(
        blurred.point(lambda value: max(0, value - 45)), blurred,
        noise.point(lambda value: 255 if value < 13 else 0))
    buffer = io.BytesIO()
    speckled.save(buffer, "JPEG", quality=60)
    return buffer.getvalue()


def make(out: Path, languages: list[str], dpis: list[int], pages: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        paragraphs = paragraphs_for(language)
        for dpi in dpis:
            for number, (page, text) in enumerate(typeset(paragraphs, language, dpi, pages),
                                                  start=1):
                stem = out / f"{language}-{dpi}-{number}"
                page.save(stem.with_suffix(".png"), optimize=True)
                (out / f"{stem.name}-degraded.jpg").write_bytes(
                    degraded(page, seed=dpi * 1000 + number))
                stem.with_suffix(".txt").write_text(text + "\n", encoding="utf-8")
                written.append(stem.with_suffix(".png"))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", nargs="+", default=["en", "ru", "de", "zh"])
    parser.add_argument("--dpi", nargs="+", type=int, default=[300, 200])
    parser.add_argument("--pages", type=int, default=2, help="pages per language and dpi")
    arguments = parser.parse_args()
    for path in make(arguments.out, arguments.lang, arguments.dpi, arguments.pages):
        print(path)


if __name__ == "__main__":
    main()
