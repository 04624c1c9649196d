"""What a run's losses mean per portfolio: which wethouder's, or the burgemeester's, assets were hit.

Two sides of every loss. It *lands in* the portfolio of the asset's own sector
(``simulator.model.portfolios``): a neighbourhood without power in the portfolio holding
``population`` (in the default mapping the burgemeester's: care for the population in a crisis).
It is *caused from* the portfolio of the asset where its chain of causes starts
(``failure_episodes``): the root of the chain of the episode's first failure (the event with no
cause, normally the inject, whose asset is its target), so the same neighbourhood's loss is caused
from the portfolio holding ``energy`` when an outage of its substation was injected. A chain whose
root names no asset (a playbook rule timed by ``at``, a hazard without an asset) goes to the
``EXTERNAL`` bucket. Both sides add up to the run's metric. Times in minutes, failed asset-hours and
population-hours in hours.

The people of a flooded zone are unserved too (analysis/people_hours.py): their hours beyond their
homes' loss are one more row of the losses, ``FLOODED_ZONES`` (sector ``population``, no failed
minutes, not an asset hit), with one episode per flooded zone from the minute it flooded, caused
from the root of its ``zone.flooded`` event's chain (the inject that drove the water up).
"""

from __future__ import annotations

import json

import pandas as pd
from pydantic import TypeAdapter

from ..model.people import PeopleCounter
from ..model.portfolios import Portfolio, PortfolioMapping, resolve_portfolios
from ..model.water import Zone
from .people_hours import ZoneFlood, flooded_zone_hours, people_assets, unserved_hours_per_row, zone_spans
from .results import Results
from .water_tables import zone_assets

__all__ = [
    "ASSET_LOSS_COLUMNS",
    "IMPACT_COLUMNS",
    "EPISODE_COLUMNS",
    "ATTRIBUTION_COLUMNS",
    "EXTERNAL",
    "FLOODED_ZONES",
    "portfolio_mapping",
    "asset_losses",
    "portfolio_impact",
    "largest_failures",
    "failure_episodes",
    "portfolio_attribution",
    "cause_matrix",
]

ASSET_LOSS_COLUMNS = [
    "asset",
    "name",
    "sector",
    "portfolio",
    "hit",
    "failed_min",
    "unserved_population_hours",
    "longest_outage_min",
    "longest_outage_start_min",
    "outage_open",
]
IMPACT_COLUMNS = [
    "portfolio",
    "assets_hit",
    "hit_assets",
    "failed_asset_hours",
    "unserved_population_hours",
    "longest_outage_min",
    "longest_outage_asset",
    "longest_outage_open",
]
EPISODE_COLUMNS = [
    "asset",
    "sector",
    "portfolio",
    "start_min",
    "end_min",
    "open",
    "failed_min",
    "unserved_population_hours",
    "failure_event",
    "root_event",
    "cause_asset",
    "cause_sector",
    "caused_by",
]
ATTRIBUTION_COLUMNS = [
    "portfolio",
    "assets_hit",
    "failed_asset_hours",
    "unserved_population_hours",
    "caused_assets_hit",
    "caused_failed_asset_hours",
    "caused_unserved_population_hours",
]
EXTERNAL = "(external)"
"""``caused_by`` of a loss whose chain of causes starts at no asset (never a portfolio id: not a slug)."""
FLOODED_ZONES = "(flooded zones)"
"""``asset`` of the row of the flooded zones' people (never an asset id: not a slug)."""
FLOODED_SECTOR = "population"
"""The sector the flooded zones' people land in: they are residents (model/people.py)."""
_PORTFOLIOS = TypeAdapter(tuple[Portfolio, ...])


def portfolio_mapping(result: Results) -> PortfolioMapping:
    """The run's mapping: the graph file's portfolios kept in the manifest, else the default.

    Raises ``pydantic.ValidationError`` (a ``ValueError``) when the manifest's portfolios are not valid.
    """
    return resolve_portfolios(_PORTFOLIOS.validate_python(result.manifest.get("portfolios") or ()))


def _evacuated(events: pd.DataFrame) -> dict[str, float]:
    """Asset -> minute its people were evacuated (the first ``evacuate`` action done on it)."""
    done = events[(events["kind"] == "action.done") & (events["asset"] != "")]
    moments: dict[str, float] = {}
    for asset, data, time in zip(done["asset"], done["data"], done["time_min"]):
        if data and json.loads(data).get("action") == "evacuate":
            moments.setdefault(asset, float(time))
    return moments


