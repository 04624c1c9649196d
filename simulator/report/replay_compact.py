"""The terminal replay's sectors when even their counted assets do not fit: the compact list.

Every sector where everything works goes on one summary line (``4 sectoren zonder storing:
Water, Waterkering, …``); the rows go to the sectors with assets down (failed, on manual
operation or degraded), each listing only those. When not all of them fit, the ones with the
fewest assets down are left out (most failed first, then manual, then degraded; ties: the later
first), and a note counts what they hold, wrapped over the rows left and shortened to what fits
(first the hint, then the names from the end), never cut: the count of assets down stays::

    nog 4 uitgevallen, 6 verminderd in 7 sectoren niet getoond (vergroot het venster): Energie
    ✗2, Vervoer ✗1 ◐1, Telecom ✗1, Financiën ◐2, ICT ◐1, Hulpdiensten ◐1, Voedsel ◐1

and at its shortest ``niet getoond: ✗5 ◐6``. ``lines`` and ``rows`` count screen lines; ``width``
characters. Pure: the screen (``replay_screen``) draws what ``compact_plan`` chooses.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..messages import format_number, sector_name, text, text_count

__all__ = ["DOWN", "MIN_WIDTH", "MIN_HEIGHT", "CompactPlan", "compact_plan", "calm_line", "note_lines"]

DOWN = ("failed", "manual", "degraded")
"""The statuses a trainer must see, in the order they count."""
_SYMBOLS = {"failed": "✗", "manual": "⚙", "degraded": "◐"}
MIN_WIDTH = 60
"""From this width (characters) and ``MIN_HEIGHT`` (lines) on, every asset down is shown or
counted: the note's shortest form fits one line."""
MIN_HEIGHT = 12
_KEEP = "\xa0"  # between a name and its counts while wrapping: they stay on one line


@dataclass(frozen=True)
class CompactPlan:
    """``shown``: the sectors with assets down that are listed (screen order); ``left_out``: those
    counted in the note instead (most down first); ``calm``: the sectors where everything works;
    ``calm_line``: whether their summary line is on the screen; ``note_rows``: the rows left for
    the note (0 when nothing is left out)."""

    shown: list[str]
    left_out: list[str]
    calm: list[str]
    calm_line: bool
    note_rows: int


def _priority(down: Mapping[str, Mapping[str, int]], order: Sequence[str]):
    return lambda s: (*(-down[s].get(k, 0) for k in DOWN), order.index(s))


def compact_plan(
    sectors: Sequence[str], down: Mapping[str, Mapping[str, int]], need: Mapping[str, int], lines: int
) -> CompactPlan:
    """Which sectors fit in ``lines`` rows. ``down``: per sector the number of its assets per status
    in ``DOWN`` (a sector without any is calm); ``need``: the rows each sector with assets down
    takes listed. The summary line of the calm sectors takes a row (unless there is only one row and
    a sector with assets down wants it), the note at least one while anything is left out; the
    sectors are tried most down first and each is kept when it still fits."""
    order = list(sectors)
    troubled = [s for s in order if any(down.get(s, {}).get(k, 0) for k in DOWN)]
    calm = [s for s in order if s not in troubled]
    calm_rows = 1 if calm and (lines >= 2 or not troubled) else 0
    used = calm_rows
    kept: list[str] = []
    for sector in sorted(troubled, key=_priority(down, order)):
        rest = len(troubled) - len(kept) - 1
        if used + need[sector] + (1 if rest else 0) <= lines:
            kept.append(sector)
            used += need[sector]
    left_out = sorted((s for s in troubled if s not in kept), key=_priority(down, order))
    return CompactPlan(
        shown=[s for s in order if s in kept],
        left_out=left_out,
        calm=calm,
        calm_line=bool(calm_rows),
        note_rows=max(lines - used, 1) if left_out else 0,
    )


def _fits(candidate: str, width: int, rows: int) -> list[str] | None:
    wrapped = textwrap.wrap(candidate, width, break_on_hyphens=False)
    return [line.replace(_KEEP, " ") for line in wrapped] if len(wrapped) <= rows else None


def calm_line(calm: Sequence[str], lang: str, width: int) -> str:
    """``4 sectoren zonder storing: Water, Waterkering, Zorg, Openbaar bestuur`` on one line of
    ``width``: the later names give way to ``…`` where they do not fit."""
    names = [sector_name(s, lang) for s in calm]
    for keep in range(len(names), -1, -1):
        shown = ", ".join(names[:keep] + (["…"] if keep < len(names) else []))
        line = text_count("replay.calm_sectors", len(calm), lang, names=shown)
        if len(line) <= width or keep == 0:
            return line
    return ""  # pragma: no cover -- the loop returns at keep 0


def _symbols(counts: Mapping[str, int], lang: str) -> str:
    """``✗3 ◐1``: the number of assets per status down, failed first."""
    return " ".join(f"{_SYMBOLS[k]}{format_number(counts[k], lang)}" for k in DOWN if counts.get(k))


def note_lines(
    left_out: Sequence[str], down: Mapping[str, Mapping[str, int]], lang: str, width: int, rows: int
) -> list[str]:
    """The note on the sectors ``left_out`` (in that order) in at most ``rows`` lines of ``width``:
    the longest of its forms that fits, wrapped (see the module's docstring); none when nothing is
    left out. The forms: the count and hint and names; the count and as many names as fit; the
    count and hint; the count; the symbols alone."""
    if not left_out:
        return []
    total = {k: sum(down[s].get(k, 0) for s in left_out) for k in DOWN}
    counts = ", ".join(text_count(f"replay.left_out.{k}", total[k], lang) for k in DOWN if total[k])
    note = text_count("replay.left_out", len(left_out), lang, counts=counts)
    hint = note + text("replay.left_out.hint", lang)
    names = [f"{sector_name(s, lang)}{_KEEP}{_symbols(down[s], lang).replace(' ', _KEEP)}" for s in left_out]
    candidates = [text("replay.left_out.names", lang, note=hint, names=", ".join(names))]
    for keep in range(len(names), 0, -1):
        shown = ", ".join(names[:keep] + (["…"] if keep < len(names) else []))
        candidates.append(text("replay.left_out.names", lang, note=note, names=shown))
    candidates += [hint, note]
    for candidate in candidates:
        if (wrapped := _fits(candidate, width, rows)) is not None:
            return wrapped
    return [text("replay.left_out.short", lang, symbols=_symbols(total, lang))]
