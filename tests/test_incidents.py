"""Incidents: outage, compromise, ransomware spread, DDoS."""

from conftest import build, kinds, run, status_log


def network(exposure="medium"):
    """
    ws1 --data-- server --data-- ws2        (data needs on the workstations, supplier the server)
    """
    return [
        {"id": "server", "sector": "ict", "exposure": exposure, "backups": "offline"},
        {
            "id": "ws1",
            "sector": "government",
            "exposure": exposure,
            "needs": [{"type": "data", "from": "server", "tolerance": "1d"}],
        },
        {
            "id": "ws2",
            "sector": "government",
            "exposure": exposure,
            "needs": [{"type": "data", "from": "server", "tolerance": "1d"}],
        },
    ]


def ransomware(**extra):
    inject = {
        "type": "cyber.ransomware",
        "target": "ws1",
        "spread": {"probability": 1.0, "delay": "30min"},
        "restore": {"offline": "2d", "online": "20d", "none": "60d"},
    }
    inject.update(extra)
    return inject


RESTORE = [{"id": "restore", "when": {"incident_known": "cyber.ransomware"}, "action": "restore"}]


def test_ransomware_spreads_with_fixed_delays():
    """ws1 at 0, the server (its neighbour) at 30, ws2 (the server's neighbour) at 60."""
    record = run(build(network(), [ransomware()], duration="7d", rules=RESTORE))
    assert kinds(record, "cyber.encrypted") == [(0.0, "ws1"), (30.0, "server"), (60.0, "ws2")]
    # restore by backups (no crew named: the duration alone): server offline 2d, workstations online 20d
    assert kinds(record, "action.done") == [(30.0 + 2 * 1440, "server")]


def test_without_a_playbook_nobody_restores():
    record = run(build(network(), [ransomware()], duration="7d"))
    assert kinds(record, "action.done") == [] and kinds(record, "repair.done") == []
    assert [e for e in status_log(record) if e[2] == "operational"] == []


def test_ransomware_cause_chain_follows_the_hops():
    record = run(build(network(), [ransomware()]))
    encrypted = {record.scenario.graph.assets[e.asset].id: e for e in record.events if e.kind == "cyber.encrypted"}
    assert encrypted["ws2"].cause == encrypted["server"].id
    assert encrypted["server"].cause == encrypted["ws1"].id


def test_ransomware_contained_stops_further_hops():
    record = run(build(network(), [ransomware(contain_after="45min")]))
    assert kinds(record, "cyber.encrypted") == [(0.0, "ws1"), (30.0, "server")]
    assert kinds(record, "cyber.contained") == [(45.0, "")]


def test_ransomware_skips_unexposed_assets():
    assets = network()
    assets[0]["exposure"] = "none"
    record = run(build(assets, [ransomware()]))
    assert kinds(record, "cyber.encrypted") == [(0.0, "ws1")]


def test_ransomware_probability_zero_never_spreads():
    record = run(build(network(), [ransomware(spread={"probability": 0, "delay": "1min"})]))
    assert kinds(record, "cyber.encrypted") == [(0.0, "ws1")]


def test_ddos_degrades_for_its_duration():
    scenario = build(
        [{"id": "meldkamer", "sector": "emergency"}],
        [{"type": "cyber.ddos", "target": "meldkamer", "at": "1h", "level": 0.25, "duration": "3h30min"}],
    )
    record = run(scenario)
    assert [(s.time_min, s.service) for s in record.states] == [(60.0, 0.25), (270.0, 1.0)]


def test_compromise_disrupt_fails_and_needs_repair():
    scenario = build(
        [{"id": "scada", "sector": "waterways", "recovery": {"duration": "6h"}}],
        [{"type": "cyber.compromise", "target": "scada", "effect": "disrupt", "at": 10}],
    )
    assert status_log(run(scenario)) == [(10.0, "scada", "failed"), (370.0, "scada", "operational")]


def test_compromise_manipulate_and_exfiltrate_are_logged_without_service_effect():
    scenario = build(
        [{"id": "scada", "sector": "waterways"}],
        [
            {"type": "cyber.compromise", "target": "scada", "effect": "manipulate"},
            {"type": "cyber.compromise", "target": "scada", "effect": "exfiltrate", "at": 5},
        ],
    )
    record = run(scenario)
    assert record.states == []
    assert kinds(record, "cyber.manipulated") == [(0.0, "scada")]
    assert kinds(record, "cyber.exfiltrated") == [(5.0, "scada")]


def test_outage_with_random_duration_is_reproducible():
    scenario = build(
        [{"id": "a", "sector": "energy"}],
        [{"type": "outage", "target": "a", "at": "uniform(0, 2h)", "duration": "lognormal(median=1h, p90=4h)"}],
    )
    first, second, other = run(scenario, seed=3), run(scenario, seed=3), run(scenario, seed=4)
    assert first.events == second.events
    assert first.events != other.events
    assert 0 <= first.inject_times[0] <= 120
