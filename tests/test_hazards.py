"""Hazard models: the hacked lock against the closed-form solution, pumping, closing the gates,
flood zones cascading into the graph, the level alarm as a detection channel."""

import math

import pytest
from conftest import ROOT, build, kinds, run, with_water
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.hazards.hydraulics import G, Regime, Segment


def lock_scenario(  # noqa: PLR0913 -- debt: split when next changed
    basin,
    upstream,
    gate_area=20.0,
    gates="both",
    rules=(),
    zones=(),
    extra_assets=(),
    injects=(),
    detect=None,
    extra_orgs=(),
    **spec,
):
    assets = [
        {"id": "scada", "sector": "waterways"},
        {
            "id": "lock",
            "sector": "waterways",
            "kind": "lock",
            "owner": "rws",
            "needs": [{"type": "control", "from": "scada", "effect": {"degrade": 0.5}}],
        },
        *extra_assets,
    ]
    hack = {
        "type": "cyber.compromise",
        "target": "lock",
        "effect": "manipulate",
        "hazard": {
            "model": "lock_breach",
            "basin": "haven",
            "upstream": upstream,
            "gates": gates,
            "gate_area_m2": gate_area,
            "cd": 0.6,
        },
        **({"detect": detect} if detect else {}),
    }
    orgs = [{"id": "rws", "crews": [{"id": "sluis", "size": 1}]}, *extra_orgs]
    scenario = build(
        assets, [hack, *injects], orgs, response={"reporting": {"delay": "10min"}}, rules=list(rules), **spec
    )
    return with_water(scenario, [basin], zones)


def closed_form_minutes(h0, H, target, area, basin_area, cd=0.6):
    """sqrt(u(t)) = sqrt(u0) - k t / 2, k = Cd A sqrt(2g) / A_b: t = 2 (sqrt(u0) - sqrt(u)) / k."""
    k = cd * area * math.sqrt(2 * G) / basin_area
    return 2 * (math.sqrt(H - h0) - math.sqrt(H - target)) / k / 60


@pytest.mark.parametrize(
    "basin_area, gate_area, h0, H, crest",
    [
        (500_000, 20.0, 0.0, 2.0, 1.5),
        (2_000_000, 10.0, -0.4, 3.1, 2.9),
        (80_000, 4.5, 1.0, 1.6, 1.2),
        (1_000_000, 60.0, -1.0, 4.0, 0.0),
    ],
)
def test_level_reaches_the_quay_when_the_closed_form_says(basin_area, gate_area, h0, H, crest):
    basin = {"id": "haven", "area_m2": basin_area, "level_m": h0, "crest_level_m": crest}
    record = run(lock_scenario(basin, {"level_m": H}, gate_area=gate_area, duration="10d"))
    (crossed,) = [e.time_min for e in record.events if e.kind == "hazard.crest_exceeded"]
    expected = closed_form_minutes(h0, H, crest, 2 * gate_area, basin_area)
    assert abs(crossed - expected) / expected < 1e-3
    assert record.peak_levels["haven"] <= H


def test_one_gate_takes_twice_as_long():
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.0, "crest_level_m": 1.5}
    both = run(lock_scenario(basin, {"level_m": 2.0}))
    one = run(lock_scenario(basin, {"level_m": 2.0}, gates="one"))
    t_both = kinds(both, "hazard.crest_exceeded")[0][0]
    t_one = kinds(one, "hazard.crest_exceeded")[0][0]
    assert t_one == pytest.approx(2 * t_both, rel=1e-9)


def test_pumping_slows_the_rise_and_stops_when_the_pump_loses_power():
    """A 5 m³/s pumping station drains the basin: the quay is reached later; when its power fails
    (at 60 min) the rise speeds up again."""
    pump = [{"id": "gemaal", "sector": "water"}]
    basin = {
        "id": "haven",
        "area_m2": 500_000,
        "level_m": 0.0,
        "crest_level_m": 1.5,
        "drains": [{"asset": "gemaal", "capacity_m3s": 5.0}],
    }
    plain = kinds(run(lock_scenario({**basin, "drains": []}, {"level_m": 2.0})), "hazard.crest_exceeded")[0][0]
    pumped = kinds(run(lock_scenario(basin, {"level_m": 2.0}, extra_assets=pump)), "hazard.crest_exceeded")[0][0]
    stopped = kinds(
        run(
            lock_scenario(
                basin, {"level_m": 2.0}, extra_assets=pump, injects=[{"type": "outage", "target": "gemaal", "at": "1h"}]
            )
        ),
        "hazard.crest_exceeded",
    )[0][0]
    assert plain < stopped < pumped


