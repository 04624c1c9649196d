"""The crisis organisation: awareness, call-out, escalation, playbook actions and deadlines.

Start of every scenario: Friday 15 January 2027 02:30 (night) unless a test says otherwise;
office hours Monday to Friday 08:00-17:00. Times are minutes after the start.
"""

from conftest import build, kinds, run

NET = [{"id": "net", "crews": [{"id": "monteurs", "size": 1, "callout": {"office": "30min", "outside": "1h30min"}}]}]
REPORTING = {"reporting": {"delay": "10min"}}


def known(record, kind):
    """(time, known_min) of events of ``kind``."""
    return [(e.time_min, record.known_min.get(e.id)) for e in record.events if e.kind == kind]


def substation(monitoring="none"):
    return {
        "id": "sub",
        "sector": "energy",
        "owner": "net",
        "monitoring": monitoring,
        "recovery": {"duration": "2h", "crew": "net/monteurs"},
    }


def test_visible_failure_reported_then_crew_called_out_at_night():
    """
    Outage at 0 (02:30 at night): a citizen calls after 10 min, so the failure is known at 10;
    the crew is called at 10 and arrives 1h30 later (outside office hours), at 100; the repair of
    2h ends at 220.
    """
    record = run(build([substation()], [{"type": "outage", "target": "sub"}], NET, response=REPORTING))
    assert known(record, "asset.failed") == [(0.0, 10.0)]
    assert kinds(record, "report.received") == [(10.0, "sub")]
    assert kinds(record, "repair.queued") == [(10.0, "sub")]
    assert kinds(record, "repair.started") == [(100.0, "sub")]
    assert kinds(record, "repair.done") == [(220.0, "sub")]


def test_same_failure_in_office_hours_gets_the_faster_crew():
    """Start on Friday 10:00 (office hours): call-out 30 min, so work starts at 40."""
    scenario = build(
        [substation()],
        [{"type": "outage", "target": "sub"}],
        NET,
        response=REPORTING,
        start="2027-01-15T10:00:00+01:00",
    )
    assert kinds(run(scenario), "repair.started") == [(40.0, "sub")]


def test_call_out_at_the_weekend_is_outside_office_hours():
    scenario = build(
        [substation()],
        [{"type": "outage", "target": "sub"}],
        NET,
        response=REPORTING,
        start="2027-01-16T10:00:00+01:00",
    )
    assert kinds(run(scenario), "repair.started") == [(100.0, "sub")]


def test_monitoring_detects_a_compromise_before_anyone_reports():
    """
    cyber.compromise (disrupt) at 0 on a monitored SCADA: monitoring detects at 5 (before the
    10-minute citizen report), the owner knows at 5 and the control room, told after the 15
    minute notify delay, at 20.
    """
    response = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}
    orgs = NET + [{"id": "vr"}]
    scenario = build(
        [substation(monitoring="5min")], [{"type": "cyber.compromise", "target": "sub"}], orgs, response=response
    )
    record = run(scenario)
    assert known(record, "cyber.compromised") == [(0.0, 5.0)]
    failed_id = next(e.id for e in record.events if e.kind == "asset.failed")
    learned = sorted((t, org) for t, org, event in record.knowledge if event == failed_id)
    assert learned == [(5.0, "net"), (20.0, "vr")]


def test_stealthy_manipulation_is_never_known_without_monitoring():
    record = run(
        build(
            [substation()],
            [{"type": "cyber.compromise", "target": "sub", "effect": "manipulate"}],
            NET,
            response=REPORTING,
        )
    )
    assert known(record, "cyber.manipulated") == [(0.0, None)]


