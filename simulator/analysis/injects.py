"""The inject list (MSEL) of a run: what exercise control plays out, derived from awareness only.

Rows come from the run's knowledge table (who learned which event when), never from the hidden
ground truth: an event nobody learned of produces nothing, and a row's time is the moment of
learning, not the moment of the event.

**One awareness moment** is what one or more organisations of the crisis organisation learn at
one instant about one matter: the knowledge rows of one minute, restricted to news (facts about
the world and the reports, detections and alarms that bring them; not the organisation's own work
such as repairs, actions, escalation and deadlines), joined into one moment when they share an
event (the control room and the owner learning the same report), an asset, a reference (the
inject, the basin, the crowd) or a cause (a substation working again and its consumers having
power again), but never two owners' assets: an owner reports its own assets, so a moment that
would join them is split per owner (the substation's operator reports the substation, the
telecom operator the mast that went down with it: two rows of the same minute), an asset without
an owner going with the owner of its cause. A moment must hold at least one fact that
organisation did not know before: a detection that reveals nothing new makes no row. The same
facts reaching another organisation later (an owner whose monitoring found an attack tells the
control room after its notify delay) are a moment of their own.

**One call** holds the moments of one sender (the same ``from``, addressee and method) within a
window that opens at its first moment: 15 minutes for an owner's staff, the units on site and an
on-call manager, 5 for 112 callers of one municipality; at the time of its last moment, and never
holding one asset twice (``inject_calls``): the grid operator's duty operator reports the 16
distribution substations of a quarter of an hour in one call, and the callers of Lageveen's
neighbourhoods that lost power in five minutes are one burst of 112 calls.

Physical processes make rows when people notice them: the start of a hazard makes none (its
consequences do: the gates opening, a level alarm, water over the quay, residents calling about
water in the street); rain makes one KNMI warning per spell, before it (``inject_weather``), and
its later changes and end make none; a storm surge one WMCN-Kust e-mail per moment WMCN warns
(``inject_surge``), before the sea reaches its warning or alarm level.

Each row has the message as the role player reads it out (``inject_speech``), sent through the
channel a real sender would use (``inject_routes``), the expected player action
(``inject_actions``: a team's decision only while that team is in session) and, separately, what
the simulation knows: one line per event with its number, clock, kind, asset id and level, need,
water level or rain rate.

Rows are sorted by time; rows of the same minute in the order the simulation logged their first
event. Times: ``time_min`` minutes after the scenario start; ``clock`` the wall clock in the
scenario's time zone, to the second.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..engine.eventkinds import CHANNEL_OF, CHANNELS, STATUS_KINDS, VISIBILITY
from ..messages import format_level, format_percent
from .inject_actions import assign_responses, expected_action, place_team_decisions
from .inject_calls import join_calls
from .inject_lookups import RunLookups, event_layer
from .inject_routes import moment_channel, route
from .inject_speech import OWN_SPEAKERS, fact_sentences, spoken_message
from .inject_weather import forecast_text, forecasts
from .results import Results
from .shown import shown_assets

__all__ = ["INJECT_COLUMNS", "MSEL_CHANNELS", "UNSPOKEN_KINDS", "derive_injects", "is_fact"]

MSEL_CHANNELS = (*CHANNELS, "forecast")  # forecast: a KNMI or WMCN warning, before what it announces

INJECT_COLUMNS = [
    "number",
    "time_min",
    "clock",
    "from",
    "to",
    "to_id",
    "method",
    "message",
    "expected_action",
    "simulation",
    "simulation_detail",
    "responses",
    "events",
    "assets",
    "channel",
]
# facts nobody notices as such: a hazard's start (its consequences are noticed), rain and the storm
# surge (their KNMI and WMCN warnings are the forecasts)
UNSPOKEN_KINDS = frozenset({"hazard.start", "hazard.rain", "hazard.surge"})
_MAX_SIMULATION_LINES = 4  # lines of the simulation column before its notes; every event in the CSV
_SIMULATION_FIELDS = (("type", ""), ("level_m", " m NAP"), ("mm_per_h", " mm/h"), ("population", ""))


def is_fact(kind: str) -> bool:
    """News about the world: not the organisation's own work (reports and detections included),
    not an inject. A kind no longer declared (a run directory of a plugin not installed) counts as
    a fact."""
    return VISIBILITY.get(kind) != "own_work" and event_layer(kind) != "inject"


def _is_news(kind: str) -> bool:
    return is_fact(kind) or kind in CHANNEL_OF or kind == "inject"


def _in_moments(kind: str) -> bool:
    return _is_news(kind) and kind not in UNSPOKEN_KINDS


class _Moment:
    """What organisations learn at one minute about one matter: its events, ascending, and the
    responses (rules fired, GRIP decisions, repairs, deadlines) listed with it."""

    def __init__(self, time: float, events: list[int], forecast=None):
        self.time = time
        self.events = sorted(events)
        self.forecast = forecast  # a KNMI or WMCN warning (``inject_weather.forecasts``), or None
        self.channel = "forecast" if forecast is not None else None  # else derived from the events
        self.responses: list[int] = []
        self.notes: list[str] = []  # for exercise control: team decisions moved or dropped


# --- moments ------------------------------------------------------------------------------------------
def _moments(run: RunLookups, knowledge: pd.DataFrame) -> list[_Moment]:
    """The awareness moments, sorted by time and first event (see the module docstring)."""
    columns = (knowledge["time_min"].tolist(), knowledge["org"].tolist(), knowledge["event"].tolist())
    rows = sorted((float(t), int(e), str(o)) for t, o, e in zip(*columns) if _in_moments(run.kind.get(int(e), "")))
    by_time: dict[float, set[int]] = defaultdict(set)
    for time, event, _org in rows:
        by_time[time].add(event)  # organisations learning the same event at the same minute: one moment
    moments = []
    for time, events in by_time.items():
        for component in _components(run, events):
            for part in _per_owner(run, component):
                if any(is_fact(run.kind[e]) for e in part):  # a detection revealing nothing new: no row
                    moments.append(_Moment(time, sorted(part)))
    moments += [_Moment(forecast.warned_at, list(forecast.events), forecast) for forecast in forecasts(run)]
    moments.sort(key=lambda m: (m.time, m.events[0]))
    return moments


def _components(run: RunLookups, events: set[int]) -> list[set[int]]:
    """Events of one instant joined by asset, then by reference, by cause (an event and its cause)
    and by a shared cause, except that these never join two separate reports, detections or
    alarms (union-find)."""
    parent = {e: e for e in events}
    channel = {e: (e if run.kind[e] in CHANNEL_OF else None) for e in events}

    def find(e: int) -> int:
        while parent[e] != e:
            parent[e] = parent[parent[e]]
            e = parent[e]
        return e

    def union(a: int, b: int, strict: bool) -> None:
        a, b = find(a), find(b)
        if a == b or (strict and channel[a] is not None and channel[b] is not None):
            return
        parent[a] = b
        channel[b] = channel[b] if channel[b] is not None else channel[a]

    ordered = sorted(events)
    first_of: dict[tuple[str, object], int] = {}
    for e in ordered:  # the same asset
        if run.asset[e]:
            union(e, first_of.setdefault(("asset", run.asset[e]), e), strict=False)
    for e in ordered:  # the same reference (inject, basin, crowd), an event and its cause, the same cause
        cause = run.cause[e]
        if cause in parent:
            union(e, cause, strict=True)
        for key in (("ref", run.ref[e]), ("cause", cause)):
            if key[1] not in ("", None):
                union(e, first_of.setdefault(key, e), strict=True)
    groups: dict[int, set[int]] = defaultdict(set)
    for e in events:
        groups[find(e)].add(e)
    return list(groups.values())


def _per_owner(run: RunLookups, component: set[int]) -> list[set[int]]:
    """A moment split by the owners of its assets: each owner reports its own assets. An event
    whose asset has no owner (a neighbourhood) or that has no asset goes with the owner of its
    nearest cause in the moment (the substation whose failure it follows); with none, it makes a
    part of its own (citizens or units on site report it)."""

    def owner_of(e: int) -> str:
        seen = set()
        while e in component and e not in seen:
            seen.add(e)
            owner = run.owner.get(run.asset[e], "") if run.asset[e] else ""
            if owner:
                return str(owner)
            cause = run.cause[e]
            if cause is None:
                break
            e = cause
        return ""

    parts: dict[str, set[int]] = defaultdict(set)
    for e in sorted(component):
        parts[owner_of(e)].add(e)
    return list(parts.values())


# --- what the simulation knows -------------------------------------------------------------------------
def _event_line(run: RunLookups, e: int, kinds: list[str] | None = None, fields: list[int] | None = None) -> str:
    """``#id hh:mm kind asset level fields`` of event ``e``; with ``kinds``, those kinds for the
    asset's events and the data fields of the events ``fields``."""
    level = ""
    if run.kind[e] in STATUS_KINDS and run.level[e] is not None:
        level = " " + format_percent(run.level[e], run.lang)
    head = [f"#{e}", run.clock(run.time[e]).strftime("%H:%M")]
    if kinds is None:
        head += [run.kind[e], ((run.asset[e] or "") + level).strip()]
    else:  # the level beside the kind it is the level of
        head += [f"{run.asset[e]}:", ", ".join(k + (level if k == run.kind[e] else "") for k in kinds)]
    parts = [" ".join(p for p in head if p)]
    shown: list[str] = []
    for i in fields if fields is not None else [e]:
        for field, unit in _SIMULATION_FIELDS:
            value = run.data[i].get(field)
            if value not in (None, ""):
                said = f"{format_level(value, run.lang) if field == 'level_m' else value}{unit}"
                if said not in shown:
                    shown.append(said)
    return ", ".join(parts + shown) if kinds is not None else " ".join(parts + shown)


