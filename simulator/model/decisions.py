"""Decisions: what the players of a live exercise decide, as data.

A decision is an action of the playbook vocabulary (``ACTIONS``) or one of the exercise's own
(``grip``: set the GRIP level; ``call_crew``: call in extra people for a crew; ``inject``: an
ad-hoc inject by exercise control), taken by a team of the escalation ladder or by an
organisation, at a minute after the scenario start, on a target, with an optional rationale.

A decisions file lists them::

    decisions:
      - {at: 3h40min, by: rot, action: manual, target: sluis-noord, rationale: "deuren dicht"}
      - {at: 4h, by: gemeente, action: notify, deadline: avg-datalek}
      - {at: 5h, by: exercise-control, action: inject, inject: {type: outage, target: kpn-centrale}}

Decisions of the same minute are applied in file order, before anything else of that minute
(DESIGN.md, live exercises). The session log of ``rampsim exercise`` is a decisions file that is
appended to as each decision arrives, so it can be run again with ``rampsim run --decisions``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, WithJsonSchema, model_validator

from .assets import FROZEN
from .fieldtypes import SLUG_PATTERN, DistributionField, Minutes, Number, Slug, custom_error
from .incidents import Inject
from .playbook import ACTIONS, PER_ASSET_ACTIONS

__all__ = [
    "DECISION_ACTIONS",
    "EXERCISE_CONTROL",
    "ASSET_DECISIONS",
    "NEEDS_KNOWN_TARGET",
    "Decision",
    "DecisionsFile",
    "decision_id",
]

EXERCISE_CONTROL = "exercise-control"  # the `by` of ad-hoc injects: exercise control, not a player

DECISION_ACTIONS = (*ACTIONS, "grip", "call_crew", "inject")

# Actions that act on each target asset (a target is required): the playbook's per-asset actions.
ASSET_DECISIONS = PER_ASSET_ACTIONS
# Actions that answer trouble on their target: the deciding party must know of it (some event on
# the target known to its organisation). The others may be taken before anything is known there
# (evacuating a zone ahead of the water, switching to manual as a precaution, refuelling).
NEEDS_KNOWN_TARGET = frozenset({"isolate", "secure_evidence", "restore", "repair", "close_gates", "counter_message"})


def _to_targets(value: Any) -> Any:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


class Decision(BaseModel):
    """One decision: ``by`` does ``action`` on ``target`` at minute ``at``.

    ``by``: a crisis team of the ladder (``copi``, ``rot``, ``gbt``, ...), an organisation id, or
    ``exercise-control`` (only for ``inject``). ``crew``: ``organisation/crew`` (default: the
    action's own, as for playbook rules: the manual fallback's crew, the asset's recovery crew).
    ``level``: for ``grip``, the level to go to (up or down). ``size``: for ``call_crew``, how
    many extra people (parallel jobs) the crew gets. ``inject``: for ``inject``, the incident
    (its ``at`` is this decision's minute).
    """

    model_config = FROZEN

    id: Slug | None = Field(default=None, description="name in the timeline; default decision-N")
    at: Minutes = Field(ge=0, description="minutes after the scenario start")
    by: Slug = Field(description="crisis team, organisation, or exercise-control")
    action: Literal[DECISION_ACTIONS]  # type: ignore[valid-type]
    target: Annotated[
        tuple[Slug, ...],
        BeforeValidator(_to_targets),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "pattern": SLUG_PATTERN},
                    {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
                ]
            }
        ),
    ] = Field(default=(), description="asset id or list of asset ids")
    crew: str | None = Field(default=None, description="organisation/crew doing the work")
    duration: DistributionField | None = None
    rationale: str = Field(default="", description="why, in the players' words")
    level: int | None = Field(default=None, ge=0, description="grip: the level to go to")
    size: int = Field(default=1, ge=1, description="call_crew: extra people (parallel jobs)")
    deadline: Slug | None = Field(default=None, description="notify: the deadline this notification meets")
    factor: Number = Field(default=0.7, gt=0, le=1, description="ask_help: restore times are multiplied by this")
    litres: Number | None = Field(default=None, gt=0, description="refuel: litres per generator; default fill the tank")
    capacity: int = Field(default=0, ge=0, description="reinforce: people the extra police can handle")
    restore_first: bool = Field(default=False, description="restore: do not wait for evidence to be secured")
    inject: Inject | None = Field(default=None, description="inject: the ad-hoc incident")

    @model_validator(mode="after")
    def _fields_of_action(self):
        action = self.action
        if action in ASSET_DECISIONS and not self.target:
            raise custom_error("value.decision_target_needed", action=action)
        if action == "grip" and self.level is None:
            raise custom_error("value.decision_level_needed")
        if action == "call_crew" and not self.crew:
            raise custom_error("value.decision_crew_needed")
        if action == "notify" and not self.deadline:
            raise custom_error("value.decision_deadline_needed")
        if (action == "inject") != (self.inject is not None):
            raise custom_error("value.decision_inject_field")
        if (action == "inject") != (self.by == EXERCISE_CONTROL):
            raise custom_error("value.decision_inject_by", by=EXERCISE_CONTROL)
        return self


class DecisionsFile(BaseModel):
    """The shape of a decisions file (and of a live session's decision log)."""

    model_config = FROZEN

    scenario: str = Field(default="", description="the scenario file these decisions were taken in (informative)")
    seed: int | None = Field(default=None, ge=0, description="the seed they were taken with (informative)")
    decisions: Annotated[tuple[Decision, ...], BeforeValidator(lambda v: () if v is None else v)] = ()


def decision_id(decisions: tuple[Decision, ...] | list[Decision], position: int) -> str:
    """The decision's id, or ``decision-N`` (1-based) when it has none."""
    return decisions[position].id or f"decision-{position + 1}"
