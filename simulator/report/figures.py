"""Figures of a run for a projector and a notebook (matplotlib; every function takes ``ax=None``
and returns the axes; nothing calls ``plt.show()``).

Colours are the Okabe-Ito palette, safe for colour-blind readers: failed vermillion, degraded
orange, manual blue. What the crisis organisation did not know yet is hatched. The figures of an
ensemble (failure probability per asset, first-failure times, metric distributions) are in
``ensemble_figures`` and exported here too; the threat picture's (ranking, risk diagram) in
``threat_figures``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pandas as pd

from ..analysis.results import Results
from ..analysis.shown import shown_assets, shown_note
from ..analysis.water_tables import zone_assets
from ..engine.eventkinds import STATUS_KINDS
from ..messages import format_number, sector_name, text
from .ensemble_figures import (
    ENSEMBLE_METRICS,
    OKABE_ITO,
    plot_failure_probability,
    plot_failure_within,
    plot_first_failure,
    plot_metric_distribution,
    plot_metric_distributions,
    save_ensemble_figures,
    save_reproducibly,
)
from .map_positions import place_beside_neighbours, zone_discs
from .water_figures import basins_with_levels, plot_basin_level

__all__ = [
    "plot_status_timeline",
    "plot_population_served",
    "plot_cascade",
    "plot_basin_level",
    "save_figures",
    "STATUS_COLOURS",
    "plot_failure_probability",
    "plot_first_failure",
    "plot_metric_distribution",
    "plot_metric_distributions",
    "plot_failure_within",
    "save_ensemble_figures",
    "OKABE_ITO",
    "ENSEMBLE_METRICS",
]

STATUS_COLOURS = {"failed": "#D55E00", "degraded": "#E69F00", "manual": "#0072B2"}
ZONE_COLOURS = ("#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
"""Each flood zone's colour on the cascade map, in the order of the run's zones (Okabe-Ito: blue,
bluish green, reddish purple, sky blue, orange, black; after six they repeat)."""
ZONE_TINT = 0.3
"""A flooded zone is filled with its colour at this share over white, opaque, so that where two of
its discs overlap the fill does not darken."""
SERVICE_COLOURS = {"power": "#D55E00", "water": "#0072B2", "telecom": "#009E73"}
# line style, marker and width per service: lines that lie on top of each other stay distinguishable
# (the widest at the bottom, a dashed and a dotted line over it)
SERVICE_STYLES = {"power": ("-", "o", 5.0), "water": ("--", "s", 3.2), "telecom": (":", "^", 2.2)}
CASCADE_LABELS = 15  # the cascade labels this many failed assets, the earliest first
LABEL_CHARS = 28  # longer asset names are shortened with an ellipsis


def _axes(ax, size=(12, 6)):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size, constrained_layout=True)
    return ax


def _end_min(result: Results) -> float:
    events = result.events_without_messages
    return float(result.manifest.get("until_min") or (events["time_min"].max() if len(events) else 0.0))


def _intervals(result: Results, shown: set[str] | None = None) -> pd.DataFrame:
    """Per asset the intervals it was not operational: start, end (minutes), status, known from;
    only the assets in ``shown`` unless it is None."""
    states, events = result.states, result.events_without_messages
    if shown is not None:
        states, events = states[states["asset"].isin(shown)], events[events["asset"].isin(shown)]
    status_events = events[events["kind"].isin(STATUS_KINDS)]
    known = {}
    for asset, time, known_min in zip(
        status_events["asset"].tolist(), status_events["time_min"].tolist(), status_events["known_min"].tolist()
    ):
        known.setdefault((asset, float(time)), None if pd.isna(known_min) else float(known_min))
    end = _end_min(result)
    times, assets = states["time_min"].tolist(), states["asset"].tolist()
    statuses, manuals = states["status"].tolist(), states["manual"].tolist()
    by_asset: dict[str, list[int]] = {}  # rows per asset in time order (stable), assets by first change
    for i in sorted(range(len(times)), key=times.__getitem__):
        by_asset.setdefault(assets[i], []).append(i)
    rows = []
    for asset, indices in by_asset.items():
        untils = [times[i] for i in indices[1:]] + [end]
        for i, until in zip(indices, untils):
            time, status, manual = times[i], statuses[i], manuals[i]
            if status == "operational" and not manual or until <= time:
                continue
            rows.append(
                (asset, float(time), float(until), "manual" if manual else status, known.get((asset, float(time))))
            )
    return pd.DataFrame(rows, columns=["asset", "start", "end", "status", "known_min"])


def plot_status_timeline(result: Results, ax=None, lang: str = "en"):
    """Asset status over time, grouped by sector: failed, degraded, on manual operation; the part
    of each interval before the crisis organisation knew of it is hatched. A large run shows the
    assets that matter most (``analysis/shown.py``) and says so under the title."""
    ax = _axes(ax, (13, 7))
    intervals = _intervals(result, shown_assets(result))
    sectors = dict(zip(result.assets["id"], result.assets["sector"]))
    names = dict(zip(result.assets["id"], result.assets["name"]))
    sector_names = {a: sector_name(s, lang) if s else "" for a, s in sectors.items()}
    order = sorted(intervals["asset"].unique(), key=lambda a: (sector_names.get(a, ""), names.get(a, a)))
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
    ax.set_yticklabels([f"{sector_names.get(a, '')}: {names.get(a, a)}" for a in order], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(text("figure.hours", lang))
    ax.set_title(_titled(text("figure.status_timeline", lang), shown_note(result, lang)))
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
    events = result.events_without_messages
    events = events[events["kind"].isin(["need.exhausted", "need.restarted"])]
    changes = []
    columns = (events[c].tolist() for c in ("kind", "asset", "data", "time_min"))
    for kind, asset, data, time in zip(*columns):
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


def _served_axis_end(data: pd.DataFrame, run_end_h: float) -> float:
    """Where the time axis of ``plot_population_served`` ends (hours): a little after the last
    change, never beyond the run's end; the whole run when nothing changes."""
    last = float(data["time_min"].max()) / 60 if len(data) else 0.0
    if last <= 0:
        return run_end_h
    return min(run_end_h, last + max(0.5, 0.1 * last))


