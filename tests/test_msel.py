"""The inject list (MSEL): one row per awareness moment, at the moment of awareness, nothing hidden.

The scenario (Friday 15 January 2027, 02:30, at night; reports take 10 min, an owner tells the
control room 15 min after its monitoring found something; GRIP 1 is decided 5 min after an
incident is known, the CoPI assembles 30 min later):

    sub (net) --power, 5 min buffer--> wijk (2,000 people)
    server (gem)     data stolen at 60, found by monitoring 2 h later
    gemaal (ws)      manipulated at 30, no monitoring: nobody ever knows

    0    sub fails (outage)              10   report: the control room (vr) and net know
    5    wijk fails (buffer ran out)     15   report of wijk; GRIP 1 (CoPI at 45), NL-Alert rule
    60   data stolen from server         180  gem's monitoring finds it; the AVG clock starts
                                         195  gem tells the control room
    220  sub repaired, wijk back         220  known at once (both were being watched)
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import zipfile
import zlib
from datetime import datetime, timedelta

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build, run
from openpyxl import load_workbook

from simulator import load_scenario, simulate
from simulator.analysis import Results
from simulator.analysis.inject_calls import CALL_WINDOW_MIN
from simulator.analysis.injects import INJECT_COLUMNS, UNSPOKEN_KINDS, derive_injects, is_fact
from simulator.cli import cli
from simulator.messages import CATALOGUE
from simulator.model.playbook import ACTIONS
from simulator.report.msel import (
    CLOCK_FORMAT,
    COLUMNS,
    ELAPSED_FORMAT,
    FONT_SIZE_PT,
    LINE_HEIGHT_PT,
    POINTS_PER_WIDTH,
    SHEET_COLUMNS,
    column_widths,
    msel_csv,
    write_msel,
)

ASSETS = [
    {
        "id": "sub",
        "name": "Onderstation",
        "sector": "energy",
        "owner": "net",
        "recovery": {"duration": "2h", "crew": "net/monteurs"},
    },
    {
        "id": "wijk",
        "name": "Wijk",
        "sector": "population",
        "population": 2000,
        "needs": [{"type": "power", "from": "sub", "tolerance": "5min"}],
    },
    {"id": "server", "name": "Server", "sector": "government", "owner": "gem"},
    {"id": "gemaal", "name": "Gemaal", "sector": "water", "owner": "ws"},
]
ORGS = [
    {
        "id": "net",
        "crews": [{"id": "monteurs", "name": "Monteurs", "callout": {"office": "30min", "outside": "1h30min"}}],
    },
    {"id": "gem", "name": "Gemeente Test", "crews": [{"id": "privacy", "name": "Privacy"}]},
    {"id": "ws"},
    {"id": "vr", "crews": [{"id": "meldkamer", "name": "Meldkamer"}]},
]
GRIP = {
    "name": "GRIP",
    "decide": "5min",
    "levels": [
        {
            "level": 1,
            "name": "GRIP 1",
            "teams": [{"id": "copi", "name": "CoPI", "assembly": "30min"}],
            "when": "known_incidents >= 1",
        }
    ],
}
RESPONSE = {
    "control_room": "vr",
    "reporting": {"delay": "10min", "notify": "15min"},
    "escalation": GRIP,
    "deadlines": [{"id": "avg", "name": "AVG-melding", "starts": "exfiltration", "within": "72h"}],
}
RULES = [
    {"id": "alert", "when": {"grip": 1}, "action": "nl_alert", "crew": "vr/meldkamer", "duration": "20min"},
    {
        "id": "meld",
        "when": {"deadline_started": "avg"},
        "action": "notify",
        "deadline": "avg",
        "crew": "gem/privacy",
        "duration": "4h",
    },
]
INJECTS = [
    {"id": "stroom", "type": "outage", "target": "sub"},
    {"id": "sluipend", "type": "cyber.compromise", "target": "gemaal", "effect": "manipulate", "at": "30min"},
    {
        "id": "lek",
        "type": "cyber.compromise",
        "target": "server",
        "effect": "exfiltrate",
        "at": "1h",
        "detect": {"monitoring": "2h"},
    },
]


@pytest.fixture(scope="module")
def results() -> Results:
    return Results.from_record(run(build(ASSETS, INJECTS, ORGS, response=RESPONSE, rules=RULES, duration="1d")), "en")


@pytest.fixture
def run_dir(results, tmp_path):
    return results.save(tmp_path / "run")


def ids(results: Results, *pairs: tuple[str, str]) -> tuple[int, ...]:
    """The ids of the events of these (kind, asset) pairs, ascending (each pair names one event)."""
    ev = results.events
    found = []
    for kind, asset in pairs:
        match = ev[(ev["kind"] == kind) & (ev["asset"] == asset)]["id"].tolist()
        assert len(match) == 1, (kind, asset, match)
        found.append(int(match[0]))
    return tuple(sorted(found))


# --- what the rows are ------------------------------------------------------------------------------------
def test_one_row_per_awareness_moment_at_the_moment_of_awareness(results):
    injects = derive_injects(results, "en")
    assert list(injects.columns) == INJECT_COLUMNS
    rows = [
        (r["number"], r["time_min"], r["channel"], r["from"], r["to"], r["method"], r["events"], r["assets"])
        for r in injects.to_dict("records")
    ]
    theft = ids(results, ("inject", "server"), ("cyber.exfiltrated", "server"), ("detect.monitoring", "server"))
    assert rows == [
        (
            1,
            10.0,
            "report",
            "Duty operator, net",
            "Control room (meldkamer)",
            "direct_line",
            ids(
                results, ("inject", "sub"), ("outage.start", "sub"), ("asset.failed", "sub"), ("report.received", "sub")
            ),
            ("sub",),
        ),
        (
            2,
            15.0,
            "report",
            "Caller on 112",
            "Control room (meldkamer)",
            "phone_112",
            ids(
                results,
                ("need.unsatisfied", "wijk"),
                ("need.exhausted", "wijk"),
                ("asset.failed", "wijk"),
                ("report.received", "wijk"),
            ),
            ("wijk",),
        ),
        (
            3,
            180.0,
            "monitoring",
            "System administrator, Gemeente Test",
            "Crisis team, Gemeente Test",
            "phone",
            theft,
            ("server",),
        ),
        (4, 195.0, "share", "On-call manager, Gemeente Test", "CoPI", "phone", theft, ("server",)),
        (
            5,
            220.0,
            "update",
            "Duty operator, net",
            "Control room (meldkamer)",  # an operator's own chain: the duty officer, not the team in session
            "direct_line",
            ids(
                results,
                ("asset.operational", "sub"),
                ("need.satisfied", "wijk"),
                ("need.restarted", "wijk"),
                ("asset.operational", "wijk"),
            ),
            ("sub", "wijk"),
        ),
    ]
    # the addressee as a party id, the same in every language: the control room, gem's crisis team, the CoPI
    assert injects["to_id"].tolist() == ["vr", "vr", "gem", "copi", "vr"]
    assert derive_injects(results, "nl")["to_id"].tolist() == injects["to_id"].tolist()
    # the events happened at 0, 5, 60 and 220: the rows are at the minutes they became known
    assert [c.isoformat() for c in injects["clock"]] == [
        "2027-01-15T02:40:00+01:00",
        "2027-01-15T02:45:00+01:00",
        "2027-01-15T05:30:00+01:00",
        "2027-01-15T05:45:00+01:00",
        "2027-01-15T06:10:00+01:00",
    ]


def test_messages_and_expected_actions_in_english(results):
    injects = derive_injects(results, "en")
    # who calls, what they say, in their words; times as people say them (sub failed at 02:30, wijk at 02:35)
    assert injects["message"].tolist() == [
        "Good morning, this is the duty operator of net. Onderstation has been down since half past two.",
        "Hello, I want to report something. In Wijk: no power since twenty-five to three. Can you send someone?",
        "Good morning, crisis coordinator? This is the system administrator on duty at Gemeente Test. "
        "We have found that data has been taken out of Server. I thought you should know at once.",
        "Good morning, this is the on-call manager of Gemeente Test. I am calling to inform you. "
        "We have found that data has been taken out of Server.",
        "Good morning, this is the duty operator of net. Onderstation is working again. "
        "In Wijk everything works again.",
    ]
    # what the simulation knows, beside it, in essence: one asset a line, its last change of status
    # (number, clock, level), the kinds of its facts but its needs and the report, its need types
    assert injects["simulation"].tolist() == [
        "#3 02:30 sub: outage.start, asset.failed 0%",
        "#6 02:35 wijk: asset.failed 0%, power",
        "#21 03:30 server: cyber.exfiltrated",
        "#21 03:30 server: cyber.exfiltrated",
        "#30 06:10 sub: asset.operational 100%\n#33 06:10 wijk: asset.operational 100%, power",
    ]
    # and in detail (the CSV file): every event, one a line, with its kind and what the engine knows
    assert injects["simulation_detail"].tolist() == [
        "#2 02:30 outage.start sub\n#3 02:30 asset.failed sub 0%\n#7 02:40 report.received sub",
        "#4 02:30 need.unsatisfied wijk power\n#5 02:35 need.exhausted wijk power\n#6 02:35 asset.failed wijk 0%"
        "\n#14 02:45 report.received wijk",
        "#21 03:30 cyber.exfiltrated server\n#23 05:30 detect.monitoring server",
        "#21 03:30 cyber.exfiltrated server\n#23 05:30 detect.monitoring server",
        "#30 06:10 asset.operational sub 100%\n#31 06:10 need.satisfied wijk power\n#32 06:10 need.restarted wijk power"
        "\n#33 06:10 asset.operational wijk 100%",
    ]
    # the playbook's and the ladder's responses, each with the row whose fact caused it
    assert injects["expected_action"].tolist() == [
        "Send crew Monteurs to repair Onderstation\nDecide on scaling up to GRIP 1\nSend an NL-Alert — Meldkamer",
        "Register the report and inform net",  # wijk lost the power of net's substation
        "AVG-melding for Gemeente Test: notify within 72 hours, by 18-01-2027 05:30 — Privacy",
        "Update the situational picture",
        "Update the situational picture; consider scaling down",
    ]


def test_the_same_rows_in_dutch(results):
    injects = derive_injects(results, "nl")
    assert injects["from"].tolist() == [
        "Dienstdoende operator net",
        "Melder via 112",
        "Systeembeheerder Gemeente Test",
        "Piketfunctionaris Gemeente Test",
        "Dienstdoende operator net",
    ]
    assert injects["to"].tolist() == ["Meldkamer", "Meldkamer", "Crisisteam Gemeente Test", "CoPI", "Meldkamer"]
    assert injects["message"].tolist() == [
        "Goedemorgen, u spreekt met de dienstdoende operator van net. Onderstation ligt sinds half drie plat.",
        "Hallo, ik wil iets melden. In Wijk: sinds vijf over half drie geen stroom. Kunt u iemand sturen?",
        "Goedemorgen, spreek ik de crisiscoördinator? U spreekt met de systeembeheerder van dienst van Gemeente "
        "Test. We hebben ontdekt dat er gegevens uit Server zijn weggesluisd. Ik dacht: dit moet u meteen weten.",
        "Goedemorgen, u spreekt met de piketfunctionaris van Gemeente Test. Ik bel om u te informeren. "
        "We hebben ontdekt dat er gegevens uit Server zijn weggesluisd.",
        "Goedemorgen, u spreekt met de dienstdoende operator van net. Onderstation doet het weer. "
        "In Wijk doet alles het weer.",
    ]
    assert injects["expected_action"].tolist() == [
        (
            "Ploeg Monteurs inzetten voor herstel van Onderstation\nBesluiten over opschaling naar GRIP "
            "1\nNL-Alert versturen — Meldkamer"
        ),
        "Melding registreren en net informeren",
        "AVG-melding voor Gemeente Test: melden binnen 72 uur, uiterlijk 18-01-2027 05:30 — Privacy",
        "Beeldvorming bijwerken",
        "Beeldvorming bijwerken; afschalen overwegen",
    ]
    english = derive_injects(results, "en")
    for column in ("number", "time_min", "events", "assets", "channel", "method"):
        assert injects[column].tolist() == english[column].tolist()


def test_a_stealthy_event_leaks_into_no_row(results, tmp_path):
    """The gemaal's manipulation is never known: its asset, name, inject and event ids appear in
    no row, in no language and in neither file."""
    hidden = set(ids(results, ("inject", "gemaal"), ("cyber.manipulated", "gemaal")))
    assert results.events[results.events["id"].isin(hidden)]["known_min"].isna().all()
    for lang in ("en", "nl"):
        injects = derive_injects(results, lang)
        csv_path, xlsx_path = tmp_path / f"msel-{lang}.csv", tmp_path / f"msel-{lang}.xlsx"
        write_msel(results, csv_path, lang)
        write_msel(results, xlsx_path, lang)
        csv_rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8"))))[1:]
        sheet_rows = [[c.value for c in row] for row in load_workbook(xlsx_path).active.iter_rows(min_row=3)]
        assert len(csv_rows) == len(sheet_rows) == len(injects) == 5
        listed = [set(events) for events in injects["events"]]
        listed += [{int(n) for n in row[9].split(", ")} for row in csv_rows]
        listed += [{int(n[1:]) for n in re.findall(r"#\d+", row[8])} for row in sheet_rows]
        assert all(not hidden & events for events in listed)
        words = [*injects["message"], *injects["expected_action"], csv_path.read_text("utf-8")]
        words += [str(value) for row in sheet_rows for value in row]
        assert all("gemaal" not in w.lower() and "sluipend" not in w for w in words)


def learned_at(results, event: int) -> list[float]:
    knowledge = results.knowledge
    return knowledge.loc[knowledge["event"] == event, "time_min"].tolist()


def test_invariants_on_reference_scenarios():
    """On three reference runs: every knowledge row of a fact (an organisation learning something
    about the world) is in a row at its minute or in the call it joined (less than
    ``CALL_WINDOW_MIN`` later), no event in more rows than minutes it was learned at, except the
    facts nobody notices as such (a hazard's start: in no row; rain: in the one KNMI forecast of
    its spell, up to an hour before it); no row holds an event nobody knew, or an event before it
    happened (the forecast excepted); rows are numbered 1..n in order of time."""
    for name in ("ransomware-gemeente.yaml", "sluis-havenstad.yaml", "polder-gemaal-hack.yaml"):
        results = simulate(load_scenario(ROOT / "scenarios" / name), lang="en")
        injects = derive_injects(results, "en")
        assert injects["number"].tolist() == list(range(1, len(injects) + 1))
        assert injects["time_min"].is_monotonic_increasing
        events = results.events.set_index("id")
        kind, happened, known = events["kind"], events["time_min"], events["known_min"]
        row_of: dict[tuple[float, int], list[int]] = {}
        forecast: dict[int, list[int]] = {}
        for number, time, held, channel in zip(*(injects[c] for c in ("number", "time_min", "events", "channel"))):
            for event in held:
                if channel == "forecast":
                    assert kind[event] == "hazard.rain" and time <= happened[event], (name, number, event)
                    forecast.setdefault(event, []).append(number)
                    continue
                assert not pd.isna(known[event]) and known[event] <= time and happened[event] <= time, (
                    name,
                    number,
                    event,
                )
                row_of.setdefault((time, event), []).append(number)
        learned = results.knowledge[[is_fact(kind[e]) for e in results.knowledge["event"]]]
        for time, event in set(zip(learned["time_min"], learned["event"])):
            if kind[event] == "hazard.rain":
                assert len(forecast.get(int(event), [])) == 1, (name, event)
            # in a row at its minute, or in the call it joined: at most CALL_WINDOW_MIN later (inject_calls)
            rows = [n for (t, e), ns in row_of.items() if e == event and time <= t < time + CALL_WINDOW_MIN for n in ns]
            if kind[event] in UNSPOKEN_KINDS:
                assert not rows, (name, time, event, kind[event])
            else:
                assert rows, (name, time, event, kind[event])
        for event in {e for _, e in row_of}:  # no more rows hold an event than minutes it was learned at
            assert sum(e == event for _, e in row_of) <= len(set(learned_at(results, event))), (name, event)
    assert forecast  # the polder's rain


def test_every_playbook_action_has_an_expected_action():
    assert {a for a in ACTIONS if f"msel.do.{a}" not in CATALOGUE} == set()


# --- files -------------------------------------------------------------------------------------------
def test_workbook_layout(results, tmp_path):
    path = tmp_path / "msel.xlsx"
    assert write_msel(results, path, "en") == 5
    ws = load_workbook(path).active
    assert ws.title == "Inject list"
    assert ws["A1"].value.startswith("Master Scenario Events List (MSEL): test (seed 0)")
    assert [c.value for c in ws[2]] == [
        "No.",
        "Time",
        "T+",
        "From",
        "To",
        "Method",
        "Message (read out as it is)",
        "Expected player action",
        "What the simulation knows (exercise control)",
    ]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:I7"
    assert ws.print_title_rows == "$2:$2"
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    widths = [ws.column_dimensions[col].width for col in "ABCDEFGHI"]
    assert widths[:3] == [width for _, width in SHEET_COLUMNS[:3]]  # number, clock, elapsed: fixed
    assert sum(widths) == sum(width for _, width in SHEET_COLUMNS)  # the rest shared out to fit the text
    assert widths == column_widths([c.value for c in ws[2]], [[c.value for c in row] for row in ws.iter_rows(3, 7)])
    assert sum(width for _, width in SHEET_COLUMNS) * POINTS_PER_WIDTH * 9.5 / FONT_SIZE_PT <= 842 - 2 * 0.4 * 72
    assert (ws["B3"].value, ws["B3"].number_format) == (datetime(2027, 1, 15, 2, 40), CLOCK_FORMAT)
    assert (ws["C6"].value, ws["C6"].number_format) == (timedelta(minutes=195), ELAPSED_FORMAT)  # a duration
    assert ws["G3"].alignment.wrap_text and ws["I3"].alignment.wrap_text and not ws["B3"].alignment.wrap_text
    assert {ws.cell(r, c).font.sz for r in range(2, 8) for c in range(1, 10)} == {FONT_SIZE_PT}
    assert (ws["D3"].value, ws["F3"].value, ws["I7"].value.split("\n")[0]) == (
        "Duty operator, net",
        "Direct line (control room)",
        "#30 06:10 sub: asset.operational 100%",
    )
    assert ws.row_dimensions[3].height >= 3 * LINE_HEIGHT_PT  # three expected actions, one a line
    assert load_workbook(_write(results, tmp_path / "nl.xlsx", "nl")).active.title == "Injectlijst"


def _write(results, path, lang):
    write_msel(results, path, lang)
    return path


def test_workbook_is_reproducible_byte_for_byte(results, tmp_path):
    """Created and modified are the scenario start (01:30 UTC), as are the zip entries' dates."""
    first, second = _write(results, tmp_path / "a.xlsx", "en"), _write(results, tmp_path / "b.xlsx", "en")
    with zipfile.ZipFile(first) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(2027, 1, 15, 2, 30, 0)}
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2027-01-15T01:30:00Z</dcterms:created>' in core
    assert '<dcterms:modified xsi:type="dcterms:W3CDTF">2027-01-15T01:30:00Z</dcterms:modified>' in core
    assert first.read_bytes() == second.read_bytes()


