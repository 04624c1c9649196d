"""Where a run directory keeps its events: ``events.csv`` for people, ``events.parquet`` for large runs.

``events.csv`` is the readable default: one row per event with its sentence, to open in a
spreadsheet or grep. From ``PARQUET_FROM_EVENTS`` events on, nobody reads the events line by line
(a national outage logs close to a million), and rendering every sentence and writing it as text
was a large part of such a run (a 100,000-asset all-fail run: 766,000 events, 140 MB of CSV, the
sentences about a tenth of the run's time). Such a run writes ``events.parquet`` instead: the same
columns without ``message``; ``RunResults`` renders the sentences from ``kind``, ``asset`` and
``data`` when someone reads them (``replay``, ``report``, ``msel``, ``explain``), in the language
asked for. The threshold: 100,000 events is about 15 MB of CSV, past what a spreadsheet shows
usefully and past where a reader looks for one line; below it both the file and its rendering cost
little.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["PARQUET_FROM_EVENTS", "CSV_NAME", "PARQUET_NAME", "events_path", "read_events_parquet", "writes_parquet"]

PARQUET_FROM_EVENTS = 100_000
CSV_NAME = "events.csv"
PARQUET_NAME = "events.parquet"


def writes_parquet(count: int) -> bool:
    """True when a run of ``count`` events keeps them as Parquet, without sentences."""
    return count >= PARQUET_FROM_EVENTS


def events_path(directory: Path) -> Path | None:
    """The events file of a run directory (``events.csv`` or ``events.parquet``), or None."""
    for name in (CSV_NAME, PARQUET_NAME):
        if (directory / name).is_file():
            return directory / name
    return None


def read_events_parquet(path: Path) -> pd.DataFrame:
    """The events of ``events.parquet`` with the dtypes ``events.csv`` is read with."""
    events = pd.read_parquet(path)
    for column in ("clock", "kind", "asset", "org", "ref", "data"):
        events[column] = events[column].fillna("").astype(str)  # as events.csv reads back: "" for none
    return events
