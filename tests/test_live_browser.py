"""The live exercise in headless Chromium: exercise control and one team in two browser contexts,
against a real ``rampsim exercise`` process that is killed with SIGKILL and resumed."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from conftest import BrowserPage

from simulator import load_scenario

pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "sluis-havenstad.yaml"
SEED = 3
TEAM, TEAM_ORG = "rot", "veiligheidsregio"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ExerciseProcess:
    """``rampsim exercise`` as a process; ``links`` are the join links it printed."""

    def __init__(self, session: Path, port: int):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "RAMPSIM_LANG": "en"}
        command = [
            sys.executable,
            "-m",
            "simulator",
            "exercise",
            str(SCENARIO),
            "--seed",
            str(SEED),
            "--port",
            str(port),
            "--session",
            str(session),
            "--lang",
            "en",
        ]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.links: dict[str, str] = {}
        self.output: list[str] = []
        deadline = time.monotonic() + 60
        while "Listening on" not in "".join(self.output):
            assert time.monotonic() < deadline and self.process.poll() is None, "".join(self.output)
            line = self.process.stdout.readline()
            self.output.append(line)
            found = re.search(r"(http://\S+/(control|play/([\w-]+))\?token=\S+)", line)
            if found:
                self.links[found[3] or "control"] = found[1]
        base = self.links["control"].split("/control")[0]
        while True:  # the socket is bound before the links are printed; wait until it answers
            try:
                urllib.request.urlopen(base + "/static/live.css", timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.1)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def page_in_new_context(browser) -> BrowserPage:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, service_workers="block")
    return BrowserPage(context.new_page())


def minute_is(page, minute: float) -> None:
    page.wait_for_selector(f"#minute[data-minute='{minute:g}']", timeout=30_000)


def state_of(control, player) -> dict:
    return {
        "minute": control.get_attribute("#minute", "data-minute"),
        "control_feed": control.get_attribute("#feed-list", "data-count"),
        "control_decisions": control.eval_on_selector_all(
            "#decision-list li", "els => els.map(e => e.dataset.decision)"
        ),
        "player_feed": player.eval_on_selector_all("#feed-list li", "els => els.map(e => Number(e.dataset.event))"),
        "player_decisions": player.eval_on_selector_all("#decision-list li", "els => els.map(e => e.dataset.decision)"),
        "player_status": player.eval_on_selector_all("#status-table tr", "els => els.map(e => e.dataset.asset)"),
        "player_map": map_nodes(player),
        "control_map": len(map_nodes(control)),
    }


def map_nodes(page) -> list[tuple[str, str]]:
    """(asset, status) of every node on the page's map."""
    return [
        tuple(n)
        for n in page.eval_on_selector_all(
            "#map-graph .node", "els => els.map(e => [e.dataset.asset, e.dataset.status])"
        )
    ]


