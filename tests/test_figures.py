"""Figures of a run: each plot function returns its axes; `rampsim plot` writes the files."""

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from conftest import ROOT  # noqa: E402

import simulator  # noqa: E402
from simulator.cli import cli  # noqa: E402
from simulator.report.figures import plot_cascade, plot_population_served, plot_status_timeline, population_served  # noqa: E402


@pytest.fixture(scope="module")
def storm(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "storm"
    simulator.simulate(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml", lang="en").save(out)
    return simulator.Results.load(out)


def test_status_timeline_hatches_what_was_not_known_yet(storm):
    ax = plot_status_timeline(storm)
    hatched = [p for p in ax.patches if p.get_hatch()]
    solid = [p for p in ax.patches if not p.get_hatch()]
    assert hatched and solid
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any(label.startswith("Waterways: Zeesluis") for label in labels)
    assert labels == sorted(labels)  # grouped by sector


def test_population_served_drops_and_never_exceeds_the_population(storm):
    data = population_served(storm)
    total = int(storm.assets.loc[storm.assets["sector"] == "population", "population"].sum())
    assert data["served"].max() == total and data["served"].min() < total
    assert set(data["service"]) == {"power", "water", "telecom"}
    ax = plot_population_served(storm)
    assert len(ax.get_lines()) == 3


def test_cascade_colours_failed_assets(storm):
    ax = plot_cascade(storm)
    assert len(ax.collections) == 2 and len(ax.patches) > 0  # calm and failed nodes; edges as arrows
    assert ax.figure.axes[-1].get_ylabel() == "first failure (hours)"


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_rampsim_plot_writes_the_figures(storm, tmp_path, fmt):
    result = CliRunner().invoke(cli, ["plot", str(storm.path), "--out", str(tmp_path / "fig"), "--format", fmt])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "fig").iterdir())
    assert files == [
        f"cascade.{fmt}",
        f"population-served.{fmt}",
        f"status-timeline.{fmt}",
        f"water-level-havenbekken.{fmt}",  # the harbour basin fills; the Oostpolder's water stays put
    ]
    assert all((tmp_path / "fig" / f).stat().st_size > 5000 for f in files)


def test_rampsim_plot_refuses_a_folder_that_is_not_a_run(tmp_path):
    assert CliRunner().invoke(cli, ["plot", str(tmp_path)]).exit_code == 2


# --- ensembles -----------------------------------------------------------------------------------

import io  # noqa: E402

import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from simulator.analysis.ensemble import run_ensemble  # noqa: E402
from simulator.analysis.uncertainty import probability_within, wilson_interval  # noqa: E402
from simulator.messages import text  # noqa: E402
from simulator.report.ensemble_figures import save_reproducibly  # noqa: E402
from simulator.report.figures import (  # noqa: E402
    plot_failure_probability,
    plot_failure_within,
    plot_first_failure,
    plot_metric_distribution,
    plot_metric_distributions,
)

N = 20


@pytest.fixture(scope="module")
def ensemble(tmp_path_factory):
    out = tmp_path_factory.mktemp("ensemble") / "storm"
    run_ensemble(ROOT / "scenarios" / "stroomstoring-havenstad.yaml", N, seed=1, workers=1, out=out)
    return simulator.Results.load(out)


def _bars(ax):
    return [p for p in ax.patches if p.get_gid()]


def test_failure_probability_bars_are_the_tables_probabilities(ensemble):
    ax = plot_failure_probability(ensemble, top=20)
    table = ensemble.asset_summary.head(20)
    bars = _bars(ax)
    assert [b.get_gid() for b in bars] == table["asset"].tolist()
    assert [b.get_width() for b in bars] == table["p_failed"].tolist()  # exactly, top to bottom
    assert [b.get_y() + b.get_height() / 2 for b in bars] == list(range(20))
    assert ax.yaxis_inverted()
    # error bars: the Wilson interval of p_failed * N failures in N replications
    (segments,) = [c for c in ax.collections if c.get_gid() == "ci95"]
    low, high = wilson_interval((table["p_failed"] * N).round().to_numpy(), N)
    ends = [float(x) for s in segments.get_segments() for x in (s[0][0], s[1][0])]
    assert ends == pytest.approx(
        [float(x) for pair in zip(low, high) for x in pair], abs=1e-12
    )  # drawn as p -/+ offsets
    # one colour per sector, distinct between sectors
    sectors = dict(zip(ensemble_info(ensemble)["id"], ensemble_info(ensemble)["sector"]))
    colour_of = {}
    for bar in bars:
        colour_of.setdefault(sectors[bar.get_gid()], set()).add(bar.get_facecolor())
    assert all(len(c) == 1 for c in colour_of.values())
    assert len({next(iter(c)) for c in colour_of.values()}) == len(colour_of)
    assert [t.get_text() for t in ax.get_legend().get_texts()][0] == "Energy"
    assert ax.get_title() == f"Probability of failing: the 20 most likely assets ({N} replications)"


