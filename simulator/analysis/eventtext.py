"""Event messages in plain words, rendered from the message catalogue."""

from __future__ import annotations

from typing import Any

from ..messages import CATALOGUE, text
from ..model.durations import format_duration

__all__ = ["event_message"]


def _pct(level: Any) -> str:
    return f"{round(float(level) * 100)}%" if level is not None else ""


def event_message(kind: str, name: str, params: dict[str, Any] | None, level: float | None, lang: str) -> str:
    """The sentence for one event, e.g. ``Ziekenhuis loses power (0 of 1 needed ...)``."""
    values: dict[str, Any] = {"name": name, "level_pct": _pct(level)}
    for key, value in (params or {}).items():
        if key == "type" and kind == "inject" and f"incident.{value}" in CATALOGUE:
            value = text(f"incident.{value}", lang)
        elif key == "type" and f"need.{value}" in CATALOGUE:
            value = text(f"need.{value}", lang)
        elif key == "buffer":
            value = text("word.none", lang) if value == 0 else format_duration(value)
        elif key == "backups":
            value = text(f"backups.{value}", lang)
        elif key == "effect" and f"effect.{value}" in CATALOGUE:
            value = text(f"effect.{value}", lang)
        elif key == "level":
            values["level_pct"] = _pct(value)
        values[key] = value
    key = f"event.{kind}"
    if kind == "repair.started" and values.get("crew") == "-":
        key = "event.repair.started_self"
    if key not in CATALOGUE:
        return kind
    return text(key, lang, **values)
