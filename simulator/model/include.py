"""Including one graph file in another with its ids prefixed, some assets replaced, owners renamed.

A region joins its towns' files. Two towns written apart share ids (both have a ``gemeentehuis``),
have their own copy of what the region shares (a control room, a 150 kV station) and name the
organisations of one town (``gemeente``). An include entry may therefore be a mapping::

    include:
      - ../havenstad.yaml                    # as it is
      - file: ../vliegveldstad.yaml
        prefix: vls-                          # every id of the file's assets, basins and zones
        replace: {meldkamer: meldkamer-regio} # its asset dropped; what referred to it now refers to the region's
        owners: {gemeente: gemeente-vliegveldstad}   # owner ids and the organisation part of crews

The rules, applied to the records of the included file (and of the files it includes itself):

- ``prefix`` is put before the id of every asset, basin and zone, and before every reference to
  one (a need's suppliers, ``population_within``, a zone's basin and assets, a basin's drains and
  alarm asset), except the references ``replace`` rewrites. A replaced asset leaves the zones of
  the included file (the replacement stands somewhere else).
- ``replace``: each key is an asset id of the included file (before the prefix); that asset is
  left out, and every reference to it becomes the value, an asset id of the including graph as it
  is written there (no prefix). A key that names no asset, or a value that names no asset of the
  including graph, is an error at the include entry.
- ``owners``: an asset's ``owner`` and the organisation part of ``recovery.crew`` and
  ``manual_fallback.crew`` (``organisation/crew``) are renamed by this mapping.

Records are still raw (validated afterwards), so malformed ones are passed on untouched for the
schema to report.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from .fieldtypes import Slug

__all__ = ["IncludeEntry", "IncludeField", "rewrite_included", "REFERENCE_WORDS"]

# population_within values that are words, not asset ids (model/people.py)
REFERENCE_WORDS = frozenset({"municipality", "none"})


class IncludeEntry(BaseModel):
    """One graph file included with its ids prefixed, assets replaced and owners renamed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(min_length=1, description="graph file (YAML), relative to this file")
    prefix: str = Field(default="", pattern=r"^([a-z0-9][a-z0-9_.-]*)?$", description="put before every id")
    replace: dict[Slug, Slug] = Field(
        default_factory=dict, description="asset id of the included file -> asset id of this graph"
    )
    owners: dict[Slug, Slug] = Field(default_factory=dict, description="organisation id -> organisation id")


def _file_alone(value: Any) -> Any:
    return {"file": value} if isinstance(value, str) else value


# An include entry as written: a file name alone, or a mapping.
IncludeField = Annotated[
    IncludeEntry,
    BeforeValidator(_file_alone),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, IncludeEntry.model_json_schema()]}),
]


class _Renamer:
    def __init__(self, entry: IncludeEntry):
        self.entry = entry

    def ref(self, value: Any) -> Any:
        """A reference to an asset: replaced, or prefixed."""
        if not isinstance(value, str):
            return value
        return self.entry.replace.get(value, self.entry.prefix + value)

    def refs(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.ref(v) for v in value]
        return self.ref(value)

    def own(self, value: Any) -> Any:
        return self.entry.owners.get(value, value) if isinstance(value, str) else value

    def crew(self, value: Any) -> Any:
        if isinstance(value, str) and "/" in value:
            org, _, crew = value.partition("/")
            return f"{self.own(org)}/{crew}"
        return value


def rewrite_included(records: list[Any], basins: list, zones: list, entry: IncludeEntry) -> tuple[list[int], set[str]]:
    """Rewrite an included file's raw records in place (see the module docstring).

    ``basins`` and ``zones`` are lists of ``(record, document, loc)``. Returns the positions of
    the records to keep (the replaced assets left out) and the ``replace`` keys that matched an asset.
    """
    renamer = _Renamer(entry)
    keep: list[int] = []
    matched: set[str] = set()
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            keep.append(i)
            continue
        if isinstance(record.get("id"), str) and record["id"] in entry.replace:
            matched.add(record["id"])
            continue
        keep.append(i)
        _rewrite_asset(record, renamer)
    for record, _, _ in basins:
        if isinstance(record, dict):
            _prefix_id(record, entry.prefix)
            if "alarm_asset" in record:
                record["alarm_asset"] = renamer.ref(record["alarm_asset"])
            for drain in record.get("drains") or []:
                if isinstance(drain, dict) and "asset" in drain:
                    drain["asset"] = renamer.ref(drain["asset"])
    for record, _, _ in zones:
        if isinstance(record, dict):
            _prefix_id(record, entry.prefix)
            if isinstance(record.get("basin"), str):
                record["basin"] = entry.prefix + record["basin"]
            if isinstance(record.get("assets"), list):  # a replaced asset stands elsewhere: not in the zone
                record["assets"] = [renamer.ref(a) for a in record["assets"] if a not in entry.replace]
    return keep, matched


def _prefix_id(record: dict, prefix: str) -> None:
    if isinstance(record.get("id"), str):
        record["id"] = prefix + record["id"]


def _rewrite_asset(record: dict, renamer: _Renamer) -> None:
    _prefix_id(record, renamer.entry.prefix)
    if "owner" in record:
        record["owner"] = renamer.own(record["owner"])
    within = record.get("population_within")
    if isinstance(within, str) and within not in REFERENCE_WORDS:
        record["population_within"] = renamer.ref(within)
    for part in ("recovery", "manual_fallback"):
        if isinstance(record.get(part), dict) and "crew" in record[part]:
            record[part]["crew"] = renamer.crew(record[part]["crew"])
    for need in record.get("needs") or []:
        if isinstance(need, dict) and "from" in need:
            need["from"] = renamer.refs(need["from"])
