"""The water and the names in the browser replay (``replay_water``, ``replay_labels``): flood zones
drawn and coloured at the replay's time, a gauge per basin, failed assets named without overlap.

The run: ``scenarios/sluis-havenstad-stormvloed.yaml`` (seed 7, Dutch), its first 8 hours. The
attacker opens the sea lock at about 03:16; the harbour basin passes its alarm level (-0.10 m NAP)
and its quay (1.00 m NAP), and the two low harbour zones flood at about 04:24. At 06:00 (T+03:30)
13 assets are down; the Oostpolder stays dry.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import simulator
from simulator.analysis.replay import replay_timeline
from simulator.messages import format_level
from simulator.report.map_positions import zone_discs
from simulator.report.replay_html import write_replay_html
from simulator.report.replay_labels import LABEL_LIMIT, label_order, place_labels
from simulator.report.replay_layout import COMPASS_BOX, HEIGHT, WIDTH, graph_layout
from simulator.report.replay_water import ZONE_PAD, gauge_scale, known_levels, water_payload, zone_shapes

SIX = 210.0  # 06:00 is T+03:30


@pytest.fixture(scope="module")
def storm():
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    return simulator.simulate(scenario, seed=7, until_min=480, lang="nl")


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


# --- the data -------------------------------------------------------------------------------------
def test_the_water_payload_holds_the_recorded_basin_and_every_zone_with_its_flood_times(storm):
    water = water_payload(storm)
    assert [b["id"] for b in water["basins"]] == ["havenbekken"]  # the polder's water never moved
    harbour = water["basins"][0]
    assert (harbour["level_m"], harbour["alarm_level_m"], harbour["crest_level_m"]) == (-0.4, -0.1, 1.0)
    samples = storm.levels[storm.levels["basin"] == "havenbekken"]
    assert harbour["levels"] == [[t, v] for t, v in zip(samples["time_min"], samples["level_m"])]
    zones = {z["id"]: z for z in water["zones"]}
    assert set(zones) == {"zone-havenkwartier", "zone-oude-haven", "zone-oostpolder-laag"}
    flooded = storm.metrics["flooded_zones"]
    assert {z: zones[z]["flooded_t"] for z in flooded} == flooded
    assert zones["zone-oostpolder-laag"]["flooded_t"] is None and zones["zone-oostpolder-laag"]["known_t"] is None
    events = storm.events[storm.events["kind"] == "zone.flooded"].set_index("ref")
    for zone in flooded:
        assert zones[zone]["known_t"] == float(events.at[zone, "known_min"]) >= zones[zone]["flooded_t"]
    assert zones["zone-havenkwartier"]["assets"] == ["onderstation-haven", "mast-haven", "wijk-havenkwartier"]


def test_the_gauge_scale_takes_samples_and_thresholds_a_quarter_metre_beyond_to_the_half_metre():
    basin = {"levels": [[0, -0.4], [60, 1.4]], "level_m": -0.4, "alarm_level_m": -0.1, "crest_level_m": 1.0}
    assert gauge_scale(basin) == (-1.0, 2.0)  # -0.65 down to -1.0; 1.65 up to 2.0
    assert gauge_scale({**basin, "crest_level_m": 2.3}) == (-1.0, 3.0)


def test_known_levels_keep_the_latest_level_known_by_then():
    """Basin ``b``: the alarm (-0.10 at minute 10) is known at once; the crest (1.00 at 20) only at
    35, after flood damage at 30 (1.20) was known at 32, so the crest does not take the known level
    back; zone ``z`` of ``b`` floods at 40 (1.00, known 50). Never-known damage (1.50 at 45) and
    an event of another kind count for nothing; basin ``c`` has its own list."""

    def row(ident, kind, ref, t, known, level):
        data = json.dumps({"basin": "B", "level_m": level}) if level is not None else ""
        return {"id": ident, "kind": kind, "ref": ref, "time_min": t, "known_min": known, "data": data}

    events = pd.DataFrame(
        [
            row(1, "hazard.alarm_level", "b", 10.0, 10.0, -0.1),
            row(2, "hazard.crest_exceeded", "b", 20.0, 35.0, 1.0),
            row(3, "flood.damage", "b", 30.0, 32.0, 1.2),
            row(4, "zone.flooded", "z", 40.0, 50.0, 1.0),
            row(5, "flood.damage", "b", 45.0, float("nan"), 1.5),
            row(6, "hazard.gates_opened", "b", 5.0, 5.0, None),
            row(7, "hazard.alarm_level", "c", 12.0, 15.0, 0.3),
        ]
    )
    zones = pd.DataFrame([{"id": "z", "basin": "b"}])
    assert known_levels(events, zones) == {
        "b": [[10.0, -0.1, 10.0], [32.0, 1.2, 30.0], [50.0, 1.0, 40.0]],
        "c": [[15.0, 0.3, 12.0]],
    }


def test_the_storm_s_harbour_level_is_known_from_the_alarm_on(storm):
    known = water_payload(storm)["basins"][0]["known"]
    alarm = storm.events[storm.events["kind"] == "hazard.alarm_level"].iloc[0]
    assert known[0] == [float(alarm["known_min"]), -0.1, float(alarm["time_min"])]
    assert [k for k, *_ in known] == sorted(k for k, *_ in known)


def test_a_zone_is_a_disc_around_each_of_its_assets():
    assert zone_discs([(4.0, 0.0), (0.0, 0.0), (0.0, 0.0)], 1.0) == [(0.0, 0.0, 1.0), (4.0, 0.0, 1.0)]
    assert zone_discs([], 1.0) == []
    zone = {"id": "z", "name": "Laag", "assets": ["a", "b", "elders"]}
    shapes = zone_shapes([zone], {"a": (100.0, 50.0), "b": (300.0, 50.0)})
    discs = '<circle class="{0}" cx="100" cy="50" r="24"/><circle class="{0}" cx="300" cy="50" r="24"/>'
    assert shapes == (
        '<g id="zones"><g class="zone" data-zone="z" data-state="dry"><title>Laag</title>'
        + discs.format("edge")
        + discs.format("fill")
        + "</g></g>"
    )
    assert zone_shapes([{**zone, "assets": ["elders"]}], {"a": (1.0, 1.0)}) == '<g id="zones"></g>'


# --- the names --------------------------------------------------------------------------------------
def test_names_go_beside_their_nodes_and_never_on_each_other_or_the_compass():
    """Two nodes 20 units apart with long names, a third under the compass's corner."""
    positions = {"a": (400.0, 300.0), "b": (420.0, 300.0), "c": (COMPASS_BOX[0] - 20, COMPASS_BOX[3] - 10)}
    names = {"a": "Onderstation Haven", "b": "Mobiele mast Haven", "c": "Hoogspanningsstation"}
    spots = place_labels(positions, names, ["a", "b", "c"], (0.0, 0.0, WIDTH, HEIGHT), (COMPASS_BOX,))
    assert set(spots) == {"a", "b", "c"}
    # east of a lies b's node: a's name goes west, its box ending 24 units from a's centre; b's east
    assert (spots["a"].dx, spots["a"].anchor, spots["a"].box[2]) == (-24.0, "end", 376.0) and not spots["a"].leader
    assert (spots["b"].dx, spots["b"].anchor, spots["b"].box[0]) == (24.0, "start", 444.0)
    boxes = [s.box for s in spots.values()]
    assert not any(_overlap(p, q) for i, p in enumerate(boxes) for q in boxes[i + 1 :])
    assert not any(_overlap(box, COMPASS_BOX) for box in boxes)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(40, WIDTH - 40), st.floats(40, HEIGHT - 40), st.integers(3, 26)), min_size=1, max_size=30
    )
)
def test_placed_names_never_overlap_and_stay_on_the_map(nodes):
    positions = {f"n{k}": (x, y) for k, (x, y, _) in enumerate(nodes)}
    names = {f"n{k}": "x" * n for k, (_, _, n) in enumerate(nodes)}
    bounds = (0.0, 0.0, WIDTH, HEIGHT)
    spots = place_labels(positions, names, list(positions), bounds, (COMPASS_BOX,))
    boxes = [s.box for s in spots.values()]
    assert not any(_overlap(p, q) for i, p in enumerate(boxes) for q in boxes[i + 1 :])
    assert all(b[0] >= 0 and b[1] >= 0 and b[2] <= WIDTH and b[3] <= HEIGHT for b in boxes)
    assert not any(_overlap(b, COMPASS_BOX) for b in boxes)


