"""The Simulation: one SimPy environment, one random generator, the asset states and the log.

Phases (desmod-style): build the kernel and the parts of the engine from the validated scenario,
connect each part's declared peers and the listeners, schedule the injects and the timed rules, run
until the end, and hand back a ``RunRecord`` with the raw log. Nothing here reads or writes files.

The Simulation is the only module that knows every part: the parts get the ``Kernel``
(``kernel.py``) and their declared ``PEERS``, never the Simulation. The reactions that involve
several parts (a status change, a fact becoming known, the control room's picture changing) are
wired here.
"""

from __future__ import annotations

import dataclasses
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import simpy

from ..model.decisions import Decision
from ..model.distributions import Distribution
from ..model.gcpause import gc_paused
from ..model.incidents import INCIDENT_CLASSES
from ..model.scenario import Scenario
from .awareness import Awareness
from .crews import Crews, Job
from .deadlines import DeadlineClock, Deadlines
from .decisions import DecisionDesk
from .escalation import Escalation
from .eventkinds import INCIDENT_FACTS, STATUS_KINDS
from .eventlog import EventLog, KnowledgeLog, StateChange
from .flooding import Flooding
from .incidents import IncidentHandlers
from .kernel import Kernel, Peers
from .needs import NeedNetwork
from .response import Playbook
from .situation import Situation
from .streams import RandomStreams

__all__ = ["Simulation", "RunRecord"]


@dataclass(frozen=True)
class RunRecord:
    """The raw outcome of one run, in the order things happened.

    ``known_min``: event id -> minute the crisis organisation first knew of it; ``knowledge``:
    (minute, organisation, event id) for every organisation that learned of an event; ``jobs``:
    the crews' work; ``deadlines``, ``grip_reached`` (level -> minute, skipped levels included)
    and ``evacuated`` (asset index -> minute) for the metrics.
    """

    scenario: Scenario
    seed: int
    until_min: float
    events: EventLog
    states: list[StateChange]
    inject_times: tuple[float, ...]
    runtime_s: float
    known_min: dict[int, float]
    knowledge: KnowledgeLog
    jobs: list[Job]
    deadlines: dict[str, DeadlineClock]
    grip_reached: dict[int, float]
    evacuated: dict[int, float]
    levels: dict[str, list[tuple[float, float]]]  # basin id -> (minute, level m NAP) samples
    peak_levels: dict[str, float]  # basin id -> highest level, m NAP
    flooded_zones: dict[str, float]  # zone id -> first minute flooded
    evacuated_zones: dict[str, float]  # zone id -> minute evacuated
    # the decisions applied, in order: (decision, id, taken, refusal reason)
    decisions: tuple[tuple[Decision, str, bool, str], ...] = ()
    dried_zones: dict[str, float] = field(default_factory=dict)  # zone id -> minute dry again


