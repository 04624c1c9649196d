"""The fast deterministic cascade equals the discrete-event engine, asset by asset."""

from dataclasses import replace

import pytest
from conftest import ROOT, build, run

import simulator
from simulator.analysis.cascade import deterministic_cascade, single_failure_cascades
from simulator.model.graph import InfrastructureGraph
from simulator.model.scenario import Response, ScenarioFile


def test_k_of_n_and_tolerances_by_hand():
    """
    s1, s2 --power 1 of 2, 30min--> h ; h --data, 1h--> w ; h --telecom degrade--> x
    s1 and s2 fail at 0: h at 30, w at 90; x only degrades.
    """
    scenario = build(
        [
            {"id": "s1", "sector": "energy"},
            {"id": "s2", "sector": "energy"},
            {"id": "h", "sector": "health", "needs": [{"type": "power", "from": ["s1", "s2"], "tolerance": "30min"}]},
            {"id": "w", "sector": "ict", "needs": [{"type": "data", "from": "h", "tolerance": "1h"}]},
            {"id": "x", "sector": "ict", "needs": [{"type": "telecom", "from": "h", "effect": {"degrade": 0.5}}]},
        ],
        [{"type": "outage", "target": "s1"}],
    )
    assert deterministic_cascade(scenario.graph, ["s1"]) == {"s1": 0.0}
    assert deterministic_cascade(scenario.graph, ["s1", "s2"]) == {"s1": 0.0, "s2": 0.0, "h": 30.0, "w": 90.0}


def _without_repair(graph: InfrastructureGraph) -> InfrastructureGraph:
    return InfrastructureGraph(tuple(a.model_copy(update={"recovery": None}) for a in graph.assets), graph.name)


@pytest.fixture(scope="module")
def havenstad():
    return _without_repair(simulator.load_graph(ROOT / "infrastructure_graphs" / "havenstad.yaml"))


def test_equals_the_engine_for_every_asset_of_havenstad(havenstad):
    fast = single_failure_cascades(havenstad)
    for asset in havenstad.assets:
        spec = ScenarioFile.model_validate(
            {
                "name": "one",
                "graph": "-",
                "start": "2027-01-15T02:30:00+01:00",
                "duration": "60d",
                "injects": [{"type": "outage", "target": asset.id}],
            }
        )
        record = run(
            replace(
                build([{"id": "x", "sector": "energy"}], [{"type": "outage", "target": "x"}]),
                spec=spec,
                graph=havenstad,
                response=Response(),
            )
        )
        engine = {}
        ids = [a.id for a in havenstad.assets]
        for change in record.states:
            if change.service <= 0:
                engine.setdefault(ids[change.asset], change.time_min)
        assert engine == pytest.approx(fast[asset.id]), asset.id


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def permanent_failure(draw):
    n = draw(st.integers(2, 10))
    ids = [f"a{i}" for i in range(n)]
    assets = []
    for asset_id in ids:
        needs = []
        for _ in range(draw(st.integers(0, 2))):
            suppliers = draw(
                st.lists(st.sampled_from([o for o in ids if o != asset_id]), min_size=1, max_size=3, unique=True)
            )
            needs.append(
                {
                    "type": "power",
                    "from": suppliers,
                    "need": draw(st.integers(1, len(suppliers))),
                    "tolerance": draw(st.sampled_from([0, 15, 60, 240])),
                    "effect": draw(st.sampled_from(["fail", {"degrade": 0.5}])),
                    "restart": draw(st.sampled_from([0, 10])),
                    "refill": draw(st.booleans()),
                }
            )
        assets.append({"id": asset_id, "sector": "energy", **({"needs": needs} if needs else {})})
    start = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    return build(assets, [{"type": "outage", "target": t} for t in start], duration="30d"), start


@settings(max_examples=120, deadline=None)
@given(permanent_failure())
def test_equals_the_engine_on_random_graphs(case):
    scenario, start = case
    record = run(scenario)
    ids = [a.id for a in scenario.graph.assets]
    engine = {}
    for change in record.states:
        if change.service <= 0:
            engine.setdefault(ids[change.asset], change.time_min)
    assert engine == deterministic_cascade(scenario.graph, start)
