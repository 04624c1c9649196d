"""People affected, each person once (model/people.py): by hand, in the metrics, the engine's
situation and the threat picture, and as invariants."""

import pandas as pd
import pytest
from conftest import build, run
from hypothesis import given, settings
from hypothesis import strategies as st
from test_response import REPORTING

from simulator.analysis import run_metrics
from simulator.model.assets import Asset
from simulator.model.people import PeopleCounter
from simulator.model.water import Zone


def town(**care):
    """Two neighbourhoods (north 3,000, south 1,000 residents) and people living within them."""
    assets = [
        Asset(id="north", sector="population", population=3000),
        Asset(id="south", sector="population", population=1000),
    ]
    for name, (people, within) in care.items():
        assets.append(Asset(id=name, sector="health", population=people, population_within=within))
    return assets


def test_care_home_within_its_neighbourhood_counts_once():
    """Care home (100 people in north). North down: 3,000, the care home's people among them.
    Only the care home down: its 100. Both: still 3,000."""
    counter = PeopleCounter(town(home=(100, "north")))
    counter.set_loss(2, 1.0)
    assert counter.total == 100
    counter.set_loss(0, 1.0)
    assert counter.total == 3000
    counter.set_loss(2, 0.0)
    assert counter.total == 3000
    counter.set_loss(0, 0.5)  # north at half service, the care home served: 1,500
    assert counter.total == 1500
    counter.set_loss(2, 0.8)  # the care home's 100 lose 0.8, 0.5 of it counted with north: 100 * 0.3 more
    assert counter.total == pytest.approx(1530)


def test_spread_over_the_municipality_by_residents():
    """A hospital's 400 people live anywhere in town: 3/4 in north, 1/4 in south. Hospital and
    south down: 1,000 + 400 * 3/4 = 1,300 (the quarter in south is counted with south)."""
    counter = PeopleCounter(town(hospital=(400, None)))
    counter.set_loss(2, 1.0)
    counter.set_loss(1, 1.0)
    assert counter.total == pytest.approx(1300)
    assert counter.if_failed([]) == pytest.approx(1300)  # a probe leaves the state as it was


def test_not_residents_count_on_their_own():
    counter = PeopleCounter(town(terminal=(1500, "none")))
    assert counter.if_failed(["terminal", "north", "south"]) == 5500
    assert counter.total == 0


def test_flooded_zone_counts_its_people_once():
    """Zone of 600 people in south. Flooded: 600. South then fails: 1,000, not 1,600."""
    zone = Zone(id="low", basin="b", ground_level_m=0.0, population=600, assets=("south",))
    counter = PeopleCounter(town(), [zone])
    counter.flood("low")
    assert counter.total == 600
    counter.set_loss(1, 1.0)
    assert counter.total == 1000


def test_evacuation_takes_the_people_within_along():
    """North evacuated: its 3,000 and the care home's 100 living there no longer count."""
    counter = PeopleCounter(town(home=(100, "north")))
    counter.set_loss(0, 1.0)
    counter.set_loss(2, 1.0)
    counter.evacuate(0)
    assert counter.total == 0
    counter.set_loss(1, 1.0)
    assert counter.total == 1000


@settings(max_examples=200, deadline=None)
@given(
    care=st.lists(st.tuples(st.integers(0, 500), st.sampled_from(["north", "south", None, "none"])), max_size=4),
    changes=st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.0, 0.25, 0.5, 1.0])), max_size=30),
    evacuate=st.lists(st.integers(0, 5), max_size=2),
)
def test_never_more_than_live_there(care, changes, evacuate):
    """The total lies between the largest single loss and residents plus non-residents, and
    equals a fresh counter given the same final state (the order of changes does not matter)."""
    assets = town(**{f"c{i}": spec for i, spec in enumerate(care)})
    counter = PeopleCounter(assets)
    n = len(assets)
    for asset, loss in changes:
        if asset < n:
            counter.set_loss(asset, loss)
    bound = 4000 + sum(p for p, within in care if within == "none")
    assert -1e-9 <= counter.total <= bound + 1e-9
    biggest = max((assets[i].population * counter.loss[i] for i in range(n)), default=0.0)
    assert counter.total >= biggest - 1e-9
    fresh = PeopleCounter(assets)
    for i in range(n):
        fresh.set_loss(i, counter.loss[i])
    assert fresh.total == pytest.approx(counter.total)
    for asset in evacuate:
        if asset < n:
            counter.evacuate(asset)
    assert -1e-9 <= counter.total <= bound + 1e-9


