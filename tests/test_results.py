"""Metrics by hand, the run directory, reproducibility and the Results API."""

import json

import pandas as pd
import pytest
from conftest import ROOT, build
from hypothesis import given
from hypothesis import strategies as st

import simulator
from simulator.analysis import Results, run_metrics
from simulator.analysis.rundir import OutputExistsError, atomic_directory
from simulator.analysis.tables import _DATA_ENCODER, _encoded, knowledge_table


def states(rows):
    return pd.DataFrame(rows, columns=["time_min", "asset", "service"])


def test_metrics_by_hand():
    """
    a: fails 60-180 (2h down); b (pop 600): degraded 0.5 from 90 to 150, then failed 150-end.
    Run ends at 300.  Unserved: b 600 * (1h * 0.5 + 2.5h * 1) = 1800 population-hours.
    Peak: a and b both failed from 150 to 180 -> 2.
    """
    table = states([(60, "a", 0.0), (90, "b", 0.5), (150, "b", 0.0), (180, "a", 1.0)])
    metrics = run_metrics(table, {"b": 600}, 300.0, 7)
    assert metrics == {
        "assets_failed": 2,
        "peak_assets_failed": 2,
        "first_failure_min": {"a": 60.0, "b": 150.0},
        "downtime_min": {"a": 120.0, "b": 150.0},
        "unserved_population_hours": 1800.0,
        "time_to_full_recovery_min": None,
        "events": 7,
    }


def test_full_recovery_time_and_same_instant_changes():
    """a and b fail at 10; a back at 20, b back at 40: full recovery at 40, peak 2."""
    table = states([(10, "a", 0.0), (10, "b", 0.0), (20, "a", 1.0), (40, "b", 1.0)])
    metrics = run_metrics(table, {}, 100.0, 0)
    assert metrics["time_to_full_recovery_min"] == 40.0
    assert metrics["peak_assets_failed"] == 2


def test_peak_counts_state_after_each_instant():
    """a comes back at 20 as b fails at 20: never two at once."""
    table = states([(10, "a", 0.0), (20, "b", 0.0), (20, "a", 1.0), (30, "b", 1.0)])
    assert run_metrics(table, {}, 100.0, 0)["peak_assets_failed"] == 1


def test_nothing_happened():
    metrics = run_metrics(states([]), {}, 100.0, 1)
    assert metrics["assets_failed"] == 0 and metrics["time_to_full_recovery_min"] == 0.0


@pytest.fixture
def small():
    return build(
        [
            {"id": "grid", "sector": "energy", "recovery": {"duration": "lognormal(median=2h, p90=6h)"}},
            {
                "id": "wijk",
                "name": "Wijk Noord",
                "sector": "population",
                "population": 1000,
                "needs": [{"type": "power", "from": "grid"}],
            },
        ],
        [{"type": "outage", "target": "grid", "at": "uniform(0, 1h)"}],
        duration="1d",
    )


def test_results_tables(small):
    result = simulator.simulate(small, seed=1)
    assert list(result.events.columns) == [
        "id",
        "time_min",
        "clock",
        "kind",
        "asset",
        "org",
        "service",
        "grip",
        "message",
        "cause",
        "known_min",
        "ref",
        "data",
    ]
    assert list(result.states.columns) == ["time_min", "asset", "status", "service", "manual"]
    failed = result.events[result.events["kind"] == "asset.failed"]
    assert failed["message"].tolist() == ["grid fails", "Wijk Noord fails"]
    assert result.events["clock"].iloc[0].startswith("2027-01-15T0")
    assert result.metrics["assets_failed"] == 2
    chain = result.explain(int(failed["id"].iloc[-1]))
    assert chain["kind"].tolist()[-1] == "inject"


def test_dutch_messages(small):
    result = simulator.simulate(small, seed=1, lang="nl")
    assert "Wijk Noord valt uit" in result.events["message"].tolist()


def test_save_and_load_round_trip(small, tmp_path):
    result = simulator.simulate(small, seed=1)
    result.save(tmp_path / "run")
    loaded = Results.load(tmp_path / "run")
    pd.testing.assert_frame_equal(loaded.events, result.events, check_dtype=False)
    pd.testing.assert_frame_equal(loaded.states, result.states, check_dtype=False)
    assert loaded.metrics == json.loads(json.dumps(result.metrics))
    assert loaded.manifest["seed"] == 1


def test_same_seed_same_files(small, tmp_path):
    for name in ("one", "two"):
        simulator.simulate(small, seed=5).save(tmp_path / name)
    for file in ("events.csv", "states.csv", "metrics.json"):
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes()
    simulator.simulate(small, seed=6).save(tmp_path / "three")
    assert (tmp_path / "one" / "events.csv").read_bytes() != (tmp_path / "three" / "events.csv").read_bytes()


