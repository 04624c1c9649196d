"""The live exercise's session directory: resume, the end as a run directory, bad input at the command line."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("uvicorn")

from live_helpers import SCENARIO, SEED, Server  # noqa: E402

from simulator.analysis import Results  # noqa: E402
from simulator.analysis.exercise import Exercise  # noqa: E402
from simulator.analysis.session import Session, SessionError  # noqa: E402
from simulator.cli import cli  # noqa: E402
from simulator.cli.base import is_run_directory  # noqa: E402
from simulator.model import LoadError, load_decisions  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scenario():
    from simulator import load_scenario

    return load_scenario(SCENARIO)


def play(server: Server) -> None:
    """A short session: decisions, an inject delivered, an ad-hoc inject, the clock run and paused."""
    control, rot = server.ws(), server.ws("rot")
    for s in (control, rot):
        s.until(lambda m: m["type"] == "snapshot")
    control.send({"type": "jump", "minute": 240})
    rot.at_minute(240)
    forecast = control.until(lambda m: m["type"] == "forecast")["rows"]
    row = next(r for r in forecast if r["time_min"] > 240)
    control.send({"type": "deliver", "key": row["key"], "to": "rot"})
    assert rot.until(lambda m: m["type"] == "inbox")["item"]["message"] == row["message"]
    rot.send({"type": "decide", "decision": {"action": "manual", "target": ["sluis-noord"]}})
    rot.until(lambda m: m["type"] == "outcome")
    control.send(
        {"type": "inject", "inject": {"type": "outage", "target": "kpn-centrale"}, "options": "{duration: 2h}"}
    )
    control.until(lambda m: m["type"] == "decision")
    control.send({"type": "speed", "speed": 3000})
    control.send({"type": "start"})
    control.at_minute(300)
    control.send({"type": "pause"})
    control.until(lambda m: m["type"] == "update" and not m["clock"]["running"])
    control.close()
    rot.close()


def test_a_stopped_server_resumes_where_it_was(tmp_path, scenario):
    first = Server(tmp_path / "session", scenario)
    play(first)
    first.stop()
    hub = first.hub
    minute, feed, decisions = hub.ex.now, len(hub.feed), hub.ex.decisions
    assert minute >= 300 and len(decisions) == 2 and len(hub.deliveries) == 1

    second = Server(tmp_path / "session", scenario, resume=True)
    try:
        control, rot = second.ws(), second.ws("rot")
        seen = control.until(lambda m: m["type"] == "snapshot")
        assert seen["clock"]["minute"] == minute and not seen["clock"]["running"] and seen["clock"]["speed"] == 3000
        assert len(seen["feed"]) == feed
        assert [d["id"] for d in seen["decisions"]] == [d.id for d in decisions]
        assert [d["key"] for d in seen["deliveries"]] == [d["key"] for d in hub.deliveries]
        mine = rot.until(lambda m: m["type"] == "snapshot")
        assert len(mine["inbox"]) == 1 and [d["id"] for d in mine["decisions"]] == ["decision-1"]
        assert second.session.tokens == first.session.tokens  # the links still work
    finally:
        second.stop()


def test_a_line_cut_short_by_a_crash_is_dropped(tmp_path, scenario):
    session = Session.create(tmp_path / "s", scenario, SEED, "en", 60.0, ["rot"])
    ex = Exercise(scenario, seed=SEED)
    ex.advance(240)
    session.log_decision(ex.decide({"by": "rot", "action": "manual", "target": "sluis-noord"}).decision)
    with open(session.path / "decisions.yaml", "a", encoding="utf-8") as log:
        log.write('  - {"id": "decision-2", "at": 250, "by": "ro')  # killed in the middle of a write
    with open(session.path / "session.jsonl", "a", encoding="utf-8") as log:
        log.write('{"type": "minute", "minute": 2')
    _, state = Session.open(session.path, scenario)
    assert [d.id for d in state.decisions] == ["decision-1"] and state.minute == 240
    assert (session.path / "decisions.yaml").read_text(encoding="utf-8").endswith("}\n")


def test_a_session_of_another_scenario_or_seed_is_refused(tmp_path, scenario):
    session = Session.create(tmp_path / "s", scenario, SEED, "en", 60.0, ["rot"])
    with pytest.raises(SessionError) as other_seed:
        Session.open(session.path, scenario, seed=SEED + 1)
    assert other_seed.value.key == "live.session.other_seed"
    record = json.loads((session.path / "session.jsonl").read_text().splitlines()[0])
    (session.path / "session.jsonl").write_text(json.dumps({**record, "scenario": "Ander scenario"}) + "\n")
    with pytest.raises(SessionError) as other:
        Session.open(session.path, scenario)
    assert other.value.key == "live.session.other_scenario"
    (session.path / "session.jsonl").write_text(json.dumps(record) + "\n")
    with open(session.path / "decisions.yaml", "a", encoding="utf-8") as log:
        log.write('  - {"at": 10, "by": "rot", "action": "manual", "target": "geen-sluis"}\n')
    with pytest.raises(LoadError) as bad:
        Session.open(session.path, scenario)
    assert "geen-sluis" in bad.value.render("en") and "decisions.yaml" in bad.value.render("en")


def test_at_the_end_the_session_is_a_run_directory_that_rampsim_run_reproduces(tmp_path, scenario):
    server = Server(tmp_path / "session", scenario)
    try:
        play(server)
        control = server.ws()
        control.until(lambda m: m["type"] == "snapshot")
        control.send({"type": "end"})
        ended = control.until(lambda m: m["type"] == "ended", timeout=120)
    finally:
        server.stop()
    path = tmp_path / "session"
    assert ended["path"] == str(path) and ended["clock"]["minute"] == server.hub.ex.until_min
    assert is_run_directory(path)
    assert {"decisions.yaml", "session.jsonl", "tokens.json"} <= {p.name for p in path.iterdir()}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # the staging directory is gone
    results = Results.load(path)
    assert [d["id"] for d in results.manifest["decisions"]] == ["decision-1", "decision-2"]
    assert json.loads((path / "session.jsonl").read_text().splitlines()[-1])["type"] == "end"

    runner = CliRunner()
    again = tmp_path / "again"
    done = runner.invoke(
        cli,
        [
            "run",
            str(SCENARIO),
            "--decisions",
            str(path / "decisions.yaml"),
            "--seed",
            str(SEED),
            "--lang",
            "en",
            "--out",
            str(again),
            "-q",
        ],
    )  # the session was played in English
    assert done.exit_code == 0, done.output
    for name in ("events.csv", "states.csv", "knowledge.csv", "metrics.json"):
        assert (again / name).read_bytes() == (path / name).read_bytes(), name
    for command in (
        ["report", str(path), "--out", str(tmp_path / "report.html")],
        ["replay", str(path)],
        ["explain", str(path), "sluis-noord"],
        ["msel", str(path), "--out", str(tmp_path / "msel.xlsx")],
    ):
        done = runner.invoke(cli, command)
        assert done.exit_code == 0, (command, done.output)


def test_bad_input_exits_2_with_a_message(tmp_path, scenario):
    runner = CliRunner()
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: x\nstart: nonsense\n", encoding="utf-8")
    done = runner.invoke(cli, ["exercise", str(broken), "--session", str(tmp_path / "a")])
    assert done.exit_code == 2 and "broken.yaml" in done.output and "Traceback" not in done.output

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = runner.invoke(cli, ["exercise", str(SCENARIO), "--port", str(port), "--session", str(tmp_path / "b")])
    assert done.exit_code == 2 and f"127.0.0.1:{port}" in done.output and "--port" in done.output

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "notes.txt").write_text("mine", encoding="utf-8")
    done = runner.invoke(cli, ["exercise", str(SCENARIO), "--session", str(tmp_path / "c")])
    assert done.exit_code == 2 and "session.jsonl" in done.output

    Session.create(tmp_path / "d", scenario, SEED, "en", 60.0, ["rot"])
    done = runner.invoke(cli, ["exercise", str(SCENARIO), "--session", str(tmp_path / "d"), "--seed", str(SEED + 1)])
    assert done.exit_code == 2 and f"seed {SEED}" in done.output

    done = runner.invoke(cli, ["exercise", str(SCENARIO), "--speed", "0", "--session", str(tmp_path / "e")])
    assert done.exit_code == 2 and "--speed" in done.output and not (tmp_path / "e").exists()


def test_the_decision_log_is_a_decisions_file_at_every_moment(tmp_path, scenario):
    session = Session.create(tmp_path / "s", scenario, SEED, "en", 60.0, ["rot"])
    assert load_decisions(session.path / "decisions.yaml", scenario) == ()
    ex = Exercise(scenario, seed=SEED)
    for minute, decision in (
        (60, {"by": "rot", "action": "grip", "level": 3}),
        (240, {"by": "rot", "action": "manual", "target": "sluis-noord"}),
        (241, {"by": "exercise-control", "action": "inject", "inject": {"type": "outage", "target": "kpn-centrale"}}),
    ):
        ex.advance(minute)
        session.log_decision(ex.decide(decision).decision)
        assert load_decisions(session.path / "decisions.yaml", scenario) == ex.decisions


def test_an_ended_session_can_be_compared_with_its_playbook_only_twin_and_reported(tmp_path, scenario):
    """A session played without a browser: the ROT runs the sea lock by hand at 240, exercise
    control cuts the telecom centre; at the end the session directory is compared and reported."""
    session = Session.create(tmp_path / "s", scenario, SEED, "en", 60.0, ["rot"])
    ex = Exercise(scenario, seed=SEED, lang="en")
    ex.advance(240)
    session.log_decision(ex.decide({"by": "rot", "action": "manual", "target": "sluis-noord"}).decision)
    session.log_decision(ex.inject({"type": "outage", "target": "kpn-centrale"}).decision)
    session.write_run(ex.results())
    out = tmp_path / "cmp"
    runner = CliRunner()
    done = runner.invoke(cli, ["compare", str(session.path), "--out", str(out)])
    assert done.exit_code == 0, done.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["seed"], manifest["reproduced"], manifest["adhoc_injects"]) == (SEED, True, 1)
    import pandas as pd

    effects = pd.read_parquet(out / "decision_effects.parquet")
    course = pd.read_parquet(out / "course.parquet").set_index("metric")
    assert effects["decision"].tolist() == ["decision-1"]
    assert effects["unserved_population_hours"].sum() == pytest.approx(
        course.loc["unserved_population_hours", "difference"]
    )
    played = json.loads((out / "played" / "metrics.json").read_text())
    assert played == json.loads((session.path / "metrics.json").read_text())  # the played course, rerun
    done = runner.invoke(cli, ["report", str(out)])
    assert done.exit_code == 0, done.output
    assert 'id="decisions"' in (out / "report.html").read_text(encoding="utf-8")
    done = runner.invoke(cli, ["report", str(session.path), "--out", str(tmp_path / "r.html")])
    assert done.exit_code == 0 and "rampsim compare" in (tmp_path / "r.html").read_text(encoding="utf-8")
