"""A pair of CSV files, as a spreadsheet workshop produces them.

``assets.csv``: one row per asset, columns ``id, name, sector, kind, owner, municipality,
population, lat, lon, recovery_duration, recovery_crew, exposure, monitoring, backups`` (only
``id`` and ``sector`` required; empty cells take the default).
``needs.csv``: one row per need, columns ``asset, type, from, need, tolerance, effect, restart,
refill``; ``from`` lists suppliers separated by ``;``; ``effect`` is ``fail`` or ``degrade 0.7``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem
from ..graph import InfrastructureGraph
from ..yamlfile import SourceDocument, read_text
from .records import AssetOrigin, RawGraph, asset_record, need_record

__all__ = ["read_csv_pair", "write_csv_pair", "csv_pair_paths", "ASSET_COLUMNS", "NEED_COLUMNS"]

ASSET_COLUMNS = (
    "id", "name", "sector", "kind", "owner", "municipality", "population", "lat", "lon",
    "recovery_duration", "recovery_crew", "exposure", "monitoring", "backups",
)
NEED_COLUMNS = ("asset", "type", "from", "need", "tolerance", "effect", "restart", "refill")


class CsvDocument(SourceDocument):
    """A CSV file; a loc ``(row, column)`` is on line row + 2 (the header is line 1)."""

    def line_of(self, loc: tuple) -> int | None:
        return loc[0] + 2 if loc and isinstance(loc[0], int) else None


def csv_pair_paths(path: Path) -> tuple[Path, Path]:
    """The folder, or either file of the pair -> (assets.csv, needs.csv)."""
    folder = path if path.is_dir() else path.parent
    return folder / "assets.csv", folder / "needs.csv"


def _read_rows(path: Path) -> tuple[CsvDocument, list[dict[str, str]]]:
    content = read_text(path)
    try:
        rows = list(csv.DictReader(io.StringIO(content)))
    except csv.Error as exc:
        raise LoadError([Problem(path, None, (), "value.other", {"message": str(exc)})]) from None
    return CsvDocument(path, rows), rows


def read_csv_pair(path: Path) -> RawGraph:
    assets_path, needs_path = csv_pair_paths(path)
    for p in (assets_path, needs_path):
        if not p.exists():
            raise LoadError([Problem(p.parent, None, (), "file.csv_pair_missing", {"name": p.name})])
    assets_doc, asset_rows = _read_rows(assets_path)
    needs_doc, need_rows = _read_rows(needs_path)
    raw = RawGraph(documents=[assets_doc, needs_doc], name=assets_path.parent.name)
    position: dict[str, int] = {}
    for i, row in enumerate(asset_rows):
        record = _asset_from_row(row)
        record["needs"] = []
        position.setdefault(record.get("id"), i)
        raw.records.append(record)
        raw.origins.append(AssetOrigin(assets_doc, (i,), []))
    for r, row in enumerate(need_rows):
        consumer = (row.get("asset") or "").strip()
        if consumer not in position:
            raise LoadError([Problem(needs_path, r + 2, (r, "asset"), "ref.unknown_asset", {"id": consumer, "hint": ""})])
        i = position[consumer]
        raw.records[i]["needs"].append(_need_from_row(row))
        raw.origins[i].need_locs.append((needs_doc, (r,)))
    return raw


def _cells(row: dict[str, Any]) -> dict[str, str]:
    """Non-empty cells, stripped; an unknown column is kept so validation names it."""
    return {k.strip(): v.strip() for k, v in row.items() if k is not None and v is not None and v.strip() != ""}


def _asset_from_row(row: dict[str, Any]) -> dict[str, Any]:
    cells = _cells(row)
    record: dict[str, Any] = {}
    for key, value in cells.items():
        if key in ("lat", "lon"):
            record.setdefault("location", {})[key] = _number(value)
        elif key == "recovery_duration":
            record.setdefault("recovery", {})["duration"] = value
        elif key == "recovery_crew":
            record.setdefault("recovery", {})["crew"] = value
        elif key == "population":
            record[key] = _number(value)
        else:
            record[key] = value
    return record


def _need_from_row(row: dict[str, Any]) -> dict[str, Any]:
    cells = _cells(row)
    cells.pop("asset", None)
    record: dict[str, Any] = dict(cells)
    if "from" in record:
        record["from"] = [s.strip() for s in record["from"].split(";") if s.strip()]
    if "need" in record:
        record["need"] = _number(record["need"])
    if "effect" in record:
        effect = record["effect"].replace(":", " ").split()
        if len(effect) == 2 and effect[0] == "degrade":
            record["effect"] = {"degrade": _number(effect[1])}
    if "refill" in record:
        record["refill"] = {"true": True, "yes": True, "ja": True, "1": True, "false": False, "no": False, "nee": False, "0": False}.get(
            record["refill"].lower(), record["refill"]
        )
    return record


def _number(text: str) -> Any:
    try:
        value = float(text)
    except ValueError:
        return text  # validation reports it with its column
    return int(value) if value.is_integer() else value


def write_csv_pair(graph: InfrastructureGraph, path: Path) -> None:
    """Write ``assets.csv`` and ``needs.csv`` into folder ``path`` (created if needed).

    ``manual_fallback`` has no column and is not written: use YAML, JSON or GraphML to keep it.
    """
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "assets.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ASSET_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for asset in graph.assets:
            record = asset_record(asset)
            location = record.pop("location", None) or {}
            recovery = record.pop("recovery", None) or {}
            record.update(lat=location.get("lat"), lon=location.get("lon"))
            record.update(recovery_duration=recovery.get("duration"), recovery_crew=recovery.get("crew"))
            writer.writerow(record)
    with open(path / "needs.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, NEED_COLUMNS)
        writer.writeheader()
        for asset in graph.assets:
            for need in asset.needs:
                record = need_record(need)
                effect = record.get("effect")
                if isinstance(effect, dict):
                    record["effect"] = f"degrade {effect['degrade']}"
                record["from"] = ";".join(need.suppliers)
                writer.writerow({"asset": asset.id, **record})
