"""Event messages in plain words, rendered from the message catalogue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..engine.eventkinds import CHANNEL_OF, EVENT_KINDS
from ..messages import CATALOGUE, format_level, format_number, format_percent, text, text_count
from ..model.durations import format_duration
from ..model.incidents import INCIDENT_CLASSES

__all__ = ["event_message", "duration_text", "legal_period"]

_DURATION_PARAMS = ("buffer", "until", "minutes")


def _pct(level: Any, lang: str) -> str:
    return format_percent(float(level), lang) if level is not None else ""


def legal_period(minutes: float, lang: str) -> str:
    """A legal period as the law words it: in hours up to 10 days (``24 uur``, ``72 hours``), else
    in whole days (``14 dagen``), else as a duration (``2u30min``)."""
    hours = minutes / 60
    if float(hours).is_integer() and hours <= 240:
        return text_count("word.hours", int(hours), lang)
    days = minutes / 1440
    return text_count("word.days", int(days), lang) if float(days).is_integer() else duration_text(minutes, lang)


def duration_text(minutes: float, lang: str) -> str:
    """Minutes as the reader writes a duration, rounded to whole seconds: ``2h30min`` (en),
    ``2u30min`` (nl)."""
    value = format_duration(round(float(minutes) * 60) / 60, lang)
    return value if isinstance(value, str) else f"{format_number(float(minutes), lang, digits=1)}min"


def event_message(  # noqa: C901, PLR0912 -- debt: split when next changed
    kind: str, name: str, params: dict[str, Any] | None, level: float | None, lang: str, *, basins: Mapping[str, str]
) -> str:
    """The sentence for one event, e.g. ``Ziekenhuis loses power (0 of 1 needed ...)``: the
    catalogue entry of its kind (``EventKind.message``); the kind itself when it has none.
    ``basins``: basin id -> the name people read (``basin_names``); an event's ``basin`` is
    shown by that name (the engine logs the id, or for some kinds the name itself)."""
    declared = EVENT_KINDS.get(kind)
    layer = declared.layer if declared else ""
    values: dict[str, Any] = {
        "name": name,
        "level_pct": _pct(level, lang),
        "on": "",
        "crew": "-",
        "about": "",
        "waited_text": "",
        "chaired": "",
        "why": "",
    }
    for key, value in (params or {}).items():
        if key == "type" and kind == "inject" and f"incident.{value}" in CATALOGUE:
            values["class"] = text(f"class.{INCIDENT_CLASSES[value]}", lang)
            specific = f"incident.{value}.{(params or {}).get('effect', '')}"
            value = text(specific if specific in CATALOGUE else f"incident.{value}", lang)
        elif key == "type" and f"need.{value}" in CATALOGUE:
            value = text(f"need.{value}", lang)
        elif key == "within":
            value = legal_period(value, lang)
        elif key == "status" and CHANNEL_OF.get(kind) == "report":
            value = text(f"report.{value}", lang)
        elif key == "waited":
            if value and value >= 1:
                values["waited_text"] = text("word.waited", lang, minutes=duration_text(value, lang))
        elif key == "deadline" and layer == "response":
            values["about"] = text("word.about", lang, deadline=value)
        elif key in _DURATION_PARAMS:
            value = text("word.none", lang) if value == 0 and key == "buffer" else duration_text(value, lang)
        elif key == "level_m" and isinstance(value, (int, float)):
            value = format_level(value, lang)
        elif key in ("mm_per_h", "population") and isinstance(value, (int, float)):
            value = format_number(value, lang, digits=0 if float(value).is_integer() else 1)  # 2.500, 12,5
        elif key == "backups":
            value = text(f"backups.{value}", lang)
        elif key == "effect" and f"effect.{value}" in CATALOGUE:
            value = text(f"effect.{value}", lang)
        elif key == "action":
            value = text(f"actiontype.{value}", lang)
        elif key == "basin" and isinstance(value, str):
            value = basins.get(value, value)
        elif key in ("gates", "stage"):  # one gate or both; a storm surge's warning or alarm
            value = text(f"word.{key}.{value}", lang)
        elif key == "level":
            values["level_pct"] = _pct(value, lang)
        elif key == "reason" and kind == "decision.refused":
            value = text(f"decision.reason.{value}", lang)
        elif key == "by" and value == "@exercise-control":
            value = text("word.exercise_control", lang)
        elif key == "chair" and isinstance(value, dict):
            value = value.get(lang) or value.get("nl", "")
            values["chaired"] = text("word.chaired_by", lang, chair=value)
        elif key == "rationale" and value:
            values["why"] = text("word.rationale", lang, rationale=value)
        values[key] = value
    if layer == "escalation" and not values.get("name"):
        values["name"] = text("grip.none", lang)
    if layer in ("response", "decision") and name:
        values["on"] = text("word.on", lang, name=name)
    if declared is None:
        return kind
    key = _message_key(kind, declared.message, values, params or {})
    if key not in CATALOGUE:
        return kind
    return text(key, lang, **values)


def _message_key(kind: str, key: str, values: dict[str, Any], params: dict[str, Any]) -> str:
    """The catalogue key of an event's sentence: its kind's, or a variant of it."""
    if kind == "inject" and "class" in values:
        return "event.inject.class"
    if kind == "repair.started" and values.get("crew") == "-":
        return "event.repair.started_self"
    if kind == "repair.queued" and values.get("crew") == "-":
        return "event.repair.queued.plain"
    if kind == "hazard.surge" and not params.get("minutes"):
        return "event.hazard.surge.now"  # the sea stands above the level already
    return key
