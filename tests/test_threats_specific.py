"""The threats specific to each of two compared towns (``threats_region.with_specific``).

Aadorp (1,000 residents) has a lock, Beestad (500 residents) an airport; one 150 kV station
feeds both, and Aadorp's control room dispatches Beestad's fire station (degraded, never failed,
when the room fails)::

    Aadorp                                          Beestad
    hs ----power----> os-a --power--> wijk-a1 (600)  hs --power--> os-b --power--> wijk-b (500)
                           \\-power--> wijk-a2 (400)
    gemaal-a --water--> wijk-a1                      gemaal-b (no dependants)
    besturing --control--> sluis                     airport-power --power--> terminal
    meldkamer --control (degrade 0.5)-----------------------------> kazerne-b

Every asset but the neighbourhoods is a target. Types are (sector, kind); shares are people
affected there / residents there:
- Aadorp's section (people, failed): hs (1000, 4), os-a (1000, 3), gemaal-a (600, 2),
  besturing (0, 2), meldkamer (0, 1), sluis (0, 1). hs and meldkamer are shared (os-b and
  kazerne-b depend on them); os-a's substations hit 1.0 of Aadorp, os-b 1.0 of Beestad: not twice;
  gemaal-a hits 0.6 of Aadorp, pumping stations 0 of Beestad: "share"; besturing (a waterways
  scada) and sluis: "kind". Specific: gemaal-a, besturing, sluis.
- Beestad's section: hs (500, 2), os-b (500, 2), airport-power (0, 2), gemaal-b (0, 1),
  kazerne-b (0, 1), terminal (0, 1). hs is shared; os-b 1.0 is not twice Aadorp's 1.0;
  gemaal-b hits 0; airport-power, kazerne-b, terminal: "kind".
"""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from test_bad_input import invoke

from simulator.analysis.threats import threat_picture
from simulator.analysis.threats_region import municipal_rankings, municipalities, residents, with_specific
from simulator.model.loading import load_graph


def _asset(id_, sector, kind, town, needs=(), population=0):
    asset = {"id": id_, "sector": sector, "kind": kind, "municipality": town}
    if population:
        asset["population"] = population
    if needs:
        asset["needs"] = [dict(need) for need in needs]
    return asset


A, B = "Aadorp", "Beestad"
ASSETS = [
    _asset("hs", "energy", "hv_substation", A),
    _asset("os-a", "energy", "substation", A, [{"type": "power", "from": "hs"}]),
    _asset("gemaal-a", "water", "pumping_station", A),
    _asset(
        "wijk-a1",
        "population",
        "neighbourhood",
        A,
        [{"type": "power", "from": "os-a"}, {"type": "water", "from": "gemaal-a"}],
        population=600,
    ),
    _asset("wijk-a2", "population", "neighbourhood", A, [{"type": "power", "from": "os-a"}], population=400),
    _asset("besturing", "waterways", "scada", A),
    _asset("sluis", "waterways", "lock", A, [{"type": "control", "from": "besturing"}]),
    _asset("meldkamer", "emergency", "emergency_control_room", A),
    _asset("os-b", "energy", "substation", B, [{"type": "power", "from": "hs"}]),
    _asset("wijk-b", "population", "neighbourhood", B, [{"type": "power", "from": "os-b"}], population=500),
    _asset("gemaal-b", "water", "pumping_station", B),
    _asset("airport-power", "energy", "airport_power", B),
    _asset("terminal", "transport", "airport_terminal", B, [{"type": "power", "from": "airport-power"}]),
    _asset(
        "kazerne-b",
        "emergency",
        "fire_station",
        B,
        [{"type": "control", "from": "meldkamer", "effect": {"degrade": 0.5}}],
    ),
]


@pytest.fixture
def region_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "regio.yaml"
    path.write_text(yaml.safe_dump({"name": "regio", "assets": ASSETS}), encoding="utf-8")
    return path


def _specific(graph) -> pd.DataFrame:
    rankings = municipal_rankings(threat_picture(graph), municipalities(graph))
    return with_specific(rankings, graph, (A, B))


def test_the_sections_are_as_drawn(region_file):
    graph = load_graph(region_file)
    assert residents(graph) == {A: 1000, B: 500}
    marked = _specific(graph)
    rows = marked[["municipality", "asset", "people_affected", "assets_failed"]]
    assert [tuple(r) for r in rows.itertuples(index=False)] == [
        (A, "hs", 1000, 4),
        (A, "os-a", 1000, 3),
        (A, "gemaal-a", 600, 2),
        (A, "besturing", 0, 2),
        (A, "meldkamer", 0, 1),
        (A, "sluis", 0, 1),
        (B, "hs", 500, 2),
        (B, "os-b", 500, 2),
        (B, "airport-power", 0, 2),
        (B, "gemaal-b", 0, 1),
        (B, "kazerne-b", 0, 1),
        (B, "terminal", 0, 1),
    ]


