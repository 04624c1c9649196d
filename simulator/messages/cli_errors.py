"""Refusals of the command line itself: click's usage errors (a missing argument, an unknown option
or command, an extra argument, an option without its value), a value outside an option's range, a
choice it does not offer, and the operating system's reason a file could not be written (by errno,
in both languages)."""

from __future__ import annotations

import errno

__all__ = ["ENTRIES", "OS_REASONS"]

ENTRIES: dict[str, dict[str, str]] = {
    # click's usage errors (cli/language.py): the synopsis, the hint, then the error itself
    "cli.usage": {"en": "Usage: {synopsis}", "nl": "Gebruik: {synopsis}"},
    "cli.try_help": {
        "en": "Try '{command} {option}' for help.",
        "nl": "Zie '{command} {option}' voor hulp.",
    },
    "cli.error": {"en": "Error: {message}", "nl": "Fout: {message}"},
    "cli.bad_parameter": {
        "en": "Invalid value for {param}: {reason}.",
        "nl": "Ongeldige waarde voor {param}: {reason}.",
    },
    "cli.missing.argument": {"en": "Missing argument {param}.", "nl": "Argument {param} ontbreekt."},
    "cli.missing.option": {"en": "Missing option {param}.", "nl": "Optie {param} ontbreekt."},
    "cli.missing.parameter": {"en": "Missing parameter {param}.", "nl": "Parameter {param} ontbreekt."},
    "cli.missing.choose": {"en": "Choose from: {choices}.", "nl": "Kies uit: {choices}."},
    "cli.missing_command": {"en": "Missing command.", "nl": "Er ontbreekt een opdracht."},
    "cli.no_such_option": {"en": "No such option '{name}'.", "nl": "Optie '{name}' bestaat niet."},
    "cli.no_such_command": {"en": "No such command '{name}'.", "nl": "Opdracht '{name}' bestaat niet."},
    "cli.did_you_mean.one": {"en": "Did you mean {possibilities}?", "nl": "Bedoelt u {possibilities}?"},
    "cli.did_you_mean.other": {
        "en": "Did you mean one of {possibilities}?",
        "nl": "Bedoelt u een van {possibilities}?",
    },
    "cli.extra_arguments.one": {
        "en": "Got unexpected extra argument ({args}).",
        "nl": "Onverwacht extra argument ({args}).",
    },
    "cli.extra_arguments.other": {
        "en": "Got unexpected extra arguments ({args}).",
        "nl": "Onverwachte extra argumenten ({args}).",
    },
    "cli.option_needs_value.one": {
        "en": "Option '{name}' requires a value.",
        "nl": "Optie '{name}' vraagt een waarde.",
    },
    "cli.option_needs_value.other": {
        "en": "Option '{name}' requires {n} values.",
        "nl": "Optie '{name}' vraagt {n} waarden.",
    },
    "cli.option_takes_no_value": {
        "en": "Option '{name}' does not take a value.",
        "nl": "Optie '{name}' neemt geen waarde.",
    },
    "cli.argument_values.one": {
        "en": "Argument '{name}' takes {n} value.",
        "nl": "Argument '{name}' vraagt {n} waarde.",
    },
    "cli.argument_values.other": {
        "en": "Argument '{name}' takes {n} values.",
        "nl": "Argument '{name}' vraagt {n} waarden.",
    },
    "cli.param.not_integer": {
        "en": "'{value}' is not a whole number",
        "nl": "'{value}' is geen geheel getal",
    },
    "cli.param.not_a_number": {
        "en": "'{value}' is not a number",
        "nl": "'{value}' is geen getal",
    },
    "cli.param.out_of_range": {
        "en": "{value} is out of range: {bounds}",
        "nl": "{value} valt buiten het bereik: {bounds}",
    },
    "cli.param.at_least": {"en": "at least {low}", "nl": "minstens {low}"},
    "cli.param.at_most": {"en": "at most {high}", "nl": "hoogstens {high}"},
    "cli.param.between": {"en": "from {low} to {high}", "nl": "van {low} tot en met {high}"},
    "cli.param.not_a_choice": {
        "en": "'{value}' is not one of {choices}",
        "nl": "'{value}' is geen van de keuzes {choices}",
    },
    # the reason an OSError gives, by errno (oserror.<NAME>); other errno values keep the system's words
    "oserror.ENOENT": {
        "en": "no such file or folder",
        "nl": "bestand of map bestaat niet",
    },
    "oserror.ENOTDIR": {
        "en": "a part of the path is a file, not a folder",
        "nl": "een deel van het pad is een bestand, geen map",
    },
    "oserror.EACCES": {
        "en": "no permission to write there",
        "nl": "geen toestemming om daar te schrijven",
    },
    "oserror.EPERM": {
        "en": "the operation is not permitted",
        "nl": "de bewerking is niet toegestaan",
    },
    "oserror.EROFS": {
        "en": "the file system is read-only",
        "nl": "het bestandssysteem is alleen-lezen",
    },
    "oserror.ENOSPC": {
        "en": "the disk is full",
        "nl": "de schijf is vol",
    },
    "oserror.EDQUOT": {
        "en": "the disk quota is used up",
        "nl": "het schijfquotum is op",
    },
    "oserror.EISDIR": {
        "en": "it is a folder, not a file",
        "nl": "het is een map, geen bestand",
    },
    "oserror.EEXIST": {
        "en": "a file of that name is in the way",
        "nl": "er staat al een bestand met die naam",
    },
    "oserror.EADDRINUSE": {
        "en": "the port is in use",
        "nl": "de poort is al in gebruik",
    },
    "oserror.ENAMETOOLONG": {
        "en": "the name is too long",
        "nl": "de naam is te lang",
    },
}

OS_REASONS: dict[int, str] = {
    getattr(errno, key.removeprefix("oserror.")): key
    for key in ENTRIES
    if key.startswith("oserror.") and hasattr(errno, key.removeprefix("oserror."))
}
