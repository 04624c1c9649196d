"""click's own usage errors in the chosen language (cli/language.py, ``cli.*`` in messages/cli_errors.py).

Each kind, in Dutch and in English, as the whole of stderr: the synopsis, the help hint, a blank
line and the error. The language is ``--lang`` (the group's or the command's), else ``RAMPSIM_LANG``,
else the one the scenario on the command line declares, else English. Option and command names
stay as typed; exit status 2, no traceback. One case runs ``python -m simulator`` for real.
"""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from conftest import ROOT
from test_bad_input import BASE, invoke, make_runner, write_files

from simulator.cli import cli

DUTCH = "language: nl\n" + BASE["scenario.yaml"]

RUN_NL = "Gebruik: rampsim run [OPTIONS] SCENARIO\nZie 'rampsim run --help' voor hulp.\n\n"
RUN_EN = "Usage: rampsim run [OPTIONS] SCENARIO\nTry 'rampsim run --help' for help.\n\n"
ROOT_NL = "Gebruik: rampsim [OPTIONS] COMMAND [ARGS]...\nZie 'rampsim --help' voor hulp.\n\n"
ROOT_EN = "Usage: rampsim [OPTIONS] COMMAND [ARGS]...\nTry 'rampsim --help' for help.\n\n"
ENSEMBLE_NL = "Gebruik: rampsim ensemble [OPTIONS] SCENARIO\nZie 'rampsim ensemble --help' voor hulp.\n\n"
ENSEMBLE_EN = "Usage: rampsim ensemble [OPTIONS] SCENARIO\nTry 'rampsim ensemble --help' for help.\n\n"


@pytest.fixture
def files(tmp_path):
    """A Dutch scenario (``nl.yaml``) and an English one (``en.yaml``) beside the same graph."""
    write_files(tmp_path, {"scenario.yaml": None, "nl.yaml": DUTCH, "en.yaml": BASE["scenario.yaml"]})
    return tmp_path


