"""``rampsim cases [DIR]`` lists the library of real cases with their bands; ``rampsim cases check
[DIR]`` runs each as a small ensemble and judges every band (analysis/cases.py)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from ..analysis.cases import VERDICTS, CaseCheck, check_cases, load_cases
from ..analysis.eventtext import duration_text
from ..messages import format_number, text, text_count
from ..model import LoadError
from ..model.outcomes import OUTCOME_METRICS, Outcome
from ..model.scenario import Scenario
from .base import LANG_OPTION, CliContext, cli, warn_if_too_few
from .language import Group, IntRange

DEFAULT_FOLDER = Path("scenarios") / "casuistiek"
# Few replications: a case check shows where rampsim stands, not a precise estimate (README).
DEFAULT_RUNS = 20


class _CasesGroup(Group):
    """``rampsim cases [DIR]`` and ``rampsim cases check [DIR]``: a first argument that is not a
    subcommand is the folder to list."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return ["[OPTIONS] [DIR] | check [DIR] [-n N] [--seed S] [--out FILE]"]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest, i = list(args), 0
        while i < len(rest):
            if rest[i] == "--lang":  # the group's one option with a value
                i += 2
            elif rest[i].startswith("-"):
                i += 1
            else:
                if rest[i] not in self.commands:
                    ctx.meta["cases_folder"] = Path(rest.pop(i))
                break
        return super().parse_args(ctx, rest)


def _value_text(value: float, outcome: Outcome, lang: str) -> str:
    """A value in the metric's unit as people read it: a duration for time metrics."""
    quantity = OUTCOME_METRICS[outcome.metric]
    if quantity == "time":
        # whole minutes, whole hours from a day on: seconds say nothing in a band check
        return duration_text(round(value) if value < 1440 else round(value / 60) * 60, lang)
    digits = 0 if float(value).is_integer() or abs(value) >= 100 else 1
    if quantity == "level":
        return f"{text('cases.unit.grip', lang)} {format_number(value, lang, digits=digits)}"
    return f"{format_number(value, lang, digits=digits)} {text(f'cases.unit.{outcome.unit}', lang)}"


def _band_text(outcome: Outcome, lang: str) -> str:
    if outcome.low == outcome.high:
        return _value_text(outcome.low_value, outcome, lang)
    return text(
        "cases.band",
        lang,
        low=_value_text(outcome.low_value, outcome, lang),
        high=_value_text(outcome.high_value, outcome, lang),
    )


def _metric_text(outcome: Outcome) -> str:
    return f"{outcome.metric}[{outcome.asset}]" if outcome.asset else outcome.metric


def cases_language(cases: list[Scenario]) -> str | None:
    """The language the cases declare (``language:``) when they agree on one; None otherwise."""
    declared = {scenario.spec.language for scenario in cases}
    return declared.pop() if len(declared) == 1 else None


def _load(ctx: CliContext, folder: Path, lang: str) -> list[Scenario]:
    if not folder.is_dir():
        raise ctx.fail(text("cases.not_a_folder", lang, path=folder))
    try:
        cases = load_cases(folder)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    if not cases:
        raise ctx.fail(text("cases.none", lang, path=folder))
    return cases


@cli.group(cls=_CasesGroup, invoke_without_command=True)
@LANG_OPTION
@click.pass_context
def cases(click_ctx: click.Context, local_lang) -> None:
    """List the real cases in DIR (default scenarios/casuistiek) with their reported outcome bands;
    `rampsim cases check [DIR]` runs them against the bands."""
    ctx: CliContext = click_ctx.obj
    if local_lang:
        ctx.choose(local_lang)
    if click_ctx.invoked_subcommand is not None:
        return
    folder = click_ctx.meta.get("cases_folder", DEFAULT_FOLDER)
    loaded = _load(ctx, folder, ctx.lang)
    lang = ctx.choose(local_lang, cases_language(loaded))  # headings in the language of the cases' own words
    table = Table(title=text("cases.title", lang, path=folder), show_lines=True)
    for column in ("file", "case", "outcome", "metric", "band", "sources"):
        table.add_column(text(f"cases.col.{column}", lang), overflow="fold")  # ids folded, never cut off
    for scenario in loaded:
        spec = scenario.spec
        sources = "\n".join(f"{s.publisher} ({s.year})" for s in spec.sources)
        for number, outcome in enumerate(spec.outcomes):
            first = number == 0
            cells = (
                scenario.path.name if first and scenario.path else "",
                scenario.name if first else "",
                outcome.says or outcome.id,
                _metric_text(outcome),
                _band_text(outcome, lang),
                sources if first else "",
            )
            table.add_row(*(escape(cell) for cell in cells))  # ids in [brackets] are not markup
    ctx.out.print(table)


