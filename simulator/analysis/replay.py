"""The replay's data model: a run as a timeline of status, GRIP level and events, in two views.

Shared by the terminal replay (``simulator.report.replay_terminal``) and the browser replay
(``simulator.report.replay_html``). All times are minutes after the scenario start.

The two views:

- ``truth``: what really happened, when it happened (``states.csv``, ``events.csv`` ``time_min``).
- ``known``: what the crisis organisation knew at that time. "The crisis organisation" is any of its
  organisations (the control room or an asset's owner), so an event is known from its
  ``known_min`` in ``events.csv``: the first moment anyone in the crisis organisation knew of it
  (the same knowledge as ``Results.known_at(t)`` without ``org`` and the hatching of the status
  figure). An asset's known status at t is its status after the last of its status changes (in
  the order they happened) known by t; assets nobody knew anything about are shown operational.
  Events never known (``known_min`` empty: a stealthy intrusion never detected) never appear in it.
  The organisation's own work (reports, escalation, actions) is known as it happens.

Status is ``operational``, ``degraded``, ``failed`` or ``manual`` (running on its manual fallback,
whatever its service level). GRIP is the crisis organisation's own decision: the same in both views.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from datetime import UTC, datetime, time, timedelta
from typing import Any

import networkx as nx
import pandas as pd

from ..engine.eventkinds import HEADLINES, STATUS_KINDS
from ..messages import text
from ..model.fieldtypes import SECTORS
from .results import Results
from .shown import shown_assets, shown_note

__all__ = ["VIEWS", "STATUSES", "ReplayTimeline", "replay_timeline", "dependency_depths"]

VIEWS = ("truth", "known")
STATUSES = ("operational", "degraded", "failed", "manual")
_GRIP_KINDS = ("grip.escalated", "grip.deescalated", "grip.ended")

Changes = list[list]  # [[t_min, value], ...]: the value from t_min on, until the next entry


class ReplayTimeline:
    """A run prepared for replay: per asset the status changes in each view, the GRIP level
    changes and the events with the minute they happened and the minute they became known.

    Look-ups bisect over sorted change lists: ``status_at`` costs O(assets x log changes),
    ``feed`` and ``grip_at`` O(log events).
    """

    def __init__(  # noqa: PLR0913 -- debt: split when next changed
        self,
        *,
        start: datetime,
        end_min: float,
        lang: str,
        title: str,
        sectors: list[str],
        assets: list[dict[str, Any]],
        links: list[list[str]],
        status: dict[str, dict[str, Changes]],
        grip: Changes,
        events: list[dict[str, Any]],
        level_names: dict[int, str] | None = None,
        note: str | None = None,
    ):
        self.start = start
        self.end_min = end_min
        self.lang = lang
        self.title = title
        self.sectors = sectors
        self.assets = assets
        self.links = links
        self.status = status
        self.grip = grip
        self.events = events
        self.level_names = level_names or {}
        self.note = note  # a large run drawn in part: the sentence that says so (analysis/shown.py)
        self._status_times = {
            view: {asset: [t for t, _ in changes] for asset, changes in status[view].items()} for view in VIEWS
        }
        self._grip_times = [t for t, _ in grip]
        self._feeds: dict[tuple[str, bool], tuple[list[float], list[dict]]] = {}
        for view in VIEWS:
            for headline_only in (False, True):
                shown = [
                    e for e in events if _visible_from(e, view) is not None and (e["headline"] or not headline_only)
                ]
                shown.sort(key=lambda e: (_visible_from(e, view), e["id"]))
                self._feeds[view, headline_only] = ([_visible_from(e, view) for e in shown], shown)
        self._event_times = {view: self._changes_in(view) for view in VIEWS}

    # --- payload ------------------------------------------------------------------------------------
    def to_payload(self) -> dict[str, Any]:
        """The timeline as JSON-serialisable data (for the browser replay); see the module docstring."""
        return {
            "start": self.start.isoformat(),
            "end_min": self.end_min,
            "lang": self.lang,
            "title": self.title,
            "sectors": list(self.sectors),
            "assets": [dict(a) for a in self.assets],
            "links": [list(link) for link in self.links],
            "status": {
                view: {a: [list(c) for c in changes] for a, changes in self.status[view].items()} for view in VIEWS
            },
            "grip": [list(c) for c in self.grip],
            "events": [dict(e) for e in self.events],
            **({"note": self.note} if self.note else {}),
        }

    # --- questions ----------------------------------------------------------------------------------
    def status_at(self, t_min: float, view: str = "truth") -> dict[str, str]:
        """Per asset its status at minute ``t_min`` in ``view`` (after every change at ``t_min``)."""
        _check_view(view)
        times = self._status_times[view]
        # max(..., 0): before minute 0 every asset is as at the start (-1 would wrap to the last change)
        return {
            asset: changes[max(bisect_right(times[asset], t_min) - 1, 0)][1]
            for asset, changes in self.status[view].items()
        }

    def grip_at(self, t_min: float) -> int:
        """The GRIP level at minute ``t_min`` (0: no GRIP, the daily routine)."""
        return self.grip[max(bisect_right(self._grip_times, t_min) - 1, 0)][1]

    def level_name(self, level: int) -> str:
        """The ladder's name of ``level`` (``GRIP 2``); ``level`` as text when the run does not name it."""
        return self.level_names.get(level, str(level))

    def event_times(self, view: str = "truth") -> list[float]:
        """Sorted distinct minutes at which something visible changes in ``view``: an asset's
        status, the GRIP level, or a headline event entering the feed (the need bookkeeping of
        ``events.csv`` is not a moment of its own)."""
        _check_view(view)
        return self._event_times[view]

    def feed(
        self, t_min: float, view: str = "truth", headline_only: bool = False, limit: int | None = None
    ) -> list[dict]:
        """The events visible by minute ``t_min`` in ``view``, in the order they became visible:
        in ``truth`` from ``t``, in ``known`` from ``known_t`` (never-known events never). With
        ``limit``: only the latest ``limit`` of them. The dicts are the payload's; do not change them."""
        _check_view(view)
        times, shown = self._feeds[view, headline_only]
        end = bisect_right(times, t_min)
        begin = 0 if limit is None else max(end - limit, 0)
        return shown[begin:end]

    def visible_time(self, event: dict, view: str) -> float | None:
        """When ``event`` enters the feed of ``view`` (None: never)."""
        _check_view(view)
        return _visible_from(event, view)

    def moment(self, t_min: float) -> datetime:
        """Wall-clock time at minute ``t_min`` in the scenario's time zone (daylight saving included)."""
        return (self.start.astimezone(UTC) + timedelta(minutes=t_min)).astimezone(self.start.tzinfo)

    def clock(self, t_min: float) -> str:
        """``HH:MM`` wall-clock time at minute ``t_min`` (seconds cut off, as on a clock)."""
        return self.moment(t_min).strftime("%H:%M")

    def first_minute_at(self, clock: time) -> float:
        """Minutes after the start of the first moment at or after the start whose wall-clock time
        is ``clock`` (a run crossing midnight: the time on the first day that has it after the start)."""
        zone = self.start.tzinfo
        day = self.start.date()
        while True:
            found = []
            # fold 0 and 1: on the night summer time ends, 02:30 happens twice (CEST, then CET)
            for fold in (0, 1):
                moment = datetime.combine(day, clock, tzinfo=zone).replace(fold=fold)
                minutes = (moment.astimezone(UTC) - self.start.astimezone(UTC)).total_seconds() / 60
                # a clock time that does not exist that day (skipped by daylight saving) maps back to
                # itself only when it exists: compare the wall clock after the round trip
                exists = moment.astimezone(UTC).astimezone(zone).time().replace(tzinfo=None) == clock
                if minutes >= 0 and exists:
                    found.append(minutes)
            if found:
                return min(found)
            day += timedelta(days=1)

    def _changes_in(self, view: str) -> list[float]:
        moments: set[float] = set()
        for changes in self.status[view].values():
            moments.update(t for t, _ in changes[1:])
        moments.update(t for t, _ in self.grip[1:])
        moments.update(self._feeds[view, True][0])
        return sorted(moments)


