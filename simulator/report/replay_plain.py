"""The replay as plain lines, for output that is not a terminal (``rampsim replay RUN_DIR >
file``, or where there is no terminal control). Times are minutes after the scenario start.
"""

from __future__ import annotations

from ..analysis.replay import ReplayTimeline
from ..messages import text
from .replay_screen import feed_line

__all__ = ["plain_lines"]


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
            lines.append(feed_line(timeline, event, view).plain)
    return lines
