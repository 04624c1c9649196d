"""A reconstructed real case: its public sources, its reported outcomes as bands, and what rampsim
cannot express of it (the ``sources:``, ``outcomes:`` and ``limits:`` of a scenario file).

An outcome band names a metric of a run (analysis/metrics.py, analysis/response_metrics.py,
analysis/water_metrics.py; the scalar ones that ``rampsim ensemble`` keeps per replication) or a
per-asset metric with its ``asset``, and the range the sources report (``low`` to ``high`` in
``unit``). Time metrics are in minutes inside rampsim; a band may give them in min, h, d or weeks.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from .assets import FROZEN
from .fieldtypes import Number, Slug, custom_error
from .validation import suggest

__all__ = ["CaseSource", "Outcome", "OUTCOME_METRICS", "PER_ASSET_METRICS", "TIME_UNITS", "UNITS", "to_metric_unit"]

# Every metric a band may name, with its quantity. The scalar names are those of
# analysis/ensemble.py SCALAR_METRICS (tests/test_cases.py pins that they agree).
OUTCOME_METRICS: dict[str, str] = {
    "downtime_min": "time",
    "first_failure_min": "time",
    "assets_failed": "assets",
    "peak_assets_failed": "assets",
    "unserved_population_hours": "people_hours",
    "time_to_full_recovery_min": "time",
    "events": "events",
    "time_to_detection_min": "time",
    "first_known_after_start_min": "time",
    "grip_max": "level",
    "time_to_containment_min": "time",
    "population_flooded": "people",
    "evidence_secured": "assets",  # assets whose forensic images were made
    "evidence_lost": "assets",  # assets restored before their images were made
    "evidence_wait_min": "time",  # what securing the evidence cost: minutes restores waited for it
}
PER_ASSET_METRICS = ("downtime_min", "first_failure_min")

# minutes per unit of a time band
TIME_UNITS: dict[str, float] = {"min": 1.0, "h": 60.0, "d": 1440.0, "weeks": 7 * 1440.0}
# the one unit of every other quantity
UNITS: dict[str, tuple[str, ...]] = {
    "time": tuple(TIME_UNITS),
    "assets": ("assets",),
    "events": ("events",),
    "people_hours": ("people-hours",),
    "level": ("grip",),
    "people": ("people",),
}


def to_metric_unit(value: float, unit: str) -> float:
    """``value`` in ``unit`` as the metric holds it: minutes for a time unit, unchanged otherwise."""
    return value * TIME_UNITS.get(unit, 1.0)


class CaseSource(BaseModel):
    """A public source of a reconstructed case."""

    model_config = FROZEN

    title: str = Field(min_length=1)
    publisher: str = Field(min_length=1)
    year: int = Field(ge=1900, le=2100)
    link: str = Field(pattern=r"^https?://\S+$", description="web address of the source")


class Outcome(BaseModel):
    """A reported outcome of a real case as a band: ``metric`` (of ``asset`` for the per-asset
    metrics) between ``low`` and ``high`` in ``unit``."""

    model_config = FROZEN

    id: Slug
    says: str = Field(default="", description="the reported outcome in the words of the sources")
    metric: str = Field(description="a run metric: " + ", ".join(OUTCOME_METRICS))
    asset: Slug | None = Field(
        default=None, validate_default=True, description="the asset, for downtime_min and first_failure_min"
    )
    unit: str = Field(description="min, h, d or weeks for time metrics; assets, events, people-hours, grip, people")
    low: Number = Field(ge=0)
    high: Number = Field(ge=0)

    @field_validator("metric")
    @classmethod
    def _known_metric(cls, value: str) -> str:
        if value not in OUTCOME_METRICS:
            raise custom_error("value.case_metric", value=value, hint=suggest(value, tuple(OUTCOME_METRICS)))
        return value

    @field_validator("asset")
    @classmethod
    def _asset_for_per_asset_metric(cls, value: str | None, info: ValidationInfo) -> str | None:
        metric = info.data.get("metric")
        if metric in PER_ASSET_METRICS and value is None:
            raise custom_error("value.case_asset_needed", metric=metric)
        if metric is not None and metric not in PER_ASSET_METRICS and value is not None:
            raise custom_error("value.case_asset_not_allowed", metric=metric)
        return value

    @field_validator("unit")
    @classmethod
    def _unit_of_metric(cls, value: str, info: ValidationInfo) -> str:
        metric = info.data.get("metric")
        if metric is not None:
            allowed = UNITS[OUTCOME_METRICS[metric]]
            if value not in allowed:
                raise custom_error("value.case_unit", value=value, metric=metric, choices=", ".join(allowed))
        return value

    @field_validator("high")
    @classmethod
    def _high_not_below_low(cls, value: float, info: ValidationInfo) -> float:
        low = info.data.get("low")
        if low is not None and value < low:
            raise custom_error("value.case_band", low=f"{low:g}", high=f"{value:g}")
        return value

    # the band in the metric's own unit (minutes for time metrics)
    @property
    def low_value(self) -> float:
        return to_metric_unit(self.low, self.unit)

    @property
    def high_value(self) -> float:
        return to_metric_unit(self.high, self.unit)
