"""The infrastructure graph: assets and their needs, with an index and a networkx view."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import networkx as nx
from pydantic import BaseModel, Field

from .assets import FROZEN, Asset
from .include import IncludeField
from .labels import asset_labels
from .portfolios import Portfolio
from .water import Basin, Zone

if TYPE_CHECKING:
    from .loading import GraphSource

__all__ = ["GraphFile", "InfrastructureGraph"]


class GraphFile(BaseModel):
    """The shape of a YAML graph file."""

    model_config = FROZEN

    name: str = ""
    description: str = ""
    include: tuple[IncludeField, ...] = Field(
        default=(),
        description="other graph files (relative paths) whose assets join this one; or entries with "
        "file, prefix, replace and owners (model/include.py)",
    )
    basins: tuple[Basin, ...] = Field(default=(), description="water bodies that hazards fill")
    zones: tuple[Zone, ...] = Field(default=(), description="areas that flood from a basin")
    assets: tuple[Asset, ...] = ()
    portfolios: tuple[Portfolio, ...] = Field(
        default=(), description="which wethouder or the burgemeester answers for which sectors"
    )


@dataclass(frozen=True, eq=False)
class InfrastructureGraph:
    """Validated assets in file order. Immutable; ``index`` maps an asset id to its position."""

    assets: tuple[Asset, ...]
    name: str = ""
    description: str = ""
    source: GraphSource | None = field(
        default=None, repr=False, compare=False
    )  # a loading.GraphSource, for error locations
    basins: tuple[Basin, ...] = ()
    zones: tuple[Zone, ...] = ()
    portfolios: tuple[Portfolio, ...] = ()  # empty: rampsim's default mapping

    @cached_property
    def index(self) -> dict[str, int]:
        return {asset.id: i for i, asset in enumerate(self.assets)}

    def __len__(self) -> int:
        return len(self.assets)

    def __iter__(self) -> Iterator[Asset]:
        return iter(self.assets)

    def __contains__(self, asset_id: object) -> bool:
        return asset_id in self.index

    def asset(self, asset_id: str) -> Asset:
        return self.assets[self.index[asset_id]]

    @cached_property
    def labels(self) -> dict[str, str]:
        """asset id -> the name people read (model/labels.py: its name, or its id; a name that
        another municipality's asset also has gets its municipality, "Centrum (Vliegveldstad)")."""
        return asset_labels((a.id, a.name, a.municipality) for a in self.assets)

    def label(self, asset_id: str) -> str:
        """The name people read of asset ``asset_id`` (``labels``)."""
        return self.labels[asset_id]

    def same_model(self, other: InfrastructureGraph) -> bool:
        """True when both hold the same assets (fields and needs), basins, zones and portfolios, in the same order."""
        return (
            self.assets == other.assets
            and self.basins == other.basins
            and self.zones == other.zones
            and self.portfolios == other.portfolios
        )

    @cached_property
    def networkx(self) -> nx.MultiDiGraph:
        """Supplier -> consumer edges keyed by the consumer's need index; nodes carry ``asset``."""
        graph = nx.MultiDiGraph(name=self.name)
        graph.add_nodes_from((a.id, {"asset": a, "sector": a.sector}) for a in self.assets)
        graph.add_edges_from(
            (supplier, a.id, j, {"type": need.type, "k": need.k, "tolerance": need.tolerance})
            for a in self.assets
            for j, need in enumerate(a.needs)
            for supplier in need.suppliers
        )
        return graph
