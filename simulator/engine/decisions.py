"""The decision desk: the players' decisions of a live exercise, applied through the playbook.

A decision is applied at its minute, before anything else of that minute (the simulation
schedules it with SimPy's urgent priority). It is either taken (``decision.taken``, then the
action's own events: ``action.queued``/``started``/``done`` with the decision's id as ref, as for
a playbook rule) or refused (``decision.refused`` with a reason), never dropped. Reasons, checked
in this order:

- ``team_not_assembled``: ``by`` is a crisis team that is not assembled now;
- ``not_permitted``: an organisation acting on another organisation's asset or crew, or taking an
  action that is the crisis teams' (evacuate, ordinance, GRIP; NL-Alert: the control room's);
- ``target_unknown``: an action answering trouble on its target (``NEEDS_KNOWN_TARGET``) on an asset
  of which the deciding party knows nothing yet (a team knows what the control room knows);
- ``needs_team``: an ordinance while the municipal policy team (GBT) is not assembled;
- ``nothing_to_do``: no manual fallback, nothing encrypted to restore, no damage to repair, no
  compromise to secure evidence of, no open deadline to notify, the level already reached;
- ``not_permitted`` again: an organisation's decision for another organisation's crew;
- ``crew_busy``: every person of the crew has work (waiting or in hand).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model.decisions import ASSET_DECISIONS, EXERCISE_CONTROL, NEEDS_KNOWN_TARGET, Decision
from ..model.playbook import Rule
from .kernel import Kernel, Part

__all__ = ["DecisionDesk", "ORG_ACTIONS_ANY_TARGET", "TEAM_ONLY_ACTIONS"]

# Actions an organisation may take on anyone's asset (police protection, evidence for the police
# and the OM, the police informing the OM, the OM's order, help from a CERT, public information).
ORG_ACTIONS_ANY_TARGET = frozenset(
    {"secure_evidence", "inform_prosecutor", "order_seizure", "protect", "reinforce", "ask_help", "inform_public"}
)
# Actions only a crisis team decides (the control room may also set GRIP and send NL-Alerts).
TEAM_ONLY_ACTIONS = frozenset({"evacuate", "ordinance", "grip", "nl_alert"})
CONTROL_ROOM_ACTIONS = frozenset({"grip", "nl_alert"})


class DecisionDesk(Part):
    """Checks and applies decisions at the current minute."""

    PEERS = ("awareness", "crews", "deadlines", "escalation", "incidents", "playbook")

    def __init__(self, kernel: Kernel, adhoc_inject: Callable[[Decision, int], None]):
        """``adhoc_inject(decision, cause)``: exercise control's inject joins the run (the Simulation's)."""
        super().__init__(kernel)
        self._adhoc_inject = adhoc_inject
        ladder = kernel.scenario.response.ladder
        self.teams = {t.id for level in ladder.levels for t in level.teams} if ladder else set()
        self.outcomes: dict[str, tuple[bool, str]] = {}  # decision id -> (taken, refusal reason)

    def party_org(self, by: str) -> str:
        """The organisation whose knowledge a party decides on: a crisis team works from the
        control room's picture; an organisation from its own."""
        if by in self.teams or by == EXERCISE_CONTROL:
            return self.kernel.scenario.response.control_room or ""
        return by

    def apply(self, decision: Decision, decision_id: str) -> bool:
        """Apply ``decision`` now; returns whether it was taken (a refusal is logged with its reason)."""
        kernel = self.kernel
        reason = self._refusal(decision)
        targets = [kernel.graph.index[t] for t in decision.target]
        first = targets[0] if targets else -1
        params = {
            "decision": decision_id,
            "by": self._by_name(decision.by),
            "action": decision.action,
            "detail": self._detail(decision),
            "rationale": decision.rationale,
        }
        org = self.party_org(decision.by)
        if reason:
            kernel.log("decision.refused", first, 0, {**params, "reason": reason}, org=org, ref=decision_id)
            self.outcomes[decision_id] = (False, reason)
            return False
        cause = kernel.log("decision.taken", first, 0, params, org=org, ref=decision_id)
        self.outcomes[decision_id] = (True, "")
        self._carry_out(decision, decision_id, targets, cause)
        return True

    # --- checks -------------------------------------------------------------------------------------
    def _refusal(self, d: Decision) -> str:  # noqa: PLR0911 -- one return per refusal reason
        kernel = self.kernel
        if d.by == EXERCISE_CONTROL:
            return ""
        is_team = d.by in self.teams
        if is_team and not self.peers.escalation.ready(d.by).triggered:
            return "team_not_assembled"
        if not is_team and not self._org_may(d):
            return "not_permitted"
        targets = [kernel.graph.index[t] for t in d.target]
        if d.action in NEEDS_KNOWN_TARGET:
            org = self.party_org(d.by)
            if any(not self.peers.awareness.knows_of_asset(org, asset) for asset in targets):
                return "target_unknown"
        if d.action == "ordinance" and "gbt" in self.teams and not self.peers.escalation.ready("gbt").triggered:
            return "needs_team"
        if not self._something_to_do(d, targets):
            return "nothing_to_do"
        crew = self.crew_of(d, targets[0] if targets else -1)
        if crew and d.action != "call_crew":
            if not is_team and crew.split("/")[0] != d.by:
                return "not_permitted"
            if self.peers.crews.busy(crew):
                return "crew_busy"
        return ""

    def _org_may(self, d: Decision) -> bool:
        kernel = self.kernel
        room = kernel.scenario.response.control_room
        if d.action in TEAM_ONLY_ACTIONS:
            return d.action in CONTROL_ROOM_ACTIONS and d.by == room
        if d.action == "call_crew":
            return (d.crew or "").split("/")[0] == d.by
        if d.action in ASSET_DECISIONS and d.action not in ORG_ACTIONS_ANY_TARGET:
            return all(kernel.owners[kernel.graph.index[t]] == d.by for t in d.target)
        return True

    def _something_to_do(self, d: Decision, targets: list[int]) -> bool:
        kernel = self.kernel
        graph = kernel.graph
        action = d.action
        if action == "manual":
            return all(graph.assets[a].manual_fallback is not None for a in targets)
        if action == "restore":
            return all(self.peers.incidents.encryption(a) is not None for a in targets)
        if action == "secure_evidence":
            incidents = self.peers.incidents
            return all(incidents.encryption(a) is not None or incidents.is_compromised(a) for a in targets)
        if action == "repair":
            return all(kernel.states.keys(a, "damage") + kernel.states.keys(a, "physical") for a in targets)
        if action == "notify":
            return self._clock(d) is not None
        if action == "grip":
            return d.level != self.peers.escalation.current
        return True

    def crew_of(self, d: Decision, asset: int) -> str | None:
        """The crew a decision puts to work: its own, else the action's default on ``asset``."""
        if d.crew:
            return d.crew
        if asset < 0:
            return None
        spec = self.kernel.graph.assets[asset]
        if d.action == "manual" and spec.manual_fallback is not None:
            return spec.manual_fallback.crew
        if d.action in ("repair", "restore"):
            encryption = self.peers.incidents.encryption(asset)
            inject_crew = getattr(encryption[0], "crew", None) if encryption else None
            return inject_crew or (spec.recovery.crew if spec.recovery else None)
        return None

    def _clock(self, d: Decision):
        org = None if d.by in self.teams else d.by
        return next(
            (c for c in self.peers.deadlines.open_clocks(d.deadline or "") if org is None or c.org == org), None
        )

    def _detail(self, d: Decision) -> str:
        """What the action's name leaves out: the level, the crew and how many, the inject."""
        if d.action == "grip":
            return f" {d.level}"
        if d.action == "call_crew":
            return f" {self.peers.crews.label(d.crew)} +{d.size}"
        if d.action == "inject" and d.inject is not None:
            return f" {d.inject.type}: {self.kernel.graph.label(d.inject.target)}"
        return ""

    def _by_name(self, by: str) -> str:
        kernel = self.kernel
        if by in self.teams:
            return self.peers.escalation.team_names.get(by, by)
        return kernel.org_name(by) if by != EXERCISE_CONTROL else "@exercise-control"

    # --- carrying out -------------------------------------------------------------------------------
    def _carry_out(self, d: Decision, decision_id: str, targets: list[int], cause: int) -> None:
        playbook = self.peers.playbook
        if d.action == "grip":
            self.peers.escalation.decide(d.level or 0, cause)
            return
        if d.action == "call_crew":
            self.peers.crews.call_in(d.crew or "", d.size, cause)
            return
        if d.action == "inject":
            self._adhoc_inject(d, cause)
            return
        rule = self._as_rule(d, decision_id, targets)
        if d.action == "notify":
            clock = self._clock(d)
            playbook.queue(
                rule,
                -1,
                cause,
                rule.crew,
                rule.default_duration(),
                lambda r, a, e: self.peers.deadlines.complete(clock, e),
                {"deadline": clock.name},
            )
        elif d.action in ASSET_DECISIONS:
            for asset in targets:
                playbook.start_action(rule, asset, cause)
        else:
            playbook.start_action(rule, targets[0] if targets else -1, cause)

    def _as_rule(self, d: Decision, decision_id: str, targets: list[int]) -> Rule:
        """The decision as a playbook rule, so that every action does exactly what a rule's does."""
        # manual and restore find their default crews themselves (per asset); a rule's repair has none
        crew = self.crew_of(d, targets[0] if targets else -1) if d.action == "repair" else d.crew
        return Rule(
            id=decision_id,
            when={"at": d.at},
            action=d.action,
            target=d.target or "trigger",
            crew=crew,
            duration=d.duration,
            factor=d.factor,
            litres=d.litres,
            capacity=d.capacity,
            restore_first=d.restore_first,
            deadline=d.deadline,
        )
