"""Figures of an ensemble for a projector and a notebook: how likely each asset is to fail (with a
95 % Wilson interval), when it first fails, the distribution of the key metrics, and the
probability that an asset has failed within a time.

Every function takes ``ax=None`` (or ``axes=None``) and ``lang`` and returns what it drew on;
nothing calls ``plt.show()``. Colours are the Okabe-Ito palette, safe for colour-blind readers;
bars take the colour of their asset's sector. Times are shown in hours (minutes for the time to
detection), probabilities as fractions 0-1. Each drawn bar, line and band carries a ``gid`` (the
asset id, ``mean``, ``p5``, ``p50``, ``p95``) so that tests and notebooks can read numbers back.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd

from ..analysis.uncertainty import ensemble_assets, failure_probabilities, probability_within
from ..messages import CATALOGUE, format_number, sector_name, text
from ..model.fieldtypes import SECTORS

__all__ = [
    "OKABE_ITO",
    "ENSEMBLE_METRICS",
    "sector_colours",
    "asset_info",
    "plot_failure_probability",
    "plot_first_failure",
    "plot_metric_distribution",
    "plot_metric_distributions",
    "plot_failure_within",
    "save_ensemble_figures",
]

# Okabe & Ito (2008); black replaced by grey, which reads better as a bar on a projector
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
# the metrics drawn by default, and how each is shown: divisor of the stored value, unit label key
ENSEMBLE_METRICS = (
    "unserved_population_hours",
    "assets_failed",
    "peak_assets_failed",
    "time_to_full_recovery_min",
    "time_to_detection_min",
    "grip_max",
)
_SCALE = {
    "unserved_population_hours": (1.0, "figure.unit.population_hours"),
    "assets_failed": (1.0, "figure.unit.assets"),
    "peak_assets_failed": (1.0, "figure.unit.assets"),
    "time_to_full_recovery_min": (60.0, "figure.unit.hours"),
    "time_to_detection_min": (1.0, "figure.unit.minutes"),
    "time_to_containment_min": (60.0, "figure.unit.hours"),
    "grip_max": (1.0, "figure.unit.level"),
    "events": (1.0, "figure.unit.events"),
    "population_flooded": (1.0, "figure.unit.people"),
    "evidence_wait_min": (60.0, "figure.unit.hours"),
    "evidence_secured": (1.0, "figure.unit.assets"),
    "evidence_lost": (1.0, "figure.unit.assets"),
}
_WHOLE_NUMBERS = {
    "assets_failed",
    "peak_assets_failed",
    "grip_max",
    "events",
    "population_flooded",
    "evidence_secured",
    "evidence_lost",
}
DPI = 150  # PNG resolution: figure size in inches x 150 pixels


def _axes(ax, size):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, constrained_layout=True)
    return ax


def sector_colours(sectors) -> dict[str, tuple[str, str]]:
    """(colour, hatch) per sector present, in the model's sector order: eight distinct colours,
    hatched from the ninth sector on."""
    present = [s for s in SECTORS if s in set(sectors)] + sorted(set(sectors) - set(SECTORS))
    return {s: (OKABE_ITO[i % len(OKABE_ITO)], "" if i < len(OKABE_ITO) else "//") for i, s in enumerate(present)}


def asset_info(results, source=None) -> pd.DataFrame:
    """``id, name, sector`` of the assets, for labels and colours.

    ``source``: a table with those columns (a run's ``Results.assets``), a loaded ``Scenario``, or
    None: then the run's own asset table, else the scenario named in the ensemble's manifest
    (empty when it can no longer be read: bars are then labelled by id, without sector colours).
    """
    if isinstance(source, pd.DataFrame):
        return source[["id", "name", "sector"]]
    if source is None and len(results.assets) and "id" in results.assets:  # a run, not an ensemble
        return results.assets[["id", "name", "sector"]]
    if source is None:
        path = (results.manifest.get("scenario") or {}).get("path")
        if path:
            from ..model import LoadError, load_scenario

            try:
                source = load_scenario(path)
            except (LoadError, OSError):
                source = None
    if source is None:
        return pd.DataFrame(columns=["id", "name", "sector"])
    assets = source.graph.assets
    return pd.DataFrame(
        {
            "id": [a.id for a in assets],
            "name": [source.graph.label(a.id) for a in assets],
            "sector": [a.sector for a in assets],
        }
    )


def _top(results, top: int, assets) -> pd.DataFrame:
    """The ``top`` assets most likely to fail, with their CI, name, sector, colour and hatch."""
    table = failure_probabilities(results).head(top)
    extra = ensemble_assets(results).set_index("asset")
    for column in ("first_failure_p5", "first_failure_p50", "first_failure_p95"):
        table[column] = table["asset"].map(extra[column]).to_numpy(dtype=float)
    info = asset_info(results, assets).set_index("id")
    table["name"] = [info["name"].get(a, a) for a in table["asset"]]
    table["sector"] = [info["sector"].get(a, "") for a in table["asset"]]
    colours = sector_colours([s for s in table["sector"] if s])
    table["colour"] = [colours.get(s, (OKABE_ITO[4], ""))[0] for s in table["sector"]]
    table["hatch"] = [colours.get(s, ("", ""))[1] for s in table["sector"]]
    return table.reset_index(drop=True)


def _sector_legend(ax, table: pd.DataFrame, lang: str) -> None:
    from matplotlib.patches import Patch

    seen = dict.fromkeys(s for s in table["sector"] if s)
    colours = sector_colours(list(seen))
    handles = [
        Patch(facecolor=colours[s][0], hatch=colours[s][1], edgecolor="black", label=sector_name(s, lang))
        for s in colours
    ]
    if handles:
        ax.legend(
            handles=handles,
            title=text("figure.sector", lang),
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            fontsize=12,
            title_fontsize=12,
        )


def plot_failure_probability(results, ax=None, top: int = 20, lang: str = "en", assets=None):
    """Horizontal bars: the ``top`` assets by probability of failing in the ensemble (a fraction of
    the replications), most likely at the top, with the 95 % Wilson interval as error bars,
    coloured by sector. ``assets``: see ``asset_info``."""
    table = _top(results, top, assets)
    ax = _axes(ax, (16, max(4.0, 0.42 * len(table) + 2.2)))
    y = np.arange(len(table))
    p = table["p_failed"].to_numpy(dtype=float)
    bars = ax.barh(y, p, color=table["colour"], edgecolor="black", linewidth=0.6)
    for bar, asset, hatch in zip(bars, table["asset"], table["hatch"]):
        bar.set_gid(asset)
        bar.set_hatch(hatch)
    errors = np.vstack([p - table["ci_low"].to_numpy(), table["ci_high"].to_numpy() - p])
    container = ax.errorbar(p, y, xerr=errors, fmt="none", ecolor="black", elinewidth=1.5, capsize=4)
    container[2][0].set_gid("ci95")
    for yi, high, value in zip(y, table["ci_high"], p):
        ax.text(min(high, 1.0) + 0.01, yi, f"{round(value * 100):d} %", va="center", fontsize=11)
    ax.set_yticks(y, table["name"], fontsize=12)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xticks(np.linspace(0, 1, 6))
    ax.tick_params(axis="x", labelsize=12)
    n = int(results.manifest["replications"])
    ax.set_xlabel(text("figure.p_failed", lang), fontsize=13)
    ax.set_title(text("figure.failure_probability", lang, n=len(table), replications=n), fontsize=15)
    ax.grid(axis="x", alpha=0.3)
    _sector_legend(ax, table, lang)
    return ax


def plot_first_failure(results, ax=None, top: int = 20, lang: str = "en", assets=None):
    """When the ``top`` assets most likely to fail first fail, over the replications in which they
    fail: a line from the 5th to the 95th percentile and a dot at the median (hours after the
    start), in the order and colours of ``plot_failure_probability``."""
    table = _top(results, top, assets)
    ax = _axes(ax, (16, max(4.0, 0.42 * len(table) + 2.2)))
    y = np.arange(len(table))
    for yi, row in zip(y, table.itertuples(index=False)):
        low, mid, high = row.first_failure_p5 / 60, row.first_failure_p50 / 60, row.first_failure_p95 / 60
        (line,) = ax.plot([low, high], [yi, yi], color=row.colour, linewidth=5, solid_capstyle="butt")
        line.set_gid(f"{row.asset}:p5-p95")
        (dot,) = ax.plot([mid], [yi], "o", color="black", markersize=8)
        dot.set_gid(f"{row.asset}:p50")
    ax.set_yticks(y, table["name"], fontsize=12)
    ax.invert_yaxis()
    ax.set_xlim(left=0)
    ax.tick_params(axis="x", labelsize=12)
    ax.set_xlabel(text("figure.first_failure_range", lang), fontsize=13)
    ax.set_title(text("figure.first_failure_title", lang), fontsize=15)
    ax.grid(axis="x", alpha=0.3)
    _sector_legend(ax, table, lang)
    return ax


def _metric_values(results, metric: str) -> np.ndarray:
    """The metric's values over the replications that have one (not recovered: left out)."""
    column = results.replications[metric] if metric in results.replications else pd.Series(dtype=float)
    return pd.to_numeric(column, errors="coerce").dropna().to_numpy(dtype=float)


def plot_metric_distribution(results, metric: str, ax=None, lang: str = "en"):
    """Histogram of one scalar metric over the replications, with the mean (solid) and the 5th,
    50th and 95th percentiles (dashed) taken from the ensemble's summary. Minutes are shown in
    hours, except the time to detection."""
    ax = _axes(ax, (8, 5))
    pad = 18
    scale, unit = _SCALE.get(metric, (1.0, "figure.unit.value"))
    values = _metric_values(results, metric) / scale
    stats = results.summary().get(metric, {})
    n_all = len(results.replications)
    if len(values):
        if metric in _WHOLE_NUMBERS:
            bins = np.arange(math.floor(values.min()) - 0.5, math.ceil(values.max()) + 1.5)
        else:
            bins = min(20, max(5, int(math.sqrt(len(values)))))
        ax.hist(values, bins=bins, color=OKABE_ITO[1], edgecolor="black", linewidth=0.6)
    if stats.get("n"):
        mean = ax.axvline(stats["mean"] / scale, color=OKABE_ITO[5], linewidth=3, label=text("figure.mean", lang))
        mean.set_gid("mean")
        names_at: dict[float, list[str]] = {}
        for name, width in (("p5", 1.8), ("p50", 2.8), ("p95", 1.8)):
            line = ax.axvline(stats[name] / scale, color=OKABE_ITO[4], linewidth=width, linestyle="--")
            line.set_gid(name)
            names_at.setdefault(stats[name] / scale, []).append(name)
        levels = _stagger(ax, names_at)
        for (x, names), level in zip(names_at.items(), levels):  # one label where percentiles coincide
            label = "=".join(names)
            ax.text(
                x,
                1.0 + 0.075 * level,
                label,
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="bottom",
                fontsize=11,
                color=OKABE_ITO[4],
                gid=f"label:{label}",
            )
        line.set_label(text("figure.percentiles", lang))
        ax.legend(loc="best", fontsize=10)
        pad = 18 + 14 * max(levels, default=0)
    from matplotlib.ticker import MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts of replications
    if metric in _WHOLE_NUMBERS:
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    elif values.size and values.max() >= 10_000:
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, lang)))
    title = text(f"metric.{metric}", lang) if f"metric.{metric}" in CATALOGUE else metric
    if len(values) < n_all:
        title += "\n" + text("figure.n_of", lang, n=len(values), total=n_all)
    ax.set_title(title, fontsize=14, pad=pad)
    ax.set_xlabel(text(unit, lang), fontsize=12)
    ax.set_ylabel(text("figure.replications", lang), fontsize=12)
    ax.tick_params(labelsize=11)
    ax.grid(axis="y", alpha=0.3)
    return ax


