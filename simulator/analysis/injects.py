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
power again). A moment must hold at least one fact that organisation did not know before: a
detection that reveals nothing new makes no row. The same facts reaching another organisation
later (an owner whose monitoring found an attack tells the control room after its notify delay)
are a moment of their own.

The expected player action of a row is the response the run's playbook and escalation made to it:
the rules that fired, GRIP decisions, repairs asked for and legal deadlines started, each listed
with the latest row at or before it that holds the fact which caused it; without any, a default
by the kind of row (register the report, assess the incident, update the picture).

Rows are sorted by time; rows of the same minute in the order the simulation logged their first
event. Times: ``time_min`` minutes after the scenario start; ``clock`` the wall clock in the
scenario's time zone, to the second.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from ..engine.eventkinds import (
    CHANNEL_OF,
    CHANNELS,
    EXPECTED_ACTIONS,
    STATUS_KINDS,
    VISIBILITY,
    VISIBLE_INCIDENTS,
)
from ..messages import CATALOGUE
from .eventtext import duration_text, event_message, legal_period
from .inject_lookups import RunLookups, event_layer
from .results import Results

__all__ = ["INJECT_COLUMNS", "CHANNELS", "derive_injects"]

INJECT_COLUMNS = [
    "number",
    "time_min",
    "clock",
    "from",
    "to",
    "method",
    "message",
    "expected_action",
    "events",
    "assets",
    "channel",
]
# Sectors whose monitoring is an operational-technology (SCADA) alarm; the others' a SOC e-mail.
_OT_SECTORS = frozenset({"energy", "water", "flood_defence", "waterways", "telecom", "transport"})
_MAX_FACTS = 6  # facts named in one message; the rest are counted ("and 3 more")
_MAX_TARGETS = 3


def is_fact(kind: str) -> bool:
    """News about the world: not the organisation's own work (reports and detections included),
    not an inject. A kind no longer declared (a run directory of a plugin not installed) counts as
    a fact."""
    return VISIBILITY.get(kind) != "own_work" and event_layer(kind) != "inject"


def _is_news(kind: str) -> bool:
    return is_fact(kind) or kind in CHANNEL_OF or kind == "inject"


class _Moment:
    """What organisations learn at one minute about one matter: its events, ascending, and the
    responses (rules fired, GRIP decisions, repairs, deadlines) listed with it."""

    def __init__(self, time: float, events: list[int]):
        self.time = time
        self.events = sorted(events)
        self.responses: list[int] = []


# --- moments ------------------------------------------------------------------------------------------
def _moments(run: RunLookups, knowledge: pd.DataFrame) -> list[_Moment]:
    """The awareness moments, sorted by time and first event (see the module docstring)."""
    rows = sorted(
        (float(t), int(e), str(o))
        for t, o, e in zip(knowledge["time_min"], knowledge["org"], knowledge["event"])
        if _is_news(run.kind.get(int(e), ""))
    )
    by_time: dict[float, set[int]] = defaultdict(set)
    for time, event, _org in rows:
        by_time[time].add(event)  # organisations learning the same event at the same minute: one moment
    moments = []
    for time, events in by_time.items():
        for component in _components(run, events):
            if any(is_fact(run.kind[e]) for e in component):  # a detection revealing nothing new: no row
                moments.append(_Moment(time, sorted(component)))
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


def _assign_responses(run: RunLookups, moments: list[_Moment]) -> None:
    """Each response (rule fired, GRIP decision, repair, deadline) goes to the latest moment at or
    before it that holds the fact that caused it; responses to responses follow their cause."""
    holding: dict[int, list[int]] = defaultdict(list)
    for index, moment in enumerate(moments):
        for e in moment.events:
            holding[e].append(index)
    owner: dict[int, int] = {}
    for e in run.ids:
        if _is_news(run.kind[e]):
            continue  # facts, reports and injects are what moments hold, not responses
        cause = run.cause[e]
        if cause is None:
            continue
        candidates = [i for i in holding.get(cause, ()) if moments[i].time <= run.time[e]]
        if candidates:
            owner[e] = max(candidates, key=lambda i: (moments[i].time, i))
        elif cause in owner:
            owner[e] = owner[cause]
        else:
            continue
        if run.kind[e] in EXPECTED_ACTIONS:
            moments[owner[e]].responses.append(e)


# --- who, how -------------------------------------------------------------------------------------------
def _channel(run: RunLookups, moment: _Moment) -> tuple[str, int | None]:
    channel_event = next((e for e in moment.events if run.kind[e] in CHANNEL_OF), None)
    if channel_event is None:
        return "update", None
    channel = CHANNEL_OF[run.kind[channel_event]]
    if channel == "report":
        return "report", channel_event
    if run.known[channel_event] is not None and run.known[channel_event] < moment.time:
        return "share", channel_event
    return channel, channel_event


