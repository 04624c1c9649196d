"""The list of what is down beside the browser replay's map (analysis/replay_down.py) and the
municipality names on a region's map (report/replay_towns.py), by hand.

Two towns and a regional website, start Friday 15 January 2027 02:30, reports take 10 minutes::

    hs "Station" (Beestad, outage 10-130) --power, buffer 30min--> wijk "Centrum" (Aadorp)
                                          --power, degrade 0.5---> kantoor "Gemeentehuis" (Aadorp)
    site "Website" (no municipality, DDoS to 0.5 at 45 for 2h)
    gemaal "Gemaal" (Beestad, untouched)

    truth:  hs failed 10 (02:40), kantoor degraded 10 (02:40), wijk failed 40 (03:10, the buffer
            out), site degraded 45 (03:15); all but site back at 130, site at 165
    known:  each 10 minutes later (the report): 20, 20, 50, 55
"""

from __future__ import annotations

from functools import cache

import pytest
from conftest import ROOT, build, run
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis.replay import replay_timeline
from simulator.analysis.replay_down import down_at
from simulator.analysis.results import Results
from simulator.report.replay_html import page_labels
from simulator.report.replay_towns import town_labels

ASSETS = [
    {"id": "hs", "name": "Station", "sector": "energy", "municipality": "Beestad"},
    {
        "id": "wijk",
        "name": "Centrum",
        "sector": "population",
        "municipality": "Aadorp",
        "population": 100,
        "needs": [{"type": "power", "from": "hs", "tolerance": "30min"}],
    },
    {
        "id": "kantoor",
        "name": "Gemeentehuis",
        "sector": "government",
        "municipality": "Aadorp",
        "needs": [{"type": "power", "from": "hs", "effect": {"degrade": 0.5}}],
    },
    {"id": "site", "name": "Website", "sector": "ict"},
    {"id": "gemaal", "name": "Gemaal", "sector": "water", "municipality": "Beestad"},
]
INJECTS = [
    {"type": "outage", "target": "hs", "at": 10, "duration": "2h"},
    {"type": "cyber.ddos", "target": "site", "at": 45, "level": 0.5, "duration": "2h"},
]


@cache
def timeline():
    scenario = build(ASSETS, INJECTS, response={"reporting": {"delay": "10min"}}, duration="6h")
    return replay_timeline(Results.from_record(run(scenario), "en"), "en")


def _rows(t: float, view: str) -> list[tuple]:
    return [
        (r["municipality"], r["asset"], r["name"], r["status"], r["since_min"], r["clock"])
        for r in down_at(timeline(), t, view)
    ]


def test_at_minute_50_per_town_the_longest_down_first_and_the_regional_asset_last():
    assert _rows(50, "truth") == [
        ("Aadorp", "kantoor", "Gemeentehuis", "degraded", 10.0, "02:40"),
        ("Aadorp", "wijk", "Centrum", "failed", 40.0, "03:10"),
        ("Beestad", "hs", "Station", "failed", 10.0, "02:40"),
        ("", "site", "Website", "degraded", 45.0, "03:15"),
    ]


def test_the_known_view_lists_what_was_known_from_when_it_was_known():
    # at 50 the website's trouble (45) is not reported yet (55); the rest is known 10 minutes late
    assert _rows(50, "known") == [
        ("Aadorp", "kantoor", "Gemeentehuis", "degraded", 20.0, "02:50"),
        ("Aadorp", "wijk", "Centrum", "failed", 50.0, "03:20"),
        ("Beestad", "hs", "Station", "failed", 20.0, "02:50"),
    ]
    assert _rows(55, "known")[-1] == ("", "site", "Website", "degraded", 55.0, "03:25")


def test_before_and_after():
    assert _rows(9, "truth") == [] and _rows(19, "known") == []
    assert _rows(130, "truth") == [("", "site", "Website", "degraded", 45.0, "03:15")]
    assert _rows(165, "truth") == [] and _rows(165, "known") == []


