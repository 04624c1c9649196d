"""GraphML, for yEd and Gephi.

Nodes carry the asset's scalar fields as attributes (``label`` = name, ``lat``/``lon`` from the
location); nested fields (``recovery``, ``manual_fallback``) are JSON text. Each need becomes one
edge per supplier with ``key`` = need index and ``order`` = supplier position, so the whole model
round-trips. Basins, zones and portfolios are graph attributes holding JSON text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx

from ..errors import LoadError, Problem
from ..graph import InfrastructureGraph
from ..yamlfile import SourceDocument, read_text
from .records import SECTIONS, AssetOrigin, RawGraph, asset_record, need_record, section_records

__all__ = ["read_graphml", "write_graphml"]

_JSON_FIELDS = ("recovery", "manual_fallback")
_IGNORED_NODE_ATTRS = ("label",)
_DURATION_FIELDS = ("tolerance", "restart")


def write_graphml(graph: InfrastructureGraph, path: Path) -> None:
    g = nx.MultiDiGraph()
    g.graph["name"] = graph.name
    g.graph["description"] = graph.description
    for name, records in section_records(graph).items():
        g.graph[name] = json.dumps(records, ensure_ascii=False)
    for asset in graph.assets:
        record = asset_record(asset)
        attrs: dict[str, Any] = {"label": graph.label(asset.id)}
        for key, value in record.items():
            if key == "id":
                continue
            if key == "location":
                attrs["lat"], attrs["lon"] = value["lat"], value["lon"]
            elif key in _JSON_FIELDS:
                attrs[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            else:
                attrs[key] = value
        g.add_node(asset.id, **attrs)
    for asset in graph.assets:
        for j, need in enumerate(asset.needs):
            fields = need_record(need)
            del fields["from"]
            attrs = {k: _edge_value(k, v) for k, v in fields.items()}
            for order, supplier in enumerate(need.suppliers):
                g.add_edge(supplier, asset.id, key=j, order=order, **attrs)
    nx.write_graphml(g, path, named_key_ids=True)


def _edge_value(key: str, value: Any) -> Any:
    """GraphML gives an attribute one type for the whole file. Durations are written as text:
    ``format_duration`` gives text (``1h30min``) but a number when no exact unit form exists, and
    a mix of both made the key numeric, so that ``1h30min`` could not be read back."""
    if isinstance(value, dict):
        return json.dumps(value)
    return str(value) if key in _DURATION_FIELDS else value


def read_graphml(path: Path) -> RawGraph:  # noqa: C901 -- debt: split when next changed
    read_text(path)  # same checks as every file: exists, not a directory, UTF-8, not empty
    try:
        g = nx.read_graphml(path, force_multigraph=True)
    except (ParseError, nx.NetworkXError, ValueError, KeyError) as exc:
        raise LoadError([Problem(path, None, (), "graphml.syntax", {"problem": str(exc)})]) from None
    doc = SourceDocument(path, None)
    origins: list[AssetOrigin] = []
    raw = RawGraph(
        origins=origins,
        documents=[doc],
        name=str(g.graph.get("name", "")),
        description=str(g.graph.get("description", "")),
    )
    for name in SECTIONS:
        text = g.graph.get(name)
        if text:
            try:
                items = json.loads(text)
            except json.JSONDecodeError as exc:
                raise LoadError([Problem(path, None, (name,), "json.syntax", {"problem": exc.msg})]) from None
            getattr(raw, name).extend(
                (record, doc, (name, j)) for j, record in enumerate(items if isinstance(items, list) else [items])
            )
    position = {}
    for i, (node, attrs) in enumerate(g.nodes(data=True)):
        record: dict[str, Any] = {"id": node}
        for key, value in attrs.items():
            if key in _IGNORED_NODE_ATTRS:
                continue
            if key in _JSON_FIELDS and isinstance(value, str):
                try:
                    value = json.loads(value)
                except json.JSONDecodeError:
                    pass  # validation reports the field
            record[key] = value
        if "lat" in record or "lon" in record:
            record["location"] = {"lat": record.pop("lat", None), "lon": record.pop("lon", None)}
        record["needs"] = []
        position[node] = i
        raw.records.append(record)
        origins.append(AssetOrigin(doc, (f"node '{node}'",)))
    groups: dict[tuple[Any, Any], dict] = {}
    for supplier, consumer, key, attrs in g.edges(keys=True, data=True):
        fields = {k: v for k, v in attrs.items() if k not in ("order",)}
        if isinstance(fields.get("effect"), str) and fields["effect"].startswith("{"):
            try:
                fields["effect"] = json.loads(fields["effect"])
            except json.JSONDecodeError:
                pass
        group = groups.get((consumer, key))
        if group is None:
            group = groups[(consumer, key)] = {"index": _as_int(key), "fields": fields, "suppliers": []}
        group["suppliers"].append((_as_int(attrs.get("order", 0)), supplier))
    for (consumer, _), group in sorted(groups.items(), key=lambda item: (position[item[0][0]], item[1]["index"])):
        suppliers = [s for _, s in sorted(group["suppliers"], key=lambda p: p[0])]
        raw.records[position[consumer]]["needs"].append({**group["fields"], "from": suppliers})
    return raw


def _as_int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
