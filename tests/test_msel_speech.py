"""The inject list as people hear it: spoken times, the sender's real channel, physical processes at
the moments people notice them, KNMI warnings before the rain, and team decisions only while the
team is in session. Hand-computed cases first, then the bundled scenarios.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from simulator import load_scenario, simulate
from simulator.analysis.inject_speech import spoken_clock, spoken_name
from simulator.analysis.inject_weather import rain_spells, warning_code, warning_text
from simulator.analysis.injects import derive_injects
from simulator.messages import text

BUNDLED = (
    "sluis-havenstad.yaml",
    "sluis-havenstad-stormvloed.yaml",
    "polder-gemaal-hack.yaml",
    "ransomware-gemeente.yaml",
    "ddos-112-havenstad.yaml",
    "stroomstoring-havenstad.yaml",
    "project-x-havenstad.yaml",
)
_RUNS: dict[str, object] = {}


def bundled(name: str):
    """The run of a bundled scenario at its own seed (each simulated once per test session)."""
    if name not in _RUNS:
        _RUNS[name] = simulate(load_scenario(ROOT / "scenarios" / name), lang="nl")
    return _RUNS[name]


class _Run:
    """Just enough of ``RunLookups`` for the spoken clock and the weather: a start at 02:30 and events."""

    def __init__(self, lang: str, events: list[tuple[int, float, str, dict]] = ()):
        self.lang = lang
        self.start = datetime(2027, 1, 15, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
        self.ids = [e for e, _, _, _ in events]
        self.time = {e: t for e, t, _, _ in events}
        self.kind = {e: k for e, _, k, _ in events}
        self.data = {e: d for e, _, _, d in events}
        self.ref = dict.fromkeys(self.ids, "polder")
        self.asset = dict.fromkeys(self.ids, "gemaal")
        self.municipality = {"gemaal": "Testdorp"}

    def clock(self, minutes: float) -> datetime:
        return self.start + timedelta(seconds=round(minutes * 60))

    def t(self, key: str, **params) -> str:
        return text(key, self.lang, **params)


# --- spoken times ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("minutes", "nl", "en"),
    [
        (0, "half drie", "half past two"),
        (5, "vijf over half drie", "twenty-five to three"),
        (30, "drie uur", "three o'clock"),
        (45, "kwart over drie", "quarter past three"),
        (50, "tien voor half vier", "twenty past three"),
        (114.1357, "vijf voor half vijf", "twenty-five past four"),  # 04:24:08: within a minute of 04:25
        (113, "ongeveer vijf voor half vijf", "about twenty-five past four"),  # 04:23
        (570, "twaalf uur", "twelve o'clock"),  # noon
        (600, "half één", "half past twelve"),
        (1288, "ongeveer twaalf uur", "about twelve o'clock"),  # 23:58 rounds to midnight
        (1395, "16-01 om kwart voor twee", "16-01 at quarter to two"),  # the next day
    ],
)
def test_times_are_said_as_people_say_them(minutes, nl, en):
    assert spoken_clock(_Run("nl"), minutes, now=0) == nl
    assert spoken_clock(_Run("en"), minutes, now=0) == en


@given(st.floats(min_value=0, max_value=3 * 1440, allow_nan=False))
def test_a_spoken_time_says_about_exactly_when_it_rounded_by_a_minute_or_more(minutes):
    run = _Run("nl")
    when = run.clock(minutes)
    exact = when.hour * 60 + when.minute + when.second / 60
    said = spoken_clock(run, minutes, now=minutes)
    assert said.startswith("ongeveer ") == (abs(exact - 5 * round(exact / 5)) >= 1)
    assert any(text(f"msel.hour.{h}", "nl") in said for h in range(1, 13))


def test_names_are_said_without_their_explanations():
    assert spoken_name("Havenwegbrug (basculebrug)") == "Havenwegbrug"
    assert spoken_name("Verkeerspost Havenstad (walradar, marifoon)") == "Verkeerspost Havenstad"
    assert spoken_name("Regionale netbeheerder (Stedin-achtig, fictief)") == "Regionale netbeheerder"


# --- rain: a KNMI warning before it ------------------------------------------------------------------------
RAIN = [
    (1, 120.0, "hazard.rain", {"basin": "Polder", "mm_per_h": 40.0}),
    (2, 180.0, "hazard.rain", {"basin": "Polder", "mm_per_h": 10.0}),
    (3, 240.0, "hazard.rain", {"basin": "Polder", "mm_per_h": 0.0}),
    (4, 600.0, "hazard.rain", {"basin": "Polder", "mm_per_h": 55.0}),  # lasts to the end of the run (720)
]


def test_one_knmi_warning_per_spell_an_hour_before_it_with_the_code_of_its_peak():
    """40 mm/h for an hour, 10 mm/h for an hour: 50 mm, code yellow (30 mm in an hour), warned at
    03:30 for 04:30; 55 mm/h from 12:30 to the end (14:30): 110 mm, code orange (50 mm)."""
    run = _Run("en", RAIN)
    spells = rain_spells(run, until=720.0)
    assert [(s.events, s.start, s.end, s.peak_mm_per_h, s.total_mm, s.warned_at) for s in spells] == [
        ((1, 2, 3), 120.0, 240.0, 40.0, 50.0, 60.0),
        ((4,), 600.0, None, 55.0, 110.0, 540.0),
    ]
    assert [warning_code(s.peak_mm_per_h) for s in spells] == ["yellow", "orange"]
    assert (warning_code(29.9), warning_code(30.0), warning_code(49.9), warning_code(50.0)) == (
        None,
        "yellow",
        "yellow",
        "orange",
    )
    assert warning_text(run, spells[0]) == (
        "KNMI weather warning, code yellow, for the Testdorp area: heavy rain from half past four to "
        "half past six, up to 40 mm an hour, about 50 mm in all. Water in streets and tunnels is possible."
    )
    assert warning_text(_Run("nl", RAIN), spells[1]) == (
        "Weerwaarschuwing KNMI, code oranje, voor de omgeving van Testdorp: zware regen van half één tot "
        "nader order, tot 55 mm per uur, in totaal zo'n 110 mm. Water op straat en in tunnels is mogelijk."
    )


def test_the_polder_rain_is_announced_once_and_its_end_makes_no_inject():
    """Rain from 14:00: 15 mm/h for 3 h, 3 mm/h for 1 h, then none: 48 mm, below the KNMI codes; the
    forecast comes at the start (the rain starts then), and no other row is about the rain."""
    results = bundled("polder-gemaal-hack.yaml")
    injects = derive_injects(results, "nl")
    first = injects.iloc[0]
    assert (first["time_min"], first["channel"], first["from"], first["method"]) == (
        0.0,
        "forecast",
        "KNMI (weerwaarschuwing)",
        "knmi",
    )
    assert first["message"] == (
        "Weerbericht KNMI voor de omgeving van Havenstad: regen van twee uur tot zes uur, tot 15 mm per uur, "
        "in totaal zo'n 48 mm. Geen waarschuwingscode."
    )
    rain = set(results.events[results.events["kind"] == "hazard.rain"]["id"])
    assert set(first["events"]) == rain and len(rain) == 3
    assert all(not rain & set(events) for events in injects["events"][1:])
    assert not injects["message"].str.contains("mm/u|Regen op|Fysiek proces").any()


# --- physical processes at the moments people notice them ---------------------------------------------------
def test_the_flood_is_heard_as_an_alarm_water_over_the_quay_and_water_in_the_street():
    results = bundled("sluis-havenstad-stormvloed.yaml")
    injects = derive_injects(results, "nl")
    ev = results.events.set_index("id")

    def row_of(kind: str):
        event = int(ev[ev["kind"] == kind].index[0])
        rows = injects[[event in events for events in injects["events"]]]
        return event, rows.iloc[0]

    alarm, row = row_of("hazard.alarm_level")
    assert row["time_min"] == ev.loc[alarm, "time_min"] and row["method"] == "scada"
    assert (
        "Peilalarm: het waterpeil van Havenbekken achter de zeesluis staat op -0,10 m NAP en stijgt." in row["message"]
    )
    crest, row = row_of("hazard.crest_exceeded")
    assert row["time_min"] == ev.loc[crest, "time_min"]
    assert (
        "Het water komt over de kade: het waterpeil van Havenbekken achter de zeesluis staat op 1,00 m NAP."
        in row["message"]
    )
    flooded, row = row_of("zone.flooded")
    assert (row["from"], row["method"]) == ("Bewoners via 112", "phone_112")
    assert row["message"] == (
        "Hallo, u moet snel komen! Hier in het gebied Havenkwartier staat het water in de straat en het komt de "
        "huizen in. Wat moeten we doen?"
    )
    start = set(ev[ev["kind"] == "hazard.start"].index)
    assert all(not start & set(events) for events in injects["events"])


# --- who calls whom ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", BUNDLED)
def test_operators_use_their_direct_line_citizens_112_and_the_words_are_their_own(name):
    injects = derive_injects(bundled(name), "nl")
    by_112 = set(injects[injects["method"] == "phone_112"]["from"])
    assert by_112 <= {"Melder via 112", "Melders via 112", "Bewoners via 112"} | {
        f for f in by_112 if f.startswith("Secretariaat ")
    }
    staff = injects[injects["from"].str.startswith(("Dienstdoende", "Piketfunctionaris", "Systeembeheerder"))]
    assert set(staff["method"]) <= {"direct_line", "phone"}
    for message in injects["message"]:
        assert message[0].isupper() and message[-1] in ".?!", message
        for engine in ("Fysiek proces", "Regen op", "mm/u", ": geen ", "meldt:", "werkt sinds 0"):
            assert engine not in message, (engine, message)
    assert injects["simulation"].str.match(r"#\d+ \d\d:\d\d ").all()


def test_the_same_rows_in_english_speak_english():
    injects = derive_injects(bundled("sluis-havenstad-stormvloed.yaml"), "en")
    surge, first = injects.iloc[0], injects.iloc[1]  # WMCN's storm-surge alarm at the start, then the lock operator
    assert surge["message"].startswith("Storm-surge alarm, WMCN-Kust, for Havenstad: the sea already stands ")
    assert (surge["from"], surge["method"]) == ("WMCN-Kust (Rijkswaterstaat, storm surge)", "email")
    assert first["message"] == (
        "Good morning, this is the duty operator of Rijkswaterstaat West-Nederland Zuid. We lost our control "
        "of Havenwegbrug at half past two; we can no longer operate it remotely."
    )
    assert first["method"] == "direct_line" and first["to"] == "Control room (meldkamer)"
    assert not injects["message"].str.contains("u spreekt|Goedemorgen|sinds").any()


# --- decisions of a team only while the team is in session ----------------------------------------------------
def _sessions(events) -> list[tuple[str, float, float]]:
    """(team id, assembled, dismissed or inf) from the event log."""
    sessions = []
    for row in events[events["kind"].isin(["team.assembled", "team.dismissed"])].itertuples():
        if row.kind == "team.assembled":
            sessions.append((row.ref, row.time_min, math.inf))
        else:
            index = max(i for i, s in enumerate(sessions) if s[0] == row.ref and s[2] == math.inf)
            sessions[index] = (row.ref, sessions[index][1], row.time_min)
    return sessions


@pytest.mark.parametrize("name", BUNDLED)
def test_a_team_decision_is_listed_only_while_the_team_is_in_session(name):
    """A GRIP step is the decision of the team in session just before it (if any); an action that
    waited for a team, of that team: its row is at a minute the team is in session."""
    results = bundled(name)
    ev = results.events.set_index("id")
    sessions = _sessions(results.events)
    children = results.events.groupby("cause")["id"].apply(list).to_dict()
    checked = 0
    for time, responses in zip(*(derive_injects(results, "nl")[c] for c in ("time_min", "responses"))):
        for r in responses:
            if ev.loc[r, "kind"].startswith("grip."):
                before = [s for s in sessions if s[1] < ev.loc[r, "time_min"] <= s[2]]
                team = max(before, key=lambda s: s[1]) if before else None
            else:
                waits = [c for c in children.get(r, []) if ev.loc[c, "kind"] == "action.waiting"]
                queued = [q for w in waits for q in children.get(w, []) if ev.loc[q, "kind"] == "action.queued"]
                team = next((s for s in sessions if queued and s[1] <= ev.loc[queued[0], "time_min"] <= s[2]), None)
            if team is not None:
                checked += 1
                assert team[1] <= time <= team[2], (name, r, ev.loc[r, "kind"], time, team)
    assert checked or name in ("project-x-havenstad.yaml", "polder-gemaal-hack.yaml", "ransomware-gemeente.yaml")


def test_the_step_down_waits_for_the_policy_team_it_dismisses():
    """sluis-havenstad: GRIP 3 -> 1 at 11:11, which dismisses the GBT (in session from 05:55); the
    cause, Havenwegbrug working again, was known at 05:11, before the GBT existed: the step-down is
    listed with the first inject while the GBT is in session, at 07:00, with a note."""
    injects = derive_injects(bundled("sluis-havenstad.yaml"), "nl")
    down = injects[injects["expected_action"].str.contains("Besluiten over afschaling naar GRIP 1")]
    assert [c.strftime("%H:%M:%S") for c in down["clock"]] == ["07:00:04"]
    assert down.iloc[0]["simulation"].endswith(
        "Let op: 'Besluiten over afschaling naar GRIP 1' is een besluit van het Gemeentelijk Beleidsteam (GBT), "
        "bijeen vanaf 05:55: hier vermeld, niet eerder."
    )
    early = injects[injects["clock"].dt.strftime("%H:%M") == "05:11"]
    assert len(early) == 1 and "afschaling" not in early.iloc[0]["expected_action"]
