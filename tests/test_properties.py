"""Invariants on random graphs and injects (hypothesis)."""

from conftest import build, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TOLERANCES = [0, 10, 30, 60, 240]
ORG = [{"id": "org", "crews": [{"id": "crew", "size": 1}]}]


@st.composite
def scenarios(draw):
    n = draw(st.integers(2, 12))
    ids = [f"a{i}" for i in range(n)]
    assets = []
    for asset_id in ids:
        asset = {
            "id": asset_id,
            "sector": draw(st.sampled_from(["energy", "telecom", "ict", "health", "population"])),
            "population": draw(st.integers(0, 1000)),
            "exposure": draw(st.sampled_from(["none", "low", "high"])),
            "backups": draw(st.sampled_from(["none", "online", "offline"])),
        }
        if draw(st.booleans()):
            crew = draw(st.sampled_from([None, "org/crew"]))
            asset["recovery"] = {
                "duration": draw(st.sampled_from(["30min", "2h", "uniform(1h, 3h)"])),
                **({"crew": crew} if crew else {}),
            }
        needs = []
        others = [o for o in ids if o != asset_id]
        for _ in range(draw(st.integers(0, 2))):
            suppliers = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True))
            needs.append(
                {
                    "type": draw(st.sampled_from(["power", "data", "telecom", "control"])),
                    "from": suppliers,
                    "need": draw(st.integers(1, len(suppliers))),
                    "tolerance": draw(st.sampled_from(TOLERANCES)),
                    "effect": draw(st.sampled_from(["fail", {"degrade": 0.5}])),
                    "restart": draw(st.sampled_from([0, 15])),
                    "refill": draw(st.booleans()),
                }
            )
        if needs:
            asset["needs"] = needs
        assets.append(asset)
    injects = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["outage", "outage_timed", "ddos", "ransomware", "disrupt"]))
        target = draw(st.sampled_from(ids))
        at = draw(st.sampled_from([0, 20, "uniform(0, 2h)"]))
        if kind == "outage":
            injects.append({"type": "outage", "target": target, "at": at})
        elif kind == "outage_timed":
            injects.append(
                {"type": "outage", "target": target, "at": at, "duration": draw(st.sampled_from(["45min", "3h"]))}
            )
        elif kind == "ddos":
            injects.append({"type": "cyber.ddos", "target": target, "at": at, "duration": "2h", "level": 0.3})
        elif kind == "ransomware":
            injects.append(
                {
                    "type": "cyber.ransomware",
                    "target": target,
                    "at": at,
                    "spread": {"probability": draw(st.sampled_from([0.5, 1.0])), "delay": "exponential(mean=30min)"},
                    "contain_after": "6h",
                    "restore": {"offline": "4h", "online": "1d", "none": "2d"},
                }
            )
        else:
            injects.append({"type": "cyber.compromise", "target": target, "at": at, "effect": "disrupt"})
    response, rules = {}, []
    if draw(st.booleans()):
        response = {
            "reporting": {
                "delay": draw(st.sampled_from([0, "10min", "exponential(mean=20min)"])),
                "channels": [draw(st.sampled_from(ids))],
            },
            "escalation": {
                "name": "GRIP",
                "deescalate_after": "1h",
                "levels": [
                    {"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": "known_failed >= 1"},
                    {
                        "level": 2,
                        "teams": [{"id": "gbt", "assembly": "1h"}],
                        "when": "known_failed >= 3 or population_affected >= 500",
                    },
                ],
            },
            "deadlines": [{"id": "avg", "starts": "exfiltration", "within": "72h"}],
        }
        actions = [
            "manual",
            "isolate",
            "restore",
            "repair",
            "inform_public",
            "ordinance",
            "ask_help",
            "secure_evidence",
            "evacuate",
        ]
        triggers = [{"incident_known": "any"}, {"asset_failed": {"sector": "energy"}}, {"grip": 1}, {"at": "2h"}]
        for n in range(draw(st.integers(0, 4))):
            rule = {
                "id": f"r{n}",
                "when": draw(st.sampled_from(triggers)),
                "action": draw(st.sampled_from(actions)),
                "crew": "org/crew",
                "duration": draw(st.sampled_from(["30min", "2h"])),
            }
            if rule["action"] == "ordinance" or rule["when"] == {"at": "2h"}:
                rule["target"] = draw(st.sampled_from(ids))
            rules.append(rule)
    return build(assets, injects, ORG, response=response, rules=rules, duration="4d")


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_service_levels_stay_in_unit_interval(scenario, seed):
    record = run(scenario, seed=seed)
    assert all(0.0 <= s.service <= 1.0 for s in record.states)
    assert all(e.level is None or 0.0 <= e.level <= 1.0 for e in record.events if not e.kind.startswith("grip."))


@PROPERTY
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_every_event_but_an_inject_has_a_cause_chain_ending_in_an_inject(scenario, seed):
    record = run(scenario, seed=seed)
    events = record.events
    for event in events:
        if event.kind == "inject" or (event.kind == "rule.fired" and event.cause == 0):
            continue  # an inject, or a rule timed from the start (`at`)
        assert 0 < event.cause < event.id
        root = event
        while root.cause:
            root = events[root.cause - 1]
        assert root.kind in ("inject", "rule.fired"), (event, root)
        if event.kind == "asset.failed" and root.kind != "inject":
            assert any(e.kind == "inject" for e in events[: event.id])


@PROPERTY
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_same_seed_same_events_and_time_moves_forward(scenario, seed):
    first, second = run(scenario, seed=seed), run(scenario, seed=seed)
    assert first.events == second.events
    assert first.states == second.states
    times = [e.time_min for e in first.events]
    assert times == sorted(times)
    assert all(t < scenario.duration_min for t in times)


@PROPERTY
@given(scenarios(), st.integers(0, 2**32 - 1))
def test_states_replay_to_the_final_service_levels(scenario, seed):
    from simulator.engine import Simulation

    sim = Simulation(scenario, seed=seed)
    record = sim.run()
    replayed = [1.0] * len(scenario.graph)
    manual = [False] * len(scenario.graph)
    for change in record.states:
        assert (change.service, change.manual) != (replayed[change.asset], manual[change.asset])  # only real changes
        replayed[change.asset] = change.service
        manual[change.asset] = change.manual
    assert replayed == sim.states.service
    # a consumer whose need is unsatisfied with an exhausted buffer is at or below the effect level
    for need in sim.needs.needs:
        if need.active and need.consumer not in sim.states._manual_level:
            assert sim.states.service[need.consumer] <= need.level
