"""The threat sweep by simulation: one incident per target with the response, paired seeds, ranked."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build

from simulator.analysis.ensemble import run_replication
from simulator.analysis.sweep import REPLICATION_COLUMNS, target_scenario, threat_sweep
from simulator.analysis.threats import ThreatInputError, parse_selector
from simulator.cli import cli
from simulator.model import load_scenario

ORG = [{"id": "net", "crews": [{"id": "ploeg", "size": 1, "callout": "30min"}]}]
RESPONSE = {"reporting": {"delay": "10min"}}


def substation(asset_id, repair="2h"):
    return {"id": asset_id, "sector": "energy", "owner": "net", "recovery": {"duration": repair, "crew": "net/ploeg"}}


def two_feeders(repair="2h"):
    """
    sub-a --power--> wijk-a (1,000 people)
    sub-b --power, 1h buffer--> wijk-b (500 people)
    Both substations repaired in ``repair`` by net/ploeg (one crew, call-out 30 min); reports 10 min.
    """
    return build(
        [
            substation("sub-a", repair),
            substation("sub-b", repair),
            {"id": "wijk-a", "sector": "population", "population": 1000, "needs": [{"type": "power", "from": "sub-a"}]},
            {
                "id": "wijk-b",
                "sector": "population",
                "population": 500,
                "needs": [{"type": "power", "from": "sub-b", "tolerance": "1h"}],
            },
        ],
        [{"type": "cyber.ddos", "target": "wijk-a", "duration": "1h"}],  # replaced by the sweep
        ORG,
        response=RESPONSE,
    )


def test_fixed_durations_give_exact_impacts_and_intervals_of_width_zero():
    """
    sub-a fails at 0, is reported at 10, the crew is called out (30 min) and repairs it from 40 to
    160: wijk-a is down 0-160 = 1,000 x 160/60 population-hours. sub-b the same, but wijk-b's
    buffer holds until 60: 500 x 100/60. The neighbourhoods themselves are not targets.
    """
    sweep = threat_sweep(two_feeders(), n=5, workers=1)
    ranking = sweep.ranking
    assert ranking["asset"].tolist() == ["sub-a", "sub-b"]
    assert ranking["unserved_population_hours"].tolist() == pytest.approx([1000 * 160 / 60, 500 * 100 / 60])
    assert ranking["unserved_population_hours_ci_low"].tolist() == pytest.approx(
        ranking["unserved_population_hours"].tolist()
    )
    assert ranking["unserved_population_hours_ci_high"].tolist() == pytest.approx(
        ranking["unserved_population_hours"].tolist()
    )
    assert ranking[
        ["assets_failed", "people_affected", "sectors_hit", "time_to_recovery_min", "recovered_share"]
    ].values.tolist() == [
        [2, 1000, 2, 160, 1.0],
        [2, 500, 2, 160, 1.0],
    ]
    assert ranking[["rank", "incident", "n", "likelihood", "impact"]].values.tolist() == [
        [1, "outage", 5, "B", "A"],
        [2, "outage", 5, "B", "A"],
    ]
    assert list(sweep.replications.columns) == list(REPLICATION_COLUMNS)
    assert len(sweep.replications) == 10


def test_replication_i_of_every_target_uses_the_same_seed():
    """Two identical feeders with random repair times: replication i of both targets runs with the
    same seed, and each target's result is the one a single run with that seed gives. Repair times
    come from each asset's own random stream (simulator/engine/streams.py), so the two feeders'
    results differ: what is shared is everything drawn for the rest of the organisation."""
    scenario = build(
        [substation("sub-a", "lognormal(median=2h, p90=8h)"), substation("sub-b", "lognormal(median=2h, p90=8h)")]
        + [
            {
                "id": f"wijk-{x}",
                "sector": "population",
                "population": 1000,
                "needs": [{"type": "power", "from": f"sub-{x}"}],
            }
            for x in "ab"
        ],
        [{"type": "outage", "target": "sub-a"}],
        ORG,
        response=RESPONSE,
    )
    reps = threat_sweep(scenario, n=5, seed=3, workers=1).replications
    a, b = (reps[reps["target"] == t].reset_index(drop=True) for t in ("sub-a", "sub-b"))
    assert a["spawn_key"].tolist() == b["spawn_key"].tolist() == [0, 1, 2, 3, 4]
    seeds = np.random.SeedSequence(3).spawn(5)
    for target, table in (("sub-a", a), ("sub-b", b)):
        alone = [
            run_replication(target_scenario(scenario, "outage", target), 0, seed)[0]["unserved_population_hours"]
            for seed in seeds
        ]
        assert table["unserved_population_hours"].tolist() == alone
    assert a["unserved_population_hours"].nunique() == 5  # and the replications do differ


def test_the_same_result_on_one_and_on_two_processes():
    scenario = load_scenario(ROOT / "scenarios" / "stroomstoring-havenstad.yaml")
    selector = parse_selector("onderstation-oost,kpn-centrale")
    one = threat_sweep(scenario, targets=selector, n=3, workers=1)
    two = threat_sweep(scenario, targets=selector, n=3, workers=2)
    pd.testing.assert_frame_equal(one.replications, two.replications)
    pd.testing.assert_frame_equal(one.ranking, two.ranking)


def test_the_incident_takes_the_scenarios_parameters_else_the_defaults():
    ransomware = load_scenario(ROOT / "scenarios" / "ransomware-gemeente.yaml")
    hit = target_scenario(ransomware, "ransomware", "gemeente-ad")
    (inject,) = hit.injects
    assert (inject.type, inject.target, inject.id) == ("cyber.ransomware", "gemeente-ad", "threat")
    assert inject.spread.probability == 0.6 and inject.crew == "gemeente/herstelteam"  # from versleuteling-datacenter
    assert inject.at.sample(None) == 0.0
    (ddos,) = target_scenario(ransomware, "ddos", "kpn-112-platform").injects
    assert (ddos.level, ddos.duration.sample(None)) == (0.2, 210.0)  # no DDoS in the scenario: KPN 2019, 3.5 h
    (compromise,) = target_scenario(ransomware, "cyber.compromise", "brp-systeem").injects
    assert compromise.effect == "disrupt" and compromise.detect is None  # not the scenario's exfiltration
    assert hit.spec.rules == ransomware.spec.rules and hit.organisations == ransomware.organisations
    with pytest.raises(ThreatInputError) as error:
        target_scenario(ransomware, "online.threat", "gemeentehuis")
    assert error.value.key == "threats.unknown_incident"


def test_rampsim_threats_with_n_writes_the_sweep(tmp_path):
    out = tmp_path / "t"
    scenario = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"
    args = [
        "--lang",
        "en",
        "threats",
        str(scenario),
        "-n",
        "2",
        "--targets",
        "onderstation-oost,onderstation-west",
        "--workers",
        "1",
        "--out",
        str(out),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "manifest.json",
        "ranking.csv",
        "ranking.parquet",
        "replications.parquet",
        "risk-diagram.png",
        "top20.png",
    ]
    ranking = pd.read_parquet(out / "ranking.parquet")
    assert set(ranking["asset"]) == {"onderstation-oost", "onderstation-west"}
    assert ranking["unserved_population_hours"].is_monotonic_decreasing
    assert {
        "unserved_population_hours_ci_low",
        "people_affected",
        "sectors_hit",
        "time_to_recovery_min",
        "recovered_share",
    } <= set(ranking.columns)
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["incident"], manifest["replications"], manifest["seed"]) == ("outage", 2, 11)
    assert "SeedSequence(11).spawn(2)[i]" in result.output and "2 targets x 2 replications" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["-n", "2"], "is a graph; give a scenario file"),
        (["--incident", "ddos"], "--incident cyber.ddos needs the simulation"),
        (["--incident", "flood"], "--incident: 'flood' cannot be put on one asset"),
    ],
)
def test_simulation_options_on_a_graph_are_refused(args, message):
    result = CliRunner().invoke(
        cli, ["--lang", "en", "threats", str(ROOT / "infrastructure_graphs" / "havenstad.yaml"), *args]
    )
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