def test_an_asset_known_to_be_manipulated_stays_watched_though_it_runs():
    """Manipulation at 0 found by monitoring at 30: the owner now watches the substation. An
    outage 100-160 and another 300-360 are known as they happen (not 10 min later by a report,
    as for an asset nobody watches), and nobody calls them in."""
    injects = [
        {"type": "cyber.compromise", "target": "sub", "effect": "manipulate", "detect": {"monitoring": "30min"}},
        {"type": "outage", "target": "sub", "at": "100min", "duration": "1h"},
        {"type": "outage", "target": "sub", "at": "300min", "duration": "1h"},
    ]
    record = run(build([substation()], injects, NET, response=REPORTING))
    assert known(record, "cyber.manipulated") == [(0.0, 30.0)]
    assert known(record, "asset.failed") == [(100.0, 100.0), (300.0, 300.0)]
    assert known(record, "asset.operational") == [(160.0, 160.0), (360.0, 360.0)]
    assert kinds(record, "report.received") == []


def test_inject_detect_overrides_asset_monitoring():
    inject = {"type": "cyber.compromise", "target": "sub", "effect": "exfiltrate", "detect": {"monitoring": "3h"}}
    record = run(build([substation(monitoring="5min")], [inject], NET, response=REPORTING))
    assert known(record, "cyber.exfiltrated") == [(0.0, 180.0)]


def test_ddos_on_112_stretches_the_report_of_another_failure():
    """
    112 is degraded to 0.25 by a DDoS from 0 to 6h. The substation fails at 30: the 10-minute
    call takes 10 / 0.25 = 40 minutes, so the failure is known at 70 instead of 40.
    """
    assets = [substation(), {"id": "p112", "sector": "emergency"}]
    injects = [
        {"type": "cyber.ddos", "target": "p112", "level": 0.25, "duration": "6h"},
        {"type": "outage", "target": "sub", "at": 30},
    ]
    response = {"reporting": {"delay": "10min", "channels": ["p112"]}}
    record = run(build(assets, injects, NET, response=response))
    sub_failed = [
        (e.time_min, record.known_min.get(e.id)) for e in record.events if e.kind == "asset.failed" and e.asset == 0
    ]
    assert sub_failed == [(30.0, 70.0)]


def test_calls_do_not_get_through_while_112_is_down():
    """112 down from 0 to 50: a failure at 5 is retried every 30 min: at 35 (still down), 65 (up): known at 75."""
    assets = [substation(), {"id": "p112", "sector": "emergency"}]
    injects = [{"type": "outage", "target": "p112", "duration": 50}, {"type": "outage", "target": "sub", "at": 5}]
    response = {"reporting": {"delay": "10min", "channels": ["p112"], "retry": "30min"}}
    record = run(build(assets, injects, NET, response=response))
    assert [
        (e.time_min, record.known_min.get(e.id)) for e in record.events if e.kind == "asset.failed" and e.asset == 0
    ] == [(5.0, 75.0)]


GRIP = {
    "name": "GRIP",
    "deescalate_after": "1h",
    "levels": [
        {"level": 1, "teams": [{"id": "copi", "assembly": "30min"}], "when": "known_incidents >= 1"},
        {
            "level": 2,
            "teams": [{"id": "rot", "assembly": {"office": "45min", "outside": "1h"}}],
            "when": "known_failed >= 2",
        },
        {"level": 3, "teams": [{"id": "gbt", "assembly": "1h"}], "when": "population_affected >= 1000"},
    ],
}


def test_grip_escalates_one_two_three_and_back_down():
    """
    a fails at 0 (known 10): GRIP 1. b fails at 60 (known 70): 2 known down: GRIP 2. The
    neighbourhood (1,000 people, needs b, buffer 1h) fails at 120 (known 130): GRIP 3. Outages end
    at 180 and 240; the neighbourhood restarts with b at 240 (known at once: watched). At 240
    population_affected is 0 and known_failed 0: after 1h (300) the response steps down to the
    highest level that still holds, GRIP 1 (an incident is known).
    """
    assets = [
        {"id": "a", "sector": "energy"},
        {"id": "b", "sector": "energy"},
        {
            "id": "wijk",
            "sector": "population",
            "population": 1000,
            "needs": [{"type": "power", "from": "b", "tolerance": "1h"}],
        },
    ]
    injects = [
        {"type": "outage", "target": "a", "duration": "3h"},
        {"type": "outage", "target": "b", "at": 60, "duration": "3h"},
    ]
    record = run(build(assets, injects, response={**REPORTING, "escalation": GRIP}, duration="1d"))
    escalations = [(e.time_min, e.kind, e.level) for e in record.events if e.kind.startswith("grip.")]
    assert escalations == [
        (10.0, "grip.escalated", 1.0),
        (70.0, "grip.escalated", 2.0),
        (130.0, "grip.escalated", 3.0),
        (300.0, "grip.deescalated", 1.0),
    ]
    assembled = [(e.time_min, e.ref) for e in record.events if e.kind == "team.assembled"]
    assert assembled == [(40.0, "copi"), (130.0, "rot"), (190.0, "gbt")]
    dismissed = sorted(e.ref for e in record.events if e.kind == "team.dismissed")
    assert dismissed == ["gbt", "rot"]


