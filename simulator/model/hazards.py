"""Parameters of the physical hazard models an inject can start (units in the field names)."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from .assets import FROZEN
from .fieldtypes import Minutes, Number, Slug, custom_error
from .plugins import HazardPlugin

__all__ = ["Upstream", "LockBreachSpec", "PolderSpec", "RainSpell", "HazardSpec", "BUILTIN_HAZARDS"]


class Upstream(BaseModel):
    """The water body upstream of a lock: a constant level, or a tide.

    Level (m NAP) = ``level_m`` + ``amplitude_m`` x cos(2 pi (t - ``high_water``) / ``period``),
    t the time since the scenario start. Dutch coast: semi-diurnal, period about 12h25min (DOMAIN.md).

    Storm-surge warnings (optional): the sea's ``warning_level_m`` (waarschuwingspeil) and
    ``alarm_level_m`` (alarmeringspeil), m NAP, of the nearest tide gauge. The first time the tide
    stands at or above each, Rijkswaterstaat's WMCN warns ``warning_lead`` before
    (``simulator.engine.hazards.surge``). For Hoek van Holland the Helpdesk Water colour codes are
    2.00 (groen, voorwaarschuwingspeil), 2.20 (geel), 2.80 (oranje) and 3.65 m NAP (rood).
    """

    model_config = FROZEN

    level_m: Number = Field(description="mean level, m NAP")
    amplitude_m: Number = Field(default=0.0, ge=0, description="half the tidal range, m")
    period: Minutes = Field(default=12 * 60 + 25.0, gt=0, description="tidal period")
    high_water: Minutes = Field(default=0.0, description="time of a high water after the start")
    warning_level_m: Number | None = Field(default=None, description="storm-surge warning level, m NAP")
    alarm_level_m: Number | None = Field(default=None, description="storm-surge alarm level, m NAP")
    warning_lead: Minutes = Field(
        default=12 * 60.0, description="how long before the tide reaches a level WMCN warns of it"
    )

    @field_validator("alarm_level_m")
    @classmethod
    def _alarm_not_below_warning(cls, alarm: float | None, info: ValidationInfo) -> float | None:
        warning = info.data.get("warning_level_m")
        if alarm is not None and warning is not None and alarm < warning:
            raise custom_error("value.alarm_below_warning", alarm=alarm, warning=warning)
        return alarm


class LockBreachSpec(BaseModel):
    """A manipulated lock opens its gates: orifice flow between ``upstream`` and ``basin``.

    Q = ``cd`` x open area x sqrt(2 g dh); the open area is ``gate_area_m2`` per open gate
    (``gates``: one or both). Closing the gates (playbook action ``close_gates`` on the lock)
    stops the flow.
    """

    model_config = FROZEN

    model: Literal["lock_breach"]
    lock: Slug | None = Field(default=None, description="the lock asset; default the inject's target")
    basin: Slug
    upstream: Upstream
    gates: Literal["one", "both"] = "both"
    gate_area_m2: float = Field(gt=0, description="flow area of one open gate (sluice openings), m²")
    cd: Number = Field(default=0.6, gt=0, le=1, description="discharge coefficient (sharp-edged opening: about 0.6)")


class RainSpell(BaseModel):
    """Rain of ``mm_per_h`` from ``start`` (after the inject) until the next spell."""

    model_config = FROZEN

    start: Minutes = 0.0
    mm_per_h: Number = Field(ge=0, description="mm/h over the catchment")


class PolderSpec(BaseModel):
    """A polder under rain: its water (the basin: ditches and storage, level in m NAP) rises by
    rain on the catchment minus what its pumping stations (the basin's drains) remove:
    dh/dt = (rain x catchment - pumping) / storage area, exact and piecewise linear."""

    model_config = FROZEN

    model: Literal["polder"]
    basin: Slug
    catchment_m2: float = Field(gt=0, description="area the rain falls on, m²")
    rain: tuple[RainSpell, ...] = Field(min_length=1, description="rain spells; the last lasts to the end")


# The built-in hazard models, registered like any plugin (``simulator.model.plugins``); ``crowd``
# has no ``hazard:`` spec: the ``online.mobilization`` incident type starts it.
_MODELS = "simulator.engine.hazards."
BUILTIN_HAZARDS = (
    HazardPlugin("lock_breach", LockBreachSpec, _MODELS + "lock_breach:LockBreach"),
    HazardPlugin("polder", PolderSpec, _MODELS + "polder:Polder"),
    HazardPlugin("crowd", None, _MODELS + "crowd:Crowd"),
)

# The union of the built-ins; ``simulator.model.plugin_schema`` rebuilds it with every registered model.
HazardSpec = Annotated[Union[LockBreachSpec, PolderSpec], Field(discriminator="model")]
