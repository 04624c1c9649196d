"""The language of a command, known before its first check, and click's refusals in that language.

Every ``rampsim`` command is a :class:`Command` (the group's ``command_class``). Before the command
runs, it reads the language of its input (the first path argument: a run or ensemble directory's
manifest, or the ``language:`` a scenario declares) into ``CliContext.input_language``, so the
first check already speaks it. Every usage error click raises (a missing argument or option, an
unknown option or command with the close ones, an extra argument, an option without its value, a
value refused by a type: ``--top 0``, ``-n 0``, ``--format gif``) is caught here, in
``make_context`` or, for an unknown command, in :meth:`Group.invoke`: the arguments are parsed again
leniently to find ``--lang`` and the input, and the synopsis, the help hint and the error are
printed from the catalogue (``cli.*`` in messages/cli_errors.py) in the language they give:
``--lang``, else ``RAMPSIM_LANG``, else the input's, else English. Option and command names stay as
typed. Exit status 2, no traceback. Nothing in click itself is changed: only these classes do this.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import click

from ..messages import CATALOGUE, LANGUAGES, explicit_language, text, text_count
from ..model.yamlfile import declared_language

__all__ = ["NUMBER", "Choice", "Command", "Group", "IntRange", "error_message", "input_language", "usage_error_text"]

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


class ExtraArguments(click.UsageError):
    """Words left over after a command's arguments (``rampsim run a.yaml b.yaml``)."""

    def __init__(self, args: list[str], ctx: click.Context | None = None):
        super().__init__(f"Got unexpected extra arguments ({' '.join(args)})", ctx)
        self.args_left = list(args)


class MissingCommand(click.UsageError):
    """A group called without one of its commands (``rampsim --lang nl``)."""

    def __init__(self, ctx: click.Context | None = None):
        super().__init__("Missing command.", ctx)


class UnknownCommand(click.UsageError):
    """A command the group does not have, with the close ones it has (``rampsim rn``)."""

    def __init__(self, name: str, possibilities: list[str], ctx: click.Context | None = None):
        super().__init__(f"No such command '{name}'.", ctx)
        self.name, self.possibilities = name, possibilities


def _did_you_mean(message: str, possibilities: list[str] | None, lang: str) -> str:
    if not possibilities:
        return message
    quoted = ", ".join(f"'{name}'" for name in sorted(possibilities))
    return f"{message} {text_count('cli.did_you_mean', len(possibilities), lang, possibilities=quoted)}"


def _option(ctx: click.Context | None, name: str) -> click.Option | None:
    command = ctx.command if ctx is not None else None
    for param in command.params if command is not None else ():
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return param
    return None


def _missing(error: click.MissingParameter, ctx: click.Context | None, lang: str) -> str:
    param = error.param
    hint = error.param_hint if error.param_hint is not None else (param.get_error_hint(ctx) if param else "")
    if not isinstance(hint, str):
        hint = " / ".join(f"'{name}'" for name in hint)
    kind = error.param_type or (param.param_type_name if param is not None else "parameter")
    key = f"cli.missing.{kind}" if f"cli.missing.{kind}" in CATALOGUE else "cli.missing.parameter"
    message = text(key, lang, param=hint)
    if param is not None and isinstance(param.type, click.Choice):
        message += " " + text("cli.missing.choose", lang, choices=", ".join(map(str, param.type.choices)))
    return message


def _bad_parameter(error: click.BadParameter, ctx: click.Context | None, lang: str) -> str:
    if error.param_hint is not None:
        hint = error.param_hint if isinstance(error.param_hint, str) else " / ".join(error.param_hint)
    else:
        hint = error.param.get_error_hint(ctx) if error.param is not None else "?"
    reason = error.reason(lang) if isinstance(error, Refusal) else error.message.rstrip(".")
    return text("cli.bad_parameter", lang, param=hint, reason=reason)


def _bad_option_usage(error: click.BadOptionUsage, ctx: click.Context | None, lang: str) -> str:
    option = _option(ctx, error.option_name)
    if option is not None and (option.is_flag or option.count):
        return text("cli.option_takes_no_value", lang, name=error.option_name)
    nargs = option.nargs if option is not None else 1
    return text_count("cli.option_needs_value", nargs, lang, name=error.option_name)


def _bad_argument_usage(error: click.BadArgumentUsage, ctx: click.Context | None, lang: str) -> str:
    for param in ctx.command.params if ctx is not None else ():  # "Argument 'x' takes 2 values."
        if isinstance(param, click.Argument) and f"'{param.name}'" in error.message and param.nargs > 1:
            return text_count("cli.argument_values", param.nargs, lang, name=param.name)
    return error.format_message()


def _no_such_option(error: click.NoSuchOption, _ctx, lang: str) -> str:
    return _did_you_mean(text("cli.no_such_option", lang, name=error.option_name), error.possibilities, lang)


def _unknown_command(error: UnknownCommand, _ctx, lang: str) -> str:
    return _did_you_mean(text("cli.no_such_command", lang, name=error.name), error.possibilities, lang)


def _missing_command(_error: MissingCommand, _ctx, lang: str) -> str:
    return text("cli.missing_command", lang)


def _extra_arguments(error: ExtraArguments, _ctx, lang: str) -> str:
    return text_count("cli.extra_arguments", len(error.args_left), lang, args=" ".join(error.args_left))


