"""What it meant: tables, metrics and the Results object analysts hold."""

from .metrics import METRIC_NAMES, run_metrics
from .results import Results
from .rundir import OutputExistsError, atomic_directory
from .tables import EVENT_COLUMNS, STATE_COLUMNS

__all__ = ["METRIC_NAMES", "run_metrics", "EVENT_COLUMNS", "STATE_COLUMNS", "Results", "OutputExistsError", "atomic_directory"]
