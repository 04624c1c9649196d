"""Dask benchmark: the threat sweep and an ensemble of a synthetic graph, serial here against a
dask LocalCluster of 2 worker processes, the scenario shipped once per worker.

    python benchmarks/bench_dask.py [--assets 10000] [--targets 16] [-n 8] [--repeat 3] [--until 6h]

Generates a synthetic supply-tree graph (``rampsim graph synth --seed 1``) and a scenario with an
outage of every other high-voltage station. Measures, medians of --repeat:

- the sweep: an outage on --targets seeded random substations, one replication each
  (``threat_sweep(workers=1)`` against ``threat_sweep(dask=client)``: one task per target);
- the ensemble: -n replications (``run_ensemble(workers=1)`` against ``dask=client``, chunks of 1);
- efficiency = serial / (2 x dask) (1.0: two workers twice as fast as one process);
- the cluster's start and the shipping of the scenario (pickle, scatter to both workers), once;
- the serialised forms of the scenario: its pickle, the shipped form (the pickle compressed,
  unpickled with the garbage collector paused) and its source files (what a worker would read and
  validate again with ``load_scenario``): bytes and seconds to turn back into a Scenario.

Checks that the dask results equal the serial ones. Prints the load average at each repeat (the
machine may be shared: another process on the two cores lowers the efficiency).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.analysis.dask_backend import dask_client, pack, scenario_loads, ship_scenario, unpack  # noqa: E402
from simulator.analysis.ensemble import run_ensemble  # noqa: E402
from simulator.analysis.sweep import threat_sweep  # noqa: E402
from simulator.analysis.threats import parse_selector  # noqa: E402
from simulator.model import load_scenario  # noqa: E402


def make_scenario(work: Path, assets: int, until: str) -> Path:
    graph = work / "graph.json"
    subprocess.run(
        [sys.executable, "-m", "simulator", "graph", "synth", "--assets", str(assets), "--out", str(graph)]
        + ["--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    nodes = json.loads(graph.read_text())["nodes"]
    roots = [n["id"] for n in nodes if n.get("kind") == "hv_station"][::2]
    injects = "\n".join(f"  - {{type: outage, target: {r}}}" for r in roots)
    scenario = work / "synthetic.yaml"
    scenario.write_text(
        f"name: synthetic\ngraph: graph.json\nstart: 2027-01-15T02:30:00+01:00\nduration: {until}\nseed: 1\n"
        f"injects:\n{injects}\n",
        encoding="utf-8",
    )
    return scenario


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def main() -> None:  # noqa: PLR0915 -- a benchmark script, one measurement after the other
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--targets", type=int, default=16)
    parser.add_argument("-n", type=int, default=8, help="ensemble replications")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--until", default="6h", help="scenario duration")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="rampsim-bench-dask-"))
    path = make_scenario(work, args.assets, args.until)
    load_s, scenario = timed(load_scenario, path)
    substations = [a.id for a in scenario.graph.assets if a.kind == "substation"]
    chosen = sorted(np.random.default_rng(0).choice(substations, size=args.targets, replace=False).tolist())
    selector = parse_selector(",".join(chosen))

    raw = pickle.dumps(scenario, protocol=pickle.HIGHEST_PROTOCOL)
    blob = pack(scenario)
    unpickle_s = statistics.median(timed(pickle.loads, raw)[0] for _ in range(3))
    unpack_s = statistics.median(timed(unpack, blob)[0] for _ in range(3))
    source_bytes = sum(Path(s.path).stat().st_size for s in scenario.sources)
    size = len(scenario.graph)
    forms = {  # decode_s: back to a Scenario on a worker
        "pickle": {"bytes": len(raw), "bytes_per_asset": round(len(raw) / size), "decode_s": round(unpickle_s, 3)},
        "shipped: pickle, zlib 1, unpickled with gc paused": {
            "bytes": len(blob),
            "bytes_per_asset": round(len(blob) / size),
            "decode_s": round(unpack_s, 3),
        },
        "source_files + load_scenario": {
            "bytes": source_bytes,
            "bytes_per_asset": round(source_bytes / size),
            "decode_s": round(load_s, 3),
        },
    }

    start = time.perf_counter()
    with dask_client("local", 2) as client:
        start_s = time.perf_counter() - start
        ship_s, _ = timed(ship_scenario, client, scenario)
        runs: dict[str, list[float]] = {
            "sweep_serial": [],
            "sweep_dask": [],
            "ensemble_serial": [],
            "ensemble_dask": [],
        }
        same = True
        loads = []
        for _ in range(args.repeat):
            print(f"load average {os.getloadavg()}", file=sys.stderr)
            t, one = timed(threat_sweep, scenario, "outage", selector, 1, None, 1)
            runs["sweep_serial"].append(t)
            t, two = timed(threat_sweep, scenario, "outage", selector, 1, None, 2, dask=client)
            runs["sweep_dask"].append(t)
            same &= one.replications.to_csv() == two.replications.to_csv()
            t, one = timed(run_ensemble, scenario, args.n, workers=1, chunk_size=1)
            runs["ensemble_serial"].append(t)
            t, two = timed(run_ensemble, scenario, args.n, workers=2, chunk_size=1, dask=client)
            runs["ensemble_dask"].append(t)
            same &= one.replications.to_csv() == two.replications.to_csv()
            loads.append(os.getloadavg()[0])
        unpickles = sorted(client.run(scenario_loads).values())
    median = {name: round(statistics.median(values), 2) for name, values in runs.items()}
    report = {
        "assets": len(scenario.graph),
        "targets": args.targets,
        "replications": args.n,
        "until": args.until,
        "medians_s": median,
        "efficiency": {
            kind: round(median[f"{kind}_serial"] / (2 * median[f"{kind}_dask"]), 2) for kind in ("sweep", "ensemble")
        },
        "cluster_start_s": round(start_s, 2),
        "ship_once_s": round(ship_s, 2),
        "unpickles_per_worker": unpickles,
        "tasks": args.repeat * (args.targets + args.n),
        "serialised_forms": forms,
        "same_results": same,
        "load_average_1min": loads,
        "all_runs_s": {name: [round(x, 2) for x in values] for name, values in runs.items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
