"""Evidence or a fast restore: the metrics of the dilemma (analysis/evidence_metrics.py).

One server (offline backups: restore 1 day), encrypted at 0; a citizen reports the failure at
10, so the ransomware is known at 10. The police's digital detectives (crew of one, at work at
once) make forensic images for 6 h; the restore (1 day, no crew) either waits for them or not::

    evidence first:  images 10 -> 370 (secured at 370); restore 370 -> 1810: waited 360 min
    fast restore:    restore 10 -> 1450 (evidence lost at 10); images 10 -> 370: nothing left
"""

from __future__ import annotations

from conftest import build, run

from simulator.analysis.runpath import record_metrics

POLICE = [{"id": "politie", "crews": [{"id": "cyber", "size": 1}]}]
SERVER = [{"id": "server", "sector": "ict", "exposure": "high", "backups": "offline"}]
RANSOM = {"type": "cyber.ransomware", "target": "server", "restore": {"offline": "1d", "online": "10d", "none": "30d"}}
EVIDENCE = {
    "id": "bewijs",
    "when": {"incident_known": "cyber.ransomware"},
    "action": "secure_evidence",
    "crew": "politie/cyber",
    "duration": "6h",
}


def dilemma_run(restore_first: bool):
    restore = {"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore"}
    if restore_first:
        restore["restore_first"] = True
    scenario = build(
        SERVER,
        [RANSOM],
        POLICE,
        response={"reporting": {"delay": "10min"}},
        rules=[EVIDENCE, restore],
        duration="3d",
    )
    return run(scenario)


def dilemma(restore_first: bool) -> dict:
    return record_metrics(dilemma_run(restore_first))


def evidence_part(metrics: dict) -> dict:
    return {k: v for k, v in metrics.items() if k.startswith("evidence")}


def test_evidence_first_secures_it_and_costs_six_hours_of_downtime():
    metrics = dilemma(restore_first=False)
    assert evidence_part(metrics) == {
        "evidence": {"server": {"secured_min": 370.0, "lost_min": None, "restore_waited_min": 360.0}},
        "evidence_secured": 1,
        "evidence_lost": 0,
        "evidence_complete": True,
        "evidence_wait_min": 360.0,
    }
    # down from 0 until the restore is done at 370 + 1440
    assert metrics["downtime_min"] == {"server": 1810.0}


def test_fast_restore_loses_the_evidence_and_waits_for_nothing():
    metrics = dilemma(restore_first=True)
    assert evidence_part(metrics) == {
        "evidence": {"server": {"secured_min": None, "lost_min": 10.0, "restore_waited_min": 0.0}},
        "evidence_secured": 0,
        "evidence_lost": 1,
        "evidence_complete": False,
        "evidence_wait_min": 0.0,
    }
    assert metrics["downtime_min"] == {"server": 1450.0}


def test_the_difference_between_the_variants_is_the_wait():
    """Fast restore saves exactly the minutes the evidence-first restore waited."""
    slow, fast = dilemma(restore_first=False), dilemma(restore_first=True)
    saved = slow["downtime_min"]["server"] - fast["downtime_min"]["server"]
    assert saved == slow["evidence_wait_min"] == 360.0


def test_images_made_after_the_wipe_secure_nothing():
    """In the fast variant the detectives finish at 370, after the restore began: no evidence.secured."""
    record = dilemma_run(restore_first=True)
    kinds = [(e.time_min, e.kind, e.ref) for e in record.events if e.kind.startswith("evidence.")]
    assert kinds == [(10.0, "evidence.lost", "herstel")]
    no_effect = [(e.time_min, e.ref) for e in record.events if e.kind == "action.no_effect"]
    assert no_effect == [(370.0, "bewijs")]


def test_no_evidence_at_stake_without_secure_evidence():
    scenario = build(
        SERVER,
        [RANSOM],
        POLICE,
        response={"reporting": {"delay": "10min"}},
        rules=[{"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore"}],
        duration="3d",
    )
    metrics = record_metrics(run(scenario))
    assert evidence_part(metrics) == {
        "evidence": {},
        "evidence_secured": 0,
        "evidence_lost": 0,
        "evidence_complete": None,
        "evidence_wait_min": 0.0,
    }
