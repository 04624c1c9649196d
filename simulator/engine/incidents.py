"""What each type of inject does to its target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.incidents import CompromiseInject, DdosInject, OutageInject, RansomwareInject

if TYPE_CHECKING:
    from .simulation import Simulation

__all__ = ["IncidentHandlers", "SPREAD_LINKS"]

# Ransomware moves along network connections: the links of these need types, in both directions.
SPREAD_LINKS = ("data", "control")


class IncidentHandlers:
    """Applies injects; one method per incident type."""

    def __init__(self, sim: Simulation):
        self.sim = sim
        graph = sim.scenario.graph
        neighbours: list[set[int]] = [set() for _ in graph.assets]
        for c, asset in enumerate(graph.assets):
            for need in asset.needs:
                if need.type in SPREAD_LINKS:
                    for s in need.suppliers:
                        j = graph.index[s]
                        neighbours[c].add(j)
                        neighbours[j].add(c)
        self.network_neighbours = [sorted(n) for n in neighbours]

    def apply(self, position: int, inject, cause: int) -> None:
        target = self.sim.scenario.graph.index[inject.target]
        if isinstance(inject, OutageInject):
            self.outage(position, inject, target, cause)
        elif isinstance(inject, CompromiseInject):
            self.compromise(position, inject, target, cause)
        elif isinstance(inject, RansomwareInject):
            self.ransomware(position, inject, target, cause)
        elif isinstance(inject, DdosInject):
            self.ddos(position, inject, target, cause)
        else:  # pragma: no cover - the schema admits no other type
            raise TypeError(f"no handler for {type(inject).__name__}")

    # --- physical failure ---------------------------------------------------------------------
    def outage(self, position: int, inject: OutageInject, target: int, cause: int) -> None:
        sim = self.sim
        event = sim.log_asset("outage.start", target, cause)
        if inject.duration is not None:
            key = ("outage", position)
            sim.states.set_effect(target, key, 0.0, event)
            sim.call_at(inject.duration.sample(sim.rng), self._outage_end, target, key, event)
        else:
            self.damage(target, event)

    def _outage_end(self, target: int, key: object, cause: int) -> None:
        event = self.sim.log_asset("outage.end", target, cause)
        self.sim.states.clear_effect(target, key, event)

    def damage(self, target: int, cause: int) -> None:
        """Damage needing repair by the asset's recovery crew; without recovery it stays down."""
        sim = self.sim
        key = ("damage", cause)
        sim.states.set_effect(target, key, 0.0, cause)
        recovery = sim.scenario.graph.assets[target].recovery
        if recovery is None:
            sim.log_asset("repair.unavailable", target, cause)
        else:
            sim.crews.repair(target, key, recovery.duration, recovery.crew, cause)

    # --- cyber ----------------------------------------------------------------------------------
    def compromise(self, position: int, inject: CompromiseInject, target: int, cause: int) -> None:
        sim = self.sim
        if inject.effect == "disrupt":
            event = sim.log_asset("cyber.compromised", target, cause, {"effect": "disrupt"})
            self.damage(target, event)
        elif inject.effect == "manipulate":
            sim.log_asset("cyber.manipulated", target, cause)
        else:
            sim.log_asset("cyber.exfiltrated", target, cause)

    def ransomware(self, position: int, inject: RansomwareInject, target: int, cause: int) -> None:
        sim = self.sim
        attack = _RansomwareAttack(self, position, inject)
        if inject.spread is not None and inject.contain_after is not None:
            delay = inject.contain_after.sample(sim.rng)
            attack.contained_at = sim.env.now + delay
            sim.call_at(delay, attack.log_contained, cause)
        attack.encrypt(target, cause)

    def ddos(self, position: int, inject: DdosInject, target: int, cause: int) -> None:
        sim = self.sim
        event = sim.log_asset("cyber.ddos.start", target, cause, {"level": inject.level})
        key = ("ddos", position)
        sim.states.set_effect(target, key, inject.level, event)
        sim.call_at(inject.duration.sample(sim.rng), self._ddos_end, target, key, event)

    def _ddos_end(self, target: int, key: object, cause: int) -> None:
        event = self.sim.log_asset("cyber.ddos.end", target, cause)
        self.sim.states.clear_effect(target, key, event)


class _RansomwareAttack:
    """One ransomware inject: the assets it encrypted and its lateral spread until contained."""

    def __init__(self, handlers: IncidentHandlers, position: int, inject: RansomwareInject):
        self.handlers = handlers
        self.sim = handlers.sim
        self.position = position
        self.inject = inject
        self.infected: set[int] = set()
        self.contained_at = float("inf")

    def log_contained(self, cause: int) -> None:
        self.sim.log(
            "cyber.contained", cause=cause, params={"inject": self.sim.scenario.inject_id(self.position)}
        )

    def encrypt(self, asset: int, cause: int) -> None:
        sim = self.sim
        self.infected.add(asset)
        spec = sim.scenario.graph.assets[asset]
        event = sim.log_asset("cyber.encrypted", asset, cause, {"backups": spec.backups})
        key = ("damage", event)
        sim.states.set_effect(asset, key, 0.0, event)
        crew = self.inject.crew or (spec.recovery.crew if spec.recovery else None)
        sim.crews.repair(asset, key, getattr(self.inject.restore, spec.backups), crew, event)
        spread = self.inject.spread
        if spread is None:
            return
        assets = sim.scenario.graph.assets
        for neighbour in self.handlers.network_neighbours[asset]:
            if neighbour in self.infected or assets[neighbour].exposure == "none":
                continue
            if sim.rng.random() < spread.probability:
                sim.call_at(spread.delay.sample(sim.rng), self._hop, neighbour, event)

    def _hop(self, asset: int, cause: int) -> None:
        if asset in self.infected or self.sim.env.now >= self.contained_at:
            return
        self.encrypt(asset, cause)