def test_levels_can_be_skipped():
    """Two failures known at the same instant: straight to GRIP 2 (with the CoPI as well)."""
    assets = [{"id": "a", "sector": "energy"}, {"id": "b", "sector": "energy"}]
    injects = [{"type": "outage", "target": "a"}, {"type": "outage", "target": "b"}]
    record = run(build(assets, injects, response={**REPORTING, "escalation": GRIP}))
    assert [(e.time_min, e.level) for e in record.events if e.kind == "grip.escalated"] == [(10.0, 2.0)]
    assert sorted(e.ref for e in record.events if e.kind == "team.assembled") == ["copi", "rot"]


POLICE = [{"id": "politie", "crews": [{"id": "team", "size": 1}]}]


def test_two_actions_compete_for_one_crew():
    """Two rules fire at 60 for one crew of one (called out then, at work at once): the higher
    priority works 60-90, the other 90-120."""
    rules = [
        {"id": "first", "when": {"at": "1h"}, "action": "inform_public", "crew": "politie/team", "duration": "30min"},
        {
            "id": "urgent",
            "when": {"at": "1h"},
            "action": "nl_alert",
            "crew": "politie/team",
            "duration": "30min",
            "priority": 5,
        },
    ]
    record = run(
        build(
            [{"id": "x", "sector": "government"}], [{"type": "outage", "target": "x", "at": "10h"}], POLICE, rules=rules
        )
    )
    started = [(e.time_min, e.ref) for e in record.events if e.kind == "action.started"]
    assert started == [(60.0, "urgent"), (90.0, "first")]


def test_priority_decides_among_waiting_actions():
    rules = [
        {"id": "busy", "when": {"at": "1h"}, "action": "inform_public", "crew": "politie/team", "duration": "30min"},
        {
            "id": "low",
            "when": {"at": "1h"},
            "action": "inform_public",
            "crew": "politie/team",
            "duration": "30min",
            "delay": 1,
        },
        {
            "id": "high",
            "when": {"at": "1h"},
            "action": "nl_alert",
            "crew": "politie/team",
            "duration": "30min",
            "priority": 5,
            "delay": 2,
        },
    ]
    record = run(
        build(
            [{"id": "x", "sector": "government"}], [{"type": "outage", "target": "x", "at": "10h"}], POLICE, rules=rules
        )
    )
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "action.started"] == [
        (60.0, "busy"),
        (90.0, "high"),
        (120.0, "low"),
    ]


def it_network():
    """ws1 -- server -- ws2 -- archive, all exposed; data needs with a long buffer."""
    return [
        {"id": "server", "sector": "ict", "exposure": "high", "backups": "offline"},
        {
            "id": "ws1",
            "sector": "government",
            "exposure": "high",
            "needs": [{"type": "data", "from": "server", "tolerance": "7d"}],
        },
        {
            "id": "ws2",
            "sector": "government",
            "exposure": "high",
            "needs": [{"type": "data", "from": "server", "tolerance": "7d"}],
        },
        {
            "id": "archive",
            "sector": "government",
            "exposure": "high",
            "backups": "none",
            "needs": [{"type": "data", "from": "ws2", "tolerance": "7d"}],
        },
    ]