def test_every_asset_that_goes_down_in_the_storm_has_a_spot_for_its_name(storm):
    payload = replay_timeline(storm, "nl").to_payload()
    order = label_order(payload["status"])
    truth = payload["status"]["truth"]
    down_at_six = [a for a, steps in truth.items() if [s for t, s in steps if t <= SIX][-1] != "operational"]
    assert len(down_at_six) >= 13 and set(down_at_six) <= set(order) and len(order) <= LABEL_LIMIT
    positions = graph_layout(payload["assets"], payload["sectors"], payload["links"])
    names = {a["id"]: a["name"][:26] for a in payload["assets"]}
    spots = place_labels(positions, names, order, (0.0, 0.0, WIDTH, HEIGHT), (COMPASS_BOX,))
    assert set(spots) == set(order)


# --- in the browser -------------------------------------------------------------------------------
def test_the_storm_at_six_shows_the_water_level_the_flooded_zones_and_names_the_failed(
    browser_page, storm, tmp_path, artifact_dir
):
    path = write_replay_html(storm, tmp_path / "storm.html", "nl", start_min=SIX)
    browser_page.open(path)
    page = browser_page.page
    assert browser_page.console_errors == [] and browser_page.requests == []
    assert page.inner_text("#clock") == "06:00"
    # the gauge: the level now, linear between the samples around 06:00, in Dutch numbers
    samples = storm.levels[storm.levels["basin"] == "havenbekken"]
    level = float(np.interp(SIX, samples["time_min"], samples["level_m"]))
    shown = page.inner_text('.level-now[data-basin="havenbekken"]')
    assert shown == f"{format_level(level, 'nl')} m NAP" and level > 1.0
    assert float(page.get_attribute('.level-now[data-basin="havenbekken"]', "data-level")) == pytest.approx(level)
    fill = page.eval_on_selector("#water .basin .water", "r => [r.y.baseVal.value, r.height.baseVal.value]")
    crest = page.eval_on_selector("#water .threshold.crest", "l => l.y1.baseVal.value")
    alarm = page.eval_on_selector("#water .threshold.alarm", "l => l.y1.baseVal.value")
    assert fill[1] > 0 and fill[0] < crest < alarm  # the water stands above the quay, the quay above the alarm
    # the zones: drawn, the two harbour zones flooded, the polder dry, the list says the same
    states = page.eval_on_selector_all(
        "#zones .zone", "gs => Object.fromEntries(gs.map(g => [g.dataset.zone, g.dataset.state]))"
    )
    assert states == {"zone-havenkwartier": "flooded", "zone-oude-haven": "flooded", "zone-oostpolder-laag": "dry"}
    fills = page.eval_on_selector_all(
        "#zones .zone",
        "gs => Object.fromEntries(gs.map(g => [g.dataset.zone, getComputedStyle(g.querySelector('.fill')).fill]))",
    )
    flooded, dry = "rgb(179, 221, 245)", "rgb(255, 255, 255)"  # #56B4E9 at 45 % on white; white
    assert fills == {"zone-havenkwartier": flooded, "zone-oude-haven": flooded, "zone-oostpolder-laag": dry}
    listed = page.eval_on_selector_all(
        "#zone-list li", "ls => ls.map(l => [l.dataset.zone, l.querySelector('.zone-state').textContent])"
    )
    assert dict(listed)["zone-havenkwartier"] == "onder water" and dict(listed)["zone-oostpolder-laag"] == "droog"
    # every failed asset is named, by its name, and no two names or a name and the compass overlap
    named = page.eval_on_selector_all(
        "#names .name",
        """gs => gs.filter(g => getComputedStyle(g.querySelector('text')).display !== 'none').map(g => {
             const r = g.querySelector('text').getBoundingClientRect();
             return [g.dataset.asset, g.dataset.status, g.textContent, [r.left, r.top, r.right, r.bottom]];
           })""",
    )
    failed = page.eval_on_selector_all("#nodes .node[data-status='failed']", "ns => ns.map(n => n.dataset.asset)")
    names = dict(zip(storm.assets["id"], storm.assets["name"]))
    assert len(failed) == 13 and set(failed) <= {a for a, *_ in named}
    for asset, status, label, _ in named:
        assert status != "operational" and names[asset].startswith(label.rstrip("…"))
    boxes = [box for *_, box in named]
    compass = page.eval_on_selector(
        "#compass", "c => { const r = c.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }"
    )
    assert not any(_overlap(p, q) for i, p in enumerate(boxes) for q in boxes[i + 1 :])
    assert not any(_overlap(box, compass) for box in boxes)
    page.screenshot(path=str(artifact_dir / "replay-storm-0600.png"))


