"""The browser replay of a region at a projector's 1024x768: what is down, and where.

The run: ``scenarios/regio/cyberaanval-150kv.yaml`` (graph ``regio-havenmond``, 405 assets in
four municipalities, seed 2015, Dutch), its first 4 hours, opened at 19:00 (T+02:30, minute 150).
The list beside the map has one entry per asset failed, on manual operation or degraded at that
minute (none is on manual then), counted here by hand from the run's states (each asset's last row
at or before minute 150), in both views; the page does not scroll; the drawn names (the assets'
and the four municipalities') overlap nowhere.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

import simulator
from simulator.analysis.replay import replay_timeline
from simulator.analysis.replay_down import down_at
from simulator.report.replay_html import write_replay_html

MINUTE = 150.0  # 19:00
TOWNS = ["Dijkeroord", "Havenstad", "Lageveen", "Vliegveldstad"]

READ = """() => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const shown = e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;
  const list = document.getElementById('down-list');
  return {
    page: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    title: document.getElementById('down-title').textContent,
    entries: [...list.querySelectorAll('li[data-asset]')].map(li => [
      li.dataset.asset, li.dataset.status, li.querySelector('.when').textContent,
      li.querySelector('.name').textContent, li.querySelector('.state').textContent,
      li.closest('ul').previousElementSibling.textContent]),
    list: box(list),
    list_clipped: list.scrollWidth > list.clientWidth,
    map: box(document.getElementById('graph')),
    names: [...document.querySelectorAll('#names .name text')].filter(shown).map(t => [t.textContent, box(t)]),
    towns: [...document.querySelectorAll('#towns text')].map(t => [t.textContent, box(t)]),
  };
}"""


@pytest.fixture(scope="module")
def region():
    scenario = simulator.load_scenario(ROOT / "scenarios" / "regio" / "cyberaanval-150kv.yaml")
    return simulator.simulate(scenario, seed=2015, until_min=240, lang="nl")


@pytest.fixture(scope="module")
def region_page(region, tmp_path_factory):
    return write_replay_html(region, tmp_path_factory.mktemp("region") / "regio.html", "nl", start_min=MINUTE)


def _down_by_hand(states) -> dict[str, str]:
    """Per asset its status after its last change at or before MINUTE, if failed, on its manual
    fallback (``manual``, whatever its level) or degraded."""
    last = states[states["time_min"] <= MINUTE].groupby("asset").tail(1)
    status = last["status"].where(~last["manual"].astype(bool), "manual")
    down = status.isin(["failed", "manual", "degraded"])
    return dict(zip(last["asset"][down], status[down]))


def _overlap(a, b, slack: float = 0.5) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def _open(browser, page_path, artifact_dir, view: str):
    context = browser.new_context(viewport={"width": 1024, "height": 768}, service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_path.resolve().as_uri())
    page.wait_for_load_state("load")
    if view == "known":
        page.keyboard.press("t")
    page.screenshot(path=str(artifact_dir / f"replay-region-{view}-1024x768.png"))
    return context, page, errors


@pytest.mark.parametrize("view", ["truth", "known"])
def test_every_asset_down_is_listed_and_no_name_overlaps(browser, region, region_page, artifact_dir, view):
    context, page, errors = _open(browser, region_page, artifact_dir, view)
    try:
        seen = page.evaluate(READ)
    finally:
        context.close()
    timeline = replay_timeline(region, "nl")
    expected = down_at(timeline, MINUTE, view)
    truth = _down_by_hand(region.states)
    assert len(truth) == 158  # counted from states.csv: 105 failed, 53 degraded, none on manual at 19:00
    assert sum(1 for s in truth.values() if s == "failed") == 105 and "manual" not in truth.values()
    if view == "truth":
        assert {r["asset"]: r["status"] for r in expected} == truth
    else:  # what was known: fewer, and each of them down in truth too
        assert len(expected) == 156  # what had been reported by 19:00
        assert all(r["asset"] in truth for r in expected if r["status"] == "failed")
    assert errors == []
    assert seen["page"] == [1024, 768]  # no page scroll: the list scrolls in its own box
    assert seen["title"] == f"Nu buiten bedrijf: {len(expected)} objecten"
    status = {"failed": "uitgevallen", "manual": "handbediend", "degraded": "verminderd"}
    assert seen["entries"] == [
        [r["asset"], r["status"], r["clock"], r["name"], status[r["status"]], r["municipality"] or "Geen gemeente"]
        for r in expected
    ]
    assert seen["list"][2] <= 1024 and seen["list"][3] <= 768 and not seen["list_clipped"]
    # the municipalities are named on the map, inside it
    assert sorted(name for name, _ in seen["towns"]) == TOWNS
    assert all(box[0] >= seen["map"][0] and box[2] <= seen["map"][2] for _, box in seen["towns"])
    # no two drawn names overlap (measured in the browser, not estimated)
    drawn = seen["names"] + seen["towns"]
    assert len(seen["names"]) >= 30
    clashes = [(a, b) for i, (a, ba) in enumerate(drawn) for b, bb in drawn[i + 1 :] if _overlap(ba, bb)]
    assert clashes == []


def test_hovering_an_entry_rings_its_asset_and_a_click_keeps_it(browser, region_page, artifact_dir):
    context, page, errors = _open(browser, region_page, artifact_dir, "truth")
    try:
        first = page.locator("#down-list li[data-asset]").nth(3)
        asset = first.get_attribute("data-asset")
        node = f'#nodes .node[data-asset="{asset}"]'
        first.hover()
        assert "picked" in page.get_attribute(node, "class")
        page.mouse.move(5, 400)  # off the list: the ring goes
        assert "picked" not in page.get_attribute(node, "class")
        first.click()
        page.mouse.move(5, 400)
        assert "picked" in page.get_attribute(node, "class")  # pinned
        page.keyboard.press("ArrowRight")  # the list is redrawn at the next moment: still pinned
        assert "picked" in page.get_attribute(node, "class")
        assert errors == []
    finally:
        context.close()
