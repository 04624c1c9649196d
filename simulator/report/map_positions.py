"""Where things go on a map of the run: assets without a location beside their neighbours, flood
zones as the union of discs around their assets. Shared by the browser replay and the cascade
figure.

Coordinates are whatever the caller's map uses (longitude and latitude in degrees for the figure);
everything is deterministic: the same input gives the same positions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["GOLDEN_ANGLE", "NEIGHBOUR_OFFSET", "place_beside_neighbours", "zone_discs"]

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
"""Radians (about 137.5 degrees): successive assets placed beside the same spot part along it."""
NEIGHBOUR_OFFSET = 0.04
"""An asset without a location sits this fraction of the map's larger extent away from the mean of
its neighbours, so that it never lands on one of them."""


def place_beside_neighbours(
    located: Mapping[str, tuple[float, float]],
    links: Iterable[tuple[str, str]],
    ids: Sequence[str],
) -> dict[str, tuple[float, float]]:
    """Positions for every id of ``ids`` that has no entry in ``located``; ``located`` itself is kept.

    In rounds: each asset without a position that has neighbours (suppliers or consumers, by
    ``links``) with a position from an earlier round goes to their mean, moved ``NEIGHBOUR_OFFSET``
    times the map's extent along the golden angle times its number among the unplaced assets
    (sorted by id: 0, 1, 2 ...). Assets with no path to a located one form a row south of the map.
    Without any located asset the result is empty: there is no map to place them on.
    """
    if not located:
        return {}
    neighbours: dict[str, set[str]] = {}
    for supplier, consumer in links:
        neighbours.setdefault(supplier, set()).add(consumer)
        neighbours.setdefault(consumer, set()).add(supplier)
    xs, ys = [p[0] for p in located.values()], [p[1] for p in located.values()]
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    offset = NEIGHBOUR_OFFSET * extent
    positions = {i: (float(x), float(y)) for i, (x, y) in located.items()}
    loose = sorted({i for i in ids if i not in located})
    number = {i: k for k, i in enumerate(loose)}
    waiting = list(loose)
    while waiting:
        placed = {}
        for asset in waiting:
            near = sorted(n for n in neighbours.get(asset, ()) if n in positions)
            if not near:
                continue
            mean_x = sum(positions[n][0] for n in near) / len(near)
            mean_y = sum(positions[n][1] for n in near) / len(near)
            angle = GOLDEN_ANGLE * number[asset]
            placed[asset] = (mean_x + offset * math.cos(angle), mean_y + offset * math.sin(angle))
        if not placed:
            break
        positions.update(placed)  # after the round: a round's placements do not depend on their order
        waiting = [a for a in waiting if a not in placed]
    left, right, south = min(xs), max(xs), min(ys)
    for k, asset in enumerate(waiting):  # no neighbour on the map at all: a row under its southern edge
        share = (k + 0.5) / len(waiting)
        positions[asset] = (left + share * (right - left), south - 2 * offset)
    return {i: positions[i] for i in ids if i in positions}


def zone_discs(points: Sequence[tuple[float, float]], pad: float) -> list[tuple[float, float, float]]:
    """A flood zone as the union of discs: ``(x, y, radius)`` with radius ``pad`` around each of its
    assets' ``points``, once per point, sorted; empty without points. Unlike a hull around the
    points it leaves the dry town between two far-apart assets out."""
    return [(x, y, float(pad)) for x, y in sorted({(float(x), float(y)) for x, y in points})]