# --- an asset on its manual fallback is listed, marked as manual ------------------------------------
# Start 02:30, reports take 10 minutes:
#
#     plc "Sluis PLC" (ict, shut down at 30, never repaired) --control, no buffer--> lock "Sluis"
#         (waterways, Aadorp; manual fallback 0.5 with crew rws/sluiswachters, set-up 30min)
#
#     truth:  plc failed 30 (03:00); lock failed 30 (03:00), manual 90 (04:00)
#     known:  both failed 40 (03:10, the report); rule "hand" fires at 40, the crew is called out
#             (20min: there at 60) and sets the lock up by hand in 30min: manual 90 (04:00), the
#             organisation's own work, known at once
MANUAL_ASSETS = [
    {"id": "plc", "name": "Sluis PLC", "sector": "ict"},
    {
        "id": "lock",
        "name": "Sluis",
        "sector": "waterways",
        "kind": "lock",
        "owner": "rws",
        "municipality": "Aadorp",
        "manual_fallback": {"level": 0.5, "setup": "30min", "crew": "rws/sluiswachters"},
        "needs": [{"type": "control", "from": "plc"}],
    },
]


@cache
def manual_timeline():
    scenario = build(
        MANUAL_ASSETS,
        [{"type": "cyber.compromise", "target": "plc", "at": 30}],
        [{"id": "rws", "crews": [{"id": "sluiswachters", "size": 1, "callout": "20min"}]}],
        response={"reporting": {"delay": "10min"}},
        duration="6h",
        rules=[{"id": "hand", "when": {"asset_failed": {"kind": "lock"}}, "action": "manual"}],
    )
    return replay_timeline(Results.from_record(run(scenario), "en"), "en")


def _manual_rows(t: float, view: str) -> list[tuple]:
    return [(r["asset"], r["status"], r["since_min"], r["clock"]) for r in down_at(manual_timeline(), t, view)]


def test_an_asset_on_its_manual_fallback_stays_in_the_list_marked_manual():
    assert _manual_rows(89, "truth") == [("lock", "failed", 30.0, "03:00"), ("plc", "failed", 30.0, "03:00")]
    assert _manual_rows(90, "truth") == [("lock", "manual", 90.0, "04:00"), ("plc", "failed", 30.0, "03:00")]
    assert _manual_rows(39, "known") == []
    assert _manual_rows(40, "known") == [("lock", "failed", 40.0, "03:10"), ("plc", "failed", 40.0, "03:10")]
    assert _manual_rows(90, "known") == [("lock", "manual", 90.0, "04:00"), ("plc", "failed", 40.0, "03:10")]
    assert _manual_rows(360, "truth") == _manual_rows(90, "truth")  # never repaired: by hand to the end


# --- the bundled scenario polder-gemaal-hack (seed 15 of the file), from its event log ---------------
# Gemaal Oostpolder (Havenstad) is shut down at 15:00 (minute 60, the inject); the control room's
# report arrives at minute 63.856 (15:03), when rule handbediening-gemalen calls out the gemaalploeg
# (called out 1h11min: at work at 134.801, 16:14); its manual set-up is done at 212.336 (17:32):
# from then on it runs by hand at 80 % to the end of the run. Nothing else in the run changes status.
POLDER_NAME = "Gemaal Oostpolder (elektrisch)"


@cache
def polder():
    import simulator

    return simulator.simulate(ROOT / "scenarios" / "polder-gemaal-hack.yaml", lang="nl")


@cache
def polder_timeline():
    return replay_timeline(polder(), "nl")


def _polder_rows(t: float, view: str) -> list[tuple]:
    return [
        (r["municipality"], r["asset"], r["name"], r["status"], round(r["since_min"], 3), r["clock"])
        for r in down_at(polder_timeline(), t, view)
    ]


