"""Graph file formats: YAML, node-link JSON, GraphML and the CSV pair keep the whole model, and the
`rampsim graph` and `rampsim schema` commands work end to end."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.cli import cli
from simulator.model import Asset, LoadError, load_graph, save_graph
from simulator.model.distributions import Distribution
from simulator.model.fieldtypes import SECTORS
from simulator.model.graph import InfrastructureGraph
from simulator.model.portfolios import Portfolio
from simulator.model.synth import synthetic_graph

HAVENSTAD = ROOT / "infrastructure_graphs" / "havenstad.yaml"
FORMATS = [".json", ".graphml", ".yaml"]


def runner() -> CliRunner:
    env = {"RAMPSIM_LANG": None, "COLUMNS": "200"}
    try:
        return CliRunner(mix_stderr=False, env=env)  # click < 8.2
    except TypeError:
        return CliRunner(env=env)  # click >= 8.2 keeps stderr apart by default


@pytest.fixture(scope="module")
def havenstad() -> InfrastructureGraph:
    return load_graph(HAVENSTAD)


def edge_count(graph: InfrastructureGraph) -> int:
    return sum(len(need.suppliers) for asset in graph for need in asset.needs)


# --- round trips --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
def test_havenstad_round_trips(havenstad, tmp_path, suffix):
    path = tmp_path / f"havenstad{suffix}"
    save_graph(havenstad, path)
    loaded = load_graph(path)
    assert havenstad.same_model(loaded)
    assert loaded.name == havenstad.name


@pytest.mark.parametrize("suffix", FORMATS + ["/"])
def test_synthetic_graph_round_trips(tmp_path, suffix):
    graph = synthetic_graph(300, seed=1)
    path = tmp_path / "synthetic" if suffix == "/" else tmp_path / f"synthetic{suffix}"
    save_graph(graph, path)
    assert graph.same_model(load_graph(path))


def test_same_model_sees_a_changed_need(havenstad):
    """The round-trip tests above would pass vacuously if same_model ignored need fields."""
    i = next(i for i, a in enumerate(havenstad.assets) if a.needs)
    asset = havenstad.assets[i]
    for change in ({"tolerance": asset.needs[0].tolerance + 1}, {"refill": not asset.needs[0].refill}, {"effect": 0.5}):
        need = asset.needs[0].model_copy(update=change)
        changed = asset.model_copy(update={"needs": (need,) + asset.needs[1:]})
        other = InfrastructureGraph(havenstad.assets[:i] + (changed,) + havenstad.assets[i + 1 :])
        assert not havenstad.same_model(other), change


# A hypothesis strategy for whole graphs, with every field set at random, to find what a format loses.
_ids = st.lists(st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,12}", fullmatch=True), min_size=1, max_size=8, unique=True)
_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")) | st.sampled_from("<>&\"';,:#{}[]"),
    max_size=20,
).map(str.strip)
_minutes = st.one_of(
    st.integers(0, 10**6).map(float), st.floats(0, 1e6, allow_nan=False), st.sampled_from([0.25, 1 / 3, 90.0, 2880.0])
)
_positive = _minutes.filter(lambda m: m > 0)


@st.composite
def _distributions(draw) -> Distribution:
    kind = draw(st.sampled_from(["fixed", "uniform", "triangular", "lognormal", "exponential"]))
    if kind in ("fixed",):
        return Distribution(kind, (draw(_minutes),))
    if kind == "exponential":
        return Distribution(kind, (draw(_positive),))
    if kind == "lognormal":
        low, high = sorted(draw(st.lists(_positive, min_size=2, max_size=2, unique=True)))
        return Distribution(kind, (low, high))
    values = tuple(
        sorted(draw(st.lists(_minutes, min_size=2 if kind == "uniform" else 3, max_size=2 if kind == "uniform" else 3)))
    )
    return Distribution(kind, values)


_names = _text.filter(bool)


@st.composite
def _portfolios(draw) -> tuple[Portfolio, ...]:
    """0-4 portfolios sharing out some sectors, with one name or two, and at most one default_for of each kind."""
    count = draw(st.integers(0, 4))
    ids = draw(
        st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), min_size=count, max_size=count, unique=True)
    )
    owner = (
        {sector: draw(st.integers(0, count - 1)) for sector in draw(st.lists(st.sampled_from(SECTORS), unique=True))}
        if count
        else {}
    )
    kinds = draw(st.permutations(["safety", "other"] + [None] * count))[:count]
    texts = _names | st.fixed_dictionaries({"nl": _names, "en": _names})
    return tuple(
        Portfolio.model_validate(
            {
                "id": pid,
                "name": draw(texts),
                "holder": draw(texts),
                "sectors": [s for s, o in owner.items() if o == i],
                "default_for": kinds[i],
            }
        )
        for i, pid in enumerate(ids)
    )


@st.composite
def graphs(draw, manual_fallback: bool = True) -> InfrastructureGraph:
    ids = draw(_ids)
    crews = st.none() | st.sampled_from(["netbeheerder/monteurs", "gemeente/ict-beheer"])
    assets = []
    for asset_id in ids:
        others = [i for i in ids if i != asset_id]
        needs = []
        for _ in range(draw(st.integers(0, 3)) if others else 0):
            suppliers = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            needs.append(
                {
                    "type": draw(st.sampled_from(["power", "water", "data", "control", "telecom"])),
                    "from": suppliers,
                    "need": draw(st.integers(1, len(suppliers))),
                    "tolerance": draw(_minutes),
                    "effect": draw(st.just("fail") | st.floats(0.05, 0.95).map(lambda x: {"degrade": x})),
                    "restart": draw(_minutes),
                    "refill": draw(st.booleans()),
                }
            )
        record = {
            "id": asset_id,
            "name": draw(_text),
            "sector": draw(st.sampled_from(["energy", "water", "telecom", "ict", "health", "population"])),
            "kind": draw(_text),
            "owner": draw(st.none() | st.sampled_from(["netbeheerder", "gemeente"])),
            "municipality": draw(_text),
            "serves": draw(st.sampled_from(["municipality", "region"])),
            "population": draw(st.integers(0, 10**7)),
            "population_within": draw(st.none() | st.sampled_from(["municipality", "none"])),
            "location": draw(
                st.none() | st.fixed_dictionaries({"lat": st.floats(-90, 90), "lon": st.floats(-180, 180)})
            ),
            "recovery": draw(st.none() | st.fixed_dictionaries({"duration": _distributions(), "crew": crews})),
            "exposure": draw(st.sampled_from(["none", "low", "medium", "high"])),
            "monitoring": draw(st.none() | _distributions()),
            "backups": draw(st.sampled_from(["none", "online", "offline"])),
            "needs": needs,
        }
        if manual_fallback:
            record["manual_fallback"] = draw(
                st.none()
                | st.fixed_dictionaries({"level": st.floats(0.01, 1), "setup": _distributions(), "crew": crews})
            )
        assets.append(Asset.model_validate(record))
    return InfrastructureGraph(tuple(assets), name=draw(_text), description=draw(_text), portfolios=draw(_portfolios()))


@pytest.mark.parametrize("suffix", FORMATS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(graph=graphs())
def test_any_graph_round_trips(tmp_path, suffix, graph):
    path = tmp_path / f"graph{suffix}"
    save_graph(graph, path)
    loaded = load_graph(path)
    assert graph.same_model(loaded)
    assert (loaded.name, loaded.description) == (graph.name, graph.description)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(graph=graphs(manual_fallback=False))
def test_any_graph_round_trips_through_a_csv_pair(tmp_path, graph):
    """The CSV pair has no column for manual_fallback (documented); every other field survives."""
    save_graph(graph, tmp_path / "pair")
    assert graph.same_model(load_graph(tmp_path / "pair"))


# --- node-link JSON is networkx's own format ----------------------------------------------------


@pytest.mark.parametrize(
    "make", [lambda: load_graph(HAVENSTAD), lambda: synthetic_graph(300, seed=1)], ids=["havenstad", "synthetic"]
)
def test_networkx_reads_our_node_link_json(tmp_path, make):
    graph = make()
    path = tmp_path / "graph.json"
    save_graph(graph, path)
    with open(path, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges="links")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph)
    assert g.number_of_edges() == edge_count(graph)
    consumer = next(a for a in graph if a.needs)
    need = consumer.needs[0]
    assert g.edges[need.suppliers[0], consumer.id, 0]["type"] == need.type
    assert g.nodes[consumer.id]["sector"] == consumer.sector


# --- the CSV pair, as a spreadsheet workshop writes it ------------------------------------------

ASSETS_CSV = (
    "\ufeffid,name,sector,kind,owner,population,lat,lon,recovery_duration,recovery_crew,exposure,monitoring,backups\r\n"
    'stroom-west,"Onderstation West, 20 kV",energy,substation,netbeheerder,,51.912,4.365,"lognormal(median=5h, '
    'p90=18h)",netbeheerder/monteurs,low,,\r\n'
    "stroom-oost,Onderstation Oost,energy,substation,netbeheerder,,,,4h,,,,\r\n"
    "kpn,KPN-centrale,telecom,exchange,,,,,,,,,\r\n"
    "ziekenhuis,Ziekenhuis Havenstad,health,hospital,ziekenhuis,900,,,,,medium,2h,offline\r\n"
)
NEEDS_CSV = (
    "asset,type,from,need,tolerance,effect,restart,refill\r\n"
    "ziekenhuis,power,stroom-west;stroom-oost,1,72h,,30min,nee\r\n"
    "ziekenhuis,telecom,kpn,,0min,degrade 0.7,,\r\n"
    "kpn,power, stroom-west ; stroom-oost ,2,4h,,,\r\n"
)


def write_pair(folder: Path, assets: str = ASSETS_CSV, needs: str = NEEDS_CSV) -> Path:
    folder.mkdir()
    (folder / "assets.csv").write_bytes(assets.encode("utf-8"))
    (folder / "needs.csv").write_bytes(needs.encode("utf-8"))
    return folder


def test_csv_pair_values(tmp_path):
    graph = load_graph(write_pair(tmp_path / "werkmap"))
    assert [a.id for a in graph] == ["stroom-west", "stroom-oost", "kpn", "ziekenhuis"]
    west = graph.asset("stroom-west")
    assert west.name == "Onderstation West, 20 kV"
    assert west.population == 0  # empty cell: the default
    assert (west.location.lat, west.location.lon) == (51.912, 4.365)
    assert west.recovery.duration == Distribution("lognormal", (300.0, 1080.0))
    assert west.recovery.crew == "netbeheerder/monteurs"
    assert west.exposure == "low" and west.monitoring is None and west.backups == "online"
    assert graph.asset("stroom-oost").recovery.duration == Distribution.fixed(240.0)
    assert graph.asset("stroom-oost").recovery.crew is None

    hospital = graph.asset("ziekenhuis")
    assert (hospital.population, hospital.monitoring, hospital.backups) == (900, Distribution.fixed(120.0), "offline")
    power, telecom = hospital.needs
    assert (power.type, power.suppliers, power.k) == ("power", ("stroom-west", "stroom-oost"), 1)
    assert (power.tolerance, power.effect, power.restart, power.refill) == (72 * 60.0, 0.0, 30.0, False)
    assert (telecom.suppliers, telecom.k, telecom.tolerance, telecom.effect, telecom.refill) == (
        ("kpn",),
        1,
        0.0,
        0.7,
        True,
    )
    (kpn_power,) = graph.asset("kpn").needs
    assert (kpn_power.suppliers, kpn_power.k, kpn_power.tolerance) == (("stroom-west", "stroom-oost"), 2, 240.0)


@pytest.mark.parametrize("name", ["assets.csv", "needs.csv"])
def test_csv_pair_loads_from_either_file(tmp_path, name):
    folder = write_pair(tmp_path / "werkmap")
    assert load_graph(folder / name).same_model(load_graph(folder))


def problems(folder: Path) -> list[str]:
    """The rendered problems of loading ``folder``, with file names relative to it."""
    with pytest.raises(LoadError) as info:
        load_graph(folder)
    return [line.removeprefix(f"{folder}/") for line in info.value.render("en").splitlines()]


@pytest.mark.parametrize(
    "row, expected",
    [
        (
            "ziekenhuis,water,kpn,,3 uurtjes,,,",
            "needs.csv:5: tolerance: '3 uurtjes' is not a duration: "
            "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
            "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
        ),
        (
            "ziekenhuis,water,kpn,,,degrade 2,,",
            "needs.csv:5: effect: '{'degrade': 2}' is not an effect (write fail, or degrade: 0.7)",
        ),
        ("ziekenhuis,water,kpn,,,,,misschien", "needs.csv:5: refill: expected true or false, got 'misschien'"),
        ("ziekenhuis,drinkwater,kpn,,,,,", None),
        (
            "ziekenhuis,water,kpn;stroom-wets,,,,,",
            "needs.csv:5: from[1]: unknown asset 'stroom-wets' (did you mean 'stroom-west'?)",
        ),
        ("ziekenhuis,water,kpn;ziekenhuis,,,,,", "needs.csv:5: from[1]: asset 'ziekenhuis' cannot need itself"),
        ("ziekenhuis,water,kpn,3,,,,", "needs.csv:5: need: need: 3 is larger than the number of suppliers (1)"),
        ("ziekenhuiz,water,kpn,,,,,", "needs.csv:5: asset: unknown asset 'ziekenhuiz' (did you mean 'ziekenhuis'?)"),
        (",water,kpn,,,,,", "needs.csv:5: asset: required field is missing"),
    ],
    ids=["duration", "effect", "refill", "type", "unknown-supplier", "self", "need", "unknown-consumer", "no-consumer"],
)
def test_bad_cell_in_needs_csv_names_file_line_and_column(tmp_path, row, expected):
    folder = write_pair(tmp_path / "werkmap", needs=NEEDS_CSV + row + "\r\n")
    lines = problems(folder)
    if expected is None:  # the list of choices comes from pydantic: pin only the start
        assert len(lines) == 1 and lines[0].startswith(
            "needs.csv:5: type: 'drinkwater' is not one of 'power', 'water'"
        ), lines
    else:
        assert lines == [expected]


@pytest.mark.parametrize(
    "row, expected",
    [
        ("gemaal,Gemaal,water,,,veel,,,,,,,", "assets.csv:6: population: expected a whole number, got 'veel'"),
        ("gemaal,Gemaal,water,,,,95,4.3,,,,,", "assets.csv:6: lat: 95 must be at most 90.0"),
        (
            "gemaal,Gemaal,water,,,,,,2 uurtjes,,,,",
            "assets.csv:6: recovery_duration: '2 uurtjes' is not a distribution (e.g. 2h, uniform(1h, 3h),"
            " triangular(1h, 2h, 6h), lognormal(median=40min, p90=3h), exponential(mean=2h))",
        ),
        ("gemaal,Gemaal,water,,,,,,,ploeg,,,", "assets.csv:6: recovery_duration: required field is missing"),
        (
            "Gemaal,Gemaal,water,,,,,,,,,,",
            (
                "assets.csv:6: id: 'Gemaal' is not a valid id (lower-case letters, digits, '-', '_' and '.', "
                "starting with a letter or digit)"
            ),
        ),
        ("kpn,KPN,telecom,,,,,,,,,,", "assets.csv:6: id: duplicate id 'kpn' (first defined at assets.csv:4)"),
    ],
    ids=["population", "lat", "recovery-duration", "crew-without-duration", "slug", "duplicate"],
)
def test_bad_cell_in_assets_csv_names_file_line_and_column(tmp_path, row, expected):
    folder = write_pair(tmp_path / "werkmap", assets=ASSETS_CSV + row + "\r\n")
    assert problems(folder) == [expected]


def test_csv_line_numbers_count_cells_that_span_lines(tmp_path):
    """A spreadsheet cell with a line break (Alt+Enter) is quoted over two lines of the file."""
    assets = ASSETS_CSV.replace('"Onderstation West, 20 kV"', '"Onderstation West,\r\n20 kV"')
    folder = write_pair(tmp_path / "werkmap", assets=assets + "gemaal,Gemaal,water,,,veel,,,,,,,\r\n")
    assert (
        load_graph(write_pair(tmp_path / "ok", assets=assets)).asset("stroom-west").name
        == "Onderstation West,\r\n20 kV"
    )
    assert problems(folder) == ["assets.csv:7: population: expected a whole number, got 'veel'"]


def test_csv_pair_with_a_file_missing(tmp_path):
    folder = tmp_path / "werkmap"
    folder.mkdir()
    (folder / "assets.csv").write_text(ASSETS_CSV, encoding="utf-8")
    assert problems(folder) == [f"{folder}: expected assets.csv and needs.csv side by side; missing needs.csv"]


# --- rampsim graph convert / info, rampsim schema -----------------------------------------------


def test_graph_convert_chain(havenstad, tmp_path):
    chain = [HAVENSTAD, tmp_path / "a.json", tmp_path / "b.graphml", tmp_path / "c.yaml"]
    for source, target in zip(chain, chain[1:]):
        result = runner().invoke(cli, ["graph", "convert", str(source), str(target)])
        assert result.exit_code == 0, result.output
        assert f"Wrote {target} ({len(havenstad)} assets)" in result.stdout
        assert havenstad.same_model(load_graph(target))
    result = runner().invoke(cli, ["validate", str(chain[-1])])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("target", ["out.txt", "out.json"])
def test_graph_convert_refuses_bad_input_and_writes_nothing(tmp_path, target):
    source = tmp_path / "bad.yaml"
    source.write_text("assets:\n  - id: a\n    sector: energy\n    population: veel\n", encoding="utf-8")
    if target == "out.txt":
        source = HAVENSTAD  # good source, unknown target type
    result = runner().invoke(cli, ["graph", "convert", str(source), str(tmp_path / target)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert (
        ("bad.yaml:4: assets[0].population" in result.stderr)
        if target == "out.json"
        else ("unknown file type '.txt'" in result.stderr)
    )
    assert not (tmp_path / target).exists()


def test_graph_info_prints_sectors_and_cycles():
    result = runner().invoke(cli, ["graph", "info", str(HAVENSTAD)])
    assert result.exit_code == 0, result.output
    assert "Graph Havenstad: 75 assets" in result.stdout
    for sector in ("energy", "flood_defence", "population"):
        assert sector in result.stdout
    assert "Dependency cycles: 3 group(s)" in result.stdout
    assert "netbeheer-scada" in result.stdout


def test_graph_info_json(havenstad):
    result = runner().invoke(cli, ["graph", "info", "--json", str(HAVENSTAD)])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert {"per_sector", "cycles", "no_dependents", "no_power_redundancy"} <= set(info)
    assert sum(info["per_sector"].values()) == len(havenstad) == info["assets"]
    assert info["needs"] == sum(len(a.needs) for a in havenstad)
    ids = set(havenstad.index)
    assert all(len(c) > 1 and set(c) <= ids for c in info["cycles"])
    assert any({"netbeheer-scada", "kpn-centrale"} <= set(c) for c in info["cycles"])  # cycle C1 of the file
    assert set(info["no_dependents"]) <= ids and "ziekenhuis" in info["no_dependents"]
    assert set(info["no_power_redundancy"]) <= ids


def test_graph_info_of_a_scenario_shows_its_graph():
    result = runner().invoke(cli, ["graph", "info", "--json", str(ROOT / "scenarios" / "sluis-havenstad.yaml")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["assets"] == 75


@pytest.mark.parametrize(
    "kind, field", [("scenario", "injects"), ("graph", "assets"), ("organisations", "organisations")]
)
def test_schema(kind, field):
    result = runner().invoke(cli, ["schema", kind])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.stdout)
    assert field in schema["properties"]
    assert schema["title"] == f"rampsim {kind} file"


def test_the_networkx_view_has_one_edge_per_supplier_of_each_need(root):
    from simulator.model import load_graph

    graph = load_graph(root / "infrastructure_graphs" / "havenstad.yaml")
    view = graph.networkx
    assert view.number_of_nodes() == len(graph)
    assert view.number_of_edges() == sum(len(n.suppliers) for a in graph.assets for n in a.needs)
    assert view.nodes["ziekenhuis"]["sector"] == "health"


def test_convert_to_a_csv_name_writes_a_folder_of_that_name(tmp_path):
    (tmp_path / "assets.csv").write_text("not mine\n", encoding="utf-8")  # someone else's file beside it
    result = CliRunner().invoke(
        cli,
        [
            "--lang",
            "en",
            "graph",
            "convert",
            str(ROOT / "infrastructure_graphs" / "havenstad.yaml"),
            str(tmp_path / "havenstad.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "havenstad" / "assets.csv").is_file() and (tmp_path / "havenstad" / "needs.csv").is_file()
    assert (tmp_path / "assets.csv").read_text(encoding="utf-8") == "not mine\n"
    assert str(tmp_path / "havenstad") in result.output.replace("\n", "")


def test_convert_refuses_to_write_a_pair_into_a_run_directory(tmp_path):
    runner = CliRunner()
    run = tmp_path / "run"
    assert (
        runner.invoke(
            cli, ["run", str(ROOT / "scenarios" / "ransomware-gemeente.yaml"), "--out", str(run), "-q"]
        ).exit_code
        == 0
    )
    before = (run / "assets.csv").read_bytes()
    for target in (run, run / "assets.csv"):
        result = runner.invoke(
            cli,
            [
                "--lang",
                "en",
                "graph",
                "convert",
                str(ROOT / "infrastructure_graphs" / "vliegveldstad.yaml"),
                str(target),
            ],
        )
        assert result.exit_code == 2 and "run or ensemble directory" in result.output
    assert (run / "assets.csv").read_bytes() == before


@pytest.mark.parametrize(
    ("name", "content"), [("e.json", "{}"), ("e.yaml", "assets: []\n"), ("m.json", '{"assets_failed": 3}')]
)
def test_a_graph_without_assets_is_refused(tmp_path, name, content):
    (tmp_path / name).write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(tmp_path / name)])
    assert result.exit_code == 2 and "assets: needs at least 1 item(s)" in result.output
