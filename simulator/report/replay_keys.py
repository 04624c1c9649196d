"""The terminal replay's keys and state, pure: ``decode_keys`` (the bytes a terminal sends ->
actions; arrow keys as ``ESC [ C/D`` or, in application cursor mode as tmux may send them,
``ESC O C/D``), ``apply_key`` ((state, action) -> state) and ``advance`` ((state, real seconds) ->
state).

Speed is in simulated seconds per real second: 60 plays one simulated minute per second, one
simulated hour per real minute. Times are minutes after the scenario start.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..analysis.replay import ReplayTimeline

__all__ = ["ACTIONS", "SPEEDS", "MAX_SPEED", "ReplayState", "decode_keys", "apply_key", "advance"]

# the speeds + and - step through (simulated seconds per real second); --speed may be any value in (0, MAX_SPEED]
SPEEDS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400)
MAX_SPEED = SPEEDS[-1]

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
