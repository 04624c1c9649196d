"""The threat picture per municipality (analysis/threats_region.py, ``rampsim threats`` on a region).

Two municipalities, a 150 kV station in Aadorp feeding both::

    hs (Aadorp) --power--> os-a (Aadorp) --power--> wijk-a (Aadorp, 1,000)
               \\--power--> os-b (Beestad) --power--> wijk-b (Beestad, 600)
                                          \\--power--> zorg-b (Beestad, 50 living in wijk-b)

Permanent failure, no repair (the deterministic cascade):
- hs: everything fails; Aadorp 1,000 people and 3 assets, Beestad 600 people (the 50 of zorg-b
  live in wijk-b: counted once) and 3 assets; the region 1,600;
- os-a: Aadorp 1,000 and 2 assets, Beestad nothing;
- os-b: Beestad 600 and 3 assets;
- zorg-b: Beestad 50 (its people lose more than their home does) and 1 asset.
"""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from test_bad_input import invoke

from simulator.analysis.threats import threat_picture
from simulator.analysis.threats_region import municipal_rankings, municipalities, sector_profile, with_specific
from simulator.model.loading import load_graph

ASSETS = [
    {"id": "hs", "sector": "energy", "municipality": "Aadorp"},
    {"id": "os-a", "sector": "energy", "municipality": "Aadorp", "needs": [{"type": "power", "from": "hs"}]},
    {
        "id": "wijk-a",
        "sector": "population",
        "municipality": "Aadorp",
        "population": 1000,
        "needs": [{"type": "power", "from": "os-a"}],
    },
    {"id": "os-b", "sector": "energy", "municipality": "Beestad", "needs": [{"type": "power", "from": "hs"}]},
    {
        "id": "wijk-b",
        "sector": "population",
        "municipality": "Beestad",
        "population": 600,
        "needs": [{"type": "power", "from": "os-b"}],
    },
    {
        "id": "zorg-b",
        "sector": "health",
        "municipality": "Beestad",
        "population": 50,
        "population_within": "wijk-b",
        "needs": [{"type": "power", "from": "os-b"}],
    },
]


@pytest.fixture
def region_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "regio.yaml"
    path.write_text(yaml.safe_dump({"name": "regio", "assets": ASSETS}), encoding="utf-8")
    return path


def test_the_regional_ranking_counts_each_municipality(region_file):
    graph = load_graph(region_file)
    assert municipalities(graph) == ["Aadorp", "Beestad"]  # by residents
    table = threat_picture(graph)
    columns = [
        "asset",
        "municipality",
        "people_affected",
        "people_Aadorp",
        "people_Beestad",
        "failed_Aadorp",
        "failed_Beestad",
    ]
    assert [tuple(row) for row in table[columns].itertuples(index=False)] == [
        ("hs", "Aadorp", 1600, 1000, 600, 3, 3),
        ("os-a", "Aadorp", 1000, 1000, 0, 2, 0),
        ("os-b", "Beestad", 600, 0, 600, 0, 3),
        ("zorg-b", "Beestad", 50, 0, 50, 0, 1),
    ]


def test_the_ranking_per_municipality(region_file):
    graph = load_graph(region_file)
    rankings = municipal_rankings(threat_picture(graph), municipalities(graph))
    rows = rankings[
        ["municipality", "rank", "asset", "target_municipality", "people_affected", "assets_failed", "impact"]
    ]
    assert [tuple(r) for r in rows.itertuples(index=False)] == [
        ("Aadorp", 1, "hs", "Aadorp", 1000, 3, "B"),
        ("Aadorp", 2, "os-a", "Aadorp", 1000, 2, "B"),
        # in Beestad hs and os-b tie (600 people, 3 assets): by id; hs stands in Aadorp
        ("Beestad", 1, "hs", "Aadorp", 600, 3, "A"),
        ("Beestad", 2, "os-b", "Beestad", 600, 3, "A"),
        ("Beestad", 3, "zorg-b", "Beestad", 50, 1, "A"),
    ]
    assert sector_profile(rankings, "Beestad").to_dict("records") == [
        {"sector": "energy", "assets_failed": 3, "people_affected": 600},
        {"sector": "health", "assets_failed": 1, "people_affected": 50},
    ]


def test_one_municipality_keeps_the_plain_columns(region_file):
    graph = load_graph(region_file)
    one = [dict(a, municipality="Aadorp") for a in ASSETS]
    region_file.write_text(yaml.safe_dump({"name": "dorp", "assets": one}), encoding="utf-8")
    table = threat_picture(load_graph(region_file))
    assert "municipality" not in table and not any(c.startswith(("people_A", "failed_")) for c in table)
    assert len(threat_picture(graph).columns) == len(table.columns) + 1 + 3 * 2  # people, non-residents, failed


