"""The live exercise server at the HTTP and WebSocket level: a real uvicorn on a free port.

Exercise control and players connect with the ``websockets`` client; every message a player
receives is kept and checked against what its organisation knew at the minute it was sent.
"""

from __future__ import annotations

import urllib.request

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
from live_helpers import SCENARIO, Server, Socket  # noqa: E402
from websockets.exceptions import InvalidStatus  # noqa: E402

from simulator import load_scenario  # noqa: E402
from simulator.model import load_decisions  # noqa: E402


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCENARIO)


@pytest.fixture
def server(tmp_path, scenario):
    running = Server(tmp_path / "session", scenario)
    yield running
    running.stop()


def received_events(socket: Socket) -> list[tuple[int, float]]:
    """(event id, minute of the message that carried it) for every event a player received."""
    out = []
    for m in socket.seen:
        rows = m.get("known", []) + (m.get("events", []) if m["type"] == "update" else [])
        out += [(row["id"], m["clock"]["minute"]) for row in rows]
    return out


def test_tokens_guard_every_page_and_socket(server):
    tokens = server.session.tokens
    assert server.get(f"/control?token={tokens['control']}") == 200
    assert server.get(f"/play/rot?token={tokens['parties']['rot']}") == 200
    assert server.get("/control") == 403
    assert server.get("/control?token=wrong") == 403
    assert server.get(f"/control?token={tokens['parties']['rot']}") == 403  # a player's token is not control's
    assert server.get(f"/play/rot?token={tokens['control']}") == 403
    assert server.get(f"/play/rot?token={tokens['parties']['gemeente']}") == 403  # nor another party's
    assert server.get(f"/play/nobody?token={tokens['parties']['rot']}") == 403
    for party, token in (
        (None, "wrong"),
        (None, tokens["parties"]["rot"]),
        ("rot", tokens["parties"]["gemeente"]),
        ("rot", ""),
    ):
        with pytest.raises(InvalidStatus) as refused:
            server.ws(party, token)
        assert refused.value.response.status_code == 403
    assert len({tokens["control"], *tokens["parties"].values()}) == len(tokens["parties"]) + 1


def test_a_player_socket_receives_only_what_its_organisation_knows(server, scenario):
    control, rot, gemeente = server.ws(), server.ws("rot"), server.ws("gemeente")
    for s in (control, rot, gemeente):
        s.until(lambda m: m["type"] == "snapshot")
    control.send({"type": "jump", "minute": 90})
    for s in (control, rot, gemeente):
        s.at_minute(90)
    rot.send(
        {"type": "decide", "decision": {"action": "manual", "target": ["sluis-noord"], "rationale": "handbediening"}}
    )
    rot.until(lambda m: m["type"] == "outcome")
    control.send(
        {"type": "inject", "inject": {"type": "outage", "target": "kpn-centrale"}, "options": "{duration: 3h}"}
    )
    control.until(lambda m: m["type"] == "decision")
    control.send({"type": "speed", "speed": 6000})
    control.send({"type": "start"})
    control.at_minute(150)
    control.send({"type": "pause"})
    reached = control.until(lambda m: m["type"] == "update" and not m["clock"]["running"])["clock"]["minute"]
    control.send({"type": "jump", "minute": reached + 90})
    for s in (control, rot, gemeente):
        s.at_minute(reached + 90)
    server.stop()

    ex = server.hub.ex
    ground = {row["id"]: row for row in server.hub.feed}
    for socket, org in ((rot, "veiligheidsregio"), (gemeente, "gemeente")):
        known_min = {row["id"]: row["known_min"] for row in ex.knowledge(org)}
        got = received_events(socket)
        assert got, "the player received no events at all"
        for event_id, minute in got:
            assert event_id in known_min, f"{org} received event {event_id} ({ground[event_id]['kind']}) it never knew"
            assert known_min[event_id] <= minute, (
                f"{org} received event {event_id} at T+{minute} before it knew (T+{known_min[event_id]})"
            )
        for m in socket.seen:  # no ground truth: no asset service levels, no feed, no forecast
            assert not {"feed", "forecast", "deliveries", "grip", "deadlines"} & m.keys()
            assert all("service" not in s for s in m.get("status", []))
            assert all(not {"cause", "ref", "org"} & row.keys() for row in m.get("known", []) + m.get("events", []))
    manipulated = [e for e, row in ground.items() if row["kind"] == "cyber.manipulated"]
    assert manipulated, "the scenario's stealthy manipulation is missing from control's feed"
    assert not set(manipulated) & ex.known_ids("gemeente")
    assert not set(manipulated) & {e for e, _ in received_events(gemeente)}
    staged = {row["id"] for row in server.hub.feed if row["kind"] == "decision.taken" and row["ref"] == "decision-2"}
    assert staged and staged <= ex.known_ids(
        "veiligheidsregio"
    )  # the desk logs control's inject for the control room ...
    assert not staged & {e for e, _ in received_events(rot)}  # ... but a player never sees that it was staged


