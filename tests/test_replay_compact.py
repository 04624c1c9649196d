"""The terminal replay on a small screen (``replay_compact``): sectors where everything works on one
summary line, the rows for the sectors with assets down, a note that counts the assets down it
leaves out and is never cut.

The hand run (the tiny timeline of ``test_replay_terminal``, at minute 20)::

    energy   Energy 0 ✗  Energy 1 ✗  Energy 2 ✓
    water    Water 0 ◐   Water 1 ✓
    telecom  Telecom 0 ✓ Telecom 1 ✓                  (calm)
    health   Health 0 ✗  Health 1 ✗  Health 2 ✗  Health 3 ⚙
    food     Food 0 ✓                                 (calm)

    13 assets down or not: 5 failed, 1 manual, 1 degraded. At 60 columns two asset cells a row.

Counted (operational assets as ``✓ n operational``) they take 2 + 1 + 1 + 2 + 1 = 7 rows. At 60 x 12
the assets have one row: only the note (``5 failed, 1 manual, 1 degraded in 3 sectors not
shown``); at 60 x 14 three rows: the summary line, the note and one row, which goes to the sector
with the most failed that fits (health, three failed, needs two: no; energy, two failed, one row).

The storm: ``scenarios/sluis-havenstad-stormvloed.yaml`` (seed 7, Dutch) at 06:00 (T+03:30): 13
failed, 1 manual, 6 degraded; at 80 x 24 its water takes two lines and the assets eight.
"""

from __future__ import annotations

import re
import sys

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_replay_terminal import Tmux, _need_tmux, screen, tiny

import simulator
from simulator.analysis.replay import VIEWS, replay_timeline
from simulator.messages import sector_name
from simulator.report.replay_compact import MIN_HEIGHT, MIN_WIDTH, compact_plan, note_lines
from simulator.report.replay_terminal import ReplayState
from simulator.report.replay_water import water_payload

WORD = {"f": "failed", "d": "degraded", "o": "operational", "m": "manual"}
HAND = {"energy": "ffo", "water": "do", "telecom": "oo", "health": "fffm", "food": "o"}


def hand(spec: dict[str, str] = HAND, lang: str = "en"):
    """A tiny timeline with the assets of ``spec`` (sector -> one letter per asset, ``WORD``), each
    in its status from minute 10 in truth, operational in the known view."""
    assets, status = [], {view: {} for view in VIEWS}
    for sector, code in spec.items():
        for i, letter in enumerate(code):
            aid = f"{sector}{i}"
            assets.append({"id": aid, "name": f"{sector.title()} {i}", "sector": sector, "x": None, "y": None})
            for view in VIEWS:
                down = [[10.0, WORD[letter]]] if letter != "o" and view == "truth" else []
                status[view][aid] = [[0.0, "operational"], *down]
    for asset in assets:
        asset["layer"] = 0
    return tiny(lang, assets=assets, status=status)


def test_the_hand_run_at_60_by_12_counts_every_asset_down_on_one_line():
    assert screen(hand(), ReplayState(t_min=20), 60, 12) == [
        "Replay: Tiny           02:50  2027-01-15  T+00:20 of T+01:00",
        "GRIP 1                                             ▶ playing",
        "view: ground truth               speed 60× (1min per second)",
        "",
        "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation",
        "5 failed, 1 manual, 1 degraded in 3 sectors not shown",
        "╭─ Events ─────────────────────────────────────────────────╮",
        "│ 02:40  T+00:10  Station X fails                          │",
        "│ 02:50  T+00:20  Escalation to GRIP 1                     │",
        "│                                                          │",
        "╰──────────────────────────────────────────────────────────╯",
        "space pause/play · + faster · - slower · ← → previous/next",
    ]