def test_csv_has_the_same_columns_with_iso_times(results, tmp_path):
    path = _write(results, tmp_path / "msel.csv", "nl")
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"))))
    assert rows[0] == [CATALOGUE[key]["nl"] for key, _ in COLUMNS]
    assert [row[1] for row in rows[1:]] == [
        "2027-01-15T02:40:00+01:00",
        "2027-01-15T02:45:00+01:00",
        "2027-01-15T05:30:00+01:00",
        "2027-01-15T05:45:00+01:00",
        "2027-01-15T06:10:00+01:00",
    ]
    assert [row[2] for row in rows[1:]] == ["0:10", "0:15", "3:00", "3:15", "3:40"]
    assert rows[1][5] == "Directe lijn (meldkamer)" and rows[2][5] == "Telefoon (112)"
    assert rows[1][8] == "#3 02:30 sub: outage.start, asset.failed 0%"
    assert rows[1][9:] == [
        "1, 2, 3, 7",
        "sub",
        "#2 02:30 outage.start sub\n#3 02:30 asset.failed sub 0%\n#7 02:40 report.received sub",
    ]
    assert path.read_text("utf-8") == msel_csv(derive_injects(results, "nl"), "nl")


# --- the command ---------------------------------------------------------------------------------------
def _cli(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_command_writes_both_formats(run_dir, tmp_path):
    result = _cli("msel", str(run_dir), "--out", str(tmp_path / "m.csv"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "5 injects" in result.output
    assert (tmp_path / "m.csv").read_text("utf-8").startswith("No.,Time,T+,From,To,Method,")
    assert _cli("msel", str(run_dir)).exit_code == 0  # default: RUN_DIR/msel.xlsx
    assert load_workbook(run_dir / "msel.xlsx").active.max_row == 7
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv", "run"]  # no temporary file left


@pytest.mark.parametrize(
    ("make", "args", "expected"),
    [
        (None, ("--out", "{tmp}/m.xlsx"), "is not a run directory"),
        ("run", ("--out", "{tmp}/m.pdf"), "must be one of .xlsx, .csv"),
        ("run", ("--out", "{tmp}/m"), "must be one of .xlsx, .csv"),
        ("run+file", ("--out", "{tmp}/m.xlsx"), "already exists: choose another --out or add --force"),
    ],
)
def test_command_errors_exit_2_with_a_clear_message(results, tmp_path, make, args, expected):
    target = tmp_path / "run"
    if make is None:
        target.mkdir()
    else:
        results.save(target)
    if make == "run+file":
        (tmp_path / "m.xlsx").write_text("keep me")
    result = CliRunner().invoke(cli, ["msel", str(target), *(a.format(tmp=tmp_path) for a in args), "--lang", "en"])
    assert result.exit_code == 2
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.pdf").exists() and not (tmp_path / "m").exists()
    if make == "run+file":
        assert (tmp_path / "m.xlsx").read_text() == "keep me"
        assert _cli("msel", str(target), "--out", str(tmp_path / "m.xlsx"), "--force").exit_code == 0
        assert load_workbook(tmp_path / "m.xlsx").active["A3"].value == 1


# --- LibreOffice prints it -------------------------------------------------------------------------------
def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"{name} is missing (apt-get install libreoffice-calc poppler-utils)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the LibreOffice test cannot run under CI: {reason}")
        pytest.skip(reason)
    return path


def _pdf_font_sizes(pdf) -> set[float]:
    """The sizes (points) of every ``Tf`` in the PDF's content streams: LibreOffice writes the
    printed size there, scaling included."""
    sizes: set[float] = set()
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf.read_bytes(), re.S):
        try:
            content = zlib.decompress(match.group(1))
        except zlib.error:
            continue  # an embedded font or an image
        sizes |= {float(size) for size in re.findall(rb"/F\d+ ([\d.]+) Tf", content)}
    return sizes


def _convert(soffice, workbook, tmp_path):
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), str(workbook)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = workbook.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    return pdf


