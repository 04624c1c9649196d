"""Scenario files and the resolved scenario the engine runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, WithJsonSchema

from . import plugins
from .assets import FROZEN
from .errors import Problem
from .fieldtypes import Minutes, Slug, custom_error
from .graph import InfrastructureGraph
from .incidents import Inject
from .organisations import CallOutField, Deadline, Ladder, OfficeHours, Organisation, Reporting
from .outcomes import CaseSource, Outcome
from .playbook import Rule

# Longest simulated time: 10 years (wall-clock arithmetic stays far inside datetime's range).
MAX_DURATION_MIN = 10 * 365 * 1440.0

__all__ = ["ScenarioFile", "Scenario", "SourceFile", "Response", "OrganisationChange", "CrewChange"]


def _to_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


_PATHS_SCHEMA = WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})


def _check_timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise custom_error("value.timezone", value=value) from None
    return value


def _to_datetime(value: Any) -> Any:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise custom_error("value.datetime", value=value)


class CrewChange(BaseModel):
    """A crew to add, or the fields of an existing crew to change."""

    model_config = FROZEN

    id: Slug
    name: str | None = None
    size: int | None = Field(default=None, ge=1)
    callout: CallOutField | None = None


class OrganisationChange(BaseModel):
    """An organisation to add, or the fields and crews of an existing one to change."""

    model_config = FROZEN

    id: Slug
    name: str | None = None
    kind: str | None = None
    nis2: Literal["essential", "important"] | None = None
    crews: tuple[CrewChange, ...] = ()


class ScenarioFile(BaseModel):
    """The shape of a scenario file."""

    model_config = FROZEN

    name: str
    description: str = ""
    graph: str = Field(description="graph file, relative to this scenario file")
    organisations: Annotated[tuple[str, ...], BeforeValidator(_to_list), _PATHS_SCHEMA] = Field(
        default=(), description="organisation files, relative to this scenario file"
    )
    start: Annotated[datetime, BeforeValidator(_to_datetime)] = Field(
        description="wall-clock start; without an offset it is read in `timezone`"
    )
    timezone: Annotated[str, AfterValidator(_check_timezone)] = "Europe/Amsterdam"
    duration: Minutes = Field(default=48 * 60.0, gt=0, le=MAX_DURATION_MIN, description="simulated time after start")
    seed: int = Field(default=0, ge=0)
    priorities: dict[Slug, int] = Field(
        default_factory=dict, description="repair priority per asset id (higher first); default by population"
    )
    language: Literal["en", "nl"] | None = Field(default=None, description="language of the timeline; --lang overrides")
    organisation_changes: tuple[OrganisationChange, ...] = Field(
        default=(), description="change or add organisations and crews without copying the organisation file"
    )
    office_hours: OfficeHours | None = None
    reporting: Reporting | None = None
    ladder: str | None = Field(default=None, description="a ladder file replacing the organisation file's escalation")
    playbook: Annotated[tuple[str, ...], BeforeValidator(_to_list), _PATHS_SCHEMA] = Field(
        default=(), description="playbook files, relative to this scenario file"
    )
    rules: tuple[Rule, ...] = Field(default=(), description="playbook rules of this scenario")
    injects: tuple[Inject, ...] = Field(min_length=1)
    variants: dict[Slug, dict[str, Any]] = Field(
        default_factory=dict,
        description=(
            "named variants of this scenario (what a measure buys: `rampsim compare SCENARIO --variant NAME`): "
            "each overrides top-level keys of this file; mappings merge key by key, lists and other values "
            "replace, null removes a key (its default applies)"
        ),
    )
    sources: tuple[CaseSource, ...] = Field(
        default=(), description="public sources of a reconstructed real case (title, publisher, year, link)"
    )
    outcomes: tuple[Outcome, ...] = Field(
        default=(), description="the case's reported outcomes as bands, checked by `rampsim cases check`"
    )
    limits: str = Field(default="", description="what rampsim cannot express of this case")


@dataclass(frozen=True)
class Response:
    """How the crisis organisation works in this scenario (resolved from its files)."""

    office_hours: OfficeHours = field(default_factory=OfficeHours)
    control_room: str | None = None
    reporting: Reporting = field(default_factory=Reporting)
    ladder: Ladder | None = None
    deadlines: tuple[Deadline, ...] = ()
    rules: tuple[Rule, ...] = ()


@dataclass(frozen=True)
class SourceFile:
    """A file the scenario was loaded from, with its SHA-256 for the manifest."""

    path: Path
    sha256: str


@dataclass(frozen=True, eq=False)
class Scenario:
    """A validated scenario with its graph and organisations, ready to simulate.

    ``warnings``: what is odd but not wrong in its files (a playbook rule that can never fire on
    this graph, see ``scenario_checks``), located like errors; ``rampsim validate`` prints them.
    """

    spec: ScenarioFile
    graph: InfrastructureGraph
    organisations: tuple[Organisation, ...] = ()
    path: Path | None = None
    sources: tuple[SourceFile, ...] = field(default=())
    response: Response = field(default_factory=Response)
    warnings: tuple[Problem, ...] = ()

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def start(self) -> datetime:
        """Scenario start as an aware datetime in the scenario's time zone."""
        tz = ZoneInfo(self.spec.timezone)
        start = self.spec.start
        return start.replace(tzinfo=tz) if start.tzinfo is None else start.astimezone(tz)

    @property
    def duration_min(self) -> float:
        return self.spec.duration

    @property
    def seed(self) -> int:
        return self.spec.seed

    @property
    def injects(self) -> tuple:
        return self.spec.injects

    def inject_id(self, position: int) -> str:
        """The inject's id, or ``inject-N`` (1-based) when it has none."""
        return self.spec.injects[position].id or f"inject-{position + 1}"

    def crews(self) -> dict[str, Any]:
        """Every crew by its reference ``organisation/crew``."""
        return {f"{org.id}/{crew.id}": crew for org in self.organisations for crew in org.crews}


def _rebuild_schemas() -> None:
    from .plugin_schema import rebuild

    rebuild()


plugins.on_change(_rebuild_schemas)  # the schemas follow the registered plugins
