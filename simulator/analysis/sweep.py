"""The threat sweep by simulation: one incident on every selected asset, with the crisis
organisation of the scenario responding, N replications per asset, ranked by impact.

For each target the scenario's own injects are replaced by one inject of the chosen type on
that target at minute 0; everything else (organisations, crews, reporting, escalation, playbook,
priorities, duration) stays. The incident's parameters (ransomware spread and restore times, a
DDoS's level and duration, ...) are those of the scenario's first inject of that type, else
``INCIDENT_DEFAULTS``; a ``cyber.compromise`` always disrupts (shuts the target down).

Seeds are paired across targets: replication i of every target uses
``numpy.random.SeedSequence(seed).spawn(n)[i]`` (as ``run_ensemble`` does), so differences
between targets are not blurred by different random numbers, and the result does not depend on
the number of worker processes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from pydantic import TypeAdapter

from ..model.incidents import Inject
from ..model.people import PeopleCounter
from ..model.scenario import Scenario
from ..model.scenario_loading import load_scenario
from .dask_backend import run_on_dask
from .ensemble import replication_seeds, run_replication
from .intervals import mean_ci
from .threats import (
    HOURS_PER_PERSON_DAY,
    TargetSelector,
    describe_target,
    impact_class,
    incident_type,
    sector_by_id,
    select_targets,
)

__all__ = [
    "threat_sweep",
    "target_scenario",
    "ThreatSweep",
    "INCIDENT_DEFAULTS",
    "SWEEP_METRICS",
    "REPLICATION_COLUMNS",
]

# Parameters of an incident type when the scenario has no inject of that type to copy them from.
INCIDENT_DEFAULTS: dict[str, dict] = {
    "outage": {},  # damaged: repaired by the asset's recovery crew once its owner knows
    "cyber.compromise": {"effect": "disrupt"},
    "cyber.ransomware": {},  # the target only (no spread); restore times by its backups (model defaults)
    # A DDoS as long as the KPN 112 outage of 24 June 2019 (about 3.5 h; DOMAIN.md), one call in five through.
    "cyber.ddos": {"level": 0.2, "duration": "3h30min"},
}
_NOT_COPIED = ("id", "at", "target", "detect", "type")

# Per replication and target; the ranking gives each one's mean and 95 % CI.
SWEEP_METRICS = ("unserved_population_hours", "assets_failed", "people_affected", "sectors_hit", "time_to_recovery_min")
REPLICATION_COLUMNS = ("target", "replication", "seed_entropy", "spawn_key") + SWEEP_METRICS + ("recovered",)
_INJECT = TypeAdapter(Inject)


def target_scenario(scenario: Scenario, incident: str, target: str) -> Scenario:
    """``scenario`` with its injects replaced by one ``incident`` on ``target`` at minute 0."""
    incident = incident_type(incident)
    template = next((inj for inj in scenario.injects if inj.type == incident), None)
    fields = dict(INCIDENT_DEFAULTS[incident])
    if template is not None:
        fields.update(template.model_dump(exclude=set(_NOT_COPIED), exclude_unset=True))
    if incident == "cyber.compromise":
        fields.update(effect="disrupt")
        fields.pop("hazard", None)
    inject = _INJECT.validate_python({**fields, "id": "threat", "type": incident, "target": target})
    return replace(scenario, spec=scenario.spec.model_copy(update={"injects": (inject,)}))


_WORKER: dict = {}


def _start_worker(scenario: Scenario | str) -> None:
    _WORKER["scenario"] = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)


def _run_target(
    incident: str, target: str, seed: int, n: int, indices: list[int], scenario: Scenario | None = None
) -> list[dict]:
    """Replications ``indices`` of ``incident`` on ``target``: one row each (REPLICATION_COLUMNS)."""
    base = scenario if scenario is not None else _WORKER["scenario"]
    hit = target_scenario(base, incident, target)
    counter = PeopleCounter.for_graph(base.graph, zones=False)  # both built once per graph
    sectors = sector_by_id(base.graph)
    seeds = replication_seeds(seed, n)
    rows = []
    for i in indices:
        metrics, assets = run_replication(hit, i, seeds[i])
        failed = [asset for _, asset, _, _ in assets]
        recovery = metrics["time_to_full_recovery_min"]
        rows.append(
            {
                "target": target,
                "replication": i,
                "seed_entropy": metrics["seed_entropy"],
                "spawn_key": metrics["spawn_key"],
                "unserved_population_hours": float(metrics["unserved_population_hours"]),
                "assets_failed": int(metrics["assets_failed"]),
                "people_affected": int(round(counter.if_failed(failed))),  # each person once
                "sectors_hit": len({sectors[a] for a in failed}),
                "time_to_recovery_min": None if recovery is None else float(recovery),
                "recovered": recovery is not None,
            }
        )
    return rows


def _target_on(scenario: Scenario, incident: str, target: str, seed: int, n: int, indices: list[int]) -> list[dict]:
    return _run_target(incident, target, seed, n, indices, scenario)


@dataclass
class ThreatSweep:
    """What a sweep gives: ``ranking`` (one row per target), ``replications`` (one row per target
    and replication) and ``manifest`` (incident, targets, n, seed, the seed rule)."""

    ranking: pd.DataFrame
    replications: pd.DataFrame
    manifest: dict = field(default_factory=dict)


def threat_sweep(
    scenario: Scenario | str | Path,
    incident: str = "outage",
    targets: TargetSelector | None = None,
    n: int = 10,
    seed: int | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    dask=None,
) -> ThreatSweep:
    """Simulate ``incident`` on every target ``targets`` selects, ``n`` replications each, and rank.

    ``workers`` processes (default all cores; 1 runs here). ``progress(done, total)`` is called
    with replications done. ``dask``: run on a dask cluster instead (``"local"``, an address, or a
    ``Client``), the scenario shipped once per worker (``dask_backend``). The ranking is by mean
    unserved population-hours, then people affected, assets failed and id (columns: see
    ``rank_replications``).
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    incident = incident_type(incident)
    chosen = select_targets(scenario.graph, targets, incident)
    seed = scenario.seed if seed is None else int(seed)
    workers = workers or os.cpu_count() or 1
    # about four jobs per worker, each one target's replications or a part of them
    size = max(1, min(n, math.ceil(n * len(chosen) / (4 * workers))))
    jobs = [(t, list(range(start, min(start + size, n)))) for t in chosen for start in range(0, n, size)]
    rows: list[dict] = []
    total, done = n * len(chosen), 0
    if progress:
        progress(0, total)
    if dask is not None:
        named = ((number, (incident, target, seed, n, indices)) for number, (target, indices) in enumerate(jobs))
        for number, result in run_on_dask(dask, workers, scenario, _target_on, named):
            rows.extend(result)
            done += len(jobs[number][1])
            if progress:
                progress(done, total)
    elif workers == 1 or len(jobs) == 1:
        for target, indices in jobs:
            rows.extend(_run_target(incident, target, seed, n, indices, scenario))
            done += len(indices)
            if progress:
                progress(done, total)
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(scenario,)) as pool:
            futures = {
                pool.submit(_run_target, incident, target, seed, n, indices): len(indices) for target, indices in jobs
            }
            for future in as_completed(futures):
                rows.extend(future.result())
                done += futures[future]
                if progress:
                    progress(done, total)
    order = {target: i for i, target in enumerate(chosen)}
    replications = pd.DataFrame(rows, columns=list(REPLICATION_COLUMNS))
    replications = replications.sort_values(
        ["target", "replication"], key=lambda c: c.map(order) if c.name == "target" else c, kind="stable"
    )
    replications = replications.reset_index(drop=True)
    manifest = {
        "kind": "threat-sweep",
        "scenario": scenario.name,
        "path": str(scenario.path) if scenario.path else None,
        "incident": incident,
        "targets": chosen,
        "selector": targets.source if targets else "",
        "replications": n,
        "seed": seed,
        "seed_rule": "numpy.random.SeedSequence(seed).spawn(replications)[i], the same i for every target (paired)",
    }
    return ThreatSweep(rank_replications(scenario, replications, incident), replications, manifest)


