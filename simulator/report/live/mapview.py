"""The map on the live exercise's pages: the asset graph, laid out once per scenario.

The positions come from the browser replay's layout (``replay_layout.graph_layout``: a schematic
map from the assets' locations, else rows by dependency depth) and the markers from its symbols
(``replay_html.marker_symbols``), so both draw an asset the same way. The pages draw the SVG
from the data built here:

- exercise control's map holds every asset and every dependency; the page colours it from the
  ground-truth status it already receives;
- a player's map holds only the assets of its decision form (``views.party_form``: the assets its
  organisation knows the state of, and an organisation's own assets), each with the last status
  the organisation knows (``unknown`` when it knows none: an own asset it has heard nothing of),
  and only the dependencies between two of them. Nothing of another asset is in it: not its
  name, not its place, not its status.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...analysis.exercise import Party
from ...analysis.replay import dependency_depths
from ...messages import text
from ...model.fieldtypes import SECTORS
from ...model.scenario import Scenario
from ..replay_html import STATUS_LABELS, marker_symbols
from ..replay_layout import HEIGHT, WIDTH, graph_layout

__all__ = ["MapLayout", "map_layout", "control_map", "player_map", "own_assets", "symbols", "map_strings"]

UNKNOWN = "unknown"
"""A player's asset whose state its organisation does not know (drawn as a grey outline)."""
_UNKNOWN_MARKER = '<circle r="10" fill="#FFFFFF" stroke="#8A8A8A" stroke-width="2.5" stroke-dasharray="4 3"/>'


@dataclass(frozen=True)
class MapLayout:
    """Where each asset of a scenario is drawn (SVG user units), its name and the dependencies."""

    order: tuple[str, ...]
    positions: dict[str, tuple[float, float]]
    names: dict[str, str]
    links: tuple[tuple[str, str], ...]  # (supplier, consumer), distinct, in graph order

    def node(self, asset: str, status: str | None = None) -> dict[str, Any]:
        x, y = self.positions[asset]
        node: dict[str, Any] = {"id": asset, "name": self.names[asset], "x": x, "y": y}
        if status is not None:
            node["status"] = status
        return node


def map_layout(scenario: Scenario) -> MapLayout:
    """The layout of ``scenario``'s graph: computed once, when the exercise is served."""
    assets = scenario.graph.assets
    ids = [a.id for a in assets]
    links = list(dict.fromkeys((s, a.id) for a in assets for need in a.needs for s in need.suppliers if s != a.id))
    depth = dependency_depths(ids, [list(link) for link in links])
    rows = [
        {
            "id": a.id,
            "sector": a.sector,
            "x": a.location.lon if a.location else None,
            "y": a.location.lat if a.location else None,
            "layer": depth[a.id],
        }
        for a in assets
    ]
    positions = graph_layout(rows, [s for s in SECTORS if any(a.sector == s for a in assets)])
    return MapLayout(tuple(ids), positions, dict(scenario.graph.labels), tuple(links))


def control_map(layout: MapLayout) -> dict[str, Any]:
    """Exercise control's map: every asset and dependency (coloured by the page from ``status``)."""
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "nodes": [layout.node(a) for a in layout.order],
        "links": [list(link) for link in layout.links],
    }


def own_assets(scenario: Scenario, party: Party) -> set[str]:
    """An organisation's own assets (a team owns none): offered in its form, so shown on its map."""
    if party.kind != "organisation":
        return set()
    return {a.id for a in scenario.graph.assets if a.owner == party.id}


def player_map(layout: MapLayout, known_status: dict[str, dict[str, Any]], own: set[str]) -> dict[str, Any]:
    """A player's map: the assets it knows the state of (``known_status``, from its organisation's
    known events) and its own, with the last known status; dependencies only between two of them."""
    shown = [a for a in layout.order if a in known_status or a in own]
    visible = set(shown)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "nodes": [
            {
                **layout.node(a, known_status[a]["status"] if a in known_status else UNKNOWN),
                "since": known_status[a]["since"] if a in known_status else "",
            }
            for a in shown
        ],
        "links": [list(link) for link in layout.links if link[0] in visible and link[1] in visible],
    }


def symbols() -> str:
    """The markers' ``<symbol>`` elements, for a hidden ``<svg>`` in the page."""
    return marker_symbols({UNKNOWN: _UNKNOWN_MARKER})


def map_strings(lang: str) -> dict[str, str]:
    """The legend's words: the replay's status names and its key of a cut supply line."""
    strings = {f"map_status_{s}": text(key, lang) for s, key in STATUS_LABELS.items()}
    strings["map_supply_lost"] = text("browser.supply_lost", lang)
    return strings
