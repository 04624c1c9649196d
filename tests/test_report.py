"""The debrief report (`rampsim report`): the impact per portfolio of a run, and the HTML page.

The hand-built run (start Friday 15 January 2027 02:30; times in minutes after it):

    grid (energy) --power--> wijk (population 1000, no buffer)
                  --power--> ziekenhuis (health, population 100, 1h buffer)
                  --power--> tunnel (transport, population 50, degrades to 0.5)
    server (ict, owned by the gemeente, a NIS2 essential entity)

The grid is out from 0 to 180 (an outage of 3h). The wijk is down 0-180 (3,000 population-hours),
the ziekenhuis 60-180 (200), the tunnel at half service 0-180 (50 x 3 x 0.5 = 75): 3,275 in all.
Data are stolen from the server at 0 and found by monitoring at 120: the AVG and NIS2 clocks start.
The early warning (24h, due 1560) is sent at 300: met. The AVG notification (72h, due 4440) is sent
at 120 + 80h = 4920: missed, done late. The NIS2 notification (72h) is never sent: missed at 4440.
The final report (30 days) is still running when the run ends after 4 days.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import ROOT, build, run

import simulator
from simulator.analysis import Results, RunResults
from simulator.analysis.portfolio_impact import (
    EXTERNAL,
    asset_losses,
    cause_matrix,
    failure_episodes,
    largest_failures,
    portfolio_attribution,
    portfolio_impact,
    portfolio_mapping,
)
from simulator.cli import cli
from simulator.engine.eventkinds import HEADLINES
from simulator.model.portfolios import Portfolio
from simulator.report.debrief import CSP, render_report, write_report

ORGS = [{"id": "net"}, {"id": "gemeente", "nis2": "essential"}]
RESPONSE = {
    "reporting": {"delay": "10min"},
    "deadlines": [
        {"id": "nis2-vroeg", "name": "NIS2: early warning", "starts": "significant_incident", "within": "24h"},
        {"id": "nis2-melding", "name": "NIS2: notification", "starts": "significant_incident", "within": "72h"},
        {"id": "nis2-eind", "name": "NIS2: final report", "starts": "significant_incident", "within": "30d"},
        {"id": "avg", "name": "AVG: data breach", "starts": "exfiltration", "within": "72h"},
    ],
}
ASSETS = [
    {"id": "grid", "name": "Substation", "sector": "energy", "owner": "net"},
    {
        "id": "wijk",
        "name": "Noordwijk",
        "sector": "population",
        "population": 1000,
        "needs": [{"type": "power", "from": "grid"}],
    },
    {
        "id": "ziekenhuis",
        "name": "Hospital",
        "sector": "health",
        "population": 100,
        "population_within": "none",  # patients from outside Noordwijk: not counted with it
        "needs": [{"type": "power", "from": "grid", "tolerance": "1h"}],
    },
    {
        "id": "tunnel",
        "name": "Tunnel",
        "sector": "transport",
        "population": 50,
        "population_within": "none",  # road users passing through
        "needs": [{"type": "power", "from": "grid", "effect": {"degrade": 0.5}}],
    },
    {"id": "server", "name": "Town hall server", "sector": "ict", "owner": "gemeente"},
]
INJECTS = [
    {"id": "stroomuitval", "type": "outage", "target": "grid", "duration": "3h"},
    {
        "id": "datalek",
        "type": "cyber.compromise",
        "target": "server",
        "effect": "exfiltrate",
        "detect": {"monitoring": "2h"},
    },
]
RULES = [
    {
        "id": "vroeg",
        "when": {"deadline_started": "nis2-vroeg"},
        "action": "notify",
        "deadline": "nis2-vroeg",
        "delay": "3h",
    },
    {"id": "ap", "when": {"deadline_started": "avg"}, "action": "notify", "deadline": "avg", "delay": "80h"},
]
NAME = "Stroom & datalek <oefening>"


def scenario(portfolios: tuple[Portfolio, ...] = ()):
    made = build(
        ASSETS,
        INJECTS,
        ORGS,
        response=RESPONSE,
        rules=RULES,
        duration="4d",
        name=NAME,
        description="A small <debrief> test",
    )
    return (
        dataclasses.replace(made, graph=dataclasses.replace(made.graph, portfolios=portfolios)) if portfolios else made
    )


@pytest.fixture(scope="module")
def result() -> Results:
    return Results.from_record(run(scenario()), "en")


@pytest.fixture(scope="module")
def reference_run(tmp_path_factory) -> Path:
    """Stroomstoring Havenstad (seed 11): Havenstad's own portfolios, an evacuation, no deadlines."""
    out = tmp_path_factory.mktemp("reference") / "stroom"
    simulator.simulate(simulator.load_scenario(ROOT / "scenarios" / "stroomstoring-havenstad.yaml")).save(out)
    return out