RANSOM = {
    "type": "cyber.ransomware",
    "target": "ws1",
    "spread": {"probability": 1.0, "delay": "30min"},
    "restore": {"offline": "1d", "online": "10d", "none": "30d"},
}


def test_isolation_stops_ransomware_spread_at_a_known_time():
    """
    ws1 encrypted at 0 (known at 10 by report); rule: isolate the ICT network (the server and
    workstations) in 40 min, done at 50. The server was hit at 30 and ws2 would be at 60: the hop
    is cut. Every encrypted asset is isolated at 50: contained at 50.
    """
    rules = [
        {
            "id": "isoleer",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "isolate",
            "target": ["server", "ws1", "ws2"],
            "duration": "40min",
        }
    ]
    record = run(build(it_network(), [RANSOM], response=REPORTING, rules=rules))
    assert kinds(record, "cyber.encrypted") == [(0.0, "ws1"), (30.0, "server")]
    assert kinds(record, "cyber.contained") == [(50.0, "")]


def test_restore_from_offline_and_from_online_backups():
    """ws1 has online backups (10d), the server offline (1d); both restores start when known."""
    rules = [{"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore"}]
    injects = [dict(RANSOM, spread={"probability": 1.0, "delay": "30min"}, contain_after="45min")]
    record = run(build(it_network(), injects, response=REPORTING, rules=rules, duration="14d"))
    done = sorted(
        (e.time_min, record.scenario.graph.assets[e.asset].id) for e in record.events if e.kind == "action.done"
    )
    # ws1 known at 10 -> done at 10 + 10d; the server is encrypted at 30, its failure reported at 40 -> 40 + 1d
    assert done == [(40.0 + 1440, "server"), (10.0 + 14400, "ws1")]


def test_evidence_first_delays_the_restore_and_the_log_says_by_how_much():
    police = [{"id": "politie", "crews": [{"id": "cyber", "size": 1}]}]
    rules = [
        {
            "id": "bewijs",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "secure_evidence",
            "crew": "politie/cyber",
            "duration": "6h",
        },
        {"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore"},
    ]
    record = run(
        build(
            it_network()[:1],
            [dict(RANSOM, target="server", spread=None)],
            police,
            response=REPORTING,
            rules=rules,
            duration="3d",
        )
    )
    waited = [(e.time_min, e.params["minutes"]) for e in record.events if e.kind == "evidence.restore_waited"]
    assert waited == [(370.0, 360.0)]
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "action.done"] == [
        (370.0, "bewijs"),
        (370.0 + 1440, "herstel"),
    ]


def test_restore_first_loses_the_evidence():
    police = [{"id": "politie", "crews": [{"id": "cyber", "size": 1}]}]
    rules = [
        {
            "id": "bewijs",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "secure_evidence",
            "crew": "politie/cyber",
            "duration": "6h",
        },
        {"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore", "restore_first": True},
    ]
    record = run(
        build(
            it_network()[:1],
            [dict(RANSOM, target="server", spread=None)],
            police,
            response=REPORTING,
            rules=rules,
            duration="3d",
        )
    )
    assert kinds(record, "evidence.lost") == [(10.0, "server")]
    assert [e.time_min for e in record.events if e.kind == "action.done" and e.ref == "herstel"] == [10.0 + 1440]


def test_help_from_ncsc_shortens_later_restores():
    rules = [
        {
            "id": "hulp",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "ask_help",
            "duration": "2h",
            "factor": 0.5,
        },
        {"id": "herstel", "when": {"incident_known": "cyber.ransomware"}, "action": "restore", "delay": "3h"},
    ]
    record = run(
        build(
            it_network()[:1],
            [dict(RANSOM, target="server", spread=None)],
            response=REPORTING,
            rules=rules,
            duration="3d",
        )
    )
    assert [e.time_min for e in record.events if e.kind == "action.done" and e.ref == "herstel"] == [10.0 + 180 + 720]


