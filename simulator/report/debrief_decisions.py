"""The debrief's section "what the decisions bought or cost", and the words for its figures.

Rendered from the tables ``rampsim compare RUN_DIR`` wrote (``course``, ``decision_effects``, the
paired ``comparison`` when there was an ensemble), never by running anything. For a played run
directory without them the section lists the decisions and says how to get their effects.
Figures: unserved population-hours (hours), deadlines (counts), GRIP level, time to full recovery
(minutes, shown as a duration), people flooded, highest water level per basin (m NAP).
"""

from __future__ import annotations

import json
import math
from html import escape

import pandas as pd

from ..analysis.decision_effects import FIGURES, LEVEL_PREFIX
from ..analysis.eventtext import duration_text
from ..messages import format_level, format_number, text

__all__ = ["PlayedTables", "change_text", "decision_names", "figure_label", "figure_value", "decisions_section"]


class PlayedTables:
    """What a played comparison folder holds for the report: the headline (``course``), the
    decision-by-decision table (``effects``), the paired ensemble table or None, the manifest."""

    def __init__(self, course: pd.DataFrame, effects: pd.DataFrame, manifest: dict, comparison=None):
        self.course = course
        self.effects = effects
        self.manifest = manifest
        self.comparison = comparison


def figure_label(name: str, lang: str) -> str:
    """The figure's name as people read it, with its unit where it has one."""
    if name.startswith(LEVEL_PREFIX):
        return text("played.figure.level", lang, basin=name[len(LEVEL_PREFIX) :])
    if name in ("deadlines_met", "deadlines_missed"):
        return text(f"played.figure.{name}", lang)
    label = text(f"metric.{name}", lang)
    return f"{label} (min)" if name.endswith("_min") else label


def figure_value(name: str, value: float, lang: str, signed: bool = False) -> str:
    """``1,234`` population-hours, ``0.21`` m, ``3`` deadlines, ``2h30min``; a dash for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "+" if signed and value > 0 else ("−" if value < 0 else "")
    magnitude = abs(float(value))
    if name.startswith(LEVEL_PREFIX):
        out = format_level(magnitude, lang)
    elif name == "time_to_full_recovery_min":
        out = duration_text(round(magnitude), lang)
    else:
        out = format_number(magnitude, lang)
    return f"{sign}{out}" if signed or value < 0 else out


def change_text(row, lang: str) -> str:
    """What one decision changed, in words: its non-zero changes, "refused (...)", or no change."""
    if not row["taken"]:
        return text("played.change.refused", lang, reason=text(f"decision.reason.{row['reason']}", lang))
    parts = []
    for name in FIGURES:
        value = row.get(name, 0.0)
        if name == "time_to_full_recovery_min" and isinstance(value, float) and math.isnan(value):
            continue
        if value:
            parts.append(text(f"played.change.{name}", lang, value=figure_value(name, value, lang, signed=True)))
    for name in (n for n in row.index if str(n).startswith(LEVEL_PREFIX)):
        if row[name] and not math.isnan(row[name]):
            basin = name[len(LEVEL_PREFIX) :]
            parts.append(
                text("played.change.level", lang, basin=basin, value=figure_value(name, row[name], lang, True))
            )
    return "; ".join(parts) if parts else text("played.change.none", lang)


def decision_names(events: pd.DataFrame) -> dict[str, str]:
    """Decision id -> the name of who took it, from the run's ``decision.*`` events."""
    rows = events[events["kind"].isin(("decision.taken", "decision.refused"))]
    names = {}
    for row in rows.itertuples(index=False):
        try:
            names[str(row.ref)] = str(json.loads(row.data or "{}").get("by") or "")
        except (TypeError, ValueError):
            continue
    return names


