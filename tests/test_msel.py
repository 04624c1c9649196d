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
import io
import os
import shutil
import subprocess
import zipfile
from datetime import datetime, timedelta

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build, run
from openpyxl import load_workbook

from simulator import load_scenario, simulate
from simulator.analysis import Results
from simulator.analysis.injects import INJECT_COLUMNS, derive_injects, is_fact
from simulator.cli import cli
from simulator.messages import CATALOGUE
from simulator.model.playbook import ACTIONS
from simulator.report.msel import CLOCK_FORMAT, COLUMNS, ELAPSED_FORMAT, msel_csv, write_msel

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
            "Operator, net",
            "Control room (meldkamer)",
            "phone_112",
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
            "Security monitoring (SOC), Gemeente Test",
            "Crisis team, Gemeente Test",
            "email",
            theft,
            ("server",),
        ),
        (4, 195.0, "share", "Duty officer, Gemeente Test", "CoPI", "phone", theft, ("server",)),
        (
            5,
            220.0,
            "update",
            "Operator, net",
            "CoPI",
            "phone",
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
    assert injects["message"].tolist() == [
        "The operator (net) reports: Onderstation is down since 02:30.",
        "A caller on 112 reports: Wijk is down since 02:35: no power.",
        "The security monitoring of Gemeente Test reports: data has been stolen from Server.",
        "The duty officer of Gemeente Test reports: data has been stolen from Server.",
        "The operator (net) reports: Onderstation works again; Wijk works again.",
    ]
    # the playbook's and the ladder's responses, each with the row whose fact caused it
    assert injects["expected_action"].tolist() == [
        "Send crew Monteurs to repair Onderstation\nDecide on scaling up to GRIP 1\nSend an NL-Alert — Meldkamer",
        "Register the report; send units if needed",
        "AVG-melding for Gemeente Test: notify within 72 hours, by 18-01-2027 05:30 — Privacy",
        "Update the situational picture",
        "Update the situational picture; consider scaling down",
    ]


def test_the_same_rows_in_dutch(results):
    injects = derive_injects(results, "nl")
    assert injects["from"].tolist() == [
        "Beheerder net",
        "Melder via 112",
        "Securitymonitoring (SOC) Gemeente Test",
        "Piketfunctionaris Gemeente Test",
        "Beheerder net",
    ]
    assert injects["to"].tolist() == ["Meldkamer", "Meldkamer", "Crisisteam Gemeente Test", "CoPI", "CoPI"]
    assert injects["message"].tolist() == [
        "De beheerder (net) meldt: Onderstation is sinds 02:30 uitgevallen.",
        "Een melder belt 112: Wijk is sinds 02:35 uitgevallen: geen stroom.",
        "De securitymonitoring van Gemeente Test meldt: er zijn gegevens gestolen uit Server.",
        "De piketfunctionaris van Gemeente Test meldt: er zijn gegevens gestolen uit Server.",
        "De beheerder (net) meldt: Onderstation werkt weer; Wijk werkt weer.",
    ]
    assert injects["expected_action"].tolist() == [
        (
            "Ploeg Monteurs inzetten voor herstel van Onderstation\nBesluiten over opschaling naar GRIP "
            "1\nNL-Alert versturen — Meldkamer"
        ),
        "Melding registreren; zo nodig eenheden sturen",
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
        listed += [{int(n) for n in row[8].split(", ")} for row in csv_rows + sheet_rows]
        assert all(not hidden & events for events in listed)
        words = [*injects["message"], *injects["expected_action"], csv_path.read_text("utf-8")]
        words += [str(value) for row in sheet_rows for value in row]
        assert all("gemaal" not in w.lower() and "sluipend" not in w for w in words)


def test_invariants_on_reference_scenarios():
    """On two reference runs: every knowledge row of a fact (an organisation learning something
    about the world) is in exactly one row at its minute; no row holds an event nobody knew, or an
    event before it happened; rows are numbered 1..n in order of time."""
    for name in ("ransomware-gemeente.yaml", "sluis-havenstad.yaml"):
        results = simulate(load_scenario(ROOT / "scenarios" / name), lang="en")
        injects = derive_injects(results, "en")
        assert injects["number"].tolist() == list(range(1, len(injects) + 1))
        assert injects["time_min"].is_monotonic_increasing
        events = results.events.set_index("id")
        kind, happened, known = events["kind"], events["time_min"], events["known_min"]
        row_of: dict[tuple[float, int], list[int]] = {}
        for number, time, held in zip(injects["number"], injects["time_min"], injects["events"]):
            for event in held:
                assert not pd.isna(known[event]) and known[event] <= time and happened[event] <= time, (
                    name,
                    number,
                    event,
                )
                row_of.setdefault((time, event), []).append(number)
        learned = results.knowledge[[is_fact(kind[e]) for e in results.knowledge["event"]]]
        for time, event in set(zip(learned["time_min"], learned["event"])):
            assert len(row_of.get((float(time), int(event)), [])) == 1, (name, time, event, kind[event])


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
        "Elapsed",
        "From",
        "To",
        "Method",
        "Message (as the player hears it)",
        "Expected player action",
        "Related events",
        "Related assets",
    ]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:J7"
    assert ws.print_title_rows == "$2:$2"
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert [ws.column_dimensions[col].width for col in "ABCDEFGHIJ"] == [width for _, width in COLUMNS]
    assert (ws["B3"].value, ws["B3"].number_format) == (datetime(2027, 1, 15, 2, 40), CLOCK_FORMAT)
    assert (ws["C6"].value, ws["C6"].number_format) == (timedelta(minutes=195), ELAPSED_FORMAT)  # a duration
    assert ws["G3"].alignment.wrap_text and ws["H3"].alignment.wrap_text and not ws["B3"].alignment.wrap_text
    assert (ws["D3"].value, ws["F3"].value, ws["I3"].value, ws["J7"].value) == (
        "Operator, net",
        "Phone (112)",
        "1, 2, 3, 7",
        "sub, wijk",
    )
    assert ws.row_dimensions[3].height >= 3 * 14  # three expected actions, one a line
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
    assert rows[1][5] == "Telefoon (112)" and rows[3][5] == "E-mail"
    assert path.read_text("utf-8") == msel_csv(derive_injects(results, "nl"), "nl")


# --- the command ---------------------------------------------------------------------------------------
def _cli(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_command_writes_both_formats(run_dir, tmp_path):
    result = _cli("msel", str(run_dir), "--out", str(tmp_path / "m.csv"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "5 injects" in result.output
    assert (tmp_path / "m.csv").read_text("utf-8").startswith("No.,Time,Elapsed,From,To,Method,")
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


def test_libreoffice_converts_the_workbook_to_a_pdf_with_every_row(results, tmp_path, artifact_dir):
    soffice, pdftotext = _tool("soffice"), _tool("pdftotext")
    workbook = _write(results, tmp_path / "msel-test.xlsx", "en")
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "msel-test.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    shutil.copy(pdf, artifact_dir / "msel-test.pdf")
    printed = " ".join(
        subprocess.run(
            [pdftotext, str(pdf), "-"], capture_output=True, text=True, timeout=60, check=True
        ).stdout.split()
    )
    for row in derive_injects(results, "en").to_dict("records"):
        assert " ".join(row["message"].split()) in printed, row["message"]
        assert row["clock"].strftime("%d-%m-%Y %H:%M") in printed
    assert "Master Scenario Events List" in printed and "Expected player action" in printed