def _stagger(ax, names_at: dict) -> list[int]:
    """A row (0, 1, ...) for each percentile label above the axes, from left to right: a label
    goes one row up while it would overlap one in a row below (widths estimated from the
    number of characters at 11 pt and the axes' width)."""
    low, high = ax.get_xlim()
    width_pt = max(ax.get_position().width * ax.figure.get_figwidth() * 72, 1.0)
    ends: dict[int, float] = {}  # per row: where its rightmost label ends, in axes fractions
    levels = {}
    for x in sorted(names_at):
        half = 0.5 * 11 * 0.62 * len("=".join(names_at[x])) / width_pt + 0.01
        centre = (x - low) / (high - low) if high > low else 0.5
        level = 0
        while ends.get(level, -1.0) > centre - half:
            level += 1
        ends[level] = centre + half
        levels[x] = level
    return [levels[x] for x in names_at]


def plot_metric_distributions(results, metrics=None, axes=None, lang: str = "en"):
    """``plot_metric_distribution`` for several metrics (default ``ENSEMBLE_METRICS``; metrics
    without any value are left out), three to a row; returns the list of axes drawn on."""
    metrics = [m for m in (metrics or ENSEMBLE_METRICS) if len(_metric_values(results, m))]
    if axes is None:
        import matplotlib.pyplot as plt

        rows = max(1, math.ceil(len(metrics) / 3))
        figure, grid = plt.subplots(rows, 3, figsize=(18, 5.5 * rows), constrained_layout=True, squeeze=False)
        axes = list(grid.ravel())
        for spare in axes[len(metrics) :]:
            spare.set_axis_off()
        n = int(results.manifest.get("replications", len(results.replications)))
        figure.suptitle(text("figure.metric_distributions", lang, n=n), fontsize=16)
    return [plot_metric_distribution(results, metric, ax=ax, lang=lang) for metric, ax in zip(metrics, axes)]


