"""Facts about a graph that a coordinator checks before an exercise."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..model.graph import InfrastructureGraph

__all__ = ["GraphInfo", "graph_info"]


@dataclass
class GraphInfo:
    """Counts per sector, dependency cycles, assets nobody depends on, single points on power."""

    name: str
    assets: int
    needs: int
    per_sector: dict[str, int]
    cycles: list[list[str]] = field(default_factory=list)
    cycles_without_buffer: list[bool] = field(default_factory=list)
    no_dependents: list[str] = field(default_factory=list)
    no_power_redundancy: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def graph_info(graph: InfrastructureGraph) -> GraphInfo:
    """Summarise ``graph``.

    A dependency cycle is a strongly connected group of assets (each depends, through others, on
    each other). A cycle "without buffer" has a loop of needs with no tolerance and effect fail:
    once its assets are down they cannot restart each other (a black start is needed).
    """
    supply = nx.DiGraph()
    supply.add_nodes_from(a.id for a in graph.assets)
    hard = nx.DiGraph()
    for asset in graph.assets:
        for need in asset.needs:
            for supplier in need.suppliers:
                supply.add_edge(supplier, asset.id)
                if need.tolerance == 0 and need.effect == 0 and need.k == len(need.suppliers):
                    hard.add_edge(supplier, asset.id)
    order = graph.index
    cycles = [sorted(c, key=order.get) for c in nx.strongly_connected_components(supply) if len(c) > 1]
    cycles.sort(key=lambda c: order[c[0]])
    without_buffer = []
    for cycle in cycles:
        sub = hard.subgraph(cycle)
        without_buffer.append(sub.number_of_edges() > 0 and not nx.is_directed_acyclic_graph(sub))
    no_power_redundancy = [
        a.id for a in graph.assets if any(n.type == "power" and n.k >= len(n.suppliers) for n in a.needs)
    ]
    return GraphInfo(
        name=graph.name,
        assets=len(graph),
        needs=sum(len(a.needs) for a in graph.assets),
        per_sector=dict(sorted(Counter(a.sector for a in graph.assets).items())),
        cycles=cycles,
        cycles_without_buffer=without_buffer,
        no_dependents=[a.id for a in graph.assets if supply.out_degree(a.id) == 0],
        no_power_redundancy=no_power_redundancy,
    )
