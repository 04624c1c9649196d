"""Whatever the bytes, loading ends in a model or a LoadError: never another exception."""

import json
import random

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.model import LoadError, load_graph, load_scenario

HAVENSTAD = (ROOT / "infrastructure_graphs" / "havenstad.yaml").read_text(encoding="utf-8")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


def _loads_or_refuses(loader, path):
    try:
        loader(path)
    except LoadError as error:
        assert error.render()  # renders in every case
        assert error.render("nl")


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 6))
def test_mutated_reference_graph(tmp_path_factory, seed, edits):
    rng = random.Random(seed)
    text = HAVENSTAD
    for _ in range(edits):
        i = rng.randrange(len(text))
        op = rng.choice(["delete", "insert", "replace", "dedent"])
        piece = rng.choice([":", "-", " ", "\n", "[", "{", "'", "*a", "&a", "x", "0", "-5min", "!!binary"])
        if op == "delete":
            text = text[:i] + text[i + rng.randrange(1, 40) :]
        elif op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "replace":
            text = text[:i] + piece + text[i + len(piece) :]
        else:
            text = text[:i] + text[i:].lstrip(" ")
    path = tmp_path_factory.mktemp("g") / "havenstad.yaml"
    path.write_text(text, encoding="utf-8")
    _loads_or_refuses(load_graph, path)


@SETTINGS
@given(data=json_values)
def test_arbitrary_graph_documents(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("j")
    for name, document in (("g.json", {"nodes": data, "links": []}), ("h.json", data), ("y.yaml", {"assets": data})):
        path = folder / name
        path.write_text(json.dumps(document), encoding="utf-8")
        _loads_or_refuses(load_graph, path)


@SETTINGS
@given(injects=json_values, start=json_values, duration=json_values)
def test_arbitrary_scenario_fields(tmp_path_factory, injects, start, duration):
    folder = tmp_path_factory.mktemp("s")
    (folder / "g.yaml").write_text("assets: [{id: a, sector: energy}]\n", encoding="utf-8")
    path = folder / "s.yaml"
    path.write_text(
        json.dumps({"name": "x", "graph": "g.yaml", "start": start, "duration": duration, "injects": injects}),
        encoding="utf-8",
    )
    _loads_or_refuses(load_scenario, path)
