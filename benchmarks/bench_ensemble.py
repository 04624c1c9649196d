"""Ensemble benchmark: replications per second on 1 and 2 worker processes, against a plain loop.

    python benchmarks/bench_ensemble.py [--scenario scenarios/stroomstoring-havenstad.yaml] [-n 400] [--repeat 3]

Runs, each --repeat times and alternating, in this process:

- the bare baseline: the same n replications (the same SeedSequence seeds) in a plain loop over
  ``run_replication`` on a scenario loaded beforehand: no chunks, no pool, no tables at the end;
- ``run_ensemble(scenario, n, workers=1)``: the whole ensemble in this process (loading the
  scenario, chunking, the replication and asset tables, the summary);
- ``run_ensemble(scenario, n, workers=2)``: the same on a pool of two processes;
- the pool start-up alone: a pool of two processes, each loading the scenario once (what every
  worker does before its first chunk), with no replication.

Prints medians of wall time, throughput (replications per second), the parallel efficiency
throughput(2) / (2 x throughput(1)) (target at least 0.8 on 2 cores) and the same against the bare
loop, and checks that the three give the same replications. Also the CPU seconds of each (this
process and its workers): their ratio is the work that running in parallel adds, which another
process on a shared machine does not change, while it does lower the wall-time efficiency; the
load average at each repeat is printed for that reason.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from simulator.analysis.ensemble import replication_seeds, run_ensemble, run_replication  # noqa: E402
from simulator.model import load_scenario  # noqa: E402


def bare_loop(scenario, seed: int, n: int) -> pd.DataFrame:
    """The replications one after another, nothing around them; their metric rows."""
    return pd.DataFrame([run_replication(scenario, i, s)[0] for i, s in enumerate(replication_seeds(seed, n))])


def _load(path: str) -> int:
    return len(load_scenario(path).graph)


def pool_start(path: str, workers: int) -> None:
    """Start a pool and have every worker load the scenario once."""
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_load, [path] * workers))


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


CPU: dict[str, list[float]] = {}


def timed(function, *args, name: str | None = None):
    """(wall seconds, value); the CPU seconds it took are kept in ``CPU[name]``."""
    cpu, start = _cpu_s(), time.perf_counter()
    value = function(*args)
    wall = time.perf_counter() - start
    if name:
        CPU.setdefault(name, []).append(_cpu_s() - cpu)
    return wall, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", type=Path, default=ROOT / "scenarios" / "stroomstoring-havenstad.yaml")
    parser.add_argument("-n", type=int, default=400, help="replications per ensemble")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = str(args.scenario.resolve())
    scenario = load_scenario(path)
    load_before = os.getloadavg()
    bare_loop(scenario, args.seed, 4)  # warm up: imports and caches that a run pays once

    times: dict[str, list[float]] = {"bare": [], "workers_1": [], "workers_2": [], "pool_start_2": []}
    tables, loads = {}, []
    for _ in range(args.repeat):
        loads.append(round(os.getloadavg()[0], 2))
        wall, tables["bare"] = timed(bare_loop, scenario, args.seed, args.n, name="bare")
        times["bare"].append(wall)
        wall, result = timed(run_ensemble, path, args.n, args.seed, 1, name="workers_1")
        times["workers_1"].append(wall)
        tables["workers_1"] = result.replications
        wall, result = timed(run_ensemble, path, args.n, args.seed, 2, name="workers_2")
        times["workers_2"].append(wall)
        tables["workers_2"] = result.replications
        wall, _ = timed(pool_start, path, 2)
        times["pool_start_2"].append(wall)

    same = all(tables[k].reset_index(drop=True).equals(tables["workers_1"]) for k in ("workers_2",))
    same = same and tables["bare"]["events"].tolist() == tables["workers_1"]["events"].tolist()
    median = {k: statistics.median(v) for k, v in times.items()}
    throughput = {k: args.n / median[k] for k in ("bare", "workers_1", "workers_2")}
    report = {
        "scenario": args.scenario.name,
        "replications": args.n,
        "repeat": args.repeat,
        "cpus": os.cpu_count(),
        "median_s": {k: round(v, 3) for k, v in median.items()},
        "replications_per_s": {k: round(v, 1) for k, v in throughput.items()},
        "ms_per_replication_bare": round(1000 * median["bare"] / args.n, 2),
        "efficiency_2_vs_1": round(throughput["workers_2"] / (2 * throughput["workers_1"]), 3),
        # each repeat runs 1 and 2 workers back to back: its own ratio is less exposed to a load that drifts
        "efficiency_2_vs_1_per_repeat": [
            round(one / (2 * two), 3) for one, two in zip(times["workers_1"], times["workers_2"])
        ],
        "efficiency_2_vs_bare": round(throughput["workers_2"] / (2 * throughput["bare"]), 3),
        "overhead_1_vs_bare": round(median["workers_1"] / median["bare"], 3),
        "pool_start_share_of_2": round(median["pool_start_2"] / median["workers_2"], 3),
        # CPU seconds (this process and the workers): what parallel running adds in work, whatever the load
        "median_cpu_s": {k: round(statistics.median(v), 3) for k, v in CPU.items()},
        "cpu_efficiency_2_vs_1": round(statistics.median(CPU["workers_1"]) / statistics.median(CPU["workers_2"]), 3),
        "best_of_repeats_efficiency_2_vs_1": round(min(times["workers_1"]) / (2 * min(times["workers_2"])), 3),
        "same_replications": same,
        "load_average_per_repeat": [round(load_before[0], 2), *loads[1:], round(os.getloadavg()[0], 2)],
        "all_runs_s": {k: [round(x, 3) for x in v] for k, v in times.items()},
    }
    print(json.dumps(report, indent=2))
    print(
        f"{args.n} replications: bare {throughput['bare']:.1f}/s, 1 worker {throughput['workers_1']:.1f}/s, "
        f"2 workers {throughput['workers_2']:.1f}/s; efficiency {report['efficiency_2_vs_1']} (target >= 0.8); "
        f"pool start-up {median['pool_start_2']:.2f} s; same replications: {same}"
    )
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