def plot_failure_within(
    first_failure_min,
    n: int,
    ax=None,
    lang: str = "en",
    label: str | None = None,
    until_min: float | None = None,
    colour: str = OKABE_ITO[5],
):
    """The probability that an asset has failed within t hours: the empirical distribution of its
    first failure over ``n`` replications (``first_failure_min``: one minute per replication in
    which it failed), a step line, with the 95 % Wilson interval as a band. Call again on the same
    axes with another ``label`` and ``colour`` to compare assets."""
    ax = _axes(ax, (10, 6))
    times = [float(t) for t in first_failure_min if not pd.isna(t)]
    steps = sorted({0.0, *times})
    end = until_min if until_min is not None else max(60.0, 1.1 * steps[-1])
    table = probability_within(times, n, [*steps, max(end, steps[-1])])
    hours = table["time_min"].to_numpy() / 60
    p, low, high = (table[c].to_numpy() for c in ("p", "ci_low", "ci_high"))
    band = ax.fill_between(hours, low, high, step="post", color=colour, alpha=0.2, linewidth=0)
    band.set_gid(f"{label or 'asset'}:ci95")
    (line,) = ax.step(hours, p, where="post", color=colour, linewidth=2.5, label=label)
    line.set_gid(f"{label or 'asset'}:p")
    ax.set_ylim(0, 1)
    ax.set_xlim(left=0)
    ax.set_xlabel(text("figure.hours", lang), fontsize=12)
    ax.set_ylabel(text("figure.p_within", lang), fontsize=12)
    ax.set_title(text("figure.failure_within", lang, n=n), fontsize=14)
    ax.grid(alpha=0.3)
    if label:
        ax.legend(loc="lower right", fontsize=11)
    return ax


