"""Repair of damaged assets by limited crews, in priority order.

A crew is a SimPy PriorityResource whose capacity is the crew's ``size``. Waiting assets are
served by priority: first those with a scenario priority (higher first), then the others by the
population they serve (more first); ties first come, first served (SimPy's queue is stable).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import simpy

from ..model.distributions import Distribution

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["Crews", "repair_priority"]


def repair_priority(scenario_priority: int | None, population: int) -> tuple[int, int]:
    """Sort key for the crew queue (lower goes first)."""
    if scenario_priority is not None:
        return (0, -scenario_priority)
    return (1, -population)


class Crews:
    """The crews of the scenario's organisations, by reference ``organisation/crew``."""

    def __init__(self, sim: Simulation):
        self.sim = sim
        self.resources: dict[str, simpy.PriorityResource] = {
            ref: simpy.PriorityResource(sim.env, capacity=crew.size) for ref, crew in sim.scenario.crews().items()
        }
        priorities = sim.scenario.spec.priorities
        self.priority = [repair_priority(priorities.get(a.id), a.population) for a in sim.scenario.graph.assets]

    def repair(self, asset: int, damage_key: object, duration: Distribution, crew: str | None, cause: int) -> None:
        """Start the repair of one damage: wait for the crew, work ``duration`` minutes, clear it."""
        self.sim.env.process(self._repair(asset, damage_key, duration, crew, cause))

    def _repair(self, asset, damage_key, duration, crew, cause):
        sim = self.sim
        org = crew.split("/")[0] if crew else ""
        resource = self.resources.get(crew) if crew else None
        params = {"crew": crew or "-"}
        if resource is None:
            started = sim.log_asset("repair.started", asset, cause, params, org)
            yield sim.env.timeout(duration.sample(sim.rng))
        else:
            queued = sim.log_asset("repair.queued", asset, cause, params, org)
            with resource.request(priority=self.priority[asset]) as request:
                yield request
                started = sim.log_asset("repair.started", asset, queued, params, org)
                yield sim.env.timeout(duration.sample(sim.rng))
        done = sim.log_asset("repair.done", asset, started, params, org)
        sim.states.clear_effect(asset, damage_key, done)
