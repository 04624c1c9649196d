"""Needs: tolerance, k-of-n redundancy, degrade, restart and refill, with exact times (minutes)."""

from conftest import build, kinds, run, status_log


def outage(target, at, duration=None):
    inject = {"type": "outage", "target": target, "at": at}
    if duration is not None:
        inject["duration"] = duration
    return inject


def test_chain_with_tolerances():
    """
    a --power(30min)--> b --power(1h)--> c

    a fails at 10; b's buffer runs out at 40; c's at 100.
    """
    scenario = build(
        [
            {"id": "a", "sector": "energy"},
            {"id": "b", "sector": "energy", "needs": [{"type": "power", "from": "a", "tolerance": "30min"}]},
            {"id": "c", "sector": "health", "needs": [{"type": "power", "from": "b", "tolerance": "1h"}]},
        ],
        [outage("a", "10min")],
    )
    assert status_log(run(scenario)) == [(10.0, "a", "failed"), (40.0, "b", "failed"), (100.0, "c", "failed")]


def test_one_of_two_loses_one_then_both():
    """
    s1 --+
         +--power 1 of 2 (tolerance 20min)--> hospital
    s2 --+

    s1 out from 0 (for good): still 1 of 2, nothing happens. s2 out at 50: unsatisfied at 50,
    hospital fails at 70.
    """
    scenario = build(
        [
            {"id": "s1", "sector": "energy"},
            {"id": "s2", "sector": "energy"},
            {
                "id": "hospital",
                "sector": "health",
                "needs": [{"type": "power", "from": ["s1", "s2"], "need": 1, "tolerance": 20}],
            },
        ],
        [outage("s1", 0), outage("s2", 50)],
    )
    record = run(scenario)
    assert status_log(record) == [(0.0, "s1", "failed"), (50.0, "s2", "failed"), (70.0, "hospital", "failed")]
    assert kinds(record, "need.unsatisfied") == [(50.0, "hospital")]


def test_two_of_three_fails_when_second_supplier_goes():
    scenario = build(
        [
            {"id": "s1", "sector": "energy"},
            {"id": "s2", "sector": "energy"},
            {"id": "s3", "sector": "energy"},
            {"id": "dc", "sector": "ict", "needs": [{"type": "power", "from": ["s1", "s2", "s3"], "need": 2}]},
        ],
        [outage("s1", 5), outage("s3", 8)],
    )
    assert status_log(run(scenario))[-1] == (8.0, "dc", "failed")


def test_degrade_sets_level_and_does_not_propagate_unavailability():
    """
    exchange --telecom, degrade 0.7--> hospital --data--> ward

    The hospital degrades to 0.7 at once; it stays available, so the ward keeps working.
    """
    scenario = build(
        [
            {"id": "exchange", "sector": "telecom"},
            {
                "id": "hospital",
                "sector": "health",
                "needs": [{"type": "telecom", "from": "exchange", "effect": {"degrade": 0.7}}],
            },
            {"id": "ward", "sector": "health", "needs": [{"type": "data", "from": "hospital"}]},
        ],
        [outage("exchange", 15, "1h")],
    )
    record = run(scenario)
    assert status_log(record) == [
        (15.0, "exchange", "failed"),
        (15.0, "hospital", "degraded"),
        (75.0, "exchange", "operational"),
        (75.0, "hospital", "operational"),
    ]
    degraded = [s for s in record.states if s.service not in (0.0, 1.0)]
    assert [(s.time_min, s.service) for s in degraded] == [(15.0, 0.7)]


def test_service_is_minimum_of_effects():
    """Two degrade effects at once: the lower one counts, and lifting it leaves the other."""
    scenario = build(
        [
            {"id": "t", "sector": "telecom"},
            {"id": "d", "sector": "ict"},
            {
                "id": "x",
                "sector": "government",
                "needs": [
                    {"type": "telecom", "from": "t", "effect": {"degrade": 0.6}},
                    {"type": "data", "from": "d", "effect": {"degrade": 0.3}},
                ],
            },
        ],
        [outage("t", 0, 100), outage("d", 10, 20)],
    )
    services = [(s.time_min, s.service) for s in run(scenario).states if s.asset == 2]
    assert services == [(0.0, 0.6), (10.0, 0.3), (30.0, 0.6), (100.0, 1.0)]


def test_restart_after_supply_returns():
    """Supply back at 100; the consumer resumes after restart 45min, at 145."""
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {"id": "pump", "sector": "water", "needs": [{"type": "power", "from": "grid", "restart": "45min"}]},
        ],
        [outage("grid", 40, 60)],
    )
    assert status_log(run(scenario)) == [
        (40.0, "grid", "failed"),
        (40.0, "pump", "failed"),
        (100.0, "grid", "operational"),
        (145.0, "pump", "operational"),
    ]


def test_supply_lost_again_during_restart_keeps_consumer_down():
    """Back at 100, restart 45min, lost again at 120 (before 145): the pump stays down."""
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {"id": "pump", "sector": "water", "needs": [{"type": "power", "from": "grid", "restart": "45min"}]},
        ],
        [outage("grid", 40, 60), outage("grid", 120, 30)],
    )
    assert status_log(run(scenario)) == [
        (40.0, "grid", "failed"),
        (40.0, "pump", "failed"),
        (100.0, "grid", "operational"),
        (120.0, "grid", "failed"),
        (150.0, "grid", "operational"),
        (195.0, "pump", "operational"),
    ]


