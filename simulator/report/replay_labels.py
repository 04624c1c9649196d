"""Where the browser replay writes the names of assets that fail: each at a spot of its own, so that
no two names and no name and the compass ever overlap, whichever of them are shown at a moment.

All sizes are SVG user units of the replay's viewBox. Text widths are estimated (``CHAR_WIDTH``
per character, generous for a bold sans-serif); the browser test measures the drawn names.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "CHAR_WIDTH",
    "FONT_SIZE",
    "LABEL_HEIGHT",
    "LABEL_LIMIT",
    "Box",
    "LabelSpot",
    "label_order",
    "place_labels",
]

FONT_SIZE = 18.0
"""The names' font size (user units), as in ``replay.css``."""
CHAR_WIDTH = 0.72 * FONT_SIZE
"""Estimated width of one character (user units): DejaVu Sans Bold measured 0.65-0.69 em in Chromium."""
LABEL_HEIGHT = 1.25 * FONT_SIZE
"""Height of a name's box (user units)."""
NODE_RADIUS = 16.0
"""A node's marker fits in a circle of this radius (user units)."""
LABEL_LIMIT = 40
"""At most this many assets get a name of their own (the earliest to fail); the rest show theirs on hover."""

Box = tuple[float, float, float, float]
"""Left, top, right, bottom (user units)."""


@dataclass(frozen=True)
class LabelSpot:
    """A name's place relative to its node: the text's anchor point ``dx``, ``dy`` (baseline),
    ``anchor`` (SVG text-anchor), its box (absolute), and whether a leader line joins it to the node."""

    dx: float
    dy: float
    anchor: str
    box: Box
    leader: bool


def label_order(status: Mapping[str, Mapping[str, Sequence[Sequence]]]) -> list[str]:
    """The assets that are ever not operational in any view: those that ever fail first, then the
    degraded and manual ones, each the earliest first (then by id). ``status`` is the payload's
    ``view -> asset -> [[t, status], ...]``."""
    first: dict[str, float] = {}
    failed: dict[str, float] = {}
    for changes in status.values():
        for asset, steps in changes.items():
            for t, value in steps:
                if value != "operational":
                    first[asset] = min(first.get(asset, math.inf), float(t))
                if value == "failed":
                    failed[asset] = min(failed.get(asset, math.inf), float(t))
    return sorted(first, key=lambda a: (a not in failed, failed.get(a, first[a]), a))


def _spots() -> list[tuple[float, float, float]]:
    """Candidate directions and distances: (cos, sin, distance), nearest first, and at each distance
    east and west before north and south (SVG y points down); 24 directions, out to 400 units."""
    order = sorted(range(24), key=lambda k: (abs(math.sin(math.pi * k / 12)) > 0.3, abs(math.sin(math.pi * k / 12)), k))
    distances = (24.0, 46.0, 72.0, 100.0, 135.0, 175.0, 220.0, 270.0, 330.0, 400.0)
    return [(math.cos(math.pi * k / 12), math.sin(math.pi * k / 12), d) for d in distances for k in order]


_SPOTS = _spots()


def _spot(x: float, y: float, width: float, cos: float, sin: float, distance: float) -> LabelSpot:
    ax, ay = distance * cos, distance * sin
    if cos > 0.3:
        anchor, left = "start", x + ax
    elif cos < -0.3:
        anchor, left = "end", x + ax - width
    else:
        anchor, left = "middle", x + ax - width / 2
    if sin > 0.3:
        top = y + ay
    elif sin < -0.3:
        top = y + ay - LABEL_HEIGHT
    else:
        top = y + ay - LABEL_HEIGHT / 2
    baseline = top + 0.78 * LABEL_HEIGHT - y
    box = (left, top, left + width, top + LABEL_HEIGHT)
    return LabelSpot(round(ax, 1), round(baseline, 1), anchor, tuple(round(v, 1) for v in box), distance > 30)  # type: ignore[arg-type]


def _overlap(a: Box, b: Box) -> float:
    width, height = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def place_labels(
    positions: Mapping[str, tuple[float, float]],
    names: Mapping[str, str],
    order: Sequence[str],
    bounds: Box,
    avoid: Sequence[Box] = (),
) -> dict[str, LabelSpot]:
    """A spot for the name of each asset in ``order`` (at most ``LABEL_LIMIT``), greedily in that
    order: the first spot (nearest first) that overlaps no name placed before, no box of ``avoid``
    and stays inside ``bounds``, and of those the least on other nodes; an asset for which no
    spot is free gets none (its name shows on hover only). Deterministic."""
    nodes = {a: (x - NODE_RADIUS, y - NODE_RADIUS, x + NODE_RADIUS, y + NODE_RADIUS) for a, (x, y) in positions.items()}
    placed: list[Box] = list(avoid)
    spots: dict[str, LabelSpot] = {}
    for asset in [a for a in order if a in positions][:LABEL_LIMIT]:
        x, y = positions[asset]
        width = CHAR_WIDTH * len(names.get(asset, asset))
        best: tuple[float, LabelSpot] | None = None
        for i, (cos, sin, distance) in enumerate(_SPOTS):
            spot = _spot(x, y, width, cos, sin, distance)
            box = spot.box
            inside = box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2] and box[3] <= bounds[3]
            if not inside or any(_overlap(box, other) for other in placed):
                continue
            score = sum(_overlap(box, n) for a, n in nodes.items() if a != asset) + i
            if best is None or score < best[0]:
                best = (score, spot)
        if best is not None:
            spots[asset] = best[1]
            placed.append(best[1].box)
    return spots
