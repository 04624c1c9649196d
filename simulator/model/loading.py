"""Load graph files (any format) and the YAML files of organisations, ladders and playbooks.

Every problem is reported with file, line and field (``LoadError``); nothing is half-loaded.
"""

from __future__ import annotations

import copy
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from . import plugins
from .assets import Asset
from .errors import LoadError, Problem
from .formats.csvpair import write_csv_pair
from .formats.records import AssetOrigin, RawGraph, asset_record, need_record
from .gcpause import gc_paused
from .graph import InfrastructureGraph
from .include import IncludeEntry, IncludeField, rewrite_included
from .organisations import Organisation, OrganisationsFile
from .plugins import graph_formats, resolve
from .portfolios import Portfolio, check_portfolios, portfolio_records
from .references import check_graph, check_water
from .sharing import Sharer
from .validation import problems_from_validation
from .water import Basin, Zone
from .yamlfile import SourceDocument, load_yaml

__all__ = [
    "load_graph",
    "save_graph",
    "load_organisations",
    "load_yaml_model",
    "GraphSource",
    "graph_format",
    "is_file_problem",
    "file_kind",
]

_ASSETS = TypeAdapter(tuple[Asset, ...])
_BASINS = TypeAdapter(tuple[Basin, ...])
_ZONES = TypeAdapter(tuple[Zone, ...])
_PORTFOLIOS = TypeAdapter(tuple[Portfolio, ...])


@dataclass
class GraphSource:
    """Where each asset of a loaded graph came from, for error messages."""

    origins: Sequence[AssetOrigin]
    documents: list[SourceDocument] = field(default_factory=list)


class _GraphHeader(BaseModel):
    """GraphFile with assets left raw: checked per file, assets validated together after includes."""

    model_config = ConfigDict(extra="forbid")
    name: str = ""
    description: str = ""
    include: tuple[IncludeField, ...] = ()
    basins: list[Any] = Field(default_factory=list)
    zones: list[Any] = Field(default_factory=list)
    assets: list[Any] = Field(default_factory=list)
    portfolios: list[Any] = Field(default_factory=list)


def graph_format(path: Path, writing: bool = False) -> str:
    """The registered graph format of ``path`` by its suffix: ``yaml``, ``json``, ``graphml``, ``csv``
    (a folder means a CSV pair), or a plugin's (``simulator.model.plugins``); ``writing``: only
    formats that can be written."""
    suffix = path.suffix.lower()
    plugins.load()
    formats = {name: p for name, p in graph_formats().items() if p.write is not None or not writing}
    for name, plugin in formats.items():
        if suffix and suffix in plugin.suffixes:
            return name
    if path.is_dir():
        for name, plugin in formats.items():
            if "" in plugin.suffixes:
                return name
    raise LoadError([Problem(path, None, (), "file.unknown_format", {"suffix": suffix or path.name})])


def load_graph(path: str | Path) -> InfrastructureGraph:
    """Read a graph file of any supported format and validate it."""
    with gc_paused():
        return _load_graph(Path(path))


def _load_graph(path: Path) -> InfrastructureGraph:
    raw = resolve(graph_formats()[graph_format(path)].read)(path)
    source = GraphSource(raw.origins, raw.documents)
    if not raw.records:  # '{}' or an empty list is no municipality: say so rather than run nothing
        raise LoadError([Problem(path, None, ("assets",), "value.too_short", {"min_length": 1})])
    # Every problem of the files at once: the schema's, then the cross-checks of what passed it.
    problems, assets, kept = _validate_assets(raw, source)
    water: dict[str, Any] = {}  # basins, zones, portfolios: each a tuple of its models
    for name, adapter in (("basins", _BASINS), ("zones", _ZONES), ("portfolios", _PORTFOLIOS)):
        items = getattr(raw, name)
        try:
            water[name] = adapter.validate_python([record for record, _, _ in items])
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, functools.partial(_locate_water, items)))
    if len(water) < 3:  # the cross-checks of basins, zones and portfolios need all three
        problems.extend(check_graph(_partial_graph(raw, kept, assets, source)))
        raise LoadError(_only_real(problems, raw, kept))
    partial = _partial_graph(raw, kept, assets, source) if len(kept) < len(raw.records) else None
    graph = InfrastructureGraph(
        assets,
        raw.name,
        raw.description,
        partial.source if partial else source,
        water["basins"],
        water["zones"],
        water["portfolios"],
    )
    problems += (
        check_graph(graph)
        + check_water(graph, raw)
        + check_portfolios(graph.portfolios, [(d, loc) for _, d, loc in raw.portfolios])
    )
    if problems:
        raise LoadError(_only_real(problems, raw, kept))
    return graph


