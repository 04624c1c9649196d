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
from .linkorigins import NodeLinkOrigins, RereadDocument
from .records import SECTIONS, RawGraph, asset_record, section_records

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


def read_nodelink(path: Path) -> RawGraph:
    content = read_text(path)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise LoadError([Problem(path, exc.lineno, (), "json.syntax", {"problem": exc.msg})]) from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting too deep
        raise LoadError([Problem(path, None, (), "json.syntax", {"problem": str(exc)})]) from None
    # the document keeps neither the text nor the parsed data: it reads the file again for a line
    # number (only when a problem is reported); the parsed nodes become the records themselves
    doc = RereadDocument(path, content)
    del content
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
    raw.records = data.get("nodes", [])
    links = data.get("links", [])
    del data, info
    position: dict[str, int] = {}
    for i, record in enumerate(raw.records):
        if type(record) is dict:  # noqa: E721 -- json gives plain dicts; the exact test is the fast one
            record["needs"] = []  # the indices of its groups below, then its needs
            if type(record.get("id")) is str:  # any other id is reported by validation
                position.setdefault(record["id"], i)
    groups = _group_links(path, doc, links, position, raw.records)
    del links
    raw.origins = _finish_needs(doc, raw.records, groups)
    return raw


_STRUCTURAL = ("source", "target", "key", "order")


def _group_links(path: Path, doc: SourceDocument, links: list, position: dict[str, int], records: list) -> list:
    """Links grouped into needs: per group [need fields, supplier ids, orders, link numbers]; each
    consumer's record lists its groups in the order they first appear. Every problem at once."""
    problems: list[Problem] = []
    groups: dict[tuple[int, Any], int] = {}
    found: list[list] = []
    for n, link in enumerate(links):
        if type(link) is dict and "source" in link:  # noqa: E721 -- the common case first, fast
            target = link.get("target")
            consumer = position.get(target) if type(target) is str else None  # noqa: E721
            need_key = link.get("key", 0)
            if consumer is not None and (type(need_key) is int or type(need_key) is str):  # noqa: E721
                g = groups.get((consumer, need_key))
                if g is None:
                    g = groups[(consumer, need_key)] = len(found)
                    need = dict(link)  # the need's own fields, in the order written
                    for k in _STRUCTURAL:
                        need.pop(k, None)
                    found.append([need, [], [], []])
                    records[consumer]["needs"].append(g)
                group = found[g]
                group[2].append(link.get("order", len(group[1])))
                group[1].append(link["source"])
                group[3].append(n)
                continue
        problems.extend(_link_problems(path, doc, n, link, position))
    if problems:
        raise LoadError(problems)
    return found


def _link_problems(path: Path, doc: SourceDocument, n: int, link: Any, position: dict[str, int]) -> list[Problem]:
    """What is wrong with link ``n`` (one that ``_group_links`` could not group)."""

    def problem(loc: tuple, key: str, **params: Any) -> Problem:
        return Problem(path, doc.line_of(loc), loc, key, params)

    if not isinstance(link, dict):
        return [problem(("links", n), "value.wrong_type", expected=("type.mapping", {}), got=_describe(link))]
    missing = [k for k in ("source", "target") if k not in link]
    problems = [problem(("links", n, k), "value.missing") for k in missing]
    target = link.get("target")
    consumer = position.get(target) if isinstance(target, str) else None
    if consumer is None and "target" not in missing:
        problems.append(problem(("links", n, "target"), "ref.unknown_asset", id=target, hint=""))
    need_key = link.get("key", 0)
    if not isinstance(need_key, (int, str)) or isinstance(need_key, bool):
        problems.append(
            problem(("links", n, "key"), "value.wrong_type", expected=("type.int", {}), got=_describe(need_key))
        )
    return problems


def _finish_needs(doc: SourceDocument, records: list, groups: list) -> NodeLinkOrigins:
    """Each record's needs with ``from`` in supplier order (by ``order``, file order on ties), and
    the compact origins of nodes, needs and suppliers."""
    origins = NodeLinkOrigins(doc)
    for record in records:
        if type(record) is not dict or not record["needs"]:  # noqa: E721
            origins.add_asset([])
            continue
        needs, locs = [], []
        for g in record["needs"]:
            need, sources, orders, numbers = groups[g]
            groups[g] = None  # the need dict lives on in the record; the rest goes now
            first = numbers[0]  # the link that opened the need: where it stands
            if len(sources) > 1:
                keys = [_sort_key(order) for order in orders]
                if any(a > b for a, b in zip(keys, keys[1:])):
                    ranked = sorted(range(len(keys)), key=keys.__getitem__)  # stable: file order on ties
                    sources = [sources[p] for p in ranked]
                    numbers = [numbers[p] for p in ranked]
            need["from"] = sources
            needs.append(need)
            locs.append((first, numbers))
        record["needs"] = needs
        origins.add_asset(locs)
    return origins


def _describe(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _sort_key(order: Any) -> int:
    return order if isinstance(order, int) else 0
