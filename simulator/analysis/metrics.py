"""Metrics of one run: pure functions of the states table (and asset populations).

The states table has one row per change of an asset's service level (``time_min, asset,
service``); every asset starts at service 1 at minute 0. A run ends at ``until_min``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..model.people import PeopleCounter

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


def _unserved_hours_once(
    frame: pd.DataFrame, people: PeopleCounter, until_min: float, evacuated: Mapping[str, float]
) -> float:
    """Unserved population-hours with every person counted once: the people affected (by the
    counter's rule) integrated over the run, in hours. Only rows of assets with people matter."""
    index = people.index
    with_people = [a for a, i in index.items() if people.population[i] > 0]
    rows = frame[frame["asset"].isin(with_people).to_numpy(dtype=bool)]
    changes = sorted(
        [(float(t), 1, index[a], 1.0 - float(s)) for t, a, s in zip(rows["time_min"], rows["asset"], rows["service"])]
        + [(float(t), 2, index[a], 0.0) for a, t in evacuated.items() if a in index and t < until_min],
        key=lambda change: (change[0], change[1]),
    )
    hours, last = 0.0, 0.0
    for time, what, asset, loss in changes:
        if time > last:
            hours += people.total * (time - last) / 60.0
            last = time
        if what == 1:
            people.set_loss(asset, loss)
        else:
            people.evacuate(asset)
    return hours + people.total * max(until_min - last, 0.0) / 60.0


def run_metrics(
    states: pd.DataFrame,
    population: Mapping[str, int],
    until_min: float,
    event_count: int,
    evacuated: Mapping[str, float] | None = None,
    people: PeopleCounter | None = None,
) -> dict:
    """The run's metrics (see ``METRIC_NAMES``); times in minutes, population-hours in hours.

    The population of an asset evacuated at minute e (``evacuated``) no longer counts from e on.
    ``people`` (a fresh counter of the graph) counts people living within neighbourhoods once
    (model/people.py); without it every population counts on its own.
    """
    frame = _intervals(states, until_min)
    if evacuated:
        evacuation = frame["asset"].map(evacuated).astype(float).fillna(float("inf")).to_numpy()
        start = frame["time_min"].to_numpy()
        frame["at_risk_minutes"] = np.clip(np.minimum(start + frame["minutes"].to_numpy(), evacuation) - start, 0, None)
    else:
        frame["at_risk_minutes"] = frame["minutes"]
    failed = frame[frame["service"] <= 0]
    first_failure = failed.groupby("asset", sort=False)["time_min"].min()
    downtime = failed.groupby("asset", sort=False)["minutes"].sum()

    if people is not None and people.shared:
        unserved = _unserved_hours_once(frame, people, until_min, evacuated or {})
    else:
        pop = frame["asset"].map(population).fillna(0).to_numpy(dtype=float)
        unserved = float(np.sum(pop * frame["at_risk_minutes"].to_numpy() / 60.0 * (1.0 - frame["service"].to_numpy())))

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
