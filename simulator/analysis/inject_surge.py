"""The storm surge as people hear of it: WMCN-Kust's e-mail before the sea reaches its levels.

The engine logs one ``hazard.surge`` event per level of the sea (``warning`` or ``alarm``) at the
moment Rijkswaterstaat's Watermanagementcentrum Nederland (WMCN) issues its message, its
``warning_lead`` before the tide reaches the level (not before the scenario start;
``engine/hazards/surge.py``). The messages of one moment about one water body are one e-mail; its
title is that of the highest stage it holds (a storm-surge alarm over a warning), and it says per
level when the sea reaches it (or that it already stands above it) and the high water to come.

Levels and what they mean: above the warning level (waarschuwingspeil) the dike and barrier managers
take limited measures and stand ready; above the alarm level (alarmeringspeil) measures such as a
dike watch are needed (Rijkswaterstaat, "Stormvloedwaarschuwingen" and "Stormvloed"). WMCN warns the
water boards, Rijkswaterstaat's regional services, the provinces and the safety regions' crisis
centres; about 12 hours ahead (Rijkswaterstaat as quoted by Navingo, January 2017). The levels
themselves are the scenario's: for Hoek van Holland the Helpdesk Water colour codes ("Grenswaarden
kleurcodering Kust") are 2.00 m NAP groen (voorwaarschuwingspeil), 2.20 geel, 2.80 oranje and 3.65
rood.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..messages import format_level
from .inject_lookups import RunLookups
from .inject_speech import spoken_clock

__all__ = ["SurgeWarning", "surge_warnings", "surge_text"]


@dataclass(frozen=True)
class SurgeWarning:
    """One WMCN message: its ``hazard.surge`` events (ascending) and the minute it is issued."""

    events: tuple[int, ...]
    warned_at: float


def surge_warnings(run: RunLookups) -> list[SurgeWarning]:
    """The storm-surge messages of a run, by time: the surge events of one minute and one water body."""
    by_moment: dict[tuple[float, str], list[int]] = defaultdict(list)
    for e in run.ids:
        if run.kind[e] == "hazard.surge":
            by_moment[(run.time[e], str(run.ref[e] or ""))].append(e)
    return [SurgeWarning(tuple(sorted(events)), time) for (time, _ref), events in sorted(by_moment.items())]


def surge_text(run: RunLookups, warning: SurgeWarning) -> str:
    """The message as WMCN sends it (``msel.surge.*``): its title, the highest level the sea already
    stands above, each level still to come (lowest first) with when the sea reaches it, the high
    water to come, and what the stage asks of the dike and barrier managers."""
    events = sorted(warning.events, key=lambda e: float(run.data[e]["level_m"]))
    stage = "alarm" if any(run.data[e].get("stage") == "alarm" for e in events) else "warning"
    above = [e for e in events if float(run.data[e]["at_min"]) <= warning.warned_at]
    levels = []
    for e in events:
        if e in above[:-1]:
            continue  # the sea above the alarm level is above the warning level: said once, the highest
        data = run.data[e]
        said = "above" if e in above else "reaches"
        levels.append(
            run.t(
                f"msel.surge.{said}.{data['stage']}",
                level=format_level(float(data["level_m"]), run.lang),
                at=spoken_clock(run, float(data["at_min"]), warning.warned_at),
            )
        )
    last = run.data[events[-1]]
    return run.t(
        "msel.surge.frame",
        title=run.t(f"msel.surge.title.{stage}"),
        area=str(last["area"] or last["basin"] or ""),
        levels=run.t("msel.and").join(levels),
        peak=format_level(float(last["peak_m"]), run.lang),
        high_water=spoken_clock(run, float(last["high_water_min"]), warning.warned_at),
        advice=run.t(f"msel.surge.advice.{stage}"),
    )
