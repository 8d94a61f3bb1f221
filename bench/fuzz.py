"""Fuzzing: the record reader, the TEI reader, the query language and the OAI-PMH arguments
given anything, with only documented errors coming out.

    python bench/fuzz.py [--examples 100000] [--target NAME ...]

Each target is a hypothesis property over inputs built from the real samples (their lines
shuffled, cut, repeated and spliced with arbitrary text; their bytes flipped) as well as from
nothing. What may come out:

- record reader (``wilson_markdown.read``): a Document, or InputError;
- TEI reader (``tei.read``, a FRUS volume and Chancery's own TEI): Documents, or InputError;
- query language (``Archive.search`` on the sample archive): results (with warnings for what
  it could not read); never an exception;
- OAI-PMH arguments (the data provider's argument check and verbs): a response, or an
  OAI-PMH error (badArgument, badVerb, cannotDisseminateFormat, idDoesNotExist,
  badResumptionToken, noRecordsMatch, noSetHierarchy).

Prints cases, cases/s and failures per target; exits 1 if any input raised anything else.
tests/test_fuzz.py runs the same properties with fewer cases.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chancery.access import Reader  # noqa: E402
from chancery.archive import Archive  # noqa: E402
from chancery.errors import InputError  # noqa: E402
from chancery.formats import tei, wilson_markdown  # noqa: E402
from chancery.view import ReaderView  # noqa: E402
from chancery.web import oai  # noqa: E402

SAMPLES = ROOT / "samples"
RECORDS = [path.read_text() for path in sorted((SAMPLES / "wilson").glob("*.md"))]
RECORD_LINES = sorted({line for record in RECORDS for line in record.split("\n")})
FRUS = (SAMPLES / "frus" / "frus1955-57v03.xml").read_bytes()
MAX_BYTES = 2_000_000


def _mutated(data: bytes) -> st.SearchStrategy[bytes]:
    """The bytes with some of them changed, cut short or spliced with others."""
    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        found = bytearray(data)
        for _ in range(draw(st.integers(0, 8))):
            position = draw(st.integers(0, max(len(found) - 1, 0)))
            action = draw(st.sampled_from(("flip", "cut", "insert", "delete")))
            if action == "flip" and found:
                found[position] ^= draw(st.integers(1, 255))
            elif action == "cut":
                del found[position:]
            elif action == "insert":
                found[position:position] = draw(st.binary(max_size=40)) or b"<"
            else:
                del found[position:position + draw(st.integers(1, 400))]
        return bytes(found)
    return build()


_lines = st.lists(st.one_of(st.sampled_from(RECORD_LINES),
                            st.text(max_size=120)), max_size=80)
records = st.one_of(
    _lines.map(lambda lines: "\n".join(lines).encode()),
    st.sampled_from(RECORDS).flatmap(lambda record: _mutated(record.encode())),
    st.binary(max_size=400),
)


def record_reader(data: bytes) -> None:
    with suppress(InputError):
        wilson_markdown.read(data, "fuzzed.md", MAX_BYTES)


_TEI_PIECES = st.sampled_from([
    "<TEI xmlns='http://www.tei-c.org/ns/1.0'>", "</TEI>", "<text>", "</text>", "<body>",
    "</body>", "<div type='document' xml:id='d1'>", "</div>", "<head>", "</head>", "<p>",
    "</p>", "<date when='1955-13-01'>", "<date when='x'>", "</date>", "<persName corresp='#p_X'>",
    "</persName>", "<note type='source'>", "</note>", "<gloss target='#t_X'>", "</gloss>",
    "<idno type='chancery'>a</idno>", "<teiHeader>", "</teiHeader>", "&amp;", "&bogus;",
    "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'>]>", "<![CDATA[x]]>", "Dulles", "Москва", "\x00"])
teis = st.one_of(
    _mutated(FRUS[:60_000]),
    st.lists(st.one_of(_TEI_PIECES, st.text(max_size=30)), max_size=60).map(
        lambda pieces: "".join(pieces).encode("utf-8", "surrogatepass")),
)


def tei_reader(data: bytes) -> None:
    with suppress(InputError):
        for _document in tei.read(data, "fuzzed.xml", MAX_BYTES):
            pass


_QUERY_PIECES = st.sampled_from([
    "Stalin", "Сталин", "\"", "(", ")", "OR", "-", "*", "~", "~2", "=", "person:", "place:",
    "from:", "to:", "date:", "1949", "1948-04..1949-02", "..", "lang:", "type:", "archive:",
    "collection:", "term:", "NOT", "AND", " ", ":", "\\", "\x00", "日本", "ё", "🙂"])
queries = st.one_of(st.lists(st.one_of(_QUERY_PIECES, st.text(max_size=12)),
                             max_size=30).map("".join),
                    st.text(max_size=300))


def query_language(archive: Archive) -> Callable[[str], None]:
    def run(text: str) -> None:
        archive.search(text, limit=5, facets=("person", "year"))
    return run


_OAI_NAMES = ["verb", "metadataPrefix", "identifier", "from", "until", "set",
              "resumptionToken", "bogus"]
_OAI_VALUES = st.one_of(
    st.sampled_from(["Identify", "ListRecords", "ListIdentifiers", "GetRecord", "ListSets",
                     "ListMetadataFormats", "oai_dc", "tei", "oai:chancery:wilson:121768",
                     "2024-01-01", "1949-02-03T00:00:00Z", "2024-13-45", "eyJhZnRlciI6IDF9",
                     "collection:x", "", "*"]),
    st.text(max_size=40))
oai_arguments = st.lists(st.tuples(st.sampled_from(_OAI_NAMES), _OAI_VALUES), max_size=6)


def oai_provider(archive: Archive) -> Callable[[list[tuple[str, str]]], None]:
    view = ReaderView(archive, Reader.anonymous())

    def run(pairs: list[tuple[str, str]]) -> None:
        arguments = dict(pairs)
        with suppress(oai.ProtocolError):
            verb = oai._check(pairs, arguments)  # noqa: SLF001 - the provider's own check
            oai._VERBS[verb](view, arguments, "http://archive.test/oai")  # noqa: SLF001
    return run


def sample_archive(folder: Path) -> Archive:
    archive = Archive.open(folder, create=True)
    archive.load_authority(relink=False)
    report = archive.ingest([SAMPLES / "wilson", SAMPLES / "frus"])
    assert report.failed == 0
    return archive


def targets(archive: Archive) -> dict[str, tuple[st.SearchStrategy, Callable]]:
    return {"record reader": (records, record_reader),
            "TEI reader": (teis, tei_reader),
            "query language": (queries, query_language(archive)),
            "OAI-PMH arguments": (oai_arguments, oai_provider(archive))}


def fuzz(strategy: st.SearchStrategy, target: Callable, examples: int, seed: int = 0) -> None:
    """Run ``target`` on ``examples`` inputs; hypothesis raises (shrunk) on the first failure."""
    @settings(max_examples=examples, deadline=None, database=None, derandomize=seed == 0,
              phases=(Phase.generate, Phase.shrink), suppress_health_check=list(HealthCheck))
    @given(strategy)
    def property_(value: object) -> None:
        target(value)

    property_()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--target", action="append")
    arguments = parser.parse_args()
    results, failed = {}, False
    with tempfile.TemporaryDirectory(prefix="chancery-fuzz-") as work:
        archive = sample_archive(Path(work) / "archive")
        for name, (strategy, target) in targets(archive).items():
            if arguments.target and name not in arguments.target:
                continue
            started = time.perf_counter()
            try:
                fuzz(strategy, target, arguments.examples)
                outcome = "only documented errors"
            except Exception as error:  # noqa: BLE001 - what fuzzing is for: report it
                outcome, failed = f"FAILED: {type(error).__name__}: {error}"[:500], True
            elapsed = time.perf_counter() - started
            results[name] = {"cases": arguments.examples, "seconds": round(elapsed, 1),
                             "cases_per_second": round(arguments.examples / elapsed),
                             "outcome": outcome}
            print(name, json.dumps(results[name]), flush=True)
        archive.close()
    print()
    print("| target | cases | seconds | cases/s | outcome |")
    print("|---|---|---|---|---|")
    for name, found in results.items():
        print(f"| {name} | {found['cases']:,} | {found['seconds']} | "
              f"{found['cases_per_second']:,} | {found['outcome']} |")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
