"""Relevance tells an anonymous reader nothing of hidden documents: not by the scores the API
gives (none, to a reader who cannot see every document), nor by the order of the hits (each
word weighed by how many documents the reader may see hold it).

Before, a public document's score fell when a restricted one held the same word, and the
order of two public documents turned on it: a yes/no test for any word of a hidden text.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from starlette.testclient import TestClient

from chancery.access import Reader
from chancery.archive import Archive
from chancery.model import Access, AccessLevel
from chancery.web.app import create_app
from tests.conftest import STALIN_1949, WILSON, read_record

SECRET = "Quillfeather"  # the word whose presence in hidden documents is asked about
TWICE, ONCE = "wilson:990101", "wilson:990102"


def public_pair() -> list:
    """Two public cables: one says the secret word twice, the other a word of its own once."""
    cable = read_record(STALIN_1949)
    return [replace(cable, id=TWICE, title=f"{SECRET} {SECRET} cable"),
            replace(cable, id=ONCE, title="Brassmonkey cable")]


def hidden() -> list:
    cable = read_record(STALIN_1949)
    restricted = Access(AccessLevel.RESTRICTED, roles=("researcher",))
    return [replace(cable, id=f"wilson:99020{n}", title=f"{SECRET} restricted {n}",
                    access=restricted) for n in range(8)] + \
        [replace(cable, id="wilson:990210", title=f"{SECRET} embargoed",
                 access=Access(AccessLevel.EMBARGOED, until="2999-01-01"))]


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scores")
    with Archive.open(folder / "plain", create=True) as plain, \
            Archive.open(folder / "hiding", create=True) as hiding:
        for archive in (plain, hiding):
            archive.load_authority()
            archive.ingest([WILSON])
            for document in public_pair():
                archive.add(document)
        for document in hidden():
            hiding.add(document)
        yield plain, hiding


def test_api_search_answers_anonymous_readers_the_same_whatever_hidden_documents_hold(
        archives):
    plain, hiding = (TestClient(create_app(archive)) for archive in archives)
    for query in (SECRET, f"{SECRET} OR Brassmonkey", "Mikoyan", "type:cable Stalin"):
        url = f"/api/v1/search?q={query}&facets=person,year"
        assert plain.get(url).content == hiding.get(url).content, query


def test_anonymous_readers_get_no_scores_and_curators_do(archives):
    _, hiding = archives
    anonymous = hiding.search(SECRET, reader=Reader.anonymous()).hits
    assert anonymous and all(hit.score is None for hit in anonymous)
    editor = hiding.search(SECRET, reader=Reader(frozenset({"editor"}))).hits
    assert len(editor) == 10 and all(hit.score > 0 for hit in editor)


def test_the_order_of_public_hits_does_not_turn_on_what_hidden_documents_hold(archives):
    plain, hiding = archives
    for query in (f"{SECRET} OR Brassmonkey", f"Brassmonkey OR {SECRET} cable"):
        orders = [[hit.id for hit in archive.search(query, reader=Reader.anonymous()).hits]
                  for archive in (plain, hiding)]
        assert orders[0] == orders[1] == [TWICE, ONCE], query
