"""The local threat picture (lokaal dreigingsbeeld): which assets' failure hurts most, ranked, with
a likelihood from their cyber exposure and monitoring.

Two measures of impact, same selection of targets (``TargetSelector``):

- ``threat_picture``: every target's permanent failure through the deterministic cascade (no
  repair, fixed tolerances; exact and fast): assets failed, people affected (the population of
  the failed assets), sectors hit. Impact class by people affected.
- ``simulator.analysis.sweep.threat_sweep``: the incident simulated on every target with the
  scenario's crisis organisation, N replications each; impact class by unserved population-hours.

Classes A-E in the style of the National Risk Profile; the bounds are rampsim's own:

- likelihood: exposure none 0, low 1, medium 2, high 3, plus 1 without monitoring -> A..E (0..4);
- impact by people affected: A < 1,000 <= B < 5,000 <= C < 20,000 <= D < 50,000 <= E;
- impact by unserved population-hours (simulation): the same bounds in person-days (24
  population-hours each), i.e. A < 24,000 <= B < 120,000 <= C < 480,000 <= D < 1,200,000 <= E:
  a day without service for that many people.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..model.fieldtypes import SECTORS
from ..model.graph import InfrastructureGraph
from ..model.graphmemo import derived
from ..model.people import PeopleCounter
from ..model.validation import suggest
from .cascade import single_failure_cascades

__all__ = [
    "threat_picture",
    "IMPACT_BOUNDS",
    "CLASSES",
    "HOURS_PER_PERSON_DAY",
    "SWEEP_INCIDENTS",
    "ThreatInputError",
    "TargetSelector",
    "parse_selector",
    "select_targets",
    "incident_type",
    "impact_class",
    "likelihood_class",
    "sector_by_id",
]

CLASSES = ("A", "B", "C", "D", "E")
IMPACT_BOUNDS = (1_000, 5_000, 20_000, 50_000)  # people affected (or person-days): upper bounds of A, B, C, D
HOURS_PER_PERSON_DAY = 24.0
EXPOSURES = ("none", "low", "medium", "high")
_EXPOSURE = {name: score for score, name in enumerate(EXPOSURES)}

# Incident types that make sense on one target in a sweep, and their short names.
SWEEP_INCIDENTS = ("outage", "cyber.compromise", "cyber.ransomware", "cyber.ddos")
_SHORT = {"compromise": "cyber.compromise", "ransomware": "cyber.ransomware", "ddos": "cyber.ddos"}
SELECTOR_FIELDS = ("sector", "kind", "exposure", "owner")


class ThreatInputError(ValueError):
    """A selector or incident type rampsim cannot use: a catalogue key and its parameters."""

    def __init__(self, key: str, **params):
        self.key, self.params = key, params
        super().__init__(key)

    def render(self, lang: str | None = None) -> str:
        from ..model.errors import render

        return render(self.key, self.params, lang)


def incident_type(name: str) -> str:
    """The full incident type for ``name`` (``ransomware`` -> ``cyber.ransomware``); refuses others."""
    full = _SHORT.get(name, name)
    if full not in SWEEP_INCIDENTS:
        choices = ", ".join(SWEEP_INCIDENTS + tuple(_SHORT))
        raise ThreatInputError("threats.unknown_incident", value=name, choices=choices)
    return full


def impact_class(people: float) -> str:
    """A-E by people affected (or by person-days: unserved population-hours / 24)."""
    return CLASSES[sum(people >= bound for bound in IMPACT_BOUNDS)]


def likelihood_class(asset) -> str:
    score = _EXPOSURE[asset.exposure] + (1 if asset.monitoring is None else 0)
    return CLASSES[min(score, 4)]


@dataclass(frozen=True)
class TargetSelector:
    """Which assets to hit: conditions on fields (all must hold; a field lists alternatives), or ids.

    Written ``sector=energy``, ``kind=substation,exposure=high`` (AND), ``sector=energy|water``
    (either), or ``onderstation-oost,kpn-centrale`` (these assets).
    """

    conditions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ids: tuple[str, ...] = ()
    source: str = ""

    def names(self, field: str) -> bool:
        return any(name == field for name, _ in self.conditions)

    def matches(self, asset) -> bool:
        if self.ids:
            return asset.id in self.ids
        return all(str(getattr(asset, name) or "") in values for name, values in self.conditions)


def parse_selector(spec: str | None = None, sector: str | None = None, kind: str | None = None) -> TargetSelector:
    """Read a ``--targets`` text; ``sector`` and ``kind`` (the older options) are added as conditions."""
    items = [item.strip() for item in (spec or "").split(",") if item.strip()]
    if spec is not None and not items:
        raise ThreatInputError("threats.selector_empty")
    fields = [item for item in items if "=" in item]
    if fields and len(fields) != len(items):
        raise ThreatInputError("threats.selector_mixed", selector=spec)
    conditions = []
    for item in fields:
        name, _, value = (part.strip() for part in item.partition("="))
        if name not in SELECTOR_FIELDS:
            raise ThreatInputError(
                "threats.selector_field",
                field=name,
                choices=", ".join(SELECTOR_FIELDS),
                hint=suggest(name, SELECTOR_FIELDS),
            )
        conditions.append((name, tuple(v.strip() for v in value.split("|"))))
    for name, value in (("sector", sector), ("kind", kind)):
        if value is not None:
            conditions.append((name, (value,)))
    for name, values in conditions:
        known = SECTORS if name == "sector" else EXPOSURES if name == "exposure" else None
        for value in values:
            if not value or (known is not None and value not in known):
                raise ThreatInputError(
                    "threats.selector_value",
                    field=name,
                    value=value,
                    choices=", ".join(known or ()) or "-",
                    hint=suggest(value, known) if known else "",
                )
    ids = tuple(items) if not fields else ()
    source = ",".join(ids) or ",".join(f"{name}={'|'.join(values)}" for name, values in conditions)
    return TargetSelector(tuple(conditions), ids, source)


def select_targets(
    graph: InfrastructureGraph, selector: TargetSelector | None = None, incident: str = "outage"
) -> list[str]:
    """The ids of the assets ``selector`` picks, in graph order.

    Named ids are taken as given (unknown ones are refused). Otherwise neighbourhoods (sector
    ``population``) are left out unless the selector names a sector, and for a cyber incident
    assets with exposure ``none`` (out of an attacker's reach) unless it names an exposure.
    """
    selector = selector or TargetSelector()
    if selector.ids:
        known = tuple(graph.index)
        for asset_id in selector.ids:
            if asset_id not in graph.index:
                raise ThreatInputError(
                    "threats.unknown_target", id=asset_id, hint=suggest(asset_id, known) if len(known) < 5000 else ""
                )
        return list(dict.fromkeys(selector.ids))
    cyber = incident.startswith("cyber.")
    chosen = [
        asset.id
        for asset in graph.assets
        if selector.matches(asset)
        and (selector.names("sector") or asset.sector != "population")
        and not (cyber and not selector.names("exposure") and asset.exposure == "none")
    ]
    if not chosen:
        key = "threats.selects_nothing_cyber" if cyber and not selector.names("exposure") else "threats.selects_nothing"
        raise ThreatInputError(key, selector=selector.source or "-", incident=incident)
    return chosen


def threat_picture(
    graph: InfrastructureGraph,
    sector: str | None = None,
    kind: str | None = None,
    targets: TargetSelector | str | None = None,
) -> pd.DataFrame:
    """One row per selected asset: its permanent failure's cascade, likelihood and impact class,
    ranked by people affected (then assets failed, then id).

    Columns: ``rank, asset, name, sector, kind, assets_failed, people_affected, residents_affected,
    non_residents_affected, sectors_hit, exposure, monitoring, likelihood, impact``
    (``people_affected`` = residents + non-residents: the people of assets declared
    ``population_within: none``, travellers and visitors, are not the town's residents);
    on a graph of several municipalities also
    ``municipality`` (where the target stands) and per municipality M ``people_M``,
    ``non_residents_M`` and ``failed_M`` (people affected in M, of them the non-residents, and
    assets failed in M; analysis/threats_region.py).
    ``sector``/``kind`` are the older filters; a selection that matches nothing gives an empty table.
    """
    selector = targets if isinstance(targets, TargetSelector) else parse_selector(targets, sector=sector, kind=kind)
    try:
        chosen = select_targets(graph, selector)
    except ThreatInputError as error:
        if error.key == "threats.selects_nothing":
            return pd.DataFrame()
        raise
    from .threats_region import (
        failed_column,
        municipalities,
        non_residents_column,
        people_by_municipality,
        people_column,
    )

    counter = PeopleCounter.for_graph(graph, zones=False)
    sectors = sector_by_id(graph)
    cascades = single_failure_cascades(graph, chosen)
    towns = municipalities(graph)
    per_town = people_by_municipality(graph, cascades, towns) if len(towns) > 1 else {}
    rows = []
    for target, failed in cascades.items():
        asset = graph.asset(target)
        people = round(counter.if_failed(failed))  # each person once (model/people.py)
        others = counter.non_residents_if_failed(failed)  # travellers, visitors: not the town's residents
        row = {
            "asset": asset.id,
            "name": graph.label(target),
            "sector": asset.sector,
            "kind": asset.kind,
            "assets_failed": len(failed),
            "people_affected": people,
            "residents_affected": people - others,
            "non_residents_affected": others,
            "sectors_hit": len({sectors[a] for a in failed}),
            **describe_target(asset),
            "impact": impact_class(people),
        }
        if per_town:  # a region: where the target stands, and the people and assets hit in each town
            row["municipality"] = asset.municipality
            for town, (town_people, town_failed, town_others) in per_town[target].items():
                row[people_column(town)] = town_people
                row[non_residents_column(town)] = town_others
                row[failed_column(town)] = town_failed
        rows.append(row)
    table = pd.DataFrame(rows)
    table = table.sort_values(
        ["people_affected", "assets_failed", "asset"], ascending=[False, False, True], kind="stable"
    )
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)


def describe_target(asset) -> dict:
    """The columns about a target's cyber exposure: exposure, monitoring, likelihood class."""
    monitoring = "none" if asset.monitoring is None else str(asset.monitoring)
    return {"exposure": asset.exposure, "monitoring": monitoring, "likelihood": likelihood_class(asset)}


def sector_by_id(graph: InfrastructureGraph) -> dict[str, str]:
    """Asset id -> its sector, built once per graph object (``graphmemo.derived``); not to be changed."""
    return derived(graph, "sector_by_id", lambda: {a.id: a.sector for a in graph.assets})
