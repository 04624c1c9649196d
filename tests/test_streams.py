"""Random streams per purpose and subject: stable across processes, distinct per key, and keyed by
ids so that a variant adding an asset leaves every other draw as it was (common random numbers)."""

import numpy as np
from conftest import build, run

from simulator.analysis import Results
from simulator.engine.streams import RandomStreams

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
