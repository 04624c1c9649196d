"""``rampsim replay RUN_DIR``: play a run back in the terminal, or write it as one HTML page.

The terminal player (``report.replay_terminal``, which needs POSIX terminal control) is imported
by this command only, so that every other command works where ``termios`` does not exist; there
the replay prints its timeline as plain lines.
"""

from __future__ import annotations

import re
import sys
from datetime import time
from pathlib import Path

import click

from ..analysis import Results
from ..analysis.replay import VIEWS, ReplayTimeline, replay_timeline
from ..messages import text
from .base import LANG_OPTION, CliContext, cli, is_run_directory
from .language import NUMBER, Choice

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--speed",
    type=NUMBER,
    default=60.0,
    show_default=True,
    help="Simulated seconds per real second: 60 plays one simulated hour per real minute.",
)
@click.option(
    "--from",
    "from_clock",
    default=None,
    metavar="HH:MM",
    help="Start at this clock time (the first time it comes after the scenario start).",
)
@click.option(
    "--view",
    type=Choice(VIEWS),
    default="truth",
    show_default=True,
    help="truth: what happened; known: what the crisis organisation knew at the time.",
)
@click.option(
    "--html",
    "html",
    type=click.Path(path_type=Path),
    default=None,
    help="Write a self-contained HTML page with the replay instead of playing it here.",
)
@LANG_OPTION
@click.pass_obj
def replay(
    ctx: CliContext, run_dir: Path, speed: float, from_clock: str | None, view: str, html: Path | None, local_lang
) -> None:
    """Replay RUN_DIR: the clock, the GRIP level, the water, the assets by sector and the events as they came.

    Keys: space pause/play, + and - speed, left and right previous/next event, t ground truth or
    what was known, q quit. Output that is not a terminal gets the timeline as plain lines, with the basins' levels.
    """
    from ..report.replay_terminal import INTERACTIVE, MAX_SPEED, ReplayState, plain_lines, play

    if not is_run_directory(run_dir):
        raise ctx.fail(text("cli.not_a_run", ctx.choose(local_lang), path=run_dir))
    results = Results.load(run_dir)
    lang = ctx.choose(local_lang, results.manifest.get("language"))
    if not 0 < speed <= MAX_SPEED:
        raise ctx.fail(text("replay.bad_speed", lang, value=f"{speed:g}", most=MAX_SPEED))
    timeline = replay_timeline(results, lang)
    start_min = _start_minute(ctx, timeline, from_clock, lang)
    if html is not None:
        from ..report.replay_html import write_replay_html

        try:
            written = write_replay_html(results, html, lang, view=view, start_min=start_min, speed=speed)
        except OSError as error:
            raise ctx.cannot_write(html, error) from None
        click.echo(text("replay.html_written", lang, path=written or html))
        return
    from ..report.replay_water import water_payload

    water = water_payload(results)
    if not (INTERACTIVE and sys.stdout.isatty() and sys.stdin.isatty()):
        for line in plain_lines(timeline, view, start_min, water):
            click.echo(line)
        return
    state = ReplayState(t_min=start_min, speed=speed, view=view)
    try:
        play(timeline, state, ctx.out, sys.stdin.fileno(), water=water)
    except KeyboardInterrupt:
        pass  # Ctrl-C quits like q; the terminal has been restored on the way out


def _start_minute(ctx: CliContext, timeline: ReplayTimeline, value: str | None, lang: str) -> float:
    """Minutes after the start of the first moment at or after the start with clock time ``value``."""
    from ..report.replay_terminal import elapsed_text

    if value is None:
        return 0.0
    match = _CLOCK.fullmatch(value.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ctx.fail(text("replay.bad_from", lang, value=value))
    minutes = timeline.first_minute_at(time(int(match[1]), int(match[2])))
    if minutes > timeline.end_min:
        end = timeline.end_min
        raise ctx.fail(
            text("replay.from_after_end", lang, value=value, clock=timeline.clock(end), elapsed=elapsed_text(end))
        )
    return minutes
