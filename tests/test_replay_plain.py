"""The water in the plain replay lines (``replay_plain``): per basin its level where it changes.

The tiny timeline of ``test_replay_terminal`` (starts 02:30, ends at 60; truth events at 10, 20,
30, 50; known at 20, 20, 50) with two hand-made basins::

    Bekken: start -0.50, alarm 0.00, quay 1.00; samples 0: -0.50, 60: 0.70, 120: 1.30, 180: 0.80
            (+0.02 m a minute to 60): alarm passed at 25, quay at 90 (up) and 156 (down)
            known: 0.00 (reached at 30) known at 40; 1.00 (reached at 110) known at 130
    Polder: start -2.00, alarm -1.90, no quay; samples 0: -2.00, 35: -1.65, 45: -2.00
            (+0.01 m a minute to 35): alarm passed at 10 (up) and at 35 + 0.25/0.35 x 10 = 42.14 (down)
            never known

The storm: ``scenarios/sluis-havenstad-stormvloed.yaml`` (seed 7, Dutch, 4 hours, as in
``test_replay_gauges``): the harbour basin starts at -0.40 m NAP, reaches its alarm level -0.10
at 03:29 and its quay 1.00 at 04:24; the crisis organisation knew -0.10 at 03:29, 1.00 at 04:24
(the flood damage reported at once) and 1.20 at 04:35.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_replay_terminal import tiny

import simulator
from simulator.analysis.replay import replay_timeline
from simulator.cli import cli
from simulator.report.replay_gauges import level_at
from simulator.report.replay_plain import plain_lines, threshold_crossings, water_line
from simulator.report.replay_water import water_payload

BEKKEN = {
    "id": "b",
    "name": "Bekken",
    "level_m": -0.5,
    "alarm_level_m": 0.0,
    "crest_level_m": 1.0,
    "levels": [[0.0, -0.5], [60.0, 0.7], [120.0, 1.3], [180.0, 0.8]],
    "known": [[40.0, 0.0, 30.0], [130.0, 1.0, 110.0]],
}
POLDER = {
    "id": "p",
    "name": "Polder",
    "level_m": -2.0,
    "alarm_level_m": -1.9,
    "crest_level_m": None,
    "levels": [[0.0, -2.0], [35.0, -1.65], [45.0, -2.0]],
    "known": [],
}
WATER = {"basins": [BEKKEN, POLDER], "zones": []}
B = "(alarm 0.00, quay 1.00)"
P = "(alarm -1.90)"


def test_the_thresholds_are_passed_up_and_down_where_the_samples_cross_them():
    assert threshold_crossings(BEKKEN) == pytest.approx([25.0, 90.0, 156.0])
    assert threshold_crossings(POLDER) == pytest.approx([10.0, 35 + 0.25 / 0.35 * 10])
    assert threshold_crossings({**BEKKEN, "alarm_level_m": None, "crest_level_m": None}) == []
    # the start level holds until the first sample (as level_at): a step there, not a slope from 0
    assert threshold_crossings({**BEKKEN, "levels": [[30.0, 0.5], [60.0, 0.7]]}) == [30.0]
    assert threshold_crossings({**BEKKEN, "levels": []}) == []


def test_a_water_line_names_the_basin_its_level_and_thresholds_in_the_language():
    assert water_line(BEKKEN, 2.19, "nl") == "Waterpeil Bekken: 2,19 m NAP (alarm 0,00, kade 1,00)"
    assert water_line(BEKKEN, None, "nl") == "Waterpeil Bekken: onbekend (alarm 0,00, kade 1,00)"
    assert water_line(POLDER, -1.904, "en") == "Water level Polder: -1.90 m NAP (alarm -1.90)"
    assert water_line({**POLDER, "alarm_level_m": None}, None, "en") == "Water level Polder: unknown"


def test_the_truth_lines_give_each_minute_s_level_where_it_changed_and_where_it_passed_a_threshold():
    assert plain_lines(tiny(), "truth", water=WATER) == [
        "Replay: Tiny (ground truth), from 02:30",
        f"02:30  T+00:00  Water level Bekken: -0.50 m NAP {B}",
        f"02:30  T+00:00  Water level Polder: -2.00 m NAP {P}",
        "02:40  T+00:10  Station X fails",
        f"02:40  T+00:10  Water level Bekken: -0.30 m NAP {B}",
        f"02:40  T+00:10  Water level Polder: -1.90 m NAP {P}",  # passes its alarm level
        "02:50  T+00:20  Escalation to GRIP 1",
        f"02:50  T+00:20  Water level Bekken: -0.10 m NAP {B}",
        f"02:50  T+00:20  Water level Polder: -1.80 m NAP {P}",
        f"02:55  T+00:25  Water level Bekken: 0.00 m NAP {B}",  # no event: the alarm level passed
        f"02:55  T+00:25  Water level Polder: -1.75 m NAP {P}",
        "03:00  T+00:30  Attacker manipulates Pump Y",
        f"03:00  T+00:30  Water level Bekken: 0.10 m NAP {B}",
        f"03:00  T+00:30  Water level Polder: -1.70 m NAP {P}",
        f"03:12  T+00:42  Water level Bekken: 0.34 m NAP {B}",  # -0.50 + 0.02 x 42.14
        f"03:12  T+00:42  Water level Polder: -1.90 m NAP {P}",  # falls below its alarm level
        "03:20  T+00:50  Station X operational again",
        f"03:20  T+00:50  Water level Bekken: 0.50 m NAP {B}",
        f"03:20  T+00:50  Water level Polder: -2.00 m NAP {P}",
    ]


def test_the_known_lines_say_unknown_until_a_level_is_known():
    assert plain_lines(tiny(), "known", water=WATER) == [
        "Replay: Tiny (what the crisis organisation knew), from 02:30",
        f"02:30  T+00:00  Water level Bekken: unknown {B}",
        f"02:30  T+00:00  Water level Polder: unknown {P}",
        "02:50  T+00:20  Station X fails (happened 02:40)",
        "02:50  T+00:20  Escalation to GRIP 1",
        f"03:10  T+00:40  Water level Bekken: 0.00 m NAP {B}",  # the alarm's level, known at 40
        "03:20  T+00:50  Station X operational again",
    ]


def test_from_a_later_minute_in_dutch_a_fall_below_the_quay_is_printed_though_it_reads_alike():
    timeline = tiny("nl")
    timeline.end_min = 180.0
    b, p = "(alarm 0,00, kade 1,00)", "(alarm -1,90)"
    assert plain_lines(timeline, "truth", 60.0, WATER) == [
        "Terugblik: Tiny (werkelijkheid), vanaf 03:30",
        f"03:30  T+01:00  Waterpeil Bekken: 0,70 m NAP {b}",
        f"03:30  T+01:00  Waterpeil Polder: -2,00 m NAP {p}",
        f"04:00  T+01:30  Waterpeil Bekken: 1,00 m NAP {b}",  # up to the quay
        f"05:06  T+02:36  Waterpeil Bekken: 1,00 m NAP {b}",  # down below it
    ]
    assert plain_lines(timeline, "known", 60.0, WATER) == [
        "Terugblik: Tiny (wat de crisisorganisatie wist), vanaf 03:30",
        f"03:30  T+01:00  Waterpeil Bekken: 0,00 m NAP {b}",
        f"03:30  T+01:00  Waterpeil Polder: onbekend {p}",
        f"04:40  T+02:10  Waterpeil Bekken: 1,00 m NAP {b}",
    ]


def test_without_water_the_lines_are_the_events_alone():
    assert plain_lines(tiny(), "truth", water={"basins": [], "zones": []}) == plain_lines(tiny(), "truth")


@given(
    st.lists(st.floats(-3.0, 3.0, allow_nan=False), min_size=1, max_size=12),
    st.floats(-3.0, 3.0, allow_nan=False),
    st.floats(-3.0, 3.0, allow_nan=False),
)
def test_at_each_threshold_passing_the_level_stands_at_the_threshold(values, alarm, start):
    basin = {
        "level_m": start,
        "alarm_level_m": alarm,
        "crest_level_m": None,
        "levels": [[10.0 * (i + 1), v] for i, v in enumerate(values)],
    }
    crossings = threshold_crossings(basin)
    sides = [v < alarm for v in [start, *values]]
    assert len(crossings) == sum(a != b for a, b in zip(sides, sides[1:]))
    assert crossings == sorted(crossings) and all(10.0 <= t <= 10.0 * len(values) for t in crossings)
    for t in crossings:  # on the threshold, or the step from the start level at the first sample
        assert t == 10.0 or level_at(basin, t) == pytest.approx(alarm, abs=1e-9)


# --- the storm ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def storm_run(tmp_path_factory):
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    results = simulator.simulate(scenario, seed=7, until_min=240, lang="nl")
    path = tmp_path_factory.mktemp("storm") / "run"
    results.save(path)
    return results, path


HAVEN = "Havenbekken achter de zeesluis"


def test_the_storm_s_plain_lines_give_the_harbour_s_level_at_its_thresholds(storm_run):
    results, _ = storm_run
    lines = plain_lines(replay_timeline(results, "nl"), "truth", water=water_payload(results))
    water = [line for line in lines if line.startswith(("03:29", "04:24")) or "Waterpeil" in line]
    assert water[0] == f"02:30  T+00:00  Waterpeil {HAVEN}: -0,40 m NAP (alarm -0,10, kade 1,00)"
    alarm = lines.index(f"03:29  T+00:59  Het waterpeil van {HAVEN} bereikt het alarmpeil (-0,10 m NAP)")
    assert lines[alarm + 2] == f"03:29  T+00:59  Waterpeil {HAVEN}: -0,10 m NAP (alarm -0,10, kade 1,00)"
    quay = [i for i, line in enumerate(lines) if line.startswith("04:24")]
    assert lines[quay[0]] == f"04:24  T+01:54  Het waterpeil van {HAVEN} staat boven de kade (1,00 m NAP)"
    assert lines[quay[-1]] == f"04:24  T+01:54  Waterpeil {HAVEN}: 1,00 m NAP (alarm -0,10, kade 1,00)"


def test_the_storm_s_known_plain_lines_through_the_command(storm_run):
    _, path = storm_run
    result = CliRunner().invoke(cli, ["replay", str(path), "--view", "known", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if "Water level" in line] == [
        f"02:30  T+00:00  Water level {HAVEN}: unknown (alarm -0.10, quay 1.00)",
        f"03:29  T+00:59  Water level {HAVEN}: -0.10 m NAP (alarm -0.10, quay 1.00)",
        f"04:24  T+01:54  Water level {HAVEN}: 1.00 m NAP (alarm -0.10, quay 1.00)",
        f"04:35  T+02:05  Water level {HAVEN}: 1.20 m NAP (alarm -0.10, quay 1.00)",
    ]
