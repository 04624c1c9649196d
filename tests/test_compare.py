"""Comparing variants with common random numbers; the `variants:` section of a scenario file."""

import json
import math
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from simulator.analysis.compare import COMPARISON_COLUMNS, compare, paired_differences
from simulator.analysis.compare_rows import asset_differences, column_differences, rank_rows
from simulator.analysis.ensemble import subject_columns
from simulator.cli import cli
from simulator.cli.compare_table import cell
from simulator.messages import text
from simulator.model import LoadError, load_scenario
from simulator.model.graph import InfrastructureGraph
from simulator.model.scenario_loading import merge_overrides, scenario_variants
from simulator.model.water import Basin

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
    assert text("interval.too_few", "en", n=3, needed=5) in " ".join(result.output.split())


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


# --- per asset, per basin, per deadline; ranked -----------------------------------------------------


def test_asset_rows_by_hand():
    """Replications 0, 1, 2. Base: A down 60 and 30 min (in 0 and 1), B 10 min (in 1); variant:
    A 20 min (in 0). A's downtime: 60, 30, 0 against 20, 0, 0 -> differences -40, -30, 0: mean
    -70/3, 2 pairs changed; A failed 1, 1, 0 against 1, 0, 0: -1/3. B: -10/3 and -1/3."""
    base = pd.DataFrame({"replication": [0, 1, 1], "asset": ["A", "A", "B"], "downtime_min": [60.0, 30.0, 10.0]})
    variant = pd.DataFrame({"replication": [0], "asset": ["A"], "downtime_min": [20.0]})
    rows = asset_differences(base, variant, pd.Index([0, 1, 2])).set_index("metric")
    assert rows.index.tolist() == [
        "asset_downtime_min:A",
        "asset_failed:A",
        "asset_downtime_min:B",
        "asset_failed:B",
    ]
    a = rows.loc["asset_downtime_min:A"]
    assert (a.kind, a.subject, a.unit, a.n, a.changed) == ("asset_downtime_min", "A", "min", 3, 2)
    assert (a.base_mean, a.variant_mean, a.difference) == pytest.approx((30.0, 20 / 3, -70 / 3))
    assert math.isnan(a.ci_low)  # 3 pairs: too few for an interval
    failed = rows.loc["asset_failed:A"]
    assert (failed.unit, failed.base_mean, failed.variant_mean, failed.difference, failed.changed) == (
        "share",
        pytest.approx(2 / 3),
        pytest.approx(1 / 3),
        pytest.approx(-1 / 3),
        1,
    )
    assert rows.loc["asset_downtime_min:B", "difference"] == pytest.approx(-10 / 3)
    assert rows.loc["asset_failed:B", "difference"] == pytest.approx(-1 / 3)


def test_failure_probability_interval_is_the_paired_t_interval_on_the_0_1_differences():
    """Six pairs, the asset fails in 0-3 of the base and in 0-1 of the variant: differences
    0, 0, -1, -1, 0, 0: mean -1/3, s = sqrt(4/15), half-width t(0.975, 5) * s / sqrt(6)."""
    base = pd.DataFrame({"replication": [0, 1, 2, 3], "asset": ["A"] * 4, "downtime_min": [5.0] * 4})
    variant = pd.DataFrame({"replication": [0, 1], "asset": ["A"] * 2, "downtime_min": [5.0] * 2})
    row = asset_differences(base, variant, pd.Index(range(6))).set_index("metric").loc["asset_failed:A"]
    t_975_5 = 2.5705818356363146  # Student's t, 97.5th percentile, 5 degrees of freedom
    half = t_975_5 * math.sqrt(4 / 15) / math.sqrt(6)
    assert (row.n, row.changed, row.difference) == (6, 2, pytest.approx(-1 / 3))
    assert (row.ci_low, row.ci_high) == pytest.approx((-1 / 3 - half, -1 / 3 + half), abs=1e-12)


