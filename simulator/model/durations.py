"""The one duration grammar: ``90s``, ``45min``, ``2h``, ``1d``, ``1h30min`` or a number of minutes.

Every duration in rampsim is a float number of minutes once parsed.
"""

from __future__ import annotations

import math
import re

__all__ = ["DurationError", "parse_duration", "format_duration"]

_UNIT_MINUTES = {"d": 1440.0, "h": 60.0, "min": 1.0, "s": 1.0 / 60.0}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|min|s)(?![a-z])")
_WHOLE = re.compile(r"^(?:\s*\d+(?:\.\d+)?\s*(?:d|h|min|s)(?![a-z]))+\s*$")
_NUMBER = re.compile(r"^\s*[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$")


class DurationError(ValueError):
    """A text is not a duration; ``negative`` tells a negative one from a malformed one."""

    def __init__(self, value: object, negative: bool = False):
        super().__init__(f"{value!r} is not a duration")
        self.value = value
        self.negative = negative


def parse_duration(value: object) -> float:
    """Parse a duration into minutes.

    >>> parse_duration("1h30min")
    90.0
    >>> parse_duration(45)
    45.0
    >>> parse_duration("90s")
    1.5
    """
    if isinstance(value, bool):
        raise DurationError(value)
    if isinstance(value, (int, float)):
        minutes = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if _NUMBER.match(text):
            minutes = float(text)
        else:
            negative = text.startswith("-")
            body = text[1:] if negative else text
            if not _WHOLE.match(body):
                raise DurationError(value)
            minutes = sum(float(n) * _UNIT_MINUTES[u] for n, u in _PART.findall(body))
            if negative and minutes > 0:
                raise DurationError(value, negative=True)
    else:
        raise DurationError(value)
    if not math.isfinite(minutes):
        raise DurationError(value)
    if minutes < 0:
        raise DurationError(value, negative=True)
    return minutes


def format_duration(minutes: float) -> str | float:
    """The shortest canonical text for ``minutes`` that parses back to exactly the same float.

    Falls back to the bare number when no unit form is exact.

    >>> format_duration(90.0)
    '1h30min'
    >>> format_duration(2880.0)
    '2d'
    >>> format_duration(0.0)
    '0min'
    """
    if minutes == 0:
        return "0min"
    seconds = round(minutes * 60)
    if abs(seconds / 60 - minutes) < 1e-12 and seconds > 0:
        parts = []
        for unit, size in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
            count, seconds = divmod(seconds, size)
            if count:
                parts.append(f"{count}{unit}")
        text = "".join(parts)
        if parse_duration(text) == minutes:
            return text
    return minutes
