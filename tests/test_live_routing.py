"""The live server delivers an MSEL row to the party its ``to_id`` names, not by the row's display text."""

from __future__ import annotations

from simulator.analysis.exercise import Party
from simulator.report.live.views import forecast_view, match_party

PARTIES = [
    Party("copi", "CoPI", "team", "vr"),
    Party("rot", "ROT", "team", "vr"),
    Party("vr", "Veiligheidsregio", "organisation", "vr"),
    Party("gem", "Gemeente Test", "organisation", "gem"),
]


def test_a_row_reaches_its_party_by_id_whatever_its_text():
    assert match_party("copi", PARTIES, "vr") == "copi"
    assert match_party("rot", PARTIES, "vr") == "rot"
    assert match_party("gem", PARTIES, "vr") == "gem"  # the crisis team of the municipality
    assert match_party("vr", PARTIES, "vr") == "vr"
    assert match_party("", PARTIES, "vr") == "vr"  # a run naming no control room: the scenario's
    assert match_party("elders", PARTIES, "vr") is None
    assert match_party("", PARTIES, None) is None


def test_a_renamed_or_translated_addressee_still_reaches_the_team():
    import pandas as pd

    rows = pd.DataFrame(
        [
            {
                "time_min": 45.0,
                "clock": pd.Timestamp("2027-01-15 03:15", tz="Europe/Amsterdam"),
                "from": "x",
                "to": "Commando Plaats Incident (hernoemd)",
                "to_id": "copi",
                "method": "phone",
                "message": "m",
                "expected_action": "a",
                "channel": "share",
            },
            {
                "time_min": 50.0,
                "clock": pd.Timestamp("2027-01-15 03:20", tz="Europe/Amsterdam"),
                "from": "x",
                "to": "Crisis team, Municipality of Test",
                "to_id": "gem",
                "method": "phone",
                "message": "m",
                "expected_action": "a",
                "channel": "monitoring",
            },
        ]
    )
    view = forecast_view(rows)
    assert [(r["to"], r["to_id"]) for r in view] == [
        ("Commando Plaats Incident (hernoemd)", "copi"),
        ("Crisis team, Municipality of Test", "gem"),
    ]
    assert [match_party(r["to_id"], PARTIES, "vr") for r in view] == ["copi", "gem"]
