"""The bare reference for the cascade benchmark: the same work with nothing around it.

Reads the node-link JSON graph, builds a networkx graph, and runs a bare SimPy callback cascade
with the same k-of-n needs and tolerances (no validation, no logging, no repair). Prints JSON:
the number of failed assets and of scheduled callbacks, and the phase times in seconds.

Usage: python bare_reference.py GRAPH.json UNTIL_MIN ROOT_ID...
"""

import json
import sys
import time

import networkx as nx
import simpy


def main() -> None:
    path, until, roots = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    t1 = time.perf_counter()
    graph = nx.node_link_graph(data, edges="links")
    t2 = time.perf_counter()

    # need groups: (consumer, key) -> [k, available, tolerance, fails]
    groups = {}
    by_supplier = {}
    for supplier, consumer, key, attrs in graph.edges(keys=True, data=True):
        group = groups.get((consumer, key))
        if group is None:
            effect = attrs.get("effect", 0.0)
            group = groups[(consumer, key)] = [
                attrs.get("need", 1),
                0,
                float(attrs.get("tolerance", 0.0)),
                effect == 0.0,
                consumer,
            ]
        group[1] += 1
        by_supplier.setdefault(supplier, []).append(group)

    env = simpy.Environment()
    failed = set()
    callbacks = 0

    def fail(asset):
        if asset in failed:
            return
        failed.add(asset)
        for group in by_supplier.get(asset, ()):
            group[1] -= 1
            if group[1] == group[0] - 1 and group[3]:
                timeout = env.timeout(group[2])
                timeout.callbacks.append(lambda _e, g=group: exhausted(g))

    def exhausted(group):
        nonlocal callbacks
        callbacks += 1
        if group[1] < group[0]:
            fail(group[4])

    for root in roots:
        fail(root)
    env.run(until=until)
    t3 = time.perf_counter()
    print(
        json.dumps(
            {"failed": len(failed), "callbacks": callbacks, "load_s": t1 - t0, "graph_s": t2 - t1, "cascade_s": t3 - t2}
        )
    )


if __name__ == "__main__":
    main()
