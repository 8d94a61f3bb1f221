"""IIIF: the Image API 3.0 at level 2 (info.json, regions, sizes, rotations, qualities,
formats, and the 400s the specification names), a Presentation API 3.0 manifest per
document checked against the iiif-prezi3 models, and access held on every IIIF route."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import iiif_prezi3
import pytest
from PIL import Image, ImageChops, ImageStat
from starlette.testclient import TestClient

from chancery.access import Reader
from chancery.archive import Archive
from chancery.errors import NotFoundError
from chancery.model import Access, AccessLevel
from chancery.web.app import create_app
from tests.conftest import STALIN_1949, read_record
from tests.images.conftest import EN_PAGE, RU_PAGE

CABLE = "wilson:121768"
RESTRICTED = "wilson:990011"
PASSWORD = "a long enough secret"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    with Archive.open(tmp_path_factory.mktemp("iiif") / "archive", create=True) as opened:
        opened.ingest([STALIN_1949])
        opened.attach(CABLE, [RU_PAGE, EN_PAGE], labels=["l. 57", "l. 58"])
        opened.ocr(CABLE, languages=["ru", "en"])
        hidden = replace(read_record(STALIN_1949), id=RESTRICTED,
                         access=Access(AccessLevel.RESTRICTED, roles=("researcher",)))
        opened.add(hidden)
        opened.attach(RESTRICTED, [EN_PAGE.parent / "zh-page.png"])
        opened.add_user("rita", ("researcher",), PASSWORD)
        yield opened


@pytest.fixture(scope="module")
def client(archive):
    return TestClient(create_app(archive), base_url="http://archive.test")


def sha(archive: Archive, document_id: str, number: int = 1) -> str:
    return archive.pages(document_id)[number - 1].sha256


def image_of(answer) -> Image.Image:  # noqa: ANN001 - a response
    assert answer.status_code == 200, answer.text
    return Image.open(io.BytesIO(answer.content))


def test_info_json_describes_the_image_at_level_2(archive, client):
    image = sha(archive, CABLE)
    assert client.get(f"/iiif/3/{image}", follow_redirects=False).headers["location"] == \
        f"http://archive.test/iiif/3/{image}/info.json"
    answer = client.get(f"/iiif/3/{image}/info.json")
    assert answer.headers["content-type"].startswith("application/ld+json")
    assert answer.headers["access-control-allow-origin"] == "*"
    info = answer.json()
    assert (info["@context"], info["type"], info["protocol"], info["profile"]) == (
        "http://iiif.io/api/image/3/context.json", "ImageService3",
        "http://iiif.io/api/image", "level2")
    assert info["id"] == f"http://archive.test/iiif/3/{image}"
    assert (info["width"], info["height"]) == Image.open(RU_PAGE).size
    assert info["tiles"] == [{"width": 256, "height": 256, "scaleFactors": [1, 2, 4]}]
    iiif_prezi3.ServiceV3(**{key: value for key, value in info.items() if key != "@context"})


@pytest.mark.parametrize(("path", "size"), [
    ("full/max/0/default.jpg", (1000, 600)),
    ("full/500,/0/default.jpg", (500, 300)),
    ("full/,150/0/default.png", (250, 150)),
    ("full/pct:10/0/default.jpg", (100, 60)),
    ("full/!200,200/0/default.jpg", (200, 120)),
    ("full/300,300/0/default.jpg", (300, 300)),  # w,h: the shape is the client's
    ("square/max/0/default.jpg", (600, 600)),
    ("100,50,400,200/max/0/default.jpg", (400, 200)),
    ("pct:50,50,50,50/max/0/default.jpg", (500, 300)),
    ("900,500,400,400/max/0/default.jpg", (100, 100)),  # cut at the image's edge
    ("0,0,100,50/^200,/0/default.jpg", (200, 100)),
    ("full/^pct:150/0/default.png", (1500, 900)),
    ("full/max/90/default.jpg", (600, 1000)),
    ("full/500,/!180/gray.png", (500, 300)),
    ("full/max/45/default.png", (1132, 1132)),
])
def test_regions_sizes_and_rotations(archive, client, path, size):
    made = image_of(client.get(f"/iiif/3/{sha(archive, CABLE)}/{path}"))
    assert abs(made.width - size[0]) <= 1 and abs(made.height - size[1]) <= 1
    assert made.format == ("PNG" if path.endswith("png") else "JPEG")


def difference(one: Image.Image, other: Image.Image) -> float:
    """Mean difference of two greyscale images of one size, 0-255."""
    return ImageStat.Stat(ImageChops.difference(one.convert("L"), other.convert("L"))).mean[0]


def test_the_pixels_are_the_regions(archive, client):
    original = Image.open(RU_PAGE).convert("L")
    image = sha(archive, CABLE)
    region = image_of(client.get(f"/iiif/3/{image}/80,70,400,150/max/0/default.png"))
    assert difference(region, original.crop((80, 70, 480, 220))) < 4
    assert difference(region, original.crop((480, 70, 880, 220))) > 10  # it can tell
    half = image_of(client.get(f"/iiif/3/{image}/full/500,/0/default.png"))
    assert difference(half, original.resize((500, 300), Image.Resampling.LANCZOS)) < 4
    mirrored = image_of(client.get(f"/iiif/3/{image}/full/max/!0/default.png"))
    assert difference(mirrored, original.transpose(Image.Transpose.FLIP_LEFT_RIGHT)) < 4
    turned = image_of(client.get(f"/iiif/3/{image}/full/max/90/default.png"))
    assert difference(turned, original.transpose(Image.Transpose.ROTATE_270)) < 4
    bitonal = image_of(client.get(f"/iiif/3/{image}/full/max/0/bitonal.png"))
    assert set(bitonal.convert("L").getdata()) <= {0, 255}
    again = client.get(f"/iiif/3/{image}/80,70,400,150/max/0/default.png")  # from the cache
    assert image_of(again).tobytes() == region.tobytes()


@pytest.mark.parametrize(("path", "says"), [
    ("2000,0,10,10/max/0/default.jpg", "outside the image"),
    ("0,0,0,10/max/0/default.jpg", "no width or height"),
    ("0,0,10/max/0/default.jpg", "region"),
    ("pct:a,0,10,10/max/0/default.jpg", "region"),
    ("full/2000,/0/default.jpg", "larger than the region"),
    ("full/pct:150/0/default.jpg", "needs ^"),
    ("full/0,/0/default.jpg", "zero"),
    ("full/!100,/0/default.jpg", "size"),
    ("full/big/0/default.jpg", "size"),
    ("full/max/361/default.jpg", "rotation"),
    ("full/max/-90/default.jpg", "rotation"),
    ("full/max/0/sepia.jpg", "quality"),
    ("full/max/0/default.gif", "format"),
    ("full/max/0/default", "quality"),
    ("full/^100000,/0/default.jpg", "over the limit"),
])
def test_the_400s_the_specification_names(archive, client, path, says):
    answer = client.get(f"/iiif/3/{sha(archive, CABLE)}/{path}")
    assert answer.status_code == 400
    assert says in answer.text


def test_a_document_manifest(archive, client):
    answer = client.get(f"/iiif/3/documents/{CABLE}/manifest.json")
    assert answer.headers["content-type"].startswith("application/ld+json")
    manifest = answer.json()
    assert manifest["@context"] == "http://iiif.io/api/presentation/3/context.json"
    iiif_prezi3.Manifest(**{key: value for key, value in manifest.items()
                            if key != "@context"})
    assert manifest["label"] == {"en": ["Cable, Filippov [Stalin] to Anastas Mikoyan"]}
    metadata = {entry["label"]["en"][0]: entry["value"]["none"][0]
                for entry in manifest["metadata"]}
    assert metadata["Archive"].startswith("RGASPI, f. 558")
    assert manifest["homepage"][0]["id"] == f"http://archive.test/documents/{CABLE}"
    canvases = manifest["items"]
    assert [canvas["label"] for canvas in canvases] == [{"none": ["l. 57"]},
                                                        {"none": ["l. 58"]}]
    body = canvases[0]["items"][0]["items"][0]["body"]
    assert (body["width"], body["height"]) == Image.open(RU_PAGE).size
    assert client.get(body["service"][0]["id"] + "/info.json").status_code == 200
    assert image_of(client.get(body["id"])).size == Image.open(RU_PAGE).size
    # the OCR text of each line, on the page where it stands
    lines = canvases[0]["annotations"][0]["items"]
    assert lines[0]["motivation"] == "supplementing"
    assert "АНДРЕЕВУ" in lines[0]["body"]["value"]
    assert re.fullmatch(r".*/canvas/1#xywh=\d+,\d+,\d+,\d+", lines[0]["target"])
    assert any("Stalin" in line["body"]["value"]
               for line in canvases[1]["annotations"][0]["items"])
    assert manifest["service"] == [{"id": f"http://archive.test/iiif/3/documents/{CABLE}"
                                          "/search", "type": "SearchService2"}]


def test_iiif_keeps_to_the_documents_access(archive, client):
    hidden = sha(archive, RESTRICTED)
    for path in (f"/iiif/3/{hidden}/info.json", f"/iiif/3/{hidden}/full/max/0/default.jpg",
                 f"/iiif/3/documents/{RESTRICTED}/manifest.json"):
        assert client.get(path).status_code == 404, path
    # the same URLs for a reader of the restricted documents' role
    rita = TestClient(create_app(archive), base_url="http://archive.test")
    page = rita.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert rita.post("/login", data={"csrf": csrf, "name": "rita", "password": PASSWORD,
                                     "next": "/"}, follow_redirects=False).status_code == 303
    for path in (f"/iiif/3/{hidden}/info.json", f"/iiif/3/{hidden}/full/max/0/default.jpg",
                 f"/iiif/3/documents/{RESTRICTED}/manifest.json"):
        assert rita.get(path).status_code == 200, path
    # an image a public document shows too is public
    assert archive.page_image(sha(archive, CABLE), Reader.anonymous()).width == 1000
    with pytest.raises(NotFoundError):
        archive.page_image(hidden, Reader.anonymous())
    assert client.get("/iiif/3/" + "0" * 64 + "/info.json").status_code == 404
    assert client.get("/iiif/3/../../chancery.sqlite3/info.json").status_code == 404


def test_content_search_finds_words_on_their_pages(archive, client):
    manifest = client.get(f"/iiif/3/documents/{CABLE}/manifest.json").json()
    service = manifest["service"][0]["id"]
    answer = client.get(service, params={"q": "comrade stalin"})
    assert answer.headers["content-type"].startswith("application/ld+json")
    found = answer.json()
    assert (found["@context"], found["type"]) == ("http://iiif.io/api/search/2/context.json",
                                                  "AnnotationPage")
    assert found["items"], found
    for match in found["items"]:
        assert match["motivation"] == "highlighting"
        assert match["body"]["value"].casefold().startswith("comrade stalin")
        canvas, box = match["target"].split("#xywh=")
        assert canvas == manifest["items"][1]["id"]  # the English page
        x, y, width, height = map(int, box.split(","))
        assert 0 <= x and x + width <= 1000 and 0 <= y and y + height <= 600
    russian = client.get(service, params={"q": "телеграммы"}).json()["items"]
    assert [match["target"].split("#")[0] for match in russian] == \
        [manifest["items"][0]["id"]]
    assert client.get(service, params={"q": "Zanzibar"}).json()["items"] == []
    assert client.get(f"/iiif/3/documents/{RESTRICTED}/search?q=Stalin").status_code == 404


def test_collections_of_the_documents_with_page_images(archive, client):
    everything = client.get("/iiif/3/collection.json").json()
    iiif_prezi3.Collection(**{key: value for key, value in everything.items()
                              if key != "@context"})
    assert everything["id"] == "http://archive.test/iiif/3/collection.json"
    # the restricted document's manifest is not listed for an anonymous reader
    assert [item["id"] for item in everything["items"]] == [
        f"http://archive.test/iiif/3/documents/{CABLE}/manifest.json"]
    assert everything["items"][0]["type"] == "Manifest"
    assert client.get(everything["items"][0]["id"]).status_code == 200
    for missing in ("/iiif/3/collections/volume/frus1952-54v08",
                    "/iiif/3/collections/collection/Nothing",
                    "/iiif/3/collections/shelf/x"):
        assert client.get(missing).status_code == 404, missing


def test_a_collection_by_name(tmp_path):
    with Archive.open(tmp_path / "archive", create=True) as opened:
        opened.add(replace(read_record(STALIN_1949), collections=("Sino-Soviet Relations",)))
        opened.attach(CABLE, [RU_PAGE])
        client = TestClient(create_app(opened), base_url="http://archive.test")
        found = client.get("/iiif/3/collections/collection/Sino-Soviet%20Relations").json()
        assert found["id"] == ("http://archive.test/iiif/3/collections/collection/"
                               "Sino-Soviet%20Relations")
        assert found["label"] == {"en": ["Sino-Soviet Relations"]}
        assert [item["label"] for item in found["items"]] == [
            {"en": ["Cable, Filippov [Stalin] to Anastas Mikoyan"]}]
