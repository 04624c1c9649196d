"""The live exercise object: paused, advanced and fed, it ends where one run with its decision log ends.

Property: any sequence of steps (of any size), decisions and ad-hoc injects played on an
``Exercise`` gives the same run files as ``rampsim run SCENARIO --decisions LOG`` with the log it
kept, byte for byte (the manifest apart from when and how it was written).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import simulator
from simulator.analysis.exercise import Exercise, decisions_document
from simulator.model import LoadError, load_decisions

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "sluis-havenstad.yaml"
SEED = 3

# Decisions players of the sluis scenario might take (some refused at some moments: that is the point).
POOL = [
    {"by": "rijkswaterstaat", "action": "manual", "target": "sluis-noord"},
    {"by": "rot", "action": "manual", "target": "sluis-oost", "rationale": "handbediening"},
    {"by": "rijkswaterstaat", "action": "close_gates", "target": "zeesluis", "crew": "rijkswaterstaat/sluisploeg"},
    {"by": "rijkswaterstaat", "action": "repair", "target": "sluis-noord-besturing"},
    {"by": "rot", "action": "nl_alert"},
    {"by": "gemeente", "action": "inform_public", "duration": "20min"},
    {"by": "veiligheidsregio", "action": "grip", "level": 2},
    {"by": "copi", "action": "grip", "level": 1},
    {"by": "rijkswaterstaat", "action": "call_crew", "crew": "rijkswaterstaat/sluisploeg", "size": 1},
    {"by": "gbt", "action": "ordinance"},
    {
        "by": "exercise-control",
        "action": "inject",
        "inject": {"type": "outage", "target": "kpn-centrale", "duration": "2h"},
    },
]

step = st.one_of(
    st.tuples(st.just("advance"), st.sampled_from([0, 1, 7, 30, 90, 240])),
    st.tuples(st.just("decide"), st.integers(0, len(POOL) - 1)),
)


@pytest.fixture(scope="module")
def scenario():
    return simulator.load_scenario(SCENARIO)


def run_files(results, folder: Path) -> dict[str, bytes]:
    """Every file of a run directory; the manifest without its time, runtime and command."""
    results.save(folder)
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}
    manifest = json.loads(files.pop("manifest.json"))
    for key in ("written", "runtime_s", "command"):
        manifest.pop(key, None)
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def play(scenario, steps) -> Exercise:
    exercise = Exercise(scenario, seed=SEED)
    for kind, value in steps:
        if exercise.finished:
            break
        if kind == "advance":
            exercise.advance(exercise.now + value)
        else:
            exercise.decide(POOL[value])
    return exercise


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=14))
def test_any_way_of_playing_gives_the_files_of_one_run_with_its_log(scenario, steps, tmp_path_factory):
    exercise = play(scenario, steps)
    log = exercise.decisions
    played = run_files(exercise.results(), tmp_path_factory.mktemp("played") / "run")
    again = run_files(simulator.simulate(scenario, seed=SEED, decisions=log), tmp_path_factory.mktemp("again") / "run")
    # names only: a diff of whole files makes pytest's report (and hypothesis' shrinking) huge
    assert sorted(played) == sorted(again)
    assert [name for name in played if played[name] != again[name]] == []


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=10), pause=st.integers(0, 9))
def test_an_exercise_rebuilt_from_its_log_is_in_the_same_state(scenario, steps, pause):
    """Replaying the log from scratch to the minute reached gives the same events, knowledge and
    decision outcomes (what a resumed session rests on)."""
    exercise = play(scenario, steps[: pause + 1])
    rebuilt = Exercise(scenario, seed=SEED, decisions=exercise.decisions)
    rebuilt.advance(exercise.now)
    assert rebuilt.events() == exercise.events()
    assert rebuilt.knowledge_records() == exercise.knowledge_records()
    assert rebuilt.outcomes() == exercise.outcomes()
    for kind, value in steps[pause + 1 :]:  # and both go on alike
        for ex in (exercise, rebuilt):
            if not ex.finished:
                ex.advance(ex.now + value) if kind == "advance" else ex.decide(POOL[value])
    assert rebuilt.outcomes() == exercise.outcomes()
    assert rebuilt.now == exercise.now


def test_the_log_as_a_file_runs_from_the_command_line_to_the_same_events(scenario, tmp_path):
    exercise = play(
        scenario,
        [
            ("advance", 60),
            ("decide", 4),
            ("advance", 30),
            ("decide", 10),
            ("decide", 2),
            ("advance", 200),
            ("decide", 0),
        ],
    )
    log = tmp_path / "decisions.yaml"
    log.write_text(decisions_document(scenario, SEED, exercise.decisions), encoding="utf-8")
    assert load_decisions(log, scenario) == exercise.decisions
    played = tmp_path / "played"
    exercise.results().save(played)
    out = tmp_path / "cli"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "simulator.cli",
            "run",
            str(SCENARIO),
            "--seed",
            str(SEED),
            "--decisions",
            str(log),
            "--out",
            str(out),
            "-q",
        ],
        check=True,
        capture_output=True,
    )
    for name in ("events.csv", "states.csv", "knowledge.csv", "jobs.csv", "metrics.json"):
        assert (out / name).read_bytes() == (played / name).read_bytes(), name


def test_decisions_of_the_exercise_are_refused_or_taken_and_listed(scenario):
    exercise = Exercise(scenario, seed=SEED)
    exercise.advance(5)
    early = exercise.decide({"by": "rot", "action": "nl_alert"})
    assert (early.taken, early.reason) == (False, "team_not_assembled")
    exercise.advance(200)
    later = exercise.decide({"by": "rot", "action": "nl_alert", "rationale": "waarschuw de kades"})
    assert later.taken and later.decision.at == 200.0
    table = exercise.results().decisions
    assert list(table["id"]) == ["decision-1", "decision-2"]
    assert list(table["reason"]) == ["team_not_assembled", ""]


def test_a_decision_naming_what_the_scenario_lacks_is_an_error_not_a_refusal(scenario):
    exercise = Exercise(scenario, seed=SEED)
    with pytest.raises(LoadError) as raised:
        exercise.decide({"by": "rot", "action": "manual", "target": "sluis-nord"})
    assert "sluis-noord" in raised.value.render("en")  # did you mean
    assert exercise.decisions == ()


def test_knowledge_per_organisation_never_holds_what_it_does_not_know(scenario):
    """The manipulation of the sea lock's gates is stealthy: nobody's knowledge holds it at 90
    minutes, though it is in the ground truth."""
    exercise = Exercise(scenario, seed=SEED)
    truth = exercise.advance(90)
    hidden = {e["id"] for e in truth if e["kind"] == "cyber.manipulated"}
    assert hidden
    for party in exercise.parties():
        assert not hidden & exercise.known_ids(party.org)


def test_the_forecast_follows_the_course(scenario):
    """Upcoming injects are those of a run with the decisions so far, after now."""
    exercise = Exercise(scenario, seed=SEED)
    exercise.advance(60)
    before = exercise.forecast()
    assert (before["time_min"] > 60).all() and len(before)
    exercise.decide(
        {"by": "exercise-control", "action": "inject", "inject": {"type": "outage", "target": "kpn-centrale"}}
    )
    after = exercise.forecast()
    assert not after.equals(before)
    reference = simulator.simulate(scenario, seed=SEED, decisions=exercise.decisions)
    from simulator.analysis.injects import derive_injects

    rows = derive_injects(reference, exercise.lang)
    assert list(after["message"]) == list(rows[rows["time_min"] > 60]["message"])


def test_the_same_seed_gives_the_same_files_whatever_the_process_hash_seed(tmp_path):
    """String hashing differs per process (PYTHONHASHSEED): no table may follow a set's order."""
    import os

    outputs = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"run-{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [sys.executable, "-m", "simulator", "run", str(SCENARIO), "--seed", "3", "--out", str(out), "-q"],
            check=True,
            capture_output=True,
            env=env,
        )
        outputs.append(
            {
                name: (out / name).read_bytes()
                for name in ("events.csv", "states.csv", "knowledge.csv", "jobs.csv", "metrics.json")
            }
        )
    assert outputs[0] == outputs[1]