def test_the_polder_pumping_station_is_listed_failed_then_manual_in_both_views():
    failed = ("Havenstad", "gemaal-oostpolder", POLDER_NAME, "failed", 60.0, "15:00")
    manual = ("Havenstad", "gemaal-oostpolder", POLDER_NAME, "manual", 212.336, "17:32")
    assert _polder_rows(59.9, "truth") == [] and _polder_rows(63.8, "known") == []
    assert _polder_rows(120, "truth") == [failed]  # 16:00
    assert _polder_rows(120, "known") == [(*failed[:4], 63.856, "15:03")]  # known from the report
    assert _polder_rows(220, "truth") == [manual] == _polder_rows(220, "known")  # 17:40; own work, known at once
    assert _polder_rows(polder_timeline().end_min, "truth") == [manual]


def test_an_unknown_view_is_refused():
    with pytest.raises(ValueError, match="view must be one of"):
        down_at(timeline(), 50, "rumour")


@settings(max_examples=60, deadline=None)
@given(t=st.floats(min_value=-5, max_value=400), view=st.sampled_from(["truth", "known"]))
def test_the_list_is_exactly_the_assets_failed_manual_or_degraded(t, view):
    for line in (timeline(), manual_timeline()):
        status = line.status_at(t, view)
        rows = down_at(line, t, view)
        down = ("failed", "manual", "degraded")
        assert sorted(r["asset"] for r in rows) == sorted(a for a, s in status.items() if s in down)
        assert all(status[r["asset"]] == r["status"] and r["since_min"] <= t for r in rows)


# --- the municipality names on the map ---------------------------------------------------------------
def test_a_town_is_named_at_the_centre_of_its_assets():
    assets = [{"id": i, "municipality": m} for i, m in (("a", "Aadorp"), ("b", "Aadorp"), ("c", "Beestad"), ("r", ""))]
    positions = {"a": (100.0, 100.0), "b": (200.0, 140.0), "c": (600.0, 300.0), "r": (900.0, 600.0)}
    labels = town_labels(assets, positions, (0.0, 0.0, 1000.0, 640.0))
    assert [(t.name, t.x) for t in labels] == [("Aadorp", 150.0), ("Beestad", 600.0)]
    # the box (23.75 units high) centred on the mean y, 120: top 108.125; the baseline 0.78 of it down
    assert labels[0].box[1] == 108.1 and labels[0].y == 126.7


def test_one_town_needs_no_name_and_two_names_never_overlap():
    assert town_labels([{"id": "a", "municipality": "A"}], {"a": (10.0, 10.0)}, (0.0, 0.0, 100.0, 100.0)) == []
    # both towns' assets centre on the same spot: the second moves a line down
    assets = [{"id": "a", "municipality": "Aadorp"}, {"id": "b", "municipality": "Beestad"}]
    labels = town_labels(assets, {"a": (300.0, 300.0), "b": (300.0, 300.0)}, (0.0, 0.0, 1000.0, 640.0))
    first, second = labels
    assert first.box[3] <= second.box[1] and second.box[1] - first.box[1] == pytest.approx(23.75, abs=0.1)


def test_the_page_words_come_from_the_catalogue_in_both_languages():
    en, nl = page_labels("en"), page_labels("nl")
    assert en["down_title"] == {"one": "Down now: {n} asset", "other": "Down now: {n} assets"}
    assert nl["down_title"] == {"one": "Nu buiten bedrijf: {n} object", "other": "Nu buiten bedrijf: {n} objecten"}
    assert (en["down_no_municipality"], nl["down_no_municipality"]) == ("No municipality", "Geen gemeente")
    assert (en["down_empty_known"], nl["down_empty_known"]) == (
        "Nothing known to be down",
        "Niets bekend buiten bedrijf",
    )


