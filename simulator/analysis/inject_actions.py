"""The expected player action of each inject: the response the run's playbook and escalation made
to it, placed where the deciding team can take it.

Each response (a rule fired, a GRIP decision, a repair asked for, a legal deadline started) goes to
the latest moment at or before it that holds the fact that caused it; responses to responses follow
their cause. A decision of a team never comes before that team is in session: a GRIP step is
decided by the team in session just before it (the one assembled last; none: the duty officer,
who is always there), a playbook action that waited for a team (an emergency ordinance waiting for
the municipal policy team) by that team. When the moment it would go to is earlier than the
team's assembly, it moves to the first moment while the team is in session (from its assembly to
its dismissal; a step down dismisses it); when there is none, it is dropped and the moment where
it would have been says so in its simulation column.
Without any response, a default by the kind of row: register the report, assess the incident,
update the picture. Assets and crews are named as people say them, without their bracketed
explanations (``Regionaal team cybercrime``, not ``... (digitaal rechercheurs)``).
"""

from __future__ import annotations

import math
from collections import defaultdict

from ..engine.eventkinds import EXPECTED_ACTIONS
from ..messages import CATALOGUE, text_count
from .eventtext import legal_period
from .inject_lookups import RunLookups
from .inject_speech import spoken_name
from .inject_weather import forecast_sender

__all__ = ["assign_responses", "place_team_decisions", "expected_action"]

_MAX_TARGETS = 3
_GRIP_KINDS = ("grip.escalated", "grip.deescalated", "grip.ended")


def assign_responses(run: RunLookups, moments: list, is_news) -> None:
    """Give each response to the latest moment at or before it that holds its cause."""
    holding: dict[int, list[int]] = defaultdict(list)
    for index, moment in enumerate(moments):
        for e in moment.events:
            holding[e].append(index)
    owner: dict[int, int] = {}
    for e in run.ids:
        if is_news(run.kind[e]):
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


def _sessions(run: RunLookups) -> dict[str, list[tuple[float, float, str]]]:
    """Per team id: its sessions as (assembled, dismissed or inf, name), in order."""
    sessions: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for e in run.team_events:
        ref = run.ref[e]
        if run.kind[e] == "team.assembled":
            sessions[ref].append((run.time[e], math.inf, str(run.data[e].get("team") or ref)))
        elif sessions[ref] and sessions[ref][-1][1] == math.inf:
            start, _, name = sessions[ref][-1]
            sessions[ref][-1] = (start, run.time[e], name)
    return sessions


def _decider(run: RunLookups, e: int, sessions) -> tuple[str, float, float] | None:
    """(team name, in session from, in session until) of a team decision, None for others: for a
    GRIP step the session in progress just before it (the team assembled last), for an action that
    waited for a team the session in which it was queued, else the team's first session (from inf
    when the team never assembles)."""
    kind = run.kind[e]
    if kind in _GRIP_KINDS:
        before = math.nextafter(run.time[e], -math.inf)
        open_ = [s for team in sessions.values() for s in team if s[0] <= before < s[1]]
        if not open_:
            return None  # no team in session: the duty officer decides
        start, end, name = max(open_)
        return name, start, end
    if kind != "rule.fired":
        return None
    for waiting in run.children.get(e, ()):
        if run.kind[waiting] != "action.waiting":
            continue
        ref = str(run.data[waiting].get("team", ""))
        queued = [run.time[c] for c in run.children.get(waiting, ()) if run.kind[c] == "action.queued"]
        decided = min(queued, default=math.inf)
        session = next((s for s in sessions.get(ref, []) if s[0] <= decided <= s[1]), None)
        if session is None:
            return (ref, math.inf, math.inf)
        return (session[2], session[0], session[1])
    return None