def decisions_section(page, played: PlayedTables | None) -> str | None:
    """The section's HTML for the report ``page`` (``simulator.report.debrief._Page``); None when
    the run has no players' decisions and there is no comparison."""
    lang = page.lang
    names = decision_names(page.result.events_without_messages)
    if played is None:
        decisions = page.result.decisions
        decisions = decisions[decisions["by"] != "exercise-control"]
        if decisions.empty:
            return None
        rows = [
            [
                escape(str(d.id)),
                escape(names.get(str(d.id)) or str(d.by)),
                page.when(float(d.at_min)),
                _action(page, d.action, d.target),
                page.t("report.decisions.taken")
                if d.taken
                else (
                    f"<span "
                    'class="bad">'
                    f"{page.t('played.change.refused', reason=text(f'decision.reason.{d.reason}', lang))}</span>"
                ),
            ]
            for d in decisions.itertuples(index=False)
        ]
        intro = f"<p>{page.t('report.decisions.not_compared', count=len(decisions))}</p>\n"
        header = [page.t(f"played.col.{c}") for c in ("decision", "who", "when")]
        header += [page.t("played.col.action"), page.t("report.col.outcome")]
        return intro + _html_table(header, rows, "decisions")
    manifest = played.manifest
    intro = page.t(
        "report.decisions.intro",
        seed=manifest.get("seed", ""),
        count=manifest.get("players_decisions", len(played.effects)),
        adhoc=manifest.get("adhoc_injects", 0),
    )
    course = played.course
    shown = course[course["metric"].isin(FIGURES) | course["metric"].str.startswith(LEVEL_PREFIX)]
    shown = shown[~(shown["playbook_only"].isna() & shown["played"].isna())]
    head_rows = [
        [
            escape(figure_label(row.metric, lang)),
            escape(figure_value(row.metric, row.playbook_only, lang)),
            escape(figure_value(row.metric, row.played, lang)),
            f"<strong>{escape(figure_value(row.metric, row.difference, lang, signed=True))}</strong>",
        ]
        for row in shown.itertuples(index=False)
    ]
    header = [page.t("compare.col.metric"), page.t("played.col.playbook_only"), page.t("played.col.played")]
    header.append(page.t("compare.col.difference"))
    parts = [f"<p>{intro}</p>", _html_table(header, head_rows, "metrics played")]
    if played.comparison is not None:
        row = played.comparison.set_index("metric").loc["unserved_population_hours"]
        name = "unserved_population_hours"
        parts.append(
            "<p>"
            + page.t(
                "report.decisions.ensemble",
                n=int(row["n"]),
                difference=figure_value(name, row["difference"], lang, signed=True),
                low=figure_value(name, row["ci_low"], lang, signed=True),
                high=figure_value(name, row["ci_high"], lang, signed=True),
            )
            + "</p>"
        )
    rows = []
    for _, row in played.effects.iterrows():
        changed = escape(change_text(row, lang))
        rows.append(
            [
                escape(str(row["decision"])),
                escape(names.get(str(row["decision"])) or str(row["by"])),
                page.when(float(row["minute"])),
                _action(page, row["action"], [t for t in str(row["target"]).split(", ") if t], row.get("detail", "")),
                changed if row["taken"] else f'<span class="bad">{changed}</span>',
            ]
        )
    header = [page.t(f"played.col.{c}") for c in ("decision", "who", "when")]
    header += [page.t("played.col.action"), page.t("played.col.changed")]
    parts += [
        f"<h3>{page.t('report.decisions.by_decision')}</h3>",
        _html_table(header, rows, "decisions"),
        f'<p class="note">{page.t("report.decisions.rule")}</p>',
    ]
    return "\n".join(parts)


def _action(page, action: str, targets, detail: str = "") -> str:
    label = page.t(f"actiontype.{action}") + (f" {escape(str(detail))}" if detail else "")
    targets = [t for t in (targets or []) if t]
    return label + (": " + ", ".join(page.asset(t) for t in targets) if targets else "")


def _html_table(header: list[str], rows: list[list[str]], css: str) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
