"""Annotated field types shared by every schema: durations, distributions, ids, sectors."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, PlainSerializer, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..messages.numbers import parse_decimal_comma
from .distributions import Distribution, DistributionError, parse_distribution
from .durations import DurationError, format_duration, parse_duration

__all__ = [
    "Number",
    "Minutes",
    "DistributionField",
    "Slug",
    "Sector",
    "SECTORS",
    "NeedType",
    "NEED_TYPES",
    "Exposure",
    "Serves",
    "Backups",
    "custom_error",
    "SLUG_PATTERN",
]

SECTORS = (
    "energy",
    "water",
    "flood_defence",
    "waterways",
    "telecom",
    "ict",
    "health",
    "emergency",
    "transport",
    "government",
    "finance",
    "food",
    "population",
)
Sector = Literal[SECTORS]  # type: ignore[valid-type]

NEED_TYPES = ("power", "water", "data", "control", "telecom", "cooling", "fuel", "staff", "access")
NeedType = Literal[NEED_TYPES]  # type: ignore[valid-type]

Exposure = Literal["none", "low", "medium", "high"]
Backups = Literal["none", "online", "offline"]
Serves = Literal["municipality", "region"]


def custom_error(key: str, **params: Any) -> PydanticCustomError:
    """A validation error carrying a catalogue key; rendered in the user's language later."""
    return PydanticCustomError(key, key, params)


def _to_minutes(value: Any) -> float:
    if type(value) is float and value >= 0:  # fast path: machine-written files hold minutes
        return value
    try:
        return parse_duration(value)
    except DurationError as exc:
        raise custom_error("value.negative_duration" if exc.negative else "value.not_duration", value=value) from None


def _to_number(value: Any) -> Any:
    """``"0,5"`` -> 0.5: a number written as text may use a decimal comma; anything else goes on to pydantic."""
    if isinstance(value, str):
        parsed = parse_decimal_comma(value)
        if parsed is not None:
            return parsed
    return value


def _to_distribution(value: Any) -> Distribution:
    try:
        return parse_distribution(value)
    except DistributionError as exc:
        raise custom_error(exc.key, **exc.params) from None


_DURATION_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "description": "minutes"},
        {
            "type": "string",
            "pattern": r"^\s*(\d+([.,]\d+)?\s*[a-zA-Z]+\s*)+$",
            "examples": ["45min", "2h", "1h30min", "2 uur", "6u", "1,5 uur", "30 minuten", "2 dagen"],
        },
    ]
}
_DISTRIBUTION_SCHEMA = {
    "anyOf": [
        {"type": "number", "minimum": 0, "description": "minutes"},
        {
            "type": "string",
            "description": "a duration, or fixed(..), uniform(a, b), triangular(min, mode, max), "
            "lognormal(median=.., p90=..), exponential(mean=..)",
            "examples": ["2h", "uniform(1h, 3h)", "lognormal(median=40min, p90=3h)"],
        },
    ]
}

Minutes = Annotated[
    float,
    BeforeValidator(_to_minutes),
    PlainSerializer(lambda m: format_duration(m), return_type=Any, when_used="json"),
    WithJsonSchema(_DURATION_SCHEMA),
]
"""A duration: parsed from the duration grammar, held as float minutes, written back as text."""

DistributionField = Annotated[
    Distribution,
    BeforeValidator(_to_distribution),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(_DISTRIBUTION_SCHEMA),
]
"""A random duration in minutes, from the distribution grammar."""

Number = Annotated[float, BeforeValidator(_to_number)]
"""A real number (fractions, levels in m NAP, rates): also as text with a decimal comma (``"0,5"``, ``"2,33"``)."""

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
_SLUG = re.compile(SLUG_PATTERN)


Slug = Annotated[str, StringConstraints(pattern=_SLUG.pattern)]
"""An identifier: lower-case letters, digits, ``-``, ``_`` and ``.``."""
