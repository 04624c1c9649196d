"""The water in the terminal replay (``replay_gauges``): per basin a gauge line and a zones line.

The hand-made water (the tiny timeline of ``test_replay_terminal`` starts at 02:30)::

    basin b "Bekken": start -0.50, alarm 0.00, quay 1.00; samples 0: -0.50, 60: 0.70, 120: 1.30, 180: 0.80
      known: the alarm (level 0.00, reached at 30) known at 40; the quay (1.00, reached at 110) at 130
    zone z1 "Laag" of b: ground 1.00, 1234 people, flooded at 110, known at 130
    zone z2 "Hoog" of b: ground 2.00, 1 person, never flooded

The bar spans -0.25 .. 1.25 (the thresholds and a quarter of the 1.00 between them beyond each);
at 80 columns it has 30 cells of 0.05 m: the alarm mark in cell 5, the quay's in cell 25.

The storm: ``scenarios/sluis-havenstad-stormvloed.yaml`` (seed 7, Dutch, 4 hours). At 06:00
(T+03:30) the harbour basin stands at 2.19 m NAP (the sample at 210: 2.1905), far over its quay
(1.00); both low harbour zones are flooded. The crisis organisation last knew 1.20 (flood damage
at 04:35).
"""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest
from conftest import ROOT
from rich.console import Console
from test_replay_terminal import tiny

import simulator
from simulator.analysis.replay import replay_timeline
from simulator.report.replay_gauges import bar_scale, gauge_bar, known_level, level_at, water_lines, zone_state
from simulator.report.replay_terminal import ReplayState, render_screen
from simulator.report.replay_water import water_payload

BASIN = {
    "id": "b",
    "name": "Bekken",
    "level_m": -0.5,
    "alarm_level_m": 0.0,
    "crest_level_m": 1.0,
    "levels": [[0.0, -0.5], [60.0, 0.7], [120.0, 1.3], [180.0, 0.8]],
    "known": [[40.0, 0.0, 30.0], [130.0, 1.0, 110.0]],
}
ZONES = [
    {
        "id": "z1",
        "name": "Laag",
        "basin": "b",
        "ground_level_m": 1.0,
        "population": 1234,
        "flooded_t": 110.0,
        "known_t": 130.0,
    },
    {
        "id": "z2",
        "name": "Hoog",
        "basin": "b",
        "ground_level_m": 2.0,
        "population": 1,
        "flooded_t": None,
        "known_t": None,
    },
]
WATER = {"basins": [BASIN], "zones": ZONES}
LEGEND = "  ! alarm 0.00  ┃ quay 1.00"


def lines(t: float, view: str, lang: str = "en", water=WATER, width: int = 80, room: int = 4) -> list[str]:
    return [line.plain for line in water_lines(water, t, view, lang, width, room, tiny().clock)]


# --- the level, the known level, the zones ------------------------------------------------------------
@pytest.mark.parametrize(
    ("t", "level"), [(-5.0, -0.5), (0.0, -0.5), (30.0, 0.1), (90.0, 1.0), (150.0, 1.05), (180.0, 0.8), (999.0, 0.8)]
)
def test_the_level_is_linear_between_samples(t, level):
    assert level_at(BASIN, t) == pytest.approx(level, abs=1e-12)


def test_the_level_before_any_sample_is_the_start_level():
    assert level_at({**BASIN, "levels": []}, 50.0) == -0.5


def test_the_known_level_is_the_last_known_by_then():
    assert known_level(BASIN, 39.9) is None
    assert known_level(BASIN, 40.0) == [40.0, 0.0, 30.0]
    assert known_level(BASIN, 129.0) == [40.0, 0.0, 30.0]
    assert known_level(BASIN, 130.0) == [130.0, 1.0, 110.0]
    assert known_level({**BASIN, "known": []}, 500.0) is None


@pytest.mark.parametrize(
    ("t", "view", "state"),
    [
        (109.0, "truth", "dry"),
        (110.0, "truth", "flooded"),  # level 1.10 over the ground's 1.00
        (120.0, "known", "dry"),  # flooded, but nobody knows yet
        (140.0, "known", "flooded"),
        (200.0, "truth", "receded"),  # 0.80 under the ground again
        (200.0, "known", "receded"),
    ],
)
def test_a_zone_floods_from_its_minute_and_recedes_below_its_ground(t, view, state):
    assert zone_state(ZONES[0], BASIN, t, view) == state
    assert zone_state(ZONES[1], BASIN, t, view) == "dry"