def replay_timeline(results: Results, lang: str) -> ReplayTimeline:
    """Prepare a run for replay, with every message in ``lang`` (``en`` or ``nl``). A run of more
    than ``SHOWN_ASSETS`` assets replays those that matter most (``analysis/shown.py``), their
    events and the events of no asset, and says so in ``note``."""
    results = results.in_language(lang)
    manifest = results.manifest
    start = results.scenario_start()
    shown = shown_assets(results)
    raw = results.events_without_messages  # the sentences rendered below, for the events replayed only
    assets, sectors = _assets(results, shown)
    ids = [a["id"] for a in assets]
    links = _links(results, set(ids))
    depth = dependency_depths(ids, links)
    for asset in assets:
        asset["layer"] = depth[asset["id"]]
    truth, known = _status_changes(results, ids, shown)
    grip = _grip_changes(raw)
    level_names = {0: text("grip.none", lang), **_level_names(raw)}
    if shown is None:
        events = _events(results.events)
    else:
        events = _events(results.with_messages(raw[raw["asset"].fillna("").eq("") | raw["asset"].isin(shown)]))
    last = [t for changes in (*truth.values(), *known.values()) for t, _ in changes[1:]]
    last += [t for t, _ in grip[1:]]
    last += [e["t"] for e in events] + [e["known_t"] for e in events if e["known_t"] is not None]
    end_min = max(last) if last else float(manifest.get("until_min") or 0.0)
    return ReplayTimeline(
        start=start,
        end_min=float(end_min),
        lang=lang,
        title=str(manifest.get("scenario", {}).get("name", "")),
        sectors=sectors,
        assets=assets,
        links=links,
        status={"truth": truth, "known": known},
        grip=grip,
        events=events,
        level_names=level_names,
        note=shown_note(results, lang),
    )


