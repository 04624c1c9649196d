"""Loaded assets hold equal parts once (model/sharing.py) without changing what they are."""

from __future__ import annotations

import copy
import math
import pickle
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.model.assets import Asset, Need
from simulator.model.errors import LoadError
from simulator.model.loading import load_graph
from simulator.model.sharing import _SIGNED, Sharer

GRAPH = """\
assets:
  - id: sub-a
    sector: energy
    kind: substation
    recovery: {duration: "uniform(1h, 3h)", crew: net/ploeg}
    location: {lat: 52.1, lon: 5.1}
  - id: sub-b
    sector: energy
    kind: substation
    recovery: {duration: "uniform(1h, 3h)", crew: net/ploeg}
    location: {lat: 0.0, lon: 5.1}
  - id: wijk-1
    sector: population
    kind: neighbourhood
    population: 1200
    location: {lat: -0.0, lon: 5.1}
    needs:
      - {type: power, from: [sub-a, sub-b], tolerance: 30min}
  - id: wijk-2
    sector: population
    kind: neighbourhood
    population: 1200
    needs:
      - {type: power, from: [sub-a, sub-b], tolerance: 30min}
  - id: wijk-3
    sector: population
    kind: neighbourhood
    population: 1200
    needs:
      - {type: power, from: [sub-a, sub-b], tolerance: 30min, need: 1}
"""


BAD = """\
  - id: wijk-4
    sector: population
    population: -1
    needs:
      - {type: power, from: [sub-x], tolerance: 30min}
  - id: wijk-5
    sector: population
    needs:
      - {type: power, from: [sub-a, sub-y], tolerance: 30min}
"""


@pytest.fixture
def graph(tmp_path: Path):
    path = tmp_path / "graph.yaml"
    path.write_text(GRAPH, encoding="utf-8")
    return load_graph(path)


def unshared(graph) -> list[Asset]:
    """The same records validated again, each part its own object."""
    return [Asset.model_validate(record) for record in yaml.safe_load(GRAPH)["assets"]]


def test_equal_parts_are_one_object(graph):
    sub_a, sub_b, wijk_1, wijk_2, wijk_3 = graph.assets
    assert sub_a.kind is sub_b.kind
    assert wijk_1.needs is wijk_2.needs  # the same one need: the tuple too
    # parts left as validated (few bytes per asset, not worth the CPU): recoveries, numbers
    assert sub_a.recovery == sub_b.recovery
    assert sub_a.recovery is not sub_b.recovery
    # a need's suppliers are the assets' own id texts
    assert wijk_1.needs[0].suppliers[0] is sub_a.id
    assert wijk_1.needs[0].suppliers[1] is sub_b.id
    assert type(sub_a.__dict__) is dict and list(sub_a.__dict__) == list(Asset.model_fields)
    # one set of given fields per distinct set
    assert sub_a.__pydantic_fields_set__ is sub_b.__pydantic_fields_set__
    assert wijk_1.__pydantic_fields_set__ is not sub_a.__pydantic_fields_set__


def test_only_exact_parts_are_shared(graph):
    sub_a, sub_b, wijk_1, wijk_2, wijk_3 = graph.assets
    # wijk-3 writes need: 1, the default: equal, yet another set of given fields
    assert wijk_3.needs[0] == wijk_1.needs[0]
    assert wijk_3.needs[0] is not wijk_1.needs[0]
    assert wijk_3.needs[0].model_dump(exclude_unset=True) == {
        "type": "power",
        "suppliers": ("sub-a", "sub-b"),
        "k": 1,
        "tolerance": 30.0,
    }
    assert wijk_1.needs[0].model_dump(exclude_unset=True) == {
        "type": "power",
        "suppliers": ("sub-a", "sub-b"),
        "tolerance": 30.0,
    }
    # 0.0 and -0.0 are equal numbers, but not the same value written back
    assert sub_b.location == wijk_1.location
    assert sub_b.location is not wijk_1.location
    assert math.copysign(1.0, sub_b.location.lat) == 1.0
    assert math.copysign(1.0, wijk_1.location.lat) == -1.0


def test_sharing_changes_no_equality_dump_or_text(graph):
    fresh = unshared(graph)
    assert list(graph.assets) == fresh
    for loaded, plain in zip(graph.assets, fresh):
        assert loaded.model_dump() == plain.model_dump()
        assert loaded.model_dump(mode="json", exclude_unset=True) == plain.model_dump(mode="json", exclude_unset=True)
        assert loaded.model_dump_json() == plain.model_dump_json()
        assert repr(loaded) == repr(plain)
        assert hash(loaded) == hash(plain)
        assert list(loaded.__dict__) == list(plain.__dict__)
        assert pickle.loads(pickle.dumps(loaded)) == plain
        assert copy.deepcopy(loaded) == plain


