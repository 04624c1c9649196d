"""The live exercise server at the HTTP and WebSocket level: a real uvicorn on a free port.

Exercise control and players connect with the ``websockets`` client; every message a player
receives is kept and checked against what its organisation knew at the minute it was sent.
"""

from __future__ import annotations

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