_CHUNK = 5000  # records validated at a time: each chunk's records are let go once its assets exist


def _validate_assets(raw: RawGraph, source: GraphSource) -> tuple[list[Problem], tuple[Asset, ...], list[int]]:
    """The schema's problems, the assets that passed it and their positions (``kept``). A record
    that passed is dropped from ``raw.records`` (None) as soon as its asset exists, so that a large
    graph is never held twice; the records that failed stay, for the cross-checks' messages."""
    problems: list[Problem] = []
    assets: list[Asset] = []
    failed: set[int] = set()
    broken = False
    records = raw.records
    sharer = Sharer()  # equal parts of the assets held once (model/sharing.py)
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        try:
            assets.extend(sharer.models(_ASSETS.validate_python(chunk)))
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, functools.partial(_locate_shifted, source, start)))
            bad = {
                err["loc"][0] for err in exc.errors(include_url=False) if err["loc"] and isinstance(err["loc"][0], int)
            }
            failed.update(start + b for b in bad)
            try:
                assets.extend(sharer.models(_ASSETS.validate_python([r for b, r in enumerate(chunk) if b not in bad])))
            except ValidationError:
                broken = True
        else:
            records[start : start + len(chunk)] = [None] * len(chunk)
        del chunk
    if broken:
        raise LoadError(problems)
    return problems, tuple(assets), [i for i in range(len(records)) if i not in failed]


def _locate_shifted(source: GraphSource, start: int, loc: tuple) -> tuple:
    """``_locate`` of a loc in a chunk of records that begins at record ``start``."""
    if loc and isinstance(loc[0], int):
        loc = (loc[0] + start,) + tuple(loc[1:])
    return _locate(source, loc)


def _partial_graph(raw: RawGraph, kept: list[int], assets, source: GraphSource) -> InfrastructureGraph:
    """The graph of the assets that passed the schema (``kept``: their positions), located in the files."""
    partial_source = (
        GraphSource([source.origins[i] for i in kept], source.documents) if len(kept) < len(raw.records) else source
    )
    return InfrastructureGraph(assets, raw.name, raw.description, partial_source)


def _only_real(problems: list[Problem], raw: RawGraph, kept: list[int]) -> list[Problem]:
    """Without 'unknown asset' for assets that exist but failed the schema (already reported)."""
    passed = set(kept)
    left_out = {
        raw.records[i].get("id")
        for i in range(len(raw.records))
        if i not in passed and isinstance(raw.records[i], dict)
    }
    real = [p for p in problems if not (p.key == "ref.unknown_asset" and p.params.get("id") in left_out)]
    files = {p.file: n for n, p in reversed(list(enumerate(real)))}  # each file where its first problem was
    return sorted(real, key=lambda p: (files[p.file], p.line or 0))  # stable: in a file, by line


def _locate_water(items: list, loc: tuple) -> tuple:
    _, doc, where = items[loc[0]]
    return doc, where + tuple(loc[1:])


def _locate(source: GraphSource, loc: tuple) -> tuple:
    if loc and isinstance(loc[0], int) and loc[0] < len(source.origins):
        return source.origins[loc[0]].locate(loc[1:])
    doc = source.documents[0] if source.documents else None
    return doc, loc


