"""Plain records of assets and needs: the common ground of every graph file format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..assets import Asset, Need
from ..portfolios import portfolio_records
from ..yamlfile import SourceDocument

__all__ = ["AssetOrigin", "RawGraph", "asset_record", "need_record", "water_records", "section_records", "SECTIONS"]


@dataclass
class AssetOrigin:
    """Where an asset's record stands in its file: ``loc`` of the asset, and of each need."""

    doc: SourceDocument
    loc: tuple
    need_locs: list[tuple[SourceDocument, tuple]] | None = None
    # need index -> loc of each supplier, where a format keeps suppliers apart (node-link: one link each)
    supplier_locs: dict[int, list[tuple]] = field(default_factory=dict)

    def add_need_loc(self, doc: SourceDocument, loc: tuple) -> None:
        """Record where the asset's next need stands (the format keeps need locations from now on)."""
        if self.need_locs is None:
            self.need_locs = []
        self.need_locs.append((doc, loc))

    def locate(self, rest: tuple) -> tuple[SourceDocument, tuple]:
        """Map a loc inside the asset record (``('needs', 0, 'tolerance')``) to (file, loc in file)."""
        if self.need_locs is not None and len(rest) >= 2 and rest[0] == "needs" and isinstance(rest[1], int):
            if rest[1] < len(self.need_locs):
                doc, loc = self.need_locs[rest[1]]
                inner = tuple(rest[2:])
                suppliers = self.supplier_locs.get(rest[1])
                if (
                    suppliers
                    and len(inner) >= 2
                    and inner[0] == "from"
                    and isinstance(inner[1], int)
                    and inner[1] < len(suppliers)
                ):
                    return doc, suppliers[inner[1]] + inner[2:]
                return doc, loc + inner
        return self.doc, self.loc + tuple(rest)


@dataclass
class RawGraph:
    """Asset records before validation, with their origins and the files they came from."""

    records: list[Any] = field(default_factory=list)
    # one per record; a format may keep them compactly (node-link: formats/linkorigins.py)
    origins: Sequence[AssetOrigin] = field(default_factory=list)
    documents: list[SourceDocument] = field(default_factory=list)
    name: str = ""
    description: str = ""
    basins: list[tuple] = field(default_factory=list)  # (record, document, loc)
    zones: list[tuple] = field(default_factory=list)
    portfolios: list[tuple] = field(default_factory=list)  # (record, document, loc)


def asset_record(asset: Asset) -> dict[str, Any]:
    """The asset as a YAML graph file would write it, without its needs and without defaults."""
    return asset.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"needs"})


def need_record(need: Need) -> dict[str, Any]:
    """The need as a YAML graph file would write it, without defaults (``from`` always kept)."""
    record = need.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    record["from"] = list(need.suppliers)
    return record


def water_records(graph) -> dict[str, list]:
    """Basins and zones as plain records (only the kinds the graph has)."""
    return {
        name: [item.model_dump(mode="json", exclude_defaults=True) for item in getattr(graph, name)]
        for name in ("basins", "zones")
        if getattr(graph, name)
    }


SECTIONS = ("basins", "zones", "portfolios")
"""The graph-level sections besides the assets, kept as lists of records by every format."""


def section_records(graph) -> dict[str, list]:
    """Basins, zones and portfolios as plain records (only the sections the graph has)."""
    records = water_records(graph)
    if graph.portfolios:
        records["portfolios"] = portfolio_records(graph.portfolios)
    return records