def runner() -> CliRunner:
    env = {"RAMPSIM_LANG": None, "COLUMNS": "200"}
    try:
        return CliRunner(mix_stderr=False, env=env)  # click < 8.2
    except TypeError:
        return CliRunner(env=env)


def portfolio(pid: str, sectors, default_for=None) -> Portfolio:
    return Portfolio.model_validate(
        {
            "id": pid,
            "name": {"nl": f"NL {pid}", "en": f"EN {pid}"},
            "holder": f"Wethouder {pid}",
            "sectors": sectors,
            "default_for": default_for,
        }
    )


# --- impact per portfolio ---------------------------------------------------------------------------


def test_losses_per_asset(result):
    losses = asset_losses(result)
    assert losses.drop(columns="name").astype(object).where(losses.notna(), None).values.tolist() == [
        ["grid", "energy", "economie-infrastructuur", True, 180.0, 0.0, 180.0, 0.0, False],
        ["wijk", "population", "burgemeester", True, 180.0, 3000.0, 180.0, 0.0, False],
        ["ziekenhuis", "health", "zorg", True, 120.0, 200.0, 120.0, 60.0, False],
        ["tunnel", "transport", "haven-verkeer", True, 0.0, 75.0, 0.0, None, False],
        ["server", "ict", "bedrijfsvoering", False, 0.0, 0.0, 0.0, None, False],
    ]
    assert losses["unserved_population_hours"].sum() == result.metrics["unserved_population_hours"] == 3275.0


def test_impact_per_portfolio_with_the_default_mapping(result):
    impact = portfolio_impact(result)
    assert impact.values.tolist() == [
        ["burgemeester", 1, ("wijk",), 3.0, 3000.0, 180.0, "wijk", False],
        ["economie-infrastructuur", 1, ("grid",), 3.0, 0.0, 180.0, "grid", False],
        ["haven-verkeer", 1, ("tunnel",), 0.0, 75.0, 0.0, "", False],
        ["zorg", 1, ("ziekenhuis",), 2.0, 200.0, 120.0, "ziekenhuis", False],
        ["bedrijfsvoering", 0, (), 0.0, 0.0, 0.0, "", False],
    ]


def test_the_graph_files_portfolios_travel_in_the_run_directory(tmp_path):
    """health and ict are in no portfolio and no portfolio is default_for other: the default
    catch-all (bedrijfsvoering) joins the mapping and takes them."""
    portfolios = (
        portfolio("oov", ["emergency", "population"], "safety"),
        portfolio("techniek", ["energy", "transport"]),
    )
    fresh = Results.from_record(run(scenario(portfolios)), "en")
    fresh.save(tmp_path / "run")
    loaded = Results.load(tmp_path / "run")
    assert loaded.manifest["portfolios"][0] == {
        "id": "oov",
        "name": {"nl": "NL oov", "en": "EN oov"},
        "holder": "Wethouder oov",
        "sectors": ["emergency", "population"],
        "default_for": "safety",
    }
    for each in (fresh, loaded):
        mapping = portfolio_mapping(each)
        assert (mapping.source, mapping.unmapped["health"], mapping.unmapped["flood_defence"]) == (
            "file",
            "bedrijfsvoering",
            "oov",
        )
        assert portfolio_impact(each, mapping).values.tolist() == [
            ["oov", 1, ("wijk",), 3.0, 3000.0, 180.0, "wijk", False],
            ["techniek", 2, ("grid", "tunnel"), 3.0, 75.0, 180.0, "grid", False],
            ["bedrijfsvoering", 1, ("ziekenhuis",), 2.0, 200.0, 120.0, "ziekenhuis", False],
        ]


def test_a_run_directory_without_portfolios_falls_back_to_the_default(result, tmp_path):
    result.save(tmp_path / "run")
    assert "portfolios" not in json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    assert portfolio_mapping(Results.load(tmp_path / "run")).source == "default"


def test_an_evacuated_neighbourhood_stops_counting_as_the_metric_does():
    """The wijk fails at 0, the control room knows at 10 and the evacuation takes 1h: its people
    count until 70, 1000 x 70 / 60 population-hours (not 3,000)."""
    rules = [{"id": "evacuatie", "when": {"asset_failed": {"asset": "wijk"}}, "action": "evacuate", "duration": "1h"}]
    evacuated = Results.from_record(
        run(build(ASSETS[:2], INJECTS[:1], ORGS, response=RESPONSE, rules=rules, duration="4d")), "en"
    )
    losses = asset_losses(evacuated)
    assert losses["unserved_population_hours"].tolist() == [0.0, pytest.approx(1000 * 70 / 60, rel=1e-12)]
    assert losses["unserved_population_hours"].sum() == pytest.approx(
        evacuated.metrics["unserved_population_hours"], rel=1e-12
    )