def _changes(result: Results, until: float) -> dict[str, list[tuple[float, float, float]]]:
    """Per asset its state rows as (minute, service, unserved population-hours of the row), the
    hours counting each person once and stopping at an evacuation (analysis/people_hours.py)."""
    states = result.states
    hours = unserved_hours_per_row(
        states, people_assets(result.assets), until, _evacuated(result.events_without_messages)
    )
    changes: dict[str, list[tuple[float, float, float]]] = {}
    columns = (states["time_min"].tolist(), states["asset"].tolist(), states["service"].tolist())
    for time, asset, service, row_hours in zip(*columns, hours):
        changes.setdefault(asset, []).append((float(time), float(service), float(row_hours)))
    return changes


def _flooded(result: Results, until: float) -> list[tuple[str, float, float, float]]:
    """Per flooded zone (in the order it flooded) its span (start, end minutes) and the
    population-hours its people lose beyond their homes' loss: the share of the run's
    ``unserved_population_hours`` the rows of ``_changes`` leave out."""
    flooded = result.metrics.get("flooded_zones") or {}
    if not flooded or not len(result.zones) or "dried_zones" not in result.metrics:
        return []  # no flood, or a run directory from before its metric counted the flooded people
    evacuated = _evacuated(result.events)
    members = zone_assets(result.zones)
    zones = [
        Zone(id=z, name=n, basin=b, ground_level_m=g, population=int(p), assets=tuple(members[z]))
        for z, n, b, g, p in zip(
            result.zones["id"],
            result.zones["name"],
            result.zones["basin"],
            result.zones["ground_level_m"],
            result.zones["population"],
        )
    ]
    evacuated_zones = {
        z.id: min(evacuated[a] for a in z.assets if a in evacuated) for z in zones if set(z.assets) & set(evacuated)
    }
    spans = zone_spans(flooded, result.metrics.get("dried_zones") or {}, evacuated_zones, until)
    flood = ZoneFlood(PeopleCounter(people_assets(result.assets), zones), spans)
    hours = flooded_zone_hours(result.states, flood, evacuated)
    return [(zone, *spans[zone], hours.get(zone, 0.0)) for zone in flooded if zone in spans]


def asset_losses(result: Results, mapping: PortfolioMapping | None = None) -> pd.DataFrame:
    """Per asset of the run (in the run's order): its portfolio, whether it was hit (service below 1
    at some time), minutes failed (service 0), unserved population-hours (its people's hours
    without service, each person once and up to the evacuation: analysis/people_hours.py; the run's
    metric is their sum with the ``FLOODED_ZONES`` row, last, when a zone flooded), and its longest
    single outage at service 0 (minutes, start minute, ``outage_open``: still failed at the end)."""
    mapping = mapping or portfolio_mapping(result)
    until = float(result.manifest.get("until_min") or 0.0)
    changes = _changes(result, until)
    rows = []
    assets = result.assets
    for asset, name, sector in zip(assets["id"].tolist(), assets["name"].tolist(), assets["sector"].tolist()):
        steps = changes.get(asset, [(0.0, 1.0, 0.0)])
        ends = [t for t, _, _ in steps[1:]] + [until]
        hit, failed, unserved = False, 0.0, 0.0
        longest, longest_start, open_ = 0.0, None, False
        run_start = None
        for (start, service, hours), end in zip(steps, ends):
            minutes = max(end - start, 0.0)
            hit = hit or service < 1
            unserved += hours
            if service <= 0:
                failed += minutes
                run_start = start if run_start is None else run_start
                if end - run_start > longest:
                    longest, longest_start, open_ = end - run_start, run_start, end >= until
            else:
                run_start = None
        rows.append(
            (asset, name, sector, mapping.of_sector[sector], hit, failed, unserved, longest, longest_start, open_)
        )
    flooded = _flooded(result, until)
    if flooded:
        hours = sum(h for *_, h in flooded)
        rows.append(
            (FLOODED_ZONES, "", FLOODED_SECTOR, mapping.of_sector[FLOODED_SECTOR], False, 0.0, hours, 0.0, None, False)
        )
    return pd.DataFrame(rows, columns=ASSET_LOSS_COLUMNS).astype({"longest_outage_start_min": "Float64"})


