"""What the world is: assets, needs, organisations, incidents and scenarios, loaded from files.

Pure data and validation; no simulation. Everything here is immutable after loading.
"""

from .assets import Asset, Location, ManualFallback, Need, Recovery
from .decisions import Decision, DecisionsFile
from .decisions_loading import load_decisions
from .distributions import Distribution, parse_distribution
from .durations import format_duration, parse_duration
from .errors import LoadError, Problem
from .graph import GraphFile, InfrastructureGraph
from .incidents import CompromiseInject, DdosInject, Inject, OutageInject, RansomwareInject
from .loading import load_graph, load_organisations, save_graph
from .organisations import Crew, Organisation, OrganisationsFile
from .scenario import Scenario, ScenarioFile
from .scenario_loading import load_scenario

__all__ = [
    "Asset",
    "Location",
    "ManualFallback",
    "Need",
    "Recovery",
    "Distribution",
    "parse_distribution",
    "format_duration",
    "parse_duration",
    "LoadError",
    "Problem",
    "GraphFile",
    "InfrastructureGraph",
    "CompromiseInject",
    "DdosInject",
    "Inject",
    "OutageInject",
    "RansomwareInject",
    "load_graph",
    "load_organisations",
    "load_scenario",
    "save_graph",
    "Crew",
    "Organisation",
    "OrganisationsFile",
    "Scenario",
    "ScenarioFile",
    "Decision",
    "DecisionsFile",
    "load_decisions",
]