def place_team_decisions(run: RunLookups, moments: list) -> None:
    """Move each team decision to a moment when its team is in session (see the module docstring);
    the notes for exercise control say so once per moment, team and kind of note, naming every
    decision it holds ("'A' en 'B' zijn besluiten van het GBT ...")."""
    sessions = _sessions(run)
    notes: dict[tuple[int, str, str, str], list[str]] = {}  # (moment, note key, team, clock) -> actions
    for index, moment in enumerate(moments):
        for e in list(moment.responses):
            decider = _decider(run, e, sessions)
            if decider is None or moment.time >= decider[1]:
                continue
            team, since, until = decider
            moment.responses.remove(e)
            later = next((i for i, m in enumerate(moments) if since <= m.time <= until), None)
            action = response_text(run, e)
            if later is not None:
                moments[later].responses.append(e)
                notes.setdefault((later, "msel.note.moved", team, _hhmm(run, since)), []).append(action)
            elif action:
                key = "msel.note.never" if math.isinf(since) else "msel.note.dropped"
                when = "" if math.isinf(since) else _hhmm(run, since)
                notes.setdefault((index, key, team, when), []).append(action)
    for (index, key, team, clock), actions in notes.items():
        quoted = [f"'{a}'" for a in dict.fromkeys(actions)]
        joined = ", ".join(quoted[:-1]) + run.t("msel.note.and") + quoted[-1] if len(quoted) > 1 else quoted[0]
        moments[index].notes.append(text_count(key, len(quoted), run.lang, actions=joined, team=team, clock=clock))


def _hhmm(run: RunLookups, minutes: float) -> str:
    return run.clock(minutes).strftime("%H:%M")


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
    names = [spoken_name(run.name(a)) for a in dict.fromkeys(a for a in assets if a)]
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
    return run.t("msel.do.crew", what=what, crew=spoken_name(crew)) if crew else what


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
    return run.t("msel.do.crew", what=what, crew=spoken_name(crew)) if crew else what


def response_text(run: RunLookups, e: int) -> str | None:
    """One response as an expected player action; None when the playbook did not act."""
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
        name = spoken_name(run.name(run.asset[e]))
        return (
            run.t("msel.do.repair", crew=spoken_name(str(crew)), name=name)
            if crew
            else run.t("msel.do.repair_plain", name=name)
        )
    return _rule_action(run, e)


def _suppliers(run: RunLookups, facts: list[int]) -> tuple[list[str], set[str]]:
    """The owners of the assets whose failure left a population zone of ``facts`` without a
    service (the asset of each lost need's cause), in order of first mention, and the lost needs."""
    owners: list[str] = []
    lost: set[str] = set()
    for e in facts:
        if run.kind[e] != "need.unsatisfied" or run.sector.get(run.asset[e]) != "population":
            continue
        lost.add(str(run.data[e].get("type", "")))
        cause = run.cause[e]
        supplier = run.owner.get(run.asset[cause], "") if cause is not None and cause in run.asset else ""
        if supplier and supplier not in owners:
            owners.append(supplier)
    return owners, lost


def expected_action(run: RunLookups, moment, channel: str, route: dict[str, str], facts: list[int]) -> str:
    """The expected player actions of a moment, one a line."""
    actions = [a for a in (response_text(run, e) for e in sorted(moment.responses)) if a]
    if not actions:
        owner = route.get("org", "")
        if channel == "forecast":
            actions = [run.t(forecast_sender(run, facts)[2])]
        elif channel == "report":
            suppliers, lost = _suppliers(run, facts)
            if suppliers:  # residents without a service: inform whoever supplies it, not the zone's owner
                owners = run.t("msel.and").join(run.org_names.get(o, o) for o in suppliers)
                actions = [run.t("msel.do.register", org=owners)]
            elif owner and run.sector.get(route.get("asset", "")) != "population":
                actions = [run.t("msel.do.register", org=run.org_names.get(owner, owner))]
            else:
                actions = [run.t("msel.do.register_plain")]
            if "water" in lost:
                actions.append(run.t("msel.do.emergency_water"))
        elif channel in ("monitoring", "alarm") and route["to_id"] not in ("", run.control_room):
            actions = [run.t("msel.do.assess")]
        elif all(
            run.kind[e] in ("asset.operational", "need.satisfied", "need.restarted") or run.kind[e].endswith(".end")
            for e in facts
        ):
            actions = [run.t("msel.do.picture_down")]
        else:
            actions = [run.t("msel.do.picture")]
    return "\n".join(dict.fromkeys(actions))
