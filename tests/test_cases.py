"""The library of real cases: the ``sources:``/``outcomes:``/``limits:`` schema, ``rampsim cases``
(the listing) and ``rampsim cases check`` (each band against a small ensemble), on a tiny case
whose outcomes are known by hand, and on every shipped case.

The tiny case::

    stroom --power (tolerance 30 min)--> gemaal

    outage of stroom at minute 0 for exactly 2 h (no repair: the outage has a duration)
    stroom: down 0..120            -> downtime 120 min in every run
    gemaal: buffer runs out at 30, supply back at 120, restart 0 -> down 30..120 = 90 min
    assets_failed = 2 in every run; first_failure_min[gemaal] = 30
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from simulator.analysis.cases import VERDICTS, check_cases, load_cases, outcome_values, verdict
from simulator.analysis.ensemble import SCALAR_METRICS
from simulator.cli import cli
from simulator.model import LoadError, load_scenario
from simulator.model.outcomes import OUTCOME_METRICS, PER_ASSET_METRICS

GRAPH = """\
name: mini
assets:
  - id: stroom
    sector: energy
  - id: gemaal
    sector: water
    needs:
      - {type: power, from: stroom, tolerance: 30min}
"""

HEAD = """\
name: Mini-casus
graph: graph.yaml
start: 2027-01-15T02:30:00+01:00
duration: 6h
injects:
  - {type: outage, target: stroom, duration: 2h}
