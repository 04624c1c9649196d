"""The terminal replay (``rampsim replay RUN_DIR``): a run played back on a rich live screen.

Three pure parts, each testable without a terminal, and one loop that joins them:

- ``decode_keys``: the bytes a terminal sends -> actions (arrow keys as ``ESC [ C/D`` or, in
  application cursor mode as tmux may send them, ``ESC O C/D``);
- ``apply_key`` and ``advance``: (state, action) -> state and (state, real seconds) -> state;
- ``render_screen``: (timeline, state, water) -> a rich renderable (the water: ``replay_gauges``).

``play`` runs them: it puts the terminal in cbreak mode (keys arrive one by one, unechoed; Ctrl-C
still interrupts), redraws about ten times a second, and restores the terminal however it ends.
``plain_lines`` is the timeline for output that is not a terminal.

Speed is in simulated seconds per real second: 60 plays one simulated minute per second, one
simulated hour per real minute. Times are minutes after the scenario start.
"""

from __future__ import annotations

import os
import select
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.layout import Layout
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..analysis.eventtext import duration_text
from ..analysis.replay import STATUSES, ReplayTimeline
from ..messages import sector_name, text, text_count
from .replay_gauges import water_lines

try:  # POSIX terminal control; Windows has none: there ``rampsim replay`` prints the plain timeline
    import termios
    import tty
except ImportError:
    termios = tty = None  # type: ignore[assignment]

__all__ = [
    "INTERACTIVE",
    "ACTIONS",
    "SPEEDS",
    "MAX_SPEED",
    "ReplayState",
    "decode_keys",
    "apply_key",
    "advance",
    "render_screen",
    "plain_lines",
    "play",
    "elapsed_text",
]

# the speeds + and - step through (simulated seconds per real second); --speed may be any value in (0, MAX_SPEED]
SPEEDS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400)
MAX_SPEED = SPEEDS[-1]
FRAME_S = 0.1  # seconds between redraws

ACTIONS = ("pause", "faster", "slower", "previous", "next", "toggle", "quit")
_CHAR_ACTIONS = {
    " ": "pause",
    "+": "faster",
    "=": "faster",
    "-": "slower",
    "_": "slower",
    "t": "toggle",
    "T": "toggle",
    "q": "quit",
    "Q": "quit",
    "\x03": "quit",
}
_ARROWS = {"C": "next", "D": "previous"}

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


@dataclass(frozen=True)
class ReplayState:
    """Where the replay is: ``t_min`` (minutes after the start), ``speed`` (simulated seconds per
    real second), ``view`` (``truth`` or ``known``), ``paused``, and ``quit`` once asked to stop."""

    t_min: float = 0.0
    speed: float = 60.0
    view: str = "truth"
    paused: bool = False
    quit: bool = False


# --- keys -------------------------------------------------------------------------------------------
def decode_keys(data: str) -> tuple[list[str], str]:
    """The actions in ``data`` (what the terminal sent) and the unfinished rest of an escape
    sequence, to be completed by the next read. Unknown keys and sequences are skipped."""
    actions: list[str] = []
    i = 0
    while i < len(data):
        char = data[i]
        if char != "\x1b":
            if char in _CHAR_ACTIONS:
                actions.append(_CHAR_ACTIONS[char])
            i += 1
            continue
        if i + 1 == len(data):
            return actions, data[i:]  # a lone ESC so far
        kind = data[i + 1]
        if kind == "O":  # SS3: ESC O <final>
            if i + 2 == len(data):
                return actions, data[i:]
            action = _ARROWS.get(data[i + 2])
            actions += [action] if action else []
            i += 3
        elif kind == "[":  # CSI: ESC [ <parameters> <final byte @..~>
            j = i + 2
            while j < len(data) and not ("@" <= data[j] <= "~"):
                j += 1
            if j == len(data):
                return actions, data[i:]
            action = _ARROWS.get(data[j])
            actions += [action] if action else []
            i = j + 1
        else:  # ESC and a key (Alt-key): skip the ESC
            i += 1
    return actions, ""


def _faster(speed: float) -> float:
    return next((s for s in SPEEDS if s > speed), speed)


def _slower(speed: float) -> float:
    return next((s for s in reversed(SPEEDS) if s < speed), speed)


