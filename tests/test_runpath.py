"""One path from a run record to its metrics: a single run, an ensemble's replication, a sweep."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import ROOT, build

import simulator
from simulator.analysis.ensemble import SCALAR_METRICS, run_ensemble, run_replication
from simulator.analysis.uncertainty import first_failures

SEED, N = 5, 3
BUNDLED = ["stroomstoring-havenstad", "polder-gemaal-hack", "ransomware-gemeente", "ddos-112-havenstad"]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == pytest.approx(b, rel=0, abs=0)


@pytest.mark.parametrize("name", BUNDLED)
def test_replication_i_has_exactly_the_metrics_of_simulate_with_its_seed(name):
    """Replication i of an ensemble and ``simulate(scenario, seed=SeedSequence(S).spawn(N)[i])``
    go through the same path: every scalar metric and every failed asset's first failure and
    downtime are equal, bit for bit."""
    scenario = simulator.load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    ensemble = run_ensemble(scenario, N, seed=SEED, workers=1)
    for i in range(N):
        single = simulator.simulate(scenario, seed=np.random.SeedSequence(SEED).spawn(N)[i]).metrics
        row = ensemble.replications.iloc[i].to_dict()
        for metric in SCALAR_METRICS:
            value = row[metric]
            value = (
                None
                if value is None or (isinstance(value, float) and math.isnan(value) and single[metric] is None)
                else value
            )
            assert _same(value, single[metric]), (name, i, metric, value, single[metric])
        failed = ensemble.failures[ensemble.failures["replication"] == i]
        assert dict(zip(failed["asset"], failed["first_failure_min"])) == single["first_failure_min"]
        assert dict(zip(failed["asset"], failed["downtime_min"])) == {
            a: single["downtime_min"].get(a, 0.0) for a in failed["asset"]
        }


EVACUATION = {
    "assets": [
        {"id": "net", "name": "Onderstation", "sector": "energy"},
        {
            "id": "wijk",
            "name": "Noordwijk",
            "sector": "population",
            "population": 1000,
            "needs": [{"type": "power", "from": "net"}],
        },
    ],
    "injects": [{"id": "stroomuitval", "type": "outage", "target": "net", "duration": "20h"}],
    "rules": [{"id": "evacuatie", "when": {"at": "2h"}, "action": "evacuate", "target": "wijk"}],
    "duration": "10h",
}


def test_an_evacuation_at_2h_ends_the_unserved_hours_of_1000_people_in_every_path():
    """1,000 people without power for the 10 h of the run, evacuated at 2 h: 1,000 x 2 h = 2,000
    unserved population-hours (not 10,000) in a single run, an ensemble's replication, and the
    rows the threat sweep and first-failure tables read."""
    scenario = build(
        EVACUATION["assets"], EVACUATION["injects"], rules=EVACUATION["rules"], duration=EVACUATION["duration"]
    )
    single = simulator.simulate(scenario).metrics
    assert single["unserved_population_hours"] == 2000.0
    ensemble = run_ensemble(scenario, 2, seed=1, workers=1)
    assert ensemble.replications["unserved_population_hours"].tolist() == [2000.0, 2000.0]
    row, assets = run_replication(scenario, 0, np.random.SeedSequence(1).spawn(2)[0])
    assert row["unserved_population_hours"] == 2000.0
    assert assets == [
        (0, "net", 0.0, 600.0),
        (0, "wijk", 0.0, 600.0),
    ]  # the wijk stays without power: downtime is not exposure
    table = first_failures(scenario, 2, seed=1)
    assert table.sort_values(["replication", "asset"])["first_failure_min"].tolist() == [0.0, 0.0, 0.0, 0.0]


def test_detection_is_measured_from_the_incidents_inject():
    """A stealthy compromise injected at +1h30 and found by monitoring 1 minute later: detected
    after 1 min (``time_to_detection_min``), first known 91 min after the scenario start
    (``first_known_after_start_min``, the figure ``time_to_detection_min`` used to be). Ransomware
    at +1h30 is seen by its owner at once: 0 min, first known at 90."""
    assets = [{"id": "server", "name": "Server", "sector": "ict", "owner": "gemeente"}]
    stealthy = {
        "id": "lek",
        "type": "cyber.compromise",
        "target": "server",
        "at": "1h30min",
        "effect": "exfiltrate",
        "detect": {"monitoring": "1min"},
    }
    metrics = simulator.simulate(build(assets, [stealthy], [{"id": "gemeente"}], duration="6h")).metrics
    assert metrics["time_to_detection_min"] == 1.0
    assert metrics["time_to_detection_by_inject_min"] == {"lek": 1.0}
    assert metrics["first_known_after_start_min"] == 91.0
    ransomware = {
        "id": "gijzeling",
        "type": "cyber.ransomware",
        "target": "server",
        "at": "1h30min",
        "restore": {"offline": "2d", "online": "20d", "none": "60d"},
        "detect": {"monitoring": "1min"},
    }
    metrics = simulator.simulate(build(assets, [ransomware], [{"id": "gemeente"}], duration="6h")).metrics
    assert (metrics["time_to_detection_min"], metrics["first_known_after_start_min"]) == (0.0, 90.0)


def test_each_incident_is_detected_from_its_own_inject_and_the_first_known_counts():
    """An outage at 0 reported after 10 min, a compromise at +2h found after 30 min: per inject
    10 and 30; the incident known first (the outage, at 10) gives ``time_to_detection_min``."""
    assets = [
        {"id": "net", "name": "Net", "sector": "energy", "owner": "net"},
        {"id": "server", "name": "Server", "sector": "ict", "owner": "gemeente"},
    ]
    injects = [
        {"id": "stroom", "type": "outage", "target": "net", "duration": "1h"},
        {
            "id": "hack",
            "type": "cyber.compromise",
            "target": "server",
            "at": "2h",
            "effect": "exfiltrate",
            "detect": {"monitoring": "30min"},
        },
    ]
    scenario = build(
        assets, injects, [{"id": "net"}, {"id": "gemeente"}], response={"reporting": {"delay": "10min"}}, duration="6h"
    )
    metrics = simulator.simulate(scenario).metrics
    assert metrics["time_to_detection_by_inject_min"] == {"hack": 30.0, "stroom": 10.0}
    assert (metrics["time_to_detection_min"], metrics["first_known_after_start_min"]) == (10.0, 10.0)
