"""Metrics of the criminal investigation: was the evidence secured, and what did it cost?

Securing evidence (playbook action ``secure_evidence``: forensic images before a system is wiped)
and a fast restore pull against each other. When the playbook secures evidence, a restore or
repair of the asset waits for the images (``evidence.restore_waited`` logs how long); a restore
with ``restore_first`` does not wait and the evidence is lost (``evidence.lost``). Times in minutes
after the scenario start.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine.eventlog import EventLog

__all__ = ["evidence_metrics", "EVIDENCE_KINDS"]

EVIDENCE_KINDS = ("evidence.secured", "evidence.lost", "evidence.restore_waited")


def evidence_metrics(events: EventLog, asset_ids: Sequence[str]) -> dict:
    """From the run's event log (its ``kind`` column, then the evidence events as ``Event`` tuples:
    ``time_min``, ``kind``, ``asset``, ``params``):

    - ``evidence``: asset id -> ``secured_min`` (images made), ``lost_min`` (restored before
      them), ``restore_waited_min`` (minutes its restore or repair waited for them; 0 if it did
      not wait), for every asset whose evidence was at stake;
    - ``evidence_secured``: assets whose images were made; ``evidence_lost``: assets whose
      evidence was lost; ``evidence_complete``: True when evidence was at stake and none was lost,
      False when some was lost, None when no evidence was at stake;
    - ``evidence_wait_min``: the minutes restores and repairs waited for the images in all, the
      extra downtime that securing the evidence cost.
    """
    per_asset: dict[str, dict] = {}
    for i, kind in enumerate(events.kind):
        if kind not in EVIDENCE_KINDS:
            continue
        event = events[i]
        if event.asset < 0:
            continue
        entry = per_asset.setdefault(
            asset_ids[event.asset], {"secured_min": None, "lost_min": None, "restore_waited_min": 0.0}
        )
        if event.kind == "evidence.secured" and entry["secured_min"] is None:
            entry["secured_min"] = float(event.time_min)
        elif event.kind == "evidence.lost" and entry["lost_min"] is None:
            entry["lost_min"] = float(event.time_min)
        elif event.kind == "evidence.restore_waited":
            entry["restore_waited_min"] += float((event.params or {}).get("minutes", 0.0))
    secured = sum(1 for e in per_asset.values() if e["secured_min"] is not None)
    lost = sum(1 for e in per_asset.values() if e["lost_min"] is not None)
    return {
        "evidence": dict(sorted(per_asset.items())),
        "evidence_secured": secured,
        "evidence_lost": lost,
        "evidence_complete": None if not per_asset else lost == 0,
        "evidence_wait_min": float(sum(e["restore_waited_min"] for e in per_asset.values())),
    }
