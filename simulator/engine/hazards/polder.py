"""``polder``: rain on a polder's catchment fills its water (the basin) faster than its pumping
stations remove it when they stop or are too small; the level is exact and piecewise linear."""

from __future__ import annotations

from ..kernel import Kernel, Peers

__all__ = ["Polder", "mm_per_hour_to_m3s"]


def mm_per_hour_to_m3s(mm_per_h: float, catchment_m2: float) -> float:
    """Rain of ``mm_per_h`` on ``catchment_m2`` as a flow in m³/s."""
    return mm_per_h / 1000 / 3600 * catchment_m2


class Polder:
    name = "polder"
    PEERS = ("flooding",)  # its basin

    def __init__(self, kernel: Kernel, peers: Peers, spec, target: int, cause: int):
        self.kernel = kernel
        self.peers = peers
        self.spec = spec
        self.site = target  # where the hazard is seen: alarms go to its owner
        self.cause = cause
        self.basin = self.peers.flooding.basin(spec.basin, cause)

    def start(self) -> None:
        for spell in sorted(self.spec.rain, key=lambda s: s.start):
            self.kernel.call_at(spell.start, self._rain, spell.mm_per_h)

    def _rain(self, mm_per_h: float) -> None:
        self.basin.set_inflow(mm_per_hour_to_m3s(mm_per_h, self.spec.catchment_m2))
        event = self.kernel.log(
            "hazard.rain",
            self.site,
            self.cause,
            {"mm_per_h": mm_per_h, "basin": self.basin.basin.name or self.basin.basin.id},
            ref=self.spec.basin,
        )
        self.basin.replan(event)

    def asset_changed(self, asset: int) -> None:
        return None

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        return False

    def finish(self) -> None:
        return None
