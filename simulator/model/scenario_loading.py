"""Load a scenario with the graph, organisation, ladder and playbook files it names.

Organisation files are read in order; a later file's settings (office hours, control room,
reporting, escalation, deadlines) replace an earlier one's where it sets them. The scenario's
``organisation_changes`` then change or add organisations and crews, and its ``office_hours``,
``reporting`` and ``ladder`` replace those of the files.

A scenario's ``variants`` are resolved and checked with it: each is the file's top-level keys
deep-merged with the variant's overrides (``merge_overrides``), validated by the same schema;
a problem in a variant is reported at the variant's line (or, for a key the variant inherits,
at the base line) under the field path ``variants.NAME....``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import plugins
from .bundle import is_pack, open_pack
from .errors import LoadError, Problem
from .incidents import INJECT_TYPES
from .loading import is_file_problem, load_graph, load_yaml_model, tried
from .organisations import Crew, LadderFile, Organisation, OrganisationsFile
from .playbook import PlaybookFile, Rule
from .scenario import OrganisationChange, Response, Scenario, ScenarioFile, SourceFile
from .scenario_checks import ScenarioChecks, hint_for
from .validation import problems_from_validation
from .yamlfile import SourceDocument, declared_language, load_yaml

__all__ = ["load_scenario", "merge_overrides", "scenario_variants"]

_SETTINGS = ("office_hours", "control_room", "reporting", "escalation", "deadlines")


def _tags() -> frozenset[str]:
    """Discriminator values left out of error locations: every registered incident type and hazard model."""
    return frozenset(INJECT_TYPES) | frozenset(plugins.hazard_models())


def load_scenario(path: str | Path, variant: str | None = None) -> Scenario:
    """Read a scenario file with the files it names (paths relative to it).

    Every variant in the file's ``variants`` is checked too; ``variant`` returns that variant
    instead of the base scenario (an unknown name is a LoadError listing the variants there are).
    """
    given = Path(path)
    try:
        path = open_pack(given) if is_pack(given) else given  # a zip from rampsim pack: its scenario
        return _load_scenario(path, variant)
    except LoadError as error:
        # a refused pack too: its scenario's ``language:`` is read from the archive, not unpacked
        error.language = error.language or declared_language(given)
        raise


def _load_scenario(path: Path, variant: str | None) -> Scenario:
    spec, doc = _read_scenario_file(path)
    graphs: dict = {}
    scenario = _Resolver(path, doc, spec, graphs).resolve()
    resolved, problems = {}, []
    for name in spec.variants:
        try:
            resolved[name] = _resolve_variant(path, doc, name, graphs)
        except LoadError as error:
            problems.extend(error.problems)
    if problems:
        raise LoadError(problems)
    if variant is None:
        return scenario
    if variant not in resolved:
        choices = ", ".join(spec.variants) or "-"
        hint = hint_for(variant, tuple(spec.variants))
        line = doc.line_of(("variants",)) if spec.variants else None
        raise LoadError(
            [
                Problem(
                    path, line, ("variants",), "ref.unknown_variant", {"id": variant, "hint": hint, "choices": choices}
                )
            ]
        )
    return resolved[variant]


# Top-level keys that no reference check reads: when one fails the schema, the references of the
# rest of the file are still checked (leaving ``duration`` out only skips the check of injects
# after the end).
_NO_REFERENCES = frozenset({"name", "description", "seed", "language", "start", "duration", "timezone", "priorities"})
_ITEM_LISTS = ("injects", "rules")  # lists whose failing items are left out of the reference check


def _read_scenario_file(path: Path) -> tuple[ScenarioFile, SourceDocument]:
    """The scenario file validated; when it fails, every problem in it at once: the schema's, and
    the references of the parts that passed (unknown assets, basins, crews ...), by line."""
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise LoadError([Problem(path, 1, (), "yaml.not_mapping", {"got": type(doc.data).__name__})])
    try:
        return ScenarioFile.model_validate(doc.data), doc
    except ValidationError as exc:
        problems = problems_from_validation(exc, lambda loc: (doc, loc), _tags())
        problems.extend(_references_of_the_rest(path, doc, exc))
    order = {id(p): n for n, p in enumerate(problems)}
    raise LoadError(sorted(problems, key=lambda p: (p.file != path, p.line or 0, order[id(p)])))


def _references_of_the_rest(path: Path, doc: SourceDocument, exc: ValidationError) -> list[Problem]:
    """The reference problems of the file with the keys and list items that failed left out
    (located in the file as it is); none when what failed is something references depend on."""
    data = {key: value for key, value in doc.data.items() if key != "variants"}  # variants: once the base is valid
    failed_items: dict[str, set[int]] = {}
    for err in exc.errors(include_url=False):
        loc = err["loc"]
        if not loc:
            return []
        key = loc[0]
        if key in _ITEM_LISTS and len(loc) > 1 and isinstance(loc[1], int) and isinstance(data.get(key), list):
            failed_items.setdefault(key, set()).add(loc[1])
        elif key in _NO_REFERENCES:
            data.pop(key, None)
        else:
            return []
    kept = {key: [i for i in range(len(data[key])) if i not in bad] for key, bad in failed_items.items()}
    for key, positions in kept.items():
        data[key] = [data[key][i] for i in positions]
    try:
        spec = ScenarioFile.model_validate(data)
        _Resolver(path, SourceDocument(path, data), spec).resolve()
    except (ValidationError, LoadError) as error:
        if isinstance(error, ValidationError):
            return []
        found = error.problems
    else:
        return []

    def placed(problem: Problem) -> Problem | None:
        if problem.file != path:
            return problem  # in a file the scenario names
        if problem.key == "ref.inject_after_end" and "duration" not in data:
            return None  # the duration failed: the default would say nothing
        loc = problem.loc
        if len(loc) > 1 and loc[0] in kept and isinstance(loc[1], int):
            loc = (loc[0], kept[loc[0]][loc[1]]) + loc[2:]
        return Problem(path, doc.line_of(loc), loc, problem.key, problem.params)

    return [p for p in map(placed, found) if p is not None]


def scenario_variants(path: str | Path) -> dict[str, str]:
    """The variants a scenario file declares: name -> description (checks the file first)."""
    scenario = load_scenario(path)
    return {name: str(override.get("description", "")) for name, override in scenario.spec.variants.items()}


def merge_overrides(base: dict, overrides: dict) -> dict:
    """``base`` with ``overrides`` deep-merged: a mapping merges key by key (recursively); a list
    or any other value replaces the base's; ``None`` (YAML null) removes the key."""
    out = dict(base)
    for key, value in overrides.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_overrides(out[key], value)
        else:
            out[key] = value
    return out


