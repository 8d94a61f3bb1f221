"""Make chancery/web/static/basemap.svg from Natural Earth TopoJSON (the world-atlas package).

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_basemap.py package/countries-50m.json

Natural Earth is in the public domain. The map is equirectangular in degrees (x = longitude,
y = -latitude, viewBox -180 -90 360 180), so a place page can crop it to any window and put
a pin at (longitude, -latitude) without a projection library.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "chancery" / "web" / "static" / "basemap.svg"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(arcs: list, indexes: list[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path(points: list[tuple[float, float]]) -> str:
    """An SVG path of a ring; where it jumps across the antimeridian (Chukotka, Fiji) it
    starts a new subpath instead of drawing a line around the world."""
    parts, previous = [], None
    for x, y in points:
        jump = previous is None or abs(x - previous) > 180
        parts.append(("M" if jump else "L") + f"{x:.2f},{-y:.2f}")
        previous = x
    return "".join(parts) + "Z"


def main(source: str) -> None:
    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        countries.append("".join(path(ring(arcs, rings)) for polygon in polygons
                                 for rings in polygon))
    body = "\n".join(f'<path d="{d}"/>' for d in countries if d)
    OUT.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">\n'
        '<title>World (Natural Earth 1:50m, public domain)</title>\n'
        '<rect x="-180" y="-90" width="360" height="180" fill="#dbe9f4"/>\n'
        '<g fill="#f4f1e8" stroke="#8a8470" stroke-width="0.08" stroke-linejoin="round">\n'
        f"{body}\n</g>\n</svg>\n")
    print(f"{OUT}: {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(sys.argv[1])