def test_closing_the_gates_stops_the_rise_at_the_level_reached():
    """The level alarm (1.0 m) reaches the water board, which finds the manipulated lock; the rule
    closes the gates in 30 min; the level then stays where it was."""
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.0, "alarm_level_m": 1.0, "crest_level_m": 1.9}
    rules = [
        {"id": "dicht", "when": {"alarm": "haven"}, "action": "close_gates", "crew": "rws/sluis", "duration": "30min"}
    ]
    record = run(lock_scenario(basin, {"level_m": 2.0}, rules=rules))
    alarm = kinds(record, "hazard.alarm_level")[0][0]
    assert alarm == pytest.approx(closed_form_minutes(0.0, 2.0, 1.0, 40.0, 500_000), rel=1e-9)
    assert kinds(record, "hazard.gates_closed") == [(alarm + 30, "lock")]
    # the manipulation is now known: found at the lock when the alarm came in
    manipulated = [e for e in record.events if e.kind == "cyber.manipulated"][0]
    assert record.known_min[manipulated.id] == alarm
    closed_at = alarm + 30
    after = [level for t, level in record.levels["haven"] if t >= closed_at]
    assert max(after) - min(after) < 1e-9
    assert kinds(record, "hazard.crest_exceeded") == []


def learned(record, kind):
    """(minute, organisation) of everyone who learned the events of ``kind``, in order."""
    ids = {e.id for e in record.events if e.kind == kind}
    return [(t, org) for t, org, event in record.knowledge if event in ids]


def test_once_the_alarm_reveals_the_manipulated_lock_its_crest_is_known_as_it_happens():
    """Lock open at 0 (manipulated, it keeps running: nobody reports it); the alarm (1.0 m) at A
    reaches the owner, who finds the manipulation at the lock; the crest (1.9 m) at C is then known
    at C, not never: an attacked lock is watched to the end."""
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.0, "alarm_level_m": 1.0, "crest_level_m": 1.9}
    record = run(lock_scenario(basin, {"level_m": 2.0}))
    alarm = closed_form_minutes(0.0, 2.0, 1.0, 40.0, 500_000)
    crest = closed_form_minutes(0.0, 2.0, 1.9, 40.0, 500_000)
    assert kinds(record, "hazard.alarm_level")[0][0] == pytest.approx(alarm, rel=1e-9)
    assert learned(record, "hazard.gates_opened") == [(pytest.approx(alarm, rel=1e-9), "rws")]  # found with the attack
    (crossed,) = [e for e in record.events if e.kind == "hazard.crest_exceeded"]
    assert crossed.time_min == pytest.approx(crest, rel=1e-9)
    assert learned(record, "hazard.crest_exceeded") == [(crossed.time_min, "rws")]


def test_once_monitoring_reveals_the_manipulated_lock_its_crest_is_known_as_it_happens():
    """No level alarm; the owner's monitoring finds the manipulation at 30 min; the crest (1.9 m,
    at about 172 min) is known when it is exceeded."""
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.0, "crest_level_m": 1.9}
    record = run(lock_scenario(basin, {"level_m": 2.0}, detect={"monitoring": "30min"}))
    assert learned(record, "cyber.manipulated") == [(30.0, "rws")]
    crest = closed_form_minutes(0.0, 2.0, 1.9, 40.0, 500_000)
    assert learned(record, "hazard.crest_exceeded") == [(pytest.approx(crest, rel=1e-9), "rws")]


