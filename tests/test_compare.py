"""Comparing variants with common random numbers; the `variants:` section of a scenario file."""

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build

from simulator.analysis.compare import COMPARISON_COLUMNS, compare, paired_differences
from simulator.cli import cli
from simulator.cli.compare_table import cell
from simulator.messages import text, text_count
from simulator.model import LoadError, load_scenario
from simulator.model.scenario_loading import merge_overrides, scenario_variants

T_975_4 = 2.7764451051977987  # Student's t, 97.5th percentile, 4 degrees of freedom (statistical tables)


def test_t_interval_by_hand_from_five_pairs():
    """Differences 0, 1, 2, 3, 4: mean 2, s = sqrt(2.5), half-width t(0.975, 4) * s / sqrt(5)."""
    base = pd.DataFrame({"replication": range(5), "assets_failed": [10, 20, 30, 40, 50]})
    variant = pd.DataFrame({"replication": range(5), "assets_failed": [10, 21, 32, 43, 54]})
    row = paired_differences(base, variant, ("assets_failed",)).iloc[0]
    half = T_975_4 * math.sqrt(2.5) / math.sqrt(5)
    assert (row.n, row.difference) == (5, 2.0)
    assert (row.ci_low, row.ci_high) == pytest.approx((2 - half, 2 + half), abs=1e-12)


def test_paired_difference_mean_and_t_interval_by_hand():
    """Differences 1, 2, 3 (variant - base): mean 2, s = 1, half-width t(0.975, 2) * 1 / sqrt(3)."""
    base = pd.DataFrame(
        {"replication": [0, 1, 2], "assets_failed": [10, 20, 30], "time_to_full_recovery_min": [60.0, None, 90.0]}
    )
    variant = pd.DataFrame(
        {"replication": [2, 0, 1], "assets_failed": [33, 11, 22], "time_to_full_recovery_min": [30.0, 50.0, 70.0]}
    )
    table = paired_differences(base, variant, ("assets_failed", "time_to_full_recovery_min", "full_recovery"))
    assert list(table.columns) == list(COMPARISON_COLUMNS)
    rows = {row.metric: row for row in table.itertuples(index=False)}
    failed = rows["assets_failed"]
    assert (failed.n, failed.base_mean, failed.variant_mean, failed.difference) == (3, 20.0, 22.0, 2.0)
    assert math.isnan(failed.ci_low) and math.isnan(failed.ci_high)  # 3 pairs: too few for an interval
    recovery = rows["time_to_full_recovery_min"]  # replication 1 has no base value: 2 pairs, -10 and -60
    assert (recovery.n, recovery.base_mean, recovery.variant_mean, recovery.difference) == (2, 75.0, 40.0, -35.0)
    everything_back = rows["full_recovery"]  # 1, 0, 1 against 1, 1, 1
    assert (everything_back.n, everything_back.base_mean, everything_back.variant_mean) == (
        3,
        pytest.approx(2 / 3),
        1.0,
    )


ORG = {"id": "net", "crews": [{"id": "ploeg", "size": 1, "callout": "30min"}]}


def feeder(callout="30min", repair="2h", **spec):
    """
    sub --power--> wijk (1,000 people). sub fails at 0, reported at 10, the crew comes after
    ``callout`` and repairs it in ``repair``.
    """
    org = {**ORG, "crews": [{"id": "ploeg", "size": 1, "callout": callout}]}
    return build(
        [
            {"id": "sub", "sector": "energy", "owner": "net", "recovery": {"duration": repair, "crew": "net/ploeg"}},
            {"id": "wijk", "sector": "population", "population": 1000, "needs": [{"type": "power", "from": "sub"}]},
        ],
        [{"type": "outage", "target": "sub"}],
        [org],
        response={"reporting": {"delay": "10min"}},
        **spec,
    )


