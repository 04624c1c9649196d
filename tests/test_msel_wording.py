"""Wording of MSEL sentences: a rise in service is said as a recovery, not as a decline."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from simulator.analysis.inject_lookups import RunLookups
from simulator.analysis.inject_speech import _status_sentence


def _run(lang: str, statuses: list[tuple[str, float | None]]) -> RunLookups:
    """A run of one asset ``mast`` whose status events 1, 2, ... are ``statuses`` (kind, level), at minute 10 each."""
    run = object.__new__(RunLookups)
    run.lang = lang
    run.ids = list(range(1, len(statuses) + 1))
    run.kind = {i: kind for i, (kind, _) in zip(run.ids, statuses)}
    run.level = {i: level for i, (_, level) in zip(run.ids, statuses)}
    run.asset = dict.fromkeys(run.ids, "mast")
    run.time = {i: 10.0 * i for i in run.ids}
    run.names, run.sector, run.municipality = {"mast": "Zendmast"}, {"mast": "telecom"}, {"mast": "Havenstad"}
    run.start = datetime(2027, 1, 15, 2, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    run._status_by_asset = None
    return run


def test_level_before_is_the_last_earlier_status():
    run = _run("nl", [("asset.failed", 0.0), ("asset.degraded", 0.7), ("asset.degraded", 0.4)])
    assert [run.level_before(e) for e in (1, 2, 3)] == [1.0, 0.0, 0.7]


def test_a_recovery_to_70_percent_is_said_as_a_recovery():
    run = _run("nl", [("asset.failed", 0.0), ("asset.degraded", 0.7), ("asset.degraded", 0.4)])
    assert _status_sentence(run, 2, 20.0, False, []) == "Zendmast werkt sinds tien voor drie weer voor ongeveer 70%."
    assert _status_sentence(run, 3, 30.0, False, []) == "Zendmast werkt sinds drie uur nog maar voor ongeveer 40%."
    en = _run("en", [("asset.failed", 0.0), ("asset.degraded", 0.7)])
    assert _status_sentence(en, 2, 20.0, False, []) == "Since ten to three Zendmast works again at about 70%."


def test_residents_without_tap_water_expect_the_water_company_and_emergency_water():
    from conftest import build, run

    from simulator.analysis import Results
    from simulator.analysis.injects import derive_injects

    assets = [
        {"id": "pomp", "name": "Pompstation", "sector": "water", "owner": "dwb"},
        {
            "id": "wijk",
            "name": "Wijk",
            "sector": "population",
            "population": 500,
            "needs": [{"type": "water", "from": "pomp", "tolerance": "5min"}],
        },
    ]
    orgs = [{"id": "dwb", "name": "Drinkwaterbedrijf Test"}, {"id": "vr"}]
    response = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}
    record = run(
        build(assets, [{"id": "uit", "type": "outage", "target": "pomp"}], orgs, response=response, duration="2h")
    )
    injects = derive_injects(Results.from_record(record, "nl"), "nl")
    zone = injects[injects["assets"] == ("wijk",)].iloc[0]
    assert zone["expected_action"] == (
        "Melding registreren en Drinkwaterbedrijf Test informeren\nNoodwater regelen met het drinkwaterbedrijf"
    )


def test_basin_phrases_read_right_for_every_bundled_basin():
    """A basin is named as a place ("het waterpeil van Beekdal"), never as the water itself: no
    template says "the water in {basin}", and no bundled basin name is "Water van ..."."""
    from pathlib import Path

    import yaml

    from simulator.analysis.inject_speech import spoken_name
    from simulator.messages import CATALOGUE, text

    root = Path(__file__).resolve().parents[1] / "infrastructure_graphs"
    names = [
        b["name"] for f in sorted(root.glob("*.yaml")) for b in (yaml.safe_load(f.read_text()).get("basins") or [])
    ]
    assert "Beekdal (sloten, vijvers en regenwaterriool)" in names
    for name in names:
        assert not spoken_name(name).lower().startswith("water"), name
    keys = [k for k, v in CATALOGUE.items() if "{basin}" in v["en"]]
    assert "msel.speak.hazard.crest_exceeded" in keys
    for key in keys:
        for lang in ("en", "nl"):
            template = CATALOGUE[key][lang].lower()
            assert "water in {basin}" not in template, (key, lang)
    said = text("msel.speak.hazard.crest_exceeded", "nl", basin="Beekdal", level="3,90")
    assert said == "Het water komt over de kade: het waterpeil van Beekdal staat op 3,90 m NAP."
    said = text("msel.speak.hazard.alarm_level", "en", basin="Oostpolder", level="-0.10")
    assert said == "Level alarm: the water level of Oostpolder is at -0.10 m NAP and rising."


def test_one_knmi_warning_for_one_shower_over_two_basins():
    """The Vliegveldstad SCADA scenario rains on De Aa and Beekdal at once: one warning, not two."""
    from conftest import ROOT

    from simulator import load_scenario, simulate
    from simulator.analysis.injects import derive_injects

    results = simulate(load_scenario(ROOT / "scenarios" / "vliegveldstad-waterschap-scada.yaml"), seed=1)
    injects = derive_injects(results, "nl")
    forecasts = injects[injects["channel"] == "forecast"]
    assert forecasts["message"].tolist() == [
        "Weerbericht KNMI voor de omgeving van Vliegveldstad: regen van drie uur tot zeven uur, tot 15 mm per uur,"
        " in totaal zo'n 48 mm. Geen waarschuwingscode."
    ]
    rain = results.events[results.events["kind"] == "hazard.rain"]
    assert sorted(forecasts.iloc[0]["events"]) == sorted(int(e) for e in rain["id"])  # both basins' rain


def test_column_widths_fit_the_longest_word_and_share_out_the_rest():
    from simulator.report.msel import POINTS_PER_WIDTH, SHEET_COLUMNS, _text_width, column_widths

    headers = ["Nr", "Tijd", "T+", "Van", "Aan", "Middel", "Bericht", "Actie", "Simulatie"]
    row = [1, None, 0.0, "Verkeersregelinstallaties", "Meldkamer", "Telefoon", "kort", "kort", "kort"]
    widths = column_widths(headers, [row])
    assert sum(widths) == sum(w for _, w in SHEET_COLUMNS)
    assert widths[3] * POINTS_PER_WIDTH >= _text_width("Verkeersregelinstallaties", False) + 5  # no word broken


_PREPOSITIONS = {"in", "van", "bij", "uit", "op", "naar", "om", "of", "at", "from", "on", "to", "near"}


def _pasted(sentence: str, name: str) -> list[str]:
    """The words right before each occurrence of ``name`` in ``sentence`` that are a preposition:
    a zone's label pasted after "in" ("in Laagste deel Oostpolder") instead of named as an area."""
    words = []
    for found in re.finditer(re.escape(name), sentence):
        before = sentence[: found.start()].split()
        if before and before[-1].lower() in _PREPOSITIONS:
            words.append(before[-1])
    return words