class Simulation:
    """One run of a scenario. ``seed`` defaults to the scenario's; ``until_min`` to its duration."""

    def __init__(
        self,
        scenario: Scenario,
        seed: int | np.random.SeedSequence | None = None,
        until_min: float | None = None,
        decisions: Sequence[Decision] = (),
    ):
        """``seed``: a whole number >= 0, or a ``SeedSequence`` (an ensemble's replication).
        ``decisions``: the players' decisions, applied at their minutes (``simulator.model.decisions``)."""
        self.scenario = scenario
        if isinstance(seed, np.random.SeedSequence):
            self.seed = cast(int, seed.entropy)  # rampsim's seed sequences have a whole number as entropy
            root = seed
        else:
            self.seed = scenario.seed if seed is None else int(seed)
            if self.seed < 0:
                raise ValueError(f"seed must be a whole number >= 0, got {seed}")
            root = np.random.SeedSequence(self.seed)
        self.stream = RandomStreams(root)  # stream(purpose, *subject names) -> numpy Generator
        self.until_min = scenario.duration_min if until_min is None else float(until_min)
        self.env = simpy.Environment()
        self.log_book = EventLog()
        self.inject_times: tuple[float, ...] = ()
        self._inject_position = {scenario.inject_id(i): i for i in range(len(scenario.injects))}
        self._inject_event: dict[str, int] = {}
        self._nis2_owner = {org.id for org in scenario.organisations if org.nis2}
        with gc_paused():
            kernel = self.kernel = Kernel(scenario, self.stream, self.until_min, self.env, self.log_book)
            self.clock = kernel.clock
            self.owners = kernel.owners
            self.states = kernel.states
            self.needs = NeedNetwork(kernel)
            self.crews = Crews(kernel)
            self.awareness = Awareness(kernel)
            self.situation = Situation(kernel)
            self.escalation = Escalation(kernel)
            self.deadlines = Deadlines(kernel)
            self.playbook = Playbook(kernel)
            self.incidents = IncidentHandlers(kernel)
            self.flooding = Flooding(kernel, self._peers_for)
            self.desk = DecisionDesk(kernel, self.adhoc_inject)
        # every part by the name its peers know it by
        self.parts = {
            "needs": self.needs,
            "crews": self.crews,
            "awareness": self.awareness,
            "situation": self.situation,
            "escalation": self.escalation,
            "deadlines": self.deadlines,
            "playbook": self.playbook,
            "incidents": self.incidents,
            "flooding": self.flooding,
            "desk": self.desk,
        }
        for part in self.parts.values():
            part.peers.connect(self.parts)
        kernel.on_logged = self.awareness.logged
        self.states.on_change = self._status_changed
        self.awareness.listeners.append(self._became_known)
        if self.situation.in_use:  # nothing reads the known situation: the control room's picture is not fed
            self.awareness.picture_listeners.append(self._in_the_picture)
        self.escalation.listeners.append(self.playbook.grip_reached)
        self.deadlines.listeners.append(self.playbook.deadline_started)
        # decisions still to apply (sorted by minute, file order within a minute) and those applied
        self._upcoming: deque[Decision] = deque(sorted(decisions, key=lambda d: d.at))
        self.decisions_applied: list[tuple[Decision, str, bool, str]] = []
        self.started = False
        self._decision_event: simpy.Event | None = None

    # --- wiring -----------------------------------------------------------------------------------
    def _peers_for(self, part_class: type) -> Peers:
        """The connected peers a hazard model's class declares (``PEERS``), for the flooding."""
        return Peers(part_class.__name__, getattr(part_class, "PEERS", ())).connect(self.parts)

    # --- reactions across parts -------------------------------------------------------------------
    def _status_changed(self, asset: int, old: float, new: float, event: int) -> None:
        self.awareness.logged(event, self.log_book.kind[event - 1], asset, self.owners[asset])
        if (old > 0) != (new > 0):
            self.needs.supplier_changed(asset, new > 0, event, self.env.now)
        self.awareness.status_changed(asset, old, new)
        self.flooding.asset_changed(asset, event)

    def _became_known(self, event_id: int) -> None:
        """A fact became known to someone in the crisis organisation for the first time: react."""
        log = self.log_book  # its columns first: this runs once per event learned (hot path)
        kind = log.kind[event_id - 1]
        if kind == "asset.failed":
            self.playbook.asset_failed(log.asset[event_id - 1], event_id)
        elif kind in INCIDENT_FACTS:
            event = log[event_id - 1]
            inject = self.scenario.injects[self._inject_position[event.ref]]
            inject_event = self._inject_event.get(event.ref)
            if inject_event is not None and inject_event not in self.awareness.known_min:
                org = next((o for t, o, e in reversed(self.awareness.records) if e == event_id), "")
                self.awareness.learn_event(inject_event, org)  # the hidden start becomes known with it
            self.playbook.incident_known(inject.type, event.asset, event.ref, event_id)
            owner = self.owners[event.asset]
            if kind == "cyber.exfiltrated":
                self.deadlines.start("exfiltration", owner, event_id)
            if INCIDENT_CLASSES.get(inject.type) == "cybercrime" and owner in self._nis2_owner:
                self.deadlines.start("significant_incident", owner, event_id)
        if event_id in self.incidents.awaiting_repair:
            self.incidents.damage_known(event_id)

    def _in_the_picture(self, event_id: int) -> None:
        """The control room learned of a fact: the situation that escalation reads changes."""
        log, i = self.log_book, event_id - 1  # its columns: once per event the control room learns of
        kind = log.kind[i]
        if kind in STATUS_KINDS:
            self.situation.status_known(log.asset[i], log.level[i])  # a status event has a level
        elif kind in INCIDENT_FACTS:
            position = self._inject_position[log.ref[i]]
            self.situation.incident_known(position, self.scenario.injects[position].type)
        elif kind == "zone.flooded":
            self.situation.zone_flooded(log.ref[i])
        else:
            return
        self.escalation.reevaluate(event_id)

    # --- phases -----------------------------------------------------------------------------------
    def schedule_injects(self) -> None:
        """Schedule the storm-surge warnings; draw every inject's time (in file order) and schedule
        it; schedule timed rules."""
        self.flooding.forecast(self.scenario.injects)
        times = []
        for position, inject in enumerate(self.scenario.injects):
            at = self.stream.draw(inject.at, "inject.at", self.scenario.inject_id(position))
            times.append(at)
            self.kernel.call_at(at, self._inject, position, inject)
        self.inject_times = tuple(times)
        self.playbook.start()

    def _inject(self, position: int, inject) -> None:
        target = self.scenario.graph.index[inject.target]
        inject_id = self.scenario.inject_id(position)
        params = {"inject": inject_id, "type": inject.type, "effect": getattr(inject, "effect", "")}
        event = self.kernel.log("inject", target, 0, params, ref=inject_id)
        self._inject_event[inject_id] = event
        self.incidents.apply(position, inject, event)

    # --- decisions -----------------------------------------------------------------------------------
    def _schedule_next_decision(self) -> simpy.Event | None:
        """Schedule the next upcoming decision at its minute. Decisions are chained (each scheduled
        once the one before is applied), so a decision given live at the current minute lands in
        the same place of the event order as the same decision read from a file."""
        if not self._upcoming:
            self._decision_event = None
        else:
            self._decision_event = self.kernel.call_first_at(
                max(self._upcoming[0].at - self.env.now, 0.0), self._apply_next_decision
            )
        return self._decision_event

    def _apply_next_decision(self) -> None:
        decision = self._upcoming.popleft()
        decision_id = decision.id or f"decision-{len(self.decisions_applied) + 1}"
        taken = self.desk.apply(decision, decision_id)
        self.decisions_applied.append((decision, decision_id, taken, self.desk.outcomes[decision_id][1]))
        self._schedule_next_decision()

    def decide_now(self, decision: Decision) -> tuple[str, bool, str]:
        """Apply ``decision`` at the current minute (a live exercise); returns (id, taken, reason).
        Its ``at`` must be the current minute."""
        if not self.started:
            self.start()
        if decision.at != self.env.now:
            raise ValueError(f"a live decision is taken now (minute {self.env.now}), not at {decision.at}")
        if self._upcoming:
            raise ValueError("a live decision cannot be mixed with decisions still to come")
        self._upcoming.append(decision)
        event = self._schedule_next_decision()
        self.env.run(until=event)
        applied, decision_id, taken, reason = self.decisions_applied[-1]
        return decision_id, taken, reason

    def adhoc_inject(self, decision: Decision, cause: int) -> None:
        """Exercise control's ad-hoc inject, now: it joins the scenario's injects (so every table
        reads it like the others) and hits its target at once."""
        assert decision.inject is not None, "an ad-hoc inject decision carries its inject"
        inject = decision.inject.model_copy(update={"at": Distribution.fixed(self.env.now)})
        spec = self.scenario.spec
        self.scenario = dataclasses.replace(
            self.scenario, spec=spec.model_copy(update={"injects": spec.injects + (inject,)})
        )
        self.kernel.replace_scenario(self.scenario)
        position = len(spec.injects)
        self._inject_position[self.scenario.inject_id(position)] = position
        self.inject_times = self.inject_times + (self.env.now,)
        self._inject(position, inject)

    # --- phases -----------------------------------------------------------------------------------
    def start(self) -> None:
        """Schedule the injects, the timed rules and the first decision (once)."""
        if self.started:
            return
        self.started = True
        self.schedule_injects()
        self._schedule_next_decision()

    def advance(self, to_min: float) -> None:
        """Run until minute ``to_min`` (capped at the end): every event before it happens; those
        at ``to_min`` itself wait, so that a decision taken now comes first."""
        if not self.started:
            self.start()
        to_min = min(to_min, self.until_min)
        if to_min > self.env.now:
            with gc_paused():
                self.env.run(until=to_min)
        # decisions of this very minute that were chained behind the stop come before anything else
        while self._upcoming and self._upcoming[0].at <= self.env.now and self._decision_event is not None:
            self.env.run(until=self._decision_event)

    def run(self) -> RunRecord:
        started = time.perf_counter()
        with gc_paused():
            self.start()
            self.env.run(until=self.until_min)
        return self.finish(time.perf_counter() - started)

    def release(self) -> None:
        """Drop the engine's state once the record is taken (``run``, ``finish``): the parts refer to
        one another (peers, listeners, the kernel's hooks), cycles that a paused collector (``rampsim
        run``) would keep alive while the tables are built and written. What the record holds stays;
        the simulation cannot go on after this."""
        env = self.env
        for part in (*self.parts.values(), self.kernel, self.states, self):
            _clear(part)
        env._queue.clear()  # the scheduled callbacks, bound to the parts
        env.__dict__.clear()

    def finish(self, runtime_s: float | None = None) -> RunRecord:
        """Run to the end (if not there yet) and hand back the record."""
        started = time.perf_counter()
        self.advance(self.until_min)
        with gc_paused():
            self.flooding.finish()
        if runtime_s is None:
            runtime_s = time.perf_counter() - started
        return RunRecord(
            self.scenario,
            self.seed,
            self.until_min,
            self.log_book,
            self.log_book.states,
            self.inject_times,
            runtime_s,
            self.awareness.known_min,
            self.awareness.records,
            self.crews.jobs,
            self.deadlines.clocks,
            dict(self.escalation.reached),
            dict(self.playbook.evacuated),
            {b: level.samples for b, level in self.flooding.basins.items()},
            {b: level.peak for b, level in self.flooding.basins.items()},
            dict(self.flooding.flooded_zones),
            dict(self.playbook.evacuated_zones),
            tuple(self.decisions_applied),
            dict(self.flooding.dried_zones),
        )


def _clear(obj: object) -> None:
    """Remove every attribute of ``obj`` (its ``__dict__`` and its slots)."""
    attributes = getattr(obj, "__dict__", None)
    if attributes is not None:
        attributes.clear()
    for cls in type(obj).__mro__:
        for name in getattr(cls, "__slots__", ()):
            try:
                delattr(obj, name)
            except AttributeError:
                pass
