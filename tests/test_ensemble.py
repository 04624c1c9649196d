"""Ensembles: seeds from SeedSequence, independent of workers; chunked, resumable, summarised."""

import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT

import simulator
from simulator.analysis.ensemble import replication_seeds, run_ensemble, summarise
from simulator.cli import cli
from simulator.engine import Simulation

SCENARIO = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"


def test_replication_i_uses_the_spawned_seed():
    seeds = replication_seeds(5, 4)
    assert [s.spawn_key for s in seeds] == [(0,), (1,), (2,), (3,)]
    scenario = simulator.load_scenario(SCENARIO)
    ensemble = run_ensemble(scenario, 4, seed=5, workers=1)
    alone = Simulation(scenario, seed=np.random.SeedSequence(5).spawn(4)[2]).run()
    assert ensemble.replications.loc[2, "events"] == len(alone.events)


def test_results_do_not_depend_on_workers_or_chunks():
    one = run_ensemble(SCENARIO, 10, seed=1, workers=1, chunk_size=10).replications
    two = run_ensemble(SCENARIO, 10, seed=1, workers=2, chunk_size=3).replications
    pd.testing.assert_frame_equal(one, two)


def test_interrupted_ensemble_resumes_to_the_same_files(tmp_path):
    whole = tmp_path / "whole"
    run_ensemble(SCENARIO, 8, seed=2, workers=1, chunk_size=2, out=whole)

    def stop_after_two_chunks(done, total):
        if done >= 4:
            raise KeyboardInterrupt

    broken = tmp_path / "broken"
    with pytest.raises(KeyboardInterrupt):
        run_ensemble(SCENARIO, 8, seed=2, workers=1, chunk_size=2, out=broken, progress=stop_after_two_chunks)
    assert not broken.exists()  # nothing that looks complete
    calls = []
    run_ensemble(
        SCENARIO, 8, seed=2, workers=1, chunk_size=2, out=broken, resume=True, progress=lambda d, t: calls.append(d)
    )
    assert calls[0] == 4  # the finished chunks were not recomputed
    for name in ("replications.parquet", "assets.parquet", "summary.json"):
        assert (whole / name).read_bytes() == (broken / name).read_bytes()


def test_summary_by_hand():
    table = pd.DataFrame(
        {
            "assets_failed": [1, 2, 3, 4, 5],
            "grip_max": [0, 0, 0, 0, 0],
            "time_to_full_recovery_min": [10.0, None, 30.0, None, 50.0],
        }
    )
    summary = summarise(table)
    s = summary["assets_failed"]
    assert (s["n"], s["mean"], s["p50"]) == (5, 3.0, 3.0)
    assert s["std"] == pytest.approx(2.5**0.5)
    t975 = 2.7764451051977987  # Student's t, 4 degrees of freedom, 97.5 % (tables)
    half = t975 * s["std"] / 5**0.5
    assert s["ci95_mean"] == pytest.approx([3 - half, 3 + half])
    four = summarise(table.head(4))["assets_failed"]  # fewer than 5: spread yes, interval no
    assert (four["n"], four["std"], four["ci95_mean"]) == (4, pytest.approx(1.2909944487358056), None)
    one = summarise(pd.DataFrame({"assets_failed": [7]}))["assets_failed"]
    assert (one["n"], one["mean"], one["std"], one["ci95_mean"]) == (1, 7.0, None, None)
    assert summary["time_to_full_recovery_min"]["n"] == 3  # not recovered: left out


def test_asset_probabilities(tmp_path):
    result = run_ensemble(SCENARIO, 6, seed=4, workers=1, out=tmp_path / "e")
    loaded = simulator.Results.load(tmp_path / "e")
    assert loaded.is_ensemble and len(loaded.replications) == 6
    table = loaded.asset_summary
    assert table["p_failed"].between(0, 1).all()
    assert table.loc[table["asset"] == "onderstation-oost", "p_failed"].item() == 1.0
    assert loaded.summary() == result.summary()


