"""Decisions of a live exercise: each kind's effect at an exact minute, and refusals with reasons.

Start: Friday 15 January 2027 02:30 (night, outside office hours). Times are minutes after it.

    sub (energy, net) --power--> wijk (1,000 people)

``sub`` has a manual fallback (level 0.5, set up in 30 min by net/wacht, call-out 1h at night)
and is repaired by net/monteurs (call-out 1h30 at night) in 2h. A citizen reports a visible
failure after 10 min.
"""

import pytest
from conftest import build, kinds

from simulator.engine import Simulation
from simulator.model.decisions import Decision
from simulator.model.decisions_loading import check_decisions

NET = {
    "id": "net",
    "crews": [
        {"id": "monteurs", "size": 1, "callout": {"office": "30min", "outside": "1h30min"}},
        {"id": "wacht", "size": 1, "callout": {"office": "15min", "outside": "1h"}},
    ],
}
ORGS = [NET, {"id": "vr"}, {"id": "gem", "crews": [{"id": "ict", "size": 1, "callout": "0min"}]}]
RESPONSE = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "0min"}}
LADDER = {
    "name": "GRIP",
    "deescalate_after": "1h",
    "levels": [
        {"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": "known_failed >= 5"},
        {"level": 3, "teams": [{"id": "gbt", "assembly": "1h"}], "when": "known_failed >= 9"},
    ],
}


def sub(**extra):
    return {
        "id": "sub",
        "sector": "energy",
        "owner": "net",
        "recovery": {"duration": "2h", "crew": "net/monteurs"},
        "manual_fallback": {"level": 0.5, "setup": "30min", "crew": "net/wacht"},
        **extra,
    }


WIJK = {
    "id": "wijk",
    "sector": "population",
    "owner": "gem",
    "population": 1000,
    "needs": [{"type": "power", "from": "sub"}],
}


def play(decisions, assets=None, injects=None, response=None, **spec):
    assets = assets or [sub(), WIJK]
    injects = injects if injects is not None else [{"type": "outage", "target": "sub"}]
    scenario = build(assets, injects, ORGS, response={**RESPONSE, **(response or {})}, **spec)
    parsed = [Decision.model_validate(d) for d in decisions]
    assert not check_decisions(tuple(parsed), scenario)
    return Simulation(scenario, decisions=parsed).run()


def outcomes(record):
    return [(d.at, decision_id, taken, reason) for d, decision_id, taken, reason in record.decisions]


SCADA = {"id": "scada", "sector": "ict", "owner": "net", "recovery": {"duration": "2h", "crew": "net/monteurs"}}


def controlled_sub():
    """scada --control--> sub: a control system outage stops sub, which can be run by hand."""
    return [SCADA, sub(needs=[{"type": "control", "from": "scada"}]), WIJK]


def test_manual_by_the_owner_sets_the_fallback_up_with_its_crew():
    """
    Outage of scada at 0: sub stops at once (no buffer), known at 10 by a citizen's report. net
    decides at 20: manual on sub with net/wacht, called out at 20 (1h at night), at work at 80,
    set up in 30 min: sub runs by hand (0.5) from 110, and wijk has power again then. scada's
    repair (net/monteurs, called at 10, at work at 100, 2h) is done at 220: sub works normally.
    """
    decisions = [{"at": 20, "by": "net", "action": "manual", "target": "sub", "crew": "net/wacht"}]
    record = play(decisions, assets=controlled_sub(), injects=[{"type": "outage", "target": "scada"}])
    assert outcomes(record) == [(20.0, "decision-1", True, "")]
    assert kinds(record, "decision.taken") == [(20.0, "sub")]
    assert kinds(record, "action.started") == [(80.0, "sub")]
    manual = [(s.time_min, s.service, s.manual) for s in record.states if s.asset == 1]
    assert manual == [(0.0, 0.0, False), (110.0, 0.5, True), (220.0, 1.0, False)]
    wijk = [(s.time_min, s.service) for s in record.states if s.asset == 2]
    assert wijk == [(0.0, 0.0), (110.0, 1.0)]


def test_the_manual_default_crew_is_the_fallbacks():
    record = play(
        [{"at": 20, "by": "net", "action": "manual", "target": "sub"}],
        assets=controlled_sub(),
        injects=[{"type": "outage", "target": "scada"}],
    )
    assert kinds(record, "action.started") == [(80.0, "sub")]  # net/wacht: 1h call-out from 20


