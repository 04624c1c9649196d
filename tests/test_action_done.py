"""The playbook trigger ``action_done: RULE``: a rule fires when another rule's action is done,
at that minute (its own ``delay`` counts from there); on the trigger's asset, once per asset the
awaited action was done on. Times are minutes after the start (Friday 02:30, at night); crews
without a call-out time are at work at once.

The evidence chain of a ransomware attack on one server (known at 10 by a report):

    10 incident known --> aangifte (victim, 30) --> police inform the OM (20) --> OM order
       (decision 1 h, then 15) --> forensic images (6 h) --> restore (1 d), which waited since 10
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build, kinds, run
from test_bad_input import GRAPH, SCENARIO, assert_refused, edit, invoke, write_files

import simulator
from simulator.analysis.eventtext import event_message

REPORTING = {"reporting": {"delay": "10min"}}
ORGS = [
    {"id": "politie", "crews": [{"id": "team", "size": 1}, {"id": "cyber", "size": 1}]},
    {"id": "om", "crews": [{"id": "officier", "size": 1}]},
    {"id": "bedrijf", "crews": [{"id": "ciso", "size": 1}, {"id": "ot", "size": 1}]},
]
SERVER = {"id": "server", "sector": "ict", "owner": "bedrijf", "backups": "offline"}
RANSOM = {
    "type": "cyber.ransomware",
    "target": "server",
    "restore": {"offline": "1d", "online": "10d", "none": "30d"},
    "crew": "bedrijf/ot",
}


def started_done(record) -> list[tuple[str, float, str]]:
    return [
        (e.kind.split(".")[1], e.time_min, e.ref) for e in record.events if e.kind in ("action.started", "action.done")
    ]


def test_action_b_starts_at_a_done_plus_its_delay():
    """A (at 10, 20 min) is done at 30; B waits for A and decides 15 min: B fires at 30, starts
    at 45, done at 55. C waits for B without delay: starts at 55."""
    rules = [
        {"id": "a", "when": {"at": "10min"}, "action": "inform_public", "crew": "politie/team", "duration": "20min"},
        {
            "id": "b",
            "when": {"action_done": "a"},
            "action": "inform_public",
            "crew": "politie/team",
            "duration": "10min",
            "delay": "15min",
        },
        {"id": "c", "when": {"action_done": "b"}, "action": "nl_alert", "crew": "politie/team", "duration": "5min"},
    ]
    record = run(
        build(
            [{"id": "x", "sector": "government"}], [{"type": "outage", "target": "x", "at": "10h"}], ORGS, rules=rules
        )
    )
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "rule.fired"] == [
        (10.0, "a"),
        (30.0, "b"),
        (55.0, "c"),
    ]
    assert started_done(record) == [
        ("started", 10.0, "a"),
        ("done", 30.0, "a"),
        ("started", 45.0, "b"),
        ("done", 55.0, "b"),
        ("started", 55.0, "c"),
        ("done", 60.0, "c"),
    ]


def evidence_rules(restore_first: bool = False) -> list[dict]:
    return [
        {
            "id": "aangifte",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "report_crime",
            "crew": "bedrijf/ciso",
            "duration": "30min",
        },
        {
            "id": "om-informeren",
            "when": {"action_done": "aangifte"},
            "action": "inform_prosecutor",
            "crew": "politie/team",
            "duration": "20min",
        },
        {
            "id": "bevel",
            "when": {"action_done": "om-informeren"},
            "action": "order_seizure",
            "crew": "om/officier",
            "delay": "1h",
            "duration": "15min",
        },
        {
            "id": "bewijs",
            "when": {"action_done": "bevel"},
            "action": "secure_evidence",
            "crew": "politie/cyber",
            "duration": "6h",
        },
        {
            "id": "herstel",
            "when": {"incident_known": "cyber.ransomware"},
            "action": "restore",
            "restore_first": restore_first,
        },
    ]


def test_the_evidence_chain_on_the_asset_of_the_trigger():
    """Known at 10; aangifte 10-40; the OM informed 40-60; the officer decides for an hour and
    orders 120-135; images 135-495 (6 h). The restore asked at 10 waits 485 min and runs a day:
    done at 495 + 1440 = 1935. Every step acts on the server, the trigger's asset."""
    record = run(build([SERVER], [RANSOM], ORGS, response=REPORTING, rules=evidence_rules(), duration="3d"))
    assert started_done(record) == [
        ("started", 10.0, "aangifte"),
        ("done", 40.0, "aangifte"),
        ("started", 40.0, "om-informeren"),
        ("done", 60.0, "om-informeren"),
        ("started", 120.0, "bevel"),
        ("done", 135.0, "bevel"),
        ("started", 135.0, "bewijs"),
        ("done", 495.0, "bewijs"),
        ("started", 495.0, "herstel"),
        ("done", 1935.0, "herstel"),
    ]
    assert {e.asset for e in record.events if e.kind == "action.done"} == {0}
    assert kinds(record, "evidence.secured") == [(495.0, "server")]
    assert [(e.time_min, e.params["minutes"]) for e in record.events if e.kind == "evidence.restore_waited"] == [
        (495.0, 485.0)
    ]


