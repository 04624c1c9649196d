"""The language of a command, known before its first check, and click's refusals in that language.

Every ``rampsim`` command is a :class:`Command` (the group's ``command_class``). Before the command
runs, it reads the language of its input (the first path argument: a run or ensemble directory's
manifest, or the ``language:`` a scenario declares) into ``CliContext.input_language``, so the
first check already speaks it. When click refuses a value while parsing (``--top 0``, ``-n 0``,
``--format gif``), the arguments are parsed again leniently to find ``--lang`` and the input, and
the refusal is printed in the language they give: ``--lang``, else ``RAMPSIM_LANG``, else the
input's, else English. Exit status 2, no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..messages import LANGUAGES, explicit_language, text
from ..model.yamlfile import declared_language

__all__ = ["NUMBER", "Choice", "Command", "Group", "IntRange", "input_language"]

EXIT_BAD_INPUT = 2


class Refusal(click.BadParameter):
    """A value click refused, kept as a catalogue key and its parameters until the language is known."""

    def __init__(self, key: str, **params: object):
        super().__init__(text(key, "en", **params))
        self.key, self.params = key, params

    def reason(self, lang: str) -> str:
        bounds = self.params.get("bounds")
        params = {**self.params, "bounds": bounds(lang)} if callable(bounds) else self.params
        return text(self.key, lang, **params)


class IntRange(click.IntRange):
    """click's IntRange (closed bounds) whose refusal is a :class:`Refusal`."""

    def convert(self, value, param, ctx):
        try:
            number = click.INT.convert(value, param, ctx)
        except click.BadParameter:
            raise Refusal("cli.param.not_integer", value=value) from None
        try:
            return super().convert(number, param, ctx)
        except click.BadParameter:
            raise Refusal("cli.param.out_of_range", value=number, bounds=self._bounds) from None

    def _bounds(self, lang: str) -> str:
        low, high = self.min, self.max  # as typed: a port is 65535, not 65.535
        if high is None:
            return text("cli.param.at_least", lang, low=low)
        if low is None:
            return text("cli.param.at_most", lang, high=high)
        return text("cli.param.between", lang, low=low, high=high)


class Number(click.types.FloatParamType):
    """click's float whose refusal is a :class:`Refusal` (``--speed fast``)."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise Refusal("cli.param.not_a_number", value=value) from None


NUMBER = Number()


class Choice(click.Choice):
    """click's Choice whose refusal is a :class:`Refusal`."""

    def convert(self, value, param, ctx):
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            raise Refusal("cli.param.not_a_choice", value=value, choices=", ".join(map(str, self.choices))) from None


def input_language(path: object) -> str | None:
    """The language of a command's input ``path``: a run, ensemble or comparison directory's
    ``manifest.json`` ``language``, else the scenario it resolved; a file's declared ``language:``;
    None when there is none or it cannot be read."""
    if not isinstance(path, (str, Path)):
        return None
    path = Path(path)
    if not path.is_dir():
        return declared_language(path) if path.is_file() else None
    try:
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict):
        return None
    scenario = manifest.get("scenario")
    resolved = scenario.get("resolved") if isinstance(scenario, dict) else None
    for lang in (manifest.get("language"), resolved.get("language") if isinstance(resolved, dict) else None):
        if lang in LANGUAGES:
            return lang
    return None


def _input_path(command: click.Command, params: dict) -> object:
    """The value of the command's first path argument, or None. A command of several files
    (``validate FILES...``) has no one input language: each file speaks its own."""
    for param in command.params:
        if isinstance(param, click.Argument) and isinstance(param.type, click.Path):
            return params.get(param.name) if param.nargs == 1 else None
    return None


class _SpeaksLanguage:
    """``make_context`` that learns the input's language and refuses bad values in it."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            ctx = super().make_context(info_name, list(args), parent=parent, **extra)
        except Refusal as refusal:
            lenient = super().make_context(info_name, list(args), parent=parent, resilient_parsing=True)
            lang = self._language(lenient)
            param = refusal.param.get_error_hint(lenient) if refusal.param is not None else "?"
            message = text(
                "cli.bad_parameter",
                lang,
                param=param,
                reason=refusal.reason(lang),
                command=" ".join(["rampsim", *lenient.command_path.split()[1:]]),
            )
            click.secho(message, err=True, fg="red")
            raise click.exceptions.Exit(EXIT_BAD_INPUT) from None
        context = ctx.find_object(_context_class())
        if context is not None and not ctx.resilient_parsing:
            context.input_language = input_language(_input_path(self, ctx.params)) or context.input_language
        return ctx

    def _language(self, ctx: click.Context) -> str:
        local = ctx.params.get("local_lang")
        context = ctx.find_object(_context_class())
        explicit = context.explicit if context is not None else explicit_language()
        chosen = local or explicit or input_language(_input_path(self, ctx.params))
        if chosen is None and context is not None:
            chosen = context.input_language
        return chosen if chosen in LANGUAGES else "en"


def _context_class():
    from .base import CliContext  # base defines the group with these classes: imported when needed

    return CliContext


class Command(_SpeaksLanguage, click.Command):
    """A ``rampsim`` command: see the module docstring."""


class Group(_SpeaksLanguage, click.Group):
    """A ``rampsim`` group: its commands and subgroups are :class:`Command` and :class:`Group`."""

    command_class = Command
    group_class = type  # subgroups of a Group are Groups
