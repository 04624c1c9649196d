"""Storm-surge warnings: the first minute the tide reaches a level (closed form), WMCN's message
``warning_lead`` before it (not before the start) known to Rijkswaterstaat, the water board and the
control room, its inject-list row in Dutch and English, and the refused alarm below the warning.

The tide of the hand-computed cases: 2.0 + 1.0 x cos(2 pi (t - 6 h) / 12 h) m NAP, low water 1.0 at
the start (02:30), high water 3.0 at 6 h (08:30). It is at or above L for |t - 6 h| <= d with
cos(2 pi d / 12 h) = L - 2.0: L = 2.5 gives d = 2 h (cos 60°), L = 2.0 d = 3 h (cos 90°),
L = 2 + sqrt(2)/2 d = 1 h 30 min (cos 45°), L = 3.0 d = 0 (it touches at high water).
"""

from __future__ import annotations

import json
import math
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, build, with_water
from hypothesis import given
from hypothesis import strategies as st

from simulator import simulate
from simulator.analysis.injects import derive_injects
from simulator.cli import cli
from simulator.engine.hazards.surge import next_high_water_min, reach_min
from simulator.model.hazards import Upstream

TIDE = {"level_m": 2.0, "amplitude_m": 1.0, "period": "12h", "high_water": "6h"}


def tide(**changes) -> Upstream:
    return Upstream.model_validate({**TIDE, **changes})


@pytest.mark.parametrize(
    ("changes", "level", "expected"),
    [
        ({}, 2.5, 240.0),  # 06:30: 6 h - 2 h
        ({}, 2.0, 180.0),  # 05:30: 6 h - 3 h
        ({}, 2.0 + math.sqrt(2) / 2, 270.0),  # 07:00: 6 h - 1 h 30 min
        ({}, 3.0, 360.0),  # only at high water itself
        ({"high_water": "18h"}, 2.5, 240.0),  # a high water 18 h on: the one 12 h earlier comes first
        ({"high_water": "1h"}, 2.5, 0.0),  # 2.97 m at the start: there already
        ({"high_water": "8h"}, 2.5, 360.0),  # 1.5 m at the start, rising: 8 h - 2 h
        ({}, 1.0, 0.0),  # low water reaches it: always at or above
        ({}, 3.01, None),  # above high water: never
        ({"amplitude_m": 0}, 2.0, 0.0),  # a constant sea at the level
        ({"amplitude_m": 0}, 2.01, None),  # a constant sea below it
    ],
)
def test_the_first_minute_the_tide_reaches_a_level(changes, level, expected):
    reached = reach_min(tide(**changes), level)
    if expected is None:
        assert reached is None
    else:
        assert round(reached * 60) == round(expected * 60)  # to the second
        assert reached == pytest.approx(expected, abs=1e-9)


def test_the_next_high_water_at_or_after_a_minute():
    up = tide()
    assert [next_high_water_min(up, t) for t in (0, 240, 360, 361, 1080)] == [360, 360, 360, 1080, 1080]


@given(
    st.floats(-1, 3),
    st.floats(0.1, 2),
    st.floats(60, 900),
    st.floats(0, 2000),
    st.floats(-2, 5),
)
def test_the_tide_is_below_the_level_until_it_reaches_it(mean, amplitude, period, high_water, level):
    """Sampled every period / 200 up to the returned minute, the tide is below the level; at it, on it
    (or above it at the start); never reached: below it over a whole period."""
    up = Upstream(level_m=mean, amplitude_m=amplitude, period=period, high_water=high_water)

    def at(t: float) -> float:
        return mean + amplitude * math.cos(2 * math.pi * (t - high_water) / period)

    reached = reach_min(up, level)
    end = period if reached is None else reached
    samples = [end * i / 200 for i in range(200)]
    if reached != 0.0:
        assert all(at(t) < level + 1e-9 for t in samples)
    if reached is not None:
        assert at(reached) >= level - 1e-9
        assert reached == 0.0 or at(reached) == pytest.approx(level, abs=1e-9)