def _simulation_detail(run: RunLookups, moment: _Moment) -> str:
    """Every event of the moment, one a line (for the CSV file): ``#id hh:mm kind asset`` and what
    the engine knows of it (the service level of a status, the need type, the water level, the rain
    rate)."""
    return "\n".join(_event_line(run, e) for e in moment.events if run.kind[e] != "inject")


def _simulation(run: RunLookups, moment: _Moment) -> str:
    """The essentials, one line per asset in order of its first event: its key event (its last
    change of status, else its last fact), ``#id hh:mm asset: kinds level, fields``, where the kinds
    are those of its facts other than the needs and the report, detection or alarm that brought
    them (the row's sender says that), the level that of the key event, the fields every need type,
    water level or rain rate of its events; an event without an asset a line of its own. At most
    ``_MAX_SIMULATION_LINES`` lines, then how many more (every event in the CSV); then the
    notes."""
    groups: dict[object, list[int]] = {}
    for e in moment.events:
        if run.kind[e] != "inject":
            groups.setdefault(run.asset[e] or ("event", e), []).append(e)
    lines = []
    for key, events in groups.items():
        if isinstance(key, tuple):
            lines.append(_event_line(run, events[0]))
            continue
        told = [e for e in events if not run.kind[e].startswith("need.") and run.kind[e] not in CHANNEL_OF]
        status = [e for e in told if run.kind[e] in STATUS_KINDS]
        last = (status or told or events)[-1]
        kinds = list(dict.fromkeys(run.kind[e] for e in told)) or [run.kind[last]]
        lines.append(_event_line(run, last, kinds, events))
    if len(lines) > _MAX_SIMULATION_LINES:
        rest = len(lines) - _MAX_SIMULATION_LINES + 1
        lines = lines[: _MAX_SIMULATION_LINES - 1] + [run.t("msel.sim.more", n=rest)]
    return "\n".join(lines + moment.notes)


