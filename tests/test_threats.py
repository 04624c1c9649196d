"""The threat picture: ranking by the deterministic cascade, likelihood and impact classes; selecting targets."""

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build

from simulator.analysis.cascade import deterministic_cascade, single_failure_cascades
from simulator.analysis.threats import ThreatInputError, incident_type, parse_selector, select_targets, threat_picture
from simulator.cli import cli
from simulator.messages import text


def test_ranking_by_people_affected_with_classes():
    scenario = build(
        [
            {"id": "hv", "sector": "energy", "exposure": "high"},
            {
                "id": "sub",
                "sector": "energy",
                "exposure": "low",
                "monitoring": "1h",
                "needs": [{"type": "power", "from": "hv"}],
            },
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
    result = CliRunner().invoke(
        cli, ["--lang", "en", "threats", str(ROOT / "infrastructure_graphs" / "havenstad.yaml"), "--out", str(out)]
    )
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


# --- selecting targets ---------------------------------------------------------------------------


def small_graph():
    """hv (energy, high exposure) -> sub (energy, substation, low) -> wijk (population); scada (ict, none)."""
    return build(
        [
            {"id": "hv", "sector": "energy", "kind": "hv_station", "exposure": "high"},
            {
                "id": "sub",
                "sector": "energy",
                "kind": "substation",
                "exposure": "low",
                "owner": "net",
                "needs": [{"type": "power", "from": "hv"}],
            },
            {"id": "scada", "sector": "ict", "kind": "scada"},
            {"id": "wijk", "sector": "population", "population": 6000, "needs": [{"type": "power", "from": "sub"}]},
        ],
        [{"type": "outage", "target": "hv"}],
    ).graph


@pytest.mark.parametrize(
    "spec, incident, expected",
    [
        (None, "outage", ["hv", "sub", "scada"]),  # neighbourhoods are not targets unless a sector is named
        (None, "cyber.ransomware", ["hv", "sub"]),  # out of reach: exposure none
        ("exposure=none", "cyber.ransomware", ["scada"]),
        ("sector=energy", "outage", ["hv", "sub"]),
        ("sector=energy|population", "outage", ["hv", "sub", "wijk"]),
        ("sector=energy,kind=substation", "outage", ["sub"]),  # AND
        ("exposure=low|high, kind=hv_station", "outage", ["hv"]),
        ("owner=net", "outage", ["sub"]),
        ("wijk,scada", "cyber.ddos", ["wijk", "scada"]),  # ids: as given, in that order
    ],
)
def test_selectors(spec, incident, expected):
    assert select_targets(small_graph(), parse_selector(spec), incident) == expected


def test_the_older_sector_and_kind_options_are_conditions_too():
    graph = small_graph()
    assert select_targets(graph, parse_selector(None, sector="energy", kind="substation")) == ["sub"]
    assert select_targets(graph, parse_selector("exposure=high", sector="energy")) == ["hv"]
    assert threat_picture(graph, kind="substation")["asset"].tolist() == ["sub"]


@pytest.mark.parametrize(
    "spec, message",
    [
        ("", "--targets is empty"),
        ("sector=energy,hv", "--targets 'sector=energy,hv' mixes conditions (field=value) and asset ids"),
        (
            "sectr=energy",
            "--targets: unknown field 'sectr' (did you mean 'sector'?); fields: sector, kind, exposure, owner",
        ),
        ("sector=enrgy", "--targets: 'enrgy' is not a valid sector (did you mean 'energy'?)"),
        ("exposure=huge", "--targets: 'huge' is not a valid exposure; choose from: none, low, medium, high"),
        ("kind=", "--targets: '' is not a valid kind"),
        ("hv,subb", "--targets: unknown asset 'subb' (did you mean 'sub'?)"),
        ("kind=lock", "--targets kind=lock selects no asset (for outage)"),
    ],
)
def test_bad_selectors_say_what_is_wrong(spec, message):
    with pytest.raises(ThreatInputError) as error:
        select_targets(small_graph(), parse_selector(spec))
    assert error.value.render("en").startswith(message)
    assert error.value.render("nl") != error.value.render("en")


def test_a_cyber_selection_of_unexposed_assets_explains_why_it_is_empty():
    with pytest.raises(ThreatInputError) as error:
        select_targets(small_graph(), parse_selector("sector=ict"), "cyber.compromise")
    assert error.value.key == "threats.selects_nothing_cyber"


def test_incident_types_and_their_short_names():
    assert [incident_type(t) for t in ("outage", "ransomware", "ddos", "compromise", "cyber.ddos")] == [
        "outage",
        "cyber.ransomware",
        "cyber.ddos",
        "cyber.compromise",
        "cyber.ddos",
    ]
    with pytest.raises(ThreatInputError) as error:
        incident_type("hazard")
    assert error.value.params["choices"].startswith("outage, cyber.compromise, cyber.ransomware, cyber.ddos")


def test_cascades_of_a_selection_equal_one_cascade_each():
    """single_failure_cascades indexes the links once: the same answer as one call per target."""
    from simulator.model import load_graph

    graph = load_graph(ROOT / "infrastructure_graphs" / "havenstad.yaml")
    targets = ["onderstation-oost", "kpn-centrale", "hoogspanningsstation"]
    assert single_failure_cascades(graph, targets) == {t: deterministic_cascade(graph, [t]) for t in targets}
    assert len(single_failure_cascades(graph)) == len(graph)


def test_rampsim_threats_targets_and_bad_selector(tmp_path):
    graph = str(ROOT / "infrastructure_graphs" / "havenstad.yaml")
    out = tmp_path / "t"
    result = CliRunner().invoke(
        cli, ["--lang", "en", "threats", graph, "--targets", "kind=substation", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    ranking = pd.read_parquet(out / "ranking.parquet")
    assert ranking["asset"].tolist() == [
        "onderstation-west",
        "onderstation-oost",
        "onderstation-noord",
        "onderstation-haven",
    ]
    # Each person once (model/people.py). West: the residents of Centrum, West and Westpolder
    # (9,500 + 10,500 + 8,000 = 28,000); Westhove's 90 live in West (already counted); the 2,400 of
    # the social services live anywhere in town, 28,000/80,000 of them in those three
    # neighbourhoods: 2,400 * (1 - 0.35) = 1,560 more. Oost: 9,000 + 7,500 + 6,500 = 23,000, De
    # Meerkoet's 120 live in Oost.
    assert ranking["people_affected"].tolist() == [29560, 23000, 18500, 10500]
    bad = CliRunner().invoke(cli, ["--lang", "nl", "threats", graph, "--targets", "sector=energi"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    assert "'energi' is geen geldige sector (bedoelt u 'energy'?)" in bad.output
    assert (
        text("threats.selects_nothing", "en", selector="x", incident="outage")
        == "--targets x selects no asset (for outage)"
    )
