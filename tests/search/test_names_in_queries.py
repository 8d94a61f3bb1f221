"""Names as readers type them: in another script or spelling system, without quotes, as a
surname alone or a pseudonym, on real records and FRUS documents (issue 17, points 3 and 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chancery.archive import SHIPPED_AUTHORITY, STARTER_AUTHORITY, Archive
from tests.conftest import WILSON

DATA = Path(__file__).parent.parent / "data"
FRUS = DATA / "frus"
FILES = [FRUS / "names-frus1964-68v11.xml", FRUS / "names-frus1955-57v02.xml", WILSON]
KENNEDY, KHRUSHCHEV, ROSHCHIN = (f"frus:frus1964-68v11/{number}"
                                 for number in ("d3", "d38", "d205"))
ZHOU_ENLAI = {"wilson:114712", "wilson:175797"}  # records that write "Zhou Enlai" only
FILIPPOV = {"wilson:113702", "wilson:121768"}  # Stalin's cables as Filippov, 1948 and 1949
BIERUT = "wilson:134364"  # Stalin in 1946, under his own name


def found(archive: Archive, query: str) -> set[str]:
    return {hit.id for hit in archive.search(query, limit=100).hits}


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> Archive:
    """An archive without any authority: names meet by their keys alone."""
    with Archive.open(tmp_path_factory.mktemp("bare") / "archive", create=True) as archive:
        assert archive.ingest(FILES).failed == 0
        yield archive


@pytest.fixture(scope="module")
def known(tmp_path_factory) -> Archive:
    with Archive.open(tmp_path_factory.mktemp("known") / "archive", create=True) as archive:
        archive.load_authority(STARTER_AUTHORITY, relink=False)
        archive.load_authority(DATA / "authority-frus1964-68v11-persons.yaml", relink=False)
        assert archive.ingest(FILES).failed == 0
        yield archive


def test_the_texts_do_not_hold_the_typed_spellings(bare):
    # what makes the next tests mean something: none of these forms is in the texts (typed
    # in lower case, they are searched as words only)
    for query in ('="хрущев"', '="рощин"', '="кеннеди"'):
        assert not found(bare, query) & {KHRUSHCHEV, ROSHCHIN, KENNEDY}
    assert not found(bare, '="chou en-lai"') & ZHOU_ENLAI


@pytest.mark.parametrize(("query", "document"), [("Хрущев", KHRUSHCHEV),
                                                 ("Рощин", ROSHCHIN),
                                                 ("Кеннеди", KENNEDY)])
def test_a_russian_spelling_finds_the_english_one_without_an_authority_entry(bare, query,
                                                                            document):
    assert document in found(bare, query)


def test_wade_giles_finds_pinyin_without_an_authority_entry(bare):
    assert ZHOU_ENLAI <= found(bare, "Chou En-lai")
    assert ZHOU_ENLAI <= found(bare, '"Chou En-lai"')


def test_a_word_in_lower_case_is_not_taken_for_a_name(bare):
    assert KHRUSHCHEV not in found(bare, "хрущев")


def test_an_unquoted_name_finds_what_the_quoted_one_finds_and_its_other_spellings(known):
    quoted = found(known, '"Mao Tse-tung"')
    unquoted = found(known, "Mao Tse-tung")
    assert quoted and quoted <= unquoted
    assert {"wilson:113702", "wilson:121768"} <= unquoted  # "Mao Zedong", "Мао Цзе-дун"


def test_an_unquoted_russian_name_finds_its_english_records(known):
    assert ZHOU_ENLAI <= found(known, "Чжоу Эньлай")


def test_person_takes_a_pseudonym_only_within_its_dates(known):
    filippov = found(known, "person:Filippov")
    assert FILIPPOV <= filippov
    assert BIERUT not in filippov
    assert BIERUT in found(known, "person:Stalin")


def test_person_takes_a_surname_alone_when_one_person_has_it(known):
    assert KHRUSHCHEV in found(known, "person:Zorin")
    assert found(known, "person:Zorin") == found(known, "person:person/zorin-valerian")


def test_person_with_a_surname_several_people_share_names_them(known):
    results = known.search("person:Johnson")
    warning = " ".join(results.warnings)
    assert "could be any of 3" in warning
    for name in ("Lyndon B. Johnson", "U. Alexis Johnson", "Charles E. Johnson"):
        assert name in warning


def test_not_works_as_minus(known):
    assert found(known, "Stalin NOT Mao") == found(known, "Stalin -Mao")
    assert found(known, "Stalin NOT Mao") < found(known, "Stalin")


def test_on_a_volume_held_out_of_tuning_names_meet_across_scripts(tmp_path):
    # FRUS 1961-1963, volume XXII (China), without an authority: d16 writes "Chou En-lai",
    # d228 "Khrushchev"
    with Archive.open(tmp_path / "archive", create=True) as archive:
        assert archive.ingest([FRUS / "names-frus1961-63v22.xml"]).failed == 0
        assert "frus:frus1961-63v22/d228" in found(archive, "Хрущев")
        assert "frus:frus1961-63v22/d16" in found(archive, "Чжоу Эньлай")
        assert "frus:frus1961-63v22/d16" in found(archive, "Zhou Enlai")


def test_from_and_to_find_the_parties_a_frus_heading_names_by_surname(tmp_path):
    # "Memorandum From the Deputy Assistant ... (Lansdale) to Secretary of Defense McNamara":
    # the title's parties are surnames the authority cannot resolve alone; the heading's same
    # words were linked (by the editors' tag or the surname), and say who they are
    with Archive.open(tmp_path / "archive", create=True) as archive:
        archive.load_authority(SHIPPED_AUTHORITY, relink=False)
        assert archive.ingest([FRUS / "names-frus1961-63v22.xml"]).failed == 0
        memorandum = "frus:frus1961-63v22/d16"
        assert memorandum in found(archive, "to:McNamara")
        assert memorandum in found(archive, 'to:"Robert S. McNamara"')
        assert memorandum in found(archive, "from:Lansdale")
        assert memorandum not in found(archive, "from:McNamara")


def test_american_names_as_russian_writes_them(tmp_path):
    # no authority: Киссинджер, Никсон (1969-76v38p1), Раск, Джонсон (1964-68v11),
    # Макнамара (1961-63v22) meet the English names by their sounds, as Кеннеди met Kennedy
    # by transliteration
    with Archive.open(tmp_path / "archive", create=True) as archive:
        assert archive.ingest([FRUS / "names-frus1969-76v38p1.xml",
                               FRUS / "names-frus1964-68v11.xml",
                               FRUS / "names-frus1961-63v22.xml"]).failed == 0
        for russian, english in (("Киссинджер", "Kissinger"), ("Никсон", "Nixon"),
                                 ("Раск", "Rusk"), ("Макнамара", "McNamara"),
                                 ("Джонсон", "Johnson")):
            by_english = found(archive, f'"{english}"')
            assert by_english and by_english <= found(archive, russian), russian