def test_losses_add_up_to_the_metrics_of_a_reference_run(reference_run):
    reference = Results.load(reference_run)
    losses = asset_losses(reference)
    assert losses["unserved_population_hours"].sum() == pytest.approx(
        reference.metrics["unserved_population_hours"], rel=1e-12
    )
    assert losses["failed_min"].sum() == pytest.approx(sum(reference.metrics["downtime_min"].values()), rel=1e-12)
    assert int((losses["failed_min"] > 0).sum()) == reference.metrics["assets_failed"]


def test_every_loss_lands_in_one_portfolio_and_is_caused_from_one(result):
    """The substation's outage takes the wijk (3,000), the ziekenhuis (200) and the tunnel (75) with
    it: they land in the mayor's, care's and the port's portfolios, and all 3,275 population-hours
    and 3 + 3 + 2 failed asset-hours are caused from the one holding energy."""
    both = portfolio_attribution(result)
    assert both.values.tolist() == [
        ["burgemeester", 1, 3.0, 3000.0, 0, 0.0, 0.0],
        ["economie-infrastructuur", 1, 3.0, 0.0, 4, 8.0, 3275.0],
        ["haven-verkeer", 1, 0.0, 75.0, 0, 0.0, 0.0],
        ["zorg", 1, 2.0, 200.0, 0, 0.0, 0.0],
        ["bedrijfsvoering", 0, 0.0, 0.0, 0, 0.0, 0.0],
        [EXTERNAL, 0, 0.0, 0.0, 0, 0.0, 0.0],
    ]
    assert cause_matrix(result).loc["economie-infrastructuur"].tolist() == [3000.0, 0.0, 75.0, 200.0, 0.0]
    # the landed side is the impact per portfolio
    impact = portfolio_impact(result)
    assert both["unserved_population_hours"].tolist()[:-1] == impact["unserved_population_hours"].tolist()
    assert both["failed_asset_hours"].tolist()[:-1] == impact["failed_asset_hours"].tolist()


def test_caused_from_adds_up_to_landed_in_and_the_metric_on_a_reference_run(reference_run):
    """Both injects of Stroomstoring Havenstad are substations (energy: Havenstad's mobility, energy
    and utilities portfolio): every loss is caused from there, wherever it lands."""
    reference = Results.load(reference_run)
    episodes = failure_episodes(reference)
    both = portfolio_attribution(reference, episodes=episodes)
    total = reference.metrics["unserved_population_hours"]
    assert both["caused_unserved_population_hours"].sum() == pytest.approx(
        both["unserved_population_hours"].sum(), rel=1e-12
    )
    assert both["caused_unserved_population_hours"].sum() == pytest.approx(total, rel=1e-12)
    assert cause_matrix(reference, episodes=episodes).to_numpy().sum() == pytest.approx(total, rel=1e-12)
    hours = sum(reference.metrics["downtime_min"].values()) / 60
    assert both["caused_failed_asset_hours"].sum() == pytest.approx(hours, rel=1e-12)
    assert both["failed_asset_hours"].sum() == pytest.approx(hours, rel=1e-12)
    assert set(episodes["cause_asset"]) == {"onderstation-oost", "onderstation-noord"}
    assert set(episodes["caused_by"]) == {"mobiliteit-nutsvoorzieningen"}
    assert both.set_index("portfolio").loc["burgemeester", "caused_unserved_population_hours"] == 0.0
    assert both.set_index("portfolio").loc["mobiliteit-nutsvoorzieningen", "unserved_population_hours"] == 0.0


def test_largest_failures_most_population_hours_then_longest_failed(result):
    losses = asset_losses(result)
    assert largest_failures(losses, 3) == ["wijk", "ziekenhuis", "tunnel", "grid"]
    assert largest_failures(losses, 1) == ["wijk", "grid"]


# --- the page -----------------------------------------------------------------------------------------


