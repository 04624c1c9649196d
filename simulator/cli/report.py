"""``rampsim report``: the debrief page of a run, one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from ..analysis import Results
from ..messages import text
from ..report.debrief import write_report
from .base import LANG_OPTION, CliContext, cli, is_run_directory


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="HTML file to write (default RUN_DIR/report.html)."
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="Chains of causes for this many assets of each ranking.",
)
@LANG_OPTION
@click.pass_obj
def report(ctx: CliContext, run_dir: Path, out: Path | None, top: int, local_lang) -> None:
    """The debrief page of RUN_DIR: scenario, key metrics, deadlines, impact per portfolio, chains of causes,
    figures, timeline."""
    if not is_run_directory(run_dir):
        raise ctx.fail(text("cli.not_a_run", ctx.choose(local_lang), path=run_dir))
    try:
        result = Results.load(run_dir)
    except (OSError, ValueError, KeyError) as error:
        raise ctx.fail(text("report.unreadable_run", ctx.choose(local_lang), path=run_dir, reason=error)) from None
    lang = ctx.choose(local_lang, result.manifest.get("language"))
    out = out if out is not None else run_dir / "report.html"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_report(result, out, lang, top)
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    except (ValueError, KeyError) as error:  # a manifest or table that rampsim did not write
        raise ctx.fail(text("report.unreadable_run", lang, path=run_dir, reason=error)) from None
    ctx.out.print(text("report.written", lang, path=out))
