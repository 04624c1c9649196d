"""Figures of a threat picture (``rampsim threats``): the ranking of the assets whose failure
affects most people, the National Risk Profile style risk diagram, and two municipalities'
threat pictures side by side (matplotlib; every function takes ``ax=None`` (``axes=None``) and
returns the axes)."""

from __future__ import annotations

import math

import pandas as pd

from ..messages import format_number, sector_name, text, text_count
from .ensemble_figures import sector_colours
from .figures import _axes, _short

__all__ = ["plot_threat_ranking", "plot_risk_diagram", "plot_municipal_threats", "RISK_LABELS", "SPLIT"]

RISK_LABELS = 10  # the risk diagram numbers the top of the ranking


RESIDENTS_COLOUR, NON_RESIDENTS_COLOUR = "#D55E00", "#56B4E9"  # Okabe-Ito vermilion, sky blue
SPLIT = ("residents_affected", "non_residents_affected")
"""The cascade ranking's split of ``people_affected`` (``analysis/threats.py``): residents (a care
home's or hospital's people among them: they live in the town, counted once) and the people of
assets declared ``population_within: none`` (travellers, visitors); the two add up to it."""


def plot_threat_ranking(table: pd.DataFrame, ax=None, top: int = 20, lang: str = "en", value: str = "people_affected"):
    """Bar chart of the assets whose failure affects most people; ``value``: the column shown (a
    simulated sweep's ``unserved_population_hours``, with its 95 % CI as error bars). Assets
    whose value is 0 are left out (a bar of 0 is invisible); a note says how many. People affected
    with the ``SPLIT`` columns: each bar stacked, residents then non-residents (a bar container per
    part, labelled, in a legend), the total at its end."""
    ax = _axes(ax, (11, 7))
    values = pd.to_numeric(table[value], errors="coerce")
    shown = table[values > 0]
    dropped = len(table) - len(shown)
    head = shown.head(top).iloc[::-1]
    xerr = None
    if f"{value}_ci_low" in head and f"{value}_ci_high" in head:
        xerr = [(head[value] - head[f"{value}_ci_low"]).fillna(0), (head[f"{value}_ci_high"] - head[value]).fillna(0)]
    if value == "people_affected" and all(column in head for column in SPLIT):
        residents, others = (head[column] for column in SPLIT)
        bars = ax.barh(head["name"], residents, color=RESIDENTS_COLOUR, label=text("figure.residents", lang))
        ax.barh(
            head["name"],
            others,
            left=residents,
            color=NON_RESIDENTS_COLOUR,
            hatch="//",
            edgecolor="#0072B2",
            linewidth=0,
            label=text("figure.non_residents", lang),
        )
        # centre right: beside the short bars below the top, clear of the note at the lower right
        ax.legend(loc="center right", fontsize=10, title=text("figure.people_split", lang), title_fontsize=10)
    else:
        bars = ax.barh(head["name"], head[value], color=RESIDENTS_COLOUR, xerr=xerr)
    ends = head[f"{value}_ci_high"].fillna(head[value]) if xerr is not None else head[value]
    for bar, number, end in zip(bars, head[value], ends):  # the number at each bar: short bars stay readable
        ax.text(end, bar.get_y() + bar.get_height() / 2, " " + format_number(number, lang), va="center", fontsize=8)
    ax.margins(x=0.08)
    ax.set_xlabel(text("figure.people_affected" if value == "people_affected" else f"threats.figure.{value}", lang))
    ax.set_title(text("figure.threat_ranking", lang, n=len(head)))
    if dropped:
        ax.text(
            0.99,
            0.01,
            text("figure.zero_dropped", lang, n=dropped),
            transform=ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=10,
            gid="zero_dropped",
        )
    ax.tick_params(axis="y", labelsize=8)
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.grid(axis="x", alpha=0.3)
    return ax


def _thousands(lang: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: format_number(value, lang))


