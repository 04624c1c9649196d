"""Shared helpers: build small scenarios in memory and read the event log as tuples."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from simulator.engine import Simulation
from simulator.model import Asset, Scenario, ScenarioFile
from simulator.model.graph import InfrastructureGraph
from simulator.model.organisations import OrganisationsFile
from simulator.model.references import check_graph
from simulator.model.scenario import Response

ROOT = Path(__file__).resolve().parents[1]
_ASSETS = TypeAdapter(tuple[Asset, ...])


def build(assets: list[dict], injects: list[dict], organisations: list[dict] = (), response: dict | None = None, **spec) -> Scenario:
    """A scenario from plain records, validated through the same schema as files.

    ``response`` holds organisation-file settings (office_hours, control_room, reporting,
    escalation, deadlines); playbook ``rules`` go in ``spec`` as in a scenario file.
    """
    graph = InfrastructureGraph(_ASSETS.validate_python(assets), name="test")
    assert not check_graph(graph), [p.render() for p in check_graph(graph)]
    fields = {"name": "test", "graph": "-", "start": datetime.fromisoformat("2027-01-15T02:30:00+01:00"), "injects": injects}
    fields.update(spec)
    scenario_file = ScenarioFile.model_validate(fields)
    settings = OrganisationsFile.model_validate({"organisations": list(organisations), **(response or {})})
    resolved = Response(
        office_hours=scenario_file.office_hours or settings.office_hours,
        control_room=settings.control_room,
        reporting=scenario_file.reporting or settings.reporting,
        ladder=settings.escalation,
        deadlines=settings.deadlines,
        rules=scenario_file.rules,
    )
    return Scenario(scenario_file, graph, settings.organisations, response=resolved)


def run(scenario: Scenario, seed: int | None = None, until: float | None = None):
    return Simulation(scenario, seed=seed, until_min=until).run()


def status_log(record) -> list[tuple[float, str, str]]:
    """(time, asset id, status kind) for every change of status, in order."""
    ids = [a.id for a in record.scenario.graph.assets]
    return [(e.time_min, ids[e.asset], e.kind.split(".", 1)[1]) for e in record.events if e.kind.startswith("asset.")]


def kinds(record, kind: str) -> list[tuple[float, str]]:
    ids = [a.id for a in record.scenario.graph.assets]
    return [(e.time_min, ids[e.asset] if e.asset >= 0 else "") for e in record.events if e.kind == kind]


@pytest.fixture
def root() -> Path:
    return ROOT
