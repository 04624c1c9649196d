"""The water level of a basin over time beside its thresholds (``rampsim plot``, ``rampsim report``).

Levels are in m NAP, time in hours after the scenario start. The samples come from the run's
``levels`` table (every 10 minutes and at every change of what drives the level), the thresholds
from its ``basins`` table: the alarm level (the water board's level alarm) and the crest (quay or
dike: above it the zones behind it flood).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..analysis.results import Results
from ..messages import format_level, text

__all__ = ["LEVEL_COLOURS", "basins_with_levels", "plot_basin_level"]

# Okabe-Ito: water blue, alarm orange, crest vermillion, the initial level grey; each threshold has
# its own line style as well, so it reads without colour
LEVEL_COLOURS = {"level": "#0072B2", "alarm": "#E69F00", "crest": "#D55E00", "initial": "#777777"}
_STYLES = {"alarm": (0, (6, 3)), "crest": "-", "initial": ":"}


def basins_with_levels(result: Results) -> list[str]:
    """The ids of the basins whose level the run recorded, in the order of the graph (then by id)."""
    levels = getattr(result, "levels", None)
    if levels is None or not len(levels):
        return []
    recorded = set(levels["basin"])
    basins = getattr(result, "basins", pd.DataFrame(columns=["id"]))
    ordered = [b for b in basins["id"] if b in recorded]
    return ordered + sorted(recorded - set(ordered))


def _basin_row(result: Results, basin: str) -> dict:
    basins = getattr(result, "basins", pd.DataFrame(columns=["id"]))
    rows = basins[basins["id"] == basin]
    return {} if not len(rows) else rows.iloc[0].to_dict()


def _number(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def plot_basin_level(result: Results, basin: str, ax=None, lang: str = "en"):
    """The level of ``basin`` (m NAP) against hours after the start, with its alarm level, crest and
    initial level as horizontal lines, the highest level marked (the run's ``max_water_level_m``, at
    the time of the highest sample), and a triangle where each of its
    zones began to flood. Lines carry gids: ``level``, ``alarm``, ``crest``, ``initial``, ``peak``,
    ``flooded``."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=(12, 5), constrained_layout=True)
    samples = result.levels[result.levels["basin"] == basin].sort_values("time_min", kind="stable")
    info = _basin_row(result, basin)
    name = str(info.get("name") or basin)
    hours = samples["time_min"].to_numpy(dtype=float) / 60
    levels = samples["level_m"].to_numpy(dtype=float)
    initial = _number(info.get("level_m"))
    if len(hours) and hours[0] > 0 and initial is not None:  # before its hazard began the basin stood still
        hours, levels = np.concatenate([[0.0], hours]), np.concatenate([[initial], levels])
    (line,) = ax.plot(hours, levels, color=LEVEL_COLOURS["level"], linewidth=3, label=text("figure.water.level", lang))
    line.set_gid("level")
    thresholds = (
        ("crest", _number(info.get("crest_level_m"))),
        ("alarm", _number(info.get("alarm_level_m"))),
        ("initial", initial),
    )
    for kind, value in thresholds:
        if value is None:
            continue
        label = text(f"figure.water.{kind}", lang, level=format_level(value, lang))
        rule = ax.axhline(value, color=LEVEL_COLOURS[kind], linestyle=_STYLES[kind], linewidth=2, label=label)
        rule.set_gid(kind)
    if len(levels):
        top = int(levels.argmax())
        # the run's own highest level (metric max_water_level_m) is exact; the samples may miss the top
        highest = (result.metrics.get("max_water_level_m") or {}).get(basin)
        highest = float(levels[top]) if highest is None else max(float(highest), float(levels[top]))
        (peak,) = ax.plot(
            [hours[top]],
            [highest],
            marker="o",
            markersize=10,
            linestyle="none",
            color="#000000",
            label=text("figure.water.peak", lang, level=format_level(highest, lang)),
        )
        peak.set_gid("peak")
    _mark_flooded_zones(result, basin, ax, lang, hours, levels)
    ax.set_xlabel(text("figure.hours", lang))
    ax.set_ylabel(text("figure.water.axis", lang))
    ax.set_title(text("figure.water.title", lang, basin=name))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=10, frameon=False)
    ax.grid(alpha=0.3)
    return ax


def _mark_flooded_zones(result: Results, basin: str, ax, lang: str, hours, levels) -> None:
    """A downward triangle on the level line at the minute each of ``basin``'s zones began to flood."""
    flooded = result.metrics.get("flooded_zones") or {}
    zones = getattr(result, "zones", pd.DataFrame(columns=["id", "basin"]))
    mine = [z for z in zones[zones["basin"] == basin]["id"] if z in flooded]
    if not mine or not len(hours):
        return
    times = [float(flooded[z]) / 60 for z in mine]
    (marks,) = ax.plot(
        times,
        [float(np.interp(t, hours, levels)) for t in times],
        marker="v",
        markersize=12,
        linestyle="none",
        color=LEVEL_COLOURS["crest"],
        markeredgecolor="#000000",
        label=text("figure.water.flooded", lang),
    )
    marks.set_gid("flooded")
