"""The key metrics of a run as (catalogue key, value text) rows: one list for the terminal summary
and the debrief page, so that both show the same figures in the same words."""

from __future__ import annotations

from rich.table import Table

from ..analysis.eventtext import duration_text
from ..messages import format_level, format_number, text

__all__ = ["elapsed", "ensemble_summary_table", "metric_rows"]


def elapsed(minutes: float, lang: str) -> str:
    """``+2h30min`` (nl ``+2u30min``) offset from the scenario start, to the minute."""
    return "+" + duration_text(round(minutes), lang)


def _level(value_m: float, lang: str) -> str:
    """A water level in metres NAP to the centimetre, with the language's decimal sign."""
    return format_level(value_m, lang)


def metric_rows(metrics: dict, lang: str, basin_names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(catalogue key of the label, value as text) of the key metrics of ``metrics`` (metrics.json);
    basins by the names in ``basin_names`` (id -> name, from the run's basins table) where known."""
    names = basin_names or {}
    recovery = metrics.get("time_to_full_recovery_min")
    rows = [
        ("metric.assets_failed", str(metrics.get("assets_failed", 0))),
        ("metric.peak_assets_failed", str(metrics.get("peak_assets_failed", 0))),
        ("metric.unserved_population_hours", format_number(metrics.get("unserved_population_hours", 0), lang)),
        (
            "metric.time_to_full_recovery_min",
            text("metric.not_recovered", lang) if recovery is None else elapsed(recovery, lang),
        ),
        ("metric.events", str(metrics.get("events", 0))),
    ]
    if metrics.get("time_to_detection_min") is not None:
        rows.append(("metric.time_to_detection_min", elapsed(metrics["time_to_detection_min"], lang)))
    if metrics.get("grip_max"):
        rows.append(("metric.grip_max", str(metrics["grip_max"])))
    for basin, level in (metrics.get("max_water_level_m") or {}).items():
        rows.append(
            (
                "metric.max_water_level_m",
                text("metric.level_value", lang, basin=names.get(basin, basin), level=_level(level, lang)),
            )
        )
    if metrics.get("flooded_zones"):
        rows.append(("metric.population_flooded", format_number(metrics["population_flooded"], lang)))
    if metrics.get("time_to_containment_min") is not None:
        rows.append(("metric.time_to_containment_min", elapsed(metrics["time_to_containment_min"], lang)))
    if metrics.get("evidence"):
        wait = duration_text(round(metrics.get("evidence_wait_min") or 0), lang)
        rows.append(
            (
                "metric.evidence",
                text(
                    "metric.evidence_value",
                    lang,
                    secured=metrics.get("evidence_secured", 0),
                    lost=metrics.get("evidence_lost", 0),
                    wait=wait,
                ),
            )
        )
    deadlines = metrics.get("deadlines") or {}
    if deadlines:
        met = sum(1 for d in deadlines.values() if d["met"] is True)
        decided = sum(1 for d in deadlines.values() if d["met"] is not None)
        rows.append(
            (
                "metric.deadlines",
                text("metric.deadlines_value", lang, met=met, decided=decided, open=len(deadlines) - decided),
            )
        )
    return rows


ENSEMBLE_METRICS = ("assets_failed", "unserved_population_hours", "time_to_full_recovery_min")


def ensemble_summary_table(summary: dict, lang: str) -> Table:
    """The key metrics of an ensemble (``summary.json``) as a table in the reader's words: mean, 5th,
    50th and 95th percentile and the number of replications with a value; durations as durations
    (``1u30min``), counts with the language's separators. Metrics no replication has are left out."""
    table = Table(title=text("ensemble.summary.title", lang), expand=False)
    table.add_column(text("ensemble.summary.metric", lang))
    for column in ("mean", "p5", "p50", "p95", "n"):
        table.add_column(text(f"ensemble.summary.{column}", lang), justify="right")
    for name in ENSEMBLE_METRICS:
        values = summary.get(name, {})
        if not values.get("n"):
            continue
        if name.endswith("_min"):
            shown = [duration_text(round(values[k]), lang) for k in ("mean", "p5", "p50", "p95")]
        else:
            shown = [format_number(values[k], lang, digits=1) for k in ("mean", "p5", "p50", "p95")]
        table.add_row(text(f"metric.{name}", lang), *shown, format_number(values["n"], lang, digits=0))
    return table
