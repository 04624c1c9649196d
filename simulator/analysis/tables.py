"""Tidy tables from a run's raw record: events, states, knowledge, crew jobs, deadlines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import numpy as np
import pandas as pd

from ..engine.simulation import RunRecord
from ..engine.state import status_of
from .eventtext import event_message
from .water_tables import basin_names, basins_table

__all__ = [
    "EVENT_COLUMNS",
    "STATE_COLUMNS",
    "KNOWLEDGE_COLUMNS",
    "JOB_COLUMNS",
    "DEADLINE_COLUMNS",
    "events_table",
    "states_table",
    "assets_table",
    "levels_table",
    "LEVEL_COLUMNS",
    "dependencies_table",
    "DEPENDENCY_COLUMNS",
    "light_events_table",
    "render_messages",
    "ASSET_COLUMNS",
    "knowledge_table",
    "jobs_table",
    "deadlines_table",
    "WallClockText",
    "GRIP_KINDS",
    "split_levels",
]

EVENT_COLUMNS = [
    "id",
    "time_min",
    "clock",
    "kind",
    "asset",
    "org",
    "service",
    "grip",
    "message",
    "cause",
    "known_min",
    "ref",
    "data",
]
# Escalation events: the engine logs the ladder's level where other events log the asset's service
# level; the tables keep them in two columns (``service`` 0..1, ``grip`` a whole level).
GRIP_KINDS = frozenset({"grip.escalated", "grip.deescalated", "grip.ended"})
ASSET_COLUMNS = [
    "id",
    "name",
    "sector",
    "kind",
    "owner",
    "municipality",
    "population",
    "population_within",
    "lat",
    "lon",
    "name_plural",
]
STATE_COLUMNS = ["time_min", "asset", "status", "service", "manual"]
KNOWLEDGE_COLUMNS = ["time_min", "org", "event"]
JOB_COLUMNS = ["crew", "kind", "asset", "ref", "queued_min", "started_min", "done_min", "wait_min"]
LEVEL_COLUMNS = ["time_min", "basin", "level_m"]
DEPENDENCY_COLUMNS = ["supplier", "consumer", "type", "need"]
DEADLINE_COLUMNS = ["deadline", "name", "org", "started_min", "due_min", "done_min", "met"]


class WallClockText:
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


def split_levels(kinds, levels) -> tuple[pd.arrays.FloatingArray, pd.arrays.IntegerArray]:
    """(service, grip) columns from the engine's one ``level`` per event: the service level (0..1)
    of the asset, or for an escalation event (``GRIP_KINDS``) the ladder's level."""
    service, grip = [], []
    for kind, level in zip(kinds, levels):
        missing = level is None or pd.isna(level)
        if kind in GRIP_KINDS:
            service.append(None)
            grip.append(None if missing else int(level))
        else:
            service.append(None if missing else float(level))
            grip.append(None)
    return pd.array(service, dtype="Float64"), pd.array(grip, dtype="Int64")


# the ``data`` column: an event's parameters as compact JSON, sorted keys (one encoder for all rows:
# ``json.dumps`` with options builds a new one per call)
_DATA_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _encoded(params) -> list[str]:
    """The ``data`` column: each event's params as JSON, one string per distinct params dict (the
    event log shares equal params, eventlog.py: a large run encodes a few hundred, not a million)."""
    encode = _DATA_ENCODER.encode
    done: dict[int, str] = {}  # id(params) -> text; every params dict stays alive in ``params``
    column = []
    for p in params:
        if not p:
            column.append("")
            continue
        text = done.get(id(p))
        if text is None:
            text = done[id(p)] = encode(p)
        column.append(text)
    return column


def _causes(log) -> pd.arrays.IntegerArray:
    """The ``cause`` column: the log's causes, 0 (no cause) missing."""
    causes = np.frombuffer(log.cause, dtype="int64") if len(log) else np.array([], "int64")
    return pd.arrays.IntegerArray(causes.copy(), causes == 0)


def _known(known: dict[int, float], n: int) -> pd.arrays.FloatingArray:
    """The ``known_min`` column: the minute the crisis organisation first knew of event 1 .. n."""
    values = np.array([known.get(i, np.nan) for i in range(1, n + 1)], dtype="float64")
    return pd.arrays.FloatingArray(values, np.isnan(values))


def events_table(record: RunRecord, lang: str, messages: bool = True) -> pd.DataFrame:
    """One row per event (``EVENT_COLUMNS``); without ``messages`` the ``message`` column is left
    out, for ``RunResults`` to render when someone reads it (a large run: events_file.py)."""
    assets = record.scenario.graph.assets
    ids = [a.id for a in assets]
    labels = record.scenario.graph.labels
    clock = WallClockText(record.scenario.start)
    log = record.events  # read column by column (engine/eventlog.py): no tuple per event
    kinds, asset_idx, params, levels = log.kind, log.asset, log.params, log.levels()
    n = len(log)
    known = record.known_min
    basins = basin_names(basins_table(record))
    service, grip = split_levels(kinds, levels)
    return pd.DataFrame(
        {
            "id": np.arange(1, n + 1, dtype="int64"),
            "time_min": np.frombuffer(log.time_min, dtype="float64").copy() if n else np.array([], "float64"),
            "clock": [clock(t) for t in log.time_min],
            "kind": list(kinds),
            "asset": [ids[i] if i >= 0 else "" for i in asset_idx],
            "org": list(log.org),
            "service": service,
            "grip": grip,
            "message": [
                event_message(k, labels[ids[i]] if i >= 0 else "", p, lv, lang, basins=basins)
                for k, i, p, lv in zip(kinds, asset_idx, params, levels)
            ]
            if messages
            else None,
            "cause": _causes(log),
            "known_min": _known(known, n),
            "ref": list(log.ref),
            "data": _encoded(params),
        },
        columns=EVENT_COLUMNS if messages else [c for c in EVENT_COLUMNS if c != "message"],
        copy=False,  # the columns are built here for this table alone: no second copy of each
    )


