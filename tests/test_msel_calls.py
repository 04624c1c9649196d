"""The inject list (MSEL): a burst of alike news from one sender is one call (inject_calls).

The scenario (Friday 15 January 2027, 02:30; reports take 10 min)::

    sub1 (net) --power--> wijk1 (Lageveen)      sub1..sub5 fail at 0, 1, 2, 3, 3 min
    ...                                          sub6 fails at 5 min
    sub6 (net) --power--> wijk6 (Lageveen)

    10..13  callers report wijk1..wijk5: one burst of 112 calls (within 5 min of the first),
            at 13, the last; "In 5 wijken is sinds half drie de stroom uitgevallen"
    15      the caller of wijk6: 15 is not within 5 min of 10, a row of its own
    10..15  net's duty operator reports sub1..sub6: one call (within 15 min), at 15
"""

from __future__ import annotations

import pytest
from conftest import build, run

from simulator.analysis import Results
from simulator.analysis.inject_calls import CALL_WINDOW_MIN, CALLER_WINDOW_MIN
from simulator.analysis.injects import derive_injects

FAILS_AT = (0, 1, 2, 3, 3, 5)  # minutes: the outage of sub1..sub6
ORGS = [{"id": "net", "name": "Netbeheerder"}, {"id": "vr"}]
RESPONSE = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}


def _scenario():
    assets = []
    for i in range(1, len(FAILS_AT) + 1):
        assets.append({"id": f"sub{i}", "name": f"Station {i}", "sector": "energy", "owner": "net"})
        assets.append(
            {
                "id": f"wijk{i}",
                "name": f"Wijk {i}",
                "sector": "population",
                "kind": "neighbourhood",
                "municipality": "Lageveen",
                "population": 1000,
                "needs": [{"type": "power", "from": f"sub{i}"}],
            }
        )
    injects = [{"type": "outage", "target": f"sub{i}", "at": f"{t}min"} for i, t in enumerate(FAILS_AT, start=1)]
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
            "In 5 wijken is sinds half drie de stroom uitgevallen.",
            "Hallo, ik wil iets melden. In Wijk 6: sinds vijf over half drie geen stroom. Kunt u iemand sturen?",
        ),
        (
            "en",
            "Many 112 calls are coming in to the control room from Lageveen. "
            "In 5 neighbourhoods the power has been out since half past two.",
            "Hello, I want to report something. In Wijk 6: no power since twenty-five to three. Can you send someone?",
        ),
    ],
)
def test_five_neighbourhoods_in_four_minutes_are_one_burst_the_sixth_its_own_row(results, lang, burst, single):
    injects = derive_injects(results, lang)
    callers = injects[injects["method"] == "phone_112"]
    assert callers["time_min"].tolist() == [13.0, 15.0]
    first, second = callers.iloc[0], callers.iloc[1]
    assert first["assets"] == ("wijk1", "wijk2", "wijk3", "wijk4", "wijk5")
    assert first["message"] == burst
    assert first["from"] == {"nl": "Melders via 112", "en": "Callers on 112"}[lang]
    assert second["assets"] == ("wijk6",)
    assert second["message"] == single
    # every event of the five calls is in the row: the report and the facts of each neighbourhood
    kinds = {results.events.set_index("id").loc[e, "asset"] for e in first["events"]}
    assert kinds == {"wijk1", "wijk2", "wijk3", "wijk4", "wijk5"}


def test_the_operator_reports_its_six_stations_of_a_quarter_of_an_hour_in_one_call(results):
    injects = derive_injects(results, "nl")
    rows = injects[injects["method"] == "direct_line"]
    assert rows["time_min"].tolist() == [15.0]
    row = rows.iloc[0]
    assert row["assets"] == ("sub1", "sub2", "sub3", "sub4", "sub5", "sub6")
    assert row["message"].endswith(" 6 installaties liggen sinds half drie plat.")
    assert injects["number"].tolist() == list(range(1, len(injects) + 1))
    assert injects["time_min"].is_monotonic_increasing
