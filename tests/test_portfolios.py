"""Portfolios: the mapping of sectors to the wethouders and the burgemeester, its default, its
fallbacks for sectors a file leaves out, its validation and its round trip through every format;
and the losses of a run per portfolio, where they landed and where their chain of causes started."""

from __future__ import annotations

import pytest
from conftest import ROOT, build, run

from simulator.analysis import Results, RunResults
from simulator.analysis.portfolio_impact import (
    ATTRIBUTION_COLUMNS,
    EXTERNAL,
    asset_losses,
    cause_matrix,
    failure_episodes,
    portfolio_attribution,
)
from simulator.model import LoadError, load_graph, save_graph
from simulator.model.fieldtypes import SECTORS
from simulator.model.graph import InfrastructureGraph
from simulator.model.portfolios import DEFAULT_PORTFOLIOS, SAFETY_SECTORS, LocalText, Portfolio, resolve_portfolios

GRAPHS = ROOT / "infrastructure_graphs"
ASSET = "assets:\n  - {id: a, sector: energy}\n"


def portfolio(pid: str, sectors=(), default_for=None, name=None) -> Portfolio:
    return Portfolio.model_validate(
        {
            "id": pid,
            "name": name or pid.upper(),
            "holder": "Wethouder " + pid,
            "sectors": list(sectors),
            "default_for": default_for,
        }
    )


# --- the default ----------------------------------------------------------------------------------


def test_the_default_puts_every_sector_in_exactly_one_portfolio():
    mapping = resolve_portfolios(())
    assert mapping.source == "default" and mapping.unmapped == {}
    assert mapping.portfolios == DEFAULT_PORTFOLIOS
    listed = [s for p in DEFAULT_PORTFOLIOS for s in p.sectors]
    assert sorted(listed) == sorted(SECTORS)  # each once
    assert mapping.of_sector == {
        "emergency": "burgemeester",
        "population": "burgemeester",
        "energy": "economie-infrastructuur",
        "water": "economie-infrastructuur",
        "telecom": "economie-infrastructuur",
        "finance": "economie-infrastructuur",
        "food": "economie-infrastructuur",
        "waterways": "haven-verkeer",
        "flood_defence": "haven-verkeer",
        "transport": "haven-verkeer",
        "health": "zorg",
        "government": "bedrijfsvoering",
        "ict": "bedrijfsvoering",
    }


@pytest.mark.parametrize("name", ["havenstad.yaml", "vliegveldstad.yaml"])
def test_the_default_covers_every_sector_of_the_reference_graphs(name):
    sectors = {asset.sector for asset in load_graph(GRAPHS / name)}
    assert len(sectors) >= 12
    assert sectors <= set(resolve_portfolios(()).of_sector)


def test_default_names_and_holders_come_from_the_catalogue_in_both_languages():
    mayor = DEFAULT_PORTFOLIOS[0]
    assert mayor.holder == LocalText(nl="Burgemeester", en="Mayor")
    assert mayor.name.in_language("nl") == "Openbare orde, veiligheid en crisisbeheersing"
    assert mayor.name.in_language("en") == "Public order, safety and crisis management"
    assert mayor.default_for == "safety" and DEFAULT_PORTFOLIOS[-1].default_for == "other"


def test_havenstad_has_its_own_portfolios_and_vliegveldstad_the_default():
    havenstad = load_graph(GRAPHS / "havenstad.yaml")
    mapping = resolve_portfolios(havenstad.portfolios)
    assert mapping.source == "file" and mapping.unmapped == {}
    assert [p.id for p in mapping.portfolios] == [
        "burgemeester",
        "haven-economie",
        "mobiliteit-nutsvoorzieningen",
        "zorg",
        "bedrijfsvoering",
    ]
    assert mapping.of_sector["flood_defence"] == "burgemeester"  # the default gives it to haven-verkeer
    assert mapping.of_sector["energy"] == "mobiliteit-nutsvoorzieningen"
    assert load_graph(GRAPHS / "vliegveldstad.yaml").portfolios == ()


# --- sectors a file leaves out --------------------------------------------------------------------