def ensemble_info(results):
    from simulator.report.ensemble_figures import asset_info

    return asset_info(results)


def test_failure_probability_in_dutch_and_top_n(ensemble):
    ax = plot_failure_probability(ensemble, top=5, lang="nl")
    assert len(_bars(ax)) == 5
    assert ax.get_title() == f"Kans op uitval: de 5 meest kwetsbare objecten ({N} replicaties)"
    first = ensemble.asset_summary["asset"].iloc[0]
    names = dict(zip(ensemble_info(ensemble)["id"], ensemble_info(ensemble)["name"]))
    assert [t.get_text() for t in ax.get_yticklabels()][0] == names[first] != first


def test_an_ensemble_of_an_unsaved_scenario_is_labelled_by_id(ensemble):
    scenario = simulator.load_scenario(ROOT / "scenarios" / "stroomstoring-havenstad.yaml")
    memory = run_ensemble(scenario, 4, seed=1, workers=1)
    assert memory.manifest["scenario"]["path"] is None
    ax = plot_failure_probability(memory, top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == memory.asset_summary["asset"].head(3).tolist()
    assert ax.get_legend() is None


def test_first_failure_lines_are_the_tables_percentiles_in_hours(ensemble):
    ax = plot_first_failure(ensemble, top=20)
    table = ensemble.asset_summary.head(20)
    lines = {line.get_gid(): line for line in ax.get_lines()}
    for row in table.itertuples(index=False):
        assert list(lines[f"{row.asset}:p5-p95"].get_xdata()) == [row.first_failure_p5 / 60, row.first_failure_p95 / 60]
        assert list(lines[f"{row.asset}:p50"].get_xdata()) == [row.first_failure_p50 / 60]


@pytest.mark.parametrize(
    ("metric", "scale"), [("unserved_population_hours", 1), ("assets_failed", 1), ("time_to_full_recovery_min", 60)]
)
def test_metric_distribution_marks_the_summarys_mean_and_percentiles(ensemble, metric, scale):
    ax = plot_metric_distribution(ensemble, metric)
    stats = ensemble.summary()[metric]
    marks = {line.get_gid(): line.get_xdata()[0] for line in ax.get_lines()}
    assert marks == {name: stats[name] / scale for name in ("mean", "p5", "p50", "p95")}
    heights = [p.get_height() for p in ax.patches]
    assert sum(heights) == stats["n"]  # every replication with a value is in one bar


def test_metric_distributions_leave_out_metrics_without_values(ensemble):
    axes = plot_metric_distributions(ensemble)
    titles = [ax.get_title().split("\n")[0] for ax in axes]
    assert titles == [
        "unserved population-hours",
        "assets failed",
        "peak assets failed at once",
        "time to full recovery",
        "first incident known, after its start",
        "highest escalation level",
    ]
    recovered = ensemble.summary()["time_to_full_recovery_min"]["n"]
    assert axes[3].get_title().endswith(f"(n = {recovered} of {N}; the others: no value)") == (recovered < N)
    assert (
        plot_metric_distributions(ensemble, ["time_to_containment_min", "grip_max"], lang="nl")[0].get_title()
        == "hoogste opschalingsniveau"
    )


def test_failure_within_steps_through_the_empirical_distribution():
    ax = plot_failure_within([60.0, 120.0, 120.0], n=4, label="mast", until_min=300.0)
    (line,) = [line for line in ax.get_lines() if line.get_gid() == "mast:p"]
    assert list(line.get_xdata()) == [0.0, 1.0, 2.0, 5.0]
    assert list(line.get_ydata()) == [0.0, 0.25, 0.75, 0.75]
    expected = probability_within([60.0, 120.0, 120.0], 4, [0.0, 60.0, 120.0, 300.0])
    band = [c for c in ax.collections if c.get_gid() == "mast:ci95"]
    assert len(band) == 1 and expected["ci_high"].iloc[0] > 0  # no failure yet, yet an upper bound above 0
    assert ax.get_ylim() == (0.0, 1.0)


FIGURE_PIXELS = {
    "failure-probability.png": (2400, 1590),
    "first-failure.png": (2400, 1590),
    "metric-distributions.png": (2700, 1650),
    "status-timeline.png": (1950, 1050),
    "population-served.png": (1800, 900),
    "water-level-havenbekken.png": (1800, 750),
    "cascade.png": (1800, 1350),
}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("which", ["run", "ensemble"])
def test_rampsim_plot_writes_figures_of_the_expected_pixel_size(storm, ensemble, tmp_path, which, lang):
    source = storm if which == "run" else ensemble
    result = CliRunner().invoke(cli, ["plot", str(source.path), "--out", str(tmp_path / "fig"), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert text("cli.figures_written", lang, path=tmp_path / "fig") in " ".join(result.output.split())  # rich wraps
    expected = (
        ["failure-probability.png", "first-failure.png", "metric-distributions.png"]
        if which == "ensemble"
        else ["cascade.png", "population-served.png", "status-timeline.png", "water-level-havenbekken.png"]
    )
    assert sorted(p.name for p in (tmp_path / "fig").iterdir()) == expected
    for name in expected:
        data = (tmp_path / "fig" / name).read_bytes()
        assert len(data) > 20_000
        with Image.open(io.BytesIO(data)) as image:
            assert image.size == FIGURE_PIXELS[name]


@pytest.mark.parametrize("fmt", ["pdf"])
def test_rampsim_plot_writes_ensemble_figures_as_vector_files(ensemble, tmp_path, fmt):
    result = CliRunner().invoke(cli, ["plot", str(ensemble.path), "--out", str(tmp_path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"failure-probability.{fmt}",
        f"first-failure.{fmt}",
        f"metric-distributions.{fmt}",
    ]
    assert all(p.stat().st_size > 10_000 for p in tmp_path.iterdir())


def test_the_same_ensemble_gives_the_same_figure_bytes(ensemble, tmp_path):
    import matplotlib.pyplot as plt

    from simulator.report.ensemble_figures import asset_info

    info = asset_info(ensemble)

    def save(results, name, fmt):
        ax = plot_failure_probability(results, top=10, assets=info)
        save_reproducibly(ax.figure, tmp_path / f"{name}.{fmt}", fmt)
        plt.close(ax.figure)
        return (tmp_path / f"{name}.{fmt}").read_bytes()

    for fmt in ("png", "svg", "pdf"):  # no creation date, fixed SVG ids
        assert save(ensemble, "a", fmt) == save(ensemble, "b", fmt)
    changed = simulator.Results.load(ensemble.path)
    changed.asset_summary.loc[0, "p_failed"] = 0.5  # and a changed number changes the picture
    assert save(changed, "c", "png") != save(ensemble, "a", "png")


def test_rampsim_plot_refuses_a_folder_that_is_neither_a_run_nor_an_ensemble(tmp_path):
    result = CliRunner().invoke(cli, ["plot", str(tmp_path), "--lang", "nl"])
    assert result.exit_code == 2
    expected = "geen run-map (events.csv of events.parquet, manifest.json) en geen ensemble-map (replications.parquet)"
    assert expected in " ".join(result.output.split())
    assert not np.any([p.name == "figures" for p in tmp_path.iterdir()])


# --- what a trainer at the projector needs ---------------------------------------------------------

import copy  # noqa: E402

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

from simulator.report.figures import CASCADE_LABELS, _served_axis_end  # noqa: E402
from simulator.report.threat_figures import plot_risk_diagram, plot_threat_ranking  # noqa: E402


def _overlap(a, b):
    width, height = min(a.x1, b.x1) - max(a.x0, b.x0), min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def test_cascade_names_the_earliest_failed_assets_without_piling_them_up(storm):
    ax = plot_cascade(storm)
    first = storm.metrics["first_failure_min"]
    names = dict(zip(storm.assets["id"], storm.assets["name"]))
    labels = [t for t in ax.texts if str(t.get_gid()).startswith("label:")]
    earliest = sorted(first, key=lambda a: (first[a], names[a], a))[:CASCADE_LABELS]
    assert [t.get_gid()[len("label:") :] for t in labels] == earliest
    assert all(t.get_fontsize() >= 9 and len(t.get_text()) <= 28 for t in labels)
    assert any(t.get_text().endswith("…") for t in labels) or all(len(names[a]) <= 28 for a in earliest)
    boxes = text_boxes(ax, labels)
    assert sum(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :]) == 0


def text_boxes(ax, labels):
    """The labels' text boxes as drawn (without their leader lines, which may cross)."""
    from matplotlib.text import Text

    ax.figure.draw_without_rendering()
    return [Text.get_window_extent(t) for t in labels]


def test_cascade_colour_scale_runs_from_zero_to_at_least_an_hour(storm):
    at_once = copy.copy(storm)
    at_once.metrics = {**storm.metrics, "first_failure_min": dict.fromkeys(storm.metrics["first_failure_min"], 0.0)}
    ax = plot_cascade(at_once)
    assert ax.figure.axes[-1].get_ylim() == (0.0, 1.0)
    latest = max(storm.metrics["first_failure_min"].values()) / 60
    assert plot_cascade(storm).figure.axes[-1].get_ylim() == (0.0, max(1.0, latest))


def test_population_served_ends_a_little_after_the_last_change(storm):
    data = population_served(storm)
    last, run_end = data["time_min"].max() / 60, storm.manifest["until_min"] / 60
    assert last < run_end
    right = plot_population_served(storm).get_xlim()[1]
    assert last < right < run_end and right <= last + max(0.5, 0.1 * last) + 1e-9
    # changes until the very end: the whole run; nothing changing: the whole run
    assert _served_axis_end(pd.DataFrame({"time_min": [0.0, 600.0]}), 10.0) == 10.0
    assert _served_axis_end(pd.DataFrame({"time_min": [0.0]}), 48.0) == 48.0


def test_population_served_lines_differ_in_style_and_use_the_languages_thousands(storm):
    ax = plot_population_served(storm, lang="nl")
    lines = ax.get_lines()
    assert len({line.get_linestyle() for line in lines}) == 3 and len({line.get_marker() for line in lines}) == 3
    assert ax.yaxis.get_major_formatter()(80000, 0) == "80.000"
    assert plot_population_served(storm, lang="en").yaxis.get_major_formatter()(80000, 0) == "80,000"


def test_status_timeline_names_sectors_in_the_figures_language(storm):
    nl = [t.get_text() for t in plot_status_timeline(storm, lang="nl").get_yticklabels()]
    assert any(label.startswith("Vaarwegen: Zeesluis") for label in nl)
    assert not any(label.startswith(("waterways:", "population:")) for label in nl)
    assert nl == sorted(nl)


RANKING = pd.DataFrame(
    {
        "rank": range(1, 15),
        "name": [f"Asset {i} with a rather long name for the legend" for i in range(1, 15)],
        "likelihood": list("BCCCCCDDBBAAEE"),
        "impact": list("EDDCCBBBAAAAAA"),
        "people_affected": [900, 500, 400, 300, 200, 100, 50, 10, 5, 1, 0, 0, 0, 0],
    }
)


def test_risk_diagram_puts_each_point_in_its_cell_and_numbers_the_top_ten():
    ax = plot_risk_diagram(RANKING)
    points = [tuple(p) for c in ax.collections for p in c.get_offsets()]
    assert len(points) == len(RANKING) == len(set(points))
    classes = "ABCDE"
    cells = sorted((classes.index(r.impact), classes.index(r.likelihood)) for r in RANKING.itertuples())
    assert sorted((round(x), round(y)) for x, y in points) == cells
    assert all(abs(x - round(x)) < 0.45 and abs(y - round(y)) < 0.45 for x, y in points)  # inside, off the borders
    numbers = [t for t in ax.texts if str(t.get_gid()).startswith("rank:")]
    assert [t.get_text() for t in numbers] == [str(i) for i in range(1, 11)]
    assert len(ax.get_legend().get_texts()) == 10
    borders = {round(line.get_xdata()[0], 2) for line in ax.get_lines() if line.get_xdata()[0] == line.get_xdata()[1]}
    assert borders == {-0.5, 0.5, 1.5, 2.5, 3.5, 4.5}
    assert plot_risk_diagram(RANKING).collections[0].get_offsets().tolist() == ax.collections[0].get_offsets().tolist()


def test_threat_ranking_leaves_out_assets_without_impact_and_says_so():
    ax = plot_threat_ranking(RANKING, lang="nl")
    assert len(ax.patches) == 10 and min(p.get_width() for p in ax.patches) > 0
    (note,) = [t for t in ax.texts if t.get_gid() == "zero_dropped"]
    assert note.get_text() == text("figure.zero_dropped", "nl", n=4)
    assert ax.get_title() == text("figure.threat_ranking", "nl", n=10)


def test_metric_distributions_count_whole_replications_and_keep_percentile_labels_apart(ensemble):
    for ax in plot_metric_distributions(ensemble):
        ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
        assert all(float(t).is_integer() for t in ticks), (ax.get_title(), ticks)
        ax.figure.draw_without_rendering()
        boxes = [t.get_window_extent() for t in ax.texts if str(t.get_gid()).startswith("label:")]
        assert all(_overlap(a, b) == 0 for i, a in enumerate(boxes) for b in boxes[i + 1 :]), ax.get_title()
    # 18 replications at level 4 and 2 at 3: the count axis must not step in halves (17.5)
    skewed = copy.copy(ensemble)
    skewed.replications = ensemble.replications.assign(grip_max=[3] * 2 + [4] * (len(ensemble.replications) - 2))
    skewed._summary = {**ensemble.summary(), "grip_max": {"n": 0}}
    ax = plot_metric_distribution(skewed, "grip_max")
    assert max(p.get_height() for p in ax.patches) == N - 2
    assert all(float(t).is_integer() for t in ax.get_yticks())
    # close percentiles: stacked, not on top of each other
    import matplotlib.pyplot as plt

    from simulator.report.ensemble_figures import _stagger

    _, ax = plt.subplots(figsize=(6, 4))
    ax.set_xlim(0, 100)
    assert _stagger(ax, {10.0: ["p5"], 60.0: ["p50"], 61.0: ["p95"]}) == [0, 0, 1]


@pytest.fixture(autouse=True)
def _close_figures():
    import matplotlib.pyplot as plt

    yield
    plt.close("all")


def test_run_figures_in_svg_and_pdf_are_the_same_bytes_every_time(tmp_path):
    import simulator
    from simulator.report.figures import save_figures

    result = simulator.simulate(ROOT / "scenarios" / "ransomware-gemeente.yaml", until_min=240)
    for fmt in ("svg", "pdf"):
        first = {p.name: p.read_bytes() for p in save_figures(result, tmp_path / f"a-{fmt}", fmt)}
        second = {p.name: p.read_bytes() for p in save_figures(result, tmp_path / f"b-{fmt}", fmt)}
        assert first == second


def test_the_cascade_of_a_large_graph_shows_the_failed_assets_and_their_neighbours(tmp_path):
    from simulator.model.synth import synthetic_graph
    from simulator.report.figures import CASCADE_FULL_LIMIT

    graph = synthetic_graph(600, seed=1)
    simulator.save_graph(graph, tmp_path / "g.json")
    (tmp_path / "s.yaml").write_text(
        "name: groot\ngraph: g.json\nstart: 2027-01-15T02:30:00+01:00\nduration: 6h\n"
        f"injects:\n  - {{type: outage, target: {graph.assets[0].id}}}\n",
        encoding="utf-8",
    )
    result = simulator.simulate(tmp_path / "s.yaml")
    ax = plot_cascade(result)
    drawn = sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_offsets") and len(c.get_offsets()))
    assert len(graph) > CASCADE_FULL_LIMIT and 0 < drawn < len(graph)


# --- the water level of a basin ----------------------------------------------------------------------


def water_run():
    """A hand-made run: the basin stands at -0.40 m NAP until minute 60, rises through its alarm
    level (-0.10) and crest (1.00) to 1.40 at minute 120, falls to 0.20 at minute 240. Zone ``laag``
    floods at minute 100 (level 1.00 then, on the line between the samples at 90 and 120 min)."""
    import pandas as pd

    from simulator.analysis.results import RunResults

    levels = pd.DataFrame(
        {
            "time_min": [60.0, 90.0, 120.0, 240.0],
            "basin": ["haven"] * 4,
            "level_m": [-0.4, 0.7, 1.4, 0.2],
        }
    )
    basins = pd.DataFrame(
        {"id": ["haven"], "name": ["Havenbekken"], "level_m": [-0.4], "alarm_level_m": [-0.1], "crest_level_m": [1.0]}
    ).astype({"alarm_level_m": "Float64", "crest_level_m": "Float64"})
    zones = pd.DataFrame(
        {
            "id": ["laag"],
            "name": ["Laag"],
            "basin": ["haven"],
            "ground_level_m": [0.7],
            "population": [10],
            "assets": [""],
        }
    )
    return RunResults(
        pd.DataFrame(columns=simulator.analysis.results.EVENT_COLUMNS),
        pd.DataFrame(columns=simulator.analysis.results.STATE_COLUMNS),
        {"flooded_zones": {"laag": 100.0}},
        {"until_min": 240.0},
        tables={"levels": levels, "basins": basins, "zones": zones},
    )


def test_basin_level_is_drawn_against_hours_beside_its_thresholds_in_dutch():
    from simulator.report.ticks import localise_ticks
    from simulator.report.water_figures import basins_with_levels, plot_basin_level

    result = water_run()
    assert basins_with_levels(result) == ["haven"]
    ax = plot_basin_level(result, "haven", lang="nl")
    lines = {line.get_gid(): line for line in ax.get_lines()}
    # the basin stood at its initial level from minute 0 until its first sample
    assert list(lines["level"].get_xdata()) == [0.0, 1.0, 1.5, 2.0, 4.0]
    assert list(lines["level"].get_ydata()) == [-0.4, -0.4, 0.7, 1.4, 0.2]
    assert list(lines["alarm"].get_ydata()) == [-0.1, -0.1] and list(lines["crest"].get_ydata()) == [1.0, 1.0]
    assert list(lines["initial"].get_ydata()) == [-0.4, -0.4]
    assert (list(lines["peak"].get_xdata()), list(lines["peak"].get_ydata())) == ([2.0], [1.4])
    # minute 100 lies a third of the way from 90 (0.7) to 120 (1.4): 0.7 + 0.7 / 3
    assert lines["flooded"].get_xdata()[0] == pytest.approx(100 / 60)
    assert lines["flooded"].get_ydata()[0] == pytest.approx(0.7 + 0.7 / 3)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "waterstand",
        "kade- of kruinhoogte (1,00 m NAP): daarboven lopen de gebieden onder",
        "alarmpeil (-0,10 m NAP)",
        "peil bij de start (-0,40 m NAP)",
        "hoogste stand (1,40 m NAP)",
        "een gebied loopt onder",
    ]
    assert ax.get_ylabel() == "waterstand (m NAP)" and ax.get_title() == "Waterstand: Havenbekken"
    localise_ticks(ax.figure, "nl")
    ax.figure.draw_without_rendering()
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert "0,50" in ticks and not any("." in t for t in ticks)


def test_a_basin_without_thresholds_gets_only_its_level_and_a_run_without_water_no_figure():
    import pandas as pd

    from simulator.report.water_figures import basins_with_levels, plot_basin_level

    result = water_run()
    result.basins = pd.DataFrame(columns=["id", "name", "level_m", "alarm_level_m", "crest_level_m"])
    ax = plot_basin_level(result, "haven", lang="en")
    assert sorted(line.get_gid() for line in ax.get_lines()) == ["flooded", "level", "peak"]
    assert ax.get_title() == "Water level: haven"
    result.levels = result.levels.iloc[0:0]
    assert basins_with_levels(result) == []


def test_the_storm_surge_run_keeps_its_basins_and_zones_and_plots_the_harbour(storm):
    assert list(storm.basins["id"]) == ["havenbekken", "oostpolder"]
    harbour = storm.basins.iloc[0]
    assert (harbour["alarm_level_m"], harbour["crest_level_m"]) == (-0.1, 1.0)
    assert pd_isna(storm.basins.iloc[1]["crest_level_m"])  # the polder water has no crest
    assert storm.zones.set_index("id").at["zone-havenkwartier", "assets"].split() == [
        "onderstation-haven",
        "mast-haven",
        "wijk-havenkwartier",
    ]
    from simulator.report.water_figures import plot_basin_level

    ax = plot_basin_level(storm, "havenbekken")
    peak = next(line for line in ax.get_lines() if line.get_gid() == "peak")
    assert peak.get_ydata()[0] == pytest.approx(storm.metrics["max_water_level_m"]["havenbekken"], abs=1e-6)


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


# --- the map: assets without a location, zones, the compass -----------------------------------------


def test_an_asset_without_a_location_goes_beside_the_mean_of_its_neighbours():
    """a (0, 0) and b (2, 0) have locations; c needs a and b; d needs only c; e is linked to nothing.

    a ──► c ◄── b        the map's extent is 2, so the offset is 0.04 x 2 = 0.08:
          │              c: mean (1, 0) + 0.08 along angle 0 (first unplaced)   = (1.08, 0)
          ▼              d: c + 0.08 along the golden angle (second), next round
          d              e: no neighbour on the map: a row 2 x 0.08 south of it
    """
    import math

    from simulator.report.map_positions import GOLDEN_ANGLE, place_beside_neighbours

    positions = place_beside_neighbours(
        {"a": (0.0, 0.0), "b": (2.0, 0.0)}, [("a", "c"), ("b", "c"), ("c", "d")], ["a", "b", "c", "d", "e"]
    )
    assert positions["a"] == (0.0, 0.0) and positions["b"] == (2.0, 0.0)
    assert positions["c"] == pytest.approx((1.08, 0.0))
    assert positions["d"] == pytest.approx((1.08 + 0.08 * math.cos(GOLDEN_ANGLE), 0.08 * math.sin(GOLDEN_ANGLE)))
    assert positions["e"] == pytest.approx((1.0, -0.16))
    assert place_beside_neighbours({}, [("a", "c")], ["a", "c"]) == {}  # no map: the caller lays out rows


def zone_patches(ax) -> dict:
    """Zone id -> {"edge": [...], "fill": [...]}: the cascade map's discs, by their gids ``zone:ID:PART:K``."""
    found: dict = {}
    for patch in ax.patches:
        gid = str(patch.get_gid())
        if gid.startswith("zone:"):
            zone, part, _ = gid.removeprefix("zone:").rsplit(":", 2)
            found.setdefault(zone, {"edge": [], "fill": []})[part].append(patch)
    return found


def inside(patches, point, ax) -> list:
    """The patches whose area holds ``point`` (lon, lat)."""
    where = ax.transData.transform(point)
    return [p for p in patches if p.contains_point(where)]


def zone_map_run():
    """Four assets on a map: the zone ``laag`` (a, b) flooded, ``hoog`` (c) stayed dry, d in none.

        c (4.5, 60.5)           extent: max(1.0 lon, 1.0 lat) = 1.0, so a disc's radius is
    a (4.0, 60.0) ──► b (5.0, 60.0)     0.03 x 1.0 = 0.03 degrees east, 0.03 x cos 60 = 0.015 north
        d (4.5, 59.5)           (round on the map); (4.5, 60.0), midway between a and b, is dry town
    """
    import pandas as pd

    from simulator.analysis.tables import ASSET_COLUMNS

    result = water_run()
    assets = pd.DataFrame(
        {"id": list("abcd"), "name": ["A", "B", "C", "D"], "lon": [4.0, 5.0, 4.5, 4.5], "lat": [60.0, 60.0, 60.5, 59.5]}
    )
    result.assets = assets.reindex(columns=ASSET_COLUMNS)
    result.dependencies = pd.DataFrame({"supplier": ["a"], "consumer": ["b"], "type": ["power"], "need": [1]})
    zones = pd.concat([result.zones, result.zones], ignore_index=True)
    zones["id"], zones["name"], zones["assets"] = ["laag", "hoog"], ["Laag", "Hoog"], ["a b", "c"]
    result.zones = zones
    result.metrics["first_failure_min"] = {"a": 100.0}
    return result


def test_a_cascade_zone_is_the_discs_around_its_assets_in_its_colour_and_not_the_town_between():
    from matplotlib.colors import to_rgba

    ax = plot_cascade(zone_map_run(), lang="nl")
    zones = zone_patches(ax)
    assert sorted(zones) == ["hoog", "laag"]
    laag, hoog = zones["laag"], zones["hoog"]
    assert [p.center for p in laag["fill"]] == [(4.0, 60.0), (5.0, 60.0)] == [p.center for p in laag["edge"]]
    assert [p.center for p in hoog["fill"]] == [(4.5, 60.5)]
    for patch in laag["fill"] + hoog["edge"]:
        assert (patch.width, patch.height) == pytest.approx((0.06, 0.03))
    # flooded: a 30 % tint of its blue (#0072B2) over white, opaque, dotted; a solid blue edge
    assert laag["fill"][0].get_facecolor() == pytest.approx((0.7, 0.7 + 0.3 * 114 / 255, 0.7 + 0.3 * 178 / 255, 1.0))
    assert laag["fill"][0].get_hatch() == "..." and laag["edge"][0].get_linestyle() == "-"
    assert laag["edge"][0].get_edgecolor() == to_rgba("#0072B2")
    # dry: white inside a dashed edge in its own colour, bluish green (#009E73)
    assert hoog["fill"][0].get_facecolor() == (1.0, 1.0, 1.0, 1.0) and hoog["fill"][0].get_hatch() is None
    assert hoog["edge"][0].get_linestyle() == "--" and hoog["edge"][0].get_edgecolor() == to_rgba("#009E73")
    every = [p for parts in zones.values() for group in parts.values() for p in group]
    assert inside(every, (4.5, 60.0), ax) == []  # the dry town midway between a and b: in no zone
    assert inside(laag["fill"], (4.0, 60.0), ax) == [laag["fill"][0]]
    assert inside(laag["fill"], (4.0, 60.02), ax) == []  # 0.02 north is beyond the disc's 0.015
    assert inside(laag["fill"], (4.02, 60.0), ax) == [laag["fill"][0]]  # 0.02 east is within its 0.03
    legend = ax.get_legend()
    assert legend.get_title().get_text() == "overstromingsgebieden"
    assert [t.get_text() for t in legend.get_texts()] == ["Laag: ondergelopen", "Hoog: droog gebleven"]
    assert [h.get_edgecolor() for h in legend.legend_handles] == [to_rgba("#0072B2"), to_rgba("#009E73")]


def test_the_cascade_of_havenstad_is_a_map_with_the_112_platform_beside_its_neighbours(storm):
    from simulator.report.figures import _positions
    from simulator.report.map_positions import NEIGHBOUR_OFFSET

    ax = plot_cascade(storm)
    graph = nx.DiGraph()
    graph.add_nodes_from(storm.assets["id"])
    graph.add_edges_from(zip(storm.dependencies["supplier"], storm.dependencies["consumer"]))
    positions = _positions(storm, graph)
    assets = storm.assets.set_index("id")
    located = assets[assets["lat"].notna()]
    assert len(located) == len(assets) - 1  # only the national 112 routing has no location
    for asset, row in located.iterrows():
        assert positions[asset] == (float(row["lon"]), float(row["lat"]))
    near = sorted({*graph.predecessors("kpn-112-platform"), *graph.successors("kpn-112-platform")})
    mean = (sum(positions[n][0] for n in near) / len(near), sum(positions[n][1] for n in near) / len(near))
    extent = max(located["lon"].max() - located["lon"].min(), located["lat"].max() - located["lat"].min())
    # the only asset without a location: number 0, so moved east by the offset
    assert positions["kpn-112-platform"] == pytest.approx((mean[0] + NEIGHBOUR_OFFSET * float(extent), mean[1]))
    nodes = [c for c in ax.collections if len(c.get_offsets())]
    drawn = {tuple(p) for c in nodes for p in c.get_offsets()}
    assert (float(located.at["zeesluis", "lon"]), float(located.at["zeesluis", "lat"])) in drawn


def test_the_cascade_draws_the_flood_zones_flooded_ones_filled_and_not_the_dry_town_between(storm):
    import math

    from simulator.report.figures import ZONE_PAD, _positions

    ax = plot_cascade(storm, lang="nl")
    zones = zone_patches(ax)
    assert set(zones) == {"zone-havenkwartier", "zone-oude-haven", "zone-oostpolder-laag"}
    assert set(storm.metrics["flooded_zones"]) == {"zone-havenkwartier", "zone-oude-haven"}
    assert all(p.get_hatch() == "..." for p in zones["zone-havenkwartier"]["fill"])
    assert all(p.get_linestyle() == "--" for p in zones["zone-oostpolder-laag"]["edge"])  # dry: dashed
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "Havenkwartier (laag): ondergelopen",
        "Oude Haven en Noordkade: ondergelopen",
        "Laagste deel Oostpolder: droog gebleven",
    ]
    graph = nx.DiGraph()
    graph.add_nodes_from(storm.assets["id"])
    graph.add_edges_from(zip(storm.dependencies["supplier"], storm.dependencies["consumer"]))
    positions = _positions(storm, graph)
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    pad = ZONE_PAD * max(max(xs) - min(xs), max(ys) - min(ys))
    every = [p for parts in zones.values() for group in parts.values() for p in group]
    members = storm.zones.set_index("id").at["zone-oude-haven", "assets"].split()
    a, b = max(((u, v) for u in members for v in members if u < v), key=lambda uv: math.dist(*map(positions.get, uv)))
    assert math.dist(positions[a], positions[b]) > 4 * pad, (a, b)  # far apart: their discs do not touch
    mid = tuple((p + q) / 2 for p, q in zip(positions[a], positions[b]))
    assert inside(every, mid, ax) == []  # a hull over the two spanned the dry town between them
    assert len(inside(zones["zone-oude-haven"]["fill"], positions[a], ax)) == 1


def test_the_cascade_labels_keep_off_the_compass(storm):
    ax = plot_cascade(storm, lang="nl")
    compass = next(t for t in ax.texts if t.get_gid() == "compass")
    assert compass.get_text() == "N"
    labels = [t for t in ax.texts if str(t.get_gid()).startswith("label:")]
    assert len(labels) == len(storm.metrics["first_failure_min"])  # 14 failed, all named (at most 15)
    boxes = text_boxes(ax, labels)
    box = compass.get_window_extent()  # the letter and its arrow
    assert box.height > 30 and all(_overlap(box, other) == 0 for other in boxes)