def test_each_town_s_own_threats_in_order_with_their_rule(region_file):
    marked = _specific(load_graph(region_file))
    own = marked[marked["specific_rank"].notna()]
    assert [tuple(r) for r in own[["municipality", "specific_rank", "asset", "specific_reason"]].values] == [
        (A, 1, "gemaal-a", "share"),
        (A, 2, "besturing", "kind"),
        (A, 3, "sluis", "kind"),
        (B, 1, "airport-power", "kind"),
        (B, 2, "kazerne-b", "kind"),
        (B, 3, "terminal", "kind"),
    ]
    assert set(marked.loc[marked["municipality"] == A, "compared_with"]) == {B}
    assert set(marked.loc[marked["municipality"] == B, "compared_with"]) == {A}
    assert set(marked.loc[marked["specific_rank"].isna(), "specific_reason"]) == {""}


def test_a_third_town_is_not_compared(region_file):
    more = ASSETS + [
        _asset("pomp-c", "water", "pumping_station", "Cedorp"),
        _asset("wijk-c", "population", "neighbourhood", "Cedorp", [{"type": "water", "from": "pomp-c"}], population=10),
    ]
    region_file.write_text(yaml.safe_dump({"name": "regio", "assets": more}), encoding="utf-8")
    marked = _specific(load_graph(region_file))
    cedorp = marked[marked["municipality"] == "Cedorp"]
    assert list(cedorp["asset"]) == ["pomp-c"]
    assert cedorp["specific_rank"].isna().all() and set(cedorp["compared_with"]) == {""}