sources:
  - {title: Testbron, publisher: rampsim, year: 2026, link: https://example.org/bron}
limits: de ploegen zitten er niet in
outcomes:
"""
# the first outcome starts on line 11


def outcome(lines: str) -> str:
    """One outcome entry, indented under ``outcomes:``."""
    body = lines.strip("\n").splitlines()
    return "  - " + body[0] + "\n" + "".join(f"    {line}\n" for line in body[1:])


STROOM_INSIDE = outcome(
    "id: stroom-weg\nsays: stroom twee uur weg\nmetric: downtime_min\nasset: stroom\nunit: h\nlow: 1\nhigh: 3"
)
STROOM_OUTSIDE = outcome("id: stroom-lang\nmetric: downtime_min\nasset: stroom\nunit: h\nlow: 3\nhigh: 4")
GEMAAL_EXACT = outcome("id: gemaal-weg\nmetric: downtime_min\nasset: gemaal\nunit: min\nlow: 90\nhigh: 90")
TWO_FAILED = outcome("id: twee-uit\nmetric: assets_failed\nunit: assets\nlow: 2\nhigh: 2")


def write_case(folder: Path, outcomes: str, name: str = "mini-casus.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    path = folder / name
    path.write_text(HEAD + outcomes, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(cli, ["--lang", "en", *args])


# --- the schema --------------------------------------------------------------------------------------


def test_a_case_file_loads_with_its_sources_bands_and_limits(tmp_path):
    scenario = load_scenario(write_case(tmp_path, STROOM_INSIDE + TWO_FAILED))
    spec = scenario.spec
    assert [(s.title, s.publisher, s.year, s.link) for s in spec.sources] == [
        ("Testbron", "rampsim", 2026, "https://example.org/bron")
    ]
    assert spec.limits == "de ploegen zitten er niet in"
    first, second = spec.outcomes
    assert (first.id, first.metric, first.asset, first.unit, first.says) == (
        "stroom-weg",
        "downtime_min",
        "stroom",
        "h",
        "stroom twee uur weg",
    )
    assert (first.low_value, first.high_value) == (60.0, 180.0)  # hours in minutes
    assert (second.asset, second.low_value, second.high_value) == (None, 2.0, 2.0)


def test_a_scenario_without_case_fields_has_none():
    spec = load_scenario(ROOT / "scenarios" / "ddos-112-havenstad.yaml").spec
    assert (spec.sources, spec.outcomes, spec.limits) == ((), (), "")


METRICS_LIST = (
    "downtime_min, first_failure_min (with asset), assets_failed, peak_assets_failed, "
    "unserved_population_hours, time_to_full_recovery_min, events, time_to_detection_min, "
    "first_known_after_start_min, grip_max, time_to_containment_min, population_flooded"
)


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        (
            outcome("id: x\nmetric: downtime\nasset: stroom\nunit: h\nlow: 1\nhigh: 3"),
            "mini-casus.yaml:12: outcomes[0].metric: unknown metric 'downtime' (did you mean 'downtime_min'?); "
            f"a band names one of: {METRICS_LIST}",
        ),
        (
            outcome("id: x\nmetric: downtime_min\nunit: h\nlow: 1\nhigh: 3"),
            "mini-casus.yaml:11: outcomes[0].asset: downtime_min is measured per asset: give the asset as well "
            "(asset: ID)",
        ),
        (
            outcome("id: x\nmetric: grip_max\nasset: stroom\nunit: grip\nlow: 3\nhigh: 3"),
            "mini-casus.yaml:13: outcomes[0].asset: grip_max is one number per run, not per asset: leave out asset",
        ),
        (
            outcome("id: x\nmetric: downtime_min\nasset: stroom\nunit: hours\nlow: 1\nhigh: 3"),
            "mini-casus.yaml:14: outcomes[0].unit: unit 'hours' does not fit downtime_min; choose from: "
            "min, h, d, weeks",
        ),
        (
            outcome("id: x\nmetric: assets_failed\nunit: h\nlow: 1\nhigh: 3"),
            "mini-casus.yaml:13: outcomes[0].unit: unit 'h' does not fit assets_failed; choose from: assets",
        ),
        (
            outcome("id: x\nmetric: downtime_min\nasset: stroom\nunit: h\nlow: 4\nhigh: 3"),
            "mini-casus.yaml:16: outcomes[0].high: high (3) is below low (4)",
        ),
        (
            outcome("id: x\nmetric: downtime_min\nasset: sluis\nunit: h\nlow: 1\nhigh: 3"),
            "mini-casus.yaml:13: outcomes[0].asset: unknown asset 'sluis'",
        ),
        (
            outcome("id: x\nmetric: downtime_min\nasset: stroom\nunit: h\nlow: 1\nhigh: 3\nsource: KPN"),
            "mini-casus.yaml:17: outcomes[0].source: unknown field 'source' (did you mean 'sources'?)",
        ),
        (
            STROOM_INSIDE + outcome("id: stroom-weg\nmetric: assets_failed\nunit: assets\nlow: 1\nhigh: 1"),
            "mini-casus.yaml:18: outcomes[1].id: duplicate id 'stroom-weg' (first defined at outcomes)",
        ),
    ],
)
def test_a_bad_band_is_refused_with_file_line_and_field(tmp_path, outcomes, expected):
    path = write_case(tmp_path, outcomes)
    result = invoke("validate", str(path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.strip() == f"{tmp_path / expected.split(':', 1)[0]}:{expected.split(':', 1)[1]}"


def test_a_bad_source_is_refused_with_its_line(tmp_path):
    path = write_case(tmp_path, TWO_FAILED)
    text = path.read_text(encoding="utf-8").replace("link: https://example.org/bron", "link: example.org/bron")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_scenario(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.loc) == (8, ("sources", 0, "link"))


def test_the_band_metrics_are_the_ensemble_metrics():
    scalar = tuple(name for name in OUTCOME_METRICS if name not in PER_ASSET_METRICS)
    assert sorted(scalar) == sorted(SCALAR_METRICS)


# --- the verdict ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p5", "p95", "low", "high", "expected"),
    [
        (120, 120, 60, 180, "inside"),
        (60, 180, 60, 180, "inside"),  # the edges belong to the band
        (120, 120, 180, 240, "outside"),
        (181, 300, 60, 180, "outside"),
        (30, 59.9, 60, 180, "outside"),
        (50, 100, 60, 180, "overlaps"),
        (100, 200, 60, 180, "overlaps"),
        (30, 300, 60, 180, "overlaps"),  # the band inside a wider range
        (180, 240, 60, 180, "overlaps"),  # touching the edge
    ],
)
def test_verdict_by_hand(p5, p95, low, high, expected):
    assert verdict(p5, p95, low, high) == expected


bounds = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(bounds, bounds, bounds, bounds)
def test_verdict_says_where_the_range_lies(a, b, c, d):
    p5, p95 = sorted((a, b))
    low, high = sorted((c, d))
    judged = verdict(p5, p95, low, high)
    assert judged in VERDICTS
    assert (judged == "inside") == (low <= p5 and p95 <= high)
    assert (judged == "outside") == (p95 < low or p5 > high)


class _Ensemble:
    """What ``outcome_values`` reads of an ensemble: replications and failures."""

    def __init__(self, replications: pd.DataFrame, failures: pd.DataFrame):
        self.replications, self.failures = replications, failures


def test_an_asset_that_did_not_fail_counts_as_zero_downtime(tmp_path):
    scenario = load_scenario(write_case(tmp_path, STROOM_INSIDE + TWO_FAILED))
    band, scalar = scenario.spec.outcomes
    result = _Ensemble(
        pd.DataFrame({"replication": [0, 1, 2], "assets_failed": [1, 0, None]}),
        pd.DataFrame(
            {
                "replication": [0, 2, 2],
                "asset": ["stroom", "stroom", "stroom"],
                "first_failure_min": [5.0, 10.0, 200.0],
                "downtime_min": [30.0, 20.0, 40.0],
            }
        ),
    )
    assert outcome_values(result, band).tolist() == [30.0, 0.0, 60.0]  # type: ignore[arg-type]
    assert outcome_values(result, scalar).tolist() == [1.0, 0.0]  # a replication without a value is left out


# --- rampsim cases, rampsim cases check ----------------------------------------------------------------


def test_cases_lists_each_case_with_its_bands(tmp_path):
    write_case(tmp_path, STROOM_INSIDE + TWO_FAILED)
    result = CliRunner().invoke(cli, ["--lang", "en", "cases", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "│" in line]
    cells = [[cell.strip() for cell in line.split("│")[1:-1]] for line in lines]
    assert cells == [
        ["mini-casus.yaml", "Mini-casus", "stroom twee uur weg", "downtime_min[stroom]", "1h to 3h", "rampsim (2026)"],
        ["", "", "twee-uit", "assets_failed", "2 assets", ""],
    ]


@pytest.mark.parametrize(
    "args",
    [["--lang", "nl", "cases", "{dir}"], ["cases", "--lang", "nl", "{dir}"], ["cases", "{dir}", "--lang", "nl"]],
)
def test_cases_lists_in_dutch(tmp_path, args):
    write_case(tmp_path, STROOM_INSIDE)
    args = [a.format(dir=tmp_path) for a in args]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Casuïstiek in" in result.output
    assert "1u tot 3u" in result.output


def _dutch_case(folder: Path, outcomes: str) -> None:
    path = write_case(folder, outcomes)
    path.write_text(
        HEAD.replace("graph: graph.yaml\n", "graph: graph.yaml\nlanguage: nl\n") + outcomes, encoding="utf-8"
    )


def _cells(output: str) -> list[list[str]]:
    return [[c.strip() for c in line.split("│")[1:-1]] for line in output.splitlines() if "│" in line]


def test_cases_of_dutch_scenarios_list_with_dutch_headings_without_lang(tmp_path):
    """No --lang: the headings follow the language the cases declare, like their own words."""
    _dutch_case(tmp_path, STROOM_INSIDE)
    result = CliRunner().invoke(cli, ["cases", str(tmp_path)], env={"COLUMNS": "200", "RAMPSIM_LANG": ""})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].strip() == f"Casuïstiek in {tmp_path}"
    heads = [line for line in result.output.splitlines() if "┃" in line][0]
    assert [c.strip() for c in heads.split("┃")[1:-1]] == [
        "bestand", "casus", "gerapporteerde uitkomst", "maatstaf", "bandbreedte", "bronnen"
    ]  # fmt: skip
    assert _cells(result.output) == [
        ["mini-casus.yaml", "Mini-casus", "stroom twee uur weg", "downtime_min[stroom]", "1u tot 3u", "rampsim (2026)"]
    ]
    english = CliRunner().invoke(cli, ["cases", str(tmp_path), "--lang", "en"], env={"COLUMNS": "200"})
    assert english.output.splitlines()[0].strip() == f"Real cases in {tmp_path}"  # --lang still wins


def test_cases_check_of_a_dutch_case_speaks_dutch_without_lang(tmp_path):
    _dutch_case(tmp_path, GEMAAL_EXACT)
    result = CliRunner().invoke(
        cli, ["cases", "check", str(tmp_path), "-n", "2", "--seed", "1"], env={"COLUMNS": "200", "RAMPSIM_LANG": ""}
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].strip() == "Casuïstiek tegen rampsim: 2 runs per casus, hoofdseed 1"
    heads = [line for line in lines if "┃" in line][0]
    assert [c.strip() for c in heads.split("┃")[1:-1]] == [
        "casus", "maatstaf", "bandbreedte", "mediaan", "90\u00a0%-bereik", "oordeel"
    ]  # fmt: skip
    assert _cells(result.output) == [
        ["Mini-casus", "downtime_min[gemaal]", "1u30min", "1u30min", "1u30min tot 1u30min", "binnen"]
    ]
    assert "1 gerapporteerde uitkomst: 1 binnen, 0 overlappend, 0 buiten de bandbreedte, 0 zonder waarde" in lines
    assert "Slechts 2 replicaties" in result.output  # the few-runs warning in Dutch too


def test_cases_check_judges_hand_computed_outcomes(tmp_path):
    write_case(tmp_path, STROOM_INSIDE + STROOM_OUTSIDE + GEMAAL_EXACT + TWO_FAILED)
    out = tmp_path / "check.json"
    result = CliRunner().invoke(
        cli,
        ["--lang", "en", "cases", "check", str(tmp_path), "-n", "3", "--seed", "1", "--out", str(out)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output  # an outcome outside its band is a finding, not a failure
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["outcome"], r["n"], r["p5"], r["p50"], r["p95"], r["verdict"]) for r in rows] == [
        ("stroom-weg", 3, 120.0, 120.0, 120.0, "inside"),
        ("stroom-lang", 3, 120.0, 120.0, 120.0, "outside"),
        ("gemaal-weg", 3, 90.0, 90.0, 90.0, "inside"),
        ("twee-uit", 3, 2.0, 2.0, 2.0, "inside"),
    ]
    assert (rows[1]["low"], rows[1]["high"], rows[1]["unit"]) == (180.0, 240.0, "h")
    assert "4 reported outcomes: 3 inside, 0 overlapping, 1 outside the band, 0 without a value" in result.output
    assert "is a finding" in result.output
    table = [[c.strip() for c in line.split("│")[1:-1]] for line in result.output.splitlines() if "│" in line]
    assert table[0] == ["Mini-casus", "downtime_min[stroom]", "1h to 3h", "2h", "2h to 2h", "inside"]
    assert table[1][-1] == "outside"


def test_cases_check_writes_csv(tmp_path):
    write_case(tmp_path, GEMAAL_EXACT)
    out = tmp_path / "check.csv"
    result = invoke("cases", "check", str(tmp_path), "-n", "2", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == [
        "case,file,outcome,metric,asset,unit,low,high,runs,n,p5,p50,p95,verdict",
        "Mini-casus,mini-casus.yaml,gemaal-weg,downtime_min,gemaal,min,90.0,90.0,2,2,90.0,90.0,90.0,inside",
    ]


def test_an_outcome_without_a_value_says_so(tmp_path):
    write_case(tmp_path, outcome("id: nooit\nmetric: first_failure_min\nasset: gemaal\nunit: h\nlow: 1\nhigh: 2"))
    graph = tmp_path / "graph.yaml"  # the buffer outlasts the outage: the gemaal never fails
    graph.write_text(graph.read_text(encoding="utf-8").replace("tolerance: 30min", "tolerance: 3h"), encoding="utf-8")
    (check,) = check_cases(load_cases(tmp_path), 2, seed=0)
    assert (check.n, check.p50, check.verdict) == (0, None, "no_value")


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", "is not a folder of cases"),
        ("empty", "no cases in"),
        ("no-outcomes", "mini-casus.yaml: a case needs sources: and outcomes:"),
        ("bad-metric", "mini-casus.yaml:12: outcomes[0].metric: unknown metric 'downtime'"),
        ("bad-out", "--out must end in .csv or .json"),
    ],
)
def test_cases_check_refuses_bad_input_with_exit_2(tmp_path, setup, expected):
    folder = tmp_path / "cases"
    args = ["cases", "check", str(folder), "-n", "1"]
    if setup == "empty":
        folder.mkdir()
    elif setup == "no-outcomes":
        write_case(folder, "")
        path = folder / "mini-casus.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("outcomes:\n", ""), encoding="utf-8")
    elif setup == "bad-metric":
        write_case(folder, outcome("id: x\nmetric: downtime\nasset: stroom\nunit: h\nlow: 1\nhigh: 3"))
    elif setup == "bad-out":
        write_case(folder, GEMAAL_EXACT)
        args += ["--out", str(tmp_path / "check.txt")]
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "check.txt").exists()


def test_a_bad_out_for_dutch_cases_is_refused_in_dutch(tmp_path):
    _dutch_case(tmp_path, GEMAAL_EXACT)
    out = tmp_path / "check.txt"
    result = CliRunner().invoke(cli, ["cases", "check", str(tmp_path), "--out", str(out)], env={"RAMPSIM_LANG": ""})
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.splitlines() == [f"--out moet eindigen op .csv of .json: {out}"]
    assert not out.exists()


# --- the shipped library -------------------------------------------------------------------------------

LIBRARY = ROOT / "scenarios" / "casuistiek"


def test_every_shipped_case_validates_with_sources_bands_and_limits():
    cases = load_cases(LIBRARY)
    assert sorted(c.path.name for c in cases if c.path) == [
        "hof-van-twente-ransomware-2020.yaml",
        "kpn-112-storing-2019.yaml",
        "oekraine-stroomnet-2015.yaml",
        "project-x-haren-2012.yaml",
        "universiteit-maastricht-ransomware-2019.yaml",
    ]
    for case in cases:
        assert case.spec.sources and case.spec.outcomes and case.spec.limits.strip(), case.name
        assert all(s.link.startswith(("https://", "http://")) for s in case.spec.sources)


def test_every_shipped_case_runs_and_gives_a_value_for_every_band():
    checks = check_cases(load_cases(LIBRARY), 2, seed=3)
    assert len(checks) == 9
    for check in checks:
        assert check.verdict in ("inside", "overlaps", "outside"), (check.case, check.outcome.id)
        assert check.n > 0 and np.isfinite(check.p50)


def test_the_shipped_library_lists_and_its_check_is_reproducible(tmp_path):
    assert invoke("cases", str(LIBRARY)).exit_code == 0
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        assert invoke("cases", "check", str(LIBRARY), "-n", "2", "--seed", "5", "--out", str(out)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_check_of_few_runs_says_so(tmp_path):
    """Verdicts on the range of fewer than 5 runs come with the warning the ensembles give."""
    write_case(tmp_path, GEMAAL_EXACT)
    result = invoke("cases", "check", str(tmp_path), "-n", "2")
    assert result.exit_code == 0, result.output
    assert "Only 2 replications: too few" in " ".join(result.output.split())
