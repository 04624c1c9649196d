"""Metrics of one run: pure functions of the states table (and asset populations).

The states table has one row per change of an asset's service level (``time_min, asset,
service``); every asset starts at service 1 at minute 0. A run ends at ``until_min``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..model.people import PeopleCounter
from .people_hours import PeopleAsset, ZoneFlood, flooded_zone_hours, unserved_hours_per_row

__all__ = ["run_metrics", "METRIC_NAMES"]

METRIC_NAMES = (
    "assets_failed",
    "peak_assets_failed",
    "first_failure_min",
    "downtime_min",
    "unserved_population_hours",
    "time_to_full_recovery_min",
    "events",
)


def _intervals(states: pd.DataFrame, until_min: float) -> pd.DataFrame:
    """Each state row with the minutes it lasted (until the asset's next change or the end)."""
    frame = states[["time_min", "asset", "service"]].copy()
    following = frame.groupby("asset", sort=False)["time_min"].shift(-1)
    frame["minutes"] = following.fillna(until_min).to_numpy() - frame["time_min"].to_numpy()
    frame["previous"] = frame.groupby("asset", sort=False)["service"].shift(1).fillna(1.0)
    return frame


def run_metrics(
    states: pd.DataFrame,
    population: Mapping[str, int],
    until_min: float,
    event_count: int,
    evacuated: Mapping[str, float] | None = None,
    assets: Sequence | None = None,
    flood: ZoneFlood | None = None,
    counter: PeopleCounter | None = None,
) -> dict:
    """The run's metrics (see ``METRIC_NAMES``); times in minutes, population-hours in hours.

    The population of an asset evacuated at minute e (``evacuated``) no longer counts from e on.
    ``assets`` (the graph's assets) count the people living within neighbourhoods once
    (model/people.py, analysis/people_hours.py); without them every population counts on its own.
    ``flood``: a new people counter of ``assets`` with the graph's zones and their flood spans
    (``people_hours.ZoneFlood``): a flooded zone's people are unserved over its span, each person
    once per minute.
    ``counter``: a new people counter of ``assets`` when the caller has one (``PeopleCounter.for_graph``).
    """
    frame = _intervals(states, until_min)
    failed = frame[frame["service"] <= 0]
    first_failure = failed.groupby("asset", sort=False)["time_min"].min()
    downtime = failed.groupby("asset", sort=False)["minutes"].sum()

    if assets is None:
        assets = [PeopleAsset(str(a), "", int(p), "", "none") for a, p in population.items()]
    unserved = float(unserved_hours_per_row(states, assets, until_min, evacuated, counter).sum())
    if flood is not None and flood.spans:
        unserved += sum(flooded_zone_hours(states, flood, evacuated).values())

    went_down = (frame["service"] <= 0) & (frame["previous"] > 0)
    came_up = (frame["service"] > 0) & (frame["previous"] <= 0)
    delta = went_down.astype(int) - came_up.astype(int)
    per_instant = delta.groupby(frame["time_min"]).sum().sort_index().cumsum()
    peak = int(per_instant.max()) if len(per_instant) else 0

    if frame.empty:
        recovery = 0.0
    else:
        last = frame.groupby("asset", sort=False)["service"].last()
        recovery = float(frame["time_min"].max()) if bool((last >= 1).all()) else None

    return {
        "assets_failed": int(first_failure.size),
        "peak_assets_failed": max(peak, 0),
        "first_failure_min": {str(a): float(t) for a, t in first_failure.sort_values(kind="stable").items()},
        "downtime_min": {str(a): float(m) for a, m in downtime.items() if m > 0},
        "unserved_population_hours": unserved,
        "time_to_full_recovery_min": recovery,
        "events": int(event_count),
    }
