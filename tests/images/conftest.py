"""Page images made from real records' text (bench/make_scans.py), and files made of them in
the forms scanners and archives deliver: JPEG, multi-page TIFF, PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from chancery.archive import Archive
from tests.conftest import STALIN_1949

IMAGES = Path(__file__).resolve().parent.parent / "data" / "images"
EN_PAGE = IMAGES / "en-page.png"
RU_PAGE = IMAGES / "ru-page.png"
ZH_PAGE = IMAGES / "zh-page.png"
STALIN_ID = "wilson:121768"


def truth(page: Path) -> str:
    return page.with_suffix(".txt").read_text(encoding="utf-8")


@pytest.fixture
def stalin_archive(tmp_path: Path) -> Archive:
    """An archive holding the Filippov-Mikoyan cables (Russian originals)."""
    with Archive.open(tmp_path / "archive", create=True) as opened:
        opened.ingest([STALIN_1949])
        yield opened


def saved(path: Path, images: list[Image.Image], kind: str, **options: object) -> Path:
    first, *rest = images
    first.save(path, kind, save_all=bool(rest), append_images=rest, **options)
    return path


@pytest.fixture
def scans(tmp_path: Path) -> dict[str, Path]:
    """The test pages as a JPEG, a two-page TIFF, a two-page PDF and a PNG."""
    english, russian = Image.open(EN_PAGE), Image.open(RU_PAGE)
    folder = tmp_path / "scans"
    folder.mkdir()
    return {
        "png": RU_PAGE,
        "jpeg": saved(folder / "page.jpg", [english.convert("RGB")], "JPEG", quality=90),
        "tiff": saved(folder / "pages.tif", [russian, english], "TIFF",
                      compression="tiff_lzw"),
        "pdf": saved(folder / "pages.pdf", [russian.convert("RGB"), english.convert("RGB")],
                     "PDF", resolution=200.0),
    }


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
