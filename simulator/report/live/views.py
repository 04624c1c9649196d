"""What each role of a live exercise sees, as plain JSON-ready data (no sockets, no clock).

Exercise control sees ground truth; a player sees only what its organisation knows. Everything a
player's page shows is built here from ``Exercise.knowledge(org)``, the party's own decisions and
its inbox, so the filtering happens on the server, never in the page.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ...analysis.exercise import DecisionOutcome, Exercise, Party
from ...messages import CATALOGUE, text
from ...model.decisions import ASSET_DECISIONS, EXERCISE_CONTROL
from ...model.durations import format_duration
from ...model.incidents import INCIDENT_CLASSES
from .mapview import map_strings

__all__ = [
    "page_strings",
    "clock_view",
    "outcome_view",
    "forecast_view",
    "row_key",
    "player_row",
    "match_party",
    "at_clock",
    "known_status",
    "status_entry",
    "offered_targets",
    "inject_types",
    "party_form",
    "deadline_view",
    "action_label",
]

_PAGE_PREFIX = "live.page."


def page_strings(lang: str) -> dict[str, str]:
    """The pages' words (``live.page.*`` without the prefix), the refusal reasons and the action names."""
    strings = {k.removeprefix(_PAGE_PREFIX): _template(k, lang) for k in CATALOGUE if k.startswith(_PAGE_PREFIX)}
    strings.update({k.removeprefix("decision."): text(k, lang) for k in CATALOGUE if k.startswith("decision.reason.")})
    strings.update(map_strings(lang))
    return strings


def _template(key: str, lang: str) -> str:
    """A catalogue template as the page's script fills it in (``{field}`` kept, ``{{`` undone)."""
    entry = CATALOGUE[key]
    return entry.get(lang, entry["en"]).replace("{{", "{").replace("}}", "}")


def action_label(action: str, lang: str) -> str:
    for key in (f"live.action.{action}", f"msel.do.{action}"):
        if key in CATALOGUE:
            return text(key, lang)
    return action


def clock_view(ex: Exercise, running: bool, speed: float, ended: bool) -> dict[str, Any]:
    """The clock as every page shows it (no ground truth in it)."""
    now = ex.now
    return {
        "minute": now,
        "elapsed": format_duration(now),
        "clock": at_clock(ex, now),
        "until": ex.until_min,
        "running": running and not ex.finished,
        "speed": speed,
        "finished": ex.finished,
        "ended": ended,
    }


def at_clock(ex: Exercise, minute: float) -> str:
    """The wall clock ``minute`` after the start, as the pages show it (dd-mm HH:MM)."""
    start = pd.Timestamp(ex.scenario.start)
    return (start + pd.Timedelta(minutes=minute)).strftime("%d-%m %H:%M")


def outcome_view(outcome: DecisionOutcome, ex: Exercise, lang: str) -> dict[str, Any]:
    """A decision and what became of it, in words."""
    d = outcome.decision
    names = dict(ex.scenario.graph.labels)
    parties = {p.id: p.name for p in ex.parties()} | {EXERCISE_CONTROL: text("live.party.exercise_control", lang)}
    detail = ""
    if d.action == "grip":
        detail = f"GRIP {d.level}"
    elif d.action == "call_crew":
        detail = f"{d.crew} +{d.size}"
    elif d.action == "notify":
        detail = d.deadline or ""
    elif d.action == "inject" and d.inject is not None:
        detail = f"{d.inject.type}: {names.get(d.inject.target, d.inject.target)}"
    return {
        "id": outcome.id,
        "minute": d.at,
        "clock": at_clock(ex, d.at),
        "by": d.by,
        "by_name": parties.get(d.by, d.by),
        "action": d.action,
        "action_name": action_label(d.action, lang),
        "targets": [names.get(t, t) for t in d.target],
        "detail": detail,
        "crew": d.crew or "",
        "rationale": d.rationale,
        "taken": outcome.taken,
        "reason": text(f"decision.reason.{outcome.reason}", lang) if outcome.reason else "",
    }


