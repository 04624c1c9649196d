"""The browser replay (``simulator.report.replay_html``, ``replay_layout``): one offline HTML page of a run.

The run: ``scenarios/sluis-havenstad.yaml`` for its first 4 hours (seed 7, Dutch). At minute 0
the remote control of the locks is wiped: in truth the locks fail at once, the crisis
organisation hears of it only minutes later, so the two views differ. The browser tests open the
page in headless Chromium and compare what it shows with ``ReplayTimeline``, computed in Python.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT

import simulator
from simulator.analysis.replay import ReplayTimeline, replay_timeline
from simulator.report.replay_html import clock_offsets, page_labels, render_replay_html, write_replay_html
from simulator.report.replay_layout import (
    COMPASS_BOX,
    HEIGHT,
    MAP_BOX,
    MARGIN,
    NODE_SPACING,
    ROW_HEIGHT,
    graph_layout,
)

NASTY = '</script><script>alert("x")</script><!-- & é'


@pytest.fixture(scope="module")
def sluis():
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad.yaml")
    return simulator.simulate(scenario, seed=7, until_min=240, lang="nl")


@pytest.fixture(scope="module")
def timeline(sluis):
    return replay_timeline(sluis, "nl")


def tiny_payload(name: str = "Pomp", lang: str = "en") -> dict:
    """A hand-made payload: a pump (failed from minute 10, known at 25) feeding a hospital."""
    return {
        "start": "2027-01-15T02:30:00+01:00",
        "end_min": 60.0,
        "lang": lang,
        "title": "Tiny",
        "sectors": ["water", "health"],
        "assets": [
            {"id": "pomp", "name": name, "sector": "water", "x": None, "y": None, "layer": 0},
            {"id": "zkh", "name": "Ziekenhuis", "sector": "health", "x": None, "y": None, "layer": 1},
        ],
        "links": [["pomp", "zkh"]],
        "status": {
            "truth": {"pomp": [[0.0, "operational"], [10.0, "failed"]], "zkh": [[0.0, "operational"]]},
            "known": {"pomp": [[0.0, "operational"], [25.0, "failed"]], "zkh": [[0.0, "operational"]]},
        },
        "grip": [[0.0, 0], [30.0, 1]],
        "events": [
            {
                "id": 1,
                "t": 10.0,
                "clock": "02:40",
                "known_t": 25.0,
                "asset": "pomp",
                "kind": "asset.failed",
                "text": f"{name} failed",
                "headline": True,
            },
            {
                "id": 2,
                "t": 12.5,
                "clock": "02:42",
                "known_t": None,
                "asset": "pomp",
                "kind": "need.unsatisfied",
                "text": "never known",
                "headline": False,
            },
        ],
    }


def render(payload: dict, **options) -> str:
    return render_replay_html(payload, page_labels(payload["lang"]), **options)


def json_block(page: str, block_id: str):
    match = re.search(f'<script id="{block_id}" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


# --- the file ------------------------------------------------------------------------------------
def test_same_run_gives_the_same_bytes(sluis, tmp_path):
    first = write_replay_html(sluis, tmp_path / "a.html", "nl", view="known", start_min=30, speed=240)
    second = write_replay_html(sluis, tmp_path / "b.html", "nl", view="known", start_min=30, speed=240)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]  # no temporary file left


def test_no_reference_to_anything_outside_the_file(sluis, tmp_path):
    page = write_replay_html(sluis, tmp_path / "replay.html", "nl").read_text(encoding="utf-8")
    for outside in ("http://", "https://", "//cdn", "src=", "url(", "@import", "<link", "<img", "<iframe"):
        assert outside not in page, outside


def test_the_content_security_policy_forbids_the_network_and_admits_exactly_our_code(sluis, tmp_path):
    page = write_replay_html(sluis, tmp_path / "replay.html", "en").read_text(encoding="utf-8")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    code = re.findall(r"<script>(.*?)</script>", page, re.S)
    style = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(code) == 1 and len(style) == 1

    def sha(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert directives == {
        "default-src": "'none'",
        "script-src": sha(code[0]),
        "style-src": sha(style[0]),
        "img-src": "data:",
        "font-src": "'none'",
        "connect-src": "'none'",
        "base-uri": "'none'",
        "form-action": "'none'",
    }


def test_dutch_and_english_labels():
    def shown(page):  # the page without its code
        return re.sub(r"<script>.*?</script>", "", page, flags=re.S)

    dutch, english = shown(render(tiny_payload(lang="nl"))), shown(render(tiny_payload(lang="en")))
    assert '<html lang="nl">' in dutch and '<html lang="en">' in english
    for label in ("Gebeurtenissen", "Werkelijkheid", "Wat bekend was", "Snelheid", "1 min per seconde", "uitgevallen"):
        assert label in dutch and label not in english, label
    for label in ("Events", "Ground truth", "What was known", "Speed", "1 min per second<"):
        assert label in english and label not in dutch, label
    labels = json_block(dutch, "replay-labels")
    assert (labels["play"], labels["pause"], labels["grip"]["0"]) == ("▶ Afspelen", "❚❚ Pauze", "geen opschaling")


def test_a_closing_script_tag_in_the_data_is_escaped():
    page = render(tiny_payload(NASTY))
    assert page.count("</script>") == 4  # the three data blocks and the code
    assert "<!--" not in page
    payload = json_block(page, "replay-data")
    assert payload["assets"][0]["name"] == NASTY and payload["events"][0]["text"] == NASTY + " failed"
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;!-- &amp; é</title>" in page


def test_options_are_embedded_and_checked():
    page = render(tiny_payload(), view="known", start_min=500, speed=90)
    assert json_block(page, "replay-options") == {"view": "known", "start_min": 60.0, "speed": 90.0, "offsets": []}
    speeds = re.findall(r'<option value="([^"]+)"( selected)?>', page)
    assert speeds == [("15", ""), ("60", ""), ("90", " selected"), ("240", ""), ("960", ""), ("3600", "")]
    with pytest.raises(ValueError, match="view"):
        render(tiny_payload(), view="rumour")
    with pytest.raises(ValueError, match="speed"):
        render(tiny_payload(), speed=0)


# --- layout --------------------------------------------------------------------------------------
def test_layered_layout_rows_by_depth_sorted_by_sector():
    assets = [
        {"id": "a", "sector": "energy", "layer": 0},
        {"id": "b", "sector": "water", "layer": 1},
        {"id": "c", "sector": "energy", "layer": 1},
        {"id": "d", "sector": "health", "layer": 2},
    ]
    third = (HEIGHT - 2 * MARGIN) / 3
    assert graph_layout(assets, ["energy", "water", "health"]) == {
        "a": (500.0, round(MARGIN + third / 2, 1)),
        "c": (265.0, round(MARGIN + third * 1.5, 1)),
        "b": (735.0, round(MARGIN + third * 1.5, 1)),
        "d": (500.0, round(MARGIN + third * 2.5, 1)),
    }


def test_map_layout_keeps_the_compass_and_the_nodes_apart(timeline):
    """Havenstad: every asset but the national 112 platform has a location; the platform goes on the
    map beside its neighbours, no row under it; the compass keeps its corner."""
    payload = timeline.to_payload()
    assets = payload["assets"]
    positions = graph_layout(assets, payload["sectors"], payload["links"])
    assert set(positions) == {a["id"] for a in assets}
    left, top, right, bottom = MAP_BOX
    for x, y in positions.values():
        assert left <= x <= right and top <= y <= bottom
        assert not (COMPASS_BOX[0] <= x <= COMPASS_BOX[2] and COMPASS_BOX[1] <= y <= COMPASS_BOX[3])
    spots = list(positions.values())
    closest = min(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 for k, (x1, y1) in enumerate(spots) for x2, y2 in spots[:k])
    assert closest >= NODE_SPACING - 0.2
    located = [a for a in assets if a["x"] is not None]
    assert [a["id"] for a in assets if a["x"] is None] == ["kpn-112-platform"]
    west, east = min(located, key=lambda a: a["x"]), max(located, key=lambda a: a["x"])
    south, north = min(located, key=lambda a: a["y"]), max(located, key=lambda a: a["y"])
    assert positions[west["id"]][0] < positions[east["id"]][0] and positions[north["id"]][1] < positions[south["id"]][1]
    # beside its neighbours: nearer to their mean than to the map's far corners
    near = {s for s, c in payload["links"] if c == "kpn-112-platform"} | {
        c for s, c in payload["links"] if s == "kpn-112-platform"
    }
    mx = sum(positions[n][0] for n in near) / len(near)
    my = sum(positions[n][1] for n in near) / len(near)
    x, y = positions["kpn-112-platform"]
    assert ((x - mx) ** 2 + (y - my) ** 2) ** 0.5 < 0.3 * (right - left)
    assert y < HEIGHT - MARGIN - ROW_HEIGHT  # not in a row under the map


def test_an_asset_without_a_location_is_placed_beside_its_neighbour_on_the_map():
    """``a`` at 4.0 E, ``b`` at 4.2 E (both 52 N), ``c`` without a location needs ``b``: on the map,
    ``c`` lies east of ``a`` and right beside ``b``, not in a row of its own."""
    assets = [
        {"id": "a", "x": 4.0, "y": 52.0, "layer": 0},
        {"id": "b", "x": 4.2, "y": 52.0, "layer": 0},
        {"id": "c", "x": None, "y": None, "layer": 1},
    ]
    positions = graph_layout(assets, (), [["b", "c"]])
    assert positions["a"][0] < positions["c"][0] and positions["a"][0] < positions["b"][0]
    assert abs(positions["c"][1] - positions["b"][1]) < ROW_HEIGHT


def test_clock_offsets_follow_daylight_saving():
    """Start Sunday 28 March 2027 00:00 in Amsterdam: at 02:00 CET (minute 120) the clocks go to 03:00."""
    start = datetime(2027, 3, 28, 0, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    timeline = ReplayTimeline(
        start=start,
        end_min=300.0,
        lang="en",
        title="dst",
        sectors=[],
        assets=[],
        links=[],
        status={"truth": {}, "known": {}},
        grip=[[0.0, 0]],
        events=[],
    )
    assert clock_offsets(timeline) == [[0.0, 60.0], [120.0, 120.0]]


# --- in the browser ------------------------------------------------------------------------------
def open_replay(browser_page, sluis, tmp_path, **options):
    path = write_replay_html(sluis, tmp_path / "replay.html", "nl", **options)
    browser_page.open(path)
    return browser_page.page


def now(page) -> float:
    """The page's minute, exact (``body[data-t]``); the slider shows it to 15 digits."""
    minute, shown = page.evaluate("() => [document.body.dataset.t, document.getElementById('slider').value]")
    assert float(shown) == pytest.approx(float(minute), abs=1e-9)
    return float(minute)


