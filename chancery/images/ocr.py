"""OCR with Tesseract (Debian's ``tesseract-ocr`` and its language packs), run as a program.

``read_page`` gives the words of one page image with their boxes and confidences, read from
Tesseract's hOCR; ``rendition`` makes a document's pages' words into a rendition of kind OCR,
marked as machine-read with its mean confidence. The languages are chosen from the
document's: Tesseract reads best when told the script it is looking at.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from lxml import html

from chancery.errors import InputError
from chancery.model import (Block, BlockKind, OcrWord, PageImage, PageText, Rendition,
                            RenditionKind)

# ISO 639-1 (as documents name their languages) -> Tesseract's traineddata, and the Debian
# package that brings it
TESSERACT_LANGUAGES = {
    "en": "eng", "ru": "rus", "zh": "chi_sim", "zh-hans": "chi_sim", "zh-hant": "chi_tra",
    "de": "deu", "pl": "pol", "cs": "ces", "hu": "hun", "ro": "ron", "bg": "bul",
    "ko": "kor", "vi": "vie", "ja": "jpn", "it": "ita", "fr": "fra", "sq": "sqi",
}
_BBOX = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_CONFIDENCE = re.compile(r"x_wconf (\d+(?:\.\d+)?)")
_LINE_CLASSES = {"ocr_line", "ocr_caption", "ocr_header", "ocr_textfloat"}
_LABEL = "OCR, machine-read"
TIMEOUT = 600  # seconds for one page: a stuck Tesseract must not hold a worker for ever


@cache
def installed_languages() -> frozenset[str]:
    found = subprocess.run([_tesseract(), "--list-langs"], capture_output=True, text=True,
                           check=True).stdout.split("\n")[1:]
    return frozenset(line.strip() for line in found if line.strip())


@cache
def engine() -> str:
    first = subprocess.run([_tesseract(), "--version"], capture_output=True, text=True,
                           check=True).stdout.split("\n", 1)[0]
    return first.strip()


def languages_for(document_languages: Sequence[str]) -> str:
    """Tesseract's ``-l`` for a document's languages ("rus+eng"); English when it names
    none; InputError for a language no installed pack reads."""
    chosen = []
    for language in document_languages or ("en",):
        code = TESSERACT_LANGUAGES.get(language.lower()) or \
            TESSERACT_LANGUAGES.get(language.lower().split("-")[0])
        if code is None:
            raise InputError(f"no OCR for the language {language!r}",
                             hint="Tesseract reads: " + ", ".join(sorted(TESSERACT_LANGUAGES)))
        if code not in installed_languages():
            raise InputError(f"Tesseract's {code} is not installed",
                             hint=f"apt-get install tesseract-ocr-{code.replace('_', '-')}")
        if code not in chosen:
            chosen.append(code)
    return "+".join(chosen)


def read_page(image: Path, sha256: str, languages: str) -> tuple[PageText, str]:
    """What Tesseract reads on one page image, and its hOCR."""
    # one thread: pages run side by side in worker processes, one a core
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run([_tesseract(), str(image), "stdout", "-l", languages,
                               "--psm", "3", "hocr"], capture_output=True, timeout=TIMEOUT,
                              env=environment)
    except subprocess.TimeoutExpired:
        raise InputError(f"OCR took over {TIMEOUT} s", source=str(image)) from None
    if done.returncode != 0:
        raise InputError(f"Tesseract failed: {done.stderr.decode(errors='replace')[-300:]}",
                         source=str(image))
    hocr = done.stdout.decode("utf-8")
    words = words_of(hocr)
    confidence = statistics.fmean(word.confidence for word in words) if words else 0.0
    return PageText(sha256, languages, engine(), round(confidence, 2), tuple(words)), hocr


def words_of(hocr: str) -> list[OcrWord]:
    """The words of an hOCR page in reading order, each with its line's number."""
    if not hocr.strip():
        return []
    tree = html.fromstring(hocr.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))
    words = []
    for number, line in enumerate(element for element in tree.iter("span")
                                  if element.get("class") in _LINE_CLASSES):
        for word in line.iter("span"):
            if word.get("class") != "ocrx_word":
                continue
            text = "".join(word.itertext()).strip()
            box = _BBOX.search(word.get("title", ""))
            if not text or box is None:
                continue
            x0, y0, x1, y1 = map(int, box.groups())
            found = _CONFIDENCE.search(word.get("title", ""))
            words.append(OcrWord(text, x0, y0, x1 - x0, y1 - y0,
                                 float(found.group(1)) if found else 0.0, number))
    return words


