"""What each type of inject does to its target."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from ..model import plugins
from ..model.graphmemo import derived
from ..model.incidents import (
    CompromiseInject,
    DdosInject,
    FraudInject,
    HazardInject,
    MobilizationInject,
    OutageInject,
    RansomwareInject,
    ThreatInject,
)
from .eventkinds import declare
from .kernel import Kernel, Part

__all__ = ["IncidentHandlers", "SPREAD_LINKS"]

# Ransomware moves along network connections: the links of these need types, in both directions.
SPREAD_LINKS = ("data", "control")


def _network_neighbours(graph) -> tuple[tuple[int, ...], ...]:
    """Per asset the assets it shares a spreading link with (either way), sorted; once per graph."""
    neighbours: list[set[int]] = [set() for _ in graph.assets]
    for c, asset in enumerate(graph.assets):
        for need in asset.needs:
            if need.type in SPREAD_LINKS:
                for s in need.suppliers:
                    j = graph.index[s]
                    neighbours[c].add(j)
                    neighbours[j].add(c)
    return tuple(tuple(sorted(n)) for n in neighbours)


class IncidentHandlers(Part):
    """Applies injects: each incident type's handler (``simulator.model.plugins.IncidentPlugin``),
    called as ``handler(self, position, inject, target, cause)``; the built-ins are methods here. A
    plugin's handler works as part of this part: it uses ``incidents.kernel`` (``now``, ``log``,
    ``call_at``, ``stream``, ``states``, minutes), the methods here (``incident_event``, ``damage``)
    and the declared peers in ``incidents.peers``. Times are minutes.

    Damage (an outage without duration, ``disrupt``) is repaired by the asset's recovery crew once
    its owner knows of it (``awaiting_repair``); encryption waits for a playbook ``restore``.
    """

    PEERS = ("awareness", "crews", "flooding", "playbook")

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        self.awaiting_repair: dict[int, tuple[int, tuple]] = {}  # damage event -> (asset, effect key)
        self.encrypted: dict[int, tuple] = {}  # asset -> (inject, effect key, event) while encrypted
        self.compromised: dict[int, bool] = {}
        self.threats: dict[int, object] = {}  # asset -> threat duration distribution
        self.frauds: dict[int, list[tuple]] = {}  # asset -> [(effect key, event)] while active
        self.attacks: list[_RansomwareAttack] = []
        # the handler of each incident type, resolved on first use (an ad-hoc inject of a live
        # exercise may bring a type the scenario's own injects do not have)
        self.by_type: dict[str, Callable[..., None]] = {}

    @cached_property
    def network_neighbours(self) -> tuple[tuple[int, ...], ...]:
        """Each asset's neighbours over the links ransomware spreads along, in index order; built
        when a spread first asks (a run without spreading ransomware never pays for it), once per
        graph (the tasks of a sweep or an ensemble on one worker share it)."""
        graph = self.kernel.graph
        return derived(graph, "network_neighbours", lambda: _network_neighbours(graph))

    # --- what the playbook and the decisions ask -------------------------------------------------
    def encryption(self, asset: int) -> tuple | None:
        """(inject, effect key, event id) while ``asset`` is encrypted, else None."""
        return self.encrypted.get(asset)

    def is_compromised(self, asset: int) -> bool:
        """Whether an attacker has compromised ``asset`` (disrupt or manipulate)."""
        return self.compromised.get(asset, False)

    def threat_duration(self, asset: int):
        """The duration distribution of the threat against ``asset`` (minutes), or None."""
        return self.threats.get(asset)

    def apply(self, position: int, inject, cause: int) -> None:
        target = self.kernel.graph.index[inject.target]
        handler = self.by_type.get(inject.type)
        if handler is None:
            handler = self.by_type[inject.type] = plugins.resolve(plugins.incident_types()[inject.type].handler)
        handler(self, position, inject, target, cause)

    def incident_event(self, kind: str, position: int, target: int, cause: int, params: dict | None = None) -> int:
        """Log the event of an incident hitting ``target`` (an incident fact: params and ref name the inject)."""
        inject_id = self.kernel.scenario.inject_id(position)
        return self.kernel.log(kind, target, cause, {"inject": inject_id, **(params or {})}, ref=inject_id)

    # --- physical failure ---------------------------------------------------------------------
    def outage(self, position: int, inject: OutageInject, target: int, cause: int) -> None:
        kernel = self.kernel
        event = self.incident_event("outage.start", position, target, cause)
        self.peers.awareness.incident(target, inject, cyber=False)
        if inject.duration is not None:
            key = ("outage", position)
            kernel.states.set_effect(target, key, 0.0, event)
            kernel.call_at(
                kernel.stream.draw(
                    inject.duration, "inject.duration", kernel.scenario.inject_id(position), kernel.asset_name(target)
                ),
                self._outage_end,
                target,
                key,
                event,
            )
        else:
            self.damage(target, event, ("physical", event))

    def _outage_end(self, target: int, key: object, cause: int) -> None:
        event = self.kernel.log("outage.end", target, cause)
        self.kernel.states.clear_effect(target, key, event)

    def damage(self, target: int, cause: int, key: tuple) -> None:
        """Damage needing repair by the asset's recovery crew, once known; without recovery it stays down."""
        kernel = self.kernel
        kernel.states.set_effect(target, key, 0.0, cause)
        if kernel.graph.assets[target].recovery is None:
            kernel.log("repair.unavailable", target, cause)
        else:
            self.awaiting_repair[cause] = (target, key)

    def damage_known(self, damage_event: int) -> None:
        """The owner knows of a damage: its crew is called to repair it (after the forensic
        images, for cyber damage, when the playbook secures evidence)."""
        target, key = self.awaiting_repair.pop(damage_event)
        self.kernel.process(self._repair(target, key, damage_event))

    def _repair(self, target: int, key: tuple, damage_event: int):
        kernel = self.kernel
        recovery = kernel.graph.assets[target].recovery
        assert recovery is not None, "only an asset with a recovery section is repaired"
        if key[0] == "damage":
            yield from self.peers.playbook.wait_for_evidence(target, damage_event, recovery.crew or "")
        self.peers.crews.work(
            recovery.crew,
            self.peers.crews.job_key(0, target),
            recovery.duration,
            "repair",
            target,
            recovery.crew or "",
            damage_event,
            lambda done: kernel.states.clear_effect(target, key, done),
        )

    # --- cyber ----------------------------------------------------------------------------------
    def compromise(self, position: int, inject: CompromiseInject, target: int, cause: int) -> None:
        if inject.effect == "disrupt":
            event = self.incident_event("cyber.compromised", position, target, cause, {"effect": "disrupt"})
            self.compromised[target] = True
            self.damage(target, event, ("damage", event))
        elif inject.effect == "manipulate":
            event = self.incident_event("cyber.manipulated", position, target, cause)
            self.compromised[target] = True
            if inject.hazard is not None:
                self.peers.flooding.start_hazard(inject.hazard, target, event)
        else:
            self.incident_event("cyber.exfiltrated", position, target, cause)
        self.peers.awareness.incident(target, inject, cyber=True)

    def ransomware(self, position: int, inject: RansomwareInject, target: int, cause: int) -> None:
        kernel = self.kernel
        attack = _RansomwareAttack(self, position, inject)
        self.attacks.append(attack)
        if inject.spread is not None and inject.contain_after is not None:
            kernel.call_at(
                kernel.stream.draw(inject.contain_after, "contain", kernel.scenario.inject_id(position)),
                attack.contain,
                cause,
            )
        attack.encrypt(target, cause)

    def ddos(self, position: int, inject: DdosInject, target: int, cause: int) -> None:
        kernel = self.kernel
        event = self.incident_event("cyber.ddos.start", position, target, cause, {"level": inject.level})
        key = ("ddos", position)
        kernel.states.set_effect(target, key, inject.level, event)
        kernel.call_at(
            kernel.stream.draw(
                inject.duration, "inject.duration", kernel.scenario.inject_id(position), kernel.asset_name(target)
            ),
            self._effect_end,
            "cyber.ddos.end",
            target,
            key,
            event,
        )
        self.peers.awareness.incident(target, inject, cyber=True)

    def _effect_end(self, kind: str, target: int, key: object, cause: int) -> None:
        if key not in self.kernel.states.effects(target):
            return  # already ended (a fraud wave answered)
        event = self.kernel.log(kind, target, cause)
        self.kernel.states.clear_effect(target, key, event)

    def isolation_done(self, asset: int, event: int) -> None:
        for attack in self.attacks:
            attack.check_contained(event)

    def restored(self, asset: int, event: int) -> None:
        encryption = self.encrypted.pop(asset, None)
        if encryption is None:
            return
        _, key, _ = encryption
        self.kernel.states.clear_effect(asset, key, event)
        for attack in self.attacks:
            attack.check_contained(event)

    # --- digitised crime ------------------------------------------------------------------------
    def fraud(self, position: int, inject: FraudInject, target: int, cause: int) -> None:
        kernel = self.kernel
        event = self.incident_event("online.fraud.start", position, target, cause, {"level": inject.level})
        key = ("fraud", position)
        self.frauds.setdefault(target, []).append((key, event))
        kernel.states.set_effect(target, key, inject.level, event)
        if inject.duration is not None:
            kernel.call_at(
                kernel.stream.draw(
                    inject.duration, "inject.duration", kernel.scenario.inject_id(position), kernel.asset_name(target)
                ),
                self._effect_end,
                "online.fraud.end",
                target,
                key,
                event,
            )
        if inject.load is not None:
            self.peers.crews.work(
                inject.load.crew,
                self.peers.crews.job_key(0, -1),
                inject.load.duration,
                "fraud_reports",
                target,
                kernel.scenario.inject_id(position),
                event,
                lambda done: None,
                event_prefix="load",
            )

    def hazard(self, position: int, inject: HazardInject, target: int, cause: int) -> None:
        event = self.incident_event("hazard.start", position, target, cause, {"model": inject.hazard.model})
        self.peers.flooding.start_hazard(inject.hazard, target, event)

    def mobilization(self, position: int, inject: MobilizationInject, target: int, cause: int) -> None:
        event = self.incident_event("online.mobilization.start", position, target, cause, {"reach": inject.reach})
        self.peers.awareness.incident(target, inject, cyber=False)
        self.peers.flooding.start_hazard(inject, target, event, model_name="crowd")

    def fraud_answered(self, asset: int, cause: int) -> None:
        for key, _ in self.frauds.pop(asset, []):
            self._effect_end("online.fraud.end", asset, key, cause)

    def threat(self, position: int, inject: ThreatInject, target: int, cause: int) -> None:
        event = self.incident_event("online.threat.start", position, target, cause, {"official": inject.official})
        self.threats[target] = inject.duration
        self.peers.awareness.report_directly(target, event)


