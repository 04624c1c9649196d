"""Water bodies and flood zones of a graph: basins that hazards fill, zones that flood from them.

Levels in metres NAP, areas in m², flows in m³/s.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from .assets import FROZEN
from .fieldtypes import Number, Slug

__all__ = ["Drain", "Basin", "Zone", "DEFAULT_FLOOD_TOLERANCE_M"]

# Water depth (m) at which an asset in a flooded zone fails, unless it sets its own: about the
# height of switchgear and ground-floor electrical installations (assumption, issue 4).
DEFAULT_FLOOD_TOLERANCE_M = 0.3


class Drain(BaseModel):
    """A pumping station draining a basin: removes ``capacity_m3s`` while it is available."""

    model_config = FROZEN

    asset: Slug
    capacity_m3s: float = Field(gt=0, description="m³/s")


class Basin(BaseModel):
    """A water body with a level that hazards change: a harbour basin behind a lock, a polder's
    storage (ditches, boezem), a canal.

    ``alarm_level_m``: the level at which the water board's level alarm goes off (a detection
    channel); ``crest_level_m``: quay or dike crest; above it the zones it protects flood.
    """

    model_config = FROZEN

    id: Slug
    name: str = ""
    area_m2: float = Field(gt=0, description="water surface, m²")
    level_m: Number = Field(description="initial level, m NAP")
    target_level_m: Number | None = Field(
        default=None,
        description="streefpeil, m NAP: the pumps stop when the water falls to it (default: the initial level)",
    )
    alarm_level_m: Number | None = Field(default=None, description="m NAP")
    crest_level_m: Number | None = Field(default=None, description="quay or dike crest, m NAP")
    alarm_asset: Slug | None = Field(default=None, description="the asset whose alarm reports the level (SCADA)")
    drains: tuple[Drain, ...] = ()


class Zone(BaseModel):
    """An area that floods from ``basin`` once the water passes the basin's crest (if any).

    Water depth in the zone is the basin level minus ``ground_level_m``; each asset in it fails
    (damaged) when the depth passes its ``flood_tolerance_m``.
    """

    model_config = FROZEN

    id: Slug
    name: str = ""
    name_proper: bool = Field(
        default=True,
        description="false: a descriptive name ('Laagste straten van Beekdal'), said with a lowercase first letter "
        "inside a sentence ('in het gebied laagste straten van Beekdal'); true: a proper noun ('Havenkwartier')",
    )
    basin: Slug
    ground_level_m: Number = Field(description="m NAP")
    population: int = Field(default=0, ge=0)
    assets: tuple[Slug, ...] = ()
