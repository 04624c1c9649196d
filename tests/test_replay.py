"""The replay's data model (``simulator.analysis.replay``): status, GRIP and events in two views.

The hand-built scenario (start Friday 15 January 2027 02:30, reports take 10 minutes)::

    a (energy, outage 0-180)        b (energy, outage 60-240) --power, buffer 1h--> wijk (1,000 people)
    plc (ict, shut down at 30, never repaired) --control, no buffer--> lock (waterways, kind lock)
    meter (water, manipulated at 30, no monitoring: never known)

    truth                                         known (what the crisis organisation knew)
    a     failed 0, operational 180               failed 10 (report), operational 180 (watched)
    plc   failed 30                               failed 40
    lock  failed 30, manual 90                    failed 40; rule "hand" at 40 calls the lock crew
                                                  (call-out 20min, at 60), set-up 30min: manual 90,
                                                  the organisation's own work: known at once
    b     failed 60, operational 240              failed 70, operational 240
    wijk  failed 120 (buffer out), op. 240        failed 130, operational 240
    GRIP  1 at 10 (an incident known), 2 at 70 (4 known failed: a, plc, lock, b), back to 1 at
          240 (not held since 180, when a came back: 1h without it)
"""

from __future__ import annotations

import json
from datetime import time
from functools import cache

import pytest
from conftest import ROOT, build, run
from hypothesis import given, settings
from hypothesis import strategies as st

import simulator
from simulator.analysis.replay import STATUSES, replay_timeline
from simulator.analysis.results import Results

GRIP = {
    "name": "GRIP",
    "deescalate_after": "1h",
    "levels": [
        {"level": 1, "name": "GRIP 1", "teams": [{"id": "copi", "assembly": "30min"}], "when": "known_incidents >= 1"},
        {"level": 2, "name": "GRIP 2", "teams": [{"id": "rot", "assembly": "1h"}], "when": "known_failed >= 4"},
    ],
}
ASSETS = [
    {"id": "a", "name": "Station A", "sector": "energy", "location": {"lat": 52.0, "lon": 4.5}},
    {"id": "b", "name": "Station B", "sector": "energy"},
    {
        "id": "wijk",
        "name": "Wijk",
        "sector": "population",
        "population": 1000,
        "needs": [{"type": "power", "from": "b", "tolerance": "1h"}],
    },
    {"id": "plc", "name": "Sluis PLC", "sector": "ict"},
    {"id": "meter", "name": "Meetnet", "sector": "water"},
    {
        "id": "lock",
        "name": "Sluis",
        "sector": "waterways",
        "kind": "lock",
        "owner": "rws",
        "manual_fallback": {"level": 0.5, "setup": "30min", "crew": "rws/sluiswachters"},
        "needs": [{"type": "control", "from": "plc"}],
    },
]
ORGANISATIONS = [{"id": "rws", "crews": [{"id": "sluiswachters", "size": 1, "callout": "20min"}]}]
INJECTS = [
    {"type": "outage", "target": "a", "duration": "3h"},
    {"type": "outage", "target": "b", "at": 60, "duration": "3h"},
    {"type": "cyber.compromise", "target": "plc", "at": 30},
    {"type": "cyber.compromise", "target": "meter", "effect": "manipulate", "at": 30},
]
RULES = [{"id": "hand", "when": {"asset_failed": {"kind": "lock"}}, "action": "manual"}]


@cache
def small_results() -> Results:
    scenario = build(
        ASSETS,
        INJECTS,
        ORGANISATIONS,
        response={"reporting": {"delay": "10min"}, "escalation": GRIP},
        duration="1d",
        rules=RULES,
    )
    return Results.from_record(run(scenario), "en")


@pytest.fixture(scope="module")
def small():
    return replay_timeline(small_results(), "en")


def test_truth_status_changes_at_the_exact_minutes(small):
    truth = small.to_payload()["status"]["truth"]
    assert truth == {
        "a": [[0.0, "operational"], [0.0, "failed"], [180.0, "operational"]],
        "b": [[0.0, "operational"], [60.0, "failed"], [240.0, "operational"]],
        "meter": [[0.0, "operational"]],
        "lock": [[0.0, "operational"], [30.0, "failed"], [90.0, "manual"]],
        "plc": [[0.0, "operational"], [30.0, "failed"]],
        "wijk": [[0.0, "operational"], [120.0, "failed"], [240.0, "operational"]],
    }