def _team_in_session(run: RunLookups, time: float) -> str | None:
    """The crisis team assembled last among those in session at ``time`` (the higher GRIP teams
    assemble later), or None."""
    session: dict[str, tuple[float, str]] = {}
    for e in run.team_events:
        if run.time[e] > time:
            break
        if run.kind[e] == "team.assembled":
            session[run.ref[e]] = (run.time[e], str(run.data[e].get("team") or run.ref[e]))
        elif run.kind[e] == "team.dismissed":
            session.pop(run.ref[e], None)
    return max(session.values())[1] if session else None


def _route(
    run: RunLookups, moment: _Moment, channel: str, channel_event: int | None, facts: list[int]
) -> dict[str, str]:
    """``from``, ``to``, ``method``, the speaker of the message (``say``: a ``msel.say.*`` key,
    with ``org`` and ``official``) and the ``asset`` the row is mainly about.

    A call to 112 reaches the control room; an owner's own monitoring or alarm reaches its crisis
    team (social media for online incidents, a SCADA alarm for operational technology, else an
    e-mail from the SOC); what an owner or units on site tell the crisis organisation afterwards
    reaches the crisis team in session (the one assembled last, the highest GRIP level), else the
    control room; so does public news (a weather warning), through the media.
    """
    asset = next((run.asset[e] for e in ([channel_event] if channel_event else []) + facts if run.asset[e]), "")
    org = owner = run.owner.get(asset, "")
    control = run.t("msel.to.control_room")
    kinds = {run.kind[e] for e in facts}
    official = ""
    if channel == "report":
        to, method, kind = control, "phone_112", run.kind[channel_event]
        if kind == "report.received.threat":
            say = "official"
            official = next((str(run.data[e]["official"]) for e in facts if run.data[e].get("official")), "")
        elif kind in ("report.received.flood", "report.received.crowd"):
            say = "residents"
        elif owner and owner != run.control_room and run.sector.get(asset) != "population":
            say = "operator"
        else:
            say = "caller"
    elif channel in ("monitoring", "alarm"):
        org = run.org[channel_event] or owner
        to = (
            control
            if not org or org == run.control_room
            else run.t("msel.to.crisis_team", org=run.org_names.get(org, org))
        )
        if any(k.startswith("online.") for k in kinds):
            say, method = "webcare", "social"
        elif channel == "alarm" or (run.sector.get(asset) in _OT_SECTORS and "cyber.exfiltrated" not in kinds):
            say, method = "scada", "scada"
        else:
            say, method = "soc", "email"
    elif facts and all(VISIBILITY.get(k) == "public" for k in kinds):
        to, say, method = _team_in_session(run, moment.time) or control, "public", "media"
    else:
        to = _team_in_session(run, moment.time) or control
        if owner and owner != run.control_room:
            say, method = ("duty" if channel == "share" else "operator"), "phone"
        else:
            say, method = "units", "radio"
    sender = run.t(f"msel.from.{say}", org=run.org_names.get(org, org), official=official)
    return {"from": sender, "to": to, "method": method, "say": say, "org": org, "official": official, "asset": asset}


# --- what the player hears ----------------------------------------------------------------------------
def _since(run: RunLookups, minutes: float, moment: _Moment) -> str:
    when, now = run.clock(minutes), run.clock(moment.time)
    return when.strftime("%H:%M") if when.date() == now.date() else when.strftime("%d-%m %H:%M")


def _needs(run: RunLookups, types: list[str]) -> str:
    unique = list(dict.fromkeys(types))
    return ", ".join(run.t(f"need.{n}") if f"need.{n}" in CATALOGUE else n for n in unique)


def _pct(level: float | None) -> str:
    return f"{round((level or 0.0) * 100)}%"