def test_rampsim_ensemble_end_to_end(tmp_path):
    out = tmp_path / "ens"
    result = CliRunner().invoke(
        cli, ["--lang", "en", "ensemble", str(SCENARIO), "-n", "4", "--seed", "9", "--workers", "1", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "assets.parquet",
        "failures.parquet",
        "manifest.json",
        "replications.parquet",
        "summary.json",
    ]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["seed"] == 9 and manifest["replications"] == 4
    again = CliRunner().invoke(cli, ["ensemble", str(SCENARIO), "-n", "4", "--out", str(out)])
    assert again.exit_code == 2


def test_the_same_replications_on_one_process_two_processes_and_a_dask_cluster():
    pytest.importorskip("dask.distributed")  # part of the [test] extra
    one = run_ensemble(SCENARIO, 6, seed=7, workers=1).replications
    two = run_ensemble(SCENARIO, 6, seed=7, workers=2, chunk_size=2).replications
    cluster = run_ensemble(SCENARIO, 6, seed=7, workers=2, chunk_size=2, dask="local").replications
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(one, cluster)


def test_asking_for_dask_without_it_gives_a_clear_message(monkeypatch, tmp_path):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith("dask"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = CliRunner().invoke(
        cli, ["--lang", "en", "ensemble", str(SCENARIO), "-n", "2", "--dask", "local", "--out", str(tmp_path / "e")]
    )
    assert result.exit_code == 2
    assert "pip install -e '.[distributed]'" in (getattr(result, "stderr", "") or result.output)


def test_resume_with_other_settings_is_refused(tmp_path):
    def stop(done, total):
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_ensemble(SCENARIO, 6, seed=2, workers=1, chunk_size=2, out=tmp_path / "e", progress=stop)
    with pytest.raises(ValueError, match="other settings"):
        run_ensemble(SCENARIO, 6, seed=3, workers=1, chunk_size=2, out=tmp_path / "e", resume=True)


def test_every_replications_first_failures_are_kept_and_agree_with_the_asset_table(tmp_path):
    result = run_ensemble(SCENARIO, 6, seed=4, workers=1, out=tmp_path / "e")
    loaded = simulator.Results.load(tmp_path / "e")
    failures = loaded.failures
    assert list(failures.columns) == ["replication", "asset", "first_failure_min", "downtime_min"]
    pd.testing.assert_frame_equal(failures, result.failures)
    p_failed = (failures.groupby("asset")["replication"].nunique() / 6).to_dict()
    assert p_failed == loaded.asset_summary.set_index("asset")["p_failed"].to_dict()
    medians = failures.groupby("asset")["first_failure_min"].quantile(0.5).to_dict()
    assert medians == loaded.asset_summary.set_index("asset")["first_failure_p50"].to_dict()


def test_an_ensembles_assets_are_its_per_asset_table(tmp_path):
    run_ensemble(SCENARIO, 3, seed=4, workers=1, out=tmp_path / "e")
    loaded = simulator.Results.load(tmp_path / "e")
    assert loaded.assets is loaded.asset_summary and "p_failed" in loaded.assets


def test_resume_on_a_finished_ensemble_changes_nothing_or_refuses(tmp_path):
    out = tmp_path / "e"
    runner = CliRunner()
    assert (
        runner.invoke(
            cli, ["ensemble", str(SCENARIO), "-n", "4", "--seed", "9", "--workers", "1", "--out", str(out)]
        ).exit_code
        == 0
    )
    (out / "figures").mkdir()  # what a user added afterwards
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    same = runner.invoke(
        cli, ["ensemble", str(SCENARIO), "-n", "4", "--seed", "9", "--workers", "1", "--out", str(out), "--resume"]
    )
    assert same.exit_code == 0, same.output
    other = runner.invoke(
        cli,
        [
            "--lang",
            "en",
            "ensemble",
            str(SCENARIO),
            "-n",
            "3",
            "--seed",
            "9",
            "--workers",
            "1",
            "--out",
            str(out),
            "--resume",
        ],
    )
    assert other.exit_code == 2 and "finished ensemble with other settings" in other.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before and (out / "figures").is_dir()
    again = runner.invoke(cli, ["--lang", "en", "ensemble", str(SCENARIO), "-n", "4", "--out", str(out)])
    assert again.exit_code == 2 and "--resume" in again.output and "--force" not in again.output


def test_decisions_reach_every_replication_on_processes_and_on_dask():
    """A played arm: replication i with the decisions is Simulation(seed_i, decisions) exactly,
    whether run here, on two processes or on a dask cluster (the decisions are pickled with each chunk)."""
    pytest.importorskip("dask.distributed")
    from simulator.analysis.runpath import record_metrics
    from simulator.model.decisions import Decision

    played = (Decision.model_validate({"at": 30, "by": "netbeheerder", "action": "inform_public", "id": "d1"}),)
    scenario = simulator.load_scenario(SCENARIO)
    one = run_ensemble(SCENARIO, 4, seed=7, workers=1, decisions=played)
    two = run_ensemble(SCENARIO, 4, seed=7, workers=2, chunk_size=2, decisions=played).replications
    cluster = run_ensemble(SCENARIO, 4, seed=7, workers=2, chunk_size=2, dask="local", decisions=played).replications
    pd.testing.assert_frame_equal(one.replications, two)
    pd.testing.assert_frame_equal(one.replications, cluster)
    direct = record_metrics(Simulation(scenario, seed=replication_seeds(7, 4)[2], decisions=played).run())
    assert one.replications.loc[2, "events"] == direct["events"]
    without = run_ensemble(SCENARIO, 4, seed=7, workers=1).replications
    assert (one.replications["events"] > without["events"]).all()  # the decision's own events
    assert one.manifest["decisions"] == [{"id": "d1", "at": "30min", "by": "netbeheerder", "action": "inform_public"}]
