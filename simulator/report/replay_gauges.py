"""The water in the terminal replay: per basin a gauge line and a line with its flood zones.

The data is the browser replay's (``replay_water.water_payload``: basins with their samples and
``known`` levels from ``known_levels``, zones with ``flooded_t`` and ``known_t``), read as its
script reads it: the level is linear between the run's samples (the start level before the
first); in the known view it is the last level the crisis organisation knew of, or unknown; a
zone is flooded from the minute it flooded (known view: from the minute it was known) while its
basin stands at or above the zone's ground, and ``receded`` once the basin fell below it again.

A basin takes two lines (the stormvloed run at 06:00, 80 columns)::

    Havenbekken achter…    2,19 m NAP  ██!█████████┃██  ! alarm -0,10  ┃ kade 1,00
      onder water: Havenkwartier (laag) (7.000 inwoners), Oude Haven en Noordkade (…

The bar spans the basin's lowest to its highest threshold (alarm level, quay or crest) and a
quarter of that span beyond each (half a metre when it has one threshold; the gauge scale of the
browser when it has none), so the marks stand inside it. ``!`` marks the alarm level, ``┃`` the
quay or crest, ``█`` the water, ``░`` the rest: it reads without colour. Levels are m NAP,
times minutes after the scenario start.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rich.text import Text

from ..messages import format_level, text, text_count
from .replay_water import gauge_scale

__all__ = [
    "LINES_PER_BASIN",
    "MARKS",
    "level_at",
    "known_level",
    "basin_thresholds",
    "level_text",
    "zone_state",
    "bar_scale",
    "gauge_bar",
    "water_lines",
]

LINES_PER_BASIN = 2
"""The gauge line and the zones line."""
MARKS = {"alarm": "!", "crest": "┃", "water": "█", "air": "░"}
_NAME_WIDTH = 20
_LEVEL_WIDTH = 11  # '-10,00 m NAP' is one more; 'onbekend' fits
_BAR_WIDTH = (8, 40)  # at least, at most


def level_at(basin: Mapping[str, Any], t: float) -> float:
    """The basin's level (m NAP) at minute ``t``: its start level before the first sample, the
    last sample's after the last, linear between two samples."""
    samples = basin["levels"]
    if not samples or t < samples[0][0]:
        return float(basin["level_m"])
    after = bisect_right([s[0] for s in samples], t)
    if after == len(samples):
        return float(samples[-1][1])
    (t0, v0), (t1, v1) = samples[after - 1][:2], samples[after][:2]
    return float(v1) if t1 == t0 else v0 + (v1 - v0) * (t - t0) / (t1 - t0)


def known_level(basin: Mapping[str, Any], t: float) -> list[float] | None:
    """The last entry ``[known_t, level_m, t]`` of the basin's ``known`` with ``known_t <= t``: the
    level the crisis organisation knew of at ``t``; ``None`` while it knew none."""
    known = basin.get("known") or []
    before = bisect_right([k[0] for k in known], t)
    return list(known[before - 1]) if before else None


def zone_state(zone: Mapping[str, Any], basin: Mapping[str, Any] | None, t: float, view: str) -> str:
    """``dry``, ``flooded`` or ``receded`` at ``t`` in ``view`` (as the browser colours the zone)."""
    since = zone["known_t"] if view == "known" else zone["flooded_t"]
    if since is None or t < since:
        return "dry"
    if basin is not None and level_at(basin, t) < zone["ground_level_m"]:
        return "receded"
    return "flooded"


def basin_thresholds(basin: Mapping[str, Any]) -> dict[str, float]:
    """The basin's thresholds it has, ``alarm`` and ``crest`` -> level (m NAP)."""
    return {k: float(basin[f"{k}_level_m"]) for k in ("alarm", "crest") if basin.get(f"{k}_level_m") is not None}


def bar_scale(basin: Mapping[str, Any]) -> tuple[float, float]:
    """The levels (m NAP) at the bar's two ends: the lowest and highest threshold and a quarter of
    the span between them beyond each; half a metre around a single threshold; without thresholds
    the browser's gauge scale."""
    levels = sorted(set(basin_thresholds(basin).values()))
    if not levels:
        return gauge_scale(basin)
    if len(levels) == 1:
        return levels[0] - 0.5, levels[0] + 0.5
    margin = (levels[-1] - levels[0]) / 4
    return levels[0] - margin, levels[-1] + margin


def _cell(level: float, scale: tuple[float, float], width: int) -> int:
    """The cell (0 .. width - 1) of ``level`` on the bar."""
    low, high = scale
    return min(max(int((level - low) / (high - low) * width), 0), width - 1)


