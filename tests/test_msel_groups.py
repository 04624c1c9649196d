"""The inject list (MSEL): one call per sender for alike reports, and no workbook row fills a page.

The scenario (test_msel_owners.py's: reports take 10 min, net repairs the substation in 2 h)::

    sub (net) --power--> pump1..pumpN (gemeente, sewage pumps in Lageveen)

At 10 min the municipality's duty operator reports its N pumps, all down without power since
02:30: one call, one row. Two or three pumps are named one by one; four or more are counted in
one sentence ("4 sewage pumping stations in Lageveen ..."), their ids in the simulation column.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from conftest import ROOT, build, run
from test_msel_owners import ASSETS, ORGS, RESPONSE

from simulator import load_scenario, simulate
from simulator.analysis import Results
from simulator.analysis.injects import derive_injects
from simulator.report.msel import LINE_HEIGHT_PT, _lines, msel_csv, msel_workbook, shown_actions


def _pumps(n: int) -> list[dict]:
    pump = {"sector": "water", "kind": "sewage_pump", "owner": "gemeente", "municipality": "Lageveen"}
    return [
        {"id": f"pump{i}", "name": f"Rioolgemaal {i}", **pump, "needs": [{"type": "power", "from": "sub"}]}
        for i in range(1, n + 1)
    ]


def _injects(n: int, lang: str):
    orgs = [*ORGS, {"id": "gemeente", "name": "Gemeente Lageveen"}]
    scenario = build(
        [ASSETS[0], *_pumps(n)], [{"id": "stroom", "type": "outage", "target": "sub"}], orgs, response=RESPONSE
    )
    injects = derive_injects(Results.from_record(run(scenario)), lang)
    return injects[injects["from"].str.contains("Lageveen") & (injects["time_min"] == 10.0)]


def test_three_pumps_of_one_owner_failing_at_once_are_one_call_naming_each():
    rows = _injects(3, "en")
    assert len(rows) == 1
    row = rows.iloc[0]
    assert (row["from"], row["method"], row["assets"]) == (
        "Duty operator, Gemeente Lageveen",
        "direct_line",
        ("pump1", "pump2", "pump3"),
    )
    assert row["message"] == (
        "Good morning, this is the duty operator of Gemeente Lageveen. "
        "Rioolgemaal 1 has had no power since half past two and has stopped. "
        "Rioolgemaal 2 has had no power since half past two and has stopped. "
        "Rioolgemaal 3 has had no power since half past two and has stopped."
    )


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("en", "4 sewage pumping stations in Lageveen have had no power since half past two and have stopped."),
        ("nl", "4 rioolgemalen in Lageveen hebben sinds half drie geen stroom meer en liggen stil."),
    ],
)
def test_four_alike_pumps_are_counted_in_one_sentence_their_ids_in_the_simulation_column(lang, sentence):
    rows = _injects(4, lang)
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["message"].endswith(" " + sentence)
    assert row["message"].count(".") == 2  # the greeting and the sentence: no pump named
    lines = row["simulation"].split("\n")
    assert [line.split()[2] for line in lines] == ["pump1:", "pump2:", "pump3:", "pump4:"]


def test_the_workbook_shows_whole_actions_in_twelve_lines_every_action_in_the_csv():
    """Row 8 of the storm surge's workbook held six actions of eight or nine printed lines each
    (562 pt, a page of its own): it shows the first and how many more."""
    long = (
        "NIS2: vroege waarschuwing voor Rijkswaterstaat West-Nederland Zuid: melden binnen 24 uur, uiterlijk"
        " 16-01-2027 02:57 — CISO-office en functionaris gegevensbescherming RWS"
    )
    assert _lines(long, 22 * 7 - 5, False) == 9  # two of them and "and 4 more" do not fit in 12
    six = "\n".join([long] * 6)
    assert shown_actions(six, "en") == f"{long}\nand 5 more actions (see the CSV)"
    assert shown_actions(six, "nl") == f"{long}\nen nog 5 acties (zie de CSV)"
    short = "\n".join(f"Action {i}" for i in range(1, 16))
    assert _lines("and 5 more actions (see the CSV)", 22 * 7 - 5, False) == 2
    assert (
        shown_actions(short, "en")
        == "\n".join(f"Action {i}" for i in range(1, 11)) + "\nand 5 more actions (see the CSV)"
    )
    assert shown_actions("\n".join(f"Action {i}" for i in range(1, 13)), "en").endswith("Action 12")  # fits: all
    injects = _injects(3, "en").assign(expected_action=six)
    sheet = msel_workbook(injects, "en", "t", datetime(2027, 1, 15, tzinfo=UTC)).active
    assert sheet.cell(3, 8).value == f"{long}\nand 5 more actions (see the CSV)"
    assert sheet.row_dimensions[3].height == 12 * LINE_HEIGHT_PT + 3
    assert list(csv.reader(io.StringIO(msel_csv(injects, "en"))))[1][7] == six


def test_callers_about_two_neighbourhoods_in_the_same_second_are_one_burst():
    """Two pumps and two neighbourhoods on the substation: at 10 min the municipality's operator
    makes one call about both pumps, the two callers on 112 are one burst (inject_calls); at 160 net's
    operator reports the substation and the neighbourhoods that came back with it, the
    municipality's the two pumps."""
    homes = [
        {"id": f"wijk{i}", "name": f"Wijk {i}", "sector": "population", "kind": "neighbourhood", "population": 100}
        | {"needs": [{"type": "power", "from": "sub"}]}
        for i in (1, 2)
    ]
    orgs = [*ORGS, {"id": "gemeente", "name": "Gemeente Lageveen"}]
    outage = [{"id": "stroom", "type": "outage", "target": "sub"}]
    injects = derive_injects(
        Results.from_record(run(build([ASSETS[0], *_pumps(2), *homes], outage, orgs, response=RESPONSE))), "en"
    )
    assert [(r["time_min"], r["from"], r["assets"]) for r in injects.to_dict("records")] == [
        (10.0, "Duty operator, net", ("sub",)),
        (10.0, "Duty operator, Gemeente Lageveen", ("pump1", "pump2")),
        (10.0, "Callers on 112", ("wijk1", "wijk2")),
        (160.0, "Duty operator, net", ("sub", "wijk1", "wijk2")),
        (160.0, "Duty operator, Gemeente Lageveen", ("pump1", "pump2")),
    ]
    assert injects.iloc[2]["message"] == (
        "A few 112 calls are coming in to the control room. In Wijk 1 and Wijk 2 the power has been out since "
        "half past two."
    )
    assert injects.iloc[4]["message"].endswith(" Rioolgemaal 1 is working again. Rioolgemaal 2 is working again.")


def test_no_row_of_the_storm_surge_workbook_fills_a_page():
    """Inject 7 of sluis-havenstad-stormvloed (sheet row 9; 6 and row 8 before WMCN's storm-surge
    alarm came first) has six actions, 562 pt high before:
    now the first and "en nog 5 acties", 12 lines (159 pt); the CSV keeps all six. No row is
    taller than 185 pt (a printed page holds about 600)."""
    injects = derive_injects(
        simulate(load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml"), lang="nl"), "nl"
    )
    sheet = msel_workbook(injects, "nl", "t", datetime(2027, 1, 15, tzinfo=UTC)).active
    assert sheet.cell(9, 1).value == 7
    assert sheet.cell(9, 8).value.split("\n")[1:] == ["en nog 5 acties (zie de CSV)"]
    assert sheet.row_dimensions[9].height == 12 * LINE_HEIGHT_PT + 3
    assert max(sheet.row_dimensions[r].height for r in range(3, sheet.max_row + 1)) == 185
    assert len(list(csv.reader(io.StringIO(msel_csv(injects, "nl"))))[7][7].split("\n")) == 6