def test_the_page_lists_the_same_in_the_browser(browser_page, tmp_path):
    """The page's JavaScript computes the list itself: at minute 50 the same entries, under their
    towns' headings; at minute 5 the words for an empty list."""
    from simulator.report.replay_html import render_replay_html

    read = """() => [...document.querySelectorAll('#down-list li[data-asset]')].map(li => [
        li.closest('ul').previousElementSibling.textContent, li.dataset.asset,
        li.querySelector('.when').textContent, li.querySelector('.state').textContent])"""
    timeline_ = timeline()
    for minute, view in ((50.0, "truth"), (50.0, "known"), (5.0, "truth")):
        path = tmp_path / f"down-{minute:g}-{view}.html"
        page = render_replay_html(timeline_.to_payload(), page_labels("en"), view=view, start_min=minute)
        path.write_text(page, encoding="utf-8")
        browser_page.open(path)
        entries = browser_page.page.evaluate(read)
        expected = [
            [r["municipality"] or "No municipality", r["asset"], r["clock"], r["status"]]
            for r in down_at(timeline_, minute, view)
        ]
        assert entries == expected
        if minute == 5.0:
            assert entries == [] and browser_page.page.inner_text("#down-list") == "Everything operational"
            assert browser_page.page.inner_text("#down-title") == "Down now: 0 assets"
    assert browser_page.console_errors == [] and browser_page.requests == []


def test_the_page_marks_the_pumping_station_on_manual_operation_in_the_browser(browser_page, tmp_path, artifact_dir):
    """The real page of polder-gemaal-hack in Dutch (``write_replay_html``, as ``rampsim replay
    --html`` writes it): at 16:00 the pumping station is listed ``uitgevallen``, at 17:40
    ``handbediend`` with the manual marker, in both views, under its town."""
    from simulator.report.replay_html import write_replay_html

    read = """() => [...document.querySelectorAll('#down-list li[data-asset]')].map(li => [
        li.closest('ul').previousElementSibling.textContent, li.dataset.asset, li.dataset.status,
        li.querySelector('.when').textContent, li.querySelector('.name').textContent,
        li.querySelector('.state').textContent, li.querySelector('use').getAttribute('href')])"""
    failed = ["Havenstad", "gemaal-oostpolder", "failed", "15:00", POLDER_NAME, "uitgevallen", "#m-failed"]
    manual = ["Havenstad", "gemaal-oostpolder", "manual", "17:32", POLDER_NAME, "handbediend", "#m-manual"]
    for minute, view, expected in (
        (120.0, "truth", failed),
        (120.0, "known", [*failed[:3], "15:03", *failed[4:]]),
        (220.0, "truth", manual),
        (220.0, "known", manual),
    ):
        path = write_replay_html(
            polder(), tmp_path / f"polder-{minute:g}-{view}.html", "nl", view=view, start_min=minute
        )
        browser_page.open(path)
        assert browser_page.page.evaluate(read) == [expected], (minute, view)
        assert browser_page.page.inner_text("#down-title") == "Nu buiten bedrijf: 1 object"
        note = "uitgevallen, handbediend of verminderd, per gemeente; tijd: sinds wanneer"
        if view == "truth":
            assert browser_page.page.inner_text("#down-note") == note
        if (minute, view) == (220.0, "truth"):
            browser_page.page.screenshot(path=str(artifact_dir / "replay-polder-manual-1740.png"))
    assert browser_page.console_errors == [] and browser_page.requests == []


def test_the_terminal_replay_shows_the_pumping_station_failed_then_on_manual_operation():
    """The terminal replay of the same run on an 80 x 24 screen: its sector row names the pumping
    station with the failed symbol at 16:00 and the manual one at 17:40, in both views; the legend
    names the manual symbol."""
    import os

    from rich.console import Console

    from simulator.report.replay_terminal import ReplayState, render_screen

    def rows(t: float, view: str) -> list[str]:
        console = Console(width=80, height=24, record=True, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
        console.print(render_screen(polder_timeline(), ReplayState(t_min=t, view=view), 80, 24))
        return [line.rstrip() for line in console.export_text().splitlines()]

    for view in ("truth", "known"):
        before, after = rows(120, view), rows(220, view)
        assert "Waterkering       ✗ Gemaal Oostpolder (…" in before, (view, before)
        assert "Waterkering       ⚙ Gemaal Oostpolder (…" in after, (view, after)
        assert "✓ in bedrijf  ◐ verminderd  ✗ uitgevallen  ⚙ handbediening" in after
        assert any(line.startswith("12 sectoren zonder storing: Energie, Water") for line in after)