def plot_population_served(result: Results, ax=None, lang: str = "en"):
    """People served with power, water and telecom over time (population assets); the time axis
    ends a little after the last change. Each service has its own colour, line style and marker,
    so that lines lying on top of each other can still be told apart."""
    from matplotlib.ticker import FuncFormatter

    ax = _axes(ax)
    data = population_served(result)
    run_end = _end_min(result) / 60
    end = _served_axis_end(data, run_end)
    for z, (service, group) in enumerate(data.groupby("service", sort=False)):
        xs = [*(group["time_min"] / 60), max(end, float(group["time_min"].max()) / 60)]
        ys = [*group["served"], group["served"].iloc[-1]]
        style, marker, width = SERVICE_STYLES[service]
        corners = [
            i for i in range(len(xs) - 1) if xs[i + 1] != xs[i]
        ]  # one marker per time, at the level it settles on
        (line,) = ax.step(
            xs,
            ys,
            where="post",
            label=text(f"need.{service}", lang),
            color=SERVICE_COLOURS[service],
            linewidth=width,
            linestyle=style,
            marker=marker,
            markersize=4 + width,
            markevery=corners,
            zorder=2 + z,
        )
        line.set_gid(service)
    ax.set_xlim(-0.01 * end, end)
    ax.set_xlabel(text("figure.hours", lang))
    ax.set_ylabel(text("figure.people", lang))
    ax.set_title(text("figure.population_served", lang))
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, lang)))
    ax.legend(handlelength=4)
    ax.grid(alpha=0.3)
    return ax