def test_decisions_over_the_socket_change_the_course_and_are_logged_as_they_come(server, scenario):
    control, rot, gemeente = server.ws(), server.ws("rot"), server.ws("gemeente")
    for s in (control, rot, gemeente):
        s.until(lambda m: m["type"] == "snapshot")
    control.send({"type": "jump", "minute": 120})
    rot.at_minute(120)
    log = server.session.path / "decisions.yaml"

    manual = {
        "type": "decide",
        "decision": {"action": "manual", "target": ["sluis-noord"], "rationale": "deuren dicht"},
    }
    rot.send(manual)  # the lock crew is still busy at the sea lock: refused, with the reason in words
    outcome = rot.until(lambda m: m["type"] == "outcome")["outcome"]
    assert (outcome["id"], outcome["by"], outcome["taken"], outcome["minute"]) == ("decision-1", "rot", False, 120.0)
    assert outcome["reason"] == "the crew is busy"
    assert control.until(lambda m: m["type"] == "decision")["outcome"] == outcome
    assert [d.id for d in load_decisions(log, scenario)] == ["decision-1"]

    control.send({"type": "jump", "minute": 240})
    rot.at_minute(240)
    rot.send(manual)
    outcome = rot.until(lambda m: m["type"] == "outcome")["outcome"]
    assert (outcome["id"], outcome["taken"], outcome["minute"]) == ("decision-2", True, 240.0)
    assert control.until(lambda m: m["type"] == "decision")["outcome"] == outcome
    assert [d.id for d in load_decisions(log, scenario)] == ["decision-1", "decision-2"]
    control.send({"type": "jump", "minute": 300})
    control.at_minute(300)
    pushed = [e for m in control.seen if m["type"] == "update" for e in m["events"] if e["ref"] == "decision-2"]
    assert {e["kind"] for e in pushed} >= {"decision.taken", "action.queued", "action.started"}  # the crew goes to work

    gemeente.send({"type": "decide", "decision": {"action": "evacuate", "target": ["wijk-centrum"]}})
    error = gemeente.until(lambda m: m["type"] == "error")
    assert "action" in error["message"]  # an organisation may not evacuate: not offered, not logged
    gemeente.send({"type": "decide", "decision": {"action": "repair", "target": ["zeesluis"]}})
    assert "zeesluis" in gemeente.until(lambda m: m["type"] == "error")["message"]  # not its asset, not known to it
    assert len(load_decisions(log, scenario)) == 2

    rot.send({"type": "decide", "decision": {"action": "grip", "level": 4, "rationale": "opschalen"}})
    outcome = rot.until(lambda m: m["type"] == "outcome")["outcome"]
    assert outcome["id"] == "decision-3" and outcome["detail"] == "GRIP 4" and outcome["taken"]
    assert control.until(lambda m: m["type"] == "update" and m.get("grip") == 4)["grip"] == 4
    assert [d.id for d in load_decisions(log, scenario)] == ["decision-1", "decision-2", "decision-3"]

    control.send(
        {
            "type": "inject",
            "inject": {"type": "outage", "target": "kpn-centrale"},
            "options": "{duration: 2h}",
            "rationale": "tweede klap",
        }
    )
    staged = control.until(lambda m: m["type"] == "decision")["outcome"]
    assert (staged["action"], staged["by"], staged["taken"]) == ("inject", "exercise-control", True)
    feed = control.until(lambda m: m["type"] == "update" and any(e["kind"] == "outage.start" for e in m["events"]))
    assert any(e["asset"] == "kpn-centrale" for e in feed["events"] if e["kind"] == "outage.start")
    decisions = load_decisions(log, scenario)
    assert [d.action for d in decisions] == ["manual", "manual", "grip", "inject"]
    assert decisions[3].inject.target == "kpn-centrale" and decisions[3].at == 300.0

    control.send({"type": "inject", "inject": {"type": "outage", "target": "kpn-centrale"}, "options": "{duration: [}"})
    assert control.until(lambda m: m["type"] == "error")["message"].startswith("Options")
    assert len(load_decisions(log, scenario)) == 4


def known_picture(knowledge: list[dict], minute: float, inclusive: bool) -> dict[str, str]:
    """Per asset the last status ``knowledge`` (an organisation's known events) gave it by ``minute``."""
    status = {}
    for row in knowledge:
        if row["kind"].startswith("asset.") and row["asset"]:
            if row["known_min"] < minute or (inclusive and row["known_min"] == minute):
                status[row["asset"]] = row["kind"].removeprefix("asset.")
    return status


