"""Wall-clock time of the simulation: office hours decide call-out and assembly times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from ..model.organisations import CallOut, OfficeHours

__all__ = ["WallClock"]


class WallClock:
    """Maps minutes since the scenario start to local time and office hours."""

    def __init__(self, start: datetime, office_hours: OfficeHours):
        self.start_utc = start.astimezone(UTC)
        self.tz = start.tzinfo
        self.office_hours = office_hours

    def local(self, minutes: float) -> datetime:
        return (self.start_utc + timedelta(minutes=minutes)).astimezone(self.tz)

    def in_office_hours(self, minutes: float) -> bool:
        return self.office_hours.contains(self.local(minutes))

    def callout(self, callout: CallOut, minutes: float, rng: np.random.Generator) -> float:
        """Minutes until a crew or team called at ``minutes`` is at work."""
        distribution = callout.office if self.in_office_hours(minutes) else callout.outside
        return distribution.sample(rng)
