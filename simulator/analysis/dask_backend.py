"""Running ensembles and threat sweeps on a dask.distributed cluster, the scenario shipped once.

The scenario (graph, organisations, response) is pickled and compressed once here, the bytes
scattered to every worker once (``client.scatter(..., broadcast=True)``), and each task carries
only the scattered bytes' future, its seed and its indices or target. On a worker the bytes are unpickled the first
time a task needs them and kept on that worker, keyed by their SHA-256: a 100,000-asset graph
crosses the network once per worker and is deserialised once per worker, not once per task.
``scenario_loads`` (read through ``client.run``) counts the unpickles on each worker.
What the tasks work out from the graph alone (the people counter's layout, the sector table, the
needs' supplier positions) is built by a worker's first task and kept beside that one scenario's
graph (``model/graphmemo.py``), so later tasks pay only for their own simulation.

A pickled Scenario is about 1.3 KB per asset, 0.11 KB compressed; unpickled with the garbage
collector paused it is back faster than the scenario's source files (0.4 KB per asset) could be
read and validated again: ``benchmarks/bench_dask.py`` measures both.
"""

from __future__ import annotations

import hashlib
import pickle
import zlib
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager

from ..model.gcpause import gc_paused

__all__ = ["DaskMissing", "dask_client", "ship_scenario", "run_on_dask", "scenario_loads"]


class DaskMissing(RuntimeError):
    """Dask was asked for but is not installed."""


@contextmanager
def dask_client(address: str, workers: int) -> Iterator:
    """A client on a LocalCluster of ``workers`` processes (``address == "local"``) or on the
    cluster at ``address`` (``tcp://HOST:8786``); closed (and the local cluster stopped) after."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("dask.distributed is not installed: pip install -e '.[distributed]'") from None
    cluster = None
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def ship_scenario(client, scenario) -> tuple[str, object]:
    """Pickle ``scenario`` once and put the bytes on every worker of ``client``'s cluster once:
    (their SHA-256, the future of the scattered bytes), which tasks carry instead of the scenario.
    The same scenario object again on the same client (the next sweep, an ensemble after it) is
    not pickled or sent again: the client keeps the last one shipped (scenarios are immutable)."""
    last = getattr(client, "_rampsim_shipped", None)
    if last is not None and last[0] is scenario:
        return last[1], last[2]
    blob = pack(scenario)
    key = hashlib.sha256(blob).hexdigest()
    future = client.scatter(blob, broadcast=True, hash=False)
    client._rampsim_shipped = (scenario, key, future)
    return key, future


def run_on_dask(
    dask, workers: int, scenario, function: Callable, jobs: Iterable[tuple[Hashable, tuple]]
) -> Iterator[tuple[Hashable, object]]:
    """``function(scenario, *args)`` for every ``(name, args)`` of ``jobs`` on the cluster ``dask``
    (``"local"``, an address, or a dask ``Client`` to use as it is), the scenario shipped once;
    yields ``(name, result)`` as they finish."""
    if not isinstance(dask, str):
        yield from _run(dask, scenario, function, jobs)
        return
    with dask_client(dask, workers) as client:
        yield from _run(client, scenario, function, jobs)


def _run(client, scenario, function, jobs):
    from dask.distributed import as_completed

    key, blob = ship_scenario(client, scenario)
    futures = {client.submit(_task, function, key, blob, *args, pure=False): name for name, args in jobs}
    for future in as_completed(futures):
        yield futures[future], future.result()


def _task(function: Callable, key: str, blob: bytes, *args):
    return function(shipped_scenario(key, blob), *args)


def pack(scenario) -> bytes:
    """The shipped form: the pickle, compressed (zlib level 1: a tenth of the bytes in 30 ms at
    10,000 assets)."""
    return zlib.compress(pickle.dumps(scenario, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes):
    """The scenario of ``pack``; unpickled with the cyclic garbage collector paused (0.84 s ->
    0.19 s at 10,000 assets: millions of small objects, see ``model/gcpause.py``)."""
    with gc_paused():
        return pickle.loads(zlib.decompress(blob))


def _cache(worker) -> dict:
    cache = getattr(worker, "_rampsim_scenarios", None)
    if cache is None:
        cache = worker._rampsim_scenarios = {"scenarios": {}, "loads": 0}
    return cache


def shipped_scenario(key: str, blob: bytes):
    """On a worker: the scenario of ``key``, unpickled from ``blob`` the first time only."""
    from dask.distributed import get_worker

    cache = _cache(get_worker())
    if key not in cache["scenarios"]:
        cache["scenarios"] = {key: unpack(blob)}  # one scenario kept per worker: the latest
        cache["loads"] += 1
    return cache["scenarios"][key]


def scenario_loads(dask_worker=None) -> int:
    """For ``client.run``: how many times this worker has unpickled a shipped scenario."""
    return _cache(dask_worker)["loads"]
