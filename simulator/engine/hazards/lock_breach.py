"""``lock_breach``: a manipulated lock opens its gates; water flows between the upstream water body
and the basin behind the lock (orifice flow, either direction) until the gates are closed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .hydraulics import tide

if TYPE_CHECKING:
    from ..simulation import Simulation

__all__ = ["LockBreach"]


class LockBreach:
    name = "lock_breach"

    def __init__(self, sim: Simulation, spec, target: int, cause: int):
        self.sim = sim
        self.spec = spec
        self.lock = sim.scenario.graph.index[spec.lock] if spec.lock else target
        self.site = self.lock  # where the hazard is seen: alarms and the crest go to its owner
        self.cause = cause
        self.basin = sim.flooding.basin(spec.basin, cause)
        self.open = False

    def start(self) -> None:
        spec, basin = self.spec, self.basin
        up = spec.upstream
        period_s, high_water_s = up.period * 60, up.high_water * 60
        level = tide(up.level_m, up.amplitude_m, period_s, high_water_s, 0.0)
        basin.upstream = lambda t_min: level(t_min * 60)
        basin.constant_upstream = up.amplitude_m == 0
        basin.cd = spec.cd
        basin.open_area_m2 = spec.gate_area_m2 * (2 if spec.gates == "both" else 1)
        self.open = True
        event = self.sim.log(
            "hazard.gates_opened", self.lock, self.cause, {"gates": spec.gates, "basin": spec.basin}, ref=spec.basin
        )
        basin.replan(event)

    def asset_changed(self, asset: int) -> None:
        return None  # the basin follows its drains itself

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        if action != "close_gates" or asset != self.lock or not self.open:
            return False
        self.open = False
        self.basin.open_area_m2 = 0.0
        event = self.sim.log("hazard.gates_closed", self.lock, cause, {"basin": self.spec.basin}, ref=self.spec.basin)
        crew_org = self.sim.log_book.events[cause - 1].org if cause else ""
        self.sim.awareness.learn_event(event, crew_org or self.sim.owners[self.lock])  # the crew that closed them knows
        self.basin.replan(event)
        return True

    def finish(self) -> None:
        return None
