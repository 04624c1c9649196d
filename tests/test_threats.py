"""The threat picture: ranking by the deterministic cascade, likelihood and impact classes."""

import pandas as pd
from click.testing import CliRunner
from conftest import ROOT, build

from simulator.analysis.threats import threat_picture
from simulator.cli import cli


def test_ranking_by_people_affected_with_classes():
    scenario = build(
        [
            {"id": "hv", "sector": "energy", "exposure": "high"},
            {"id": "sub", "sector": "energy", "exposure": "low", "monitoring": "1h", "needs": [{"type": "power", "from": "hv"}]},
            {"id": "wijk", "sector": "population", "population": 6000, "needs": [{"type": "power", "from": "sub"}]},
        ],
        [{"type": "outage", "target": "hv"}],
    )
    table = threat_picture(scenario.graph)
    assert table[["rank", "asset", "people_affected", "assets_failed", "likelihood", "impact"]].values.tolist() == [
        [1, "hv", 6000, 3, "E", "C"],  # high exposure (3) + no monitoring (1) = E; 6,000 people = C
        [2, "sub", 6000, 2, "B", "C"],  # low exposure, monitored = B
    ]
    assert list(threat_picture(scenario.graph, sector="population")["asset"]) == ["wijk"]


def test_rampsim_threats_writes_ranking_and_figures(tmp_path):
    out = tmp_path / "t"
    result = CliRunner().invoke(cli, ["--lang", "en", "threats", str(ROOT / "infrastructure_graphs" / "havenstad.yaml"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["ranking.csv", "ranking.parquet", "risk-diagram.png", "top20.png"]
    ranking = pd.read_parquet(out / "ranking.parquet")
    assert ranking.iloc[0]["asset"] == "hoogspanningsstation"
    assert ranking["people_affected"].is_monotonic_decreasing


def test_an_airport_town_and_a_port_town_have_different_threat_pictures():
    """Havenstad's list has waterways (locks, bridges); Vliegveldstad's has the airport instead."""
    from simulator.model import load_graph

    port = threat_picture(load_graph(ROOT / "infrastructure_graphs" / "havenstad.yaml"))
    airport = threat_picture(load_graph(ROOT / "infrastructure_graphs" / "vliegveldstad.yaml"))
    assert "waterways" in set(port["sector"]) and "waterways" not in set(airport["sector"])
    assert (airport["kind"] == "atc").any() and not (port["kind"] == "atc").any()
    assert len(airport) >= 50 - 9  # at least 50 assets, neighbourhoods not ranked
    assert port.iloc[0]["people_affected"] != airport.iloc[0]["people_affected"]