def test_restore_first_does_not_wait_and_the_images_find_nothing():
    """The same chain, the restore at once (10-1450): evidence lost at 10; the images are still
    made 135-495, on a wiped system: no effect."""
    record = run(build([SERVER], [RANSOM], ORGS, response=REPORTING, rules=evidence_rules(True), duration="3d"))
    assert kinds(record, "evidence.lost") == [(10.0, "server")]
    assert kinds(record, "evidence.secured") == []
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "action.no_effect"] == [(495.0, "bewijs")]
    assert [e.time_min for e in record.events if e.kind == "action.done" and e.ref == "herstel"] == [1450.0]


def test_the_steps_read_as_timeline_lines_in_dutch_and_english():
    record = run(build([SERVER], [RANSOM], ORGS, response=REPORTING, rules=evidence_rules(), duration="3d"))
    lines = {
        lang: [
            event_message(e.kind, "server", e.params, e.level, lang, basins={})
            for e in record.events
            if e.kind == "action.done" and e.ref in ("aangifte", "om-informeren", "bevel")
        ]
        for lang in ("nl", "en")
    }
    assert lines["nl"] == [
        "Aangifte bij de politie (server): gereed",
        "Openbaar Ministerie informeren (server): gereed",
        "Bevel tot veiligstellen van bewijs (officier van justitie) (server): gereed",
    ]
    assert lines["en"] == [
        "Report the crime to the police (server): done",
        "Inform the public prosecutor (OM) (server): done",
        "Order to secure the evidence (public prosecutor) (server): done",
    ]


