"""Rain as people hear of it: one KNMI weather warning per spell of rain, before the rain.

The engine logs each change of the rain rate on a basin (``hazard.rain``, mm/h); a spell is a run
of changes from a rate above 0 to the next change to 0 (or the end of the run); spells of one area
(municipality) that overlap in time are one warning spell (one shower over two basins). Its warning is
issued ``WARNING_LEAD_MIN`` before the spell starts (not before the scenario start) and says the
start, the end, the peak rate and the total. The rain's later changes and its end make no inject
of their own.

The code follows the KNMI criteria for heavy rain in one hour: code yellow from 30 mm in an hour,
code orange from 50 mm (KNMI as quoted by Trouw, "Niets is zo moeilijk te voorspellen als een
flinke regenbui", July 2021, and by NH Nieuws, July 2021); code red is issued only in consultation
with other authorities, so the inject list never issues it by itself. Below 30 mm an hour the
KNMI forecast gives no code.

The inject list reads every warning ahead of what it announces through ``forecasts``: KNMI's rain
warnings and WMCN's storm-surge messages (``inject_surge``), each with its sender, method and
expected action from ``FORECAST_KINDS``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..messages import format_number
from .inject_lookups import RunLookups
from .inject_speech import spoken_clock
from .inject_surge import SurgeWarning, surge_text, surge_warnings

__all__ = [
    "RainSpell",
    "rain_spells",
    "warning_code",
    "warning_text",
    "WARNING_LEAD_MIN",
    "FORECAST_KINDS",
    "forecasts",
    "forecast_text",
    "forecast_sender",
]

WARNING_LEAD_MIN = 60.0  # minutes the warning precedes the rain (assumption: KNMI may warn 24-48 h ahead)
YELLOW_MM_PER_H = 30.0  # KNMI, see the module docstring
ORANGE_MM_PER_H = 50.0
# the event kind a warning announces -> its sender (msel.from.*), method (msel.method.*) and expected action
FORECAST_KINDS = {
    "hazard.rain": ("knmi", "knmi", "msel.do.weather"),
    "hazard.surge": ("wmcn", "email", "msel.do.surge"),
}


@dataclass(frozen=True)
class RainSpell:
    """One spell of rain on a basin: its rain events, start and end (minutes; end None when it
    lasts to the end of the run), peak rate (mm/h) and total (mm, to ``until`` when open)."""

    events: tuple[int, ...]
    start: float
    end: float | None
    peak_mm_per_h: float
    total_mm: float

    @property
    def warned_at(self) -> float:
        """The minute the warning is issued."""
        return max(0.0, self.start - WARNING_LEAD_MIN)


def rain_spells(run: RunLookups, until: float) -> list[RainSpell]:
    """The spells of rain of a run, by start; ``until`` is the run's end (minutes)."""
    by_basin: dict[str, list[int]] = defaultdict(list)
    for e in run.ids:
        if run.kind[e] == "hazard.rain":
            by_basin[str(run.ref[e] or run.data[e].get("basin", ""))].append(e)
    spells = []
    for events in by_basin.values():
        events.sort(key=lambda e: (run.time[e], e))
        current: list[int] = []
        for e in events:
            rate = float(run.data[e].get("mm_per_h", 0.0))
            if current:
                current.append(e)
                if rate <= 0:
                    spells.append(_spell(run, current, until))
                    current = []
            elif rate > 0:
                current = [e]
        if current:
            spells.append(_spell(run, current, until))
    return _one_warning_per_region(run, sorted(spells, key=lambda s: (s.start, s.events[0])))


def _region(run: RunLookups, spell: RainSpell) -> str:
    """The area a warning names: the municipality of the rain's asset, else its basin."""
    first = spell.events[0]
    return run.municipality.get(run.asset[first]) or str(run.data[first].get("basin", ""))


def _one_warning_per_region(run: RunLookups, spells: list[RainSpell]) -> list[RainSpell]:
    """KNMI warns for an area, not a basin: spells of the same area that overlap in time (the same
    shower over two basins) are one warning spell, from the first start to the last end, with the
    highest peak and the highest total (the rain at one place, not a sum over basins)."""
    merged: list[RainSpell] = []
    for spell in spells:  # by start
        into = next(
            (
                i
                for i, m in enumerate(merged)
                if _region(run, m) == _region(run, spell) and (m.end is None or spell.start <= m.end)
            ),
            None,
        )
        if into is None:
            merged.append(spell)
            continue
        m = merged[into]
        end = None if m.end is None or spell.end is None else max(m.end, spell.end)
        merged[into] = RainSpell(
            tuple(sorted(m.events + spell.events)),
            m.start,
            end,
            max(m.peak_mm_per_h, spell.peak_mm_per_h),
            max(m.total_mm, spell.total_mm),
        )
    return merged


def _spell(run: RunLookups, events: list[int], until: float) -> RainSpell:
    rates = [float(run.data[e].get("mm_per_h", 0.0)) for e in events]
    times = [run.time[e] for e in events]
    closed = rates[-1] <= 0
    ends = times[1:] + ([] if closed else [max(until, times[-1])])
    total = sum(rate * (end - begin) / 60 for rate, begin, end in zip(rates, times, ends))
    return RainSpell(tuple(events), times[0], times[-1] if closed else None, max(rates), total)


def warning_code(peak_mm_per_h: float) -> str | None:
    """The KNMI code of a spell by its peak hourly rate: ``yellow``, ``orange`` or None."""
    if peak_mm_per_h >= ORANGE_MM_PER_H:
        return "orange"
    return "yellow" if peak_mm_per_h >= YELLOW_MM_PER_H else None


def warning_text(run: RunLookups, spell: RainSpell) -> str:
    """The warning as KNMI issues it (``msel.knmi.*``), for the municipality of the rain's asset."""
    region = _region(run, spell)
    code = warning_code(spell.peak_mm_per_h)
    params = {
        "region": region,
        "start": spoken_clock(run, spell.start, spell.warned_at),
        "end": run.t("msel.knmi.open_end") if spell.end is None else spoken_clock(run, spell.end, spell.warned_at),
        "peak": format_number(spell.peak_mm_per_h, run.lang),
        "total": format_number(spell.total_mm, run.lang),
    }
    if code is None:
        return run.t("msel.knmi.forecast", **params)
    return run.t("msel.knmi.frame", code=run.t(f"msel.knmi.code.{code}"), **params)


# --- every warning ahead of what it announces -------------------------------------------------------------
def forecasts(run: RunLookups) -> list[RainSpell | SurgeWarning]:
    """KNMI's rain warnings and WMCN's storm-surge messages of a run, by the minute they are issued."""
    warnings: list[RainSpell | SurgeWarning] = [*rain_spells(run, run.until), *surge_warnings(run)]
    return sorted(warnings, key=lambda w: (w.warned_at, w.events[0]))


def forecast_text(run: RunLookups, forecast: RainSpell | SurgeWarning) -> str:
    """The warning's words, as its sender issues them."""
    return surge_text(run, forecast) if isinstance(forecast, SurgeWarning) else warning_text(run, forecast)


def forecast_sender(run: RunLookups, events: list[int]) -> tuple[str, str, str]:
    """The sender key, method key and expected-action key of the warning of ``events``."""
    kinds = [run.kind[e] for e in events if run.kind[e] in FORECAST_KINDS]
    return FORECAST_KINDS[kinds[0] if kinds else "hazard.rain"]
