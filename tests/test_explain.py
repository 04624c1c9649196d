"""End to end: `rampsim explain`, what was known when (`known_at`), timelines in Dutch and English."""

import textwrap

import pytest
from click.testing import CliRunner
from conftest import ROOT, build, run, with_water

import simulator
from simulator.analysis import Results
from simulator.cli import cli
from simulator.report.debrief import render_report

GRAPH = """
assets:
  - {id: net, name: Onderstation, sector: energy, owner: netbeheerder,
     recovery: {duration: 2h, crew: netbeheerder/monteurs}}
  - id: ziekenhuis
    name: Ziekenhuis
    sector: health
    owner: ziekenhuis
    population: 900
    needs: [{type: power, from: net, tolerance: 30min}]
"""
ORGS = """
control_room: vr
reporting: {delay: 10min, notify: 15min}
organisations:
  - {id: vr, name: Veiligheidsregio}
  - {id: ziekenhuis}
  - id: netbeheerder
    crews: [{id: monteurs, callout: {office: 30min, outside: 1h30min}}]
escalation:
  name: GRIP
  levels:
    - {level: 1, name: GRIP 1, teams: [{id: copi, name: CoPI, assembly: 30min}], when: known_incidents >= 1}
"""
SCENARIO = """
name: Stroomstoring
graph: graph.yaml
organisations: orgs.yaml
start: 2027-01-15T02:30:00+01:00
duration: 12h
language: {language}
injects:
  - {{id: brand, type: outage, target: net}}
"""


@pytest.fixture
def files(tmp_path):
    def write(language="nl"):
        (tmp_path / "graph.yaml").write_text(textwrap.dedent(GRAPH), encoding="utf-8")
        (tmp_path / "orgs.yaml").write_text(textwrap.dedent(ORGS), encoding="utf-8")
        (tmp_path / "s.yaml").write_text(textwrap.dedent(SCENARIO.format(language=language)), encoding="utf-8")
        return tmp_path

    return write


def test_explain_tells_the_chain_with_who_knew_what_when(files):
    folder = files()
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(folder / "s.yaml"), "--out", str(folder / "run"), "-q"]).exit_code == 0
    result = runner.invoke(cli, ["--lang", "en", "explain", str(folder / "run"), "ziekenhuis"])
    assert result.exit_code == 0, result.output
    out = result.output
    # the chain from the hospital back to the inject, with its class
    assert out.startswith("Ziekenhuis, failure 1: the chain of causes")  # the name people read, not the id
    for line in (
        "Ziekenhuis fails",
        "buffer exhausted",
        "Ziekenhuis loses power",
        "Onderstation fails",
        "Outage at Onderstation",
        "Inject brand",
        "(physical incident)",
    ):
        assert line in out, (line, out)
    assert out.index("Ziekenhuis fails") < out.index("Inject brand")
    # who knew: the control room after the 10-minute report, the grid operator with it
    assert "known after 10min (by: Veiligheidsregio +10min, netbeheerder +10min)" in out
    assert "Back in operation:" in out and "Onderstation repaired" in out


def test_explain_in_dutch_by_the_scenario_language(files):
    folder = files("nl")
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(folder / "s.yaml"), "--out", str(folder / "run"), "-q"]).exit_code == 0
    out = runner.invoke(cli, ["explain", str(folder / "run"), "ziekenhuis"]).output
    assert "Ziekenhuis valt uit" in out and "bekend na 10min" in out


def test_explain_refuses_unknown_asset_and_non_run(files, tmp_path):
    folder = files()
    runner = CliRunner()
    runner.invoke(cli, ["run", str(folder / "s.yaml"), "--out", str(folder / "run"), "-q"])
    unknown = runner.invoke(cli, ["--lang", "en", "explain", str(folder / "run"), "ziekenhuys"])
    assert unknown.exit_code == 2 and "did you mean 'ziekenhuis'" in (
        unknown.stderr if hasattr(unknown, "stderr") else unknown.output
    )
    assert runner.invoke(cli, ["explain", str(tmp_path), "ziekenhuis"]).exit_code == 2


def test_timeline_dutch_by_default_english_on_request(files):
    folder = files("nl")
    runner = CliRunner()
    dutch = runner.invoke(cli, ["run", str(folder / "s.yaml"), "--out", str(folder / "nl")]).output
    english = runner.invoke(cli, ["run", str(folder / "s.yaml"), "--out", str(folder / "en"), "--lang", "en"]).output
    assert "Tijdlijn" in dutch and "Opschaling naar GRIP 1" in dutch and "Meldkamer krijgt een melding" in dutch
    assert "Timeline" in english and "Escalation to GRIP 1" in english and "Control room receives a report" in english


