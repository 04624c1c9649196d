"""The table of event kinds: every logged kind is declared, the derived sets follow the table,
plugins can declare their kinds after import, and a kind declared twice differently is an error."""

from pathlib import Path

import pytest
from conftest import ROOT, build, run

import simulator
from simulator.analysis.eventtext import event_message
from simulator.engine import eventkinds
from simulator.engine.eventkinds import EVENT_KINDS, EventKind, UndeclaredEventKind, declare, kind
from simulator.engine.eventlog import EventLog

SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
_DERIVED = (
    "EVENT_KINDS",
    "VISIBILITY",
    "HEADLINES",
    "INCIDENT_FACTS",
    "VISIBLE_INCIDENTS",
    "CHANNEL_OF",
    "WATCH",
    "EXPECTED_ACTIONS",
    "STATUS_KINDS",
    "STATUS_KIND",
)


@pytest.fixture
def table():
    """The table as it was before the test: declarations made in the test are taken back."""
    saved = {name: getattr(eventkinds, name).copy() for name in _DERIVED}
    yield
    for name, content in saved.items():
        container = getattr(eventkinds, name)
        container.clear()
        container.update(content)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: Path(p).stem)
def test_every_kind_a_bundled_scenario_logs_is_declared(path):
    result = simulator.simulate(simulator.load_scenario(path))
    undeclared = set(result.events["kind"]) - set(EVENT_KINDS)
    assert not undeclared, f"{path.name}: undeclared kinds {sorted(undeclared)}"


def test_the_log_refuses_an_undeclared_kind_with_a_readable_error():
    log = EventLog()
    log.add(0.0, "asset.failed", 0)
    with pytest.raises(UndeclaredEventKind) as raised:
        log.add(1.0, "asset.exploded", 0)
    assert str(raised.value).startswith("event kind 'asset.exploded' is not declared")
    assert isinstance(raised.value, KeyError)
    assert len(log) == 1  # nothing half-logged


def test_an_engine_part_logging_an_undeclared_kind_fails_the_run(monkeypatch):
    """A typo in a kind the engine logs is caught by the log, not written to events.csv."""
    from simulator.engine import incidents

    scenario = build([{"id": "a", "sector": "energy"}], [{"type": "outage", "target": "a"}])
    original = incidents.IncidentHandlers.incident_event

    def misspelt(self, kind_, *args, **kwargs):
        return original(self, "outage.strat" if kind_ == "outage.start" else kind_, *args, **kwargs)

    monkeypatch.setattr(incidents.IncidentHandlers, "incident_event", misspelt)
    with pytest.raises(UndeclaredEventKind, match="outage.strat"):
        run(scenario)


def test_kind_looks_up_a_declared_kind_and_names_an_undeclared_one():
    assert kind("cyber.manipulated") == EVENT_KINDS["cyber.manipulated"]
    assert kind("cyber.manipulated").message == "event.cyber.manipulated"
    with pytest.raises(KeyError, match="'cyber.hacked' is not declared"):
        kind("cyber.hacked")


def test_a_plugin_declares_its_kinds_after_import_and_the_derived_sets_follow(table):
    new = EventKind("storm.warning", "hazard", "public", headline=True, message="event.hazard.rain")
    fact = EventKind("storm.hit", "incident", "visible", incident_fact=True, channel=None)
    declare(new, fact)
    assert kind("storm.warning") is new
    assert eventkinds.VISIBILITY["storm.warning"] == "public"
    assert "storm.warning" in eventkinds.HEADLINES and "storm.warning" not in eventkinds.INCIDENT_FACTS
    assert "storm.hit" in eventkinds.INCIDENT_FACTS and "storm.hit" in eventkinds.VISIBLE_INCIDENTS
    declare(
        EventKind("storm.warning", "hazard", "public", headline=True, message="event.hazard.rain")
    )  # the same again: fine
    log = EventLog()
    assert log.add(0.0, "storm.warning") == 1


def test_declaring_a_kind_again_with_another_meaning_is_an_error(table):
    with pytest.raises(ValueError, match="'asset.failed' is declared twice with different meanings"):
        declare(EventKind("asset.failed", "state", "stealthy", headline=True))
    assert EVENT_KINDS["asset.failed"].visibility == "visible"