def test_known_status_lags_by_the_report_delay(small):
    known = small.to_payload()["status"]["known"]
    assert known == {
        "a": [[0.0, "operational"], [10.0, "failed"], [180.0, "operational"]],
        "b": [[0.0, "operational"], [70.0, "failed"], [240.0, "operational"]],
        "meter": [[0.0, "operational"]],
        "lock": [[0.0, "operational"], [40.0, "failed"], [90.0, "manual"]],
        "plc": [[0.0, "operational"], [40.0, "failed"]],
        "wijk": [[0.0, "operational"], [130.0, "failed"], [240.0, "operational"]],
    }


@pytest.mark.parametrize(
    ("t", "view", "expected"),
    [
        (
            0.0,
            "truth",
            {
                "a": "failed",
                "b": "operational",
                "wijk": "operational",
                "plc": "operational",
                "meter": "operational",
                "lock": "operational",
            },
        ),
        (0.0, "known", dict.fromkeys(["a", "b", "wijk", "plc", "meter", "lock"], "operational")),
        (9.99, "known", dict.fromkeys(["a", "b", "wijk", "plc", "meter", "lock"], "operational")),
        (
            10.0,
            "known",
            {
                "a": "failed",
                "b": "operational",
                "wijk": "operational",
                "plc": "operational",
                "meter": "operational",
                "lock": "operational",
            },
        ),
        (
            30.0,
            "truth",
            {
                "a": "failed",
                "b": "operational",
                "wijk": "operational",
                "plc": "failed",
                "meter": "operational",
                "lock": "failed",
            },
        ),
        (
            39.0,
            "known",
            {
                "a": "failed",
                "b": "operational",
                "wijk": "operational",
                "plc": "operational",
                "meter": "operational",
                "lock": "operational",
            },
        ),
        (
            125.0,
            "truth",
            {"a": "failed", "b": "failed", "wijk": "failed", "plc": "failed", "meter": "operational", "lock": "manual"},
        ),
        (
            125.0,
            "known",
            {
                "a": "failed",
                "b": "failed",
                "wijk": "operational",
                "plc": "failed",
                "meter": "operational",
                "lock": "manual",
            },
        ),
        (
            1000.0,
            "known",
            {
                "a": "operational",
                "b": "operational",
                "wijk": "operational",
                "plc": "failed",
                "meter": "operational",
                "lock": "manual",
            },
        ),
    ],
)
def test_status_at(small, t, view, expected):
    assert small.status_at(t, view) == expected


def test_grip_changes_and_level_at_any_minute(small):
    assert small.grip == [[0.0, 0], [10.0, 1], [70.0, 2], [240.0, 1]]
    levels = [small.grip_at(t) for t in (0, 9.99, 10, 69.9, 70, 239.9, 240, 5000)]
    assert levels == [0, 0, 1, 1, 2, 2, 1, 1]
    assert [small.level_name(level) for level in (0, 1, 2, 3)] == ["no escalation", "GRIP 1", "GRIP 2", "3"]


def test_the_stealthy_manipulation_is_in_the_truth_feed_only(small):
    manipulated = [e for e in small.events if e["kind"] == "cyber.manipulated"]
    assert [(e["t"], e["known_t"], e["asset"]) for e in manipulated] == [(30.0, None, "meter")]
    assert manipulated[0] in small.feed(30.0, "truth")
    everything_known = small.feed(float("inf"), "known")
    assert all(e["asset"] != "meter" for e in everything_known)
    assert (
        len(everything_known) == sum(e["known_t"] is not None for e in small.events) == len(small.events) - 2
    )  # inject + manipulated


