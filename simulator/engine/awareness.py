"""Awareness: when the crisis organisation learns what happened, and who knows what.

What an event's kind reveals is its ``visibility`` in the table of event kinds (``eventkinds``):
``visible``, ``stealthy``, ``own_work`` or ``public``.

Knowledge is per asset. An asset's events stay unknown until its trouble is detected; detection
makes every event on it so far known (stealthy ones only by monitoring or an alarm), and from then
on the asset is *watched*: its new visible events are known as they happen, until it is known to be
operational again. An asset known to be under an attacker's control (a kind with ``watch``: a
manipulation, found by monitoring or an alarm) stays watched to the end of the run, though it keeps
running: the organisation keeps an eye on it.

Channels (DESIGN.md, Response):
- visible failure: when an asset fails or degrades, someone notices and calls the control room
  ``reporting.delay`` later. The call goes through ``reporting.channels`` (112, the control room):
  at their lowest service level q at the moment of the call, it gets through after a further
  delay x (1/q - 1) (so delay / q in all when q held throughout); at q = 0 the caller tries again
  ``reporting.retry`` minutes later. Nobody calls about an asset that works again by then. The
  control room tells the owner at once.
- monitoring: an incident is detected after the inject's ``detect.monitoring``; a cyber incident
  without it after the asset's ``monitoring`` (none: never). The owner learns first and tells the
  control room after ``reporting.notify``. Only monitoring reveals stealthy events (manipulation,
  theft).
- hazard alarms: ``alarm()`` (used by the hazard models).
- the organisation's own work (repairs, actions, escalation) is known as it happens.
- public news (``public``: weather, a rain warning) is known to every organisation as it is issued.

Hazard events are facts about the asset they are logged on (visible, unless the table says
otherwise): the events of a manipulated lock (gates opened, crest exceeded, gates closed) wait on
the lock until the attack is known (the alarm on the lock, or monitoring, reveals it with them) and
are known as they happen from then on, the lock being watched. The gates closed by hand are known
at once to the organisation whose crew closed them. A flooded zone is known when residents call
(stealthy until then); a level alarm when it sounds (it is the detection); flood damage with the
asset it damages.
"""

from __future__ import annotations

from collections.abc import Callable

from .eventkinds import VISIBILITY, WATCH
from .eventlog import KnowledgeLog
from .kernel import Kernel, Part

__all__ = ["Awareness"]


