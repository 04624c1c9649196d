"""How sure an ensemble is: binomial confidence intervals of failure probabilities, and the
probability that an asset fails within a time.

A probability estimated from ``k`` failures in ``n`` replications gets the Wilson score interval
(it stays inside [0, 1] and is not empty at k = 0 or k = n, unlike the normal approximation).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..model.scenario import Scenario
from ..model.scenario_loading import load_scenario
from .ensemble import replication_seeds, run_replication

__all__ = ["Z95", "wilson_interval", "failure_probabilities", "probability_within", "first_failures", "ensemble_assets"]

Z95 = 1.959963984540054  # the standard normal's 97.5 % quantile: a two-sided 95 % interval


def wilson_interval(successes, n, z: float = Z95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a proportion: (low, high), elementwise for arrays.

    ``successes`` of ``n`` trials (n > 0); ``z`` the normal quantile (default: 95 %).
    """
    k = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    p = k / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * np.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # exact at the edges (k = 0: low 0; k = n: high 1) and never excluding p through rounding
    low = np.where(k == 0, 0.0, np.minimum(np.clip(centre - half, 0.0, 1.0), p))
    high = np.where(k == n, 1.0, np.maximum(np.clip(centre + half, 0.0, 1.0), p))
    return low, high


def ensemble_assets(results) -> pd.DataFrame:
    """The per-asset table of an ensemble's ``Results`` (``asset``, ``p_failed``, ...)."""
    table = getattr(results, "asset_summary", None)
    if table is None or "p_failed" not in table:
        table = results.assets
    if "p_failed" not in table:
        raise ValueError("these Results are not an ensemble: no per-asset failure probabilities")
    return table


def failure_probabilities(results) -> pd.DataFrame:
    """Per asset of an ensemble: ``asset, p_failed, failures, n, ci_low, ci_high`` (95 % Wilson).

    ``failures`` is the number of replications in which the asset failed (p_failed x n); the rows
    keep the order of the ensemble's asset table (most likely to fail first).
    """
    table = ensemble_assets(results)
    n = int(results.manifest["replications"])
    out = table[["asset", "p_failed"]].reset_index(drop=True).copy()
    out["failures"] = np.rint(out["p_failed"].to_numpy(dtype=float) * n).astype(int)
    out["n"] = n
    low, high = wilson_interval(out["failures"].to_numpy(), n)
    out["ci_low"], out["ci_high"] = low, high
    return out


def probability_within(
    first_failure_min: Iterable[float], n: int, times_min: Sequence[float] | None = None
) -> pd.DataFrame:
    """The probability that an asset has failed by each time, with a 95 % Wilson interval.

    ``first_failure_min``: its first-failure minute in each replication in which it failed (one
    value per such replication; NaN values are ignored); ``n``: all replications. ``times_min``:
    where to evaluate (default: every distinct failure time, i.e. the steps of the empirical CDF).
    Returns ``time_min, failures, p, ci_low, ci_high``; ``p`` = failures with time <= t, over n.
    """
    times = np.sort(np.asarray([t for t in first_failure_min if not pd.isna(t)], dtype=float))
    if len(times) > n:
        raise ValueError(f"{len(times)} failures in {n} replications")
    at = np.unique(times) if times_min is None else np.asarray(times_min, dtype=float)
    failures = np.searchsorted(times, at, side="right")
    low, high = wilson_interval(failures, n)
    return pd.DataFrame({"time_min": at, "failures": failures, "p": failures / n, "ci_low": low, "ci_high": high})


def first_failures(
    scenario: Scenario | str, n: int, seed: int | None = None, assets: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per replication and failed asset: ``replication, asset, first_failure_min, downtime_min``.

    Runs replication i with ``SeedSequence(seed).spawn(n)[i]``, exactly as ``run_ensemble`` does
    (the same seed gives the same replications), in this process. ``assets`` keeps only those.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    seed = scenario.seed if seed is None else int(seed)
    keep = None if assets is None else set(assets)
    rows = []
    for index, sequence in enumerate(replication_seeds(seed, n)):
        _, asset_rows = run_replication(scenario, index, sequence)
        rows.extend(r for r in asset_rows if keep is None or r[1] in keep)
    return pd.DataFrame(rows, columns=["replication", "asset", "first_failure_min", "downtime_min"])
