"""Where the browser replay draws each asset: a schematic map (with a compass), or rows by dependency depth.

Positions are in SVG user units of a ``WIDTH`` x ``HEIGHT`` viewBox; the same assets give the
same positions (no randomness, everything in id order).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .map_positions import place_beside_neighbours

__all__ = ["WIDTH", "HEIGHT", "MARGIN", "NODE_SPACING", "ROW_HEIGHT", "COMPASS_BOX", "MAP_BOX", "graph_layout"]

WIDTH, HEIGHT, MARGIN = 1000.0, 640.0, 30.0
"""The SVG's viewBox and the margin kept free around the nodes, in SVG user units."""
NODE_SPACING = 34.0
"""Nodes on the map are pushed apart until their centres are at least this far apart (user units)."""
ROW_HEIGHT = 60.0
"""Height of a row of assets when no asset has a location (user units)."""
COMPASS_BOX = (WIDTH - MARGIN - 36.0, MARGIN, WIDTH - MARGIN, MARGIN + 64.0)
"""Left, top, right, bottom of the north arrow (user units): the nodes and the names keep out of it."""
MAP_BOX = (MARGIN, MARGIN, COMPASS_BOX[0] - NODE_SPACING, HEIGHT - MARGIN)
"""Where the nodes of a map go (user units): all of the view but a strip on the right for the compass."""


def graph_layout(
    assets: Sequence[Mapping[str, Any]],
    sectors: Sequence[str] = (),
    links: Iterable[Sequence[str]] = (),
) -> dict[str, tuple[float, float]]:
    """Positions of the assets in the SVG, user units (viewBox ``WIDTH`` x ``HEIGHT``).

    Assets with ``x`` (longitude, degrees) and ``y`` (latitude, degrees) are placed as on a map,
    north up, in ``MAP_BOX`` (the compass has the top right corner); assets without a location go
    beside their neighbours along ``links`` (supplier, consumer), as
    ``map_positions.place_beside_neighbours`` says, and then onto the map with the others. Only
    when no asset has a location are they laid out in rows by ``layer`` (dependency depth,
    suppliers on top), sorted by sector (in the order of ``sectors``) and id.
    """
    located = {
        str(a["id"]): (float(a["x"]), float(a["y"]))
        for a in assets
        if a.get("x") is not None and a.get("y") is not None
    }
    if not located:
        return _place_rows(_rows(assets, sectors), (MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN))
    geo = place_beside_neighbours(located, [(str(s), str(c)) for s, c in links], [str(a["id"]) for a in assets])
    return _map_layout([{"id": i, "x": x, "y": y} for i, (x, y) in geo.items()], MAP_BOX)


def _map_layout(
    assets: Sequence[Mapping[str, Any]], box: tuple[float, float, float, float]
) -> dict[str, tuple[float, float]]:
    """A schematic map filling ``box``: west stays west of east and north above south, but each axis
    is half linear and half by rank, so a dense town centre spreads out and stays legible."""
    if not assets:
        return {}
    left, top, right, bottom = box
    ids = sorted(a["id"] for a in assets)
    xs = _spread_axis({a["id"]: float(a["x"]) for a in assets})
    ys = _spread_axis({a["id"]: -float(a["y"]) for a in assets})  # north up
    raw = {i: (left + xs[i] * (right - left), top + ys[i] * (bottom - top)) for i in ids}
    return _separate(raw, box)


def _spread_axis(values: Mapping[str, float]) -> dict[str, float]:
    """Per id a position in [0, 1]: the mean of the linear position and the rank of its value."""
    distinct = sorted(set(values.values()))
    rank = {v: (k / (len(distinct) - 1) if len(distinct) > 1 else 0.5) for k, v in enumerate(distinct)}
    low, span = distinct[0], (distinct[-1] - distinct[0])
    return {i: (((v - low) / span if span else 0.5) + rank[v]) / 2 for i, v in values.items()}


SEPARATE_UP_TO = 1500  # nodes; larger maps keep their raw positions (1,000 nodes took 1.5 s, 10,000 140 s)


def _separate(
    raw: Mapping[str, tuple[float, float]], box: tuple[float, float, float, float]
) -> dict[str, tuple[float, float]]:
    """Push apart, pair by pair and in id order, nodes closer than ``NODE_SPACING``, keeping them in
    ``box`` (a few deterministic rounds; nodes at the very same place part along the golden angle)."""
    left, top, right, bottom = box
    ids = sorted(raw)
    if len(ids) > SEPARATE_UP_TO:  # pairwise pushing grows too slow and cannot make room anyway
        return {i: raw[i] for i in ids}
    pos = {i: [raw[i][0], raw[i][1]] for i in ids}
    order = {i: k for k, i in enumerate(ids)}
    for _ in range(60):
        grid: dict[tuple[int, int], list[str]] = {}
        for i in ids:
            grid.setdefault((int(pos[i][0] // NODE_SPACING), int(pos[i][1] // NODE_SPACING)), []).append(i)
        moved = False
        for i in ids:
            cx, cy = int(pos[i][0] // NODE_SPACING), int(pos[i][1] // NODE_SPACING)
            for j in (j for gx in (cx - 1, cx, cx + 1) for gy in (cy - 1, cy, cy + 1) for j in grid.get((gx, gy), ())):
                if order[j] <= order[i]:
                    continue
                dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
                distance = math.hypot(dx, dy)
                if distance >= NODE_SPACING:
                    continue
                if distance < 1e-6:
                    angle = 2.399963 * order[j]  # the golden angle, radians
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (NODE_SPACING - distance) / 2 + 0.01
                for node, sign in ((i, -1), (j, 1)):
                    pos[node][0] = min(max(pos[node][0] + sign * push * dx / distance, left), right)
                    pos[node][1] = min(max(pos[node][1] + sign * push * dy / distance, top), bottom)
                moved = True
        if not moved:
            break
    return {i: (round(pos[i][0], 1), round(pos[i][1], 1)) for i in ids}


def _rows(assets: Sequence[Mapping[str, Any]], sectors: Sequence[str]) -> list[list[str]]:
    """Asset ids in rows: one per ``layer`` (wrapped when long), sorted by sector, then id."""
    order = {s: k for k, s in enumerate(sectors)}
    per_row = max(1, int((WIDTH - 2 * MARGIN) // (NODE_SPACING * 1.5)))
    rows: list[list[str]] = []
    for layer in sorted({int(a.get("layer") or 0) for a in assets}):
        members = sorted(
            (a for a in assets if int(a.get("layer") or 0) == layer),
            key=lambda a: (order.get(a.get("sector"), len(order)), str(a.get("sector")), a["id"]),
        )
        rows.extend([a["id"] for a in members[k : k + per_row]] for k in range(0, len(members), per_row))
    return rows


def _place_rows(rows: list[list[str]], box: tuple[float, float, float, float]) -> dict[str, tuple[float, float]]:
    left, top, right, bottom = box
    step_y = (bottom - top) / len(rows)
    positions = {}
    for r, row in enumerate(rows):
        step_x = (right - left) / len(row)
        for k, asset in enumerate(row):
            positions[asset] = (round(left + step_x * (k + 0.5), 1), round(top + step_y * (r + 0.5), 1))
    return positions
