"""The water in the browser replay: flood zones drawn on the map, and a gauge per basin with its level
now beside its thresholds.

The page's JavaScript colours each zone at the replay's time (``dry``; ``flooded`` from the minute
it flooded, in the known view from the minute the crisis organisation knew, while the basin stands
above the zone's ground; ``receded`` once the water fell below it again) and moves each gauge to
the basin's level, linearly between the run's samples (``levels.csv``: every 10 minutes and at
every change of what drives the level). In the known view the gauge shows the last level the
crisis organisation knew of (``known_levels``), or that it knew none yet. A zone is drawn as the
union of discs around its assets (``map_positions.zone_discs``), so it never spans the dry town
between two far-apart ones. Levels are m NAP, times minutes after the scenario start.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..analysis.water_tables import zone_assets
from ..messages import format_level, text, text_count
from .map_positions import zone_discs

__all__ = [
    "GAUGE",
    "LEVEL_EVENTS",
    "ZONE_PAD",
    "gauge_scale",
    "known_levels",
    "water_payload",
    "water_panel",
    "zone_shapes",
]

ZONE_PAD = 24.0
"""A zone's discs have this radius (SVG user units) around the nodes of its assets."""
LEVEL_EVENTS = ("hazard.alarm_level", "hazard.crest_exceeded", "flood.damage", "zone.flooded")
"""The events that tell the crisis organisation a basin's level (``data.level_m``), once known."""
GAUGE = {"width": 230.0, "height": 300.0, "top": 20.0, "bottom": 280.0}
"""The gauge's viewBox (user units) and the span of its scale."""


def _svg(value: float) -> str:
    """An SVG coordinate to a tenth of a unit (drawing, not a number anyone reads: no locale)."""
    return f"{round(float(value), 1):g}"


def _number(value: Any) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def water_payload(results) -> dict[str, list[dict[str, Any]]]:
    """``basins`` (those whose level the run recorded: thresholds, ``levels`` [[t, m NAP], ...] and
    ``known``, from ``known_levels``) and ``zones`` (all of the graph's: ground level, people,
    assets, ``flooded_t`` and ``known_t``, the minutes it flooded and the crisis organisation knew,
    ``None`` if never). A run in which no
    basin's level changed (no water hazard) has neither: its page shows no water at all."""
    levels = getattr(results, "levels", pd.DataFrame(columns=["time_min", "basin", "level_m"]))
    basins_table = getattr(results, "basins", pd.DataFrame(columns=["id"]))
    zones_table = getattr(results, "zones", pd.DataFrame(columns=["id"]))
    basins = []
    known_of = known_levels(results.events, zones_table)
    for row in basins_table.itertuples(index=False):
        samples = levels[levels["basin"] == row.id].sort_values("time_min", kind="stable")
        if not len(samples):
            continue
        basins.append(
            {
                "id": row.id,
                "name": row.name or row.id,
                "level_m": float(row.level_m),
                "alarm_level_m": _number(row.alarm_level_m),
                "crest_level_m": _number(row.crest_level_m),
                "levels": [[float(t), float(v)] for t, v in zip(samples["time_min"], samples["level_m"])],
                "known": known_of.get(row.id, []),
            }
        )
    if not basins:
        return {"basins": [], "zones": []}
    flooded = results.metrics.get("flooded_zones") or {}
    events = results.events[results.events["kind"] == "zone.flooded"]
    known = {ref: (None if pd.isna(k) else float(k)) for ref, k in zip(events["ref"], events["known_min"])}
    members = zone_assets(zones_table) if len(zones_table) else {}
    zones = [
        {
            "id": row.id,
            "name": row.name or row.id,
            "basin": row.basin,
            "ground_level_m": float(row.ground_level_m),
            "population": int(row.population),
            "assets": members.get(row.id, []),
            "flooded_t": float(flooded[row.id]) if row.id in flooded else None,
            "known_t": known.get(row.id),
        }
        for row in zones_table.itertuples(index=False)
    ]
    return {"basins": basins, "zones": zones}


def known_levels(events: pd.DataFrame, zones: pd.DataFrame) -> dict[str, list[list[float]]]:
    """Per basin id, ``[[known_t, level_m, t], ...]`` by ``known_t``: from minute ``known_t`` on the
    last level the crisis organisation knows is ``level_m``, which the basin reached at minute ``t``.

    The level comes from the known ``LEVEL_EVENTS`` (a zone's flooding counts for the zone's basin);
    of all known by then the latest to happen (then the highest id) counts, so a late report of an
    early level does not take a newer known level back. Never-known events count for nothing."""
    basin_of_zone = dict(zip(zones["id"], zones["basin"])) if len(zones) and "basin" in zones else {}
    rows = events[events["kind"].isin(LEVEL_EVENTS) & events["known_min"].notna()]
    found: dict[str, list[tuple[float, float, int, float]]] = {}
    for kind, ref, data, t, known, ident in zip(
        rows["kind"], rows["ref"], rows["data"], rows["time_min"], rows["known_min"], rows["id"]
    ):
        basin = basin_of_zone.get(ref) if kind == "zone.flooded" else ref
        level = json.loads(data).get("level_m") if isinstance(data, str) and data else None
        if basin is None or pd.isna(basin) or level is None:
            continue
        found.setdefault(str(basin), []).append((float(known), float(t), int(ident), float(level)))
    steps: dict[str, list[list[float]]] = {}
    for basin, reports in found.items():
        best: tuple[float, int] | None = None
        for known, t, ident, level in sorted(reports):
            if best is None or (t, ident) > best:
                best = (t, ident)
                steps.setdefault(basin, []).append([known, level, t])
    return steps