@pytest.mark.parametrize(
    "scenario, most_pages",
    [("", 1), ("sluis-havenstad-stormvloed.yaml", 11), ("ransomware-gemeente.yaml", 4)],
)
def test_libreoffice_prints_the_workbook_legibly_with_every_row(results, tmp_path, artifact_dir, scenario, most_pages):
    """Converted to PDF by LibreOffice: A4 landscape, every font embedded, every text at 9.5 pt or
    more after fitting to the width, every inject's number and the words of its message on paper,
    no row printed empty (no band of the page without text taller than four lines), and dense:
    ransomware-gemeente's 16 injects on 4 pages (9 pages for 23 before the simulation column said
    only the essentials, 5 before the cascade's calls were joined), the storm surge's 59 on 11 (58
    before WMCN's storm-surge row; 19 for its 47 then; 12 for 60 before the calls were joined)."""
    soffice, pdftotext, pdffonts = _tool("soffice"), _tool("pdftotext"), _tool("pdffonts")
    if scenario:
        results = simulate(load_scenario(ROOT / "scenarios" / scenario), lang="nl")
    workbook = _write(results, tmp_path / f"msel-{scenario or 'test'}.xlsx", "nl" if scenario else "en")
    pdf = _convert(soffice, workbook, tmp_path)
    shutil.copy(pdf, artifact_dir / pdf.name)
    sizes = _pdf_font_sizes(pdf)
    assert sizes and min(sizes) >= 9.5, sorted(sizes)
    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts), fonts  # embedded
    layout = subprocess.run([pdftotext, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = layout.split("<page ")[1:]
    words = []
    for page in pages:
        assert re.search(r'width="841\.\d+" height="595\.\d+"', page), page[:80]  # A4 landscape
        boxes = [
            (float(y0), float(y1), float(x0), w)
            for x0, y0, _x1, y1, w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page
            )
        ]
        tops = sorted(y0 for y0, _, _, _ in boxes if y0 < 595 - 45)  # not the page number in the footer
        line = max(y1 - y0 for y0, y1, _, _ in boxes)
        assert all(b - a < 4 * line for a, b in zip(tops, tops[1:])), "a band without text: an empty row"
        words += [html.unescape(w) for _, _, _, w in boxes]
        numbers = [w for _, _, x0, w in boxes if x0 < 45 and w.isdigit()]
        assert numbers, "a page without an inject"
    printed = "".join(words)  # words of neighbouring cells may run together in the text layer
    injects = derive_injects(results, "nl" if scenario else "en")
    for row in injects.to_dict("records"):
        parts = [p for p in re.split(r"[-\s]+", row["message"]) if p]  # lines may break after a hyphen
        assert all(part in printed for part in parts), row["message"]
    assert len(pages) <= min(len(injects), most_pages), len(pages)