def test_a_faster_callout_buys_exactly_its_minutes():
    """Deterministic durations: wijk is down 10 + 30 + 120 = 160 min in the base and 10 + 10 + 120
    = 140 min in the variant, in every replication: difference -20 min and -1,000 x 20/60
    population-hours, with a confidence interval of width 0."""
    result = compare(feeder("30min"), feeder("10min"), n=5, seed=5, workers=1)
    rows = result.table.set_index("metric")
    assert rows.loc["unserved_population_hours", ["n", "base_mean", "variant_mean"]].tolist() == pytest.approx(
        [5, 1000 * 160 / 60, 1000 * 140 / 60]
    )
    for metric, difference in (
        ("unserved_population_hours", -1000 * 20 / 60),
        ("time_to_full_recovery_min", -20.0),
        ("assets_failed", 0.0),
    ):
        assert rows.loc[metric, ["difference", "ci_low", "ci_high"]].tolist() == pytest.approx([difference] * 3), metric
    assert rows.loc["time_to_containment_min", "n"] == 0 and math.isnan(
        rows.loc["time_to_containment_min", "difference"]
    )
    assert (
        result.base.replications["spawn_key"].tolist()
        == result.variant.replications["spawn_key"].tolist()
        == [0, 1, 2, 3, 4]
    )
    assert result.manifest["seed"] == 5


def test_common_random_numbers_pair_the_replications():
    """Random repair times, and a variant that changes nothing the run draws for: each replication
    of the variant equals its base twin, so every difference is 0 while the replications differ."""
    base = feeder(repair="lognormal(median=2h, p90=8h)")
    variant = feeder(repair="lognormal(median=2h, p90=8h)", priorities={"sub": 5})
    result = compare(base, variant, n=5, seed=1, workers=1)
    hours = result.base.replications["unserved_population_hours"]
    assert hours.nunique() == 5
    assert result.variant.replications["unserved_population_hours"].tolist() == hours.tolist()
    assert result.table.set_index("metric").loc[
        "unserved_population_hours", ["difference", "ci_low", "ci_high"]
    ].tolist() == [0.0, 0.0, 0.0]


# --- the variants: section ------------------------------------------------------------------------


def test_merge_semantics():
    base = {
        "reporting": {"delay": "10min", "retry": "30min"},
        "injects": [{"target": "a"}, {"target": "b"}],
        "ladder": "x.yaml",
        "seed": 1,
    }
    overrides = {"reporting": {"delay": "5min"}, "injects": [{"target": "c"}], "ladder": None, "seed": 2}
    assert merge_overrides(base, overrides) == {
        "reporting": {"delay": "5min", "retry": "30min"},  # mappings merge
        "injects": [{"target": "c"}],  # lists replace
        "seed": 2,  # values replace; null removes (ladder)
    }
    assert base["reporting"] == {"delay": "10min", "retry": "30min"}  # the base is not changed


SCENARIO = """\
name: Klein
graph: graph.yaml
organisations: org.yaml
start: 2027-01-15T02:30:00+01:00
duration: 1d
reporting: {{delay: 10min}}
injects:
  - {{type: outage, target: sub}}
variants:
{variants}
"""
GRAPH = """\
assets:
  - {id: sub, sector: energy, owner: net, recovery: {duration: 2h, crew: net/ploeg}}
  - {id: wijk, sector: population, population: 1000, needs: [{type: power, from: sub}]}
"""
ORGS = """\
organisations:
  - id: net
    crews: [{id: ploeg, size: 1, callout: 30min}]
"""


