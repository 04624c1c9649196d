"""Axis ticks in the language's number signs: ``0,5 1,0`` and ``500.000`` in Dutch, from the one formatter."""

from __future__ import annotations

from ..messages import format_number, tick_decimals

__all__ = ["LocalisedFormatter", "localise_ticks"]


def _formatter_class():
    from matplotlib.ticker import Formatter

    class LocalisedFormatter(Formatter):
        """Ticks with thousands separators and as many decimals as their spacing needs."""

        def __init__(self, lang: str):
            self.lang = lang
            self.digits = 0

        def set_locs(self, locs) -> None:
            super().set_locs(locs)
            self.digits = tick_decimals(locs)

        def __call__(self, x, pos=None) -> str:
            return format_number(x, self.lang, digits=self.digits)

    return LocalisedFormatter


def LocalisedFormatter(lang: str):  # noqa: N802 -- a class made on first use, so matplotlib loads only for figures
    """A matplotlib tick formatter that writes numbers the way ``lang`` does."""
    return _formatter_class()(lang)


def localise_ticks(figure, lang: str | None) -> None:
    """Give every numeric axis of ``figure`` still on matplotlib's default (scalar) formatter the
    language's formatter; axes with their own formatter (dates, names, thousands) keep it."""
    if not lang:
        return
    from matplotlib.ticker import ScalarFormatter

    for ax in figure.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter and axis.get_scale() == "linear":
                axis.set_major_formatter(LocalisedFormatter(lang))