def save_ensemble_figures(
    results, out: Path, fmt: str = "png", lang: str = "en", top: int = 20, assets=None
) -> list[Path]:
    """Write an ensemble's figures into ``out`` (``failure-probability``, ``first-failure``,
    ``metric-distributions``); PNG at 150 dpi; files carry no creation date, so the same
    ensemble gives the same bytes. Returns the files written."""
    import matplotlib.pyplot as plt

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    info = asset_info(results, assets)
    figures = {
        "failure-probability": plot_failure_probability(results, top=top, lang=lang, assets=info).figure,
        "first-failure": plot_first_failure(results, top=top, lang=lang, assets=info).figure,
        "metric-distributions": plot_metric_distributions(results, lang=lang)[0].figure,
    }
    written = []
    for name, figure in figures.items():
        path = out / f"{name}.{fmt}"
        save_reproducibly(figure, path, fmt, lang)
        plt.close(figure)
        written.append(path)
    return written


def save_reproducibly(figure, path: Path, fmt: str, lang: str | None = None) -> None:
    """``figure.savefig`` without a creation date (PDF, SVG) and with fixed SVG ids; ``lang``: ticks in its numbers."""
    import matplotlib as mpl

    from .ticks import localise_ticks

    localise_ticks(figure, lang)

    metadata = {"png": {"Software": None}, "pdf": {"CreationDate": None}, "svg": {"Date": None}}.get(fmt)
    with mpl.rc_context({"svg.hashsalt": "rampsim"}):
        figure.savefig(path, format=fmt, dpi=DPI if fmt == "png" else None, metadata=metadata)
