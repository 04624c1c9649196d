"""Ensembles and threat sweeps on a dask cluster: the scenario shipped and unpickled once per
worker, not once per task, and the same files as the local backend, byte for byte."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from simulator.analysis.dask_backend import scenario_loads
from simulator.analysis.ensemble import run_ensemble
from simulator.analysis.sweep import threat_sweep
from simulator.analysis.threats import parse_selector
from simulator.cli import cli
from simulator.model import load_scenario

distributed = pytest.importorskip("dask.distributed")  # part of the [test] extra
SCENARIO = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"


@pytest.fixture
def client():
    """Two workers of one thread each, in this process (faster to start than processes); each
    worker keeps its own cache, so the counts are per worker all the same."""
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def _files(folder: Path) -> dict:
    """Every file's bytes; of manifest.json its entries but the time it was written."""
    files = {p.name: p.read_bytes() for p in sorted(folder.iterdir())}
    if "manifest.json" in files:
        files["manifest.json"] = {k: v for k, v in json.loads(files["manifest.json"]).items() if k != "written"}
    return files


def test_an_ensemble_on_dask_unpickles_the_scenario_once_per_worker_and_writes_the_same_files(client, tmp_path):
    # 8 replications in chunks of 1: eight tasks on two workers
    here = run_ensemble(SCENARIO, 8, seed=7, workers=1, chunk_size=1, out=tmp_path / "here")
    there = run_ensemble(SCENARIO, 8, seed=7, workers=2, chunk_size=1, out=tmp_path / "there", dask=client)
    assert sorted(client.run(scenario_loads).values()) == [1, 1]
    assert _files(tmp_path / "here") == _files(tmp_path / "there")
    assert here.replications.equals(there.replications)


def test_a_threat_sweep_on_dask_unpickles_once_per_worker_and_gives_the_same_tables(client, monkeypatch):
    scenario = load_scenario(SCENARIO)
    selector = parse_selector("onderstation-oost,kpn-centrale,onderstation-west")
    here = threat_sweep(scenario, targets=selector, n=4, seed=3, workers=1)
    there = threat_sweep(scenario, targets=selector, n=4, seed=3, workers=2, dask=client)  # 6 tasks of 2
    assert sorted(client.run(scenario_loads).values()) == [1, 1]
    assert here.replications.to_csv() == there.replications.to_csv()
    assert here.ranking.to_csv() == there.ranking.to_csv()
    assert here.manifest == there.manifest
    # a second sweep of the same scenario on the same cluster sends and unpickles nothing again
    scattered = []
    scatter = client.scatter
    monkeypatch.setattr(client, "scatter", lambda *a, **k: scattered.append(a) or scatter(*a, **k))
    threat_sweep(scenario, targets=selector, n=2, seed=3, workers=2, dask=client)
    assert scattered == []
    assert sorted(client.run(scenario_loads).values()) == [1, 1]


def test_rampsim_threats_dask_local_writes_the_files_of_the_local_run(tmp_path):
    args = ["--lang", "en", "threats", str(SCENARIO), "-n", "2", "--targets", "onderstation-oost,kpn-centrale"]
    local = CliRunner().invoke(cli, [*args, "--workers", "1", "--out", str(tmp_path / "here")])
    cluster = CliRunner().invoke(cli, [*args, "--workers", "2", "--dask", "local", "--out", str(tmp_path / "there")])
    assert local.exit_code == 0, local.output
    assert cluster.exit_code == 0, cluster.output
    assert _files(tmp_path / "here") == _files(tmp_path / "there")


def test_threats_dask_without_n_is_refused_with_the_reason(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", "threats", str(SCENARIO), "--dask", "local"])
    assert result.exit_code == 2
    assert "--dask and --scheduler run the simulation (a scenario and -n N)" in (
        getattr(result, "stderr", "") or result.output
    )


def _builds(dask_worker=None) -> dict:
    from simulator.model.graphmemo import BUILDS

    return dict(BUILDS)


def test_a_sweep_run_twice_on_one_worker_builds_the_graph_tables_once_and_gives_the_serial_tables():
    """The people counter's layout and the sector table are built for the first task of the one
    worker and reused by every later task (and by a second sweep): the same tables as serially."""
    scenario = load_scenario(SCENARIO)
    selector = parse_selector("onderstation-oost,kpn-centrale,onderstation-west")
    here = threat_sweep(scenario, targets=selector, n=2, seed=3, workers=1)
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as one,
    ):
        first = threat_sweep(scenario, targets=selector, n=2, seed=3, workers=2, dask=one)  # 6 tasks of 1
        second = threat_sweep(scenario, targets=selector, n=2, seed=3, workers=2, dask=one)
        builds = list(one.run(_builds).values())
        loads = list(one.run(scenario_loads).values())
    assert loads == [1]
    # one build each on the worker for 12 tasks (12 simulations, 12 tasks' people counts)
    tables = ("people_layout", "people_layout_zones", "sector_by_id", "population_by_id", "asset_ids")
    tables += ("need_suppliers", "sectors", "municipalities")  # no ransomware spreads: no network_neighbours
    assert builds == [dict.fromkeys(tables, 1)]
    for there in (first, second):
        assert here.replications.to_csv() == there.replications.to_csv()
        assert here.ranking.to_csv() == there.ranking.to_csv()
