"""Every metric of a run against a hand-computed case.

Each case compares the whole metrics dictionary, so a metric added to ``metrics.json`` without a
hand-computed value here makes these tests fail. The stories are told in the docstrings; every
number follows from the durations in the scenario (all fixed, no randomness).
"""

import pytest
from conftest import build, run
from test_response import RANSOM, REPORTING, it_network

from simulator.analysis.runpath import record_metrics
from simulator.analysis.water_metrics import water_metrics

CREW = [{"id": "net", "crews": [{"id": "ploeg", "size": 1, "callout": "30min"}]}]
GRIP1 = {
    "name": "test",
    "decide": "5min",
    "levels": [{"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": "known_failed >= 1"}],
}


def test_power_outage_with_a_care_home_and_grip():
    """
    The substation fails at 30 (inject ``stroom``). Noordwijk (1,000 residents, no buffer) fails with
    it; the care home (100 residents, living in Noordwijk) has 1 h of battery and fails at 90.
    Reports take 10 min: substation and Noordwijk known at 40, the care home at 100. The crew is
    called out at 40, arrives at 70 (waited 30 min), repairs for 2 h: everything is back at 190.

    - downtime: substation and Noordwijk 190 - 30 = 160 min, the care home 190 - 90 = 100 min;
    - unserved population-hours: Noordwijk 1,000 x 160/60 = 2,666.67; the care home's people live
      in Noordwijk, which was down whenever the home was: nothing more (each person once);
    - detection: known at 40, 10 min after the inject at 30;
    - GRIP 1 (known_failed >= 1) decided 5 min after 40: at 45; the CoPI assembles 30 min later: 75;
    - 27 events: the inject, the outage, 3 failures, 4 need changes, 3 reports, repair queued/called
      out/started/done, GRIP 1, team assembled, 3 returns, 4 need changes back, GRIP ended (6 h after
      190, at 550) and the team dismissed.
    """
    assets = [
        {"id": "sub", "sector": "energy", "owner": "net", "recovery": {"duration": "2h", "crew": "net/ploeg"}},
        {"id": "wijk", "sector": "population", "population": 1000, "needs": [{"type": "power", "from": "sub"}]},
        {
            "id": "home",
            "sector": "health",
            "population": 100,
            "population_within": "wijk",
            "needs": [{"type": "power", "from": "sub", "tolerance": "1h"}],
        },
    ]
    injects = [{"id": "stroom", "type": "outage", "target": "sub", "at": "30min"}]
    record = run(build(assets, injects, CREW, response={**REPORTING, "escalation": GRIP1}, duration="1d"))
    assert len(record.events) == 27
    assert record_metrics(record) == {
        "assets_failed": 3,
        "peak_assets_failed": 3,
        "first_failure_min": {"sub": 30.0, "wijk": 30.0, "home": 90.0},
        "downtime_min": {"sub": 160.0, "wijk": 160.0, "home": 100.0},
        "unserved_population_hours": pytest.approx(1000 * 160 / 60),
        "time_to_full_recovery_min": 190.0,
        "events": 27,
        "time_to_detection_min": 10.0,
        "time_to_detection_by_inject_min": {"stroom": 10.0},
        "first_known_after_start_min": 40.0,
        "grip_max": 1,
        "time_to_grip_min": {"1": 45.0},
        "teams_activated": {"copi": 75.0},
        "time_to_containment_min": None,
        "deadlines": {},
        "crew_wait_min": {"net/ploeg": 30.0},
        "incidents_by_class": {"physical": 1},
        "max_water_level_m": {},
        "flooded_zones": {},
        "dried_zones": {},
        "population_flooded": 0,
        "evidence": {},
        "evidence_secured": 0,
        "evidence_lost": 0,
        "evidence_complete": None,
        "evidence_wait_min": 0.0,
    }


