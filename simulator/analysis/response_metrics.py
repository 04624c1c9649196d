"""Metrics of the response: pure functions of the events, jobs and deadlines tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..engine.eventkinds import INCIDENT_FACTS

__all__ = ["response_metrics"]


def _first_times(events: pd.DataFrame, kind: str, key: str) -> dict:
    rows = events[events["kind"] == kind]
    out: dict = {}
    for value, time in zip(rows[key], rows["time_min"]):
        out.setdefault(value, float(time))
    return out


def root_injects(events: pd.DataFrame) -> np.ndarray:
    """Per event row, the id of the inject event its chain of causes leads back to (0: none).

    Event ids are 1, 2, 3, ... in row order and a cause is always an earlier event, so the chains
    are followed by pointer jumping over an array indexed by event id.
    """
    ids = events["id"].to_numpy(dtype=np.int64)
    if len(ids) == 0:
        return np.zeros(0, dtype=np.int64)
    parent = np.zeros(int(ids.max()) + 1, dtype=np.int64)
    causes = pd.to_numeric(events["cause"], errors="coerce").fillna(0).to_numpy(dtype=np.int64)
    parent[ids] = causes
    is_inject = (events["kind"] == "inject").to_numpy()
    parent[ids[is_inject]] = ids[is_inject]  # an inject is its own root
    while True:
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            break
        parent = jumped
    roots = parent[ids]
    roots[~is_inject & (roots == 0)] = 0
    return roots


def detection_delays(events: pd.DataFrame, inject_times: Mapping[str, float]) -> dict[str, tuple[float, float]]:
    """Inject id -> (first minute anyone knew of the incident or of what it did, minutes from its
    inject to then), for every incident that became known. What it did: the events whose causes
    lead back to its inject."""
    trouble = _trouble(events)
    trouble = trouble[trouble["known_min"].notna()]
    if trouble.empty:
        return {}
    roots = pd.Series(root_injects(events), index=events.index).loc[trouble.index]
    injects = events[events["kind"] == "inject"]
    inject_ref = dict(zip(injects["id"].astype(int), injects["ref"]))
    first: dict[str, float] = {}
    for root, minute in zip(roots.to_numpy(), trouble["known_min"].to_numpy(dtype=float)):
        ref = inject_ref.get(int(root))
        if ref is not None and ref in inject_times and minute < first.get(ref, float("inf")):
            first[ref] = float(minute)
    return {ref: (minute, minute - float(inject_times[ref])) for ref, minute in first.items()}


def _trouble(events: pd.DataFrame) -> pd.DataFrame:
    """Events that mean an incident hit an asset, or that an asset failed or degraded."""
    return events[events["kind"].isin(INCIDENT_FACTS) | events["kind"].isin(["asset.failed", "asset.degraded"])]


def response_metrics(
    events: pd.DataFrame,
    jobs: pd.DataFrame,
    deadlines: pd.DataFrame,
    inject_class: Mapping[str, str],
    grip_reached: Mapping[int, float] | None = None,
    inject_times: Mapping[str, float] | None = None,
) -> dict:
    """``time_to_detection_min`` (minutes from an incident's inject to the first awareness of it or
    of what it did, for the incident known first), ``time_to_detection_by_inject_min`` (inject id ->
    those minutes), ``first_known_after_start_min`` (minutes from the scenario start to the first
    awareness of any incident or of what it did), ``grip_max``,
    ``time_to_grip_min`` (level -> minute reached, a level skipped counting as reached with the
    one above it), ``teams_activated`` (team -> minute
    assembled), ``time_to_containment_min`` (ransomware), ``deadlines`` (id -> started, due,
    done, met), ``crew_wait_min`` (crew -> minutes work waited for it, call-out included),
    ``incidents_by_class``. ``inject_times``: inject id -> minute it was injected."""
    known = _trouble(events)["known_min"].dropna()
    delays = detection_delays(events, inject_times or {})
    first_known = min(delays.values(), default=None)  # (minute known, delay): the earliest, then the quickest
    escalated = events[events["kind"] == "grip.escalated"]
    grip: dict = {}
    if grip_reached is not None:
        grip = {str(level): float(t) for level, t in sorted(grip_reached.items())}
    else:
        for level, time in zip(escalated["grip"], escalated["time_min"]):
            grip.setdefault(str(int(level)), float(time))
    contained = events.loc[events["kind"] == "cyber.contained", "time_min"]
    waits = jobs.dropna(subset=["wait_min"]).query("crew != ''").groupby("crew")["wait_min"].sum()
    injected = events.loc[events["kind"] == "inject", "ref"]
    by_class = Counter(inject_class.get(ref, "") for ref in injected)
    return {
        "time_to_detection_min": first_known[1] if first_known is not None else None,
        "time_to_detection_by_inject_min": {ref: delay for ref, (_, delay) in sorted(delays.items())},
        "first_known_after_start_min": float(known.min()) if len(known) else None,
        "grip_max": int(escalated["grip"].max()) if len(escalated) else 0,
        "time_to_grip_min": grip,
        "teams_activated": _first_times(events, "team.assembled", "ref"),
        "time_to_containment_min": float(contained.min()) if len(contained) else None,
        "deadlines": {
            row.deadline: {
                "name": row.name,
                "org": row.org,
                "started_min": float(row.started_min),
                "due_min": float(row.due_min),
                "done_min": None if pd.isna(row.done_min) else float(row.done_min),
                "met": None if row.met is None or pd.isna(row.met) else bool(row.met),
            }
            for row in deadlines.itertuples(index=False)
        },
        "crew_wait_min": {str(crew): float(minutes) for crew, minutes in waits.items()},
        "incidents_by_class": dict(sorted(by_class.items())),
    }