def gauge_bar(level: float | None, scale: tuple[float, float], thresholds: Mapping[str, float], width: int) -> Text:
    """``width`` cells: water up to ``level`` (none when ``None``: unknown), the rest air, the
    thresholds' marks over both. A level above the scale fills every cell."""
    low, high = scale
    filled = 0 if level is None else min(max(round((level - low) / (high - low) * width), 0), width)
    bar = Text(no_wrap=True)
    marks = {_cell(v, scale, width): kind for kind, v in thresholds.items()}
    for cell in range(width):
        if cell in marks:
            bar.append(MARKS[marks[cell]], style="bold yellow" if marks[cell] == "alarm" else "bold red")
        elif cell < filled:
            bar.append(MARKS["water"], style="blue")
        else:
            bar.append(MARKS["air"], style="dim")
    return bar


def level_text(level: float | None, lang: str) -> str:
    """``2,19 m NAP`` (to the centimetre, the language's decimal sign); ``None``: ``onbekend``."""
    if level is None:
        return text("browser.water.unknown", lang)
    return text("browser.water.now", lang, level=format_level(round(level, 2) + 0.0, lang))


def _short(name: str, width: int) -> str:
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


def _gauge_line(basin: Mapping[str, Any], level: float | None, lang: str, width: int, name_width: int) -> Text:
    thresholds = basin_thresholds(basin)
    legend = "  ".join(
        f"{MARKS[kind]} {text(f'browser.water.{kind}', lang, level=format_level(value, lang))}"
        for kind, value in sorted(thresholds.items(), key=lambda item: item[1])
    )
    bar_width = width - name_width - _LEVEL_WIDTH - 6 - (len(legend) + 2 if legend else 0)
    bar_width = min(max(bar_width, _BAR_WIDTH[0]), _BAR_WIDTH[1])
    line = Text.assemble(
        (f"{_short(basin['name'], name_width):<{name_width}}", "bold"),
        f"  {level_text(level, lang):>{_LEVEL_WIDTH}}  ",
        no_wrap=True,
        overflow="ellipsis",
    )
    line.append_text(gauge_bar(level, bar_scale(basin), thresholds, bar_width))
    if legend:
        line.append(f"  {legend}")
    return line


def _zones_line(
    basin: Mapping[str, Any],
    zones: Sequence[Mapping[str, Any]],
    t: float,
    view: str,
    lang: str,
    known_at: str | None,
) -> Text:
    by_state: dict[str, list[str]] = {}
    for zone in zones:
        if zone["basin"] == basin["id"]:
            state = zone_state(zone, basin, t, view)
            people = text_count("browser.water.people", zone["population"], lang)
            by_state.setdefault(state, []).append(text("replay.water.zone", lang, name=zone["name"], people=people))
    parts = [text("browser.water.known_at", lang, clock=known_at)] if known_at else []
    for state in ("flooded", "receded"):
        if by_state.get(state):
            named = ", ".join(by_state[state])
            parts.append(
                text("replay.water.zones", lang, state=text(f"browser.water.state.{state}", lang), zones=named)
            )
    if not by_state.get("flooded") and not by_state.get("receded"):
        parts.append(text("replay.water.none_flooded", lang))
    return Text("  " + " · ".join(parts), no_wrap=True, overflow="ellipsis")


def water_lines(
    water: Mapping[str, Any],
    t: float,
    view: str,
    lang: str,
    width: int,
    lines: int,
    clock: Callable[[float], str],
) -> list[Text]:
    """The water at minute ``t`` in ``view`` in at most ``lines`` lines ``width`` wide: per basin a
    gauge line and a zones line, in the order of the run's basins. When not all fit, the last
    line names the basins left out (the later ones). ``clock`` turns a minute into ``hh:mm``: when
    the known level became known. No basins: no lines."""
    basins = list(water.get("basins") or [])
    if not basins or lines < 1:
        return []
    shown = basins
    if len(basins) * LINES_PER_BASIN > lines:
        shown = basins[: (lines - 1) // LINES_PER_BASIN]
    name_width = min(max(len(b["name"]) for b in basins), _NAME_WIDTH)
    out: list[Text] = []
    for basin in shown:
        known = known_level(basin, t) if view == "known" else None
        level = (known[1] if known else None) if view == "known" else level_at(basin, t)
        out.append(_gauge_line(basin, level, lang, width, name_width))
        out.append(_zones_line(basin, water.get("zones") or [], t, view, lang, clock(known[0]) if known else None))
    left_out = basins[len(shown) :]
    if left_out:
        names = ", ".join(b["name"] for b in left_out)
        out.append(
            Text(
                text_count("replay.basins_left_out", len(left_out), lang, names=names),
                style="bold yellow",
                no_wrap=True,
                overflow="ellipsis",
            )
        )
    return out