def test_control_and_a_team_play_live_and_survive_a_kill(tmp_path, browser, artifact_dir):  # noqa: PLR0915 -- debt: split when next changed
    session, port = tmp_path / "session", free_port()
    server = ExerciseProcess(session, port)
    try:
        control_view, team_view = page_in_new_context(browser), page_in_new_context(browser)
        control, team = control_view.page, team_view.page
        control.goto(server.links["control"])
        team.goto(server.links[TEAM])
        minute_is(control, 0)
        minute_is(team, 0)
        assert "Regionaal Operationeel Team" in team.title() and "Exercise control" in control.title()
        control.wait_for_selector("#map-graph .node")
        assets = len(load_scenario(SCENARIO).graph.assets)
        assert len(map_nodes(control)) == assets  # exercise control's map: every asset, in ground truth
        assert map_nodes(team) == []  # the team knows of nothing yet
        assert control.locator("#map-links .link").count() > 0 and control.locator("#map .legend li").count() == 5

        control.fill("#jump", "240")
        control.click("#jump-go")
        minute_is(control, 240)
        minute_is(team, 240)
        team.wait_for_selector("#map-graph .node[data-asset='sluis-noord']")
        time.sleep(0.5)  # let the last updates land
        shown = map_nodes(team)  # the team's map: the assets it knows the state of, in the state it knows
        assert sorted(a for a, _ in shown) == sorted(
            team.eval_on_selector_all("#status-table tr", "els => els.map(e => e.dataset.asset)")
        )
        assert 0 < len(shown) < assets and {s for _, s in shown} <= {"operational", "degraded", "failed"}
        team.select_option("#action", "manual")
        team.click("#map-graph .node[data-asset='sluis-noord']")  # a click on the map picks the target
        assert team.input_value("#target") == "sluis-noord"
        team.fill("#rationale", "deuren met de hand dicht")
        team.click("#submit")
        team.wait_for_selector("#decision-list li[data-decision='decision-1'].taken")
        shown = control.wait_for_selector("#decision-list li[data-decision='decision-1']")
        assert "Regionaal Operationeel Team" in shown.inner_text() and "deuren met de hand dicht" in shown.inner_text()

        control.fill("#jump", "300")
        control.click("#jump-go")
        minute_is(control, 300)
        minute_is(team, 300)
        # the course changed: the lock crew went to work on the team's decision
        control.wait_for_selector("#feed-list li[data-ref='decision-1'][data-kind='action.started']")
        team.wait_for_selector("#decision-list li[data-decision='decision-1']")
        time.sleep(0.5)  # let the last updates land
        before = state_of(control, team)
        assert before["player_feed"] and int(before["control_feed"]) > len(before["player_feed"])
        control.screenshot(path=str(artifact_dir / "live-control.png"))
        team.screenshot(path=str(artifact_dir / "live-player.png"))

        for view in (control_view, team_view):
            assert not view.console_errors, view.console_errors
        server.kill()
        server = ExerciseProcess(session, port)
        assert "Resumed at T+5h" in "".join(server.output)
        control.goto(server.links["control"])
        team.goto(server.links[TEAM])
        minute_is(control, 300)
        minute_is(team, 300)
        time.sleep(0.5)
        for view in (control_view, team_view):  # only the pages' reconnection attempts while the server was down
            assert all("ERR_CONNECTION_REFUSED" in error for error in view.console_errors), view.console_errors
            view.console_errors.clear()
        after = state_of(control, team)
        assert after == before

        control.on("dialog", lambda dialog: dialog.accept())
        control.click("#end")
        control.wait_for_selector("#notice.ok", timeout=120_000)
        for view in (control_view, team_view):
            assert not view.console_errors, view.console_errors
            assert all(
                url.startswith(f"http://127.0.0.1:{port}/") or url.startswith("ws://127.0.0.1") for url in view.requests
            )
    finally:
        server.stop()

    # what the team's page showed at T+300 was all known to its organisation by then, and only that
    knowledge = pd.read_csv(session / "knowledge.csv")
    known = set(knowledge[(knowledge["org"] == TEAM_ORG) & (knowledge["time_min"] <= 300)]["event"])
    shown = set(before["player_feed"])
    assert shown <= known, sorted(shown - known)
    events = pd.read_csv(session / "events.csv", keep_default_na=False)
    hidden = set(events[(events["time_min"] <= 300) & (~events["id"].isin(list(known)))]["id"])
    assert hidden, "every event was known: the check above would prove nothing"
    assert set(events[events["kind"] == "cyber.exfiltrated"]["id"]) & hidden
    # ... and its map: the assets it knew the state of, in the last state it knew (not the true one)
    mine = knowledge[knowledge["org"] == TEAM_ORG].merge(
        events[["id", "kind", "asset"]], left_on="event", right_on="id"
    )
    mine = mine[mine["kind"].str.startswith("asset.") & (mine["asset"] != "")]
    pictures = [
        {
            r.asset: r.kind.removeprefix("asset.")
            for r in mine[mine["time_min"] <= 300 if inclusive else mine["time_min"] < 300].itertuples()
        }
        for inclusive in (False, True)
    ]
    for asset, status in before["player_map"]:
        assert status in {p.get(asset) for p in pictures}, f"{asset} shown {status}"
    assert set(pictures[0]) <= {a for a, _ in before["player_map"]} <= set(pictures[1])
