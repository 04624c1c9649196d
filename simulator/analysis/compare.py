"""Comparing two variants of a scenario with common random numbers: what a measure buys.

Both arms are ensembles (``run_ensemble``) with the same master seed, so replication i of the
base and of the variant use the same ``numpy.random.SeedSequence(seed).spawn(n)[i]``. For every
scalar metric the comparison gives the mean of the paired differences (variant − base) with a
95 % confidence interval from Student's t on those differences, over the replications where both
arms have a value. Pairing removes the part of the spread both arms share: the engine draws from
streams per purpose and subject keyed by ids (``simulator/engine/streams.py``), so the two arms
share every draw the measure does not change; a measure that changes nothing gives a difference of
exactly 0.
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
from .ensemble import SCALAR_METRICS, run_ensemble
from .intervals import mean_ci
from .results import Results
from .rundir import atomic_directory

__all__ = ["compare", "paired_differences", "Comparison", "COMPARISON_COLUMNS", "COMPARED_METRICS"]

# every scalar metric of an ensemble, and whether everything was back in service by the end (0/1)
COMPARED_METRICS = SCALAR_METRICS + ("full_recovery",)
COMPARISON_COLUMNS = ("metric", "n", "base_mean", "variant_mean", "difference", "ci_low", "ci_high")


def _values(replications: pd.DataFrame, metric: str) -> pd.Series:
    if metric == "full_recovery":
        return replications["time_to_full_recovery_min"].notna().astype(float)
    return pd.to_numeric(replications[metric], errors="coerce").astype(float)


def paired_differences(
    base: pd.DataFrame, variant: pd.DataFrame, metrics: tuple[str, ...] = COMPARED_METRICS
) -> pd.DataFrame:
    """Per metric: pairs (replications where both arms have a value), the base and variant means
    over those pairs, the mean paired difference (variant − base) and its 95 % t interval.

    ``base`` and ``variant`` are replication tables (a ``replication`` column and the metrics);
    rows are paired by ``replication``.
    """
    base, variant = base.set_index("replication"), variant.set_index("replication")
    pairs = base.index.intersection(variant.index).sort_values()
    rows = []
    for metric in metrics:
        b = _values(base, metric).reindex(pairs).to_numpy()
        v = _values(variant, metric).reindex(pairs).to_numpy()
        both = ~(pd.isna(b) | pd.isna(v))
        n, difference, low, high = mean_ci((v[both] - b[both]).tolist())
        base_mean = float(b[both].mean()) if n else float("nan")
        variant_mean = float(v[both].mean()) if n else float("nan")
        rows.append((metric, n, base_mean, variant_mean, difference, low, high))
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS))


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
    table = paired_differences(results[0].replications, results[1].replications)
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
    }
    return Comparison(table, results[0], results[1], manifest)


def _portable(scenario: Scenario) -> Scenario:
    """The scenario without its graph's source documents (kept only for error messages while
    loading): about a tenth of the size to send to a worker process with each chunk."""
    return replace(scenario, graph=replace(scenario.graph, source=None))