def assets_table(record: RunRecord) -> pd.DataFrame:
    """The assets of the run, so that a run directory can be read (and relabelled) on its own;
    ``name`` is the name people read (model/labels.py)."""
    labels = record.scenario.graph.labels
    rows = [
        (
            a.id,
            labels[a.id],
            a.sector,
            a.kind,
            a.owner or "",
            a.municipality,
            a.population,
            a.population_within or "",
            a.location.lat if a.location else None,
            a.location.lon if a.location else None,
            a.name_plural,
        )
        for a in record.scenario.graph.assets
    ]
    return pd.DataFrame(rows, columns=ASSET_COLUMNS).astype({"lat": "Float64", "lon": "Float64"})


def render_messages(events: pd.DataFrame, names: dict[str, str], basins: dict[str, str], lang: str) -> list[str]:
    """The events' messages in ``lang``, from their kind, ``data``, asset names and basin names."""
    return [
        event_message(
            kind,
            names.get(asset, asset),
            json.loads(data) if data else None,
            None if pd.isna(level) else float(level),
            lang,
            basins=basins,
        )
        for kind, asset, data, level in zip(events["kind"], events["asset"], events["data"], events["service"])
    ]


def states_table(record: RunRecord) -> pd.DataFrame:
    ids = [a.id for a in record.scenario.graph.assets]
    columns = list(zip(*record.states)) if record.states else [()] * 4
    times, assets, services, manual = columns
    return pd.DataFrame(
        {
            "time_min": pd.array(times, dtype="float64"),
            "asset": [ids[i] for i in assets],
            "status": [status_of(s) for s in services],
            "service": pd.array(services, dtype="float64"),
            "manual": pd.array(manual, dtype="bool"),
        },
        columns=STATE_COLUMNS,
        copy=False,
    )


def knowledge_table(record: RunRecord) -> pd.DataFrame:
    """Who learned of which event when: one row per organisation and event (built column by
    column: from the rows, pandas would hold all of them once more as one block of objects)."""
    knowledge = record.knowledge  # columns (engine/eventlog.py KnowledgeLog)
    if not len(knowledge):
        return pd.DataFrame(columns=KNOWLEDGE_COLUMNS).astype({"time_min": "float64", "event": "int64"})
    columns = {
        "time_min": np.frombuffer(knowledge.time_min, dtype="float64").copy(),
        "org": list(knowledge.org),
        "event": np.frombuffer(knowledge.event, dtype="int64").copy(),
    }
    return pd.DataFrame(columns, columns=KNOWLEDGE_COLUMNS, copy=False)


def jobs_table(record: RunRecord) -> pd.DataFrame:
    """The crews' work: repairs and actions, when queued, started (after waiting) and done."""
    ids = [a.id for a in record.scenario.graph.assets]
    rows = [
        (
            job.crew,
            job.kind,
            ids[job.asset] if job.asset >= 0 else "",
            job.ref,
            job.queued_min,
            job.started_min,
            job.done_min,
            None if job.started_min is None else job.started_min - job.queued_min,
        )
        for job in record.jobs
    ]
    frame = pd.DataFrame(rows, columns=JOB_COLUMNS)
    return frame.astype(dict.fromkeys(("queued_min", "started_min", "done_min", "wait_min"), "Float64"))


def deadlines_table(record: RunRecord) -> pd.DataFrame:
    rows = [(c.key, c.name, c.org, c.started_min, c.due_min, c.done_min, c.met) for c in record.deadlines.values()]
    return pd.DataFrame(rows, columns=DEADLINE_COLUMNS)


def levels_table(record: RunRecord) -> pd.DataFrame:
    """Basin water levels (m NAP), sampled every 10 minutes and at every change of what drives them."""
    rows = [(t, basin, level) for basin, samples in record.levels.items() for t, level in samples]
    return pd.DataFrame(rows, columns=LEVEL_COLUMNS).astype({"time_min": "float64", "level_m": "float64"})


def dependencies_table(record: RunRecord) -> pd.DataFrame:
    """Supplier -> consumer links (one row per supplier of each need), for figures of the cascade."""
    rows = [
        (supplier, asset.id, need.type, j)
        for asset in record.scenario.graph.assets
        for j, need in enumerate(asset.needs)
        for supplier in need.suppliers
    ]
    return pd.DataFrame(rows, columns=DEPENDENCY_COLUMNS)


def light_events_table(record: RunRecord) -> pd.DataFrame:
    """The events without their sentences (for metrics of many replications)."""
    log = record.events
    n = len(log)
    service, grip = split_levels(log.kind, log.levels())
    return pd.DataFrame(
        {
            "id": list(range(1, n + 1)),
            "time_min": pd.array(log.times(), dtype="float64"),
            "kind": list(log.kind),
            "service": service,
            "grip": grip,
            "cause": _causes(log),
            "known_min": _known(record.known_min, n),
            "ref": list(log.ref),
        }
    )
