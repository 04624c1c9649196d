"""A playbook written for "any lock" or "any movable bridge" runs on a town without one: a rule
whose selector by kind or sector matches no asset is a warning (printed with file, line and field;
exit 0), while a selector that names an asset id, and a basin the graph lacks, stay errors (exit 2).

The files are test_bad_input.py's three small ones (graph ``stroom`` -> ``gemaal``, no lock, no
basin) with a playbook file ``draaiboek.yaml`` beside them:

    line 1  rules:
    line 2    - id: sluizen
    line 3      when: {asset_failed: {kind: lock}}
    line 4      action: manual
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_input import GRAPH, SCENARIO, assert_refused, edit, invoke, write_files

import simulator
from simulator.model import LoadError

PLAYBOOK = """\
rules:
  - id: sluizen
    when: {asset_failed: {kind: lock}}
    action: manual
"""
WITH_PLAYBOOK = edit(SCENARIO, "organisations: orgs.yaml\n", "organisations: orgs.yaml\nplaybook: draaiboek.yaml\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(playbook: str) -> dict:
    return {"scenario.yaml": WITH_PLAYBOOK, "draaiboek.yaml": playbook}


def test_a_rule_for_any_lock_on_a_town_without_locks_is_a_warning(workdir):
    write_files(workdir, files(PLAYBOOK))
    result = invoke(["--lang", "en", "validate", "scenario.yaml"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("scenario.yaml: valid (scenario, 2 assets, injects: 1)")
    assert result.stderr.splitlines() == [
        "draaiboek.yaml:3: rules[0].when.asset_failed: warning: the graph has no asset of kind 'lock': "
        "the rule never fires here"
    ]
    dutch = invoke(["--lang", "nl", "validate", "scenario.yaml"])
    assert dutch.exit_code == 0
    assert dutch.stderr.splitlines() == [
        "draaiboek.yaml:3: rules[0].when.asset_failed: waarschuwing: het netwerk heeft geen object van soort "
        "'lock': de regel gaat hier nooit af"
    ]


def test_the_warning_is_data_of_the_scenario_and_run_prints_it_and_runs(workdir):
    write_files(
        workdir, files(PLAYBOOK + "  - {id: bruggen, when: {at: 1h}, action: manual, target: {sector: waterways}}\n")
    )
    scenario = simulator.load_scenario("scenario.yaml")
    assert [(w.file.name, w.line, w.loc, w.key, w.warning) for w in scenario.warnings] == [
        ("draaiboek.yaml", 3, ("rules", 0, "when", "asset_failed"), "warn.selects_nothing", True),
        ("draaiboek.yaml", 5, ("rules", 1, "target"), "warn.selects_nothing", True),
    ]
    result = invoke(["--lang", "en", "run", "scenario.yaml", "--out", "out", "-q"])
    assert result.exit_code == 0, result.stderr
    assert "draaiboek.yaml:5: rules[1].target: warning: the graph has no asset in sector Waterways" in result.stderr
    dutch = invoke(["--lang", "nl", "validate", "scenario.yaml"])
    assert "rules[1].target: waarschuwing: het netwerk heeft geen object in de sector Vaarwegen" in dutch.stderr
    assert (workdir / "out" / "events.csv").is_file()


def test_a_town_with_the_kind_gets_no_warning(workdir):
    write_files(
        workdir, {**files(PLAYBOOK), "graph.yaml": edit(GRAPH, "sector: water\n", "sector: water\n    kind: lock\n")}
    )
    assert simulator.load_scenario("scenario.yaml").warnings == ()
    result = invoke(["--lang", "en", "validate", "scenario.yaml"])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # an asset id that exists, but is no lock: the rule can never fire on what it names
        (
            "{asset_failed: {asset: gemaal, kind: lock}}",
            "draaiboek.yaml:3: rules[0].when.asset_failed: the graph has no asset 'gemaal' of kind 'lock'",
        ),
        # an asset id that does not exist: a typo, with a hint
        (
            "{asset_failed: {asset: gemal}}",
            "draaiboek.yaml:3: rules[0].when.asset_failed.asset: unknown asset 'gemal' (did you mean 'gemaal'?)",
        ),
        # a basin the graph lacks is named by its id: an error like an asset id (README, playbooks)
        ("{alarm: havenbekken}", "draaiboek.yaml:3: rules[0].when.alarm: unknown basin 'havenbekken'"),
    ],
)
def test_a_rule_that_names_an_id_the_graph_lacks_stays_an_error(workdir, when, expected):
    write_files(workdir, files(PLAYBOOK.replace("{asset_failed: {kind: lock}}", when)))
    for command in ("validate", "run"):
        result = invoke(["--lang", "en", command, "scenario.yaml", *(["--out", "out"] if command == "run" else [])])
        assert_refused(result, expected)
        assert "warning" not in result.stderr
    assert not (workdir / "out").exists()


def test_errors_and_warnings_together_exit_2_and_show_the_error(workdir):
    write_files(workdir, files(PLAYBOOK + "  - {id: alarm, when: {alarm: havenbekken}, action: close_gates}\n"))
    result = invoke(["--lang", "en", "validate", "scenario.yaml"])
    assert_refused(result, "draaiboek.yaml:5: rules[1].when.alarm: unknown basin 'havenbekken'")


def test_havenstads_playbook_on_vliegveldstad_refuses_only_the_harbour_basin(tmp_path):
    """Issue 13's complaint: the lock, bridge and vessel-traffic rules of Havenstad's playbook are
    warnings on the airport town; its rule on the alarm of the basin 'havenbekken' names a basin
    Vliegveldstad does not have and stays the one error."""
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        f"name: t\ngraph: {ROOT / 'infrastructure_graphs' / 'vliegveldstad.yaml'}\n"
        f"organisations: {ROOT / 'scenarios' / 'common' / 'nl-crisisorganisatie.yaml'}\n"
        f"playbook: {ROOT / 'scenarios' / 'common' / 'draaiboek-havenstad.yaml'}\n"
        "start: 2027-01-15T02:30:00+01:00\ninjects:\n  - {type: outage, target: onderstation-zuid}\n",
        encoding="utf-8",
    )
    result = invoke(["--lang", "en", "validate", str(scenario)])
    assert_refused(result)
    errors = result.stderr.splitlines()
    assert len(errors) == 1 and errors[0].endswith("rules[20].when.alarm: unknown basin 'havenbekken'"), errors
    without_alarm = (ROOT / "scenarios" / "common" / "draaiboek-havenstad.yaml").read_text(encoding="utf-8")
    without_alarm = without_alarm[: without_alarm.index("  - id: zeesluis-dicht")]
    (tmp_path / "draaiboek.yaml").write_text(without_alarm, encoding="utf-8")
    edit_scenario = scenario.read_text(encoding="utf-8").replace(
        str(ROOT / "scenarios" / "common" / "draaiboek-havenstad.yaml"), "draaiboek.yaml"
    )
    scenario.write_text(edit_scenario, encoding="utf-8")
    warned = simulator.load_scenario(scenario).warnings
    assert [(w.loc, w.params["selector"]) for w in warned] == [
        (("rules", 3, "when", "asset_failed"), ("selector.kind", {"kind": "lock"})),
        (("rules", 4, "when", "asset_failed"), ("selector.kind", {"kind": "movable_bridge"})),
        (("rules", 5, "when", "asset_failed"), ("selector.kind", {"kind": "vessel_traffic_service"})),
    ]


KINDS = ("lock", "weir", "pumping_station", "movable_bridge")
SECTORS = ("energy", "water", "waterways")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    assets=st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(SECTORS)), min_size=1, max_size=4),
    kind=st.none() | st.sampled_from(KINDS),
    sector=st.none() | st.sampled_from(SECTORS),
    named=st.none() | st.integers(min_value=0, max_value=3),
)
def test_a_selector_is_refused_exactly_when_it_names_an_asset_and_matches_nothing(
    tmp_path_factory, assets, kind, sector, named
):
    """For any small graph and any selector: it matches nothing -> a warning without ``asset``,
    an error with one; it matches something -> neither. Never both, never a crash."""
    folder = tmp_path_factory.mktemp("g")
    lines = ["assets:"] + [f"  - {{id: a{i}, sector: {s}, kind: {k}}}" for i, (k, s) in enumerate(assets)]
    (folder / "graph.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    asset = f"a{named}" if named is not None and named < len(assets) else None
    fields = {"asset": asset, "kind": kind, "sector": sector}
    selector = {name: value for name, value in fields.items() if value is not None} or {"kind": "lock"}
    rule = "{" + ", ".join(f"{k}: {v}" for k, v in selector.items()) + "}"
    (folder / "s.yaml").write_text(
        "name: p\ngraph: graph.yaml\nstart: 2027-01-15T02:30:00+01:00\n"
        "injects: [{type: outage, target: a0}]\n"
        f"rules:\n  - {{id: r, when: {{asset_failed: {rule}}}, action: manual}}\n",
        encoding="utf-8",
    )
    matches = any(
        selector.get("asset") in (None, f"a{i}")
        and selector.get("kind") in (None, k)
        and selector.get("sector") in (None, s)
        for i, (k, s) in enumerate(assets)
    )
    try:
        scenario = simulator.load_scenario(folder / "s.yaml")
    except LoadError as error:
        assert not matches and "asset" in selector
        assert [p.key for p in error.problems] == ["ref.selects_nothing"]
        return
    assert matches or "asset" not in selector
    assert [w.key for w in scenario.warnings] == ([] if matches else ["warn.selects_nothing"])
