"""Include entries with ``prefix``, ``replace`` and ``owners`` (model/include.py).

Two copies of one small town join a region that owns the control room::

    town.yaml:  scada --control--> gemaal <--telecom-- meldkamer      regio.yaml:  mk (the region's)
                                     |                                   includes town.yaml twice:
                                  (water)                                a-: meldkamer -> mk, gemeente -> gemeente-a
                                     v                                   b-: meldkamer -> mk
                 zorg (within) --> wijk   basin beek drained by gemaal, zone laag: [wijk, meldkamer]
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_input import assert_refused, invoke
from test_formats import graphs

from simulator.model.errors import LoadError
from simulator.model.loading import load_graph, save_graph

TOWN = """\
name: town
basins:
  - {id: beek, area_m2: 1000, level_m: 0, alarm_asset: scada, drains: [{asset: gemaal, capacity_m3s: 1}]}
zones:
  - {id: laag, basin: beek, ground_level_m: -1, assets: [wijk, meldkamer]}
assets:
  - {id: meldkamer, sector: emergency, owner: veiligheidsregio, municipality: Town}
  - {id: scada, sector: water, owner: waterschap, municipality: Town}
  - id: gemaal
    sector: water
    owner: gemeente
    municipality: Town
    recovery: {duration: 2h, crew: gemeente/buitendienst}
    manual_fallback: {level: 0.5, setup: 30min, crew: gemeente/buitendienst}
    needs: [{type: control, from: scada}, {type: telecom, from: [meldkamer]}]
  - {id: wijk, sector: population, population: 100, municipality: Town, needs: [{type: water, from: gemaal}]}
  - {id: zorg, sector: health, population: 5, population_within: wijk, municipality: Town}
"""

REGION = """\
name: regio
include:
  - file: town.yaml
    prefix: a-
    replace: {meldkamer: mk}
    owners: {gemeente: gemeente-a}
  - {file: town.yaml, prefix: b-, replace: {meldkamer: mk}}
assets:
  - {id: mk, sector: emergency, owner: veiligheidsregio, municipality: Regio}