# --- the bar ----------------------------------------------------------------------------------------
def test_the_bar_spans_the_thresholds_and_a_quarter_beyond():
    assert bar_scale(BASIN) == (-0.25, 1.25)
    assert bar_scale({**BASIN, "crest_level_m": None}) == (-0.5, 0.5)  # one threshold: half a metre around
    no_thresholds = {**BASIN, "alarm_level_m": None, "crest_level_m": None}
    assert bar_scale(no_thresholds) == (-1.0, 2.0)  # the browser gauge's: -0.75 .. 1.55 to the half metre


def test_the_bar_fills_to_the_level_under_the_marks():
    thresholds = {"alarm": 0.0, "crest": 1.0}
    # 10 cells of 0.15 m: alarm in cell 1, quay in cell 8; 0.10 fills 2.33 -> 2 cells
    assert gauge_bar(0.1, (-0.25, 1.25), thresholds, 10).plain == "█!░░░░░░┃░"
    assert gauge_bar(None, (-0.25, 1.25), thresholds, 10).plain == "░!░░░░░░┃░"  # unknown: no water
    assert gauge_bar(-3.0, (-0.25, 1.25), thresholds, 10).plain == "░!░░░░░░┃░"
    assert gauge_bar(9.0, (-0.25, 1.25), thresholds, 10).plain == "█!██████┃█"  # over the scale: full


# --- the lines --------------------------------------------------------------------------------------
def test_the_level_at_minute_t_in_truth():
    assert lines(30.0, "truth") == ["Bekken   0.10 m NAP  █████!█" + "░" * 18 + "┃░░░░" + LEGEND, "  no zone flooded"]
    assert lines(120.0, "truth") == [
        "Bekken   1.30 m NAP  █████!" + "█" * 19 + "┃████" + LEGEND,
        "  flooded: Laag (1,234 residents)",
    ]
    assert lines(200.0, "truth") == [
        "Bekken   0.80 m NAP  █████!" + "█" * 15 + "░░░░┃░░░░" + LEGEND,
        "  water gone down: Laag (1,234 residents)",
    ]


def test_the_known_view_before_and_after_the_alarm():
    assert lines(35.0, "known") == ["Bekken      unknown  ░░░░░!" + "░" * 19 + "┃░░░░" + LEGEND, "  no zone flooded"]
    after = ["Bekken   0.00 m NAP  █████!" + "░" * 19 + "┃░░░░" + LEGEND, "  known at 03:10 · no zone flooded"]
    assert lines(45.0, "known") == after
    assert lines(120.0, "known") == after  # the water is at 1.30 and the zone flooded: nobody knows yet
    assert lines(140.0, "known") == [
        "Bekken   1.00 m NAP  █████!" + "█" * 19 + "┃░░░░" + LEGEND,
        "  known at 04:40 · flooded: Laag (1,234 residents)",
    ]


def test_the_lines_in_dutch():
    assert (
        lines(35.0, "known", "nl")[0] == "Bekken     onbekend  ░░░░░!" + "░" * 19 + "┃░░░░  ! alarm 0,00  ┃ kade 1,00"
    )
    assert lines(140.0, "known", "nl")[1] == "  bekend om 04:40 · onder water: Laag (1.234 inwoners)"
    assert lines(200.0, "truth", "nl")[1] == "  water gezakt: Laag (1.234 inwoners)"


def test_basins_that_do_not_fit_are_named():
    """Three basins, room for four lines: one basin (two lines) and the line naming the other two."""
    three = {
        "basins": [BASIN, {**BASIN, "id": "c", "name": "Kanaal"}, {**BASIN, "id": "d", "name": "Vliet"}],
        "zones": ZONES,
    }
    shown = lines(30.0, "truth", water=three)
    assert shown[:2] == lines(30.0, "truth") and shown[2:] == ["2 basins not shown (enlarge the window): Kanaal, Vliet"]
    assert lines(30.0, "truth", "nl", water=three, room=1) == [
        "3 bekkens niet getoond (vergroot het venster): Bekken, Kanaal, Vliet"
    ]
    assert len(lines(30.0, "truth", water=three, room=6)) == 6
    assert lines(30.0, "truth", water={"basins": [], "zones": ZONES}) == []


