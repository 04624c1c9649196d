"""The library of real cases: find the case files of a folder, run each as a small ensemble and
judge every reported outcome band against rampsim's median and 90 % range.

A case is a scenario file with ``sources:`` and ``outcomes:`` (model/outcomes.py) directly in the
folder; its graphs and organisation files may live beside it or below it. An outcome's values
are one per replication: the scalar metric of that replication (replications without a value,
such as a detection that never happened, are left out), an asset's downtime in minutes (0 in a
replication where it did not fail), or an asset's first failure in minutes (only the
replications where it failed). Their 90 % range is p5 to p95 (``numpy.percentile``, linear, as
``summarise`` in ensemble.py). The verdict:

- ``inside``: low <= p5 and p95 <= high;
- ``outside``: p95 < low or p5 > high (the range does not touch the band);
- ``overlaps``: anything in between;
- ``no_value``: no replication gave a value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..model import LoadError, load_scenario
from ..model.errors import Problem
from ..model.loading import file_kind
from ..model.outcomes import Outcome
from ..model.scenario import Scenario
from .ensemble import run_ensemble
from .ensemble_results import EnsembleResults

__all__ = [
    "VERDICTS",
    "CaseCheck",
    "find_cases",
    "load_cases",
    "outcome_values",
    "verdict",
    "check_case",
    "check_cases",
]

VERDICTS = ("inside", "overlaps", "outside", "no_value")


def find_cases(folder: Path) -> list[Path]:
    """The scenario files directly in ``folder``, by name."""
    return [p for p in sorted(Path(folder).glob("*.yaml")) if p.is_file() and file_kind(p) == "scenario"]


def load_cases(folder: Path) -> list[Scenario]:
    """Every case of ``folder``, validated; a LoadError with the problems of all files otherwise
    (a scenario without ``sources:`` or ``outcomes:`` is not a case)."""
    cases, problems = [], []
    for path in find_cases(folder):
        try:
            scenario = load_scenario(path)
        except LoadError as error:
            problems.extend(error.problems)
            continue
        if not scenario.spec.sources or not scenario.spec.outcomes:
            problems.append(Problem(path, None, (), "ref.case_without_outcomes"))
            continue
        cases.append(scenario)
    if problems:
        raise LoadError(problems)
    return cases


def outcome_values(result: EnsembleResults, outcome: Outcome) -> np.ndarray:
    """The outcome's value in every replication that has one (minutes for time metrics)."""
    n = len(result.replications)
    if outcome.asset is None:
        column = result.replications.get(outcome.metric)
        if column is None:
            return np.array([], dtype=float)
        return pd.to_numeric(column, errors="coerce").dropna().to_numpy(dtype=float)
    failures = result.failures if result.failures is not None else pd.DataFrame(columns=["asset"])
    mine = failures[failures["asset"] == outcome.asset]
    if outcome.metric == "first_failure_min":
        return mine["first_failure_min"].to_numpy(dtype=float)
    per_replication = np.zeros(n, dtype=float)
    for replication, minutes in mine.groupby("replication")["downtime_min"].sum().items():
        per_replication[int(replication)] = float(minutes)
    return per_replication


def verdict(p5: float, p95: float, low: float, high: float) -> str:
    """``inside``, ``overlaps`` or ``outside``: where the range p5..p95 lies against the band low..high."""
    if low <= p5 and p95 <= high:
        return "inside"
    if p95 < low or p5 > high:
        return "outside"
    return "overlaps"


@dataclass(frozen=True)
class CaseCheck:
    """One reported outcome of one case against the runs: values in the metric's unit (minutes for
    time metrics), ``n`` the replications with a value."""

    case: str
    file: str
    outcome: Outcome
    runs: int
    n: int
    p5: float | None
    p50: float | None
    p95: float | None
    verdict: str

    def row(self) -> dict:
        """A flat row for CSV and JSON output (band and values in the metric's unit)."""
        o = self.outcome
        return {
            "case": self.case,
            "file": self.file,
            "outcome": o.id,
            "metric": o.metric,
            "asset": o.asset or "",
            "unit": o.unit,
            "low": o.low_value,
            "high": o.high_value,
            "runs": self.runs,
            "n": self.n,
            "p5": self.p5,
            "p50": self.p50,
            "p95": self.p95,
            "verdict": self.verdict,
        }


def check_case(scenario: Scenario, n: int, seed: int | None = None, workers: int = 1) -> list[CaseCheck]:
    """Run ``scenario`` ``n`` times (master seed ``seed``, default its own) and judge each outcome."""
    result = run_ensemble(scenario, n, seed=seed, workers=workers)
    checks = []
    name = scenario.path.name if scenario.path is not None else ""
    for outcome in scenario.spec.outcomes:
        values = outcome_values(result, outcome)
        if len(values) == 0:
            checks.append(CaseCheck(scenario.name, name, outcome, n, 0, None, None, None, "no_value"))
            continue
        p5, p50, p95 = (float(v) for v in np.percentile(values, [5, 50, 95]))
        judged = verdict(p5, p95, outcome.low_value, outcome.high_value)
        checks.append(CaseCheck(scenario.name, name, outcome, n, len(values), p5, p50, p95, judged))
    return checks


def check_cases(cases: list[Scenario], n: int, seed: int | None = None, workers: int = 1) -> list[CaseCheck]:
    """``check_case`` for every case, in order."""
    return [check for scenario in cases for check in check_case(scenario, n, seed, workers)]