def test_levels_and_deadlines_pair_where_both_arms_have_a_value():
    """Peak levels -1.0, -1.2 against -1.5, -1.2: differences -0.5 and 0. The NIS2 clock ran in
    replication 0 of both arms (missed, then met, at minute 300 and 200) and only in the base in
    replication 1 (met at 100): 1 pair, met 0 -> 1, done 300 -> 200."""
    met, done = "deadline_met:nis2/ws", "deadline_done_min:nis2/ws"
    base = pd.DataFrame(
        {"replication": [0, 1], "peak_level_m:polder": [-1.0, -1.2], met: [0.0, 1.0], done: [300.0, 100.0]}
    )
    variant = pd.DataFrame(
        {"replication": [0, 1], "peak_level_m:polder": [-1.5, -1.2], met: [1.0, None], done: [200.0, None]}
    )
    rows = column_differences(base, variant).set_index("metric")
    assert rows.index.tolist() == ["peak_level_m:polder", met, done]
    level = rows.loc["peak_level_m:polder"]
    assert (level.kind, level.subject, level.unit, level.n, level.changed) == ("peak_level_m", "polder", "m NAP", 2, 1)
    assert (level.base_mean, level.variant_mean, level.difference) == pytest.approx((-1.1, -1.35, -0.25))
    assert rows.loc[met, ["n", "base_mean", "variant_mean", "difference"]].tolist() == [1, 0.0, 1.0, 1.0]
    assert rows.loc[done, ["n", "base_mean", "variant_mean", "difference", "unit"]].tolist() == [
        1,
        300.0,
        200.0,
        -100.0,
        "min",
    ]


def test_subject_columns_of_a_run():
    """A basin's peak; a met, a missed and an open deadline (open: no value)."""
    clocks = {
        "gdpr/gem": {"met": True, "done_min": 90.0},
        "nis2/ws": {"met": False, "done_min": None},
        "nis2/gem": {"met": None, "done_min": None},
    }
    columns = subject_columns({"max_water_level_m": {"polder": -1.25}, "deadlines": clocks})
    assert columns == {
        "peak_level_m:polder": -1.25,
        "deadline_met:gdpr/gem": 1.0,
        "deadline_done_min:gdpr/gem": 90.0,
        "deadline_met:nis2/ws": 0.0,
    }


def test_rows_are_ranked_by_kind_then_size_and_unchanged_rows_come_last():
    def row(metric, kind, difference, changed=1):
        return (metric, kind, metric, "", 5, changed, 0.0, difference, difference, 0.0, 0.0)

    table = pd.DataFrame(
        [
            row("peak_level_m:p", "peak_level_m", -0.1),
            row("asset_downtime_min:a", "asset_downtime_min", -5.0),
            row("unserved_population_hours", "scenario", -1.0),
            row("asset_downtime_min:b", "asset_downtime_min", 0.0, changed=0),
            row("asset_downtime_min:c", "asset_downtime_min", 30.0),
            row("assets_failed", "scenario", 0.0, changed=0),
            row("events", "scenario", 9.0),
            row("asset_failed:a", "asset_failed", -0.5),
            row("asset_downtime_min:d", "asset_downtime_min", -30.0),
        ],
        columns=list(COMPARISON_COLUMNS),
    )
    assert rank_rows(table)["metric"].tolist() == [
        "unserved_population_hours",  # scenario metrics in their order, each its own unit
        "events",
        "asset_downtime_min:c",  # |30| = |-30|: by name
        "asset_downtime_min:d",
        "asset_downtime_min:a",
        "asset_failed:a",
        "peak_level_m:p",
        "assets_failed",  # no change in any pair
        "asset_downtime_min:b",
    ]


def polder(repair: str):
    """
    rain 10 mm/h on 4 km² (11.111 m³/s) --> polder (200,000 m² at -2.00 m NAP) --gemaal 12 m³/s-->
    The gemaal fails at 0 (outage), is reported at 10, the crew comes at 40 and repairs it in
    ``repair``; while it is down the level rises 11.111 / 200,000 m/s; once back it pumps the
    polder down to -2.00 again.
    """
    scenario = build(
        [{"id": "gemaal", "sector": "water", "owner": "net", "recovery": {"duration": repair, "crew": "net/ploeg"}}],
        [
            {
                "type": "hazard",
                "target": "gemaal",
                "hazard": {"model": "polder", "basin": "polder", "catchment_m2": 4_000_000, "rain": [{"mm_per_h": 10}]},
            },
            {"type": "outage", "target": "gemaal"},
        ],
        [ORG],
        response={"reporting": {"delay": "10min"}},
        duration="12h",
    )
    basin = {"id": "polder", "area_m2": 200_000, "level_m": -2.0, "drains": [{"asset": "gemaal", "capacity_m3s": 12.0}]}
    graph = scenario.graph
    water = InfrastructureGraph(
        graph.assets, graph.name, graph.description, None, TypeAdapter(tuple[Basin, ...]).validate_python([basin]), ()
    )
    return replace(scenario, graph=water)