def test_a_decision_on_a_target_nobody_knows_of_is_refused():
    """The failure becomes known at 10: a repair decided at 5 is refused (nothing known of sub)."""
    record = play([{"at": 5, "by": "net", "action": "repair", "target": "sub", "crew": "net/wacht"}])
    assert outcomes(record) == [(5.0, "decision-1", False, "target_unknown")]
    assert kinds(record, "decision.refused") == [(5.0, "sub")]


def test_a_busy_crew_refuses_the_decision():
    """net/monteurs has the repair since 10 (queued, called out): a decision for it at 20 is refused;
    the same decision with net/wacht is taken."""
    record = play(
        [
            {"at": 20, "by": "net", "action": "repair", "target": "sub", "crew": "net/monteurs"},
            {"at": 20, "by": "net", "action": "repair", "target": "sub", "crew": "net/wacht"},
        ]
    )
    assert outcomes(record) == [(20.0, "decision-1", False, "crew_busy"), (20.0, "decision-2", True, "")]
    # net/wacht at work at 80, repairs in the rule's duration (none given: at once)
    assert [(s.time_min, s.service) for s in record.states if s.asset == 0] == [(0.0, 0.0), (80.0, 1.0)]


def test_an_organisation_may_not_act_on_another_organisations_asset():
    record = play([{"at": 20, "by": "gem", "action": "manual", "target": "sub", "crew": "net/wacht"}])
    assert outcomes(record) == [(20.0, "decision-1", False, "not_permitted")]


def test_an_organisation_may_not_command_another_organisations_crew():
    record = play([{"at": 20, "by": "net", "action": "manual", "target": "sub", "crew": "gem/ict"}])
    assert outcomes(record) == [(20.0, "decision-1", False, "not_permitted")]


def test_a_team_not_yet_assembled_cannot_decide():
    """vr (the control room) sets GRIP 1 at 10: the CoPI assembles at 40. A CoPI decision at 30 is
    refused; one at 40 comes before the assembly of that same minute (decisions first), refused
    too; at 41 it is taken. The decided level holds: the ladder's condition (5 known failures)
    never holds, yet there is no step down."""
    record = play(
        [
            {"at": 10, "by": "vr", "action": "grip", "level": 1},
            {"at": 30, "by": "copi", "action": "inform_public"},
            {"at": 40, "by": "copi", "action": "inform_public"},
            {"at": 41, "by": "copi", "action": "inform_public"},
        ],
        response={"escalation": LADDER},
    )
    assert [o[2:] for o in outcomes(record)] == [
        (True, ""),
        (False, "team_not_assembled"),
        (False, "team_not_assembled"),
        (True, ""),
    ]
    assert [(e.time_min, e.kind, e.level) for e in record.events if e.kind.startswith("grip.")] == [
        (10.0, "grip.escalated", 1.0)
    ]
    assert kinds(record, "team.assembled") == [(40.0, "")]


def test_grip_down_by_decision_dismisses_the_teams():
    """Up to GRIP 3 at 10 (CoPI at 40, GBT at 70), back to 1 at 100: the GBT is dismissed."""
    record = play(
        [{"at": 10, "by": "vr", "action": "grip", "level": 3}, {"at": 100, "by": "vr", "action": "grip", "level": 1}],
        response={"escalation": LADDER},
    )
    grip = [(e.time_min, e.kind, e.level) for e in record.events if e.kind.startswith("grip.")]
    assert grip == [(10.0, "grip.escalated", 3.0), (100.0, "grip.deescalated", 1.0)]
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "team.dismissed"] == [(100.0, "gbt")]


def test_an_organisation_may_not_set_grip_but_the_control_room_may():
    record = play(
        [{"at": 10, "by": "net", "action": "grip", "level": 1}, {"at": 10, "by": "vr", "action": "grip", "level": 1}],
        response={"escalation": LADDER},
    )
    assert [o[2:] for o in outcomes(record)] == [(False, "not_permitted"), (True, "")]


def test_the_same_level_again_is_nothing_to_do():
    record = play(
        [{"at": 10, "by": "vr", "action": "grip", "level": 1}, {"at": 50, "by": "copi", "action": "grip", "level": 1}],
        response={"escalation": LADDER},
    )
    assert [o[2:] for o in outcomes(record)] == [(True, ""), (False, "nothing_to_do")]


