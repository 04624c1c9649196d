"""Confidence of an ensemble: Wilson intervals, the probability of failing within a time, and
per-replication first failures that are the ensemble's own replications."""

import math

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from scipy.stats import binomtest

import simulator
from simulator.analysis.ensemble import run_ensemble
from simulator.analysis.uncertainty import (
    Z95,
    failure_probabilities,
    first_failures,
    probability_within,
    wilson_interval,
)

SCENARIO = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"


def test_wilson_interval_by_hand_at_the_edges():
    # k = 0: low 0, high z² / (n + z²); k = n: the mirror image
    low, high = wilson_interval([0, 20], [20, 20])
    assert low[0] == 0.0 and high[0] == pytest.approx(Z95**2 / (20 + Z95**2), rel=1e-12)
    assert high[1] == 1.0 and low[1] == pytest.approx(20 / (20 + Z95**2), rel=1e-12)
    for n in range(1, 200):  # the interval holds the estimate, exactly 0 and 1 at the edges
        low, high = wilson_interval(np.arange(n + 1), n)
        p = np.arange(n + 1) / n
        assert (low <= p).all() and (p <= high).all() and (low[0], high[-1]) == (0.0, 1.0)
    # k = n / 2: symmetric around 1/2
    low, high = wilson_interval(10, 20)
    assert low + high == pytest.approx(1.0, rel=1e-12)


@pytest.mark.parametrize(("k", "n"), [(5, 20), (17, 40), (1, 3), (99, 100)])
def test_wilson_interval_equals_scipy(k, n):
    low, high = wilson_interval(k, n)
    reference = binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    assert (float(low), float(high)) == pytest.approx((reference.low, reference.high), rel=1e-9)


def test_probability_within_counts_failures_up_to_each_time():
    # four replications: failed at 60 and twice at 120 minutes, one never (NaN)
    table = probability_within([120.0, 60.0, float("nan"), 120.0], n=4)
    assert table["time_min"].tolist() == [60.0, 120.0]
    assert table["failures"].tolist() == [1, 3]
    assert table["p"].tolist() == [0.25, 0.75]
    low, high = wilson_interval([1, 3], 4)
    assert table["ci_low"].tolist() == low.tolist() and table["ci_high"].tolist() == high.tolist()
    at = probability_within([60.0, 120.0], n=4, times_min=[0.0, 59.9, 60.0, 1000.0])
    assert at["failures"].tolist() == [0, 0, 1, 2]


def test_probability_within_refuses_more_failures_than_replications():
    with pytest.raises(ValueError):
        probability_within([1.0, 2.0, 3.0], n=2)


@pytest.fixture(scope="module")
def ensemble():
    return run_ensemble(SCENARIO, 12, seed=3, workers=1)


def test_failure_probabilities_carry_counts_and_intervals(ensemble):
    table = failure_probabilities(ensemble)
    assert table["asset"].tolist() == ensemble.asset_summary["asset"].tolist()
    assert (table["failures"] == (table["p_failed"] * 12).round().astype(int)).all()
    assert (table["failures"] / 12).tolist() == table["p_failed"].tolist()
    low, high = wilson_interval(table["failures"].to_numpy(), 12)
    assert table["ci_low"].tolist() == low.tolist() and table["ci_high"].tolist() == high.tolist()


def test_first_failures_are_the_ensembles_own_replications(ensemble):
    rows = first_failures(SCENARIO, 12, seed=3)
    grouped = rows.groupby("asset")
    p_failed = (grouped["replication"].nunique() / 12).rename("p_failed")
    expected = ensemble.asset_summary.set_index("asset")
    pd.testing.assert_series_equal(p_failed.sort_index(), expected["p_failed"].sort_index())
    median = grouped["first_failure_min"].quantile(0.5)
    assert median.sort_index().tolist() == expected["first_failure_p50"].sort_index().tolist()
    one = first_failures(simulator.load_scenario(SCENARIO), 12, seed=3, assets=["mast-noord"])
    assert set(one["asset"]) == {"mast-noord"}
    assert len(one) == round(expected.loc["mast-noord", "p_failed"] * 12)
    assert not one["first_failure_min"].map(math.isnan).any()
    assert np.array_equal(one["replication"].to_numpy(), np.sort(one["replication"].to_numpy()))
