"""The one distribution grammar for random durations (minutes).

``fixed(2h)`` or a bare duration, ``uniform(a, b)``, ``triangular(min, mode, max)``,
``lognormal(median=..., p90=...)``, ``exponential(mean=...)``. Parsed by hand: file content is
never evaluated. Arguments are durations and may be given by position or by name.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from .durations import DurationError, format_duration, parse_duration

__all__ = ["Distribution", "DistributionError", "parse_distribution", "Z90"]

# Standard normal quantile at 0.9: p90 = median * exp(Z90 * sigma) for a lognormal.
Z90 = 1.2815515655446004

# name -> parameter names in positional order
_PARAMS = {
    "fixed": ("value",),
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "lognormal": ("median", "p90"),
    "exponential": ("mean",),
}
_ALIASES = {"min": "low", "max": "high", "a": "low", "b": "high"}
_NEXT_NAMED = re.compile(r",\s*(?=[A-Za-z_]\w*\s*=)")
_CALL = re.compile(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*$", re.S)


class DistributionError(ValueError):
    """A text is not a distribution. ``key`` and ``params`` name the catalogue message."""

    def __init__(self, key: str, **params: object):
        super().__init__(f"{key}: {params}")
        self.key = key
        self.params = params


@dataclass(frozen=True, slots=True)
class Distribution:
    """A distribution of durations in minutes; ``params`` follow ``_PARAMS[kind]``."""

    kind: str
    params: tuple[float, ...]

    @classmethod
    def fixed(cls, minutes: float) -> Distribution:
        return cls("fixed", (float(minutes),))

    def sample(self, rng: np.random.Generator) -> float:
        """Draw one duration (minutes). ``fixed`` draws nothing from ``rng``."""
        p = self.params
        if self.kind == "fixed":
            return p[0]
        if self.kind == "uniform":
            return float(rng.uniform(p[0], p[1]))
        if self.kind == "triangular":
            if p[0] == p[2]:
                return p[0]
            return float(rng.triangular(p[0], p[1], p[2]))
        if self.kind == "lognormal":
            return float(rng.lognormal(math.log(p[0]), self.sigma))
        return float(rng.exponential(p[0]))

    @property
    def sigma(self) -> float:
        """Lognormal shape: ln(p90 / median) / z0.9."""
        return math.log(self.params[1] / self.params[0]) / Z90

    def mean(self) -> float:
        """Expected value in minutes."""
        p = self.params
        if self.kind == "fixed":
            return p[0]
        if self.kind == "uniform":
            return (p[0] + p[1]) / 2
        if self.kind == "triangular":
            return sum(p) / 3
        if self.kind == "lognormal":
            return p[0] * math.exp(self.sigma**2 / 2)
        return p[0]

    def median(self) -> float:
        """Median in minutes: the deterministic stand-in for this distribution."""
        p = self.params
        if self.kind in ("fixed", "lognormal"):
            return p[0]
        if self.kind == "uniform":
            return (p[0] + p[1]) / 2
        if self.kind == "exponential":
            return p[0] * math.log(2)
        low, mode, high = p
        if high == low:
            return low
        if mode - low >= (high - low) / 2:
            return low + math.sqrt((high - low) * (mode - low) / 2)
        return high - math.sqrt((high - low) * (high - mode) / 2)

    def __str__(self) -> str:
        def fmt(x: float) -> str:
            return str(format_duration(x))

        if self.kind == "fixed":
            return fmt(self.params[0])
        if self.kind in ("lognormal", "exponential"):
            names = _PARAMS[self.kind]
            inner = ", ".join(f"{n}={fmt(v)}" for n, v in zip(names, self.params))
        else:
            inner = ", ".join(fmt(v) for v in self.params)
        return f"{self.kind}({inner})"


def parse_distribution(value: object) -> Distribution:  # noqa: PLR0912 -- debt: split when next changed
    """Parse a distribution; a bare duration means ``fixed``.

    >>> str(parse_distribution("lognormal(median=40min, p90=3h)"))
    'lognormal(median=40min, p90=3h)'
    >>> parse_distribution("2h").params
    (120.0,)
    """
    if isinstance(value, Distribution):
        return value
    if not isinstance(value, str):
        try:
            return Distribution.fixed(parse_duration(value))
        except DurationError as exc:
            raise DistributionError("value.not_distribution", value=value) from exc
    match = _CALL.match(value)
    if not match:
        try:
            return Distribution.fixed(parse_duration(value))
        except DurationError as exc:
            if exc.negative:
                raise DistributionError("value.negative_duration", value=value) from exc
            raise DistributionError("value.not_distribution", value=value) from exc
    name, inner = match.group(1).lower(), match.group(2)
    if name not in _PARAMS:
        raise DistributionError("value.unknown_distribution", name=match.group(1))
    names = _PARAMS[name]
    expected = ", ".join(names)
    args = [a.strip() for a in _split_arguments(inner)] if inner.strip() else []
    values: dict[str, float] = {}
    for position, arg in enumerate(args):
        if "=" in arg:
            key, _, text = (s.strip() for s in arg.partition("="))
            key = _ALIASES.get(key.lower(), key.lower())
        else:
            if values and any(k != n for k, n in zip(values, names)):
                key = ""  # positional after named: reject below
            else:
                key = names[position] if position < len(names) else ""
            text = arg
        if key not in names or key in values:
            raise _bad(value, "dist.args", name=name, expected=expected)
        try:
            values[key] = parse_duration(text)
        except DurationError as exc:
            if exc.negative:
                raise DistributionError("value.negative_duration", value=text) from exc
            raise DistributionError("value.not_duration", value=text) from exc
    if set(values) != set(names):
        raise _bad(value, "dist.args", name=name, expected=expected)
    params = tuple(values[n] for n in names)
    _check_order(value, name, params)
    return Distribution(name, params)


def _split_arguments(inner: str) -> list[str]:
    """Arguments split at their commas, not at a decimal comma inside one (``p90=1,5d``): named
    arguments split where the next name begins; positional ones at ``, `` when the text has it."""
    if "=" in inner:
        return _NEXT_NAMED.split(inner)
    if ", " in inner:
        return inner.split(", ")
    return inner.split(",")


def _bad(value: object, key: str, **params: object) -> DistributionError:
    return DistributionError("value.bad_distribution", value=value, reason=(key, params))


def _check_order(value: object, name: str, p: tuple[float, ...]) -> None:
    if name == "uniform" and not p[0] <= p[1]:
        raise _bad(value, "dist.order", detail=("dist.order.uniform", {}))
    if name == "triangular" and not p[0] <= p[1] <= p[2]:
        raise _bad(value, "dist.order", detail=("dist.order.triangular", {}))
    if name == "lognormal" and not 0 < p[0] < p[1]:
        raise _bad(value, "dist.order", detail=("dist.order.lognormal", {}))
    if name == "exponential" and not p[0] > 0:
        raise _bad(value, "dist.order", detail=("dist.order.exponential", {}))
