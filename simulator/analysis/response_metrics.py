"""Metrics of the response: pure functions of the events, jobs and deadlines tables."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from ..engine.eventkinds import INCIDENT_FACTS

__all__ = ["response_metrics"]


def _first_times(events: pd.DataFrame, kind: str, key: str) -> dict:
    rows = events[events["kind"] == kind]
    out: dict = {}
    for value, time in zip(rows[key], rows["time_min"]):
        out.setdefault(value, float(time))
    return out


def response_metrics(
    events: pd.DataFrame,
    jobs: pd.DataFrame,
    deadlines: pd.DataFrame,
    inject_class: Mapping[str, str],
    grip_reached: Mapping[int, float] | None = None,
) -> dict:
    """``time_to_detection_min`` (first awareness of any incident or of what it did), ``grip_max``,
    ``time_to_grip_min`` (level -> minute reached, a level skipped counting as reached with the
    one above it), ``teams_activated`` (team -> minute
    assembled), ``time_to_containment_min`` (ransomware), ``deadlines`` (id -> started, due,
    done, met), ``crew_wait_min`` (crew -> minutes work waited for it, call-out included),
    ``incidents_by_class``."""
    trouble = events[events["kind"].isin(INCIDENT_FACTS) | events["kind"].isin(["asset.failed", "asset.degraded"])]
    known = trouble["known_min"].dropna()
    escalated = events[events["kind"] == "grip.escalated"]
    grip: dict = {}
    if grip_reached is not None:
        grip = {str(level): float(t) for level, t in sorted(grip_reached.items())}
    else:
        for level, time in zip(escalated["level"], escalated["time_min"]):
            grip.setdefault(str(int(level)), float(time))
    contained = events.loc[events["kind"] == "cyber.contained", "time_min"]
    waits = jobs.dropna(subset=["wait_min"]).query("crew != ''").groupby("crew")["wait_min"].sum()
    injected = events.loc[events["kind"] == "inject", "ref"]
    by_class = Counter(inject_class.get(ref, "") for ref in injected)
    return {
        "time_to_detection_min": float(known.min()) if len(known) else None,
        "grip_max": int(escalated["level"].max()) if len(escalated) else 0,
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
