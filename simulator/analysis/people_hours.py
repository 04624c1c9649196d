"""Unserved population-hours per state row, every person counted once (model/people.py).

The states table has one row per change of an asset's service level; a row lasts until the
asset's next change (or the end of the run). This module gives each row the population-hours
that row adds to the run's ``unserved_population_hours``, so that the metric, the losses per
asset and the failure episodes (analysis/portfolio_impact.py) are sums of the same numbers.

- A neighbourhood's row, and the row of an asset whose people count on their own: population x
  hours x (1 - service), up to the asset's evacuation.
- The row of an asset whose people live in neighbourhoods: only what they lose beyond their
  neighbourhoods' loss. That changes when a neighbourhood changes, not only at the asset's own
  rows; it is accumulated per group of neighbourhoods and loss level as the integral of the
  counter's excess over time, and each row takes the difference between its end and its start.

The people of a flooded zone are unserved from the minute it floods until it is dry again, the
zone is evacuated, or the run ends (``zone_spans``): ``flooded_zone_hours`` gives each zone what
its people lose beyond their homes' loss over that span (a zone's people whose home has failed
add nothing; people in an evacuated home count no more), so that a person is counted once per
minute. The run's ``unserved_population_hours`` is the sum of both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..model.people import PeopleCounter

__all__ = ["PeopleAsset", "ZoneFlood", "people_assets", "unserved_hours_per_row", "zone_spans", "flooded_zone_hours"]


class PeopleAsset(NamedTuple):
    """What the counting rule needs of an asset (an ``Asset`` or a row of a run's assets table)."""

    id: str
    sector: str
    population: int
    municipality: str
    population_within: str | None


@dataclass(frozen=True)
class ZoneFlood:
    """A run's flooded zones for counting their people: ``counter``, a new people counter of the
    graph's assets with its zones (``PeopleCounter.for_graph(graph)``; ``flooded_zone_hours`` uses
    it up), and ``spans``, zone -> (start, end) minutes its people are flooded (``zone_spans``)."""

    counter: PeopleCounter
    spans: Mapping[str, tuple[float, float]] = field(default_factory=dict)


def people_assets(assets: pd.DataFrame) -> list[PeopleAsset]:
    """The assets table of a run (``id, sector, population, municipality[, population_within]``)."""
    within = assets["population_within"].tolist() if "population_within" in assets else [None] * len(assets)
    columns = (assets[c].tolist() for c in ("id", "sector", "population", "municipality"))
    return [
        PeopleAsset(str(i), str(s), int(p), "" if pd.isna(m) else str(m), w if isinstance(w, str) and w else None)
        for i, s, p, m, w in zip(*columns, within)
    ]


def unserved_hours_per_row(
    states: pd.DataFrame,
    assets: Sequence,
    until_min: float,
    evacuated: Mapping[str, float] | None = None,
    counter: PeopleCounter | None = None,
) -> np.ndarray:
    """Population-hours of each row of ``states`` (``time_min, asset, service``, in time order per
    asset), with the people of ``assets`` counted once; an asset evacuated at minute e
    (``evacuated``) counts no more from e on. ``counter``: a new counter of ``assets`` (without
    zones; ``PeopleCounter.for_graph(graph, zones=False)``), built here when not given."""
    evacuated = evacuated or {}
    counter = PeopleCounter(assets) if counter is None else counter
    times = states["time_min"].to_numpy(dtype=float)
    names = states["asset"].tolist()
    service = states["service"].to_numpy(dtype=float)
    index = counter.index
    n = len(states)
    hours = np.zeros(n)
    ends = np.full(n, float(until_min))
    last_row: dict[str, int] = {}
    for row, name in enumerate(names):
        if name in last_row:
            ends[last_row[name]] = times[row]
        last_row[name] = row
    position = np.array([index.get(name, -1) for name in names], dtype=int)
    population = np.array([counter.population[p] if p >= 0 else 0 for p in position], dtype=float)
    leave = np.array([evacuated.get(name, np.inf) for name in names], dtype=float)
    members = np.array([p >= 0 and p in counter.member_of for p in position], dtype=bool)
    direct = ~members & (population > 0)
    at_risk = np.clip(np.minimum(ends, leave) - times, 0.0, None)
    hours[direct] = population[direct] * at_risk[direct] / 60.0 * (1.0 - service[direct])
    if members.any():
        _member_hours(counter, _Rows(times, position, service, leave, members), hours, until_min, evacuated)
    return hours


class _Rows(NamedTuple):
    """The states rows as arrays: minute, asset position (-1: unknown), service, evacuation minute, member?"""

    times: np.ndarray
    position: np.ndarray
    service: np.ndarray
    leave: np.ndarray
    members: np.ndarray


def _member_hours(
    counter: PeopleCounter, rows: _Rows, hours: np.ndarray, until_min: float, evacuated: Mapping[str, float]
) -> None:
    """Fill ``hours`` for the rows of assets whose people live in neighbourhoods (see the module)."""
    times, position, service, leave, members = rows
    integral = _Integrals(counter)
    relevant = [r for r in range(len(times)) if position[r] >= 0 and counter.population[position[r]] > 0]
    changes = [(times[r], 0, r) for r in relevant]
    changes += [(t, 1, counter.index[a]) for a, t in evacuated.items() if a in counter.index and t < until_min]
    changes.sort(key=lambda change: (change[0], change[1]))
    open_rows: dict[int, tuple[int, float]] = {}  # member asset -> (row, integral at its start)
    for time, what, ref in changes:
        integral.advance(time)
        if what == 1:
            if ref in open_rows:
                row, start = open_rows.pop(ref)
                hours[row] = integral.share(ref, 1.0 - service[row]) - start
            counter.evacuate(ref)
            continue
        asset = position[ref]
        if members[ref]:
            if asset in open_rows:
                row, start = open_rows.pop(asset)
                hours[row] = integral.share(asset, 1.0 - service[row]) - start
            if asset not in counter.gone and time < leave[ref]:
                loss = 1.0 - service[ref]
                integral.track(asset, loss)
                open_rows[asset] = (ref, integral.share(asset, loss))
        counter.set_loss(asset, 1.0 - service[ref])
    integral.advance(until_min)
    for asset, (row, start) in open_rows.items():
        hours[row] = integral.share(asset, 1.0 - service[row]) - start


class _Integrals:
    """Per group of neighbourhoods and member loss level L: the integral over time (minutes) of
    the group's excess at L (sum of residents x max(0, L - their loss), over the group's residents)."""

    def __init__(self, counter: PeopleCounter):
        self.counter = counter
        self.time = 0.0
        self.values: dict[tuple[int, float], float] = {}

    def track(self, asset: int, loss: float) -> None:
        self.track_group(self.counter.member_of[asset], loss)

    def track_group(self, group: int, loss: float) -> None:
        self.values.setdefault((group, loss), 0.0)

    def value(self, group: int, loss: float) -> float:
        """The integral so far (people x minutes per resident of group number ``group``) at ``loss``."""
        return self.values.get((group, loss), 0.0)

    def advance(self, time: float) -> None:
        step = time - self.time
        if step <= 0:
            return
        groups = self.counter.groups
        for key in self.values:
            group = groups[key[0]]
            loss = key[1]
            excess = sum(residents * (loss - home) for home, residents in group.homes.items() if home < loss)
            self.values[key] += excess / group.weight * step
        self.time = time

    def share(self, asset: int, loss: float) -> float:
        """Population-hours so far of ``asset``'s people at ``loss`` (the integral times its people, in hours)."""
        return self.value(self.counter.member_of[asset], loss) * self.counter.population[asset] / 60.0


def zone_spans(
    flooded: Mapping[str, float],
    dried: Mapping[str, float],
    evacuated_zones: Mapping[str, float],
    until_min: float,
) -> dict[str, tuple[float, float]]:
    """Per flooded zone the minutes (start, end) its people are flooded: from the minute it floods
    to the first of dry again (``dried``), evacuated, the end of the run; a zone evacuated before
    the water came has none (the rule of ``population_flooded``)."""
    spans = {}
    for zone, start in flooded.items():
        end = min(float(until_min), dried.get(zone, np.inf), evacuated_zones.get(zone, np.inf))
        if end > start:
            spans[zone] = (float(start), float(end))
    return spans


def flooded_zone_hours(
    states: pd.DataFrame,
    flood: ZoneFlood,
    evacuated: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Per zone of ``flood.spans`` (``zone_spans``) the population-hours its people are flooded
    beyond what they already lose at home (their homes' rows in ``states``, ``time_min, asset,
    service``; homes evacuated at minute e, ``evacuated``, count as fully lost from e: nobody is
    left there). A zone whose people live in no declared home counts on its own. ``flood.counter``
    (a new counter with the zones) is used up: it ends in the run's last state."""
    evacuated = evacuated or {}
    counter, spans = flood.counter, flood.spans
    hours: dict[str, float] = {}
    grouped = {}
    for zone, (start, end) in spans.items():
        if zone in counter.zone_group:
            grouped[zone] = counter.zone_group[zone]
        elif zone in counter.zone_alone:
            hours[zone] = counter.zone_alone[zone] * (end - start) / 60.0
    if not grouped:
        return hours
    integral = _Integrals(counter)
    for group, _ in grouped.values():
        integral.track_group(group, 1.0)
    index = counter.index
    changes: list[tuple[float, int, object, float]] = []  # (minute, order, what, value)
    for time, name, service in zip(states["time_min"], states["asset"], states["service"]):
        position = index.get(name, -1)
        if position >= 0 and counter.home[position]:
            changes.append((float(time), 0, position, 1.0 - float(service)))
    changes += [(t, 1, index[a], 0.0) for a, t in evacuated.items() if a in index and counter.home[index[a]]]
    changes += [(span[0], 2, zone, 0.0) for zone, span in spans.items() if zone in grouped]
    changes += [(span[1], 3, zone, 0.0) for zone, span in spans.items() if zone in grouped]
    changes.sort(key=lambda change: (change[0], change[1]))
    started: dict[str, float] = {}
    for time, what, ref, loss in changes:
        integral.advance(time)
        if what == 0:
            counter.set_loss(ref, loss)  # type: ignore[arg-type]
        elif what == 1:
            counter.evacuate(ref)  # type: ignore[arg-type]
        else:
            group, people = grouped[ref]  # type: ignore[index]
            if what == 2:
                started[ref] = integral.value(group, 1.0)  # type: ignore[index]
            else:
                hours[ref] = (integral.value(group, 1.0) - started[ref]) * people / 60.0  # type: ignore[index]
    return hours
