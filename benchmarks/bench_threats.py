"""Threat-sweep benchmark: every asset's permanent failure by the discrete-event engine against the
fast exact method (the deterministic cascade, simulator/analysis/cascade.py).

    python benchmarks/bench_threats.py [--repeat 3] [--assets 10000] [--sample 200]

Deterministic settings, as the cascade assumes: no repair (every asset's recovery removed), no
crisis organisation, one outage without duration on the target at minute 0, fixed tolerances,
60 days simulated. For each graph, each --repeat times and alternating: the engine sweep (one
Simulation per target, failed set = assets that reach service 0, with the minute) and the cascade
sweep (``single_failure_cascades``: the links indexed once, one propagation per target). Both
must give the same failed sets with the same minutes for every target swept by the engine.

Havenstad (infrastructure_graphs/havenstad.yaml): all assets by both. The synthetic graph
(``synthetic_graph(--assets, seed=0)``): the cascade sweeps all assets; the engine sweeps a seeded
random sample of --sample targets (numpy default_rng(0)) and its time for all assets is
extrapolated as (time of the sample) x assets / sample. Prints medians and the ratio engine /
cascade as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import numpy as np

from simulator.analysis.cascade import single_failure_cascades
from simulator.engine import Simulation
from simulator.model import load_graph
from simulator.model.graph import InfrastructureGraph
from simulator.model.scenario import Response, Scenario, ScenarioFile
from simulator.model.synth import synthetic_graph

ROOT = Path(__file__).resolve().parents[1]
DURATION = "60d"


def without_repair(graph: InfrastructureGraph) -> InfrastructureGraph:
    assets = tuple(a.model_copy(update={"recovery": None}) if a.recovery else a for a in graph.assets)
    return InfrastructureGraph(assets, graph.name, basins=graph.basins, zones=graph.zones)


def engine_sweep(graph: InfrastructureGraph, targets: list[str]) -> dict[str, dict[str, float]]:
    """Per target: asset -> first minute at service 0, by one engine run each."""
    ids = [a.id for a in graph.assets]
    out = {}
    for target in targets:
        spec = ScenarioFile.model_validate(
            {
                "name": "sweep",
                "graph": "-",
                "start": "2027-01-15T02:30:00+01:00",
                "duration": DURATION,
                "injects": [{"type": "outage", "target": target}],
            }
        )
        record = Simulation(Scenario(spec, graph, response=Response()), seed=0).run()
        failed: dict[str, float] = {}
        for change in record.states:
            if change.service <= 0:
                failed.setdefault(ids[change.asset], change.time_min)
        out[target] = failed
    return out


def same(engine: dict, fast: dict) -> bool:
    """Same failed sets and the same minutes (to 1e-6) for every target the engine swept."""
    for target, failed in engine.items():
        other = fast[target]
        if failed.keys() != other.keys() or any(abs(failed[a] - other[a]) > 1e-6 for a in failed):
            return False
    return True


def measure(name: str, graph: InfrastructureGraph, sample: int | None, repeat: int) -> dict:
    ids = [a.id for a in graph.assets]
    targets = (
        ids
        if sample is None or sample >= len(ids)
        else sorted(np.random.default_rng(0).choice(ids, size=sample, replace=False).tolist())
    )
    engine_s, fast_s = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        engine = engine_sweep(graph, targets)
        engine_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        fast = single_failure_cascades(graph)
        fast_s.append(time.perf_counter() - start)
    engine_median, fast_median = statistics.median(engine_s), statistics.median(fast_s)
    engine_all = engine_median * len(ids) / len(targets)
    return {
        "graph": name,
        "assets": len(ids),
        "needs": sum(len(a.needs) for a in graph.assets),
        "engine_targets": len(targets),
        "engine_s": round(engine_median, 3),
        "engine_all_assets_s": round(engine_all, 2),
        "engine_extrapolated": len(targets) < len(ids),
        "cascade_all_assets_s": round(fast_median, 4),
        "ratio_engine_to_cascade": round(engine_all / fast_median),
        "failed_sets_equal": same(engine, fast),
        "failed_per_target_mean": round(sum(len(fast[t]) for t in targets) / len(targets), 2),
        "all_runs_s": {"engine": [round(x, 3) for x in engine_s], "cascade": [round(x, 4) for x in fast_s]},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument(
        "--sample", type=int, default=200, help="engine targets on the synthetic graph (seeded random sample)"
    )
    args = parser.parse_args()

    havenstad = without_repair(load_graph(ROOT / "infrastructure_graphs" / "havenstad.yaml"))
    synthetic = without_repair(synthetic_graph(args.assets, seed=0))
    reports = [
        measure("havenstad", havenstad, None, args.repeat),
        measure(f"synthetic-{args.assets}", synthetic, args.sample, args.repeat),
    ]
    print(json.dumps(reports, indent=2))
    for r in reports:
        extrapolated = " (extrapolated from the sample)" if r["engine_extrapolated"] else ""
        print(
            f"{r['graph']}: engine {r['engine_all_assets_s']} s{extrapolated}, cascade {r['cascade_all_assets_s']} s, "
            f"ratio {r['ratio_engine_to_cascade']}; failed sets equal: {r['failed_sets_equal']}"
        )
    if not all(r["failed_sets_equal"] for r in reports):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
