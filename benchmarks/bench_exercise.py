"""Live exercise benchmark: `rampsim exercise` on the reference scenario against the engine alone.

    python benchmarks/bench_exercise.py [--steps 40] [--repeat 3] [--window 10]

(i) One step: a player's decision over its WebSocket, then exercise control's jump of one
simulated minute, until the server's update for that minute and the decision's outcome are
back (the clock stopped, so nothing but the step runs), against the engine's own time for the
same step (`Exercise.decide` then `Exercise.advance` one minute, in this process, on the same
course). Reported: medians of --steps steps per repeat, the median over repeats, and their ratio.

(ii) The clock with players: simulated minutes per real second, with 0 and with 10 player
sockets connected (each reading every update), at a set speed (600 simulated minutes per
minute, for --window real seconds) and at full speed (the most the server allows, until a
simulated day has passed). A fresh server and session per measurement.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from websockets.sync.client import connect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from simulator import load_scenario  # noqa: E402
from simulator.analysis.exercise import Exercise  # noqa: E402
from simulator.report.live.hub import MAX_SPEED  # noqa: E402

SCENARIO = ROOT / "scenarios" / "sluis-havenstad.yaml"
SEED = 3
FROM_MIN = 240
PLAYERS = [
    "copi",
    "rot",
    "gbt",
    "gemeente",
    "veiligheidsregio",
    "rijkswaterstaat",
    "politie",
    "brandweer",
    "waterschap",
    "ghor",
]
DECISION = {"action": "inform_public", "rationale": "benchmark"}


class Served:
    """`rampsim exercise` as a process on a free port, with its join links."""

    def __init__(self, session: Path, speed: float = 60.0):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        command = [
            sys.executable,
            "-m",
            "simulator",
            "exercise",
            str(SCENARIO),
            "--seed",
            str(SEED),
            "--port",
            str(port),
            "--session",
            str(session),
            "--speed",
            f"{speed:g}",
            "--lang",
            "en",
        ]
        self.process = subprocess.Popen(
            command,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.links: dict[str, str] = {}
        text = ""
        while "Listening on" not in text:
            line = self.process.stdout.readline()
            if not line:
                raise SystemExit(f"rampsim exercise failed:\n{text}")
            text += line
            found = re.search(r"http://\S+/(control|play/([\w-]+))\?token=\S+", line)
            if found:
                self.links[found[2] or "control"] = (
                    found[0]
                    .replace("http://", "ws://")
                    .replace("/control?", "/ws/control?")
                    .replace("/play/", "/ws/play/")
                )

    def socket(self, party: str = "control"):
        for _ in range(100):
            try:
                return connect(self.links[party], max_size=None, legacy=True)
            except OSError:
                time.sleep(0.05)
        raise SystemExit("the server did not answer")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def until(ws, predicate) -> dict:
    while True:
        message = json.loads(ws.recv(timeout=60))
        if predicate(message):
            return message


def step_through_server(work: Path, steps: int) -> list[float]:
    served = Served(work / "steps")
    try:
        control, player = served.socket(), served.socket("rot")
        until(control, lambda m: m["type"] == "snapshot")
        until(player, lambda m: m["type"] == "snapshot")
        control.send(json.dumps({"type": "jump", "minute": FROM_MIN}))
        until(control, lambda m: m["type"] == "update" and m["clock"]["minute"] >= FROM_MIN)
        times = []
        for n in range(steps):
            minute = FROM_MIN + n + 1
            started = time.perf_counter()
            player.send(json.dumps({"type": "decide", "decision": DECISION}))
            control.send(json.dumps({"type": "jump", "minute": minute}))
            until(player, lambda m: m["type"] in ("outcome", "error"))
            until(control, lambda m, minute=minute: m["type"] == "update" and m["clock"]["minute"] >= minute)
            times.append(time.perf_counter() - started)
        return times
    finally:
        served.stop()


def step_in_engine(steps: int) -> list[float]:
    ex = Exercise(load_scenario(SCENARIO), seed=SEED, lang="en")
    ex.advance(FROM_MIN)
    times = []
    for _ in range(steps):
        started = time.perf_counter()
        ex.decide({"by": "rot", **DECISION})
        ex.advance(ex.now + 1)
        times.append(time.perf_counter() - started)
    return times


def clock_rate(work: Path, players: int, speed: float, window_s: float | None) -> float:
    """Simulated minutes per real second seen by exercise control, with ``players`` sockets reading."""
    served = Served(work / f"clock-{players}-{speed:g}-{time.monotonic_ns()}", speed=speed)
    stop = threading.Event()
    readers = []
    try:
        control = served.socket()
        until(control, lambda m: m["type"] == "snapshot")
        sockets = [served.socket(p) for p in PLAYERS[:players]]

        def read(ws):
            while not stop.is_set():
                try:
                    ws.recv(timeout=0.5)
                except TimeoutError:
                    continue
                except Exception:
                    return

        readers = [threading.Thread(target=read, args=(ws,), daemon=True) for ws in sockets]
        for r in readers:
            r.start()
        time.sleep(1.0)  # the first look-ahead for the upcoming injects runs once at start-up
        control.send(json.dumps({"type": "start"}))
        first = until(control, lambda m: m["type"] == "update" and m["clock"]["running"])
        started, start_min = time.perf_counter(), first["clock"]["minute"]
        goal = start_min + 1440 if window_s is None else float("inf")
        last = first
        while True:
            last = until(control, lambda m: m["type"] == "update")
            elapsed = time.perf_counter() - started
            if (
                last["clock"]["minute"] >= goal
                or last["clock"]["finished"]
                or (window_s is not None and elapsed >= window_s)
            ):
                break
        return (last["clock"]["minute"] - start_min) / elapsed
    finally:
        stop.set()
        for r in readers:
            r.join(2)
        served.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--window", type=float, default=10.0, help="real seconds per measurement at the set speed")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rampsim-bench-exercise-"))

    server_steps, engine_steps = [], []
    for _ in range(args.repeat):
        server_steps.append(statistics.median(step_through_server(work, args.steps)))
        engine_steps.append(statistics.median(step_in_engine(args.steps)))
    server_ms, engine_ms = statistics.median(server_steps) * 1000, statistics.median(engine_steps) * 1000

    rates = {}
    for label, speed, window in (("speed_600", 600.0, args.window), ("full_speed", MAX_SPEED, None)):
        for players in (0, 10):
            rates[f"{label}_players_{players}"] = round(
                statistics.median(clock_rate(work, players, speed, window) for _ in range(args.repeat)), 1
            )
    report = {
        "scenario": SCENARIO.name,
        "repeat": args.repeat,
        "steps": args.steps,
        "step_through_server_ms": round(server_ms, 2),
        "step_in_engine_ms": round(engine_ms, 3),
        "ratio": round(server_ms / engine_ms, 1),
        "simulated_min_per_s": rates,
        "all_step_medians_ms": {
            "server": [round(x * 1000, 2) for x in server_steps],
            "engine": [round(x * 1000, 3) for x in engine_steps],
        },
    }
    print(json.dumps(report, indent=2))
    print(
        f"one step with one decision: {server_ms:.1f} ms through the server, {engine_ms:.2f} ms in the engine "
        f"(ratio {report['ratio']}); "
        f"clock at 600 min/min: {rates['speed_600_players_0']} -> {rates['speed_600_players_10']} simulated "
        f"min/s with 10 players; "
        f"full speed: {rates['full_speed_players_0']} -> {rates['full_speed_players_10']}"
    )


if __name__ == "__main__":
    main()
