"""OCR with Tesseract: the words with boxes and confidences are kept, the text becomes a
machine-read rendition that search finds, in the document's languages. A page or two each,
so that CI stays fast; the error rates per language are bench/ocr.py's."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from chancery.archive import Archive
from chancery.errors import InputError
from chancery.images import ocr
from chancery.model import BlockKind, RenditionKind
from tests.conftest import MAO_1948, read_record
from tests.images.conftest import EN_PAGE, RU_PAGE, STALIN_ID, ZH_PAGE, truth


def error_rate(read: str, expected: str, spaced: bool = True) -> float:
    """Characters wrong per character expected, whitespace runs as one space (or none, for
    a script written without spaces)."""
    def squeezed(text: str) -> str:
        return " ".join(text.split()) if spaced else re.sub(r"\s+", "", text)
    return Levenshtein.distance(squeezed(read), squeezed(expected)) / len(squeezed(expected))


def ocr_text(made) -> str:  # noqa: ANN001 - a Rendition
    return "\n".join(block.text for block in made.blocks if block.kind is BlockKind.PARAGRAPH)


def test_ocr_in_the_documents_language_becomes_a_machine_read_rendition(stalin_archive):
    stalin_archive.attach(STALIN_ID, [RU_PAGE], labels=["l. 57"])
    seen = []
    made = stalin_archive.ocr(STALIN_ID, progress=seen.append)
    assert seen == [1]
    assert (made.kind, made.language) == (RenditionKind.OCR, "ru")
    assert "rus" in made.label and "machine-read" in made.label
    assert 80 < made.confidence <= 100
    assert made.blocks[0].kind is BlockKind.PAGE and made.blocks[0].n == "l. 57"
    assert error_rate(ocr_text(made), truth(RU_PAGE)) < 0.05
    document = stalin_archive.get(STALIN_ID)
    assert [rendition.kind for rendition in document.renditions].count(RenditionKind.OCR) == 1
    # the words, with their boxes on the page and their confidences
    (page_text,) = stalin_archive.page_texts(STALIN_ID)
    width, height = Image.open(RU_PAGE).size
    assert page_text.words[0].text == "ОСОВЫЙ" or page_text.words[0].text.startswith("ОСО")
    assert all(0 <= word.x and word.x + word.width <= width and
               0 <= word.y and word.y + word.height <= height and 0 <= word.confidence <= 100
               for word in page_text.words)
    assert stalin_archive.facsimiles().hocr(page_text.sha256, "rus").count("class='ocrx_word'") == \
        len(page_text.words)


def test_ocr_again_replaces_its_rendition_and_reads_only_what_is_new(stalin_archive):
    stalin_archive.attach(STALIN_ID, [RU_PAGE])
    first = stalin_archive.ocr(STALIN_ID)
    stalin_archive.attach(STALIN_ID, [EN_PAGE])
    seen = []
    second = stalin_archive.ocr(STALIN_ID, languages=["ru", "en"], jobs=2,
                                progress=seen.append)
    assert sum(seen) == 2  # both pages: the languages changed, so both are read again
    assert [block.n for block in second.blocks if block.kind is BlockKind.PAGE] == ["1", "2"]
    assert "Stalin" in ocr_text(second) and first.blocks[1].text[:20] in ocr_text(second)
    seen = []
    assert stalin_archive.ocr(STALIN_ID, languages=["ru", "en"], progress=seen.append) == second
    assert sum(seen) == 2  # both known already: counted, not read
    kinds = [rendition.kind for rendition in stalin_archive.get(STALIN_ID).renditions]
    assert kinds.count(RenditionKind.OCR) == 1
    # two readings, the attach between them; the third reading changed nothing: no revision
    history = stalin_archive.history(STALIN_ID)
    assert [(entry.change.actor, entry.change.action) for entry in history[:4]] == [
        ("ocr", "put"), ("cli", "pages"), ("ocr", "put"), ("cli", "pages")]


@pytest.mark.parametrize(("page", "language", "spaced"), [(EN_PAGE, "en", True),
                                                          (ZH_PAGE, "zh", False)])
def test_ocr_reads_english_and_chinese(stalin_archive, page, language, spaced):
    stalin_archive.attach(STALIN_ID, [page])
    made = stalin_archive.ocr(STALIN_ID, languages=[language])
    assert made.language == language
    assert error_rate(ocr_text(made), truth(page), spaced) < 0.05


def test_a_scan_only_record_is_found_by_search_after_ocr(tmp_path):
    scan_only = replace(read_record(MAO_1948), renditions=(), summary="", cable=())
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.add(scan_only)
        assert archive.search("студенчества").total == 0
        archive.attach(scan_only.id, [RU_PAGE])
        archive.ocr(scan_only.id)
        found = archive.search("студенчество")  # another form of the word: stemmed
        assert [hit.id for hit in found.hits] == [scan_only.id]
        assert any("студенчеств" in snippet.text for snippet in found.hits[0].snippets)


def test_languages_for_tesseract():
    assert ocr.languages_for(["ru", "en", "ru"]) == "rus+eng"
    assert ocr.languages_for([]) == "eng"
    assert ocr.languages_for(["zh-Hant"]) == "chi_tra"
    assert ocr.languages_for(["sq", "ko", "vi"]) == "sqi+kor+vie"
    with pytest.raises(InputError, match="no OCR for the language 'tlh'"):
        ocr.languages_for(["tlh"])


def test_ocr_of_a_document_without_pages_says_so(stalin_archive):
    with pytest.raises(InputError, match="wilson:121768 has no page images"):
        stalin_archive.ocr(STALIN_ID)


def test_ocr_command_with_its_progress_bar(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import STALIN_1949

    root = Path(__file__).resolve().parent.parent.parent

    def chancery(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "chancery", "--archive",
                               str(tmp_path / "archive"), *args], capture_output=True,
                              text=True, cwd=root, timeout=300)

    assert chancery("ingest", str(STALIN_1949)).returncode == 0
    assert chancery("attach", STALIN_ID, str(RU_PAGE)).returncode == 0
    assert chancery("attach", STALIN_ID, str(EN_PAGE)).returncode == 0
    done = chancery("ocr", STALIN_ID, "--progress", "lines", "--lang", "ru", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"wilson:121768: 2 pages read, mean confidence \d+\.\d%\n",
                        done.stdout)
    assert done.stderr == ("wilson:121768: 1 of 2 pages read\n"
                           "wilson:121768: 2 of 2 pages read\n")
    found = chancery("search", "студенчество")
    assert STALIN_ID in found.stdout
    refused = chancery("ocr", STALIN_ID, "--lang", "tlh")
    assert refused.returncode == 2
    assert "no OCR for the language 'tlh'" in refused.stderr


def test_a_new_reading_of_the_source_keeps_the_ocr_and_brings_its_own_text(tmp_path):
    from tests.conftest import STALIN_1949

    record = tmp_path / STALIN_1949.name
    record.write_bytes(STALIN_1949.read_bytes())
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.ingest([record])
        archive.attach(STALIN_ID, [RU_PAGE])
        made = archive.ocr(STALIN_ID)
        record.write_text(record.read_text().replace("peasantry", "peasants", 1))
        assert archive.ingest([record]).updated == 1
        document = archive.get(STALIN_ID)
        assert document.renditions[-1] == made
        assert any("peasants" in block.text for block in document.renditions[0].blocks)
        assert archive.conflicts(STALIN_ID) == []
