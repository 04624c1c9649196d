"""A dummy third-party rampsim plugin: one declaration of each kind, each with its spec, handler,
event kinds and messages, found by entry points (see pyproject.toml).

- hazard model ``heatwave``: the temperature at the target rises from ``start_c`` by
  ``rise_c_per_h``; when it reaches ``threshold_c`` (after (threshold - start) / rise hours) the
  target is degraded to ``level`` until the action ``cool`` is done on it;
- incident type ``dummy.sabotage`` (cybercrime): the target is degraded to ``level`` for ``duration``;
- action ``cool``: ends a heatwave's effect on its target;
- graph format ``toml``: a graph file ``*.toml`` with an ``[[assets]]`` table per asset.
"""

from __future__ import annotations

import tomllib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from simulator.engine.eventkinds import EventKind
from simulator.model.errors import LoadError, Problem
from simulator.model.fieldtypes import DistributionField
from simulator.model.formats.records import AssetOrigin, RawGraph
from simulator.model.incidents import InjectBase
from simulator.model.plugins import ActionPlugin, GraphFormatPlugin, HazardPlugin, IncidentPlugin
from simulator.model.yamlfile import SourceDocument

__all__ = ["HEATWAVE", "SABOTAGE", "COOL", "TOML_GRAPHS"]


# --- hazard model: heatwave ---------------------------------------------------------------------
class HeatwaveSpec(BaseModel):
    """Temperatures in degrees Celsius, rise per hour."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: Literal["heatwave"]
    start_c: float = 20.0
    rise_c_per_h: float = Field(gt=0)
    threshold_c: float
    level: float = Field(default=0.5, ge=0, lt=1, description="service level of the target while too hot")


class Heatwave:
    """Built by the engine with (kernel, peers, spec, target, cause); see simulator.engine.hazards.HazardModel.

    It uses the kernel only (``call_at``, ``log``, ``states``): it declares no peers."""

    name = "heatwave"
    PEERS = ()

    def __init__(self, kernel, peers, spec: HeatwaveSpec, target: int, cause: int):
        self.kernel, self.peers, self.spec, self.site, self.cause = kernel, peers, spec, target, cause
        self.key = ("heatwave", id(self))
        self.cooled = False

    def start(self) -> None:
        spec = self.spec
        hours = max(spec.threshold_c - spec.start_c, 0.0) / spec.rise_c_per_h
        self.kernel.call_at(hours * 60, self._too_hot)

    def _too_hot(self) -> None:
        if self.cooled:
            return
        event = self.kernel.log("heatwave.too_hot", self.site, self.cause, {"celsius": self.spec.threshold_c})
        self.kernel.states.set_effect(self.site, self.key, self.spec.level, event)

    def asset_changed(self, asset: int) -> None:
        return None

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool:
        if action != "cool" or asset != self.site or self.cooled:
            return False
        self.cooled = True
        event = self.kernel.log("heatwave.cooled", self.site, cause)
        if self.key in self.kernel.states.effects(self.site):
            self.kernel.states.clear_effect(self.site, self.key, event)
        return True

    def finish(self) -> None:
        return None


HEATWAVE = HazardPlugin(
    "heatwave",
    HeatwaveSpec,
    Heatwave,
    kinds=(
        EventKind("heatwave.too_hot", "hazard", "visible", headline=True),
        EventKind("heatwave.cooled", "hazard", "own_work", headline=True),
    ),
    messages={
        "event.heatwave.too_hot": {"en": "It is {celsius} °C at {name}", "nl": "Het is {celsius} °C bij {name}"},
        "event.heatwave.cooled": {"en": "{name} is cooled", "nl": "{name} is gekoeld"},
    },
)


# --- incident type: dummy.sabotage ----------------------------------------------------------------
class SabotageInject(InjectBase):
    """The target is degraded to ``level`` for ``duration`` minutes."""

    type: Literal["dummy.sabotage"]
    level: float = Field(default=0.5, ge=0, lt=1)
    duration: DistributionField


def sabotage(incidents, position: int, inject: SabotageInject, target: int, cause: int) -> None:
    """Handler: ``incidents`` is the engine's IncidentHandlers part (``incidents.kernel``: log,
    call_at, stream, states; ``incidents.incident_event``)."""
    kernel = incidents.kernel
    event = incidents.incident_event("dummy.sabotaged", position, target, cause, {"level": inject.level})
    key = ("sabotage", position)
    kernel.states.set_effect(target, key, inject.level, event)
    minutes = inject.duration.sample(kernel.stream("inject.duration", kernel.scenario.inject_id(position)))
    kernel.call_at(minutes, _sabotage_end, kernel, target, key, event)


def _sabotage_end(kernel, target: int, key: tuple, cause: int) -> None:
    event = kernel.log("dummy.sabotage_over", target, cause)
    kernel.states.clear_effect(target, key, event)


SABOTAGE = IncidentPlugin(
    "dummy.sabotage",
    SabotageInject,
    "cybercrime",
    sabotage,
    kinds=(
        EventKind("dummy.sabotaged", "incident", "visible", headline=True, incident_fact=True, channel="report"),
        EventKind("dummy.sabotage_over", "incident", "visible"),
    ),
    messages={
        "incident.dummy.sabotage": {"en": "sabotage", "nl": "sabotage"},
        "event.dummy.sabotaged": {"en": "{name} is sabotaged", "nl": "{name} is gesaboteerd"},
        "event.dummy.sabotage_over": {
            "en": "The sabotage of {name} is over",
            "nl": "De sabotage van {name} is voorbij",
        },
    },
)


# --- action: cool ---------------------------------------------------------------------------------
def cool_done(playbook, rule, asset: int, event: int) -> None:
    """Called when a ``cool`` action is done on ``asset``: the hazard models act on it (the
    playbook's declared peer ``flooding``, through ``playbook.peers``)."""
    if not playbook.peers.flooding.act("cool", asset, event, rule):
        playbook.kernel.log("action.no_effect", asset, event, {"rule": rule.id, "action": rule.action}, ref=rule.id)


COOL = ActionPlugin(
    "cool",
    per_asset=True,
    handler=cool_done,
    messages={"actiontype.cool": {"en": "Cool", "nl": "Koelen"}},
)


# --- graph format: toml ---------------------------------------------------------------------------
def read_toml_graph(path) -> RawGraph:
    """The asset records of a TOML graph file (``name``, ``[[assets]]``)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LoadError([Problem(path, None, (), "file.missing", {})]) from None
    doc = SourceDocument(path, data)
    raw = RawGraph(documents=[doc], name=data.get("name", ""), description=data.get("description", ""))
    for j, record in enumerate(data.get("assets", [])):
        raw.records.append(record)
        raw.origins.append(AssetOrigin(doc, ("assets", j)))
    return raw


TOML_GRAPHS = GraphFormatPlugin("toml", (".toml",), read_toml_graph)
