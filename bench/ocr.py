"""OCR figures: character error rate per language on clean and degraded pages, pages a
second on two cores, and the time to OCR a 100-page document through the archive.

Pages are typeset by bench/make_scans.py from the corpus's texts (English, Russian) and
Debian's German and Chinese message catalogues, at 300 and 200 dpi, clean and degraded
(2 degree skew, blur, speckles, JPEG 60). Nothing here was tuned on these pages: Tesseract
runs as `chancery ocr` runs it (chancery.images.ocr.read_page, --psm 3, one thread a
process), and the text compared is the OCR rendition's (chancery.images.ocr.page_paragraphs).

    .venv/bin/python bench/ocr.py [--pages 2] [--document-pages 100] [--jobs 2]

CER: Levenshtein distance over the length of the text as set, whitespace runs as one space
(Chinese: whitespace left out, as it is not written).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scans  # noqa: E402

from chancery.archive import Archive  # noqa: E402
from chancery.images import ocr  # noqa: E402

LANGUAGES = {"en": "eng", "ru": "rus", "de": "deu", "zh": "chi_sim"}


def squeezed(text: str, language: str) -> str:
    return "".join(text.split()) if language == "zh" else " ".join(text.split())


def error_rate(read: str, expected: str, language: str) -> float:
    read, expected = squeezed(read, language), squeezed(expected, language)
    return Levenshtein.distance(read, expected) / max(1, len(expected))


def read(job: tuple[str, str, str]) -> tuple[str, str, float]:
    path, language, _label = job
    data = Path(path).read_bytes()
    text, _hocr = ocr.read_page(Path(path), hashlib.sha256(data).hexdigest(),
                                LANGUAGES[language])
    return path, "\n".join(ocr.page_paragraphs(text)), text.confidence


def error_rates(folder: Path, pages: int, jobs: int) -> None:
    made = make_scans.make(folder, list(LANGUAGES), [300, 200], pages)
    work = []
    for clean in made:
        language, dpi, _number = clean.stem.split("-")
        work.append((str(clean), language, f"{language} {dpi} clean"))
        work.append((str(clean.with_name(clean.stem + "-degraded.jpg")), language,
                     f"{language} {dpi} degraded"))
    started = time.perf_counter()
    cpu = _children_cpu()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(read, work))
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    rates: dict[str, list[float]] = {}
    confidences: dict[str, list[float]] = {}
    for (path, language, label), (_path, text, confidence) in zip(work, results):
        truth = Path(path.replace("-degraded.jpg", ".png")).with_suffix(".txt").read_text()
        rates.setdefault(label, []).append(error_rate(text, truth, language))
        confidences.setdefault(label, []).append(confidence)
    print(f"{'pages':<22} {'n':>3} {'CER':>7} {'worst':>7} {'mean conf.':>10}")
    for label in sorted(rates):
        print(f"{label:<22} {len(rates[label]):>3} {statistics.fmean(rates[label]):>7.2%} "
              f"{max(rates[label]):>7.2%} {statistics.fmean(confidences[label]):>10.1f}")
    print(f"{len(work)} pages in {seconds:.1f} s on {jobs} processes: "
          f"{len(work) / seconds:.2f} pages/s; processor time {cpu / len(work):.2f} s a page "
          f"({jobs * len(work) / cpu:.2f} pages/s on {jobs} idle cores); load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def document_time(folder: Path, count: int, jobs: int) -> None:
    """A document of ``count`` distinct English pages at 300 dpi (one multi-page TIFF),
    attached and read by Archive.ocr as `chancery ocr` does."""
    paragraphs = make_scans.paragraphs_for("en")
    images = []
    shift = 0
    while len(images) < count:  # the texts again from a later paragraph: other pages
        for page, _text in make_scans.typeset(paragraphs[shift:] + paragraphs[:shift], "en",
                                              300, count - len(images)):
            images.append(page)
        shift += 3
    tiff = folder / "hundred.tif"
    images[0].save(tiff, "TIFF", save_all=True, append_images=images[1:count],
                   compression="tiff_lzw", dpi=(300, 300))
    record = make_scans.CORPUS / "1946-04-07_bieruts-telephone-conversation-stalin.md"
    with Archive.open(folder / "archive", create=True) as archive:
        archive.ingest([record])
        document_id = archive.listing().__next__().id
        started = time.perf_counter()
        archive.attach(document_id, [tiff])
        attached = time.perf_counter() - started
        started = time.perf_counter()
        cpu = _children_cpu()
        made = archive.ocr(document_id, languages=["en"], jobs=jobs)
        seconds = time.perf_counter() - started
        cpu = _children_cpu() - cpu
    print(f"{count}-page document (300 dpi, {images[0].width}x{images[0].height}): attach "
          f"{attached:.1f} s, OCR {seconds:.1f} s on {jobs} processes "
          f"({count / seconds:.2f} pages/s), mean confidence {made.confidence:.1f}")
    # the machine is shared: the processor time the readers used says what two idle cores do
    print(f"  processor time of the OCR processes: {cpu:.1f} s ({cpu / count:.2f} s a page): "
          f"{cpu / jobs:.1f} s for the document on {jobs} idle cores; "
          f"load average during the run {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def _children_cpu() -> float:
    """Processor seconds (user and system) of the finished child processes and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2, help="pages a language, dpi")
    parser.add_argument("--document-pages", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-document", action="store_true")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        error_rates(Path(folder) / "pages", arguments.pages, arguments.jobs)
        if not arguments.skip_document:
            document_time(Path(folder), arguments.document_pages, arguments.jobs)


if __name__ == "__main__":
    main()
