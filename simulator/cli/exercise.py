"""``rampsim exercise SCENARIO``: play a scenario live in the browser, exercise control and players."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from ..analysis.exercise import Exercise
from ..analysis.session import Session, SessionError, SessionState
from ..messages import os_reason, text
from ..model import LoadError, load_scenario
from ..model.durations import format_duration
from ..report.live.hub import MAX_SPEED, Hub
from .base import LANG_OPTION, CliContext, cli, free_path
from .language import NUMBER, IntRange


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option(
    "--speed",
    type=NUMBER,
    default=60.0,
    show_default=True,
    help="Simulated minutes per real minute: 60 plays one simulated minute per second.",
)
@click.option(
    "--seed", type=IntRange(min=0), default=None, help="Random seed (default: the scenario's, or the session's)."
)
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; 0.0.0.0 for players on other laptops."
)
@click.option("--port", type=IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option(
    "--session",
    "session_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Session directory; an existing one is resumed (default runs/<scenario>-exercise-<time>/).",
)
@LANG_OPTION
@click.pass_obj
def exercise(
    ctx: CliContext, scenario: Path, speed: float, seed, host: str, port: int, session_dir: Path | None, local_lang
) -> None:
    """Serve SCENARIO as a live exercise: exercise control sees everything and runs the clock,
    each team and organisation sees what it knows and decides; decisions change the course.

    The clock starts paused. Every decision is written to the session directory as it arrives; at
    the end that directory is also a run directory (rampsim report, replay, explain, msel)."""
    from ..report.live.app import listening_socket, serve  # Starlette and uvicorn only when serving

    ctx.choose(local_lang)
    try:
        loaded = load_scenario(scenario)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    lang = ctx.choose(local_lang, loaded.spec.language)
    if not 0 < speed <= MAX_SPEED:
        raise ctx.fail(text("live.cli.bad_speed", lang, value=f"{speed:g}", most=f"{MAX_SPEED:g}"))
    path = session_dir if session_dir is not None else _default_session(scenario)
    try:
        resumed = Session.exists(path)
        if resumed:
            session, state = Session.open(path, loaded, seed=seed, lang=local_lang or ctx.explicit)
            lang = session.lang
        else:
            fresh = Exercise(loaded, seed=seed)
            session = Session.create(path, loaded, fresh.seed, lang, speed, [p.id for p in fresh.parties()])
            state = SessionState(speed=speed)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    except SessionError as error:
        raise ctx.fail(text(error.key, lang, **error.params)) from None
    except OSError as error:
        raise ctx.cannot_write(path, error) from None
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        raise ctx.fail(text("live.cli.port_busy", lang, host=host, port=port, reason=os_reason(error, lang))) from None
    hub = Hub(session, state, command=["rampsim", *sys.argv[1:]])
    bound_port = sock.getsockname()[1]
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://{shown}:{bound_port}"
    out = ctx.out
    out.print(text("live.cli.session", lang, path=path))
    if resumed:
        out.print(
            text(
                "live.cli.resumed",
                lang,
                minute=format_duration(hub.ex.now),
                clock=hub.clock()["clock"],
                decisions=len(hub.ex.decisions),
                deliveries=len(hub.deliveries),
            )
        )
    out.print(text("live.cli.control", lang))
    click.echo(f"  {base}/control?token={session.tokens['control']}")
    out.print(text("live.cli.players", lang))
    for party in hub.parties.values():
        click.echo(f"  {party.name} ({party.id}): {base}/play/{party.id}?token={session.party_token(party.id)}")
    if shown != host:
        out.print(text("live.cli.all_interfaces", lang, host=shown))
    out.print(text("live.cli.listening", lang, host=host, port=bound_port, path=path))
    sys.stdout.flush()
    serve(hub, sock)
    if hub.ended:
        out.print(text("live.cli.ended", lang, path=path))


def _default_session(scenario: Path) -> Path:
    """``runs/<scenario>-exercise-<YYYYmmdd-HHMMSS>``, with ``-2``, ``-3`` ... if taken."""
    base = Path("runs") / f"{scenario.stem}-exercise-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    return free_path(base)
