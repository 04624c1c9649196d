"""Which assets a large run's pages and figures draw (analysis/shown.py), by hand."""

import pandas as pd

from simulator.analysis.results import RunResults
from simulator.analysis.shown import shown_assets, shown_note


def _run(n: int, downtime: dict, first: dict) -> RunResults:
    assets = pd.DataFrame({"id": [f"a{i}" for i in range(n)], "name": [f"a{i}" for i in range(n)]})
    events = pd.DataFrame({"id": [], "kind": [], "message": []})
    metrics = {"downtime_min": downtime, "first_failure_min": first}
    return RunResults(events, pd.DataFrame(), metrics, {"language": "en"}, tables={"assets": assets})


def test_a_run_within_the_limit_is_drawn_whole():
    run = _run(4, {"a0": 10.0}, {"a0": 0.0})
    assert shown_assets(run, limit=4) is None
    assert shown_note(run, "en", limit=4) is None


def test_half_longest_out_half_spread_over_the_order_of_failure():
    # a0..a9; failed: a1 (60 min, from 0), a2 (60 min, from 0; a tie, later in the file), a3..a8
    # failing at 10, 20, ..., 60 with shorter downtimes; a9 and a0 never failed
    downtime = {"a1": 60.0, "a2": 60.0, **{f"a{i}": 60.0 - 10 * (i - 2) for i in range(3, 9)}}
    first = {"a1": 0.0, "a2": 0.0, **{f"a{i}": 10.0 * (i - 2) for i in range(3, 9)}}
    run = _run(10, downtime, first)
    # limit 4: the 2 longest out (a1, a2), then 2 of the other 6 failed (a3..a8) at positions 0 and 3: a3, a6
    assert shown_assets(run, limit=4) == {"a1", "a2", "a3", "a6"}
    assert shown_note(run, "en", limit=4) == (
        "4 of 10 assets shown: half those longest out of service, half spread over the order in which the others failed"
    )


def test_fewer_failed_than_room_fills_with_the_first_assets_of_the_file():
    run = _run(6, {"a5": 30.0}, {"a5": 5.0})
    assert shown_assets(run, limit=3) == {"a5", "a0", "a1"}


def test_an_asset_only_degraded_comes_before_the_untouched_ones():
    """a5 failed; a4 was only degraded (in states.csv, not in first_failure_min): with room for 3,
    a4 and then a0 fill up, not a0 and a1 (in the region run the hospital was degraded and hidden)."""
    states = pd.DataFrame({"time_min": [10.0, 50.0], "asset": ["a4", "a4"], "status": ["degraded", "operational"]})
    run = _run(6, {"a5": 30.0}, {"a5": 5.0})
    run = RunResults(run.events, states, run.metrics, {"language": "en"}, tables={"assets": run.assets})
    assert shown_assets(run, limit=3) == {"a5", "a4", "a0"}
