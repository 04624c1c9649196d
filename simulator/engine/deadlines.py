"""Legal deadlines: clocks that start when the organisation becomes aware, met by a notification.

One clock per deadline and affected organisation (the owner of the asset the incident hit): the
GDPR and NIS2 duties lie with each controller or entity. A deadline is *at risk* when less than a
quarter of its time is left and it is not met; escalation conditions can read that
(``deadline_at_risk``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["Deadlines", "DeadlineClock", "AT_RISK_FRACTION"]

AT_RISK_FRACTION = 0.25


@dataclass
class DeadlineClock:
    id: str
    org: str
    name: str
    started_min: float
    due_min: float
    done_min: float | None = None
    at_risk: bool = False
    missed: bool = False

    @property
    def key(self) -> str:
        """``deadline/organisation`` (just the deadline when the asset has no owner)."""
        return f"{self.id}/{self.org}" if self.org else self.id

    @property
    def met(self) -> bool | None:
        """True or False once decided (done, or due and not done); None while still open."""
        if self.done_min is not None:
            return self.done_min <= self.due_min
        return False if self.missed else None


class Deadlines:
    def __init__(self, sim: Simulation):
        self.sim = sim
        self.specs = sim.scenario.response.deadlines
        self.clocks: dict[str, DeadlineClock] = {}
        self.listeners: list[Callable[[DeadlineClock, int], None]] = []  # (clock, started event)

    def start(self, starts: str, org: str, cause: int) -> None:
        """Start every deadline of kind ``starts`` for ``org`` that has not started yet."""
        sim = self.sim
        for spec in self.specs:
            if spec.starts != starts:
                continue
            now = sim.env.now
            clock = DeadlineClock(spec.id, org, spec.name or spec.id, now, now + spec.within)
            if clock.key in self.clocks:
                continue
            self.clocks[clock.key] = clock
            params = {"deadline": clock.name, "within": spec.within, "org": sim.org_name(org)}
            event = sim.log("deadline.started", cause=cause, params=params, ref=clock.key)
            sim.call_at(spec.within * (1 - AT_RISK_FRACTION), self._at_risk, clock, event)
            sim.call_at(spec.within, self._due, clock, event)
            for listener in self.listeners:
                listener(clock, event)

    def open_clocks(self, deadline_id: str) -> list[DeadlineClock]:
        return [c for c in self.clocks.values() if c.id == deadline_id and c.done_min is None]

    def complete(self, clock: DeadlineClock, cause: int) -> None:
        sim = self.sim
        if clock.done_min is not None:
            return
        clock.done_min = sim.env.now
        kind = "deadline.met" if clock.met else "deadline.late"
        sim.log(kind, cause=cause, params={"deadline": clock.name, "org": sim.org_name(clock.org)}, ref=clock.key)
        if clock.at_risk:
            clock.at_risk = False
            sim.situation.deadlines_at_risk -= 1
            sim.escalation.reevaluate(cause)

    def _at_risk(self, clock: DeadlineClock, cause: int) -> None:
        if clock.done_min is None:
            clock.at_risk = True
            self.sim.situation.deadlines_at_risk += 1
            self.sim.escalation.reevaluate(cause)

    def _due(self, clock: DeadlineClock, cause: int) -> None:
        if clock.done_min is not None:
            return
        sim = self.sim
        clock.missed = True
        event = sim.log(
            "deadline.missed",
            cause=cause,
            params={"deadline": clock.name, "org": sim.org_name(clock.org)},
            ref=clock.key,
        )
        sim.situation.deadlines_missed += 1
        if clock.at_risk:
            clock.at_risk = False
            sim.situation.deadlines_at_risk -= 1
        sim.escalation.reevaluate(event)
