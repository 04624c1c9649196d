"""A pair of CSV files, as a spreadsheet workshop produces them.

``assets.csv``: one row per asset, columns ``id, name, name_plural, sector, kind, owner, municipality, serves,
population, population_within, lat, lon, recovery_duration, recovery_crew, exposure, monitoring, backups`` (only
``id`` and ``sector`` required; empty cells take the default; ``name_plural`` and ``refill`` take
true/false, yes/no, ja/nee or 1/0).
``needs.csv``: one row per need, columns ``asset, type, from, need, tolerance, effect, restart,
refill``; ``from`` lists suppliers separated by ``;``; ``effect`` is ``fail`` or ``degrade 0.7``.
``portfolios.csv`` (optional): one row per portfolio, columns ``id, name, name_en, holder,
holder_en, sectors, default_for``; ``sectors`` separated by ``;``; ``name`` alone is used in both
languages, with ``name_en`` it is the Dutch name (likewise ``holder``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import LoadError, Problem
from ..graph import InfrastructureGraph
from ..validation import suggest
from ..yamlfile import SourceDocument, read_text
from .records import AssetOrigin, RawGraph, asset_record, need_record

__all__ = ["read_csv_pair", "write_csv_pair", "csv_pair_paths", "ASSET_COLUMNS", "NEED_COLUMNS", "PORTFOLIO_COLUMNS"]

ASSET_COLUMNS = (
    "id",
    "name",
    "name_plural",
    "sector",
    "kind",
    "owner",
    "municipality",
    "serves",
    "population",
    "population_within",
    "lat",
    "lon",
    "recovery_duration",
    "recovery_crew",
    "exposure",
    "monitoring",
    "backups",
)
NEED_COLUMNS = ("asset", "type", "from", "need", "tolerance", "effect", "restart", "refill")
PORTFOLIO_COLUMNS = ("id", "name", "name_en", "holder", "holder_en", "sectors", "default_for")
PORTFOLIOS_FILE = "portfolios.csv"


class CsvDocument(SourceDocument):
    """A CSV file. Field locations are per row: see ``CsvRow``."""

    def line_of(self, loc: tuple) -> int | None:
        return None


@dataclass
class CsvRow(SourceDocument):
    """One record of a CSV file: every field in it is on the record's (first) line."""

    line: int | None = None

    def line_of(self, loc: tuple) -> int | None:
        return self.line


# field of an asset record -> the column it came from
_ASSET_COLUMN_OF = {"recovery": "recovery_duration", "location": "lat"}
_ASSET_COLUMN_OF_PART = {
    ("recovery", "duration"): "recovery_duration",
    ("recovery", "crew"): "recovery_crew",
    ("location", "lat"): "lat",
    ("location", "lon"): "lon",
}


class CsvOrigin(AssetOrigin):
    """Where an asset of a CSV pair came from: locations are (file's row, column name)."""

    def locate(self, rest: tuple) -> tuple[SourceDocument, tuple]:
        doc, loc = super().locate(rest)
        if loc[:2] in _ASSET_COLUMN_OF_PART:
            return doc, (_ASSET_COLUMN_OF_PART[loc[:2]],) + loc[2:]
        if loc and loc[0] in _ASSET_COLUMN_OF:
            return doc, (_ASSET_COLUMN_OF[loc[0]],)
        return doc, loc


def csv_pair_paths(path: Path) -> tuple[Path, Path]:
    """The folder, or either file of the pair -> (assets.csv, needs.csv)."""
    folder = path if path.is_dir() else path.parent
    return folder / "assets.csv", folder / "needs.csv"


def _read_rows(path: Path) -> tuple[CsvDocument, list[dict[str, str]], list[int]]:
    """The file's records, and the line on which each starts (a quoted cell may span lines)."""
    content = read_text(path)
    reader = csv.DictReader(io.StringIO(content))
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    try:
        for row in reader:
            cells = [v for k, v in row.items() if k is not None and isinstance(v, str)]
            cells += [v for v in row.get(None) or () if isinstance(v, str)]
            rows.append(row)
            lines.append(reader.line_num - sum(v.count("\n") for v in cells))
    except csv.Error as exc:
        raise LoadError([Problem(path, reader.line_num, (), "value.other", {"message": str(exc)})]) from None
    return CsvDocument(path, rows), rows, lines


