"""Synthetic graphs of any size, shaped like a municipality's supply tree, for benchmarks.

Tiers, each supplied by the tier(s) before it: high-voltage stations -> substations -> telecom
exchanges, pumping stations, data centres -> masts, water towers -> services (hospitals,
emergency, government, finance, transport, food, ...) -> neighbourhoods. Needs use k-of-n
redundancy (1 of 2, 2 of 3), degrade effects on telecom and data, and a spread of tolerances.
"""

from __future__ import annotations

import numpy as np

from .assets import Asset, Need, Recovery
from .distributions import Distribution
from .graph import InfrastructureGraph

__all__ = ["synthetic_graph"]

# (kind, sector, share of all assets)
_TIERS = (
    ("hv_station", "energy", 0.0005),
    ("substation", "energy", 0.04),
    ("exchange", "telecom", 0.008),
    ("pumping_station", "water", 0.01),
    ("datacenter", "ict", 0.004),
    ("mobile_mast", "telecom", 0.06),
    ("water_tower", "water", 0.01),
    ("service", "", 0.12),
    ("neighbourhood", "population", 0.0),  # the rest
)
_SERVICE_SECTORS = ("health", "emergency", "government", "finance", "transport", "food", "waterways", "flood_defence")
_TOLERANCES = np.array([0.0, 15.0, 30.0, 60.0, 120.0, 240.0, 480.0, 720.0, 1440.0])


def synthetic_graph(assets: int, seed: int | np.random.Generator | None = 0) -> InfrastructureGraph:
    """A supply tree of ``assets`` assets (at least 20)."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    total = max(int(assets), 20)
    counts = {}
    remaining = total
    for kind, _, share in _TIERS[:-1]:
        counts[kind] = max(2, int(round(total * share)))
        remaining -= counts[kind]
    counts["neighbourhood"] = max(remaining, 1)
    ids: dict[str, list[str]] = {kind: [f"{kind}-{i}" for i in range(counts[kind])] for kind in counts}

    def pick(kind: str, n: int) -> list[str]:
        pool = ids[kind]
        chosen = rng.choice(len(pool), size=min(n, len(pool)), replace=False)
        return [pool[i] for i in sorted(chosen)]

    def tolerance(low: int, high: int) -> float:
        return float(_TOLERANCES[rng.integers(low, high + 1)])

    def power(redundant: bool, tol_range=(0, 4)) -> Need:
        if redundant:
            return Need(type="power", suppliers=tuple(pick("substation", 2)), k=1, tolerance=tolerance(*tol_range))
        return Need(type="power", suppliers=tuple(pick("substation", 1)), tolerance=tolerance(*tol_range))

    out: list[Asset] = []
    repair = Recovery(duration=Distribution("lognormal", (120.0, 480.0)))
    for name in ids["hv_station"]:
        out.append(Asset(id=name, sector="energy", kind="hv_station", recovery=repair))
    for name in ids["substation"]:
        need = Need(type="power", suppliers=tuple(pick("hv_station", 2)), k=1)
        out.append(Asset(id=name, sector="energy", kind="substation", recovery=repair, needs=(need,)))
    for name in ids["exchange"]:
        out.append(Asset(id=name, sector="telecom", kind="exchange", needs=(power(True, (4, 7)),)))
    for name in ids["pumping_station"]:
        out.append(Asset(id=name, sector="water", kind="pumping_station", needs=(power(True, (0, 3)),)))
    for name in ids["datacenter"]:
        suppliers = tuple(pick("substation", 3))
        need = Need(type="power", suppliers=suppliers, k=min(2, len(suppliers)), tolerance=tolerance(3, 6))
        out.append(Asset(id=name, sector="ict", kind="datacenter", needs=(need,)))
    for name in ids["mobile_mast"]:
        mast_needs = (
            power(False, (4, 5)),
            Need(type="telecom", suppliers=tuple(pick("exchange", 1)), effect=0.5),
        )
        out.append(Asset(id=name, sector="telecom", kind="mobile_mast", needs=mast_needs))
    for name in ids["water_tower"]:
        need = Need(type="water", suppliers=tuple(pick("pumping_station", 2)), k=1, tolerance=tolerance(5, 8))
        out.append(Asset(id=name, sector="water", kind="water_tower", needs=(need,)))
    for i, name in enumerate(ids["service"]):
        sector = _SERVICE_SECTORS[i % len(_SERVICE_SECTORS)]
        needs = [power(rng.random() < 0.5, (0, 8))]
        needs.append(Need(type="data", suppliers=tuple(pick("datacenter", 2)), k=1, effect=0.6))
        needs.append(Need(type="telecom", suppliers=tuple(pick("mobile_mast", 2)), k=1, effect=0.7))
        population = int(rng.integers(0, 2000)) if sector == "health" else 0
        out.append(Asset(id=name, sector=sector, kind="service", population=population, needs=tuple(needs)))
    for name in ids["neighbourhood"]:
        home_needs = (
            power(False, (0, 0)),
            Need(type="water", suppliers=tuple(pick("water_tower", 1)), tolerance=tolerance(0, 4)),
            Need(type="telecom", suppliers=tuple(pick("mobile_mast", 1)), effect=0.3),
        )
        out.append(
            Asset(
                id=name,
                sector="population",
                kind="neighbourhood",
                population=int(rng.integers(200, 3000)),
                needs=home_needs,
            )
        )
    return InfrastructureGraph(tuple(out), name=f"synthetic-{total}")
