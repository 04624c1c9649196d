"""What is worked out from a graph alone, once per graph object.

A threat sweep or an ensemble runs many tasks on one scenario: on a dask worker every task gets
the one scenario unpickled there (kept per worker, keyed by the SHA-256 of its shipped bytes,
``analysis/dask_backend.py``), in a local run every replication the one loaded. Tables that
depend only on that scenario's graph (who lives where for the people counter, the sector of each
asset, the suppliers' positions of every need, the network neighbours a ransomware spreads over,
the populations and ids the metrics read) are built for the first task and kept beside the graph
object while it lives (a weak reference: a graph no longer used takes its tables with it). Graphs
are immutable, so a kept table is never stale.

``BUILDS`` counts the builds per name in this process (the tests read it on a worker).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

__all__ = ["derived", "BUILDS"]

T = TypeVar("T")
_TABLES: WeakKeyDictionary = WeakKeyDictionary()
BUILDS: Counter = Counter()


def derived(graph: object, name: str, build: Callable[[], T]) -> T:
    """``build()``, called the first time ``name`` is asked of this ``graph`` object only; the
    caller must not change what it returns (every later task of the graph gets the same object)."""
    tables = _TABLES.get(graph)
    if tables is None:
        tables = _TABLES[graph] = {}
    if name not in tables:
        tables[name] = build()
        BUILDS[name] += 1
    return tables[name]
