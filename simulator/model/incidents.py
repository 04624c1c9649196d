"""Injects: incidents placed on a target at a (possibly random) time."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field

from .assets import FROZEN
from .distributions import Distribution
from .fieldtypes import DistributionField, Slug

__all__ = [
    "Inject",
    "OutageInject",
    "CompromiseInject",
    "RansomwareInject",
    "DdosInject",
    "Spread",
    "Restore",
    "INJECT_TYPES",
]


class _InjectBase(BaseModel):
    model_config = FROZEN

    id: Slug | None = Field(default=None, description="name used in the timeline; default inject-N")
    at: DistributionField = Field(default_factory=lambda: Distribution.fixed(0.0), description="minutes after start")
    target: Slug


class OutageInject(_InjectBase):
    """A physical failure (cable cut, fire). Ends by itself after ``duration``, else needs repair."""

    type: Literal["outage"]
    duration: DistributionField | None = None


class CompromiseInject(_InjectBase):
    """An attacker controls the target: ``disrupt`` shuts it down, ``manipulate`` keeps it running
    while doing harm (drives hazards), ``exfiltrate`` steals data."""

    type: Literal["cyber.compromise"]
    effect: Literal["disrupt", "manipulate", "exfiltrate"] = "disrupt"


class Spread(BaseModel):
    """Lateral movement of ransomware along data and control links, per hop."""

    model_config = FROZEN

    probability: float = Field(ge=0, le=1)
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


class RansomwareInject(_InjectBase):
    """Encrypts the target and spreads to exposed neighbours until contained."""

    type: Literal["cyber.ransomware"]
    spread: Spread | None = None
    contain_after: DistributionField | None = Field(
        default=None, description="minutes after the inject after which no further hop succeeds"
    )
    restore: Restore = Field(default_factory=Restore)
    crew: str | None = Field(default=None, description="restoring crew; default the asset's recovery crew")


class DdosInject(_InjectBase):
    """Overloads the target: degraded to ``level`` for ``duration``."""

    type: Literal["cyber.ddos"]
    level: float = Field(default=0.2, ge=0, lt=1, description="service level during the attack")
    duration: DistributionField


Inject = Annotated[
    Union[OutageInject, CompromiseInject, RansomwareInject, DdosInject],
    Field(discriminator="type"),
]
INJECT_TYPES = ("outage", "cyber.compromise", "cyber.ransomware", "cyber.ddos")
