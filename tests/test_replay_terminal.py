"""The terminal replay: keys, state, screen and plain timeline as pure functions; the command
through click (not a terminal) and, for real, under tmux (send-keys, capture-pane).

The tiny timeline (start Friday 15 January 2027 02:30, ends at 60)::

    truth  x (energy) failed 10, operational 50;  y (water) degraded 30;  GRIP 1 at 20
    known  x failed 20 (reported), operational 50; y never known
    events 1 x fails (t 10, known 20)   2 bookkeeping (10, 20, not a headline)
           3 GRIP 1 (20, 20)   4 y manipulated (30, never known)   5 x operational (50, 50)

    moments (event_times): truth 10, 20, 30, 50; known 20, 50
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import types
import uuid
from dataclasses import replace
from datetime import datetime
from itertools import product
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from rich.console import Console

from simulator.analysis.replay import VIEWS, ReplayTimeline
from simulator.cli import cli
from simulator.report.replay_terminal import (
    ACTIONS,
    MAX_SPEED,
    SPEEDS,
    SYMBOLS,
    ReplayState,
    advance,
    apply_key,
    decode_keys,
    plain_lines,
    render_screen,
)


def tiny(lang: str = "en", assets: list[dict] | None = None, status: dict | None = None) -> ReplayTimeline:
    events = [
        {
            "id": 1,
            "t": 10.0,
            "clock": "02:40",
            "known_t": 20.0,
            "asset": "x",
            "kind": "asset.failed",
            "text": "Station X fails",
            "headline": True,
        },
        {
            "id": 2,
            "t": 10.0,
            "clock": "02:40",
            "known_t": 20.0,
            "asset": "x",
            "kind": "need.unsatisfied",
            "text": "bookkeeping",
            "headline": False,
        },
        {
            "id": 3,
            "t": 20.0,
            "clock": "02:50",
            "known_t": 20.0,
            "asset": "",
            "kind": "grip.escalated",
            "text": "Escalation to GRIP 1",
            "headline": True,
        },
        {
            "id": 4,
            "t": 30.0,
            "clock": "03:00",
            "known_t": None,
            "asset": "y",
            "kind": "cyber.manipulated",
            "text": "Attacker manipulates Pump Y",
            "headline": True,
        },
        {
            "id": 5,
            "t": 50.0,
            "clock": "03:20",
            "known_t": 50.0,
            "asset": "x",
            "kind": "asset.operational",
            "text": "Station X operational again",
            "headline": True,
        },
    ]
    assets = assets or [
        {"id": "x", "name": "Station X", "sector": "energy", "x": None, "y": None, "layer": 0},
        {"id": "y", "name": "Pump Y", "sector": "water", "x": None, "y": None, "layer": 0},
    ]
    status = status or {
        "truth": {
            "x": [[0.0, "operational"], [10.0, "failed"], [50.0, "operational"]],
            "y": [[0.0, "operational"], [30.0, "degraded"]],
        },
        "known": {"x": [[0.0, "operational"], [20.0, "failed"], [50.0, "operational"]], "y": [[0.0, "operational"]]},
    }
    return ReplayTimeline(
        start=datetime(2027, 1, 15, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam")),
        end_min=60.0,
        lang=lang,
        title="Tiny",
        sectors=list(dict.fromkeys(a["sector"] for a in assets)),
        assets=assets,
        links=[],
        status=status,
        grip=[[0.0, 0], [20.0, 1]],
        events=events,
        level_names={0: "no GRIP" if lang == "en" else "geen GRIP", 1: "GRIP 1"},
    )


def test_the_tiny_timeline_has_the_moments_of_its_docstring():
    timeline = tiny()
    assert timeline.event_times("truth") == [10.0, 20.0, 30.0, 50.0]
    assert timeline.event_times("known") == [20.0, 50.0]


# --- keys -------------------------------------------------------------------------------------------
SINGLE = {
    " ": "pause",
    "+": "faster",
    "=": "faster",
    "-": "slower",
    "_": "slower",
    "t": "toggle",
    "T": "toggle",
    "q": "quit",
    "Q": "quit",
    "\x03": "quit",
}


@pytest.mark.parametrize("code", range(128))
def test_every_single_character(code):
    char = chr(code)
    if char == "\x1b":
        assert decode_keys(char) == ([], "\x1b")  # may be the start of an arrow key: wait for more
    else:
        assert decode_keys(char) == ([SINGLE[char]] if char in SINGLE else [], "")


@pytest.mark.parametrize(
    ("data", "actions", "rest"),
    [
        ("\x1b[C", ["next"], ""),
        ("\x1b[D", ["previous"], ""),
        ("\x1bOC", ["next"], ""),  # application cursor mode (tmux, some terminals)
        ("\x1bOD", ["previous"], ""),
        ("\x1b[A", [], ""),  # up and down: nothing
        ("\x1bOB", [], ""),
        ("\x1b[1;5C", ["next"], ""),  # with a modifier
        ("\x1b[5~", [], ""),  # page up
        ("\x1b[", [], "\x1b["),
        ("\x1bO", [], "\x1bO"),
        ("\x1b[1;", [], "\x1b[1;"),
        ("q\x1b[D +", ["quit", "previous", "pause", "faster"], ""),
        ("\x1b[C\x1b[C\x1bOD", ["next", "next", "previous"], ""),
        ("+\x1b", ["faster"], "\x1b"),
        ("\x1bt", ["toggle"], ""),  # Alt-t: the ESC is dropped
        ("é t", ["pause", "toggle"], ""),
    ],
)
def test_escape_sequences(data, actions, rest):
    assert decode_keys(data) == (actions, rest)


def test_an_arrow_split_over_two_reads():
    actions, rest = decode_keys("t\x1b[")
    assert (actions, rest) == (["toggle"], "\x1b[")
    assert decode_keys(rest + "D") == (["previous"], "")


# --- state ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("view", "t", "previous", "following"),
    [
        ("truth", 0.0, 0.0, 10.0),
        ("truth", 5.0, 0.0, 10.0),
        ("truth", 10.0, 0.0, 20.0),
        ("truth", 15.0, 10.0, 20.0),
        ("truth", 20.0, 10.0, 30.0),
        ("truth", 30.0, 20.0, 50.0),
        ("truth", 50.0, 30.0, 60.0),
        ("truth", 60.0, 50.0, 60.0),
        ("known", 0.0, 0.0, 20.0),
        ("known", 10.0, 0.0, 20.0),
        ("known", 20.0, 0.0, 50.0),
        ("known", 30.0, 20.0, 50.0),
        ("known", 50.0, 20.0, 60.0),
        ("known", 60.0, 50.0, 60.0),
    ],
)
def test_previous_and_next_event(view, t, previous, following):
    timeline = tiny()
    for paused in (False, True):
        state = ReplayState(t_min=t, view=view, paused=paused)
        assert apply_key(state, "previous", timeline) == replace(state, t_min=previous)
        assert apply_key(state, "next", timeline) == replace(state, t_min=following)


@pytest.mark.parametrize(
    ("speed", "faster", "slower"),
    [(1, 2, 1), (2, 5, 1), (60, 120, 30), (90, 120, 60), (0.5, 1, 0.5), (86400, 86400, 28800)],
)
def test_speed_steps_and_bounds(speed, faster, slower):
    state = ReplayState(speed=speed)
    assert apply_key(state, "faster", tiny()).speed == faster
    assert apply_key(state, "slower", tiny()).speed == slower


def test_pause_play_and_play_again_from_the_end():
    timeline = tiny()
    assert apply_key(ReplayState(t_min=5), "pause", timeline) == ReplayState(t_min=5, paused=True)
    assert apply_key(ReplayState(t_min=5, paused=True), "pause", timeline) == ReplayState(t_min=5)
    assert apply_key(ReplayState(t_min=60, paused=True, view="known"), "pause", timeline) == ReplayState(
        t_min=0, view="known"
    )


def test_toggle_quit_and_an_unknown_action():
    timeline = tiny()
    assert apply_key(ReplayState(t_min=7), "toggle", timeline) == ReplayState(t_min=7, view="known")
    assert apply_key(ReplayState(t_min=7, view="known"), "toggle", timeline) == ReplayState(t_min=7)
    assert apply_key(ReplayState(), "quit", timeline) == ReplayState(quit=True)
    with pytest.raises(ValueError, match="rewind"):
        apply_key(ReplayState(), "rewind", timeline)


STATES = [
    ReplayState(t_min=t, speed=s, view=v, paused=p)
    for t, s, v, p in product((0.0, 5.0, 10.0, 20.0, 25.0, 50.0, 60.0), (1, 60, 90, MAX_SPEED), VIEWS, (False, True))
]


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_from_every_state_changes_only_its_own_field(action):
    """Exhaustive over 112 states: each action touches only what it is about, and the result is
    a valid state (time within the run, a speed within bounds, a known view)."""
    timeline = tiny()
    own = {
        "pause": {"paused", "t_min"},
        "faster": {"speed"},
        "slower": {"speed"},
        "previous": {"t_min"},
        "next": {"t_min"},
        "toggle": {"view"},
        "quit": {"quit"},
    }[action]
    for state in STATES:
        after = apply_key(state, action, timeline)
        changed = {f for f in ("t_min", "speed", "view", "paused", "quit") if getattr(after, f) != getattr(state, f)}
        assert changed <= own, (state, after)
        assert 0 <= after.t_min <= timeline.end_min and 0 < after.speed <= MAX_SPEED and after.view in VIEWS
        if action == "previous":
            assert after.t_min < state.t_min or state.t_min == after.t_min == 0
        if action == "next":
            assert after.t_min > state.t_min or state.t_min == after.t_min == timeline.end_min
        if action in ("faster", "slower") and state.speed in SPEEDS:
            back = apply_key(after, "slower" if action == "faster" else "faster", timeline)
            assert back.speed == state.speed or state.speed in (SPEEDS[0], SPEEDS[-1])
        if action == "toggle":
            assert apply_key(after, "toggle", timeline) == state


def test_advance_in_real_seconds():
    assert advance(ReplayState(t_min=5), 1.0, 60) == ReplayState(t_min=6)  # 60: a simulated minute per second
    assert advance(ReplayState(t_min=5, speed=600), 0.5, 60) == ReplayState(t_min=10, speed=600)
    assert advance(ReplayState(t_min=5, paused=True), 10.0, 60) == ReplayState(t_min=5, paused=True)
    assert advance(ReplayState(t_min=55, speed=3600), 1.0, 60) == ReplayState(t_min=60, speed=3600, paused=True)


# --- screen -----------------------------------------------------------------------------------------
def screen(timeline: ReplayTimeline, state: ReplayState, width: int = 100, height: int = 30, water=None) -> list[str]:
    console = Console(width=width, height=height, record=True, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(render_screen(timeline, state, width, height, water=water))
    return [line.rstrip() for line in console.export_text().splitlines()]


def feed_of(lines: list[str]) -> list[str]:
    return [m[1].rstrip() for line in lines if (m := re.fullmatch(r"│ (.*)│", line)) and m[1].strip()]


def test_screen_in_truth_paused():
    lines = screen(tiny(), ReplayState(t_min=25, paused=True))
    assert lines[0].startswith("Replay: Tiny") and lines[0].endswith("02:55  2027-01-15  T+00:25 of T+01:00")
    assert lines[1].startswith("GRIP 1") and lines[1].endswith("❚❚ PAUSED")
    assert lines[2].startswith("view: ground truth") and lines[2].endswith("speed 60× (1min per second)")
    assert "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation" in lines
    assert "Energy  ✗ Station X" in lines and "Water   ✓ Pump Y" in lines
    assert feed_of(lines) == ["02:40  T+00:10  Station X fails", "02:50  T+00:20  Escalation to GRIP 1"]
    assert lines[-1].startswith("space pause/play · + faster")
    assert len(lines) == 30


def test_screen_in_known_shows_what_was_known_and_when_it_happened():
    lines = screen(tiny(), ReplayState(t_min=35, view="known", speed=600))
    assert lines[1].endswith("▶ playing")
    assert lines[2].startswith("view: what the crisis organisation knew") and lines[2].endswith(
        "speed 600× (10min per second)"
    )
    assert "Energy  ✗ Station X" in lines and "Water   ✓ Pump Y" in lines  # the manipulation stays unknown
    assert feed_of(lines) == [
        "02:50  T+00:20  Station X fails (happened 02:40)",
        "02:50  T+00:20  Escalation to GRIP 1",
    ]
    truth = screen(tiny(), ReplayState(t_min=35, speed=600))
    assert "Water   ◐ Pump Y" in truth
    assert feed_of(truth)[-1] == "03:00  T+00:30  Attacker manipulates Pump Y"


def test_screen_before_anything_and_at_the_end():
    before = screen(tiny(), ReplayState(t_min=5))
    assert before[1].startswith("no GRIP") and feed_of(before) == ["No events yet"]
    assert feed_of(screen(tiny(), ReplayState(t_min=15, view="known"))) == ["Nothing known yet"]
    end = screen(tiny(), ReplayState(t_min=60, paused=True))
    assert end[0].endswith("03:30  2027-01-15  T+01:00 of T+01:00") and end[1].endswith("■ END (space: from the start)")


def test_screen_in_dutch():
    lines = screen(tiny("nl"), ReplayState(t_min=35, view="known", paused=True))
    assert lines[0].startswith("Terugblik: Tiny") and lines[0].endswith("03:05  2027-01-15  T+00:35 van T+01:00")
    assert lines[1].endswith("❚❚ GEPAUZEERD")
    assert lines[2].startswith("weergave: wat de crisisorganisatie wist") and lines[2].endswith(
        "snelheid 60× (1min per seconde)"
    )
    assert "Energie  ✗ Station X" in lines
    assert feed_of(lines)[0] == "02:50  T+00:20  Station X fails (gebeurd om 02:40)"


def test_a_sector_too_long_for_the_screen_counts_its_operational_assets():
    """Twelve assets in one sector, one failed; 60 columns hold two asset columns, so naming all
    takes six rows; a 16-line screen has room for three: the eleven operational are counted."""
    assets = [
        {"id": f"a{i}", "name": f"Asset {i}", "sector": "energy", "x": None, "y": None, "layer": 0} for i in range(12)
    ]
    status = {view: {a["id"]: [[0.0, "operational"]] for a in assets} for view in VIEWS}
    status["truth"]["a7"] = [[0.0, "operational"], [10.0, "failed"]]
    big = tiny(assets=assets, status=status)
    lines = screen(big, ReplayState(t_min=20), width=60, height=16)
    assert "Energy  ✗ Asset 7               ✓ 11 operational" in lines
    assert not any("Asset 3" in line for line in lines)
    roomy = screen(big, ReplayState(t_min=20), width=60, height=30)
    assert (
        "Energy  ✗ Asset 7               ✓ Asset 0" in roomy and "        ✓ Asset 10              ✓ Asset 11" in roomy
    )


def test_status_symbols_differ_so_the_screen_reads_without_colour():
    assert len(set(SYMBOLS.values())) == 4


def test_plain_timeline_in_both_views():
    assert plain_lines(tiny(), "truth") == [
        "Replay: Tiny (ground truth), from 02:30",
        "02:40  T+00:10  Station X fails",
        "02:50  T+00:20  Escalation to GRIP 1",
        "03:00  T+00:30  Attacker manipulates Pump Y",
        "03:20  T+00:50  Station X operational again",
    ]
    assert plain_lines(tiny(), "known") == [
        "Replay: Tiny (what the crisis organisation knew), from 02:30",
        "02:50  T+00:20  Station X fails (happened 02:40)",
        "02:50  T+00:20  Escalation to GRIP 1",
        "03:20  T+00:50  Station X operational again",
    ]
    assert plain_lines(tiny("nl"), "truth", 30.0)[:2] == [
        "Terugblik: Tiny (werkelijkheid), vanaf 03:00",
        "03:00  T+00:30  Attacker manipulates Pump Y",
    ]


# --- the command --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    from test_replay import small_results

    path = tmp_path_factory.mktemp("replay") / "run"
    small_results().save(path)
    return path


def invoke(*args):
    return CliRunner().invoke(cli, ["replay", *map(str, args)])


def test_not_a_terminal_prints_the_plain_timeline(run_dir):
    result = invoke(run_dir, "--view", "known", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    lines = result.output.splitlines()
    assert lines[:6] == [
        "Replay: test (what the crisis organisation knew), from 02:30",
        "02:40  T+00:10  Inject inject-1 (physical incident): outage on Station A (happened 02:30)",
        "02:40  T+00:10  Outage at Station A (happened 02:30)",
        "02:40  T+00:10  Station A fails (happened 02:30)",
        "02:40  T+00:10  Control room receives a report: Station A is down",
        "02:40  T+00:10  Escalation to GRIP 1",
    ]
    assert not any("Meetnet" in line for line in lines)  # the stealthy manipulation was never known
    assert lines[-1] == "06:30  T+04:00  Wijk operational again"


def test_not_a_terminal_in_dutch_from_a_clock_time(run_dir):
    result = invoke(run_dir, "--lang", "nl", "--from", "03:00")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    lines = result.output.splitlines()
    assert lines[:3] == [
        "Terugblik: test (werkelijkheid), vanaf 03:00",
        "03:00  T+00:30  Inject inject-3 (cybercriminaliteit): cyberaanval (uitgeschakeld) op Sluis PLC",
        "03:00  T+00:30  Aanvaller heeft controle over Sluis PLC (uitgeschakeld)",
    ]
    assert "03:00  T+00:30  Aanvaller manipuleert Meetnet: het draait door maar doet schade" in lines


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "25:00"], "--from: '25:00' is not a clock time (HH:MM, e.g. 03:40)"),
        (["--from", "3h"], "--from: '3h' is not a clock time (HH:MM, e.g. 03:40)"),
        (["--from", "02:00"], "--from 02:00: the replay ends at 06:30 (T+04:00); choose an earlier time"),
        (["--speed", "0"], "--speed: 0 is out of range: more than 0 and at most 86400 simulated seconds per second"),
        (
            ["--speed", "100000"],
            "--speed: 100000 is out of range: more than 0 and at most 86400 simulated seconds per second",
        ),
    ],
)
def test_bad_options_exit_2(run_dir, args, message):
    result = invoke(run_dir, "--lang", "en", *args)
    assert result.exit_code == 2
    assert result.output.strip() == message  # CliRunner mixes stderr into output
    assert "Traceback" not in result.output


def test_a_folder_that_is_no_run_exits_2(tmp_path):
    result = invoke(tmp_path, "--lang", "en")
    assert result.exit_code == 2
    expected = f"{tmp_path} is not a run directory (no events.csv or events.parquet, and manifest.json)"
    assert result.output.strip() == expected


def test_html_hands_the_options_to_the_browser_replay(run_dir, tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("simulator.report.replay_html")
    fake.write_replay_html = lambda results, path, lang, **options: (
        calls.append((len(results.events), path, lang, options)) or path
    )
    monkeypatch.setitem(sys.modules, "simulator.report.replay_html", fake)
    out = tmp_path / "replay.html"
    result = invoke(run_dir, "--html", out, "--view", "known", "--from", "03:00", "--speed", "120", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert calls == [(42, out, "nl", {"view": "known", "start_min": 30.0, "speed": 120.0})]
    assert result.output.strip() == f"Terugblik voor de browser geschreven naar {out}"


# --- for real, under tmux ----------------------------------------------------------------------------
def _need_tmux() -> str:
    tmux = shutil.which("tmux")
    if tmux is None:
        if os.environ.get("CI") == "true":
            pytest.fail("tmux is missing; CI must install it (.ci/run does)")
        pytest.skip("tmux is not installed: the terminal replay is not driven for real (apt-get install tmux)")
    return tmux


class Tmux:
    """A tmux server of its own (``-L``) with one pane running ``command`` (120 x 40 unless told)."""

    def __init__(self, tmux: str, command: str, cwd, size: tuple[int, int] = (120, 40)):
        self.base = [tmux, "-L", f"rampsim-test-{os.getpid()}-{uuid.uuid4().hex[:8]}", "-f", os.devnull]
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        subprocess.run(
            [
                *self.base,
                "new-session",
                "-d",
                "-x",
                str(size[0]),
                "-y",
                str(size[1]),
                "-s",
                "replay",
                "-c",
                str(cwd),
                command,
            ],
            check=True,
            env={**env, "TERM": "xterm-256color"},
        )

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.base, "send-keys", "-t", "replay", *keys], check=True)

    def screen(self) -> str:
        return subprocess.run(
            [*self.base, "capture-pane", "-p", "-t", "replay"], check=True, capture_output=True, text=True
        ).stdout

    def wait_for(self, predicate, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if predicate(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"the screen never showed what was expected; it shows:\n{shown}")
            time.sleep(0.1)

    def kill(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)


def elapsed_on(shown: str) -> str:
    match = re.search(r"T\+(\d\d:\d\d) of", shown)
    assert match, shown
    return match[1]


def _command(run_dir, speed: int) -> str:
    # after the replay: whether the terminal is back in canonical mode, and the exit status
    return (
        f"{sys.executable} -m simulator replay {run_dir} --speed {speed} --lang en; "
        "status=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\?icanon'; echo EXITED $status; sleep 60"
    )


def test_under_tmux_pause_speed_step_toggle_and_quit(run_dir, tmp_path):
    tmux = Tmux(_need_tmux(), _command(run_dir, 60), tmp_path)
    try:
        first = elapsed_on(tmux.wait_for(lambda s: "Replay: test" in s and "▶ playing" in s))
        tmux.wait_for(lambda s: elapsed_on(s) != first)  # the clock moves: a simulated minute per second
        tmux.keys("Space")
        paused = tmux.wait_for(lambda s: "❚❚ PAUSED" in s)
        time.sleep(1.5)  # paused: the clock must not move in a second and a half (60 x: 1.5 simulated minutes)
        assert elapsed_on(tmux.screen()) == elapsed_on(paused)
        tmux.keys("+")
        tmux.wait_for(lambda s: "speed 120× (2min per second)" in s)
        tmux.keys("-", "-")
        tmux.wait_for(lambda s: "speed 30× (30s per second)" in s)
        tmux.keys(*["Left"] * 12)  # back to the start, whatever minute we paused at
        tmux.wait_for(lambda s: "T+00:00 of T+04:00" in s)
        tmux.keys("Right")
        tmux.wait_for(lambda s: "T+00:10 of T+04:00" in s and "\nGRIP 1 " in s)
        tmux.keys("Right")
        truth = tmux.wait_for(lambda s: "T+00:30 of T+04:00" in s)
        assert "view: ground truth" in truth and "✗ Sluis PLC" in truth  # shut down at 30
        tmux.keys("t")
        known = tmux.wait_for(lambda s: "view: what the crisis organisation knew" in s)
        assert "✓ Sluis PLC" in known and "❚❚ PAUSED" in known  # reported only at 40
        tmux.keys("t")
        tmux.wait_for(lambda s: "view: ground truth" in s)
        tmux.keys("q")
        after = tmux.wait_for(lambda s: "EXITED" in s)
        assert "EXITED 0" in after and "\nicanon\n" in f"\n{after}"  # exit status 0, terminal back to canonical mode
        assert "Replay: test" not in after  # the replay's screen is gone
    finally:
        tmux.kill()


def test_under_tmux_ctrl_c_quits_and_restores_the_terminal(run_dir, tmp_path):
    tmux = Tmux(_need_tmux(), _command(run_dir, 60), tmp_path)
    try:
        tmux.wait_for(lambda s: "▶ playing" in s)
        tmux.keys("C-c")
        after = tmux.wait_for(lambda s: "EXITED" in s)
        assert "EXITED 0" in after and "\nicanon\n" in f"\n{after}"
    finally:
        tmux.kill()


def test_a_screen_too_small_for_every_sector_sums_up_the_calm_ones():
    """Four sectors of four assets; in ``water`` and ``health`` three fail. At 60 columns (two asset
    columns) the calm sectors take one row even counted (``✓ 4 operational``), the others two (three
    failed and the count): six rows; a 17-line screen has room for five. The compact list
    (``test_replay_compact``): the calm sectors share a line, the others list what is down."""
    sectors = ["energy", "water", "telecom", "health"]
    assets = [
        {"id": f"{s}{i}", "name": f"{s.title()} {i}", "sector": s, "x": None, "y": None, "layer": 0}
        for s in sectors
        for i in range(4)
    ]
    status = {view: {a["id"]: [[0.0, "operational"]] for a in assets} for view in VIEWS}
    for asset in ("water0", "water1", "water2", "health0", "health1", "health2"):
        status["truth"][asset] = [[0.0, "operational"], [10.0, "failed"]]
    small = tiny(assets=assets, status=status)
    lines = screen(small, ReplayState(t_min=20), width=60, height=17)
    assert lines[5:10] == [
        "Water    ✗ Water 0               ✗ Water 1",
        "         ✗ Water 2",
        "Health   ✗ Health 0              ✗ Health 1",
        "         ✗ Health 2",
        "2 sectors without trouble: Energy, Telecom",
    ]
    dutch = screen(tiny("nl", assets=assets, status=status), ReplayState(t_min=20), 70, 17)
    assert "2 sectoren zonder storing: Energie, Telecom" in dutch
    roomy = screen(small, ReplayState(t_min=20), width=60, height=30)
    assert not any("without trouble" in line or "not shown" in line for line in roomy)


def test_a_left_out_sector_with_assets_down_says_how_many():
    sectors = ["energy", "water"]
    assets = [
        {"id": f"{s}{i}", "name": f"{s.title()} {i}", "sector": s, "x": None, "y": None, "layer": 0}
        for s in sectors
        for i in range(6)
    ]
    status = {view: {a["id"]: [[0.0, "failed"]] for a in assets} for view in VIEWS}
    lines = screen(tiny(assets=assets, status=status), ReplayState(t_min=20), width=60, height=17)
    assert lines[5:10] == [
        "Energy  ✗ Energy 0              ✗ Energy 1",
        "        ✗ Energy 2              ✗ Energy 3",
        "        ✗ Energy 4              ✗ Energy 5",
        "6 failed in 1 sector not shown (enlarge the window):",
        "Water ✗6",
    ]
