"""Means with a 95 % confidence interval from Student's t distribution (small samples)."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from scipy import stats

__all__ = ["mean_ci", "CONFIDENCE", "MIN_FOR_INTERVAL", "interval_available"]

CONFIDENCE = 0.95
# Fewer values than this give no interval: with n = 2 the t quantile is 12.7 and the interval says
# more about the sample than about the measure (a notebook once showed -11.4 to +13.9 million
# person-hours from two pairs); with 5 it is 2.78, and the normal approximation behind Student's t
# is still rough for skewed outcomes. The bound is a convention of this project, not a theorem.
MIN_FOR_INTERVAL = 5


def interval_available(n: int) -> bool:
    """True when ``n`` values are enough for rampsim to show a confidence interval."""
    return n >= MIN_FOR_INTERVAL


def mean_ci(values: Iterable[float | None], confidence: float = CONFIDENCE) -> tuple[int, float, float, float]:
    """(n, mean, low, high) of the values that are not None/NaN.

    The interval is mean ± t(1 - (1 - confidence) / 2, n - 1) · s / √n with s the sample standard
    deviation: exact for normal data, and what a paired difference needs. Identical values give
    a width of 0; fewer than ``MIN_FOR_INTERVAL`` values give NaN bounds (not available); none
    gives n = 0 and NaN throughout.
    """
    data = np.array([float(v) for v in values if v is not None and not _isnan(v)], dtype=float)
    n = len(data)
    if n == 0:
        return 0, math.nan, math.nan, math.nan
    mean = float(data.mean())
    if not interval_available(n):
        return n, mean, math.nan, math.nan
    std = float(data.std(ddof=1))
    half = float(stats.t.ppf(0.5 + confidence / 2, n - 1)) * std / math.sqrt(n) if std > 0 else 0.0
    return n, mean, mean - half, mean + half


def _isnan(value) -> bool:
    try:
        return math.isnan(value)
    except TypeError:
        return False
