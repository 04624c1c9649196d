"""Shared helpers: build small scenarios in memory and read the event log as tuples."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pydantic import TypeAdapter

from simulator.engine import Simulation
from simulator.model import Asset, Scenario, ScenarioFile
from simulator.model.graph import InfrastructureGraph
from simulator.model.organisations import OrganisationsFile
from simulator.model.references import check_graph
from simulator.model.scenario import Response
from simulator.model.water import Basin, Zone

ROOT = Path(__file__).resolve().parents[1]
_ASSETS = TypeAdapter(tuple[Asset, ...])


def build(
    assets: list[dict], injects: list[dict], organisations: list[dict] = (), response: dict | None = None, **spec
) -> Scenario:
    """A scenario from plain records, validated through the same schema as files.

    ``response`` holds organisation-file settings (office_hours, control_room, reporting,
    escalation, deadlines); playbook ``rules`` go in ``spec`` as in a scenario file.
    """
    graph = InfrastructureGraph(_ASSETS.validate_python(assets), name="test")
    assert not check_graph(graph), [p.render() for p in check_graph(graph)]
    fields = {
        "name": "test",
        "graph": "-",
        "start": datetime.fromisoformat("2027-01-15T02:30:00+01:00"),
        "injects": injects,
    }
    fields.update(spec)
    scenario_file = ScenarioFile.model_validate(fields)
    settings = OrganisationsFile.model_validate({"organisations": list(organisations), **(response or {})})
    resolved = Response(
        office_hours=scenario_file.office_hours or settings.office_hours,
        control_room=settings.control_room,
        reporting=scenario_file.reporting or settings.reporting,
        ladder=settings.escalation,
        deadlines=settings.deadlines,
        rules=scenario_file.rules,
    )
    return Scenario(scenario_file, graph, settings.organisations, response=resolved)


def run(scenario: Scenario, seed: int | None = None, until: float | None = None):
    return Simulation(scenario, seed=seed, until_min=until).run()


def with_water(scenario, basins, zones=()):
    """The scenario with basins and zones added to its graph."""
    from dataclasses import replace

    graph = scenario.graph
    water = InfrastructureGraph(
        graph.assets,
        graph.name,
        graph.description,
        None,
        TypeAdapter(tuple[Basin, ...]).validate_python(basins),
        TypeAdapter(tuple[Zone, ...]).validate_python(zones),
    )
    return replace(scenario, graph=water)


def status_log(record) -> list[tuple[float, str, str]]:
    """(time, asset id, status kind) for every change of status, in order."""
    ids = [a.id for a in record.scenario.graph.assets]
    return [(e.time_min, ids[e.asset], e.kind.split(".", 1)[1]) for e in record.events if e.kind.startswith("asset.")]


def kinds(record, kind: str) -> list[tuple[float, str]]:
    ids = [a.id for a in record.scenario.graph.assets]
    return [(e.time_min, ids[e.asset] if e.asset >= 0 else "") for e in record.events if e.kind == kind]


@pytest.fixture
def root() -> Path:
    return ROOT


CHROMIUM = Path("/usr/bin/chromium")
_CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BrowserPage:
    """A page in headless Chromium that records console errors, page errors and every request."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: Path) -> None:
        """Open a local file; ``self.requests`` then holds only requests beyond the file itself."""
        url = path.resolve().as_uri()
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        self.requests = [r for r in self.requests if r != url]


@pytest.fixture
def browser():
    """Headless Chromium (Debian's package) driven by Playwright.

    Outside CI a missing Chromium or Playwright skips the test and says so; under ``CI=true`` it
    fails instead, because CI installs both (.ci/run).
    """
    import os

    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing is None and not CHROMIUM.exists():
        missing = f"{CHROMIUM} is missing (apt-get install chromium)"
    if missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser test cannot run under CI: {missing}")
        pytest.skip(missing)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=_CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page(browser):
    """One page in a fresh context of ``browser``, recording console errors and requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, service_workers="block")
    try:
        yield BrowserPage(context.new_page())
    finally:
        context.close()


@pytest.fixture
def artifact_dir() -> Path:
    """Where tests leave files for a person to look at (screenshots, PDFs): ``test-artifacts/``."""
    import os

    folder = Path(os.environ.get("RAMPSIM_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
