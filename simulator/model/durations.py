"""The one duration grammar: ``90s``, ``45min``, ``2h``, ``1d``, ``1h30min`` or a number of minutes,
and the Dutch forms ``2 uur``, ``6u``, ``30 minuten``, ``1 minuut``, ``2 dagen``, ``2 weken``, ``1,5 uur``.

A number takes a decimal point or a decimal comma (``1.5h``, ``1,5 uur``); a space may stand between
number and unit and between parts (``1 uur 30 minuten``). Every duration in rampsim is a float number
of minutes once parsed.
"""

from __future__ import annotations

import math
import re

__all__ = ["DurationError", "parse_duration", "format_duration"]

_WEEK, _DAY, _HOUR, _MINUTE, _SECOND = 10080.0, 1440.0, 60.0, 1.0, 1.0 / 60.0
_UNIT_MINUTES = {
    **dict.fromkeys(("w", "week", "weken", "weeks"), _WEEK),
    **dict.fromkeys(("d", "dag", "dagen", "day", "days"), _DAY),
    **dict.fromkeys(("h", "u", "uur", "uren", "hour", "hours"), _HOUR),
    **dict.fromkeys(("min", "minuut", "minuten", "minute", "minutes"), _MINUTE),
    **dict.fromkeys(("s", "sec", "seconde", "seconden", "second", "seconds"), _SECOND),
}
UNIT_WORDS = tuple(_UNIT_MINUTES)
"""Every unit the grammar takes, for the error that lists them."""
_UNIT = "|".join(sorted(map(re.escape, _UNIT_MINUTES), key=len, reverse=True))
_PART = re.compile(rf"(\d+(?:[.,]\d+)?)\s*({_UNIT})(?![a-z])")
_WHOLE = re.compile(rf"^(?:\s*\d+(?:[.,]\d+)?\s*(?:{_UNIT})(?![a-z]))+\s*$")
_NUMBER = re.compile(r"^\s*[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?\s*$")
_SHORT = {"en": ("d", "h", "min", "s"), "nl": ("d", "u", "min", "s")}


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
            minutes = float(text.replace(",", "."))
        else:
            negative = text.startswith("-")
            body = text[1:] if negative else text
            if not _WHOLE.match(body.lower()):
                raise DurationError(value)
            minutes = sum(float(n.replace(",", ".")) * _UNIT_MINUTES[u] for n, u in _PART.findall(body.lower()))
            if negative and minutes > 0:
                raise DurationError(value, negative=True)
    else:
        raise DurationError(value)
    if not math.isfinite(minutes):
        raise DurationError(value)
    if minutes < 0:
        raise DurationError(value, negative=True)
    return minutes


def format_duration(minutes: float, lang: str = "en") -> str | float:
    """The shortest canonical text for ``minutes`` that parses back to exactly the same float:
    ``1h30min`` (en, the form machine-written files hold), ``1u30min`` (nl).

    Falls back to the bare number when no unit form is exact.

    >>> format_duration(90.0)
    '1h30min'
    >>> format_duration(2880.0)
    '2d'
    >>> format_duration(90.0, "nl")
    '1u30min'
    >>> format_duration(0.0)
    '0min'
    """
    if minutes == 0:
        return "0min"
    seconds = round(minutes * 60)
    if abs(seconds / 60 - minutes) < 1e-12 and seconds > 0:
        parts = []
        for unit, size in zip(_SHORT.get(lang, _SHORT["en"]), (86400, 3600, 60, 1)):
            count, seconds = divmod(seconds, size)
            if count:
                parts.append(f"{count}{unit}")
        text = "".join(parts)
        if parse_duration(text) == minutes:
            return text
    return minutes
