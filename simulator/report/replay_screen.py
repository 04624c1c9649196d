"""The terminal replay's screen, pure: ``render_screen`` ((timeline, state, water) -> a rich
renderable): the header (clock, GRIP level, view, speed), the water (``replay_gauges``), the assets
by sector and the feed of the latest events; ``feed_line`` is one event of the feed as a line.
Times are minutes after the scenario start.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.layout import Layout
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis.eventtext import duration_text
from ..analysis.replay import STATUSES, ReplayTimeline
from ..messages import sector_name, text
from .replay_compact import calm_line, compact_plan, note_lines
from .replay_gauges import water_lines
from .replay_keys import ReplayState
from .terminal import EVENT_STYLES

__all__ = ["SYMBOLS", "STYLES", "elapsed_text", "feed_line", "feed_lines", "render_screen"]

SYMBOLS = {"operational": "✓", "degraded": "◐", "failed": "✗", "manual": "⚙"}
STYLES = {"operational": "green", "degraded": "yellow", "failed": "bold red", "manual": "bold blue"}
_ORDER = {"failed": 0, "manual": 1, "degraded": 2, "operational": 3}  # what needs attention first
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
    fit in ``lines``, each sector's operational assets are counted instead of named; when even that
    does not fit, the compact list (``replay_compact``)."""
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
    rows = {s: _sector_cells(by_sector.get(s, []), status, s in collapsed, lang) for s in timeline.sectors}
    if sum(_rows(len(cells), per_row) for cells in rows.values()) <= lines:
        _add_rows(table, rows, timeline.sectors, per_row, lang)
        return Group(legend, table)
    down = {s: Counter(status[a["id"]] for a in by_sector.get(s, [])) for s in timeline.sectors}
    listed = {s: _sector_cells(by_sector.get(s, []), status, True, lang, counted=False) for s in timeline.sectors}
    plan = compact_plan(timeline.sectors, down, {s: _rows(len(c), per_row) for s, c in listed.items()}, lines)
    _add_rows(table, listed, plan.shown, per_row, lang)
    parts: list[RenderableType] = [legend, table]
    if plan.calm_line:
        parts.append(Text(calm_line(plan.calm, lang, width), style=STYLES["operational"], no_wrap=True))
    for line in note_lines(plan.left_out, down, lang, width, plan.note_rows):
        parts.append(Text(line, style="bold yellow", no_wrap=True))
    return Group(*parts)


def _sector_cells(
    members: list[dict], status: dict[str, str], collapsed: bool, lang: str, counted: bool = True
) -> list[Text]:
    """A sector's cells, the ones that need attention first; ``collapsed``: its operational assets
    counted in one cell (``counted``) or left out (the compact list)."""
    members = sorted(members, key=lambda a: _ORDER[status[a["id"]]])  # stable: display order within
    shown = [a for a in members if status[a["id"]] != "operational"] if collapsed else members
    cells = [_asset_cell(a, status[a["id"]]) for a in shown[:_PER_SECTOR]]
    hidden = len(shown) - len(cells)
    if hidden:
        cells.append(Text(text("replay.more_assets", lang, n=hidden), style="dim"))
    operational = len(members) - len(shown)
    if operational and counted:
        cells.append(
            Text(
                f"{SYMBOLS['operational']} {operational} {_status_word('operational', lang)}",
                style=STYLES["operational"],
            )
        )
    return cells


def _add_rows(table: Table, rows: dict[str, list[Text]], sectors: list[str], per_row: int, lang: str) -> None:
    for sector in sectors:
        cells = rows[sector]
        for start in range(0, max(len(cells), 1), per_row):
            chunk = cells[start : start + per_row]
            table.add_row(sector_name(sector, lang) if start == 0 else "", *chunk, *[""] * (per_row - len(chunk)))


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
        (event["text"], EVENT_STYLES.get(event["kind"], "")),
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
    terminal's size. The water takes at most half the lines the assets had (at least one, none when
    the assets have only one), and a line says which basins it left out; the assets' own lines say
    what they left out (``replay_compact``: from ``MIN_WIDTH`` x ``MIN_HEIGHT`` on, every asset down
    is shown or counted)."""
    shown = feed_lines(height)
    asset_lines = max(height - shown - 8, 1)  # header 3, gap 1, feed frame 2, keys 1, legend 1
    budget = max((asset_lines - 1) // 2, 1) if asset_lines > 1 else 0  # the assets keep a line
    gauges = water_lines(water or {}, state.t_min, state.view, timeline.lang, width, budget, timeline.clock)
    parts = [Layout(_header(timeline, state), size=3), Layout(Text(" "), size=1)]
    if gauges:
        parts.append(Layout(Group(*gauges), size=len(gauges)))
    layout = Layout()
    layout.split_column(
        *parts,
        Layout(_assets(timeline, state, width, max(asset_lines - len(gauges), 1)), ratio=1),
        Layout(_feed(timeline, state, shown), size=shown + 2),
        Layout(Text(text("replay.keys", timeline.lang), style="dim"), size=1),
    )
    return layout
