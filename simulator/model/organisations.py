"""The crisis organisation: organisations and crews with call-out times, office hours, how
failures are reported, the escalation ladder and the legal deadlines."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, PlainSerializer, WithJsonSchema, model_validator

from .assets import FROZEN
from .conditions import Condition, ConditionError, parse_condition
from .distributions import Distribution
from .fieldtypes import DistributionField, Minutes, Slug, custom_error
from .portfolios import Text

__all__ = [
    "CallOut",
    "Crew",
    "Organisation",
    "OfficeHours",
    "Reporting",
    "Team",
    "Level",
    "Ladder",
    "Deadline",
    "OrganisationsFile",
    "LadderFile",
    "SITUATION_NAMES",
    "ConditionField",
]

# What escalation conditions may read: the situation as the crisis organisation knows it.
SITUATION_NAMES = frozenset(
    {
        "known_incidents",  # incidents the organisation knows of
        "known_cyber_incidents",  # of which cybercrime
        "known_failed",  # assets known to be down now
        "known_degraded",  # assets known to be degraded now
        "sectors_hit",  # sectors with an asset known down or degraded now
        "population_affected",  # people of assets known down or degraded now, weighted by the service they lost
        "municipalities",  # municipalities with an asset known down or degraded now
        "deadline_at_risk",  # 1 when a running legal deadline has less than a quarter of its time left
        "deadlines_missed",
    }
)

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _zero() -> Distribution:
    return Distribution.fixed(0.0)


def _to_callout(value: Any) -> Any:
    """A single distribution means the same inside and outside office hours."""
    if isinstance(value, (str, int, float)):
        return {"office": value, "outside": value}
    return value


class CallOut(BaseModel):
    """Minutes from the call until the crew or team is at work, inside and outside office hours."""

    model_config = FROZEN

    office: DistributionField = Field(default_factory=_zero)
    outside: DistributionField = Field(default_factory=_zero)


CallOutField = Annotated[
    CallOut,
    BeforeValidator(_to_callout),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": ["string", "number"], "description": "one distribution, inside and outside office hours"},
                CallOut.model_json_schema(),
            ]
        }
    ),
]


def _clock_minutes(value: Any) -> Any:
    if isinstance(value, str):
        parts = value.strip().split(":")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            hours, minutes = int(parts[0]), int(parts[1])
            if 0 <= hours <= 24 and 0 <= minutes < 60 and hours * 60 + minutes <= 1440:
                return hours * 60 + minutes
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1440:
        return value
    raise custom_error("value.clock", value=value)


ClockTime = Annotated[
    int,
    BeforeValidator(_clock_minutes),
    PlainSerializer(lambda m: f"{m // 60:02d}:{m % 60:02d}", when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,2}:\d{2}$", "examples": ["08:00"]}),
]


class OfficeHours(BaseModel):
    """When crews are at work; outside these hours they are called out from home (slower)."""

    model_config = FROZEN

    days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    start: ClockTime = Field(default=8 * 60, description="HH:MM local time")
    end: ClockTime = Field(default=17 * 60, description="HH:MM local time")

    @model_validator(mode="after")
    def _start_before_end(self):
        if self.start >= self.end:
            raise custom_error(
                "value.office_hours",
                start=f"{self.start // 60:02d}:{self.start % 60:02d}",
                end=f"{self.end // 60:02d}:{self.end % 60:02d}",
            )
        return self

    def contains(self, moment: datetime) -> bool:
        """True when the local wall-clock ``moment`` falls inside office hours."""
        minute = moment.hour * 60 + moment.minute
        return _WEEKDAYS[moment.weekday()] in self.days and self.start <= minute < self.end


class Crew(BaseModel):
    """A team that repairs or operates assets. ``size``: how many jobs it can do at once."""

    model_config = FROZEN

    id: Slug
    name: str = ""
    size: int = Field(default=1, ge=1, description="parallel jobs (teams) this crew can run")
    callout: CallOutField = Field(default_factory=CallOut, description="time to be at work after the first call")


class Organisation(BaseModel):
    """An organisation of the crisis response (municipality, grid operator, water board, ...)."""

    model_config = FROZEN

    id: Slug
    name: str = ""
    kind: str = ""
    nis2: Literal["essential", "important"] | None = Field(
        default=None, description="NIS2 entity class: its significant incidents start NIS2 deadlines"
    )
    crews: tuple[Crew, ...] = ()


class Reporting(BaseModel):
    """How a visible failure reaches the control room.

    Someone notices and calls after ``delay``. The call goes through ``channels`` (asset ids such as
    the 112 platform and the control room): at service level q < 1 the delay is stretched to
    delay / q; at q = 0 the call does not get through and is tried again after ``retry``.
    An organisation that detects trouble itself (monitoring) tells the control room after ``notify``.
    """

    model_config = FROZEN

    delay: DistributionField = Field(default_factory=_zero)
    channels: tuple[Slug, ...] = ()
    retry: Minutes = Field(default=30.0, gt=0)
    notify: DistributionField = Field(default_factory=_zero)


def _to_condition(value: Any) -> Any:
    if isinstance(value, Condition):
        return value
    try:
        return parse_condition(value, SITUATION_NAMES)
    except ConditionError as exc:
        raise custom_error("value.condition", value=value, reason=exc.reason) from None


ConditionField = Annotated[
    Condition,
    BeforeValidator(_to_condition),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "e.g. known_failed >= 3 and (sectors_hit >= 2 or population_affected > 1000); names: "
            + ", ".join(sorted(SITUATION_NAMES)),
        }
    ),
]


class Team(BaseModel):
    """A crisis team (CoPI, ROT, GBT, RBT) with its assembly time and who chairs it."""

    model_config = FROZEN

    id: Slug
    name: str = ""
    assembly: CallOutField = Field(default_factory=CallOut)
    chair: Text | None = Field(
        default=None, description="who chairs it (the mayor, the chair of the safety region): one text or {nl, en}"
    )


class Level(BaseModel):
    """One rung of the ladder: active while ``when`` holds (levels may be skipped)."""

    model_config = FROZEN

    level: int = Field(ge=0)
    name: str = ""
    teams: tuple[Team, ...] = ()
    when: ConditionField


class Ladder(BaseModel):
    """An escalation ladder (GRIP by default). Teams accumulate up the ladder.

    The response goes to the highest level whose condition holds, ``decide`` minutes after it
    first holds. It steps down once the current level's condition has been false for
    ``deescalate_after`` minutes; teams of the levels left are dismissed.
    """

    model_config = FROZEN

    name: str
    decide: DistributionField = Field(default_factory=_zero)
    deescalate_after: Minutes = Field(default=6 * 60.0)
    levels: tuple[Level, ...] = Field(min_length=1)


class LadderFile(Ladder):
    """The shape of a ladder file (the same fields as ``escalation`` in an organisation file)."""

    description: str = ""


class Deadline(BaseModel):
    """A legal clock: starts when the organisation becomes aware of ``starts``; due ``within`` later.

    ``exfiltration``: personal data stolen (GDPR/AVG art. 33). ``significant_incident``: a known
    cyber incident on an asset whose owner is a NIS2 entity (NIS2 art. 23).
    """

    model_config = FROZEN

    id: Slug
    name: str = ""
    starts: Literal["exfiltration", "significant_incident"]
    within: Minutes = Field(gt=0)


class OrganisationsFile(BaseModel):
    """The shape of an organisation file."""

    model_config = FROZEN

    name: str = ""
    description: str = ""
    office_hours: OfficeHours = Field(default_factory=OfficeHours)
    control_room: Slug | None = Field(default=None, description="organisation that takes reports (meldkamer)")
    reporting: Reporting = Field(default_factory=Reporting)
    organisations: tuple[Organisation, ...] = ()
    escalation: Ladder | None = Field(default=None, description="the escalation ladder (GRIP)")
    ladder: str | None = Field(default=None, description="or: a ladder file, relative to this file")
    deadlines: tuple[Deadline, ...] = ()
