"""The files and printed sections of ``rampsim threats``: its figures, and on a graph of several
municipalities the ranking per municipality (CSV and printed sections) and two towns' threat
pictures side by side (the two with most residents), with the threats specific to each of the two
(``threats_region.with_specific``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.table import Table
from rich.text import Text

from ..analysis.threats_region import SPECIFIC_FACTOR, municipal_rankings, municipalities, with_specific
from ..messages import CATALOGUE, format_number, sector_name, text, text_count
from ..model.graph import InfrastructureGraph
from .base import CliContext

__all__ = [
    "write_threat_figures",
    "regional_picture",
    "municipal_table",
    "print_municipal",
    "print_ranking_row",
    "MUNICIPAL_TOP",
]

MUNICIPAL_TOP = 5  # printed rows per municipality
NUMBER_WIDTH = 11  # characters of a number column (its header wraps)
NON_RESIDENTS_WIDTH = 9  # "waarvan / geen / inwoners", "of whom / not / residents"


def print_ranking_row(ctx: CliContext, key: str, row, lang: str, **fields) -> None:
    """One printed row of the region's (or one town's) ranking: ``key``'s sentence with the fields every ranking has
    (rank, name, sector, people, failed assets, likelihood, impact) in the reader's words, and
    ``fields`` besides (or instead: ``failed`` of a sweep is a mean)."""
    common = {
        "rank": row.rank,
        "name": row.name,
        "sector": sector_name(row.sector, lang),
        "people": format_number(row.people_affected, lang),
        "people_affected": text_count("count.people_affected", row.people_affected, lang),
        "others": non_residents_note(row, lang),
        "failed": format_number(row.assets_failed, lang),
        "assets_failed": text_count("count.assets_failed", row.assets_failed, lang),
        "likelihood": row.likelihood,
        "impact": row.impact,
    }
    ctx.out.print(text(key, lang, **(common | fields)), soft_wrap=True, markup=False)


def non_residents_note(row, lang: str) -> str:
    """`` (waarvan 1.500 geen inwoners: reizigers, bezoekers)`` when some of the row's people
    affected live in none of the homes (``population_within: none``); else empty."""
    others = int(getattr(row, "non_residents_affected", 0) or 0)
    return text_count("threats.non_residents", others, lang) if others > 0 else ""


def write_threat_figures(table: pd.DataFrame, out: Path, lang: str, value: str) -> None:
    """``top20.png`` (the ranking by ``value``) and ``risk-diagram.png`` in ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..report.threat_figures import plot_risk_diagram, plot_threat_ranking
    from ..report.ticks import localise_ticks

    for name, plot in (
        ("top20", lambda t, lang: plot_threat_ranking(t, lang=lang, value=value)),
        ("risk-diagram", plot_risk_diagram),
    ):
        ax = plot(table, lang=lang)
        localise_ticks(ax.figure, lang)
        ax.figure.savefig(out / f"{name}.png", dpi=150)
        plt.close(ax.figure)


def regional_picture(
    ctx: CliContext, table: pd.DataFrame, graph: InfrastructureGraph, out: Path, lang: str
) -> pd.DataFrame | None:
    """When the ranking is a region's (it has a ``municipality`` column): ``ranking-municipalities.csv``
    and ``municipalities.png`` in ``out``, and the heading of the regional rows printed; returns the
    long table, or None."""
    if "municipality" not in table:
        return None
    import matplotlib.pyplot as plt

    from ..report.threat_figures import plot_municipal_threats
    from ..report.ticks import localise_ticks

    towns = municipalities(graph)
    rankings = with_specific(municipal_rankings(table, towns), graph, (towns[0], towns[1]))
    rankings.to_csv(out / "ranking-municipalities.csv", index=False, lineterminator="\n")
    axes = plot_municipal_threats(rankings, (towns[0], towns[1]), lang=lang)
    figure = axes[0][0].figure
    localise_ticks(figure, lang)
    figure.savefig(out / "municipalities.png", dpi=150)
    plt.close(figure)
    ctx.out.print(text_count("threats.region_heading", min(10, len(table)), lang), markup=False)
    return rankings


