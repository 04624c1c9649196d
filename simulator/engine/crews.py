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

import simpy

from ..model.distributions import Distribution
from .kernel import Kernel, Part

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
    def __init__(self, kernel: Kernel, ref: str, spec):
        self.ref = ref
        self.spec = spec
        self.resource = kernel.priority_resource(spec.size)
        self.on_duty_at: float | None = None  # when the call-out completes


class Crews(Part):
    """The crews of the scenario's organisations, by reference ``organisation/crew``. Times are minutes."""

    PEERS = ("needs",)  # the population an asset serves: its dependants

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        self.crews = {ref: _Crew(kernel, ref, spec) for ref, spec in kernel.scenario.crews().items()}
        self.jobs: list[Job] = []
        self._served: dict[int, int] = {}

    def job_key(self, rule_priority: int, asset: int) -> tuple[int, int, int]:
        """Queue key of a job on ``asset`` (-1: none) for a rule of ``rule_priority`` (repairs: 0)."""
        if asset < 0:
            return job_priority(rule_priority, 0, 0)
        spec = self.kernel.graph.assets[asset]
        return job_priority(
            rule_priority, self.kernel.scenario.spec.priorities.get(spec.id, 0), self.population_served(asset)
        )

    def population_served(self, asset: int) -> int:
        """The asset's population plus that of all assets depending on it (computed when needed)."""
        if asset not in self._served:
            assets = self.kernel.graph.assets
            self._served[asset] = sum(assets[i].population for i in self.peers.needs.dependants(asset))
        return self._served[asset]

    def _call_out(self, team: _Crew, asset: int, cause: int, org: str | None) -> None:
        """Call the crew out: hold all its slots until it is at work."""
        kernel = self.kernel
        now = kernel.now
        team.on_duty_at = now + kernel.clock.callout(team.spec.callout, now, kernel.stream("callout", team.ref))
        label = team.spec.name or team.ref
        kernel.log(
            "crew.called_out", asset, cause, {"crew": label, "until": round(team.on_duty_at - now)}, org, ref=team.ref
        )
        # SimPy compares priorities with <, so a tuple works; its annotation says int
        holds = [team.resource.request(priority=_CALL_OUT_PRIORITY) for _ in range(team.spec.size)]  # type: ignore[arg-type]
        kernel.call_at(team.on_duty_at - now, lambda: [team.resource.release(hold) for hold in holds])

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
        kernel = self.kernel
        team = self.crews[crew]
        now = kernel.now
        delay = kernel.clock.callout(team.spec.callout, now, kernel.stream("callout.extra", team.ref))
        label = team.spec.name or team.ref
        org = crew.split("/")[0]
        called = kernel.log(
            "crew.extra_called", -1, cause, {"crew": label, "extra": size, "until": round(delay)}, org, ref=crew
        )
        kernel.call_at(delay, self._extra_arrived, team, size, called, org)

    def _extra_arrived(self, team: _Crew, size: int, cause: int, org: str) -> None:
        resource = team.resource
        # SimPy has no public way to grow a resource: raise its capacity and let waiting requests in.
        resource._capacity += size
        resource._trigger_put(None)
        self.kernel.log(
            "crew.extra_arrived", -1, cause, {"crew": team.spec.name or team.ref, "extra": size}, org, ref=team.ref
        )

    def label(self, crew: str | None) -> str:
        """The crew's name as people read it."""
        if not crew:
            return "-"
        team = self.crews.get(crew)
        return (team.spec.name or crew) if team else crew

    def work(  # noqa: PLR0913 -- debt: a job description object would carry these
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
        return self.kernel.process(
            self._work(crew, key, duration, kind, asset, ref, cause, on_done, event_prefix, params or {})
        )

    def _work(self, crew, key, duration, kind, asset, ref, cause, on_done, prefix, params):  # noqa: PLR0913
        kernel = self.kernel
        params = {**params, "crew": self.label(crew)}
        org = crew.split("/")[0] if crew else None
        job = Job(crew or "", kind, asset, ref, kernel.now)
        self.jobs.append(job)
        queued = kernel.log(f"{prefix}.queued", asset, cause, params, org, ref=ref)
        team = self.crews.get(crew) if crew else None
        if team is None:
            started = kernel.log(f"{prefix}.started", asset, queued, params, org, ref=ref)
            job.started_min = kernel.now
            yield kernel.timeout(_draw(duration, kernel, prefix, kind, asset))
        else:
            if team.on_duty_at is None:
                self._call_out(team, asset, queued, org)
            with team.resource.request(priority=key) as request:
                yield request
                job.started_min = kernel.now
                waited = round(kernel.now - job.queued_min)
                started = kernel.log(f"{prefix}.started", asset, queued, {**params, "waited": waited}, org, ref=ref)
                yield kernel.timeout(_draw(duration, kernel, prefix, kind, asset))
        job.done_min = kernel.now
        done = kernel.log(f"{prefix}.done", asset, started, params, org, ref=ref)
        on_done(done)


_CALL_OUT_PRIORITY = (-(10**18), 0, 0)


def _draw(duration, kernel: Kernel, prefix: str, kind: str, asset: int) -> float:
    """Minutes of work: a draw from the stream of this kind of work on this asset, or ``duration()``."""
    return (
        kernel.stream.draw(duration, prefix, kind, kernel.asset_name(asset))
        if isinstance(duration, Distribution)
        else float(duration())
    )
