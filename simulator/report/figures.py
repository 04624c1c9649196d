"""Figures of a run for a projector and a notebook (matplotlib; every function takes ``ax=None``
and returns the axes; nothing calls ``plt.show()``).

Colours are the Okabe-Ito palette, safe for colour-blind readers: failed vermillion, degraded
orange, manual blue. What the crisis organisation did not know yet is hatched. The figures of an
ensemble (failure probability per asset, first-failure times, metric distributions) are in
``ensemble_figures`` and exported here too.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd

from ..analysis.results import Results
from ..messages import text
from .ensemble_figures import (
    ENSEMBLE_METRICS,
    OKABE_ITO,
    plot_failure_probability,
    plot_failure_within,
    plot_first_failure,
    plot_metric_distribution,
    plot_metric_distributions,
    save_ensemble_figures,
)

__all__ = [
    "plot_status_timeline", "plot_population_served", "plot_cascade", "save_figures", "STATUS_COLOURS",
    "plot_threat_ranking", "plot_risk_diagram",
    "plot_failure_probability", "plot_first_failure", "plot_metric_distribution", "plot_metric_distributions",
    "plot_failure_within", "save_ensemble_figures", "OKABE_ITO", "ENSEMBLE_METRICS",
]

STATUS_COLOURS = {"failed": "#D55E00", "degraded": "#E69F00", "manual": "#0072B2"}
SERVICE_COLOURS = {"power": "#D55E00", "water": "#0072B2", "telecom": "#009E73"}


def _axes(ax, size=(12, 6)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, constrained_layout=True)
    return ax


def _end_min(result: Results) -> float:
    return float(result.manifest.get("until_min") or (result.events["time_min"].max() if len(result.events) else 0.0))


def _intervals(result: Results) -> pd.DataFrame:
    """Per asset the intervals it was not operational: start, end (minutes), status, known from."""
    states = result.states.sort_values("time_min", kind="stable")
    status_events = result.events[result.events["kind"].str.startswith("asset.")]
    known = {}
    for asset, time, known_min in zip(status_events["asset"], status_events["time_min"], status_events["known_min"]):
        known.setdefault((asset, float(time)), None if pd.isna(known_min) else float(known_min))
    end = _end_min(result)
    rows = []
    for asset, group in states.groupby("asset", sort=False):
        times = group["time_min"].tolist() + [end]
        for (time, status, manual), until in zip(group[["time_min", "status", "manual"]].itertuples(index=False), times[1:]):
            if status == "operational" and not manual or until <= time:
                continue
            rows.append((asset, float(time), float(until), "manual" if manual else status, known.get((asset, float(time)))))
    return pd.DataFrame(rows, columns=["asset", "start", "end", "status", "known_min"])


def plot_status_timeline(result: Results, ax=None, lang: str = "en"):
    """Asset status over time, grouped by sector: failed, degraded, on manual operation; the part
    of each interval before the crisis organisation knew of it is hatched."""
    ax = _axes(ax, (13, 7))
    intervals = _intervals(result)
    sectors = dict(zip(result.assets["id"], result.assets["sector"]))
    names = dict(zip(result.assets["id"], result.assets["name"]))
    order = sorted(intervals["asset"].unique(), key=lambda a: (sectors.get(a, ""), names.get(a, a)))
    rows = {asset: i for i, asset in enumerate(order)}
    for row in intervals.itertuples(index=False):
        y = rows[row.asset]
        colour = STATUS_COLOURS[row.status]
        start, end = row.start / 60, row.end / 60
        known = row.known_min / 60 if row.known_min is not None and not pd.isna(row.known_min) else end
        known = min(max(known, start), end)
        if known > start:  # not yet known: hatched
            ax.barh(y, known - start, left=start, color="white", edgecolor=colour, hatch="///", linewidth=0.8)
        if end > known:
            ax.barh(y, end - known, left=known, color=colour, edgecolor=colour)
    ax.set_yticks(range(len(order)))
    ax.set_yticklabels([f"{sectors.get(a, '')}: {names.get(a, a)}" for a in order], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(text("figure.hours", lang))
    ax.set_title(text("figure.status_timeline", lang))
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=text(f"figure.status.{s}", lang)) for s, c in STATUS_COLOURS.items()]
    handles.append(Patch(facecolor="white", edgecolor="black", hatch="///", label=text("figure.unknown", lang)))
    ax.legend(handles=handles, loc="lower right", fontsize=9)
    ax.grid(axis="x", alpha=0.3)
    return ax


def population_served(result: Results) -> pd.DataFrame:
    """People served per service over time: for every population asset, the time its need of
    that type had its effect applied (``need.exhausted``) until lifted (``need.restarted``)."""
    populations = dict(zip(result.assets["id"], result.assets["population"]))
    sectors = dict(zip(result.assets["id"], result.assets["sector"]))
    events = result.events[result.events["kind"].isin(["need.exhausted", "need.restarted"])]
    changes = []
    for kind, asset, data, time in zip(events["kind"], events["asset"], events["data"], events["time_min"]):
        if sectors.get(asset) != "population" or not data:
            continue
        service = json.loads(data).get("type")
        step = -populations.get(asset, 0) if kind == "need.exhausted" else populations.get(asset, 0)
        changes.append((float(time), service, step))
    total = sum(p for a, p in populations.items() if sectors.get(a) == "population")
    frame = pd.DataFrame(changes, columns=["time_min", "service", "change"])
    out = []
    for service in ("power", "water", "telecom"):
        mine = frame[frame["service"] == service].sort_values("time_min", kind="stable")
        served = total + mine["change"].cumsum()
        out.append(pd.DataFrame({"time_min": [0.0, *mine["time_min"]], "service": service, "served": [total, *served]}))
    return pd.concat(out, ignore_index=True)


def plot_population_served(result: Results, ax=None, lang: str = "en"):
    """People served with power, water and telecom over time (population assets)."""
    ax = _axes(ax)
    data = population_served(result)
    end = _end_min(result) / 60
    for service, group in data.groupby("service", sort=False):
        xs = [*(group["time_min"] / 60), end]
        ys = [*group["served"], group["served"].iloc[-1]]
        ax.step(xs, ys, where="post", label=text(f"need.{service}", lang), color=SERVICE_COLOURS[service], linewidth=2.5)
    ax.set_xlabel(text("figure.hours", lang))
    ax.set_ylabel(text("figure.people", lang))
    ax.set_title(text("figure.population_served", lang))
    ax.set_ylim(bottom=0)
    ax.legend()
    ax.grid(alpha=0.3)
    return ax


def _positions(result: Results, graph: nx.DiGraph) -> dict:
    assets = result.assets.set_index("id")
    located = {a: (assets.at[a, "lon"], assets.at[a, "lat"]) for a in graph if a in assets.index and not pd.isna(assets.at[a, "lat"])}
    if len(located) == len(graph):
        return {a: (float(x), float(y)) for a, (x, y) in located.items()}
    # a layered layout by dependency depth (cycles condensed)
    condensed = nx.condensation(graph)
    depth = {}
    for layer, members in enumerate(nx.topological_generations(condensed)):
        for component in members:
            for node in condensed.nodes[component]["members"]:
                depth[node] = layer
    layers: dict[int, list] = {}  # lists in graph order: a layer given as a node attribute becomes a set, whose order varies between processes
    for node in graph:
        layers.setdefault(depth[node], []).append(node)
    return nx.multipartite_layout(graph, subset_key=layers)


def plot_cascade(result: Results, ax=None, lang: str = "en"):
    """The dependency graph, coloured by the minute each asset first failed (grey: never)."""
    import matplotlib as mpl

    ax = _axes(ax, (12, 9))
    graph = nx.DiGraph()
    graph.add_nodes_from(result.assets["id"])
    graph.add_edges_from(zip(result.dependencies["supplier"], result.dependencies["consumer"]))
    first = result.metrics.get("first_failure_min", {})
    positions = _positions(result, graph)
    failed = [n for n in graph if n in first]
    calm = [n for n in graph if n not in first]
    nx.draw_networkx_edges(graph, positions, ax=ax, alpha=0.25, arrowsize=6, width=0.6)
    nx.draw_networkx_nodes(graph, positions, nodelist=calm, node_color="#BBBBBB", node_size=40, ax=ax)
    if failed:
        hours = [first[n] / 60 for n in failed]
        nodes = nx.draw_networkx_nodes(
            graph, positions, nodelist=failed, node_color=hours, cmap=mpl.colormaps["viridis"], node_size=90, ax=ax
        )
        ax.figure.colorbar(nodes, ax=ax, label=text("figure.first_failure", lang))
    ax.set_title(text("figure.cascade", lang))
    ax.set_axis_off()
    return ax


def save_figures(result: Results, out: Path, fmt: str = "png", lang: str = "en") -> list[Path]:
    """Write the run's figures into ``out``; returns the files written."""
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, plot in (("status-timeline", plot_status_timeline), ("population-served", plot_population_served), ("cascade", plot_cascade)):
        ax = plot(result, lang=lang)
        path = out / f"{name}.{fmt}"
        ax.figure.savefig(path, dpi=150 if fmt == "png" else None)
        plt.close(ax.figure)
        written.append(path)
    return written