def test_feed_in_known_order_and_the_latest_few(small):
    """By 40 the organisation knows the events of a (10) and, with the reports of plc and lock at
    40, that plc has no repair (event 10, logged at 30: news only once plc is known to be down)."""
    known = [e["id"] for e in small.feed(40.0, "known", headline_only=True)]
    assert known == [1, 2, 3, 4, 5, 6, 7, 8, 10, 14, 15, 16, 17, 20]
    assert [(e["t"], e["known_t"]) for e in small.events if e["kind"] == "repair.unavailable"] == [(30.0, 40.0)]
    truth = [e["id"] for e in small.feed(40.0, "truth", headline_only=True)]
    assert truth == [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 14, 15, 16, 17, 20]
    assert [e["id"] for e in small.feed(40.0, "truth", headline_only=True, limit=3)] == [16, 17, 20]
    assert [e["kind"] for e in small.feed(40.0, "truth") if not e["headline"]] == [
        "need.unsatisfied",
        "need.exhausted",
        "rule.fired",
        "action.queued",
    ]
    assert small.feed(-1.0, "truth") == []


def test_event_times_are_the_moments_something_visible_changes(small):
    assert small.event_times("truth") == [0.0, 10.0, 30.0, 40.0, 60.0, 70.0, 90.0, 120.0, 130.0, 180.0, 240.0]
    assert small.event_times("known") == [10.0, 40.0, 60.0, 70.0, 90.0, 130.0, 180.0, 240.0]
    assert small.end_min == 240.0


def test_payload_shape_and_json(small):
    payload = small.to_payload()
    assert json.loads(json.dumps(payload)) == payload
    assert set(payload) == {
        "start",
        "end_min",
        "lang",
        "title",
        "sectors",
        "assets",
        "links",
        "status",
        "grip",
        "events",
    }
    assert payload["start"] == "2027-01-15T02:30:00+01:00"
    assert (payload["lang"], payload["title"]) == ("en", "test")
    assert payload["sectors"] == ["energy", "water", "waterways", "ict", "population"]
    assert payload["assets"] == [
        {"id": "a", "name": "Station A", "sector": "energy", "municipality": "", "x": 4.5, "y": 52.0, "layer": 0},
        {"id": "b", "name": "Station B", "sector": "energy", "municipality": "", "x": None, "y": None, "layer": 0},
        {"id": "meter", "name": "Meetnet", "sector": "water", "municipality": "", "x": None, "y": None, "layer": 0},
        {"id": "lock", "name": "Sluis", "sector": "waterways", "municipality": "", "x": None, "y": None, "layer": 1},
        {"id": "plc", "name": "Sluis PLC", "sector": "ict", "municipality": "", "x": None, "y": None, "layer": 0},
        {"id": "wijk", "name": "Wijk", "sector": "population", "municipality": "", "x": None, "y": None, "layer": 1},
    ]
    assert payload["links"] == [["b", "wijk"], ["plc", "lock"]]
    assert payload["events"][2] == {
        "id": 3,
        "t": 0.0,
        "clock": "02:30",
        "known_t": 10.0,
        "asset": "a",
        "kind": "asset.failed",
        "text": "Station A fails",
        "headline": True,
    }
    assert payload["events"][4]["asset"] == ""  # GRIP is about no asset
    assert [e["id"] for e in payload["events"]] == list(range(1, len(payload["events"]) + 1))


def test_messages_in_dutch():
    dutch = replay_timeline(small_results(), "nl")
    assert dutch.lang == "nl"
    assert dutch.events[2]["text"] == "Station A valt uit"


def test_clock_and_first_minute_at_a_clock_time(small):
    assert small.clock(0) == "02:30"
    assert small.clock(90.5) == "04:00"
    assert small.first_minute_at(time(2, 30)) == 0.0
    assert small.first_minute_at(time(3, 0)) == 30.0
    assert small.first_minute_at(time(2, 0)) == 1410.0  # the next night


def test_clock_over_the_change_to_summer_time():
    """Sunday 28 March 2027 01:30 CET: at 02:00 the clocks go to 03:00 (CEST); 02:30 does not
    exist that night, so --from 02:30 is the next night's, 24 hours later."""
    scenario = build(
        [{"id": "x", "sector": "energy"}],
        [{"type": "outage", "target": "x", "at": 45}],
        start="2027-03-28T01:30:00+01:00",
    )
    timeline = replay_timeline(Results.from_record(run(scenario), "en"), "en")
    assert [timeline.clock(m) for m in (0, 29, 30, 45)] == ["01:30", "01:59", "03:00", "03:15"]
    assert timeline.events[0]["clock"] == "03:15"
    assert timeline.first_minute_at(time(3, 0)) == 30.0
    assert timeline.first_minute_at(time(2, 30)) == 1440.0