def test_the_rows_go_to_the_sectors_with_most_failed_and_the_calm_ones_share_a_line():
    assert screen(hand(), ReplayState(t_min=20), 60, 14)[4:8] == [
        "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation",
        "Energy   ✗ Energy 0              ✗ Energy 1",
        "2 sectors without trouble: Telecom, Food",
        "3 failed, 1 manual, 1 degraded in 2 sectors not shown",
    ]
    # Dutch at 60 x 14: the counted note is 72 characters: its shortest form, the symbols
    assert screen(hand(lang="nl"), ReplayState(t_min=20), 60, 14)[5:8] == [
        "Energie  ✗ Energy 0              ✗ Energy 1",
        "2 sectoren zonder storing: Telecom, Voedsel",
        "niet getoond: ✗3 ⚙1 ◐1",
    ]
    # four rows: health (two rows) fits, before energy; the names that fit follow the count
    assert screen(hand(), ReplayState(t_min=20), 60, 16)[5:9] == [
        "Health   ✗ Health 0              ✗ Health 1",
        "         ✗ Health 2              ⚙ Health 3",
        "2 sectors without trouble: Telecom, Food",
        "2 failed, 1 degraded in 2 sectors not shown: Energy ✗2, …",
    ]
    assert screen(hand(lang="nl"), ReplayState(t_min=20), 60, 16)[8] == (
        "nog 2 uitgevallen, 1 verminderd in 2 sectoren niet getoond"
    )
    # five rows: every sector with assets down, no note
    roomy = screen(hand(), ReplayState(t_min=20), 60, 18)
    assert roomy[5:10] == [
        "Energy   ✗ Energy 0              ✗ Energy 1",
        "Water    ◐ Water 0",
        "Health   ✗ Health 0              ✗ Health 1",
        "         ✗ Health 2              ⚙ Health 3",
        "2 sectors without trouble: Telecom, Food",
    ]
    assert not any("not shown" in line for line in roomy)
    # seven rows: every asset named, as on a large screen
    assert screen(hand(), ReplayState(t_min=20), 60, 19)[5:8] == [
        "Energy   ✗ Energy 0              ✗ Energy 1",
        "         ✓ Energy 2",
        "Water    ◐ Water 0               ✓ Water 1",
    ]


def test_the_note_wraps_over_the_rows_it_has_and_shortens_to_what_fits():
    down = {"water": {"failed": 6}, "health": {"failed": 1, "degraded": 2}, "food": {"manual": 1}}
    left = ["water", "health", "food"]
    full = "7 failed, 1 manual, 2 degraded in 3 sectors not shown (enlarge the window): Water ✗6, Health ✗1 ◐2, Food ⚙1"
    assert note_lines(left, down, "en", 200, 1) == [full]
    assert note_lines(left, down, "en", 60, 2) == [
        "7 failed, 1 manual, 2 degraded in 3 sectors not shown",
        "(enlarge the window): Water ✗6, Health ✗1 ◐2, Food ⚙1",
    ]
    assert note_lines(left, down, "en", 80, 1) == [
        "7 failed, 1 manual, 2 degraded in 3 sectors not shown: Water ✗6, Health ✗1 ◐2, …"
    ]
    assert note_lines(left, down, "en", 60, 1) == ["7 failed, 1 manual, 2 degraded in 3 sectors not shown"]
    assert note_lines(left, down, "en", 40, 1) == ["not shown: ✗7 ⚙1 ◐2"]
    assert note_lines(["water"], {"water": {"failed": 1}}, "nl", 80, 1) == [
        "nog 1 uitgevallen in 1 sector niet getoond (vergroot het venster): Water ✗1"
    ]
    assert note_lines([], down, "en", 80, 3) == []


def test_the_plan_keeps_a_row_for_the_note_and_the_calm_line():
    down = {"a": {"failed": 1}, "b": {}, "c": {"failed": 3}, "d": {"degraded": 1}}
    need = {"a": 1, "c": 2, "d": 1}
    plan = compact_plan(["a", "b", "c", "d"], down, need, 4)  # calm 1, c 2, note 1
    assert (plan.shown, plan.left_out, plan.calm, plan.calm_line, plan.note_rows) == (["c"], ["a", "d"], ["b"], True, 1)
    plan = compact_plan(["a", "b", "c", "d"], down, need, 5)  # calm 1, c 2, a 1, d 1: no note
    assert (plan.shown, plan.left_out, plan.note_rows) == (["a", "c", "d"], [], 0)
    plan = compact_plan(["a", "b", "c", "d"], down, need, 1)  # the one row: the note, no calm line
    assert (plan.shown, plan.left_out, plan.calm_line, plan.note_rows) == ([], ["c", "a", "d"], False, 1)


