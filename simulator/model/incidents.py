"""Injects: incidents placed on a target at a (possibly random) time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias, Union

from pydantic import BaseModel, BeforeValidator, Field, model_validator

from .assets import FROZEN
from .distributions import Distribution
from .fieldtypes import DistributionField, Minutes, Number, Slug, custom_error
from .hazards import HazardSpec
from .plugins import IncidentPlugin, incident_types

__all__ = [
    "Inject",
    "InjectBase",
    "BUILTIN_INCIDENTS",
    "OutageInject",
    "CompromiseInject",
    "RansomwareInject",
    "DdosInject",
    "Spread",
    "Restore",
    "INJECT_TYPES",
    "INCIDENT_CLASSES",
    "FraudInject",
    "ThreatInject",
    "Detection",
    "HazardInject",
    "MobilizationInject",
]


def _none_is_null(value: Any) -> Any:
    return None if value == "none" else value


class Detection(BaseModel):
    """How this incident can be detected, overriding the target's own ``monitoring``."""

    model_config = FROZEN

    monitoring: Annotated[DistributionField | None, BeforeValidator(_none_is_null)] = Field(
        default=None, description="time to detect by monitoring, or none (never by this channel)"
    )


class InjectBase(BaseModel):
    """What every inject has: the base of every incident type's spec (plugins' too)."""

    model_config = FROZEN

    id: Slug | None = Field(default=None, description="name used in the timeline; default inject-N")
    at: DistributionField = Field(default_factory=lambda: Distribution.fixed(0.0), description="minutes after start")
    target: Slug
    detect: Detection | None = Field(default=None, description="detection channels of this incident")
    if TYPE_CHECKING:  # every incident type sets its own Literal ``type``; declared here for the type checker only
        type: str


class OutageInject(InjectBase):
    """A physical failure (cable cut, fire). Ends by itself after ``duration``, else needs repair."""

    type: Literal["outage"]
    duration: DistributionField | None = None


class CompromiseInject(InjectBase):
    """An attacker controls the target: ``disrupt`` shuts it down, ``manipulate`` keeps it running
    while doing harm (drives hazards), ``exfiltrate`` steals data."""

    type: Literal["cyber.compromise"]
    effect: Literal["disrupt", "manipulate", "exfiltrate"] = "disrupt"
    hazard: HazardSpec | None = Field(default=None, description="the physical process a manipulation starts")


class Spread(BaseModel):
    """Lateral movement of ransomware along data and control links, per hop."""

    model_config = FROZEN

    probability: Number = Field(ge=0, le=1)
    delay: DistributionField


class Restore(BaseModel):
    """Restore time after encryption, by the target's backups.

    Working values (assumption), after DOMAIN.md's Hof van Twente figures: offline backups take
    days; online backups are encrypted too, so weeks to months; without backups, rebuilding takes
    months. Replace with better sources when they turn up.
    """

    model_config = FROZEN

    offline: DistributionField = Field(default_factory=lambda: Distribution("lognormal", (3 * 1440.0, 7 * 1440.0)))
    online: DistributionField = Field(default_factory=lambda: Distribution("lognormal", (30 * 1440.0, 120 * 1440.0)))
    none: DistributionField = Field(default_factory=lambda: Distribution("lognormal", (90 * 1440.0, 180 * 1440.0)))


class RansomwareInject(InjectBase):
    """Encrypts the target and spreads to exposed neighbours until contained."""

    type: Literal["cyber.ransomware"]
    spread: Spread | None = None
    contain_after: DistributionField | None = Field(
        default=None, description="minutes after the inject after which no further hop succeeds"
    )
    restore: Restore = Field(default_factory=Restore)
    crew: str | None = Field(default=None, description="restoring crew; default the asset's recovery crew")


class DdosInject(InjectBase):
    """Overloads the target: degraded to ``level`` for ``duration``."""

    type: Literal["cyber.ddos"]
    level: Number = Field(default=0.2, ge=0, lt=1, description="service level during the attack")
    duration: DistributionField


class Load(BaseModel):
    """Extra work an incident causes for a crew (calls, reports): it holds one of its slots."""

    model_config = FROZEN

    crew: str
    duration: DistributionField


class FraudInject(InjectBase):
    """A phishing or fraud wave in the municipality's name exploiting the crisis (digitised crime).

    The target (the municipality's phone line or contact centre) is degraded to ``level`` by the
    extra calls until a ``counter_message`` action answers the wave (or ``duration`` ends it);
    ``load`` holds a police crew for the reports.
    """

    type: Literal["online.fraud"]
    level: Number = Field(default=0.6, ge=0, lt=1)
    duration: DistributionField | None = None
    load: Load | None = None


