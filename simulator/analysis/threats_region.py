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

``with_specific`` marks, for two compared towns T and U, the threats that are T's own: both towns
hang on their 150 kV station and substations, so their top-10s look alike; what sets T apart is
what U's picture lacks. The *type* of a failure is its target's (sector, kind). A row of T's
section (a failure that affects people or fails assets in T) is specific to T when its target is
not *shared*: it does not serve the whole region (``serves: region``: the police unit, the public
prosecutor's office, the crisis information system, which stand in one town and serve all, where
nothing in the graph need depend on them) and no asset of U depends on it, directly or through
other assets (the regional control room that dispatches both towns' fire stations, and the 112
routing it needs, are shared even where the cascade fails nothing in U); and

- ``"kind"``: no failure of that type is in U's section (U has no such asset, and no such asset
  elsewhere reaches U: a lock, a port, an airport's radar), or
- ``"share"``: it affects a share of T's residents (people affected in T / residents of T,
  ``residents``) that is above 0 and at least ``SPECIFIC_FACTOR`` (2) times the largest share of
  U's residents that any failure of that type affects in U.

The specific rows keep the order of T's section (people affected in T, then assets failed in T,
then id) and are numbered 1, 2, ... in ``specific_rank``; ``specific_reason`` says which rule
holds ("kind" before "share"); both are empty for the rows that are not specific and for the
towns not compared. ``compared_with`` names U on every row of T (empty for the other towns).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import networkx as nx
import pandas as pd

from ..model.graph import InfrastructureGraph
from ..model.people import PeopleCounter
from .threats import impact_class

__all__ = [
    "municipalities",
    "people_column",
    "non_residents_column",
    "people_by_municipality",
    "municipal_rankings",
    "sector_profile",
    "residents",
    "with_specific",
    "SPECIFIC_FACTOR",
    "SPECIFIC_COLUMNS",
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
    "residents_affected",
    "non_residents_affected",
    "assets_failed",
    "likelihood",
    "impact",
]

SPECIFIC_COLUMNS = ["specific_rank", "specific_reason", "compared_with"]  # added by ``with_specific``

SPECIFIC_FACTOR = 2  # times the largest share of the other town's residents a failure of the type hits there


def residents(graph: InfrastructureGraph) -> dict[str, int]:
    """Municipality -> its residents: the population of its ``population`` assets (0 for a
    municipality with assets but no neighbourhood)."""
    out: dict[str, int] = {}
    for asset in graph.assets:
        if asset.municipality:
            out.setdefault(asset.municipality, 0)
            if asset.sector == "population":
                out[asset.municipality] += asset.population
    return out


def municipalities(graph: InfrastructureGraph) -> list[str]:
    """The municipalities of the graph's assets, by residents (most first), then by name."""
    count = residents(graph)
    return sorted(count, key=lambda m: (-count[m], m))


def people_column(municipality: str) -> str:
    """The regional ranking's column of the people affected in ``municipality``."""
    return f"people_{municipality}"


def failed_column(municipality: str) -> str:
    return f"failed_{municipality}"


def non_residents_column(municipality: str) -> str:
    """The regional ranking's column of the people affected in ``municipality`` who are no
    residents (``population_within: none``: travellers, visitors), part of ``people_column``'s."""
    return f"non_residents_{municipality}"


def people_by_municipality(
    graph: InfrastructureGraph, failed: Mapping[str, Iterable[str]], towns: list[str]
) -> dict[str, dict[str, tuple[int, int, int]]]:
    """target -> municipality -> (people affected there, assets failed there, of those people
    the non-residents) for each target's set of failed assets (``failed``: target -> the ids that
    fail); the residents affected there are the first minus the third, each person once."""
    town_of = {a.id: a.municipality for a in graph.assets}
    counters = {m: PeopleCounter([a for a in graph.assets if a.municipality == m]) for m in towns}
    out: dict[str, dict[str, tuple[int, int, int]]] = {}
    for target, ids in failed.items():
        by_town: dict[str, list[str]] = {m: [] for m in towns}
        for asset_id in ids:
            if town_of.get(asset_id) in by_town:
                by_town[town_of[asset_id]].append(asset_id)
        out[target] = {
            m: (
                round(counters[m].if_failed(by_town[m])),
                len(by_town[m]),
                counters[m].non_residents_if_failed(by_town[m]),
            )
            for m in towns
        }
    return out


def municipal_rankings(table: pd.DataFrame, towns: list[str]) -> pd.DataFrame:
    """The long table of ``MUNICIPAL_COLUMNS`` from a regional ranking that has a people, a
    non-residents and a failed column per municipality (``threat_picture`` on a graph of several
    municipalities); ``residents_affected`` + ``non_residents_affected`` = ``people_affected``."""
    sections = []
    for town in towns:
        people, failed, others = people_column(town), failed_column(town), non_residents_column(town)
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
                "residents_affected": (part[people] - part[others]).astype(int),
                "non_residents_affected": part[others].astype(int),
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


def with_specific(rankings: pd.DataFrame, graph: InfrastructureGraph, compared: tuple[str, str]) -> pd.DataFrame:
    """``rankings`` (``municipal_rankings`` of ``graph``) with ``SPECIFIC_COLUMNS``:
    ``specific_rank`` (nullable int), ``specific_reason`` ("kind", "share" or empty) and
    ``compared_with`` for the two ``compared`` towns, each against the other, by the rule of the
    module docstring."""
    count = residents(graph)
    town_of = {a.id: a.municipality for a in graph.assets}
    regional = {a.id for a in graph.assets if a.serves == "region"}

    def shared(target: str, other: str) -> bool:  # it serves the region, or an asset of ``other`` depends on it
        return target in regional or any(town_of[d] == other for d in nx.descendants(graph.networkx, target))

    out = rankings.copy()
    out["specific_rank"] = pd.array([pd.NA] * len(out), dtype="Int64")
    out["specific_reason"] = ""
    out["compared_with"] = out["municipality"].map({compared[0]: compared[1], compared[1]: compared[0]}).fillna("")
    types = list(zip(out["sector"], out["kind"]))
    share = [  # exact fractions: a share of exactly twice the other's holds
        Fraction(int(people), count[town]) if count.get(town) else Fraction(0)
        for town, people in zip(out["municipality"], out["people_affected"])
    ]
    for town, other in (compared, compared[::-1]):
        worst: dict[tuple[str, str], Fraction] = {}  # type -> the largest share of the other's residents
        for i in (out["municipality"] == other).to_numpy().nonzero()[0]:
            worst[types[i]] = max(worst.get(types[i], Fraction(0)), share[i])
        rank = 0
        for i in (out["municipality"] == town).to_numpy().nonzero()[0]:
            if shared(out["asset"].iat[i], other):
                continue
            if types[i] not in worst:
                reason = "kind"
            elif share[i] > 0 and share[i] >= SPECIFIC_FACTOR * worst[types[i]]:
                reason = "share"
            else:
                continue
            rank += 1
            out.iloc[i, out.columns.get_loc("specific_rank")] = rank
            out.iloc[i, out.columns.get_loc("specific_reason")] = reason
    return out
