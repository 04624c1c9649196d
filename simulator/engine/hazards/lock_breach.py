"""``lock_breach``: a manipulated lock opens its gates; water flows between the upstream water body
and the basin behind the lock (orifice flow, either direction) until the gates are closed."""

from __future__ import annotations

from ..kernel import Kernel, Peers
from .hydraulics import tide

__all__ = ["LockBreach"]


class LockBreach:
    name = "lock_breach"
    PEERS = ("flooding", "awareness")  # its basin; who learns that the gates were closed

    def __init__(self, kernel: Kernel, peers: Peers, spec, target: int, cause: int):
        self.kernel = kernel
        self.peers = peers
        self.spec = spec
        self.lock = kernel.graph.index[spec.lock] if spec.lock else target
        self.site = self.lock  # where the hazard is seen: alarms and the crest go to its owner
        self.cause = cause
        self.basin = self.peers.flooding.basin(spec.basin, cause)
        self.open = False

    def start(self) -> None:
        spec, basin = self.spec, self.basin
        up = spec.upstream
        period_s, high_water_s = up.period * 60, up.high_water * 60
        level = tide(up.level_m, up.amplitude_m, period_s, high_water_s, 0.0)
        area_m2 = spec.gate_area_m2 * (2 if spec.gates == "both" else 1)
        basin.open_gate(area_m2, spec.cd, lambda t_min: level(t_min * 60), up.amplitude_m == 0)
        self.open = True
        event = self.kernel.log(
            "hazard.gates_opened", self.lock, self.cause, {"gates": spec.gates, "basin": spec.basin}, ref=spec.basin
        )
        basin.replan(event)

    def asset_changed(self, asset: int) -> None:
        return None  # the basin follows its drains itself

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        if action != "close_gates" or asset != self.lock or not self.open:
            return False
        self.open = False
        self.basin.close_gate()
        event = self.kernel.log(
            "hazard.gates_closed", self.lock, cause, {"basin": self.spec.basin}, ref=self.spec.basin
        )
        crew_org = self.kernel.events[cause - 1].org if cause else ""
        self.peers.awareness.learn_event(
            event, crew_org or self.kernel.owners[self.lock]
        )  # the crew that closed them knows
        self.basin.replan(event)
        return True

    def finish(self) -> None:
        return None
