"""The duration and distribution grammar."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.model.distributions import Distribution, DistributionError, parse_distribution
from simulator.model.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("90s", 1.5),
        ("45min", 45.0),
        ("2h", 120.0),
        ("1d", 1440.0),
        ("1h30min", 90.0),
        ("1d 2h", 1560.0),
        (30, 30.0),
        (2.5, 2.5),
        ("15", 15.0),
        ("0", 0.0),
        ("1.5h", 90.0),
    ],
)
def test_durations(text, minutes):
    assert parse_duration(text) == minutes


@pytest.mark.parametrize("text", ["3 uurtjes", "h", "", "2 jaar", "1h30", "min", "5m", None, True, [1], "nan", "inf"])
def test_not_durations(text):
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert not info.value.negative


@pytest.mark.parametrize("text", ["-5min", -3, "-1h"])
def test_negative_durations(text):
    with pytest.raises(DurationError) as info:
        parse_duration(text)
    assert info.value.negative


@given(st.integers(0, 10**7))
def test_format_duration_round_trips_whole_seconds(seconds):
    minutes = seconds / 60
    assert parse_duration(format_duration(minutes)) == minutes


@given(st.floats(0, 1e6, allow_nan=False))
def test_format_duration_round_trips_any_float(minutes):
    assert parse_duration(format_duration(minutes)) == minutes


@pytest.mark.parametrize(
    "text, kind, params",
    [
        ("2h", "fixed", (120.0,)),
        ("fixed(2h)", "fixed", (120.0,)),
        ("uniform(1h, 3h)", "uniform", (60.0, 180.0)),
        ("triangular(1h, 2h, 6h)", "triangular", (60.0, 120.0, 360.0)),
        ("triangular(min=1h, mode=2h, max=6h)", "triangular", (60.0, 120.0, 360.0)),
        ("lognormal(median=40min, p90=3h)", "lognormal", (40.0, 180.0)),
        ("exponential(mean=2h)", "exponential", (120.0,)),
        (45, "fixed", (45.0,)),
        # Dutch: a decimal comma inside an argument is not an argument separator
        ("lognormal(median=2h, p90=1,5d)", "lognormal", (120.0, 2160.0)),
        ("lognormal(median=2 uur, p90=1,5 dagen)", "lognormal", (120.0, 2160.0)),
        ("uniform(0,5 uur, 2 uur)", "uniform", (30.0, 120.0)),
        ("triangular(min=1,5u,mode=2u,max=2,5u)", "triangular", (90.0, 120.0, 150.0)),
    ],
)
def test_distributions(text, kind, params):
    dist = parse_distribution(text)
    assert (dist.kind, dist.params) == (kind, params)
    assert parse_distribution(str(dist)) == dist


@pytest.mark.parametrize(
    "text, key",
    [
        ("gamma(1h)", "value.unknown_distribution"),
        ("lognormal(median=3h, p90=1h)", "value.bad_distribution"),
        ("uniform(3h, 1h)", "value.bad_distribution"),
        ("triangular(1h, 5h, 2h)", "value.bad_distribution"),
        ("exponential(mean=0)", "value.bad_distribution"),
        ("uniform(1h)", "value.bad_distribution"),
        ("lognormal(median=1h, p90=2h, p99=5h)", "value.bad_distribution"),
        ("uniform(1h, drie uur)", "value.not_duration"),
        ("uniform(-1h, 1h)", "value.negative_duration"),
        ("__import__('os').system('ls')", "value.unknown_distribution"),
        ("3 uurtjes", "value.not_distribution"),
        ("uniform(1,5u,2u)", "value.bad_distribution"),  # positional without spaces: ambiguous, refused
    ],
)
def test_bad_distributions(text, key):
    with pytest.raises(DistributionError) as info:
        parse_distribution(text)
    assert info.value.key == key


def test_an_order_error_is_explained_in_the_readers_language():
    from simulator.model.errors import render

    with pytest.raises(DistributionError) as info:
        parse_distribution("lognormal(median=3h, p90=1h)")
    reason = info.value.params["reason"]
    assert render(*reason, "nl") == "0 < median < p90 (het 90e percentiel boven de mediaan) moet gelden"
    assert render(*reason, "en") == "0 < median < p90 (the 90th percentile above the median) must hold"


def test_lognormal_hits_its_median_and_p90():
    dist = parse_distribution("lognormal(median=40min, p90=3h)")
    draws = np.array([dist.sample(np.random.default_rng(1)) for _ in range(1)])  # one generator per draw: same value
    assert len(set(draws)) == 1
    rng = np.random.default_rng(7)
    many = np.array([dist.sample(rng) for _ in range(40000)])
    assert abs(np.median(many) / 40 - 1) < 0.03
    assert abs(np.quantile(many, 0.9) / 180 - 1) < 0.04
    assert math.isclose(dist.median(), 40.0)


def test_fixed_draws_nothing():
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    assert Distribution.fixed(5.0).sample(rng) == 5.0
    assert rng.bit_generator.state == state


@pytest.mark.parametrize(
    "text", ["uniform(1h, 3h)", "triangular(1h, 2h, 6h)", "exponential(mean=2h)", "lognormal(median=1h, p90=2h)"]
)
def test_samples_within_support_and_mean(text):
    dist = parse_distribution(text)
    rng = np.random.default_rng(3)
    draws = np.array([dist.sample(rng) for _ in range(20000)])
    assert draws.min() >= 0
    assert abs(draws.mean() / dist.mean() - 1) < 0.03
    assert abs(np.median(draws) / dist.median() - 1) < 0.04