def test_known_at_gives_the_picture_at_a_moment(files):
    folder = files()
    result = simulator.simulate(folder / "s.yaml")
    # at 5 minutes nobody knows anything; at 10 the control room and the grid operator do
    assert result.known_at(5.0).empty
    picture = result.status_known_at(10.0, org="vr")
    assert picture[["asset", "status"]].values.tolist() == [["net", "failed"]]
    assert result.status_known_at(10.0, org="ziekenhuis").empty
    # the hospital's own failure (at 30) is reported at 40
    later = result.status_known_at(45.0)
    assert sorted(later["asset"]) == ["net", "ziekenhuis"]


def test_metrics_of_the_response(files):
    folder = files()
    metrics = simulator.simulate(folder / "s.yaml").metrics
    assert metrics["time_to_detection_min"] == 10.0
    assert metrics["grip_max"] == 1 and metrics["time_to_grip_min"] == {"1": 10.0}
    assert metrics["teams_activated"] == {"copi": 40.0}
    # the crew is called at 10 (night: 1h30 call-out): the repair waited 90 minutes
    assert metrics["crew_wait_min"] == {"netbeheerder/monteurs": 90.0}
    assert metrics["incidents_by_class"] == {"physical": 1}


def test_explain_shows_the_changes_in_between(root, tmp_path):
    """The sea lock fails with its control system, runs by hand at 50 % in between, comes back (seed 2:
    with most seeds the rebuilt control system is not back within the 48 hours)."""
    runner = CliRunner()
    out = tmp_path / "run"
    assert (
        runner.invoke(
            cli, ["run", str(root / "scenarios" / "sluis-havenstad.yaml"), "--seed", "2", "--out", str(out), "-q"]
        ).exit_code
        == 0
    )
    text = runner.invoke(cli, ["--lang", "en", "explain", str(out), "zeesluis"]).output
    assert text.index("chain of causes") < text.index("In between:") < text.index("Back in operation:")
    assert "degraded to 50%" in text


def test_explain_an_asset_nothing_happened_to(tmp_path):
    """Not an error: the asset exists, it just never changed (exit 0, says so)."""
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        f"name: Rustig\ngraph: {ROOT / 'infrastructure_graphs' / 'havenstad.yaml'}\n"
        f"organisations: {ROOT / 'scenarios' / 'common' / 'nl-crisisorganisatie.yaml'}\n"
        "start: 2027-01-15T02:30:00+01:00\nduration: 2h\n"
        "injects:\n  - {id: laat, type: outage, target: onderstation-oost, at: 1h50min}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["run", str(scenario), "--out", str(tmp_path / "run"), "-q"]).exit_code == 0
    result = runner.invoke(cli, ["--lang", "en", "explain", str(tmp_path / "run"), "zeesluis"])
    assert result.exit_code == 0 and "Nothing happened to Zeesluis Havenstad in this run" in result.output


def degraded_then_flooded(power_tolerance=None):
    """Onderstation runs at 50 % once its control system fails (outage at 60 min), then floods:
    10 mm/h on 4 km² is 11.111 m³/s into a 200,000 m² polder pumped at 4 m³/s, so the level
    rises (64/9) / 200,000 m/s from -2.00 m NAP; the zone's ground is -1.60, the substation's
    tolerance 0.30: it fails at -1.30, 0.70 m up, after 0.7 x 200,000 x 9/64 s = 328.125 min.
    With ``power_tolerance`` it also takes power from the control system, on a buffer."""
    needs = [{"type": "control", "from": "scada", "effect": {"degrade": 0.5}}]
    if power_tolerance:
        needs.append({"type": "power", "from": "scada", "tolerance": power_tolerance})
    assets = [
        {"id": "scada", "sector": "telecom", "name": "Besturing"},
        {"id": "gemaal", "sector": "water", "name": "Gemaal"},
        {"id": "sub", "sector": "energy", "name": "Onderstation", "needs": needs},
    ]
    rain = {"model": "polder", "basin": "polder", "catchment_m2": 4_000_000, "rain": [{"mm_per_h": 10}]}
    injects = [
        {"id": "regen", "type": "hazard", "target": "gemaal", "hazard": rain},
        {"id": "storing", "type": "outage", "target": "scada", "at": 60},
    ]
    basin = {"id": "polder", "name": "Oostpolder", "area_m2": 200_000, "level_m": -2.0}
    basin["drains"] = [{"asset": "gemaal", "capacity_m3s": 4.0}]
    zones = [{"id": "laag", "basin": "polder", "ground_level_m": -1.6, "population": 1200, "assets": ["sub"]}]
    record = run(with_water(build(assets, injects, duration="12h"), [basin], zones))
    return Results.from_record(record, "en")


