"""The known situation is paid for only where a condition reads it (issue 12).

Without a ladder level or a rule's ``if`` nothing reads it: the control room's picture is not fed.
The people affected are counted only when a condition reads ``population_affected``. A fast path
must give the same run as the full one: checked on random graphs against a situation forced to
track every name.
"""

import pytest
from conftest import build, kinds, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import simulator.engine.situation as situation_module
from simulator.engine import Simulation
from simulator.model.organisations import SITUATION_NAMES

REPORTING = {"reporting": {"delay": "10min"}}
HOMES = [
    {"id": "sub", "sector": "energy"},
    {"id": "wijk", "sector": "population", "population": 2000, "needs": [{"type": "power", "from": ["sub"]}]},
]
OUTAGE = [{"type": "outage", "target": "sub"}]


def ladder(when: str) -> dict:
    return {
        "escalation": {
            "name": "GRIP",
            "levels": [{"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": when}],
        }
    }


def test_nothing_reads_the_situation_without_a_ladder_or_a_guard():
    sim = Simulation(build(HOMES, OUTAGE, response=REPORTING), seed=1)
    assert (sim.situation.in_use, sim.situation.reads, sim.situation.people) == (False, frozenset(), None)
    assert sim.awareness.picture_listeners == []
    record = sim.run()
    assert kinds(record, "report.received") == [(10.0, "sub"), (10.0, "wijk")]  # the knowledge is still kept
    # no organisations: everything known at 10 by the one nameless party, the report first
    assert record.knowledge == [(10.0, "", e) for e in (8, 2, 1, 3, 5, 9, 4, 6, 7)]


def test_a_ladder_on_known_failures_counts_no_people_and_still_escalates():
    """Both fail at 0 and are reported at 10: known_failed 2 at 10, GRIP 1 decided then (no delay)."""
    sim = Simulation(build(HOMES, OUTAGE, response={**REPORTING, **ladder("known_failed >= 2")}), seed=1)
    assert (sim.situation.in_use, sim.situation.reads, sim.situation.people) == (True, {"known_failed"}, None)
    record = sim.run()
    assert record.grip_reached == {1: 10.0}
    assert "population_affected" not in sim.situation.values() and sim.situation.values()["known_failed"] == 2


def test_a_guard_on_people_counts_them():
    """The neighbourhood's 2,000 residents are affected once its failure is known (at 10)."""
    rules = [
        {
            "id": "alert",
            "when": {"asset_failed": {"sector": "population"}},
            "if": "population_affected >= 2000",
            "action": "inform_public",
        }
    ]
    sim = Simulation(build(HOMES, OUTAGE, response=REPORTING, rules=rules), seed=1)
    assert (sim.situation.in_use, sim.situation.reads) == (True, {"population_affected"})
    record = sim.run()
    assert sim.situation.values()["population_affected"] == 2000.0
    assert kinds(record, "action.queued") == [(10.0, "wijk")]


@st.composite
def scenarios(draw):
    n = draw(st.integers(2, 10))
    ids = [f"a{i}" for i in range(n)]
    assets = []
    for i, asset_id in enumerate(ids):
        asset = {
            "id": asset_id,
            "sector": draw(st.sampled_from(["energy", "telecom", "population"])),
            "population": draw(st.integers(0, 1000)),
            "municipality": draw(st.sampled_from(["", "Havenstad", "Polder"])),
        }
        if draw(st.booleans()):
            asset["recovery"] = {"duration": draw(st.sampled_from(["30min", "3h"]))}
        if i and draw(st.booleans()):
            suppliers = draw(st.lists(st.sampled_from(ids[:i]), min_size=1, max_size=2, unique=True))
            asset["needs"] = [
                {
                    "type": "power",
                    "from": suppliers,
                    "need": draw(st.integers(1, len(suppliers))),
                    "tolerance": draw(st.sampled_from([0, 30])),
                    "effect": draw(st.sampled_from(["fail", {"degrade": 0.5}])),
                }
            ]
        assets.append(asset)
    injects = [
        {
            "type": "outage",
            "target": draw(st.sampled_from(ids)),
            "at": draw(st.sampled_from([0, "uniform(0, 2h)"])),
            "duration": draw(st.sampled_from(["45min", "6h", "365d"])),
        }
        for _ in range(draw(st.integers(1, 3)))
    ]
    when = draw(
        st.sampled_from(
            [None, "known_failed >= 2", "sectors_hit >= 2 or municipalities >= 2", "population_affected >= 500"]
        )
    )
    response = {"reporting": {"delay": draw(st.sampled_from([0, "exponential(mean=20min)"]))}}
    if when is not None:
        response.update(ladder(when))
        response["escalation"]["deescalate_after"] = "1h"
    rules = (
        [
            {
                "id": "r",
                "when": {"asset_failed": {"sector": "energy"}},
                "action": "inform_public",
                "if": draw(st.sampled_from(["known_degraded >= 1", "population_affected >= 100"])),
            }
        ]
        if draw(st.booleans())
        else []
    )
    return build(assets, injects, response=response, rules=rules, duration="2d")


def outcome(record) -> tuple:
    return (record.events, record.states, record.knowledge, record.known_min, record.grip_reached, record.jobs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario=scenarios(), seed=st.integers(0, 50))
def test_the_situation_fed_only_where_read_gives_the_same_run(scenario, seed):
    fast = run(scenario, seed=seed)
    with pytest.MonkeyPatch.context() as patch:  # the full situation: every name tracked, always fed
        patch.setattr(situation_module, "condition_names", lambda response: (True, SITUATION_NAMES))
        full = run(scenario, seed=seed)
    assert outcome(fast) == outcome(full)