def test_unserved_population_hours_count_each_person_once():
    """North (3,000) down 60-180, its care home (100 within) down 0-240; run of 300 minutes.
    Care home alone 0-60 and 180-240: 100 * 2 h = 200; north 60-180: 3,000 * 2 h = 6,000.
    Total 6,200 (the old sum said 6,000 + 400 = 6,400)."""
    assets = town(home=(100, "north"))
    table = pd.DataFrame(
        [(0, "home", 0.0), (60, "north", 0.0), (180, "north", 1.0), (240, "home", 1.0)],
        columns=["time_min", "asset", "service"],
    )
    population = {a.id: a.population for a in assets}
    metrics = run_metrics(table, population, 300.0, 4, assets=assets)
    assert metrics["unserved_population_hours"] == pytest.approx(6200)
    assert run_metrics(table, population, 300.0, 4)["unserved_population_hours"] == pytest.approx(6400)
    evacuated = run_metrics(table, population, 300.0, 4, {"north": 120.0}, assets=assets)
    # north evacuated at 120: north 60-120 = 3,000 h, care home 0-60 = 100 h, its people gone with north after
    assert evacuated["unserved_population_hours"] == pytest.approx(3100)


def test_engine_situation_counts_a_care_home_once():
    """The ladder reads population_affected: the substation feeds north and its care home (100
    living in north), both fail at once when the substation fails (known at 10, reported). The
    organisation counts 3,000, not 3,100: GRIP 1 (>= 3,000) is reached, GRIP 2 (>= 3,050) never."""
    assets = [
        {"id": "sub", "sector": "energy"},
        {"id": "north", "sector": "population", "population": 3000, "needs": [{"type": "power", "from": "sub"}]},
        {
            "id": "home",
            "sector": "health",
            "population": 100,
            "population_within": "north",
            "needs": [{"type": "power", "from": "sub"}],
        },
    ]
    ladder = {
        "name": "test",
        "levels": [
            {"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": "population_affected >= 3000"},
            {"level": 2, "teams": [{"id": "rot", "assembly": "30min"}], "when": "population_affected >= 3050"},
        ],
    }
    injects = [{"type": "outage", "target": "sub", "duration": "3h"}]
    record = run(build(assets, injects, response={**REPORTING, "escalation": ladder}, duration="1d"))
    levels = [e.level for e in record.events if e.kind == "grip.escalated"]
    assert levels == [1.0]


def test_a_graphs_counters_share_who_lives_where_and_each_starts_all_served():
    """``for_graph`` works out the layout once per graph object; every call gives a new counter:
    the hospital (400, 3/4 in north) and south down in the first, 1,000 + 300 = 1,300; the second
    starts at 0 and counts north alone as 3,000; another graph gets its own layout."""
    from simulator.model.graph import InfrastructureGraph
    from simulator.model.graphmemo import BUILDS

    graph = InfrastructureGraph(tuple(town(hospital=(400, None))), name="town")
    before = BUILDS["people_layout"]
    first = PeopleCounter.for_graph(graph, zones=False)
    first.set_loss(2, 1.0)
    first.set_loss(1, 1.0)
    assert first.total == pytest.approx(1300)
    second = PeopleCounter.for_graph(graph, zones=False)
    assert second.layout is first.layout
    assert BUILDS["people_layout"] == before + 1
    assert second.total == 0
    second.set_loss(0, 1.0)
    assert second.total == 3000
    assert first.total == pytest.approx(1300)
    other = PeopleCounter.for_graph(InfrastructureGraph(tuple(town()), name="other"), zones=False)
    assert other.layout is not first.layout
    assert BUILDS["people_layout"] == before + 2