def test_rampsim_threats_prints_and_writes_each_town_s_own_threats(region_file):
    result = invoke(["threats", "regio.yaml", "--out", "out", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.output.splitlines()
    heading = "Specific to Aadorp (compared with Beestad): the 3 failures that affect most people there"
    first = lines.index(heading) + 5  # the heading, then the table's top and its two header lines
    assert lines[first : first + 9] == [
        "│ 1 │ gemaal-a                                 │         600 │           2 │  BA   │",
        "│   │ Water, in Aadorp                         │             │             │       │",
        "│   │ at least 2× Beestad's share of residents │             │             │       │",
        "│ 2 │ besturing                                │           0 │           2 │  BA   │",
        "│   │ Waterways, in Aadorp                     │             │             │       │",
        "│   │ Beestad has no such failure              │             │             │       │",
        "│ 3 │ sluis                                    │           0 │           1 │  BA   │",
        "│   │ Waterways, in Aadorp                     │             │             │       │",
        "│   │ Beestad has no such failure              │             │             │       │",
    ]
    assert lines.index("Aadorp: the 5 failures that affect most people") < lines.index(heading)
    assert "Specific to Beestad (compared with Aadorp): the 3 failures that affect most people there" in lines
    written = pd.read_csv(region_file.parent / "out" / "ranking-municipalities.csv", keep_default_na=False)
    own = written[written["specific_rank"] != ""]
    assert own[["municipality", "specific_rank", "asset", "specific_reason"]].values.tolist() == [
        [A, "1", "gemaal-a", "share"],  # read as text: the rows that are not specific have it empty
        [A, "2", "besturing", "kind"],
        [A, "3", "sluis", "kind"],
        [B, "1", "airport-power", "kind"],
        [B, "2", "kazerne-b", "kind"],
        [B, "3", "terminal", "kind"],
    ]


def test_the_figure_s_third_row_shows_each_town_s_own_threats(region_file):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from simulator.report.threat_figures import plot_municipal_threats

    axes = plot_municipal_threats(_specific(load_graph(region_file)), (A, B), lang="nl")
    try:
        own_a, own_b = axes[2]
        assert own_a.get_title() == "Eigen aan Aadorp" and own_b.get_title() == "Eigen aan Beestad"
        assert [t.get_text() for t in own_a.get_yticklabels()] == ["sluis", "besturing", "gemaal-a"]  # 1 on top
        assert [round(b.get_width()) for b in own_a.patches] == [1, 2, 2]  # assets failed in Aadorp
        notes = [t.get_text() for t in own_a.texts if not t.get_gid()]
        assert notes == [" 1", " 2", " 2 (600 mensen)"]
        rule = [t.get_text() for t in own_a.texts if t.get_gid() == "specific_rule"]
        assert rule == ["niet in het beeld van Beestad, of minstens 2× het aandeel inwoners daar"]
        assert [t.get_text() for t in own_b.get_yticklabels()] == ["terminal", "kazerne-b", "airport-power"]
    finally:
        plt.close(axes[0][0].figure)


@pytest.mark.parametrize(
    ("serves", "own_a"),
    [("municipality", ["gemaal-a", "besturing", "politie", "sluis"]), ("region", ["gemaal-a", "besturing", "sluis"])],
)
def test_an_asset_that_serves_the_region_is_no_town_s_own(region_file, serves, own_a):
    """Aadorp's police unit (no dependants: it fails itself, 1 asset, 0 people, in Aadorp and
    nothing in Beestad): Beestad has no police unit, so by its municipality it is Aadorp's own
    ("kind", between besturing's 2 assets and sluis by id); serving the region, it is shared."""
    region = ASSETS + [dict(_asset("politie", "emergency", "police_unit", A), serves=serves)]
    region_file.write_text(yaml.safe_dump({"name": "regio", "assets": region}), encoding="utf-8")
    marked = _specific(load_graph(region_file))
    row = marked[marked["asset"] == "politie"]
    assert row[["municipality", "people_affected", "assets_failed"]].values.tolist() == [[A, 0, 1]]
    own = marked[marked["specific_rank"].notna()]
    assert own.loc[own["municipality"] == A, "asset"].tolist() == own_a
    assert own.loc[own["municipality"] == A, "specific_rank"].tolist() == list(range(1, len(own_a) + 1))
    assert own.loc[own["municipality"] == B, "asset"].tolist() == ["airport-power", "kazerne-b", "terminal"]


def test_serves_is_municipality_or_region(region_file):
    region = ASSETS + [dict(_asset("politie", "emergency", "police_unit", A), serves="regio")]
    region_file.write_text(yaml.dump({"name": "regio", "assets": region}, sort_keys=False), encoding="utf-8")
    line = region_file.read_text(encoding="utf-8").splitlines().index("  serves: regio") + 1
    result = invoke(["validate", "regio.yaml", "--lang", "en"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert f"regio.yaml:{line}: assets[14].serves: 'regio' is not one of 'municipality' or 'region'" in result.stderr


def test_in_havenmond_havenstad_s_own_threats_are_its_locks_and_port_vliegveldstad_s_its_airport():
    from pathlib import Path

    graph = load_graph(Path(__file__).resolve().parents[1] / "infrastructure_graphs" / "regio-havenmond" / "regio.yaml")
    towns = municipalities(graph)
    assert towns[:2] == ["Havenstad", "Vliegveldstad"]
    marked = with_specific(municipal_rankings(threat_picture(graph), towns), graph, ("Havenstad", "Vliegveldstad"))
    own = {town: marked[(marked["municipality"] == town) & marked["specific_rank"].notna()] for town in towns[:2]}
    haven = own["Havenstad"]
    assert {"zeesluis", "sluis-noord", "sluis-oost", "haven-operaties", "verkeerspost-haven"} <= set(haven["asset"])
    assert list(haven["asset"].head(2)) == ["bedieningscentrale-sluizen", "sluis-noord-besturing"]  # 7 and 6 failed
    assert not {"meldkamer-havenmond", "kpn-112-platform", "drinkwater-scada-havenmond"} & set(haven["asset"])  # shared
    regional = {a.id for a in graph.assets if a.serves == "region"}
    assert {"politie-eenheid", "om-parket-havenmond", "lcms-havenmond", "ziekenhuis-havenmond"} <= regional
    assert len(haven) == 10  # the locks, bridges, port and a booster: no regional asset (it stands in Havenstad)
    airport = own["Vliegveldstad"]
    assert list(airport["asset"].head(2)) == ["vls-luchthaven-energie", "vls-terminal"]  # 1,500 people each
    assert {"vls-atc-toren", "vls-radar", "vls-baanverlichting", "vls-luchthaven-operaties"} <= set(airport["asset"])
    assert airport["asset"].str.startswith("vls-").all() and (airport["target_municipality"] == "Vliegveldstad").all()
    # neither town's own list holds its 150 kV station or a substation: those both towns have
    for part in own.values():
        assert not set(part["kind"]) & {"hv_substation", "substation"}
        assert not set(part["asset"]) & regional


@pytest.mark.parametrize(("at_b2", "own"), [(150, True), (151, False)])
def test_the_share_rule_holds_at_exactly_twice_the_other_town_s_share(region_file, at_b2, own):
    """Beestad's 500 split: wijk-b2 (``at_b2`` people, on os-b and on gemaal-b's water) and wijk-b
    (the rest). Pumping stations then hit 150/500 = 0.3 of Beestad: gemaal-a's 0.6 of Aadorp is
    exactly twice, Aadorp's own; at 151/500 it is not."""
    split = [a for a in ASSETS if a["id"] != "wijk-b"] + [
        _asset("wijk-b", "population", "neighbourhood", B, [{"type": "power", "from": "os-b"}], population=500 - at_b2),
        _asset(
            "wijk-b2",
            "population",
            "neighbourhood",
            B,
            [{"type": "power", "from": "os-b"}, {"type": "water", "from": "gemaal-b"}],
            population=at_b2,
        ),
    ]
    region_file.write_text(yaml.safe_dump({"name": "regio", "assets": split}), encoding="utf-8")
    marked = _specific(load_graph(region_file))
    gemaal = marked[(marked["municipality"] == A) & (marked["asset"] == "gemaal-a")].iloc[0]
    assert marked.loc[(marked["municipality"] == B) & (marked["asset"] == "gemaal-b"), "people_affected"].tolist() == [
        at_b2
    ]
    assert (gemaal["specific_reason"], pd.notna(gemaal["specific_rank"])) == (("share", True) if own else ("", False))