def _fact_phrases(run: RunLookups, moment: _Moment, facts: list[int]) -> list[str]:  # noqa: C901, PLR0912 -- debt: split when next changed
    """The facts of a moment in the player's words, in the order they happened."""
    phrases: list[tuple[int, str]] = []
    status: dict[str, int] = {}
    lost: dict[str, list[int]] = defaultdict(list)
    exhausted: dict[str, list[str]] = defaultdict(list)
    back: dict[str, list[str]] = defaultdict(list)
    first: dict[str, int] = {}
    incident: set[str] = set()
    for e in facts:
        kind, asset = run.kind[e], run.asset[e]
        if asset:
            first.setdefault(asset, e)
        need = str(run.data[e].get("type", ""))
        if kind in STATUS_KINDS:
            status[asset] = e
        elif kind == "need.unsatisfied":
            lost[asset].append(e)
        elif kind == "need.exhausted":
            exhausted[asset].append(need)
        elif kind == "need.satisfied":
            back[asset].append(need)
        elif kind in ("need.restarted", "outage.start", "outage.end", "repair.unavailable"):
            continue  # said by the asset's status (that nobody can repair it is scenario data, not news to read out)
        elif f"msel.fact.{kind}" in CATALOGUE:
            level = run.data[e].get("level", run.level[e])  # a DDoS names its level: the service follows later
            params = {**{k: str(v) for k, v in run.data[e].items()}, "name": run.name(asset), "level_pct": _pct(level)}
            phrases.append((e, run.t(f"msel.fact.{kind}", **params)))
            if kind in VISIBLE_INCIDENTS:  # it says the asset is down
                incident.add(asset)
        else:
            phrases.append(
                (e, event_message(kind, run.name(asset) if asset else "", run.data[e], run.level[e], run.lang))
            )
    for asset, order in first.items():
        name = run.name(asset)
        if asset in status:
            e = status[asset]
            kind = run.kind[e]
            if kind == "asset.operational":
                phrases.append((order, run.t("msel.fact.operational", name=name)))
            elif asset not in incident:
                why = run.t("msel.fact.why", needs=_needs(run, exhausted[asset])) if exhausted[asset] else ""
                key = "msel.fact.failed" if kind == "asset.failed" else "msel.fact.degraded"
                phrases.append(
                    (
                        order,
                        run.t(
                            key,
                            name=name,
                            since=_since(run, run.time[e], moment),
                            level_pct=_pct(run.level[e]),
                            why=why,
                        ),
                    )
                )
        elif lost[asset] or exhausted[asset]:
            types = [str(run.data[e].get("type", "")) for e in lost[asset]] + exhausted[asset]
            buffers = [float(run.data[e].get("buffer") or 0) for e in lost[asset]]
            if buffers and max(buffers) > 0 and not exhausted[asset]:
                phrases.append(
                    (
                        order,
                        run.t(
                            "msel.fact.need_reserve",
                            name=name,
                            needs=_needs(run, types),
                            buffer=duration_text(max(buffers), run.lang),
                        ),
                    )
                )
            else:
                phrases.append((order, run.t("msel.fact.need_lost", name=name, needs=_needs(run, types))))
        elif back[asset]:
            phrases.append((order, run.t("event.need.satisfied", name=name, type=_needs(run, back[asset]))))
    texts = [phrase for _, phrase in sorted(phrases, key=lambda p: p[0])]
    if not texts:  # only facts said by a status that did not change (a restart while still degraded)
        e = facts[0]
        texts = [event_message(run.kind[e], run.name(run.asset[e]), run.data[e], run.level[e], run.lang)]
    if len(texts) > _MAX_FACTS:
        texts = texts[: _MAX_FACTS - 1] + [run.t("msel.fact.more", n=len(texts) - _MAX_FACTS + 1)]
    return texts


def _message(run: RunLookups, route: dict[str, str], content: list[str]) -> str:
    return run.t(
        f"msel.say.{route['say']}",
        name=run.name(route["asset"]),
        org=run.org_names.get(route.get("org", ""), route.get("org", "")),
        official=route.get("official", ""),
        content="; ".join(content),
    )


# --- what the players are expected to do -------------------------------------------------------------
def _queued(run: RunLookups, rule_event: int) -> list[int]:
    """The action.queued events of a fired rule (directly, or after waiting for a team)."""
    found = []
    for child in run.children.get(rule_event, ()):
        if run.kind[child] == "action.queued":
            found.append(child)
        elif run.kind[child] == "action.waiting":
            found += [c for c in run.children.get(child, ()) if run.kind[c] == "action.queued"]
    return found


def _targets(run: RunLookups, assets: list[str]) -> str:
    names = [run.name(a) for a in dict.fromkeys(a for a in assets if a)]
    if len(names) > _MAX_TARGETS:
        names = names[: _MAX_TARGETS - 1] + [run.t("msel.do.more", n=len(names) - _MAX_TARGETS + 1)]
    return ", ".join(names)


def _rule_action(run: RunLookups, e: int) -> str | None:
    children = {run.kind[c] for c in run.children.get(e, ())}
    if children & {"action.skipped", "action.impossible"}:
        return None  # the playbook did not act: its condition did not hold, or no fallback
    action = str(run.data[e].get("action", ""))
    queued = _queued(run, e)
    if action == "notify" and run.kind.get(run.cause[e] or 0) == "deadline.started":
        return None  # said with the deadline
    what = run.t(f"msel.do.{action}") if f"msel.do.{action}" in CATALOGUE else action
    targets = _targets(run, [run.asset[q] for q in queued] or [run.asset[e]])
    if targets:
        what = run.t("msel.do.targets", what=what, targets=targets)
    crew = next((str(run.data[q]["crew"]) for q in queued if run.data[q].get("crew")), "")
    return run.t("msel.do.crew", what=what, crew=crew) if crew else what


