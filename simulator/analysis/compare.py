"""Comparing two variants of a scenario with common random numbers: what a measure buys.

Both arms are ensembles (``run_ensemble``) with the same master seed, so replication i of the
base and of the variant use the same ``numpy.random.SeedSequence(seed).spawn(n)[i]``. For every
scalar metric the comparison gives the mean of the paired differences (variant − base) with a
95 % confidence interval from Student's t on those differences, over the replications where both
arms have a value. Pairing removes the part of the spread both arms share: the engine draws from
streams per purpose and subject keyed by ids (``simulator/engine/streams.py``), so the two arms
share every draw the measure does not change; a measure that changes nothing gives a difference of
exactly 0.

Beside the scenario's metrics the comparison has a row per asset (downtime, failed or not), per
basin (peak water level) and per legal deadline (met or not, minute done), ranked by effect
(``compare_rows``: the kinds, units and ranking).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..model.decisions import Decision
from ..model.scenario import Scenario
from ..model.scenario_loading import load_scenario
from .compare_rows import COMPARED_METRICS, COMPARISON_COLUMNS, comparison_rows, paired_differences
from .ensemble import run_ensemble
from .results import Results
from .rundir import atomic_directory

__all__ = ["compare", "paired_differences", "Comparison", "COMPARISON_COLUMNS", "COMPARED_METRICS"]


@dataclass
class Comparison:
    """The paired comparison (``table``, columns ``COMPARISON_COLUMNS``) and both arms' ensembles."""

    table: pd.DataFrame
    base: Results
    variant: Results
    manifest: dict = field(default_factory=dict)

    def save(self, path: str | Path) -> Path:
        """Write comparison.csv and .parquet, manifest.json, and each arm's ensemble directory
        (``base/``, ``variant/``: replications.parquet, assets.parquet, summary.json, manifest.json)."""
        path = Path(path)
        with atomic_directory(path) as tmp:
            self.table.to_csv(tmp / "comparison.csv", index=False, lineterminator="\n")
            self.table.to_parquet(tmp / "comparison.parquet", index=False)
            (tmp / "manifest.json").write_text(
                json.dumps(self.manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
            self.base.save_ensemble(tmp / "base")
            self.variant.save_ensemble(tmp / "variant")
        return path


def compare(  # noqa: PLR0913 -- debt: split when next changed
    base: Scenario | str | Path,
    variant: Scenario | str | Path,
    n: int,
    seed: int | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    base_decisions: Sequence[Decision] = (),
    variant_decisions: Sequence[Decision] = (),
    until_min: float | None = None,
) -> Comparison:
    """Run ``n`` replications of both arms with the same seeds and compare them.

    ``base``/``variant``: loaded scenarios or paths (a variant of a file's ``variants:`` section is
    ``load_scenario(path, variant=NAME)``). ``seed``: the master seed of both arms (default the
    base scenario's). ``progress(done, total)`` counts replications of both arms.
    ``base_decisions``/``variant_decisions``: players' decisions applied in every replication of
    that arm (a played course against its playbook-only twin: the same scenario twice, the
    decisions in the variant); ``until_min``: minutes simulated in both (default the duration).
    """
    arms = []
    for arm in (base, variant):
        path = None if isinstance(arm, Scenario) else str(Path(arm).resolve())
        arms.append((arm if isinstance(arm, Scenario) else load_scenario(path), path))
    seed = arms[0][0].seed if seed is None else int(seed)
    results = []
    for number, ((scenario, path), decisions) in enumerate(zip(arms, (base_decisions, variant_decisions))):
        step = (lambda done, total, k=number: progress(k * n + done, 2 * n)) if progress else None
        target = path or _portable(scenario)
        results.append(
            run_ensemble(target, n, seed=seed, workers=workers, progress=step, decisions=decisions, until_min=until_min)
        )
    table = comparison_rows(results[0], results[1])
    manifest = {
        "kind": "comparison",
        "base": {"name": arms[0][0].name, "path": str(arms[0][0].path) if arms[0][0].path else None},
        "variant": {"name": arms[1][0].name, "path": str(arms[1][0].path) if arms[1][0].path else None},
        "replications": n,
        "seed": seed,
        "seed_rule": (
            "numpy.random.SeedSequence(seed).spawn(replications)[i] for replication i of both arms (common random "
            "numbers)"
        ),
        "difference": "variant - base, mean of the paired differences; 95 % CI from Student's t on them",
        "ranking": (
            "rows that changed in at least one pair first; groups in the order scenario, asset_downtime_min, "
            "asset_failed, peak_level_m, deadline_met, deadline_done_min; within a group |difference| descending "
            "(scenario metrics in their fixed order); rows unchanged in every pair last"
        ),
    }
    return Comparison(table, results[0], results[1], manifest)


def _portable(scenario: Scenario) -> Scenario:
    """The scenario without its graph's source documents (kept only for error messages while
    loading): about a tenth of the size to send to a worker process with each chunk."""
    return replace(scenario, graph=replace(scenario.graph, source=None))
