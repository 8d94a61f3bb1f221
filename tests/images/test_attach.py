"""Attaching page images: every page in order, kept once by content, removing and reordering
as edits with history, and bad files refused whole with an error naming them."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from chancery.archive import Archive
from chancery.errors import ConflictError, InputError
from chancery.images.service import ImagesBeside
from tests.conftest import STALIN_1949
from tests.images.conftest import EN_PAGE, RU_PAGE, STALIN_ID, saved

ROOT = Path(__file__).resolve().parent.parent.parent


def stored_files(archive: Archive) -> list[Path]:
    folder = archive.folder / "images"
    return sorted(path for path in folder.rglob("*") if path.is_file()) \
        if folder.exists() else []


def test_attach_reads_every_page_of_each_format_in_order(stalin_archive, scans):
    added = stalin_archive.attach(STALIN_ID, [scans["jpeg"], scans["tiff"], scans["pdf"],
                                              scans["png"]])
    pages = stalin_archive.pages(STALIN_ID)
    assert pages == added
    assert [page.source.rsplit("/", 1)[-1] for page in pages] == [
        "page.jpg", "pages.tif#1", "pages.tif#2", "pages.pdf#1", "pages.pdf#2", "ru-page.png"]
    assert [page.media_type for page in pages] == ["image/jpeg", "image/png", "image/png",
                                                   "image/png", "image/png", "image/png"]
    # the TIFF's pages are its pixels unchanged; the PDF's drawn at 300 dpi (from 200)
    assert (pages[1].width, pages[1].height) == Image.open(RU_PAGE).size
    assert abs(pages[3].width - 1500) <= 1 and abs(pages[3].height - 900) <= 1  # pdfium rounds up
    # a one-image file is kept as given, byte for byte, under its own SHA-256
    jpeg = scans["jpeg"].read_bytes()
    assert pages[0].sha256 == hashlib.sha256(jpeg).hexdigest()
    kept = stalin_archive.facsimiles().path(pages[0])
    assert kept.read_bytes() == jpeg and kept.is_relative_to(stalin_archive.folder)


def test_each_image_is_kept_once_whatever_shows_it(stalin_archive, scans):
    stalin_archive.attach(STALIN_ID, [scans["png"]])
    stalin_archive.ingest([ROOT / "samples" / "wilson" / "1948-04-26_mao-zedong-to-filippov.md"])
    stalin_archive.attach("wilson:113702", [scans["png"]])
    stalin_archive.attach(STALIN_ID, [scans["png"]])  # the same page twice in one document
    assert len(stalin_archive.pages(STALIN_ID)) == 2
    assert len(stored_files(stalin_archive)) == 1


def test_removing_and_reordering_pages_are_edits_with_history(stalin_archive, scans):
    jpeg, tiff1, tiff2 = stalin_archive.attach(STALIN_ID, [scans["jpeg"], scans["tiff"]])
    facsimiles = stalin_archive.facsimiles()
    assert facsimiles.reorder(STALIN_ID, [3, 1, 2], actor="curator") == [tiff2, jpeg, tiff1]
    assert facsimiles.remove(STALIN_ID, [2], actor="curator") == [tiff2, tiff1]
    assert stalin_archive.pages(STALIN_ID) == [tiff2, tiff1]
    history = [entry for entry in stalin_archive.history(STALIN_ID)
               if entry.change.action == "pages"]
    assert [entry.change.actor for entry in history] == ["curator", "curator", "cli"]
    removed = history[0]
    assert [page["sha256"] for page in removed.before["pages"]] == \
        [tiff2.sha256, jpeg.sha256, tiff1.sha256]
    assert [page["sha256"] for page in removed.after["pages"]] == [tiff2.sha256, tiff1.sha256]
    with pytest.raises(InputError, match="no page 3"):
        facsimiles.remove(STALIN_ID, [3])
    with pytest.raises(InputError, match="each of the 2 pages once"):
        facsimiles.reorder(STALIN_ID, [1, 1])


def test_labels_name_the_leaf_each_page_shows(stalin_archive, scans):
    stalin_archive.attach(STALIN_ID, [scans["tiff"]], labels=["f. 57", "f. 58"])
    assert [page.label for page in stalin_archive.pages(STALIN_ID)] == ["f. 57", "f. 58"]
    with pytest.raises(InputError, match="1 labels for 2 pages"):
        stalin_archive.attach(STALIN_ID, [scans["tiff"]], labels=["f. 59"])


def encrypted_pdf(source: Path, target: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt("archivist", algorithm="RC4-128")
    with target.open("wb") as out:
        writer.write(out)
    return target


def bad_files(folder: Path, scans: dict[str, Path]) -> dict[str, tuple[Path, str]]:
    """Each kind of bad file, with what its error must say."""
    folder.mkdir(exist_ok=True)
    jpeg = scans["jpeg"].read_bytes()
    png = RU_PAGE.read_bytes()
    made = {
        "empty": (b"", "empty"),
        "truncated.jpg": (jpeg[: len(jpeg) // 2], "truncated"),
        "truncated.png": (png[: len(png) - 200], "truncated"),
        "corrupt.png": (png[:60] + bytes(200) + png[260:], "corrupt"),
        "notes.txt": ("Не изображение, а текст.".encode(), "not an image"),
        "truncated.pdf": (scans["pdf"].read_bytes()[:400], "corrupt or truncated PDF"),
    }
    found = {}
    for name, (data, says) in made.items():
        (folder / name).write_bytes(data)
        found[name] = (folder / name, says)
    found["locked.pdf"] = (encrypted_pdf(scans["pdf"], folder / "locked.pdf"),
                           "password-protected")
    return found


def test_bad_files_are_refused_naming_them_and_nothing_is_stored(stalin_archive, scans,
                                                                 tmp_path):
    for name, (path, says) in bad_files(tmp_path / "bad", scans).items():
        with pytest.raises(InputError) as raised:
            # a good file before the bad one: the attach is refused whole
            stalin_archive.attach(STALIN_ID, [scans["jpeg"], path])
        assert str(path) in str(raised.value), name
        assert says in str(raised.value), (name, str(raised.value))
    assert stalin_archive.pages(STALIN_ID) == []
    assert stored_files(stalin_archive) == []
    assert not [entry for entry in stalin_archive.history(STALIN_ID)
                if entry.change.action == "pages"]


def test_a_decompression_bomb_is_refused_before_it_is_decoded(stalin_archive, tmp_path):
    # 20,000 x 20,000 white pixels: a few kilobytes of PNG, 400 megapixels decoded
    bomb = saved(tmp_path / "bomb.png", [Image.new("1", (20_000, 20_000), 1)], "PNG")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputError, match=r"bomb.png: 400,000,000 pixels, over the limit "
                                         r"of 100,000,000"):
        stalin_archive.attach(STALIN_ID, [bomb])
    # the limit is the curator's to set: a lower one refuses an ordinary page too
    with pytest.raises(InputError, match="1,000 x 600 = 600,000 pixels, over the limit of 1,000"):
        stalin_archive.attach(STALIN_ID, [EN_PAGE], max_pixels=1_000)
    assert stored_files(stalin_archive) == []


def test_attach_command(tmp_path, scans):
    archive = tmp_path / "archive"

    def chancery(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "chancery", "--archive", str(archive),
                               *args], capture_output=True, text=True, cwd=ROOT, timeout=300)

    assert chancery("ingest", str(STALIN_1949)).returncode == 0
    done = chancery("attach", STALIN_ID, str(scans["tiff"]), str(scans["jpeg"]),
                    "--label", "l. 57", "--label", "l. 58", "--label", "l. 59")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{STALIN_ID}: 3 pages added, 3 in all"
    listed = chancery("pages", "list", STALIN_ID).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == ["1 l. 57", "2 l. 58", "3 l. 59"]
    assert chancery("pages", "reorder", STALIN_ID, "3", "2", "1").returncode == 0
    assert chancery("pages", "list", STALIN_ID).stdout.splitlines()[0].startswith("1 l. 59")
    refused = chancery("attach", STALIN_ID, str(tmp_path / "scans" / "missing.png"))
    assert refused.returncode != 0
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    refused = chancery("attach", STALIN_ID, str(empty))
    assert refused.returncode == 2
    assert refused.stderr.strip() == f"error: {empty}: the file is empty (0 bytes)"


def test_an_image_from_memory_reads_as_from_a_file():
    from chancery.images.decode import decode
    buffer = io.BytesIO()
    Image.open(EN_PAGE).save(buffer, "TIFF")
    (page,) = decode(buffer.getvalue(), "scan.tif")
    assert (page.media_type, page.width, page.height) == ("image/tiff", 1000, 600)


def test_ingest_attaches_the_files_beside_a_record(tmp_path, scans):
    records = tmp_path / "records"
    records.mkdir()
    stalin = records / STALIN_1949.name
    stalin.write_bytes(STALIN_1949.read_bytes())
    (records / f"{stalin.stem}.pdf").write_bytes(scans["pdf"].read_bytes())
    mao = records / "1948-04-26_mao-zedong-to-filippov.md"
    mao.write_bytes((ROOT / "samples" / "wilson" / mao.name).read_bytes())
    folder = records / mao.stem  # a folder of the record's stem: its files in natural order
    folder.mkdir()
    for name in ("page-10.png", "page-2.png"):
        (folder / name).write_bytes(RU_PAGE.read_bytes() if name == "page-2.png"
                                    else EN_PAGE.read_bytes())
    (folder / "notes.txt").write_text("not a page")
    with Archive.open(tmp_path / "archive", create=True) as archive:
        report = archive.ingest([records])
        assert (report.added, report.failed) == (2, 0)
        assert [page.source.rsplit("/", 1)[-1] for page in archive.pages(STALIN_ID)] == \
            [f"{stalin.stem}.pdf#1", f"{stalin.stem}.pdf#2"]
        assert [page.source.rsplit("/", 1)[-1] for page in archive.pages("wilson:113702")] \
            == ["page-2.png", "page-10.png"]
        # a bad image beside a record is that image's failure; the record is read
        (records / f"{stalin.stem}.pdf").write_bytes(b"%PDF-1.4 broken")
        stalin.write_text(stalin.read_text() + "\n")
        archive.facsimiles().remove(STALIN_ID, [1, 2])
        report = archive.ingest([records])
        assert report.updated == 1
        assert [(name.rsplit("/", 1)[-1], "corrupt or truncated PDF" in message)
                for name, message in report.failures] == [(stalin.name, True)]


def test_ingest_attaches_a_volumes_pages_named_by_pb_facs(tmp_path):
    volume = tmp_path / "frus1948v01p2-extract.xml"
    volume.write_bytes((ROOT / "tests" / "data" / "frus" / volume.name).read_bytes())
    scans = tmp_path / volume.stem  # the volume's page images, named as its pb/@facs
    scans.mkdir()
    (scans / "0406.png").write_bytes(EN_PAGE.read_bytes())  # <pb n="896" facs="0406"/>
    (scans / "0407.png").write_bytes(RU_PAGE.read_bytes())  # a page no pb names
    with Archive.open(tmp_path / "archive", create=True) as archive:
        report = archive.ingest([volume])
        assert report.failed == 0, report.failures
        # d184 runs onto page 896; d243 begins on it: both show its image, kept once
        for document_id in ("frus:frus1948v01p2/d184", "frus:frus1948v01p2/d243"):
            (page,) = archive.pages(document_id)
            assert (page.label, page.source) == ("p. 896", str(scans / "0406.png"))
        assert len(stored_files(archive)) == 1


def test_a_change_of_pages_is_reverted_by_a_change(stalin_archive, scans):
    jpeg, tiff1, tiff2 = stalin_archive.attach(STALIN_ID, [scans["jpeg"], scans["tiff"]])
    stalin_archive.facsimiles().remove(STALIN_ID, [1], actor="curator")
    removed = stalin_archive.history(STALIN_ID)[0]
    stalin_archive.facsimiles().reorder(STALIN_ID, [2, 1], actor="curator")
    reordered = stalin_archive.history(STALIN_ID)[0]
    with pytest.raises(ConflictError, match="have changed since"):
        stalin_archive.revert(removed.seq, actor="editor")  # the reorder came after it
    stalin_archive.revert(reordered.seq, actor="editor")
    stalin_archive.revert(removed.seq, actor="editor")
    assert stalin_archive.pages(STALIN_ID) == [jpeg, tiff1, tiff2]
    assert [entry.change.actor for entry in stalin_archive.history(STALIN_ID)[:2]] == \
        ["editor", "editor"]


def test_the_images_beside_records_are_matched_by_stem_whatever_the_name(tmp_path):
    """Every ``stem.*`` image beside a record goes with it (a name with dots goes with each
    stem it starts with), brackets and stars are letters, and other files are not pages."""
    for name in ("cable[1].md", "cable[1].png", "cable1.png", "memo.md", "memo.p1.png",
                 "memo.jpg", "memo.txt", "memo.p1.md", "other*.md", "other*.tif"):
        (tmp_path / name).write_bytes(b"")
    beside = ImagesBeside()
    names = lambda record: [path.name for path in beside.of(tmp_path / record)]  # noqa: E731
    assert names("cable[1].md") == ["cable[1].png"]
    assert names("memo.md") == ["memo.jpg", "memo.p1.png"]
    assert names("memo.p1.md") == ["memo.p1.png"]
    assert names("other*.md") == ["other*.tif"]
    assert names("absent.md") == []