def assert_usage_error(result, expected: str) -> None:
    """Exit status 2, exactly ``expected`` on stderr, nothing on stdout, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.stderr)
    assert result.stderr == expected
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


# Each case: the arguments ({nl} and {en} are the scenarios), then the Dutch stderr and the English
# one. The Dutch arguments get their language from the scenario, or from --lang nl when they have none;
# the English ones are the same arguments with --lang en (or on the English scenario).
CASES = {
    "missing argument": (
        ("--lang", "{lang}", "run"),
        RUN_NL + "Fout: Argument 'SCENARIO' ontbreekt.\n",
        RUN_EN + "Error: Missing argument 'SCENARIO'.\n",
    ),
    "missing option": (
        ("ensemble", "{scenario}"),
        ENSEMBLE_NL + "Fout: Optie '-n' ontbreekt.\n",
        ENSEMBLE_EN + "Error: Missing option '-n'.\n",
    ),
    "unknown option, one close": (
        ("run", "{scenario}", "--ou", "x"),
        RUN_NL + "Fout: Optie '--ou' bestaat niet. Bedoelt u '--out'?\n",
        RUN_EN + "Error: No such option '--ou'. Did you mean '--out'?\n",
    ),
    "unknown option, two close": (
        ("run", "--fo", "{scenario}"),  # before the scenario: its language is still found
        RUN_NL + "Fout: Optie '--fo' bestaat niet. Bedoelt u een van '--force', '--out'?\n",
        RUN_EN + "Error: No such option '--fo'. Did you mean one of '--force', '--out'?\n",
    ),
    "unknown option, none close": (
        ("run", "{scenario}", "--zzz"),
        RUN_NL + "Fout: Optie '--zzz' bestaat niet.\n",
        RUN_EN + "Error: No such option '--zzz'.\n",
    ),
    "unknown command": (
        ("--lang", "{lang}", "rn", "{scenario}"),
        ROOT_NL + "Fout: Opdracht 'rn' bestaat niet. Bedoelt u 'run'?\n",
        ROOT_EN + "Error: No such command 'rn'. Did you mean 'run'?\n",
    ),
    "unknown command, none close": (
        ("--lang", "{lang}", "simuleer"),
        ROOT_NL + "Fout: Opdracht 'simuleer' bestaat niet.\n",
        ROOT_EN + "Error: No such command 'simuleer'.\n",
    ),
    "missing command": (
        ("--lang", "{lang}"),
        ROOT_NL + "Fout: Er ontbreekt een opdracht.\n",
        ROOT_EN + "Error: Missing command.\n",
    ),
    "extra argument": (
        ("run", "{scenario}", "tweede.yaml"),
        RUN_NL + "Fout: Onverwacht extra argument (tweede.yaml).\n",
        RUN_EN + "Error: Got unexpected extra argument (tweede.yaml).\n",
    ),
    "extra arguments": (
        ("run", "{scenario}", "a", "b"),
        RUN_NL + "Fout: Onverwachte extra argumenten (a b).\n",
        RUN_EN + "Error: Got unexpected extra arguments (a b).\n",
    ),
    "option without its value": (
        ("run", "{scenario}", "--out"),
        RUN_NL + "Fout: Optie '--out' vraagt een waarde.\n",
        RUN_EN + "Error: Option '--out' requires a value.\n",
    ),
    "flag with a value": (
        ("run", "{scenario}", "--force=ja"),
        RUN_NL + "Fout: Optie '--force' neemt geen waarde.\n",
        RUN_EN + "Error: Option '--force' does not take a value.\n",
    ),
    "bad choice": (
        ("run", "{scenario}", "--lang", "fr"),
        RUN_NL + "Fout: Ongeldige waarde voor '--lang': 'fr' is geen van de keuzes en, nl.\n",
        RUN_EN + "Error: Invalid value for '--lang': 'fr' is not one of en, nl.\n",
    ),
    "bad value": (
        ("ensemble", "{scenario}", "-n", "veel"),
        ENSEMBLE_NL + "Fout: Ongeldige waarde voor '-n': 'veel' is geen geheel getal.\n",
        ENSEMBLE_EN + "Error: Invalid value for '-n': 'veel' is not a whole number.\n",
    ),
}


def _args(args, folder, lang: str) -> list[str]:
    scenario = "nl.yaml" if lang == "nl" else "en.yaml"
    return [a.format(scenario=folder / scenario, lang=lang) for a in args]


@pytest.mark.parametrize("case", CASES)
def test_each_usage_error_in_dutch_and_english(files, case):
    args, dutch, english = CASES[case]
    assert_usage_error(invoke(_args(args, files, "nl")), dutch)
    assert_usage_error(invoke(_args(args, files, "en")), english)


@pytest.mark.parametrize("case", ["unknown option, one close", "extra argument", "option without its value"])
def test_lang_en_wins_over_the_dutch_scenario(files, case):
    """``--lang en`` before the command or after it, on the Dutch scenario."""
    args, _dutch, english = CASES[case]
    dutch_args = _args(args, files, "nl")
    assert_usage_error(invoke(["--lang", "en", *dutch_args]), english)
    if case != "option without its value":  # there --lang would be taken as the value of --out
        assert_usage_error(invoke([*dutch_args[:2], "--lang", "en", *dutch_args[2:]]), english)


def test_rampsim_lang_in_the_environment(files):
    runner = make_runner()
    result = runner.invoke(cli, ["rn"], env={"RAMPSIM_LANG": "nl", "COLUMNS": "200"})
    assert_usage_error(result, ROOT_NL + "Fout: Opdracht 'rn' bestaat niet. Bedoelt u 'run'?\n")
    result = runner.invoke(cli, ["run", str(files / "en.yaml"), "--ou"], env={"RAMPSIM_LANG": "nl"})
    assert_usage_error(result, RUN_NL + "Fout: Optie '--ou' bestaat niet. Bedoelt u '--out'?\n")
    # the environment wins over the scenario, --lang over the environment
    result = runner.invoke(cli, ["run", str(files / "nl.yaml"), "--ou"], env={"RAMPSIM_LANG": "en"})
    assert_usage_error(result, RUN_EN + "Error: No such option '--ou'. Did you mean '--out'?\n")
    result = runner.invoke(cli, ["--lang", "en", "rn"], env={"RAMPSIM_LANG": "nl"})
    assert_usage_error(result, ROOT_EN + "Error: No such command 'rn'. Did you mean 'run'?\n")


def test_a_subcommand_of_a_subgroup(files):
    synopsis = "rampsim graph synth [OPTIONS]"
    assert_usage_error(
        invoke(["--lang", "nl", "graph", "synth", "--out", "g.yaml"]),
        f"Gebruik: {synopsis}\nZie 'rampsim graph synth --help' voor hulp.\n\nFout: Optie '--assets' ontbreekt.\n",
    )
    assert_usage_error(
        invoke(["--lang", "nl", "graph", "conver"]),
        "Gebruik: rampsim graph [OPTIONS] COMMAND [ARGS]...\nZie 'rampsim graph --help' voor hulp.\n\n"
        "Fout: Opdracht 'conver' bestaat niet. Bedoelt u 'convert'?\n",
    )


def test_a_real_process_in_the_scenarios_language(files):
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "run", str(files / "nl.yaml"), "--ou", "x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == RUN_NL + "Fout: Optie '--ou' bestaat niet. Bedoelt u '--out'?\n"
    assert result.stdout == ""


def test_the_help_page_is_not_a_refusal():
    """``rampsim`` alone and ``rampsim graph`` alone print their help, as click does."""
    result = invoke([])
    assert "Commands:" in result.output and "Fout" not in result.output and "Error" not in result.output


def test_other_click_programs_keep_clicks_words():
    """Nothing in click itself is changed: a plain click command beside rampsim speaks click's English."""

    @click.command()
    @click.argument("thing")
    def plain(thing):
        pass  # pragma: no cover

    invoke(["--lang", "nl", "rn"])  # rampsim refuses in Dutch first
    result = make_runner().invoke(plain, ["a", "b"], env={"RAMPSIM_LANG": "nl"})
    assert result.exit_code == 2
    assert "Error: Got unexpected extra argument (b)" in result.stderr
    assert "Fout" not in result.stderr and "Gebruik" not in result.stderr
