"""Cascade benchmark: `rampsim run` on a synthetic graph against a bare SimPy reference.

    python benchmarks/bench_cascade.py [--assets 100000] [--repeat 3] [--all-fail]

Generates a synthetic supply-tree graph (`rampsim graph synth`), writes a scenario with a
nationwide outage (half of the high-voltage stations out, no repair), then runs, each --repeat times
and alternating: the whole `rampsim run` as a process, and the bare reference (json + networkx +
bare SimPy callbacks, `bare_reference.py`) as a process. Prints medians of wall time and of CPU time
(user + sys: steadier on a shared machine), their ratios, events per second and peak memory (max
RSS), all three taken from the same runs, and checks that both count the same failed assets.
Targets at 100,000 assets: ratio within 3x, peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
UNTIL = "30d"
UNTIL_MIN = 30 * 1440.0


def measured(command: list[str]) -> tuple[float, float, float, str]:
    """Run ``command`` once; return (wall seconds, CPU seconds user + sys, max RSS in MiB, stdout).

    All three from the same run (``os.wait4``: Linux gives ru_maxrss in KiB), so a large graph is
    run only ``--repeat`` times, not once more for its memory."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        if status != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode(errors='replace')}")
        stdout = out.read().decode()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, default=None, help="keep the generated files in this folder")
    parser.add_argument(
        "--all-fail", action="store_true", help="every high-voltage station out: every asset ends up failed"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="rampsim-bench-"))
    rampsim = [sys.executable, "-m", "simulator"]
    graph = work / "graph.json"
    subprocess.run(
        rampsim + ["graph", "synth", "--assets", str(args.assets), "--out", str(graph), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    nodes = json.loads(graph.read_text())["nodes"]
    # every other high-voltage station: substations fed 1-of-2 survive when one feeder remains;
    # --all-fail: all of them, the national outage in which every asset fails
    roots = [n["id"] for n in nodes if n.get("kind") == "hv_station"][:: 1 if args.all_fail else 2]
    injects = "\n".join(f"  - {{type: outage, target: {r}, duration: 365d}}" for r in roots)
    scenario = work / "nationwide.yaml"
    scenario.write_text(
        (
            f"name: nationwide outage\ngraph: graph.json\nstart: 2027-01-15T02:30:00+01:00\nduration: "
            f"{UNTIL}\nseed: 1\ninjects:\n{injects}\n"
        ),
        encoding="utf-8",
    )
    run_cmd = rampsim + ["run", str(scenario), "--out", str(work / "run"), "--force", "--quiet"]
    bare_cmd = [sys.executable, str(HERE / "bare_reference.py"), str(graph), str(UNTIL_MIN), *roots]

    whole, bare, bare_out = [], [], None
    whole_cpu, bare_cpu, whole_rss, bare_rss = [], [], [], []
    for _ in range(args.repeat):
        wall, cpu, rss, _ = measured(run_cmd)
        whole.append(wall)
        whole_cpu.append(cpu)
        whole_rss.append(rss)
        wall, cpu, rss, out = measured(bare_cmd)
        bare.append(wall)
        bare_cpu.append(cpu)
        bare_rss.append(rss)
        bare_out = json.loads(out)
    metrics = json.loads((work / "run" / "metrics.json").read_text())
    engine_s = json.loads((work / "run" / "manifest.json").read_text())["runtime_s"]
    run_rss, bare_rss_max = max(whole_rss), max(bare_rss)
    load = os.getloadavg()

    whole_median, bare_median = statistics.median(whole), statistics.median(bare)
    report = {
        "assets": len(nodes),
        "links": None,
        "repeat": args.repeat,
        "rampsim_run_s": round(whole_median, 2),
        "bare_reference_s": round(bare_median, 2),
        "ratio": round(whole_median / bare_median, 2),
        "events": metrics["events"],
        "events_per_s": round(metrics["events"] / whole_median),
        "engine_events_per_s": round(metrics["events"] / engine_s) if engine_s else None,
        "cpu_s": round(statistics.median(whole_cpu), 2),
        "bare_cpu_s": round(statistics.median(bare_cpu), 2),
        "ratio_cpu": round(statistics.median(whole_cpu) / statistics.median(bare_cpu), 2),
        "peak_rss_mib": round(run_rss),
        "bare_peak_rss_mib": round(bare_rss_max),
        "load_average_after": [round(x, 1) for x in load],
        "failed_rampsim": metrics["assets_failed"],
        "failed_bare": bare_out["failed"],
        "bare_phases_s": {k: round(v, 2) for k, v in bare_out.items() if k.endswith("_s")},
        "all_runs_s": {"rampsim": [round(x, 2) for x in whole], "bare": [round(x, 2) for x in bare]},
        "all_runs_cpu_s": {"rampsim": [round(x, 2) for x in whole_cpu], "bare": [round(x, 2) for x in bare_cpu]},
    }
    report["links"] = len(json.loads(graph.read_text())["links"])
    print(json.dumps(report, indent=2))
    ok = report["failed_rampsim"] == report["failed_bare"]
    print(
        f"failed assets equal: {ok}; ratio {report['ratio']} (target <= 3); peak memory "
        f"{report['peak_rss_mib']} MiB (target < 2048)"
    )
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for item in (graph, scenario):
            shutil.copy(item, args.keep / item.name)
    shutil.rmtree(work, ignore_errors=True)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
