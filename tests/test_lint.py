"""The code base passes ruff (configured in ruff.toml)."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def test_ruff_check():
    if importlib.util.find_spec("ruff") is None:
        pytest.skip("ruff is not installed (it comes with the [test] extra)")
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "simulator", "tests", "benchmarks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