class ThreatInject(InjectBase):
    """Online threats against an official (digitised crime). ``target``: where the official works.

    Known at once (the official reports it); answered by a ``protect`` action, which holds a police
    crew for ``duration``.
    """

    type: Literal["online.threat"]
    official: str = Field(default="", description="who is threatened, e.g. burgemeester")
    duration: DistributionField = Field(default_factory=lambda: Distribution.fixed(72 * 60.0))


class MobilizationInject(InjectBase):
    """An online call to gather at the target's place (safety with a digital component, Project X).

    The call's reach grows logistically: R(t) = reach / (1 + exp(-growth_per_h (t - half_reach_after)))
    (people, t in hours after the post). Of the reach at the gathering, ``turnout`` come, arriving
    evenly over ``arrival`` before ``gathering_after``. Public-order disturbance starts when the
    crowd passes ``police_capacity`` (what the police present can handle, people); it ends with
    the crowd, ``lasts`` after the gathering time. Measures: ``ordinance`` (turnout x the rule's
    ``factor``), ``counter_message`` (the reach still to grow x ``factor``), ``reinforce`` (more
    capacity).
    """

    type: Literal["online.mobilization"]
    reach: int = Field(gt=0, description="people the call reaches in the end, if nothing is done")
    growth_per_h: Number = Field(gt=0, description="logistic growth rate, per hour")
    half_reach_after: Minutes = Field(description="time after the post when half the reach is reached")
    turnout: Number = Field(gt=0, le=1, description="share of the reach that comes")
    gathering_after: Minutes = Field(gt=0, description="time after the post of the gathering")
    arrival: Minutes = Field(
        default=2 * 60.0, gt=0, description="the crowd arrives over this time before the gathering"
    )
    lasts: Minutes = Field(default=6 * 60.0, gt=0, description="the crowd stays this long after the gathering time")
    police_capacity: int = Field(ge=0, description="people the police present can handle")

    @model_validator(mode="after")
    def _arrival_before_gathering(self):
        if self.arrival > self.gathering_after:
            raise custom_error("value.arrival", arrival=self.arrival, gathering=self.gathering_after)
        return self


class HazardInject(InjectBase):
    """A physical process starts at the target (heavy rain on a polder, ...): ``hazard`` says which."""

    type: Literal["hazard"]
    hazard: HazardSpec


_InjectBase = InjectBase  # the old name

_HANDLERS = "simulator.engine.incidents:IncidentHandlers."
# The built-in incident types, registered like any plugin (``simulator.model.plugins``). Their
# event kinds are in ``simulator.engine.eventkinds`` and their messages in the catalogue already.
# The taxonomy of the CCV paper (DESIGN.md): cybercrime (ICT both means and target), digitised
# crime (traditional crime with a digital boost), safety with a digital component (digital events
# disturbing physical order). Physical failures belong to none of them: class "physical".
BUILTIN_INCIDENTS = (
    IncidentPlugin("outage", OutageInject, "physical", _HANDLERS + "outage"),
    IncidentPlugin("cyber.compromise", CompromiseInject, "cybercrime", _HANDLERS + "compromise"),
    IncidentPlugin("cyber.ransomware", RansomwareInject, "cybercrime", _HANDLERS + "ransomware"),
    IncidentPlugin("cyber.ddos", DdosInject, "cybercrime", _HANDLERS + "ddos"),
    IncidentPlugin("online.fraud", FraudInject, "digitised_crime", _HANDLERS + "fraud"),
    IncidentPlugin("online.threat", ThreatInject, "digitised_crime", _HANDLERS + "threat"),
    IncidentPlugin("hazard", HazardInject, "physical", _HANDLERS + "hazard"),
    IncidentPlugin("online.mobilization", MobilizationInject, "safety_digital", _HANDLERS + "mobilization"),
)

# The union of the built-ins; ``simulator.model.plugin_schema`` rebuilds the scenario schema with
# every registered type.
if TYPE_CHECKING:  # to a type checker an inject is any incident spec; at run time the discriminated union
    Inject: TypeAlias = InjectBase
else:
    Inject = Annotated[Union[tuple(p.spec for p in BUILTIN_INCIDENTS)], Field(discriminator="type")]


class _IncidentClasses(Mapping):
    """Incident type -> class, for every registered type (plugins' too): a live view."""

    def __getitem__(self, name: str) -> str:
        return incident_types()[name].incident_class

    def __iter__(self) -> Iterator[str]:
        return iter(incident_types())

    def __len__(self) -> int:
        return len(incident_types())


class _InjectTypes(Sequence):
    """The names of every registered incident type: a live view that reads like a tuple."""

    def __getitem__(self, index):
        return tuple(incident_types())[index]

    def __len__(self) -> int:
        return len(incident_types())

    def __contains__(self, name: object) -> bool:
        return name in incident_types()

    def __repr__(self) -> str:
        return repr(tuple(incident_types()))


INJECT_TYPES: Sequence[str] = _InjectTypes()
INCIDENT_CLASSES: Mapping[str, str] = _IncidentClasses()