def test_an_ordinance_needs_the_gbt_assembled():
    """GRIP 1 at 10 (CoPI at 40). An ordinance by the CoPI at 50: the GBT is not assembled:
    refused. GRIP 3 at 50: the GBT assembles at 110; the CoPI's ordinance at 111 is taken (no
    duration: done at once)."""
    record = play(
        [
            {"at": 10, "by": "vr", "action": "grip", "level": 1},
            {"at": 50, "by": "copi", "action": "ordinance"},
            {"at": 50, "by": "vr", "action": "grip", "level": 3},
            {"at": 111, "by": "copi", "action": "ordinance"},
        ],
        response={"escalation": LADDER},
    )
    assert [o[2:] for o in outcomes(record)] == [(True, ""), (False, "needs_team"), (True, ""), (True, "")]
    assert kinds(record, "action.done")[-1] == (111.0, "")


def test_call_crew_lets_a_second_repair_start_when_the_extra_people_arrive():
    """Two outages at 0 (known at 10), one crew of one: repairs of a (2,000 people) 100-220 and b
    (1,000) 220-340. net calls in one extra at 20: at work after the night call-out of 1h30, at
    110; b's repair starts then and is done at 230."""
    assets = [
        {"id": "a", "sector": "energy", "owner": "net", "recovery": {"duration": "2h", "crew": "net/monteurs"}},
        {"id": "b", "sector": "energy", "owner": "net", "recovery": {"duration": "2h", "crew": "net/monteurs"}},
        {"id": "wa", "sector": "population", "population": 2000, "needs": [{"type": "power", "from": "a"}]},
        {"id": "wb", "sector": "population", "population": 1000, "needs": [{"type": "power", "from": "b"}]},
    ]
    injects = [{"type": "outage", "target": "a"}, {"type": "outage", "target": "b"}]
    without = play([], assets=assets, injects=injects)
    assert kinds(without, "repair.done") == [(220.0, "a"), (340.0, "b")]
    record = play(
        [{"at": 20, "by": "net", "action": "call_crew", "crew": "net/monteurs", "size": 1}],
        assets=assets,
        injects=injects,
    )
    assert kinds(record, "crew.extra_called") == [(20.0, "")]
    assert kinds(record, "crew.extra_arrived") == [(110.0, "")]
    assert kinds(record, "repair.started") == [(100.0, "a"), (110.0, "b")]
    assert kinds(record, "repair.done") == [(220.0, "a"), (230.0, "b")]


DEADLINES = {"deadlines": [{"id": "avg", "name": "AVG-melding", "starts": "exfiltration", "within": "72h"}]}
THEFT = [{"type": "cyber.compromise", "target": "server", "effect": "exfiltrate", "detect": {"monitoring": "1h"}}]
SERVER = [{"id": "server", "sector": "ict", "owner": "gem"}]


def test_notify_meets_the_deadline_and_without_it_the_deadline_is_missed():
    """Theft known at 60: the 72h clock is due at 60 + 4,320 = 4,380. gem notifies at 120 in 30 min
    (no crew): met at 150. Without the decision the clock is missed at 4,380."""
    record = play(
        [{"at": 120, "by": "gem", "action": "notify", "deadline": "avg", "duration": "30min"}],
        assets=SERVER,
        injects=THEFT,
        response=DEADLINES,
        duration="4d",
    )
    assert kinds(record, "deadline.met") == [(150.0, "")]
    assert record.deadlines["avg/gem"].met is True
    missed = play([], assets=SERVER, injects=THEFT, response=DEADLINES, duration="4d")
    assert kinds(missed, "deadline.missed") == [(4380.0, "")]


def test_notify_before_the_clock_runs_is_nothing_to_do():
    record = play(
        [{"at": 30, "by": "gem", "action": "notify", "deadline": "avg"}],
        assets=SERVER,
        injects=THEFT,
        response=DEADLINES,
    )
    assert outcomes(record) == [(30.0, "decision-1", False, "nothing_to_do")]


def test_restore_of_an_asset_that_is_not_encrypted_is_nothing_to_do():
    record = play([{"at": 20, "by": "net", "action": "restore", "target": "sub"}])
    assert outcomes(record) == [(20.0, "decision-1", False, "nothing_to_do")]


