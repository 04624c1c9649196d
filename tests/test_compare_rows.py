"""The rows of a comparison beside the scenario metrics: per asset (downtime, failed), per basin
(peak level) and per legal deadline; their ranking by effect (simulator/analysis/compare_rows.py)."""

import math
from dataclasses import replace

import pandas as pd
import pytest
from conftest import ROOT, build
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from simulator.analysis.compare import COMPARISON_COLUMNS, compare
from simulator.analysis.compare_rows import asset_differences, column_differences, rank_rows
from simulator.analysis.ensemble import subject_columns
from simulator.model import load_scenario
from simulator.model.graph import InfrastructureGraph
from simulator.model.water import Basin

ORG = {"id": "net", "crews": [{"id": "ploeg", "size": 1, "callout": "30min"}]}


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
