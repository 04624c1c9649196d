"""The replay as plain lines, for output that is not a terminal (``rampsim replay RUN_DIR >
file``, or where there is no terminal control).

A header, then one line per headline event as it becomes visible in the view, with its clock time
and ``T+hh:mm``. When the run has basins whose level it recorded (``water``, the browser's
``replay_water.water_payload``), the replay's first minute and each minute of the timeline end
with a line per basin whose level, as shown to the centimetre, is not the one last printed for it
(the first minute prints every basin)::

    04:24  T+01:54  Waterpeil Havenbekken achter de zeesluis: 1,00 m NAP (alarm -0,10, kade 1,00)

Ground truth: the level (linear between the run's samples, as the gauges:
``replay_gauges.level_at``) at the latest of the minute's events and threshold passings; a line
at each minute the level passes its alarm level or crest (quay), up or down, even between two
minutes that have events and even when it reads as the line before. What was known: the last
level the crisis organisation knew of (``replay_gauges.known_level``, from
``replay_water.known_levels``), or ``onbekend`` / ``unknown`` while it knew none, with a line at
each minute a new level became known. Levels are m NAP, times minutes after the scenario start.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..analysis.replay import ReplayTimeline
from ..messages import format_level, text
from .replay_gauges import basin_thresholds, known_level, level_at, level_text
from .replay_screen import elapsed_text, feed_line

__all__ = ["plain_lines", "threshold_crossings", "water_line"]


def plain_lines(
    timeline: ReplayTimeline, view: str, from_min: float = 0.0, water: Mapping[str, Any] | None = None
) -> list[str]:
    """The replay as plain text (no terminal): a header, then one line per headline event that
    becomes visible in ``view`` at or after ``from_min``, with its clock time and T+hh:mm; with
    ``water`` (``replay_water.water_payload``) the basins' levels where they change (see above)."""
    lang = timeline.lang
    header = text(
        "replay.plain_header",
        lang,
        name=timeline.title,
        view=text(f"replay.view.{view}", lang),
        clock=timeline.clock(from_min),
    )
    basins = list((water or {}).get("basins") or [])
    # (minute, order, t, line): the events of a minute, then its water; whole minutes of the clock
    rows: list[tuple[int, int, float, str]] = []
    for event in timeline.feed(float("inf"), view, headline_only=True):
        shown = timeline.visible_time(event, view)
        if shown >= from_min:
            rows.append((int(shown // 1), 0, shown, feed_line(timeline, event, view).plain))
    if basins:
        moments: dict[int, tuple[float, set[str]]] = {m: (t, set()) for m, _, t, _ in rows}  # a minute's last event
        moments.setdefault(int(from_min // 1), (from_min, set()))  # the water as the replay starts
        for basin in basins:
            if view == "truth":
                changes, passing = threshold_crossings(basin), {basin["id"]}
            else:
                changes, passing = [k[0] for k in basin.get("known") or []], set()
            for t in changes:
                if from_min <= t <= timeline.end_min:
                    at, crossing = moments.get(int(t // 1), (t, set()))
                    moments[int(t // 1)] = (max(at, t), crossing | passing)
        rows += _water_rows(timeline, basins, view, moments)
    rows.sort(key=lambda row: row[:2])  # stable: the feed's order within a minute, the basins' order
    return [header] + [line for *_, line in rows]


def _water_rows(
    timeline: ReplayTimeline,
    basins: Sequence[Mapping[str, Any]],
    view: str,
    moments: Mapping[int, tuple[float, set[str]]],
) -> list[tuple[int, int, float, str]]:
    """The water lines at ``moments`` (minute -> the time within it whose level counts, and the
    basins that pass a threshold in it): per basin whenever its line says another level than the
    last printed, or it passes a threshold (a fall below the quay reads as the rise to it did)."""
    rows = []
    last: dict[str, str] = {}
    for minute in sorted(moments):
        t, crossing = moments[minute]
        for order, basin in enumerate(basins, start=1):
            if view == "known":
                known = known_level(basin, t)
                level = known[1] if known else None
            else:
                level = level_at(basin, t)
            shown = level_text(level, timeline.lang)
            if last.get(basin["id"]) == shown and basin["id"] not in crossing:
                continue
            last[basin["id"]] = shown
            line = water_line(basin, level, timeline.lang)
            rows.append((minute, order, t, f"{timeline.clock(t)}  T+{elapsed_text(t)}  {line}"))
    return rows


def water_line(basin: Mapping[str, Any], level: float | None, lang: str) -> str:
    """``Waterpeil Havenbekken: 1,00 m NAP (alarm -0,10, kade 1,00)``: the basin's name, ``level``
    (m NAP; ``None``: unknown) and its thresholds, lowest first (none: no brackets)."""
    thresholds = sorted(basin_thresholds(basin).items(), key=lambda item: item[1])
    named = ", ".join(
        text(f"browser.water.{kind}", lang, level=format_level(value, lang)) for kind, value in thresholds
    )
    key = "replay.plain.water" if named else "replay.plain.water_bare"
    return text(key, lang, basin=basin["name"], level=level_text(level, lang), thresholds=named)


def threshold_crossings(basin: Mapping[str, Any]) -> list[float]:
    """The minutes at which the basin's level (``replay_gauges.level_at``: its start level until
    the first sample, then linear between samples) passes its alarm level or crest, up (reaching
    it) or down (falling below it), in order."""
    samples = [(float(t), float(v)) for t, v in basin["levels"]]
    points = [(samples[0][0], float(basin["level_m"]))] + samples if samples else []  # the start level until the first
    found = []
    for threshold in basin_thresholds(basin).values():
        for (t0, v0), (t1, v1) in zip(points, points[1:]):
            if (v0 < threshold) != (v1 < threshold):
                found.append(t0 + (threshold - v0) / (v1 - v0) * (t1 - t0))
    return sorted(found)