# Beestad gets a railway station whose 40 travellers live in no home (``population_within: none``):
#     os-b (Beestad) --power--> station-b (Beestad, 40 travellers)
# hs: Beestad 640 people affected, of them 40 no residents (600 residents: wijk-b's, zorg-b's 50 among
# them, counted once); os-b the same; station-b alone 40, all no residents; Aadorp as before, none.
STATION = {
    "id": "station-b",
    "sector": "transport",
    "municipality": "Beestad",
    "population": 40,
    "population_within": "none",
    "needs": [{"type": "power", "from": "os-b"}],
}


def test_the_people_of_each_municipality_split_residents_from_travellers_by_hand(region_file):
    region_file.write_text(yaml.safe_dump({"name": "regio", "assets": [*ASSETS, STATION]}), encoding="utf-8")
    graph = load_graph(region_file)
    table = threat_picture(graph).set_index("asset")
    assert table.loc[
        "hs", ["people_Beestad", "non_residents_Beestad", "people_Aadorp", "non_residents_Aadorp"]
    ].tolist() == [
        640,
        40,
        1000,
        0,
    ]
    rankings = municipal_rankings(threat_picture(graph), municipalities(graph))
    columns = ["municipality", "asset", "people_affected", "residents_affected", "non_residents_affected"]
    assert [tuple(r) for r in rankings[columns].itertuples(index=False)] == [
        ("Aadorp", "hs", 1000, 1000, 0),
        ("Aadorp", "os-a", 1000, 1000, 0),
        ("Beestad", "hs", 640, 600, 40),
        ("Beestad", "os-b", 640, 600, 40),
        ("Beestad", "zorg-b", 50, 50, 0),
        ("Beestad", "station-b", 40, 0, 40),
    ]
    # the printed tables: Beestad's has the column of its non-residents, Aadorp's (none there) not
    lines = threats_output("nl", "80")
    beestad = lines[lines.index("Beestad: de 4 uitvallen die de meeste mensen treffen") :]
    assert beestad[1:15] == [
        "┏━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━┓",
        "┃   ┃                     ┃             ┃   waarvan ┃    objecten ┃        ┃",
        "┃   ┃                     ┃   getroffen ┃      geen ┃ uitgevallen ┃        ┃",
        "┃ # ┃ uitval van          ┃      mensen ┃  inwoners ┃        hier ┃ klasse ┃",
        "┡━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━┩",
        "│ 1 │ hs                  │         640 │        40 │           4 │   BA   │",
        "│   │ Energie, in Aadorp  │             │           │             │        │",
        "│ 2 │ os-b                │         640 │        40 │           4 │   BA   │",
        "│   │ Energie, in Beestad │             │           │             │        │",
        "│ 3 │ zorg-b              │          50 │         0 │           1 │   BA   │",
        "│   │ Zorg, in Beestad    │             │           │             │        │",
        "│ 4 │ station-b           │          40 │        40 │           1 │   BA   │",
        "│   │ Vervoer, in Beestad │             │           │             │        │",
        "└───┴─────────────────────┴─────────────┴───────────┴─────────────┴────────┘",
    ]
    aadorp = lines[lines.index("Aadorp: de 2 uitvallen die de meeste mensen treffen") :]
    assert aadorp[2:5] == AADORP_NL[2:5]  # as without travellers: no such column


def test_rampsim_threats_on_a_region_writes_and_prints_each_municipality(region_file):
    result = invoke(["threats", "regio.yaml", "--out", "out", "--lang", "en"])
    assert result.exit_code == 0, result.output + result.stderr
    lines = result.output.splitlines()
    assert "The region: the 4 failures that affect most people" in lines
    assert "Aadorp: the 2 failures that affect most people" in lines
    assert "Beestad: the 3 failures that affect most people" in lines
    assert "│ 1 │ hs                 │         600 │           3 │  BA   │" in lines  # Beestad's table
    assert "│   │ Energy, in Aadorp  │             │             │       │" in lines  # sector by name
    assert "  1. hs (Energy): 1,600 people affected, 6 assets failed, class BB" in lines  # the regional ranking
    assert lines.index("Aadorp: the 2 failures that affect most people") < lines.index(
        "Beestad: the 3 failures that affect most people"
    )
    written = pd.read_csv(region_file.parent / "out" / "ranking-municipalities.csv")
    assert written[["municipality", "rank", "asset"]].values.tolist() == [
        ["Aadorp", 1, "hs"],
        ["Aadorp", 2, "os-a"],
        ["Beestad", 1, "hs"],
        ["Beestad", 2, "os-b"],
        ["Beestad", 3, "zorg-b"],
    ]
    assert (region_file.parent / "out" / "municipalities.png").stat().st_size > 10_000
    assert "people_Beestad" in pd.read_csv(region_file.parent / "out" / "ranking.csv").columns


def threats_output(lang: str, columns: str | None) -> list[str]:
    from click.testing import CliRunner

    from simulator.cli import cli

    result = CliRunner(env={"RAMPSIM_LANG": None, "COLUMNS": columns}).invoke(
        cli, ["threats", "regio.yaml", "--out", "out", "--lang", lang]
    )
    assert result.exit_code == 0, result.output
    return result.output.splitlines()