# Each kind of usage error and how it reads; the first class the error is an instance of wins.
_KINDS = (
    (click.MissingParameter, _missing),
    (click.BadParameter, _bad_parameter),
    (click.NoSuchOption, _no_such_option),
    (UnknownCommand, _unknown_command),
    (MissingCommand, _missing_command),
    (ExtraArguments, _extra_arguments),
    (click.BadOptionUsage, _bad_option_usage),
    (click.BadArgumentUsage, _bad_argument_usage),
)


def error_message(error: click.UsageError, ctx: click.Context | None, lang: str) -> str:
    """What went wrong, in ``lang``, for each kind of click usage error; option and command names
    as typed. A kind the catalogue does not know keeps click's words."""
    for kind, render in _KINDS:
        if isinstance(error, kind):
            return render(error, ctx, lang)
    return error.format_message()


def _command_path(ctx: click.Context) -> str:
    """The command as people type it: ``rampsim ...`` whatever name the program was started by."""
    return " ".join(["rampsim", *ctx.command_path.split()[1:]])


def usage_error_text(error: click.UsageError, ctx: click.Context | None, lang: str) -> tuple[str, str]:
    """The synopsis and help hint (empty without ``ctx``), and the error line, in ``lang``."""
    head = ""
    if ctx is not None:
        pieces = [_command_path(ctx), *ctx.command.collect_usage_pieces(ctx)]
        head = text("cli.usage", lang, synopsis=" ".join(pieces)) + "\n"
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            head += text("cli.try_help", lang, command=_command_path(ctx), option=option) + "\n"
    return head, text("cli.error", lang, message=error_message(error, ctx, lang))


def _refuse(error: click.UsageError, ctx: click.Context | None, lang: str) -> click.exceptions.Exit:
    head, line = usage_error_text(error, ctx, lang)
    if head:
        click.echo(head, err=True)
    click.secho(line, err=True, fg="red")
    return click.exceptions.Exit(EXIT_BAD_INPUT)


def _without(args: list[str], option: str) -> list[str]:
    return [arg for arg in args if arg != option and not arg.startswith(f"{option}=")]


def _protected_args(ctx: click.Context) -> list[str]:
    """The group's command and what follows it (``_protected_args`` from click 8.2 on)."""
    return ctx._protected_args if hasattr(ctx, "_protected_args") else ctx.protected_args


class _SpeaksLanguage:
    """``make_context`` that learns the input's language and refuses bad usage in it: the one place
    where click's usage errors become catalogue text (with :meth:`Group.invoke` for the ones that
    come after parsing, such as an unknown command)."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            ctx = super().make_context(info_name, list(args), parent=parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise  # the help page, not a refusal
        except click.UsageError as error:
            # Parsed again leniently to find --lang and the input; an unknown or misused option is left
            # out, so the arguments around it are still found.
            unusable = isinstance(error, (click.NoSuchOption, click.BadOptionUsage))
            rest = _without(list(args), error.option_name) if unusable else list(args)
            lenient = super().make_context(info_name, rest, parent=parent, resilient_parsing=True)
            raise _refuse(error, lenient, self._language(lenient)) from None
        context = ctx.find_object(_context_class())
        if context is not None and not ctx.resilient_parsing:
            context.input_language = input_language(_input_path(self, ctx.params)) or context.input_language
        return ctx

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True  # refused below as ExtraArguments
        try:
            rest = super().parse_args(ctx, args)
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise ExtraArguments(rest, ctx)
        return rest

    def _language(self, ctx: click.Context) -> str:
        """``--lang`` (the command's, else the group's), else ``RAMPSIM_LANG``, else the input's."""
        asked = None
        for level in _lineage(ctx):
            asked = asked or level.params.get("local_lang") or level.params.get("lang")
        context = ctx.find_object(_context_class())
        explicit = context.explicit if context is not None else explicit_language()
        chosen = asked or explicit or input_language(_input_path(ctx.command, ctx.params))
        if chosen is None and context is not None:
            chosen = context.input_language
        return chosen if chosen in LANGUAGES else "en"


def _lineage(ctx: click.Context | None):
    while ctx is not None:
        yield ctx
        ctx = ctx.parent


def _context_class():
    from .base import CliContext  # base defines the group with these classes: imported when needed

    return CliContext


class Command(_SpeaksLanguage, click.Command):
    """A ``rampsim`` command: see the module docstring."""


class Group(_SpeaksLanguage, click.Group):
    """A ``rampsim`` group: its commands and subgroups are :class:`Command` and :class:`Group`."""

    command_class = Command
    group_class = type  # subgroups of a Group are Groups

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        if not _protected_args(ctx) and not self.invoke_without_command and not ctx.resilient_parsing:
            raise MissingCommand(ctx)
        return rest

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if ctx.resilient_parsing or name.startswith("-") or self.get_command(ctx, name) is not None:
            return super().resolve_command(ctx, args)
        if ctx.token_normalize_func is not None and self.get_command(ctx, ctx.token_normalize_func(name)):
            return super().resolve_command(ctx, args)
        shown = [n for n in self.list_commands(ctx) if not getattr(self.get_command(ctx, n), "hidden", False)]
        raise UnknownCommand(name, difflib.get_close_matches(name, shown), ctx)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:  # an unknown command, or a usage error raised by a command itself
            where = error.ctx or ctx
            raise _refuse(error, where, self._language(where)) from None
