"""Needs: k-of-n supply with a buffer (tolerance), an effect, a restart delay and refill.

Semantics (DESIGN.md): a need becomes unsatisfied at t when fewer than k suppliers are available.
If it is still unsatisfied at t + remaining buffer, its effect applies to the consumer. If it is
satisfied earlier nothing happens; the buffer refills, or with ``refill: false`` the time used is
kept. When a need is satisfied again, its effect is lifted after ``restart``.

Nothing polls: a change of a supplier's availability updates the counts of the needs it supplies
and schedules at most one timer per need; timers carry the need's version and are ignored once
stale.
"""

from __future__ import annotations

from ..model.graphmemo import derived
from .kernel import Kernel, Part

__all__ = ["NeedState", "NeedNetwork"]


class NeedState:
    """Runtime state of one need of one consumer."""

    __slots__ = (
        "consumer",
        "index",
        "type",
        "k",
        "tolerance",
        "level",
        "restart",
        "refill",
        "suppliers",
        "available",
        "since",
        "used",
        "version",
        "active",
        "unsatisfied_event",
        "due",
        "fuel",
    )

    def __init__(self, consumer: int, index: int, need, suppliers: tuple[int, ...]):
        self.consumer = consumer
        self.index = index
        self.type = need.type
        self.k = need.k
        self.tolerance = need.tolerance
        self.level = need.effect
        self.restart = need.restart
        self.refill = need.refill
        self.suppliers = suppliers
        self.available = len(suppliers)
        self.since = 0.0  # when it last became unsatisfied (minutes)
        self.used = 0.0  # buffer minutes used so far (refill: false only)
        self.version = 0
        self.active = False  # the effect is applied to the consumer
        self.unsatisfied_event = 0
        self.due = -1.0  # when the pending buffer runs out (minutes), -1 when none is pending
        self.fuel = need.fuel
        if need.fuel is not None:
            # the buffer is the fuel: a full tank lasts tank / consumption hours; nothing refills
            # it but refuelling
            fuel = need.fuel
            self.tolerance = fuel.hours_full * 60
            self.refill = False
            level = fuel.tank_l if fuel.level_l is None else min(fuel.level_l, fuel.tank_l)
            self.used = (fuel.tank_l - level) / fuel.consumption_l_per_h * 60

    @property
    def satisfied(self) -> bool:
        return self.available >= self.k


