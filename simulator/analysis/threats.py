"""The local threat picture (lokaal dreigingsbeeld): every asset's permanent failure, ranked by
its impact, with a likelihood from its cyber exposure and monitoring.

Impact comes from the deterministic cascade (no repair, fixed tolerances): assets failed, people
affected (the population of the failed assets), sectors hit. Classes A-E in the style of the
National Risk Profile; the bounds are rampsim's own and stated here:

- likelihood: exposure none 0, low 1, medium 2, high 3, plus 1 without monitoring -> A..E (0..4);
- impact by people affected: A < 1,000 <= B < 5,000 <= C < 20,000 <= D < 50,000 <= E.
"""

from __future__ import annotations

import pandas as pd

from ..model.graph import InfrastructureGraph
from .cascade import deterministic_cascade

__all__ = ["threat_picture", "IMPACT_BOUNDS", "CLASSES"]

CLASSES = ("A", "B", "C", "D", "E")
IMPACT_BOUNDS = (1_000, 5_000, 20_000, 50_000)  # people affected: upper bounds of A, B, C, D
_EXPOSURE = {"none": 0, "low": 1, "medium": 2, "high": 3}


def _impact_class(people: int) -> str:
    return CLASSES[sum(people >= bound for bound in IMPACT_BOUNDS)]


def _likelihood_class(asset) -> str:
    score = _EXPOSURE[asset.exposure] + (1 if asset.monitoring is None else 0)
    return CLASSES[min(score, 4)]


def threat_picture(graph: InfrastructureGraph, sector: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """One row per (selected) asset: its cascade's impact and likelihood, ranked by people affected."""
    rows = []
    population = {a.id: a.population for a in graph.assets}
    sectors = {a.id: a.sector for a in graph.assets}
    for asset in graph.assets:
        if (sector and asset.sector != sector) or (kind and asset.kind != kind):
            continue
        if sector is None and asset.sector == "population":
            continue  # the people themselves are not a target (ask for --sector population to see them)
        failed = deterministic_cascade(graph, [asset.id])
        people = sum(population[a] for a in failed)
        rows.append(
            {
                "asset": asset.id, "name": asset.label, "sector": asset.sector, "kind": asset.kind,
                "assets_failed": len(failed), "people_affected": people,
                "sectors_hit": len({sectors[a] for a in failed}),
                "exposure": asset.exposure, "monitoring": "none" if asset.monitoring is None else str(asset.monitoring),
                "likelihood": _likelihood_class(asset), "impact": _impact_class(people),
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    table = table.sort_values(["people_affected", "assets_failed", "asset"], ascending=[False, False, True], kind="stable")
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)
