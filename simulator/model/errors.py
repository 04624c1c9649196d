"""Problems found in input files, located by file, line and field, rendered from the catalogue."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import format_number, text, text_count

__all__ = ["Problem", "LoadError", "format_loc", "render"]


def render(key: str, params: dict, lang: str | None) -> str:
    """Render a catalogue message whose parameters may themselves be (key, params) pairs; a
    fractional number is written with the language's decimal sign (``-0,2 moet minstens 0,0 zijn``)."""
    resolved = {
        name: render(value[0], value[1], lang) if _is_message(value) else _shown(value, lang)
        for name, value in params.items()
    }
    return text(key, lang, **resolved)


def _shown(value: object, lang: str | None) -> object:
    if not isinstance(value, float) or not math.isfinite(value):
        return value
    decimals = repr(value).partition(".")[2]
    digits = 1 if "e" in decimals else max(1, min(len(decimals), 6))
    return format_number(value, lang, digits=digits)


def _is_message(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], dict)


def format_loc(loc: tuple) -> str:
    """``('assets', 14, 'needs', 0, 'tolerance')`` -> ``assets[14].needs[0].tolerance``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file; with ``warning`` one thing odd but not refused."""

    file: Path | None
    line: int | None
    loc: tuple
    key: str
    params: dict = field(default_factory=dict)
    warning: bool = False

    def render(self, lang: str | None = None) -> str:
        where = str(self.file) if self.file is not None else "<input>"
        if self.line is not None:
            where += f":{self.line}"
        field_text = format_loc(self.loc)
        message = render(self.key, self.params, lang)
        if self.warning:
            message = text("warn.prefix", lang, message=message)
        return f"{where}: {field_text}: {message}" if field_text else f"{where}: {message}"


class LoadError(Exception):
    """Input that rampsim refuses, with every problem found (at least one)."""

    def __init__(self, problems: list[Problem], language: str | None = None):
        if not problems:
            raise ValueError("LoadError needs at least one problem")
        self.problems = list(problems)
        self.language = language  # the language the scenario declares, for its reader; None: unknown
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None, limit: int = 30) -> str:
        lines = [p.render(lang) for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(text_count("errors.more", len(self.problems) - limit, lang))
        return "\n".join(lines)
