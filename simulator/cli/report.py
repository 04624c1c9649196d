"""``rampsim report``: the debrief page of a run, one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from ..analysis import Results
from ..analysis.played import read_played_comparison
from ..messages import text
from ..report.debrief import write_report
from ..report.debrief_decisions import PlayedTables
from .base import LANG_OPTION, CliContext, cli, is_played_comparison, is_run_directory
from .language import IntRange


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="HTML file to write (default RUN_DIR/report.html)."
)
@click.option(
    "--top",
    type=IntRange(min=1),
    default=3,
    show_default=True,
    help="Chains of causes for this many assets of each ranking.",
)
@LANG_OPTION
@click.pass_obj
def report(ctx: CliContext, run_dir: Path, out: Path | None, top: int, local_lang) -> None:
    """The debrief page of RUN_DIR: scenario, key metrics, what the players' decisions bought or cost,
    deadlines, impact per portfolio, chains of causes, figures, timeline.

    RUN_DIR may also be the folder of `rampsim compare RUN_DIR` (a played course against its
    playbook-only twin): the page is then the played course's, with the comparison."""
    played = None
    try:
        if is_played_comparison(run_dir):
            course, effects, manifest = read_played_comparison(run_dir)
            comparison = (
                pd.read_parquet(run_dir / "comparison.parquet") if manifest.get("replications", 1) > 1 else None
            )
            played = PlayedTables(course, effects, manifest, comparison)
            source = run_dir / "played"
        elif is_run_directory(run_dir):
            source = run_dir
        else:
            raise ctx.fail(text("cli.not_a_run", ctx.choose(local_lang), path=run_dir))
        result = Results.load(source)
    except (OSError, ValueError, KeyError) as error:
        raise ctx.fail(text("report.unreadable_run", ctx.choose(local_lang), path=run_dir, reason=error)) from None
    lang = ctx.choose(local_lang, result.manifest.get("language"))
    out = out if out is not None else run_dir / "report.html"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_report(result, out, lang, top, played)
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    except (ValueError, KeyError) as error:  # a manifest or table that rampsim did not write
        raise ctx.fail(text("report.unreadable_run", lang, path=run_dir, reason=error)) from None
    ctx.out.print(text("report.written", lang, path=out))
