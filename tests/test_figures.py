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
    assert any(label.startswith("waterways: Zeesluis") for label in labels)
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
    assert files == [f"cascade.{fmt}", f"population-served.{fmt}", f"status-timeline.{fmt}"]
    assert all((tmp_path / "fig" / f).stat().st_size > 5000 for f in files)


def test_rampsim_plot_refuses_a_folder_that_is_not_a_run(tmp_path):
    assert CliRunner().invoke(cli, ["plot", str(tmp_path)]).exit_code == 2
