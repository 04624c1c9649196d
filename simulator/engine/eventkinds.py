"""The event kinds: one declared table of what each kind of event means.

Every event the engine logs has a kind (``cyber.encrypted``, ``need.exhausted``, ...) declared here
once, with what the rest of rampsim needs to know about it:

- ``layer``: the part of the engine that emits it (``inject``, ``incident``, ``hazard``,
  ``cascade`` (needs), ``state`` (asset status), ``awareness``, ``crews``, ``response`` (the
  playbook), ``escalation``, ``deadlines``, ...);
- ``visibility``: how the crisis organisation learns of it (``engine/awareness.py``):
  ``visible`` (revealed by a report or by watching its asset), ``stealthy`` (only by monitoring or
  an alarm), ``own_work`` (known as it happens to the organisation that logs it), ``public`` (known
  to every organisation at once: weather);
- ``headline``: shown in the timeline, the replay feed and the debrief (the need bookkeeping is not);
- ``incident_fact``: learning it makes its incident known (``incident_known`` rules, the situation
  that escalation reads, legal clocks);
- ``channel``: the way it brings news in the inject list (``report``, ``monitoring``, ``alarm``);
- ``watch``: once known, its asset stays watched to the end of the run (an attacker controls it);
- ``expected_action``: a decision of the crisis organisation that the inject list names as the
  expected player action of the news that caused it;
- ``message``: its sentence in the message catalogue (default ``event.<name>``).

Every derived set (``HEADLINES``, ``INCIDENT_FACTS``, ...) comes from this table and is kept up to
date by ``declare``, which plugins call for their own kinds (at import time or later). The derived
containers are shared objects: read them, never change them except through ``declare``.
``EventLog.add`` refuses a kind that is not declared.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "EventKind",
    "EVENT_KINDS",
    "UndeclaredEventKind",
    "declare",
    "kind",
    "VISIBILITIES",
    "CHANNELS",
    "VISIBILITY",
    "HEADLINES",
    "INCIDENT_FACTS",
    "VISIBLE_INCIDENTS",
    "CHANNEL_OF",
    "WATCH",
    "EXPECTED_ACTIONS",
    "STATUS_KINDS",
    "STATUS_KIND",
]

VISIBILITIES = ("visible", "stealthy", "own_work", "public")
# Channels a kind itself brings news through; the inject list adds "share" (news passed on) and
# "update" (news without a channel event) for its rows.
CHANNELS = ("report", "monitoring", "alarm", "share", "update")


@dataclass(frozen=True)
class EventKind:
    """One kind of event and what it means (see the module docstring)."""

    name: str
    layer: str
    visibility: str
    headline: bool = False
    incident_fact: bool = False
    channel: str | None = None
    message: str = ""
    watch: bool = False
    expected_action: bool = False

    def __post_init__(self) -> None:
        if not self.name or not isinstance(self.name, str):
            raise ValueError(f"event kind needs a name, got {self.name!r}")
        if not self.layer:
            raise ValueError(f"event kind {self.name!r} needs a layer")
        if self.visibility not in VISIBILITIES:
            raise ValueError(
                f"event kind {self.name!r}: visibility must be one of {', '.join(VISIBILITIES)}, "
                f"got {self.visibility!r}"
            )
        if self.channel is not None and self.channel not in CHANNELS:
            raise ValueError(
                f"event kind {self.name!r}: channel must be one of {', '.join(CHANNELS)} or None, got {self.channel!r}"
            )
        if not self.message:
            object.__setattr__(self, "message", f"event.{self.name}")


class UndeclaredEventKind(KeyError):
    """An event kind that is not in the table (a KeyError with a readable message)."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return (
            f"event kind {self.name!r} is not declared: declare it in simulator/engine/eventkinds.py "
            "(or a plugin's declare(...))"
        )