def test_the_crew_that_closed_the_gates_knows_at_once_though_the_attack_is_not_known():
    """The level alarm (1.0 m, at A) is the water board's gauge, not the lock: the manipulation
    stays unknown. The rule sends the lock crew (rws), which closes the gates at A + 30: rws knows
    at A + 30 (before: never, the lock was never watched)."""
    basin = {
        "id": "haven",
        "area_m2": 500_000,
        "level_m": 0.0,
        "alarm_level_m": 1.0,
        "crest_level_m": 1.9,
        "alarm_asset": "peil",
    }
    rules = [
        {
            "id": "dicht",
            "when": {"alarm": "haven"},
            "action": "close_gates",
            "target": "lock",
            "crew": "rws/sluis",
            "duration": "30min",
        }
    ]
    gauge = [{"id": "peil", "sector": "water", "owner": "ws"}]
    record = run(lock_scenario(basin, {"level_m": 2.0}, rules=rules, extra_assets=gauge, extra_orgs=[{"id": "ws"}]))
    alarm = closed_form_minutes(0.0, 2.0, 1.0, 40.0, 500_000)
    assert learned(record, "hazard.alarm_level") == [(pytest.approx(alarm, rel=1e-9), "ws")]
    assert kinds(record, "hazard.gates_closed") == [(pytest.approx(alarm + 30, rel=1e-9), "lock")]
    assert learned(record, "hazard.gates_closed") == [(pytest.approx(alarm + 30, rel=1e-9), "rws")]
    assert learned(record, "cyber.manipulated") == []


def test_a_rain_warning_is_known_to_everyone_as_it_is_issued():
    """Rain of 10 mm/h from 0, 1 mm/h from 2 h on a polder whose pumping station keeps working:
    nothing fails and nobody reports anything, yet both warnings are known to the water board and
    the control room at 0 and 120 (before: never)."""
    assets = [{"id": "gemaal", "sector": "water", "owner": "ws"}]
    rain = [{"mm_per_h": 10}, {"start": "2h", "mm_per_h": 1}]
    inject = {
        "type": "hazard",
        "target": "gemaal",
        "hazard": {"model": "polder", "basin": "polder", "catchment_m2": 4_000_000, "rain": rain},
    }
    response = {"control_room": "vr", "reporting": {"delay": "10min"}}
    scenario = build(assets, [inject], [{"id": "vr"}, {"id": "ws"}], response=response, duration="6h")
    basin = {"id": "polder", "area_m2": 200_000, "level_m": -2.0, "drains": [{"asset": "gemaal", "capacity_m3s": 4.0}]}
    record = run(with_water(scenario, [basin]))
    assert kinds(record, "hazard.rain") == [(0.0, "gemaal"), (120.0, "gemaal")]
    assert learned(record, "hazard.rain") == [(0.0, "vr"), (0.0, "ws"), (120.0, "vr"), (120.0, "ws")]
    assert kinds(record, "report.received") == []
    assert learned(record, "hazard.start") == []  # the hazard model itself is not news: the rain is


def test_flow_reverses_when_the_basin_is_above_a_falling_tide():
    """Basin at 1.5 m, tide 1.0 +- 1.0 m with high water at the start: the basin first rises with
    the tide, then empties towards the falling sea: its peak is below 2.0 and it ends lower."""
    basin = {"id": "haven", "area_m2": 300_000, "level_m": 1.5}
    record = run(lock_scenario(basin, {"level_m": 1.0, "amplitude_m": 1.0, "high_water": 0}, duration="8h"))
    levels = [level for _, level in record.levels["haven"]]
    assert 1.5 < record.peak_levels["haven"] < 2.0
    assert levels[-1] < 1.5


def test_a_flooded_zone_fails_its_substation_and_the_cascade_follows():
    """Zone Kade (ground 1.2 m) behind a quay of 1.5 m: the substation in it (tolerance 0.3 m)
    fails when the level passes max(1.5, 1.2 + 0.3) = 1.5; the neighbourhood it feeds fails with it."""
    extra = [
        {"id": "sub", "sector": "energy", "recovery": {"duration": "6h"}},
        {"id": "wijk", "sector": "population", "population": 4000, "needs": [{"type": "power", "from": "sub"}]},
    ]
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.0, "crest_level_m": 1.5}
    zones = [{"id": "kade", "basin": "haven", "ground_level_m": 1.2, "population": 2500, "assets": ["sub"]}]
    record = run(lock_scenario(basin, {"level_m": 2.0}, zones=zones, extra_assets=extra))
    crest = kinds(record, "hazard.crest_exceeded")[0][0]
    assert kinds(record, "zone.flooded")[0][0] == crest
    assert kinds(record, "flood.damage") == [(crest, "sub")]
    failed = [(t, a) for t, a in kinds(record, "asset.failed") if a in ("sub", "wijk")]
    assert failed == [(crest, "sub"), (crest, "wijk")]
    assert record.flooded_zones == {"kade": crest}


