"""The terminal replay (``rampsim replay RUN_DIR``): a run played back on a rich live screen.

Three pure parts, each testable without a terminal, and one loop that joins them:

- ``replay_keys``: ``decode_keys`` (the bytes a terminal sends -> actions), ``apply_key`` and
  ``advance`` ((state, action) -> state and (state, real seconds) -> state);
- ``replay_screen``: ``render_screen`` ((timeline, state, water) -> a rich renderable; the water:
  ``replay_gauges``);
- ``replay_plain``: ``plain_lines``, the timeline for output that is not a terminal.

``play`` (here) runs them: it puts the terminal in cbreak mode (keys arrive one by one, unechoed;
Ctrl-C still interrupts), redraws about ten times a second, and restores the terminal however it
ends. The names of the three parts are re-exported here.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from rich.console import Console

from ..analysis.replay import ReplayTimeline
from .replay_keys import ACTIONS, MAX_SPEED, SPEEDS, ReplayState, advance, apply_key, decode_keys
from .replay_plain import plain_lines
from .replay_screen import SYMBOLS, elapsed_text, render_screen

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
    "SYMBOLS",
    "ReplayState",
    "decode_keys",
    "apply_key",
    "advance",
    "render_screen",
    "plain_lines",
    "play",
    "elapsed_text",
]

FRAME_S = 0.1  # seconds between redraws

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