AADORP_EN = [
    "Aadorp: the 2 failures that affect most people",
    "┏━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━┓",
    "┃   ┃                   ┃      people ┃      assets ┃       ┃",
    "┃ # ┃ failure of        ┃    affected ┃ failed here ┃ class ┃",
    "┡━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━┩",
    "│ 1 │ hs                │       1,000 │           3 │  BB   │",
    "│   │ Energy, in Aadorp │             │             │       │",
    "│ 2 │ os-a              │       1,000 │           2 │  BB   │",
    "│   │ Energy, in Aadorp │             │             │       │",
    "└───┴───────────────────┴─────────────┴─────────────┴───────┘",
]
AADORP_NL = [
    "Aadorp: de 2 uitvallen die de meeste mensen treffen",
    "┏━━━┳━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━┓",
    "┃   ┃                    ┃             ┃    objecten ┃        ┃",
    "┃   ┃                    ┃   getroffen ┃ uitgevallen ┃        ┃",
    "┃ # ┃ uitval van         ┃      mensen ┃        hier ┃ klasse ┃",
    "┡━━━╇━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━┩",
    "│ 1 │ hs                 │       1.000 │           3 │   BB   │",
    "│   │ Energie, in Aadorp │             │             │        │",
    "│ 2 │ os-a               │       1.000 │           2 │   BB   │",
    "│   │ Energie, in Aadorp │             │             │        │",
    "└───┴────────────────────┴─────────────┴─────────────┴────────┘",
]


@pytest.mark.parametrize(("lang", "expected"), [("en", AADORP_EN), ("nl", AADORP_NL)])
def test_each_municipality_is_a_table_in_the_readers_language(region_file, lang, expected):
    """Aadorp: hs and os-a each bring down its 1,000 residents (3 and 2 of its assets), both
    standing in Aadorp; the numbers in the reader's notation (1,000 / 1.000)."""
    lines = threats_output(lang, "80")
    start = lines.index(expected[0])
    assert lines[start : start + len(expected)] == expected


def test_a_long_name_wraps_in_80_columns_and_stays_whole_in_a_pipe(region_file):
    """hs gets a 62-character name: in an 80-column terminal every line fits (the name wraps in
    its column); piped, without COLUMNS, the name stays on one line."""
    long = "Hoogspanningsstation Aadorp 150/20 kV (voedt ook heel Beestad)"
    region_file.write_text(
        yaml.safe_dump({"name": "regio", "assets": [dict(a, name=long) if a["id"] == "hs" else a for a in ASSETS]}),
        encoding="utf-8",
    )
    narrow = threats_output("nl", "80")
    table = narrow[narrow.index("Aadorp: de 2 uitvallen die de meeste mensen treffen") :]
    assert max(len(line) for line in table) <= 80
    assert "│ 1 │ Hoogspanningsstation Aadorp 150/20  │       1.000 │           3 │   BB   │" in table
    assert "│   │ kV (voedt ook heel Beestad)         │             │             │        │" in table
    assert "│   │ Energie, in Aadorp                  │             │             │        │" in table
    piped = threats_output("nl", None)
    assert any(f"│ 1 │ {long} │       1.000 │" in line for line in piped), "\n".join(piped)


def test_rampsim_threats_on_one_town_writes_no_municipal_files(region_file):
    one = [dict(a, municipality="Aadorp") for a in ASSETS]
    region_file.write_text(yaml.safe_dump({"name": "dorp", "assets": one}), encoding="utf-8")
    result = invoke(["threats", "regio.yaml", "--out", "out", "--lang", "nl"])
    assert result.exit_code == 0, result.output + result.stderr
    assert not (region_file.parent / "out" / "ranking-municipalities.csv").exists()
    assert not (region_file.parent / "out" / "municipalities.png").exists()
    assert "De regio" not in result.output


def test_the_side_by_side_figure_has_both_towns_and_their_sector_profiles(region_file):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from simulator.report.threat_figures import plot_municipal_threats

    graph = load_graph(region_file)
    rankings = with_specific(
        municipal_rankings(threat_picture(graph), municipalities(graph)), graph, ("Aadorp", "Beestad")
    )
    axes = plot_municipal_threats(rankings, ("Aadorp", "Beestad"), lang="nl")
    try:
        (top_a, top_b), (profile_a, profile_b), _ = axes  # the third row: tests/test_threats_specific.py
        assert top_a.get_title() == "Aadorp: de 2 uitvallen die de meeste mensen treffen"
        assert [t.get_text() for t in top_b.get_yticklabels()] == ["zorg-b", "os-b", "hs (in Aadorp)"]
        assert [round(b.get_width()) for b in top_b.patches] == [50, 600, 600]
        # the sector profiles share one sector order: Beestad has health, Aadorp has none (0)
        assert [t.get_text() for t in profile_a.get_yticklabels()] == [
            t.get_text() for t in profile_b.get_yticklabels()
        ]
        assert [round(b.get_width()) for b in profile_a.patches] == [0, 3]
        assert [round(b.get_width()) for b in profile_b.patches] == [1, 3]
    finally:
        plt.close(axes[0][0].figure)
