"""The code base passes ruff (rules and format, configured in ruff.toml) and mypy with the pydantic
plugin on the model and the engine (configured in pyproject.toml). These run in the README's test
command, so .ci/run runs them."""

import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (it comes with the [test] extra)")


def test_ruff_check():
    _needs("ruff")
    done = _run("ruff", "check", "simulator", "tests", "benchmarks", "notebooks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format():
    _needs("ruff")
    done = _run("ruff", "format", "--check", "simulator", "tests", "benchmarks", "notebooks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_model_and_engine():
    _needs("mypy")
    done = _run("mypy")  # files and options from pyproject.toml
    assert done.returncode == 0, done.stdout + done.stderr
    assert "simulator/engine" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
