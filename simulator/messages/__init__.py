"""The message catalogue: every sentence rampsim shows a person, in English and Dutch.

Keys are stable identifiers; templates use ``str.format`` fields. Library code stores keys and
parameters and renders them only when a person reads them (CLI output, files written for people),
so the engine stays language-neutral. The entries live in modules by audience: ``errors`` (input
files), ``events`` (what happened in a run), ``words`` (the words inside those sentences:
statuses, needs, incident types, action types), ``decisions`` (the players'
decisions of a live exercise), ``screens`` (what the command line prints), ``analysis``
(comparisons, sweeps), ``played`` (a played exercise against its playbook-only twin), ``replay``,
``msel`` and ``report`` (trainers and exercise control), ``live`` (the live exercise server), ``cases`` (the
library of real cases), ``cli_errors`` (the command line's own refusals, the system's reasons),
``yaml_errors`` (a YAML reader's complaints).
"""

from __future__ import annotations

import os

from . import (
    analysis,
    browser,
    cases,
    cli_errors,
    decisions,
    errors,
    events,
    live,
    msel,
    played,
    replay,
    report,
    screens,
    words,
    yaml_errors,
)
from .numbers import format_figure, format_level, format_number, format_percent, plural_form, tick_decimals

__all__ = [
    "LANGUAGES",
    "CATALOGUE",
    "add_entries",
    "text",
    "default_language",
    "explicit_language",
    "os_reason",
    "format_number",
    "format_figure",
    "format_level",
    "format_percent",
    "tick_decimals",
    "text_count",
    "sector_name",
]

LANGUAGES = ("en", "nl")

_MODULES = (
    errors,
    yaml_errors,
    events,
    words,
    decisions,
    screens,
    analysis,
    played,
    replay,
    browser,
    msel,
    report,
    live,
    cases,
    cli_errors,
)
CATALOGUE: dict[str, dict[str, str]] = {}
for _module in _MODULES:
    _twice = CATALOGUE.keys() & _module.ENTRIES.keys()
    if _twice:  # a key defined in two modules would silently shadow one of them
        raise RuntimeError(f"message keys defined twice: {sorted(_twice)}")
    CATALOGUE.update(_module.ENTRIES)


def add_entries(entries, source: str) -> None:
    """Add a plugin's catalogue entries (``{key: {"en": ..., "nl": ...}}``). Every entry needs
    English; a key the catalogue has already with other text is an error naming ``source``."""
    for key, entry in entries.items():
        if "en" not in entry:
            raise ValueError(f"{source}: message {key!r} has no English text")
        if key in CATALOGUE and CATALOGUE[key] != dict(entry):
            raise ValueError(f"{source}: message {key!r} is in the catalogue already with other text")
    CATALOGUE.update({key: dict(entry) for key, entry in entries.items()})


def explicit_language() -> str | None:
    """The language asked for in ``RAMPSIM_LANG``, or None when unset (or not one we have)."""
    lang = os.environ.get("RAMPSIM_LANG", "").strip().lower()[:2]
    return lang if lang in LANGUAGES else None


def default_language() -> str:
    """The language from ``RAMPSIM_LANG`` (``en`` or ``nl``), English when unset or unknown."""
    return explicit_language() or "en"


def text(key: str, lang: str | None = None, /, **params: object) -> str:
    """Render catalogue entry ``key`` in ``lang`` with ``params`` filled in."""
    entry = CATALOGUE[key]
    template = entry.get(lang or default_language(), entry["en"])
    return template.format(**params)


def text_count(key: str, n: float, lang: str | None = None, /, **params: object) -> str:
    """Render ``key.one`` or ``key.other`` by the language's plural rule for ``n`` (``1 replicatie``,
    ``2 replicaties``); ``n`` is passed on as a parameter, formatted (``1.000``)."""
    form = f"{key}.{plural_form(n, lang or default_language())}"
    shown = format_number(n, lang, digits=0 if float(n).is_integer() else 1)
    return text(form if form in CATALOGUE else f"{key}.other", lang, n=shown, **params)


def sector_name(sector: str, lang: str | None = None) -> str:
    """A sector's name as people read it (``replay.sector.<id>``); the id for a sector without one."""
    key = f"replay.sector.{sector}"
    return text(key, lang) if key in CATALOGUE else sector


def os_reason(error: OSError, lang: str | None = None, /) -> str:
    """Why ``error`` happened, in ``lang`` for the common errno values (ENOENT, EACCES, EROFS,
    ENOSPC, EISDIR ...); the system's own words for others."""
    key = cli_errors.OS_REASONS.get(error.errno or -1)
    return text(key, lang) if key else (error.strerror or str(error))
