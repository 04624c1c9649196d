"""The plugin protocol (simulator/model/plugins.py): registration, the schema built from it, and a
third-party plugin (tests/plugins/rampsim_dummy) found by real entry-point discovery.

The dummy plugin is made discoverable by a ``rampsim_dummy-0.1.0.dist-info`` with the
``entry_points.txt`` of its pyproject.toml on the path of a subprocess (importlib.metadata reads it
exactly as for an installed package), so nothing is installed into the shared environment.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT

from simulator.model import plugins
from simulator.model.incidents import INCIDENT_CLASSES, INJECT_TYPES, OutageInject
from simulator.model.scenario import ScenarioFile

DUMMY = ROOT / "tests" / "plugins" / "rampsim_dummy"
CLI = "import sys; from simulator.cli import main; sys.argv[0] = 'rampsim'; main()"


def _dist_info(where: Path, entry_points: dict[str, dict[str, str]], name: str = "rampsim_dummy") -> Path:
    """A ``NAME-0.1.0.dist-info`` under ``where`` declaring ``entry_points`` (group -> name -> value)."""
    info = where / f"{name}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name.replace('_', '-')}\nVersion: 0.1.0\n", encoding="utf-8"
    )
    lines = []
    for group, entries in entry_points.items():
        lines.append(f"[{group}]")
        lines.extend(f"{key} = {value}" for key, value in entries.items())
        lines.append("")
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")
    return where


def _dummy_entry_points() -> dict[str, dict[str, str]]:
    project = tomllib.loads((DUMMY / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["entry-points"]


def _rampsim(args: list[str], site: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(DUMMY), str(ROOT)]), "RAMPSIM_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-c", CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


GRAPH = """\
name = "Koelhuis"

[[assets]]
id = "koelhuis"
sector = "food"

[[assets]]
id = "pomp"
sector = "water"
"""

SCENARIO = """\
name: Hittegolf met sabotage
graph: koelhuis.toml
start: 2027-07-01T08:00:00+02:00
duration: 12h
injects:
  - id: hitte
    at: 1h
    type: hazard
    target: koelhuis
    hazard: {{model: heatwave, start_c: 20, rise_c_per_h: 2, threshold_c: 30, level: {level}}}
  - id: sabotage
    at: 2h
    type: dummy.sabotage
    target: pomp
    level: 0.4
    duration: 1h
rules:
  - {{id: koelen, when: {{at: 7h}}, action: cool, target: koelhuis, duration: 30min}}
  - {{id: melden, when: {{incident_known: dummy.sabotage}}, action: inform_public}}