DEADLINES = {"deadlines": [{"id": "avg", "name": "AVG-melding", "starts": "exfiltration", "within": "72h"}]}


def _breach(notify_after):
    response = {**REPORTING, **DEADLINES}
    rules = [
        {
            "id": "meld",
            "when": {"deadline_started": "avg"},
            "action": "notify",
            "deadline": "avg",
            "delay": notify_after,
        }
    ]
    inject = {"type": "cyber.compromise", "target": "sub", "effect": "exfiltrate", "detect": {"monitoring": "2h"}}
    return run(build([substation()], [inject], NET, response=response, rules=rules, duration="5d"))


def test_deadline_met():
    """Theft detected at 120: the 72h clock runs to 120 + 4320 = 4440; notified at 120 + 48h."""
    record = _breach("48h")
    clock = record.deadlines["avg/net"]
    assert (clock.started_min, clock.due_min, clock.done_min, clock.met) == (120.0, 4440.0, 3000.0, True)
    assert kinds(record, "deadline.met") == [(3000.0, "")]


def test_deadline_missed():
    record = _breach("80h")
    assert kinds(record, "deadline.missed") == [(4440.0, "")]
    assert record.deadlines["avg/net"].met is False


def test_manual_operation_brings_a_lock_back_at_the_fallback_level():
    """
    The lock's control system is disrupted at 0 (the lock fails: control need, no buffer); known
    at 10; the rule switches the lock to manual: the sluice crew sets up in 45 min: 55, level 0.5.
    """
    assets = [
        {"id": "scada", "sector": "waterways"},
        {
            "id": "lock",
            "sector": "waterways",
            "kind": "lock",
            "manual_fallback": {"level": 0.5, "setup": "45min", "crew": "rws/sluis"},
            "needs": [{"type": "control", "from": "scada"}],
        },
    ]
    rws = [{"id": "rws", "crews": [{"id": "sluis", "size": 1}]}]
    rules = [{"id": "hand", "when": {"asset_failed": {"kind": "lock"}}, "action": "manual"}]
    record = run(build(assets, [{"type": "cyber.compromise", "target": "scada"}], rws, response=REPORTING, rules=rules))
    lock = [(s.time_min, s.service, s.manual) for s in record.states if s.asset == 1]
    assert lock == [(0.0, 0.0, False), (55.0, 0.5, True)]


def test_ordinance_waits_for_the_municipal_policy_team():
    grip = {
        "name": "GRIP",
        "levels": [{"level": 3, "teams": [{"id": "gbt", "assembly": "1h"}], "when": "known_incidents >= 1"}],
    }
    rules = [{"id": "noodverordening", "when": {"at": 0}, "action": "ordinance", "duration": "30min"}]
    record = run(
        build(
            [{"id": "x", "sector": "government"}],
            [{"type": "outage", "target": "x"}],
            response={**REPORTING, "escalation": grip},
            rules=rules,
        )
    )
    assert [(e.time_min, e.kind) for e in record.events if e.ref == "noodverordening"] == [
        (0.0, "rule.fired"),
        (0.0, "action.waiting"),
        (70.0, "action.queued"),
        (70.0, "action.started"),
        (100.0, "action.done"),
    ]


def test_fraud_wave_degrades_the_phone_line_until_answered():
    assets = [{"id": "kcc", "sector": "government"}]
    injects = [
        {
            "type": "online.fraud",
            "target": "kcc",
            "level": 0.4,
            "at": 60,
            "load": {"crew": "politie/team", "duration": "4h"},
        }
    ]
    rules = [
        {
            "id": "tegenbericht",
            "when": {"incident_known": "online.fraud"},
            "action": "counter_message",
            "duration": "2h",
        }
    ]
    record = run(build(assets, injects, POLICE, response=REPORTING, rules=rules))
    assert [(s.time_min, s.service) for s in record.states] == [(60.0, 0.4), (190.0, 1.0)]
    assert kinds(record, "load.started") == [(60.0, "kcc")]


