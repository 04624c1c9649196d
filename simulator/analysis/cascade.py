"""The deterministic cascade of permanent failures, computed exactly without simulating.

With failures that are never repaired and fixed tolerances, an asset's earliest failure time is
a shortest-path problem with k-of-n conditions: a need of k of n suppliers becomes unsatisfied at
the moment its (n - k + 1)-th supplier fails, and the consumer fails a tolerance later (needs with a
``fail`` effect only: a degraded asset stays available). Processing failures in time order (as
Dijkstra does) gives every asset's earliest failure exactly, in O(E log V) per starting set.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from ..model.gcpause import gc_paused
from ..model.graph import InfrastructureGraph

__all__ = ["deterministic_cascade", "single_failure_cascades"]


def deterministic_cascade(graph: InfrastructureGraph, failed: Iterable[str], at_min: float = 0.0) -> dict[str, float]:
    """Asset id -> minute it fails, when the assets ``failed`` fail for good at ``at_min``."""
    return _propagate(graph, _links(graph), failed, at_min)


def _links(graph: InfrastructureGraph) -> tuple[list[tuple[int, int, float]], list[list[int]]]:
    """Per need: (consumer, failures needed to break it, tolerance); per supplier: the needs it feeds."""
    index = graph.index
    needs: list[tuple[int, int, float]] = []
    feeds: list[list[int]] = [[] for _ in graph.assets]
    for c, asset in enumerate(graph.assets):
        for need in asset.needs:
            if need.effect > 0:
                continue  # a degrade effect leaves the consumer available: it breaks nothing further
            n = len(need.suppliers)
            needs.append((c, n - need.k + 1, need.tolerance))
            for supplier in need.suppliers:
                feeds[index[supplier]].append(len(needs) - 1)
    return needs, feeds


def _propagate(graph: InfrastructureGraph, links, failed: Iterable[str], at_min: float) -> dict[str, float]:
    index, assets = graph.index, graph.assets
    needs, feeds = links
    broken: dict[int, int] = {}
    when: dict[int, float] = {}
    heap = [(at_min, index[a]) for a in failed]
    heapq.heapify(heap)
    while heap:
        time, asset = heapq.heappop(heap)
        if asset in when:
            continue
        when[asset] = time
        for j in feeds[asset]:
            broken[j] = broken.get(j, 0) + 1
            consumer, threshold, tolerance = needs[j]
            if broken[j] == threshold and consumer not in when:
                heapq.heappush(heap, (time + tolerance, consumer))
    return {assets[i].id: t for i, t in sorted(when.items(), key=lambda item: (item[1], item[0]))}


def single_failure_cascades(
    graph: InfrastructureGraph, targets: Iterable[str] | None = None
) -> dict[str, dict[str, float]]:
    """For every asset (or each of ``targets``): the cascade of its permanent failure at minute 0.

    The graph's links are indexed once, so each cascade costs only what it touches (with the
    cyclic garbage collector paused, as the engine does: it would rescan the heap again and again).
    """
    with gc_paused():
        links = _links(graph)
        ids = [asset.id for asset in graph.assets] if targets is None else list(targets)
        return {target: _propagate(graph, links, [target], 0.0) for target in ids}
