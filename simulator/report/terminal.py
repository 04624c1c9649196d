"""Readable terminal output with rich: the run's timeline, its summary, graph facts."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
from rich.console import Console
from rich.table import Table

from ..analysis.eventtext import duration_text
from ..analysis.graphinfo import GraphInfo
from ..engine.eventkinds import HEADLINES
from ..messages import text
from .summary import elapsed, metric_rows

__all__ = ["EVENT_STYLES", "print_timeline", "print_summary", "print_graph_info", "elapsed"]

EVENT_STYLES = {
    # one colour per event kind for every terminal view: the run's timeline and the replay's feed
    "asset.failed": "bold red",
    "asset.degraded": "yellow",
    "asset.operational": "green",
    "inject": "bold",
    "grip.escalated": "bold magenta",
    "grip.deescalated": "magenta",
    "grip.ended": "magenta",
    "deadline.missed": "bold red",
    "deadline.met": "green",
    "report.received": "cyan",
    "detect.monitoring": "cyan",
}


def print_timeline(
    console: Console,
    events: pd.DataFrame,
    lang: str,
    limit: int = 40,
    file: str = "events.csv",
    render: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
) -> None:
    """The first ``limit`` headline events as a table; ``render`` gives rows without sentences
    theirs (``RunResults.with_messages``), so a large run renders only the rows shown."""
    headline = events[events["kind"].isin(HEADLINES)]
    shown_rows = headline.head(limit)
    if render is not None:
        shown_rows = render(shown_rows)
    table = Table(title=text("summary.timeline", lang), show_lines=False, expand=False)
    table.add_column(text("col.clock", lang), no_wrap=True)
    table.add_column(text("col.elapsed", lang), no_wrap=True, justify="right")
    table.add_column(text("col.known", lang), no_wrap=True)
    table.add_column(text("col.event", lang))
    for row in shown_rows.itertuples(index=False):
        clock = row.clock[:16].replace("T", " ")
        table.add_row(
            clock,
            elapsed(row.time_min, lang),
            _known(row.known_min, row.time_min, lang),
            row.message,
            style=EVENT_STYLES.get(row.kind, ""),
        )
    console.print(table)
    shown = min(limit, len(headline))
    if len(headline) > shown:
        console.print(text("summary.more_events", lang, n=len(headline) - shown, total=len(events), file=file))
    else:
        console.print(text("summary.all_events", lang, total=len(events), file=file))


def print_summary(console: Console, metrics: dict, lang: str, basin_names: dict[str, str] | None = None) -> None:
    table = Table(title=text("summary.title", lang))
    table.add_column(text("col.metric", lang))
    table.add_column(text("col.value", lang), justify="right")
    rows = metric_rows(metrics, lang, basin_names)
    for key, value in rows:
        table.add_row(text(key, lang), value)
    console.print(table)


def print_graph_info(console: Console, info: GraphInfo, lang: str, limit: int = 15) -> None:
    console.print(
        f"[bold]{text('info.title', lang, name=info.name)}[/bold]: "
        f"{info.assets} {text('info.assets', lang)}, {info.needs} {text('info.needs', lang)}"
    )
    table = Table()
    table.add_column(text("info.sector", lang))
    table.add_column(text("info.count", lang), justify="right")
    for sector, count in info.per_sector.items():
        table.add_row(sector, str(count))
    console.print(table)
    console.print(text("info.cycles", lang, n=len(info.cycles)))
    for cycle, unbuffered in list(zip(info.cycles, info.cycles_without_buffer))[:limit]:
        console.print("  " + _shorten(cycle, 12, " <-> "))
        if unbuffered:
            console.print(text("info.zero_tolerance_cycle", lang), style="yellow")
    console.print(text("info.no_dependents", lang, n=len(info.no_dependents)))
    console.print("  " + _shorten(info.no_dependents, 30, ", "))
    console.print(text("info.no_power_redundancy", lang, n=len(info.no_power_redundancy)))
    console.print("  " + _shorten(info.no_power_redundancy, 30, ", "))


def _known(known_min, time_min: float, lang: str) -> str:
    """When the crisis organisation knew: blank when at once, ``+40min`` later, ``never``."""
    if known_min is None or pd.isna(known_min):
        return text("word.never", lang)
    if known_min <= time_min:
        return ""
    return "+" + duration_text(max(round(known_min - time_min), 1), lang)


def _shorten(items: Iterable[str], limit: int, sep: str) -> str:
    items = list(items)
    shown = sep.join(items[:limit])
    return shown + (f"{sep}... (+{len(items) - limit})" if len(items) > limit else "")