@pytest.mark.parametrize(
    "fields, message",
    [
        (
            {"name": "x.y", "layer": "hazard", "visibility": "hidden"},
            "visibility must be one of visible, stealthy, own_work, public",
        ),
        ({"name": "x.y", "layer": "hazard", "visibility": "visible", "channel": "pigeon"}, "channel must be one of"),
        ({"name": "", "layer": "hazard", "visibility": "visible"}, "needs a name"),
        ({"name": "x.y", "layer": "", "visibility": "visible"}, "needs a layer"),
    ],
)
def test_a_kind_with_a_meaning_outside_the_vocabulary_is_refused(fields, message):
    with pytest.raises(ValueError, match=message):
        EventKind(**fields)


def test_the_derived_sets_come_from_the_table():
    """Spot checks of what the engine, the inject list and the reports read off the table."""
    assert eventkinds.STATUS_KIND == {
        "failed": "asset.failed",
        "degraded": "asset.degraded",
        "operational": "asset.operational",
    }
    assert eventkinds.CHANNEL_OF["report.received.flood"] == "report"
    assert eventkinds.CHANNEL_OF["detect.alarm"] == "alarm"
    assert eventkinds.VISIBLE_INCIDENTS == {
        "outage.start",
        "cyber.compromised",
        "cyber.encrypted",
        "cyber.ddos.start",
        "online.fraud.start",
        "hazard.start",
    }
    assert eventkinds.WATCH == {"cyber.manipulated"}
    for name, declared in EVENT_KINDS.items():
        assert (name in eventkinds.HEADLINES) == declared.headline
        assert (name in eventkinds.INCIDENT_FACTS) == declared.incident_fact
        assert eventkinds.VISIBILITY[name] == declared.visibility


def test_the_readme_lists_exactly_the_declared_kinds():
    """The ``kind`` row of the events.csv table in the README names every built-in kind, and no other."""
    import re

    row = next(
        line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `kind` |")
    )
    listed = set(re.findall(r"`([a-z_]+(?:\.[a-z_]+)+|inject)`", row))
    assert listed == set(EVENT_KINDS)


def test_a_message_of_an_undeclared_kind_is_the_kind_itself():
    """A run directory written with a plugin that is not installed now still reads."""
    assert event_message("plugin.thing", "A", {}, None, "en", basins={}) == "plugin.thing"


def test_a_basin_is_named_by_its_name_and_an_unknown_id_stays_the_id():
    """Issue 14: 'Peilalarm van havenbekken' — the engine logs the basin's id, the sentence names it."""
    from simulator.analysis.eventtext import event_message

    names = {"havenbekken": "Havenbekken"}
    alarm = {"basin": "havenbekken"}
    assert event_message("detect.alarm", "Zeesluis", alarm, None, "nl", basins=names) == (
        "Peilalarm van Havenbekken bij Zeesluis"
    )
    assert event_message("detect.alarm", "Zeesluis", alarm, None, "en", basins=names) == (
        "Level alarm of Havenbekken at Zeesluis"
    )
    opened = {"gates": "both", "basin": "havenbekken"}
    assert event_message("hazard.gates_opened", "Zeesluis", opened, None, "nl", basins=names) == (
        "De deuren van Zeesluis gaan open (beide deuren): water stroomt tussen buitenwater en Havenbekken"
    )
    # a basin without a name (or one the map does not know) keeps its id
    assert event_message("detect.alarm", "Zeesluis", alarm, None, "nl", basins={}) == (
        "Peilalarm van havenbekken bij Zeesluis"
    )


def test_the_log_shares_equal_params_and_tells_0_0_0_and_false_apart():
    """Equal params are logged as one dict (a large run repeats a few hundred of them); values of
    another type are not equal here (0, 0.0 and False encode differently), nor is another key order;
    a params dict with a value that cannot be hashed is kept as given."""
    log = EventLog()
    first, again = {"type": "power", "k": 1, "buffer": 0.0}, {"type": "power", "k": 1, "buffer": 0.0}
    for params in (first, again, {"type": "power", "k": 1, "buffer": 0}, {"type": "power", "k": 1, "buffer": False}):
        log.add(1.0, "need.unsatisfied", 3, params=params)
    log.add(2.0, "need.unsatisfied", 3, params={"k": 1, "type": "power", "buffer": 0.0})
    nested = {"chair": {"nl": "burgemeester"}}
    log.add(3.0, "grip.escalated", params=nested)
    log.add(3.0, "grip.escalated", params={"chair": {"nl": "burgemeester"}})
    shared = [e.params for e in log]
    assert shared[0] is first and shared[1] is first
    assert [shared[i] is first for i in (2, 3, 4)] == [False, False, False]
    assert [type(p["buffer"]) for p in shared[:4]] == [float, float, int, bool]
    assert shared[5] is nested and shared[6] is not nested and shared[6] == nested
    assert [e.id for e in log] == [1, 2, 3, 4, 5, 6, 7]
