"""Results of a run as tidy pandas tables, written to and read from a run directory."""

from __future__ import annotations

import json
import platform
import sys
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from ..engine.eventkinds import STATUS_KINDS
from ..engine.simulation import RunRecord
from ..messages import default_language
from ..model.gcpause import gc_paused
from ..model.incidents import INCIDENT_CLASSES
from ..model.labels import asset_labels
from ..model.portfolios import portfolio_records
from .episodes import cause_chain, explained_failures
from .events_file import CSV_NAME, PARQUET_NAME, events_path, read_events_parquet, writes_parquet
from .rundir import atomic_directory
from .runpath import record_metrics
from .tables import (
    ASSET_COLUMNS,
    DEPENDENCY_COLUMNS,
    EVENT_COLUMNS,
    JOB_COLUMNS,
    KNOWLEDGE_COLUMNS,
    LEVEL_COLUMNS,
    STATE_COLUMNS,
    assets_table,
    dependencies_table,
    events_table,
    jobs_table,
    knowledge_table,
    levels_table,
    render_messages,
    split_levels,
    states_table,
)
from .water_tables import BASIN_COLUMNS, ZONE_COLUMNS, basin_names, basins_table, read_water_tables, zones_table

__all__ = ["Results", "RunResults", "EVENT_COLUMNS", "STATE_COLUMNS"]

_PACKAGES = ("rampsim", "simpy", "networkx", "numpy", "pandas", "pydantic", "PyYAML")


class Results:
    """What an analyst holds, of a run (``RunResults``) or of an ensemble (``EnsembleResults``).

    ``Results.load(path)`` opens either directory and returns the right one; both have
    ``manifest``, ``path``, ``summary()``, ``save(path)`` and ``scenario_start()``.
    """

    is_ensemble = False
    manifest: dict
    path: Path | None

    @classmethod
    def load(cls, path: str | Path) -> Results:
        """Open a run directory (``rampsim run``: ``RunResults``) or an ensemble directory
        (``rampsim ensemble``: ``EnsembleResults``)."""
        path = Path(path)
        if (path / "replications.parquet").exists():
            from .ensemble_results import EnsembleResults  # it builds on this class

            return EnsembleResults.read(path)
        return RunResults.read(path)

    @classmethod
    def from_record(cls, record: RunRecord, lang: str | None = None) -> RunResults:
        """The results of one run, from the engine's raw record (messages in ``lang``)."""
        with gc_paused():
            return RunResults.build(record, lang)

    @classmethod
    def for_ensemble(
        cls,
        replications: pd.DataFrame,
        assets: pd.DataFrame,
        summary: dict,
        manifest: dict,
        failures: pd.DataFrame | None = None,
    ) -> Results:
        """An ensemble's results (see ``EnsembleResults``)."""
        from .ensemble_results import EnsembleResults

        return EnsembleResults(replications, assets, summary, manifest, failures)

    def summary(self) -> dict:
        raise NotImplementedError

    def save(self, path: str | Path, overwrite: bool = False) -> Path:
        raise NotImplementedError

    def _first_clock(self) -> tuple[str, float] | None:
        """(clock text, minute) of the first event, for directories without a resolved start."""
        return None

    def scenario_start(self) -> datetime:
        """The scenario's start, aware, in its time zone (as ``Scenario.start``): from the manifest's
        resolved scenario; for an older run directory the first event's clock minus its minute;
        1970-01-01 UTC when there is neither."""
        resolved = self.manifest.get("scenario", {}).get("resolved") or {}
        zone = ZoneInfo(resolved.get("timezone") or "Europe/Amsterdam")  # the scenario file's default
        first = self._first_clock()
        if resolved.get("start"):
            start = datetime.fromisoformat(str(resolved["start"]))
        elif first is not None:
            start = datetime.fromisoformat(first[0]) - timedelta(minutes=first[1])
        else:
            return datetime(1970, 1, 1, tzinfo=UTC)
        return start.replace(tzinfo=zone) if start.tzinfo is None else start.astimezone(zone)