def test_data_theft_and_its_legal_deadline():
    """
    Data stolen from the server at 60 (``lek``), seen by monitoring 2 h later (180): detection 120
    min after the inject, first known 180 min after the start. The AVG clock starts at 180, due
    72 h later (180 + 4,320 = 4,500); the playbook notifies 48 h after it started (3,060): met.
    Nothing fails; the isolation (done at 220) is no containment (that is for ransomware).
    """
    assets = [{"id": "server", "sector": "ict", "owner": "gemeente", "exposure": "high", "monitoring": "2h"}]
    response = {**REPORTING, "deadlines": [{"id": "avg", "name": "AVG", "starts": "exfiltration", "within": "72h"}]}
    rules = [
        {"id": "isoleer", "when": {"incident_known": "cyber.compromise"}, "action": "isolate", "target": ["server"]},
        {"id": "meld", "when": {"deadline_started": "avg"}, "action": "notify", "deadline": "avg", "delay": "48h"},
    ]
    injects = [
        {
            "id": "lek",
            "type": "cyber.compromise",
            "target": "server",
            "at": "1h",
            "effect": "exfiltrate",
            "detect": {"monitoring": "2h"},
        }
    ]
    organisations = [{"id": "gemeente", "crews": [{"id": "ict", "size": 1}]}]
    record = run(build(assets, injects, organisations, response=response, rules=rules, duration="5d"))
    metrics = record_metrics(record)
    assert metrics == {
        "assets_failed": 0,
        "peak_assets_failed": 0,
        "first_failure_min": {},
        "downtime_min": {},
        "unserved_population_hours": 0.0,
        "time_to_full_recovery_min": 0.0,
        "events": len(record.events),
        "time_to_detection_min": 120.0,
        "time_to_detection_by_inject_min": {"lek": 120.0},
        "first_known_after_start_min": 180.0,
        "grip_max": 0,
        "time_to_grip_min": {},
        "teams_activated": {},
        "time_to_containment_min": None,
        "deadlines": {
            "avg/gemeente": {
                "name": "AVG",
                "org": "gemeente",
                "started_min": 180.0,
                "due_min": 4500.0,
                "done_min": 3060.0,
                "met": True,
            }
        },
        "crew_wait_min": {},
        "incidents_by_class": {"cybercrime": 1},
        "max_water_level_m": {},
        "flooded_zones": {},
        "dried_zones": {},
        "population_flooded": 0,
        "evidence": {},
        "evidence_secured": 0,
        "evidence_lost": 0,
        "evidence_complete": None,
        "evidence_wait_min": 0.0,
    }
    # the events, by hand: inject, theft, detection, clock started, 2 rules fired, isolation
    # queued/started/done, notification queued/started/done, deadline met
    assert metrics["events"] == 13


def test_ransomware_contained_by_isolation():
    """
    ws1 encrypted at 60 (inject at 1 h), reported at 70; the isolation of server, ws1 and ws2 takes
    40 min: contained at 110 (the minute of the run: ``time_to_containment_min`` counts from the
    scenario start, as ``time_to_full_recovery_min`` does). The server was hit at 90 (spread after
    30 min), before the cut; ws2 would have been at 120. Restores from backups take a day and more,
    so at the end of the day (1,440) ws1 has been down 1,380 min, the server 1,350 and nothing is back.
    """
    rules = [
        {
            "id": "isoleer",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "isolate",
            "target": ["server", "ws1", "ws2"],
            "duration": "40min",
        }
    ]
    record = run(build(it_network(), [dict(RANSOM, at="1h")], response=REPORTING, rules=rules, duration="1d"))
    metrics = record_metrics(record)
    assert metrics == {
        "assets_failed": 2,
        "peak_assets_failed": 2,
        "first_failure_min": {"ws1": 60.0, "server": 90.0},
        "downtime_min": {"ws1": 1380.0, "server": 1350.0},
        "unserved_population_hours": 0.0,
        "time_to_full_recovery_min": None,
        "events": 20,
        "time_to_detection_min": 10.0,
        "time_to_detection_by_inject_min": {"inject-1": 10.0},
        "first_known_after_start_min": 70.0,
        "grip_max": 0,
        "time_to_grip_min": {},
        "teams_activated": {},
        "time_to_containment_min": 110.0,
        "deadlines": {},
        "crew_wait_min": {},
        "incidents_by_class": {"cybercrime": 1},
        "max_water_level_m": {},
        "flooded_zones": {},
        "dried_zones": {},
        "population_flooded": 0,
        "evidence": {},
        "evidence_secured": 0,
        "evidence_lost": 0,
        "evidence_complete": None,
        "evidence_wait_min": 0.0,
    }


def test_water_metrics_by_hand():
    """Two zones flooded at 200 and 260; the second (300 people) was evacuated at 250, before the
    water came, the first (700) was not: 700 people flooded. Levels rounded to the micrometre."""
    metrics = water_metrics(
        {"polder": -1.2345678, "haven": 0.5},
        {"laag": 260.0, "kade": 200.0},
        {"laag": 300, "kade": 700, "droog": 50},
        {"laag": 250.0},
    )
    assert metrics == {
        "max_water_level_m": {"haven": 0.5, "polder": -1.234568},
        "flooded_zones": {"kade": 200.0, "laag": 260.0},
        "dried_zones": {},
        "population_flooded": 700,
    }
    # evacuated only after the water came: they count
    assert water_metrics({}, {"laag": 260.0}, {"laag": 300}, {"laag": 261.0})["population_flooded"] == 300
