"""The one path from a run's raw record to its tables and metrics.

Every way of running a scenario ends here: ``simulate`` and ``Results.from_record`` (one run, with
its sentences), ``run_replication`` (ensembles, ``rampsim compare``, the threat sweep and the
first-failure tables: the same metrics without the sentences). Metrics are a pure function of the
record; the events table may be the full one (``events_table``) or the light one without
messages (``light_events_table``): the metrics read only the columns both have.

Times are minutes after the scenario start; population-hours are hours.
"""

from __future__ import annotations

import pandas as pd

from ..engine.simulation import RunRecord
from ..model.graphmemo import derived
from ..model.incidents import INCIDENT_CLASSES
from ..model.people import PeopleCounter
from .evidence_metrics import evidence_metrics
from .metrics import run_metrics
from .people_hours import ZoneFlood, zone_spans
from .response_metrics import response_metrics
from .tables import deadlines_table, jobs_table, light_events_table, states_table
from .water_metrics import water_metrics

__all__ = ["record_metrics"]


def record_metrics(
    record: RunRecord,
    events: pd.DataFrame | None = None,
    states: pd.DataFrame | None = None,
    jobs: pd.DataFrame | None = None,
) -> dict:
    """The run's metrics: ``run_metrics`` (evacuated people stop counting as unserved from the
    minute they are evacuated; a flooded zone's people count from the minute it floods until it
    is dry again), ``response_metrics``, ``water_metrics`` and ``evidence_metrics``.

    ``events``, ``states`` and ``jobs`` are the record's tables when the caller has built them
    already (a single run); they are built here otherwise (light events, for replications).
    """
    scenario = record.scenario
    graph = scenario.graph
    events = light_events_table(record) if events is None else events
    states = states_table(record) if states is None else states
    jobs = jobs_table(record) if jobs is None else jobs
    # tables of the graph alone: built once per graph object (a sweep's or an ensemble's tasks share them)
    population = derived(graph, "population_by_id", lambda: {a.id: a.population for a in graph.assets if a.population})
    ids = derived(graph, "asset_ids", lambda: tuple(a.id for a in graph.assets))
    evacuated = {ids[i]: t for i, t in record.evacuated.items()}
    spans = zone_spans(record.flooded_zones, record.dried_zones, record.evacuated_zones, record.until_min)
    counter = PeopleCounter.for_graph(graph, zones=False)
    metrics = run_metrics(
        states,
        population,
        record.until_min,
        len(record.events),
        evacuated,
        graph.assets,
        ZoneFlood(PeopleCounter.for_graph(graph), spans) if spans else None,
        counter,
    )
    inject_class = {scenario.inject_id(i): INCIDENT_CLASSES[inj.type] for i, inj in enumerate(scenario.injects)}
    inject_times = {scenario.inject_id(i): at for i, at in enumerate(record.inject_times)}
    metrics.update(
        response_metrics(events, jobs, deadlines_table(record), inject_class, record.grip_reached, inject_times)
    )
    zones = {z.id: z.population for z in graph.zones}
    metrics.update(
        water_metrics(record.peak_levels, record.flooded_zones, zones, record.evacuated_zones, record.dried_zones)
    )
    metrics.update(evidence_metrics(record.events, ids))
    return metrics
