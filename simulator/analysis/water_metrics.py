"""Metrics of the physical hazards: highest water levels, flooded zones, people flooded."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["water_metrics"]


def water_metrics(
    peak_levels: Mapping[str, float],
    flooded_zones: Mapping[str, float],
    zone_population: Mapping[str, int],
    evacuated_zones: Mapping[str, float] | None = None,
    dried_zones: Mapping[str, float] | None = None,
) -> dict:
    """``max_water_level_m`` (basin -> m NAP), ``flooded_zones`` (zone -> first minute flooded),
    ``dried_zones`` (zone -> minute the water fell below its ground again), ``population_flooded``
    (people in the flooded zones not evacuated before the water came)."""
    evacuated = evacuated_zones or {}
    return {
        "max_water_level_m": {basin: round(float(level), 6) for basin, level in sorted(peak_levels.items())},
        "flooded_zones": {zone: float(t) for zone, t in sorted(flooded_zones.items(), key=lambda item: item[1])},
        "dried_zones": {zone: float(t) for zone, t in sorted((dried_zones or {}).items(), key=lambda item: item[1])},
        "population_flooded": int(
            sum(
                zone_population.get(zone, 0)
                for zone, t in flooded_zones.items()
                if not evacuated.get(zone, float("inf")) <= t
            )
        ),
    }
