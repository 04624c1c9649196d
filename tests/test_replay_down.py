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
from conftest import build, run
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


def test_an_unknown_view_is_refused():
    with pytest.raises(ValueError, match="view must be one of"):
        down_at(timeline(), 50, "rumour")


@settings(max_examples=60, deadline=None)
@given(t=st.floats(min_value=-5, max_value=400), view=st.sampled_from(["truth", "known"]))
def test_the_list_is_exactly_the_assets_failed_or_degraded(t, view):
    status = timeline().status_at(t, view)
    rows = down_at(timeline(), t, view)
    assert sorted(r["asset"] for r in rows) == sorted(a for a, s in status.items() if s in ("failed", "degraded"))
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
