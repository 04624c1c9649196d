"""The printed table of ``rampsim compare``: the ranked rows that changed, grouped by kind, each
in its unit (minutes, m NAP, shares as percentages with differences in percentage points), and one
line naming the rows that did not change in any pair."""

from __future__ import annotations

import math

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..analysis.intervals import interval_available
from ..messages import format_figure, format_level, format_number, format_percent, text, text_count
from ..model.scenario import Scenario

__all__ = ["comparison_table", "subject_names", "row_name", "cell"]


def subject_names(scenario: Scenario | None) -> dict[str, str]:
    """Asset, basin and deadline (``deadline/org``) ids -> the names people read."""
    if scenario is None:
        return {}
    graph = scenario.graph
    names = dict(graph.labels)
    names.update({b.id: b.name or b.id for b in graph.basins})
    orgs = {o.id: o.name or o.id for o in scenario.organisations}
    for deadline in scenario.response.deadlines:
        label = deadline.name or deadline.id
        names[deadline.id] = label
        for org, org_name in orgs.items():
            names[f"{deadline.id}/{org}"] = f"{label} ({org_name})"
    return names


def row_name(row, names: dict[str, str], lang: str) -> str:
    """The row's label: the metric's name for a scenario row, else the asset, basin or deadline."""
    if row.kind != "scenario":
        return names.get(row.subject, row.subject)
    name = text("compare.metric.full_recovery" if row.metric == "full_recovery" else f"metric.{row.metric}", lang)
    return name + " (min)" if row.metric.endswith("_min") else name


def cell(value: float, unit: str, lang: str, difference: bool = False) -> str:
    """A mean (``difference`` False) or a difference or bound in the row's unit; ``-`` for none."""
    if math.isnan(value):
        return "-"
    if unit == "share":  # a share as a percentage; a difference of shares in percentage points
        if not difference:
            return format_percent(value, lang)
        return text("compare.points", lang, value=format_number(value * 100, lang, digits=1, signed=True))
    signed = difference or value < 0  # a true minus sign (−) in every column, a + only on differences
    if unit == "m NAP":
        return format_level(value, lang, signed=signed)
    return format_figure(value, lang, signed=signed)


def comparison_table(
    result, title: str, lang: str, scenario: Scenario | None = None, caption: str | None = None
) -> Group:
    """The rows that changed in at least one pair (ranked, a heading per kind), then one line with
    the rows that did not change in any pair. ``scenario``: where the names come from; ``caption``:
    instead of the paired-seeds caption of ``rampsim compare``."""
    seed, n = result.manifest["seed"], result.manifest["replications"]
    names = subject_names(scenario)
    caption = caption or text_count("compare.caption", n, lang, count=n, seed=seed)
    table = Table(title=Text(title), caption=Text(caption))
    table.add_column(text("compare.col.metric", lang))
    table.add_column(text("compare.col.pairs", lang), justify="right")
    for key in ("compare.col.base", "compare.col.variant", "compare.col.difference", "compare.col.ci"):
        table.add_column(text(key, lang), justify="right")
    unchanged, kind = [], None
    for row in result.table.itertuples(index=False):
        if row.n == 0:
            continue
        if row.changed == 0:
            name = row_name(row, names, lang)
            unchanged.append(name if row.kind == "scenario" else f"{name}: {text(f'compare.short.{row.kind}', lang)}")
            continue
        if row.kind != kind:
            if kind is not None:
                table.add_section()
            table.add_row(Text(text(f"compare.kind.{row.kind}", lang), style="bold"))
            kind = row.kind
        ci = "-"
        if interval_available(row.n) and not math.isnan(row.ci_low):
            ci = f"{cell(row.ci_low, row.unit, lang, True)} .. {cell(row.ci_high, row.unit, lang, True)}"
        table.add_row(
            row_name(row, names, lang),
            format_number(row.n, lang),
            cell(row.base_mean, row.unit, lang),
            cell(row.variant_mean, row.unit, lang),
            cell(row.difference, row.unit, lang, difference=True),
            ci,
        )
    parts: list = [table]
    if unchanged:
        line = text_count("compare.unchanged", len(unchanged), lang, names="; ".join(unchanged))
        parts.append(Text(line))
    return Group(*parts)
