"""Random streams per purpose and subject: stable across processes, distinct per key, and keyed by
ids so that a variant adding an asset leaves every other draw as it was (common random numbers)."""

import numpy as np
import pytest
from conftest import build, run
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.analysis import Results
from simulator.engine.streams import RandomStreams
from simulator.model import Scenario, ScenarioFile
from simulator.model.distributions import parse_distribution
from simulator.model.organisations import OrganisationsFile
from simulator.model.scenario import Response
from simulator.model.synth import synthetic_graph

PINNED_REPORT = 0.5463124155284222  # RandomStreams(SeedSequence(42))("report", "onderstation-oost").random()
PINNED_REPAIR = 0.7431310595550998


def test_a_stream_is_the_same_in_every_process():
    """Pinned values: CRC-32 of the names and numpy's SeedSequence, nothing process-dependent."""
    streams = RandomStreams(np.random.SeedSequence(42))
    assert streams("report", "onderstation-oost").random() == PINNED_REPORT
    assert streams("repair", "repair", "onderstation-oost").random() == PINNED_REPAIR


def test_each_purpose_and_subject_has_its_own_stream_and_keeps_its_place():
    streams = RandomStreams(np.random.SeedSequence(7))
    keys = [
        ("report", "a"),
        ("report", "b"),
        ("report.direct", "a"),
        ("repair", "repair", "a"),
        ("action", "manual", "a"),
        ("action", "isolate", "a"),
    ]
    firsts = [streams(*key).random() for key in keys]
    assert len(set(firsts)) == len(keys)
    again = RandomStreams(np.random.SeedSequence(7))
    assert [again(*key).random() for key in reversed(keys)][::-1] == firsts  # order of first use does not matter
    assert streams("report", "a") is streams("report", "a")  # the second draw continues the first stream


ORG = [{"id": "net", "crews": [{"id": "ploeg", "size": 1, "callout": "uniform(20min, 90min)"}]}]
RESPONSE = {"reporting": {"delay": "uniform(5min, 40min)"}}


def _assets(extra: bool) -> list[dict]:
    assets = [
        {
            "id": "sub-a",
            "sector": "energy",
            "owner": "net",
            "recovery": {"duration": "lognormal(median=2h, p90=6h)", "crew": "net/ploeg"},
        },
        {
            "id": "sub-b",
            "sector": "energy",
            "owner": "net",
            "recovery": {"duration": "lognormal(median=2h, p90=6h)", "crew": "net/ploeg"},
        },
        {"id": "wijk-a", "sector": "population", "population": 1000, "needs": [{"type": "power", "from": "sub-a"}]},
        {
            "id": "wijk-b",
            "sector": "population",
            "population": 500,
            "needs": [{"type": "power", "from": "sub-b", "tolerance": "1h"}],
        },
    ]
    # an unused asset placed first shifts every other asset's index by one
    return ([{"id": "aaa-ongebruikt", "sector": "energy", "owner": "net"}] if extra else []) + assets


def test_a_variant_that_adds_an_unused_asset_changes_nothing():
    injects = [
        {"id": "brand", "type": "outage", "target": "sub-a"},
        {"id": "graafschade", "type": "outage", "target": "sub-b", "at": "uniform(0min, 2h)"},
    ]
    for seed in np.random.SeedSequence(3).spawn(5):
        base, variant = (
            Results.from_record(run(build(_assets(extra), injects, ORG, response=RESPONSE), seed=seed))
            for extra in (False, True)
        )
        assert base.metrics["unserved_population_hours"] == variant.metrics["unserved_population_hours"]
        columns = ["time_min", "asset", "status"]
        assert base.states[columns].reset_index(drop=True).equals(variant.states[columns].reset_index(drop=True))


# --- the fast draw: a fixed distribution makes no stream, and nothing else changes ------------------

DISTRIBUTIONS = [
    "fixed(25min)",
    "uniform(5min, 40min)",
    "triangular(5min, 10min, 40min)",
    "lognormal(median=10min, p90=30min)",
]


@given(st.sampled_from(DISTRIBUTIONS), st.integers(0, 2**32 - 1), st.text(max_size=8))
def test_draw_is_the_sample_from_the_stream_and_a_fixed_one_makes_no_stream(text, seed, name):
    distribution = parse_distribution(text)
    fast, slow = (RandomStreams(np.random.SeedSequence(seed)) for _ in range(2))
    assert [fast.draw(distribution, "report", name) for _ in range(3)] == [
        distribution.sample(slow("report", name)) for _ in range(3)
    ]
    assert (("report", name) in fast._streams) == (distribution.kind != "fixed")
    assert fast("notify", name).random() == slow("notify", name).random()  # the other streams as they were


def _slow_draw(self, distribution, purpose, *subject):
    return distribution.sample(self(purpose, *subject))  # the stream made for every draw, fixed or not


def _synthetic_scenario(assets: int, seed: int, delay: str, duration: str, targets: int) -> Scenario:
    graph = synthetic_graph(assets, seed)
    rng = np.random.default_rng(seed)
    injects = [
        {"type": "outage", "target": graph.assets[int(i)].id, "duration": duration, "at": "uniform(0min, 1h)"}
        for i in rng.choice(len(graph.assets), size=targets, replace=False)
    ]
    spec = ScenarioFile.model_validate(
        {"name": "synthetic", "graph": "-", "start": "2027-01-15T02:30:00+01:00", "duration": "2d", "injects": injects}
    )
    settings = OrganisationsFile.model_validate({"organisations": [], "reporting": {"delay": delay}})
    response = Response(office_hours=settings.office_hours, reporting=settings.reporting, ladder=settings.escalation)
    return Scenario(spec, graph, (), response=response)


@settings(max_examples=15, deadline=None)
@given(
    st.integers(20, 120),
    st.integers(0, 1000),
    st.sampled_from(DISTRIBUTIONS),
    st.sampled_from(["fixed(6h)", "uniform(1h, 12h)", "fixed(365d)"]),
    st.integers(1, 4),
)
def test_a_run_with_the_fast_draw_writes_the_same_files_as_with_a_stream_per_draw(assets, seed, delay, duration, n):
    scenario = _synthetic_scenario(assets, seed, delay, duration, n)
    fast = Results.from_record(run(scenario, seed=seed))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RandomStreams, "draw", _slow_draw)
        slow = Results.from_record(run(scenario, seed=seed))
    for table in ("events", "states", "knowledge", "jobs"):
        assert getattr(fast, table).to_csv(index=False) == getattr(slow, table).to_csv(index=False), table
    assert fast.metrics == slow.metrics
