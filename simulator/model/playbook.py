"""Playbooks: rules that start response actions when something becomes known or happens."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, WithJsonSchema, model_validator

from ..messages import CATALOGUE
from .assets import FROZEN
from .distributions import Distribution
from .fieldtypes import SLUG_PATTERN, DistributionField, Minutes, Number, Sector, Slug, custom_error
from .organisations import ConditionField
from .plugins import ActionPlugin

__all__ = ["ACTIONS", "BUILTIN_ACTIONS", "PER_ASSET_ACTIONS", "AssetSelector", "Trigger", "Rule", "PlaybookFile"]

ACTIONS = (
    "manual",  # switch the target to manual operation (its manual_fallback)
    "isolate",  # cut the target's data and control links: ransomware no longer spreads across them
    "report_crime",  # aangifte: the victim reports the crime on the target to the police
    "inform_prosecutor",  # the police inform the public prosecutor (OM) of the crime on the target
    "order_seizure",  # the officer of justice (OM) orders the target's evidence secured
    "secure_evidence",  # forensic images of the target before it is wiped and rebuilt
    "restore",  # restore the target from backups (time by its backups)
    "repair",  # repair the target's damage with this rule's crew
    "nl_alert",  # send an NL-Alert
    "evacuate",  # evacuate the target zone: its population no longer counts as affected
    "ordinance",  # emergency ordinance by the mayor (needs the municipal policy team)
    "ask_help",  # ask IBD or NCSC for help: later restores take `factor` of their time
    "inform_public",  # press conference, website, social media
    "notify",  # a legal notification: completes `deadline`
    "counter_message",  # answer an online fraud wave in the municipality's name
    "protect",  # police protection of a threatened official
    "close_gates",  # close a manipulated lock's gates by hand: the flow stops
    "refuel",  # deliver fuel to the target's generators (a tanker crew)
    "reinforce",  # police reinforcement at a gathering: more people the police can handle
)
# Actions that act on each target asset; the others act once.
PER_ASSET_ACTIONS = frozenset(
    {
        "manual",
        "isolate",
        "report_crime",
        "inform_prosecutor",
        "order_seizure",
        "secure_evidence",
        "restore",
        "repair",
        "evacuate",
        "protect",
        "counter_message",
        "close_gates",
        "refuel",
    }
)
# The built-in actions, registered like any plugin (``simulator.model.plugins``); the engine's
# ``Playbook`` implements them (``_start_NAME``, ``_done_NAME``). ``Rule.action`` accepts every
# registered action (``simulator.model.plugin_schema``).
BUILTIN_ACTIONS = tuple(ActionPlugin(name, per_asset=name in PER_ASSET_ACTIONS) for name in ACTIONS)


class AssetSelector(BaseModel):
    """Assets by id, kind or sector (all given fields must match)."""

    model_config = FROZEN

    asset: Slug | None = None
    kind: str | None = None
    sector: Sector | None = None

    def matches(self, asset) -> bool:
        return (
            (self.asset is None or asset.id == self.asset)
            and (self.kind is None or asset.kind == self.kind)
            and (self.sector is None or asset.sector == self.sector)
        )


def selector_phrase(selector: AssetSelector) -> tuple[str, dict]:
    """The selector as a catalogue phrase (``("selector.kind", {"kind": "lock"})``: "an asset of kind
    'lock'"), so a person reads what was asked for instead of a dict."""
    fields = [name for name in ("asset", "kind", "sector") if getattr(selector, name) is not None]
    params: dict = {}
    if selector.asset is not None:
        params["id"] = selector.asset
    if selector.kind is not None:
        params["kind"] = selector.kind
    if selector.sector is not None:
        sector_key = f"replay.sector.{selector.sector}"
        params["sector"] = (sector_key, {}) if sector_key in CATALOGUE else selector.sector
    return "selector." + "_".join(fields), params


class Trigger(BaseModel):
    """Exactly one of: an incident type (or class) becomes known; a matching asset is known to
    have failed; a GRIP level is reached; a time after the start; a deadline starts; a basin's
    level alarm is received; another rule's action is done (``action_done``: that rule's id)."""

    model_config = FROZEN

    incident_known: str | None = Field(default=None, description="incident type, class, or any")
    asset_failed: AssetSelector | None = None
    grip: int | None = Field(default=None, ge=0)
    at: Minutes | None = None
    deadline_started: Slug | None = None
    alarm: Slug | None = Field(default=None, description="a basin's level alarm is received")
    action_done: Slug | None = Field(default=None, description="the action of the rule with this id is done")
    owner: Slug | None = Field(default=None, description="only for assets (or deadlines) of this organisation")

    @model_validator(mode="after")
    def _exactly_one(self):
        given = [name for name in type(self).model_fields if name != "owner" and getattr(self, name) is not None]
        if len(given) != 1:
            raise custom_error("value.one_trigger", given=", ".join(given) or "-")
        return self


_SLUG_RE = re.compile(SLUG_PATTERN)
_TARGET_SCHEMA = {
    "anyOf": [
        {"const": "trigger"},
        {"type": "string", "pattern": SLUG_PATTERN},
        {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}},
        AssetSelector.model_json_schema(),
    ]
}


