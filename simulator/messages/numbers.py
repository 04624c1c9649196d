"""The one number formatter: every number a person reads, in the language's own signs (Babel, CLDR).

``1,904,495`` and ``0.35`` in English, ``1.904.495`` and ``0,35`` in Dutch; percentages (``50%``),
water levels in metres NAP to the centimetre (``-0,10``), axis ticks with as many decimals as their
spacing needs. Tables, figures, pages and terminal lines all call these; nothing else formats numbers.
"""

from __future__ import annotations

import decimal
import math
from functools import lru_cache

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern

__all__ = [
    "format_number",
    "format_percent",
    "format_level",
    "format_figure",
    "tick_decimals",
    "plural_form",
    "parse_decimal_comma",
]

_LOCALES = {"en": "en", "nl": "nl_NL"}
MINUS = "\u2212"


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, "en"))


@lru_cache(maxsize=16)
def _pattern(digits: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * digits if digits > 0 else ""))


@lru_cache(maxsize=65_536)
def _decimal(value: float, lang: str, digits: int) -> str:
    """Babel's ``format_decimal`` with our pattern; cached, because a large run writes the same
    few numbers (levels of service, buffers) hundreds of thousands of times. Babel rounds in the
    current decimal context, whose 28 digits cannot hold 1e27 with a decimal (an error message
    echoing a huge duration crashed): 400 digits hold every finite float."""
    with decimal.localcontext() as context:
        context.prec = 400
        return _pattern(digits).apply(value, _locale(lang))


def _lang(lang: str | None) -> str:
    if lang:
        return lang
    from . import default_language

    return default_language()


def format_number(value: float, lang: str | None = None, digits: int = 0, signed: bool = False) -> str:
    """``value`` with thousands separators and exactly ``digits`` decimals: 403,200 / 403.200 (nl);
    ``signed``: a ``+`` before a positive number and a true minus sign (−) before a negative one."""
    if isinstance(value, float) and math.isnan(value):
        return "–"
    out = _decimal(abs(value) if signed else value, _lang(lang), digits)
    if signed and value > 0:
        return "+" + out
    if signed and value < 0 and out.strip("0.,"):
        return MINUS + out
    return out


def format_figure(value: float, lang: str | None = None, signed: bool = False) -> str:
    """A measured figure: whole from 100 up (1,234), two decimals below (0.35)."""
    return format_number(value, lang, digits=0 if abs(value) >= 100 else 2, signed=signed)


def format_percent(fraction: float, lang: str | None = None, digits: int = 0) -> str:
    """A fraction as a percentage: 0.5 -> ``50%`` (both languages), 0.125 with one digit -> ``12,5%`` (nl)."""
    return format_number(fraction * 100, lang, digits) + "%"


def format_level(metres: float, lang: str | None = None, signed: bool = False) -> str:
    """A water level in metres NAP, to the centimetre: ``2.33`` / ``2,33``, ``-0,10`` (the unit is the caller's)."""
    return format_number(metres, lang, digits=2, signed=signed)


def tick_decimals(locs) -> int:
    """The fewest decimals (at most 6) that write every tick at ``locs`` exactly: 0 for 0, 250000, 500000;
    1 for 0, 0.5, 1.0; 2 for 0, 0.25, 0.5."""
    values = [float(v) for v in locs if math.isfinite(float(v))]
    for digits in range(7):
        if all(abs(round(v, digits) - v) <= 1e-9 * max(1.0, abs(v)) for v in values):
            return digits
    return 6


def plural_form(n: float, lang: str | None = None) -> str:
    """The CLDR plural category of ``n`` in ``lang``: ``one`` or ``other`` (for en and nl)."""
    return str(_locale(_lang(lang)).plural_form(abs(n)))


def parse_decimal_comma(text: str) -> float | None:
    """``"0,5"`` -> 0.5, ``"-2,33"`` -> -2.33, ``"1.5"`` -> 1.5; None when ``text`` is not such a number.

    One comma or point as the decimal sign; no thousands separators (``1.000`` would be ambiguous)."""
    body = text.strip().replace("\u2212", "-")
    if body.count(",") + body.count(".") > 1 or not body:
        return None
    try:
        value = float(body.replace(",", "."))
    except ValueError:
        return None
    return value if math.isfinite(value) and "_" not in body else None