# --- bad input: file, line, field, exit 2; a rule that never acts: a warning ----------------------
PLAYBOOK = """\
rules:
  - id: herstel
    when: {asset_failed: {asset: stroom}}
    action: repair
    crew: netbeheerder/monteurs
  - id: melden
    when: {action_done: herstel}
    action: inform_public
"""
WITH_PLAYBOOK = edit(SCENARIO, "organisations: orgs.yaml\n", "organisations: orgs.yaml\nplaybook: draaiboek.yaml\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def files(playbook: str) -> dict:
    return {"scenario.yaml": WITH_PLAYBOOK, "draaiboek.yaml": playbook, "graph.yaml": GRAPH}


def test_a_valid_chain_validates_without_warnings(workdir):
    write_files(workdir, files(PLAYBOOK))
    result = invoke(["--lang", "en", "validate", "scenario.yaml"])
    assert result.exit_code == 0 and result.stderr == "", result.stderr


@pytest.mark.parametrize(
    ("old", "new", "en", "nl"),
    [
        (
            "{action_done: herstel}",
            "{action_done: herstell}",
            "draaiboek.yaml:7: rules[1].when.action_done: unknown rule 'herstell' (did you mean 'herstel'?)",
            "draaiboek.yaml:7: rules[1].when.action_done: onbekende regel 'herstell' (bedoelt u 'herstel'?)",
        ),
        (
            "{asset_failed: {asset: stroom}}",
            "{action_done: melden}",
            "draaiboek.yaml:3: rules[0].when.action_done: rules wait for each other's actions "
            "(herstel -> melden -> herstel): none of them ever fires",
            "draaiboek.yaml:3: rules[0].when.action_done: regels wachten op elkaars acties "
            "(herstel -> melden -> herstel): geen van hen gaat ooit af",
        ),
        (
            "{action_done: herstel}",
            "{action_done: melden}",
            "draaiboek.yaml:7: rules[1].when.action_done: rules wait for each other's actions "
            "(melden -> melden): none of them ever fires",
            "draaiboek.yaml:7: rules[1].when.action_done: regels wachten op elkaars acties "
            "(melden -> melden): geen van hen gaat ooit af",
        ),
    ],
)
def test_an_unknown_or_circular_action_done_is_refused(workdir, old, new, en, nl):
    write_files(workdir, files(edit(PLAYBOOK, old, new)))
    assert_refused(invoke(["--lang", "en", "validate", "scenario.yaml"]), en)
    assert_refused(invoke(["--lang", "nl", "run", "scenario.yaml", "--out", "out"]), nl)
    assert not (workdir / "out").exists()


def test_a_rule_on_the_trigger_after_an_action_without_asset_is_a_warning(workdir):
    """``melden`` informs the public (no asset); ``herstel-na`` repairs the trigger's asset after
    it: there is none, so it never acts. Exit 0, the warning at its line."""
    playbook = (
        PLAYBOOK + "  - {id: herstel-na, when: {action_done: melden}, action: repair, crew: netbeheerder/monteurs}\n"
    )
    write_files(workdir, files(playbook))
    result = invoke(["--lang", "en", "validate", "scenario.yaml"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "draaiboek.yaml:9: rules[2].when.action_done: warning: rule 'melden' acts on no asset (inform_public), "
        "so this rule has no trigger asset to act on: it never acts"
    ]
    scenario = simulator.load_scenario("scenario.yaml")
    assert [(w.line, w.key) for w in scenario.warnings] == [(9, "warn.done_no_asset")]


def test_once_per_asset_on_the_trigger_and_once_with_a_fixed_target():
    """Two servers encrypted at 0, both known at 10; one CISO does the two aangiftes in turn
    (10-40 and 40-70). The police inform the OM per server, each when its aangifte is done (40,
    70); a press statement after the aangiftes (fixed action without asset) fires once, at 40.
    With ``owner: politie`` (no server of theirs) the rule never fires."""
    second = dict(SERVER, id="server2")
    injects = [RANSOM, dict(RANSOM, target="server2")]
    rules = evidence_rules()[:2] + [
        {"id": "pers", "when": {"action_done": "aangifte"}, "action": "inform_public", "crew": "politie/team"},
        {
            "id": "niet-van-ons",
            "when": {"action_done": "aangifte", "owner": "politie"},
            "action": "inform_public",
            "crew": "politie/team",
        },
    ]
    record = run(build([SERVER, second], injects, ORGS, response=REPORTING, rules=rules, duration="1d"))
    ids = [a.id for a in record.scenario.graph.assets]
    fired = [(e.time_min, e.ref, ids[e.asset] if e.asset >= 0 else "") for e in record.events if e.kind == "rule.fired"]
    assert [f for f in fired if f[1] != "aangifte"] == [
        (40.0, "om-informeren", "server"),
        (40.0, "pers", "server"),
        (70.0, "om-informeren", "server2"),
    ]


def test_a_live_decision_with_a_rules_id_does_not_trigger_its_followers():
    """A player's decision ``a`` (an inform_public at 10, 20 min) is no rule ``a``: rule ``b``
    waits for the rule, which fires at 100 and is done at 120; b fires then, not at 30."""
    from simulator.engine import Simulation
    from simulator.model.decisions import Decision

    rules = [
        {"id": "a", "when": {"at": "100min"}, "action": "inform_public", "crew": "politie/team", "duration": "20min"},
        {"id": "b", "when": {"action_done": "a"}, "action": "nl_alert", "crew": "politie/team"},
    ]
    scenario = build(
        [{"id": "x", "sector": "government"}], [{"type": "outage", "target": "x", "at": "10h"}], ORGS, rules=rules
    )
    decision = Decision.model_validate(
        {"id": "a", "at": 10, "by": "politie", "action": "inform_public", "crew": "politie/team", "duration": "20min"}
    )
    record = Simulation(scenario, decisions=[decision]).run()
    assert [(e.time_min, e.ref) for e in record.events if e.kind == "action.done"] == [
        (30.0, "a"),
        (120.0, "a"),
        (120.0, "b"),
    ]
