"""Response files end to end: organisation changes, ladders, playbook checks, no playbook at all."""

import textwrap

import pytest
from click.testing import CliRunner
from conftest import ROOT

import simulator
from simulator.cli import cli

COMMON = ROOT / "scenarios" / "common"


def scenario_file(tmp_path, body: str):
    text = textwrap.dedent(
        f"""
        name: test
        graph: {ROOT / "infrastructure_graphs" / "havenstad.yaml"}
        organisations: {COMMON / "nl-crisisorganisatie.yaml"}
        start: 2027-01-15T02:30:00+01:00
        duration: 12h
        injects:
          - {{type: outage, target: onderstation-oost}}
        """
    ) + textwrap.dedent(body)
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def refused(path) -> str:
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(path)])
    assert result.exit_code == 2, result.output
    return getattr(result, "stderr", "") or result.output


@pytest.mark.parametrize(
    "rules, message",
    [
        (
            "- {id: r, when: {incident_known: cyber.ransomwar}, action: inform_public}",
            "'cyber.ransomwar' is not one of",
        ),
        # by kind alone it would be a warning (test_playbook_warnings.py); naming an asset id, an error
        (
            "- {id: r, when: {asset_failed: {asset: onderstation-oost, kind: lokc}}, action: manual}",
            "the graph has no asset 'onderstation-oost' of kind 'lokc'",
        ),
        ("- {id: r, when: {grip: 9}, action: nl_alert}", "'9' is not one of 1, 2, 3, 4, 5, 6"),
        ("- {id: r, when: {grip: 2, owner: nobody}, action: nl_alert}", "unknown organisation 'nobody'"),
        (
            "- {id: r, when: {grip: 2}, action: notify, deadline: avg-melding, crew: gemeente/privacy}",
            "triggered by deadline_started",
        ),
        (
            (
                "- {id: r, when: {deadline_started: avg-melding}, action: notify, deadline: nis2-melding,"
                " crew: gemeente/privacy}"
            ),
            "differs from the deadline",
        ),
        ("- {id: r, when: {deadline_started: avg-melding}, action: notify, deadline: avg-melding}", "needs someone"),
        ("- {id: r, when: {grip: 2}, if: 'people > 3', action: nl_alert}", "unknown name 'people'"),
    ],
)
def test_playbook_rules_that_could_never_work_are_refused(tmp_path, rules, message):
    path = scenario_file(tmp_path, "rules:\n" + textwrap.indent(rules, "  ") + "\n")
    assert message in refused(path)


def test_office_hours_must_start_before_they_end(tmp_path):
    assert "must start before they end" in refused(
        scenario_file(tmp_path, "office_hours: {start: '22:00', end: '06:00'}\n")
    )


def test_organisation_changes_and_partial_overrides(tmp_path):
    path = scenario_file(
        tmp_path,
        """
        organisation_changes:
          - {id: netbeheerder, crews: [{id: monteurs, size: 7}, {id: extra, callout: 10min}]}
          - {id: nieuw, name: Nieuwe partij}
        reporting: {channels: [kpn-112-platform]}
        office_hours: {start: '07:00'}
        """,
    )
    scenario = simulator.load_scenario(path)
    netbeheerder = next(o for o in scenario.organisations if o.id == "netbeheerder")
    crews = {c.id: c for c in netbeheerder.crews}
    assert crews["monteurs"].size == 7
    assert crews["extra"].callout.office.params == (10.0,)
    assert any(o.id == "nieuw" for o in scenario.organisations)
    # only the fields the scenario names change: the file's delay and notify stay
    assert scenario.response.reporting.channels == ("kpn-112-platform",)
    assert scenario.response.reporting.delay.kind == "lognormal"
    assert scenario.response.office_hours.start == 7 * 60 and scenario.response.office_hours.end == 17 * 60


def test_another_countrys_ladder_is_data(tmp_path):
    path = scenario_file(tmp_path, "ladder: " + str(COMMON / "ics-us.yaml") + "\n")
    result = simulator.simulate(path, lang="en")
    names = {lv.name for lv in simulator.load_scenario(path).response.ladder.levels}
    escalated = result.events[result.events["kind"] == "grip.escalated"]
    assert len(escalated) >= 1 and set(escalated["ref"]) <= names
    assert all("GRIP" not in name for name in names)


def test_a_scenario_without_playbook_runs_and_nobody_acts(tmp_path):
    path = scenario_file(tmp_path, "")
    out = tmp_path / "run"
    result = CliRunner().invoke(cli, ["--lang", "en", "run", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    events = simulator.Results.load(out).events
    assert not events["kind"].str.startswith("action.").any()
    assert (
        events["kind"].eq("grip.escalated").any() and events["kind"].eq("repair.started").any()
    )  # its own crew repairs; no playbook