"""


@pytest.fixture(autouse=True)
def _restore_event_kinds_and_catalogue():
    """Unregistering a plugin leaves its event kinds and messages declared (the engine's table only
    grows); restore both after each test so that later test modules see the built-ins only."""
    from simulator import messages
    from simulator.engine import eventkinds

    names = ("EVENT_KINDS", "VISIBILITY", "HEADLINES", "INCIDENT_FACTS", "VISIBLE_INCIDENTS", "CHANNEL_OF")
    names += ("WATCH", "EXPECTED_ACTIONS", "STATUS_KINDS", "STATUS_KIND")
    tables = [getattr(eventkinds, name) for name in names]
    tables.append(messages.CATALOGUE)
    saved = [copy.deepcopy(table) for table in tables]
    yield
    for table, before in zip(tables, saved):
        table.clear()
        table.update(before)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return _dist_info(tmp_path_factory.mktemp("site"), _dummy_entry_points())


def _write_scenario(folder: Path, level: str = "0.5") -> Path:
    (folder / "koelhuis.toml").write_text(GRAPH, encoding="utf-8")
    path = folder / "hitte.yaml"
    path.write_text(SCENARIO.format(level=level), encoding="utf-8")
    return path


def test_a_third_party_plugin_runs_from_yaml_to_events_csv(site, tmp_path):
    """Heatwave from +1h: 20 °C rising 2 °C/h reaches 30 °C 5 h later (360 min): the cold store
    degrades to 0.5; the rule at 7h cools it for 30 min: back at 450. Sabotage at +2h for 1h:
    the pump at 0.4 from 120 to 180, reported at once (no reporting delay): the sabotage is known at
    120 (its kind is an incident fact), so the rule on ``incident_known: dummy.sabotage`` fires then.
    The graph is a TOML file read by the plugin's graph format."""
    scenario = _write_scenario(tmp_path)
    done = _rampsim(["run", str(scenario), "--out", str(tmp_path / "run"), "--quiet"], site, tmp_path)
    assert done.returncode == 0, done.stderr
    with open(tmp_path / "run" / "events.csv", encoding="utf-8") as f:
        events = list(csv.DictReader(f))
    plugin_rows = [
        (float(e["time_min"]), e["kind"], e["asset"], e["message"])
        for e in events
        if e["kind"].startswith(("heatwave.", "dummy.", "rule.")) or (e["kind"] == "inject" and e["asset"] == "pomp")
    ]
    assert plugin_rows == [
        (120.0, "inject", "pomp", "Inject sabotage (cybercrime): sabotage on pomp"),
        (120.0, "dummy.sabotaged", "pomp", "pomp is sabotaged"),
        (120.0, "rule.fired", "pomp", "Playbook rule melden applies: Inform the public"),
        (180.0, "dummy.sabotage_over", "pomp", "The sabotage of pomp is over"),
        (360.0, "heatwave.too_hot", "koelhuis", "It is 30.0 °C at koelhuis"),
        (420.0, "rule.fired", "", "Playbook rule koelen applies: Cool"),
        (450.0, "heatwave.cooled", "koelhuis", "koelhuis is cooled"),
    ]
    with open(tmp_path / "run" / "states.csv", encoding="utf-8") as f:
        states = [(float(s["time_min"]), s["asset"], float(s["service"])) for s in csv.DictReader(f)]
    assert states == [(120.0, "pomp", 0.4), (180.0, "pomp", 1.0), (360.0, "koelhuis", 0.5), (450.0, "koelhuis", 1.0)]


def test_rampsim_schema_lists_the_plugins_types_models_and_actions(site, tmp_path):
    done = _rampsim(["schema"], site, tmp_path)
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    defs = schema["$defs"]
    inject_types = {
        d["properties"]["type"]["const"]
        for d in defs.values()
        if "type" in d.get("properties", {}) and "const" in d["properties"]["type"]
    }
    assert {"dummy.sabotage", "outage", "online.mobilization"} <= inject_types
    assert defs["HeatwaveSpec"]["properties"]["model"]["const"] == "heatwave"
    assert "cool" in defs["Rule"]["properties"]["action"]["enum"]
    without = _rampsim(["schema"], tmp_path / "nothing-here", tmp_path)  # no plugin on the path
    assert "dummy.sabotage" not in without.stdout and "heatwave" not in without.stdout


