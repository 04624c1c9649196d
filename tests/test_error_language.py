"""Errors in the scenario's language from the first check on: a ``language: nl`` scenario is refused
in Dutch, whether it fails its schema, its references or even its YAML syntax; ``--lang`` and
``RAMPSIM_LANG`` still win; ``validate`` answers each file in its own language."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_bad_input import BASE, assert_refused, edit, invoke, write_files

from simulator.model.yamlfile import declared_language

DUTCH = "language: nl\n" + BASE["scenario.yaml"]  # the unknown field below lands on line 2


@pytest.mark.parametrize("command", ["run", "validate"])
def test_an_unknown_field_of_a_dutch_scenario_is_refused_in_dutch(tmp_path, command):
    write_files(tmp_path, {"scenario.yaml": edit(DUTCH, "name: oefening\n", "name: oefening\nfoo: 3\n")})
    result = invoke([command, str(tmp_path / "scenario.yaml")])
    assert_refused(result, f"{tmp_path / 'scenario.yaml'}:3: foo: onbekend veld 'foo'")


def test_a_yaml_syntax_error_of_a_dutch_scenario_is_refused_in_dutch(tmp_path):
    write_files(tmp_path, {"scenario.yaml": DUTCH + "seed: [1\n"})
    result = invoke(["run", str(tmp_path / "scenario.yaml")])
    assert result.exit_code == 2
    assert "YAML-syntaxfout: een lijst tussen [ ] is niet gesloten: verwacht ',' of ']'" in result.stderr, result.stderr


def test_a_reference_problem_in_an_included_file_is_told_in_the_scenario_language(tmp_path):
    """The graph declares no language; the problem is found while loading the Dutch scenario."""
    write_files(
        tmp_path, {"scenario.yaml": DUTCH, "graph.yaml": edit(BASE["graph.yaml"], "from: [stroom]", "from: [strom]")}
    )
    result = invoke(["run", str(tmp_path / "scenario.yaml")])
    assert result.exit_code == 2
    english = invoke(["run", "--lang", "en", str(tmp_path / "scenario.yaml")])
    assert english.exit_code == 2
    assert "onbekend object" in result.stderr and "unknown asset" in english.stderr
    assert "strom" in result.stderr and "strom" in english.stderr


def test_lang_option_and_environment_override_the_scenario_language(tmp_path, monkeypatch):
    write_files(tmp_path, {"scenario.yaml": edit(DUTCH, "name: oefening\n", "name: oefening\nfoo: 3\n")})
    english = f"{tmp_path / 'scenario.yaml'}:3: foo: unknown field 'foo'"
    assert_refused(invoke(["run", "--lang", "en", str(tmp_path / "scenario.yaml")]), english)
    assert_refused(invoke(["--lang", "en", "validate", str(tmp_path / "scenario.yaml")]), english)


def test_a_scenario_without_a_language_is_refused_in_english(tmp_path):
    write_files(
        tmp_path, {"scenario.yaml": edit(BASE["scenario.yaml"], "name: oefening\n", "name: oefening\nfoo: 3\n")}
    )
    assert_refused(
        invoke(["run", str(tmp_path / "scenario.yaml")]), f"{tmp_path / 'scenario.yaml'}:2: foo: unknown field 'foo'"
    )


def test_validate_answers_each_file_in_its_own_language(tmp_path):
    write_files(tmp_path, {"scenario.yaml": edit(DUTCH, "name: oefening\n", "name: oefening\nfoo: 3\n")})
    (tmp_path / "en.yaml").write_text(edit(BASE["scenario.yaml"], "name: oefening\n", "name: oefening\nbar: 3\n"))
    result = invoke(
        ["validate", str(tmp_path / "scenario.yaml"), str(tmp_path / "en.yaml"), str(tmp_path / "graph.yaml")]
    )
    assert_refused(
        result,
        f"{tmp_path / 'scenario.yaml'}:3: foo: onbekend veld 'foo'",
        f"{tmp_path / 'en.yaml'}:2: bar: unknown field 'bar'",
    )
    assert "valid (graph, 2 assets)" in result.stdout


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("language: nl\n", "nl"),
        ("name: x\nlanguage: 'en'  # for the trainers\n", "en"),
        ('language: "nl"\n', "nl"),
        ("name: x\n", None),
        ("variants:\n  a:\n    language: nl\n", None),  # only the top level counts
        ("language: de\n", None),
        ("language: nl\nseed: [1\n", "nl"),  # known even when the YAML is broken
    ],
)
def test_declared_language_is_read_from_the_top_level_line(tmp_path, content, expected):
    path = tmp_path / "s.yaml"
    path.write_text(content, encoding="utf-8")
    assert declared_language(path) == expected


def test_declared_language_of_a_missing_file_is_none(tmp_path):
    assert declared_language(Path(tmp_path / "missing.yaml")) is None


def test_bounds_are_written_with_the_language_decimal_sign():
    from simulator.model.errors import render

    bound = ("bound.ge", {"limit": 0.0})
    assert render("value.range", {"value": -0.2, "bound": bound}, "nl") == "-0,2 moet minstens 0,0 zijn"
    assert render("value.range", {"value": -0.2, "bound": bound}, "en") == "-0.2 must be at least 0.0"


def test_a_field_of_other_entries_is_not_suggested_as_itself(tmp_path):
    write_files(tmp_path, {"scenario.yaml": edit(DUTCH, "type: outage\n", "type: outage\n    probability: 0.5\n")})
    result = invoke(["run", str(tmp_path / "scenario.yaml")])
    assert result.exit_code == 2
    assert "bedoelt u 'probability'" not in result.stderr
    assert "onbekend veld 'probability' (een veld van andere soorten onderdelen, niet van dit)" in result.stderr


def test_a_pack_is_validated_in_its_scenario_language(tmp_path):
    write_files(tmp_path, {"scenario.yaml": DUTCH})
    pack = tmp_path / "case.zip"
    assert invoke(["pack", str(tmp_path / "scenario.yaml"), "--out", str(pack)]).exit_code == 0
    assert declared_language(pack) == "nl"
    assert ": geldig (" in invoke(["validate", str(pack)]).stdout
