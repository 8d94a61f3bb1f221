"""IIIF tile figures: 256-pixel tiles of a 6,000 x 8,000 scan at random places and zoom
levels, requested through the server (`chancery serve`, one process, over HTTP), uncached
(the first request of each tile: read from the image's pyramid and encoded) and cached (the
same requests again), against cropping and scaling the same image with Pillow in the same run
(from the file each time, as a server without tiles would, and from the image decoded once).

    .venv/bin/python bench/iiif.py [--tiles 300] [--seed 19]

The image: a page typeset by bench/make_scans.py (English, at 725 dpi: 6,000 x 8,000 pixels,
RGB JPEG at quality 90), attached to a record as `chancery attach` does. The pyramid each
image gets once is made by its first request, timed apart.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_scans  # noqa: E402

from chancery.archive import Archive  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 6000, 8000
TILE = 256


def big_page(path: Path) -> None:
    dpi = 725  # 8.27 x 11.03 inches at 725 dpi: 6,000 x 8,000
    (page, _text), *_ = make_scans.typeset(make_scans.paragraphs_for("en"), "en", dpi, 1,
                                           page_inches=(WIDTH / dpi, HEIGHT / dpi))
    page.convert("RGB").save(path, "JPEG", quality=90)


def tiles(count: int, seed: int) -> list[tuple[int, int, int, int, int]]:
    """Random tiles (x, y, w, h of the region; the tile's width) over the zoom levels a
    viewer asks for: scale factors 1 to 32."""
    generator = random.Random(seed)
    chosen = set()
    while len(chosen) < count:
        factor = 2 ** generator.randrange(0, 6)
        span = TILE * factor
        column = generator.randrange(math.ceil(WIDTH / span))
        row = generator.randrange(math.ceil(HEIGHT / span))
        x, y = column * span, row * span
        width, height = min(span, WIDTH - x), min(span, HEIGHT - y)
        chosen.add((x, y, width, height, math.ceil(width / factor)))
    return sorted(chosen, key=lambda _: generator.random())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def summary(label: str, seconds: list[float]) -> str:
    milliseconds = [value * 1000 for value in seconds]
    return (f"{label:<34} n={len(milliseconds):<4} median {statistics.median(milliseconds):7.1f} ms"
            f"  p95 {percentile(milliseconds, 0.95):7.1f} ms  max {max(milliseconds):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--port", type=int, default=8719)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        scan = folder / "scan.jpg"
        big_page(scan)
        record = make_scans.CORPUS / "1949-02-03_filippov-to-mikoyan.md"
        with Archive.open(folder / "archive", create=True) as archive:
            archive.ingest([record])
            (page,) = archive.attach("wilson:121768", [scan])
        server = subprocess.Popen(
            [sys.executable, "-m", "chancery", "--archive", str(folder / "archive"), "serve",
             "--port", str(arguments.port)], cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, env={**os.environ})
        try:
            base = f"http://127.0.0.1:{arguments.port}/iiif/3/{page.sha256}"
            with httpx.Client(timeout=120) as client:
                for _ in range(600):  # wait for the server to answer
                    try:
                        client.get(f"{base}/info.json")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                started = time.perf_counter()
                assert client.get(f"{base}/0,0,256,256/256,/0/default.jpg").status_code == 200
                print(f"pyramid of the {WIDTH}x{HEIGHT} image, made by its first request: "
                      f"{time.perf_counter() - started:.2f} s")
                chosen = tiles(arguments.tiles, arguments.seed)
                urls = [f"{base}/{x},{y},{w},{h}/{size},/0/default.jpg"
                        for x, y, w, h, size in chosen]
                rounds = {}
                for label in ("uncached (first request)", "cached (the same again)"):
                    seconds = []
                    for url in urls:
                        began = time.perf_counter()
                        answer = client.get(url)
                        seconds.append(time.perf_counter() - began)
                        assert answer.status_code == 200, (url, answer.text)
                    rounds[label] = seconds
        finally:
            server.terminate()
            server.wait(timeout=30)
        for label, seconds in rounds.items():
            print(summary("server, " + label, seconds))
        pillow_file, pillow_memory = [], []
        decoded = Image.open(scan)
        decoded.load()
        for x, y, w, h, size in chosen[: min(len(chosen), 60)]:
            began = time.perf_counter()
            with Image.open(scan) as opened:
                tile = opened.crop((x, y, x + w, y + h)).resize(
                    (size, max(1, round(h * size / w))), Image.Resampling.LANCZOS)
                tile.save(io.BytesIO(), "JPEG", quality=85)
            pillow_file.append(time.perf_counter() - began)
        for x, y, w, h, size in chosen:
            began = time.perf_counter()
            tile = decoded.crop((x, y, x + w, y + h)).resize(
                (size, max(1, round(h * size / w))), Image.Resampling.LANCZOS)
            tile.save(io.BytesIO(), "JPEG", quality=85)
            pillow_memory.append(time.perf_counter() - began)
        print(summary("Pillow, from the file each time", pillow_file))
        print(summary("Pillow, from the decoded image", pillow_memory))


if __name__ == "__main__":
    main()
