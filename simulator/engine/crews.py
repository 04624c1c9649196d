"""Crews: limited teams doing repairs and response actions, in priority order.

A crew is a SimPy PriorityResource whose capacity is its ``size``. Waiting jobs are served by the
key ``(-rule priority, -asset priority, -population served)``, lowest first, ties first come, first
served (SimPy's queue is stable). Repairs have rule priority 0; the asset priority is the
scenario's ``priorities`` entry (default 0); the population served is the asset's own plus that of
every asset depending on it, directly or through others (0 for actions on no asset).
The first job a crew gets calls it out: it is at work after its call-out time (office hours or
not, at the moment of the call) and stays on duty for the rest of the run. During the call-out
its slots are held, so that the jobs waiting for it start by priority when it arrives. A job's wait is the
time from its request to its start, call-out included.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import simpy

from ..model.distributions import Distribution

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["Crews", "Job", "job_priority"]


def job_priority(rule_priority: int, asset_priority: int, population_served: int) -> tuple[int, int, int]:
    return (-rule_priority, -asset_priority, -population_served)


@dataclass
class Job:
    """One piece of crew work, for the jobs table."""

    crew: str
    kind: str  # repair, or the action type
    asset: int
    ref: str  # the rule id for actions, the damage event for repairs
    queued_min: float
    started_min: float | None = None
    done_min: float | None = None


class _Crew:
    def __init__(self, env: simpy.Environment, ref: str, spec):
        self.ref = ref
        self.spec = spec
        self.resource = simpy.PriorityResource(env, capacity=spec.size)
        self.on_duty_at: float | None = None  # when the call-out completes


class Crews:
    """The crews of the scenario's organisations, by reference ``organisation/crew``."""

    def __init__(self, sim: Simulation):
        self.sim = sim
        self.crews = {ref: _Crew(sim.env, ref, spec) for ref, spec in sim.scenario.crews().items()}
        self.jobs: list[Job] = []
        self._served: dict[int, int] = {}

    def job_key(self, rule_priority: int, asset: int) -> tuple[int, int, int]:
        """Queue key of a job on ``asset`` (-1: none) for a rule of ``rule_priority`` (repairs: 0)."""
        if asset < 0:
            return job_priority(rule_priority, 0, 0)
        spec = self.sim.scenario.graph.assets[asset]
        return job_priority(
            rule_priority, self.sim.scenario.spec.priorities.get(spec.id, 0), self.population_served(asset)
        )

    def population_served(self, asset: int) -> int:
        """The asset's population plus that of all assets depending on it (computed when needed)."""
        if asset not in self._served:
            graph = self.sim.scenario.graph
            by_supplier = self.sim.needs.by_supplier
            seen = {asset}
            stack = [asset]
            while stack:
                for need in by_supplier[stack.pop()]:
                    if need.consumer not in seen:
                        seen.add(need.consumer)
                        stack.append(need.consumer)
            self._served[asset] = sum(graph.assets[i].population for i in seen)
        return self._served[asset]

    def _call_out(self, team: _Crew, asset: int, cause: int, org: str | None) -> None:
        """Call the crew out: hold all its slots until it is at work."""
        sim = self.sim
        now = sim.env.now
        team.on_duty_at = now + sim.clock.callout(team.spec.callout, now, sim.stream("callout", team.ref))
        label = team.spec.name or team.ref
        sim.log(
            "crew.called_out", asset, cause, {"crew": label, "until": round(team.on_duty_at - now)}, org, ref=team.ref
        )
        holds = [team.resource.request(priority=_CALL_OUT_PRIORITY) for _ in range(team.spec.size)]
        sim.call_at(team.on_duty_at - now, lambda: [team.resource.release(hold) for hold in holds])

    def busy(self, crew: str) -> bool:
        """Whether every person of ``crew`` has work now, waiting or in hand (a live decision that
        needs it is refused then)."""
        team = self.crews.get(crew)
        if team is None:
            return False
        open_jobs = sum(1 for job in self.jobs if job.crew == crew and job.done_min is None)
        return open_jobs >= team.resource.capacity

    def call_in(self, crew: str, size: int, cause: int) -> None:
        """Call in ``size`` extra people for ``crew``: after the crew's call-out time (as at this
        moment) it can do ``size`` more jobs at once. Logs ``crew.extra_called`` and
        ``crew.extra_arrived``."""
        sim = self.sim
        team = self.crews[crew]
        now = sim.env.now
        delay = sim.clock.callout(team.spec.callout, now, sim.stream("callout.extra", team.ref))
        label = team.spec.name or team.ref
        org = crew.split("/")[0]
        called = sim.log(
            "crew.extra_called", -1, cause, {"crew": label, "extra": size, "until": round(delay)}, org, ref=crew
        )
        sim.call_at(delay, self._extra_arrived, team, size, called, org)

    def _extra_arrived(self, team: _Crew, size: int, cause: int, org: str) -> None:
        resource = team.resource
        # SimPy has no public way to grow a resource: raise its capacity and let waiting requests in.
        resource._capacity += size
        resource._trigger_put(None)
        self.sim.log(
            "crew.extra_arrived", -1, cause, {"crew": team.spec.name or team.ref, "extra": size}, org, ref=team.ref
        )

    def label(self, crew: str | None) -> str:
        """The crew's name as people read it."""
        if not crew:
            return "-"
        team = self.crews.get(crew)
        return (team.spec.name or crew) if team else crew

    def work(
        self,
        crew: str | None,
        key: tuple,
        duration: Callable[[], float] | Distribution,
        kind: str,
        asset: int,
        ref: str,
        cause: int,
        on_done: Callable[[int], None],
        event_prefix: str = "repair",
        params: dict | None = None,
    ) -> simpy.Process:
        """Queue a job for ``crew`` (None: no crew needed), work ``duration`` minutes, then call
        ``on_done(done_event_id)``. Logs ``<prefix>.queued/started/done``."""
        return self.sim.env.process(
            self._work(crew, key, duration, kind, asset, ref, cause, on_done, event_prefix, params or {})
        )

    def _work(self, crew, key, duration, kind, asset, ref, cause, on_done, prefix, params):
        sim = self.sim
        env = sim.env
        params = {**params, "crew": self.label(crew)}
        org = crew.split("/")[0] if crew else None
        job = Job(crew or "", kind, asset, ref, env.now)
        self.jobs.append(job)
        queued = sim.log(f"{prefix}.queued", asset, cause, params, org, ref=ref)
        team = self.crews.get(crew) if crew else None
        if team is None:
            started = sim.log(f"{prefix}.started", asset, queued, params, org, ref=ref)
            job.started_min = env.now
            yield env.timeout(_draw(duration, sim, prefix, kind, asset))
        else:
            if team.on_duty_at is None:
                self._call_out(team, asset, queued, org)
            with team.resource.request(priority=key) as request:
                yield request
                job.started_min = env.now
                waited = round(env.now - job.queued_min)
                started = sim.log(f"{prefix}.started", asset, queued, {**params, "waited": waited}, org, ref=ref)
                yield env.timeout(_draw(duration, sim, prefix, kind, asset))
        job.done_min = env.now
        done = sim.log(f"{prefix}.done", asset, started, params, org, ref=ref)
        on_done(done)


_CALL_OUT_PRIORITY = (-(10**18), 0, 0)


def _draw(duration, sim, prefix: str, kind: str, asset: int) -> float:
    """Minutes of work: a draw from the stream of this kind of work on this asset, or ``duration()``."""
    return (
        duration.sample(sim.stream(prefix, kind, sim.asset_name(asset)))
        if isinstance(duration, Distribution)
        else float(duration())
    )