def _set_by_variant(overrides: Any, loc: tuple) -> bool:
    """True when the field at ``loc`` of the merged scenario comes from the variant's overrides."""
    node = overrides
    for part in loc:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
        if not isinstance(node, dict):
            return True  # a list or value replaces everything below it
    return True


def _resolve_variant(path: Path, doc: SourceDocument, name: str, graphs: dict) -> Scenario:
    overrides = doc.data["variants"][name]

    def relocated(problem: Problem) -> Problem:
        """A problem of the merged scenario, placed at the variant's line or the base's."""
        if problem.file is not None and problem.file != path:
            return problem  # in a file the variant names (its own graph, organisations ...)
        loc = problem.loc
        line = doc.line_of(("variants", name) + loc) if _set_by_variant(overrides, loc) else doc.line_of(loc)
        return Problem(path, line, ("variants", name) + loc, problem.key, problem.params)

    if "variants" in overrides:
        loc = ("variants", name, "variants")
        raise LoadError(
            [Problem(path, doc.line_of(loc), loc, "value.unknown_field", {"field": "variants", "hint": ""})]
        )
    base = {key: value for key, value in doc.data.items() if key != "variants"}
    merged = merge_overrides(base, overrides)
    if "name" not in overrides and isinstance(base.get("name"), str):
        merged["name"] = f"{base['name']} ({name})"
    try:
        spec = ScenarioFile.model_validate(merged)
    except ValidationError as exc:
        raise LoadError(
            [relocated(p) for p in problems_from_validation(exc, lambda loc: (None, loc), _tags())]
        ) from None
    try:
        return _Resolver(path, SourceDocument(path, merged), spec, graphs).resolve()
    except LoadError as error:
        raise LoadError([relocated(p) for p in error.problems]) from None