@settings(max_examples=30, deadline=None)
@given(
    h0=st.floats(-2, 3),
    H=st.floats(-2, 3),
    area=st.floats(1, 100),
    basin_area=st.floats(1e4, 5e6),
    tidal=st.booleans(),
)
def test_level_moves_monotonically_towards_a_constant_upstream_without_overshoot(h0, H, area, basin_area, tidal):
    regime = Regime(area, 0.6, 0.0, basin_area, lambda t: H, constant_upstream=not tidal)
    segment = Segment(h0, regime, 86400.0)
    levels = [segment.level(t) for t in range(0, 86401, 600)]
    assert all(math.isfinite(level) for level in levels)
    steps = [b - a for a, b in zip(levels, levels[1:])]
    if H >= h0:
        assert all(s >= -1e-7 for s in steps) and max(levels) <= H + 1e-6  # solver tolerance 1e-9 per step
    else:
        assert all(s <= 1e-7 for s in steps) and min(levels) >= H - 1e-6


@settings(max_examples=25, deadline=None)
@given(h0=st.floats(-1, 2), amplitude=st.floats(0, 1.5), pumping=st.floats(0, 20), area=st.floats(5, 80))
def test_water_volume_is_conserved(h0, amplitude, pumping, area):
    """What came through the gate equals the rise of the basin's volume plus what was pumped out."""
    from scipy.integrate import quad

    basin_area = 400_000.0
    regime = Regime(
        area,
        0.6,
        pumping,
        basin_area,
        lambda t: 1.0 + amplitude * math.cos(2 * math.pi * t / 44700),
        constant_upstream=False,
    )
    segment = Segment(h0, regime, 6 * 3600.0)

    def gate_flow(t):
        return regime.rate(t, segment.level(t)) * basin_area + pumping

    through_gate, _ = quad(gate_flow, 0, 6 * 3600.0, limit=2000, points=segment._solution.t[1:-1][::10])
    stored = (segment.level(6 * 3600.0) - h0) * basin_area
    pumped = pumping * 6 * 3600.0
    assert through_gate == pytest.approx(stored + pumped, rel=1e-4, abs=1.0)


def polder_scenario(rain, injects=(), zones=None, extra_assets=(), rules=()):
    """
    Polder: storage 200,000 m² at -2.00 m NAP, catchment 4 km², one pumping station of 4 m³/s;
    zone (ground -1.60 m NAP) with a substation (tolerance 0.3 m: fails at -1.30 m NAP).
    """
    assets = [
        {"id": "gemaal", "sector": "water", "recovery": {"duration": "1d"}},
        {"id": "sub", "sector": "energy"},
        *extra_assets,
    ]
    rain_inject = {
        "type": "hazard",
        "target": "gemaal",
        "hazard": {"model": "polder", "basin": "polder", "catchment_m2": 4_000_000, "rain": rain},
    }
    scenario = build(
        assets, [rain_inject, *injects], response={"reporting": {"delay": "10min"}}, duration="12h", rules=list(rules)
    )
    basin = {"id": "polder", "area_m2": 200_000, "level_m": -2.0, "drains": [{"asset": "gemaal", "capacity_m3s": 4.0}]}
    zones = (
        zones
        if zones is not None
        else [{"id": "laag", "basin": "polder", "ground_level_m": -1.6, "population": 1200, "assets": ["sub"]}]
    )
    return with_water(scenario, [basin], zones)


def test_polder_floods_when_the_rain_beats_the_pumps_at_the_computed_time():
    """10 mm/h on 4 km² = 11.111 m³/s in, 4 out: the level rises 7.111 / 200,000 m/s and passes
    the zone's ground (0.40 m up) after 0.40 / 3.5556e-5 s = 187.5 min."""
    record = run(polder_scenario([{"mm_per_h": 10}]))
    assert kinds(record, "zone.flooded")[0][0] == pytest.approx(187.5, rel=1e-12)
    assert kinds(record, "flood.damage")[0][0] == pytest.approx(0.7 / (7.111111111111111 / 200_000) / 60, rel=1e-12)


