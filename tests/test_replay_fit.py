"""The browser replay fits a 1024x768 projector and a 1920x1080 screen (``replay_assets/replay.css``).

The run: ``scenarios/sluis-havenstad-stormvloed.yaml`` (seed 7, Dutch), its first 8 hours, opened
at 06:00 (T+03:30) in the known view: the longest labels (Dutch) and the water panel with its
three flood zones. At both sizes the page does not scroll, the known/true toggle (both halves)
and the time slider lie inside the window, and every flood zone lies inside the map.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

import simulator
from simulator.report.replay_html import write_replay_html

SIX = 210.0

BOXES = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const toggle = document.getElementById('view-toggle');
  return {
    page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    toggle: box(toggle),
    toggle_clipped: toggle.scrollWidth > toggle.clientWidth,
    halves: [...toggle.querySelectorAll('span')].map(box),
    slider: box(document.getElementById('slider')),
    map: box(document.getElementById('graph')),
    zones: [...document.querySelectorAll('#zones .zone')].map(g => [g.dataset.zone, box(g)]),
    water: box(document.getElementById('water')),
    zone_items: [...document.querySelectorAll('#zone-list li')].map(box),
  };
}"""


@pytest.fixture(scope="module")
def storm_page(tmp_path_factory):
    scenario = simulator.load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    storm = simulator.simulate(scenario, seed=7, until_min=480, lang="nl")
    return write_replay_html(storm, tmp_path_factory.mktemp("fit") / "storm.html", "nl", start_min=SIX, view="known")


def _within(inner, outer, slack: float = 0.5) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=["1024x768", "1920x1080"])
def test_controls_and_zones_fit_the_window(browser, storm_page, artifact_dir, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(storm_page.resolve().as_uri())
        page.wait_for_load_state("load")
        boxes = page.evaluate(BOXES)
        page.screenshot(path=str(artifact_dir / f"replay-storm-{width}x{height}.png"))
    finally:
        context.close()
    window = (0, 0, width, height)
    assert errors == []
    assert boxes["page"] == [width, height]  # nothing to scroll to
    assert _within(boxes["toggle"], window) and not boxes["toggle_clipped"]
    assert len(boxes["halves"]) == 2 and all(_within(h, boxes["toggle"]) for h in boxes["halves"])
    assert _within(boxes["slider"], window)
    assert _within(boxes["map"], window)
    assert [z for z, _ in boxes["zones"]] == ["zone-havenkwartier", "zone-oude-haven", "zone-oostpolder-laag"]
    for zone, box in boxes["zones"]:
        assert _within(box, boxes["map"]), zone
    # the zone list may scroll, but no entry is cut off at the side
    assert len(boxes["zone_items"]) == 3
    assert all(i[0] >= boxes["water"][0] - 0.5 and i[2] <= boxes["water"][2] + 0.5 for i in boxes["zone_items"])
