"""Loading node-link JSON: compact origins, chunked validation, line numbers read again on demand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulator.model import LoadError, load_graph
from simulator.model.formats.linkorigins import NodeLinkOrigins, RereadDocument
from simulator.model.loading import _CHUNK


def _write(path: Path, nodes: list, links: list) -> Path:
    """One node or link per line: node i is on line i + 3, link n on line len(nodes) + n + 5."""
    lines = ['{"directed": true, "multigraph": true, "graph": {"name": "t"},', '"nodes": [']
    lines += [json.dumps(node) + ("," if i < len(nodes) - 1 else "") for i, node in enumerate(nodes)]
    lines += ["],", '"links": [']
    lines += [json.dumps(link) + ("," if n < len(links) - 1 else "") for n, link in enumerate(links)]
    lines += ["]}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _problems(path: Path) -> list[tuple]:
    with pytest.raises(LoadError) as info:
        load_graph(path)
    return [(p.file.name, p.line, p.loc, p.key) for p in info.value.problems]


def test_origins_hand_computed():
    doc = RereadDocument(Path("g.json"), "{}")
    origins = NodeLinkOrigins(doc)
    origins.add_asset([])
    origins.add_asset([(3, [5, 2]), (4, [4])])
    assert len(origins) == 2
    assert origins[0].locate(("id",)) == (doc, ("nodes", 0, "id"))
    assert origins[0].locate(("needs", 0, "type")) == (doc, ("nodes", 0, "needs", 0, "type"))
    assert origins[1].locate(("needs", 0, "tolerance")) == (doc, ("links", 3, "tolerance"))
    assert origins[1].locate(("needs", 0, "from", 1)) == (doc, ("links", 2, "source"))
    assert origins[1].locate(("needs", 1, "from", 0)) == (doc, ("links", 4, "source"))
    assert origins[-1].locate(("sector",)) == (doc, ("nodes", 1, "sector"))
    with pytest.raises(IndexError):
        origins[2]


def test_suppliers_in_order_located_at_their_own_links(tmp_path):
    nodes = [{"id": "a", "sector": "energy"}, {"id": "c", "sector": "water"}]
    links = [
        {"source": "a", "target": "c", "key": 0, "order": 1, "type": "power", "tolerance": 30},
        {"source": "zz", "target": "c", "key": 0, "order": 0, "type": "power"},
    ]
    path = _write(tmp_path / "g.json", nodes, links)
    # the need stands at link 0 (it opened it); supplier 0 (order 0) is 'zz', at link 1, line 8
    assert _problems(path) == [("g.json", 8, ("links", 1, "source"), "ref.unknown_asset")]
    links[1]["source"] = "a"
    links.append({"source": "c", "target": "a", "type": "power", "tolerance": "soon"})
    path = _write(tmp_path / "g.json", nodes, links)
    assert _problems(path) == [
        # in supplier order 'a' of link 1 (order 0) comes first: the second, link 0 (line 7), repeats it
        ("g.json", 7, ("links", 0, "source"), "ref.duplicate_supplier"),
        ("g.json", 9, ("links", 2, "tolerance"), "value.not_duration"),
    ]


def test_chunks_keep_positions_and_order(tmp_path):
    n = _CHUNK + 3
    nodes = [{"id": f"n{i}", "sector": "energy"} for i in range(n)]
    links = [{"source": "n0", "target": f"n{n - 1}", "type": "power"}]
    graph = load_graph(_write(tmp_path / "g.json", nodes, links))
    assert [a.id for a in graph.assets] == [f"n{i}" for i in range(n)]
    assert graph.assets[-1].needs[0].suppliers == ("n0",)
    nodes[2]["sector"] = "nope"
    nodes[_CHUNK + 1]["population"] = -1
    links[0]["tolerance"] = "never"  # the last asset's need: in the second chunk, at its link
    assert _problems(_write(tmp_path / "g.json", nodes, links)) == [
        ("g.json", 5, ("nodes", 2, "sector"), "value.choice"),
        ("g.json", _CHUNK + 4, ("nodes", _CHUNK + 1, "population"), "value.range"),
        ("g.json", n + 5, ("links", 0, "tolerance"), "value.not_duration"),
    ]


def test_line_unknown_when_the_file_changed(tmp_path):
    path = tmp_path / "g.json"
    text = '{\n"nodes": [\n{"id": "a"}\n]}\n'
    path.write_text(text, encoding="utf-8")
    doc = RereadDocument(path, text)
    assert doc.line_of(("nodes", 0)) == 3
    changed = RereadDocument(path, text)
    path.write_text('{"nodes": [{"id": "a"}]}\n', encoding="utf-8")
    assert changed.line_of(("nodes", 0)) is None
    path.unlink()
    assert RereadDocument(path, text).line_of(("nodes", 0)) is None