def test_a_hacked_pumping_station_floods_the_polder_sooner():
    """The pump is shut down at 60: -2.0 + 3600 x 3.5556e-5 = -1.872 m; the remaining 0.272 m at
    11.111 / 200,000 m/s takes 81.6 min: the zone floods at 141.6 min."""
    hack = [{"type": "cyber.compromise", "target": "gemaal", "at": 60}]
    record = run(polder_scenario([{"mm_per_h": 10}], injects=hack))
    expected = 60 + (0.4 - 3600 * 7.111111111111111 / 200_000) / (11.11111111111111 / 200_000) / 60
    assert kinds(record, "zone.flooded")[0][0] == pytest.approx(expected, rel=1e-12)


def test_rain_that_stops_in_time_floods_nothing():
    """Two hours of 10 mm/h, then 1 mm/h (less than the pumps): the level peaks at 2h and falls."""
    record = run(polder_scenario([{"mm_per_h": 10}, {"start": "2h", "mm_per_h": 1}]))
    assert kinds(record, "zone.flooded") == []
    assert record.peak_levels["polder"] == pytest.approx(-2.0 + 7200 * 7.111111111111111 / 200_000, rel=1e-12)


def generators(tank_b_h=5.5):
    """
    grid --power (generator)--> a (900 people, tank 8 h) and b (300 people, tank ``tank_b_h`` h)
    One tanker (size 1, 1 h per delivery) is sent to both at 4 h.
    """

    def hospital(name, population, hours):
        return {
            "id": name,
            "sector": "health",
            "population": population,
            "needs": [
                {
                    "type": "power",
                    "from": "grid",
                    "restart": "10min",
                    "fuel": {"tank_l": 100 * hours, "consumption_l_per_h": 100},
                }
            ],
        }

    assets = [{"id": "grid", "sector": "energy"}, hospital("a", 900, 8), hospital("b", 300, tank_b_h)]
    orgs = [{"id": "olie", "crews": [{"id": "tankwagen", "size": 1}]}]
    rules = [
        {
            "id": "tanken",
            "when": {"at": "4h"},
            "action": "refuel",
            "target": ["a", "b"],
            "crew": "olie/tankwagen",
            "duration": "1h",
        }
    ]
    return build(assets, [{"type": "outage", "target": "grid"}], orgs, rules=rules, duration="1d")


def test_two_generators_share_one_tanker():
    """The tanker serves a (more people) 4-5 h, then b 5-6 h. b's tank (5.5 h) runs dry at 5.5 h:
    b is down 5.5-6 h and restarts 10 min after the fuel arrives. a, filled up at 5 h, runs dry
    8 h later (13 h = 780 min); b, filled up at 6 h and running again from 6h10, after 5.5 h more
    (700 min): fuel burns only while the generator runs."""
    record = run(generators())
    assert [(t, a) for t, a in kinds(record, "fuel.delivered")] == [(300.0, "a"), (360.0, "b")]
    b_states = [(s.time_min, s.service) for s in record.states if s.asset == 2]
    assert b_states[:2] == [(330.0, 0.0), (370.0, 1.0)]
    failures = [(t, a) for t, a in kinds(record, "asset.failed") if a in ("a", "b")]
    assert failures == [(330.0, "b"), (370.0 + 330.0, "b"), (780.0, "a")]


def test_fuel_delivered_in_time_keeps_a_generator_running():
    """b's 7 h tank lasts until the tanker comes at 6 h: b never stops until that tank runs dry."""
    record = run(generators(tank_b_h=7))
    assert [(t, a) for t, a in kinds(record, "asset.failed") if a == "b"] == [(360.0 + 420.0, "b")]


def mobilization(rules=(), capacity=1000):
    """
    An online call reaching 30,000 people (logistic, growth 1 per hour, half the reach after 6 h),
    gathering at 12 h at the town square; 15 % turn up, arriving over 2 h; the police present can
    handle ``capacity`` people.
    """
    assets = [{"id": "plein", "sector": "population", "population": 0}]
    inject = {
        "type": "online.mobilization",
        "target": "plein",
        "reach": 30000,
        "growth_per_h": 1.0,
        "half_reach_after": "6h",
        "turnout": 0.15,
        "gathering_after": "12h",
        "arrival": "2h",
        "lasts": "4h",
        "police_capacity": capacity,
    }
    police = [{"id": "politie", "crews": [{"id": "me", "size": 2}]}]
    return build(assets, [inject], police, response={"reporting": {"delay": "10min"}}, rules=list(rules), duration="1d")


