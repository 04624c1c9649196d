"""`rampsim validate` checks every reference and reports every problem of a file at once, with file,
line and field, exit status 2; what it accepts, `rampsim run` runs without a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from test_bad_input import assert_refused, invoke, run_both, write_files


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """``tmp_path`` as the current directory, so messages name files as ``scenario.yaml``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def bundled(tmp_path, monkeypatch) -> Path:
    """A copy of the bundled scenarios and graphs in ``tmp_path`` (the current directory)."""
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    shutil.copytree(ROOT / "infrastructure_graphs", tmp_path / "infrastructure_graphs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_misspelt_basin_is_a_validation_error_not_a_crash_of_the_run(bundled):
    """``basin: oostpoldr`` in a copy of polder-gemaal-hack.yaml (line 52): validate and run both
    refuse it at its line and field; nothing is written."""
    edit(bundled / "scenarios/polder-gemaal-hack.yaml", "basin: oostpolder", "basin: oostpoldr")
    run_both(
        bundled,
        "scenarios/polder-gemaal-hack.yaml",
        (
            "scenarios/polder-gemaal-hack.yaml:52: injects[0].hazard.basin: onbekend bekken 'oostpoldr' (bedoelt "
            "u 'oostpolder'?)"  # the scenario is Dutch (language: nl), so are its errors
        ),
    )


def test_a_lock_breach_names_a_known_lock(bundled):
    """``lock: sluis-nord`` (no such asset) under the lock breach of sluis-havenstad.yaml."""
    path = bundled / "scenarios/sluis-havenstad.yaml"
    line = path.read_text(encoding="utf-8").splitlines().index("      model: lock_breach") + 2
    edit(path, "      model: lock_breach\n", "      model: lock_breach\n      lock: sluis-nord\n")
    result = invoke(["validate", "scenarios/sluis-havenstad.yaml"])
    assert_refused(result)
    assert [row for row in result.stderr.splitlines() if "sluis-nord" in row] == [
        (
            f"scenarios/sluis-havenstad.yaml:{line}: injects[1].hazard.lock: onbekend object 'sluis-nord' "
            f"(bedoelt u 'sluis-noord'?)"
        )
    ], result.stderr


SCENARIO_OF_THREE = """\
name: drie fouten
graph: graph.yaml
organisations: orgs.yaml
start: 2027-01-15T02:30:00+01:00
duration: 12h
injects:
  - id: a
    type: outage
    target: stroomm
  - id: b
    type: outage
    target: stroom
    duration: 2 uurtjes
  - id: c
    type: outage
    target: stroom
    duraton: 2h
"""


def test_every_problem_of_a_file_at_once_schema_and_references(workdir):
    """Three mistakes in three injects (an unknown target, a bad duration, a misspelt field): all
    three, in the order of their lines, not only the two the schema finds."""
    write_files(workdir, {"scenario.yaml": SCENARIO_OF_THREE})
    result = invoke(["validate", "scenario.yaml"])
    assert_refused(result)
    assert result.stderr.splitlines() == [
        "scenario.yaml:9: injects[0].target: unknown asset 'stroomm' (did you mean 'stroom'?)",
        "scenario.yaml:13: injects[1].duration: '2 uurtjes' is not a distribution (e.g. 2h, uniform(1h, 3h), "
        "triangular(1h, 2h, 6h), lognormal(median=40min, p90=3h), exponential(mean=2h))",
        "scenario.yaml:17: injects[2].duraton: unknown field 'duraton' (did you mean 'duration'?)",
    ]


def test_a_missing_graph_is_reported_with_the_schema_problems_and_the_path_tried(workdir):
    write_files(workdir, {"scenario.yaml": SCENARIO_OF_THREE.replace("graph: graph.yaml", "graph: ../net/graph.yaml")})
    result = invoke(["validate", "scenario.yaml"])
    assert_refused(result)
    lines = result.stderr.splitlines()
    assert lines[0] == f"scenario.yaml:2: graph: file not found: {Path('../net/graph.yaml')}"
    assert [line.split(":")[1] for line in lines] == ["2", "13", "17"]


@pytest.mark.parametrize(
    "at, message",
    [
        ("12h", "the inject comes at 12h, at or after the end of the scenario (duration 12h): it would never happen"),
        (
            "uniform(13h, 14h)",
            (
                "the inject comes at uniform(13h, 14h), at or after the end of the scenario (duration 12h): it "
                "would never happen"
            ),
        ),
    ],
)
def test_an_inject_after_the_end_is_an_error(workdir, at, message):
    scenario = (
        SCENARIO_OF_THREE.replace("    duration: 2 uurtjes\n", f"    at: {at}\n")
        .replace("duraton", "duration")
        .replace("stroomm", "stroom")
    )
    write_files(workdir, {"scenario.yaml": scenario})
    run_both(workdir, "scenario.yaml", f"scenario.yaml:13: injects[1].at: {message}")


def test_an_inject_that_may_come_before_the_end_is_accepted(workdir):
    scenario = (
        SCENARIO_OF_THREE.replace("    duration: 2 uurtjes\n", "    at: uniform(11h, 14h)\n")
        .replace("duraton", "duration")
        .replace("stroomm", "stroom")
    )
    write_files(workdir, {"scenario.yaml": scenario})
    assert invoke(["validate", "scenario.yaml"]).exit_code == 0


GRAPH_OF_THREE = """\
name: mini
assets:
  - id: stroom
    sector: energy
  - id: gemaal
    sector: water
    needs:
      - {type: power, from: [stroomm], tolerance: 3h}
  - id: zuivering
    sector: water
    needs:
      - {type: power, from: [stroom], tolerance: 3 uurtjes}
  - id: kantoor
    sector: government
    needs:
      - {type: water, from: [zuivering]}
"""


def test_every_problem_of_a_graph_file_at_once(workdir):
    """A misspelt supplier (line 8) and a bad tolerance (line 12): both, by line; the asset that
    failed the schema is not called unknown where another asset needs it (line 16)."""
    (workdir / "graph.yaml").write_text(GRAPH_OF_THREE, encoding="utf-8")
    result = invoke(["validate", "graph.yaml"])
    assert_refused(result)
    assert result.stderr.splitlines() == [
        "graph.yaml:8: assets[1].needs[0].from[0]: unknown asset 'stroomm' (did you mean 'stroom'?)",
        "graph.yaml:12: assets[2].needs[0].tolerance: '3 uurtjes' is not a duration: "
        "write a number of minutes or a number with a unit, e.g. 90s, 45min, "
        "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)",
    ]
