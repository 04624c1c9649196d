"""The inject list (MSEL): a burst of alike news from one sender is one call (inject_calls).

The scenario (Friday 15 January 2027, 02:30; reports take 10 min)::

    sub0 (net) --power--> wijk0 (Beestad), pump0 (gemeente)     sub0 fails at 0 min
    sub1 (net) --power--> wijk1 (Lageveen), pump1 (gemeente)    sub1..sub5 fail at 1, 2, 3, 4, 4 min
    ...                                                          sub6 fails at 6 min
    sub6 (net) --power--> wijk6 (Lageveen), pump6 (gemeente)

    10      the first 112 call (wijk0) and net's first report (sub0): a sender's first news is
            played at once, a row of its own
    11..14  callers report wijk1..wijk5: one burst of 112 calls (within 5 min of the first, 11),
            at 14, the last; "In 5 wijken is sinds ongeveer half drie de stroom uitgevallen"
            (02:31, the first of them, rounded)
    16      the caller of wijk6: 16 is not within 5 min of 11, a row of its own
    11..16  net's duty operator reports sub1..sub6 one by one: each is an outage (an incident,
            the attack's own target), never joined
    10      the municipality's duty operator: pump0, its first news, at once
    11..16  pump1..pump6 lost power (the cascade): one call within 15 min of 11, at 16
"""

from __future__ import annotations

import pytest
from conftest import build, run

from simulator.analysis import Results
from simulator.analysis.inject_calls import CALL_WINDOW_MIN, CALLER_WINDOW_MIN
from simulator.analysis.injects import derive_injects

FAILS_AT = (0, 1, 2, 3, 4, 4, 6)  # minutes: the outage of sub0..sub6
ORGS = [{"id": "net", "name": "Netbeheerder"}, {"id": "gemeente", "name": "Gemeente Lageveen"}, {"id": "vr"}]
RESPONSE = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}


def _scenario():
    assets = []
    for i in range(len(FAILS_AT)):
        assets.append({"id": f"sub{i}", "name": f"Station {i}", "sector": "energy", "owner": "net"})
        pump = {"id": f"pump{i}", "name": f"Rioolgemaal {i}", "sector": "water", "kind": "sewage_pump"}
        assets.append(
            pump | {"owner": "gemeente", "municipality": "Lageveen", "needs": [{"type": "power", "from": f"sub{i}"}]}
        )
        assets.append(
            {
                "id": f"wijk{i}",
                "name": f"Wijk {i}",
                "sector": "population",
                "kind": "neighbourhood",
                "municipality": "Beestad" if i == 0 else "Lageveen",
                "population": 1000,
                "needs": [{"type": "power", "from": f"sub{i}"}],
            }
        )
    injects = [{"type": "outage", "target": f"sub{i}", "at": f"{t}min"} for i, t in enumerate(FAILS_AT)]
    return build(assets, injects, ORGS, response=RESPONSE)


@pytest.fixture(scope="module")
def results():
    return Results.from_record(run(_scenario()))


def test_the_windows():
    assert (CALLER_WINDOW_MIN, CALL_WINDOW_MIN) == (5.0, 15.0)


@pytest.mark.parametrize(
    "lang, burst, single",
    [
        (
            "nl",
            "Bij de meldkamer komen veel 112-meldingen binnen uit Lageveen. "
            "In 5 wijken is sinds ongeveer half drie de stroom uitgevallen.",
            "Hallo, ik wil iets melden. In Wijk 6: sinds ongeveer vijf over half drie geen stroom. "
            "Kunt u iemand sturen?",
        ),
        (
            "en",
            "Many 112 calls are coming in to the control room from Lageveen. "
            "In 5 neighbourhoods the power has been out since about half past two.",
            "Hello, I want to report something. In Wijk 6: no power since about twenty-five to three. "
            "Can you send someone?",
        ),
    ],
)
def test_five_neighbourhoods_in_three_minutes_are_one_burst_the_first_and_the_sixth_rows_of_their_own(
    results, lang, burst, single
):
    injects = derive_injects(results, lang)
    callers = injects[injects["method"] == "phone_112"]
    assert callers["time_min"].tolist() == [10.0, 14.0, 16.0]
    assert callers.iloc[0]["assets"] == ("wijk0",)  # the first 112 call of the run: at once
    first, second = callers.iloc[1], callers.iloc[2]
    assert first["assets"] == ("wijk1", "wijk2", "wijk3", "wijk4", "wijk5")
    assert first["message"] == burst
    assert first["from"] == {"nl": "Melders via 112", "en": "Callers on 112"}[lang]
    assert second["assets"] == ("wijk6",)
    assert second["message"] == single
    # every event of the five calls is in the row: the report and the facts of each neighbourhood
    kinds = {results.events.set_index("id").loc[e, "asset"] for e in first["events"]}
    assert kinds == {"wijk1", "wijk2", "wijk3", "wijk4", "wijk5"}


def test_the_operators_outages_are_incidents_each_a_row_of_its_own(results):
    injects = derive_injects(results, "nl")
    rows = injects[injects["from"] == "Dienstdoende operator Netbeheerder"]
    assert rows["time_min"].tolist() == [10.0, 11.0, 12.0, 13.0, 14.0, 14.0, 16.0]
    assert [a for (a,) in rows["assets"]] == [f"sub{i}" for i in range(7)]
    assert injects["number"].tolist() == list(range(1, len(injects) + 1))
    assert injects["time_min"].is_monotonic_increasing


def test_the_municipalitys_pumps_of_a_quarter_of_an_hour_are_one_call_after_its_first_news(results):
    injects = derive_injects(results, "nl")
    rows = injects[injects["from"] == "Dienstdoende operator Gemeente Lageveen"]
    assert rows["time_min"].tolist() == [10.0, 16.0]
    assert rows["assets"].tolist() == [("pump0",), tuple(f"pump{i}" for i in range(1, 7))]
    assert rows.iloc[1]["message"] == (
        "Goedemorgen, u spreekt met de dienstdoende operator van Gemeente Lageveen. "
        "6 rioolgemalen in Lageveen hebben sinds ongeveer half drie geen stroom meer en liggen stil."
    )
    events = results.events.set_index("id")
    assert {events.loc[e, "asset"] for e in rows.iloc[1]["events"]} == {f"pump{i}" for i in range(1, 7)}


def test_the_150kv_cyberattack_has_180_rows_instead_of_435_and_every_event_stays_in_the_csv(monkeypatch):
    """Cyberaanval 150 kV (the scenario's seed): 435 awareness moments about the 400 shown assets (405
    in the region; degraded ones are shown before untouched ones), 180 rows now (at most
    ~150 was the aim: the rest is news spread over hours by some 25 senders, see README); the
    joined rows hold every event the separate ones held."""
    from conftest import ROOT

    from simulator import load_scenario, simulate
    from simulator.analysis import injects as module

    results = simulate(load_scenario(ROOT / "scenarios" / "regio" / "cyberaanval-150kv.yaml"), lang="nl")
    joined = derive_injects(results, "nl")
    monkeypatch.setattr(module, "join_calls", lambda run, planned: list(planned))
    separate = derive_injects(results, "nl")
    assert (len(separate), len(joined)) == (435, 180)
    assert (joined["from"] == "Melders via 112").sum() == 9
    held = sorted(e for events in joined["events"] for e in events)
    assert held == sorted(e for events in separate["events"] for e in events)