class _RansomwareAttack:
    """One ransomware inject: the assets it encrypted and its lateral spread until contained.

    Contained when ``contain_after`` passes, or when every asset it encrypted is isolated or
    restored (no hop can leave them any more).
    """

    def __init__(self, handlers: IncidentHandlers, position: int, inject: RansomwareInject):
        self.handlers = handlers
        self.kernel = handlers.kernel
        self.peers = handlers.peers  # the handlers' own: the attack is part of them
        self.position = position
        self.inject = inject
        self.infected: set[int] = set()
        self.contained_at: float | None = None

    def contain(self, cause: int) -> None:
        if self.contained_at is None:
            self.contained_at = self.kernel.now
            inject_id = self.kernel.scenario.inject_id(self.position)
            self.kernel.log("cyber.contained", cause=cause, params={"inject": inject_id}, ref=inject_id)

    def check_contained(self, cause: int) -> None:
        playbook = self.peers.playbook
        encrypted = self.handlers.encrypted
        if self.infected and all(playbook.is_isolated(a) or a not in encrypted for a in self.infected):
            self.contain(cause)

    def encrypt(self, asset: int, cause: int) -> None:
        kernel = self.kernel
        self.infected.add(asset)
        spec = kernel.graph.assets[asset]
        event = self.handlers.incident_event("cyber.encrypted", self.position, asset, cause, {"backups": spec.backups})
        key = ("damage", event)
        self.handlers.encrypted[asset] = (self.inject, key, event)
        kernel.states.set_effect(asset, key, 0.0, event)
        self.peers.awareness.incident(asset, self.inject, cyber=True)
        spread = self.inject.spread
        if spread is None:
            return
        assets = kernel.graph.assets
        for neighbour in self.handlers.network_neighbours[asset]:
            if neighbour in self.infected or assets[neighbour].exposure == "none":
                continue
            hop = kernel.stream("spread", kernel.asset_name(asset), kernel.asset_name(neighbour))
            if hop.random() < spread.probability:
                kernel.call_at(spread.delay.sample(hop), self._hop, asset, neighbour, event)

    def _hop(self, source: int, asset: int, cause: int) -> None:
        if asset in self.infected or self.contained_at is not None:
            return
        playbook = self.peers.playbook
        if playbook.is_isolated(source) or playbook.is_isolated(asset):
            return  # the link was cut
        self.encrypt(asset, cause)


def _declare_kinds() -> None:
    """Declare the event kinds the registered plugins bring (their incident facts join INCIDENT_FACTS)."""
    declare(*plugins.kinds())


plugins.on_change(_declare_kinds)
