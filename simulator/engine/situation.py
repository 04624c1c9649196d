"""The situation as the crisis organisation knows it: counters that escalation conditions read.

Updated incrementally from newly known events, so that reading it costs nothing per event.
"""

from __future__ import annotations

from collections import Counter

from ..model.graphmemo import derived
from ..model.incidents import INCIDENT_CLASSES
from ..model.people import PeopleCounter
from .kernel import Kernel, Part

__all__ = ["Situation"]


class Situation(Part):
    """What the control room knows: failed and degraded assets, sectors, people affected, known
    incidents, deadlines at risk. Changed only through its methods (by the Simulation's wiring,
    the playbook and the deadlines)."""

    PEERS = ()

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        assets = kernel.graph.assets
        graph = kernel.graph  # read only, built once per graph
        self.sector = derived(graph, "sectors", lambda: tuple(a.sector for a in assets))
        self.municipality = derived(graph, "municipalities", lambda: tuple(a.municipality for a in assets))
        self.known_service = [1.0] * len(assets)
        self.known_incidents: set[int] = set()  # inject positions
        self.known_cyber: set[int] = set()
        self.failed = 0
        self.degraded = 0
        self.sectors: Counter = Counter()
        self.municipalities: Counter = Counter()
        # people affected, weighted by the service they lose, each person once (model/people.py)
        self.people = PeopleCounter.for_graph(kernel.graph)
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
        self.people.set_loss(asset, 1 - service)
        if affected != was_affected:
            step = 1 if affected else -1
            self.sectors[self.sector[asset]] += step
            if self.municipality[asset]:
                self.municipalities[self.municipality[asset]] += step

    def zone_flooded(self, zone: str) -> None:
        """People of a flooded zone count as affected (once: those of its failed neighbourhoods already do)."""
        self.people.flood(zone)

    def evacuated(self, asset: int) -> None:
        """The asset's people are evacuated: they no longer count as affected."""
        self.people.evacuate(asset)

    def deadline_at_risk(self, step: int) -> None:
        """One more deadline at risk (``step`` 1), or one fewer (-1: met, or missed)."""
        self.deadlines_at_risk += step

    def deadline_missed(self) -> None:
        self.deadlines_missed += 1

    def values(self) -> dict[str, float]:
        """The names escalation conditions may use (``SITUATION_NAMES``)."""
        return {
            "known_incidents": len(self.known_incidents),
            "known_cyber_incidents": len(self.known_cyber),
            "known_failed": self.failed,
            "known_degraded": self.degraded,
            "sectors_hit": sum(1 for c in self.sectors.values() if c > 0),
            "population_affected": round(self.people.total, 6),
            "municipalities": sum(1 for c in self.municipalities.values() if c > 0),
            "deadline_at_risk": 1 if self.deadlines_at_risk else 0,
            "deadlines_missed": self.deadlines_missed,
        }
