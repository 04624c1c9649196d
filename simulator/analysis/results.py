"""Results of a run as tidy pandas tables, written to and read from a run directory."""

from __future__ import annotations

import json
import platform
import sys
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from ..engine.simulation import RunRecord
from ..engine.state import status_of
from ..messages import default_language
from ..model.gcpause import gc_paused
from .eventtext import event_message
from .metrics import run_metrics
from .rundir import atomic_directory

__all__ = ["Results", "EVENT_COLUMNS", "STATE_COLUMNS"]

EVENT_COLUMNS = ["id", "time_min", "clock", "kind", "asset", "org", "level", "message", "cause"]
STATE_COLUMNS = ["time_min", "asset", "status", "service", "manual"]
_PACKAGES = ("rampsim", "simpy", "networkx", "numpy", "pandas", "pydantic", "PyYAML")


class Results:
    """What an analyst holds: ``events`` and ``states`` DataFrames, ``metrics``, ``manifest``.

    ``events``: one row per event (columns ``EVENT_COLUMNS``; ``time_min`` in minutes after the
    scenario start, ``clock`` the wall-clock time with offset, ``cause`` the id of the event that
    led to it, empty for injects). ``states``: one row per change of an asset's service level
    (every asset starts operational at service 1 at minute 0).
    """

    def __init__(self, events: pd.DataFrame, states: pd.DataFrame, metrics: dict, manifest: dict, path: Path | None = None):
        self.events = events
        self.states = states
        self.metrics = metrics
        self.manifest = manifest
        self.path = path

    # --- building -------------------------------------------------------------------------------
    @classmethod
    def from_record(cls, record: RunRecord, lang: str | None = None) -> Results:
        with gc_paused():
            return cls._from_record(record, lang)

    @classmethod
    def _from_record(cls, record: RunRecord, lang: str | None) -> Results:
        lang = lang or default_language()
        scenario = record.scenario
        assets = scenario.graph.assets
        ids = [a.id for a in assets]
        clock = _Clock(scenario.start)
        if record.events:
            eid, times, kinds, asset_idx, orgs, levels, causes, params = zip(*record.events)
        else:
            eid = times = kinds = asset_idx = orgs = levels = causes = params = ()
        events = pd.DataFrame(
            {
                "id": pd.array(eid, dtype="int64"),
                "time_min": pd.array(times, dtype="float64"),
                "clock": [clock(t) for t in times],
                "kind": list(kinds),
                "asset": [ids[i] if i >= 0 else "" for i in asset_idx],
                "org": list(orgs),
                "level": pd.array(levels, dtype="Float64"),
                "message": [
                    event_message(k, assets[i].label if i >= 0 else "", p, lv, lang)
                    for k, i, p, lv in zip(kinds, asset_idx, params, levels)
                ],
                "cause": pd.array([c if c else None for c in causes], dtype="Int64"),
            },
            columns=EVENT_COLUMNS,
        )
        if record.states:
            s_times, s_assets, services, manual = zip(*record.states)
        else:
            s_times = s_assets = services = manual = ()
        states = pd.DataFrame(
            {
                "time_min": pd.array(s_times, dtype="float64"),
                "asset": [ids[i] for i in s_assets],
                "status": [status_of(s) for s in services],
                "service": pd.array(services, dtype="float64"),
                "manual": pd.array(manual, dtype="bool"),
            },
            columns=STATE_COLUMNS,
        )
        population = {a.id: a.population for a in assets if a.population}
        metrics = run_metrics(states, population, record.until_min, len(record.events))
        manifest = _manifest(record, lang)
        return cls(events, states, metrics, manifest)

    # --- files ----------------------------------------------------------------------------------
    def save(self, path: str | Path, overwrite: bool = False, command: list[str] | None = None) -> Path:
        """Write the run directory atomically: events.csv, states.csv, metrics.json, manifest.json."""
        path = Path(path)
        manifest = dict(self.manifest)
        manifest["written"] = datetime.now(UTC).isoformat(timespec="seconds")
        if command is not None:
            manifest["command"] = command
        with atomic_directory(path, overwrite) as tmp:
            self.events.to_csv(tmp / "events.csv", index=False, lineterminator="\n")
            self.states.to_csv(tmp / "states.csv", index=False, lineterminator="\n")
            _write_json(tmp / "metrics.json", self.metrics)
            _write_json(tmp / "manifest.json", manifest)
        self.path = path
        self.manifest = manifest
        return path

    @classmethod
    def load(cls, path: str | Path) -> Results:
        """Open a run directory written by ``save`` (or ``rampsim run``)."""
        path = Path(path)
        events = pd.read_csv(
            path / "events.csv",
            dtype={"id": "int64", "time_min": "float64", "level": "Float64", "cause": "Int64"},
            keep_default_na=False,
            na_values={"level": [""], "cause": [""]},
        )
        states = pd.read_csv(path / "states.csv", dtype={"time_min": "float64", "service": "float64", "manual": "bool"})
        metrics = json.loads((path / "metrics.json").read_text(encoding="utf-8"))
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return cls(events, states, metrics, manifest, path)

    # --- questions --------------------------------------------------------------------------------
    def explain(self, event_id: int) -> pd.DataFrame:
        """The chain of causes of an event back to its inject (newest first)."""
        by_id = self.events.set_index("id")
        chain = []
        current: Any = event_id
        while current is not None and not pd.isna(current):
            row = by_id.loc[int(current)]
            chain.append(int(current))
            current = row["cause"]
        return self.events.set_index("id").loc[chain].reset_index()

    def __repr__(self) -> str:
        return (
            f"<Results {self.manifest.get('scenario', {}).get('name', '')!r}: {len(self.events)} events, "
            f"{self.metrics.get('assets_failed')} assets failed>"
        )


class _Clock:
    """Wall-clock text for a minute offset, cached (many events share an instant)."""

    def __init__(self, start: datetime):
        self.start_utc = start.astimezone(UTC)
        self.tz = start.tzinfo
        self.cache: dict[float, str] = {}

    def __call__(self, minutes: float) -> str:
        text = self.cache.get(minutes)
        if text is None:
            moment = (self.start_utc + timedelta(minutes=minutes)).astimezone(self.tz)
            text = self.cache[minutes] = moment.isoformat(timespec="seconds")
        return text


def _manifest(record: RunRecord, lang: str) -> dict:
    scenario = record.scenario
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "scenario": {
            "name": scenario.name,
            "path": str(scenario.path) if scenario.path else None,
            "resolved": scenario.spec.model_dump(mode="json", by_alias=True),
        },
        "sources": [{"path": str(s.path), "sha256": s.sha256} for s in scenario.sources],
        "seed": record.seed,
        "until_min": record.until_min,
        "inject_times_min": list(record.inject_times),
        "language": lang,
        "assets": len(scenario.graph),
        "versions": {"python": platform.python_version(), **versions},
        "platform": sys.platform,
        "runtime_s": round(record.runtime_s, 3),
    }


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