def statuses(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        "#nodes .node", "nodes => Object.fromEntries(nodes.map(n => [n.dataset.asset, n.dataset.status]))"
    )


def feed_ids(page) -> list[int]:
    return [
        int(i) for i in page.eval_on_selector_all("#feed li[data-event]", "items => items.map(i => i.dataset.event)")
    ]


def test_page_opens_offline_without_errors(browser_page, sluis, tmp_path, artifact_dir, timeline):
    page = open_replay(browser_page, sluis, tmp_path, start_min=60)
    assert browser_page.console_errors == []
    assert browser_page.requests == []
    assert page.inner_text("#clock") == "03:30" and page.inner_text("#elapsed") == "T+01:00"
    assert page.inner_text("#date") == "vr 2027-01-15"
    assert page.inner_text("#grip") == "GRIP 2" and timeline.grip_at(60) == 2
    assert statuses(page) == timeline.status_at(60, "truth")
    assert page.eval_on_selector("#feed li.current", "e => e.dataset.event") == str(
        timeline.feed(60, "truth", True)[-1]["id"]
    )
    page.screenshot(path=str(artifact_dir / "replay.png"))
    assert (artifact_dir / "replay.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_play_advances_the_clock_and_pause_stops_it(browser_page, sluis, tmp_path):
    page = open_replay(browser_page, sluis, tmp_path, speed=3600)  # one simulated hour per second
    assert now(page) == 0.0 and page.inner_text("#clock") == "02:30"
    page.click("#play")
    page.wait_for_timeout(600)
    page.click("#play")
    paused_at = now(page)
    assert 10 < paused_at < 146  # 0.6 s at 60 min/s, give or take the browser's frames
    assert page.inner_text("#clock") != "02:30"
    page.wait_for_timeout(300)
    assert now(page) == paused_at
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    assert now(page) > paused_at
    assert browser_page.console_errors == []


def test_next_and_previous_step_to_the_moments_of_the_view(browser_page, sluis, tmp_path, timeline):
    page = open_replay(browser_page, sluis, tmp_path)
    moments = [t for t in timeline.event_times("truth") if t > 0]
    for expected in moments[:6]:
        page.click("#next")
        assert now(page) == expected
    page.keyboard.press("ArrowRight")
    assert now(page) == moments[6]
    page.keyboard.press("ArrowLeft")
    page.click("#prev")
    assert now(page) == moments[4]
    assert statuses(page) == timeline.status_at(moments[4], "truth")
    # in the known view the moments are when things became known (here mostly the same: news
    # arrives with a report or an alarm, which is an event of the truth too)
    page.keyboard.press("t")
    known = [t for t in timeline.event_times("known") if t > moments[4]]
    for expected in known[:3]:
        page.keyboard.press("ArrowRight")
        assert now(page) == expected
    assert statuses(page) == timeline.status_at(known[2], "known")
    page.click("#prev")
    assert now(page) == known[1]
    assert browser_page.console_errors == []


def test_the_toggle_shows_what_the_crisis_organisation_knew(browser_page, sluis, tmp_path, timeline):
    t = next(
        t
        for t in timeline.event_times("truth")
        if t > 0 and timeline.status_at(t, "truth") != timeline.status_at(t, "known")
    )
    truth, known = timeline.status_at(t, "truth"), timeline.status_at(t, "known")
    hidden = [a for a in truth if truth[a] == "failed" and known[a] == "operational"]
    assert hidden  # failed in truth, not yet known
    page = open_replay(browser_page, sluis, tmp_path, start_min=t)
    assert statuses(page) == truth
    assert feed_ids(page) == [e["id"] for e in reversed(timeline.feed(t, "truth", headline_only=True))]
    page.keyboard.press("t")
    assert page.get_attribute("body", "data-view") == "known"
    assert statuses(page) == known
    assert page.get_attribute(f'#nodes .node[data-asset="{hidden[0]}"]', "data-status") == "operational"
    assert feed_ids(page) == [e["id"] for e in reversed(timeline.feed(t, "known", headline_only=True))]
    assert feed_ids(page) != [e["id"] for e in reversed(timeline.feed(t, "truth", headline_only=True))]
    assert page.inner_text("#view-name") == "Wat de crisisorganisatie wist"
    page.click("#view-toggle")
    assert statuses(page) == truth and page.inner_text("#view-name") == "Werkelijkheid"


def test_data_is_shown_as_text_never_as_markup(browser_page, tmp_path):
    path = tmp_path / "nasty.html"
    path.write_text(render(tiny_payload(NASTY), start_min=30), encoding="utf-8")
    dialogs = []
    browser_page.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    browser_page.open(path)
    page = browser_page.page
    assert page.eval_on_selector('#nodes .node[data-asset="pomp"] title', "e => e.textContent") == NASTY
    assert page.inner_text("#feed li .what") == NASTY + " failed"
    assert page.inner_text("#grip") == "level 1"
    assert dialogs == [] and browser_page.console_errors == [] and browser_page.requests == []


def test_the_clock_jumps_with_daylight_saving(browser_page, tmp_path):
    """Start Sunday 28 March 2027 00:00 CET: minute 119 is 01:59, minute 120 is 03:00 CEST."""
    payload = {**tiny_payload(), "start": "2027-03-28T00:00:00+01:00", "end_min": 300.0}
    for minute, clock in ((119, "01:59"), (120, "03:00")):
        path = tmp_path / f"dst-{minute}.html"
        path.write_text(render(payload, start_min=minute, offsets=[[0.0, 60.0], [120.0, 120.0]]), encoding="utf-8")
        browser_page.open(path)
        page = browser_page.page
        assert (page.inner_text("#clock"), page.inner_text("#elapsed"), page.inner_text("#date")) == (
            clock,
            f"T+{minute // 60:02d}:{minute % 60:02d}",
            "Sun 2027-03-28",
        )
    assert browser_page.console_errors == [] and browser_page.requests == []