def expected_crowd(turnout=0.15, reach_at_gathering=None):
    reach = reach_at_gathering if reach_at_gathering is not None else 30000 / (1 + math.exp(-1.0 * (12 - 6)))
    return turnout * reach


def test_crowd_crosses_the_disturbance_threshold_at_the_computed_time():
    """Crowd c = 0.15 R(12 h); arriving linearly from 10 h: passes 1,000 at 600 + 120 x 1000 / c min."""
    record = run(mobilization())
    crowd = expected_crowd()
    assert kinds(record, "crowd.disturbance")[0][0] == pytest.approx(600 + 120 * 1000 / crowd, rel=1e-12)
    assert kinds(record, "crowd.gathering") == [(600.0, "plein")]
    assert kinds(record, "crowd.dispersed") == [(720.0 + 240, "plein")]


def test_an_emergency_ordinance_in_time_keeps_the_crowd_below_what_the_police_can_handle():
    rules = [{"id": "noodverordening", "when": {"at": "8h"}, "action": "ordinance", "factor": 0.2}]
    assert kinds(run(mobilization(rules)), "crowd.disturbance") == []


def test_counter_messaging_early_slows_the_reach():
    """Counter-messaging done at 4 h: the reach still to grow is cut to 10 %."""
    rules = [
        {"id": "tegenbericht", "when": {"at": "4h"}, "action": "counter_message", "target": "plein", "factor": 0.1}
    ]
    record = run(mobilization(rules))
    frozen = 30000 / (1 + math.exp(-1.0 * (4 - 6)))
    reach = frozen + (30000 / (1 + math.exp(-6)) - frozen) * 0.1
    assert expected_crowd(reach_at_gathering=reach) < 1000
    assert kinds(record, "crowd.disturbance") == []


def test_reinforcement_that_comes_late_does_not_prevent_the_disturbance_but_ends_it():
    rules = [
        {
            "id": "me",
            "when": {"at": "11h50min"},
            "action": "reinforce",
            "target": "plein",
            "capacity": 5000,
            "crew": "politie/me",
            "duration": "30min",
        }
    ]
    record = run(mobilization(rules))
    assert kinds(record, "crowd.disturbance")[0][0] == pytest.approx(600 + 120 * 1000 / expected_crowd(), rel=1e-12)
    assert kinds(record, "crowd.controlled") == [(740.0, "plein")]
    assert [(s.time_min, s.service) for s in record.states] == [
        (pytest.approx(600 + 120 * 1000 / expected_crowd()), 0.5),
        (740.0, 1.0),
    ]


def test_evacuating_a_zone_in_time_keeps_its_people_out_of_the_flood():
    """The polder floods at 187.5 min; evacuating the zone's neighbourhood at 2 h keeps its 1,200
    people out of ``population_flooded``; without it they count."""
    import simulator

    zones = [{"id": "laag", "basin": "polder", "ground_level_m": -1.6, "population": 1200, "assets": ["sub", "wijk"]}]
    wijk = [{"id": "wijk", "sector": "population", "population": 1200}]
    evacuate = [{"id": "evacuatie", "when": {"at": "2h"}, "action": "evacuate", "target": "wijk"}]
    late = simulator.simulate(polder_scenario([{"mm_per_h": 10}], zones=zones, extra_assets=wijk)).metrics
    early = simulator.simulate(
        polder_scenario([{"mm_per_h": 10}], zones=zones, extra_assets=wijk, rules=evacuate)
    ).metrics
    assert late["population_flooded"] == 1200 and early["population_flooded"] == 0


def test_a_registered_hazard_model_is_found_by_name_and_an_unknown_one_is_an_error():
    """The engine finds a hazard model's class through the plugin registry (entry points: tests/test_plugins.py)."""
    from simulator.engine import hazards
    from simulator.model import plugins

    class Meteor:
        def __init__(self, sim, spec, target, cause):
            pass

    plugins.register(plugins.HazardPlugin("meteor", None, Meteor))
    try:
        assert hazards.model_class("meteor") is Meteor
        assert hazards.model_class("polder").__name__ == "Polder"
        with pytest.raises(KeyError, match="comet"):
            hazards.model_class("comet")
    finally:
        plugins.unregister("rampsim.hazards", "meteor")
    with pytest.raises(KeyError):
        hazards.model_class("meteor")