def test_an_ad_hoc_inject_hits_at_its_minute_and_joins_the_injects():
    """Exercise control cuts sub at 30 for 1h (the scenario's own inject is elsewhere): sub is down
    30-90; the ad-hoc inject is the scenario's second inject, at 30."""
    decisions = [
        {
            "at": 30,
            "by": "exercise-control",
            "action": "inject",
            "inject": {"type": "outage", "target": "sub", "duration": "1h"},
        }
    ]
    record = play(decisions, injects=[{"type": "outage", "target": "wijk", "duration": "1min"}])
    assert kinds(record, "inject")[-1] == (30.0, "sub")
    assert [(s.time_min, s.service) for s in record.states if s.asset == 0] == [(30.0, 0.0), (90.0, 1.0)]
    assert record.scenario.inject_id(1) == "inject-2" and record.inject_times == (0.0, 30.0)


def test_evacuate_by_a_team_takes_the_people_out_of_the_count():
    """GRIP 1 at 10 (CoPI at 40); the CoPI evacuates wijk at 60 in 1h: evacuated at 120."""
    record = play(
        [
            {"at": 10, "by": "vr", "action": "grip", "level": 1},
            {"at": 60, "by": "copi", "action": "evacuate", "target": "wijk", "duration": "1h"},
        ],
        response={"escalation": LADDER},
    )
    assert record.evacuated == {1: 120.0}


def test_a_decision_comes_before_everything_else_of_its_minute():
    """An inject at 20 and a decision at 20: the decision's event is logged first."""
    record = play(
        [{"at": 20, "by": "gem", "action": "inform_public"}], injects=[{"type": "outage", "target": "sub", "at": 20}]
    )
    order = [e.kind for e in record.events if e.time_min == 20.0][:2]
    assert order == ["decision.taken", "action.queued"]
    assert [e.kind for e in record.events if e.time_min == 20.0].index("inject") > 0


def test_decisions_of_one_minute_are_applied_in_file_order():
    record = play(
        [
            {"at": 20, "by": "gem", "action": "inform_public", "id": "b"},
            {"at": 20, "by": "gem", "action": "ask_help", "id": "a"},
        ]
    )
    assert [e.ref for e in record.events if e.kind == "decision.taken"] == ["b", "a"]


@pytest.mark.parametrize(
    ("decision", "key"),
    [
        ({"at": 1, "by": "net", "action": "manual"}, "value.decision_target_needed"),
        ({"at": 1, "by": "vr", "action": "grip"}, "value.decision_level_needed"),
        ({"at": 1, "by": "net", "action": "call_crew"}, "value.decision_crew_needed"),
        ({"at": 1, "by": "net", "action": "notify"}, "value.decision_deadline_needed"),
        ({"at": 1, "by": "net", "action": "inject"}, "value.decision_inject_field"),
        (
            {"at": 1, "by": "net", "action": "inject", "inject": {"type": "outage", "target": "sub"}},
            "value.decision_inject_by",
        ),
    ],
)
def test_a_decision_without_the_fields_its_action_needs_is_refused_at_load(decision, key):
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as raised:
        Decision.model_validate(decision)
    assert raised.value.errors()[0]["type"] == key


def test_references_the_scenario_lacks_are_load_errors_all_at_once():
    scenario = build(
        [sub(), WIJK], [{"type": "outage", "target": "sub"}], ORGS, response={**RESPONSE, "escalation": LADDER}
    )
    decisions = tuple(
        Decision.model_validate(d)
        for d in [
            {"at": 10, "by": "nobody", "action": "inform_public"},
            {"at": 10, "by": "net", "action": "manual", "target": "subb", "crew": "net/nope"},
            {"at": 10, "by": "vr", "action": "grip", "level": 2},
            {"at": 3000, "by": "vr", "action": "grip", "level": 1},
        ]
    )
    problems = [(p.loc, p.key) for p in check_decisions(decisions, scenario)]
    assert problems == [
        (("decisions", 0, "by"), "value.decision_unknown_by"),
        (("decisions", 1, "target"), "ref.unknown_asset"),
        (("decisions", 1, "crew"), "ref.unknown_crew"),
        (("decisions", 2, "level"), "value.decision_unknown_level"),
        (("decisions", 3, "at"), "value.decision_after_end"),
    ]