def _read_yaml_graph(path: Path, stack: tuple[Path, ...], include_loc: tuple | None = None) -> RawGraph:
    resolved = path.resolve()
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise LoadError([Problem(path, 1, (), "yaml.not_mapping", {"got": type(doc.data).__name__})])
    try:
        header = _GraphHeader.model_validate(doc.data)
    except ValidationError as exc:
        raise LoadError(problems_from_validation(exc, lambda loc: (doc, loc))) from None
    origins: list[AssetOrigin] = []
    raw = RawGraph(origins=origins, documents=[doc], name=header.name, description=header.description)
    chain = stack + (resolved,)
    replaced: list[tuple[int, IncludeEntry]] = []
    written = doc.data.get("include") or []
    for n, entry in enumerate(header.include):
        loc = ("include", n) if isinstance(written[n], str) else ("include", n, "file")
        included = _read_include(path, doc, path.parent / entry.file, chain, loc)
        if entry != IncludeEntry(file=entry.file):
            _rewrite(included, entry, path, doc, n)
            replaced.append((n, entry))
        raw.records.extend(included.records)
        origins.extend(included.origins)
        raw.documents.extend(included.documents)
        raw.basins.extend(included.basins)
        raw.zones.extend(included.zones)
        raw.portfolios.extend(included.portfolios)
    for name in ("basins", "zones", "portfolios"):
        getattr(raw, name).extend((record, doc, (name, j)) for j, record in enumerate(getattr(header, name)))
    for j, record in enumerate(header.assets):
        raw.records.append(record)
        origins.append(AssetOrigin(doc, ("assets", j)))
    _check_replacements(raw, replaced, path, doc)
    return raw


def _read_include(path: Path, doc: SourceDocument, target: Path, chain: tuple[Path, ...], loc: tuple) -> RawGraph:
    """The raw graph of the file an include entry names; problems with the file itself are told at the entry."""
    if target.resolve() in chain:
        names = " -> ".join(p.name for p in chain + (target.resolve(),))
        raise LoadError([Problem(path, doc.line_of(loc), loc, "include.cycle", {"chain": names})])
    if graph_format(target) != "yaml":
        raise LoadError([Problem(path, doc.line_of(loc), loc, "file.unknown_format", {"suffix": target.suffix})])
    try:
        return _read_yaml_graph(target, chain)
    except LoadError as exc:
        if any(p.key == "file.missing" and p.file == target for p in exc.problems):
            raise LoadError(
                [Problem(path, doc.line_of(loc), loc, "file.missing_tried", {"path": os.path.normpath(target)})]
            ) from None
        raise


def _rewrite(included: RawGraph, entry: IncludeEntry, path: Path, doc: SourceDocument, n: int) -> None:
    """Apply an include entry's prefix, replacements and owners (model/include.py) to its records."""
    included.records = copy.deepcopy(included.records)  # a file read once may be included twice
    included.basins = [(copy.deepcopy(r), d, loc) for r, d, loc in included.basins]
    included.zones = [(copy.deepcopy(r), d, loc) for r, d, loc in included.zones]
    keep, matched = rewrite_included(included.records, included.basins, included.zones, entry)
    unknown = [key for key in entry.replace if key not in matched]
    if unknown:
        problems = []
        for key in unknown:
            loc = ("include", n, "replace", key)
            problems.append(
                Problem(path, doc.line_of(loc), loc, "include.replace_unknown", {"id": key, "file": entry.file})
            )
        raise LoadError(problems)
    included.records = [included.records[i] for i in keep]
    included.origins = [included.origins[i] for i in keep]


def _check_replacements(raw: RawGraph, replaced: list[tuple[int, IncludeEntry]], path: Path, doc) -> None:
    """Every replacement names an asset of the including graph (its own or another include's)."""
    ids = {r.get("id") for r in raw.records if isinstance(r, dict)}
    problems = []
    for n, entry in replaced:
        for key, value in entry.replace.items():
            if value not in ids:
                loc = ("include", n, "replace", key)
                problems.append(Problem(path, doc.line_of(loc), loc, "include.replace_missing", {"id": value}))
    if problems:
        raise LoadError(problems)


def save_graph(graph: InfrastructureGraph, path: str | Path) -> None:
    """Write ``graph`` in the format the path names (``.yaml``, ``.json``, ``.graphml``, a folder or
    ``.csv``, or a plugin's suffix)."""
    path = Path(path)
    kind = (
        "csv"
        if path.suffix.lower() == ".csv" or (path.suffix == "" and not path.is_file())
        else graph_format(path, writing=True)
    )
    resolve(graph_formats()[kind].write)(graph, path)


