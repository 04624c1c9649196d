"""A basin's level through time, its thresholds (alarm, quay crest, flooding of zones and assets)
and the samples written to ``levels.csv``.

The level is planned in segments: whenever what drives it changes (gates opened or closed, a
pumping station stopping or starting), the level now is taken from the old segment and a new one
is planned to the end of the run. Each upward threshold not yet crossed gets one scheduled check
at its computed crossing time; a replanning makes earlier checks stale (version counter).
A flooded zone is watched until the level falls below its ground level again (one scheduled
check per segment, downward): from that minute it is dry.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ...model.water import DEFAULT_FLOOD_TOLERANCE_M
from ..kernel import Kernel
from .hydraulics import Regime, Segment

__all__ = ["BasinLevel", "Threshold", "SAMPLE_EVERY_MIN"]

SAMPLE_EVERY_MIN = 10.0  # spacing of the level samples in levels.csv (minutes)
DRY_MARGIN_M = 1e-9  # a zone is dry when the level is this far below its ground (not float noise at it)


@dataclass
class Threshold:
    level_m: float
    kind: str  # alarm, crest, zone, asset
    ref: str
    crossed: bool = False


class BasinLevel:
    """The level of one basin (m NAP) with its inflow through a gate and its drains."""

    def __init__(
        self,
        kernel: Kernel,
        basin,
        cause: int,
        on_crossed: Callable[[BasinLevel, Threshold], None],
        on_dry: Callable[[str], None] = lambda zone: None,
    ):
        """``on_crossed(level, threshold)``: told when the level crosses a threshold (the flooding's);
        ``on_dry(zone id)``: when the level falls below a flooded zone's ground level again."""
        self.kernel = kernel
        self._on_crossed = on_crossed
        self._on_dry = on_dry
        self.wet: dict[str, float] = {}  # flooded zones not yet dry -> their ground level, m NAP
        self.basin = basin
        self.cause = cause
        self.open_area_m2 = 0.0
        self.inflow_m3s = 0.0  # rain on the catchment, m³/s
        self.cd = 0.6
        self.upstream: Callable[[float], float] = lambda t_min: basin.level_m
        self.constant_upstream = True
        self.t0 = kernel.now
        self.segment = Segment(basin.level_m, self._regime(), 1.0)
        self.version = 0
        self.samples: list[tuple[float, float]] = [(kernel.now, basin.level_m)]
        self.peak = basin.level_m
        self.drains = [(kernel.graph.index[d.asset], d.capacity_m3s) for d in basin.drains]
        self.thresholds = self._thresholds()

    # --- what drives the level ------------------------------------------------------------------
    def _pumping_m3s(self) -> float:
        service = self.kernel.states.service
        return sum(capacity * service[asset] for asset, capacity in self.drains)

    def _regime(self) -> Regime:
        start = self.kernel.now
        target = self.basin.target_level_m if self.basin.target_level_m is not None else self.basin.level_m
        return Regime(
            self.open_area_m2,
            self.cd,
            self._pumping_m3s() if hasattr(self, "drains") else 0.0,
            self.basin.area_m2,
            lambda t_s: self.upstream(start + t_s / 60),
            self.constant_upstream,
            self.inflow_m3s,
            target,
        )

    def open_gate(self, area_m2: float, cd: float, upstream: Callable[[float], float], constant: bool) -> None:
        """A gate of ``area_m2`` (discharge coefficient ``cd``) opens to a water body at level
        ``upstream(minute)`` (m NAP; ``constant``: it does not change). Takes effect at ``replan``."""
        self.upstream = upstream
        self.constant_upstream = constant
        self.cd = cd
        self.open_area_m2 = area_m2

    def close_gate(self) -> None:
        """No more flow through the gate. Takes effect at ``replan``."""
        self.open_area_m2 = 0.0

    def set_inflow(self, m3s: float) -> None:
        """Other inflow (rain on the catchment), m³/s. Takes effect at ``replan``."""
        self.inflow_m3s = m3s

    def level_now(self) -> float:
        return self.segment.level((self.kernel.now - self.t0) * 60)

    def replan(self, cause: int) -> None:
        """Something that drives the level changed now: plan a new segment to the end of the run."""
        kernel = self.kernel
        now = kernel.now
        elapsed_s = (now - self.t0) * 60
        h_now = self.segment.level(elapsed_s)
        self._sample_until(now)
        self.peak = max(self.peak, self.segment.peak(elapsed_s)[1])
        self.t0 = now
        self.cause = cause
        remaining_s = max((kernel.until_min - now) * 60, 1.0)
        self.segment = Segment(h_now, self._regime(), remaining_s)
        self.version += 1
        for threshold in self.thresholds:
            if threshold.crossed:
                continue
            if h_now >= threshold.level_m:  # already there (a basin starting high, a replan at the instant)
                kernel.call_at(0.0, self._crossed, threshold, self.version)
                continue
            seconds = self.segment.first_crossing(threshold.level_m, upward=True)
            if seconds is not None:
                kernel.call_at(seconds / 60, self._crossed, threshold, self.version)
        for zone in list(self.wet):
            self._watch_dry(zone)
        regime = self.segment.regime
        if self.segment.linear and h_now > regime.target_m and regime.pumping_m3s > 0:
            # the pumps stop at the target level: from there on the level holds (or rises with rain)
            seconds = self.segment.first_crossing(regime.target_m, upward=False)
            if seconds is not None and seconds > 0:
                kernel.call_at(seconds / 60, self._at_target, self.version)

    def finish(self) -> None:
        elapsed_s = (self.kernel.until_min - self.t0) * 60
        self._sample_until(self.kernel.until_min)
        self.peak = max(self.peak, self.segment.peak(elapsed_s)[1])

    def _sample_until(self, end_min: float) -> None:
        last = self.samples[-1][0]
        t = (math.floor(last / SAMPLE_EVERY_MIN) + 1) * SAMPLE_EVERY_MIN
        while t < end_min:
            self.samples.append((t, self.segment.level((t - self.t0) * 60)))
            t += SAMPLE_EVERY_MIN
        if end_min > last:
            self.samples.append((end_min, self.segment.level((end_min - self.t0) * 60)))

    # --- thresholds -----------------------------------------------------------------------------
    def _thresholds(self) -> list[Threshold]:
        basin = self.basin
        graph = self.kernel.graph
        crest = basin.crest_level_m if basin.crest_level_m is not None else -math.inf
        out = []
        if basin.alarm_level_m is not None:
            out.append(Threshold(basin.alarm_level_m, "alarm", basin.id))
        if basin.crest_level_m is not None:
            out.append(Threshold(basin.crest_level_m, "crest", basin.id))
        for zone in graph.zones:
            if zone.basin != basin.id:
                continue
            out.append(Threshold(max(crest, zone.ground_level_m), "zone", zone.id))
            for asset_id in zone.assets:
                asset = graph.asset(asset_id)
                tolerance = (
                    asset.flood_tolerance_m if asset.flood_tolerance_m is not None else DEFAULT_FLOOD_TOLERANCE_M
                )
                out.append(Threshold(max(crest, zone.ground_level_m + tolerance), "asset", asset_id))
        return sorted(out, key=lambda t: t.level_m)

    def _at_target(self, version: int) -> None:
        if version == self.version:
            self.replan(self.cause)

    def _crossed(self, threshold: Threshold, version: int) -> None:
        if version != self.version or threshold.crossed:
            return
        threshold.crossed = True
        self._on_crossed(self, threshold)
        if threshold.kind == "zone":
            zone = next(z for z in self.kernel.graph.zones if z.id == threshold.ref)
            self.wet[zone.id] = zone.ground_level_m
            self._watch_dry(zone.id)

    def _watch_dry(self, zone: str) -> None:
        """Schedule the check of the minute the level falls below the zone's ground, in this segment."""
        elapsed_s = (self.kernel.now - self.t0) * 60
        ground = self.wet[zone] - DRY_MARGIN_M
        if self.segment.level(elapsed_s) < ground:
            self.kernel.call_at(0.0, self._dry, zone, self.version)
            return
        seconds = self.segment.first_crossing(ground, upward=False, after_s=elapsed_s)
        if seconds is not None:
            self.kernel.call_at(max(seconds - elapsed_s, 0.0) / 60, self._dry, zone, self.version)

    def _dry(self, zone: str, version: int) -> None:
        if version != self.version or zone not in self.wet:
            return
        del self.wet[zone]
        self._on_dry(zone)