def _refill_case(refill: bool):
    """Tolerance 1h. Outage 1: 10-50 (40 min of buffer used). Outage 2 from 100, lasting 3h."""
    return build(
        [
            {"id": "grid", "sector": "energy"},
            {
                "id": "gen",
                "sector": "health",
                "needs": [{"type": "power", "from": "grid", "tolerance": "1h", "refill": refill}],
            },
        ],
        [outage("grid", 10, 40), outage("grid", 100, "3h")],
    )


def test_refill_true_buffer_is_full_again():
    """Second outage at 100: a full hour of buffer, so failure at 160."""
    assert [e for e in status_log(run(_refill_case(True))) if e[1] == "gen"] == [
        (160.0, "gen", "failed"),
        (280.0, "gen", "operational"),
    ]


def test_refill_false_buffer_is_cumulative():
    """40 of 60 minutes used in the first outage: the second exhausts it after 20, at 120."""
    assert [e for e in status_log(run(_refill_case(False))) if e[1] == "gen"] == [
        (120.0, "gen", "failed"),
        (280.0, "gen", "operational"),
    ]


def test_refill_false_empty_buffer_fails_at_once_next_time():
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {
                "id": "gen",
                "sector": "health",
                "needs": [{"type": "power", "from": "grid", "tolerance": "30min", "refill": False}],
            },
        ],
        [outage("grid", 0, 60), outage("grid", 200, 10)],
    )
    assert [e for e in status_log(run(scenario)) if e[1] == "gen"] == [
        (30.0, "gen", "failed"),
        (60.0, "gen", "operational"),
        (200.0, "gen", "failed"),
        (210.0, "gen", "operational"),
    ]


def test_supply_returns_before_tolerance_runs_out():
    """Outage 0-50 with a 1h buffer: the consumer never fails, no effect is applied."""
    scenario = build(
        [
            {"id": "grid", "sector": "energy"},
            {"id": "mast", "sector": "telecom", "needs": [{"type": "power", "from": "grid", "tolerance": "1h"}]},
        ],
        [outage("grid", 0, 50)],
    )
    record = run(scenario)
    assert status_log(record) == [(0.0, "grid", "failed"), (50.0, "grid", "operational")]
    assert kinds(record, "need.unsatisfied") == [(0.0, "mast")]
    assert kinds(record, "need.satisfied") == [(50.0, "mast")]
    assert kinds(record, "need.exhausted") == []


def test_power_telecom_cycle_with_battery_recovers():
    """
    power --power (battery 4h)--> telecom --control (30min)--> power

    Power out 0-60: telecom runs on battery, so power's control need never goes unsatisfied and
    power is back at 60. Terminates, deterministic.
    """
    assets = [
        {"id": "power", "sector": "energy", "needs": [{"type": "control", "from": "telecom", "tolerance": "30min"}]},
        {"id": "telecom", "sector": "telecom", "needs": [{"type": "power", "from": "power", "tolerance": "4h"}]},
    ]
    record = run(build(assets, [outage("power", 0, 60)]))
    assert status_log(record) == [(0.0, "power", "failed"), (60.0, "power", "operational")]
    again = run(build(assets, [outage("power", 0, 60)]))
    assert record.events == again.events


def test_power_telecom_cycle_past_the_battery_needs_a_black_start():
    """
    Power out 0-300, battery 4h: telecom fails at 240; power's control need runs out at 270.
    When the outage ends at 300, each waits for the other: both stay down (the run ends).
    """
    assets = [
        {"id": "power", "sector": "energy", "needs": [{"type": "control", "from": "telecom", "tolerance": "30min"}]},
        {"id": "telecom", "sector": "telecom", "needs": [{"type": "power", "from": "power", "tolerance": "4h"}]},
    ]
    record = run(build(assets, [outage("power", 0, 300)], duration="1d"))
    assert status_log(record) == [(0.0, "power", "failed"), (240.0, "telecom", "failed")]
    assert kinds(record, "need.exhausted") == [(240.0, "telecom"), (270.0, "power")]
    assert kinds(record, "outage.end") == [(300.0, "power")]


def test_zero_tolerance_cycle_terminates():
    assets = [
        {"id": "a", "sector": "energy", "needs": [{"type": "power", "from": "b"}]},
        {"id": "b", "sector": "energy", "needs": [{"type": "power", "from": "a"}]},
    ]
    record = run(build(assets, [outage("a", 0, 10)]))
    assert status_log(record) == [(0.0, "a", "failed"), (0.0, "b", "failed")]


def test_events_at_the_end_time_are_not_run():
    scenario = build([{"id": "a", "sector": "energy"}], [outage("a", "2h")], duration="2h")
    assert run(scenario).events == []


def _tie(assets, injects):
    record = run(build(assets, injects, duration="1d"))
    return [e for e in status_log(record) if e[1] == "mast"]


def test_supply_back_at_the_instant_the_buffer_runs_out_is_too_late_in_either_order():
    """
    Unsatisfied for exactly the 4h tolerance, restart 30min. A: the exhaustion timer was
    scheduled before the supply's return; B: the return was scheduled first. Both: the mast
    fails at the end of the buffer and restarts 30 min later.
    """
    mast = lambda suppliers, k=1: {  # noqa: E731
        "id": "mast",
        "sector": "telecom",
        "needs": [{"type": "power", "from": suppliers, "need": k, "tolerance": "4h", "restart": "30min"}],
    }
    a = _tie([{"id": "net", "sector": "energy"}, mast("net")], [outage("net", 0, "4h")])
    assert a == [(240.0, "mast", "failed"), (270.0, "mast", "operational")]
    b = _tie(
        [{"id": "a", "sector": "energy"}, {"id": "b", "sector": "energy"}, mast(["a", "b"])],
        [outage("a", 0, "5h"), outage("b", 60, "4h")],
    )
    assert b == [(300.0, "mast", "failed"), (330.0, "mast", "operational")]