def test_residents_name_every_bundled_flood_zone_as_an_area_not_after_in():
    """Zone names are labels ("Laagste deel Oostpolder", "Havenkwartier (laag)"): residents say
    them as "het gebied X" / "the X area", so no template with ``{zone}`` puts a preposition
    right before the label, for every zone of every bundled scenario's graph, in both languages."""
    from pathlib import Path

    import yaml

    from simulator import load_scenario
    from simulator.analysis.inject_speech import spoken_name
    from simulator.messages import CATALOGUE, text

    root = Path(__file__).resolve().parents[1] / "scenarios"
    files = [f for f in sorted(root.rglob("*.yaml")) if "graph" in (yaml.safe_load(f.read_text()) or {})]
    names = sorted({spoken_name(z.name or z.id) for f in files for z in load_scenario(f).graph.zones})
    assert names == [
        "Havenkwartier",
        "Laagste deel Oostpolder",
        "Laagste straten van Beekdal",
        "Oude Haven en Noordkade",
        "Zuid, beekzijde",
    ]
    keys = sorted(k for k, v in CATALOGUE.items() if k.startswith("msel.") and "{zone}" in v["en"])
    assert keys == ["msel.speak.zone.flooded"]
    for name in names:
        for lang, area in (("nl", f"het gebied {name} "), ("en", f"the {name} area ")):
            said = text("msel.speak.zone.flooded", lang, zone=name)
            assert said.count(name) == 1 and area in said, (lang, said)
            assert _pasted(said, name) == [], (lang, said)
    assert text("msel.speak.zone.flooded", "nl", zone="Laagste deel Oostpolder") == (
        "Hier in het gebied Laagste deel Oostpolder staat het water in de straat en het komt de huizen in."
    )
    assert text("msel.speak.zone.flooded", "en", zone="Oude Haven en Noordkade") == (
        "Here in the Oude Haven en Noordkade area the water is in the street and coming into the houses."
    )
    # the check itself: the old sentence pasted the label after "in"
    old = "Het water staat hier in de straat in Laagste straten van Beekdal."
    assert _pasted(old, "Laagste straten van Beekdal") == ["in"]


def test_a_c2000_call_opens_with_the_addressee_of_its_row():
    """Units on site radio whoever takes the row: the control room, or the crisis team in
    session, named as said aloud (without its bracketed explanation)."""
    from simulator.analysis.inject_speech import spoken_message

    run = _run("nl", [])
    run.org_names = {}
    to_rot = {"say": "units", "to": "Regionaal Operationeel Team (ROT)"}
    assert spoken_message(run, to_rot, 10.0, ["In Oost is er geen stroom meer."]) == (
        "Regionaal Operationeel Team, van de eenheid ter plaatse. In Oost is er geen stroom meer. Over."
    )
    assert spoken_message(run, {"say": "units", "to": "Meldkamer"}, 10.0, ["Zendmast doet het weer."]) == (
        "Meldkamer, van de eenheid ter plaatse. Zendmast doet het weer. Over."
    )
    en = _run("en", [])
    en.org_names = {}
    to_room = {"say": "units", "to": "Control room (meldkamer)"}
    assert spoken_message(en, to_room, 10.0, ["Zendmast is working again."]) == (
        "Control room, this is the unit on site. Zendmast is working again. Over."
    )
