"""The municipality names on a region's map in the browser replay: each drawn small at the centre
of its assets, so that a trainer can say which town is where.

All sizes are SVG user units of the replay's viewBox; text widths are estimated generously (the
browser test measures the drawn names). The asset names (``replay_labels``) keep out of these boxes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .replay_labels import Box

__all__ = ["TOWN_FONT_SIZE", "TownLabel", "town_labels"]

TOWN_FONT_SIZE = 19.0
"""The municipality names' font size (user units), as in ``replay.css`` (``.town``)."""
TOWN_CHAR_WIDTH = 0.75 * TOWN_FONT_SIZE
"""Estimated width of one character (user units), bold italic, letter spacing included."""
TOWN_HEIGHT = 1.25 * TOWN_FONT_SIZE
"""Height of a name's box (user units)."""


@dataclass(frozen=True)
class TownLabel:
    """A municipality's name, centred at ``x`` with its baseline at ``y``, and its box (absolute)."""

    name: str
    x: float
    y: float
    box: Box


def town_labels(
    assets: Sequence[Mapping[str, Any]],
    positions: Mapping[str, tuple[float, float]],
    bounds: Box,
    avoid: Sequence[Box] = (),
) -> list[TownLabel]:
    """A label per municipality at the mean position of its assets, on a map of two or more
    municipalities (one town needs no name); none for assets of no municipality.

    The towns with the most assets go first; a name that would overlap one placed before or a box
    of ``avoid`` moves down or up by a line at a time (nearest first) until it is free, within
    ``bounds``. Sorted by name. Deterministic.
    """
    members: dict[str, list[tuple[float, float]]] = {}
    for asset in assets:
        town, ident = str(asset.get("municipality") or ""), str(asset["id"])
        if town and ident in positions:
            members.setdefault(town, []).append(positions[ident])
    if len(members) < 2:
        return []
    placed: list[Box] = list(avoid)
    labels = []
    for town in sorted(members, key=lambda name: (-len(members[name]), name)):
        points = members[town]
        cx = sum(x for x, _ in points) / len(points)
        cy = sum(y for _, y in points) / len(points)
        width = TOWN_CHAR_WIDTH * len(town)
        cx = min(max(cx, bounds[0] + width / 2), bounds[2] - width / 2)
        for step in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6):
            top = cy - TOWN_HEIGHT / 2 + step * TOWN_HEIGHT
            box = (round(cx - width / 2, 1), round(top, 1), round(cx + width / 2, 1), round(top + TOWN_HEIGHT, 1))
            inside = box[1] >= bounds[1] and box[3] <= bounds[3]
            if inside and not any(_overlaps(box, other) for other in placed):
                placed.append(box)
                labels.append(TownLabel(town, round(cx, 1), round(top + 0.78 * TOWN_HEIGHT, 1), box))
                break
    return sorted(labels, key=lambda label: label.name)


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])
