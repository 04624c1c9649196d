"""Legal deadlines: clocks that start when the organisation becomes aware, met by a notification.

One clock per deadline and affected organisation (the owner of the asset the incident hit): the
GDPR and NIS2 duties lie with each controller or entity. A deadline is *at risk* when less than a
quarter of its time is left and it is not met; escalation conditions can read that
(``deadline_at_risk``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .kernel import Kernel, Part

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


class Deadlines(Part):
    """The deadlines' clocks by key ``deadline/organisation``; ``within`` and times in minutes."""

    PEERS = ("situation", "escalation")

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        self.specs = kernel.scenario.response.deadlines
        self.clocks: dict[str, DeadlineClock] = {}
        self.listeners: list[Callable[[DeadlineClock, int], None]] = []  # (clock, started event)

    def start(self, starts: str, org: str, cause: int) -> None:
        """Start every deadline of kind ``starts`` for ``org`` that has not started yet."""
        kernel = self.kernel
        for spec in self.specs:
            if spec.starts != starts:
                continue
            now = kernel.now
            clock = DeadlineClock(spec.id, org, spec.name or spec.id, now, now + spec.within)
            if clock.key in self.clocks:
                continue
            self.clocks[clock.key] = clock
            params = {"deadline": clock.name, "within": spec.within, "org": kernel.org_name(org)}
            event = kernel.log("deadline.started", cause=cause, params=params, ref=clock.key)
            kernel.call_at(spec.within * (1 - AT_RISK_FRACTION), self._at_risk, clock, event)
            kernel.call_at(spec.within, self._due, clock, event)
            for listener in self.listeners:
                listener(clock, event)

    def open_clocks(self, deadline_id: str) -> list[DeadlineClock]:
        return [c for c in self.clocks.values() if c.id == deadline_id and c.done_min is None]

    def complete(self, clock: DeadlineClock, cause: int) -> None:
        kernel = self.kernel
        if clock.done_min is not None:
            return
        clock.done_min = kernel.now
        kind = "deadline.met" if clock.met else "deadline.late"
        kernel.log(kind, cause=cause, params={"deadline": clock.name, "org": kernel.org_name(clock.org)}, ref=clock.key)
        if clock.at_risk:
            clock.at_risk = False
            self.peers.situation.deadline_at_risk(-1)
            self.peers.escalation.reevaluate(cause)

    def _at_risk(self, clock: DeadlineClock, cause: int) -> None:
        if clock.done_min is None:
            clock.at_risk = True
            self.peers.situation.deadline_at_risk(1)
            self.peers.escalation.reevaluate(cause)

    def _due(self, clock: DeadlineClock, cause: int) -> None:
        if clock.done_min is not None:
            return
        kernel = self.kernel
        clock.missed = True
        event = kernel.log(
            "deadline.missed",
            cause=cause,
            params={"deadline": clock.name, "org": kernel.org_name(clock.org)},
            ref=clock.key,
        )
        self.peers.situation.deadline_missed()
        if clock.at_risk:
            clock.at_risk = False
            self.peers.situation.deadline_at_risk(-1)
        self.peers.escalation.reevaluate(event)
