"""The rows of a comparison of two arms: per scenario metric, per asset, per basin and per legal
deadline the paired difference (variant − base), ranked by effect.

Every row pairs the replications by number (common random numbers: replication i of both arms ran
with the same seed) and gives the mean of the paired differences with a 95 % Student's t interval
on them (``intervals.mean_ci``: none from fewer than 5 pairs). A proportion (an asset failed or not,
a deadline met or not, everything back by the end or not) is the mean of 0/1 values, so its
difference is the difference in proportion and the t interval on the paired 0/1 differences is the
Wald interval for paired proportions (with n − 1).

Row kinds (``kind``) and their units (``unit``):

- ``scenario``: the ensemble's scalar metrics (``SCALAR_METRICS``) and ``full_recovery``;
- ``asset_downtime_min``: minutes the asset was failed (service 0), 0 in a replication where it did
  not fail; every replication is a pair;
- ``asset_failed``: 1 when the asset failed in the replication, else 0 (share);
- ``peak_level_m``: the basin's highest water level (m NAP), in replications where a hazard moved it;
- ``deadline_met``: 1 met, 0 missed, over replications where the clock ran and was decided in both;
- ``deadline_done_min``: minute after the scenario start when the notification was done, over
  replications where it was done in both arms.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .ensemble import DEADLINE_DONE_PREFIX, DEADLINE_MET_PREFIX, PEAK_LEVEL_PREFIX, SCALAR_METRICS
from .intervals import mean_ci

__all__ = [
    "COMPARISON_COLUMNS",
    "COMPARED_METRICS",
    "KINDS",
    "METRIC_UNITS",
    "paired_row",
    "paired_differences",
    "asset_differences",
    "column_differences",
    "rank_rows",
    "comparison_rows",
]

# every scalar metric of an ensemble, and whether everything was back in service by the end (0/1)
COMPARED_METRICS = SCALAR_METRICS + ("full_recovery",)
COMPARISON_COLUMNS = (
    "metric",
    "kind",
    "subject",
    "unit",
    "n",
    "changed",
    "base_mean",
    "variant_mean",
    "difference",
    "ci_low",
    "ci_high",
)
# the order of the groups in a ranked comparison: the whole scenario first, then what one asset,
# basin or deadline did
KINDS = ("scenario", "asset_downtime_min", "asset_failed", "peak_level_m", "deadline_met", "deadline_done_min")
METRIC_UNITS = {
    "assets_failed": "assets",
    "peak_assets_failed": "assets",
    "unserved_population_hours": "population-hours",
    "time_to_full_recovery_min": "min",
    "events": "events",
    "time_to_detection_min": "min",
    "first_known_after_start_min": "min",
    "grip_max": "GRIP level",
    "time_to_containment_min": "min",
    "population_flooded": "people",
    "full_recovery": "share",
}
KIND_UNITS = {
    "asset_downtime_min": "min",
    "asset_failed": "share",
    "peak_level_m": "m NAP",
    "deadline_met": "share",
    "deadline_done_min": "min",
}


def paired_row(metric: str, kind: str, subject: str, unit: str, base, variant) -> tuple:
    """One comparison row from the two arms' values over the same pairs (NaN: no value).

    Pairs are the positions where both have a value; ``changed`` counts the pairs whose difference
    is not exactly 0."""
    b, v = np.asarray(base, dtype=float), np.asarray(variant, dtype=float)
    both = ~(np.isnan(b) | np.isnan(v))
    differences = v[both] - b[both]
    n, difference, low, high = mean_ci(differences.tolist())
    base_mean = float(b[both].mean()) if n else float("nan")
    variant_mean = float(v[both].mean()) if n else float("nan")
    changed = int(np.count_nonzero(differences))
    return (metric, kind, subject, unit, n, changed, base_mean, variant_mean, difference, low, high)


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(COMPARISON_COLUMNS)).astype({"n": "int64", "changed": "int64"})


def _values(replications: pd.DataFrame, metric: str) -> pd.Series:
    if metric == "full_recovery":
        return replications["time_to_full_recovery_min"].notna().astype(float)
    if metric not in replications:
        return pd.Series(np.nan, index=replications.index)
    return pd.to_numeric(replications[metric], errors="coerce").astype(float)


def _pairs(base: pd.DataFrame, variant: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Index]:
    base, variant = base.set_index("replication"), variant.set_index("replication")
    return base, variant, base.index.intersection(variant.index).sort_values()


def paired_differences(
    base: pd.DataFrame, variant: pd.DataFrame, metrics: tuple[str, ...] = COMPARED_METRICS
) -> pd.DataFrame:
    """Per scenario metric (kind ``scenario``): pairs (replications where both arms have a value),
    the base and variant means over those pairs, the mean paired difference (variant − base) and
    its 95 % t interval. ``base`` and ``variant`` are replication tables (a ``replication``
    column and the metrics); rows are paired by ``replication``.
    """
    base, variant, pairs = _pairs(base, variant)
    rows = [
        paired_row(
            metric,
            "scenario",
            "",
            METRIC_UNITS.get(metric, ""),
            _values(base, metric).reindex(pairs),
            _values(variant, metric).reindex(pairs),
        )
        for metric in metrics
    ]
    return _frame(rows)


def asset_differences(
    base_failures: pd.DataFrame, variant_failures: pd.DataFrame, replications: pd.Index
) -> pd.DataFrame:
    """Per asset that failed in either arm: its downtime (minutes, 0 where it did not fail) and
    whether it failed (0/1), paired over ``replications`` (the replication numbers of both arms).

    ``*_failures``: ``replication, asset, downtime_min`` per replication and failed asset (an
    ensemble's ``failures`` table)."""
    assets = sorted(set(base_failures["asset"]) | set(variant_failures["asset"]))
    arms = []
    for failures in (base_failures, variant_failures):
        grouped = failures.groupby(["asset", "replication"])["downtime_min"].sum()
        arms.append(grouped.unstack("asset").reindex(index=replications, columns=assets))
    rows = []
    for asset in assets:
        b, v = arms[0][asset], arms[1][asset]
        rows.append(
            paired_row(f"asset_downtime_min:{asset}", "asset_downtime_min", asset, "min", b.fillna(0.0), v.fillna(0.0))
        )
        rows.append(
            paired_row(
                f"asset_failed:{asset}",
                "asset_failed",
                asset,
                "share",
                b.notna().astype(float),
                v.notna().astype(float),
            )
        )
    return _frame(rows)


def column_differences(base: pd.DataFrame, variant: pd.DataFrame) -> pd.DataFrame:
    """Per basin and per deadline (the ``PREFIX + id`` columns of the replication tables): peak
    level, met or not, and the minute done, paired over the replications where both have a value."""
    base, variant, pairs = _pairs(base, variant)
    kinds = (
        (PEAK_LEVEL_PREFIX, "peak_level_m"),
        (DEADLINE_MET_PREFIX, "deadline_met"),
        (DEADLINE_DONE_PREFIX, "deadline_done_min"),
    )
    rows = []
    for prefix, kind in kinds:
        columns = sorted(c for c in set(base.columns) | set(variant.columns) if str(c).startswith(prefix))
        for column in columns:
            subject = column[len(prefix) :]
            rows.append(
                paired_row(
                    f"{kind}:{subject}",
                    kind,
                    subject,
                    KIND_UNITS[kind],
                    _values(base, column).reindex(pairs),
                    _values(variant, column).reindex(pairs),
                )
            )
    return _frame(rows)


def rank_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The rows ranked by effect: first every row that changed in at least one pair, then those
    that did not change in any (or had no pairs). Within each part the groups follow ``KINDS``;
    within a group that shares a unit (all but ``scenario``) the largest |difference| comes first,
    ties by ``metric``; the scenario metrics, each in its own unit, keep their fixed order."""
    if table.empty:
        return table.reset_index(drop=True)
    order = pd.DataFrame(
        {
            "unchanged": (table["changed"] == 0).to_numpy(),
            "kind": table["kind"].map({kind: i for i, kind in enumerate(KINDS)}).fillna(len(KINDS)).to_numpy(),
            "size": np.where(table["kind"] == "scenario", 0.0, -table["difference"].abs().fillna(0.0)),
            "position": np.where(table["kind"] == "scenario", np.arange(len(table)), 0),
            "metric": table["metric"].to_numpy(),
        },
        index=table.index,
    )
    ranked = order.sort_values(["unchanged", "kind", "size", "position", "metric"], kind="stable").index
    return table.loc[ranked].reset_index(drop=True)


def comparison_rows(base, variant) -> pd.DataFrame:
    """Every row of the comparison of two ensembles' ``Results`` (``replications`` and
    ``failures``), ranked (``rank_rows``)."""
    base_reps, variant_reps = base.replications, variant.replications
    pairs = pd.Index(base_reps["replication"]).intersection(pd.Index(variant_reps["replication"])).sort_values()
    empty = pd.DataFrame(columns=["replication", "asset", "downtime_min"])
    parts = [
        paired_differences(base_reps, variant_reps),
        asset_differences(
            base.failures if base.failures is not None else empty,
            variant.failures if variant.failures is not None else empty,
            pairs,
        ),
        column_differences(base_reps, variant_reps),
    ]
    return rank_rows(pd.concat([p for p in parts if not p.empty], ignore_index=True))
