"""The core ``rampsim`` commands: run, explain, ensemble, threats, plot, graph, schema."""

from __future__ import annotations

import gc
import json
import sys
from datetime import datetime
from pathlib import Path

import click

from .. import simulate
from ..analysis import OutputExistsError, Results
from ..analysis.ensemble import played_settings
from ..analysis.events_file import events_path
from ..analysis.graphinfo import graph_info
from ..analysis.water_tables import basin_names
from ..messages import format_number, text, text_count
from ..model import LoadError, load_decisions, load_graph, load_scenario, parse_duration, save_graph
from ..model.decisions import DecisionsFile
from ..model.durations import DurationError
from ..model.errors import render
from ..model.gcpause import gc_paused
from ..model.graph import GraphFile
from ..model.loading import csv_pair_folder, file_kind, graph_format
from ..model.organisations import LadderFile, OrganisationsFile
from ..model.playbook import PlaybookFile
from ..model.scenario import ScenarioFile
from ..model.synth import synthetic_graph
from ..report.explain import print_explanation
from ..report.summary import ensemble_summary_table
from ..report.terminal import print_graph_info, print_summary, print_timeline
from .base import (
    LANG_OPTION,
    CliContext,
    cli,
    free_path,
    is_ensemble_directory,
    is_run_directory,
    replications_progress,
    warn_if_too_few,
)
from .language import Choice, IntRange
from .threats_region import paired_note, print_municipal, print_ranking_row, regional_picture, write_threat_figures

DASK_OPTION = click.option(
    "--dask",
    "dask_local",
    type=Choice(["local"]),
    default=None,
    help="Run on a dask LocalCluster on this machine (--workers processes).",
)
SCHEDULER_OPTION = click.option("--scheduler", default=None, help="Run on an existing dask cluster (tcp://HOST:8786).")


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--seed", type=IntRange(min=0), default=None, help="Random seed (default: the scenario's).")
@click.option(
    "--until", "until", default=None, help="Simulate this long instead of the scenario's duration (e.g. 12h)."
)
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="Run directory (default runs/<scenario>-<time>/)."
)
@click.option("--force", is_flag=True, help="Replace --out if it is an earlier run directory.")
@click.option("--quiet", "-q", is_flag=True, help="Print only where the run was written.")
@click.option("--limit", default=40, show_default=True, help="Timeline lines to print.")
@click.option(
    "--decisions",
    "decisions_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Apply the players' decisions of this file (a live exercise's decisions.yaml).",
)
@LANG_OPTION
@click.pass_obj
def run(ctx: CliContext, scenario: Path, seed, until, out, force, quiet, limit, decisions_file, local_lang) -> None:
    """Run SCENARIO once, print its timeline and summary, and write a run directory."""
    # One run, then the process ends: the cyclic collector stays paused throughout, and what the run
    # left is frozen before it is resumed, so that no collection (nor the one at exit) rescans a heap
    # of millions of objects to free almost nothing (100,000 assets: about 7 s). The next run in the
    # same process (tests, a notebook) unfreezes it first: its cycles are then collected as usual.
    gc.unfreeze()
    with gc_paused():
        _run(ctx, scenario, seed, until, out, force, quiet, limit, decisions_file, local_lang)
        gc.freeze()


def _run(ctx: CliContext, scenario: Path, seed, until, out, force, quiet, limit, decisions_file, local_lang) -> None:
    ctx.choose(local_lang)
    until_min = _until(ctx, until)
    try:
        loaded = load_scenario(scenario)
        decisions = load_decisions(decisions_file, loaded) if decisions_file is not None else ()
    except LoadError as error:
        raise ctx.bad_input(error) from None
    lang = ctx.choose(local_lang, loaded.spec.language)
    ctx.warn(loaded.warnings)
    out = out if out is not None else _default_out(scenario, loaded.seed if seed is None else seed)
    if out.exists() and not (force and is_run_directory(out)):
        key = "cli.output_exists" if not force else "cli.not_a_run_refused"
        raise ctx.fail(text(key, lang, path=out))
    result = simulate(loaded, seed=seed, until_min=until_min, lang=lang, decisions=decisions)
    if decisions_file is not None:  # the manifest says where the decisions came from (path, SHA-256)
        result.manifest.update(played_settings((), decisions_file))
    try:
        result.save(out, overwrite=force, command=["rampsim", *sys.argv[1:]])
    except OutputExistsError:
        raise ctx.fail(text("cli.output_exists", lang, path=out)) from None
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    except KeyboardInterrupt:
        raise ctx.fail(text("cli.interrupted", lang)) from None
    if not quiet:
        file = str(events_path(out) or out / "events.csv")
        print_timeline(ctx.out, result.events_without_messages, lang, limit, file, render=result.with_messages)
        print_summary(ctx.out, result.metrics, lang, basin_names(result.basins))
    ctx.out.print(text("summary.written", lang, path=out))