def scenario_file(folder: Path, variants: str) -> Path:
    (folder / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    (folder / "org.yaml").write_text(ORGS, encoding="utf-8")
    path = folder / "klein.yaml"
    path.write_text(SCENARIO.format(variants=variants), encoding="utf-8")
    return path


PAIRED = """\
  piket:
    description: de ploeg staat paraat
    organisation_changes:
      - id: net
        crews: [{id: ploeg, callout: 10min}]
  laat:
    reporting: {delay: 1h}"""


def test_a_variant_is_the_file_with_its_overrides(tmp_path):
    path = scenario_file(tmp_path, PAIRED)
    assert scenario_variants(path) == {"piket": "de ploeg staat paraat", "laat": ""}
    piket = load_scenario(path, variant="piket")
    assert piket.name == "Klein (piket)" and piket.spec.description == "de ploeg staat paraat"
    assert piket.crews()["net/ploeg"].callout.office.sample(None) == 10.0
    laat = load_scenario(path, variant="laat")
    assert (
        laat.response.reporting.delay.sample(None) == 60.0
        and laat.crews()["net/ploeg"].callout.office.sample(None) == 30.0
    )
    assert load_scenario(path).spec.variants["laat"] == {"reporting": {"delay": "1h"}}


@pytest.mark.parametrize(
    "variants, line, message",
    [
        # the variant's own values: at its line (line 11; its name is on line 10)
        (
            "  fout:\n    injects: [{type: outage, target: subb}]",
            11,
            "variants.fout.injects[0].target: unknown asset 'subb' (did you mean 'sub'?)",
        ),
        (
            "  fout:\n    reportng: {delay: 5min}",
            11,
            "variants.fout.reportng: unknown field 'reportng' (did you mean 'reporting'?)",
        ),
        ("  fout:\n    reporting: {delay: '5 uurtjes'}", 11, "variants.fout.reporting.delay: '5 uurtjes'"),
        ("  fout:\n    variants: {x: {}}", 11, "variants.fout.variants: unknown field 'variants'"),
        ("  fout:\n    graph: ander.yaml", 11, "variants.fout.graph: file not found"),
    ],
)
def test_problems_in_a_variant_are_reported_at_its_line(tmp_path, variants, line, message):
    path = scenario_file(tmp_path, variants)
    with pytest.raises(LoadError) as error:
        load_scenario(path)
    rendered = error.value.render("en")
    assert rendered.startswith(f"{path}:{line}: {message}"), rendered


def test_a_changed_graph_breaks_an_inherited_inject_at_the_base_line(tmp_path):
    path = scenario_file(tmp_path, "  ander:\n    graph: ander.yaml")
    (tmp_path / "ander.yaml").write_text("assets:\n  - {id: centrale, sector: energy}\n", encoding="utf-8")
    with pytest.raises(LoadError) as error:
        load_scenario(path)
    assert error.value.render("en").startswith(f"{path}:8: variants.ander.injects[0].target: unknown asset 'sub'")


def test_unknown_variant_lists_the_variants_there_are(tmp_path):
    path = scenario_file(tmp_path, PAIRED)
    result = CliRunner().invoke(cli, ["--lang", "en", "compare", str(path), "--variant", "piekt", "-n", "2"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert (
        f"{path}:9: variants: unknown variant 'piekt' (did you mean 'piket'?); this scenario's variants: piket, laat"
        in result.output
    )


@pytest.mark.parametrize("args", [[], ["OTHER", "--variant", "piket"]])
def test_compare_wants_two_files_or_one_and_a_variant(tmp_path, args):
    path = scenario_file(tmp_path, PAIRED)
    args = [str(path) if a == "OTHER" else a for a in args]
    result = CliRunner().invoke(cli, ["--lang", "en", "compare", str(path), *args])
    assert result.exit_code == 2 and "give BASE.yaml VARIANT.yaml, or SCENARIO --variant NAME" in result.output


def test_rampsim_compare_inline_variant_writes_both_arms(tmp_path):
    path = scenario_file(tmp_path, PAIRED)
    out = tmp_path / "vergelijking"
    result = CliRunner().invoke(
        cli,
        [
            "--lang",
            "en",
            "compare",
            str(path),
            "--variant",
            "piket",
            "-n",
            "3",
            "--seed",
            "4",
            "--workers",
            "1",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "base",
        "comparison.csv",
        "comparison.parquet",
        "manifest.json",
        "variant",
    ]
    assert sorted(p.name for p in (out / "variant").iterdir()) == [
        "assets.parquet",
        "failures.parquet",
        "manifest.json",
        "replications.parquet",
        "summary.json",
    ]
    table = pd.read_parquet(out / "comparison.parquet").set_index("metric")
    row = table.loc["unserved_population_hours"]
    assert row["difference"] == pytest.approx(-1000 * 20 / 60)
    assert math.isnan(row["ci_low"]) and math.isnan(row["ci_high"])  # 3 pairs: no interval, and the output says why
    assert pd.read_csv(out / "comparison.csv")["metric"].tolist() == table.index.tolist()
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["seed"], manifest["replications"], manifest["variant"]["label"]) == (4, 3, "piket")
    assert "SeedSequence(4).spawn(3)[i]" in result.output and "\u2212333" in result.output
    assert text_count("interval.too_few", 3, "en", needed=5) in " ".join(result.output.split())


def test_rampsim_compare_two_files(tmp_path):
    path = scenario_file(tmp_path, PAIRED)
    other = tmp_path / "piket.yaml"
    other.write_text(
        SCENARIO.format(variants="  {}").replace("reporting: {delay: 10min}", "reporting: {delay: 40min}"),
        encoding="utf-8",
    )
    out = tmp_path / "v"
    result = CliRunner().invoke(
        cli, ["--lang", "en", "compare", str(path), str(other), "-n", "2", "--workers", "1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    table = pd.read_parquet(out / "comparison.parquet").set_index("metric")
    assert table.loc["time_to_full_recovery_min", "difference"] == pytest.approx(30.0)  # reported 30 min later


# --- the shipped variants ------------------------------------------------------------------------


def test_the_second_file_is_the_inline_variant():
    inline = load_scenario(ROOT / "scenarios" / "ransomware-gemeente.yaml", variant="offline-backups").spec
    separate = load_scenario(ROOT / "scenarios" / "ransomware-gemeente-offline-backups.yaml").spec
    assert inline.model_dump(exclude={"variants"}) == separate.model_dump(exclude={"variants"})


def test_offline_backups_cut_the_unserved_hours_in_every_replication():
    path = ROOT / "scenarios" / "ransomware-gemeente.yaml"
    result = compare(path, load_scenario(path, variant="offline-backups"), n=12, workers=1)
    base, variant = (
        r.replications.set_index("replication")["unserved_population_hours"] for r in (result.base, result.variant)
    )
    assert (variant <= base).all() and (variant < base).any()  # never worse; some runs never restore in time either way
    row = result.table.set_index("metric").loc["unserved_population_hours"]
    assert row["ci_high"] < 0
    assert result.table.set_index("metric").loc["assets_failed", "difference"] == 0  # the same systems are hit


def test_one_more_crew_with_nothing_to_do_buys_exactly_nothing():
    path = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"
    result = compare(path, load_scenario(path, variant="extra-ploeg"), n=5, workers=1)
    measured = result.table[result.table["n"] > 0]
    assert (measured["difference"] == 0).all() and (measured["ci_low"] == 0).all() and (measured["ci_high"] == 0).all()


@pytest.mark.parametrize(
    "pairs, interval", [(5, "\u221220,00 .. \u221220,00"), (3, "-")], ids=["5 pairs", "3 pairs: not available"]
)
def test_the_printed_table_in_dutch_names_the_asset_and_says_what_did_not_change(tmp_path, pairs, interval):
    """The klein.yaml pair: 20 min faster call-out, sub down 160 against 140 min. Dutch numbers
    (Babel: whole from 100, two decimals below, a true minus), a heading per kind, an interval
    from 5 pairs and none from 3, and one line with the rows that did not change."""
    path = scenario_file(tmp_path, PAIRED)
    args = ["--lang", "nl", "compare", str(path), "--variant", "piket", "-n", str(pairs), "--workers", "1"]
    result = CliRunner().invoke(cli, [*args, "--out", str(tmp_path / "v")], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert text("compare.kind.asset_downtime_min", "nl") in result.output
    sub = next(line for line in lines if line.startswith("│ sub "))  # an asset without a name: its id
    cells = [c.strip() for c in sub.strip("│").split("│")]
    assert cells == ["sub", str(pairs), "160", "140", "\u221220,00", interval]
    unchanged = text("compare.unchanged.other", "nl", n="{n}", names="").split("(")[0]
    summary = " ".join(result.output.split())
    assert unchanged.strip() in summary and "sub: kans op uitval" in summary
    table = pd.read_csv(tmp_path / "v" / "comparison.csv")
    assert list(table.columns) == list(COMPARISON_COLUMNS)
    assert table["changed"].tolist() == sorted(table["changed"].tolist(), key=lambda c: c == 0)


def test_cells_in_their_units():
    """No value: '-'; shares as percentages, their differences in percentage points; levels to the cm."""
    assert cell(float("nan"), "min", "nl") == "-"
    assert cell(-0.25, "share", "nl", difference=True) == "\u221225,0 %-punt"
    assert cell(0.5, "share", "en") == "50%"
    assert cell(-1.4667, "m NAP", "nl", difference=True) == "\u22121,47"
    assert (cell(-1.8561, "m NAP", "en"), cell(1.5, "m NAP", "en")) == (
        "\u22121.86",
        "1.50",
    )  # the same minus as beside
