"""The live exercise's one owner: the clock, the exercise, the session log and who is connected.

Everything that touches the ``Exercise`` runs on the server's event loop, in plain (not
``async``) methods, so no two of them ever interleave: the simulation is driven from one place.
The clock task advances in whole simulated minutes, at most ``BUDGET_S`` of work per tick, and then
hands the loop back to the sockets. The look-ahead for the upcoming injects runs in a worker
thread on a copy of the decision log (``course_ahead`` touches no running simulation).

Each connected page is a ``Client`` with its own queue; what is put in a player's queue is built
from its organisation's knowledge only (``views``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import secrets
import time
from collections import defaultdict
from typing import Any

from ...analysis.exercise import Party, course_ahead
from ...analysis.session import Session, SessionState
from ...messages import text
from ...model.decisions import EXERCISE_CONTROL
from . import mapview, views
from .commands import MAX_SPEED, Commands

__all__ = ["Hub", "Client", "MAX_SPEED"]

TICK_S = 0.1  # real seconds between clock ticks when the clock is on time
BUDGET_S = 0.04  # real seconds of simulation per tick at most
RECORD_EVERY_S = 2.0  # the minute reached is logged at least this often while the clock runs


class Client:
    """One connected page: its role (``control`` or ``player``), its party, its outgoing queue."""

    def __init__(self, role: str, party: Party | None = None):
        self.role = role
        self.party = party
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    def send(self, message: dict[str, Any] | str) -> None:
        self.queue.put_nowait(message if isinstance(message, str) else _encode(message))


def _encode(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False, default=str)


class Hub(Commands):
    """The played exercise, its clock and its audience."""

    def __init__(self, session: Session, state: SessionState, command: list[str] | None = None):
        self.session = session
        ex, feed = session.replay(state)
        self.ex = ex
        self.lang = session.lang
        self.command = command
        self.parties = {p.id: p for p in ex.parties()}
        self.names = dict(ex.scenario.graph.labels)
        self.layout = mapview.map_layout(ex.scenario)  # once per served scenario
        self.speed = state.speed
        self.running = False
        self.ended = state.ended
        self.run_path = str(session.path) if state.ended else ""
        self.deliveries = list(state.deliveries)
        self.feed: list[dict[str, Any]] = feed + ex.new_events()
        self._pending: list[dict[str, Any]] = []  # events advanced past, not yet published
        ex.new_knowledge()  # the per-organisation pictures are read whole when first needed
        self.outcomes = [views.outcome_view(o, ex, self.lang) for o in ex.outcomes()]
        self.forecast: list[dict[str, Any]] = []
        self._forecast_for: int | None = None
        self._forecast_task: asyncio.Task | None = None
        self._known: dict[str, list[dict[str, Any]]] = {}
        self._known_ids: dict[str, set[int]] = {}
        self._known_status: dict[str, dict[str, dict[str, Any]]] = {}
        self._forms: dict[str, dict[str, Any]] = {}
        self._maps: dict[str, dict[str, Any]] = {}
        self.controls: set[Client] = set()
        self.players: dict[str, set[Client]] = defaultdict(set)
        self._jump_to: float | None = None
        self._ending = False
        self._base = (ex.now, time.monotonic())
        self._recorded = (ex.now, time.monotonic())
        self._last_status: list[dict[str, Any]] | None = None
        self._wake = asyncio.Event()

    # --- tokens -----------------------------------------------------------------------------------
    def control_allowed(self, token: str | None) -> bool:
        return bool(token) and secrets.compare_digest(token, self.session.tokens["control"])

    def player_allowed(self, party_id: str, token: str | None) -> Party | None:
        expected = self.session.tokens["parties"].get(party_id)
        if party_id in self.parties and expected and token and secrets.compare_digest(token, expected):
            return self.parties[party_id]
        return None

    # --- connecting -------------------------------------------------------------------------------
    def connect(self, role: str, party: Party | None = None) -> Client:
        client = Client(role, party)
        self.publish()  # so the snapshot and the updates after it meet without a gap
        if party is None:
            self.controls.add(client)
            client.send(self.control_snapshot())
        else:
            self.players[party.id].add(client)
            client.send(self.player_snapshot(party))
        return client

    def disconnect(self, client: Client) -> None:
        self.controls.discard(client)
        if client.party is not None:
            self.players[client.party.id].discard(client)

    # --- what each role sees ----------------------------------------------------------------------
    def clock(self) -> dict[str, Any]:
        return views.clock_view(self.ex, self.running, self.speed, self.ended)

    def control_snapshot(self) -> dict[str, Any]:
        ex = self.ex
        return {
            "type": "snapshot",
            "role": "control",
            "clock": self.clock(),
            "feed": self.feed,
            "status": ex.status(),
            "grip": ex.grip_level,
            "teams": self._team_names(),
            "deadlines": views.deadline_view(ex),
            "decisions": self.outcomes,
            "forecast": self.forecast,
            "forecast_busy": self._forecast_for != len(ex.decisions),
            "deliveries": [self._delivery_view(d) for d in self.deliveries],
            "parties": [
                {"id": p.id, "name": p.name, "kind": p.kind, "token": self.session.party_token(p.id)}
                for p in self.parties.values()
            ],
            "assets": [{"id": a, "name": n} for a, n in self.names.items()],
            "map": mapview.control_map(self.layout),
            "inject_types": views.inject_types(),
            "run_path": self.run_path,
        }

    def player_snapshot(self, party: Party) -> dict[str, Any]:
        rows = self._picture(party.org)
        return {
            "type": "snapshot",
            "role": "player",
            "party": {"id": party.id, "name": party.name, "kind": party.kind},
            "clock": self.clock(),
            "known": rows,
            "status": list(self._known_status[party.org].values()),
            "inbox": [d["row"] for d in self.deliveries if d["to"] == party.id],
            "decisions": [o for o in self.outcomes if o["by"] == party.id],
            "form": self._form(party),
            "map": self._map(party),
        }

    def _team_names(self) -> list[str]:
        return [self.parties[t].name if t in self.parties else t for t in self.ex.assembled_teams()]

    def _delivery_view(self, d: dict[str, Any]) -> dict[str, Any]:
        party = self.parties.get(d["to"])
        return {"key": d["key"], "to": d["to"], "to_name": party.name if party else d["to"], "clock": d["clock"]}

    def _picture(self, org: str) -> list[dict[str, Any]]:
        """What ``org`` knows: read whole once, then kept up to date by ``publish``."""
        if org not in self._known:
            rows = [self._player_event(r) for r in self.ex.knowledge(org) if not self._backstage(r)]
            self._known[org] = rows
            self._known_ids[org] = {r["id"] for r in rows}
            self._known_status[org] = views.known_status(rows, self.names)
        return self._known[org]

    def _backstage(self, row: dict[str, Any]) -> bool:
        """Exercise control's own decisions (ad-hoc injects): the desk logs them for the control
        room, but players must not learn that an inject was staged, only what it does."""
        return row["kind"].startswith("decision.") and row["ref"] in {
            d.id for d in self.ex.decisions if d.by == EXERCISE_CONTROL
        }

    def _player_event(self, row: dict[str, Any]) -> dict[str, Any]:
        """A known event as a player receives it: no cause, no reference, no owner (they may
        name what the organisation does not know)."""
        shown = {k: row[k] for k in ("id", "time_min", "clock", "kind", "asset", "message", "known_min")}
        shown["known_clock"] = views.at_clock(self.ex, row["known_min"])
        return shown

    def _form(self, party: Party) -> dict[str, Any]:
        form = views.party_form(self.ex, party, set(self._known_status[party.org]), self.lang)
        self._forms[party.id] = form
        return form

    def _map(self, party: Party) -> dict[str, Any]:
        """The party's map, from the same knowledge as its status table and form (``mapview``)."""
        own = mapview.own_assets(self.ex.scenario, party)
        shown = mapview.player_map(self.layout, self._known_status[party.org], own)
        self._maps[party.id] = shown
        return shown

    # --- pushing updates --------------------------------------------------------------------------
    def publish(self) -> None:  # noqa: C901 -- debt: split when next changed
        """Send what happened since the last call: ground truth to control, to each player what
        its organisation learned."""
        ex = self.ex
        events, self._pending = self._pending + ex.new_events(), []
        self.feed.extend(events)
        learned = ex.new_knowledge()
        clock = self.clock()
        if self.controls:
            update: dict[str, Any] = {
                "type": "update",
                "clock": clock,
                "events": events,
                "grip": ex.grip_level,
                "teams": self._team_names(),
                "deadlines": views.deadline_view(ex),
            }
            status = ex.status()
            if status != self._last_status:
                update["status"] = self._last_status = status
            message = _encode(update)
            for client in self.controls:
                client.send(message)
        fresh: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for minute, org, event_id in learned:
            if org in self._known and event_id not in self._known_ids[org]:
                full = ex.event_row(event_id)
                if self._backstage(full):
                    continue
                row = self._player_event({**full, "known_min": minute})
                self._known[org].append(row)
                self._known_ids[org].add(event_id)
                fresh[org].append(row)
        for org, rows in fresh.items():
            for row in rows:
                if row["kind"].startswith("asset.") and row["asset"]:
                    self._known_status[org][row["asset"]] = views.status_entry(row, self.names)
        for party_id, clients in self.players.items():
            if not clients:
                continue
            party = self.parties[party_id]
            rows = fresh.get(party.org, [])
            update = {"type": "update", "clock": clock, "events": rows}
            if rows:
                changed = {r["asset"] for r in rows if r["kind"].startswith("asset.")}
                update["status"] = [s for a, s in self._known_status[party.org].items() if a in changed]
                before = self._forms.get(party_id)
                form = self._form(party)
                if before is None or form["targets"] != before["targets"]:
                    update["form"] = form
                drawn = self._maps.get(party_id)
                shown = self._map(party)
                if shown != drawn:
                    update["map"] = shown
            message = _encode(update)
            for client in clients:
                client.send(message)

    def _to_controls(self, message: dict[str, Any]) -> None:
        encoded = _encode(message)
        for client in self.controls:
            client.send(encoded)

    def _to_party(self, party_id: str, message: dict[str, Any]) -> None:
        encoded = _encode(message)
        for client in self.players.get(party_id, ()):
            client.send(encoded)

    def _error(self, client: Client, key: str, request: Any = None, **params: Any) -> None:
        client.send(
            {
                "type": "error",
                "message": text(key, self.lang, **params) if key.startswith("live.") else key,
                "request": request,
            }
        )

    # --- the clock ----------------------------------------------------------------------------------
    async def run(self) -> None:
        """The clock task: advance toward the goal (a jump, or the running clock), publish, log."""
        self._schedule_forecast()
        while True:
            goal = self._goal()
            if goal is not None and goal > self.ex.now:
                self._advance_toward(goal)
                self.publish()
                if self._jump_to is not None and self.ex.now >= min(self._jump_to, self.ex.until_min):
                    self._jump_to = None
                    self._rebase()
                    self._record_minute()
            if self.running and time.monotonic() - self._recorded[1] >= RECORD_EVERY_S:
                self._record_minute()
            if self.ex.finished and not self.ended and not self._ending:
                await self.end()
            behind = goal is not None and goal >= self.ex.now + 1 and not self.ex.finished
            if behind:
                await asyncio.sleep(0)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), TICK_S)
            self._wake.clear()

    def wake(self) -> None:
        """Tick now rather than at the next tick (a jump, the clock started)."""
        self._wake.set()

    def _goal(self) -> float | None:
        if self._jump_to is not None:
            return self._jump_to
        if not self.running or self._ending or self.ended:
            return None
        base_minute, base_real = self._base
        return float(math.floor(base_minute + (time.monotonic() - base_real) * self.speed / 60.0))

    def _advance_toward(self, goal: float) -> None:
        ex = self.ex
        stop = time.perf_counter() + BUDGET_S
        while ex.now < goal and not ex.finished and time.perf_counter() < stop:
            self._pending.extend(ex.advance(min(goal, math.floor(ex.now) + 1)))  # publish() sends them

    def _rebase(self) -> None:
        self._base = (self.ex.now, time.monotonic())

    def _record_minute(self) -> None:
        if self.ex.now != self._recorded[0]:
            self.session.record({"type": "minute", "minute": self.ex.now})
        self._recorded = (self.ex.now, time.monotonic())

    def close(self) -> None:
        """The server stops: log the minute reached."""
        self._record_minute()

    # --- the course ahead and the end ---------------------------------------------------------------
    def _schedule_forecast(self) -> None:
        if self._forecast_task is not None and not self._forecast_task.done():
            return  # the running one schedules the next when it finds the log has grown
        if self._forecast_for == len(self.ex.decisions) or self.ended:
            return
        self._forecast_task = asyncio.get_running_loop().create_task(self._compute_forecast(self.ex.decisions))

    async def _compute_forecast(self, decisions: tuple) -> None:
        rows = await asyncio.to_thread(course_ahead, self.ex.scenario, self.ex.seed, decisions, self.lang)
        control_room = self.ex.scenario.response.control_room
        parties = list(self.parties.values())
        self.forecast = [
            {**row, "party": views.match_party(row["to_id"], parties, control_room)}
            for row in views.forecast_view(rows)
        ]
        self._forecast_for = len(decisions)
        self._to_controls(
            {"type": "forecast", "rows": self.forecast, "busy": self._forecast_for != len(self.ex.decisions)}
        )
        if self._forecast_for != len(self.ex.decisions):
            self._forecast_task = asyncio.get_running_loop().create_task(self._compute_forecast(self.ex.decisions))

    async def end(self) -> None:
        """Play the rest without players, write the run files into the session directory, tell everyone."""
        if self.ended or self._ending:
            return
        self._ending = True
        self.running = False
        self._jump_to = None
        while not self.ex.finished:
            self._advance_toward(self.ex.until_min)
            self.publish()
            await asyncio.sleep(0)
        results = self.ex.results()
        path = await asyncio.to_thread(self.session.write_run, results, self.command)
        self._record_minute()
        self.session.record({"type": "end", "minute": self.ex.now})
        self.ended = True
        self._ending = False
        self.run_path = str(path)
        self._to_controls({"type": "ended", "clock": self.clock(), "path": self.run_path})
        for party_id in self.players:
            self._to_party(party_id, {"type": "ended", "clock": self.clock()})