def rank_replications(scenario: Scenario, replications: pd.DataFrame, incident: str) -> pd.DataFrame:
    """The ranking from the replication rows, one row per target: ``rank, asset, name, sector,
    kind, incident, n``; for each of ``SWEEP_METRICS`` (population-hours, counts, minutes) its
    mean and ``<metric>_ci_low``/``_ci_high`` (95 %, Student's t; time to recovery over the
    replications that recovered); ``recovered_share``; ``exposure, monitoring, likelihood``; and
    ``impact`` (A-E by mean unserved population-hours / 24 against ``IMPACT_BOUNDS``)."""
    rows = []
    for target, group in replications.groupby("target", sort=False):
        asset = scenario.graph.asset(target)
        row = {
            "asset": target,
            "name": scenario.graph.label(target),
            "sector": asset.sector,
            "kind": asset.kind,
            "incident": incident,
            "n": len(group),
        }
        for metric in SWEEP_METRICS:
            _, mean, low, high = mean_ci(group[metric].tolist())
            row.update({metric: mean, f"{metric}_ci_low": low, f"{metric}_ci_high": high})
        row["recovered_share"] = float(group["recovered"].mean())
        row.update(describe_target(asset))
        row["impact"] = impact_class(row["unserved_population_hours"] / HOURS_PER_PERSON_DAY)
        rows.append(row)
    table = pd.DataFrame(rows)
    table = table.sort_values(
        ["unserved_population_hours", "people_affected", "assets_failed", "asset"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    table.insert(0, "rank", range(1, len(table) + 1))
    return table.reset_index(drop=True)
