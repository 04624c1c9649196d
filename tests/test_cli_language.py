"""Command-line refusals in the chosen language: ``--lang``, else the run's or scenario's language
read before the first check (cli/language.py), else English. A Dutch run or scenario is refused in
Dutch whether its ``--out``, its ``-n`` or click's own range check fails; exit 2, no traceback."""

from __future__ import annotations

import errno

import pytest
from test_bad_input import BASE, assert_refused, invoke, write_files

from simulator.messages import os_reason

DUTCH = "language: nl\n" + BASE["scenario.yaml"]


@pytest.fixture(scope="module")
def dutch_run(tmp_path_factory):
    """A run of the small Dutch scenario (its manifest says ``language: nl``)."""
    folder = tmp_path_factory.mktemp("nl")
    write_files(folder, {"scenario.yaml": DUTCH})
    result = invoke(["run", str(folder / "scenario.yaml"), "--out", str(folder / "run")])
    assert result.exit_code == 0, result.output
    return folder


def test_msel_refuses_a_bad_suffix_in_the_runs_language(dutch_run, tmp_path):
    run, out = dutch_run / "run", tmp_path / "m.pdf"
    assert_refused(
        invoke(["msel", str(run), "--out", str(out)]),
        f"--out {out}: het formaat volgt uit de extensie, en die moet een van .xlsx, .csv zijn",
    )
    assert_refused(
        invoke(["msel", str(run), "--out", str(out), "--lang", "en"]),
        f"--out {out}: the format follows the suffix, which must be one of .xlsx, .csv",
    )
    assert not out.exists()


def test_msel_refuses_an_existing_out_in_the_runs_language(dutch_run, tmp_path):
    run, out = dutch_run / "run", tmp_path / "m.csv"
    out.write_text("keep me")
    assert_refused(
        invoke(["msel", str(run), "--out", str(out)]),
        f"{out} bestaat al: kies een andere --out of voeg --force toe om het te vervangen",
    )
    assert_refused(
        invoke(["--lang", "en", "msel", str(run), "--out", str(out)]),
        f"{out} already exists: choose another --out or add --force to replace it",
    )
    assert out.read_text() == "keep me"


def test_compare_refuses_one_replication_in_the_scenarios_language(dutch_run, tmp_path):
    scenario = str(dutch_run / "scenario.yaml")
    out = tmp_path / "cmp"
    args = ["compare", scenario, scenario, "-n", "1", "--out", str(out)]
    assert_refused(invoke(args), "-n: twee varianten vergelijken vraagt minstens 2 replicaties")
    assert_refused(invoke([*args, "--lang", "en"]), "-n: comparing two variants needs at least 2 replications")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (
            ("report", "{run}", "--top", "0"),
            "Fout: Ongeldige waarde voor '--top': 0 valt buiten het bereik: minstens 1.",
            "Error: Invalid value for '--top': 0 is out of range: at least 1.",
        ),
        (
            ("ensemble", "{scenario}", "-n", "0"),
            "Fout: Ongeldige waarde voor '-n': 0 valt buiten het bereik: minstens 1.",
            "Error: Invalid value for '-n': 0 is out of range: at least 1.",
        ),
        (
            ("ensemble", "-n", "veel", "{scenario}"),  # the bad value before the input: still its language
            "Fout: Ongeldige waarde voor '-n': 'veel' is geen geheel getal.",
            "Error: Invalid value for '-n': 'veel' is not a whole number.",
        ),
        (
            ("plot", "{run}", "--format", "gif"),
            "Fout: Ongeldige waarde voor '--format': 'gif' is geen van de keuzes png, svg, pdf.",
            "Error: Invalid value for '--format': 'gif' is not one of png, svg, pdf.",
        ),
        (
            ("exercise", "{scenario}", "--port", "70000"),
            "Fout: Ongeldige waarde voor '--port': 70000 valt buiten het bereik: van 0 tot en met 65535.",
            "Error: Invalid value for '--port': 70000 is out of range: from 0 to 65535.",
        ),
        (
            ("replay", "{run}", "--speed", "snel"),
            "Fout: Ongeldige waarde voor '--speed': 'snel' is geen getal.",
            "Error: Invalid value for '--speed': 'snel' is not a number.",
        ),
    ],
)
def test_clicks_own_refusals_speak_the_inputs_language(dutch_run, args, dutch, english):
    filled = [a.format(run=dutch_run / "run", scenario=dutch_run / "scenario.yaml") for a in args]
    assert_refused(invoke(filled), dutch)
    assert_refused(invoke([*filled, "--lang", "en"]), english)
    assert_refused(invoke(["--lang", "en", *filled]), english)


def test_clicks_refusal_of_an_english_input_is_english_unless_asked(tmp_path):
    write_files(tmp_path, {})
    scenario = str(tmp_path / "scenario.yaml")
    english = "Error: Invalid value for '-n': 0 is out of range: at least 1."
    assert_refused(invoke(["ensemble", scenario, "-n", "0"]), english)
    dutch = "Fout: Ongeldige waarde voor '-n': 0 valt buiten het bereik: minstens 1."
    assert_refused(invoke(["ensemble", "--lang", "nl", scenario, "-n", "0"]), dutch)


def test_a_folder_that_cannot_be_made_is_refused_with_a_reason_in_the_runs_language(dutch_run, tmp_path):
    (tmp_path / "file").write_text("")
    out = tmp_path / "file" / "figures"
    run = str(dutch_run / "run")
    assert_refused(
        invoke(["plot", run, "--out", str(out)]),
        f"kan {out} niet schrijven: een deel van het pad is een bestand, geen map",
    )
    assert_refused(
        invoke(["plot", run, "--out", str(out), "--lang", "en"]),
        f"cannot write {out}: a part of the path is a file, not a folder",
    )


@pytest.mark.parametrize(
    ("code", "dutch", "english"),
    [
        (errno.ENOENT, "bestand of map bestaat niet", "no such file or folder"),
        (errno.EACCES, "geen toestemming om daar te schrijven", "no permission to write there"),
        (errno.EROFS, "het bestandssysteem is alleen-lezen", "the file system is read-only"),
        (errno.ENOSPC, "de schijf is vol", "the disk is full"),
        (errno.EISDIR, "het is een map, geen bestand", "it is a folder, not a file"),
    ],
)
def test_the_systems_reasons_in_both_languages(code, dutch, english):
    error = OSError(code, "the system's words")
    assert (os_reason(error, "nl"), os_reason(error, "en")) == (dutch, english)


def test_an_unlisted_errno_keeps_the_systems_words():
    assert os_reason(OSError(errno.EIO, "Input/output error"), "nl") == "Input/output error"


def test_every_option_type_refuses_through_the_catalogue():
    """One way for every command: no cli module uses click's own number or choice types, whose
    refusals are English whatever the language (cli/language.py has the ones that are not)."""
    from conftest import ROOT

    for path in sorted((ROOT / "simulator" / "cli").glob("*.py")):
        if path.name == "language.py":
            continue
        source = path.read_text(encoding="utf-8")
        for english in ("click.IntRange", "click.FloatRange", "click.Choice", "click.INT", "click.FLOAT"):
            assert english not in source, f"{path.name} uses {english}"
        assert "type=int" not in source and "type=float" not in source, path.name
