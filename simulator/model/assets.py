"""Assets (nodes of the dependency graph) and their needs (groups of incoming edges)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, StrictInt, WithJsonSchema

from .distributions import Distribution
from .fieldtypes import (
    SLUG_PATTERN,
    Backups,
    DistributionField,
    Exposure,
    Minutes,
    NeedType,
    Number,
    Sector,
    Serves,
    Slug,
    custom_error,
)

__all__ = ["FuelTank", "Asset", "Need", "Recovery", "ManualFallback", "Location", "FROZEN"]

FROZEN = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)


def _to_effect_level(value: Any) -> float:
    if value == "fail":
        return 0.0
    level = value["degrade"] if isinstance(value, dict) and set(value) == {"degrade"} else value
    if isinstance(level, (int, float)) and not isinstance(level, bool) and 0 <= level < 1:
        return float(level)
    raise custom_error("value.effect", value=value)


EffectLevel = Annotated[
    float,
    BeforeValidator(_to_effect_level),
    PlainSerializer(lambda level: "fail" if level == 0 else {"degrade": level}, return_type=Any, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"const": "fail"},
                {
                    "type": "object",
                    "properties": {"degrade": {"type": "number", "minimum": 0, "exclusiveMaximum": 1}},
                    "required": ["degrade"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


def _to_supplier_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _none_is_null(value: Any) -> Any:
    return None if value == "none" else value


class FuelTank(BaseModel):
    """A generator's tank: the buffer of a power need is its fuel (litres / litres per hour)."""

    model_config = FROZEN

    tank_l: Number = Field(gt=0, description="tank size, litres")
    consumption_l_per_h: Number = Field(gt=0, description="litres per hour while it runs")
    level_l: Number | None = Field(default=None, ge=0, description="litres at the start; default a full tank")

    @property
    def hours_full(self) -> float:
        return self.tank_l / self.consumption_l_per_h


class Need(BaseModel):
    """A dependency group on the consumer: ``k`` of ``suppliers`` must be available.

    When fewer are available for longer than ``tolerance`` (minutes: a UPS, fuel, a water tower),
    the consumer drops to service level ``effect`` (0 = fail). When supply returns, the effect is
    lifted after ``restart`` minutes. ``refill: false`` makes the buffer cumulative over outages.
    """

    # written out (not FROZEN) so that the pydantic mypy plugin sees that fields go by name too
    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True, validate_by_alias=True)

    type: NeedType
    suppliers: Annotated[
        tuple[Slug, ...],
        BeforeValidator(_to_supplier_list),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "pattern": SLUG_PATTERN},
                    {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}, "minItems": 1},
                ]
            }
        ),
    ] = Field(alias="from", min_length=1)
    k: int = Field(default=1, alias="need", ge=1, description="how many suppliers must be available")
    tolerance: Minutes = Field(default=0.0, description="buffer in minutes before the effect applies")
    effect: EffectLevel = Field(
        default=0.0, description="fail, or {degrade: service level}", json_schema_extra={"default": "fail"}
    )
    restart: Minutes = Field(default=0.0, description="minutes to resume after supply returns")
    refill: bool = Field(default=True, description="false: the buffer does not refill between outages")
    fuel: FuelTank | None = Field(
        default=None, description="a generator with a tank instead of a fixed tolerance (refilled only by refuelling)"
    )


class Recovery(BaseModel):
    """How a damaged asset is repaired: a duration (minutes) and the crew (``organisation/crew``)."""

    model_config = FROZEN

    duration: DistributionField
    crew: str | None = None


class ManualFallback(BaseModel):
    """The service level reachable by hand, the time to set it up and the crew it needs."""

    model_config = FROZEN

    level: Number = Field(gt=0, le=1)
    setup: DistributionField = Field(default_factory=lambda: Distribution.fixed(0.0))
    crew: str | None = None


class Location(BaseModel):
    """WGS84 position in degrees."""

    model_config = FROZEN

    lat: Number = Field(ge=-90, le=90)
    lon: Number = Field(ge=-180, le=180)


class Asset(BaseModel):
    """An installation or service: a node of the dependency graph."""

    model_config = FROZEN

    id: Slug
    name: str = Field(default="", description="as written; people read the graph's label (model/labels.py)")
    name_plural: bool = Field(
        default=False,
        description="true: the name is a plural ('Supermarkten Havenstad', 'Havenbedrijf en terminals'), so a verb "
        "after it agrees ('Supermarkten Havenstad werken', 'ATMs ... work') in the inject list",
    )
    sector: Sector
    kind: str = ""
    owner: Slug | None = None
    municipality: str = ""
    serves: Serves = Field(
        default="municipality",
        description="whom it serves: 'municipality' (the people of its own; the default) or 'region' (every "
        "municipality of the graph: a regional control room, police unit or hospital; its failure is no "
        "town's own threat)",
    )
    population: StrictInt = Field(default=0, ge=0, description="people who lose something when it fails")
    population_within: Slug | None = Field(
        default=None,
        description="where those people live, so that nobody counts twice: a neighbourhood's asset id (sector "
        "population), 'municipality' (spread over its neighbourhoods; the default) or 'none' (not residents: "
        "travellers, visitors)",
    )
    location: Location | None = None
    recovery: Recovery | None = None
    manual_fallback: ManualFallback | None = None
    exposure: Exposure = Field(
        default="none", description="reachability by attackers; ransomware spreads to exposed assets"
    )
    monitoring: Annotated[DistributionField | None, BeforeValidator(_none_is_null)] = Field(
        default=None, description="time to detect an intrusion by monitoring, or none"
    )
    backups: Backups = "online"
    flood_tolerance_m: Number | None = Field(
        default=None, ge=0, description="water depth (m) at which it fails in a flooded zone; default 0.3"
    )
    needs: tuple[Need, ...] = ()
