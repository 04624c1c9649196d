"""The terminal replay's screen, pure: ``render_screen`` ((timeline, state, water) -> a rich
renderable): the header (clock, GRIP level, view, speed), the water (``replay_gauges``), the assets
by sector and the feed of the latest events; ``feed_line`` is one event of the feed as a line.
Times are minutes after the scenario start.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.layout import Layout
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis.eventtext import duration_text
from ..analysis.replay import STATUSES, ReplayTimeline
from ..messages import sector_name, text, text_count
from .replay_gauges import water_lines
from .replay_keys import ReplayState

__all__ = ["SYMBOLS", "STYLES", "elapsed_text", "feed_line", "feed_lines", "render_screen"]

SYMBOLS = {"operational": "✓", "degraded": "◐", "failed": "✗", "manual": "⚙"}
STYLES = {"operational": "green", "degraded": "yellow", "failed": "bold red", "manual": "bold blue"}
_ORDER = {"failed": 0, "manual": 1, "degraded": 2, "operational": 3}  # what needs attention first
_FEED_STYLES = {
    "asset.failed": "bold red",
    "asset.degraded": "yellow",
    "asset.operational": "green",
    "inject": "bold",
    "grip.escalated": "bold magenta",
    "grip.deescalated": "magenta",
    "grip.ended": "magenta",
    "deadline.missed": "bold red",
    "deadline.met": "green",
}
_NAME_WIDTH = 20
_CELL = _NAME_WIDTH + 2  # symbol, space, name
_PER_SECTOR = 60  # assets listed per sector at most (a national graph would not fit anyway)


# --- the screen -------------------------------------------------------------------------------------
def elapsed_text(minutes: float) -> str:
    """``hh:mm`` since the start, whole minutes cut off (``01:05``; ``26:10`` on the second day)."""
    whole = int(max(minutes, 0.0) // 1)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def _speed_text(speed: float, lang: str) -> str:
    shown = f"{speed:g}"
    return text("replay.speed", lang, speed=shown, per_second=duration_text(speed / 60, lang))


def _status_word(status: str, lang: str) -> str:
    return text("replay.status.operational" if status == "operational" else f"figure.status.{status}", lang)


def _short(name: str) -> str:
    return name if len(name) <= _NAME_WIDTH else name[: _NAME_WIDTH - 1] + "…"


def _header(timeline: ReplayTimeline, state: ReplayState) -> RenderableType:
    lang = timeline.lang
    moment = timeline.moment(state.t_min)
    grid = Table.grid(expand=True, padding=(0, 2))
    grid.add_column(ratio=1)
    grid.add_column(justify="right")
    elapsed = text("replay.elapsed", lang, elapsed=elapsed_text(state.t_min), end=elapsed_text(timeline.end_min))
    clock = Text.assemble(
        (moment.strftime("%H:%M"), "bold reverse"), f"  {moment.date().isoformat()}  ", (elapsed, "bold")
    )
    # one line, cut with …: a long name wrapping would push the view line off the 3-line header
    title = Text(text("replay.title", lang, name=timeline.title), style="bold", no_wrap=True, overflow="ellipsis")
    grid.add_row(title, clock)
    if state.paused and state.t_min >= timeline.end_min:
        mode = Text(text("replay.ended", lang), style="bold reverse")
    elif state.paused:
        mode = Text(text("replay.paused", lang), style="bold reverse yellow")
    else:
        mode = Text(text("replay.playing", lang), style="bold green")
    level = timeline.grip_at(state.t_min)
    grip = Text(timeline.level_name(level), style="bold magenta" if level else "dim")
    view = Text(
        text("replay.view", lang, view=text(f"replay.view.{state.view}", lang)),
        style="bold cyan" if state.view == "known" else "bold",
    )
    grid.add_row(grip, mode)
    grid.add_row(view, _speed_text(state.speed, lang))
    return grid


def _asset_cell(asset: dict, status: str) -> Text:
    return Text(f"{SYMBOLS[status]} {_short(asset['name'])}", style=STYLES[status], no_wrap=True, overflow="crop")


def _assets(timeline: ReplayTimeline, state: ReplayState, width: int, lines: int) -> RenderableType:
    """The assets by sector, in columns; the ones that need attention first. When the list does not
    fit in ``lines``, each sector's operational assets are counted instead of named."""
    lang = timeline.lang
    status = timeline.status_at(state.t_min, state.view)
    legend = Text("  ").join(Text(f"{SYMBOLS[s]} {_status_word(s, lang)}", style=STYLES[s]) for s in STATUSES)
    sector_width = max((len(sector_name(s, lang)) for s in timeline.sectors), default=0)
    per_row = max(1, (width - sector_width - 2) // (_CELL + 2))
    by_sector: dict[str, list[dict]] = {}
    for asset in timeline.assets:
        by_sector.setdefault(asset["sector"], []).append(asset)
    collapsed = _sectors_to_collapse(timeline.sectors, by_sector, status, per_row, lines)
    table = Table.grid(padding=(0, 2))
    table.add_column(no_wrap=True, style="bold", width=sector_width)
    for _ in range(per_row):
        table.add_column(width=_CELL, no_wrap=True)
    rows: list[tuple[str, list[Text]]] = []
    for sector in timeline.sectors:
        members = sorted(
            by_sector.get(sector, []), key=lambda a: _ORDER[status[a["id"]]]
        )  # stable: display order within
        shown = [a for a in members if status[a["id"]] != "operational"] if sector in collapsed else members
        cells = [_asset_cell(a, status[a["id"]]) for a in shown[:_PER_SECTOR]]
        hidden = len(shown) - len(cells)
        if hidden:
            cells.append(Text(text("replay.more_assets", lang, n=hidden), style="dim"))
        operational = len(members) - len(shown)
        if operational:
            cells.append(
                Text(
                    f"{SYMBOLS['operational']} {operational} {_status_word('operational', lang)}",
                    style=STYLES["operational"],
                )
            )
        rows.append((sector, cells))
    calm = {s for s in timeline.sectors if all(status[a["id"]] == "operational" for a in by_sector.get(s, []))}
    kept, left_out = _sectors_that_fit(rows, calm, per_row, lines)
    for sector, cells in rows:
        if sector not in kept:
            continue
        for start in range(0, max(len(cells), 1), per_row):
            chunk = cells[start : start + per_row]
            table.add_row(sector_name(sector, lang) if start == 0 else "", *chunk, *[""] * (per_row - len(chunk)))
    if not left_out:
        return Group(legend, table)
    return Group(legend, table, _left_out_line(left_out, by_sector, status, lang))


def _sectors_that_fit(
    rows: list[tuple[str, list[Text]]], calm: set[str], per_row: int, lines: int
) -> tuple[set[str], list[str]]:
    """The sectors shown, and those left out (in screen order) when even counted their rows pass
    ``lines``: one line is then kept to say so, and the ``calm`` sectors (all their assets work) go
    first, the later first; then the others, the later first."""
    need = {sector: _rows(len(cells), per_row) for sector, cells in rows}
    if sum(need.values()) <= lines:
        return set(need), []
    order = [sector for sector, _ in rows]
    budget = max(lines - 1, 0)  # the line that names what was left out
    total = sum(need.values())
    left_out: set[str] = set()
    for sector in sorted(order, key=lambda s: (s in calm, order.index(s)), reverse=True):
        if total <= budget:
            break
        left_out.add(sector)
        total -= need[sector]
    return set(order) - left_out, [s for s in order if s in left_out]


def _left_out_line(left_out: list[str], by_sector: dict[str, list[dict]], status: dict[str, str], lang: str) -> Text:
    """``3 sectoren niet getoond (vergroot het venster): Voedsel, Financiën ✗2, Wijken``: each with
    the number of its assets that are down, if any (cut short with … where the line ends)."""
    names = []
    for sector in left_out:
        down = sum(status[a["id"]] != "operational" for a in by_sector.get(sector, []))
        names.append(sector_name(sector, lang) + (f" {SYMBOLS['failed']}{down}" if down else ""))
    line = text_count("replay.sectors_left_out", len(left_out), lang, names=", ".join(names))
    return Text(line, style="bold yellow", no_wrap=True, overflow="ellipsis")


def _rows(cells: int, per_row: int) -> int:
    return max(-(-cells // per_row), 1)


def _sectors_to_collapse(
    sectors: list[str], by_sector: dict[str, list[dict]], status: dict[str, str], per_row: int, lines: int
) -> set[str]:
    """The sectors whose operational assets are counted rather than named, so that the list fits in
    ``lines`` rows: the sectors that save most rows first (ties: the later sector first)."""
    full = {s: _rows(len(by_sector.get(s, [])), per_row) for s in sectors}
    short = {}
    for sector in sectors:
        members = by_sector.get(sector, [])
        down = sum(status[a["id"]] != "operational" for a in members)
        short[sector] = _rows(min(down, _PER_SECTOR) + (down > _PER_SECTOR) + (down < len(members)), per_row)
    collapsed: set[str] = set()
    total = sum(full.values())
    for sector in sorted(sectors, key=lambda s: (full[s] - short[s], sectors.index(s)), reverse=True):
        if total <= lines:
            break
        collapsed.add(sector)
        total -= full[sector] - short[sector]
    return collapsed


def _visible_clock(timeline: ReplayTimeline, event: dict, view: str) -> str:
    return event["clock"] if view == "truth" else timeline.clock(event["known_t"])


def feed_line(timeline: ReplayTimeline, event: dict, view: str) -> Text:
    lang = timeline.lang
    shown = timeline.visible_time(event, view)
    line = Text.assemble(
        (_visible_clock(timeline, event, view), "bold"),
        f"  T+{elapsed_text(shown)}  ",
        (event["text"], _FEED_STYLES.get(event["kind"], "")),
        no_wrap=True,
        overflow="ellipsis",
    )
    if view == "known" and timeline.clock(event["t"]) != _visible_clock(timeline, event, view):
        line.append(" " + text("replay.happened", lang, clock=event["clock"]), style="dim")
    return line


def _feed(timeline: ReplayTimeline, state: ReplayState, lines: int) -> RenderableType:
    lang = timeline.lang
    events = timeline.feed(state.t_min, state.view, headline_only=True, limit=lines)
    if events:
        body: RenderableType = Group(*(feed_line(timeline, e, state.view) for e in events))
    else:
        body = Text(
            text("replay.feed_empty" if state.view == "truth" else "replay.feed_empty_known", lang), style="dim"
        )
    return Panel(
        body,
        title=text("replay.feed", lang),
        title_align="left",
        border_style="cyan" if state.view == "known" else "white",
    )


def feed_lines(height: int) -> int:
    """How many events the feed shows on a screen ``height`` lines high."""
    return max(3, min(12, height // 4))


def render_screen(
    timeline: ReplayTimeline,
    state: ReplayState,
    width: int = 120,
    height: int = 40,
    water: Mapping[str, Any] | None = None,
) -> RenderableType:
    """The whole screen for ``state``: the clock, GRIP level, speed, view and playing or paused;
    the water (``water``: ``replay_water.water_payload``; per basin its gauge and flood zones, see
    ``replay_gauges``); the assets by sector with their status (colour and a symbol, so it reads
    without colour); the latest events of the view; the keys. ``width`` and ``height``: the
    terminal's size. The water takes at most half the lines the assets had (at least one), and a
    line says which basins it left out; the assets' own line says which sectors."""
    shown = feed_lines(height)
    asset_lines = max(height - shown - 8, 1)  # header 3, gap 1, feed frame 2, keys 1, legend 1
    budget = max((asset_lines - 1) // 2, 1)
    gauges = water_lines(water or {}, state.t_min, state.view, timeline.lang, width, budget, timeline.clock)
    parts = [Layout(_header(timeline, state), size=3), Layout(Text(" "), size=1)]
    if gauges:
        parts.append(Layout(Group(*gauges), size=len(gauges)))
    layout = Layout()
    layout.split_column(
        *parts,
        Layout(_assets(timeline, state, width, max(asset_lines - len(gauges) - 1, 1)), ratio=1),
        Layout(_feed(timeline, state, shown), size=shown + 2),
        Layout(Text(text("replay.keys", timeline.lang), style="dim"), size=1),
    )
    return layout