def surge_scenario(upstream: dict, inject_at: str = "10h"):
    """A sea lock of Rijkswaterstaat whose gates an attacker opens at ``inject_at``."""
    assets = [
        {"id": "lock", "name": "Zeesluis", "sector": "waterways", "kind": "lock", "owner": "rws"},
        {"id": "wijk", "sector": "population", "municipality": "Testdorp", "population": 100},
    ]
    assets[0]["municipality"] = "Testdorp"
    hack = {
        "at": inject_at,
        "type": "cyber.compromise",
        "target": "lock",
        "effect": "manipulate",
        "hazard": {"model": "lock_breach", "basin": "haven", "upstream": upstream, "gate_area_m2": 5.0},
    }
    orgs = [
        {"id": "rws", "name": "Rijkswaterstaat", "kind": "rijkswaterstaat"},
        {"id": "ws", "name": "Waterschap", "kind": "waterschap"},
        {"id": "vr", "name": "Veiligheidsregio", "kind": "veiligheidsregio"},
        {"id": "gem", "name": "Gemeente", "kind": "gemeente"},
    ]
    response = {"control_room": "vr", "reporting": {"delay": "10min"}}
    scenario = build(assets, [hack], orgs, response=response, duration="24h")
    return with_water(scenario, [{"id": "haven", "area_m2": 1_000_000, "level_m": 0.0}])


def surge_events(results):
    events = results.events
    return events[events["kind"] == "hazard.surge"]


def test_wmcn_warns_its_lead_before_each_level_and_the_recipients_learn_it_then():
    """Warning 2.0 m (reached 05:30) and alarm 2.5 m (06:30), lead 2 h: messages at 03:30 and 04:30,
    before the attack (12:30), known then to Rijkswaterstaat, the water board and the control room,
    not to the municipality; about the sea, no asset."""
    up = {**TIDE, "warning_level_m": 2.0, "alarm_level_m": 2.5, "warning_lead": "2h"}
    results = simulate(surge_scenario(up), lang="en")
    surge = surge_events(results)
    assert surge["time_min"].tolist() == [60.0, 120.0]
    assert surge["asset"].fillna("").tolist() == ["", ""]
    data = [json.loads(d) for d in surge["data"]]
    assert [(d["stage"], d["level_m"], d["at_min"], d["minutes"], d["high_water_min"]) for d in data] == [
        ("warning", 2.0, 180.0, 120.0, 360.0),
        ("alarm", 2.5, 240.0, 120.0, 360.0),
    ]
    knowledge = results.knowledge
    learned = knowledge[knowledge["event"].isin(surge["id"])]
    assert sorted(zip(learned["time_min"], learned["org"])) == sorted(
        (t, org) for t in (60.0, 120.0) for org in ("rws", "ws", "vr")
    )
    assert surge["message"].tolist() == [
        "WMCN-Kust storm-surge warning: the sea reaches 2.00 m NAP in 2h",
        "WMCN-Kust storm-surge alarm: the sea reaches 2.50 m NAP in 2h",
    ]


def test_no_message_before_the_start_and_none_for_a_level_the_tide_never_reaches():
    """Lead 12 h: the warning for 05:30 is issued at the start; an alarm level of 3.2 m above the
    high water of 3.0 m makes no event and no row."""
    up = {**TIDE, "warning_level_m": 2.0, "alarm_level_m": 3.2}
    results = simulate(surge_scenario(up), lang="nl")
    surge = surge_events(results)
    assert surge["time_min"].tolist() == [0.0]
    assert surge["message"].tolist() == ["Stormvloedwaarschuwing WMCN-Kust: de zee bereikt over 3u 2,00 m NAP"]
    none = simulate(surge_scenario({**TIDE, "warning_level_m": 3.2}), lang="nl")
    assert surge_events(none).empty
    assert "forecast" not in derive_injects(none, "nl")["channel"].tolist()
    assert surge_events(simulate(surge_scenario(TIDE), lang="nl")).empty  # no levels: no warnings


