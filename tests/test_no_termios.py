"""Where ``termios`` does not exist (Windows), the CLI still imports and runs: only ``rampsim
replay`` needs the terminal player, and there it prints the plain timeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from conftest import ROOT

SCRIPT = textwrap.dedent(
    """
    import io, json, sys
    sys.modules["termios"] = None  # as on Windows: import termios raises ImportError
    sys.modules["tty"] = None
    import simulator.cli
    from simulator.cli import cli
    report = {"player_imported": "simulator.report.replay_terminal" in sys.modules}
    try:
        cli.main(["run", sys.argv[1], "--out", sys.argv[2], "--quiet"], prog_name="rampsim", standalone_mode=False)
        report["run"] = "ok"
    except SystemExit as stop:
        report["run"] = stop.code

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    real = sys.stdout
    sys.stdin, sys.stdout = Terminal(), Terminal()
    try:
        cli.main(["replay", sys.argv[2]], prog_name="rampsim", standalone_mode=False)
        report["replay"] = "ok"
    except SystemExit as stop:
        report["replay"] = stop.code
    report["replay_lines"] = sys.stdout.getvalue().splitlines()
    sys.stdout = real
    print(json.dumps(report))
    """
)


def test_the_cli_imports_and_runs_without_termios_and_replay_falls_back_to_plain_lines(tmp_path):
    out = tmp_path / "run"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "RAMPSIM_LANG": "en",
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ROOT / "scenarios" / "stroomstoring-havenstad.yaml"), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["player_imported"] is False  # importing the CLI does not import the terminal player
    assert report["run"] == "ok" and (out / "events.csv").exists()
    assert report["replay"] == "ok"
    # a 'terminal' without termios: the plain timeline, as for output that is not a terminal
    assert report["replay_lines"][0].startswith("Replay")
    assert len(report["replay_lines"]) > 10
