"""Checks that need the whole model: ids unique, references resolve, needs possible."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import Problem
from .graph import InfrastructureGraph
from .people import WITHIN_MUNICIPALITY, WITHIN_NONE
from .validation import suggest

__all__ = ["check_graph", "check_references", "locate_in_graph"]


def locate_in_graph(graph: InfrastructureGraph, i: int, rest: tuple = ()) -> tuple:
    """(document, loc) of asset ``i`` (and ``rest`` inside it) in the file it came from."""
    source = graph.source
    if source is None:
        return None, ("assets", i) + rest
    return source.origins[i].locate(rest)


def _problem(graph: InfrastructureGraph, i: int, rest: tuple, key: str, **params) -> Problem:
    doc, loc = locate_in_graph(graph, i, rest)
    return Problem(doc.path if doc else None, doc.line_of(loc) if doc else None, loc, key, params)


def check_graph(graph: InfrastructureGraph) -> list[Problem]:
    """Duplicate ids, unknown suppliers, ``need`` above the supplier count, self-needs."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, asset in enumerate(graph.assets):
        if asset.id in first:
            doc, loc = locate_in_graph(graph, first[asset.id], ("id",))
            where = f"{doc.path.name}:{doc.line_of(loc)}" if doc else f"assets[{first[asset.id]}]"
            problems.append(_problem(graph, i, ("id",), "ref.duplicate_id", id=asset.id, first=where))
        else:
            first[asset.id] = i
    ids = tuple(first)
    for i, asset in enumerate(graph.assets):
        for j, need in enumerate(asset.needs):
            suppliers = need.suppliers
            if len(suppliers) == 1:  # the common case, checked at once (a national graph: 300,000 needs)
                if suppliers[0] != asset.id and suppliers[0] in first and need.k <= 1:
                    continue
            elif need.k <= len(suppliers) and asset.id not in suppliers and len(set(suppliers)) == len(suppliers):
                if all(supplier in first for supplier in suppliers):
                    continue
            seen: set[str] = set()
            for s, supplier in enumerate(need.suppliers):
                if supplier == asset.id:
                    problems.append(_problem(graph, i, ("needs", j, "from", s), "ref.self_need", id=asset.id))
                elif supplier not in first:
                    problems.append(
                        _problem(
                            graph,
                            i,
                            ("needs", j, "from", s),
                            "ref.unknown_asset",
                            id=supplier,
                            hint=_hint(supplier, ids),
                        )
                    )
                if supplier in seen:
                    problems.append(_problem(graph, i, ("needs", j, "from", s), "ref.duplicate_supplier", id=supplier))
                seen.add(supplier)
            if need.k > len(need.suppliers):
                problems.append(
                    _problem(graph, i, ("needs", j, "need"), "ref.need_too_large", k=need.k, n=len(need.suppliers))
                )
    return problems + _check_population_within(graph)


def _check_population_within(graph: InfrastructureGraph) -> list[Problem]:
    """``population_within`` names a neighbourhood, and no neighbourhood holds more people than it has residents."""
    problems: list[Problem] = []
    living: dict[str, int] = {}
    for i, asset in enumerate(graph.assets):
        within = asset.population_within
        if within in (None, WITHIN_MUNICIPALITY, WITHIN_NONE):
            continue
        home = graph.assets[graph.index[within]] if within in graph.index else None
        if home is None or home.sector != "population" or home.population <= 0:
            problems.append(_problem(graph, i, ("population_within",), "ref.population_within", id=within))
        elif asset.population:
            living[within] = living.get(within, 0) + asset.population
            residents = home.population
            if living[within] > residents:
                problems.append(
                    _problem(
                        graph,
                        i,
                        ("population",),
                        "ref.population_exceeds",
                        id=within,
                        people=living[within],
                        residents=residents,
                    )
                )
    return problems


def check_references(
    graph: InfrastructureGraph, organisation_ids: Iterable[str], crew_refs: Iterable[str], check_owners: bool = True
) -> list[Problem]:
    """Crews named by assets must exist among the organisations' crews (a crew nobody defines
    would have no size: repairs would not wait for it); owners too, when ``check_owners``."""
    orgs = tuple(organisation_ids)
    crews = tuple(crew_refs)
    org_set, crew_set = set(orgs), set(crews)
    problems = []
    for i, asset in enumerate(graph.assets):
        if check_owners and asset.owner is not None and asset.owner not in org_set:
            problems.append(
                _problem(graph, i, ("owner",), "ref.unknown_org", id=asset.owner, hint=_hint(asset.owner, orgs))
            )
        for field in ("recovery", "manual_fallback"):
            part = getattr(asset, field)
            if part is not None and part.crew is not None and part.crew not in crew_set:
                problems.append(
                    _problem(graph, i, (field, "crew"), "ref.unknown_crew", id=part.crew, hint=_hint(part.crew, crews))
                )
    return problems


def _hint(word: str, candidates: tuple[str, ...]):
    return suggest(word, candidates) if len(candidates) < 5000 else ""


def check_water(graph: InfrastructureGraph, raw) -> list[Problem]:
    """Basins and zones: unique ids, zones flooding from a known basin, known assets."""
    problems: list[Problem] = []

    def at(items, j, rest, key, **params):
        _, doc, loc = items[j]
        return Problem(doc.path, doc.line_of(loc + rest), loc + rest, key, params)

    basin_ids: set[str] = set()
    assets = tuple(graph.index)
    for j, basin in enumerate(graph.basins):
        if basin.id in basin_ids:
            problems.append(at(raw.basins, j, ("id",), "ref.duplicate_id", id=basin.id, first="basins"))
        basin_ids.add(basin.id)
        for d, drain in enumerate(basin.drains):
            if drain.asset not in graph.index:
                problems.append(
                    at(
                        raw.basins,
                        j,
                        ("drains", d, "asset"),
                        "ref.unknown_asset",
                        id=drain.asset,
                        hint=_hint(drain.asset, assets),
                    )
                )
        if basin.alarm_asset is not None and basin.alarm_asset not in graph.index:
            problems.append(
                at(
                    raw.basins,
                    j,
                    ("alarm_asset",),
                    "ref.unknown_asset",
                    id=basin.alarm_asset,
                    hint=_hint(basin.alarm_asset, assets),
                )
            )
    zone_ids: set[str] = set()
    for j, zone in enumerate(graph.zones):
        if zone.id in zone_ids:
            problems.append(at(raw.zones, j, ("id",), "ref.duplicate_id", id=zone.id, first="zones"))
        zone_ids.add(zone.id)
        if zone.basin not in basin_ids:
            problems.append(
                at(
                    raw.zones,
                    j,
                    ("basin",),
                    "ref.unknown_basin",
                    id=zone.basin,
                    hint=_hint(zone.basin, tuple(basin_ids)),
                )
            )
        for a, asset_id in enumerate(zone.assets):
            if asset_id not in graph.index:
                problems.append(
                    at(raw.zones, j, ("assets", a), "ref.unknown_asset", id=asset_id, hint=_hint(asset_id, assets))
                )
    return problems