def municipal_table(part: pd.DataFrame, lang: str, why: list[str] | None = None) -> Table:
    """The table (under a heading of its own) of one municipality's top ``MUNICIPAL_TOP`` threats
    (``part``: its rows of ``municipal_rankings``, ranked): rank; the asset that fails, and under
    it its sector and where it stands (a line of its own: the table fits 80 columns); the people
    affected in the municipality; when some of the rows' people are no residents (travellers,
    visitors), a column with how many of them are not (the rest are its residents, each once); the
    assets failed there; the class (likelihood, impact). ``why``:
    per row, a third line under the name (why the threat is the town's own)."""
    shown = part.head(MUNICIPAL_TOP)
    table = Table()
    table.add_column(text("threats.col.rank", lang), justify="right")
    table.add_column(text("threats.col.name", lang))
    others = "non_residents_affected" in shown and bool((shown["non_residents_affected"] > 0).any())
    for key in ("people", "non_residents", "failed") if others else ("people", "failed"):
        # headers wrap: the names get the room (the non-residents' header in its shortest words)
        width = NON_RESIDENTS_WIDTH if key == "non_residents" else NUMBER_WIDTH
        table.add_column(text(f"threats.col.{key}", lang), justify="right", max_width=width)
    table.add_column(text("threats.col.class", lang), justify="center")
    for i, row in enumerate(shown.itertuples(index=False)):
        where = text("threats.cell.where", lang, sector=sector_name(row.sector, lang), town=row.target_municipality)
        name = Text.assemble(str(row.name), "\n", (where, "dim"))
        if why is not None:
            name.append_text(Text.assemble("\n", (why[i], "italic")))
        table.add_row(
            str(row.rank),
            name,
            format_number(row.people_affected, lang),
            *([format_number(row.non_residents_affected, lang)] if others else []),
            format_number(row.assets_failed, lang),
            f"{row.likelihood}{row.impact}",
        )
    return table


def print_municipal(ctx: CliContext, rankings: pd.DataFrame | None, lang: str) -> None:
    """One table per municipality (``municipal_table``), most residents first; for the two
    compared towns then a table of its specific threats (``with_specific``), each with the rule
    that makes it so (nothing for a graph of one municipality: ``rankings`` None)."""
    if rankings is None:
        return
    for town, part in rankings.groupby("municipality", sort=False):
        shown = min(MUNICIPAL_TOP, len(part))
        ctx.out.print(text_count("threats.municipality_heading", shown, lang, town=town), markup=False)
        ctx.out.print(municipal_table(part, lang))
        other = part["compared_with"].iat[0]
        if other:
            _print_specific(ctx, town, other, part[part["specific_rank"].notna()], lang)


def _print_specific(ctx: CliContext, town: str, other: str, specific: pd.DataFrame, lang: str) -> None:
    if specific.empty:
        ctx.out.print(text("threats.specific_none", lang, town=town, other=other), markup=False)
        return
    shown = min(MUNICIPAL_TOP, len(specific))
    ctx.out.print(text_count("threats.specific_heading", shown, lang, town=town, other=other), markup=False)
    factor = format_number(SPECIFIC_FACTOR, lang)
    why = [
        text(f"threats.specific.{reason}", lang, other=other, factor=factor) for reason in specific["specific_reason"]
    ]
    ranked = specific.assign(rank=specific["specific_rank"].astype(int))
    ctx.out.print(municipal_table(ranked, lang, why=why))


def paired_note(targets: int, n: int, incident: str, seed: int, lang: str) -> str:
    """The line under a simulated threat picture: ``2 doelen x 1 replicatie van ransomware; ...``,
    the counts with their plural forms and the incident in the catalogue's words."""
    words = text(f"incident.{incident}", lang) if f"incident.{incident}" in CATALOGUE else incident
    return text(
        "threats.paired",
        lang,
        targets=text_count("count.targets", targets, lang),
        replications=text_count("count.replications", n, lang),
        incident=words,
        n=n,
        seed=seed,
    )