class _Resolver(ScenarioChecks):
    """Reads the files a scenario names and checks every reference between them."""

    def __init__(self, path: Path, doc: SourceDocument, spec: ScenarioFile, graphs: dict | None = None):
        self.path, self.doc, self.spec = path, doc, spec
        self.graphs = graphs if graphs is not None else {}  # graph files read already, by relative path
        self.documents: list[SourceDocument] = [doc]
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.setting_docs: dict[str, SourceDocument] = {}  # which organisation file set a setting

    def referenced(self, relative: str, loc: tuple, reader):
        """Read a file the scenario names; a missing file is reported at the scenario's line."""
        target = self.path.parent / relative
        try:
            return reader(target)
        except LoadError as exc:
            keys = ("file.missing", "file.is_directory", "file.csv_pair_missing", "file.unknown_format")
            if is_file_problem(exc, target, keys):
                raise LoadError([self.at(loc, *tried(exc.problems[0], target))]) from None
            raise

    def resolve(self) -> Scenario:
        spec = self.spec
        graph = self.graphs.get(spec.graph)
        if graph is None:
            graph = self.graphs[spec.graph] = self.referenced(spec.graph, ("graph",), load_graph)
        self.documents.extend(graph.source.documents if graph.source else [])
        organisations, settings, org_origin = self.read_organisations()
        organisations = self.apply_changes(organisations)
        ladder = settings.get("escalation")
        if spec.ladder is not None:
            ladder_file, ladder_doc = self.referenced(
                spec.ladder, ("ladder",), lambda p: load_yaml_model(p, LadderFile)
            )
            self.documents.append(ladder_doc)
            ladder = ladder_file
        rules, rule_origin = self.read_rules()
        response = Response(
            office_hours=_merged(settings.get("office_hours") or OrganisationsFile().office_hours, spec.office_hours),
            control_room=settings.get("control_room"),
            reporting=_merged(settings.get("reporting") or OrganisationsFile().reporting, spec.reporting),
            ladder=ladder,
            deadlines=settings.get("deadlines", ()),
            rules=rules,
        )
        self.check(graph, organisations, org_origin, response, rule_origin)
        if self.problems:
            raise LoadError(self.problems)
        unique = list({id(d): d for d in self.documents}.values())
        sources = tuple(SourceFile(d.path, _sha256(d.path)) for d in unique)
        return Scenario(spec, graph, tuple(organisations), self.path, sources, response, tuple(self.warnings))

    # --- organisations ----------------------------------------------------------------------------
    def read_organisations(self):
        organisations: list[Organisation] = []
        origin: list[tuple[SourceDocument, int]] = []
        settings: dict = {}
        many = isinstance(self.doc.data.get("organisations"), list)
        for n, relative in enumerate(self.spec.organisations):
            loc = ("organisations", n) if many else ("organisations",)
            spec, org_doc = self.referenced(relative, loc, lambda p: load_yaml_model(p, OrganisationsFile))
            self.documents.append(org_doc)
            for name in _SETTINGS:
                if name in spec.model_fields_set:
                    settings[name] = getattr(spec, name)
                    self.setting_docs[name] = org_doc
            if spec.ladder is not None:
                ladder_path = org_doc.path.parent / spec.ladder
                try:
                    ladder, ladder_doc = load_yaml_model(ladder_path, LadderFile)
                except LoadError as exc:
                    if is_file_problem(exc, ladder_path, ("file.missing", "file.is_directory")):
                        key, params = tried(exc.problems[0], ladder_path)
                        raise LoadError(
                            [Problem(org_doc.path, org_doc.line_of(("ladder",)), ("ladder",), key, params)]
                        ) from None
                    raise
                self.documents.append(ladder_doc)
                settings["escalation"] = ladder
            organisations.extend(spec.organisations)
            origin.extend((org_doc, j) for j in range(len(spec.organisations)))
        return organisations, settings, origin

    def apply_changes(self, organisations: list[Organisation]) -> list[Organisation]:
        by_id = {org.id: i for i, org in enumerate(organisations)}
        out = list(organisations)
        for change in self.spec.organisation_changes:
            if change.id in by_id:
                out[by_id[change.id]] = _changed(out[by_id[change.id]], change)
            else:
                by_id[change.id] = len(out)
                out.append(_changed(Organisation(id=change.id), change))
        return out

    # --- playbook ---------------------------------------------------------------------------------
    def read_rules(self):
        rules: list[Rule] = []
        origin: list[tuple] = []
        many = isinstance(self.doc.data.get("playbook"), list)
        for n, relative in enumerate(self.spec.playbook):
            loc = ("playbook", n) if many else ("playbook",)
            book, book_doc = self.referenced(relative, loc, lambda p: load_yaml_model(p, PlaybookFile))
            self.documents.append(book_doc)
            rules.extend(book.rules)
            origin.extend((book_doc, ("rules", j)) for j in range(len(book.rules)))
        rules.extend(self.spec.rules)
        origin.extend((self.doc, ("rules", j)) for j in range(len(self.spec.rules)))
        return tuple(rules), origin

    # --- references -------------------------------------------------------------------------------


def _merged(base, change):
    """``base`` with the fields ``change`` sets (a scenario changes only what it names)."""
    if change is None:
        return base
    return base.model_copy(update={name: getattr(change, name) for name in change.model_fields_set})


def _changed(org: Organisation, change: OrganisationChange) -> Organisation:
    """``org`` with the fields ``change`` sets; its crews changed or added by id."""
    fields: dict[str, Any] = {
        name: getattr(change, name) for name in ("name", "kind", "nis2") if name in change.model_fields_set
    }
    crews = list(org.crews)
    index = {crew.id: i for i, crew in enumerate(crews)}
    for crew_change in change.crews:
        update = {
            n: getattr(crew_change, n) for n in ("name", "size", "callout") if getattr(crew_change, n) is not None
        }
        if crew_change.id in index:
            crews[index[crew_change.id]] = crews[index[crew_change.id]].model_copy(update=update)
        else:
            crews.append(Crew(id=crew_change.id, **update))
    return org.model_copy(update={**fields, "crews": tuple(crews)})


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
