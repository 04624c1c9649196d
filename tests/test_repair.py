"""Repair by crews: priority, first come first served, damage combined with lack of supply."""

from conftest import build, kinds, run, status_log

ORG = [{"id": "netbeheerder", "crews": [{"id": "monteurs", "size": 1}]}]


def damaged(asset_id, population, duration="1h"):
    return {
        "id": asset_id,
        "sector": "energy",
        "population": population,
        "recovery": {"duration": duration, "crew": "netbeheerder/monteurs"},
    }


def test_waiting_assets_repaired_by_population_when_no_scenario_priority():
    """
    One crew, repairs of 1h. a (10 people), b (1,000), c (500) damaged at 0 in that order: the
    crew is called at 0 (at work at once) and takes them by population: b at 0, c at 60, a at 120.
    """
    scenario = build(
        [damaged("a", 10), damaged("b", 1000), damaged("c", 500)],
        [{"type": "outage", "target": t} for t in ("a", "b", "c")],
        ORG,
    )
    record = run(scenario)
    assert kinds(record, "repair.started") == [(0.0, "b"), (60.0, "c"), (120.0, "a")]
    assert [e for e in status_log(record) if e[2] == "operational"] == [
        (60.0, "b", "operational"),
        (120.0, "c", "operational"),
        (180.0, "a", "operational"),
    ]


def test_scenario_priority_goes_before_population():
    scenario = build(
        [damaged("a", 10), damaged("b", 1000), damaged("c", 500)],
        [{"type": "outage", "target": t} for t in ("a", "b", "c")],
        ORG,
        priorities={"c": 5},
    )
    assert kinds(run(scenario), "repair.started") == [(0.0, "c"), (60.0, "b"), (120.0, "a")]


def test_ties_first_come_first_served():
    scenario = build(
        [damaged("a", 10), damaged("b", 100), damaged("c", 100)],
        [
            {"type": "outage", "target": "a"},
            {"type": "outage", "target": "c", "at": 5},
            {"type": "outage", "target": "b", "at": 10},
        ],
        ORG,
    )
    assert kinds(run(scenario), "repair.started") == [(0.0, "a"), (60.0, "c"), (120.0, "b")]


def test_crew_size_two_works_in_parallel():
    org = [{"id": "netbeheerder", "crews": [{"id": "monteurs", "size": 2}]}]
    scenario = build(
        [damaged("a", 1), damaged("b", 2), damaged("c", 3)], [{"type": "outage", "target": t} for t in "abc"], org
    )
    assert kinds(run(scenario), "repair.started") == [(0.0, "c"), (0.0, "b"), (60.0, "a")]


def test_asset_without_recovery_stays_down():
    scenario = build([{"id": "a", "sector": "energy"}], [{"type": "outage", "target": "a"}])
    record = run(scenario)
    assert status_log(record) == [(0.0, "a", "failed")]
    assert kinds(record, "repair.unavailable") == [(0.0, "a")]


def test_damaged_and_without_supply_waits_for_both():
    """
    grid --power--> pump (pump also damaged, repair 1h without a crew)

    Grid out 0-120: the repair is done at 60 but the pump has no power until 120.
    """
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {
                "id": "pump",
                "sector": "water",
                "recovery": {"duration": "1h"},
                "needs": [{"type": "power", "from": "grid"}],
            },
        ],
        [{"type": "outage", "target": "grid", "duration": "2h"}, {"type": "outage", "target": "pump"}],
    )
    record = run(scenario)
    assert kinds(record, "repair.done") == [(60.0, "pump")]
    assert [e for e in status_log(record) if e[1] == "pump"] == [
        (0.0, "pump", "failed"),
        (120.0, "pump", "operational"),
    ]


def test_supply_back_before_repair_done():
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {
                "id": "pump",
                "sector": "water",
                "recovery": {"duration": "1h"},
                "needs": [{"type": "power", "from": "grid"}],
            },
        ],
        [{"type": "outage", "target": "grid", "duration": "30min"}, {"type": "outage", "target": "pump"}],
    )
    assert [e for e in status_log(run(scenario)) if e[1] == "pump"] == [
        (0.0, "pump", "failed"),
        (60.0, "pump", "operational"),
    ]


def test_supply_only_failure_recovers_by_itself():
    """An asset that failed only for lack of supply needs no crew."""
    scenario = build(
        [
            {"id": "grid", "sector": "energy", "recovery": {"duration": "2h", "crew": "netbeheerder/monteurs"}},
            {"id": "pump", "sector": "water", "needs": [{"type": "power", "from": "grid"}]},
        ],
        [{"type": "outage", "target": "grid"}],
        ORG,
    )
    record = run(scenario)
    assert kinds(record, "repair.started") == [(0.0, "grid")]
    assert status_log(record)[-1] == (120.0, "pump", "operational")


def _three_substations(**spec):
    """
    x (busy first) ; derde feeds nobody ; klein feeds a street of 50 ; groot feeds 40,000 people
    through a feeder: population served counts what depends on an asset, directly or not.
    """
    assets = [damaged("x", 0), damaged("derde", 0), damaged("klein", 0), damaged("groot", 0)]
    assets += [
        {"id": "straat", "sector": "population", "population": 50, "needs": [{"type": "power", "from": "klein"}]},
        {"id": "feeder", "sector": "energy", "needs": [{"type": "power", "from": "groot"}]},
        {"id": "stad", "sector": "population", "population": 40000, "needs": [{"type": "power", "from": "feeder"}]},
    ]
    injects = [{"type": "outage", "target": t, "at": i} for i, t in enumerate(["x", "derde", "klein", "groot"])]
    return build(assets, injects, ORG, **spec)


def test_repairs_go_by_population_served_downstream():
    assert kinds(run(_three_substations()), "repair.started") == [
        (0.0, "x"),
        (60.0, "groot"),
        (120.0, "klein"),
        (180.0, "derde"),
    ]


def test_scenario_priority_first_and_negative_priority_last():
    record = run(_three_substations(priorities={"derde": 2, "groot": -1}))
    assert kinds(record, "repair.started") == [(0.0, "x"), (60.0, "derde"), (120.0, "klein"), (180.0, "groot")]