def zone_shapes(zones: Sequence[Mapping[str, Any]], positions: Mapping[str, tuple[float, float]]) -> str:
    """``<g class="zone">`` per zone with an asset on the map (``data-zone``, ``data-state="dry"``):
    a disc of radius ``ZONE_PAD`` around each of its assets, twice: ``edge`` circles (their stroke
    is the outline) under ``fill`` circles (which hide the strokes inside the union)."""
    e = html.escape
    parts = ['<g id="zones">']
    for zone in zones:
        discs = zone_discs([positions[a] for a in zone["assets"] if a in positions], ZONE_PAD)
        if not discs:
            continue
        parts.append(f'<g class="zone" data-zone="{e(zone["id"])}" data-state="dry"><title>{e(zone["name"])}</title>')
        for kind in ("edge", "fill"):
            parts.extend(f'<circle class="{kind}" cx="{_svg(x)}" cy="{_svg(y)}" r="{_svg(r)}"/>' for x, y, r in discs)
        parts.append("</g>")
    parts.append("</g>")
    return "".join(parts)


def gauge_scale(basin: Mapping[str, Any]) -> tuple[float, float]:
    """The lowest and highest level (m NAP) of a basin's gauge: its samples and thresholds, a
    quarter metre beyond, rounded out to the half metre."""
    values = [v for _, v in basin["levels"]] + [
        v for v in (basin["level_m"], basin["alarm_level_m"], basin["crest_level_m"]) if v is not None
    ]
    return math.floor((min(values) - 0.25) * 2) / 2, math.ceil((max(values) + 0.25) * 2) / 2


def _y(level: float, scale: tuple[float, float]) -> float:
    low, high = scale
    return GAUGE["bottom"] - (level - low) / (high - low) * (GAUGE["bottom"] - GAUGE["top"])


def _gauge(basin: Mapping[str, Any], lang: str) -> str:
    e = html.escape
    scale = gauge_scale(basin)
    w, h, top, bottom = GAUGE["width"], GAUGE["height"], GAUGE["top"], GAUGE["bottom"]
    parts = [
        f'<svg class="gauge" viewBox="0 0 {w:g} {h:g}" data-low="{scale[0]!r}" data-high="{scale[1]!r}" '
        f'role="img" aria-label="{e(text("browser.water.gauge", lang, basin=basin["name"]))}">',
        f'<rect class="tube" x="20" y="{top:g}" width="44" height="{bottom - top:g}"/>',
        f'<rect class="water" x="20" y="{bottom:g}" width="44" height="0"/>',
    ]
    step = 0.5
    tick = scale[0]
    while tick <= scale[1] + 1e-9:
        y = _y(tick, scale)
        parts.append(f'<line class="tick" x1="12" y1="{_svg(y)}" x2="20" y2="{_svg(y)}"/>')
        tick += step
    for kind in ("crest", "alarm"):
        level = basin[f"{kind}_level_m"]
        if level is None:
            continue
        y = _y(level, scale)
        label = text(f"browser.water.{kind}", lang, level=format_level(level, lang))
        parts.append(
            f'<line class="threshold {kind}" data-level="{level!r}" x1="12" y1="{_svg(y)}" x2="72" y2="{_svg(y)}"/>'
            f'<text class="threshold-label {kind}" x="76" y="{_svg(y + 8)}">{e(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def water_panel(water: Mapping[str, Any], lang: str) -> str:
    """The ``<aside id="water">``: per basin its name, the level now and, in the known view, since
    when it was known (both filled in by the script) and a gauge; then the flood zones, each with
    its people and a state the script fills in. Empty when the run recorded no level and has no
    zones."""
    e = html.escape
    if not water.get("basins") and not water.get("zones"):
        return ""
    parts = [f'<aside id="water" aria-label="{e(text("browser.water.title", lang))}">']
    for basin in water.get("basins", ()):
        parts.append(
            f'<div class="basin" data-basin="{e(basin["id"])}"><h3>{e(basin["name"])}</h3>'
            f'<div class="level-now" data-basin="{e(basin["id"])}" aria-live="polite"></div>'
            f'<div class="level-when" data-basin="{e(basin["id"])}"></div>'
            f"{_gauge(basin, lang)}</div>"
        )
    if water.get("zones"):
        parts.append(f'<h3>{e(text("browser.water.zones", lang))}</h3><ul id="zone-list">')
        for zone in water["zones"]:
            people = text_count("browser.water.people", zone["population"], lang)
            parts.append(
                f'<li data-zone="{e(zone["id"])}" data-state="dry"><span class="zone-key"></span>'
                f'<span class="zone-name">{e(zone["name"])}</span> <span class="zone-people">{e(people)}</span> '
                f'<span class="zone-state"></span></li>'
            )
        parts.append("</ul>")
    parts.append("</aside>")
    return "".join(parts)