def read_csv_pair(path: Path) -> RawGraph:
    assets_path, needs_path = csv_pair_paths(path)
    for p in (assets_path, needs_path):
        if not p.exists():
            raise LoadError([Problem(p.parent, None, (), "file.csv_pair_missing", {"name": p.name})])
    assets_doc, asset_rows, asset_lines = _read_rows(assets_path)
    needs_doc, need_rows, need_lines = _read_rows(needs_path)
    origins: list[AssetOrigin] = []
    raw = RawGraph(origins=origins, documents=[assets_doc, needs_doc], name=assets_path.parent.name)
    position: dict[str | None, int] = {}  # a row without an id is kept under None
    for i, row in enumerate(asset_rows):
        record = _asset_from_row(row)
        record["needs"] = []
        position.setdefault(record.get("id"), i)
        raw.records.append(record)
        origins.append(CsvOrigin(CsvRow(assets_path, row, line=asset_lines[i]), (), []))
    problems: list[Problem] = []
    for r, row in enumerate(need_rows):
        consumer = (row.get("asset") or "").strip()
        if consumer not in position:
            key = "ref.unknown_asset" if consumer else "value.missing"
            params = {"id": consumer, "hint": suggest(consumer, tuple(p for p in position if p))} if consumer else {}
            problems.append(Problem(needs_path, need_lines[r], ("asset",), key, params))
            continue
        i = position[consumer]
        raw.records[i]["needs"].append(_need_from_row(row))
        raw.origins[i].add_need_loc(CsvRow(needs_path, row, line=need_lines[r]), ())
    if problems:
        raise LoadError(problems)
    portfolios_path = assets_path.parent / PORTFOLIOS_FILE
    if portfolios_path.exists():
        doc, rows, lines = _read_rows(portfolios_path)
        raw.documents.append(doc)
        raw.portfolios.extend(
            (_portfolio_from_row(row), CsvRow(portfolios_path, row, line=line), ()) for row, line in zip(rows, lines)
        )
    return raw


def _portfolio_from_row(row: dict[str, Any]) -> dict[str, Any]:
    cells = _cells(row)
    record: dict[str, Any] = dict(cells)
    for name in ("name", "holder"):
        english = record.pop(f"{name}_en", None)
        if english is not None:
            record[name] = {"nl": record.get(name, ""), "en": english}
    if "sectors" in record:
        record["sectors"] = [s.strip() for s in record["sectors"].split(";") if s.strip()]
    return record


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
        elif key == "name_plural":
            record[key] = _truth(value)
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
        record["refill"] = _truth(record["refill"])
    return record


_TRUTH = {"true": True, "yes": True, "ja": True, "1": True, "false": False, "no": False, "nee": False, "0": False}


def _truth(text: str) -> Any:
    """A yes/no cell as a bool; other text as it is, for validation to report with its column."""
    return _TRUTH.get(text.lower(), text)


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
    _write_portfolios(graph, path / PORTFOLIOS_FILE)


def _write_portfolios(graph: InfrastructureGraph, path: Path) -> None:
    """``portfolios.csv`` when the graph has portfolios; an earlier one is removed when it has none
    (it belongs to the pair being replaced)."""
    if not graph.portfolios:
        path.unlink(missing_ok=True)
        return
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, PORTFOLIO_COLUMNS)
        writer.writeheader()
        for portfolio in graph.portfolios:
            row: dict[str, Any] = {
                "id": portfolio.id,
                "sectors": ";".join(portfolio.sectors),
                "default_for": portfolio.default_for,
            }
            for name in ("name", "holder"):
                value = getattr(portfolio, name)
                row[name] = value.nl
                row[f"{name}_en"] = value.en if value.en != value.nl else None
            writer.writerow(row)
