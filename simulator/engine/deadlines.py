"""Legal deadlines: clocks that start when the organisation becomes aware, met by a notification.

A deadline is *at risk* when less than a quarter of its time is left and it is not met; escalation
conditions can read that (``deadline_at_risk``).
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
    name: str
    started_min: float
    due_min: float
    done_min: float | None = None
    at_risk: bool = False

    @property
    def met(self) -> bool | None:
        return None if self.done_min is None else self.done_min <= self.due_min


class Deadlines:
    def __init__(self, sim: Simulation):
        self.sim = sim
        self.specs = sim.scenario.response.deadlines
        self.clocks: dict[str, DeadlineClock] = {}
        self.listeners: list[Callable[[str, int], None]] = []  # (deadline id, started event)

    def start(self, starts: str, cause: int) -> None:
        """Start every deadline of kind ``starts`` that has not started yet (one clock per deadline)."""
        sim = self.sim
        for spec in self.specs:
            if spec.starts != starts or spec.id in self.clocks:
                continue
            now = sim.env.now
            clock = self.clocks[spec.id] = DeadlineClock(spec.id, spec.name or spec.id, now, now + spec.within)
            event = sim.log("deadline.started", cause=cause, params={"deadline": clock.name, "within": spec.within}, ref=spec.id)
            sim.call_at(spec.within * (1 - AT_RISK_FRACTION), self._at_risk, clock, event)
            sim.call_at(spec.within, self._due, clock, event)
            for listener in self.listeners:
                listener(spec.id, event)

    def complete(self, deadline_id: str, cause: int) -> None:
        clock = self.clocks.get(deadline_id)
        sim = self.sim
        if clock is None or clock.done_min is not None:
            return
        clock.done_min = sim.env.now
        kind = "deadline.met" if clock.met else "deadline.late"
        sim.log(kind, cause=cause, params={"deadline": clock.name}, ref=clock.id)
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
        event = sim.log("deadline.missed", cause=cause, params={"deadline": clock.name}, ref=clock.id)
        sim.situation.deadlines_missed += 1
        if clock.at_risk:
            clock.at_risk = False
            sim.situation.deadlines_at_risk -= 1
        sim.escalation.reevaluate(event)
