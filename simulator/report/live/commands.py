"""What exercise control and the players ask of the live exercise: the clock, deliveries,
ad-hoc injects and decisions. A part of ``Hub`` (its methods run on the server's event loop),
kept apart so that each module has one job: the hub pushes, these answer.

A player's decision is checked against its form first (only the actions, targets and crews
offered to that party), then taken by the ``Exercise`` and logged, synced, before anyone hears of it.
"""

from __future__ import annotations

import asyncio
import math
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from ...model.decisions import EXERCISE_CONTROL
from ...model.errors import LoadError
from ...model.validation import problems_from_validation
from . import views

if TYPE_CHECKING:
    from .hub import Client

__all__ = ["Commands", "MAX_SPEED"]

MAX_SPEED = 100_000.0  # simulated minutes per real minute
_DECISION_FIELDS = (
    "action",
    "target",
    "crew",
    "level",
    "size",
    "deadline",
    "rationale",
    "restore_first",
    "litres",
    "capacity",
    "duration",
)


class Commands:
    """The hub's answers to its pages' messages (mixed into ``Hub``)."""

    # --- exercise control's messages ----------------------------------------------------------------
    def control_message(self, client: Client, data: dict[str, Any]) -> None:
        kind = data.get("type")
        request = data.get("request")
        if self.ended or self._ending:
            return self._error(client, "live.error.ended", request)
        if kind in ("start", "pause"):
            self.running = kind == "start"
            self._rebase()
            self.session.record({"type": "play" if self.running else "pause", "minute": self.ex.now})
            self.wake()
        elif kind == "speed":
            speed = _number(data.get("speed"))
            if speed is None or not 0 < speed <= MAX_SPEED:
                return self._error(client, "live.error.bad_speed", request, most=f"{MAX_SPEED:g}")
            self.speed = speed
            self._rebase()
            self.session.record({"type": "speed", "speed": speed, "minute": self.ex.now})
        elif kind == "jump":
            minute = _number(data.get("minute"))
            if minute is None or not self.ex.now < minute <= self.ex.until_min:
                return self._error(
                    client, "live.error.bad_jump", request, now=f"{self.ex.now:g}", end=f"{self.ex.until_min:g}"
                )
            self._jump_to = float(math.ceil(minute))
            self.wake()
        elif kind == "deliver":
            return self._deliver(client, data)
        elif kind == "inject":
            return self._inject(client, data)
        elif kind == "end":
            asyncio.get_running_loop().create_task(self.end())
            return None
        else:
            return self._error(client, "live.error.bad_message", request)
        self._to_controls({"type": "update", "clock": self.clock(), "events": [], "request": request})
        return None

    def _deliver(self, client: Client, data: dict[str, Any]) -> None:
        row = next((r for r in self.forecast if r["key"] == data.get("key")), None)
        if row is None:
            return self._error(client, "live.error.unknown_row", data.get("request"))
        to = data.get("to") or row.get("party")
        if to not in self.parties:
            return self._error(client, "live.error.unknown_party", data.get("request"), party=to)
        clock = self.clock()
        record = {
            "type": "delivered",
            "minute": self.ex.now,
            "clock": clock["clock"],
            "key": row["key"],
            "to": to,
            "row": {**views.player_row(row), "delivered": clock["clock"]},
        }
        self.session.record(record)
        self.deliveries.append(record)
        self._to_party(to, {"type": "inbox", "item": record["row"]})
        self._to_controls(
            {"type": "delivered", "delivery": self._delivery_view(record), "request": data.get("request")}
        )
        return None

    def _inject(self, client: Client, data: dict[str, Any]) -> None:
        inject = dict(data.get("inject") or {})
        options = data.get("options") or ""
        try:
            extra = yaml.safe_load(options) if isinstance(options, str) and options.strip() else (options or {})
        except yaml.YAMLError as error:
            return self._error(client, "live.error.bad_options", data.get("request"), reason=str(error).splitlines()[0])
        if not isinstance(extra, dict):
            return self._error(client, "live.error.bad_options", data.get("request"), reason=str(extra))
        self._take(
            client,
            {
                "by": EXERCISE_CONTROL,
                "action": "inject",
                "inject": {**extra, **inject},
                "rationale": str(data.get("rationale") or ""),
            },
            data.get("request"),
        )
        return None

    # --- a player's decision ------------------------------------------------------------------------
    def player_message(self, client: Client, data: dict[str, Any]) -> None:
        request = data.get("request")
        if data.get("type") != "decide" or not isinstance(data.get("decision"), dict):
            return self._error(client, "live.error.bad_message", request)
        if self.ended or self._ending:
            return self._error(client, "live.error.ended", request)
        party = client.party
        form = self._forms.get(party.id) or self._form(party)
        given = data["decision"]
        decision = {k: given[k] for k in _DECISION_FIELDS if given.get(k) not in (None, "", [])}
        action = decision.get("action")
        targets = decision.get("target", [])
        targets = [targets] if isinstance(targets, str) else list(targets)
        problem = None
        if action not in {a["id"] for a in form["actions"]}:
            problem = ("action", action)
        elif any(t not in views.offered_targets(form, action) for t in targets):
            problem = ("target", next(t for t in targets if t not in views.offered_targets(form, action)))
        elif decision.get("crew") and decision["crew"] not in form["crews"]:
            problem = ("crew", decision["crew"])
        if problem:
            return self._error(
                client, "live.error.not_offered", request, field=problem[0], value=problem[1], party=party.name
            )
        self._take(client, {**decision, "by": party.id}, request)
        return None

    def _take(self, client: Client, decision: dict[str, Any], request: Any) -> None:
        """Decide now, log the decision (synced) and tell control, the party and the pictures."""
        try:
            try:
                outcome = self.ex.decide(decision)
            except ValidationError as exc:
                raise LoadError(problems_from_validation(exc, lambda loc: (None, loc))) from None
        except LoadError as error:
            return self._error(client, error.render(self.lang), request)
        self.session.log_decision(outcome.decision)
        view = views.outcome_view(outcome, self.ex, self.lang)
        self.outcomes.append(view)
        self._to_controls(
            {"type": "decision", "outcome": view, "request": request if client.role == "control" else None}
        )
        if outcome.decision.by in self.parties:
            self._to_party(outcome.decision.by, {"type": "outcome", "outcome": view, "request": request})
        self.publish()  # the decision's own events, after the decision
        self._schedule_forecast()
        return None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None
