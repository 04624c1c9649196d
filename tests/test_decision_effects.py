"""What each decision bought or cost: exact effects on a small topology, telescoping, the CLI.

Start: Friday 15 January 2027 02:30 (night). Times are minutes after it.

    sub (energy, net) --power--> wijk (1,000 people)

sub fails at 0 (outage), reported at 10; net/monteurs (call-out 1h30 at night) repairs it in 2h:
wijk is without power 0-220 in the playbook-only course: 1,000 x 220/60 population-hours.
"""

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_decisions import LADDER, ORGS, RESPONSE, WIJK, sub

from simulator.analysis.decision_effects import course_figures, decision_effects, effects_table
from simulator.cli import cli
from simulator.model.decisions import Decision


def scenario(**spec):
    return build(
        [sub(), WIJK],
        [{"type": "outage", "target": "sub"}],
        ORGS,
        response={**RESPONSE, "escalation": LADDER},
        **spec,
    )


def decisions(*records):
    return [Decision.model_validate(r) for r in records]


GRIP = {"at": 10, "by": "vr", "action": "grip", "level": 1}  # CoPI assembled at 40
EVACUATE = {"at": 60, "by": "copi", "action": "evacuate", "target": "wijk", "duration": "1h"}  # out at 120
REFUSED = {"at": 5, "by": "net", "action": "repair", "target": "sub", "crew": "net/wacht"}  # nothing known yet


def test_an_evacuation_buys_exactly_the_hours_after_it():
    """Without decisions wijk is unserved 0-220; evacuated at 120 it stops counting then: the
    evacuation buys 1,000 x 100/60 population-hours; the GRIP decision buys nothing in them."""
    effects = decision_effects(scenario(), decisions(GRIP, EVACUATE), seed=1)
    course = effects.course.set_index("metric")
    assert course.loc["unserved_population_hours", ["playbook_only", "played"]].tolist() == pytest.approx(
        [1000 * 220 / 60, 1000 * 120 / 60]
    )
    assert course.loc["unserved_population_hours", "difference"] == pytest.approx(-1000 * 100 / 60)
    table = effects.table
    assert table[["decision", "by", "minute", "action", "taken"]].values.tolist() == [
        ["decision-1", "vr", 10.0, "grip", True],
        ["decision-2", "copi", 60.0, "evacuate", True],
    ]
    assert table["unserved_population_hours"].tolist() == pytest.approx([0.0, -1000 * 100 / 60])
    assert table["grip_max"].tolist() == [1.0, 0.0]  # the level decided; the ladder alone never escalates


def test_a_refused_decision_changes_nothing_and_says_why():
    effects = decision_effects(scenario(), decisions(REFUSED, GRIP, EVACUATE), seed=1)
    refused = effects.table.iloc[0]
    assert (refused["taken"], refused["reason"]) == (False, "target_unknown")
    figures = [c for c in effects.table.columns if c not in ("position", "decision", "by", "minute", "action")]
    numeric = effects.table.iloc[0][figures[figures.index("reason") + 1 :]]
    assert (numeric.fillna(0) == 0).all()


def test_ad_hoc_injects_stay_in_the_playbook_only_course():
    """Exercise control cuts sub again at 300: both courses have it, so it is no decision. Ids
    follow the order of application (by minute): the inject at 300 is the third."""
    inject = {"at": 300, "by": "exercise-control", "action": "inject", "inject": {"type": "outage", "target": "sub"}}
    effects = decision_effects(scenario(), decisions(GRIP, inject, EVACUATE), seed=1)
    assert effects.table["decision"].tolist() == ["decision-1", "decision-2"]
    assert [d.id for d in effects.injects] == ["decision-3"]


def test_effects_table_is_the_difference_of_consecutive_runs_by_hand():
    figures = [
        {"unserved_population_hours": 10.0, "max_water_level_m.b": 1.0},
        {"unserved_population_hours": 7.0, "max_water_level_m.b": 1.5},
    ]
    table = effects_table(decisions(GRIP), [(True, "")], figures)
    assert table.loc[0, "unserved_population_hours"] == -3.0 and table.loc[0, "max_water_level_m.b"] == 0.5


def test_course_figures_count_deadlines_met_and_missed():
    metrics = {"deadlines": {"a": {"met": True}, "b": {"met": False}, "c": {"met": None}}, "grip_max": 2}
    figures = course_figures(metrics)
    assert (figures["deadlines_met"], figures["deadlines_missed"], figures["grip_max"]) == (1.0, 1.0, 2.0)


CANDIDATES = [
    GRIP,
    EVACUATE,
    REFUSED,
    {"at": 20, "by": "net", "action": "manual", "target": "sub", "crew": "net/wacht"},
    {"at": 15, "by": "net", "action": "call_crew", "crew": "net/monteurs", "size": 1},
    {"at": 30, "by": "net", "action": "repair", "target": "sub", "crew": "net/wacht"},
    {"at": 45, "by": "vr", "action": "grip", "level": 3},
    {"at": 90, "by": "copi", "action": "inform_public"},
]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(range(len(CANDIDATES))), min_size=1, max_size=5), st.integers(0, 50))
def test_the_changes_add_up_to_played_minus_playbook_only(chosen, seed):
    """Telescoping: the per-decision changes sum to the headline difference, whatever the decisions."""
    picked = [dict(CANDIDATES[i], id=f"d{n}") for n, i in enumerate(chosen)]
    effects = decision_effects(scenario(), decisions(*picked), seed=seed)
    course = effects.course.set_index("metric")
    for metric in ("unserved_population_hours", "deadlines_met", "grip_max", "population_flooded"):
        assert effects.table[metric].sum() == pytest.approx(course.loc[metric, "difference"], abs=1e-9), metric
    assert (effects.table.loc[~effects.table["taken"], "unserved_population_hours"] == 0).all()