def test_a_faster_repair_of_one_asset_shows_in_its_downtime_and_the_peak_level():
    """Repair 2 h in the base, 1 h in the variant: the gemaal is down 10 + 30 + 120 = 160 min
    against 100 min in every replication, so its downtime falls by exactly 60 min (interval of
    width 0 from 5 pairs) and the polder's peak by 60 x 60 s x 11.111 / 200,000 m/s = 0.20 m:
    from -2 + 9600 x 5.5556e-5 = -1.4667 to -1.6667 m NAP. It fails in both arms: unchanged, last."""
    result = compare(polder("2h"), polder("1h"), n=5, seed=3, workers=1)
    rows = result.table.set_index("metric")
    down = rows.loc["asset_downtime_min:gemaal"]
    assert (down.n, down.changed, down.base_mean, down.variant_mean) == (5, 5, 160.0, 100.0)
    assert [down.difference, down.ci_low, down.ci_high] == pytest.approx([-60.0] * 3)
    rise = 11.111111111111111 / 200_000 * 60  # m per minute
    peak = rows.loc["peak_level_m:polder"]
    assert (peak.n, peak.unit) == (5, "m NAP")
    assert [peak.base_mean, peak.variant_mean] == pytest.approx([-2 + 160 * rise, -2 + 100 * rise], abs=1e-6)
    assert [peak.difference, peak.ci_low, peak.ci_high] == pytest.approx([-0.2] * 3, abs=2e-6)
    assert rows.loc["asset_failed:gemaal", ["difference", "changed"]].tolist() == [0.0, 0]
    order = result.table["metric"].tolist()
    changed = result.table[result.table["changed"] > 0]["metric"].tolist()
    assert order[: len(changed)] == changed and "asset_failed:gemaal" in order[len(changed) :]
    assert order.index("asset_downtime_min:gemaal") < order.index("peak_level_m:polder")


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


def test_a_standby_gemaalploeg_shortens_the_pumping_stations_downtime():
    """polder-gemaal-hack, gemaalploeg-paraat: the crew comes in about 15 min instead of about
    1 h 15 min on a Sunday, so the pumping station runs by hand sooner in every replication."""
    path = ROOT / "scenarios" / "polder-gemaal-hack.yaml"
    result = compare(path, load_scenario(path, variant="gemaalploeg-paraat"), n=5, workers=1)
    rows = result.table.set_index("metric")
    down = rows.loc["asset_downtime_min:gemaal-oostpolder"]
    assert down.n == 5 and down.changed == 5 and down.ci_high < 0
    assert rows.loc["peak_level_m:oostpolder", "difference"] < 0
    assert result.table[result.table["kind"] == "asset_downtime_min"]["subject"].iloc[0] == "gemaal-oostpolder"


failures_of = st.lists(
    st.tuples(st.integers(0, 5), st.sampled_from(["a", "b", "c"]), st.floats(0, 1e4, allow_nan=False)),
    max_size=12,
    unique_by=lambda r: (r[0], r[1]),
).map(lambda rows: pd.DataFrame(rows, columns=["replication", "asset", "downtime_min"]))


@settings(max_examples=60, deadline=None)
@given(failures_of, failures_of)
def test_asset_rows_invariants(base, variant):
    """Every replication is a pair; the difference is the difference of the means; swapping the
    arms negates it; an arm against itself changes nothing; failure shares lie in [0, 1]."""
    replications = pd.Index(range(6))
    rows = asset_differences(base, variant, replications)
    swapped = asset_differences(variant, base, replications)
    assert set(rows["subject"]) == set(base["asset"]) | set(variant["asset"])
    assert (rows["n"] == 6).all() and (rows["changed"] <= rows["n"]).all()
    assert rows["difference"].to_numpy() == pytest.approx(
        (rows["variant_mean"] - rows["base_mean"]).to_numpy(), abs=1e-6
    )
    assert rows["difference"].to_numpy() == pytest.approx(-swapped["difference"].to_numpy(), abs=1e-9)
    shares = rows[rows["kind"] == "asset_failed"]
    assert shares[["base_mean", "variant_mean"]].stack().between(0, 1).all()
    same = asset_differences(base, base, replications)
    assert (same["changed"] == 0).all() and (same["difference"] == 0).all()
    ranked = rank_rows(pd.concat([rows, swapped], ignore_index=True))
    assert sorted(ranked["metric"]) == sorted(rows["metric"].tolist() * 2)  # a permutation
    unchanged = (ranked["changed"] == 0).tolist()
    assert unchanged == sorted(unchanged)  # every changed row before every unchanged one


def test_same_seed_same_comparison_files(tmp_path):
    """Two comparisons with the same seed write the same comparison.csv, byte for byte."""
    written = [compare(polder("2h"), polder("1h"), n=5, seed=9, workers=1).save(tmp_path / name) for name in "ab"]
    assert (written[0] / "comparison.csv").read_bytes() == (written[1] / "comparison.csv").read_bytes()
