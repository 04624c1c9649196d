"""The water of a run's graph as tables, so that a run directory can draw its basins and zones on
its own: ``basins.csv`` (levels and thresholds, m NAP) and ``zones.csv`` (ground level, m NAP,
people, the assets in each zone).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..engine.simulation import RunRecord

__all__ = [
    "BASIN_COLUMNS",
    "ZONE_COLUMNS",
    "basin_names",
    "basins_table",
    "zones_table",
    "read_water_tables",
    "zone_assets",
]

BASIN_COLUMNS = ["id", "name", "level_m", "alarm_level_m", "crest_level_m"]
"""``level_m``: the initial level; ``alarm_level_m`` and ``crest_level_m`` empty where the basin has none."""
ZONE_COLUMNS = ["id", "name", "basin", "ground_level_m", "population", "assets", "name_proper"]
"""``assets``: the ids of the assets in the zone, separated by spaces; ``name_proper``: false for a
descriptive name, said with a lowercase first letter inside a sentence (model/water.py)."""

_BASIN_TYPES = {"id": str, "name": str, "level_m": "float64", "alarm_level_m": "Float64", "crest_level_m": "Float64"}
_ZONE_TYPES = {
    "id": str,
    "name": str,
    "basin": str,
    "ground_level_m": "float64",
    "population": "int64",
    "assets": str,
    "name_proper": "bool",
}


def basins_table(record: RunRecord) -> pd.DataFrame:
    """One row per basin of the run's graph, in the graph's order (m NAP)."""
    rows = [
        (b.id, b.name or b.id, float(b.level_m), b.alarm_level_m, b.crest_level_m) for b in record.scenario.graph.basins
    ]
    return pd.DataFrame(rows, columns=BASIN_COLUMNS).astype(_BASIN_TYPES)


def basin_names(basins) -> dict[str, str]:
    """Basin id -> name from a run's basins table (``basins.csv``; empty names fall back to the id)."""
    if basins is None or len(basins) == 0 or "name" not in basins:
        return {}
    return {str(b): str(n) for b, n in zip(basins["id"], basins["name"]) if isinstance(n, str) and n}


def zones_table(record: RunRecord) -> pd.DataFrame:
    """One row per flood zone of the run's graph, in the graph's order (ground level m NAP)."""
    rows = [
        (z.id, z.name or z.id, z.basin, float(z.ground_level_m), z.population, " ".join(z.assets), z.name_proper)
        for z in record.scenario.graph.zones
    ]
    return pd.DataFrame(rows, columns=ZONE_COLUMNS).astype(_ZONE_TYPES)


def read_water_tables(path: Path) -> dict[str, pd.DataFrame]:
    """``basins`` and ``zones`` of a run directory, where it has them (runs without water have neither)."""
    tables = {}
    for name, types in (("basins", _BASIN_TYPES), ("zones", _ZONE_TYPES)):
        if (path / f"{name}.csv").exists():
            tables[name] = pd.read_csv(
                path / f"{name}.csv",
                dtype=types,
                keep_default_na=False,
                na_values={c: [""] for c, t in types.items() if t is not str},
            )
    return tables


def zone_assets(zones: pd.DataFrame) -> dict[str, list[str]]:
    """Zone id -> the ids of its assets."""
    return {z: str(a).split() for z, a in zip(zones["id"], zones["assets"])}