def test_atomic_directory_leaves_nothing_on_failure(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_directory(tmp_path / "run") as tmp:
            (tmp / "events.csv").write_text("half")
            raise RuntimeError("crash while writing")
    assert list(tmp_path.iterdir()) == []


def test_atomic_directory_refuses_to_overwrite_unless_asked(tmp_path):
    (tmp_path / "run").mkdir()
    with pytest.raises(OutputExistsError):
        with atomic_directory(tmp_path / "run"):
            pass
    with atomic_directory(tmp_path / "run", overwrite=True) as tmp:
        (tmp / "new").write_text("x")
    assert [p.name for p in (tmp_path / "run").iterdir()] == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]


def test_messages_can_be_rendered_again_in_another_language(small, tmp_path):
    simulator.simulate(small, seed=1, lang="en").save(tmp_path / "run")
    loaded = Results.load(tmp_path / "run")
    dutch = loaded.in_language("nl")
    assert "Wijk Noord valt uit" in dutch.events["message"].tolist()
    assert dutch.in_language("en").events["message"].tolist() == loaded.events["message"].tolist()


def test_the_scenario_start_from_the_manifest_an_older_run_or_nothing():
    import pandas as pd

    from simulator.analysis.results import EVENT_COLUMNS, STATE_COLUMNS, RunResults

    empty_events, states = pd.DataFrame(columns=EVENT_COLUMNS), pd.DataFrame(columns=STATE_COLUMNS)
    naive = RunResults(
        empty_events,
        states,
        {},
        {"scenario": {"resolved": {"start": "2027-03-28T01:30:00", "timezone": "Europe/Amsterdam"}}},
    )
    assert naive.scenario_start().isoformat() == "2027-03-28T01:30:00+01:00"
    events = pd.DataFrame(
        [{**dict.fromkeys(EVENT_COLUMNS, ""), "id": 1, "time_min": 90.0, "clock": "2027-03-28T04:00:00+02:00"}]
    )
    older = RunResults(events, states, {}, {})  # no resolved scenario: the first event's clock minus its minute
    assert older.scenario_start().isoformat() == "2027-03-28T01:30:00+01:00"
    assert RunResults(empty_events, states, {}, {}).scenario_start().isoformat() == "1970-01-01T00:00:00+00:00"


def test_results_load_returns_a_run_or_an_ensemble(tmp_path):
    """``Results.load`` is the one factory: a run directory gives ``RunResults`` (events, metrics),
    an ensemble directory ``EnsembleResults`` (replications, assets, failures); both are ``Results``."""
    from simulator import EnsembleResults, RunResults
    from simulator.analysis.ensemble import run_ensemble

    path = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"
    simulator.simulate(path).save(tmp_path / "run")
    run_ensemble(path, 2, seed=3, workers=1, out=tmp_path / "ensemble")
    run, ensemble = Results.load(tmp_path / "run"), Results.load(tmp_path / "ensemble")
    assert (type(run), type(ensemble)) == (RunResults, EnsembleResults)
    assert isinstance(run, Results) and isinstance(ensemble, Results)
    assert (run.is_ensemble, ensemble.is_ensemble) == (False, True)
    assert run.summary() is run.metrics and not hasattr(ensemble, "events")
    assert list(ensemble.replications["replication"]) == [0, 1] and ensemble.summary()["events"]["n"] == 2


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=8), _JSON_VALUES, min_size=1, max_size=5))
def test_the_data_column_is_the_parameters_as_compact_sorted_json(params):
    """The one shared encoder writes what ``json.dumps`` with the same options wrote (the slow way)."""
    expected = json.dumps(params, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert _DATA_ENCODER.encode(params) == expected


def test_the_data_column_encodes_a_shared_params_dict_once_and_equal_copies_alike():
    shared, copy = {"k": 1, "type": "power"}, {"type": "power", "k": 1}
    column = _encoded((shared, None, shared, {}, copy, {"k": 1.0}))
    assert column == ['{"k":1,"type":"power"}', "", '{"k":1,"type":"power"}', "", '{"k":1,"type":"power"}', '{"k":1.0}']
    assert column[0] is column[2]


def test_the_knowledge_table_built_by_column_keeps_its_types_with_rows_and_without():
    from types import SimpleNamespace

    from simulator.engine.eventlog import KnowledgeLog

    knowledge = KnowledgeLog()  # the record's knowledge: columns (engine/eventlog.py)
    for row in [(0.0, "netbeheerder", 1), (12.5, "", 2)]:
        knowledge.append(row)
    table = knowledge_table(SimpleNamespace(knowledge=knowledge))
    assert list(table.columns) == ["time_min", "org", "event"]
    assert table.to_dict("list") == {"time_min": [0.0, 12.5], "org": ["netbeheerder", ""], "event": [1, 2]}
    assert (str(table["time_min"].dtype), str(table["event"].dtype)) == ("float64", "int64")
    assert pd.api.types.is_string_dtype(table["org"])
    empty = knowledge_table(SimpleNamespace(knowledge=KnowledgeLog()))
    assert list(empty.columns) == ["time_min", "org", "event"] and len(empty) == 0
    assert [str(t) for t in empty.dtypes] == ["float64", "object", "int64"]