def rows(html: str, css: str) -> list[list[str]]:
    """The body rows of the page's table of class ``css``, as text cells."""
    table = re.search(rf'<table class="{css}">(.*?)</table>', html, re.S).group(1)
    body = table.split("<tbody>", 1)[1]
    return [
        [" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


EXPECTED = {
    "en": {
        "title": "<title>Debrief: Stroom &amp; datalek &lt;oefening&gt;</title>",
        "metrics": [
            ["assets failed", "3"],
            ["peak assets failed at once", "3"],
            ["unserved population-hours", "3,275"],
            ["time to full recovery", "+3h"],
            ["events", "46"],
            ["first incident known, after its start", "+10min"],
            ["deadlines met", "1 of 3 (still running: 1)"],
        ],
        "deadlines": [
            [
                "NIS2: early warning",
                "gemeente",
                "2027-01-15 04:30 +2h",
                "24 hours",
                "2027-01-16 04:30 +1d2h",
                "2027-01-15 07:30 +5h",
                "met",
            ],
            [
                "AVG: data breach",
                "gemeente",
                "2027-01-15 04:30 +2h",
                "72 hours",
                "2027-01-18 04:30 +3d2h",
                "2027-01-18 12:30 +3d10h",
                "missed (done late)",
            ],
            [
                "NIS2: notification",
                "gemeente",
                "2027-01-15 04:30 +2h",
                "72 hours",
                "2027-01-18 04:30 +3d2h",
                "–",
                "missed",
            ],
            [
                "NIS2: final report",
                "gemeente",
                "2027-01-15 04:30 +2h",
                "30 days",
                "2027-02-14 04:30 +30d2h",
                "–",
                "still running at the end of the run",
            ],
        ],
        "portfolios": [
            [
                "Public order, safety and crisis management",
                "Mayor",
                "Emergency services, Neighbourhoods",
                "1 Noordwijk",
                "3.0",
                "3,000",
                "Noordwijk: 3h",
            ],
            [
                "Economy and infrastructure (energy, water, telecom)",
                "Alderman for the economy",
                "Energy, Water, Telecom, Finance, Food",
                "1 Substation",
                "3.0",
                "0",
                "Substation: 3h",
            ],
            [
                "Port, waterways and traffic",
                "Alderman for the port and traffic",
                "Waterways, Flood defence, Transport",
                "1 Tunnel",
                "0.0",
                "75",
                "–",
            ],
            ["Care and welfare", "Alderman for care", "Health", "1 Hospital", "2.0", "200", "Hospital: 2h"],
            [
                "Operations and digitalisation (the municipality's own IT)",
                "Alderman for operations",
                "Government, ICT",
                "0",
                "0.0",
                "0",
                "–",
            ],
        ],
        "mapping": (
            "The graph file has no portfolios section: rampsim&#x27;s default mapping of sectors to portfolios is used."
        ),
        "chain": ["Inject stroomuitval (physical incident): outage on Substation", "Noordwijk fails"],
        "back": "Back in operation: 2027-01-15 05:30 +3h Noordwijk operational again",
    },
    "nl": {
        "title": "<title>Nabespreking: Stroom &amp; datalek &lt;oefening&gt;</title>",
        "metrics": [
            ["objecten uitgevallen", "3"],
            ["piek gelijktijdig uitgevallen", "3"],
            ["onbediende inwoner-uren", "3.275"],
            ["tijd tot volledig herstel", "+3u"],
            ["gebeurtenissen", "46"],
            ["eerste incident bekend, na zijn begin", "+10min"],
            ["termijnen gehaald", "1 van 3 (nog lopend: 1)"],
        ],
        "deadlines": [
            [
                "NIS2: early warning",
                "gemeente",
                "2027-01-15 04:30 +2u",
                "24 uur",
                "2027-01-16 04:30 +1d2u",
                "2027-01-15 07:30 +5u",
                "gehaald",
            ],
            [
                "AVG: data breach",
                "gemeente",
                "2027-01-15 04:30 +2u",
                "72 uur",
                "2027-01-18 04:30 +3d2u",
                "2027-01-18 12:30 +3d10u",
                "niet gehaald (te laat gedaan)",
            ],
            [
                "NIS2: notification",
                "gemeente",
                "2027-01-15 04:30 +2u",
                "72 uur",
                "2027-01-18 04:30 +3d2u",
                "–",
                "niet gehaald",
            ],
            [
                "NIS2: final report",
                "gemeente",
                "2027-01-15 04:30 +2u",
                "30 dagen",
                "2027-02-14 04:30 +30d2u",
                "–",
                "nog lopend aan het einde van de run",
            ],
        ],
        "portfolios": [
            [
                "Openbare orde, veiligheid en crisisbeheersing",
                "Burgemeester",
                "Hulpdiensten, Wijken",
                "1 Noordwijk",
                "3,0",
                "3.000",
                "Noordwijk: 3u",
            ],
            [
                "Economie en infrastructuur (energie, water, telecom)",
                "Wethouder Economie",
                "Energie, Water, Telecom, Financiën, Voedsel",
                "1 Substation",
                "3,0",
                "0",
                "Substation: 3u",
            ],
            [
                "Haven, water en verkeer",
                "Wethouder Haven en Verkeer",
                "Vaarwegen, Waterkering, Vervoer",
                "1 Tunnel",
                "0,0",
                "75",
                "–",
            ],
            ["Zorg en welzijn", "Wethouder Zorg", "Zorg", "1 Hospital", "2,0", "200", "Hospital: 2u"],
            [
                "Bedrijfsvoering en digitalisering",
                "Wethouder Bedrijfsvoering",
                "Openbaar bestuur, ICT",
                "0",
                "0,0",
                "0",
                "–",
            ],
        ],
        "mapping": (
            "Het graafbestand heeft geen portefeuilles: de standaardindeling van sectoren in portefeuilles van "
            "rampsim is gebruikt."
        ),
        "chain": ["Inject stroomuitval (fysiek incident): uitval op Substation", "Noordwijk valt uit"],
        "back": "Weer in bedrijf: 2027-01-15 05:30 +3u Noordwijk weer in bedrijf",
    },
}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_holds_scenario_metrics_deadlines_portfolios_chains_and_timeline(result, lang):
    html = render_report(result, lang)
    expected = EXPECTED[lang]
    assert html.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">\n')
    assert expected["title"] in html
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html
    assert CSP == "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    assert "A small &lt;debrief&gt; test" in html  # the description, escaped
    assert rows(html, "injects") == [
        [
            "stroomuitval",
            *(["outage", "physical incident"] if lang == "en" else ["uitval", "fysiek incident"]),
            "Substation",
            "2027-01-15 02:30 +0min",
        ],
        [
            "datalek",
            *(
                ["cyber attack (data theft)", "cybercrime"]  # by its effect: exfiltrate
                if lang == "en"
                else ["cyberaanval (gegevensdiefstal)", "cybercriminaliteit"]
            ),
            "Town hall server",
            "2027-01-15 02:30 +0min",
        ],
    ]
    assert rows(html, "metrics") == expected["metrics"]
    assert rows(html, "deadlines") == expected["deadlines"]
    assert rows(html, "portfolios") == expected["portfolios"]
    assert expected["mapping"] in html
    chains = re.findall(r'<article class="chain">(.*?)</article>', html, re.S)
    assert [re.search(r"<h3>(.*?) <span", c).group(1) for c in chains] == [
        "Noordwijk",
        "Hospital",
        "Tunnel",
        "Substation",
    ]
    steps = [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", s)).split()) for s in re.findall(r"<li>(.*?)</li>", chains[0], re.S)
    ]
    assert len(steps) == 6
    assert steps[0].startswith(f"2027-01-15 02:30 +0min {expected['chain'][0]}")
    assert steps[-1].startswith(f"2027-01-15 02:30 +0min {expected['chain'][1]}")
    assert expected["back"] in " ".join(unescape(re.sub(r"<[^>]+>", " ", chains[0])).split())
    headline = result.events[result.events["kind"].isin(HEADLINES)]
    timeline = rows(html, "timeline")
    assert len(timeline) == len(headline) == 30
    assert timeline[0][2] == "02:40 +10min"  # the inject happened at 02:30, the control room knew at 02:40
    assert html.count("<svg ") == 3 and "<?xml" not in html


CAUSES = {
    "en": {
        "causes": [
            ["Public order, safety and crisis management", "3,000", "0", "3.0", "0.0", "0"],
            ["Economy and infrastructure (energy, water, telecom)", "0", "3,275", "3.0", "8.0", "4"],
            ["Port, waterways and traffic", "75", "0", "0.0", "0.0", "0"],
            ["Care and welfare", "200", "0", "2.0", "0.0", "0"],
            ["Operations and digitalisation (the municipality's own IT)", "0", "0", "0.0", "0.0", "0"],
        ],
        "header": [
            "started in ↓ landed in →",
            "Mayor",
            "Alderman for the economy",
            "Alderman for the port and traffic",
            "Alderman for care",
            "Alderman for operations",
            "total",
        ],
        "matrix": [
            ["Mayor", "–", "–", "–", "–", "–", "–"],
            ["Alderman for the economy", "3,000", "–", "75", "200", "–", "3,275"],
            ["Alderman for the port and traffic", "–", "–", "–", "–", "–", "–"],
            ["Alderman for care", "–", "–", "–", "–", "–", "–"],
            ["Alderman for operations", "–", "–", "–", "–", "–", "–"],
            ["total", "3,000", "–", "75", "200", "–", "3,275"],
        ],
        "total": "Both sides add up to the same total: 3,275 unserved population-hours.",
        "external": "in this run every chain starts at an asset.",
    },
    "nl": {
        "causes": [
            ["Openbare orde, veiligheid en crisisbeheersing", "3.000", "0", "3,0", "0,0", "0"],
            ["Economie en infrastructuur (energie, water, telecom)", "0", "3.275", "3,0", "8,0", "4"],
            ["Haven, water en verkeer", "75", "0", "0,0", "0,0", "0"],
            ["Zorg en welzijn", "200", "0", "2,0", "0,0", "0"],
            ["Bedrijfsvoering en digitalisering", "0", "0", "0,0", "0,0", "0"],
        ],
        "header": [
            "begonnen in ↓ terechtgekomen in →",
            "Burgemeester",
            "Wethouder Economie",
            "Wethouder Haven en Verkeer",
            "Wethouder Zorg",
            "Wethouder Bedrijfsvoering",
            "totaal",
        ],
        "matrix": [
            ["Burgemeester", "–", "–", "–", "–", "–", "–"],
            ["Wethouder Economie", "3.000", "–", "75", "200", "–", "3.275"],
            ["Wethouder Haven en Verkeer", "–", "–", "–", "–", "–", "–"],
            ["Wethouder Zorg", "–", "–", "–", "–", "–", "–"],
            ["Wethouder Bedrijfsvoering", "–", "–", "–", "–", "–", "–"],
            ["totaal", "3.000", "–", "75", "200", "–", "3.275"],
        ],
        "total": "Beide kanten tellen op tot hetzelfde totaal: 3.275 onbediende inwoner-uren.",
        "external": "in deze run begint elke keten bij een object.",
    },
}


def header(html: str, css: str) -> list[str]:
    table = re.search(rf'<table class="{css}">(.*?)</table>', html, re.S).group(1)
    return [unescape(h) for h in re.findall(r"<th(?: [^>]*)?>(.*?)</th>", table.split("<tbody>", 1)[0], re.S)]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_page_shows_where_losses_landed_and_where_they_started(result, lang):
    html = render_report(result, lang)
    expected = CAUSES[lang]
    section = re.search(r'<section id="portfolios">(.*?)</section>', html, re.S).group(1)
    assert (
        section.index('<table class="portfolios">')
        < section.index('<table class="portfolio-causes">')
        < section.index('<table class="portfolio-matrix">')
    )
    assert rows(html, "portfolio-causes") == expected["causes"]
    assert header(html, "portfolio-matrix") == expected["header"]
    assert rows(html, "portfolio-matrix") == expected["matrix"]
    text_ = " ".join(unescape(re.sub(r"<[^>]+>", " ", section)).split())
    assert expected["total"] in text_ and text_.endswith(expected["external"])


def test_a_loss_whose_chain_starts_at_no_asset_shows_as_external_on_the_page(result):
    """The substation's inject rewritten as a root without an asset (as a rule timed by `at` is):
    the bucket gets its own row in both tables and the note says what it holds."""
    events = result.events.copy()
    root = events.index[events["kind"] == "inject"][0]
    events.loc[root, ["kind", "asset"]] = ["rule.fired", ""]
    timed = RunResults(
        events,
        result.states,
        result.metrics,
        result.manifest,
        tables={"assets": result.assets, "knowledge": result.knowledge},
    )
    html = render_report(timed, "en")
    assert rows(html, "portfolio-causes")[1] == [
        "Economy and infrastructure (energy, water, telecom)",
        "0",
        "0",
        "3.0",
        "0.0",
        "0",
    ]
    assert rows(html, "portfolio-causes")[-1] == ["No asset / external", "0", "3,275", "0.0", "8.0", "4"]
    assert header(html, "portfolio-matrix")[-2:] == [
        "Alderman for operations",
        "total",
    ]  # nothing lands outside a portfolio
    assert rows(html, "portfolio-matrix")[-2:] == [
        ["No asset / external", "3,000", "–", "75", "200", "–", "3,275"],
        ["total", "3,000", "–", "75", "200", "–", "3,275"],
    ]
    assert "count as caused from “No asset / external”." in html


def test_a_run_where_nothing_failed_says_so():
    quiet = Results.from_record(
        run(
            build(ASSETS[:1], [{"type": "cyber.ddos", "target": "grid", "level": 0.5, "duration": "1h"}], duration="2h")
        ),
        "en",
    )
    html = render_report(quiet, "en")
    assert "No legal deadline started in this run." in html
    assert "No asset failed, and none left people unserved." in html  # degraded, but no loss to explain
    assert rows(html, "portfolios")[1][3] == "1 Substation"


def test_the_same_run_gives_the_same_bytes(result, tmp_path):
    first, second = write_report(result, tmp_path / "a.html", "nl"), write_report(result, tmp_path / "b.html", "nl")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes().decode("utf-8") == render_report(result, "nl")


def test_the_same_run_directory_gives_the_same_file_in_every_process(tmp_path):
    """Separate processes with different hash seeds: a set iterated anywhere (the cascade figure's
    layers once were) would change the figures. Eight stations without needs share the first layer."""
    stations = [{"id": f"station-{i}", "sector": "energy"} for i in range(8)]
    wijk = {"id": "wijk", "sector": "population", "population": 10, "needs": [{"type": "power", "from": "station-3"}]}
    injects = [{"type": "outage", "target": "station-3", "duration": "1h"}]
    Results.from_record(run(build([*stations, wijk], injects, duration="3h")), "en").save(tmp_path / "run")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed, "RAMPSIM_LANG": ""}
        subprocess.run(
            [sys.executable, "-m", "simulator", "report", str(tmp_path / "run"), "--out", str(out)],
            check=True,
            env=env,
            capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"<svg ") == 3


def test_the_page_renders_in_chromium_without_errors_or_requests(reference_run, tmp_path, browser_page, artifact_dir):
    page_file = write_report(Results.load(reference_run), tmp_path / "report.html", "nl")
    browser_page.open(page_file)
    page = browser_page.page
    assert browser_page.console_errors == []
    assert browser_page.requests == []
    assert page.locator("#portfolios table.portfolios tbody tr").count() == 5
    assert page.locator("#portfolios table.portfolio-causes tbody tr").count() == 5  # nothing external: no sixth row
    assert page.locator("#portfolios table.portfolio-matrix tbody tr").count() == 6  # and the totals
    assert page.locator("#chains article").count() >= 3
    for figure in page.locator("figure svg").all():
        box = figure.bounding_box()
        assert box["width"] > 800 and box["height"] > 300
    assert page.locator("figure svg").count() == 3
    page.screenshot(path=str(artifact_dir / "report.png"), full_page=True)
    page.emulate_media(media="print")
    assert page.locator("nav").is_hidden()
    assert (
        page.locator("#portfolios table.portfolios").is_visible()
        and page.locator("#portfolios table.portfolio-matrix").is_visible()
    )


# --- the command --------------------------------------------------------------------------------------


def test_report_command_writes_the_page_into_the_run_directory_by_default(result, tmp_path):
    result.save(tmp_path / "run")
    outcome = runner().invoke(cli, ["report", str(tmp_path / "run"), "--lang", "nl"])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.output.strip() == f"Rapport geschreven naar {tmp_path / 'run' / 'report.html'}"
    assert (tmp_path / "run" / "report.html").read_text(encoding="utf-8") == render_report(result, "nl")


@pytest.mark.parametrize("kind", ["missing", "empty", "file", "ensemble"])
def test_report_of_something_that_is_not_a_run_exits_2(tmp_path, kind):
    target = tmp_path / "x"
    if kind == "empty":
        target.mkdir()
    elif kind == "file":
        target.write_text("hallo", encoding="utf-8")
    elif kind == "ensemble":
        target.mkdir()
        pd.DataFrame({"replication": [0]}).to_parquet(target / "replications.parquet")
        (target / "manifest.json").write_text("{}", encoding="utf-8")
    outcome = runner().invoke(cli, ["--lang", "en", "report", str(target), "--out", str(tmp_path / "r.html")])
    assert outcome.exit_code == 2
    expected = f"{target} is not a run directory (no events.csv or events.parquet, and manifest.json)"
    assert outcome.stderr.strip() == expected
    assert not (tmp_path / "r.html").exists()


def test_report_of_a_damaged_run_or_into_a_folder_exits_2_and_leaves_nothing(result, tmp_path):
    result.save(tmp_path / "run")
    (tmp_path / "out").mkdir()
    outcome = runner().invoke(cli, ["--lang", "en", "report", str(tmp_path / "run"), "--out", str(tmp_path / "out")])
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(f"cannot write {tmp_path / 'out'}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "run"]  # no partial file left beside it
    assert list((tmp_path / "out").iterdir()) == []
    (tmp_path / "run" / "manifest.json").write_text('{"seed": 1, "portfolios": [{"id": "p"}]}', encoding="utf-8")
    outcome = runner().invoke(cli, ["--lang", "en", "report", str(tmp_path / "run"), "--out", str(tmp_path / "r.html")])
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith(f"{tmp_path / 'run'}: cannot read this run directory (")
    (tmp_path / "run" / "metrics.json").write_text("{not json", encoding="utf-8")
    outcome = runner().invoke(cli, ["--lang", "en", "report", str(tmp_path / "run"), "--out", str(tmp_path / "r.html")])
    assert outcome.exit_code == 2 and "cannot read this run directory" in outcome.stderr
    assert not (tmp_path / "r.html").exists()


def test_the_page_and_the_terminal_show_the_same_key_metrics_and_levels_in_the_language():
    from simulator.report.summary import metric_rows

    metrics = {
        "assets_failed": 2,
        "peak_assets_failed": 1,
        "unserved_population_hours": 1234.5,
        "time_to_full_recovery_min": None,
        "events": 9,
        "max_water_level_m": {"havenbekken": 0.184},
    }
    nl = dict(metric_rows(metrics, "nl"))
    assert (
        nl["metric.max_water_level_m"] == "havenbekken: 0,18 m NAP"
        and nl["metric.unserved_population_hours"] == "1.234"
    )
    assert dict(metric_rows(metrics, "en"))["metric.max_water_level_m"] == "havenbekken: 0.18 m NAP"
    named = dict(metric_rows(metrics, "nl", {"havenbekken": "Havenbekken achter de zeesluis"}))
    assert named["metric.max_water_level_m"] == "Havenbekken achter de zeesluis: 0,18 m NAP"


def test_the_run_summary_and_the_page_name_basins_not_ids(tmp_path):
    """A review found 'oostpolder: -1,85 m NAP' in the summary a person reads."""
    out = tmp_path / "run"
    result = runner().invoke(
        cli, ["--lang", "nl", "run", str(ROOT / "scenarios" / "polder-gemaal-hack.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    names = dict(zip(*(Results.load(out).basins[c] for c in ("id", "name"))))
    assert names["oostpolder"] != "oostpolder"
    level_lines = [line for line in result.stdout.splitlines() if "m NAP" in line]
    assert level_lines and all(names["oostpolder"] in line or "oostpolder" not in line for line in level_lines)
    assert not any(re.search(r"\boostpolder:", line) for line in level_lines)
    page = render_report(Results.load(out), "nl")
    assert names["oostpolder"] + ": " in page


def test_the_report_of_a_storm_surge_shows_the_harbours_water_level_beside_its_thresholds(tmp_path):
    """Stormvloed: the harbour basin's level passes its alarm level and its quay; the figure of the
    page draws the level, the alarm level, the crest, the highest level and the zones' flooding."""
    storm = simulator.simulate(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml", until_min=360)
    page = render_report(storm, "nl")
    figure = re.search(r'<figure id="figure-water-havenbekken">(.*?)</figure>', page, re.S)
    assert figure is not None and "<figcaption>Waterstand: Havenbekken achter de zeesluis</figcaption>" in figure[1]
    for gid in ("level", "alarm", "crest", "initial", "peak", "flooded"):
        assert f'id="fig-water-havenbekken-{gid}"' in figure[1]
    assert "figure-water-oostpolder" not in page  # the polder's water never moved: no figure


def test_the_debrief_says_who_knew_by_name_not_by_organisation_id():
    """A review found '(bij: veiligheidsregio +27min)' on the page a trainer projects."""
    result = simulator.simulate(ROOT / "scenarios" / "sluis-havenstad.yaml")
    page = render_report(result, "nl")
    who = re.findall(r"bekend na [^<(]*\(bij: ([^<]*)\)", page)
    assert who, "no knowledge lines on the page"
    names = set(result.manifest["organisations"].values())
    for line in who:
        for part in line.split(", "):
            org = part.rsplit(" +", 1)[0]
            assert org in names, (org, line)


def test_the_storm_surges_lock_and_alarm_sentences_name_the_basin_and_keep_its_id_in_the_data():
    """Issue 14: 'water stroomt tussen buitenwater en havenbekken', 'Peilalarm van havenbekken'."""
    storm = simulator.simulate(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml", until_min=120, lang="nl")
    name = "Havenbekken achter de zeesluis"
    assert dict(zip(storm.basins["id"], storm.basins["name"]))["havenbekken"] == name
    for lang, table in (("nl", storm.events), ("en", storm.in_language("en").events)):
        rows = table[table["kind"].isin(["hazard.gates_opened", "detect.alarm"])]
        assert sorted(rows["kind"]) == ["detect.alarm", "hazard.gates_opened"], lang
        for row in rows.itertuples(index=False):
            assert json.loads(row.data)["basin"] == "havenbekken" and row.ref == "havenbekken"
            assert row.message.endswith(name) or f" {name} " in row.message, (lang, row.message)
            assert "havenbekken" not in row.message, (lang, row.message)
    # the flood that failed Havenkwartier (degraded since the bridge failed at 02:30) has its chain
    page = unescape(render_report(storm, "nl"))
    article = page[page.index("<h3>Havenkwartier") : page.index("</article>", page.index("<h3>Havenkwartier"))]
    steps = ["Havenkwartier verminderd tot 90%", "Later erger, door een eigen oorzaak:", "Inject zeesluis-deuren"]
    steps += [f"buitenwater en {name}", "Havenkwartier loopt onder en valt uit", "Havenkwartier valt uit</div>"]
    at = [article.index(step) for step in steps]
    assert at == sorted(at), article