def _cell_spots(n: int) -> list[tuple[float, float]]:
    """``n`` offsets from a cell's centre, on a grid within the inner 80 % of the cell."""
    columns = max(1, math.ceil(math.sqrt(n)))
    rows = math.ceil(n / columns)
    step_x, step_y = 0.8 / columns, 0.8 / rows
    return [(-0.4 + step_x * (i % columns + 0.5), 0.4 - step_y * (i // columns + 0.5)) for i in range(n)]


def plot_risk_diagram(table: pd.DataFrame, ax=None, lang: str = "en"):
    """National Risk Profile style: likelihood class against impact class, each asset a point
    inside its cell of the 5 x 5 grid (spread on a grid within the cell, in the table's order);
    the top ``RISK_LABELS`` of the ranking are numbered, with their names in the legend."""
    from matplotlib.lines import Line2D

    ax = _axes(ax, (12.5, 8))
    classes = ["A", "B", "C", "D", "E"]
    cells: dict = {}
    for i, row in enumerate(table.itertuples(index=False)):
        cells.setdefault((classes.index(row.impact), classes.index(row.likelihood)), []).append(i)
    points = {}
    for (x, y), members in cells.items():
        for i, (dx, dy) in zip(members, _cell_spots(len(members))):
            points[i] = (x + dx, y + dy)
    for k in range(6):  # the cells
        ax.axvline(k - 0.5, color="#555555", linewidth=1.2)
        ax.axhline(k - 0.5, color="#555555", linewidth=1.2)
    order = sorted(points)
    top = order[:RISK_LABELS]
    rest = order[RISK_LABELS:]
    if rest:
        ax.scatter([points[i][0] for i in rest], [points[i][1] for i in rest], s=30, color="#0072B2", zorder=3)
    handles = []
    for i in top:
        x, y = points[i]
        rank = table["rank"].iloc[i] if "rank" in table else i + 1
        ax.scatter([x], [y], s=260, color="#D55E00", edgecolor="black", linewidth=0.6, zorder=4)
        ax.text(
            x,
            y,
            str(rank),
            ha="center",
            va="center",
            fontsize=9,
            color="white",
            fontweight="bold",
            zorder=5,
            gid=f"rank:{rank}",
        )
        handles.append(
            Line2D(
                [],
                [],
                linestyle="none",
                marker=f"${rank}$",
                markersize=9 + 3 * len(str(rank)),
                color="#D55E00",
                label=_short(str(table["name"].iloc[i]), 45),
            )
        )
    ax.set_xticks(range(5), classes)
    ax.set_yticks(range(5), classes)
    ax.set_xlim(-0.5, 4.5)
    ax.set_ylim(-0.5, 4.5)
    ax.set_aspect("equal")
    ax.set_anchor("W")  # the square to the left, the legend (anchored to the square) in the room beside it
    ax.set_xlabel(text("figure.impact", lang))
    ax.set_ylabel(text("figure.likelihood", lang))
    ax.set_title(text("figure.risk_diagram", lang))
    if handles:
        ax.legend(
            handles=handles,
            title=text("figure.top_ranked", lang, n=len(handles)),
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            fontsize=10,
            title_fontsize=11,
            handletextpad=0.8,
        )
    return ax


def plot_municipal_threats(rankings: pd.DataFrame, towns: tuple[str, str], axes=None, top: int = 10, lang: str = "en"):
    """Two municipalities' threat pictures side by side (``rankings``:
    ``threats_region.with_specific`` of ``municipal_rankings``, ``towns`` the compared pair). Top
    row: for each town the ``top`` failures that affect most of *its* residents, coloured by the
    failing asset's sector, a target standing in another municipality marked with its name.
    Middle row: each town's sector profile, the most assets one failure in each sector brings down
    there (the sectors of both towns, in one order). Bottom row: the ``top`` threats specific to
    each town (``specific_rank``), in their order (people affected there), the bar the assets they
    fail there, the people affected written at the bar when there are any. Same scales left and
    right. ``axes``: a 3 x 2 array; returns it."""
    from matplotlib.patches import Patch

    from ..analysis.threats_region import SPECIFIC_FACTOR, sector_profile

    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(
            3, 2, figsize=(17, 16), constrained_layout=True, sharex="row", gridspec_kw={"height_ratios": [3, 2, 3]}
        )
    parts = [rankings[rankings["municipality"] == town].head(top) for town in towns]
    profiles = [sector_profile(rankings, town) for town in towns]
    specifics = [
        rankings[(rankings["municipality"] == town) & rankings["specific_rank"].notna()].head(top) for town in towns
    ]
    sectors = sorted(
        {s for part in parts + specifics for s in part["sector"]} | {s for p in profiles for s in p["sector"]}
    )
    colours = sector_colours(sectors)
    order = list(pd.concat(profiles).groupby("sector")["assets_failed"].max().sort_values(kind="stable").index)
    for column, (town, part, profile, specific) in enumerate(zip(towns, parts, profiles, specifics)):
        other = towns[1 - column]
        _municipal_top(axes[0][column], town, part.iloc[::-1], colours, lang)
        _sector_profile(axes[1][column], town, profile, order, colours, lang)
        _specific(
            axes[2][column], town, other, specific.iloc[::-1], colours, format_number(SPECIFIC_FACTOR, lang), lang
        )
    handles = [
        Patch(facecolor=colour, hatch=hatch, label=sector_name(sector, lang))
        for sector, (colour, hatch) in colours.items()
    ]
    axes[0][1].legend(handles=handles, loc="lower right", fontsize=9, title=text("figure.municipal.sector", lang))
    return axes


def _bars(ax, labels, values, sectors, colours, lang, notes=None) -> None:
    """Horizontal bars coloured by sector, each with its number (or ``notes``' text) at its end."""
    bars = ax.barh(labels, values, color=[colours[s][0] for s in sectors])
    notes = notes or [format_number(number, lang) for number in values]
    for bar, sector, note in zip(bars, sectors, notes):
        bar.set_hatch(colours[sector][1])
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + note, va="center")
    ax.tick_params(axis="y", labelsize=8)
    ax.xaxis.set_major_formatter(_thousands(lang))
    ax.grid(axis="x", alpha=0.3)
    ax.margins(x=0.12)


def _municipal_top(ax, town: str, head: pd.DataFrame, colours, lang: str) -> None:
    labels = [
        _short(str(row.name), 40)
        if row.target_municipality == town
        else text("figure.municipal.elsewhere", lang, name=_short(str(row.name), 32), town=row.target_municipality)
        for row in head.itertuples(index=False)
    ]
    _bars(ax, labels, list(head["people_affected"]), list(head["sector"]), colours, lang)
    ax.set_title(text_count("figure.municipal.title", len(head), lang, town=town))
    ax.set_xlabel(text("figure.municipal.people", lang, town=town))


def _sector_profile(ax, town: str, profile: pd.DataFrame, order: list[str], colours, lang: str) -> None:
    failed = dict(zip(profile["sector"], profile["assets_failed"]))
    _bars(ax, [sector_name(s, lang) for s in order], [failed.get(s, 0) for s in order], order, colours, lang)
    ax.set_title(text("figure.municipal.profile", lang, town=town))
    ax.set_xlabel(text("figure.municipal.assets", lang, town=town))


def _specific(ax, town: str, other: str, head: pd.DataFrame, colours, factor: str, lang: str) -> None:
    ax.set_title(text("figure.municipal.specific", lang, town=town))
    ax.set_xlabel(text("figure.municipal.specific_axis", lang, town=town))
    rule = text("figure.municipal.specific_rule", lang, other=other, factor=factor)
    ax.text(0.99, 0.01, rule, transform=ax.transAxes, ha="right", va="bottom", fontsize=9, gid="specific_rule")
    if head.empty:
        ax.text(
            0.5, 0.5, text("figure.municipal.specific_none", lang, other=other), transform=ax.transAxes, ha="center"
        )
        ax.set_yticks([])
        return
    labels = [_short(str(name), 40) for name in head["name"]]
    notes = [
        text(
            "figure.municipal.specific_people",
            lang,
            failed=format_number(failed, lang),
            people=format_number(people, lang),
        )
        if people
        else format_number(failed, lang)
        for failed, people in zip(head["assets_failed"], head["people_affected"])
    ]
    _bars(ax, labels, list(head["assets_failed"]), list(head["sector"]), colours, lang, notes)
    ax.set_xlim(0, max(ax.get_xlim()[1], 1.5 * head["assets_failed"].max()))  # room for "7 (1,500 people)"