def _deadline(run: RunLookups, e: int) -> str:
    data = run.data[e]
    within = float(data.get("within", 0))
    due = run.clock(run.time[e] + within).strftime("%d-%m-%Y %H:%M")
    what = run.t(
        "msel.do.deadline",
        deadline=data.get("deadline", run.ref[e]),
        org=data.get("org", ""),
        within=legal_period(within, run.lang),
        due=due,
    )
    notify = [c for c in run.children.get(e, ()) if run.kind[c] == "rule.fired"]
    crew = next((str(run.data[q]["crew"]) for r in notify for q in _queued(run, r) if run.data[q].get("crew")), "")
    return run.t("msel.do.crew", what=what, crew=crew) if crew else what


def _response(run: RunLookups, e: int) -> str | None:
    kind, data = run.kind[e], run.data[e]
    if kind == "grip.escalated":
        return run.t("msel.do.grip_up", name=data.get("name") or run.ref[e])
    if kind == "grip.deescalated":
        return run.t("msel.do.grip_down", name=data.get("name") or run.ref[e])
    if kind == "grip.ended":
        return run.t("msel.do.grip_end")
    if kind == "deadline.started":
        return _deadline(run, e)
    if kind == "repair.queued":
        crew = data.get("crew")
        name = run.name(run.asset[e])
        return run.t("msel.do.repair", crew=crew, name=name) if crew else run.t("msel.do.repair_plain", name=name)
    return _rule_action(run, e)


def _expected(run: RunLookups, moment: _Moment, channel: str, route: dict[str, str], facts: list[int]) -> str:
    actions = [a for a in (_response(run, e) for e in moment.responses) if a]
    if not actions:
        owner = route.get("org", "")
        if channel == "report":
            actions = [
                run.t("msel.do.register", org=run.org_names.get(owner, owner))
                if owner
                else run.t("msel.do.register_plain")
            ]
        elif channel in ("monitoring", "alarm") and route["to"] != run.t("msel.to.control_room"):
            actions = [run.t("msel.do.assess")]
        elif all(
            run.kind[e] in ("asset.operational", "need.satisfied", "need.restarted") or run.kind[e].endswith(".end")
            for e in facts
        ):
            actions = [run.t("msel.do.picture_down")]
        else:
            actions = [run.t("msel.do.picture")]
    return "\n".join(dict.fromkeys(actions))


# --- the table ---------------------------------------------------------------------------------------------
def derive_injects(results: Results, lang: str = "en") -> pd.DataFrame:
    """The inject list of a run, one row per awareness moment (see the module docstring).

    Columns ``INJECT_COLUMNS``: ``number`` (1..n), ``time_min`` (minutes after the start, when the
    receiving organisation learned it), ``clock`` (wall clock, aware, to the second), ``from``,
    ``to``, ``method`` (a key: phone_112, phone, email, scada, radio, social, media), ``message`` (as the
    player hears it), ``expected_action`` (one action a line), ``events`` (tuple of the ids of the
    events learned in the moment, ascending), ``assets`` (tuple of asset ids, in order of first event),
    ``channel`` (one of ``CHANNELS``). Text columns in ``lang``.
    """
    run = RunLookups(results, lang)
    moments = _moments(run, results.knowledge)
    _assign_responses(run, moments)
    rows = []
    for number, moment in enumerate(moments, start=1):
        channel, channel_event = _channel(run, moment)
        facts = [e for e in moment.events if is_fact(run.kind[e])]
        route = _route(run, moment, channel, channel_event, facts)
        content = _fact_phrases(run, moment, facts)
        assets = tuple(dict.fromkeys(run.asset[e] for e in moment.events if run.asset[e] and run.kind[e] != "inject"))
        rows.append(
            {
                "number": number,
                "time_min": moment.time,
                "clock": pd.Timestamp(run.clock(moment.time)),
                "from": route["from"],
                "to": route["to"],
                "method": route["method"],
                "message": _message(run, route, content),
                "expected_action": _expected(run, moment, channel, route, facts),
                "events": tuple(moment.events),
                "assets": assets,
                "channel": channel,
            }
        )
    frame = pd.DataFrame(rows, columns=INJECT_COLUMNS)
    return frame.astype({"number": "int64", "time_min": "float64"})
