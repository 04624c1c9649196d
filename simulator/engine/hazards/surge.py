"""Storm-surge warnings: Rijkswaterstaat's WMCN warns before the sea reaches its warning and alarm levels.

The upstream water body of a hazard model (``Upstream``: a tide, level_m + amplitude_m x cos(2 pi
(t - high_water) / period)) may carry a ``warning_level_m`` (waarschuwingspeil) and an
``alarm_level_m`` (alarmeringspeil). For each, the first minute t >= 0 at which the tide stands at
or above it is computed in closed form (``reach_min``: acos, no stepping); 0 when it already does at
the start. WMCN issues its message ``warning_lead`` before that minute, not before the scenario
start: one ``hazard.surge`` event per level, logged at that moment, with the level, its stage
(``warning`` or ``alarm``), the minute the sea reaches it (``at_min``), the minutes until then
(``minutes``) and the next high water at or after it (``high_water_min``, ``peak_m``).

Who learns it: WMCN warns the dike and barrier managers (the water boards, Rijkswaterstaat's regional
services), the provinces and the safety regions' crisis centres and alarm centres (Rijkswaterstaat,
"Stormvloedwaarschuwingen"): here every organisation of kind ``rijkswaterstaat`` or ``waterschap``
and the control room, at the moment of the message. It is about the sea, no asset.

The warning is issued about 12 hours ahead ("Rijkswaterstaat geeft in dit soort situaties 12 uur van
te voren een (voor)waarschuwing of alarmering uit", RWS as quoted by Navingo, January 2017: the
default ``warning_lead``); that WMCN warns 48 to 12 hours ahead could not be confirmed from a source.
Only the first time each level is reached makes a message (the next high waters make none).

The warnings depend on the sea alone, not on when an inject starts its hazard: they are scheduled at
the start of the run for every scenario inject whose hazard has such an upstream (the same upstream
twice: once).
"""

from __future__ import annotations

import math

from ..kernel import Kernel

__all__ = ["reach_min", "next_high_water_min", "SurgeWarnings", "SURGE_RECEIVERS"]

STAGES = ("warning", "alarm")  # the upstream's field ``<stage>_level_m``
SURGE_RECEIVERS = ("rijkswaterstaat", "waterschap")  # organisation kinds WMCN warns (and the control room)


def reach_min(upstream, level_m: float) -> float | None:
    """The first minute t >= 0 at which ``upstream``'s level is at or above ``level_m`` (0 when it
    already is at the start), or None when it never is.

    With c = (level_m - mean) / amplitude and d = acos(c) / omega (minutes), the tide is at or above
    the level for |t - high_water - k period| <= d; below it at t = 0, it first gets there at
    (high_water - d) mod period."""
    mean, amplitude = upstream.level_m, upstream.amplitude_m
    if level_m <= mean - amplitude or (amplitude == 0 and level_m <= mean):
        return 0.0
    if amplitude == 0 or level_m > mean + amplitude:
        return None
    omega = 2 * math.pi / upstream.period
    if mean + amplitude * math.cos(omega * (0.0 - upstream.high_water)) >= level_m:
        return 0.0
    half_width = math.acos(min(1.0, (level_m - mean) / amplitude)) / omega
    return (upstream.high_water - half_width) % upstream.period


def next_high_water_min(upstream, after_min: float) -> float:
    """The first high water at or after minute ``after_min``."""
    period = upstream.period
    return upstream.high_water + math.ceil((after_min - upstream.high_water) / period) * period


class SurgeWarnings:
    """Schedules the ``hazard.surge`` events of a run's upstream water bodies (see the module docstring)."""

    def __init__(self, kernel: Kernel, awareness):
        self.kernel = kernel
        self.awareness = awareness
        organisations = kernel.scenario.organisations
        wmcn = [o.id for o in organisations if o.kind == "rijkswaterstaat"]
        self.sender = wmcn[0] if wmcn else ""
        receivers = [o.id for o in organisations if o.kind in SURGE_RECEIVERS]
        control_room = kernel.scenario.response.control_room
        self.receivers = list(dict.fromkeys([*receivers, *([control_room] if control_room else [])]))

    def schedule(self, injects) -> None:
        """Schedule the messages of every inject's upstream with warning levels, in file order."""
        seen = []
        for inject in injects:
            hazard = getattr(inject, "hazard", None)
            upstream = getattr(hazard, "upstream", None)
            if upstream is None or upstream in seen:
                continue
            seen.append(upstream)
            site = self.kernel.graph.index.get(getattr(hazard, "lock", None) or inject.target, -1)
            area = self.kernel.graph.assets[site].municipality if site >= 0 else ""
            for stage in STAGES:
                level = getattr(upstream, f"{stage}_level_m")
                reached = None if level is None else reach_min(upstream, level)
                if reached is None:
                    continue
                issued = max(0.0, reached - upstream.warning_lead)
                params = {
                    "stage": stage,
                    "level_m": level,
                    "at_min": reached,
                    "minutes": reached - issued,
                    "high_water_min": next_high_water_min(upstream, reached),
                    "peak_m": upstream.level_m + upstream.amplitude_m,
                    "basin": getattr(hazard, "basin", ""),
                    "area": area or "",
                }
                self.kernel.call_at(issued, self._warn, params)

    def _warn(self, params: dict) -> None:
        event = self.kernel.log("hazard.surge", -1, 0, params, org=self.sender, ref=params["basin"])
        for org in self.receivers:
            self.awareness.learn_event(event, org)
