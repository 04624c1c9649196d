"""The hazards of a run: their models (water, crowds), basins and flood zones, and what happens
when a basin's level crosses its alarm, crest and flooding thresholds.

- alarm level: the basin's level alarm reaches the water board (``Awareness.alarm`` on the basin's
  ``alarm_asset``, else on the asset whose hazard drives it); it reveals the cause there too.
- a zone floods when the level passes the basin's crest (if any) and the zone's ground level, and
  is dry again when the level falls below its ground level (once: a zone floods at most once);
- an asset in a zone fails (damaged, needs repair) when the depth passes its flood tolerance.

Before any of that, the sea's storm-surge warnings (``hazards/surge.py``) are scheduled at the start.
"""

from __future__ import annotations

from collections.abc import Callable

from .hazards import model_class
from .hazards.basin import BasinLevel, Threshold
from .hazards.surge import SurgeWarnings
from .kernel import Kernel, Part, Peers

__all__ = ["Flooding"]


class Flooding(Part):
    """The run's basins (by id), hazard models, flooded zones (id -> first minute flooded) and
    dried zones (id -> minute the water fell below the zone's ground again)."""

    PEERS = ("awareness", "incidents")

    def __init__(self, kernel: Kernel, peers_for: Callable[[type], Peers]):
        """``peers_for(model_class)``: the peers a hazard model's class declares in its ``PEERS``,
        connected (the Simulation's)."""
        super().__init__(kernel)
        self._peers_for = peers_for
        self.basins: dict[str, BasinLevel] = {}
        self.models: list = []
        self.flooded_zones: dict[str, float] = {}
        self.dried_zones: dict[str, float] = {}
        self._drains: dict[int, list[BasinLevel]] = {}

    def basin(self, basin_id: str, cause: int) -> BasinLevel:
        if basin_id not in self.basins:
            spec = next(b for b in self.kernel.graph.basins if b.id == basin_id)
            level = self.basins[basin_id] = BasinLevel(self.kernel, spec, cause, self.crossed, self.dried)
            for asset, _ in level.drains:
                self._drains.setdefault(asset, []).append(level)
        return self.basins[basin_id]

    def forecast(self, injects) -> None:
        """Schedule the storm-surge warnings of the injects' upstream water bodies (at the start)."""
        SurgeWarnings(self.kernel, self.peers.awareness).schedule(injects)

    def start_hazard(self, spec, target: int, cause: int, model_name: str | None = None) -> None:
        cls = model_class(model_name or spec.model)
        model = cls(self.kernel, self._peers_for(cls), spec, target, cause)
        self.models.append(model)
        model.start()

    def asset_changed(self, asset: int, cause: int) -> None:
        for level in self._drains.get(asset, ()):
            level.replan(cause)
        for model in self.models:
            model.asset_changed(asset)

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        # a list, not a generator: every model acts, any() must not stop at the first that did
        return any([model.act(action, asset, cause, rule) for model in self.models])  # noqa: C419

    def finish(self) -> None:
        for level in self.basins.values():
            level.finish()
        for model in self.models:
            model.finish()

    def crossed(self, level: BasinLevel, threshold: Threshold) -> None:
        kernel = self.kernel
        basin = level.basin
        params = {"basin": basin.name or basin.id, "level_m": round(threshold.level_m, 3)}
        if threshold.kind == "alarm":
            receiver = basin.alarm_asset
            asset = kernel.graph.index[receiver] if receiver else self._driving_asset(basin.id)
            # logged on the alarm's asset: known when the alarm is (at once)
            event = kernel.log("hazard.alarm_level", asset, level.cause, params, ref=basin.id)
            if asset >= 0:
                self.peers.awareness.alarm(asset, event, basin_id=basin.id)
        elif threshold.kind == "crest":
            # seen (and known) with the asset whose hazard drives the basin
            kernel.log("hazard.crest_exceeded", self._driving_asset(basin.id), level.cause, params, ref=basin.id)
        elif threshold.kind == "zone":
            zone = next(z for z in kernel.graph.zones if z.id == threshold.ref)
            self.flooded_zones.setdefault(zone.id, kernel.now)
            # known with the first asset of the zone (its failure is reported, or it is watched)
            first = kernel.graph.index[zone.assets[0]] if zone.assets else -1
            event = kernel.log(
                "zone.flooded",
                first,
                level.cause,
                {**params, "zone": zone.name or zone.id, "population": zone.population},
                ref=zone.id,
            )
            if first >= 0:
                self.peers.awareness.report_directly(first, event, "flood")  # residents call about water in the street
        else:
            asset = kernel.graph.index[threshold.ref]
            event = kernel.log("flood.damage", asset, level.cause, params, ref=basin.id)
            self.peers.incidents.damage(asset, event, ("physical", event))

    def dried(self, zone: str) -> None:
        self.dried_zones.setdefault(zone, self.kernel.now)

    def _driving_asset(self, basin_id: str) -> int:
        for model in self.models:
            if getattr(model.spec, "basin", None) == basin_id:
                return model.site
        return -1
