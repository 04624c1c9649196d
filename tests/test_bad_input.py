"""Bad input, end to end: `rampsim validate` and `rampsim run` refuse it with exit status 2 and a
message naming the file, the line and the field; never a traceback, never a (half-)written run.

Every case starts from three small valid files (a graph, an organisation file and a scenario, below
with their line numbers), breaks one thing, and runs the command in ``tmp_path``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from simulator.cli import cli
from simulator.model import yamlfile

GRAPH = """\
name: mini
assets:
  - id: stroom
    name: Onderstation
    sector: energy
    owner: netbeheerder
    recovery: {duration: 2h, crew: netbeheerder/monteurs}
  - id: gemaal
    sector: water
    owner: waterschap
    population: 1200
    needs:
      - type: power
        from: [stroom]
        tolerance: 3h
"""
# line  3: assets[0].id          line  8: assets[1].id
# line  6: assets[0].owner       line 11: assets[1].population
# line  7: assets[0].recovery    line 13: assets[1].needs[0] (type)
#                                line 14: assets[1].needs[0].from
#                                line 15: assets[1].needs[0].tolerance

ORGANISATIONS = """\
organisations:
  - id: netbeheerder
    crews:
      - {id: monteurs, size: 2}
  - id: waterschap
"""

SCENARIO = """\
name: oefening
graph: graph.yaml
organisations: orgs.yaml
start: 2027-01-15T02:30:00+01:00
duration: 12h
injects:
  - id: kabelbreuk
    at: 10min
    type: outage
    target: stroom
"""
# line 2: graph    line 9: injects[0].type    line 10: injects[0].target

BASE = {"graph.yaml": GRAPH, "orgs.yaml": ORGANISATIONS, "scenario.yaml": SCENARIO}
DIRECTORY = object()  # in a file mapping: make a directory of that name


def edit(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` (which must occur exactly once) replaced by ``new``."""
    assert text.count(old) == 1, f"{old!r} must occur once in the base file"
    return text.replace(old, new)