EVENT_KINDS: dict[str, EventKind] = {}
# --- derived from the table (kept up to date by declare) -------------------------------------------
VISIBILITY: dict[str, str] = {}  # kind -> its visibility
HEADLINES: set[str] = set()
INCIDENT_FACTS: set[str] = set()
VISIBLE_INCIDENTS: set[str] = set()  # incident facts that show on their asset (not stealthy)
CHANNEL_OF: dict[str, str] = {}  # kinds that bring news through a channel -> the channel
WATCH: set[str] = set()
EXPECTED_ACTIONS: set[str] = set()
STATUS_KINDS: set[str] = set()  # the asset status events (layer "state")
STATUS_KIND: dict[str, str] = {}  # status (operational, degraded, failed) -> its event kind


def declare(*kinds: EventKind) -> None:
    """Add ``kinds`` to the table; declaring a name again is fine only with the same meaning."""
    for new in kinds:
        if not isinstance(new, EventKind):
            raise TypeError(f"declare() takes EventKind objects, got {new!r}")
        old = EVENT_KINDS.get(new.name)
        if old is not None:
            if old != new:
                raise ValueError(f"event kind {new.name!r} is declared twice with different meanings: {old} and {new}")
            continue
        EVENT_KINDS[new.name] = new
        VISIBILITY[new.name] = new.visibility
        for wanted, derived in (
            (new.headline, HEADLINES),
            (new.incident_fact, INCIDENT_FACTS),
            (new.watch, WATCH),
            (new.expected_action, EXPECTED_ACTIONS),
            (new.incident_fact and new.visibility != "stealthy", VISIBLE_INCIDENTS),
            (new.layer == "state", STATUS_KINDS),
        ):
            if wanted:
                derived.add(new.name)
        if new.channel is not None:
            CHANNEL_OF[new.name] = new.channel
        if new.layer == "state":
            STATUS_KIND[new.name.rpartition(".")[2]] = new.name


def kind(name: str) -> EventKind:
    """The declared kind ``name``; ``UndeclaredEventKind`` (a KeyError) if there is none."""
    try:
        return EVENT_KINDS[name]
    except KeyError:
        raise UndeclaredEventKind(name) from None