def _concerns(run: RunLookups, moment: _Moment, shown: set[str]) -> bool:
    """Whether ``moment`` is about an asset in ``shown`` or about no asset at all."""
    assets = {run.asset[e] for e in moment.events if run.asset[e]}
    return not assets or not assets.isdisjoint(shown)


# --- the table ---------------------------------------------------------------------------------------------
def derive_injects(results: Results, lang: str = "en") -> pd.DataFrame:
    """The inject list of a run, one row per awareness moment (see the module docstring).

    Columns ``INJECT_COLUMNS``: ``number`` (1..n), ``time_min`` (minutes after the start, when the
    receiving organisation learned it), ``clock`` (wall clock, aware, to the second), ``from``,
    ``to`` (display text), ``to_id`` (the addressee as a party id: the control room's
    organisation, a crisis team or the organisation whose crisis team takes it), ``method`` (a key:
    phone_112, direct_line, phone, email, scada, radio, social, media, knmi),
    ``message`` (as the role player reads it out), ``expected_action`` (one action a line),
    ``simulation`` (the essentials of what the simulation knows: one asset a line, then notes),
    ``simulation_detail`` (every event, one a line), ``responses`` (tuple
    of the ids of the responses listed as expected actions, ascending), ``events`` (tuple of the ids of the
    events learned in the moment, ascending), ``assets`` (tuple of asset ids, in order of first event),
    ``channel`` (one of ``MSEL_CHANNELS``). Text columns in ``lang``. A run of more than
    ``SHOWN_ASSETS`` assets lists the moments of those that matter most and those of no asset
    (``analysis/shown.py``).
    """
    run = RunLookups(results, lang)
    knowledge, shown = results.knowledge, shown_assets(results)
    if shown is not None:  # a large run: what was learned of the assets that matter most, and of no asset
        learned = [not run.asset.get(int(e)) or run.asset[int(e)] in shown for e in knowledge["event"].tolist()]
        knowledge = knowledge[learned]
    moments = _moments(run, knowledge)
    assign_responses(run, moments, _is_news)
    place_team_decisions(run, moments)
    if shown is not None:
        moments = [m for m in moments if _concerns(run, m, shown)]
    planned = []
    for moment in moments:
        channel, channel_event = (
            (moment.channel, None) if moment.channel else moment_channel(run, moment.time, moment.events)
        )
        facts = [e for e in moment.events if is_fact(run.kind[e])]
        planned.append((moment, channel, route(run, moment.time, channel, channel_event, facts)))
    rows = []
    for number, (moment, channel, sender) in enumerate(join_calls(run, planned), start=1):
        facts = [e for e in moment.events if is_fact(run.kind[e])]
        if moment.forecast is not None:
            message = forecast_text(run, moment.forecast)
        else:
            own, crowd = sender["say"] in OWN_SPEAKERS, sender["say"].startswith("callers")
            sentences = fact_sentences(run, moment.time, facts, own, crowd)
            message = spoken_message(run, sender, moment.time, sentences)
        assets = tuple(dict.fromkeys(run.asset[e] for e in moment.events if run.asset[e] and run.kind[e] != "inject"))
        rows.append(
            {
                "number": number,
                "time_min": moment.time,
                "clock": pd.Timestamp(run.clock(moment.time)),
                "from": sender["from"],
                "to": sender["to"],
                "to_id": sender["to_id"],
                "method": sender["method"],
                "message": message,
                "expected_action": expected_action(run, moment, channel, sender, facts),
                "simulation": _simulation(run, moment),
                "simulation_detail": _simulation_detail(run, moment),
                "responses": tuple(sorted(moment.responses)),
                "events": tuple(moment.events),
                "assets": assets,
                "channel": channel,
            }
        )
    frame = pd.DataFrame(rows, columns=INJECT_COLUMNS)
    return frame.astype({"number": "int64", "time_min": "float64"})
