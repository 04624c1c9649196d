"""Portfolios of the municipal executive: which wethouder or the burgemeester answers for a sector.

A graph file may map its sectors to portfolios (``portfolios:``); without that section rampsim's
default mapping applies. Every sector ends up in exactly one portfolio: a sector the file leaves
out goes to the file's portfolio marked ``default_for: safety`` (for the safety sectors) or
``default_for: other`` (for the rest); failing that to the file's portfolio with the default
fallback's id (``burgemeester``, ``bedrijfsvoering``); failing that to the default fallback itself,
which then joins the mapping. ``PortfolioMapping.unmapped`` records which sectors went where, so a
report can say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, PlainSerializer, WithJsonSchema

from ..messages import LANGUAGES, text
from .assets import FROZEN
from .errors import Problem
from .fieldtypes import SECTORS, Sector, Slug

__all__ = [
    "LocalText",
    "Portfolio",
    "PortfolioMapping",
    "DEFAULT_PORTFOLIOS",
    "SAFETY_SECTORS",
    "resolve_portfolios",
    "check_portfolios",
    "portfolio_records",
]

# Sectors whose loss is first of all a matter of public order, safety and care for the population
# in a crisis (bevolkingszorg): the burgemeester's, when a mapping leaves them out.
SAFETY_SECTORS = ("emergency", "flood_defence", "population")

DefaultFor = Literal["safety", "other"]


class LocalText(BaseModel):
    """A text in Dutch and English. A file may give one text for both."""

    model_config = FROZEN

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def in_language(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


def _one_text_for_both(value: Any) -> Any:
    return {"nl": value, "en": value} if isinstance(value, str) else value


def _write_text(value: LocalText) -> Any:
    return value.nl if value.nl == value.en else {"nl": value.nl, "en": value.en}


Text = Annotated[
    LocalText,
    BeforeValidator(_one_text_for_both),
    PlainSerializer(_write_text, return_type=Any, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "properties": {"nl": {"type": "string", "minLength": 1}, "en": {"type": "string", "minLength": 1}},
                    "required": ["nl", "en"],
                    "additionalProperties": False,
                },
            ]
        }
    ),
]


class Portfolio(BaseModel):
    """A portfolio of the college van B en W: its ``holder`` (a wethouder or the burgemeester) answers
    for the ``sectors`` in it."""

    model_config = FROZEN

    id: Slug
    name: Text = Field(description="one name, or {nl: ..., en: ...}")
    holder: Text = Field(description="who holds it, e.g. 'Wethouder Haven en Economie' or 'Burgemeester'")
    sectors: tuple[Sector, ...] = ()
    default_for: DefaultFor | None = Field(
        default=None,
        description="safety: takes the safety sectors no portfolio names; other: takes the other unnamed sectors",
    )


def _catalogued(pid: str, sectors: Sequence[str], default_for: DefaultFor | None = None) -> Portfolio:
    def both(what: str) -> LocalText:
        return LocalText(**{lang: text(f"portfolio.{pid}.{what}", lang) for lang in LANGUAGES})

    return Portfolio(id=pid, name=both("name"), holder=both("holder"), sectors=tuple(sectors), default_for=default_for)


DEFAULT_PORTFOLIOS: tuple[Portfolio, ...] = (
    _catalogued("burgemeester", ("emergency", "population"), "safety"),
    _catalogued("economie-infrastructuur", ("energy", "water", "telecom", "finance", "food")),
    _catalogued("haven-verkeer", ("waterways", "flood_defence", "transport")),
    _catalogued("zorg", ("health",)),
    _catalogued("bedrijfsvoering", ("government", "ict"), "other"),
)
"""rampsim's default mapping: every sector in one portfolio, names from the message catalogue."""

_FALLBACK_ID: dict[str, str] = {"safety": "burgemeester", "other": "bedrijfsvoering"}


@dataclass(frozen=True)
class PortfolioMapping:
    """Every sector mapped to one portfolio.

    ``source``: ``file`` (the graph file's section) or ``default`` (rampsim's default mapping);
    ``unmapped``: sector -> portfolio id, for the sectors the file leaves out (empty for the default).
    """

    portfolios: tuple[Portfolio, ...]
    of_sector: dict[str, str]
    source: Literal["file", "default"]
    unmapped: dict[str, str] = field(default_factory=dict)

    def portfolio(self, portfolio_id: str) -> Portfolio:
        return next(p for p in self.portfolios if p.id == portfolio_id)


def resolve_portfolios(portfolios: Sequence[Portfolio] = ()) -> PortfolioMapping:
    """The mapping of a graph's portfolios (validated: no sector twice), or the default when empty."""
    if not portfolios:
        return PortfolioMapping(DEFAULT_PORTFOLIOS, {s: p.id for p in DEFAULT_PORTFOLIOS for s in p.sectors}, "default")
    chosen = list(portfolios)
    of_sector = {s: p.id for p in chosen for s in p.sectors}
    unmapped: dict[str, str] = {}
    for sector in SECTORS:
        if sector in of_sector:
            continue
        kind: DefaultFor = "safety" if sector in SAFETY_SECTORS else "other"
        target = next((p for p in chosen if p.default_for == kind), None)
        target = target or next((p for p in chosen if p.id == _FALLBACK_ID[kind]), None)
        if target is None:
            target = next(p for p in DEFAULT_PORTFOLIOS if p.id == _FALLBACK_ID[kind])
            chosen.append(target.model_copy(update={"sectors": ()}))
        of_sector[sector] = unmapped[sector] = target.id
    return PortfolioMapping(tuple(chosen), of_sector, "file", unmapped)


def check_portfolios(portfolios: Sequence[Portfolio], places: Sequence[tuple]) -> list[Problem]:
    """Ids unique, no sector in two portfolios, at most one ``default_for`` of each kind.

    ``places``: per portfolio (document, loc) where its record stands in its file.
    """
    problems: list[Problem] = []

    def at(j: int, rest: tuple, key: str, **params: Any) -> Problem:
        doc, loc = places[j]
        return Problem(doc.path if doc else None, doc.line_of(loc + rest) if doc else None, loc + rest, key, params)

    def where(j: int) -> str:
        doc, loc = places[j]
        line = doc.line_of(loc) if doc else None
        return f"{doc.path.name}:{line}" if doc and line else f"portfolios[{j}]"

    first_id: dict[str, int] = {}
    first_sector: dict[str, str] = {}
    first_default: dict[str, str] = {}
    for j, portfolio in enumerate(portfolios):
        if portfolio.id in first_id:
            problems.append(at(j, ("id",), "ref.duplicate_id", id=portfolio.id, first=where(first_id[portfolio.id])))
        first_id.setdefault(portfolio.id, j)
        for k, sector in enumerate(portfolio.sectors):
            if sector in first_sector:
                problems.append(
                    at(j, ("sectors", k), "portfolio.sector_twice", sector=sector, first=first_sector[sector])
                )
            first_sector.setdefault(sector, portfolio.id)
        if portfolio.default_for is not None:
            if portfolio.default_for in first_default:
                problems.append(
                    at(
                        j,
                        ("default_for",),
                        "portfolio.default_twice",
                        kind=portfolio.default_for,
                        first=first_default[portfolio.default_for],
                    )
                )
            first_default.setdefault(portfolio.default_for, portfolio.id)
    return problems


def portfolio_records(portfolios: Sequence[Portfolio]) -> list[dict[str, Any]]:
    """The portfolios as a graph file writes them (one text where Dutch and English agree)."""
    return [p.model_dump(mode="json", exclude_defaults=True) for p in portfolios]