def test_threat_is_reported_by_the_official_and_protection_holds_a_crew():
    assets = [{"id": "stadhuis", "sector": "government"}]
    injects = [{"type": "online.threat", "target": "stadhuis", "official": "burgemeester", "duration": "2d"}]
    rules = [
        {"id": "beveiliging", "when": {"incident_known": "online.threat"}, "action": "protect", "crew": "politie/team"}
    ]
    record = run(build(assets, injects, POLICE, response=REPORTING, rules=rules, duration="3d"))
    assert [(e.time_min, e.kind) for e in record.events if e.ref == "beveiliging"] == [
        (10.0, "rule.fired"),
        (10.0, "action.queued"),
        (10.0, "action.started"),
        (10.0 + 2880, "action.done"),
    ]


def test_without_playbook_nobody_acts_but_owners_still_repair():
    record = run(
        build([substation()], [{"type": "outage", "target": "sub"}], NET, response={**REPORTING, "escalation": GRIP})
    )
    assert not [e for e in record.events if e.kind.startswith("action.")]
    assert kinds(record, "repair.done") == [(220.0, "sub")]


def test_a_rule_with_a_fixed_target_fires_once_per_incident():
    """Ransomware hits three assets; the isolation of the fixed list is queued once, not three times."""
    rules = [
        {
            "id": "isoleer",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "isolate",
            "target": ["server", "ws1"],
            "duration": "6h",
        }
    ]
    record = run(build(it_network(), [RANSOM], response=REPORTING, rules=rules))
    assert len(kinds(record, "cyber.encrypted")) >= 3
    assert sorted(a for _, a in kinds(record, "action.queued")) == ["server", "ws1"]


def test_if_guard_skips_the_action_when_the_situation_does_not_call_for_it():
    """NL-Alert only when people are affected: a failed server affects nobody, so it is skipped."""
    rules = [
        {
            "id": "nl-alert",
            "when": {"incident_known": "any"},
            "if": "population_affected >= 1000",
            "action": "nl_alert",
            "target": "x",
        }
    ]
    record = run(
        build([{"id": "x", "sector": "ict"}], [{"type": "outage", "target": "x"}], response=REPORTING, rules=rules)
    )
    assert kinds(record, "action.skipped") == [(10.0, "x")] and kinds(record, "action.queued") == []


def test_owner_filter_on_a_trigger():
    assets = [
        {"id": "a", "sector": "energy", "owner": "net", "kind": "substation"},
        {"id": "b", "sector": "energy", "owner": "other", "kind": "substation"},
    ]
    rules = [{"id": "r", "when": {"asset_failed": {"kind": "substation"}, "owner": "net"}, "action": "inform_public"}]
    record = run(
        build(
            assets,
            [{"type": "outage", "target": "a"}, {"type": "outage", "target": "b"}],
            NET + [{"id": "other"}],
            response=REPORTING,
            rules=rules,
        )
    )
    assert kinds(record, "action.queued") == [(10.0, "a")]


def test_monitoring_of_an_outage_when_the_inject_asks_for_it():
    """The grid operator's SCADA sees its own substation trip after 1 minute: known at 1, not 10."""
    inject = {"type": "outage", "target": "sub", "detect": {"monitoring": "1min"}}
    record = run(build([substation()], [inject], NET, response=REPORTING))
    assert known(record, "asset.failed") == [(0.0, 1.0)]


def test_nobody_reports_a_failure_that_is_over_before_the_call():
    record = run(
        build([substation()], [{"type": "outage", "target": "sub", "duration": "5min"}], NET, response=REPORTING)
    )
    assert known(record, "asset.failed") == [(0.0, None)] and kinds(record, "report.received") == []


def test_manual_operation_does_not_replace_lost_power():
    """A pumping station on manual still needs power: no power, no pumping."""
    assets = [
        {"id": "grid", "sector": "energy"},
        {
            "id": "gemaal",
            "sector": "water",
            "kind": "pumping_station",
            "manual_fallback": {"level": 0.8},
            "needs": [{"type": "power", "from": "grid"}],
        },
    ]
    rules = [{"id": "hand", "when": {"asset_failed": {"kind": "pumping_station"}}, "action": "manual"}]
    record = run(
        build(assets, [{"type": "outage", "target": "grid", "duration": "3h"}], response=REPORTING, rules=rules)
    )
    assert [(s.time_min, s.service) for s in record.states if s.asset == 1] == [(0.0, 0.0), (180.0, 1.0)]