def plot_threat_ranking(table: pd.DataFrame, ax=None, top: int = 20, lang: str = "en", value: str = "people_affected"):
    """Bar chart of the assets whose failure affects most people; ``value``: the column shown (a
    simulated sweep's ``unserved_population_hours``, with its 95 % CI as error bars)."""
    ax = _axes(ax, (11, 7))
    head = table.head(top).iloc[::-1]
    xerr = None
    if f"{value}_ci_low" in head and f"{value}_ci_high" in head:
        xerr = [(head[value] - head[f"{value}_ci_low"]).fillna(0), (head[f"{value}_ci_high"] - head[value]).fillna(0)]
    ax.barh(head["name"], head[value], color="#D55E00", xerr=xerr)
    ax.set_xlabel(text("figure.people_affected" if value == "people_affected" else f"threats.figure.{value}", lang))
    ax.set_title(text("figure.threat_ranking", lang, n=len(head)))
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    return ax


def plot_risk_diagram(table: pd.DataFrame, ax=None, lang: str = "en"):
    """National Risk Profile style: likelihood class against impact class, assets as points."""
    ax = _axes(ax, (8, 8))
    classes = ["A", "B", "C", "D", "E"]
    counts: dict = {}
    for row in table.itertuples(index=False):
        x, y = classes.index(row.impact), classes.index(row.likelihood)
        k = counts.get((x, y), 0)
        counts[(x, y)] = k + 1
        ax.scatter(x + 0.15 * (k % 5) - 0.3, y + 0.15 * (k // 5) - 0.3, s=30, color="#0072B2")
    ax.set_xticks(range(5), classes)
    ax.set_yticks(range(5), classes)
    ax.set_xlim(-0.5, 4.5)
    ax.set_ylim(-0.5, 4.5)
    ax.set_xlabel(text("figure.impact", lang))
    ax.set_ylabel(text("figure.likelihood", lang))
    ax.set_title(text("figure.risk_diagram", lang))
    ax.grid(alpha=0.3)
    return ax