def portfolio_impact(
    result: Results, mapping: PortfolioMapping | None = None, losses: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per portfolio of the mapping (in its order, also those not hit): assets hit (count and
    ids), failed asset-hours, unserved population-hours, the longest single outage (minutes, asset,
    whether it lasted to the end; the first asset in run order on a tie)."""
    mapping = mapping or portfolio_mapping(result)
    losses = asset_losses(result, mapping) if losses is None else losses
    rows = []
    for portfolio in mapping.portfolios:
        mine = losses[losses["portfolio"] == portfolio.id]
        hit = mine[mine["hit"]]
        longest = mine[mine["longest_outage_min"] > 0]
        top = longest.loc[longest["longest_outage_min"].idxmax()] if len(longest) else None
        rows.append(
            (
                portfolio.id,
                len(hit),
                tuple(hit["asset"]),
                float(mine["failed_min"].sum()) / 60,
                float(mine["unserved_population_hours"].sum()),
                float(top["longest_outage_min"]) if top is not None else 0.0,
                str(top["asset"]) if top is not None else "",
                bool(top["outage_open"]) if top is not None else False,
            )
        )
    return pd.DataFrame(rows, columns=IMPACT_COLUMNS)


def largest_failures(losses: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` assets with the most unserved population-hours, then the ``n`` that were failed
    longest (total minutes at service 0), without repeats; ties in run order. Assets only: not
    the ``FLOODED_ZONES`` row (it has no chain of one asset's failure to tell)."""
    chosen: list[str] = []
    assets = losses[losses["asset"] != FLOODED_ZONES]
    for column in ("unserved_population_hours", "failed_min"):
        ranked = assets[assets[column] > 0].sort_values(column, ascending=False, kind="stable")
        chosen.extend(a for a in ranked["asset"].head(n) if a not in chosen)
    return chosen


# --- where the losses started -------------------------------------------------------------------------


def _root_finder(events: pd.DataFrame):
    """A function: event id -> the id of the root of its chain of causes (the event with no cause;
    a cause that is not in the log, or not earlier than its effect, ends the chain too)."""
    cause_of: dict[int, int | None] = {
        int(event): (None if pd.isna(cause) else int(cause)) for event, cause in zip(events["id"], events["cause"])
    }
    roots: dict[int, int] = {}

    def root(event: int) -> int:
        path = []
        current = event
        while current not in roots:
            path.append(current)
            cause = cause_of.get(current)
            if cause is None or cause not in cause_of or cause >= current:
                roots[current] = current
                break
            current = cause
        found = roots[current]
        for step in path:
            roots[step] = found
        return found

    return root


def failure_episodes(result: Results, mapping: PortfolioMapping | None = None) -> pd.DataFrame:
    """One row per failure episode (in the run's asset order, then in time): a stretch of time during
    which the asset's service was below 1, from its first failure or degradation until it is fully
    back (``open``: not back by the end). Per episode: its failed minutes (service 0) and unserved
    population-hours (each person once, up to the asset's evacuation: analysis/people_hours.py), summed as
    ``asset_losses`` sums them, so the episodes of an asset add up to its losses; the portfolio it
    lands in (the asset's own sector); ``failure_event``, the event of the first failure; the root of
    that event's chain of causes (``root_event``: normally the inject) and its asset
    (``cause_asset``: the inject's target), that asset's sector and portfolio (``caused_by``).
    A root without an asset (a rule timed by ``at``, a hazard without an asset) leaves
    ``cause_asset`` empty and ``caused_by`` ``EXTERNAL``. A whole episode counts for the root of its
    first failure, also when it later fails harder for another reason. Then one episode per
    flooded zone (asset ``FLOODED_ZONES``, in the order they flooded): from the minute it flooded
    until it was dry, evacuated or the run ended, its people's hours beyond their homes' loss, its
    ``failure_event`` the zone's ``zone.flooded`` event.
    """
    mapping = mapping or portfolio_mapping(result)
    until = float(result.manifest.get("until_min") or 0.0)
    events = result.events_without_messages  # no sentence is read here: a large run's stay unrendered
    sectors = dict(zip(result.assets["id"].tolist(), result.assets["sector"].tolist()))
    event_asset = dict(zip(events["id"].astype(int).tolist(), events["asset"].tolist()))
    root = _root_finder(events)
    # each change of an asset's service level is logged as one asset.* event, in the same order
    status = events[events["kind"].isin(["asset.operational", "asset.degraded", "asset.failed"])]
    status_events: dict[str, list[int]] = {}
    for event, asset in zip(status["id"].tolist(), status["asset"].tolist()):
        status_events.setdefault(asset, []).append(int(event))
    changes = _changes(result, until)
    rows: list[list] = []
    for asset, sector in zip(result.assets["id"].tolist(), result.assets["sector"].tolist()):
        steps = changes.get(asset, [])
        ends = [t for t, _, _ in steps[1:]] + [until]
        logged = iter(status_events.get(asset, ()))
        previous, episode = 1.0, None
        for (start, service, hours), end in zip(steps, ends):
            event = next(logged, None) if service != previous else None  # a change of `manual` alone logs no event
            previous = service
            if service >= 1:
                episode = None
                continue
            if episode is None:
                episode = [asset, sector, mapping.of_sector[sector], start, end, False, 0.0, 0.0, event]
                rows.append(episode)
            if service <= 0:
                episode[6] += max(end - start, 0.0)
            episode[7] += hours
            episode[4] = end
            episode[5] = end >= until
    flooded_event = {
        ref: int(event)
        for ref, event in zip(
            events.loc[events["kind"] == "zone.flooded", "ref"], events.loc[events["kind"] == "zone.flooded", "id"]
        )
    }
    for zone, start, end, hours in _flooded(result, until):
        portfolio = mapping.of_sector[FLOODED_SECTOR]
        rows.append(
            [FLOODED_ZONES, FLOODED_SECTOR, portfolio, start, end, end >= until, 0.0, hours, flooded_event.get(zone)]
        )
    for row in rows:
        origin = root(row[8]) if row[8] is not None else None
        cause_asset = event_asset.get(origin, "") if origin is not None else ""
        cause_asset = cause_asset if isinstance(cause_asset, str) and cause_asset in sectors else ""
        cause_sector = sectors[cause_asset] if cause_asset else ""
        row.extend([origin, cause_asset, cause_sector, mapping.of_sector[cause_sector] if cause_asset else EXTERNAL])
    frame = pd.DataFrame(rows, columns=EPISODE_COLUMNS)
    floats = ("start_min", "end_min", "failed_min", "unserved_population_hours")
    return frame.astype(
        {"failure_event": "Int64", "root_event": "Int64", "open": "bool", **dict.fromkeys(floats, "float64")}
    )


def _assets(episodes: pd.DataFrame) -> int:
    """How many assets the episodes are of (the flooded zones' row is no asset)."""
    return int(episodes.loc[episodes["asset"] != FLOODED_ZONES, "asset"].nunique())


def _buckets(mapping: PortfolioMapping) -> list[str]:
    return [p.id for p in mapping.portfolios] + [EXTERNAL]


def portfolio_attribution(
    result: Results, mapping: PortfolioMapping | None = None, episodes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Both sides per portfolio (in the mapping's order, then ``EXTERNAL``): the losses that landed in
    it (assets hit, failed asset-hours, unserved population-hours of its own assets) and the losses
    caused from it (``caused_*``: of every asset whose failure episode started at one of its assets).
    Each column sums to the run's total; nothing lands in ``EXTERNAL``. The flooded zones' people
    count in the population-hours, not in the assets hit."""
    mapping = mapping or portfolio_mapping(result)
    episodes = failure_episodes(result, mapping) if episodes is None else episodes
    rows = []
    for bucket in _buckets(mapping):
        here = episodes[episodes["portfolio"] == bucket]
        caused = episodes[episodes["caused_by"] == bucket]
        rows.append(
            (
                bucket,
                _assets(here),
                float(here["failed_min"].sum()) / 60,
                float(here["unserved_population_hours"].sum()),
                _assets(caused),
                float(caused["failed_min"].sum()) / 60,
                float(caused["unserved_population_hours"].sum()),
            )
        )
    return pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)


def cause_matrix(
    result: Results,
    mapping: PortfolioMapping | None = None,
    episodes: pd.DataFrame | None = None,
    value: str = "unserved_population_hours",
) -> pd.DataFrame:
    """The cross table of ``value`` (a column of ``failure_episodes``): rows the portfolio where the
    chain started (``caused_by``: the mapping's portfolios, then ``EXTERNAL``), columns the portfolio
    where the loss landed (the mapping's portfolios). Row sums are the ``caused_*`` totals of
    ``portfolio_attribution``, column sums its landed totals."""
    mapping = mapping or portfolio_mapping(result)
    episodes = failure_episodes(result, mapping) if episodes is None else episodes
    landed = [p.id for p in mapping.portfolios]
    table = (
        episodes.groupby(["caused_by", "portfolio"])[value].sum().unstack(fill_value=0.0)
        if len(episodes)
        else pd.DataFrame()
    )
    table = table.reindex(index=_buckets(mapping), columns=landed, fill_value=0.0).astype("float64")
    table.index.name, table.columns.name = "caused_by", "portfolio"
    return table