def _dry_generator(grid_outage, litres=None):
    assets = [
        {"id": "grid", "sector": "energy"},
        {
            "id": "a",
            "sector": "health",
            "population": 900,
            "needs": [
                {
                    "type": "power",
                    "from": "grid",
                    "restart": "30min",
                    "fuel": {"tank_l": 200, "consumption_l_per_h": 100},
                }
            ],
        },
    ]
    rule = {
        "id": "t",
        "when": {"at": "3h"},
        "action": "refuel",
        "target": "a",
        "crew": "olie/tankwagen",
        "duration": "10min",
    }
    if litres is not None:
        rule["litres"] = litres
    return run(
        build(
            assets,
            [grid_outage],
            [{"id": "olie", "crews": [{"id": "tankwagen", "size": 1}]}],
            rules=[rule],
            duration="1d",
        )
    )


def test_a_refuelled_generator_comes_back_when_the_grid_returns_during_its_restart():
    """Dry at 120; fuel at 190 (restart 30 min: 220); the grid returns at 195: back at 225."""
    record = _dry_generator({"type": "outage", "target": "grid", "duration": "3h15min"})
    assert [(s.time_min, s.service) for s in record.states if s.asset == 1] == [(120.0, 0.0), (225.0, 1.0)]


def test_a_few_litres_do_not_revive_a_dry_generator_for_good():
    """5 litres = 3 minutes: it runs 220-223 and is dry again."""
    record = _dry_generator({"type": "outage", "target": "grid"}, litres=5)
    states = [(s.time_min, s.service) for s in record.states if s.asset == 1]
    assert states == [(120.0, 0.0), (220.0, 1.0), (pytest.approx(223.0), 0.0)]


def test_a_second_counter_message_never_raises_the_reach():
    one = [{"id": "c1", "when": {"at": "4h"}, "action": "counter_message", "target": "plein", "factor": 0.5}]
    two = one + [{"id": "c2", "when": {"at": "8h"}, "action": "counter_message", "target": "plein", "factor": 1.0}]
    first = kinds(run(mobilization(one, capacity=2500)), "crowd.disturbance")
    both = kinds(run(mobilization(two, capacity=2500)), "crowd.disturbance")
    assert first == both


def test_pumps_stop_at_the_target_level():
    """10 mm/h for 2 h, then 1 mm/h (less than the pumps): the level falls back to the target
    (-2.00 m NAP, the initial level) and holds there; it never drains below it."""
    record = run(polder_scenario([{"mm_per_h": 10}, {"start": "2h", "mm_per_h": 1}]))
    levels = record.levels["polder"]
    peak = -2.0 + 7200 * 7.111111111111111 / 200_000
    back = 120 + (peak + 2.0) / ((4.0 - 1.1111111111111112) / 200_000) / 60
    assert min(level for _, level in levels) >= -2.0 - 1e-9
    assert all(level == pytest.approx(-2.0) for t, level in levels if t >= back + 1e-6)


def test_a_basin_already_above_its_alarm_level_raises_the_alarm_at_once():
    basin = {"id": "haven", "area_m2": 500_000, "level_m": 0.5, "alarm_level_m": 0.2}
    record = run(lock_scenario(basin, {"level_m": 2.0}))
    assert [t for t, _ in kinds(record, "hazard.alarm_level")] == [0.0]


class _TooManyEvaluations(RuntimeError):
    pass


def test_the_integrator_does_not_stall_where_the_pumps_stop_at_the_target_level(monkeypatch):
    """Regression: replication 74 of ``SeedSequence(1).spawn(150)`` of sluis-havenstad reopens the
    gates at low tide with the basin at its target level; LSODA crawled there (steps of 4e-5 s,
    memory growing until the machine ran out). The run must finish within a generous budget of
    evaluations of dh/dt (it needs about 5,000; the stall had made millions)."""
    import numpy as np

    from simulator import load_scenario
    from simulator.engine import Simulation

    calls = [0]
    rate = Regime.rate

    def counted(self, t, h):
        calls[0] += 1
        if calls[0] > 500_000:
            raise _TooManyEvaluations
        return rate(self, t, h)

    monkeypatch.setattr(Regime, "rate", counted)
    scenario = load_scenario(ROOT / "scenarios" / "sluis-havenstad.yaml")
    record = Simulation(scenario, seed=np.random.SeedSequence(1).spawn(150)[74]).run()
    assert record.peak_levels["havenbekken"] >= scenario.graph.basins[0].level_m