def test_a_later_failure_by_the_flood_gets_its_own_chain_after_the_degradation():
    """Issue 14: the flood that failed Havenkwartier after it was degraded was never drawn."""
    result = degraded_then_flooded()
    (episode,) = result.explain_asset("sub")
    failure = episode["failure"]
    assert list(zip(failure["time_min"], failure["kind"])) == [
        (60.0, "asset.degraded"),
        (60.0, "need.exhausted"),
        (60.0, "need.unsatisfied"),
        (60.0, "asset.failed"),
        (60.0, "outage.start"),
        (60.0, "inject"),
    ]
    (later,) = episode["later"]
    assert later["joins"] is False  # its own chain, back to the other inject
    assert list(later["chain"]["kind"]) == ["asset.failed", "flood.damage", "hazard.rain", "hazard.start", "inject"]
    assert list(later["chain"]["time_min"]) == pytest.approx([328.125, 328.125, 0.0, 0.0, 0.0], rel=1e-12, abs=0)
    assert episode["recovery"] is None


def test_explain_and_the_report_draw_both_causes_in_order_with_their_times(tmp_path):
    result = degraded_then_flooded()
    result.save(tmp_path / "run")
    out = CliRunner().invoke(cli, ["--lang", "en", "explain", str(tmp_path / "run"), "sub"]).output
    lines = [
        "  2027-01-15 03:30 (+1h) Onderstation degraded to 50%",
        "  <- 2027-01-15 03:30 (+1h) Inject storing (physical incident): outage on Besturing",
        "Later, worse, by a cause of its own:",
        "  2027-01-15 07:58 (+5h28min) Onderstation fails",
        "  <- 2027-01-15 07:58 (+5h28min) Onderstation floods and fails (water -1.30 m NAP)",
        "  <- 2027-01-15 02:30 (+0min) Rain on Oostpolder: 10 mm/h",
        "  <- 2027-01-15 02:30 (+0min) Inject regen (physical incident): physical hazard on Gemaal",
    ]
    at = [out.index(line + "\n") for line in lines]
    assert at == sorted(at), out
    assert "joins the chain above" not in out
    page = render_report(result, "en")
    article = page[page.index("<h3>Onderstation") : page.index("</article>", page.index("<h3>Onderstation"))]
    steps = [
        "From the inject to the failure:",
        "Inject storing",
        "Onderstation degraded to 50%",
        "Later, worse, by a cause of its own:",
        "Inject regen",
        "Rain on Oostpolder: 10 mm/h",
        "Onderstation floods and fails",
        "Onderstation fails</div>",
    ]
    at = [article.index(step) for step in steps]
    assert at == sorted(at), article


def test_a_later_failure_of_the_same_cascade_is_drawn_only_up_to_where_it_joins(tmp_path):
    """Power from the failed control system on a 2-hour buffer: failed at 60 + 120 = 180 min, by
    the control system's failure already drawn: its chain stops there. The flood at 328 min finds
    it failed already: no worsening, no chain of its own."""
    result = degraded_then_flooded(power_tolerance="2h")
    (episode,) = result.explain_asset("sub")
    (first,) = episode["later"]
    assert first["joins"] is True
    assert list(zip(first["chain"]["time_min"], first["chain"]["kind"], first["chain"]["asset"])) == [
        (180.0, "asset.failed", "sub"),
        (180.0, "need.exhausted", "sub"),
        (60.0, "need.unsatisfied", "sub"),
        (60.0, "asset.failed", "scada"),
    ]
    assert int(first["chain"]["id"].iloc[-1]) in set(episode["failure"]["id"])
    assert list(episode["between"]["kind"]) == ["asset.failed"]
    result.save(tmp_path / "run")
    out = CliRunner().invoke(cli, ["--lang", "en", "explain", str(tmp_path / "run"), "sub"]).output
    later = out[out.index("Later, worse, by a cause of its own:") :]
    steps = ["(+3h) Onderstation fails", "(+1h) Besturing fails", "joins the chain above"]
    assert [later.index(step) for step in steps] == sorted(later.index(step) for step in steps), later
    assert "In between:" in later and "Inject" not in later.split("joins the chain")[0]
