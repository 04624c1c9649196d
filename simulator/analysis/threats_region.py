"""The threat picture of a region, per municipality: which failures hurt each town's residents most.

One municipality has an airport, another a port: the same regional ranking hides that. For a
graph of several municipalities (``municipality`` of its assets), every target's permanent
failure (the deterministic cascade of ``threats.threat_picture``) is counted again per
municipality: the people affected *in* that municipality (each person once, model/people.py,
over that municipality's assets) and the assets failed there. A regional asset (a 150 kV station,
the control room) can so rank high in a town it does not stand in.

``municipal_rankings`` gives the long table: one row per municipality and target that affects
people or fails assets there, ranked within the municipality (people, then assets failed, then
id); targets that touch nothing in a municipality are left out of its section.

``sector_profile`` says per sector how much of a municipality one failure in that sector can
bring down at most (assets failed there, people affected there): where two towns differ, a port
town shows its locks and bridges, an airport town its airport.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from ..model.graph import InfrastructureGraph
from ..model.people import PeopleCounter
from .threats import impact_class

__all__ = [
    "municipalities",
    "people_column",
    "people_by_municipality",
    "municipal_rankings",
    "sector_profile",
    "MUNICIPAL_COLUMNS",
]

MUNICIPAL_COLUMNS = [
    "municipality",
    "rank",
    "asset",
    "name",
    "sector",
    "kind",
    "target_municipality",
    "people_affected",
    "assets_failed",
    "likelihood",
    "impact",
]


def municipalities(graph: InfrastructureGraph) -> list[str]:
    """The municipalities of the graph's assets, by residents (most first), then by name."""
    residents: dict[str, int] = {}
    for asset in graph.assets:
        if asset.municipality:
            residents.setdefault(asset.municipality, 0)
            if asset.sector == "population":
                residents[asset.municipality] += asset.population
    return sorted(residents, key=lambda m: (-residents[m], m))


def people_column(municipality: str) -> str:
    """The regional ranking's column of the people affected in ``municipality``."""
    return f"people_{municipality}"


def failed_column(municipality: str) -> str:
    return f"failed_{municipality}"


def people_by_municipality(
    graph: InfrastructureGraph, failed: Mapping[str, Iterable[str]], towns: list[str]
) -> dict[str, dict[str, tuple[int, int]]]:
    """target -> municipality -> (people affected there, assets failed there) for each target's
    set of failed assets (``failed``: target -> the ids that fail)."""
    town_of = {a.id: a.municipality for a in graph.assets}
    counters = {m: PeopleCounter([a for a in graph.assets if a.municipality == m]) for m in towns}
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for target, ids in failed.items():
        by_town: dict[str, list[str]] = {m: [] for m in towns}
        for asset_id in ids:
            if town_of.get(asset_id) in by_town:
                by_town[town_of[asset_id]].append(asset_id)
        out[target] = {m: (round(counters[m].if_failed(by_town[m])), len(by_town[m])) for m in towns}
    return out


def municipal_rankings(table: pd.DataFrame, towns: list[str]) -> pd.DataFrame:
    """The long table of ``MUNICIPAL_COLUMNS`` from a regional ranking that has a people and a
    failed column per municipality (``threat_picture`` on a graph of several municipalities)."""
    sections = []
    for town in towns:
        people, failed = people_column(town), failed_column(town)
        if people not in table:
            continue
        part = table[(table[people] > 0) | (table[failed] > 0)]
        part = pd.DataFrame(
            {
                "municipality": town,
                "asset": part["asset"],
                "name": part["name"],
                "sector": part["sector"],
                "kind": part["kind"],
                "target_municipality": part["municipality"],
                "people_affected": part[people].astype(int),
                "assets_failed": part[failed].astype(int),
                "likelihood": part["likelihood"],
                "impact": [impact_class(p) for p in part[people]],
            }
        )
        part = part.sort_values(
            ["people_affected", "assets_failed", "asset"], ascending=[False, False, True], kind="stable"
        )
        part.insert(1, "rank", range(1, len(part) + 1))
        sections.append(part)
    if not sections:
        return pd.DataFrame(columns=MUNICIPAL_COLUMNS)
    return pd.concat(sections, ignore_index=True)[MUNICIPAL_COLUMNS]


def sector_profile(rankings: pd.DataFrame, town: str) -> pd.DataFrame:
    """Per sector of the failing target: the most assets one failure fails in ``town``
    (``assets_failed``) and the most people it affects there (``people_affected``), each over
    the sector's targets, ordered by assets failed (most first), then sector."""
    part = rankings[rankings["municipality"] == town]
    profile = part.groupby("sector", sort=False).agg(
        assets_failed=("assets_failed", "max"), people_affected=("people_affected", "max")
    )
    profile = profile.reset_index().sort_values(["assets_failed", "sector"], ascending=[False, True], kind="stable")
    return profile.reset_index(drop=True)