@cases.command("check")
@click.argument("folder", required=False, type=click.Path(path_type=Path))
@click.option("-n", "runs", type=IntRange(min=1), default=DEFAULT_RUNS, show_default=True, help="Runs per case.")
@click.option("--seed", type=IntRange(min=0), default=None, help="Master seed (default: each case's own).")
@click.option("--workers", type=IntRange(min=1), default=1, show_default=True, help="Processes.")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Also write the table as .csv or .json.")
@LANG_OPTION
@click.pass_context
def cases_check(click_ctx: click.Context, folder, runs: int, seed, workers: int, out, local_lang) -> None:
    """Run every case of FOLDER N times and judge each reported outcome: inside, overlaps or
    outside its band. Exit 0 also when a case is outside its band (a finding); 2 on bad input."""
    ctx: CliContext = click_ctx.obj
    lang = ctx.choose(local_lang) if local_lang else ctx.lang
    folder = folder or click_ctx.meta.get("cases_folder", DEFAULT_FOLDER)  # meta is shared with the group
    loaded = _load(ctx, folder, lang)  # reads the files only: a bad --out is still refused before any run
    lang = ctx.choose(local_lang, cases_language(loaded))  # the table, tally and rule in the cases' language
    if out is not None and out.suffix.lower() not in (".csv", ".json"):
        raise ctx.fail(text("cases.out_suffix", lang, path=out))
    checks = check_cases(loaded, runs, seed, workers)
    _print_checks(ctx, checks, runs, seed, lang)
    warn_if_too_few(ctx, runs, lang)  # a verdict on the range of so few runs is an impression
    if out is not None:
        _write(ctx, out, checks)
        ctx.out.print(text("cases.written", lang, path=out), soft_wrap=True, markup=False)


def _print_checks(ctx: CliContext, checks: list[CaseCheck], runs: int, seed: int | None, lang: str) -> None:
    runs_text = text_count("cases.runs", runs, lang)
    if seed is None:
        title = text("cases.check_title_own_seed", lang, runs=runs_text)
    else:
        title = text("cases.check_title", lang, runs=runs_text, seed=seed)
    table = Table(title=title)
    for column in ("case", "metric", "band", "median", "range", "verdict"):
        table.add_column(text(f"cases.col.{column}", lang), overflow="fold")
    previous = None
    for check in checks:
        o = check.outcome
        if check.p50 is None or check.p5 is None or check.p95 is None:
            median, spread = "–", "–"
        else:
            median = _value_text(check.p50, o, lang)
            spread = text("cases.range", lang, low=_value_text(check.p5, o, lang), high=_value_text(check.p95, o, lang))
        cells = (
            check.case if check.case != previous else "",
            _metric_text(o),
            _band_text(o, lang),
            median,
            spread,
            text(f"cases.verdict.{check.verdict}", lang),
        )
        table.add_row(*(escape(cell) for cell in cells))
        previous = check.case
    ctx.out.print(table)
    counts = {v: sum(1 for c in checks if c.verdict == v) for v in VERDICTS}
    total = text_count("cases.outcomes", len(checks), lang)
    ctx.out.print(
        text(
            "cases.tally",
            lang,
            total=total,
            inside=counts["inside"],
            overlaps=counts["overlaps"],
            outside=counts["outside"],
            none=counts["no_value"],
        ),
        soft_wrap=True,
        markup=False,
    )
    ctx.out.print(text("cases.verdict_rule", lang), soft_wrap=True, markup=False)
    if counts["outside"]:
        ctx.out.print(text("cases.outside_is_finding", lang), soft_wrap=True, markup=False)


def _write(ctx: CliContext, out: Path, checks: list[CaseCheck]) -> None:
    """The table as CSV or JSON, written whole or not at all."""
    rows = [c.row() for c in checks]
    if out.suffix.lower() == ".json":
        content = json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["case"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        content = buffer.getvalue()
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, out)
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise ctx.cannot_write(out, error) from None
