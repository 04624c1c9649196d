"""``rampsim compare``: two variants of a scenario with common random numbers, metric by metric."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..messages import text
from ..model import LoadError, load_scenario
from ..model.loading import file_kind
from .base import LANG_OPTION, CliContext, cli, free_path, replications_progress, warn_if_too_few
from .compare_played import compare_played
from .compare_table import comparison_table
from .language import IntRange


@cli.command()
@click.argument("base", type=click.Path(path_type=Path))
@click.argument("variant_file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--variant",
    "variant_name",
    default=None,
    help="A variant from BASE's `variants:` section (instead of VARIANT_FILE).",
)
@click.option(
    "--decisions",
    "decisions_file",
    type=click.Path(path_type=Path),
    default=None,
    help="The players' decisions (a decisions file, a live session's decisions.yaml): the played course against "
    "BASE's playbook-only course.",
)
@click.option(
    "-n",
    "count",
    type=IntRange(min=1),
    default=None,
    help="Replications per arm (paired); default 20, and 1 for a played course (that course alone, exact).",
)
@click.option(
    "--seed",
    type=IntRange(min=0),
    default=None,
    help="Master seed of both arms (default: BASE's; with --decisions the file's seed, else BASE's).",
)
@click.option("--workers", type=IntRange(min=1), default=None, help="Processes (default: all cores).")
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="Folder (default runs/<base>-vs-<variant>-<time>/)."
)
@LANG_OPTION
@click.pass_obj
def compare(
    ctx: CliContext, base: Path, variant_file, variant_name, decisions_file, count, seed, workers, out, local_lang
) -> None:
    """Compare BASE with VARIANT_FILE (or BASE --variant NAME): what a measure buys; or a played
    exercise (a run or session directory BASE, or BASE --decisions FILE) with its playbook-only twin.

    Both arms run N replications; replication i of both uses numpy SeedSequence(seed).spawn(N)[i].
    For each metric: the base and variant means and the mean paired difference (variant - base)
    with a 95 % confidence interval (Student's t on the differences).

    A played course was one seed: the headline is that course against the same course without the
    players' decisions (exact, no interval), and decision by decision what each changed; -n N adds
    N paired replications of both arms for the spread.
    """
    from ..analysis.compare import compare as run_comparison

    lang = ctx.choose(local_lang)
    if base.is_dir() or decisions_file is not None:
        if variant_file is not None or variant_name is not None:
            raise ctx.fail(text("played.usage", lang))
        return compare_played(ctx, base, decisions_file, count, seed, workers, out, local_lang)
    if (variant_file is None) == (variant_name is None):
        raise ctx.fail(text("compare.usage", lang))
    count = 20 if count is None else count
    if count < 2:
        raise ctx.fail(text("played.variant_n", lang))
    try:
        for path in (base, variant_file):
            if path is not None and file_kind(path) != "scenario":
                raise ctx.fail(text("compare.not_scenario", lang, path=path))
        base_scenario = load_scenario(base)
        variant = load_scenario(variant_file) if variant_file is not None else load_scenario(base, variant=variant_name)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    lang = ctx.choose(local_lang, base_scenario.spec.language)
    label = variant_name or variant_file.stem
    if out is None:
        out = free_path(Path("runs") / f"{base.stem}-vs-{label}-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    elif out.exists():
        raise ctx.fail(text("cli.output_taken", lang, path=out))
    try:
        with replications_progress(ctx, lang, 2 * count) as progress:
            result = run_comparison(base, variant_file or variant, count, seed=seed, workers=workers, progress=progress)
        result.manifest["variant"]["label"] = label
        result.save(out)
    except KeyboardInterrupt:
        raise ctx.fail(text("cli.interrupted", lang)) from None
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    title = text("compare.title", lang, base=base_scenario.name, variant=variant.name)
    ctx.out.print(comparison_table(result, title, lang, base_scenario))
    warn_if_too_few(ctx, int(result.manifest["replications"]), lang)
    ctx.out.print(text("compare.written", lang, path=out))