def test_a_bad_view_is_refused(small):
    with pytest.raises(ValueError, match="view"):
        small.status_at(0, "rumour")


# --- a real scenario: exhaustive and property checks ------------------------------------------------
@cache
def real(name: str) -> Results:
    return simulator.simulate(simulator.load_scenario(ROOT / "scenarios" / name))


REAL = ["sluis-havenstad.yaml", "stroomstoring-havenstad.yaml"]


@pytest.mark.parametrize("name", REAL)
def test_known_view_never_shows_what_truth_did_not_show_first(name):
    """At every moment the known view changes, each asset's known status is one it really had at
    or before that moment; so no failure is known before it happened."""
    timeline = replay_timeline(real(name), "en")
    truth = timeline.status["truth"]
    for asset, changes in timeline.status["known"].items():
        for t, status in changes:
            had = {s for when, s in truth[asset] if when <= t}
            assert status in had, (asset, t, status)
    first_failed = {
        view: {a: min((t for t, s in ch if s == "failed"), default=None) for a, ch in timeline.status[view].items()}
        for view in ("truth", "known")
    }
    for asset, known_first in first_failed["known"].items():
        if known_first is not None:
            assert first_failed["truth"][asset] <= known_first, asset


@pytest.mark.parametrize("name", REAL)
def test_known_view_agrees_with_results_status_known_at(name):
    """Cross-check with ``Results.status_known_at`` (any organisation) at every moment something
    changes in the known view: the same status, or ``manual`` where the asset ran by hand."""
    results = real(name)
    timeline = replay_timeline(results, "en")
    for t in timeline.event_times("known"):
        ours = timeline.status_at(t, "known")
        theirs = dict(zip(*results.status_known_at(t)[["asset", "status"]].to_dict("list").values()))
        for asset, status in ours.items():
            assert status == theirs.get(asset, "operational") or status == "manual", (
                t,
                asset,
                status,
                theirs.get(asset),
            )


@settings(max_examples=200, deadline=None)
@given(t=st.floats(min_value=-10, max_value=3000, allow_nan=False), view=st.sampled_from(["truth", "known"]))
def test_lookups_equal_a_linear_scan(t, view):
    """status_at, grip_at and feed (bisect) against a plain scan of the tables."""
    results = real("sluis-havenstad.yaml")
    timeline = _timeline_of_real()
    states = results.states
    expected = dict.fromkeys(timeline.status["truth"], "operational")
    if view == "truth":
        for when, asset, status, manual in zip(states["time_min"], states["asset"], states["status"], states["manual"]):
            if when <= t:
                expected[asset] = "manual" if manual else status
        assert timeline.status_at(t, "truth") == expected
    assert set(timeline.status_at(t, view).values()) <= set(STATUSES)
    grip = 0
    for when, level in timeline.grip:
        grip = level if when <= t else grip
    assert timeline.grip_at(t) == grip
    key = "t" if view == "truth" else "known_t"
    scan = sorted((e for e in timeline.events if e[key] is not None and e[key] <= t), key=lambda e: (e[key], e["id"]))
    assert timeline.feed(t, view) == scan


@cache
def _timeline_of_real():
    return replay_timeline(real("sluis-havenstad.yaml"), "en")


def test_from_finds_the_second_0230_on_the_night_summer_time_ends():
    """Start 02:45 CEST on 31 October 2027; at 03:00 CEST the clocks go back to 02:00 CET, so
    02:30 comes again 45 minutes after the start."""
    from datetime import datetime, time
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    from simulator.analysis.replay import ReplayTimeline

    start = datetime(2027, 10, 31, 2, 45, tzinfo=ZoneInfo("Europe/Amsterdam"))
    stub = SimpleNamespace(start=start)
    assert ReplayTimeline.first_minute_at(stub, time(2, 30)) == 45.0
    assert ReplayTimeline.first_minute_at(stub, time(2, 50)) == 5.0  # the first 02:50 (CEST) comes first