def _until(ctx: CliContext, until: str | None) -> float | None:
    if until is None:
        return None
    try:
        minutes = parse_duration(until)
    except DurationError:
        problem = text("value.not_duration", ctx.lang, value=until)
        raise ctx.fail(text("cli.bad_until", ctx.lang, problem=problem)) from None
    if minutes <= 0:
        bound = render("value.range", {"value": until, "bound": ("bound.gt", {"limit": 0})}, ctx.lang)
        raise ctx.fail(f"--until: {bound}")
    return minutes


def _default_out(scenario: Path, seed: int) -> Path:
    """``runs/<scenario>-<YYYYmmdd-HHMMSS>-s<seed>``, with ``-2``, ``-3`` ... if taken."""
    base = Path("runs") / f"{scenario.stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}-s{seed}"
    return free_path(base)


@cli.command()
@click.argument("run_dir", type=click.Path(path_type=Path))
@click.argument("asset")
@LANG_OPTION
@click.pass_obj
def explain(ctx: CliContext, run_dir: Path, asset: str, local_lang) -> None:
    """Why ASSET failed in RUN_DIR and when it came back: the chain of causes, who knew what when."""
    if not is_run_directory(run_dir):
        raise ctx.fail(text("cli.not_a_run", ctx.choose(local_lang), path=run_dir))
    result = Results.load(run_dir)
    lang = ctx.choose(local_lang, result.manifest.get("language"))
    result = result.in_language(lang)
    assets = set(result.events["asset"]) | set(result.states["asset"])
    if asset not in assets and asset in set(result.assets["id"]):
        name = result.assets.set_index("id")["name"].get(asset) or asset
        ctx.out.print(text("cli.asset_untouched", lang, asset=name), markup=False)  # valid: nothing happened to it
        return
    if asset not in assets:
        assets |= set(result.assets["id"])
        from ..model.validation import suggest

        hint = suggest(asset, tuple(sorted(a for a in assets if a)))
        hint_text = render(hint[0], hint[1], lang) if hint else ""
        raise ctx.fail(text("cli.unknown_asset_in_run", lang, asset=asset, hint=hint_text))
    print_explanation(ctx.out, result, asset, lang)


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("-n", "count", type=IntRange(min=1), required=True, help="Number of replications.")
@click.option("--seed", type=IntRange(min=0), default=None, help="Master seed (default: the scenario's).")
@click.option("--workers", type=IntRange(min=1), default=None, help="Processes (default: all cores).")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Ensemble directory (default runs/<scenario>-ensemble-<time>/).",
)
@click.option("--resume", is_flag=True, help="Continue an interrupted ensemble in --out from what is on disk.")
@DASK_OPTION
@SCHEDULER_OPTION
@LANG_OPTION
@click.pass_obj
def ensemble(
    ctx: CliContext, scenario: Path, count: int, seed, workers, out, resume, dask_local, scheduler, local_lang
) -> None:
    """Run N replications of SCENARIO (seeds from numpy SeedSequence) and summarise them."""
    from ..analysis.ensemble import DaskMissing, run_ensemble

    lang = ctx.choose(local_lang)
    try:
        loaded = load_scenario(scenario)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    lang = ctx.choose(local_lang, loaded.spec.language)
    if out is None:
        out = Path("runs") / f"{scenario.stem}-ensemble-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    if out.exists() and not resume:
        raise ctx.fail(text("cli.ensemble_exists", lang, path=out))
    try:
        dask = scheduler or dask_local
        with replications_progress(ctx, lang, count) as progress:
            result = run_ensemble(
                scenario, count, seed=seed, workers=workers, out=out, resume=resume, progress=progress, dask=dask
            )
    except DaskMissing:
        raise ctx.fail(text("cli.dask_missing", lang)) from None
    except ValueError as error:  # --resume with other settings
        raise ctx.fail(str(error)) from None
    except KeyboardInterrupt:
        raise ctx.fail(text("cli.ensemble_interrupted", lang, path=out)) from None
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    ctx.out.print(ensemble_summary_table(result.summary(), lang))
    warn_if_too_few(ctx, count, lang)
    ctx.out.print(text("cli.ensemble_written", lang, path=out))


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "--incident",
    default="outage",
    show_default=True,
    help="outage, cyber.compromise (compromise), cyber.ransomware (ransomware), cyber.ddos (ddos).",
)
@click.option(
    "--targets",
    default=None,
    help="sector=energy, kind=substation, exposure=high, owner=X (comma: AND; a|b: either), or asset ids.",
)
@click.option("--sector", default=None, help="Only assets of this sector (same as --targets sector=S).")
@click.option("--kind", default=None, help="Only assets of this kind (same as --targets kind=K).")
@click.option(
    "-n",
    "count",
    type=IntRange(min=1),
    default=None,
    help="Simulate N replications per target with the scenario's response.",
)
@click.option(
    "--seed", type=IntRange(min=0), default=None, help="Master seed of the simulation (default: the scenario's)."
)
@click.option(
    "--workers", type=IntRange(min=1), default=None, help="Processes for the simulation (default: all cores)."
)
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Folder (default runs/<name>-threats/).")
@DASK_OPTION
@SCHEDULER_OPTION
@LANG_OPTION
@click.pass_obj
def threats(  # noqa: C901, PLR0912, PLR0913, PLR0915 -- debt: split when next changed
    ctx: CliContext,
    source: Path,
    incident,
    targets,
    sector,
    kind,
    count,
    seed,
    workers,
    out,
    dask_local,
    scheduler,
    local_lang,
) -> None:
    """The local threat picture: every selected asset hit, ranked by impact.

    Without -n: its permanent failure through the deterministic cascade (fast, exact). With a
    scenario and -n N: INCIDENT simulated on each target with the scenario's crisis organisation,
    N replications each (replication i of every target uses the same seed).
    """
    from ..analysis.dask_backend import DaskMissing
    from ..analysis.sweep import threat_sweep
    from ..analysis.threats import ThreatInputError, incident_type, parse_selector, select_targets, threat_picture

    lang = ctx.choose(local_lang)
    try:
        incident = incident_type(incident)
        selector = parse_selector(targets, sector=sector, kind=kind)
        is_scenario = file_kind(source) == "scenario"
        if count is not None and not is_scenario:
            raise ctx.fail(text("threats.needs_scenario", lang, path=source))
        if count is None and incident != "outage":
            raise ctx.fail(text("threats.needs_simulation", lang, incident=incident))
        if count is None and (dask_local or scheduler):
            raise ctx.fail(text("threats.dask_needs_simulation", lang))
        scenario = load_scenario(source) if is_scenario else None
        loaded = scenario.graph if scenario is not None else load_graph(source)
        if scenario is not None:
            lang = ctx.choose(local_lang, scenario.spec.language)
        chosen = select_targets(loaded, selector, incident)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    except ThreatInputError as error:
        raise ctx.fail(error.render(lang)) from None
    sweep = None
    if count is None:
        table, value = threat_picture(loaded, targets=selector), "people_affected"
    else:
        try:
            with replications_progress(ctx, lang, count * len(chosen)) as progress:
                sweep = threat_sweep(
                    scenario, incident, selector, count, seed, workers, progress, dask=scheduler or dask_local
                )
        except DaskMissing:
            raise ctx.fail(text("cli.dask_missing", lang)) from None
        except KeyboardInterrupt:
            raise ctx.fail(text("cli.interrupted", lang)) from None
        table, value = sweep.ranking, "unserved_population_hours"
    out = out or Path("runs") / f"{source.stem}-threats"
    try:
        out.mkdir(parents=True, exist_ok=True)
        table.to_csv(out / "ranking.csv", index=False, lineterminator="\n")
        table.to_parquet(out / "ranking.parquet", index=False)
        if sweep is not None:
            sweep.replications.to_parquet(out / "replications.parquet", index=False)
            (out / "manifest.json").write_text(
                json.dumps(sweep.manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        write_threat_figures(table, out, lang, value)
        regional = regional_picture(ctx, table, loaded, out, lang) if sweep is None else None
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    for row in table.head(10).itertuples(index=False):
        if sweep is None:
            print_ranking_row(ctx, "threats.exact_row", row, lang)
        else:
            low, high = (
                format_number(v, lang) if v == v else "-"
                for v in (row.unserved_population_hours_ci_low, row.unserved_population_hours_ci_high)
            )
            print_ranking_row(
                ctx,
                "threats.row",
                row,
                lang,
                hours=format_number(row.unserved_population_hours, lang),
                low=low,
                high=high,
                failed=format_number(row.assets_failed, lang, digits=1),
            )
    print_municipal(ctx, regional, lang)
    if sweep is not None:
        warn_if_too_few(ctx, count, lang)
        ctx.out.print(
            paired_note(len(chosen), count, incident, sweep.manifest["seed"], lang),
            soft_wrap=True,
            markup=False,
        )
    ctx.out.print(text("cli.threats_written", lang, path=out))


@cli.command()
@click.argument("run_or_ensemble_dir", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the figures (default RUN_OR_ENSEMBLE_DIR/figures).",
)
@click.option("--format", "fmt", type=Choice(["png", "svg", "pdf"]), default="png", show_default=True)
@LANG_OPTION
@click.pass_obj
def plot(ctx: CliContext, run_or_ensemble_dir: Path, out, fmt: str, local_lang) -> None:
    """Figures of a run (status timeline by sector, people served per service, the cascade) or of an
    ensemble (failure probability per asset, first-failure times, distributions of key metrics)."""
    import matplotlib

    matplotlib.use("Agg")
    from ..report.figures import save_ensemble_figures, save_figures

    directory = run_or_ensemble_dir
    ensemble = is_ensemble_directory(directory)
    if not ensemble and not is_run_directory(directory):
        raise ctx.fail(text("cli.not_a_run_or_ensemble", ctx.choose(local_lang), path=directory))
    result = Results.load(directory)
    scenario_language = (result.manifest.get("scenario") or {}).get("resolved", {}).get("language")
    lang = ctx.choose(local_lang, result.manifest.get("language") or scenario_language)
    out = out or directory / "figures"
    try:
        (save_ensemble_figures if ensemble else save_figures)(result, out, fmt, lang)
    except OSError as error:
        raise ctx.cannot_write(out, error) from None
    ctx.out.print(text("cli.figures_written", lang, path=out))


@cli.group()
def graph() -> None:
    """Inspect, convert and generate infrastructure graphs."""


@graph.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_obj
def graph_convert(ctx: CliContext, source: Path, target: Path) -> None:
    """Convert a graph between YAML, node-link JSON (.json), GraphML (.graphml) and a CSV pair (a folder)."""
    try:
        loaded = load_graph(source)
        _check_target(ctx, target)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    _save(ctx, loaded, target)


@graph.command("info")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the facts as JSON.")
@LANG_OPTION
@click.pass_obj
def graph_info_command(ctx: CliContext, source: Path, as_json: bool, local_lang) -> None:
    """Counts per sector, dependency cycles, assets nobody depends on, single points on power."""
    lang = ctx.choose(local_lang)
    try:
        loaded = load_scenario(source).graph if file_kind(source) == "scenario" else load_graph(source)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    info = graph_info(loaded)
    info.name = info.name or source.stem
    if as_json:
        click.echo(json.dumps(info.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_graph_info(ctx.out, info, lang)


@graph.command("synth")
@click.option("--assets", "count", type=IntRange(min=20), required=True, help="Number of assets (at least 20).")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File to write (.json recommended).")
@click.option("--seed", type=IntRange(min=0), default=0, show_default=True)
@click.pass_obj
def graph_synth(ctx: CliContext, count: int, out: Path, seed: int) -> None:
    """Generate a synthetic supply-tree graph (for benchmarks and scaling tests)."""
    try:
        _check_target(ctx, out)
    except LoadError as error:
        raise ctx.bad_input(error) from None
    _save(ctx, synthetic_graph(count, seed=seed), out)


def _check_target(ctx: CliContext, target: Path) -> None:
    """Refuse an unknown target type, or a CSV pair into a run or ensemble directory (whose
    assets.csv it would overwrite), before writing anything (a folder means a CSV pair)."""
    if target.suffix:
        graph_format(target, writing=True)
    if target.suffix.lower() in ("", ".csv"):
        folder = csv_pair_folder(target)
        if is_run_directory(folder) or is_ensemble_directory(folder):
            raise ctx.fail(text("cli.pair_into_run", ctx.lang, path=folder))


def _save(ctx: CliContext, graph, target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        save_graph(graph, target)
    except OSError as error:
        raise ctx.cannot_write(target, error) from None
    written = csv_pair_folder(target) if target.suffix.lower() == ".csv" else target
    ctx.out.print(text_count("cli.converted", len(graph), ctx.lang, path=written))


_SCHEMAS = {
    "scenario": ScenarioFile,
    "graph": GraphFile,
    "organisations": OrganisationsFile,
    "ladder": LadderFile,
    "playbook": PlaybookFile,
    "decisions": DecisionsFile,
}


@cli.command()
@click.argument("kind", type=Choice(tuple(_SCHEMAS)), default="scenario")
def schema(kind: str) -> None:
    """Print the JSON Schema of a scenario, graph, organisation, ladder, playbook or decisions file."""
    document = _SCHEMAS[kind].model_json_schema(by_alias=True, mode="validation")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = f"rampsim {kind} file"
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