def test_the_inject_list_has_one_wmcn_e_mail_per_message_in_dutch_and_english():
    up = {**TIDE, "warning_level_m": 2.0, "alarm_level_m": 2.5, "warning_lead": "2h"}
    results = simulate(surge_scenario(up), lang="nl")
    nl = derive_injects(results, "nl")
    en = derive_injects(results, "en")
    rows = nl[nl["channel"] == "forecast"]
    assert rows["time_min"].tolist() == [60.0, 120.0]
    assert rows["from"].tolist() == ["WMCN-Kust (Rijkswaterstaat, stormvloed)"] * 2
    assert rows["method"].tolist() == ["email", "email"]
    assert rows["to"].tolist() == ["Meldkamer", "Meldkamer"]
    assert rows["message"].tolist() == [
        "Stormvloedwaarschuwing WMCN-Kust voor Testdorp: het water komt om half zes boven het waarschuwingspeil "
        "(2,00 m NAP). Hoogwater 3,00 m NAP om half negen. Advies: beperkte maatregelen, paraat staan.",
        "Stormvloedalarmering WMCN-Kust voor Testdorp: het water komt om half zeven boven het alarmeringspeil "
        "(2,50 m NAP). Hoogwater 3,00 m NAP om half negen. Advies: dijkbewaking instellen.",
    ]
    assert (
        rows["expected_action"].tolist()
        == ["Stormvloed: keringen, sluizen en dijkbewaking afstemmen met waterschap en Rijkswaterstaat"] * 2
    )
    english = en[en["channel"] == "forecast"]
    assert english["from"].tolist() == ["WMCN-Kust (Rijkswaterstaat, storm surge)"] * 2
    assert english["message"].iloc[1] == (
        "Storm-surge alarm, WMCN-Kust, for Testdorp: the sea passes the alarm level (2.50 m NAP) at half past "
        "six. High water 3.00 m NAP at half past eight. Advice: set up a dike watch."
    )
    surge = set(surge_events(results)["id"])
    assert [set(e) for e in rows["events"]] == [{min(surge)}, {max(surge)}]
    others = nl[nl["channel"] != "forecast"]
    assert all(not surge & set(events) for events in others["events"])  # no second row about the surge


def test_a_sea_above_both_levels_at_the_start_is_one_alarm_naming_the_highest():
    """High water at 1 h: 2.97 m at the start, above 2.0 and 2.5: one e-mail at 02:30."""
    up = {**TIDE, "high_water": "1h", "warning_level_m": 2.0, "alarm_level_m": 2.5}
    rows = derive_injects(simulate(surge_scenario(up), lang="nl"), "nl")
    (message,) = rows[rows["channel"] == "forecast"]["message"]
    assert message == (
        "Stormvloedalarmering WMCN-Kust voor Testdorp: het water staat al boven het alarmeringspeil (2,50 m NAP). "
        "Hoogwater 3,00 m NAP om half vier. Advies: dijkbewaking instellen."
    )


def test_an_alarm_level_below_the_warning_level_is_refused_with_file_line_and_field(tmp_path):
    """The bundled storm-surge scenario with its alarm level put below its warning level: exit status
    2 and the file, line and field, in the scenario's language (Dutch), no traceback."""
    scenario = (ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml").read_text(encoding="utf-8")
    shutil.copytree(ROOT / "scenarios" / "common", tmp_path / "scenarios" / "common")
    shutil.copytree(ROOT / "infrastructure_graphs", tmp_path / "infrastructure_graphs")
    path = tmp_path / "scenarios" / "stormvloed.yaml"
    path.write_text(scenario.replace("alarm_level_m: 2.80", "alarm_level_m: 2.10"), encoding="utf-8")
    line = scenario.splitlines().index("        alarm_level_m: 2.80") + 1
    result = CliRunner(env={"RAMPSIM_LANG": None, "COLUMNS": "200"}).invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert (
        f"{path}:{line}: injects[1].hazard.upstream.alarm_level_m: het alarmeringspeil (2,1 m NAP) mag niet "
        "lager liggen dan het waarschuwingspeil (2,2 m NAP)" in result.output.splitlines()
    )
    assert "Traceback" not in result.output
