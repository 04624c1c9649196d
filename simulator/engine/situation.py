"""The situation as the crisis organisation knows it: counters that escalation conditions read.

Updated incrementally from newly known events, so that reading it costs nothing per event.
Paid only where it is read: the names the scenario's conditions (ladder levels, rules' ``if``)
read are its ``reads``; without any, the simulation does not feed it at all (``in_use``), and the
people affected (the costliest counter: every asset's residents, their towns and zones) are
counted only when a condition reads ``population_affected``.
"""

from __future__ import annotations

from collections import Counter

from ..model.graphmemo import derived
from ..model.incidents import INCIDENT_CLASSES
from ..model.people import PeopleCounter
from ..model.scenario import Response
from .kernel import Kernel, Part

__all__ = ["Situation", "condition_names"]


def condition_names(response: Response) -> tuple[bool, frozenset[str]]:
    """Whether anything reads the known situation (a ladder level, a rule's ``if``), and the names
    those conditions read. A live decision becomes a rule without ``if`` and reads nothing."""
    ladder = response.ladder
    conditions = [level.when for level in ladder.levels] if ladder is not None else []
    conditions += [rule.if_ for rule in response.rules if rule.if_ is not None]
    return bool(conditions), frozenset(name for condition in conditions for name in condition.names)


class Situation(Part):
    """What the control room knows: failed and degraded assets, sectors, people affected, known
    incidents, deadlines at risk. Changed only through its methods (by the Simulation's wiring,
    the playbook and the deadlines)."""

    PEERS = ()

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        assets = kernel.graph.assets
        self.in_use, self.reads = condition_names(kernel.scenario.response)
        n = len(assets) if self.in_use else 0  # fed only when read (Simulation's wiring)
        graph = kernel.graph  # read only, built once per graph
        self.sector = derived(graph, "sectors", lambda: tuple(a.sector for a in assets)) if n else ()
        self.municipality = derived(graph, "municipalities", lambda: tuple(a.municipality for a in assets)) if n else ()
        self.known_service = [1.0] * n
        self.known_incidents: set[int] = set()  # inject positions
        self.known_cyber: set[int] = set()
        self.failed = 0
        self.degraded = 0
        self.sectors: Counter = Counter()
        self.municipalities: Counter = Counter()
        # people affected, weighted by the service they lose, each person once (model/people.py)
        self.people = PeopleCounter.for_graph(kernel.graph) if "population_affected" in self.reads else None
        self.deadlines_at_risk = 0
        self.deadlines_missed = 0

    def incident_known(self, position: int, inject_type: str) -> None:
        self.known_incidents.add(position)
        if INCIDENT_CLASSES.get(inject_type) == "cybercrime":
            self.known_cyber.add(position)

    def status_known(self, asset: int, service: float) -> None:
        old = self.known_service[asset]
        self.known_service[asset] = service
        was_affected, affected = old < 1, service < 1
        self.failed += (service <= 0) - (old <= 0)
        self.degraded += (0 < service < 1) - (0 < old < 1)
        # people count by the service they lose: a neighbourhood at 90 % is a tenth affected
        if self.people is not None:
            self.people.set_loss(asset, 1 - service)
        if affected != was_affected:
            step = 1 if affected else -1
            self.sectors[self.sector[asset]] += step
            if self.municipality[asset]:
                self.municipalities[self.municipality[asset]] += step

    def zone_flooded(self, zone: str) -> None:
        """People of a flooded zone count as affected (once: those of its failed neighbourhoods already do)."""
        if self.people is not None:
            self.people.flood(zone)

    def evacuated(self, asset: int) -> None:
        """The asset's people are evacuated: they no longer count as affected."""
        if self.people is not None:
            self.people.evacuate(asset)

    def deadline_at_risk(self, step: int) -> None:
        """One more deadline at risk (``step`` 1), or one fewer (-1: met, or missed)."""
        self.deadlines_at_risk += step

    def deadline_missed(self) -> None:
        self.deadlines_missed += 1

    def values(self) -> dict[str, float]:
        """The names escalation conditions may use (``SITUATION_NAMES``); the people affected
        only when a condition reads them (not counted otherwise: a reader not declared in
        ``reads`` fails on the missing name rather than read a wrong 0)."""
        values: dict[str, float] = {
            "known_incidents": len(self.known_incidents),
            "known_cyber_incidents": len(self.known_cyber),
            "known_failed": self.failed,
            "known_degraded": self.degraded,
            "sectors_hit": sum(1 for c in self.sectors.values() if c > 0),
            "municipalities": sum(1 for c in self.municipalities.values() if c > 0),
            "deadline_at_risk": 1 if self.deadlines_at_risk else 0,
            "deadlines_missed": self.deadlines_missed,
        }
        if self.people is not None:
            values["population_affected"] = round(self.people.total, 6)
        return values