class RunResults(Results):
    """One run: ``events`` and ``states`` DataFrames, ``metrics``, ``manifest``, and the tables
    ``knowledge``, ``jobs``, ``assets``, ``levels``, ``dependencies``, ``basins``, ``zones``.

    ``events``: one row per event (columns ``EVENT_COLUMNS``; ``time_min`` in minutes after the
    scenario start, ``clock`` the wall-clock time with offset, ``service`` the asset's service
    level right after the event (0..1), ``grip`` the GRIP level of an escalation event, ``cause``
    the id of the event that led to it, empty for injects). ``states``: one row per change of an
    asset's service level (every asset starts operational at service 1 at minute 0).
    """

    def __init__(
        self,
        events: pd.DataFrame,
        states: pd.DataFrame,
        metrics: dict,
        manifest: dict,
        path: Path | None = None,
        tables: dict[str, pd.DataFrame] | None = None,
    ):
        self.states = states
        self.metrics = metrics
        self.manifest = manifest
        self.events = events  # through the setter: a large run's sentences wait until read
        self.path = path
        tables = tables or {}
        self.knowledge = tables.get("knowledge", pd.DataFrame(columns=KNOWLEDGE_COLUMNS))
        self.jobs = tables.get("jobs", pd.DataFrame(columns=JOB_COLUMNS))
        self.assets = tables.get("assets", pd.DataFrame(columns=ASSET_COLUMNS))
        self.levels = tables.get("levels", pd.DataFrame(columns=LEVEL_COLUMNS))
        self.dependencies = tables.get("dependencies", pd.DataFrame(columns=DEPENDENCY_COLUMNS))
        self.basins = tables.get("basins", pd.DataFrame(columns=BASIN_COLUMNS))
        self.zones = tables.get("zones", pd.DataFrame(columns=ZONE_COLUMNS))

    @property
    def events(self) -> pd.DataFrame:
        """The events, with their sentences (rendered now if this large run had not yet)."""
        if self._messages_lang is not None:
            self._events = self.with_messages(self._events)
            self._messages_lang = None
        return self._events

    @events.setter
    def events(self, events: pd.DataFrame) -> None:
        self._events = events
        # a large run's sentences are rendered when first read (events_file.py), in this language
        pending = "message" not in events.columns
        self._messages_lang = (self.manifest.get("language") or default_language()) if pending else None

    @property
    def events_without_messages(self) -> pd.DataFrame:
        """The events as they are held: without the ``message`` column in a large run not yet read."""
        return self._events

    def with_messages(self, events: pd.DataFrame) -> pd.DataFrame:
        """``events`` (rows of this run's events) with their sentences: only those rows rendered."""
        if "message" in events.columns:
            return events
        names = dict(zip(self.assets["id"].tolist(), self.assets["name"].tolist()))
        lang = self._messages_lang or self.manifest.get("language") or default_language()
        out = events.copy()
        out["message"] = (
            render_messages(out, names, basin_names(self.basins), lang) if len(out) else pd.Series(dtype=object)
        )
        return out[[c for c in EVENT_COLUMNS if c in out.columns]]

    def summary(self) -> dict:
        """The run's metrics."""
        return self.metrics

    def _first_clock(self) -> tuple[str, float] | None:
        if not len(self._events):
            return None
        first = self._events.iloc[0]
        return str(first["clock"]), float(first["time_min"])

    # --- building -------------------------------------------------------------------------------
    @classmethod
    def build(cls, record: RunRecord, lang: str | None) -> RunResults:
        lang = lang or record.scenario.spec.language or default_language()
        events = events_table(record, lang, messages=not writes_parquet(len(record.events)))
        states = states_table(record)
        tables = {
            "knowledge": knowledge_table(record),
            "jobs": jobs_table(record),
            "assets": assets_table(record),
            "levels": levels_table(record),
            "dependencies": dependencies_table(record),
            "basins": basins_table(record),
            "zones": zones_table(record),
        }
        metrics = record_metrics(record, events, states, tables["jobs"])
        manifest = _manifest(record, lang)
        return cls(events, states, metrics, manifest, tables=tables)

    # --- files ----------------------------------------------------------------------------------
    def save(self, path: str | Path, overwrite: bool = False, command: list[str] | None = None) -> Path:
        """Write the run directory atomically: events.csv, states.csv, metrics.json, manifest.json."""
        path = Path(path)
        manifest = dict(self.manifest)
        manifest["written"] = datetime.now(UTC).isoformat(timespec="seconds")
        if command is not None:
            manifest["command"] = command
        with atomic_directory(path, overwrite) as tmp:
            if writes_parquet(len(self._events)):
                # without its sentences (a large run has none yet: the frame itself, no copy of it)
                frame = self._events
                if "message" in frame.columns:
                    frame = frame.drop(columns=["message"])
                frame.to_parquet(tmp / PARQUET_NAME, index=False)
            else:
                self.events.to_csv(tmp / CSV_NAME, index=False, lineterminator="\n")
            self.states.to_csv(tmp / "states.csv", index=False, lineterminator="\n")
            self.knowledge.to_csv(tmp / "knowledge.csv", index=False, lineterminator="\n")
            self.jobs.to_csv(tmp / "jobs.csv", index=False, lineterminator="\n")
            self.assets.to_csv(tmp / "assets.csv", index=False, lineterminator="\n")
            self.dependencies.to_csv(tmp / "dependencies.csv", index=False, lineterminator="\n")
            if len(self.levels):
                self.levels.to_csv(tmp / "levels.csv", index=False, lineterminator="\n")
            for name, table in (("basins", self.basins), ("zones", self.zones)):
                if len(table):
                    table.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
            _write_json(tmp / "metrics.json", self.metrics)
            _write_json(tmp / "manifest.json", manifest)
        self.path = path
        self.manifest = manifest
        return path

    @classmethod
    def read(cls, path: str | Path) -> RunResults:
        """Open a run directory (``rampsim run``)."""
        path = Path(path)
        if events_path(path) == path / PARQUET_NAME:
            return cls._read_rest(path, read_events_parquet(path / PARQUET_NAME))
        events = pd.read_csv(
            path / CSV_NAME,
            dtype={
                "id": "int64",
                "time_min": "float64",
                "level": "Float64",
                "service": "Float64",
                "grip": "Int64",
                "cause": "Int64",
                "known_min": "Float64",
                "clock": str,
                "kind": str,
                "asset": str,
                "org": str,
                "message": str,
                "ref": str,
                "data": str,
            },
            keep_default_na=False,
            na_values={"level": [""], "service": [""], "grip": [""], "cause": [""], "known_min": [""]},
        )
        if "level" in events.columns:  # written before the service and GRIP levels had columns of their own
            events["service"], events["grip"] = split_levels(events["kind"], events.pop("level"))
            events = events[[c for c in EVENT_COLUMNS if c in events.columns]]
        return cls._read_rest(path, events)

    @classmethod
    def _read_rest(cls, path: Path, events: pd.DataFrame) -> RunResults:
        """The run directory's other files, beside its ``events``."""
        tables = {}
        if (path / "knowledge.csv").exists():
            tables["knowledge"] = pd.read_csv(
                path / "knowledge.csv",
                dtype={"time_min": "float64", "org": str, "event": "int64"},
                keep_default_na=False,
            )
        if (path / "assets.csv").exists():
            tables["assets"] = pd.read_csv(
                path / "assets.csv",
                keep_default_na=False,
                na_values={"lat": [""], "lon": [""]},
                dtype={
                    "id": str,
                    "name": str,
                    "sector": str,
                    "kind": str,
                    "owner": str,
                    "municipality": str,
                    "population": "int64",
                    "lat": "Float64",
                    "lon": "Float64",
                    "name_plural": "bool",
                },
            )
            assets = tables["assets"]  # a run written before the labels rule: names as labels (model/labels.py)
            if {"id", "name", "municipality"} <= set(assets.columns):
                labels = asset_labels(zip(assets["id"], assets["name"], assets["municipality"]))
                assets["name"] = assets["id"].map(labels)
        if (path / "dependencies.csv").exists():
            tables["dependencies"] = pd.read_csv(path / "dependencies.csv", dtype=str, keep_default_na=False).astype(
                {"need": "int64"}
            )
        if (path / "levels.csv").exists():
            tables["levels"] = pd.read_csv(
                path / "levels.csv", dtype={"time_min": "float64", "basin": str, "level_m": "float64"}
            )
        if (path / "jobs.csv").exists():
            tables["jobs"] = pd.read_csv(
                path / "jobs.csv",
                keep_default_na=False,
                na_values={c: [""] for c in JOB_COLUMNS[4:]},
                dtype={"crew": str, "kind": str, "asset": str, "ref": str, **dict.fromkeys(JOB_COLUMNS[4:], "Float64")},
            )
        tables.update(read_water_tables(path))
        states = pd.read_csv(
            path / "states.csv",
            dtype={"time_min": "float64", "asset": str, "status": str, "service": "float64", "manual": "bool"},
            keep_default_na=False,
        )
        metrics = json.loads((path / "metrics.json").read_text(encoding="utf-8"))
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return cls(events, states, metrics, manifest, path, tables)

    # --- questions --------------------------------------------------------------------------------
    @property
    def decisions(self) -> pd.DataFrame:
        """The players' decisions of a played exercise (empty for a playbook-only run): one row
        each, ``DECISION_COLUMNS``; ``decision`` holds the decision as written in a decisions file."""
        return pd.DataFrame(self.manifest.get("decisions", []), columns=DECISION_COLUMNS)

    def explain(self, event_id: int) -> pd.DataFrame:
        """The chain of causes of an event back to its inject (newest first)."""
        # the sentences of the chain's rows only
        return self.with_messages(cause_chain(self.events_without_messages, event_id))

    def in_language(self, lang: str) -> RunResults:
        """The same results with every message in ``lang`` (``en`` or ``nl``)."""
        if lang == self.manifest.get("language"):
            return self
        manifest = {**self.manifest, "language": lang}
        events = self._events.drop(columns=["message"], errors="ignore")
        if self._messages_lang is None:  # rendered here; a large run's stay for when they are read
            names = dict(zip(self.assets["id"], self.assets["name"]))
            events = events.assign(message=render_messages(events, names, basin_names(self.basins), lang))[
                EVENT_COLUMNS
            ]
        tables = {
            "knowledge": self.knowledge,
            "jobs": self.jobs,
            "assets": self.assets,
            "levels": self.levels,
            "dependencies": self.dependencies,
            "basins": self.basins,
            "zones": self.zones,
        }
        return RunResults(events, self.states, self.metrics, manifest, self.path, tables)

    def known_at(self, t: float, org: str | None = None) -> pd.DataFrame:
        """The events known at minute ``t`` (to ``org``, or to anyone): the situational picture.

        One row per event with ``known_min <= t`` (for ``org``: the minute that organisation
        learned of it), in event order.
        """
        if org is None:
            known = self.events[self.events["known_min"].notna() & (self.events["known_min"] <= t)]
            return known.reset_index(drop=True)
        rows = self.knowledge[(self.knowledge["org"] == org) & (self.knowledge["time_min"] <= t)]
        learned = rows.groupby("event")["time_min"].min()
        picture = self.events[self.events["id"].isin(learned.index)].copy()
        picture["known_min"] = picture["id"].map(learned).astype("Float64")
        return picture.reset_index(drop=True)

    def status_known_at(self, t: float, org: str | None = None) -> pd.DataFrame:
        """Per asset, the last status the organisation knew of at minute ``t`` (assets it knew
        nothing about are absent): ``asset, status, service, since_min, known_min``."""
        picture = self.known_at(t, org)
        status = picture[picture["kind"].isin(STATUS_KINDS)]
        last = status.groupby("asset", sort=False).tail(1)
        return pd.DataFrame(
            {
                "asset": last["asset"].to_numpy(),
                "status": last["kind"].str.removeprefix("asset.").to_numpy(),
                "service": last["service"].to_numpy(),
                "since_min": last["time_min"].to_numpy(),
                "known_min": last["known_min"].to_numpy(),
            }
        )

    def known_by(self, event_id: int) -> list[tuple[float, str]]:
        """(minute, organisation) for each organisation that learned of the event, earliest first."""
        rows = self.knowledge[self.knowledge["event"] == event_id].sort_values("time_min", kind="stable")
        return [(float(t), str(o)) for t, o in zip(rows["time_min"], rows["org"])]

    def explain_asset(self, asset: str) -> list[dict]:
        """Why ``asset`` failed and when it came back: one entry per failure, with the chain of
        causes back to the inject (``failure``), the chains of its later worsenings (``later``),
        the changes of service in between (``between``) and the chain of its return
        (``recovery``, or None): ``episodes.explained_failures``."""
        return explained_failures(self.events_without_messages, asset, self.with_messages)

    def __repr__(self) -> str:
        return (
            f"<RunResults {self.manifest.get('scenario', {}).get('name', '')!r}: {len(self.events)} events, "
            f"{self.metrics.get('assets_failed')} assets failed>"
        )


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
        "injects": [
            {"id": scenario.inject_id(i), "type": inject.type, "class": INCIDENT_CLASSES[inject.type], "at_min": at}
            for i, (inject, at) in enumerate(zip(scenario.injects, record.inject_times))
        ],
        **({"decisions": decision_records(record.decisions)} if record.decisions else {}),
        "language": lang,
        "assets": len(scenario.graph),
        "organisations": {o.id: o.name for o in scenario.organisations if o.name},  # id -> name people read
        **({"portfolios": portfolio_records(scenario.graph.portfolios)} if scenario.graph.portfolios else {}),
        "versions": {"python": platform.python_version(), **versions},
        "platform": sys.platform,
        "runtime_s": round(record.runtime_s, 3),
    }


DECISION_COLUMNS = ["id", "at_min", "by", "action", "target", "crew", "rationale", "taken", "reason", "decision"]


def decision_records(decisions) -> list[dict]:
    """The decisions of a played exercise with their outcomes, for the manifest."""
    return [
        {
            "id": decision_id,
            "at_min": d.at,
            "by": d.by,
            "action": d.action,
            "target": list(d.target),
            "crew": d.crew or "",
            "rationale": d.rationale,
            "taken": taken,
            "reason": reason,
            "decision": d.model_dump(mode="json", exclude_defaults=True, by_alias=True),
        }
        for d, decision_id, taken, reason in decisions
    ]


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
