"""``rampsim compare RUN_DIR`` and ``rampsim compare SCENARIO --decisions FILE``: a played exercise
against its playbook-only twin, headline and decision by decision (``simulator.analysis.played``)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from rich.table import Table
from rich.text import Text

from ..analysis.eventtext import duration_text
from ..analysis.played import PlayedInputError, played_from_file, played_input
from ..analysis.played import compare_played as run_played
from ..analysis.tables import WallClockText
from ..messages import text
from ..model import LoadError, load_scenario
from ..model.loading import file_kind
from ..report.debrief_decisions import change_text, decision_names, figure_label, figure_value
from .base import CliContext, free_path, is_run_directory, replications_progress, warn_if_too_few

__all__ = ["compare_played"]


def compare_played(  # noqa: C901, PLR0912 -- debt: split when next changed
    ctx: CliContext, base: Path, decisions_file: Path | None, count, seed, workers, out, local_lang
) -> None:
    """The played course (BASE a run directory, or BASE a scenario with --decisions) against the
    playbook-only course at its seed; with -n N >= 2 also N paired replications of both."""
    lang = ctx.choose(local_lang)
    n = 1 if count is None else count
    try:
        if decisions_file is None:
            if not is_run_directory(base):
                raise ctx.fail(text("played.not_a_run", lang, path=base))
            played = played_input(base)
            if seed is not None and seed != played.seed:
                raise ctx.fail(text("played.seed_fixed", lang, path=base, seed=played.seed))
        else:
            if base.is_dir() or file_kind(base) != "scenario":
                raise ctx.fail(text("compare.not_scenario", lang, path=base))
            played = played_from_file(load_scenario(base), decisions_file, seed)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    except PlayedInputError as error:
        raise ctx.fail(text(error.key, lang, **error.params)) from None
    except (OSError, ValueError, KeyError) as error:  # a manifest rampsim did not write
        raise ctx.fail(text("report.unreadable_run", lang, path=base, reason=error)) from None
    lang = ctx.choose(local_lang, played.lang or played.scenario.spec.language)
    if out is None:
        stem = base.name if decisions_file is None else base.stem
        out = free_path(Path("runs") / f"{stem}-played-vs-playbook-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
    if out.exists():
        raise ctx.fail(text("cli.output_taken", lang, path=out))
    try:
        with replications_progress(ctx, lang, 2 * n, show=n >= 2) as progress:
            result = run_played(played, n, workers=workers, progress=progress, lang=lang)
        result.save(out, command=["rampsim", *sys.argv[1:]])
    except KeyboardInterrupt:
        raise ctx.fail(text("cli.interrupted", lang)) from None
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    if result.reproduced is False:
        ctx.out.print(Text(text("played.not_reproduced", lang), style="yellow"))
    ctx.out.print(_headline(result, lang))
    ctx.out.print(_decisions(result, lang))
    if result.comparison is not None:
        from .compare_table import comparison_table  # the ensemble table of rampsim compare

        title = text("played.ensemble_title", lang, n=n)
        caption = text("played.ensemble_caption", lang, n=n, seed=played.seed)
        ctx.out.print(comparison_table(result.comparison, title, lang, played.scenario, caption))
        warn_if_too_few(ctx, n, lang)
    ctx.out.print(text("played.written", lang, path=out))


def _headline(result, lang: str) -> Table:
    table = Table(
        title=Text(text("played.title", lang, name=result.manifest["scenario"]["name"])),
        caption=Text(text("played.caption", lang, seed=result.manifest["seed"])),
    )
    table.add_column(text("compare.col.metric", lang))
    for key in ("played.col.playbook_only", "played.col.played", "compare.col.difference"):
        table.add_column(text(key, lang), justify="right")
    for row in result.effects.course.itertuples(index=False):
        table.add_row(
            figure_label(row.metric, lang),
            figure_value(row.metric, row.playbook_only, lang),
            figure_value(row.metric, row.played, lang),
            figure_value(row.metric, row.difference, lang, signed=True),
        )
    return table


def _decisions(result, lang: str) -> Table:
    clock = WallClockText(result.played.scenario_start())
    names = decision_names(result.played.events)
    table = Table()
    for key in ("played.col.decision", "played.col.who", "played.col.when", "played.col.action", "played.col.changed"):
        table.add_column(text(key, lang))
    for _, row in result.effects.table.iterrows():
        targets = f": {row['target']}" if row["target"] else ""
        minute = float(row["minute"])
        table.add_row(
            str(row["decision"]),
            names.get(str(row["decision"])) or str(row["by"]),
            f"{clock(minute)[11:16]} (+{duration_text(round(minute), lang)})",
            text(f"actiontype.{row['action']}", lang) + (f" {row['detail']}" if row["detail"] else "") + targets,
            Text(change_text(row, lang), style="" if row["taken"] else "red"),
        )
    return table