def test_the_known_view_floods_a_zone_only_once_it_was_known(browser_page, storm, tmp_path):
    zone = next(z for z in water_payload(storm)["zones"] if z["id"] == "zone-oude-haven")
    between = (zone["flooded_t"] + zone["known_t"]) / 2
    assert zone["known_t"] > zone["flooded_t"]
    path = write_replay_html(storm, tmp_path / "known.html", "nl", start_min=between, view="known")
    browser_page.open(path)
    state = 'document.querySelector("#zones .zone[data-zone=zone-oude-haven]").dataset.state'
    assert browser_page.page.evaluate(state) == "dry"
    browser_page.page.keyboard.press("t")  # ground truth at the same moment
    assert browser_page.page.evaluate(state) == "flooded"


def test_a_run_without_a_water_hazard_shows_no_water(tmp_path):
    """Ransomware at the town hall: Havenstad has basins and zones, but no level changes."""
    quiet = simulator.simulate(ROOT / "scenarios" / "ransomware-gemeente.yaml", until_min=120, lang="nl")
    assert len(quiet.zones) == 3 and not len(quiet.levels)
    assert water_payload(quiet) == {"basins": [], "zones": []}
    page = write_replay_html(quiet, tmp_path / "quiet.html", "nl").read_text(encoding="utf-8")
    assert 'id="water"' not in page and 'class="zone"' not in page
    from simulator.report.figures import plot_cascade

    ax = plot_cascade(quiet)
    assert not [p for p in ax.patches if str(p.get_gid()).startswith("zone:")]


