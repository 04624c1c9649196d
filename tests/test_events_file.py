"""Large runs keep their events as Parquet without sentences (analysis/events_file.py), rendered when
read: the same events, the same sentences, the same files of replay, report and msel as a run
that wrote ``events.csv``. The threshold is lowered here so that a bundled scenario counts as large."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT
from test_bad_input import invoke

from simulator.analysis import Results, events_file

SCENARIO = str(ROOT / "scenarios/stroomstoring-havenstad.yaml")


@pytest.fixture
def two_runs(tmp_path, monkeypatch):
    """The same run written as a small run (events.csv) and, with the threshold lowered, as a large one."""
    small = tmp_path / "small"
    assert invoke(["run", SCENARIO, "-q", "--out", str(small)]).exit_code == 0
    monkeypatch.setattr(events_file, "PARQUET_FROM_EVENTS", 10)
    large = tmp_path / "large"
    result = invoke(["run", SCENARIO, "--out", str(large)])
    assert result.exit_code == 0, result.output
    return small, large, result.output


def test_a_large_run_writes_parquet_without_sentences(two_runs):
    small, large, printed = two_runs
    assert (small / "events.csv").is_file() and not (small / "events.parquet").exists()
    assert (large / "events.parquet").is_file() and not (large / "events.csv").exists()
    assert "message" not in pd.read_parquet(large / "events.parquet").columns
    assert "events.parquet" in printed  # the timeline says where the rest is
    assert "Onderstation Oost" in printed  # ... and its rows have their sentences


def test_the_events_read_back_are_the_same_with_the_same_sentences(two_runs):
    small, large, _ = two_runs
    held = Results.load(large)
    assert "message" not in held.events_without_messages.columns  # not rendered until read
    read_small = Results.load(small).events
    read_large = held.events
    assert read_large.to_csv(index=False) == read_small.to_csv(index=False)
    pd.testing.assert_frame_equal(read_large, read_small)


def test_a_subset_renders_only_its_rows(two_runs):
    _, large, _ = two_runs
    held = Results.load(large)
    rows = held.events_without_messages.iloc[[3, 7]]
    rendered = held.with_messages(rows)
    assert list(rendered["message"]) == list(Results.load(large).events["message"].iloc[[3, 7]])
    assert "message" not in held.events_without_messages.columns


def test_in_another_language(two_runs):
    small, large, _ = two_runs
    english_small = Results.load(small).in_language("en").events
    english_large = Results.load(large).in_language("en")
    assert "message" not in english_large.events_without_messages.columns
    pd.testing.assert_frame_equal(english_large.events, english_small)


@pytest.mark.parametrize(
    ("command", "name"),
    [(["msel"], "msel.csv"), (["report"], "report.html"), (["replay", "--html"], "replay.html")],
)
def test_msel_report_and_replay_of_a_large_run_are_the_same_files(two_runs, command, name):
    small, large, _ = two_runs
    outputs = []
    for run in (small, large):
        target = run.parent / f"{run.name}-{name}"
        if command[0] == "replay":
            args = ["replay", str(run), "--html", str(target)]
        else:
            args = [command[0], str(run), "--out", str(target)]
        result = invoke(args)
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes().replace(str(run).encode(), b"RUN"))
    assert outputs[0] == outputs[1]


def test_threshold_is_by_number_of_events():
    assert not events_file.writes_parquet(events_file.PARQUET_FROM_EVENTS - 1)
    assert events_file.writes_parquet(events_file.PARQUET_FROM_EVENTS)