class NeedNetwork(Part):
    """All needs of the graph, indexed by supplier. Times are minutes."""

    PEERS = ()

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        graph = kernel.graph
        index = graph.index
        self.needs: list[NeedState] = []
        self.by_supplier: list[list[NeedState]] = [[] for _ in graph.assets]
        self.by_consumer: dict[int, list[NeedState]] = {}
        suppliers = derived(
            graph,
            "need_suppliers",  # per asset, per need: its suppliers' positions (a graph's alone: once per graph)
            lambda: tuple(tuple(tuple(index[s] for s in need.suppliers) for need in a.needs) for a in graph.assets),
        )
        add, by_supplier = self.needs.append, self.by_supplier  # bound once: one pass over every need
        for c, (asset, asset_suppliers) in enumerate(zip(graph.assets, suppliers)):
            for j, need in enumerate(asset.needs):
                need_suppliers = asset_suppliers[j]
                state = NeedState(c, j, need, need_suppliers)
                add(state)
                if need.fuel is not None:
                    self.by_consumer.setdefault(c, []).append(state)
                for s in need_suppliers:
                    by_supplier[s].append(state)

    def dependants(self, asset: int) -> set[int]:
        """``asset`` and every asset depending on it, directly or through others."""
        by_supplier = self.by_supplier
        seen = {asset}
        stack = [asset]
        while stack:
            for need in by_supplier[stack.pop()]:
                if need.consumer not in seen:
                    seen.add(need.consumer)
                    stack.append(need.consumer)
        return seen

    def supplier_changed(self, supplier: int, available: bool, cause: int, now: float) -> None:
        """A supplier's availability flipped; ``cause`` is its status event."""
        step = 1 if available else -1
        for need in self.by_supplier[supplier]:
            k = need.k
            was = need.available >= k
            need.available = count = need.available + step
            if was:
                if count < k:
                    self._unsatisfied(need, cause, now)
            elif count >= k:
                self._satisfied(need, cause, now)

    def _unsatisfied(self, need: NeedState, cause: int, now: float) -> None:
        kernel = self.kernel
        need.version += 1
        remaining = need.tolerance if need.refill else max(need.tolerance - need.used, 0.0)
        need.unsatisfied_event = kernel.log(
            "need.unsatisfied",
            need.consumer,
            cause,
            {"type": need.type, "available": need.available, "k": need.k, "buffer": 0.0 if need.active else remaining},
        )
        if need.active:
            return  # the effect is still in place; the pending restart (if any) is now stale
        need.since = now
        need.due = now + remaining
        kernel.call_at(remaining, self._exhausted, need, need.version)

    def _satisfied(self, need: NeedState, cause: int, now: float) -> None:
        kernel = self.kernel
        if not need.active and need.due == now:
            # Supply returns at the very instant the buffer runs out: too late. The effect applies
            # first, whichever of the two was scheduled first (and is lifted after the restart).
            self._exhausted(need, need.version)
        need.version += 1
        event = kernel.log("need.satisfied", need.consumer, cause, {"type": need.type})
        if need.active:
            kernel.call_at(need.restart, self._lift, need, need.version, event)
        else:
            need.due = -1.0
            if not need.refill:
                need.used += now - need.since

    def _exhausted(self, need: NeedState, version: int) -> None:
        if version != need.version:
            return
        need.active = True
        need.due = -1.0
        if not need.refill:
            need.used = need.tolerance
        kernel = self.kernel
        event = kernel.log("need.exhausted", need.consumer, need.unsatisfied_event, {"type": need.type})
        kernel.states.set_effect(need.consumer, ("need", need.index, need.type), need.level, event)

    def refuel(self, consumer: int, litres: float | None, cause: int, now: float) -> float:
        """Fuel delivered to ``consumer``'s generators (``None``: fill them). Returns litres taken.

        A generator running on fuel runs longer; one that ran dry starts again (after its restart)."""
        taken = 0.0
        for need in self.by_consumer.get(consumer, ()):
            if need.fuel is None:
                continue
            running = not need.satisfied and not need.active
            if running:
                need.used += now - need.since
                need.since = now
            room_l = need.used / 60 * need.fuel.consumption_l_per_h
            add_l = room_l if litres is None else min(litres, room_l)
            taken += add_l
            need.used -= add_l / need.fuel.consumption_l_per_h * 60
            if need.satisfied:
                continue
            need.version += 1
            if need.active:  # ran dry: starts again after its restart, and burns fuel from then on
                self.kernel.call_at(need.restart, self._restart_on_fuel, need, need.version, cause)
                continue
            remaining = max(need.tolerance - need.used, 0.0)
            need.due = now + remaining
            self.kernel.call_at(remaining, self._exhausted, need, need.version)
        return taken

    def _restart_on_fuel(self, need: NeedState, version: int, cause: int) -> None:
        """A generator that ran dry runs again on delivered fuel (supply still down)."""
        if version != need.version:
            return  # supply came back meanwhile: the ordinary restart took over
        now = self.kernel.now
        need.active = False
        need.since = now
        remaining = max(need.tolerance - need.used, 0.0)
        need.due = now + remaining
        self.kernel.call_at(remaining, self._exhausted, need, need.version)
        event = self.kernel.log("need.restarted", need.consumer, cause, {"type": need.type})
        self.kernel.states.clear_effect(need.consumer, ("need", need.index, need.type), event)

    def _lift(self, need: NeedState, version: int, satisfied_event: int) -> None:
        if version != need.version:
            return
        need.active = False
        kernel = self.kernel
        event = kernel.log("need.restarted", need.consumer, satisfied_event, {"type": need.type})
        kernel.states.clear_effect(need.consumer, ("need", need.index, need.type), event)