def test_left_out_sectors_go_to_the_default_mayor_and_catch_all_which_join_the_mapping():
    mapping = resolve_portfolios([portfolio("energie", ["energy", "water"])])
    assert [p.id for p in mapping.portfolios] == ["energie", "burgemeester", "bedrijfsvoering"]
    assert mapping.portfolio("burgemeester").sectors == ()  # it takes sectors only as the fallback
    assert mapping.unmapped == {
        s: ("burgemeester" if s in SAFETY_SECTORS else "bedrijfsvoering")
        for s in SECTORS
        if s not in ("energy", "water")
    }
    assert set(SAFETY_SECTORS) == {"emergency", "flood_defence", "population"}


def test_left_out_sectors_go_to_the_files_default_for_portfolios_first():
    mapping = resolve_portfolios([portfolio("oov", ["emergency"], "safety"), portfolio("rest", ["ict"], "other")])
    assert [p.id for p in mapping.portfolios] == ["oov", "rest"]
    assert mapping.unmapped["population"] == "oov" and mapping.unmapped["flood_defence"] == "oov"
    assert (
        mapping.unmapped["health"] == "rest" and "ict" not in mapping.unmapped and "emergency" not in mapping.unmapped
    )


def test_a_files_portfolio_with_the_fallbacks_id_takes_its_sectors():
    mapping = resolve_portfolios([portfolio("burgemeester", ["emergency"]), portfolio("bedrijfsvoering", ["ict"])])
    assert [p.id for p in mapping.portfolios] == ["burgemeester", "bedrijfsvoering"]
    assert mapping.unmapped["population"] == "burgemeester" and mapping.unmapped["energy"] == "bedrijfsvoering"


# --- validation -----------------------------------------------------------------------------------


