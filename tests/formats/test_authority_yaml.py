"""Authority files: the starter file loads; a broken one names file, line and field."""

from __future__ import annotations

import pytest

from chancery.archive import STARTER_AUTHORITY
from chancery.errors import InputError
from chancery.formats import authority_yaml
from chancery.model import EntityKind, NameKind

HEADER = "sources:\n  w: {title: Wilson}\nentities:\n"


def read(text: str):
    return authority_yaml.read((HEADER + text).encode(), "people.yaml")


def error_for(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        read(text)
    return caught.value


def test_starter_file_covers_the_sample_corpus_with_sources():
    entities = {e.id: e for e in authority_yaml.read(STARTER_AUTHORITY.read_bytes(), "a.yaml")}
    for needed in ["person/stalin", "person/mao-zedong", "person/mikoyan", "person/liu-shaoqi",
                   "person/zhu-de", "person/dong-biwu", "person/ren-bishi", "person/chen-yun",
                   "person/poskrebyshev", "person/chechulin", "person/orlov-andrei",
                   "place/shijiazhuang", "place/hebei", "place/shanxi", "place/harbin",
                   "place/beijing", "place/zhangjiakou", "place/moscow", "place/manchuria",
                   "org/ccp-cc", "org/vkpb-cc", "org/guomindang", "org/committee-of-information"]:
        assert needed in entities, needed
    assert all(name.source for entity in entities.values() for name in entity.names)
    andreev = [n for n in entities["person/mikoyan"].names if n.text == "Andreev"][0]
    assert (andreev.kind, andreev.valid_from[:7], andreev.valid_to[:7]) == (
        NameKind.PSEUDONYM, "1949-01", "1949-02")
    assert entities["place/harbin"].coordinates is not None
    assert {n.text for n in entities["place/beijing"].names} >= {"Beijing", "Beiping", "Peking"}


def test_a_minimal_entity():
    (entity,) = read("  - id: person/x\n    kind: person\n    names:\n"
                     "      - {text: X, kind: preferred, source: w}\n")
    assert (entity.id, entity.kind, entity.names[0].kind) == ("person/x", EntityKind.PERSON,
                                                              NameKind.PREFERRED)


@pytest.mark.parametrize("text, line, message", [
    ("  - id: person/x\n    kind: person\n    names:\n      - {text: X, kind: nickname, "
     "source: w}\n", 7, "field 'kind': 'nickname' is not one of"),
    ("  - id: person/x\n    kind: person\n    names:\n      - {text: X, kind: preferred}\n",
     7, "field 'source' is missing"),
    ("  - id: person/x\n    kind: person\n    names:\n      - {text: X, kind: preferred, "
     "source: nowhere}\n", 7, "source 'nowhere' is not defined"),
    ("  - id: person/x\n    kind: place\n    names:\n      - {text: X, kind: preferred, "
     "source: w}\n", 4, "field 'kind': 'place' does not match the id"),
    ("  - id: Person X\n    kind: person\n    names: []\n", 4, "field 'id'"),
    ("  - id: person/x\n    kind: person\n    names:\n      - {text: X, kind: pseudonym, "
     "source: w}\n", 7, "needs the dates it was used"),
    ("  - id: person/x\n    kind: person\n    born: 1878-13\n    names:\n      - {text: X, "
     "kind: preferred, source: w}\n", 4, "field 'born'"),
    ("  - id: place/x\n    kind: place\n    coordinates: [95, 10]\n    names:\n      - {text: "
     "X, kind: preferred, source: w}\n", 4, "field 'coordinates'"),
    ("  - id: person/x\n    kind: person\n    names:\n      - {text: X, kind: preferred, "
     "source: w}\n  - id: person/x\n    kind: person\n    names:\n      - {text: Y, kind: "
     "preferred, source: w}\n", 8, "'person/x' is used twice (first on line 4)"),
    ("  - id: person/x\n    kind: person\n   names: [\n", 6, "not valid YAML"),
])
def test_malformed_entries_name_line_and_field(text, line, message):
    error = error_for(text)
    assert error.source == "people.yaml" and error.line == line
    assert message in error.message


def test_one_alias_claimed_by_two_people_at_overlapping_dates_is_reported():
    text = ("  - id: person/a\n    kind: person\n    names:\n"
            "      - {text: Filippov, kind: pseudonym, from: 1948, to: 1950, source: w}\n"
            "  - id: person/b\n    kind: person\n    names:\n"
            "      - {text: Филиппов, kind: pseudonym, from: 1950-06, to: 1951, source: w}\n")
    error = error_for(text)
    assert "conflict" in error.message and "person/a" in error.message
    assert error.line == 8
    separate = text.replace("from: 1950-06, to: 1951", "from: 1951, to: 1952")
    assert len(read(separate)) == 2  # the same alias at other dates is no conflict