class Awareness(Part):
    PEERS = ("playbook",)  # a basin's alarm reaches the playbook

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        response = kernel.scenario.response
        self.reporting = response.reporting
        self.control_room = response.control_room
        self.channels = [kernel.graph.index[c] for c in self.reporting.channels]
        n = len(kernel.graph)
        self.known_min: dict[int, float] = {}  # event id -> first time anyone knew
        self.records = KnowledgeLog()  # (time, organisation, event id), as columns
        # org -> the event ids it knows of (a set of ids per organisation, not a set of pairs: a large
        # run would hold a tuple per organisation and event besides the knowledge records)
        self._known_by: dict[str, set[int]] = {}
        self.pending: list[list[int]] = [[] for _ in range(n)]  # unknown event ids per asset
        self.watched = [False] * n
        self.controlled = [False] * n  # an attacker's control of it is known: watched to the end
        everyone = [response.control_room, *(o.id for o in kernel.scenario.organisations)]
        self.everyone = [org for org in dict.fromkeys(everyone) if org] or [""]  # who learns public news
        self.report_pending = [False] * n
        self.known_of_asset: list[list[int]] = [[] for _ in range(n)]
        self.listeners: list[Callable[[int], None]] = []  # called with each newly known event id
        # called with each event the control room (the crisis organisation's picture) learns of
        self.picture_listeners: list[Callable[[int], None]] = []
        # the log's kind and asset columns (read only), bound once: hot path
        self._kinds, self._assets = kernel.events.kind, kernel.events.asset
        self._owners = kernel.owners
        self._orgs_by_owner: dict[str, tuple[str, ...]] = {}  # owner -> who learns of its watched assets

    # --- hooks called by the engine ---------------------------------------------------------------
    def logged(self, event_id: int, kind: str, asset: int, org: str) -> None:
        """Every logged event passes here: known at once, or pending until detection."""
        visibility = VISIBILITY[kind]
        if visibility == "visible" and asset >= 0:  # the common case first (hot path)
            if self.watched[asset]:
                self._learn_for_asset(event_id, asset, self.kernel.now)
            else:
                self.pending[asset].append(event_id)
        elif visibility == "own_work":
            self._learn(event_id, org or self.control_room or "", self.kernel.now)
        elif visibility == "public":
            for someone in self.everyone:
                self._learn(event_id, someone, self.kernel.now)
        elif asset >= 0:
            if self.watched[asset] and visibility != "stealthy":
                self._learn_for_asset(event_id, asset, self.kernel.now)
            else:
                self.pending[asset].append(event_id)

    def status_changed(self, asset: int, old: float, new: float) -> None:
        """A failure or degradation is visible: schedule the report, unless already watched."""
        if new < old and not self.watched[asset] and not self.report_pending[asset]:
            self.report_pending[asset] = True
            self._report(asset, self.kernel.stream.draw(self.reporting.delay, "report", self.kernel.asset_name(asset)))
        if new >= 1 and self.watched[asset] and not self.controlled[asset]:
            self.watched[asset] = False  # known to be back: a new failure needs a new report

    def incident(self, asset: int, inject, cyber: bool) -> None:
        """An incident hit ``asset``: monitoring may detect it (the asset's own only for cyber)."""
        detect = getattr(inject, "detect", None)
        if detect is not None:
            distribution = detect.monitoring
        else:
            distribution = self.kernel.graph.assets[asset].monitoring if cyber else None
        if distribution is None:
            return
        self.kernel.call_at(
            self.kernel.stream.draw(distribution, "monitoring", self.kernel.asset_name(asset)),
            self._monitoring_detects,
            asset,
        )

    def alarm(self, asset: int, cause: int, basin_id: str | None = None) -> None:
        """A hazard alarm (a basin's level alarm) about ``asset`` reaches its owner, who looks and
        finds the cause there (stealthy manipulation included), and tells the control room."""
        owner = self._owner(asset) or self.control_room or ""
        event = self.kernel.log("detect.alarm", asset, cause, {"basin": basin_id or ""}, org=owner, ref=basin_id or "")
        self._detect(asset, owner, event, include_stealthy=True)
        if self.control_room and owner != self.control_room:
            self.kernel.call_at(
                self.kernel.stream.draw(self.reporting.notify, "notify", self.kernel.asset_name(asset)),
                self._share,
                asset,
                event,
                self.control_room,
            )
        if basin_id is not None:
            self.peers.playbook.alarm_received(basin_id, asset, event)

    def report_directly(self, asset: int, cause: int, about: str = "threat") -> None:
        """Someone reports ``cause`` itself (a threatened official, residents with water in the
        street): after the reporting delay, no channel check."""
        delay = self.kernel.stream.draw(self.reporting.delay, "report.direct", self.kernel.asset_name(asset))
        self.kernel.call_at(delay, self._report_arrives, asset, cause, about)

    # --- channels ---------------------------------------------------------------------------------
    def channel_level(self) -> float:
        service = self.kernel.states.service
        return min((service[c] for c in self.channels), default=1.0)

    def _report(self, asset: int, delay: float) -> None:
        """Someone noticed ``asset`` failing; the call is made ``delay`` later."""
        self.kernel.call_at(delay, self._call, asset, delay)

    def _call(self, asset: int, delay: float) -> None:
        if self.watched[asset] or self.kernel.states.service[asset] >= 1:
            self.report_pending[asset] = False  # already known, or it works again: nobody calls
            return
        level = self.channel_level()
        if level <= 0:
            self.kernel.call_at(self.reporting.retry, self._call, asset, delay)
            return
        self.kernel.call_at(delay * (1 / level - 1), self._report_arrives, asset, 0)

    def _report_arrives(self, asset: int, cause: int, about: str = "failure") -> None:
        self.report_pending[asset] = False
        if about == "failure" and (self.watched[asset] or self.kernel.states.service[asset] >= 1):
            return  # known meanwhile, or working again by the time the call gets through
        cause = cause or (self.pending[asset][-1] if self.pending[asset] else 0)
        kind = "report.received" if about == "failure" else f"report.received.{about}"
        status = "failed" if self.kernel.states.service[asset] <= 0 else "degraded"
        event = self.kernel.log(kind, asset, cause, {"status": status}, org=self.control_room or self._owner(asset))
        if about == "failure":
            self._detect(asset, self.control_room or self._owner(asset), event, include_stealthy=False)
        else:
            self.learn_event(cause, self.control_room or self._owner(asset))
            self._learn(event, self.control_room or self._owner(asset), self.kernel.now)
        if self.control_room and self._owner(asset) and self._owner(asset) != self.control_room:
            self._share(asset, event, self._owner(asset))

    def _monitoring_detects(self, asset: int) -> None:
        owner = self._owner(asset) or self.control_room or ""
        cause = self.pending[asset][-1] if self.pending[asset] else 0
        event = self.kernel.log("detect.monitoring", asset, cause, org=owner)
        self._detect(asset, owner, event, include_stealthy=True)
        if self.control_room and owner != self.control_room:
            self.kernel.call_at(
                self.kernel.stream.draw(self.reporting.notify, "notify", self.kernel.asset_name(asset)),
                self._share,
                asset,
                event,
                self.control_room,
            )

    # --- knowledge --------------------------------------------------------------------------------
    def _detect(self, asset: int, org: str, detection_event: int, include_stealthy: bool) -> None:
        now = self.kernel.now
        kinds = self._kinds
        pending, self.pending[asset] = self.pending[asset], []
        kept = []
        for event_id in pending:
            if event_id in self.known_min:
                continue  # learned meanwhile (an inject behind an incident learned just before)
            if include_stealthy or VISIBILITY[kinds[event_id - 1]] != "stealthy":
                self._learn(event_id, org, now)
            else:
                kept.append(event_id)
        self.pending[asset] = kept + [e for e in self.pending[asset] if e not in self.known_min]
        self.watched[asset] = self.kernel.states.service[asset] < 1 or self.controlled[asset]
        self._learn(detection_event, org, now)

    def _share(self, asset: int, about: int, org: str) -> None:
        """``org`` learns what is known about ``asset`` up to now (a notification between organisations)."""
        now = self.kernel.now
        for event_id in self.known_of_asset[asset]:
            self._record(event_id, org, now)

    def learn_event(self, event_id: int, org: str) -> None:
        """``org`` learns of one pending event (a threat reported, an inject behind a known incident)."""
        asset = self._assets[event_id - 1]
        if asset >= 0 and event_id in self.pending[asset]:
            self.pending[asset].remove(event_id)
        self._learn(event_id, org, self.kernel.now)

    def _learn_for_asset(self, event_id: int, asset: int, now: float) -> None:
        for org in self._asset_orgs(asset):
            self._learn(event_id, org, now)

    def _asset_orgs(self, asset: int) -> tuple[str, ...]:
        """Who learns of a watched asset's events: its owner first, then the control room (a set
        here would order the knowledge table by the process's string hashing, not by the seed);
        "" when it has neither. Worked out once per owner."""
        owner = self._owners[asset]
        orgs = self._orgs_by_owner.get(owner)
        if orgs is None:
            orgs = tuple(org for org in dict.fromkeys((owner, self.control_room)) if org) or ("",)
            self._orgs_by_owner[owner] = orgs
        return orgs

    def _learn(self, event_id: int, org: str, now: float) -> None:
        first = event_id not in self.known_min
        if first:
            self.known_min[event_id] = now
            asset = self._assets[event_id - 1]
            if asset >= 0:
                self.known_of_asset[asset].append(event_id)
                if self._kinds[event_id - 1] in WATCH:  # a known manipulation: its asset stays watched, though it runs
                    self.controlled[asset] = self.watched[asset] = True
        self._record(event_id, org, now)
        if first:
            for listener in self.listeners:
                listener(event_id)

    def _record(self, event_id: int, org: str, now: float) -> None:
        known = self._known_by.get(org)
        if known is None:
            known = self._known_by[org] = set()
        if event_id not in known:
            known.add(event_id)
            self.records.append((now, org, event_id))
            if self.control_room is None or org == self.control_room:
                for listener in self.picture_listeners:
                    listener(event_id)

    def knows_of_asset(self, org: str, asset: int) -> bool:
        """Whether ``org`` knows of any event on ``asset`` (a decision's target must be known)."""
        known = self._known_by.get(org, ())
        return any(event_id in known for event_id in self.known_of_asset[asset])

    def _owner(self, asset: int) -> str:
        return self._owners[asset]