def _positions(result: Results, graph: nx.DiGraph) -> dict:
    """Longitude and latitude of the assets where any has a location (the others beside their
    neighbours), else rows by dependency depth."""
    assets = result.assets.set_index("id")
    located = {
        a: (assets.at[a, "lon"], assets.at[a, "lat"])
        for a in graph
        if a in assets.index and not pd.isna(assets.at[a, "lat"])
    }
    if located:  # a map: the assets without a location beside their neighbours
        located = {a: (float(x), float(y)) for a, (x, y) in located.items()}
        return place_beside_neighbours(located, graph.edges, list(graph))
    # nothing has a location: a layered layout by dependency depth (cycles condensed)
    condensed = nx.condensation(graph)
    depth = {}
    for layer, members in enumerate(nx.topological_generations(condensed)):
        for component in members:
            for node in condensed.nodes[component]["members"]:
                depth[node] = layer
    # lists in graph order: a layer given as a node attribute becomes a set, whose order varies between processes
    layers: dict[int, list] = {}
    for node in graph:
        layers.setdefault(depth[node], []).append(node)
    return nx.multipartite_layout(graph, subset_key=layers)


def _titled(title: str, note: str | None) -> str:
    """A figure's title, with the note of a large run drawn in part on a line of its own."""
    return f"{title}\n{note}" if note else title


def _short(name: str, limit: int = LABEL_CHARS) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _overlap(a, b) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


# where a label may go, in points from its node: (dx, dy, ha, va); near ones first, far ones get a
# leader line. Sixteen directions at six distances: in a dense harbour there is room a little further out.
def _label_spot(angle: float, distance: float) -> tuple[float, float, str, str]:
    dx, dy = math.cos(angle), math.sin(angle)
    ha = "left" if dx > 0.3 else "right" if dx < -0.3 else "center"
    va = "bottom" if dy > 0.3 else "top" if dy < -0.3 else "center"
    return (round(7 * distance * dx, 2), round(7 * distance * dy, 2), ha, va)


_LABEL_SPOTS = [
    _label_spot(math.pi * k / 8, d)
    for d in (1, 2.6, 4.2, 6, 8, 10.5)
    for k in (0, 8, 4, 12, 2, 6, 10, 14, 1, 3, 5, 7, 9, 11, 13, 15)
]