def line_text(words: Iterable[OcrWord]) -> str:
    """A line's words joined as its script writes them: no space between two CJK words."""
    text = ""
    for word in words:
        if text and not (_wide(text[-1]) and _wide(word.text[0])):
            text += " "
        text += word.text
    return text


def page_paragraphs(page: PageText) -> list[str]:
    """A page's lines, put into paragraphs where the gap between two lines is wider than
    a line is high (Tesseract's paragraphs split at every indent)."""
    lines: dict[int, list[OcrWord]] = {}
    for word in page.words:
        lines.setdefault(word.line, []).append(word)
    paragraphs: list[list[str]] = []
    previous_bottom = None
    for _number, words in sorted(lines.items()):
        top = min(word.y for word in words)
        bottom = max(word.y + word.height for word in words)
        height = max(bottom - top, 1)
        if previous_bottom is None or top - previous_bottom > height:
            paragraphs.append([])
        paragraphs[-1].append(line_text(words))
        previous_bottom = bottom
    return [_joined(lines) for lines in paragraphs]


def rendition(pages: Sequence[PageImage], texts: Sequence[PageText], language: str
              ) -> Rendition:
    """The OCR text of a document's pages: a page block for each page, then its
    paragraphs; marked machine-read with the mean confidence of all its words."""
    blocks = []
    confidences = []
    for number, (page, text) in enumerate(zip(pages, texts), start=1):
        blocks.append(Block(BlockKind.PAGE, "", n=page.label or str(number)))
        blocks += [Block(BlockKind.PARAGRAPH, paragraph, lang=language)
                   for paragraph in page_paragraphs(text)]
        confidences += [word.confidence for word in text.words]
    engine_name = texts[0].engine if texts else "tesseract"
    mean = round(statistics.fmean(confidences), 2) if confidences else 0.0
    return Rendition(RenditionKind.OCR, language, tuple(blocks),
                     label=f"{_LABEL} ({engine_name}; {texts[0].languages if texts else ''})",
                     confidence=mean)


def languages_of(made: Rendition) -> str:
    """The Tesseract languages an OCR rendition was read in (as its label names them)."""
    found = re.fullmatch(re.escape(_LABEL) + r" \(.*; ([a-z_+]+)\)", made.label)
    return found.group(1) if found else ""


def matches(texts: Sequence[PageText | None], query: str
            ) -> list[tuple[int, list[OcrWord]]]:
    """The runs of words on each page (numbered from 1) that read as the query's words in
    its order: each query word the start of a word read, case and punctuation aside (so
    "Stalin" finds "Stalin's")."""
    wanted = [_folded(term) for term in query.split()]
    wanted = [term for term in wanted if term]
    found = []
    if not wanted:
        return found
    for number, text in enumerate(texts, start=1):
        if text is None:
            continue
        words = [_folded(word.text) for word in text.words]
        for start in range(len(words) - len(wanted) + 1):
            if all(words[start + offset].startswith(term)
                   for offset, term in enumerate(wanted)):
                found.append((number, list(text.words[start:start + len(wanted)])))
    return found


def _folded(word: str) -> str:
    return "".join(character for character in unicodedata.normalize("NFKC", word).casefold()
                   if character.isalnum())


def _joined(lines: list[str]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text = text[:-1] + line  # a word broken at the line's end
        elif text and not (_wide(text[-1]) and _wide(line[:1] or " ")):
            text += " " + line
        else:
            text += line
    return text


def _wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in ("W", "F")


def _tesseract() -> str:
    found = shutil.which("tesseract")
    if found is None:
        raise InputError("Tesseract is not installed", hint="apt-get install tesseract-ocr")
    return found