def _to_target(value: Any) -> Any:
    """``trigger``, an asset id, a list of ids, or a selector mapping."""
    if isinstance(value, AssetSelector):
        return value
    if isinstance(value, str) and _SLUG_RE.match(value):
        return value
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) and _SLUG_RE.match(v) for v in value):
        return tuple(value)
    if isinstance(value, dict):
        return AssetSelector.model_validate(value)
    raise custom_error("value.target", value=value)


class Rule(BaseModel):
    """When ``when`` happens, do ``action`` on ``target`` with ``crew`` for ``duration`` minutes.

    ``target``: ``trigger`` (the asset of the triggering fact; the default), an asset id, a list
    of ids, or a selector. Without ``duration`` the action's own default applies (manual: the
    fallback's setup; restore: by backups; others: 0). A rule targeting the trigger fires once per
    asset (``asset_failed``) or per incident and asset (``incident_known``); with a fixed target,
    once per incident, or once; ``grip``, ``at`` and ``deadline_started`` rules once (per deadline
    clock); ``action_done`` when the named rule's crew finished: targeting the trigger, once per
    asset that action was done on, else once. ``if`` is checked when the rule fires (after ``delay``).
    """

    model_config = FROZEN

    id: Slug
    when: Trigger
    if_: ConditionField | None = Field(
        default=None, alias="if", description="act only if this holds on the known situation when the rule fires"
    )
    action: Literal[ACTIONS]  # type: ignore[valid-type]
    target: Annotated[Any, BeforeValidator(_to_target), WithJsonSchema(_TARGET_SCHEMA)] = "trigger"
    crew: str | None = None
    duration: DistributionField | None = None
    delay: Minutes = Field(default=0.0, description="decision time before the action is started")
    priority: int = Field(default=0, description="higher first when the crew is busy")
    requires_team: Slug | None = Field(default=None, description="wait until this crisis team is assembled")
    restore_first: bool = Field(default=False, description="restore: do not wait for secure_evidence")
    factor: Number = Field(default=0.7, gt=0, le=1, description="ask_help: restore times are multiplied by this")
    deadline: Slug | None = Field(default=None, description="notify: the deadline this notification meets")
    litres: Number | None = Field(default=None, gt=0, description="refuel: litres per generator; default fill the tank")
    capacity: int = Field(default=0, ge=0, description="reinforce: people the extra police can handle")

    def default_duration(self) -> Distribution:
        return self.duration if self.duration is not None else Distribution.fixed(0.0)

    def describe_target(self) -> Any:
        return self.target if not isinstance(self.target, AssetSelector) else self.target.model_dump(exclude_none=True)


class PlaybookFile(BaseModel):
    """The shape of a playbook file."""

    model_config = FROZEN

    name: str = ""
    description: str = ""
    rules: tuple[Rule, ...] = ()