def test_a_player_map_holds_only_known_assets_in_their_known_state_and_grows(server, scenario):
    """The map's payload over the socket: the assets of the party's form (known state, own assets),
    the last state its organisation knows (not ground truth), dependencies only between them."""
    names = scenario.graph.labels
    own = {"rot": set(), "gemeente": {a.id for a in scenario.graph.assets if a.owner == "gemeente"}}
    assert own["gemeente"]
    control, rot, gemeente = server.ws(), server.ws("rot"), server.ws("gemeente")
    sockets = {"rot": rot, "gemeente": gemeente}
    snapshot = control.until(lambda m: m["type"] == "snapshot")
    assert sorted(n["id"] for n in snapshot["map"]["nodes"]) == sorted(names)  # control: every asset
    needs = {(s, a.id) for a in scenario.graph.assets for need in a.needs for s in need.suppliers}
    assert {tuple(link) for link in snapshot["map"]["links"]} == needs
    first = {party: s.until(lambda m: m["type"] == "snapshot")["map"] for party, s in sockets.items()}
    assert first["rot"]["nodes"] == [] and first["rot"]["links"] == []  # at T+0 the team knows of nothing
    assert {n["id"] for n in first["gemeente"]["nodes"]} == own["gemeente"]  # an organisation: its own assets,
    assert {n["status"] for n in first["gemeente"]["nodes"]} == {"unknown"}  # ... but not their state
    with urllib.request.urlopen(
        f"http://127.0.0.1:{server.port}/play/rot?token={server.session.tokens['parties']['rot']}"
    ) as page:
        html = page.read().decode()
    assert "m-unknown" in html and not [n for n in names.values() if n in html]  # the page itself names no asset

    control.send({"type": "jump", "minute": 300})
    for s in (control, rot, gemeente):
        s.at_minute(300)
    control.send(
        {
            "type": "inject",
            "inject": {"type": "outage", "target": "gemeentehuis-datacenter"},
            "options": "{duration: 1h}",
        }
    )
    control.until(lambda m: m["type"] == "decision")
    sizes = {"rot": [], "gemeente": []}
    for minute in (302, 360):
        control.send({"type": "jump", "minute": minute})
        for s in (control, rot, gemeente):
            s.at_minute(minute)
        truth = {a["id"]: a["service"] for a in [m["status"] for m in control.seen if m.get("status")][-1]}
        shown = {
            p: {n["id"]: n["status"] for n in [m["map"] for m in s.seen if "map" in m][-1]["nodes"]}
            for p, s in sockets.items()
        }
        for party in sockets:
            sizes[party].append(len(shown[party]))
        if minute == 302:  # the town hall's data centre is down, and nobody has noticed yet
            assert truth["gemeentehuis-datacenter"] == 0
            assert shown["gemeente"]["gemeentehuis-datacenter"] == "unknown"
            assert "gemeentehuis-datacenter" not in shown["rot"]
        else:  # now both know
            assert shown["gemeente"]["gemeentehuis-datacenter"] == shown["rot"]["gemeentehuis-datacenter"] == "failed"
    server.stop()

    assert 0 < sizes["rot"][0] < sizes["rot"][1]  # the team's map grows as it learns
    assert sizes["gemeente"] == [len(own["gemeente"])] * 2  # an organisation's own assets, known or not
    ex = server.hub.ex
    for party, org in (("rot", "veiligheidsregio"), ("gemeente", "gemeente")):
        knowledge = ex.knowledge(org)
        maps = [(m["clock"]["minute"], m["map"]) for m in sockets[party].seen if "map" in m]
        pushed = len(maps) - 1  # the snapshot's, then the updates'
        assert pushed >= 1, f"{party}: the map was not pushed as knowledge changed"
        for minute, shown in maps:
            ids = [n["id"] for n in shown["nodes"]]
            before, by = known_picture(knowledge, minute, False), known_picture(knowledge, minute, True)
            leaked, missing = sorted(set(ids) - own[party] - set(by)), sorted(set(before) - set(ids))
            assert not leaked, f"{party} at T+{minute}: assets it did not know of: {leaked}"
            assert not missing, f"{party} at T+{minute}: known assets missing: {missing}"
            for n in shown["nodes"]:
                assert n["name"] == names[n["id"]] and set(n) == {"id", "name", "x", "y", "status", "since"}
                expected = {p.get(n["id"], "unknown") for p in (before, by)}
                assert n["status"] in expected, f"{party} at T+{minute}: {n['id']} {n['status']} not {expected}"
            assert all(a in ids and b in ids for a, b in shown["links"]), (
                f"{party} at T+{minute}: a link to a hidden asset"
            )