# --- the command line ------------------------------------------------------------------------------

GRAPH = """\
assets:
  - {id: sub, sector: energy, owner: net, recovery: {duration: 2h, crew: net/monteurs}}
  - {id: wijk, sector: population, owner: gem, population: 1000, needs: [{type: power, from: sub}]}
"""
ORGS_FILE = """\
control_room: vr
reporting: {delay: 10min, notify: 0min}
organisations:
  - id: net
    crews: [{id: monteurs, size: 1, callout: {office: 30min, outside: 1h30min}}]
  - id: vr
  - id: gem
escalation:
  name: GRIP
  levels:
    - {level: 1, teams: [{id: copi, assembly: 30min}], when: "known_failed >= 5"}
"""
SCENARIO = """\
name: Klein
graph: graph.yaml
organisations: org.yaml
start: 2027-01-15T02:30:00+01:00
duration: 1d
seed: 4
injects:
  - {type: outage, target: sub}
"""
DECISIONS = """\
seed: 2
decisions:
  - {at: 10, by: vr, action: grip, level: 1}
  - {at: 60, by: copi, action: evacuate, target: wijk, duration: 1h}
"""


@pytest.fixture
def files(tmp_path):
    for name, content in (("graph.yaml", GRAPH), ("org.yaml", ORGS_FILE), ("klein.yaml", SCENARIO)):
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "decisions.yaml").write_text(DECISIONS, encoding="utf-8")
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(cli, ["--lang", "en", *map(str, args)])


def test_compare_scenario_with_decisions_writes_the_folder_and_the_report(files):
    out = files / "cmp"
    done = invoke("compare", files / "klein.yaml", "--decisions", files / "decisions.yaml", "--out", out)
    assert done.exit_code == 0, done.output
    assert "−1,667" in done.output and "seed 2" in done.output  # the file's seed; 1,000 x 100/60
    assert {"course.csv", "decision_effects.parquet", "played", "playbook-only", "manifest.json"} <= {
        p.name for p in out.iterdir()
    }
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["kind"], manifest["seed"], manifest["replications"]) == ("played-comparison", 2, 1)
    assert manifest["decisions_file"]["path"] == str((files / "decisions.yaml").resolve())
    effects = pd.read_parquet(out / "decision_effects.parquet")
    assert effects["unserved_population_hours"].tolist() == pytest.approx([0.0, -1000 * 100 / 60])
    report = invoke("report", out)
    assert report.exit_code == 0, report.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="decisions"' in html and "−1,667" in html and "03:30" in html  # 02:30 + 60 min


def test_compare_run_dir_uses_the_played_seed_and_n_adds_the_ensemble(files):
    run = files / "run"
    done = invoke("run", files / "klein.yaml", "--decisions", files / "decisions.yaml", "--seed", 7, "--out", run, "-q")
    assert done.exit_code == 0, done.output
    out = files / "cmp"
    done = invoke("compare", run, "-n", 3, "--workers", 1, "--out", out)
    assert done.exit_code == 0, done.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["seed"], manifest["replications"], manifest["reproduced"]) == (7, 3, True)
    table = pd.read_parquet(out / "comparison.parquet").set_index("metric")
    assert table.loc["unserved_population_hours", "difference"] == pytest.approx(-1000 * 100 / 60)
    assert json.loads((out / "base" / "manifest.json").read_text()).get("decisions") is None
    assert len(json.loads((out / "variant" / "manifest.json").read_text())["decisions"]) == 2
    other = invoke("compare", run, "--seed", 8, "--out", files / "x")
    assert other.exit_code == 2 and "seed 7" in other.output and not (files / "x").exists()


@pytest.mark.parametrize(
    "bad, message",
    [
        ("decisions:\n  - {at: 10, by: vr, action: grip, level: 2}\n", "decisions.yaml:2: decisions[0].level"),
        ("decisions:\n  - {at: 10, by: nemand, action: inform_public}\n", "decisions[0].by"),
        ("decisions: []\n", "no decisions of the players"),
    ],
)
def test_bad_decisions_exit_2_without_output(files, bad, message):
    (files / "decisions.yaml").write_text(bad, encoding="utf-8")
    out = files / "cmp"
    done = invoke("compare", files / "klein.yaml", "--decisions", files / "decisions.yaml", "--out", out)
    assert done.exit_code == 2 and message in done.output and "Traceback" not in done.output
    assert not out.exists() and not [p for p in files.iterdir() if p.name.startswith(".cmp")]


def test_a_folder_that_is_no_run_and_a_run_without_decisions_exit_2(files):
    (files / "empty").mkdir()
    done = invoke("compare", files / "empty")
    assert done.exit_code == 2 and "not a run directory" in done.output
    run = files / "run"
    assert invoke("run", files / "klein.yaml", "--out", run, "-q").exit_code == 0
    done = invoke("compare", run, "--out", files / "cmp")
    assert done.exit_code == 2 and "no decisions of the players" in done.output and not (files / "cmp").exists()
    done = invoke("compare", files / "klein.yaml", "--decisions", files / "decisions.yaml", "--variant", "x")
    assert done.exit_code == 2 and "--decisions goes with SCENARIO alone" in done.output


def test_run_with_decisions_records_the_file_in_its_manifest(files):
    run = files / "run"
    assert (
        invoke("run", files / "klein.yaml", "--decisions", files / "decisions.yaml", "--out", run, "-q").exit_code == 0
    )
    recorded = json.loads((run / "manifest.json").read_text())["decisions_file"]
    assert recorded["path"] == str((files / "decisions.yaml").resolve()) and len(recorded["sha256"]) == 64