def row_key(row: dict[str, Any]) -> str:
    """A stable name of an MSEL row across look-aheads (its number changes, its moment does not)."""
    return f"{float(row['time_min']):.4f}|{row['to']}|{row['message']}"  # a row key, not shown


def forecast_view(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """Every row of the look-ahead MSEL, JSON-ready, with its ``key``."""
    out = []
    for row in rows.to_dict("records"):
        clock = row["clock"]
        out.append(
            {
                "key": row_key(row),
                "time_min": float(row["time_min"]),
                "clock": clock.strftime("%d-%m %H:%M") if hasattr(clock, "strftime") else str(clock),
                "from": row["from"],
                "to": row["to"],
                "to_id": row["to_id"],
                "method": row["method"],
                "message": row["message"],
                "expected_action": row["expected_action"],
                "channel": row["channel"],
            }
        )
    return out


def player_row(row: dict[str, Any]) -> dict[str, Any]:
    """An inject as its receiver reads it: no expected action, no event ids."""
    return {k: row[k] for k in ("key", "time_min", "clock", "from", "method", "message")}


def match_party(to_id: str, parties: list[Party], control_room: str | None) -> str | None:
    """The party an MSEL row is addressed to, by the row's ``to_id`` (never by its display text,
    which changes with the language and the names): a crisis team or an organisation by its id;
    an empty ``to_id`` (a run that names no control room) is the control room."""
    ids = {party.id for party in parties}
    if to_id in ids:
        return to_id
    if to_id in ("", control_room) and control_room:
        return control_room
    return None


def status_entry(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any]:
    """An asset's last known state from the known event ``row`` of kind ``asset.*``."""
    return {
        "asset": row["asset"],
        "name": names.get(row["asset"], row["asset"]),
        "status": row["kind"].removeprefix("asset."),
        "since": row["clock"],
        "message": row["message"],
    }


def known_status(rows: list[dict[str, Any]], names: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Per asset, the last state the organisation knows of (from its known events)."""
    status: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["kind"].startswith("asset.") and row["asset"]:
            status[row["asset"]] = status_entry(row, names)
    return status


def party_form(ex: Exercise, party: Party, known_assets: set[str], lang: str) -> dict[str, Any]:
    """The decision form of ``party``: its actions, the targets it may name (assets it knows of,
    an organisation's own assets, and for evacuation the neighbourhoods), its crews, the
    deadlines and GRIP levels."""
    assets = ex.scenario.graph.assets
    own = {a.id for a in assets if party.kind == "organisation" and a.owner == party.id}
    zones = {a.id for a in assets if a.sector == "population"}
    targets = [
        {"id": a.id, "name": ex.scenario.graph.label(a.id), "zone": a.id in zones and a.id not in known_assets | own}
        for a in assets
        if a.id in known_assets | own | zones
    ]
    ladder = ex.scenario.response.ladder
    levels = sorted({0, *(level.level for level in ladder.levels)}) if ladder else [0]
    return {
        "actions": [
            {"id": a, "name": action_label(a, lang), "target": a in ASSET_DECISIONS} for a in ex.actions_for(party.id)
        ],
        "targets": targets,
        "crews": ex.crews_for(party.id),
        "deadlines": [{"id": d.id, "name": d.name or d.id} for d in ex.scenario.response.deadlines],
        "levels": levels,
    }


def offered_targets(form: dict[str, Any], action: str) -> set[str]:
    """The targets the form offers for ``action`` (neighbourhoods not yet known only for evacuation)."""
    return {t["id"] for t in form["targets"] if action == "evacuate" or not t["zone"]}


def deadline_view(ex: Exercise, clock: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The legal clocks started so far, with their due time and whether they were met."""
    out = []
    for d in ex.deadlines():
        state = "met" if d["met"] else ("missed" if d["met"] is False or ex.now > d["due_min"] else "open")
        out.append({**d, "due": at_clock(ex, d["due_min"]), "state": state})
    return out


def inject_types() -> list[str]:
    return sorted(INCIDENT_CLASSES)