def test_one_deadline_clock_per_affected_organisation_and_open_ones_are_undecided():
    orgs = NET + [{"id": "gemeente", "nis2": "essential"}, {"id": "kpn", "nis2": "essential"}]
    response = {**REPORTING, "deadlines": [{"id": "nis2", "starts": "significant_incident", "within": "24h"}]}
    assets = [{"id": "a", "sector": "ict", "owner": "gemeente"}, {"id": "b", "sector": "telecom", "owner": "kpn"}]
    injects = [{"type": "cyber.compromise", "target": "a"}, {"type": "cyber.compromise", "target": "b"}]
    rules = [
        {
            "id": "melden",
            "when": {"deadline_started": "nis2", "owner": "gemeente"},
            "action": "notify",
            "deadline": "nis2",
            "duration": "2h",
        }
    ]
    record = run(build(assets, injects, orgs, response=response, rules=rules, duration="12h"))
    assert sorted(record.deadlines) == ["nis2/gemeente", "nis2/kpn"]
    assert record.deadlines["nis2/gemeente"].met is True
    assert record.deadlines["nis2/kpn"].met is None  # still running at the end of the 12 hours


def test_escalation_reads_the_control_rooms_picture():
    """Monitoring tells the owner at 5; the control room hears at 20: GRIP 1 at 20, not 5."""
    grip = {"name": "GRIP", "levels": [{"level": 1, "when": "known_failed >= 1"}]}
    response = {"control_room": "vr", "reporting": {"delay": "1h", "notify": "15min"}, "escalation": grip}
    record = run(
        build(
            [substation(monitoring="5min")],
            [{"type": "cyber.compromise", "target": "sub"}],
            NET + [{"id": "vr"}],
            response=response,
        )
    )
    assert [e.time_min for e in record.events if e.kind == "grip.escalated"] == [20.0]


def test_the_events_table_keeps_service_and_grip_levels_in_their_own_columns(tmp_path):
    """The escalation of test_grip_escalates_one_two_three_and_back_down: GRIP 1, 2, 3, then 1 in ``grip``
    (no service level); the assets' events carry their service level in ``service`` (no GRIP
    level). A run directory written with the older single ``level`` column reads the same."""
    import simulator
    from simulator.analysis import Results

    assets = [
        {"id": "a", "sector": "energy"},
        {"id": "b", "sector": "energy"},
        {
            "id": "wijk",
            "sector": "population",
            "population": 1000,
            "needs": [{"type": "power", "from": "b", "tolerance": "1h"}],
        },
    ]
    injects = [
        {"type": "outage", "target": "a", "duration": "3h"},
        {"type": "outage", "target": "b", "at": 60, "duration": "3h"},
    ]
    result = simulator.simulate(build(assets, injects, response={**REPORTING, "escalation": GRIP}, duration="1d"))
    events = result.events
    grip = events[events["kind"].str.startswith("grip.")]
    assert grip["grip"].tolist() == [1, 2, 3, 1] and grip["service"].isna().all()
    failed = events[events["kind"] == "asset.failed"]
    assert failed["service"].tolist() == [0.0, 0.0, 0.0] and failed["grip"].isna().all()
    assert events.loc[~events["kind"].str.startswith("grip."), "grip"].isna().all()
    result.save(tmp_path / "run")
    assert Results.load(tmp_path / "run").events.equals(events)
    older = events.drop(columns=["grip"]).rename(columns={"service": "level"})
    older["level"] = events["service"].fillna(events["grip"].astype("Float64"))
    older.to_csv(tmp_path / "run" / "events.csv", index=False, lineterminator="\n")
    assert Results.load(tmp_path / "run").events.equals(events)