def test_the_known_gauge_says_unknown_before_the_alarm_and_the_alarm_level_after(browser_page, storm, tmp_path):
    """The alarm (-0,10 m NAP) sounds at 03:29:14, known at once; the next level known is the
    quay's, almost an hour later; in truth the water meanwhile rises."""
    known = water_payload(storm)["basins"][0]["known"]
    alarm_at, next_known = known[0][0], known[1][0]
    assert 59 < alarm_at < 60 and next_known > 100
    samples = storm.levels[storm.levels["basin"] == "havenbekken"]
    between = (alarm_at + next_known) / 2
    gauge = """() => {
        const now = document.querySelector('.level-now'), when = document.querySelector('.level-when');
        return [now.textContent, now.dataset.level, when.textContent,
                document.querySelector('#water .water').height.baseVal.value];
      }"""
    page = browser_page.page
    path = write_replay_html(storm, tmp_path / "gauge.html", "nl", start_min=55, view="known")
    browser_page.open(path)
    assert page.evaluate(gauge) == ["onbekend", "", "", 0]
    page.keyboard.press("t")  # the truth at 55: the level then, below the alarm
    truth = page.evaluate(gauge)
    assert truth[1] != "" and -0.4 < float(truth[1]) < -0.1 and truth[2] == "" and truth[3] > 0
    path = write_replay_html(storm, tmp_path / "gauge2.html", "nl", start_min=between, view="known")
    browser_page.open(path)
    now, level, when, height = page.evaluate(gauge)
    assert (now, level, when) == ("-0,10 m NAP", "-0.1", "bekend om 03:29") and height > 0
    page.keyboard.press("t")
    assert float(page.evaluate(gauge)[1]) == pytest.approx(
        float(np.interp(between, samples["time_min"], samples["level_m"]))
    )
    assert browser_page.console_errors == []


def test_the_dry_town_between_two_far_apart_assets_of_a_zone_is_not_in_the_zone(browser_page, storm, tmp_path):
    zones = {z["id"]: z for z in water_payload(storm)["zones"]}
    path = write_replay_html(storm, tmp_path / "zones.html", "nl", start_min=SIX)
    browser_page.open(path)
    page = browser_page.page
    for zone_id in ("zone-havenkwartier", "zone-oude-haven"):
        centres = page.eval_on_selector_all(
            "#nodes .node[data-asset]",
            "ns => ns.map(n => [n.dataset.asset, n.transform.baseVal[0].matrix.e, n.transform.baseVal[0].matrix.f])",
        )
        where = {a: (x, y) for a, x, y in centres if a in zones[zone_id]["assets"]}
        (a, p), (b, q) = max(
            ((u, v) for u in where.items() for v in where.items() if u[0] < v[0]),
            key=lambda uv: math.dist(uv[0][1], uv[1][1]),
        )
        assert math.dist(p, q) > 2 * ZONE_PAD + 10, (zone_id, a, b)  # far apart: the discs do not touch
        mid = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
        inside = page.eval_on_selector(
            f'#zones .zone[data-zone="{zone_id}"]',
            """(g, [x, y]) => {
                 const point = new DOMPoint(x, y);
                 return [...g.querySelectorAll('.fill')].filter(c => c.isPointInFill(point)).length;
               }""",
            list(mid),
        )
        ends = page.eval_on_selector(
            f'#zones .zone[data-zone="{zone_id}"]',
            """(g, ps) => ps.map(([x, y]) =>
                 [...g.querySelectorAll('.fill')].some(c => c.isPointInFill(new DOMPoint(x, y))))""",
            [list(p), list(q)],
        )
        assert (inside, ends) == (0, [True, True]), zone_id