"""


@pytest.fixture
def region(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "town.yaml").write_text(TOWN, encoding="utf-8")
    (tmp_path / "regio.yaml").write_text(REGION, encoding="utf-8")
    return tmp_path


def test_prefix_replace_and_owners(region):
    graph = load_graph(region / "regio.yaml")
    assert [a.id for a in graph.assets] == [
        "a-scada",
        "a-gemaal",
        "a-wijk",
        "a-zorg",
        "b-scada",
        "b-gemaal",
        "b-wijk",
        "b-zorg",
        "mk",
    ]
    a_gemaal, b_gemaal = graph.asset("a-gemaal"), graph.asset("b-gemaal")
    assert [n.suppliers for n in a_gemaal.needs] == [("a-scada",), ("mk",)]
    assert [n.suppliers for n in b_gemaal.needs] == [("b-scada",), ("mk",)]
    assert (a_gemaal.owner, a_gemaal.recovery.crew, a_gemaal.manual_fallback.crew) == (
        "gemeente-a",
        "gemeente-a/buitendienst",
        "gemeente-a/buitendienst",
    )
    assert (b_gemaal.owner, b_gemaal.recovery.crew) == ("gemeente", "gemeente/buitendienst")
    assert graph.asset("a-zorg").population_within == "a-wijk"
    assert graph.asset("a-wijk").population_within is None  # the default, not an id: left alone
    assert [(b.id, b.alarm_asset, [d.asset for d in b.drains]) for b in graph.basins] == [
        ("a-beek", "a-scada", ["a-gemaal"]),
        ("b-beek", "b-scada", ["b-gemaal"]),
    ]
    # the replaced control room stands elsewhere: it leaves the zone
    assert [(z.id, z.basin, z.assets) for z in graph.zones] == [
        ("a-laag", "a-beek", ("a-wijk",)),
        ("b-laag", "b-beek", ("b-wijk",)),
    ]
    # the consumers of the region's control room: both towns' pumping stations
    assert sorted(set(graph.networkx.successors("mk"))) == ["a-gemaal", "b-gemaal"]


def test_plain_include_keeps_ids(region):
    (region / "plain.yaml").write_text("include: [town.yaml]\nassets: []\n", encoding="utf-8")
    graph = load_graph(region / "plain.yaml")
    assert [a.id for a in graph.assets] == ["meldkamer", "scada", "gemaal", "wijk", "zorg"]
    assert graph.asset("gemaal").owner == "gemeente"


def test_twice_without_prefix_is_a_duplicate(region):
    (region / "twice.yaml").write_text("include: [town.yaml, town.yaml]\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_graph(region / "twice.yaml")
    assert any(p.key.startswith("ref.duplicate") or "duplicate" in p.key for p in caught.value.problems)


@pytest.mark.parametrize(
    "edit, expected",
    [
        (
            ("replace: {meldkamer: mk}\n    owners", "replace: {meldkamr: mk}\n    owners"),
            "regio.yaml:5: include[0].replace.meldkamr: 'meldkamr' is not an asset of town.yaml: nothing to replace",
        ),
        (
            (
                "{file: town.yaml, prefix: b-, replace: {meldkamer: mk}}",
                "{file: town.yaml, prefix: b-, replace: {meldkamer: mk2}}",
            ),
            "regio.yaml:7: include[1].replace.meldkamer: replacement 'mk2' is not an asset of this graph "
            "(its own assets or another include's)",
        ),
        (("prefix: a-", "prefix: A-"), "regio.yaml:4: include[0].prefix:"),
        (("prefix: a-", "prefx: a-"), "regio.yaml:4: include[0].prefx:"),
        (("- file: town.yaml", "- file: stad.yaml"), "regio.yaml:3: include[0].file: file not found: stad.yaml"),
    ],
    ids=["replace-unknown", "replacement-missing", "prefix-upper-case", "unknown-field", "file-missing"],
)
def test_bad_include_entry_is_refused_with_location(region, edit, expected):
    text = (region / "regio.yaml").read_text(encoding="utf-8")
    assert edit[0] in text
    (region / "regio.yaml").write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = invoke(["validate", "regio.yaml"])
    assert_refused(result)
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr


def _renamed(record: dict, prefix: str, replace: dict, owners: dict) -> dict:
    """An asset record as the include entry should rewrite it (the rules of model/include.py)."""

    def ref(value: str) -> str:
        return replace.get(value, prefix + value)

    out = dict(record, id=prefix + record["id"])
    if out.get("owner") in owners:
        out["owner"] = owners[out["owner"]]
    for part in ("recovery", "manual_fallback"):
        if out.get(part) and out[part].get("crew"):
            org, _, crew = out[part]["crew"].partition("/")
            out[part] = dict(out[part], crew=f"{owners.get(org, org)}/{crew}")
    out["needs"] = tuple(dict(n, suppliers=tuple(ref(s) for s in n["suppliers"])) for n in out["needs"])
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=graphs(), prefix=st.sampled_from(["", "a-", "x.", "t9_"]), data=st.data())
def test_an_included_graph_is_the_same_graph_renamed(graph, prefix, data):
    """Property: a graph written to a file and included with a prefix, owner renaming and one asset
    replaced by a stand-in of the including file loads as the same assets, renamed."""
    import tempfile

    replaced = data.draw(st.sampled_from([a.id for a in graph.assets]))
    owners = {"gemeente": "gemeente-b"}
    with tempfile.TemporaryDirectory() as folder:
        save_graph(graph, Path(folder) / "town.yaml")
        region = {
            "name": "regio",
            "include": [{"file": "town.yaml", "prefix": prefix, "replace": {replaced: "stand-in"}, "owners": owners}],
            "assets": [{"id": "stand-in", "sector": "energy"}],
        }
        (Path(folder) / "regio.yaml").write_text(yaml.safe_dump(region), encoding="utf-8")
        joined = load_graph(Path(folder) / "regio.yaml")
    expected = [
        _renamed(a.model_dump(), prefix, {replaced: "stand-in"}, owners) for a in graph.assets if a.id != replaced
    ]
    assert [a.model_dump() for a in joined.assets[:-1]] == expected
    assert joined.assets[-1].id == "stand-in"
