"""The name people read for an asset (model/labels.py): a name that another municipality's asset
also has gets its municipality; everything else stays as written.

A region of two towns, a 150 kV station in Aadorp feeding a neighbourhood called "Centrum" in
each (Beestad's written "centrum ", another case and a space: the same name to a reader)::

    hs "Station" (Aadorp) --power--> wijk-a "Centrum" (Aadorp, 100)
                          \\--power--> wijk-b "centrum " (Beestad, 50)

The outage of hs brings both neighbourhoods down: the timeline, the assets table of the run
directory, the inject list and the threat ranking say "Centrum (Aadorp)" and "centrum (Beestad)".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, build, run

from simulator.analysis import Results
from simulator.analysis.injects import derive_injects
from simulator.analysis.threats import threat_picture
from simulator.model.graph import InfrastructureGraph
from simulator.model.labels import asset_labels
from simulator.model.loading import load_graph

ASSETS = [
    {"id": "hs", "name": "Station", "sector": "energy", "municipality": "Aadorp"},
    {
        "id": "wijk-a",
        "name": "Centrum",
        "sector": "population",
        "municipality": "Aadorp",
        "population": 100,
        "needs": [{"type": "power", "from": "hs"}],
    },
    {
        "id": "wijk-b",
        "name": "centrum ",
        "sector": "population",
        "municipality": "Beestad",
        "population": 50,
        "needs": [{"type": "power", "from": "hs"}],
    },
]
OUTAGE = [{"id": "uit", "type": "outage", "target": "hs"}]
LABELS = {"hs": "Station", "wijk-a": "Centrum (Aadorp)", "wijk-b": "centrum (Beestad)"}


def test_a_name_shared_across_municipalities_gets_each_municipality():
    assert asset_labels(
        [("a", "Centrum", "Havenstad"), ("b", "Centrum", "Vliegveldstad"), ("c", "Haven", "Havenstad")]
    ) == {
        "a": "Centrum (Havenstad)",
        "b": "Centrum (Vliegveldstad)",
        "c": "Haven",
    }


def test_names_compare_without_case_and_surrounding_spaces():
    assert asset_labels([("a", "Station", "A"), ("b", " station", "B")]) == {"a": "Station (A)", "b": "station (B)"}


def test_a_clash_within_one_municipality_stays_as_written():
    """The municipality would not tell them apart."""
    assert asset_labels([("a", "Gemaal", "A"), ("b", "Gemaal", "A")]) == {"a": "Gemaal", "b": "Gemaal"}


def test_three_towns_two_of_one_name_and_an_asset_without_municipality():
    """A regional asset (no municipality) counts as another place but keeps its name: there is
    nothing to add; the two in town A both get A (they stay alike, as they were written)."""
    labels = asset_labels(
        [("a1", "Centrum", "A"), ("a2", "Centrum", "A"), ("b", "Centrum", "B"), ("r", "Centrum", ""), ("x", "X", "")]
    )
    assert labels == {"a1": "Centrum (A)", "a2": "Centrum (A)", "b": "Centrum (B)", "r": "Centrum", "x": "X"}


def test_no_name_falls_back_to_the_id_and_ids_clash_too():
    assert asset_labels([("gemaal", "", "A"), ("x", "gemaal", "B"), ("y", "", "")]) == {
        "gemaal": "gemaal (A)",
        "x": "gemaal (B)",
        "y": "y",
    }


def test_the_rule_gives_labels_back_unchanged():
    """A run directory whose assets.csv holds labels reads the same."""
    rows = [("a", "Centrum", "A"), ("b", "Centrum", "B"), ("r", "Centrum", ""), ("c", "Haven", "A")]
    once = asset_labels(rows)
    assert asset_labels((i, once[i], m) for i, _, m in rows) == once


def test_the_graph_holds_the_labels():
    graph = build(ASSETS, OUTAGE).graph
    assert graph.labels == LABELS
    assert graph.label("wijk-b") == "centrum (Beestad)"
    assert graph.asset("wijk-b").name == "centrum "  # the model keeps what was written


def test_the_bundled_region_tells_its_neighbourhoods_apart_and_havenstad_keeps_its_names():
    region = load_graph(ROOT / "infrastructure_graphs" / "regio-havenmond" / "regio.yaml")
    assert region.label("wijk-centrum") == "Centrum (Havenstad)"
    assert region.label("vls-wijk-centrum") == "Centrum (Vliegveldstad)"
    assert region.label("dko-wijk-havenkwartier") == "Havenkwartier (Dijkeroord)"
    assert region.label("lgv-gemaal-zuidpolder") == region.asset("lgv-gemaal-zuidpolder").name
    for town in ("havenstad.yaml", "vliegveldstad.yaml"):
        graph = load_graph(ROOT / "infrastructure_graphs" / town)
        assert [graph.label(a.id) for a in graph.assets] == [a.name or a.id for a in graph.assets]


def test_a_single_town_graph_keeps_every_name():
    graph = InfrastructureGraph(build([{**a, "municipality": "Aadorp"} for a in ASSETS], OUTAGE).graph.assets)
    assert graph.labels == {"hs": "Station", "wijk-a": "Centrum", "wijk-b": "centrum "}


@pytest.fixture(scope="module")
def results() -> Results:
    return Results.from_record(run(build(ASSETS, OUTAGE, duration="1h")), "en")


def test_the_timeline_names_each_neighbourhood_with_its_town(results):
    failed = results.events[results.events["kind"] == "asset.failed"]
    assert failed["message"].tolist() == ["Station fails", "Centrum (Aadorp) fails", "centrum (Beestad) fails"]


def test_the_run_directory_and_what_reads_it_carry_the_labels(results, tmp_path):
    path = results.save(tmp_path / "run")
    assert pd.read_csv(path / "assets.csv")["name"].tolist() == list(LABELS.values())
    again = Results.load(path)
    assert again.assets["name"].tolist() == list(LABELS.values())
    said = " ".join(derive_injects(again, "en")["message"])
    assert "In Centrum in Aadorp: no power since half past two." in said, said
    assert "In centrum in Beestad: no power since half past two." in said, said


def test_the_replay_names_the_labels(results):
    from simulator.analysis.replay import replay_timeline

    replay = replay_timeline(results, "nl")
    assert {a["id"]: a["name"] for a in replay.assets} == LABELS


def test_a_run_directory_written_before_the_rule_reads_with_labels(results, tmp_path):
    path = results.save(tmp_path / "run")
    table = pd.read_csv(path / "assets.csv", keep_default_na=False)
    table["name"] = ["Station", "Centrum", "centrum "]
    table.to_csv(path / "assets.csv", index=False)
    assert Results.load(path).assets["name"].tolist() == list(LABELS.values())


def test_the_threat_ranking_names_the_labels():
    ranking = threat_picture(build(ASSETS, OUTAGE).graph, sector="population")
    assert dict(zip(ranking["asset"], ranking["name"])) == {k: v for k, v in LABELS.items() if k != "hs"}


def test_the_havenstad_golden_run_is_unchanged(root: Path):
    """The golden events of a single-town scenario (tests/test_cli_run.py) name assets as written."""
    golden = (root / "tests" / "golden" / "stroomstoring-havenstad.events.csv").read_text(encoding="utf-8")
    assert "(Havenstad)" not in golden


def test_a_label_said_aloud_splits_off_its_own_municipality_only():
    from simulator.model.labels import split_label

    assert split_label("Centrum (Beestad)", "Beestad") == ("Centrum", "Beestad")
    assert split_label("Havenwegbrug (basculebrug)", "Beestad") == ("Havenwegbrug (basculebrug)", "")
    assert split_label("Centrum (Beestad)", "") == ("Centrum (Beestad)", "")
