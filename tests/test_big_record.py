"""One big record is ingested within a memory bound (docs/operations.md, "Memory").

The bound on the whole process (peak RSS over an ingest of a small record, under 10 times the
file) depends on the allocator and the machine, and is measured by bench/big_record.py. What
is tested here is the part that depends on Chancery's code alone and on no machine: the peak
of Python's own allocations while the record is read, linked, written and indexed, as a
multiple of the file's size (tracemalloc counts every object, whatever the allocator keeps).
"""

from __future__ import annotations

import re
import resource
import tracemalloc

import pytest

from chancery.archive import SHIPPED_AUTHORITY, Archive
from chancery.config import Settings
from chancery.text.entities import link
from tests.conftest import STALIN_1949, read_record

# Python's peak over the ingest of one big record, as a multiple of the file: 6.92 for the
# record below, 7.21 before the reader, the ingest and the index let their copies go early
# (tracemalloc also counts CPython's UTF-8 encoder's buffer, three bytes a character, when
# the source text is bound for the store).
PYTHON_PEAK_BOUND = 7.1
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def big_record(size: int) -> str:
    """The Stalin cable of 1949 with its English translation repeated to half ``size`` bytes
    and its Russian witnesses to the rest: a transcription of many copies."""
    head, body = STALIN_1949.read_text(encoding="utf-8").split(
        "- Scan of Original Document\n", 1)
    paragraphs = body.strip("\n").split("\n\n")
    first_russian = next(i for i, p in enumerate(paragraphs) if _CYRILLIC.search(p))
    parts = []
    for chosen, share in ((paragraphs[:first_russian], size // 2),
                          (paragraphs[first_russian:], size - size // 2)):
        one = "\n\n".join(chosen)
        parts.append("\n\n".join([one] * max(1, round(share / len(one.encode())))))
    return head + "- Scan of Original Document\n\n" + "\n\n".join(parts) + "\n"


@pytest.fixture
def linked_archive(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.load_authority(SHIPPED_AUTHORITY)  # as `chancery init` loads it
        # the one-page record first: the dictionaries and caches the linker loads once a
        # process are no part of what a big record costs
        assert archive.ingest([STALIN_1949]).added == 1
        yield archive


def _children_cpu() -> float:
    """CPU seconds of this process's children that have ended and been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ingested(folder, paths, isolate_from_bytes: int):  # noqa: ANN001, ANN202
    """Ingest ``paths`` into a new archive: the report, each document and its links, the ids
    a search finds, and the CPU time children spent on it."""
    with Archive.open(folder, create=True,
                      settings=Settings(isolate_from_bytes=isolate_from_bytes)) as archive:
        archive.load_authority(SHIPPED_AUTHORITY)
        before = _children_cpu()
        report = archive.ingest(paths)
        children = _children_cpu() - before
        documents = {listing.id: (archive.get(listing.id), archive.links(listing.id))
                     for listing in archive.listing()}
        found = [hit.id for hit in archive.search("Filippov Mikoyan", limit=50).hits]
        return report, documents, found, children


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    """A record of 300 KB, over the threshold the tests below set, and a one-page record."""
    folder = tmp_path_factory.mktemp("records")
    big = folder / "big.md"
    big.write_text(big_record(300_000).replace(
        "digitalarchive.wilsoncenter.org/document/121768", "digitalarchive.wilsoncenter.org/"
        "document/900002"), encoding="utf-8")
    return big, STALIN_1949


def test_a_big_record_read_in_a_child_gives_the_same_document(records, tmp_path):
    threshold = 200_000  # the big record over it, the one-page record under it
    assert records[0].stat().st_size > threshold > records[1].stat().st_size
    apart = _ingested(tmp_path / "apart", records, threshold)
    here = _ingested(tmp_path / "here", records, 0)  # 0: every file read in this process
    report, documents, found, children = apart
    assert (report.added, report.failed) == (2, 0)
    assert set(documents) == {"wilson:900002", "wilson:121768"}
    assert documents == here[1]  # each document, its mentions and its proposals
    assert len(documents["wilson:900002"][1][0]) > 100  # the big record's links are written
    assert found == here[2] and "wilson:900002" in found  # and it is indexed
    assert (here[0].added, here[0].failed) == (2, 0)
    # the big record was read in a child: its parsing and linking took CPU time there
    assert children > 0.05, f"children used {children:.3f} s of CPU"


def test_an_error_in_the_child_names_the_file_and_the_batch_goes_on(records, tmp_path):
    broken = tmp_path / "broken.md"  # big, and not UTF-8 some way in
    broken.write_bytes(records[0].read_bytes()[:250_000] + b"\n\xff\xfe broken\n")
    apart, _, _, _ = _ingested(tmp_path / "apart", [broken, records[1]], 200_000)
    here, _, _, _ = _ingested(tmp_path / "here", [broken, records[1]], 0)
    assert apart.added == 1  # the good record after it is ingested
    assert apart.failures == here.failures  # the same message as read in this process
    [(name, message)] = apart.failures
    assert name == str(broken) and message.startswith(f"{broken}:")
    assert "UTF-8" in message


def test_a_big_record_is_ingested_within_the_bound_on_python_memory(linked_archive, tmp_path):
    path = tmp_path / "big.md"
    path.write_text(big_record(2 << 20).replace(
        "digitalarchive.wilsoncenter.org/document/121768", "digitalarchive.wilsoncenter.org/"
        "document/900001"), encoding="utf-8")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        report = linked_archive.ingest([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (report.added, report.failed) == (1, 0)
    mentions, _ = linked_archive.links("wilson:900001")
    # more links than one insert writes at a time (chancery/store/authority.py): all kept
    found, _ = link(read_record(path), linked_archive.gazetteer())
    assert len(mentions) == len(found) > 5_000
    assert linked_archive.search("Filippov")
    assert peak / size < PYTHON_PEAK_BOUND, f"Python's peak {peak / size:.1f} x the file"


def test_a_big_record_changed_is_read_again_in_a_child_while_the_index_is_open(records,
                                                                               tmp_path):
    settings = Settings(isolate_from_bytes=200_000)
    changed = tmp_path / "big.md"
    with Archive.open(tmp_path / "archive", create=True, settings=settings) as archive:
        assert archive.ingest([records[0]]).added == 1
        assert archive.search("Filippov").total == 1  # the index open, its threads running
        changed.write_text(records[0].read_text(encoding="utf-8")
                           + "\nA postscript on Zanzibar.\n", encoding="utf-8")
        before = _children_cpu()
        report = archive.ingest([changed])
        assert (report.updated, report.failed) == (1, 0)
        assert _children_cpu() > before  # read in a child again
        assert [hit.id for hit in archive.search("Zanzibar").hits] == ["wilson:900002"]