def test_a_copy_does_not_change_the_shared_parts(graph):
    sub_a, sub_b = graph.assets[:2]
    changed = sub_a.model_copy(update={"kind": "hv_station"})
    assert changed.kind == "hv_station"
    assert sub_b.kind == "substation"
    assert changed.__pydantic_fields_set__ is not sub_b.__pydantic_fields_set__
    assert sub_b.model_fields_set == {"id", "sector", "kind", "recovery", "location"}
    with pytest.raises(Exception, match="frozen"):
        sub_b.kind = "x"  # type: ignore[misc]


def test_messages_are_the_same(tmp_path: Path):
    """A graph with a bad asset among shared ones: the same problems, the good assets still checked."""
    path = tmp_path / "graph.yaml"
    path.write_text(GRAPH + BAD, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_graph(path)
    found = [(p.line, p.loc, p.key, p.params.get("id")) for p in caught.value.problems]
    assert found == [
        (33, ("assets", 5, "population"), "value.range", None),
        (39, ("assets", 6, "needs", 0, "from", 1), "ref.unknown_asset", "sub-y"),
    ]


_needs = st.fixed_dictionaries(
    {"type": st.sampled_from(["power", "data"]), "from": st.lists(st.sampled_from(["a", "b", "c"]), min_size=1)},
    optional={
        "need": st.integers(1, 2),
        "tolerance": st.sampled_from([0, 0.0, -0.0, 30, 30.0, "30min"]),
        "effect": st.sampled_from(["fail", {"degrade": 0.5}, 0.0]),
        "refill": st.booleans(),
        "fuel": st.sampled_from(
            [{"tank_l": 100, "consumption_l_per_h": 10}, {"tank_l": 100.0, "consumption_l_per_h": 10}]
        ),
    },
)
_assets = st.lists(
    st.fixed_dictionaries(
        {"sector": st.sampled_from(["energy", "population"])},
        optional={
            "population": st.sampled_from([0, 1200, 5000]),
            "location": st.sampled_from([{"lat": 0.0, "lon": 1}, {"lat": -0.0, "lon": 1.0}]),
            "monitoring": st.sampled_from(["1h", "60min", "none", "uniform(0, 1h)"]),
            "needs": st.lists(_needs, max_size=3),
        },
    ),
    min_size=1,
    max_size=8,
)


@given(_assets)
@settings(max_examples=60, deadline=None)
def test_shared_assets_are_the_assets(records):
    """Whatever the records, the shared assets are equal to, and dump like, the unshared ones."""
    records = [{"id": f"x{i}", **r} for i, r in enumerate(records)]
    plain = [Asset.model_validate(r) for r in records]
    shared = Sharer().models([Asset.model_validate(r) for r in records])
    assert shared == plain
    for s, p in zip(shared, plain):
        assert s.model_dump_json(exclude_unset=True) == p.model_dump_json(exclude_unset=True)
        assert s.model_dump_json() == p.model_dump_json()
        assert repr(s) == repr(p)
        for sn, pn in zip(s.needs, p.needs):
            assert sn.model_fields_set == pn.model_fields_set
            assert isinstance(sn, Need)
            assert [math.copysign(1.0, x.tolerance) for x in (sn, pn)] == [math.copysign(1.0, pn.tolerance)] * 2


def test_a_supplier_before_its_asset_is_the_same_text():
    """Chunks: a need met before the asset it names still holds that asset's id text."""
    sharer = Sharer()
    (consumer,) = sharer.models(
        [Asset.model_validate({"id": "w", "sector": "population", "needs": [{"type": "power", "from": ["late"]}]})]
    )
    (late,) = sharer.models([Asset.model_validate({"id": "late", "sector": "energy"})])
    assert consumer.needs[0].suppliers[0] is late.id


def test_needs_with_a_fuel_tank_are_left_alone():
    need = {"type": "power", "from": ["g"], "fuel": {"tank_l": 100, "consumption_l_per_h": 10}}
    a, b = Sharer().models(
        [Asset.model_validate({"id": i, "sector": "population", "needs": [need]}) for i in ("a", "b")]
    )
    assert a.needs[0] == b.needs[0]
    assert a.needs[0] is not b.needs[0]


def test_every_number_field_of_a_need_is_signed():
    """The Sharer tells 0.0 from -0.0 in ``_SIGNED`` only: every other field of a need is no float."""
    assert set(Need.model_fields) - set(_SIGNED) == {"type", "suppliers", "k", "refill", "fuel"}
    assert Need.model_fields["k"].annotation is int and Need.model_fields["refill"].annotation is bool