def test_a_mistake_in_a_plugins_field_names_file_line_and_field(site, tmp_path):
    scenario = _write_scenario(tmp_path, level="1.5")
    done = _rampsim(["validate", str(scenario)], site, tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"{scenario}:10: injects[0].hazard.level: 1.5 must be less than 1.0"


def test_without_the_plugin_its_type_model_and_action_are_each_an_unknown_choice(tmp_path):
    scenario = _write_scenario(tmp_path)
    done = _rampsim(["validate", str(scenario)], tmp_path / "nothing-here", tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert [line.split(": '")[0] for line in lines] == [
        f"{scenario}:10: injects[0].hazard.model",  # every problem at once, by line
        f"{scenario}:13: injects[1].type",
        f"{scenario}:18: rules[0].action",
    ]
    assert "'heatwave' is not one of 'lock_breach', 'polder'" in lines[0]


def test_a_mistake_inside_a_built_in_hazard_is_located_at_the_hazard_field(tmp_path):
    """The inject type ``hazard`` has a field ``hazard``: only the tag is left out of the location."""
    from simulator.model import LoadError, load_scenario

    path = tmp_path / "s.yaml"
    path.write_text(
        "name: x\ngraph: g.yaml\nstart: 2027-01-01T00:00:00\ninjects:\n  - type: hazard\n    target: a\n"
        "    hazard:\n      model: polder\n      basin: b\n      catchment_m2: -5\n      rain: [{mm_per_h: 1}]\n",
        encoding="utf-8",
    )
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.loc, problem.key) == (10, ("injects", 0, "hazard", "catchment_m2"), "value.range")


def test_a_plugins_graph_format_is_read_by_graph_convert_and_a_read_only_one_is_no_target(site, tmp_path):
    _write_scenario(tmp_path)
    done = _rampsim(["graph", "convert", "koelhuis.toml", "koelhuis.yaml"], site, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "id: koelhuis" in (tmp_path / "koelhuis.yaml").read_text(encoding="utf-8")
    back = _rampsim(["graph", "convert", "koelhuis.yaml", "again.toml"], site, tmp_path)
    assert back.returncode == 2 and "Traceback" not in back.stderr and "again.toml" in back.stderr
    assert not (tmp_path / "again.toml").exists()


@pytest.mark.parametrize(
    "group, entry, why",
    [
        ("rampsim.hazards", "tsunami = rampsim_missing:HAZARD", "cannot load it: No module named 'rampsim_missing'"),
        (
            "rampsim.hazards",
            "tsunami = rampsim_dummy:HEATWAVE",
            "the entry point's name differs from the declaration's 'heatwave'",
        ),
        ("rampsim.hazards", "dummy.sabotage = rampsim_dummy:SABOTAGE", "expected HazardPlugin, got IncidentPlugin"),
        ("rampsim.incidents", "outage = rampsim_dummy:SABOTAGE", "the entry point's name differs"),
    ],
)
def test_a_broken_plugin_is_a_clear_error_with_exit_2(tmp_path, group, entry, why):
    name, value = (part.strip() for part in entry.split("="))
    site = _dist_info(tmp_path / "site", {group: {name: value}}, name="rampsim_broken")
    done = _rampsim(["schema"], site, tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"a rampsim plugin cannot be used: entry point {entry} ({group}): ")
    assert why in done.stderr


# --- the registry in process ------------------------------------------------------------------------
def test_the_built_ins_are_registered_through_the_protocol():
    types = plugins.incident_types()
    assert (
        list(types)
        == list(INJECT_TYPES)
        == [
            "outage",
            "cyber.compromise",
            "cyber.ransomware",
            "cyber.ddos",
            "online.fraud",
            "online.threat",
            "hazard",
            "online.mobilization",
        ]
    )
    assert types["outage"].spec is OutageInject and INCIDENT_CLASSES["online.mobilization"] == "safety_digital"
    assert set(plugins.hazard_models()) >= {"lock_breach", "polder", "crowd"}
    assert set(plugins.graph_formats()) >= {"yaml", "json", "graphml", "csv"}
    assert plugins.actions()["isolate"].per_asset and not plugins.actions()["nl_alert"].per_asset


def test_registering_a_type_in_process_extends_the_scenario_schema_and_unregistering_removes_it():
    from typing import Literal

    from simulator.model.incidents import InjectBase

    class Flare(InjectBase):
        type: Literal["test.flare"]

    data = {
        "name": "x",
        "graph": "g.yaml",
        "start": "2027-01-01T00:00:00",
        "injects": [{"type": "test.flare", "target": "a"}],
    }
    with pytest.raises(ValueError):
        ScenarioFile.model_validate(data)
    plugins.register(plugins.IncidentPlugin("test.flare", Flare, "physical", handler=lambda *args: None))
    try:
        assert type(ScenarioFile.model_validate(data).injects[0]) is Flare
        assert "test.flare" in INJECT_TYPES and INCIDENT_CLASSES["test.flare"] == "physical"
    finally:
        plugins.unregister("rampsim.incidents", "test.flare")
    with pytest.raises(ValueError):
        ScenarioFile.model_validate(data)


def test_a_name_taken_a_wrong_class_or_a_spec_without_its_tag_is_refused():
    from typing import Literal

    from simulator.model.incidents import InjectBase

    class Other(InjectBase):
        type: Literal["outage"]

    class Untagged(InjectBase):
        type: Literal["something.else"]

    with pytest.raises(plugins.PluginError, match="'outage' is registered already"):
        plugins.register(plugins.IncidentPlugin("outage", Other, "physical", handler=lambda *args: None))
    with pytest.raises(plugins.PluginError, match="class 'crime'"):
        plugins.register(plugins.IncidentPlugin("test.x", Untagged, "crime", handler=lambda *args: None))
    with pytest.raises(plugins.PluginError, match=r"type: Literal\['test.x'\]"):
        plugins.register(plugins.IncidentPlugin("test.x", Untagged, "physical", handler=lambda *args: None))
    assert "test.x" not in plugins.incident_types()
    plugins.register(plugins.incident_types()["outage"])  # the same declaration again: nothing happens


def test_a_plugins_event_kinds_are_declared_when_it_is_registered():
    from typing import Literal

    from simulator.engine.eventkinds import EVENT_KINDS, INCIDENT_FACTS, EventKind
    from simulator.model.incidents import InjectBase

    class Spill(InjectBase):
        type: Literal["test.spill"]

    hit = EventKind("test.spilled", "incident", "visible", incident_fact=True)
    over = EventKind("test.spill_over", "incident", "visible")
    plugins.register(
        plugins.IncidentPlugin("test.spill", Spill, "physical", handler=lambda *args: None, kinds=(hit, over))
    )
    try:
        assert EVENT_KINDS["test.spilled"] is hit and EVENT_KINDS["test.spill_over"].message == "event.test.spill_over"
        assert "test.spilled" in INCIDENT_FACTS and "test.spill_over" not in INCIDENT_FACTS
    finally:
        plugins.unregister("rampsim.incidents", "test.spill")


def test_a_plugins_message_may_not_change_a_catalogue_entry():
    with pytest.raises(plugins.PluginError, match="event.outage.start"):
        plugins.register(plugins.ActionPlugin("test.act", messages={"event.outage.start": {"en": "something else"}}))
    assert "test.act" not in plugins.actions()


def test_the_dummy_plugin_declares_its_kinds_and_messages_in_english_and_dutch():
    sys.path.insert(0, str(DUMMY))
    try:
        import rampsim_dummy
    finally:
        sys.path.remove(str(DUMMY))
    for declaration in (rampsim_dummy.HEATWAVE, rampsim_dummy.SABOTAGE, rampsim_dummy.COOL):
        for key, entry in declaration.messages.items():
            assert set(entry) == {"en", "nl"}, key
        for event_kind in declaration.kinds:
            assert event_kind.message in declaration.messages


@pytest.fixture
def dummy_registered():
    """The dummy plugin's hazard and action registered in this process (entry points: the tests above)."""
    sys.path.insert(0, str(DUMMY))
    try:
        import rampsim_dummy
    finally:
        sys.path.remove(str(DUMMY))
    plugins.register(rampsim_dummy.HEATWAVE, rampsim_dummy.COOL)
    yield rampsim_dummy
    plugins.unregister("rampsim.hazards", "heatwave")
    plugins.unregister("rampsim.actions", "cool")


def test_a_plugins_hazard_started_by_a_manipulation_is_stopped_by_a_plugins_action(dummy_registered):
    """A manipulated cooling control at 0 starts a heatwave (20 °C + 2 °C/h: 30 °C at 300 min);
    monitoring finds the manipulation at 30, the rule cools for 60 min: cooled at 90, never too hot."""
    from conftest import build, kinds, run

    assets = [{"id": "koelhuis", "sector": "food"}]
    inject = {
        "type": "cyber.compromise",
        "target": "koelhuis",
        "effect": "manipulate",
        "detect": {"monitoring": "30min"},
        "hazard": {"model": "heatwave", "rise_c_per_h": 2, "threshold_c": 30},
    }
    rule = {"id": "koelen", "when": {"incident_known": "cyber.compromise"}, "action": "cool", "duration": "1h"}
    record = run(build(assets, [inject], rules=[rule]))
    assert kinds(record, "heatwave.cooled") == [(90.0, "koelhuis")]
    assert kinds(record, "heatwave.too_hot") == []
    late = run(build(assets, [inject], rules=[{**rule, "delay": "5h"}]))  # cooling starts at 330, done at 390
    assert kinds(late, "heatwave.too_hot") == [(300.0, "koelhuis")] and kinds(late, "heatwave.cooled") == [
        (390.0, "koelhuis")
    ]
    assert [(s.time_min, s.service) for s in late.states] == [(300.0, 0.5), (390.0, 1.0)]
