"""A person's page says what each source says of them, with the source; the list of people
is in the order of their surnames; a volume's list links each entry to its entity."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from chancery.archive import Archive
from chancery.web.app import create_app

FRUS = Path(__file__).resolve().parents[1] / "data" / "frus"
# Gromyko listed by four volumes, each describing him in its own words
LISTS = [FRUS / f"namesakes-{volume}.xml" for volume in (
    "frus1952-54v02p1", "frus1955-57v10", "frus1961-63v15", "frus1964-68v11")]
EXTRACT = FRUS / "frus1958-60v18-extract.xml"  # a volume with documents and its list
PEOPLE = """sources:
  test: {title: "A test"}
entities:
  - id: person/burke
    kind: person
    names: [{text: "Admiral Arleigh A. Burke", kind: preferred, lang: en, source: test}]
  - id: person/eden
    kind: person
    names: [{text: "Sir Anthony Eden", kind: preferred, lang: en, source: test}]
  - id: person/kissinger
    kind: person
    names: [{text: "Dr. Henry A. Kissinger", kind: preferred, lang: en, source: test}]
  - id: person/aaron
    kind: person
    names: [{text: "Zeke Aaron", kind: preferred, lang: en, source: test}]
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entity-pages")
    (folder / "people.yaml").write_text(PEOPLE)
    with Archive.open(folder / "archive", create=True) as opened:
        opened.load_authority(relink=False)
        opened.load_authority(folder / "people.yaml", relink=False)
        opened.ingest(LISTS)  # lists without documents: their persons are loaded
        assert opened.ingest([EXTRACT]).failed == 0
        yield opened


@pytest.fixture(scope="module")
def client(archive):
    return TestClient(create_app(archive))


def gromyko(archive) -> str:
    [found] = [entity.id for entity in archive.entities()
               if "frus:frus1964-68v11#p_GAA1" in entity.identifiers]
    return found


def test_a_persons_page_shows_each_volumes_description_with_the_volume(archive, client):
    page = client.get("/people/" + gromyko(archive).partition("/")[2])
    assert page.status_code == 200
    table = page.text[page.text.index('<table class="descriptions">'):]
    table = table[:table.index("</table>")]
    rows = [[" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in
             re.findall(r"<td>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tr><td>.*?</tr>", table, re.S)]
    sources = [source for source, _text in rows]
    assert "frus1952-54v02p1" in sources and "frus1955-57v10" in sources
    assert "frus1961-63v15" in sources
    assert ["frus1961-63v15", "Soviet Foreign Minister"] in rows
    assert any(text.startswith("Soviet First Deputy Minister for Foreign Affairs in 1952")
               for source, text in rows if source == "frus1952-54v02p1")
    # volumes the archive does not hold link to the Office of the Historian's list
    assert 'href="https://history.state.gov/historicaldocuments/frus1955-57v10/persons' \
           '#p_GAA1"' in table


def test_the_people_are_listed_by_surname_not_by_title(client):
    page = client.get("/people?all=1")
    names = [" ".join(name.split()) for name in
             re.findall(r'<li><a href="/people/[^"]+">([^<]+)</a>', page.text)]
    order = [name for name in names if name in (
        "Zeke Aaron", "Admiral Arleigh A. Burke", "Sir Anthony Eden",
        "Dr. Henry A. Kissinger", "Mao Zedong", "Joseph Stalin")]
    assert order == ["Zeke Aaron", "Admiral Arleigh A. Burke", "Sir Anthony Eden",
                     "Dr. Henry A. Kissinger", "Mao Zedong", "Joseph Stalin"]


def test_a_volumes_listed_person_carries_the_entity_it_is_and_the_page_links_it(
        archive, client):
    volume = archive.volume("frus1958-60v18")
    listed = {entry.key: entry for entry in volume.persons}
    assert listed and all(entry.entity_id for entry in listed.values())
    first = volume.persons[0]
    assert "frus:frus1958-60v18#" + first.key in archive.entity(first.entity_id).identifiers
    page = client.get("/volumes/frus1958-60v18")
    for entry in listed.values():
        assert f'<a href="/people/{entry.entity_id.partition("/")[2]}">' in page.text
    # and the person's page links back to the volume's list, at the entry, titled
    person = client.get("/people/" + first.entity_id.partition("/")[2]).text
    row = next(row for row in re.findall(r"<tr><td>.*?</tr>", person, re.S)
               if f'href="/volumes/frus1958-60v18#{first.key}"' in row)
    assert volume.title in row and " ".join(first.description.split()) in " ".join(
        row.split())


def test_the_people_list_shows_those_with_documents_and_the_rest_on_asking(client):
    listed = re.findall(r'<li><a href="/people/[^"]+">', client.get("/people").text)
    everyone = re.findall(r'<li><a href="/people/[^"]+">', client.get("/people?all=1").text)
    counts = [int(count) for count in re.findall(r'<span class="count">(\d+)</span>',
                                                  client.get("/people").text)]
    assert listed and len(listed) < len(everyone)
    assert counts and min(counts) > 0
    assert 'href="?all=1"' in client.get("/people").text