def _failed_shown_and_counted(lines: list[str]) -> tuple[int, int]:
    """Failed assets named on the screen (``✗ Name`` cells), and counted in the note."""
    shown = sum(len(re.findall(r"✗ [A-Z]", line)) for line in lines if not line.startswith("✓ operational  "))
    counted = next((m for line in lines if (m := re.match(r"(\d+) failed|not shown: ✗(\d+)", line))), None)
    return shown, int(counted[1] or counted[2]) if counted else 0


@settings(max_examples=60, deadline=None)
@given(
    spec=st.dictionaries(
        st.sampled_from(["energy", "water", "telecom", "ict", "health", "transport", "finance", "food", "population"]),
        st.text(alphabet="ffdmo", min_size=1, max_size=9),
        min_size=1,
    ),
    width=st.integers(MIN_WIDTH, 160),
    height=st.integers(MIN_HEIGHT, 40),
)
def test_every_failed_asset_is_shown_or_counted(spec, width, height):
    lines = screen(hand(spec), ReplayState(t_min=20), width, height)
    assert len(lines) == height and all(len(line) <= width for line in lines)
    shown, counted = _failed_shown_and_counted(lines)
    assert shown + counted == "".join(spec.values()).count("f")


@pytest.fixture(scope="module")
def storm():
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    results = simulator.simulate(scenario, seed=7, until_min=240, lang="nl")
    return replay_timeline(results, "nl"), water_payload(results), results


def _storm_failed(lines: list[str]) -> tuple[int, int]:
    shown = sum(line.count("✗ ") for line in lines[7:])
    counted = re.search(r"nog (\d+) uitgevallen", " ".join(lines))
    return shown, int(counted[1]) if counted else 0


def test_the_storm_at_six_on_80_by_24_shows_or_counts_every_failed_asset(storm):
    timeline, water, _ = storm
    assert sum(v == "failed" for v in timeline.status_at(210).values()) == 13
    lines = screen(timeline, ReplayState(t_min=210, paused=True), 80, 24, water)
    assert lines[6:16] == [
        "✓ in bedrijf  ◐ verminderd  ✗ uitgevallen  ⚙ handbediening",
        "Vaarwegen         ✗ Bediening op afstan…  ✗ Zeesluis Havenstad",
        "                  ✗ Sluis Noord (binnen…  ✗ Sluis Oost (binnens…",
        "                  ✗ Havenwegbrug (bascu…  ✗ Verkeerspost Havens…",
        "                  ⚙ Noordkadebrug (opha…",
        "Wijken            ✗ Noordkade             ✗ Oude Haven",
        "                  ✗ Havenkwartier",
        "4 sectoren zonder storing: Water, Waterkering, Zorg, Openbaar bestuur",
        "nog 4 uitgevallen, 6 verminderd in 7 sectoren niet getoond: Energie ✗2, …",
        "╭─ Gebeurtenissen ─────────────────────────────────────────────────────────────╮",
    ]
    assert _storm_failed(lines) == (9, 4)
    assert {sector_name(s, "nl") for s in ("water", "flood_defence", "health", "government")} <= set(
        lines[13].split(": ")[1].split(", ")
    )


def test_under_tmux_the_storm_at_six_on_80_by_24_shows_or_counts_every_failed_asset(storm, tmp_path):
    """``rampsim replay RUN --from 06:00`` for real, as ``test_replay_gauges`` runs it."""
    run = storm[2].save(tmp_path / "run")
    command = f"{sys.executable} -m simulator replay {run} --from 06:00 --speed 1; sleep 60"
    tmux = Tmux(_need_tmux(), command, tmp_path, size=(80, 24))
    try:
        shown = tmux.wait_for(lambda s: "m NAP" in s and "Gebeurtenissen" in s and "niet getoond" in s)
        lines = [line.rstrip() for line in shown.splitlines()]
        assert lines[13] == "4 sectoren zonder storing: Water, Waterkering, Zorg, Openbaar bestuur"
        assert lines[14].startswith("nog 4 uitgevallen, 6 verminderd in 7 sectoren niet getoond")
        assert _storm_failed(lines) == (9, 4)
        tmux.keys("q")
    finally:
        tmux.kill()