def load_errors(tmp_path, portfolios: str, name: str = "g.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(ASSET + "portfolios:\n" + portfolios, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_graph(path)
    return [p.render("en") for p in caught.value.problems]


def test_an_unknown_sector_names_file_line_and_field(tmp_path):
    errors = load_errors(tmp_path, "  - id: p\n    name: P\n    holder: Burgemeester\n    sectors: [energy, helth]\n")
    assert len(errors) == 1
    assert errors[0].startswith(f"{tmp_path / 'g.yaml'}:7: portfolios[0].sectors[1]: 'helth' is not one of 'energy', ")


def test_a_sector_in_two_portfolios_is_an_error(tmp_path):
    errors = load_errors(
        tmp_path,
        "  - {id: p, name: P, holder: X, sectors: [energy, water]}\n"
        "  - {id: q, name: Q, holder: Y, sectors: [health, water]}\n",
    )
    assert errors == [
        (
            f"{tmp_path / 'g.yaml'}:5: portfolios[1].sectors[1]: sector 'water' is already in portfolio 'p': each "
            f"sector belongs to one portfolio"
        )
    ]


def test_duplicate_ids_two_defaults_and_missing_fields_are_errors(tmp_path):
    errors = load_errors(
        tmp_path,
        "  - {id: p, name: P, holder: X, default_for: other}\n  - {id: p, name: Q, holder: Y, default_for: other}\n",
    )
    where = tmp_path / "g.yaml"
    assert errors == [
        f"{where}:5: portfolios[1].id: duplicate id 'p' (first defined at g.yaml:4)",
        (
            f"{where}:5: portfolios[1].default_for: default_for 'other' is already set on portfolio 'p': only one "
            f"portfolio takes those sectors"
        ),
    ]
    errors = load_errors(tmp_path, "  - {id: p, name: {nl: P, eng: Q}}\n")
    assert errors == [
        f"{where}:4: portfolios[0].name.en: required field is missing",
        f"{where}:4: portfolios[0].name.eng: unknown field 'eng' (did you mean 'en'?)",
        f"{where}:4: portfolios[0].holder: required field is missing",
    ]


def test_an_unknown_sector_in_portfolios_csv_names_file_line_and_column(tmp_path):
    pair = tmp_path / "pair"
    save_graph(load_graph(GRAPHS / "havenstad.yaml"), pair)
    (pair / "portfolios.csv").write_text("id,name,holder,sectors\np,P,X,energy\nq,Q,Y,water;helth\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_graph(pair)
    assert [p.render("en")[: p.render("en").index(" is not")] for p in caught.value.problems] == [
        f"{pair / 'portfolios.csv'}:3: sectors[1]: 'helth'"
    ]


# --- round trips ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def havenstad() -> InfrastructureGraph:
    return load_graph(GRAPHS / "havenstad.yaml")


@pytest.mark.parametrize("target", ["h.json", "h.graphml", "h.yaml", "pair"])
def test_portfolios_round_trip_through_every_format(havenstad, tmp_path, target):
    save_graph(havenstad, tmp_path / target)
    assert load_graph(tmp_path / target).portfolios == havenstad.portfolios
    assert len(havenstad.portfolios) == 5


def test_one_name_stays_one_name_and_two_stay_two(tmp_path):
    portfolios = (
        portfolio("p", ["energy"], name="Eén naam"),
        portfolio("q", ["water"], name={"nl": "Water", "en": "Waterworks"}),
    )
    graph = InfrastructureGraph(load_graph(GRAPHS / "havenstad.yaml").assets[:1], name="t", portfolios=portfolios)
    save_graph(graph, tmp_path / "g.yaml")
    text = (tmp_path / "g.yaml").read_text(encoding="utf-8")
    assert "name: Eén naam\n" in text and "name:\n    nl: Water\n    en: Waterworks\n" in text
    save_graph(graph, tmp_path / "pair")
    assert (tmp_path / "pair" / "portfolios.csv").read_text(encoding="utf-8").splitlines() == [
        "id,name,name_en,holder,holder_en,sectors,default_for",
        "p,Eén naam,,Wethouder p,,energy,",
        "q,Water,Waterworks,Wethouder q,,water,",
    ]
    for target in ("g.yaml", "pair"):
        assert load_graph(tmp_path / target).portfolios == portfolios


def test_a_csv_pair_written_without_portfolios_drops_an_earlier_portfolios_csv(havenstad, tmp_path):
    save_graph(havenstad, tmp_path / "pair")
    assert (tmp_path / "pair" / "portfolios.csv").exists()
    save_graph(InfrastructureGraph(havenstad.assets, name="zonder"), tmp_path / "pair")
    assert not (tmp_path / "pair" / "portfolios.csv").exists()
    assert load_graph(tmp_path / "pair").portfolios == ()


def test_same_model_sees_changed_portfolios(havenstad):
    """The round-trip tests of every format would pass vacuously if same_model ignored portfolios."""
    changed = havenstad.portfolios[:-1] + (havenstad.portfolios[-1].model_copy(update={"sectors": ("government",)}),)
    other = InfrastructureGraph(
        havenstad.assets, havenstad.name, basins=havenstad.basins, zones=havenstad.zones, portfolios=changed
    )
    assert not havenstad.same_model(other)
    same = InfrastructureGraph(
        havenstad.assets,
        havenstad.name,
        basins=havenstad.basins,
        zones=havenstad.zones,
        portfolios=havenstad.portfolios,
    )
    assert havenstad.same_model(same)


# --- where a loss landed and where it started ------------------------------------------------------
#
# Two incidents from two portfolios, six hours (times in minutes):
#
#     grid (energy) --power--> wijk (population 1000), loket (government, 60)
#     server (ict)  --data---> zorgdossier (health, 200), loket
#
# The grid is out 0-60: the wijk (1,000 population-hours) and the loket (60) are down 0-60.
# Ransomware encrypts the server at 120, nobody restores it: the zorgdossier (200 x 4h = 800) and the
# loket (60 x 4h = 240) are down 120-360 and open at the end. Lands in: burgemeester 1,000, zorg 800,
# bedrijfsvoering 60 + 240 = 300. Caused from: economie-infrastructuur (energy) 1,060, bedrijfsvoering
# (ict) 800 + 240 = 1,040. 2,100 either way.

CAUSE_ASSETS = [
    {"id": "grid", "name": "Substation", "sector": "energy"},
    {"id": "server", "name": "Town hall IT", "sector": "ict", "exposure": "high"},
    {
        "id": "wijk",
        "name": "Noordwijk",
        "sector": "population",
        "population": 1000,
        "needs": [{"type": "power", "from": "grid"}],
    },
    {
        "id": "zorgdossier",
        "name": "Care records",
        "sector": "health",
        "population": 200,
        "needs": [{"type": "data", "from": "server"}],
    },
    {
        "id": "loket",
        "name": "Service desk",
        "sector": "government",
        "population": 60,
        "population_within": "none",  # counted on their own, so that each portfolio's share stays visible
        "needs": [{"type": "power", "from": "grid"}, {"type": "data", "from": "server"}],
    },
]
CAUSE_INJECTS = [
    {"id": "stroom", "type": "outage", "target": "grid", "duration": "1h"},
    {"id": "gijzel", "type": "cyber.ransomware", "target": "server", "at": "2h"},
]


@pytest.fixture(scope="module")
def two_causes() -> Results:
    return Results.from_record(run(build(CAUSE_ASSETS, CAUSE_INJECTS, duration="6h")), "en")


def test_each_failure_episode_is_traced_to_the_asset_its_chain_started_at(two_causes):
    episodes = failure_episodes(two_causes)
    injects = dict(
        zip(
            two_causes.events.loc[two_causes.events["kind"] == "inject", "asset"],
            two_causes.events.loc[two_causes.events["kind"] == "inject", "id"],
        )
    )
    columns = [
        "asset",
        "portfolio",
        "start_min",
        "end_min",
        "open",
        "failed_min",
        "unserved_population_hours",
        "cause_asset",
        "caused_by",
    ]
    assert episodes[columns].values.tolist() == [
        ["grid", "economie-infrastructuur", 0.0, 60.0, False, 60.0, 0.0, "grid", "economie-infrastructuur"],
        ["server", "bedrijfsvoering", 120.0, 360.0, True, 240.0, 0.0, "server", "bedrijfsvoering"],
        ["wijk", "burgemeester", 0.0, 60.0, False, 60.0, 1000.0, "grid", "economie-infrastructuur"],
        ["zorgdossier", "zorg", 120.0, 360.0, True, 240.0, 800.0, "server", "bedrijfsvoering"],
        ["loket", "bedrijfsvoering", 0.0, 60.0, False, 60.0, 60.0, "grid", "economie-infrastructuur"],
        ["loket", "bedrijfsvoering", 120.0, 360.0, True, 240.0, 240.0, "server", "bedrijfsvoering"],
    ]
    # the root is the inject on the cause asset; the failure event is the asset's own asset.failed
    assert episodes["root_event"].tolist() == [injects[a] for a in episodes["cause_asset"]]
    kinds = two_causes.events.set_index("id")["kind"]
    assert all(kinds[e] == "asset.failed" for e in episodes["failure_event"])
    # the episodes of an asset add up to its losses
    by_asset = episodes.groupby("asset", sort=False)[["failed_min", "unserved_population_hours"]].sum()
    losses = asset_losses(two_causes).set_index("asset").loc[by_asset.index]
    assert by_asset.values.tolist() == losses[["failed_min", "unserved_population_hours"]].values.tolist()


def test_losses_per_portfolio_where_they_landed_and_where_they_started(two_causes):
    both = portfolio_attribution(two_causes)
    assert list(both.columns) == ATTRIBUTION_COLUMNS
    assert both.values.tolist() == [
        ["burgemeester", 1, 1.0, 1000.0, 0, 0.0, 0.0],
        ["economie-infrastructuur", 1, 1.0, 0.0, 3, 3.0, 1060.0],
        ["haven-verkeer", 0, 0.0, 0.0, 0, 0.0, 0.0],
        ["zorg", 1, 4.0, 800.0, 0, 0.0, 0.0],
        ["bedrijfsvoering", 2, 9.0, 300.0, 3, 12.0, 1040.0],
        [EXTERNAL, 0, 0.0, 0.0, 0, 0.0, 0.0],
    ]
    assert (
        both["unserved_population_hours"].sum()
        == both["caused_unserved_population_hours"].sum()
        == two_causes.metrics["unserved_population_hours"]
        == 2100.0
    )
    assert both["failed_asset_hours"].sum() == both["caused_failed_asset_hours"].sum() == 15.0


def test_the_cross_table_from_portfolio_to_portfolio(two_causes):
    matrix = cause_matrix(two_causes)
    assert (matrix.index.name, matrix.columns.name) == ("caused_by", "portfolio")
    assert list(matrix.index) == [
        "burgemeester",
        "economie-infrastructuur",
        "haven-verkeer",
        "zorg",
        "bedrijfsvoering",
        EXTERNAL,
    ]
    assert list(matrix.columns) == [
        "burgemeester",
        "economie-infrastructuur",
        "haven-verkeer",
        "zorg",
        "bedrijfsvoering",
    ]
    nonzero = {(r, c): v for r, row in matrix.iterrows() for c, v in row.items() if v}
    assert nonzero == {
        ("economie-infrastructuur", "burgemeester"): 1000.0,
        ("economie-infrastructuur", "bedrijfsvoering"): 60.0,
        ("bedrijfsvoering", "zorg"): 800.0,
        ("bedrijfsvoering", "bedrijfsvoering"): 240.0,
    }
    both = portfolio_attribution(two_causes).set_index("portfolio")
    assert matrix.sum(axis=1).tolist() == both["caused_unserved_population_hours"].tolist()
    assert matrix.sum(axis=0).tolist() == both["unserved_population_hours"].drop(EXTERNAL).tolist()
    assert cause_matrix(two_causes, value="failed_min").loc["bedrijfsvoering"].tolist() == [0.0, 0.0, 0.0, 240.0, 480.0]


def test_the_attribution_survives_the_run_directory(two_causes, tmp_path):
    two_causes.save(tmp_path / "run")
    loaded = Results.load(tmp_path / "run")
    assert failure_episodes(loaded).equals(failure_episodes(two_causes))
    assert portfolio_attribution(loaded).equals(portfolio_attribution(two_causes))


def test_a_whole_episode_counts_for_where_its_first_failure_started():
    """The tunnel runs at half service on the encrypted server's data from 0, fails when the grid
    is out too (60-120), then runs at half again to the end (360): one episode, all of it caused
    from the server (bedrijfsvoering): 100 x (1h x 0.5 + 1h x 1 + 4h x 0.5) = 350 population-hours."""
    assets = [
        *CAUSE_ASSETS[:2],
        {
            "id": "tunnel",
            "name": "Tunnel",
            "sector": "transport",
            "population": 100,
            "needs": [
                {"type": "data", "from": "server", "effect": {"degrade": 0.5}},
                {"type": "power", "from": "grid"},
            ],
        },
    ]
    injects = [
        {"type": "cyber.ransomware", "target": "server"},
        {"type": "outage", "target": "grid", "at": "1h", "duration": "1h"},
    ]
    result = Results.from_record(run(build(assets, injects, duration="6h")), "en")
    episodes = failure_episodes(result)
    tunnel = episodes[episodes["asset"] == "tunnel"]
    assert tunnel[
        ["start_min", "end_min", "failed_min", "unserved_population_hours", "cause_asset", "caused_by"]
    ].values.tolist() == [[0.0, 360.0, 60.0, 350.0, "server", "bedrijfsvoering"]]
    assert cause_matrix(result).loc["bedrijfsvoering", "haven-verkeer"] == 350.0


def test_a_chain_without_an_asset_at_its_root_counts_as_external(two_causes):
    """No chain of the engine's incidents starts without an asset yet; a root such as a rule timed by
    `at` (``rule.fired`` without asset) is made here by rewriting the grid's inject."""
    events = two_causes.events.copy()
    root = events.index[(events["kind"] == "inject") & (events["asset"] == "grid")][0]
    events.loc[root, ["kind", "asset"]] = ["rule.fired", ""]
    timed = RunResults(
        events, two_causes.states, two_causes.metrics, two_causes.manifest, tables={"assets": two_causes.assets}
    )
    episodes = failure_episodes(timed)
    assert episodes.loc[episodes["caused_by"] == EXTERNAL, "asset"].tolist() == ["grid", "wijk", "loket"]
    assert set(episodes.loc[episodes["caused_by"] == EXTERNAL, "cause_asset"]) == {""}
    both = portfolio_attribution(timed).set_index("portfolio")
    assert both.loc[EXTERNAL].tolist() == [0, 0.0, 0.0, 3, 3.0, 1060.0]
    assert both.loc["economie-infrastructuur", "caused_unserved_population_hours"] == 0.0
    assert both["caused_unserved_population_hours"].sum() == both["unserved_population_hours"].sum() == 2100.0
    assert cause_matrix(timed).loc[EXTERNAL, "burgemeester"] == 1000.0
