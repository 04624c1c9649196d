"""The Simulation: one SimPy environment, one random generator, the asset states and the log.

Phases (desmod-style): build the state from the validated scenario, schedule the injects, run
until the end, and hand back a ``RunRecord`` with the raw log. Nothing here reads or writes files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import simpy

from ..model.gcpause import gc_paused
from ..model.scenario import Scenario
from .eventlog import Event, EventLog, StateChange
from .incidents import IncidentHandlers
from .needs import NeedNetwork
from .repair import Crews
from .state import AssetStates

__all__ = ["Simulation", "RunRecord"]


@dataclass(frozen=True)
class RunRecord:
    """The raw outcome of one run: events and state changes, in the order they happened."""

    scenario: Scenario
    seed: int
    until_min: float
    events: list[Event]
    states: list[StateChange]
    inject_times: tuple[float, ...]
    runtime_s: float


class Simulation:
    """One run of a scenario. ``seed`` defaults to the scenario's; ``until_min`` to its duration."""

    def __init__(self, scenario: Scenario, seed: int | None = None, until_min: float | None = None):
        self.scenario = scenario
        self.seed = scenario.seed if seed is None else int(seed)
        self.until_min = scenario.duration_min if until_min is None else float(until_min)
        self.rng = np.random.default_rng(self.seed)
        self.env = simpy.Environment()
        self.log_book = EventLog()
        graph = scenario.graph
        self.inject_times: tuple[float, ...] = ()
        with gc_paused():
            self.owners = [a.owner or "" for a in graph.assets]
            self.states = AssetStates(len(graph), self.log_book, self.owners, lambda: self.env.now)
            self.needs = NeedNetwork(graph, self)
            self.states.on_availability = self.needs.supplier_changed
            self.crews = Crews(self)
            self.incidents = IncidentHandlers(self)

    # --- services used by the parts of the engine ------------------------------------------------
    def log(self, kind: str, asset: int = -1, cause: int = 0, params: dict | None = None, org: str = "") -> int:
        level = self.states.service[asset] if asset >= 0 else None
        return self.log_book.add(self.env.now, kind, asset, cause, level, org, params)

    def log_asset(self, kind: str, asset: int, cause: int, params: dict | None = None, org: str | None = None) -> int:
        """Log an event about ``asset``; ``org`` defaults to its owner."""
        return self.log_book.add(
            self.env.now, kind, asset, cause, self.states.service[asset], self.owners[asset] if org is None else org, params
        )

    def call_at(self, delay: float, callback: Callable[..., Any], *args: Any) -> None:
        """Call ``callback(*args)`` after ``delay`` minutes (0: later in this same instant)."""
        timeout = self.env.timeout(delay)
        timeout.callbacks.append(lambda _event: callback(*args))

    # --- phases -----------------------------------------------------------------------------------
    def schedule_injects(self) -> None:
        """Draw every inject's time (in file order) and schedule it."""
        times = []
        for position, inject in enumerate(self.scenario.injects):
            at = inject.at.sample(self.rng)
            times.append(at)
            self.call_at(at, self._inject, position, inject)
        self.inject_times = tuple(times)

    def _inject(self, position: int, inject) -> None:
        target = self.scenario.graph.index[inject.target]
        event = self.log_asset(
            "inject", target, 0, {"inject": self.scenario.inject_id(position), "type": inject.type}
        )
        self.incidents.apply(position, inject, event)

    def run(self) -> RunRecord:
        started = time.perf_counter()
        with gc_paused():
            self.schedule_injects()
            self.env.run(until=self.until_min)
        return RunRecord(
            self.scenario,
            self.seed,
            self.until_min,
            self.log_book.events,
            self.log_book.states,
            self.inject_times,
            time.perf_counter() - started,
        )