# --- the built-in kinds ------------------------------------------------------------------------------
# Columns: name, layer, visibility, then what else holds. H: headline; F: incident fact.
_V, _S, _O, _P = "visible", "stealthy", "own_work", "public"
declare(
    # what started it: the hidden truth, known when one of its incident's facts is
    EventKind("inject", "inject", _S, headline=True),
    # incidents (engine/incidents.py)
    EventKind("outage.start", "incident", _V, headline=True, incident_fact=True),
    EventKind("outage.end", "incident", _V, headline=True),
    EventKind("repair.unavailable", "incident", _V, headline=True),  # news once the asset is down
    EventKind("cyber.compromised", "incident", _V, headline=True, incident_fact=True),
    EventKind("cyber.manipulated", "incident", _S, headline=True, incident_fact=True, watch=True),
    EventKind("cyber.exfiltrated", "incident", _S, headline=True, incident_fact=True),
    EventKind("cyber.encrypted", "incident", _V, headline=True, incident_fact=True),
    EventKind("cyber.contained", "incident", _O, headline=True),
    EventKind("cyber.ddos.start", "incident", _V, headline=True, incident_fact=True),
    EventKind("cyber.ddos.end", "incident", _V, headline=True),
    EventKind("online.fraud.start", "incident", _V, headline=True, incident_fact=True),
    EventKind("online.fraud.end", "incident", _V, headline=True),
    EventKind(
        "online.threat.start", "incident", _S, headline=True, incident_fact=True
    ),  # until the official reports it
    EventKind("online.mobilization.start", "incident", _S, headline=True, incident_fact=True),
    EventKind("hazard.start", "incident", _V, incident_fact=True),
    # physical hazards (engine/flooding.py, engine/hazards/)
    EventKind("hazard.gates_opened", "hazard", _V, headline=True),
    EventKind("hazard.gates_closed", "hazard", _V, headline=True),  # and known at once to the crew that closed them
    EventKind("hazard.rain", "hazard", _P, headline=True),  # weather: a rain warning is public
    EventKind("hazard.alarm_level", "hazard", _V, headline=True),
    # a storm-surge warning of WMCN (engine/hazards/surge.py): about the sea, no asset; known to
    # whom it is sent (Rijkswaterstaat, the water boards, the control room) as it is issued
    EventKind("hazard.surge", "hazard", _V, headline=True),
    EventKind("hazard.crest_exceeded", "hazard", _V, headline=True),
    EventKind("zone.flooded", "hazard", _S, headline=True),  # until residents call about water in the street
    EventKind("flood.damage", "hazard", _V, headline=True),
    EventKind("crowd.gathering", "hazard", _V, headline=True),
    EventKind("crowd.disturbance", "hazard", _V, headline=True),
    EventKind("crowd.controlled", "hazard", _V, headline=True),
    EventKind("crowd.dispersed", "hazard", _V, headline=True),
    # the cascade (engine/needs.py) and asset status (engine/state.py)
    EventKind("need.unsatisfied", "cascade", _V),
    EventKind("need.exhausted", "cascade", _V),
    EventKind("need.satisfied", "cascade", _V),
    EventKind("need.restarted", "cascade", _V),
    EventKind("asset.failed", "state", _V, headline=True),
    EventKind("asset.degraded", "state", _V, headline=True),
    EventKind("asset.operational", "state", _V, headline=True),
    # awareness (engine/awareness.py): the reports, detections and alarms that bring news
    EventKind("report.received", "awareness", _O, headline=True, channel="report"),
    EventKind("report.received.flood", "awareness", _O, headline=True, channel="report"),
    EventKind("report.received.threat", "awareness", _O, headline=True, channel="report"),
    EventKind("report.received.crowd", "awareness", _O, headline=True, channel="report"),
    EventKind("detect.monitoring", "awareness", _O, headline=True, channel="monitoring"),
    EventKind("detect.alarm", "awareness", _O, headline=True, channel="alarm"),
    # crews (engine/crews.py): repairs, call-outs, extra load
    EventKind("crew.called_out", "crews", _O, headline=True),
    EventKind("repair.queued", "crews", _O, expected_action=True),
    EventKind("repair.started", "crews", _O, headline=True),
    EventKind("repair.done", "crews", _O),
    EventKind("load.queued", "crews", _O),
    EventKind("load.started", "crews", _O),
    EventKind("load.done", "crews", _O),
    EventKind("crew.extra_called", "crews", _O, headline=True),
    EventKind("crew.extra_arrived", "crews", _O, headline=True),
    # decisions of a live exercise (engine/decisions.py): the players' own work, known to them as taken
    EventKind("decision.taken", "decision", _O, headline=True, expected_action=True),
    EventKind("decision.refused", "decision", _O, headline=True),
    # the playbook (engine/response.py)
    EventKind("rule.fired", "response", _O, expected_action=True),
    EventKind("action.waiting", "response", _O, headline=True),
    EventKind("action.skipped", "response", _O, headline=True),
    EventKind("action.queued", "response", _O),
    EventKind("action.started", "response", _O, headline=True),
    EventKind("action.done", "response", _O, headline=True),
    EventKind("action.impossible", "response", _O, headline=True),
    EventKind("action.no_effect", "response", _O),
    EventKind("evidence.secured", "response", _O, headline=True),
    EventKind("evidence.lost", "response", _O, headline=True),
    EventKind("evidence.restore_waited", "response", _O, headline=True),
    EventKind("fuel.delivered", "response", _V, headline=True),
    # escalation (engine/escalation.py) and legal deadlines (engine/deadlines.py)
    EventKind("grip.escalated", "escalation", _O, headline=True, expected_action=True),
    EventKind("grip.deescalated", "escalation", _O, headline=True, expected_action=True),
    EventKind("grip.ended", "escalation", _O, headline=True, expected_action=True),
    EventKind("team.assembled", "escalation", _O, headline=True),
    EventKind("team.dismissed", "escalation", _O),
    EventKind("deadline.started", "deadlines", _O, headline=True, expected_action=True),
    EventKind("deadline.met", "deadlines", _O, headline=True),
    EventKind("deadline.late", "deadlines", _O, headline=True),
    EventKind("deadline.missed", "deadlines", _O, headline=True),
)
