"""What every ``rampsim`` command shares: the click group, the language choice, failing with exit 2."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console

from ..analysis.events_file import events_path
from ..analysis.intervals import MIN_FOR_INTERVAL
from ..messages import LANGUAGES, explicit_language, os_reason, text, text_count
from ..model import LoadError, plugins
from .language import Choice, Group

__all__ = [
    "EXIT_BAD_INPUT",
    "LANG_OPTION",
    "CliContext",
    "cli",
    "is_run_directory",
    "is_ensemble_directory",
    "is_played_comparison",
    "replications_progress",
]

EXIT_BAD_INPUT = 2
PIPE_WIDTH = 200  # columns of tables written to a file or a pipe


def _remember_language(click_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A command's ``--lang`` counts from the start, for the errors of loading its files too."""
    context = click_ctx.find_object(CliContext)
    if value and context is not None:
        context.explicit = value
    return value


LANG_OPTION = click.option(
    "--lang",
    "local_lang",
    type=Choice(LANGUAGES),
    default=None,
    callback=_remember_language,
    help="Language of messages (overrides the scenario's).",
)


class CliContext:
    """What every command needs: the language (explicit, or None to use the scenario's; until the
    scenario is loaded, the language its command's input declares: cli/language.py)."""

    def __init__(self, lang: str | None):
        self.explicit = lang or explicit_language()
        self.input_language: str | None = None
        self.lang = self.explicit or "en"
        self.out = Console(highlight=False)
        if not self.out.is_terminal and "COLUMNS" not in os.environ:
            # To a file or a pipe rich would wrap at 80 columns ("burgerzake n"): give lines room.
            self.out = Console(highlight=False, width=PIPE_WIDTH)

    def choose(self, local: str | None, scenario_language: str | None = None) -> str:
        self.lang = local or self.explicit or scenario_language or self.input_language or "en"
        return self.lang

    def fail(self, message: str) -> click.exceptions.Exit:
        """Print ``message`` to stderr unwrapped (file:line must stay greppable); exit status 2."""
        click.secho(message, err=True, fg="red")
        return click.exceptions.Exit(EXIT_BAD_INPUT)

    def warn(self, warnings) -> None:
        """Print each warning (a located ``Problem``) to stderr, unwrapped like errors; the command goes on."""
        for warning in warnings:
            click.secho(warning.render(self.lang), err=True, fg="yellow")

    def bad_input(self, error: LoadError) -> click.exceptions.Exit:
        """The problems in the language asked for, else the one the scenario declares (known even
        when the file fails its first check), else the current one."""
        return self.fail(error.render(self.explicit or error.language or self.lang))

    def cannot_write(self, path: Path, error: OSError) -> click.exceptions.Exit:
        return self.fail(text("cli.cannot_write", self.lang, path=path, reason=os_reason(error, self.lang)))


@contextmanager
def replications_progress(
    ctx: CliContext, lang: str, total: int, show: bool = True
) -> Iterator[Callable[[int, int], None] | None]:
    """A transient bar of finished replications on a terminal, for the ``progress`` argument of the
    ensemble functions: yields ``progress(done, total)``, or None off a terminal (or not ``show``)."""
    if not (show and ctx.out.is_terminal):
        yield None
        return
    from rich.progress import Progress

    with Progress(console=ctx.out, transient=True) as bar:
        task = bar.add_task(text("cli.replications", lang), total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def warn_if_too_few(ctx: CliContext, n: int, lang: str) -> None:
    """Say so when ``n`` replications are too few for the confidence intervals (analysis/intervals.py)."""
    if 0 < n < MIN_FOR_INTERVAL:
        message = text_count("interval.too_few", n, lang, needed=MIN_FOR_INTERVAL)
        ctx.out.print(message, soft_wrap=True, markup=False)


def is_run_directory(path: Path) -> bool:
    """True when ``path`` holds the files ``rampsim run`` writes."""
    return path.is_dir() and (path / "manifest.json").is_file() and events_path(path) is not None


def is_played_comparison(path: Path) -> bool:
    """True when ``path`` holds what ``rampsim compare RUN_DIR`` writes (a played course against
    its playbook-only twin)."""
    if not (path.is_dir() and (path / "course.parquet").is_file() and (path / "manifest.json").is_file()):
        return False
    import json

    try:
        return json.loads((path / "manifest.json").read_text(encoding="utf-8")).get("kind") == "played-comparison"
    except (OSError, ValueError):
        return False


def is_ensemble_directory(path: Path) -> bool:
    """True when ``path`` holds the files ``rampsim ensemble`` writes."""
    return path.is_dir() and (path / "replications.parquet").is_file()


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=Choice(LANGUAGES),
    default=None,
    help="Language of messages (default: $RAMPSIM_LANG, else the scenario's, else en).",
)
@click.version_option(package_name="rampsim")
@click.pass_context
def cli(click_ctx: click.Context, lang: str | None) -> None:
    """rampsim: simulate disaster-exercise scenarios (rampenoefeningen) for Dutch municipalities."""
    click_ctx.obj = CliContext(lang)
    try:
        plugins.load()  # every command knows the installed plugins (entry points)
    except plugins.PluginError as error:
        raise click_ctx.obj.fail(text("cli.plugin_error", click_ctx.obj.lang, error=error)) from None


def free_path(base: Path) -> Path:
    """``base``, or ``base-2``, ``base-3`` ... when it is taken (default run and session folders)."""
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate
