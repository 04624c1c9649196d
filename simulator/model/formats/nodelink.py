"""networkx node-link JSON: the format for generated, national-scale graphs.

Nodes carry the asset fields; each need becomes one link per supplier (``source`` supplier,
``target`` consumer) with ``key`` = the need's index on the consumer and ``order`` = the
supplier's position, so that the whole model round-trips. Basins, zones and portfolios are lists
under ``graph``. ``networkx.node_link_graph(data, edges="links")`` reads the file as a MultiDiGraph.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem
from ..graph import InfrastructureGraph
from ..yamlfile import SourceDocument, read_text
from .records import SECTIONS, AssetOrigin, RawGraph, asset_record, section_records

__all__ = ["read_nodelink", "write_nodelink", "FORMAT"]

FORMAT = "rampsim-node-link/1"


def write_nodelink(graph: InfrastructureGraph, path: Path) -> None:
    """Durations of needs are written as minutes (numbers): this format is for machines."""
    nodes = [asset_record(a) for a in graph.assets]
    links = []
    for asset in graph.assets:
        for j, need in enumerate(asset.needs):
            fields = need.model_dump(mode="python", by_alias=True, exclude_defaults=True, exclude={"suppliers"})
            for order, supplier in enumerate(need.suppliers):
                links.append({"source": supplier, "target": asset.id, "key": j, "order": order, **fields})
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"name": graph.name, "description": graph.description, "format": FORMAT, **section_records(graph)},
        "nodes": nodes,
        "links": links,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def read_nodelink(path: Path) -> RawGraph:  # noqa: C901, PLR0912, PLR0915 -- debt: split when next changed
    content = read_text(path)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise LoadError([Problem(path, exc.lineno, (), "json.syntax", {"problem": exc.msg})]) from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting too deep
        raise LoadError([Problem(path, None, (), "json.syntax", {"problem": str(exc)})]) from None
    # the document keeps the text (for line numbers), not the parsed data: the records below are
    # built from it, and a large graph's nodes and links would stay in memory for the whole run
    doc = SourceDocument(path, None, None, content)
    if not isinstance(data, dict):
        raise LoadError([Problem(path, 1, (), "yaml.not_mapping", {"got": type(data).__name__})])
    for key in ("nodes", "links"):
        if not isinstance(data.get(key, []), list):
            raise LoadError(
                [
                    Problem(
                        path,
                        doc.line_of((key,)),
                        (key,),
                        "value.wrong_type",
                        {"expected": ("type.list", {}), "got": "..."},
                    )
                ]
            )
    raw = RawGraph(documents=[doc])
    info = data.get("graph") or {}
    raw.name = str(info.get("name", "")) if isinstance(info, dict) else ""
    if isinstance(info, dict):
        for name in SECTIONS:
            items = info.get(name) or []
            getattr(raw, name).extend(
                (record, doc, ("graph", name, j))
                for j, record in enumerate(items if isinstance(items, list) else [items])
            )
    raw.description = str(info.get("description", "")) if isinstance(info, dict) else ""
    position: dict[str, int] = {}
    for i, node in enumerate(data.get("nodes", [])):
        record = dict(node) if isinstance(node, dict) else node
        if isinstance(record, dict):
            record["needs"] = []
            if isinstance(record.get("id"), str):  # any other id is reported by validation
                position.setdefault(record["id"], i)
        raw.records.append(record)
        raw.origins.append(AssetOrigin(doc, ("nodes", i), []))

    def problem(loc: tuple, key: str, **params: Any) -> Problem:
        return Problem(path, doc.line_of(loc), loc, key, params)

    problems: list[Problem] = []
    groups: dict[tuple[int, Any], list] = {}
    structural = ("source", "target", "key", "order")
    for n, link in enumerate(data.get("links", [])):
        if not isinstance(link, dict):
            problems.append(
                problem(("links", n), "value.wrong_type", expected=("type.mapping", {}), got=_describe(link))
            )
            continue
        missing = [k for k in ("source", "target") if k not in link]
        for k in missing:
            problems.append(problem(("links", n, k), "value.missing"))
        target = link.get("target")
        consumer = position.get(target) if isinstance(target, str) else None
        if consumer is None and "target" not in missing:
            problems.append(problem(("links", n, "target"), "ref.unknown_asset", id=target, hint=""))
        need_key = link.get("key", 0)
        if not isinstance(need_key, (int, str)) or isinstance(need_key, bool):
            problems.append(
                problem(("links", n, "key"), "value.wrong_type", expected=("type.int", {}), got=_describe(need_key))
            )
            continue
        if consumer is None or missing:
            continue
        group = groups.get((consumer, need_key))
        if group is None:
            need = {k: v for k, v in link.items() if k not in structural}
            group = groups[(consumer, need_key)] = [need, []]
            raw.records[consumer]["needs"].append(group)
            raw.origins[consumer].add_need_loc(doc, ("links", n))
        group[1].append((link.get("order", len(group[1])), link.get("source"), n))
    if problems:
        raise LoadError(problems)
    for record, origin in zip(raw.records, raw.origins):
        if isinstance(record, dict) and record["needs"]:
            needs = []
            for j, (need, suppliers) in enumerate(record["needs"]):
                suppliers = sorted(suppliers, key=lambda p: _sort_key(p[0]))  # stable: file order on ties
                need["from"] = [s for _, s, _ in suppliers]
                origin.supplier_locs[j] = [("links", n, "source") for _, _, n in suppliers]
                needs.append(need)
            record["needs"] = needs
    return raw


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _sort_key(order: Any) -> int:
    return order if isinstance(order, int) else 0