def _label_nodes(ax, positions: dict, labelled: list, names: dict, avoid: tuple = ()) -> list:
    """Names next to the ``labelled`` nodes, each at the spot (of ``_LABEL_SPOTS``) that overlaps
    least with the labels placed before, with the artists in ``avoid`` (the compass), with the
    nodes and with the frame; deterministic."""
    from matplotlib.transforms import Bbox

    figure = ax.figure
    figure.draw_without_rendering()  # the final layout, so that label sizes and node positions hold
    frame = ax.get_window_extent()
    half = 4 * figure.dpi / 72
    dots = [
        Bbox.from_extents(x - half, y - half, x + half, y + half)
        for x, y in ax.transData.transform(list(positions.values()))
    ]
    style = {
        "textcoords": "offset points",
        "fontsize": 9,
        "annotation_clip": False,
        "zorder": 5,
        "bbox": {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
    }
    placed, labels = [artist.get_window_extent() for artist in avoid], []
    for node in labelled:
        name = _short(names.get(node, node))
        probe = ax.annotate(name, xy=positions[node], xytext=(0, 0), **style)
        best, boxes = None, []
        for dx, dy, ha, va in _LABEL_SPOTS:
            probe.set_position((dx, dy))
            probe.set_ha(ha)
            probe.set_va(va)
            boxes.append(probe.get_window_extent())
        # the nodes no spot touches add 0 to every score: leave them out (the same sums, fewer terms)
        reach = Bbox.union(boxes)
        near = [dot for dot in dots if _overlap(reach, dot) > 0]
        for i, ((dx, dy, ha, va), box) in enumerate(zip(_LABEL_SPOTS, boxes)):
            outside = box.width * box.height - _overlap(box, frame)
            # another label or the compass: never, if any spot avoids them; a node: only if it must
            score = (
                1000 * sum(_overlap(box, other) for other in placed)
                + sum(_overlap(box, dot) for dot in near)
                + 1000 * outside
                + i
            )
            if best is None or score < best[0]:
                best = (score, dx, dy, ha, va, box)
        probe.remove()
        _, dx, dy, ha, va, box = best
        far = abs(dx) > 10 or abs(dy) > 10
        label = ax.annotate(
            name,
            xy=positions[node],
            xytext=(dx, dy),
            ha=ha,
            va=va,
            **style,
            arrowprops={"arrowstyle": "-", "color": "#555555", "linewidth": 0.6, "shrinkA": 0, "shrinkB": 3}
            if far
            else None,
        )
        label.set_in_layout(False)
        label.set_gid(f"label:{node}")
        placed.append(box)
        labels.append(label)
    return labels


CASCADE_FULL_LIMIT = 400  # assets; above it the cascade figure shows the failed ones and their neighbours


def plot_cascade(result: Results, ax=None, lang: str = "en"):
    """The dependency graph, coloured by the hour each asset first failed (grey: never; the colour
    scale runs from 0 to the last first failure, at least an hour); the earliest
    ``CASCADE_LABELS`` failed assets are named."""
    import matplotlib as mpl

    ax = _axes(ax, (12, 9))
    graph = nx.DiGraph()
    first = result.metrics.get("first_failure_min", {})
    shown = shown_assets(result)
    links = zip(result.dependencies["supplier"].tolist(), result.dependencies["consumer"].tolist())
    ids = result.assets["id"].tolist()
    if shown is not None:  # more than SHOWN_ASSETS: those that matter most (in file order), said under the title
        graph.add_nodes_from(a for a in ids if a in shown)
        graph.add_edges_from((s, c) for s, c in links if s in shown and c in shown)
    else:
        graph.add_nodes_from(ids)
        graph.add_edges_from(links)
    if shown is None and len(graph) > CASCADE_FULL_LIMIT:
        # a national graph is unreadable and slow to draw whole: the failed assets and their neighbours
        keep = {n for n in first if n in graph}
        keep |= {m for n in list(keep) for m in (*graph.predecessors(n), *graph.successors(n))}
        graph = graph.subgraph(keep).copy()
    positions = _positions(result, graph)
    on_map = not result.assets["lat"].isna().all()
    # a map: one kilometre east as long as one north (at the map's mean latitude)
    squash = math.cos(math.radians(sum(y for _, y in positions.values()) / len(positions))) if on_map else 1.0
    if on_map:
        _draw_zones(result, positions, ax, lang, squash)
    failed = [n for n in graph if n in first]
    calm = [n for n in graph if n not in first]
    nx.draw_networkx_edges(graph, positions, ax=ax, alpha=0.25, arrowsize=6, width=0.6)
    nx.draw_networkx_nodes(graph, positions, nodelist=calm, node_color="#BBBBBB", node_size=40, ax=ax)
    if failed:
        hours = [first[n] / 60 for n in failed]
        nodes = nx.draw_networkx_nodes(
            graph,
            positions,
            nodelist=failed,
            node_color=hours,
            cmap=mpl.colormaps["viridis"],
            node_size=90,
            ax=ax,
            vmin=0.0,
            vmax=max(1.0, max(hours)),
        )
        ax.figure.colorbar(nodes, ax=ax, label=text("figure.first_failure", lang))
    ax.set_title(_titled(text("figure.cascade", lang), shown_note(result, lang)))
    ax.set_axis_off()
    compass = _compass(ax, lang) if on_map else None
    if on_map:
        ax.set_aspect(1 / squash, adjustable="datalim")
    if failed:
        names = dict(zip(result.assets["id"], result.assets["name"].fillna(result.assets["id"])))
        earliest = sorted(failed, key=lambda n: (first[n], names.get(n, n), n))[:CASCADE_LABELS]
        _label_nodes(ax, positions, earliest, names, (compass,) if compass else ())
    return ax


ZONE_PAD = 0.03  # a zone's discs have this radius, as a fraction of the map's extent


def _draw_zones(result: Results, positions: dict, ax, lang: str, squash: float) -> None:
    """The flood zones as the union of discs around their located assets (``zone_discs``, as in the
    browser replay: never over the dry town between two far-apart assets), each zone in its colour
    (``ZONE_COLOURS``): filled with a tint of it and dotted if it flooded in the run, a dashed
    outline if it stayed dry. Per disc an edge (gid ``zone:ID:edge:K``) under an opaque fill (gid
    ``zone:ID:fill:K``) that hides the edges inside the union. ``squash``: a disc's height over its
    width in degrees (the cosine of the map's mean latitude), so that it is round on the map. One
    legend entry per zone: its name and whether it flooded. None in a run where no basin's level
    changed."""
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Ellipse, Patch

    zones = getattr(result, "zones", None)
    levels = getattr(result, "levels", None)
    if zones is None or not len(zones) or levels is None or not len(levels):  # no water hazard: no zones
        return
    xs, ys = [p[0] for p in positions.values()], [p[1] for p in positions.values()]
    pad = ZONE_PAD * (max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0)
    flooded = result.metrics.get("flooded_zones") or {}
    names = dict(zip(zones["id"], zones["name"])) if "name" in zones else {}
    handles = []
    for number, (zone, members) in enumerate(zone_assets(zones).items()):
        discs = zone_discs([positions[a] for a in members if a in positions], pad)
        if not discs:
            continue
        wet = zone in flooded
        colour = ZONE_COLOURS[number % len(ZONE_COLOURS)]
        tint = tuple(ZONE_TINT * c + (1 - ZONE_TINT) for c in to_rgb(colour)) if wet else (1.0, 1.0, 1.0)
        line = {"edgecolor": colour, "linestyle": "-" if wet else "--", "linewidth": 3.0 if wet else 2.4}
        fill = {"facecolor": tint, "edgecolor": "none", "hatch": "..." if wet else None, "hatchcolor": colour}
        for part, style in (("edge", {"facecolor": "none", **line}), ("fill", fill)):
            for k, (x, y, r) in enumerate(discs):
                patch = Ellipse((x, y), 2 * r, 2 * r * squash, zorder=0, **style)
                patch.set_gid(f"zone:{zone}:{part}:{k}")
                ax.add_patch(patch)
        name = names.get(zone)
        label = text("figure.zone.flooded" if wet else "figure.zone.dry", lang, zone=zone if pd.isna(name) else name)
        handles.append(Patch(facecolor=tint, hatch=fill["hatch"], **{**line, "linewidth": 1.5}, label=label))
    if handles:
        ax.legend(handles=handles, loc="lower right", fontsize=9, title=text("figure.zones", lang), title_fontsize=9)


def _compass(ax, lang: str):
    """A north arrow in the top right corner of the map (axes fraction); returns its text."""
    arrow = ax.annotate(
        text("figure.north", lang),
        xy=(0.97, 0.99),
        xytext=(0.97, 0.90),
        xycoords="axes fraction",
        textcoords="axes fraction",
        ha="center",
        va="top",
        fontsize=12,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#000000", "linewidth": 2},
    )
    arrow.set_gid("compass")
    return arrow


def save_figures(result: Results, out: Path, fmt: str = "png", lang: str = "en") -> list[Path]:
    """Write the run's figures into ``out``; returns the files written."""
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, plot in (
        ("status-timeline", plot_status_timeline),
        ("population-served", plot_population_served),
        ("cascade", plot_cascade),
    ):
        ax = plot(result, lang=lang)
        path = out / f"{name}.{fmt}"
        save_reproducibly(ax.figure, path, fmt, lang)  # no creation date, fixed SVG ids: same run, same bytes
        plt.close(ax.figure)
        written.append(path)
    for basin in basins_with_levels(result):  # one water-level figure per basin whose level the run recorded
        ax = plot_basin_level(result, basin, lang=lang)
        path = out / f"water-level-{basin}.{fmt}"
        save_reproducibly(ax.figure, path, fmt, lang)
        plt.close(ax.figure)
        written.append(path)
    return written
