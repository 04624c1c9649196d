"""The ``rampsim`` command: thin wrappers that parse arguments, call the layers and print."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import click
from rich.console import Console

from . import simulate
from .analysis import OutputExistsError
from .analysis.graphinfo import graph_info
from .messages import LANGUAGES, default_language, text
from .model import LoadError, load_graph, load_organisations, load_scenario, parse_duration, save_graph
from .model.durations import DurationError
from .model.errors import Problem, render
from .model.graph import GraphFile
from .model.loading import graph_format
from .model.organisations import OrganisationsFile
from .model.scenario import ScenarioFile
from .model.synth import synthetic_graph
from .model.yamlfile import load_yaml
from .report.terminal import print_graph_info, print_summary, print_timeline

__all__ = ["main", "cli"]

EXIT_BAD_INPUT = 2


class _Context:
    def __init__(self, lang: str):
        self.lang = lang
        self.out = Console(highlight=False)

    def fail(self, message: str) -> click.exceptions.Exit:
        """Print ``message`` to stderr unwrapped (file:line must stay greppable); exit status 2."""
        click.secho(message, err=True, fg="red")
        return click.exceptions.Exit(EXIT_BAD_INPUT)


def _bad_input(ctx: _Context, error: LoadError) -> click.exceptions.Exit:
    return ctx.fail(error.render(ctx.lang))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGUAGES), default=None, help="Language of messages (default: $RAMPSIM_LANG or en).")
@click.version_option(package_name="rampsim")
@click.pass_context
def cli(click_ctx: click.Context, lang: str | None) -> None:
    """rampsim: simulate disaster-exercise scenarios (rampenoefeningen) for Dutch municipalities."""
    click_ctx.obj = _Context(lang or default_language())


@cli.command()
@click.argument("scenario", type=click.Path(path_type=Path))
@click.option("--seed", type=int, default=None, help="Random seed (default: the scenario's).")
@click.option("--until", "until", default=None, help="Simulate this long instead of the scenario's duration (e.g. 12h).")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Run directory (default runs/<scenario>-<time>/).")
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
@click.option("--quiet", "-q", is_flag=True, help="Print only where the run was written.")
@click.option("--limit", default=40, show_default=True, help="Timeline lines to print.")
@click.pass_obj
def run(ctx: _Context, scenario: Path, seed, until, out, force, quiet, limit) -> None:
    """Run SCENARIO once, print its timeline and summary, and write a run directory."""
    until_min = None
    if until is not None:
        try:
            until_min = parse_duration(until)
        except DurationError:
            raise ctx.fail(text("cli.bad_until", ctx.lang, value=until)) from None
        if until_min <= 0:
            bound = render("value.range", {"value": until, "bound": ("bound.gt", {"limit": 0})}, ctx.lang)
            raise ctx.fail(f"--until: {bound}")
    try:
        loaded = load_scenario(scenario)
    except LoadError as error:
        raise _bad_input(ctx, error) from None
    if out is None:
        out = Path("runs") / f"{scenario.stem}-{datetime.now().strftime('%Y%m%d-%H%M%S')}"
    if out.exists() and not force:
        raise ctx.fail(text("cli.output_exists", ctx.lang, path=out))
    result = simulate(loaded, seed=seed, until_min=until_min, lang=ctx.lang)
    try:
        result.save(out, overwrite=force, command=["rampsim", *sys.argv[1:]])
    except OutputExistsError:
        raise ctx.fail(text("cli.output_exists", ctx.lang, path=out)) from None
    except KeyboardInterrupt:
        raise ctx.fail(text("cli.interrupted", ctx.lang)) from None
    if not quiet:
        print_timeline(ctx.out, result.events, ctx.lang, limit=limit, file=str(out / "events.csv"))
        print_summary(ctx.out, result.metrics, ctx.lang)
    ctx.out.print(text("summary.written", ctx.lang, path=out))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_obj
def validate(ctx: _Context, files: tuple[Path, ...]) -> None:
    """Check scenario, graph and organisation FILES; exit 2 if any has a problem."""
    problems: list[Problem] = []
    for path in files:
        try:
            ctx.out.print(text("summary.valid", ctx.lang, path=path, what=_check_file(path, ctx.lang)))
        except LoadError as error:
            problems.extend(error.problems)
    if problems:
        raise _bad_input(ctx, LoadError(problems))


def _check_file(path: Path, lang: str) -> str:
    """Validate one file of any kind; return a short description of what it is."""
    kind = _file_kind(path)
    if kind == "scenario":
        scenario = load_scenario(path)
        return text("what.scenario", lang, n=len(scenario.graph), i=len(scenario.injects))
    if kind == "organisations":
        orgs, _ = load_organisations(path)
        return text("what.organisations", lang, n=len(orgs))
    return text("what.graph", lang, n=len(load_graph(path)))


def _file_kind(path: Path) -> str:
    if graph_format(path) != "yaml":
        return "graph"
    data = load_yaml(path).data
    if isinstance(data, dict) and ("injects" in data or "graph" in data):
        return "scenario"
    if isinstance(data, dict) and "organisations" in data and "assets" not in data:
        return "organisations"
    return "graph"


@cli.group()
def graph() -> None:
    """Inspect, convert and generate infrastructure graphs."""


@graph.command("convert")
@click.argument("source", type=click.Path(path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.pass_obj
def graph_convert(ctx: _Context, source: Path, target: Path) -> None:
    """Convert a graph between YAML, node-link JSON (.json), GraphML (.graphml) and a CSV pair (folder)."""
    try:
        loaded = load_graph(source)
        if target.suffix.lower() not in ("", ".csv"):
            graph_format(target)  # refuse an unknown target type before writing anything
    except LoadError as error:
        raise _bad_input(ctx, error) from None
    save_graph(loaded, target)
    ctx.out.print(text("cli.converted", ctx.lang, path=target, n=len(loaded)))


@graph.command("info")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the facts as JSON.")
@click.pass_obj
def graph_info_command(ctx: _Context, source: Path, as_json: bool) -> None:
    """Counts per sector, dependency cycles, assets nobody depends on, single points on power."""
    try:
        loaded = load_graph(source) if _file_kind(source) != "scenario" else load_scenario(source).graph
    except LoadError as error:
        raise _bad_input(ctx, error) from None
    info = graph_info(loaded)
    info.name = info.name or source.stem
    if as_json:
        click.echo(json.dumps(info.as_dict(), indent=2, ensure_ascii=False))
    else:
        print_graph_info(ctx.out, info, ctx.lang)


@graph.command("synth")
@click.option("--assets", "count", type=click.IntRange(min=20), required=True, help="Number of assets.")
@click.option("--out", type=click.Path(path_type=Path), required=True, help="File to write (.json recommended).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.pass_obj
def graph_synth(ctx: _Context, count: int, out: Path, seed: int) -> None:
    """Generate a synthetic supply-tree graph (for benchmarks and scaling tests)."""
    try:
        if out.suffix.lower() not in ("", ".csv"):
            graph_format(out)
    except LoadError as error:
        raise _bad_input(ctx, error) from None
    generated = synthetic_graph(count, seed=seed)
    save_graph(generated, out)
    ctx.out.print(text("cli.converted", ctx.lang, path=out, n=len(generated)))


_SCHEMAS = {"scenario": ScenarioFile, "graph": GraphFile, "organisations": OrganisationsFile}


@cli.command()
@click.argument("kind", type=click.Choice(tuple(_SCHEMAS)), default="scenario")
def schema(kind: str) -> None:
    """Print the JSON Schema of a scenario, graph or organisation file (for editor completion)."""
    document = _SCHEMAS[kind].model_json_schema(by_alias=True, mode="validation")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = f"rampsim {kind} file"
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))


def main() -> None:
    cli(prog_name="rampsim")


if __name__ == "__main__":  # pragma: no cover
    main()
