"""Organisations of the crisis response and their crews."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .assets import FROZEN
from .fieldtypes import Slug

__all__ = ["Crew", "Organisation", "OrganisationsFile"]


class Crew(BaseModel):
    """A team that repairs or operates assets. ``size``: how many assets it can work on at once."""

    model_config = FROZEN

    id: Slug
    name: str = ""
    size: int = Field(default=1, ge=1, description="parallel jobs (teams) this crew can run")


class Organisation(BaseModel):
    """An organisation of the crisis response (municipality, grid operator, water board, ...)."""

    model_config = FROZEN

    id: Slug
    name: str = ""
    kind: str = ""
    crews: tuple[Crew, ...] = ()


class OrganisationsFile(BaseModel):
    """The shape of an organisation file."""

    model_config = FROZEN

    name: str = ""
    description: str = ""
    organisations: tuple[Organisation, ...] = ()