# --- building ---------------------------------------------------------------------------------------
def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}, not {view!r}")


def _visible_from(event: dict, view: str) -> float | None:
    return event["t"] if view == "truth" else event["known_t"]


def _assets(results: Results, shown: set[str] | None) -> tuple[list[dict[str, Any]], list[str]]:
    """The assets grouped by sector (in the order of the sector list), in file order within one;
    only those in ``shown`` unless it is None."""
    table = results.assets if shown is None else results.assets[results.assets["id"].isin(shown)]
    rows = []
    for position, row in enumerate(table.itertuples(index=False)):
        lon, lat = getattr(row, "lon", None), getattr(row, "lat", None)
        located = lon is not None and lat is not None and not pd.isna(lon) and not pd.isna(lat)
        town = getattr(row, "municipality", None)
        rows.append(
            (
                position,
                {
                    "id": str(row.id),
                    "name": str(row.name or row.id),
                    "sector": str(row.sector),
                    "municipality": "" if town is None or pd.isna(town) else str(town),
                    "x": float(lon) if located else None,
                    "y": float(lat) if located else None,
                },
            )
        )
    known_ids = {r["id"] for _, r in rows}
    seen = [] if shown is not None else [*results.states["asset"], *results.events_without_messages["asset"]]
    for asset in dict.fromkeys(seen):  # a run without assets.csv
        if asset and asset not in known_ids:
            known_ids.add(asset)
            rows.append(
                (len(rows), {"id": asset, "name": asset, "sector": "", "municipality": "", "x": None, "y": None})
            )
    order = {sector: i for i, sector in enumerate(SECTORS)}
    rows.sort(key=lambda item: (order.get(item[1]["sector"], len(order)), item[1]["sector"], item[0]))
    assets = [asset for _, asset in rows]
    return assets, list(dict.fromkeys(a["sector"] for a in assets))


def _links(results: Results, ids: set[str]) -> list[list[str]]:
    """Distinct (supplier, dependent) pairs, in the order of ``dependencies.csv``."""
    pairs = dict.fromkeys(zip(results.dependencies["supplier"], results.dependencies["consumer"]))
    return [[s, c] for s, c in pairs if s in ids and c in ids]


def dependency_depths(ids: list[str], links: list[list[str]]) -> dict[str, int]:
    """Dependency depth: 0 for an asset that needs nothing, else one more than its deepest
    supplier; the assets of a dependency cycle share one depth."""
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(links)
    condensed = nx.condensation(graph)
    depth: dict[str, int] = {}
    for component in nx.topological_sort(condensed):
        below = [depth[next(iter(condensed.nodes[p]["members"]))] for p in condensed.predecessors(component)]
        layer = max(below) + 1 if below else 0
        for node in condensed.nodes[component]["members"]:
            depth[node] = layer
    return depth


