"""The playbook: rules that start response actions, and what each action does.

A rule fires when its trigger becomes true (on known facts, never on hidden ground truth):
``incident_known`` once per incident and asset, ``asset_failed`` once per asset, ``grip`` and
``deadline_started`` and ``at`` once, ``action_done`` when the named rule's crew finished (at
that minute: the rule's ``delay`` counts from there), once per asset for a rule on the trigger.
After the rule's ``delay`` it waits for ``requires_team`` (``ordinance`` waits for the GBT by
default), then queues one action per target asset (one in all for actions without an asset) for
its crew. Actions compete for crews with repairs.
"""

from __future__ import annotations

from typing import Any

from ..model import plugins
from ..model.distributions import Distribution
from ..model.incidents import INCIDENT_CLASSES
from ..model.playbook import AssetSelector, Rule
from .kernel import Kernel, Part

__all__ = ["Playbook", "ASSET_ACTIONS"]

# Built-in actions that act on each target asset; the others act once (a plugin's action says so
# in its ``ActionPlugin.per_asset``).
ASSET_ACTIONS = frozenset(name for name, action in plugins.actions().items() if action.per_asset)


class Playbook(Part):
    """The scenario's rules and the actions they start (``start_action``, ``queue``), shared with
    the decisions of a live exercise. Times are minutes."""

    PEERS = ("situation", "escalation", "crews", "incidents", "deadlines", "needs", "flooding")

    def __init__(self, kernel: Kernel):
        super().__init__(kernel)
        self.rules = kernel.scenario.response.rules
        self.rule_by_id = {rule.id: rule for rule in self.rules}
        self.fired: set[tuple[str, object]] = set()
        self.help_factor = 1.0  # restores take this share of their time (after ask_help)
        self.isolated: set[int] = set()
        self.evidence_pending: dict[int, Any] = {}  # asset -> SimPy event: evidence secured
        self.evidence_lost: set[int] = set()  # assets restored before their forensic images were made
        self.evacuated: dict[int, float] = {}
        self.evacuated_zones: dict[str, float] = {}
        self.uses_evidence = any(rule.action == "secure_evidence" for rule in self.rules)
        registered = plugins.actions()
        self.per_asset = frozenset(name for name, action in registered.items() if action.per_asset)
        # what a plugin's action does when done: handler(playbook, rule, asset, event)
        self.plugin_done = {
            r.action: plugins.resolve(registered[r.action].handler)
            for r in self.rules
            if registered[r.action].handler is not None
        }

    def start(self) -> None:
        for rule in self.rules:
            if rule.when.at is not None:
                self.kernel.call_at(rule.when.at, self._fire, rule, -1, 0, ("at",))

    # --- triggers -------------------------------------------------------------------------------
    def incident_known(self, inject_type: str, asset: int, inject_key: str, event: int) -> None:
        incident_class = INCIDENT_CLASSES.get(inject_type, "")
        for rule in self.rules:
            wanted = rule.when.incident_known
            if (
                wanted is not None
                and wanted in (inject_type, incident_class, "any")
                and self._owner_matches(rule, asset)
            ):
                per_asset = rule.target == "trigger" and rule.action in self.per_asset
                self._fire(rule, asset, event, (inject_key, asset) if per_asset else (inject_key,))

    def asset_failed(self, asset: int, event: int) -> None:
        spec = self.kernel.graph.assets[asset]
        for rule in self.rules:
            selector = rule.when.asset_failed
            if selector is not None and selector.matches(spec) and self._owner_matches(rule, asset):
                per_asset = rule.target == "trigger" and rule.action in self.per_asset
                self._fire(rule, asset, event, (asset,) if per_asset else ("once",))

    def _owner_matches(self, rule: Rule, asset: int) -> bool:
        return rule.when.owner is None or (asset >= 0 and self.kernel.owners[asset] == rule.when.owner)

    def grip_reached(self, level: int, event: int) -> None:
        for rule in self.rules:
            if rule.when.grip is not None and rule.when.grip <= level:
                self._fire(rule, -1, event, ("grip",))

    def alarm_received(self, basin_id: str, asset: int, event: int) -> None:
        for rule in self.rules:
            if rule.when.alarm == basin_id:
                self._fire(rule, asset, event, ("alarm", basin_id))

    def deadline_started(self, clock, event: int) -> None:
        for rule in self.rules:
            if rule.when.deadline_started == clock.id and (rule.when.owner is None or rule.when.owner == clock.org):
                self._fire(rule, -1, event, ("deadline", clock.key), clock=clock)

    def action_done(self, rule: Rule, asset: int, event: int) -> None:
        """``rule``'s action is done on ``asset`` (-1: an action without one): rules waiting for
        it fire. A live decision is not a rule, even when its id is one's."""
        if self.rule_by_id.get(rule.id) is not rule:
            return
        for waiting in self.rules:
            if waiting.when.action_done == rule.id and self._owner_matches(waiting, asset):
                per_asset = waiting.target == "trigger" and waiting.action in self.per_asset
                self._fire(waiting, asset, event, ("done", asset) if per_asset else ("done",))

    # --- firing -----------------------------------------------------------------------------------
    def _fire(self, rule: Rule, asset: int, cause: int, key: tuple, clock=None) -> None:
        if (rule.id, key) in self.fired:
            return
        self.fired.add((rule.id, key))
        self.kernel.process(self._run_rule(rule, asset, cause, clock))

    def _run_rule(self, rule: Rule, trigger_asset: int, cause: int, clock=None):
        kernel = self.kernel
        # the rule's own event: the cause of what it does (and the root of a rule timed by `at`)
        cause = kernel.log("rule.fired", trigger_asset, cause, {"rule": rule.id, "action": rule.action}, ref=rule.id)
        if rule.delay:
            yield kernel.timeout(rule.delay)
        if rule.if_ is not None and not rule.if_(self.peers.situation.values()):
            kernel.log(
                "action.skipped",
                trigger_asset,
                cause,
                {"rule": rule.id, "action": rule.action, "condition": str(rule.if_)},
                ref=rule.id,
            )
            return
        team = rule.requires_team or ("gbt" if rule.action == "ordinance" and self._has_team("gbt") else None)
        if team is not None:
            ready = self.peers.escalation.ready(team)
            if not ready.triggered:
                waiting = kernel.log(
                    "action.waiting",
                    trigger_asset,
                    cause,
                    {"rule": rule.id, "action": rule.action, "team": team},
                    ref=rule.id,
                )
                yield ready
                cause = waiting
        if rule.action in self.per_asset:
            for asset in self._targets(rule, trigger_asset):
                self.start_action(rule, asset, cause)
        elif rule.action == "notify":
            self.queue(
                rule,
                trigger_asset,
                cause,
                rule.crew,
                rule.default_duration(),
                lambda r, a, e: self._notified(clock, e),
                {"deadline": clock.name},
            )
        else:
            self.start_action(rule, trigger_asset, cause)

    def _has_team(self, team: str) -> bool:
        ladder = self.kernel.scenario.response.ladder
        return ladder is not None and any(t.id == team for level in ladder.levels for t in level.teams)

    def _targets(self, rule: Rule, trigger_asset: int) -> list[int]:
        graph = self.kernel.graph
        target = rule.target
        if target == "trigger":
            return [trigger_asset] if trigger_asset >= 0 else []
        if isinstance(target, AssetSelector):
            return [i for i, a in enumerate(graph.assets) if target.matches(a)]
        ids = target if isinstance(target, tuple) else (target,)
        return [graph.index[i] for i in ids]

    def start_action(self, rule: Rule, asset: int, cause: int) -> None:
        start = getattr(self, f"_start_{rule.action}", None)
        if start is not None:
            start(rule, asset, cause)  # actions that need checks or special durations
            return
        plugin = self.plugin_done.get(rule.action)
        done = (
            (lambda r, a, e: plugin(self, r, a, e))
            if plugin is not None
            else getattr(self, f"_done_{rule.action}", _nothing)
        )
        self.queue(rule, asset, cause, rule.crew, rule.default_duration(), done)

    def queue(self, rule, asset, cause, crew, duration, done, params=None):
        """Queue ``rule``'s action on ``asset`` for ``crew`` (``duration``: minutes, a distribution
        or a function); ``done(rule, asset, done_event)`` when the crew finished."""
        params = {"rule": rule.id, "action": rule.action, **(params or {})}
        self.peers.crews.work(
            crew,
            self.peers.crews.job_key(rule.priority, asset),
            duration,
            rule.action,
            asset,
            rule.id,
            cause,
            lambda event: self._done(done, rule, asset, event),
            event_prefix="action",
            params=params,
        )

    def _done(self, done, rule: Rule, asset: int, event: int) -> None:
        """The action's own effect, then the rules waiting for it."""
        done(rule, asset, event)
        self.action_done(rule, asset, event)

    # --- actions with their own start ---------------------------------------------------------------
    def _start_manual(self, rule: Rule, asset: int, cause: int) -> None:
        fallback = self.kernel.graph.assets[asset].manual_fallback
        if fallback is None:
            self.kernel.log("action.impossible", asset, cause, {"rule": rule.id, "action": "manual"}, ref=rule.id)
            return
        duration = rule.duration if rule.duration is not None else fallback.setup
        self.queue(rule, asset, cause, rule.crew or fallback.crew, duration, self._done_manual)

    def _start_restore(self, rule: Rule, asset: int, cause: int) -> None:
        kernel = self.kernel
        encryption = self.peers.incidents.encryption(asset)
        if encryption is None:
            return  # nothing to restore on this asset
        inject, _, _ = encryption
        spec = kernel.graph.assets[asset]
        crew = rule.crew or inject.crew or (spec.recovery.crew if spec.recovery else None)
        base = rule.duration if rule.duration is not None else getattr(inject.restore, spec.backups)
        kernel.process(self._restore(rule, asset, cause, crew, base))

    def evidence_secured(self, asset: int):
        """The event of ``asset``'s forensic images being made (created on first ask)."""
        if asset not in self.evidence_pending:
            self.evidence_pending[asset] = self.kernel.event()
        return self.evidence_pending[asset]

    def wait_for_evidence(self, asset: int, cause: int, ref: str):
        """When the playbook secures evidence, wiping or rebuilding ``asset`` waits for it (a
        process step: ``yield from``). Logs how long it waited."""
        if not self.uses_evidence:
            return
        secured = self.evidence_secured(asset)
        if not secured.triggered:
            waited_from = self.kernel.now
            yield secured
            self.kernel.log(
                "evidence.restore_waited", asset, cause, {"minutes": round(self.kernel.now - waited_from, 6)}, ref=ref
            )

    def _restore(self, rule: Rule, asset: int, cause: int, crew, base: Distribution):
        kernel = self.kernel
        if rule.restore_first:
            if self.uses_evidence and not self.evidence_secured(asset).triggered and asset not in self.evidence_lost:
                self.evidence_lost.add(asset)
                kernel.log("evidence.lost", asset, cause, {"rule": rule.id}, ref=rule.id)
        else:
            yield from self.wait_for_evidence(asset, cause, rule.id)

        def duration() -> float:
            return kernel.stream.draw(base, "restore", rule.id, kernel.asset_name(asset)) * self.help_factor

        self.queue(rule, asset, cause, crew, duration, self._done_restore)

    def _start_secure_evidence(self, rule: Rule, asset: int, cause: int) -> None:
        incidents = self.peers.incidents
        if incidents.encryption(asset) is None and not incidents.is_compromised(asset):
            return
        self.evidence_secured(asset)
        self.queue(rule, asset, cause, rule.crew, rule.default_duration(), self._done_secure_evidence)

    def _start_protect(self, rule: Rule, asset: int, cause: int) -> None:
        threat = self.peers.incidents.threat_duration(asset)
        duration = rule.duration if rule.duration is not None else (threat or Distribution.fixed(0.0))
        self.queue(rule, asset, cause, rule.crew, duration, _nothing)

    # --- what a finished action does ------------------------------------------------------------------
    def _done_manual(self, rule, asset, event) -> None:
        fallback = self.kernel.graph.assets[asset].manual_fallback
        self.kernel.states.set_manual(asset, fallback.level, event)

    def is_isolated(self, asset: int) -> bool:
        """Whether ``asset`` has been cut off the network (an ``isolate`` action done)."""
        return asset in self.isolated

    def _done_isolate(self, rule, asset, event) -> None:
        self.isolated.add(asset)
        self.peers.incidents.isolation_done(asset, event)

    def _done_secure_evidence(self, rule, asset, event) -> None:
        pending = self.evidence_pending.get(asset)
        if asset in self.evidence_lost:  # wiped before the images were made: nothing left to secure
            self.kernel.log("action.no_effect", asset, event, {"rule": rule.id, "action": rule.action}, ref=rule.id)
        elif pending is not None and not pending.triggered:
            self.kernel.log("evidence.secured", asset, event, {"rule": rule.id}, ref=rule.id)
        if pending is not None and not pending.triggered:
            pending.succeed()

    def _done_restore(self, rule, asset, event) -> None:
        self.peers.incidents.restored(asset, event)

    def _done_repair(self, rule, asset, event) -> None:
        states = self.kernel.states
        for key in states.keys(asset, "damage") + states.keys(asset, "physical"):
            states.clear_effect(asset, key, event)

    def _done_evacuate(self, rule, asset, event) -> None:
        if asset not in self.evacuated:
            self.evacuated[asset] = self.kernel.now
            asset_id = self.kernel.graph.assets[asset].id
            for zone in self.kernel.graph.zones:  # evacuating a zone's neighbourhood evacuates the zone
                if asset_id in zone.assets:
                    self.evacuated_zones.setdefault(zone.id, self.kernel.now)
            self.peers.situation.evacuated(asset)
            self.peers.escalation.reevaluate(event)

    def _done_ask_help(self, rule, asset, event) -> None:
        self.help_factor = min(self.help_factor, rule.factor)

    def _notified(self, clock, event) -> None:
        """A notification done: it meets the clock that started the rule."""
        self.peers.deadlines.complete(clock, event)

    def _done_close_gates(self, rule, asset, event) -> None:
        if not self.peers.flooding.act("close_gates", asset, event):
            self.kernel.log("action.no_effect", asset, event, {"rule": rule.id, "action": rule.action}, ref=rule.id)

    def _done_refuel(self, rule, asset, event) -> None:
        kernel = self.kernel
        litres = self.peers.needs.refuel(asset, rule.litres, event, kernel.now)
        kernel.log("fuel.delivered", asset, event, {"litres": round(litres)}, ref=rule.id)

    def _done_counter_message(self, rule, asset, event) -> None:
        self.peers.incidents.fraud_answered(asset, event)
        self.peers.flooding.act("counter_message", asset, event, rule)

    def _done_ordinance(self, rule, asset, event) -> None:
        self.peers.flooding.act("ordinance", asset, event, rule)

    def _done_reinforce(self, rule, asset, event) -> None:
        self.peers.flooding.act("reinforce", asset, event, rule)


def _nothing(rule, asset, event) -> None:
    return None
