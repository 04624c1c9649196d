"""Durations and legal periods as a reader of each language writes them, wherever rampsim shows one:
``duration_text`` (``2u30min``), ``legal_period`` (``1 uur``, ``72 hours``, ``30 dagen``), the
timeline of a Dutch run, and the ensemble summary table."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from simulator.analysis.eventtext import duration_text, legal_period
from simulator.report.summary import elapsed, ensemble_summary_table


@pytest.mark.parametrize(
    ("minutes", "lang", "expected"),
    [
        (150, "nl", "2u30min"),
        (150, "en", "2h30min"),
        (1440 + 90, "nl", "1d1u30min"),
        (0.5, "nl", "30s"),
        (10.0004, "en", "10min"),  # rounded to whole seconds
    ],
)
def test_duration_text(minutes, lang, expected):
    assert duration_text(minutes, lang) == expected


def test_elapsed_is_signed_and_to_the_minute():
    assert elapsed(150.4, "nl") == "+2u30min"
    assert elapsed(150.4, "en") == "+2h30min"


@pytest.mark.parametrize(
    ("minutes", "lang", "expected"),
    [
        (60, "en", "1 hour"),
        (60, "nl", "1 uur"),
        (24 * 60, "en", "24 hours"),
        (72 * 60, "nl", "72 uur"),
        (240 * 60, "en", "240 hours"),  # hours up to ten days, as the law words it
        (11 * 1440, "nl", "11 dagen"),
        (30 * 1440, "en", "30 days"),
        (241 * 60, "nl", "10d1u"),  # neither whole hours within ten days nor whole days
    ],
)
def test_legal_period(minutes, lang, expected):
    assert legal_period(minutes, lang) == expected


def _rendered(table) -> str:
    console = Console(width=160, record=True, highlight=False)
    console.print(table)
    return console.export_text()


SUMMARY = {
    "assets_failed": {"mean": 1234.5, "p5": 1000.0, "p50": 1200.0, "p95": 1500.0, "n": 6},
    "unserved_population_hours": {"n": 0},
    "time_to_full_recovery_min": {"mean": 150.0, "p5": 90.0, "p50": 150.0, "p95": 1530.0, "n": 3},
}


def test_ensemble_summary_in_dutch():
    shown = _rendered(ensemble_summary_table(SUMMARY, "nl"))
    rows = [re.split(r"\s*│\s*", line.strip("│ ")) for line in shown.splitlines() if line.startswith("│")]
    assert rows == [
        ["objecten uitgevallen", "1.234,5", "1.000,0", "1.200,0", "1.500,0", "6"],
        ["tijd tot volledig herstel", "2u30min", "1u30min", "2u30min", "1d1u30min", "3"],
    ]
    assert "gemiddeld" in shown and "mediaan" in shown and "mean" not in shown


def test_ensemble_summary_in_english():
    shown = _rendered(ensemble_summary_table(SUMMARY, "en"))
    assert "1,234.5" in shown and "2h30min" in shown and "median" in shown
    assert "unserved" not in shown  # no replication has that metric


def test_a_dutch_timeline_writes_hours_as_u(tmp_path):
    """Buffers, crew arrivals and waits in a Dutch run: ``buffer 4u``, ``over 2u35min``, never ``4h``."""
    import pandas as pd
    from conftest import ROOT
    from test_bad_input import invoke

    out = tmp_path / "run"
    result = invoke(["run", str(ROOT / "scenarios/stroomstoring-havenstad.yaml"), "-q", "--out", str(out)])
    assert result.exit_code == 0, result.output
    messages = pd.read_csv(out / "events.csv")["message"].astype(str)
    assert messages.str.contains(r"buffer \d+u\b").any()
    assert not messages.str.contains(r"\d+h(?:\d|\b)").any(), messages[messages.str.contains(r"\d+h(?:\d|\b)")].tolist()
