"""The run's tables as plain lookups by event id, for deriving the inject list (``injects.py``)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime, timedelta

import pandas as pd

from ..engine.eventkinds import CHANNEL_OF, EVENT_KINDS, STATUS_KINDS
from ..messages import text
from .results import Results
from .water_tables import basin_names

__all__ = ["RunLookups", "event_layer"]


class RunLookups:
    """The run's tables as plain lookups by event id."""

    plural: set[str] | frozenset[str] = frozenset()  # assets whose name is a plural (a verb after it agrees)
    common_zones: set[str] | frozenset[str] = frozenset()  # flood zones with a descriptive name (lowercase)

    def __init__(self, results: Results, lang: str):
        ev = results.events_without_messages  # the sentences are not read here: a large run's wait
        self.lang = lang
        self.ids = ev["id"].astype("int64").tolist()
        self.time = dict(zip(self.ids, ev["time_min"].astype("float64").tolist()))
        self.kind = dict(zip(self.ids, _values(ev["kind"])))
        self.asset = dict(zip(self.ids, _values(ev["asset"])))
        self.org = dict(zip(self.ids, _values(ev["org"])))
        self.org_names = results.manifest.get("organisations", {})  # id -> name (older runs: none)
        self.ref = dict(zip(self.ids, _values(ev["ref"])))
        self.cause = {i: (None if pd.isna(c) else int(c)) for i, c in zip(self.ids, _values(ev["cause"]))}
        self.level = {
            i: (None if pd.isna(v) else float(v)) for i, v in zip(self.ids, _values(ev["service"]))
        }  # service level, 0..1
        self.known = {i: (None if pd.isna(v) else float(v)) for i, v in zip(self.ids, _values(ev["known_min"]))}
        self.data = _ParsedOnRead(zip(self.ids, _values(ev["data"])))
        assets = results.assets
        self.names = dict(zip(assets["id"], assets["name"]))
        self.basins = basin_names(getattr(results, "basins", None))  # basin id -> name
        self.owner = dict(zip(assets["id"], assets["owner"]))
        self.sector = dict(zip(assets["id"], assets["sector"]))
        self.municipality = dict(zip(assets["id"], assets["municipality"])) if "municipality" in assets else {}
        self.asset_kind = dict(zip(assets["id"], assets["kind"].fillna(""))) if "kind" in assets else {}
        # runs written before the fields: no plural names, every zone's name a proper noun
        self.plural = set(assets["id"][assets["name_plural"].astype(bool)]) if "name_plural" in assets else set()
        zones = getattr(results, "zones", None)
        self.common_zones = (
            set(zones["id"][~zones["name_proper"].astype(bool)])
            if zones is not None and "name_proper" in zones
            else set()
        )
        for i in self.ids:  # run directories without assets.csv: the owner from the asset's events
            if self.asset[i] and self.kind[i] in STATUS_KINDS:
                self.owner.setdefault(self.asset[i], self.org[i])
        self.start = results.scenario_start()
        self.until = float(results.manifest.get("until_min") or max(self.time.values(), default=0.0))
        self.children: dict[int, list[int]] = defaultdict(list)
        for i in self.ids:
            if self.cause[i] is not None:
                self.children[self.cause[i]].append(i)
        self.control_room = self._control_room(results)
        self.team_events = [i for i in self.ids if self.kind[i] in ("team.assembled", "team.dismissed")]
        self._status_by_asset: dict[str, list[int]] | None = None
        self.team_names = {  # crisis team id -> its name
            str(self.ref[i]): str(self.data[i].get("team") or self.ref[i])
            for i in self.team_events
            if self.kind[i] == "team.assembled"
        }

    def _control_room(self, results: Results) -> str | None:
        """The organisation that takes the reports (without one, reports go to the owner), else
        the one that learns of the escalation; None when the run has neither."""
        reports = [
            self.org[i]
            for i in self.ids
            if CHANNEL_OF.get(self.kind[i]) == "report" and self.org[i] and self.org[i] != self.owner.get(self.asset[i])
        ]
        if reports:
            return max(sorted(set(reports)), key=reports.count)
        learned = zip(results.knowledge["org"], results.knowledge["event"])
        return next((str(o) for o, e in learned if o and event_layer(self.kind.get(int(e), "")) == "escalation"), None)

    def level_before(self, e: int) -> float:
        """The service level (0..1) of event ``e``'s asset just before ``e``: that of its last
        earlier status event (a failure 0), or 1 (working) when it had none."""
        if self._status_by_asset is None:
            self._status_by_asset = defaultdict(list)
            for i in self.ids:
                if self.kind[i] in STATUS_KINDS and self.asset[i]:
                    self._status_by_asset[self.asset[i]].append(i)
        earlier = [i for i in self._status_by_asset.get(self.asset[e], []) if i < e]
        if not earlier:
            return 1.0
        last = earlier[-1]
        if self.level[last] is not None:
            return self.level[last]
        return 0.0 if self.kind[last] == "asset.failed" else 1.0

    def name(self, asset: str) -> str:
        return self.names.get(asset, asset)

    def clock(self, minutes: float) -> datetime:
        """Wall clock ``minutes`` after the start, to the second (across a DST change too)."""
        return (self.start.astimezone(UTC) + timedelta(seconds=round(minutes * 60))).astimezone(self.start.tzinfo)

    def t(self, key: str, **params) -> str:
        return text(key, self.lang, **params)


class _ParsedOnRead(dict):
    """Event id -> its ``data`` as a dict, parsed from its JSON text when first read (a large run
    has hundreds of thousands, of which the inject list reads a few)."""

    def __getitem__(self, event: int) -> dict:
        value = super().__getitem__(event)
        if isinstance(value, dict):
            return value
        parsed = json.loads(value) if value else {}
        self[event] = parsed
        return parsed


def _values(column: pd.Series) -> list:
    """The column's values as a plain list: the same values its iteration gives, without iterating
    an Arrow-backed column element by element (slow for the columns of a large run's Parquet)."""
    return column.tolist()


def event_layer(kind: str) -> str:
    """The engine part that emits ``kind`` (its ``EventKind.layer``; "" if undeclared)."""
    declared = EVENT_KINDS.get(kind)
    return declared.layer if declared else ""