# --- on the screen ------------------------------------------------------------------------------------
def screen(timeline, state, width, height, water) -> list[str]:
    console = Console(width=width, height=height, record=True, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(render_screen(timeline, state, width, height, water=water))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_the_water_stands_under_the_header_and_the_assets_make_room():
    shown = screen(tiny(), ReplayState(t_min=45, view="known"), 80, 24, WATER)
    assert shown[4:8] == [
        "Bekken   0.00 m NAP  █████!" + "░" * 19 + "┃░░░░" + LEGEND,
        "  known at 03:10 · no zone flooded",
        "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation",
        "Energy  ✗ Station X",
    ]
    assert len(shown) == 24
    three = {
        "basins": [BASIN, {**BASIN, "id": "c", "name": "Kanaal"}, {**BASIN, "id": "d", "name": "Vliet"}],
        "zones": ZONES,
    }
    crowded = screen(tiny(), ReplayState(t_min=45, view="known"), 80, 24, three)  # room for 4 water lines of 6
    assert crowded[4:8] == [
        "Bekken   0.00 m NAP  █████!" + "░" * 19 + "┃░░░░" + LEGEND,
        "  known at 03:10 · no zone flooded",
        "2 basins not shown (enlarge the window): Kanaal, Vliet",
        "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation",
    ]
    assert len(crowded) == 24
    without = screen(tiny(), ReplayState(t_min=45, view="known"), 80, 24, None)
    assert without[4] == "✓ operational  ◐ degraded  ✗ failed  ⚙ manual operation"


@pytest.fixture(scope="module")
def storm():
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    results = simulator.simulate(scenario, seed=7, until_min=240, lang="nl")
    return replay_timeline(results, "nl"), water_payload(results), results


def test_the_storm_at_six_floods_the_harbour(storm):
    timeline, water, _ = storm
    samples = np.array(water["basins"][0]["levels"])
    assert round(float(np.interp(210.0, samples[:, 0], samples[:, 1])), 2) == 2.19
    truth = screen(timeline, ReplayState(t_min=210, paused=True), 80, 24, water)
    assert truth[4:6] == [
        "Havenbekken achter…    2,19 m NAP  ██!█████████┃██  ! alarm -0,10  ┃ kade 1,00",
        "  onder water: Havenkwartier (laag) (7.000 inwoners), Oude Haven en Noordkade (…",
    ]
    known = screen(timeline, ReplayState(t_min=210, paused=True, view="known"), 80, 24, water)
    assert known[4:6] == [
        "Havenbekken achter…    1,20 m NAP  ██!█████████┃█░  ! alarm -0,10  ┃ kade 1,00",
        "  bekend om 04:35 · onder water: Havenkwartier (laag) (7.000 inwoners), Oude Ha…",
    ]
    wide = screen(timeline, ReplayState(t_min=210, paused=True), 160, 48, water)
    assert (
        wide[4] == "Havenbekken achter…    2,19 m NAP  " + "██████!" + "█" * 26 + "┃██████  ! alarm -0,10  ┃ kade 1,00"
    )
    assert wide[5] == "  onder water: Havenkwartier (laag) (7.000 inwoners), Oude Haven en Noordkade (9.000 inwoners)"
    before = screen(timeline, ReplayState(t_min=50, paused=True, view="known"), 80, 24, water)
    assert before[4:6] == [
        "Havenbekken achter…      onbekend  ░░!░░░░░░░░░┃░░  ! alarm -0,10  ┃ kade 1,00",
        "  geen gebied onder water",
    ]


def test_under_tmux_the_storm_s_water_stands_on_an_80_by_24_terminal(storm, tmp_path):
    """``rampsim replay RUN --from 06:00`` for real: the command hands the run's water to the screen."""
    from test_replay_terminal import Tmux, _need_tmux

    run = storm[2].save(tmp_path / "run")
    command = f"{sys.executable} -m simulator replay {run} --from 06:00 --speed 1; sleep 60"
    tmux = Tmux(_need_tmux(), command, tmp_path, size=(80, 24))
    try:
        shown = tmux.wait_for(lambda s: "m NAP" in s and "Gebeurtenissen" in s).splitlines()
        assert shown[4].startswith("Havenbekken achter…    2,19 m NAP  ██!█████████┃██")
        assert shown[5].startswith("  onder water: Havenkwartier (laag) (7.000 inwoners)")
        tmux.keys("t")
        known = tmux.wait_for(lambda s: "weergave: wat de crisisorganisatie wist" in s).splitlines()
        assert known[4].startswith("Havenbekken achter…    1,20 m NAP") and "bekend om 04:35" in known[5]
        tmux.keys("q")
    finally:
        tmux.kill()
