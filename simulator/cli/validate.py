"""``rampsim validate``: check files of any kind; print what each is, its warnings, and exit 2 on
any problem (warnings alone leave the exit status 0)."""

from __future__ import annotations

from pathlib import Path

import click

from ..messages import text, text_count
from ..model import LoadError, load_graph, load_scenario
from ..model.errors import Problem
from ..model.loading import file_kind, load_yaml_model
from ..model.organisations import LadderFile, OrganisationsFile
from ..model.playbook import PlaybookFile
from ..model.yamlfile import declared_language
from .base import LANG_OPTION, CliContext, cli

__all__ = ["validate"]

_FILE_MODELS = {"organisations": OrganisationsFile, "ladder": LadderFile, "playbook": PlaybookFile}


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@LANG_OPTION
@click.pass_obj
def validate(ctx: CliContext, files: tuple[Path, ...], local_lang) -> None:
    """Check scenario, graph, organisation, ladder and playbook FILES; exit 2 if any has a problem."""
    reports: list[str] = []
    for path in files:  # each file in the language asked for, else the one it declares
        lang = ctx.choose(local_lang, declared_language(path))
        try:
            what, warnings = _check_file(path, lang)
        except LoadError as error:
            reports.append(error.render(ctx.explicit or error.language or lang))
            continue
        ctx.out.print(text("summary.valid", lang, path=path, what=what))
        ctx.warn(warnings)
    if reports:
        raise ctx.fail("\n".join(reports))


def _check_file(path: Path, lang: str) -> tuple[str, tuple[Problem, ...]]:
    """Validate one file of any kind; return a short description of what it is and its warnings."""
    kind = file_kind(path)
    if kind == "scenario":
        scenario = load_scenario(path)
        return text("what.scenario", lang, n=len(scenario.graph), i=len(scenario.injects)), scenario.warnings
    if kind in _FILE_MODELS:
        load_yaml_model(path, _FILE_MODELS[kind])
        return text(f"what.{kind}", lang), ()
    return text_count("what.graph", len(load_graph(path)), lang), ()