def apply_key(state: ReplayState, action: str, timeline: ReplayTimeline) -> ReplayState:
    """The state after ``action``:

    - ``pause``: pause or play; at the end, play again from the start;
    - ``faster`` / ``slower``: the next speed up or down in ``SPEEDS`` (no change past either end);
    - ``previous`` / ``next``: jump to the last moment before now, or the first after now, at
      which something changes in the current view (``timeline.event_times``); before the first
      that is the start, after the last the end; playing or paused stays as it was;
    - ``toggle``: switch between ``truth`` and ``known`` at the same time;
    - ``quit``: stop.
    """
    if action == "pause":
        if state.paused and state.t_min >= timeline.end_min:
            return replace(state, t_min=0.0, paused=False)
        return replace(state, paused=not state.paused)
    if action == "faster":
        return replace(state, speed=_faster(state.speed))
    if action == "slower":
        return replace(state, speed=_slower(state.speed))
    if action == "previous":
        times = timeline.event_times(state.view)
        before = bisect_left(times, state.t_min) - 1
        return replace(state, t_min=times[before] if before >= 0 else 0.0)
    if action == "next":
        times = timeline.event_times(state.view)
        after = bisect_right(times, state.t_min)
        return replace(state, t_min=min(times[after], timeline.end_min) if after < len(times) else timeline.end_min)
    if action == "toggle":
        return replace(state, view="known" if state.view == "truth" else "truth")
    if action == "quit":
        return replace(state, quit=True)
    raise ValueError(f"unknown action {action!r}")


def advance(state: ReplayState, seconds: float, end_min: float) -> ReplayState:
    """The state ``seconds`` of real time later: ``seconds x speed / 60`` simulated minutes on,
    while playing; at ``end_min`` the replay stops there, paused."""
    if state.paused or state.quit:
        return state
    t_min = state.t_min + seconds * state.speed / 60
    if t_min >= end_min:
        return replace(state, t_min=end_min, paused=True)
    return replace(state, t_min=t_min)


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


def _feed_line(timeline: ReplayTimeline, event: dict, view: str) -> Text:
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
        body: RenderableType = Group(*(_feed_line(timeline, e, state.view) for e in events))
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


# --- the plain timeline -----------------------------------------------------------------------------
def plain_lines(timeline: ReplayTimeline, view: str, from_min: float = 0.0) -> list[str]:
    """The replay as plain text (no terminal): a header, then one line per headline event that
    becomes visible in ``view`` at or after ``from_min``, with its clock time and T+hh:mm."""
    lang = timeline.lang
    header = text(
        "replay.plain_header",
        lang,
        name=timeline.title,
        view=text(f"replay.view.{view}", lang),
        clock=timeline.clock(from_min),
    )
    lines = [header]
    for event in timeline.feed(float("inf"), view, headline_only=True):
        if timeline.visible_time(event, view) >= from_min:
            lines.append(_feed_line(timeline, event, view).plain)
    return lines


# --- the loop ---------------------------------------------------------------------------------------
INTERACTIVE = termios is not None  # keys can be read one by one (POSIX terminals)


@contextmanager
def cbreak(fd: int) -> Iterator[None]:
    """Keys arrive one at a time and unechoed while inside; the terminal is restored on the way
    out, however that happens (exception, Ctrl-C)."""
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def _read(fd: int, timeout: float) -> str:
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return ""
    return os.read(fd, 1024).decode("utf-8", errors="ignore")


def play(  # noqa: PLR0913 -- the replay, where, and its water
    timeline: ReplayTimeline,
    state: ReplayState,
    console: Console,
    fd: int,
    clock: Callable[[], float] = time.monotonic,
    water: Mapping[str, Any] | None = None,
) -> ReplayState:
    """Play the replay on ``console`` reading keys from ``fd`` until ``q`` (or Ctrl-C); returns the
    last state. ``water``: the run's basins and zones (``replay_water.water_payload``), if any."""
    from rich.live import Live

    with cbreak(fd), Live(console=console, screen=True, auto_refresh=False, transient=True) as live:
        pending = ""
        last = clock()
        while not state.quit:
            live.update(render_screen(timeline, state, *console.size, water=water), refresh=True)
            data = _read(fd, FRAME_S)
            now = clock()
            state = advance(state, now - last, timeline.end_min)
            last = now
            if not data and pending:
                pending = ""  # a lone ESC that nothing followed: the Escape key itself
            actions, pending = decode_keys(pending + data)
            for action in actions:
                state = apply_key(state, action, timeline)
    return state
