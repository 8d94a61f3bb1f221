"""The figures of the reading room as data for SVG: year bars, map windows, network layout.

Everything is drawn server-side into inline SVG with attributes (no inline styles, no
scripts), so the pages work without JavaScript and under a strict Content-Security-Policy.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from chancery.model import FacetValue


@dataclass(frozen=True, slots=True)
class YearBar:
    year: int
    count: int
    height: float  # 0..1 of the busiest year


def year_bars(years: list[FacetValue]) -> list[YearBar]:
    """One bar per year from the first to the last, empty years included."""
    counts = {int(value.value): value.count for value in years if value.value.isdigit()}
    if not counts:
        return []
    most = max(counts.values())
    return [YearBar(year, counts.get(year, 0), counts.get(year, 0) / most)
            for year in range(min(counts), max(counts) + 1)]


@dataclass(frozen=True, slots=True)
class MapWindow:
    """A crop of the equirectangular basemap (x = longitude, y = -latitude) around a point."""

    x: float
    y: float
    width: float
    height: float
    pin_x: float
    pin_y: float


def map_window(latitude: float, longitude: float, span: float = 40.0) -> MapWindow:
    width, height = span, span * 0.6
    x = min(max(longitude - width / 2, -180.0), 180.0 - width)
    y = min(max(-latitude - height / 2, -90.0), 90.0 - height)
    return MapWindow(x, y, width, height, longitude, -latitude)


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    x: float
    y: float
    radius: float
    sent: int
    received: int


@dataclass(frozen=True, slots=True)
class Edge:
    sender: Node
    recipient: Node
    count: int
    width: float


def network(letters: list[tuple[str, str, int]], names: dict[str, str],
            size: float = 600.0, most: int = 60) -> tuple[list[Node], list[Edge]]:
    """The ``most`` busiest correspondents on a circle, busiest first clockwise from the
    top, with an edge for each pair that wrote (width by how often)."""
    weight: Counter[str] = Counter()
    for sender, recipient, count in letters:
        weight[sender] += count
        weight[recipient] += count
    chosen = [entity_id for entity_id, _ in weight.most_common(most)]
    if not chosen:
        return [], []
    sent, received = Counter(), Counter()
    for sender, recipient, count in letters:
        sent[sender] += count
        received[recipient] += count
    heaviest = max(weight.values())
    middle, ring = size / 2, size / 2 - 90
    nodes = {}
    for index, entity_id in enumerate(chosen):
        angle = 2 * math.pi * index / len(chosen) - math.pi / 2
        nodes[entity_id] = Node(entity_id, names.get(entity_id, entity_id),
                                middle + ring * math.cos(angle), middle + ring * math.sin(angle),
                                4 + 10 * math.sqrt(weight[entity_id] / heaviest),
                                sent[entity_id], received[entity_id])
    busiest = max((count for sender, recipient, count in letters
                   if sender in nodes and recipient in nodes), default=1)
    edges = [Edge(nodes[sender], nodes[recipient], count, 1 + 5 * count / busiest)
             for sender, recipient, count in letters if sender in nodes and recipient in nodes]
    return list(nodes.values()), edges
