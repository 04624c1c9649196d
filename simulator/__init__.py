"""rampsim: disaster-exercise scenarios for Dutch municipalities.

>>> import simulator
>>> scenario = simulator.load_scenario("scenarios/stroomstoring-havenstad.yaml")  # doctest: +SKIP
>>> result = simulator.simulate(scenario, seed=7)  # doctest: +SKIP
>>> result.metrics["assets_failed"]  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .analysis import EnsembleResults, Results, RunResults
from .engine import Simulation
from .model import Decision, LoadError, Scenario, load_decisions, load_graph, load_scenario, save_graph

__all__ = [
    "Decision",
    "load_decisions",
    "load_scenario",
    "load_graph",
    "save_graph",
    "simulate",
    "Results",
    "RunResults",
    "EnsembleResults",
    "Scenario",
    "LoadError",
    "__version__",
]

try:
    from importlib.metadata import version as _version

    __version__ = _version("rampsim")
except Exception:  # pragma: no cover - running from a source tree without installing
    __version__ = "0+unknown"


def simulate(
    scenario: Scenario | str | Path,
    seed: int | None = None,
    until_min: float | None = None,
    lang: str | None = None,
    decisions: Sequence[Decision] = (),
) -> RunResults:
    """Run one scenario (a loaded ``Scenario`` or a path) and return its ``Results``.

    ``seed`` overrides the scenario's seed; ``until_min`` its duration (minutes); ``lang``
    (``en``/``nl``) chooses the language of event messages; ``decisions`` are the players'
    decisions of a live exercise (``load_decisions``), applied at their minutes.
    """
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    simulation = Simulation(scenario, seed=seed, until_min=until_min, decisions=decisions)
    record = simulation.run()
    simulation.release()  # the engine's state, before the tables are built
    return Results.from_record(record, lang=lang)
