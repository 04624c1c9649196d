"""The threat picture says how many of the people affected are no residents: the people of an asset
declared ``population_within: none`` (an airport's travellers) count on top of the town's residents
(README, "People affected, each person once"), and the ranking says so beside the number."""

from __future__ import annotations

import pandas as pd
from conftest import ROOT
from test_bad_input import invoke

from simulator.analysis.threats import threat_picture
from simulator.model import load_graph

GRAPH = """\
name: hand
assets:
  - {id: sub, sector: energy, kind: substation}
  - id: wijk
    sector: population
    population: 100
    needs: [{type: power, from: sub}]
  - id: terminal
    sector: transport
    population: 30
    population_within: none
    needs: [{type: power, from: sub}]
  - id: zorg
    sector: health
    population: 20
    needs: [{type: power, from: sub}]
  - {id: solo, sector: energy, kind: substation}
  - id: kiosk
    sector: transport
    population: 1
    population_within: none
    needs: [{type: power, from: solo}]
"""
#   sub --> wijk (100 residents), terminal (30 travellers: within none), zorg (20, living in wijk)
#   solo --> kiosk (1 traveller)


def _people(table: pd.DataFrame) -> dict[str, tuple[int, int, int]]:
    columns = ["people_affected", "residents_affected", "non_residents_affected"]
    return {row.asset: tuple(int(v) for v in row[columns]) for _, row in table.iterrows()}


def test_residents_and_travellers_apart_on_a_hand_graph(tmp_path):
    (tmp_path / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    people = _people(threat_picture(load_graph(tmp_path / "graph.yaml")))
    # zorg's 20 live in wijk, which loses its power too: counted once, among the 100 residents
    assert people["sub"] == (130, 100, 30)
    assert people["terminal"] == (30, 0, 30)
    assert people["solo"] == people["kiosk"] == (1, 0, 1)
    assert people["zorg"] == (20, 20, 0)  # alone: its 20 lack its care, at home with power; residents
    assert "wijk" not in people  # a neighbourhood is no target of the picture


def test_the_terminal_row_and_the_csv_say_who_is_no_resident(tmp_path):
    (tmp_path / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    graph = str(tmp_path / "graph.yaml")
    dutch = invoke(["--lang", "nl", "threats", graph, "--out", str(tmp_path / "nl")])
    assert dutch.exit_code == 0, dutch.output
    lines = dutch.stdout.splitlines()
    assert any(
        line.endswith(
            "sub (Energie): 130 getroffen mensen (waarvan 30 geen inwoners: reizigers, bezoekers), "
            "4 objecten uitgevallen, klasse BA"
        )
        for line in lines
    ), dutch.stdout
    assert any(
        "1 getroffen mens (waarvan 1 geen inwoner: een reiziger of bezoeker), 2 objecten" in line for line in lines
    )
    assert any(line.endswith(": 20 getroffen mensen, 1 object uitgevallen, klasse BA") for line in lines), dutch.stdout
    english = invoke(["--lang", "en", "threats", graph, "--out", str(tmp_path / "en")])
    assert "130 people affected (of whom 30 not residents: travellers, visitors), 4 assets failed" in english.stdout
    assert "1 person affected (of whom 1 not a resident: a traveller or visitor), 2 assets failed" in english.stdout
    ranking = pd.read_csv(tmp_path / "nl" / "ranking.csv")
    assert list(ranking.columns[6:9]) == ["people_affected", "residents_affected", "non_residents_affected"]
    assert ranking.set_index("asset").loc["sub", ["residents_affected", "non_residents_affected"]].tolist() == [100, 30]


def test_vliegveldstads_top_row_counts_no_more_residents_than_live_there():
    graph = load_graph(ROOT / "infrastructure_graphs" / "vliegveldstad.yaml")
    town = sum(a.population for a in graph.assets if a.sector == "population")
    top = threat_picture(graph).iloc[0]
    assert town == 60_000
    assert (top["asset"], top["people_affected"], top["residents_affected"], top["non_residents_affected"]) == (
        "hoogspanningsstation",
        61_500,
        60_000,
        1_500,
    )
    assert (threat_picture(graph)["residents_affected"] <= town).all()


def test_the_top20_figure_stacks_residents_and_non_residents_by_hand(tmp_path, artifact_dir):
    """The figure's bars, read back from the axes, bottom to top (the ranking drawn top down):
    kiosk 0 + 1, solo 0 + 1 (its kiosk's traveller), zorg 20 + 0, terminal 0 + 30, sub 100 + 30;
    the number at each bar is its total; the legend names both parts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from simulator.messages import text
    from simulator.report.threat_figures import plot_threat_ranking

    (tmp_path / "graph.yaml").write_text(GRAPH, encoding="utf-8")
    ax = plot_threat_ranking(threat_picture(load_graph(tmp_path / "graph.yaml")), lang="nl")
    residents, others = ax.containers
    assert [t.get_text() for t in ax.get_yticklabels()] == ["kiosk", "solo", "zorg", "terminal", "sub"]
    assert [bar.get_width() for bar in residents] == [0, 0, 20, 0, 100]
    assert [(bar.get_x(), bar.get_width()) for bar in others] == [(0, 1), (0, 1), (20, 0), (0, 30), (100, 30)]
    assert [t.get_text().strip() for t in ax.texts] == ["1", "1", "20", "30", "130"]
    legend = ax.get_legend()
    assert [t.get_text() for t in legend.get_texts()] == [
        "inwoners (ook in zorginstellingen en ziekenhuizen)",
        "geen inwoners: reizigers, bezoekers",
    ]
    assert legend.get_title().get_text() == text("figure.people_split", "nl")
    assert residents.patches[0].get_facecolor() != others.patches[0].get_facecolor()
    ax.figure.savefig(artifact_dir / "top20-residents-hand.png", dpi=100)
    plt.close(ax.figure)
