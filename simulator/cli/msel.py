"""``rampsim msel``: the inject list (MSEL) of a run for exercise control, as .xlsx or .csv."""

from __future__ import annotations

from pathlib import Path

import click

from ..analysis import Results
from ..analysis.shown import shown_note
from ..messages import text, text_count
from ..report.msel import MSEL_SUFFIXES, write_msel
from .base import LANG_OPTION, CliContext, cli, is_run_directory


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="msel.xlsx or msel.csv: the format follows the suffix (default RUN_DIR/msel.xlsx).",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@LANG_OPTION
@click.pass_obj
def msel(ctx: CliContext, run_dir: Path, out: Path | None, force: bool, local_lang) -> None:
    """The inject list (MSEL) of RUN_DIR: one inject per moment the crisis organisation became aware of something."""
    lang = ctx.choose(local_lang)
    if not is_run_directory(run_dir):
        raise ctx.fail(text("cli.not_a_run", lang, path=run_dir))
    out = out if out is not None else run_dir / "msel.xlsx"
    if out.suffix.lower() not in MSEL_SUFFIXES:
        raise ctx.fail(text("msel.cli.bad_suffix", lang, path=out, allowed=", ".join(MSEL_SUFFIXES)))
    if (out.exists() or out.is_symlink()) and not force:
        raise ctx.fail(text("msel.cli.exists", lang, path=out))
    result = Results.load(run_dir)
    lang = ctx.choose(local_lang, result.manifest.get("language"))
    try:
        count = write_msel(result, out, lang)
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    ctx.out.print(text_count("msel.cli.written", count, lang, path=out))
    note = shown_note(result, lang)
    if note:  # a large run: the list holds the moments of the assets that matter most
        ctx.out.print(note)