def read_yaml_graph(path: Path) -> RawGraph:
    """The records of a YAML graph file with the files it includes."""
    return _read_yaml_graph(path, ())


def write_yaml_graph(graph: InfrastructureGraph, path: Path) -> None:
    import yaml

    data: dict[str, Any] = {"name": graph.name} if graph.name else {}
    if graph.description:
        data["description"] = graph.description
    for name in ("basins", "zones"):
        if getattr(graph, name):
            data[name] = [item.model_dump(mode="json", exclude_defaults=True) for item in getattr(graph, name)]
    data["assets"] = [
        {**asset_record(a), **({"needs": [need_record(n) for n in a.needs]} if a.needs else {})} for a in graph.assets
    ]
    if graph.portfolios:
        data["portfolios"] = portfolio_records(graph.portfolios)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def write_csv_pair_to(graph: InfrastructureGraph, path: Path) -> None:
    write_csv_pair(graph, csv_pair_folder(path))


def csv_pair_folder(path: Path) -> Path:
    """The folder a CSV pair is written to: ``path`` itself (a folder), the folder of ``assets.csv``
    or ``needs.csv``, or for any other ``NAME.csv`` a folder ``NAME`` beside it (never the folder
    ``NAME.csv`` happens to be in, which may hold other files called assets.csv)."""
    if path.suffix.lower() != ".csv":
        return path
    if path.name.lower() in ("assets.csv", "needs.csv"):
        return path.parent
    return path.with_suffix("")


def load_yaml_model(
    path: str | Path, model: type[BaseModel], tags: frozenset[str] = frozenset()
) -> tuple[Any, SourceDocument]:
    """Read a YAML file whose top level is ``model`` (scenario, organisations, ladder, playbook
    file); ``tags`` are union discriminator values to leave out of error locations."""
    path = Path(path)
    plugins.load()  # the schemas know every plugin's types and actions
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise LoadError([Problem(path, 1, (), "yaml.not_mapping", {"got": type(doc.data).__name__})])
    try:
        return model.model_validate(doc.data), doc
    except ValidationError as exc:
        raise LoadError(problems_from_validation(exc, lambda loc: (doc, loc), tags)) from None


def load_organisations(path: str | Path) -> tuple[tuple[Organisation, ...], SourceDocument]:
    """Read an organisation file; returns its organisations and the document."""
    spec, doc = load_yaml_model(path, OrganisationsFile)
    return spec.organisations, doc


_TRIED = {"file.missing": "file.missing_tried", "file.is_directory": "file.is_directory_tried"}


def tried(problem: Problem, target: Path) -> tuple[str, dict]:
    """A problem with the file ``target`` itself, told at the line that names it: the message says
    which path was tried (the name in the file is relative to the file's folder)."""
    if problem.key in _TRIED:
        return _TRIED[problem.key], {**problem.params, "path": os.path.normpath(target)}
    return problem.key, dict(problem.params)


def is_file_problem(exc: LoadError, path: Path, keys: tuple[str, ...]) -> bool:
    """True when ``exc`` is only about the file ``path`` itself (not a field or include inside it)."""
    problem = exc.problems[0]
    return len(exc.problems) == 1 and problem.key in keys and problem.file == path and problem.loc == ()


def file_kind(path: Path) -> str:
    """What a file is: ``scenario``, ``organisations``, ``ladder``, ``playbook`` or ``graph``."""
    path = Path(path)
    if path.suffix.lower() == ".zip":  # a pack holds a scenario (model/bundle.py)
        return "scenario"
    if graph_format(path) != "yaml":
        return "graph"
    data = load_yaml(path).data
    if not isinstance(data, dict):
        return "graph"
    if "injects" in data or "graph" in data:
        return "scenario"
    if "levels" in data:
        return "ladder"
    if "rules" in data:
        return "playbook"
    if "assets" not in data and any(k in data for k in ("organisations", "escalation", "control_room", "deadlines")):
        return "organisations"
    return "graph"