def _add_change(changes: Changes, t_min: float, value: Any) -> None:
    """Append ``value`` from ``t_min`` on, keeping only changes: a later value at the same minute
    replaces the earlier one (the first entry, the state at the start, is never replaced)."""
    if len(changes) > 1 and changes[-1][0] == t_min:
        changes.pop()
    if changes[-1][1] != value:
        changes.append([t_min, value])


def _status_changes(
    results: Results, ids: list[str], shown: set[str] | None = None
) -> tuple[dict[str, Changes], dict[str, Changes]]:
    """Per asset the status changes in truth and as known.

    Every change of service level in ``states.csv`` has its ``asset.*`` event, in the same order
    per asset; that event's ``known_min`` says when the change became known. A row that changes
    only ``manual`` (same service level, no event) is the organisation's own doing: known at once.
    Only the assets in ``shown`` unless it is None.
    """
    events, states = results.events_without_messages, results.states
    if shown is not None:
        events, states = events[events["asset"].isin(shown)], states[states["asset"].isin(shown)]
    status_events = events[events["kind"].isin(STATUS_KINDS)]
    known_of: dict[str, list[float | None]] = {}
    for asset, known in zip(status_events["asset"], status_events["known_min"]):
        known_of.setdefault(asset, []).append(None if pd.isna(known) else float(known))
    truth = {asset: [[0.0, "operational"]] for asset in ids}
    learned: dict[str, list[tuple[float, int, str]]] = {asset: [] for asset in ids}
    service = dict.fromkeys(ids, 1.0)
    used = dict.fromkeys(ids, 0)
    for index, (t, asset, status, level, manual) in enumerate(
        zip(states["time_min"], states["asset"], states["status"], states["service"], states["manual"])
    ):
        value = "manual" if bool(manual) else str(status)
        t = float(t)
        truth.setdefault(asset, [[0.0, "operational"]])
        learned.setdefault(asset, [])
        if float(level) != service.get(asset, 1.0):
            position = used.get(asset, 0)
            mine = known_of.get(asset, [])
            known = mine[position] if position < len(mine) else t
            used[asset] = position + 1
        else:
            known = t
        service[asset] = float(level)
        _add_change(truth[asset], t, value)
        if known is not None:
            learned[asset].append((max(known, t), index, value))
    known_changes = {}
    for asset, facts in learned.items():
        changes: Changes = [[0.0, "operational"]]
        latest = -1
        for known, index, value in sorted(facts):
            if index > latest:  # a fact learned late about an earlier change does not undo a later one
                latest = index
                _add_change(changes, known, value)
        known_changes[asset] = changes
    return truth, known_changes


def _grip_changes(events: pd.DataFrame) -> Changes:
    grip: Changes = [[0.0, 0]]
    rows = events[events["kind"].isin(_GRIP_KINDS)]
    for t, level in zip(rows["time_min"], rows["grip"]):
        _add_change(grip, float(t), 0 if pd.isna(level) else int(level))
    return grip


def _level_names(events: pd.DataFrame) -> dict[int, str]:
    """The ladder's level names as the escalation events recorded them (``GRIP 3``)."""
    names = {}
    rows = events[events["kind"].isin(_GRIP_KINDS)]
    for data in rows["data"]:
        details = json.loads(data) if isinstance(data, str) and data else {}
        if details.get("name") and details.get("to") is not None:
            names[int(details["to"])] = str(details["name"])
    return names


def _events(events: pd.DataFrame) -> list[dict[str, Any]]:
    headline = HEADLINES
    return [
        {
            "id": int(event_id),
            "t": float(t),
            "clock": _hhmm(clock),
            "known_t": None if pd.isna(known) else float(known),
            "asset": asset if isinstance(asset, str) else "",
            "kind": kind,
            "text": message,
            "headline": kind in headline,
        }
        for event_id, t, clock, known, asset, kind, message in zip(
            events["id"],
            events["time_min"],
            events["clock"],
            events["known_min"],
            events["asset"],
            events["kind"],
            events["message"],
        )
    ]


def _hhmm(clock: Any) -> str:
    """``HH:MM`` of an ISO clock text such as ``2027-01-15T03:30:00+01:00``."""
    return str(clock)[11:16]
