"""``rampsim pack``: a scenario and every file it references in one zip, to hand to another municipality."""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__
from ..messages import text, text_count
from ..model import LoadError, load_scenario
from ..model.bundle import write_pack
from ..model.scenario_loading import scenario_variants
from .base import LANG_OPTION, CliContext, cli


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), required=True, help="The zip to write (case.zip).")
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@LANG_OPTION
@click.pass_obj
def pack(ctx: CliContext, scenario: Path, out: Path, force: bool, local_lang) -> None:
    """Bundle SCENARIO with its graph, includes, organisations, ladder and playbooks (and those of
    its variants) and a manifest with hashes; `rampsim run/validate case.zip` read it."""
    lang = ctx.choose(local_lang)
    try:
        loaded = load_scenario(scenario)
        lang = ctx.choose(local_lang, loaded.spec.language)
        sources = [s.path for s in loaded.sources]
        for name in scenario_variants(scenario):
            sources += [s.path for s in load_scenario(scenario, variant=name).sources]
    except LoadError as error:
        raise ctx.bad_input(error) from None
    if out.suffix.lower() != ".zip":
        raise ctx.fail(text("pack.out_not_zip", lang, path=out))
    if out.exists() and not force:
        raise ctx.fail(text("pack.exists", lang, path=out))
    try:
        manifest = write_pack(scenario, sources, out, __version__)
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    written = text_count("pack.written", len(manifest["files"]), lang, path=out)
    ctx.out.print(written, soft_wrap=True, markup=False)
    for entry in manifest["files"]:
        ctx.out.print(f"  {entry['path']}  {entry['sha256'][:12]}", soft_wrap=True, markup=False)
