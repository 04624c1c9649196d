"""What it meant: tables, metrics and the Results object analysts hold."""

from .ensemble_results import EnsembleResults
from .metrics import METRIC_NAMES, run_metrics
from .results import Results, RunResults
from .rundir import OutputExistsError, atomic_directory
from .tables import EVENT_COLUMNS, STATE_COLUMNS

__all__ = [
    "METRIC_NAMES",
    "run_metrics",
    "EVENT_COLUMNS",
    "STATE_COLUMNS",
    "Results",
    "RunResults",
    "EnsembleResults",
    "OutputExistsError",
    "atomic_directory",
]