def write_files(folder: Path, files: dict) -> None:
    """BASE overridden by ``files``; None leaves a file out, DIRECTORY makes a directory instead."""
    for name, content in {**BASE, **files}.items():
        path = folder / name
        if content is None:
            continue
        if content is DIRECTORY:
            path.mkdir(parents=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def make_runner() -> CliRunner:
    env = {"RAMPSIM_LANG": None, "COLUMNS": "200"}
    try:
        return CliRunner(mix_stderr=False, env=env)  # click < 8.2
    except TypeError:
        return CliRunner(env=env)  # click >= 8.2 keeps stderr apart by default


def invoke(args: list[str]):
    result = make_runner().invoke(cli, args)
    # A bad input must end in a clean exit, not in an exception that click caught for us.
    assert isinstance(result.exception, SystemExit) or result.exception is None, result.exc_info
    return result


class Start(str):
    """An expected line of which only the start is pinned (the rest comes from a library)."""


def assert_refused(result, *expected_lines: str) -> None:
    """Exit status 2, each expected line printed in full on stderr, no traceback."""
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, (result.exit_code, result.output)
    for expected in expected_lines:
        found = any(line.startswith(expected) for line in lines) if isinstance(expected, Start) else expected in lines
        assert found, f"\nexpected: {expected}\nstderr:\n{result.stderr}"
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """``tmp_path`` as the current directory, so messages name files as ``graph.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_both(workdir: Path, target: str, *expected_lines: str) -> None:
    """``validate TARGET`` and ``run TARGET --out out`` both refuse, and ``run`` writes nothing."""
    assert_refused(invoke(["validate", target]), *expected_lines)
    before = set(workdir.rglob("*"))
    assert_refused(invoke(["run", target, "--out", "out"]), *expected_lines)
    assert not (workdir / "out").exists()
    assert not list(workdir.glob(".out.partial-*"))
    assert set(workdir.rglob("*")) == before, "a refused run must not create any file"


def test_base_files_are_valid(workdir):
    """Each case below fails because of its one edit, not because the base is wrong."""
    write_files(workdir, {})
    assert invoke(["validate", "scenario.yaml", "graph.yaml", "orgs.yaml"]).exit_code == 0
    result = invoke(["run", "scenario.yaml", "--out", "out", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (workdir / "out" / "events.csv").exists()


# --- cases of one shape: edit the base files, expect one located message -------------------------

CASES = [
    pytest.param(
        {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerance: '3 uurtjes'")},
        "graph.yaml:15: assets[1].needs[0].tolerance: '3 uurtjes' is not a duration: "
        "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
        "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
        id="not-a-duration",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerence: 3h")},
        "graph.yaml:15: assets[1].needs[0].tolerence: unknown field 'tolerence' (did you mean 'tolerance'?)",
        id="unknown-field-typo",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "population: 1200", 'population: "veel"')},
        "graph.yaml:11: assets[1].population: expected a whole number, got 'veel'",
        id="wrong-type",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "from: [stroom]", "from: [stroon]")},
        "graph.yaml:14: assets[1].needs[0].from[0]: unknown asset 'stroon' (did you mean 'stroom'?)",
        id="unknown-supplier",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "target: stroom", "target: stroon")},
        "scenario.yaml:10: injects[0].target: unknown asset 'stroon' (did you mean 'stroom'?)",
        id="unknown-inject-target",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "owner: netbeheerder", "owner: netbeheer")},
        "graph.yaml:6: assets[0].owner: unknown organisation 'netbeheer' (did you mean 'netbeheerder'?)",
        id="unknown-owner",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "crew: netbeheerder/monteurs", "crew: netbeheerder/monteur")},
        "graph.yaml:7: assets[0].recovery.crew: unknown crew 'netbeheerder/monteur' (did you mean"
        " 'netbeheerder/monteurs'?) (write organisation/crew, e.g. netbeheerder/monteurs)",
        id="unknown-crew",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "id: gemaal", "id: stroom")},
        "graph.yaml:8: assets[1].id: duplicate id 'stroom' (first defined at graph.yaml:3)",
        id="duplicate-asset-id",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "        tolerance: 3h\n", "        tolerance: 3h\n        need: 2\n")},
        "graph.yaml:16: assets[1].needs[0].need: need: 2 is larger than the number of suppliers (1)",
        id="need-larger-than-suppliers",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "from: [stroom]", "from: [stroom, gemaal]")},
        "graph.yaml:14: assets[1].needs[0].from[1]: asset 'gemaal' cannot need itself",
        id="needs-itself",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerance: -30min")},
        "graph.yaml:15: assets[1].needs[0].tolerance: '-30min' is a negative duration",
        id="negative-duration",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerance: -30")},
        "graph.yaml:15: assets[1].needs[0].tolerance: '-30' is a negative duration",
        id="negative-minutes",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "duration: 2h,", "duration: 'uniform(-1h, 2h)',")},
        "graph.yaml:7: assets[0].recovery.duration: '-1h' is a negative duration",
        id="negative-in-distribution",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "duration: 2h,", "duration: 'gamma(2h, 3h)',")},
        "graph.yaml:7: assets[0].recovery.duration: unknown distribution 'gamma'"
        " (known: fixed, uniform, triangular, lognormal, exponential)",
        id="unknown-distribution",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "duration: 2h,", "duration: 'lognormal(median=3h, p90=1h)',")},
        "graph.yaml:7: assets[0].recovery.duration: 'lognormal(median=3h, p90=1h)': 0 < median < p90 "
        "(the 90th percentile above the median) must hold",
        id="lognormal-p90-below-median",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "type: outage", "type: cyber.phishing")},
        "scenario.yaml:9: injects[0].type: 'cyber.phishing' is not one of"
        " 'outage', 'cyber.compromise', 'cyber.ransomware', 'cyber.ddos', 'online.fraud', 'online.threat', "
        "'hazard', 'online.mobilization'",
        id="unknown-inject-type",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "        tolerance: 3h\n", "        tolerance: 3h: x\n")},
        Start("graph.yaml:15: YAML syntax error: a ':' (key: value) is not allowed here"),
        id="yaml-syntax-error",
    ),
    pytest.param(
        {"graph.yaml": GRAPH.encode("utf-8").replace(b"name: Onderstation", b"name: Onderstation \xe9\xe9n")},
        "graph.yaml:4: bytes that are not UTF-8 text (save the file as UTF-8)",
        id="not-utf8",
    ),
    pytest.param(
        {"graph.yaml": ""},
        "graph.yaml: file is empty",
        id="empty-file",
    ),
    pytest.param(
        {"graph.yaml": "# only a comment\n\n"},
        "graph.yaml: file is empty",
        id="only-comments",
    ),
    pytest.param(
        {"graph.yaml": None},
        "scenario.yaml:2: graph: file not found: graph.yaml",
        id="graph-file-missing",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: net.yaml"), "net.yaml": DIRECTORY},
        "scenario.yaml:2: graph: is a directory, expected a file: net.yaml",
        id="graph-is-a-directory",
    ),
    pytest.param(
        {"orgs.yaml": None},
        "scenario.yaml:3: organisations: file not found: orgs.yaml",
        id="organisations-file-missing",
    ),
    pytest.param(
        {
            "graph.yaml": "include: [b.yaml]\n" + GRAPH,
            "b.yaml": "name: b\ninclude:\n  - graph.yaml\nassets: []\n",
        },
        "b.yaml:3: include[0]: include cycle: graph.yaml -> b.yaml -> graph.yaml",
        id="include-cycle",
    ),
    pytest.param(
        {"graph.yaml": "include: [elders.yaml]\n" + GRAPH},
        "graph.yaml:1: include[0]: file not found: elders.yaml",
        id="include-missing",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{"nodes": [\n  {"id": "stroom", "sector": "energy"},\n'
            '  {"id": "gemaal" "sector": "water"}\n]}\n',
        },
        Start("graph.json:3: JSON syntax error: "),
        id="json-syntax-error",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{\n  "nodes": [\n    {"id": "stroom", "sector": "energy"},\n'
            '    {"id": "gemaal", "sector": "water",\n     "population": "veel"}\n  ],\n  "links": []\n}\n',
        },
        "graph.json:5: nodes[1].population: expected a whole number, got 'veel'",
        id="json-wrong-type",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{\n  "nodes": [{"id": "stroom", "sector": "energy"}],\n'
            '  "links": [\n    {"source": "stroom", "target": "gemaal", "type": "power"}\n  ]\n}\n',
        },
        "graph.json:4: links[0].target: unknown asset 'gemaal'",
        id="json-unknown-link-target",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(
                SCENARIO, "name: oefening", "name: !!python/object/apply:os.system ['echo hi > marker']"
            )
        },
        (
            "scenario.yaml:1: YAML tag '!!python/object/apply:os.system' is not allowed (rampsim files hold plain "
            "data only)"
        ),
        id="python-tag",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "organisations: orgs.yaml", "organisations: [orgs.yaml, meer.yaml]")},
        "scenario.yaml:3: organisations[1]: file not found: meer.yaml",
        id="second-organisations-file-missing",
    ),
    pytest.param(
        {"orgs.yaml": ORGANISATIONS + "  - id: netbeheerder\n"},
        "orgs.yaml:6: organisations[2].id: duplicate id 'netbeheerder' (first defined at orgs.yaml:2)",
        id="duplicate-organisation",
    ),
    pytest.param(
        {"orgs.yaml": edit(ORGANISATIONS, "size: 2", "size: twee")},
        "orgs.yaml:4: organisations[0].crews[0].size: expected a whole number, got 'twee'",
        id="organisation-file-wrong-type",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: werkmap"), "werkmap": DIRECTORY},
        "scenario.yaml:2: graph: expected assets.csv and needs.csv side by side; missing assets.csv",
        id="graph-csv-folder-empty",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.txt"), "graph.txt": GRAPH},
        "scenario.yaml:2: graph: unknown file type '.txt' (expected .yaml, .yml, .json, .graphml"
        " or a folder with assets.csv and needs.csv)",
        id="graph-unknown-suffix",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "duration: 12h", "duration: 0min")},
        "scenario.yaml:5: duration: 0.0 must be more than 0.0",
        id="zero-duration",
    ),
    pytest.param(
        {"scenario.yaml": edit(SCENARIO, "at: 10min", "at: -10min")},
        "scenario.yaml:8: injects[0].at: '-10min' is a negative duration",
        id="negative-inject-time",
    ),
    pytest.param(
        {"scenario.yaml": SCENARIO + "priorities: {stroon: 3}\n"},
        "scenario.yaml:11: priorities.stroon: unknown asset 'stroon' (did you mean 'stroom'?)",
        id="unknown-priority-asset",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "    population: 1200\n", "    population: 1200\n    5: vijf\n")},
        "graph.yaml:12: assets[1].5: unknown field '5' (a decimal comma inside {...} splits a number: "
        'write it with a point, 0.5, or in quotes, "0,5")',
        id="key-not-text",
    ),
    pytest.param(
        {"graph.yaml": edit(GRAPH, "    population: 1200\n", "    population: 1200\n    ? [a, b]\n    : x\n")},
        "graph.yaml:12: YAML syntax error: a key that is a list or a mapping ([...] or {...} before ':'): "
        "a key must be plain text",
        id="unhashable-key",
    ),
    pytest.param(
        {
            "graph.yaml": edit(
                edit(GRAPH, "name: Onderstation", "name: Onderstation " + "ĳ" * 40),
                "sector: water",
                "sector: wa\x00ter",
            )
        },
        Start("graph.yaml:9: YAML syntax error: a control character YAML does not allow (NUL or another invisible"),
        id="nul-character",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{\n  "nodes": [\n    {"id": "stroom", "sector": "energy"},\n'
            '    {"id": "gemaal", "sector": "water"}\n  ],\n'
            '  "links": [\n    {"source": "stroom", "target": "gemaal", "type": "power", "key": 0, "order": 0},\n'
            '    {"source": "stroon", "target": "gemaal", "type": "power", "key": 0, "order": 1}\n  ]\n}\n',
        },
        "graph.json:8: links[1].source: unknown asset 'stroon' (did you mean 'stroom'?)",
        id="json-unknown-supplier",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{\n  "nodes": [{"id": "stroom", "sector": "energy"}, {"id": "gemaal", "sector": "water"}],\n'
            '  "links": [\n    "stroom -> gemaal",\n    {"source": "stroom", "target": "gemaal", "key": [0]}\n  ]\n}\n',
        },
        (
            'graph.json:4: links[0]: expected a mapping of fields, got "stroom -> gemaal"',
            "graph.json:5: links[1].key: expected a whole number, got [0]",
        ),
        id="json-malformed-links",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{"nodes": [{"id": "stroom", "sector": "energy", "population": ' + "9" * 5000 + "}]}",
        },
        Start("graph.json: JSON syntax error: "),
        id="json-huge-integer",
    ),
    pytest.param(
        {
            "scenario.yaml": edit(SCENARIO, "graph: graph.yaml", "graph: graph.json"),
            "graph.json": '{"nodes": ' + "[" * 100_000 + "}",
        },
        Start("graph.json: JSON syntax error: "),
        id="json-nested-too-deep",
    ),
    pytest.param(
        {"scenario.yaml": SCENARIO + "duration: 6h\n"},
        "scenario.yaml:11: key 'duration' appears twice in the same mapping",
        id="duplicate-key",
    ),
    pytest.param(
        {"scenario.yaml": "- name: oefening\n"},
        "scenario.yaml:1: expected a mapping of fields at the top of the file, got list",
        id="top-level-list",
    ),
]


@pytest.mark.parametrize("files, expected", CASES)
def test_bad_scenario_input_is_refused_with_location(workdir, files, expected):
    write_files(workdir, files)
    run_both(workdir, "scenario.yaml", *(expected if isinstance(expected, tuple) else (expected,)))


@pytest.mark.parametrize(
    "graph, expected",
    [
        (
            edit(
                edit(GRAPH, "name: Onderstation", "name: Onderstation " + "ĳ" * 40),
                "sector: water",
                "sector: wa\x00ter",
            ),
            "graph.yaml:9: YAML syntax error: a control character YAML does not allow (NUL or another invisible"
            " character)",
        ),
        (
            edit(GRAPH, "name: Onderstation", "name: !!python/object/apply:os.system ['echo hi > marker']"),
            "graph.yaml:4: YAML tag '!!python/object/apply:os.system' is not allowed",
        ),
        (
            edit(GRAPH, "        tolerance: 3h\n", "        tolerance: 3h: x\n"),
            "graph.yaml:15: YAML syntax error: a ':' (key: value) is not allowed here",
        ),
    ],
    ids=["nul-character", "python-tag", "syntax-error"],
)
def test_pure_python_yaml_parser_gives_the_same_errors(workdir, monkeypatch, graph, expected):
    """Without libyaml's C parser PyYAML reads in Python; errors must stay located, not crash."""
    monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    write_files(workdir, {"graph.yaml": graph})
    assert_refused(invoke(["validate", "scenario.yaml"]), Start(expected))
    assert not (workdir / "marker").exists()


def test_python_tag_constructs_nothing(workdir):
    write_files(
        workdir,
        {
            "scenario.yaml": edit(
                SCENARIO, "name: oefening", "name: !!python/object/apply:os.system ['echo hi > marker']"
            )
        },
    )
    invoke(["validate", "scenario.yaml"])
    invoke(["run", "scenario.yaml", "--out", "out"])
    assert not (workdir / "marker").exists()


def test_graph_file_validated_on_its_own(workdir):
    """The same located message when the graph file itself is given to validate."""
    write_files(workdir, {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerance: '3 uurtjes'")})
    assert_refused(
        invoke(["validate", "graph.yaml"]),
        "graph.yaml:15: assets[1].needs[0].tolerance: '3 uurtjes' is not a duration: "
        "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
        "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
    )


def test_every_problem_of_a_file_is_reported(workdir):
    broken = edit(edit(GRAPH, "tolerance: 3h", "tolerance: '3 uurtjes'"), "population: 1200", 'population: "veel"')
    write_files(workdir, {"graph.yaml": broken})
    assert_refused(
        invoke(["validate", "scenario.yaml"]),
        "graph.yaml:11: assets[1].population: expected a whole number, got 'veel'",
        "graph.yaml:15: assets[1].needs[0].tolerance: '3 uurtjes' is not a duration: "
        "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
        "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
    )


# --- the file named on the command line ---------------------------------------------------------


def test_missing_file(workdir):
    run_both(workdir, "nergens.yaml", "nergens.yaml: file not found")


def test_directory_given_as_scenario(workdir):
    write_files(workdir, {"scenario.yaml": DIRECTORY})
    run_both(workdir, "scenario.yaml", "scenario.yaml: is a directory, expected a file")


def test_directory_given_to_validate_is_read_as_csv_pair(workdir):
    """A folder is a graph as a CSV pair (assets.csv, needs.csv); an empty one says what it misses."""
    (workdir / "werkmap").mkdir()
    assert_refused(
        invoke(["validate", "werkmap"]), "werkmap: expected assets.csv and needs.csv side by side; missing assets.csv"
    )


# --- YAML that would hurt the reader ------------------------------------------------------------

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
assets: *i
"""


@pytest.mark.parametrize("command", ["validate", "run"])
def test_alias_bomb_refused_quickly(workdir, command):
    write_files(workdir, {"graph.yaml": BILLION_LAUGHS})
    started = time.perf_counter()
    result = invoke([command, "scenario.yaml"] + (["--out", "out"] if command == "run" else []))
    elapsed = time.perf_counter() - started
    assert_refused(result)
    assert "graph.yaml: YAML aliases expand to" in result.stderr
    assert "refused" in result.stderr
    assert elapsed < 2.0
    assert not (workdir / "out").exists()


def test_moderate_aliases_are_fine(workdir):
    """Anchors for shared defaults are ordinary YAML and stay allowed."""
    graph = edit(
        GRAPH,
        "    recovery: {duration: 2h, crew: netbeheerder/monteurs}\n",
        "    recovery: &herstel {duration: 2h, crew: netbeheerder/monteurs}\n",
    )
    graph = edit(graph, "    population: 1200\n", "    population: 1200\n    recovery: *herstel\n")
    write_files(workdir, {"graph.yaml": graph})
    result = invoke(["validate", "scenario.yaml"])
    assert result.exit_code == 0, result.output


# --- command-line values ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "until, expected",
    [
        (
            "3 uurtjes",
            "--until: '3 uurtjes' is not a duration: "
            "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
            "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
        ),
        ("0min", "--until: 0min must be more than 0"),
    ],
)
def test_bad_until(workdir, until, expected):
    write_files(workdir, {})
    result = invoke(["run", "scenario.yaml", "--out", "out", "--until", until])
    assert_refused(result, expected)
    assert not (workdir / "out").exists()


def test_dutch_messages(workdir):
    write_files(workdir, {"graph.yaml": edit(GRAPH, "tolerance: 3h", "tolerence: 3h")})
    result = invoke(["--lang", "nl", "validate", "scenario.yaml"])
    assert_refused(
        result, "graph.yaml:15: assets[1].needs[0].tolerence: onbekend veld 'tolerence' (bedoelt u 'tolerance'?)"
    )


def test_dutch_messages_for_a_missing_file(workdir):
    result = invoke(["--lang", "nl", "run", "nergens.yaml", "--out", "out"])
    assert_refused(result, "nergens.yaml: bestand niet gevonden")


# --- the bundled files are valid ----------------------------------------------------------------

BUNDLED = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "scenarios").glob("*.yaml")) + [
    "infrastructure_graphs/havenstad.yaml",
    "scenarios/common/nl-crisisorganisatie.yaml",
]


@pytest.mark.parametrize("path", BUNDLED)
def test_bundled_files_are_valid(path):
    result = subprocess.run(
        [sys.executable, "-m", "simulator", "validate", path], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert ": valid (" in result.stdout or ": geldig (" in result.stdout  # in the file's own language
