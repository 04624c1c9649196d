"""Downstream benchmark: `rampsim report`, `replay --html`, `plot` and `msel` on one large run.

    python benchmarks/bench_downstream.py [--assets 100000] [--repeat 3] [--run DIR]

Makes (or, with --run DIR of an earlier one, reuses) a run of the synthetic all-fail graph of
`bench_cascade.py --all-fail` (`rampsim graph synth --seed 1`, every high-voltage station out for a
year, 30 days: every asset fails), then times each command as a process: the median of --repeat
runs, or one run when the first takes 60 s or more (the target is under 60 s). Prints a small
table (Markdown) with the wall time, the peak memory and the size of what each command wrote.
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

TARGET_S = 60.0


def make_run(work: Path, assets: int) -> Path:
    """The all-fail run of ``assets`` assets in ``work/run``."""
    rampsim = [sys.executable, "-m", "simulator"]
    graph = work / "graph.json"
    subprocess.run(
        rampsim + ["graph", "synth", "--assets", str(assets), "--out", str(graph), "--seed", "1"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    nodes = json.loads(graph.read_text())["nodes"]
    roots = [n["id"] for n in nodes if n.get("kind") == "hv_station"]
    injects = "\n".join(f"  - {{type: outage, target: {r}, duration: 365d}}" for r in roots)
    scenario = work / "nationwide.yaml"
    scenario.write_text(
        f"name: nationwide outage\ngraph: graph.json\nstart: 2027-01-15T02:30:00+01:00\nduration: 30d\n"
        f"seed: 1\ninjects:\n{injects}\n",
        encoding="utf-8",
    )
    run = work / "run"
    subprocess.run(rampsim + ["run", str(scenario), "--out", str(run), "--force", "--quiet"], check=True)
    return run


def timed(command: list[str]) -> tuple[float, float]:
    """Run ``command``; (wall seconds, peak memory in MiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode() if process.stderr else ''}")
    return wall, usage.ru_maxrss / 1024


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*")) if path.is_dir() else path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--run", type=Path, default=None, help="an earlier run directory to reuse")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="rampsim-downstream-"))
    run = args.run or make_run(work, args.assets)
    rampsim = [sys.executable, "-m", "simulator"]
    out = work / "out"
    out.mkdir()
    commands = {
        "report": (rampsim + ["report", str(run), "--out", str(out / "report.html")], out / "report.html"),
        "replay --html": (rampsim + ["replay", str(run), "--html", str(out / "replay.html")], out / "replay.html"),
        "plot": (rampsim + ["plot", str(run), "--out", str(out / "figures")], out / "figures"),
        "msel (xlsx)": (rampsim + ["msel", str(run), "--out", str(out / "msel.xlsx"), "--force"], out / "msel.xlsx"),
        "msel (csv)": (rampsim + ["msel", str(run), "--out", str(out / "msel.csv"), "--force"], out / "msel.csv"),
    }
    assets = sum(1 for _ in (run / "assets.csv").open(encoding="utf-8")) - 1
    print(f"run: {run} ({assets:,} assets); medians of {args.repeat} where under {TARGET_S:g} s\n")
    print("| command | wall | runs | peak memory | output |")
    print("|---|---|---|---|---|")
    for name, (command, written) in commands.items():
        walls, peaks = [], []
        for _ in range(args.repeat):
            wall, peak = timed(command)
            walls.append(wall)
            peaks.append(peak)
            if wall >= TARGET_S:
                break
        ok = "" if statistics.median(walls) < TARGET_S else " (over the target)"
        print(
            f"| `{name}` | {statistics.median(walls):.1f} s{ok} | {', '.join(f'{w:.1f}' for w in walls)} | "
            f"{max(peaks):,.0f} MiB | {size(written) / 1e6:.1f} MB |",
            flush=True,
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
