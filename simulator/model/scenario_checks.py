"""The cross-checks of a scenario whose files have been read: every reference between the
scenario, its graph, organisations, ladder and playbook (crews, teams, organisations, assets,
basins, zones, triggers, hazards), each problem reported at the line of the file it stands in.

``ScenarioChecks`` is the base of the scenario loader's resolver (``scenario_loading``): it needs
``path`` and ``doc`` (the scenario file) and appends to ``problems`` (errors: the scenario is
refused) and ``warnings`` (the scenario loads; ``rampsim validate`` and ``run`` print them).

Two things are warnings, not errors. A playbook rule whose selector by kind or sector
(``asset_failed: {kind: lock}``, ``target: {sector: waterways}``) matches no asset of the graph:
a regional playbook is written for "any lock" or "any movable bridge", and a town without one
is no mistake: the rule simply never fires there. And a rule on the trigger's asset that waits
(``action_done``) for a rule whose action has no asset: it never acts. A selector that names an
asset id, and every other id a rule names (an asset, a basin, a crew, a deadline, a team, a rule
in ``action_done``), stays an error: an id that is not in the files is a typo or a file that
belongs to another town; so does a chain of ``action_done`` back to itself (no rule in it fires).
"""

from __future__ import annotations

from pathlib import Path

from . import plugins
from .distributions import Distribution
from .errors import Problem
from .incidents import INCIDENT_CLASSES, INJECT_TYPES
from .playbook import AssetSelector, selector_phrase
from .references import check_references
from .scenario import Response, ScenarioFile
from .validation import suggest
from .yamlfile import SourceDocument


def _incident_words() -> frozenset[str]:
    """What ``incident_known`` may name: an incident type (plugins' too), a class, or any."""
    return frozenset(INJECT_TYPES) | frozenset(INCIDENT_CLASSES.values()) | frozenset(plugins.CLASSES) | {"any"}


__all__ = ["ScenarioChecks", "earliest_minute", "hint_for"]


class ScenarioChecks:
    """Checks every reference of a read scenario; problems go to ``self.problems``."""

    path: Path
    doc: SourceDocument
    problems: list[Problem]
    warnings: list[Problem]
    spec: ScenarioFile
    setting_docs: dict[str, SourceDocument]

    def at(self, loc: tuple, key: str, params: dict | None = None, **more) -> Problem:
        """A problem at ``loc`` of the scenario file."""
        return Problem(self.path, self.doc.line_of(loc), loc, key, {**(params or {}), **more})

    def check(self, graph, organisations, org_origin, response: Response, rule_origin) -> None:  # noqa: C901, PLR0912, PLR0915 -- debt: split when next changed
        spec, add = self.spec, self.problems.append
        org_ids = self.check_organisations(organisations, org_origin)
        crews = tuple(f"{org.id}/{crew.id}" for org in organisations for crew in org.crews)
        # Owners are checked when the scenario names organisations; crews always: an undefined crew
        # would have no size, so repairs would silently not wait for it.
        self.problems.extend(check_references(graph, org_ids, crews, check_owners=bool(organisations)))
        assets = tuple(graph.index)

        def asset_ref(loc, asset_id, doc=None):
            if asset_id not in graph.index:
                doc = doc or self.doc
                add(
                    Problem(
                        doc.path,
                        doc.line_of(loc),
                        loc,
                        "ref.unknown_asset",
                        {"id": asset_id, "hint": hint_for(asset_id, assets)},
                    )
                )

        def crew_ref(loc, crew, doc=None):
            if crew is not None and crew not in crews:
                doc = doc or self.doc
                add(
                    Problem(
                        doc.path, doc.line_of(loc), loc, "ref.unknown_crew", {"id": crew, "hint": hint_for(crew, crews)}
                    )
                )

        inject_ids: set[str] = set()
        basins = tuple(b.id for b in graph.basins)
        for n, inject in enumerate(spec.injects):
            asset_ref(("injects", n, "target"), inject.target)
            self.check_hazard(n, getattr(inject, "hazard", None), basins, asset_ref)
            earliest = earliest_minute(inject.at)
            if earliest >= spec.duration:
                end = Distribution.fixed(spec.duration)
                add(self.at(("injects", n, "at"), "ref.inject_after_end", at=str(inject.at), duration=str(end)))
            crew_ref(("injects", n, "crew"), getattr(inject, "crew", None))
            load = getattr(inject, "load", None)
            if load is not None:
                crew_ref(("injects", n, "load", "crew"), load.crew)
            if inject.id is not None:
                if inject.id in inject_ids:
                    add(self.at(("injects", n, "id"), "ref.duplicate_id", id=inject.id, first="injects"))
                inject_ids.add(inject.id)
        for asset_id in spec.priorities:
            asset_ref(("priorities", asset_id), asset_id)
        outcome_ids: set[str] = set()
        for n, outcome in enumerate(spec.outcomes):
            if outcome.asset is not None:
                asset_ref(("outcomes", n, "asset"), outcome.asset)
            if outcome.id in outcome_ids:
                add(self.at(("outcomes", n, "id"), "ref.duplicate_id", id=outcome.id, first="outcomes"))
            outcome_ids.add(outcome.id)
        reporting_doc = self.doc if spec.reporting is not None else self.setting_docs.get("reporting")
        for c, channel in enumerate(response.reporting.channels):
            asset_ref(("reporting", "channels", c), channel, reporting_doc)
        if response.control_room is not None and response.control_room not in org_ids:
            room_doc = self.setting_docs["control_room"]
            hint = hint_for(response.control_room, tuple(org_ids))
            add(
                Problem(
                    room_doc.path,
                    room_doc.line_of(("control_room",)),
                    ("control_room",),
                    "ref.unknown_org",
                    {"id": response.control_room, "hint": hint},
                )
            )
        teams = {team.id for level in response.ladder.levels for team in level.teams} if response.ladder else set()
        deadlines = {d.id for d in response.deadlines}
        rule_ids: set[str] = set()
        for rule, (doc, loc) in zip(response.rules, rule_origin):
            if rule.id in rule_ids:
                add(
                    Problem(
                        doc.path,
                        doc.line_of(loc + ("id",)),
                        loc + ("id",),
                        "ref.duplicate_id",
                        {"id": rule.id, "first": "rules"},
                    )
                )
            rule_ids.add(rule.id)
            crew_ref(loc + ("crew",), rule.crew, doc)
            targets = rule.target if isinstance(rule.target, tuple) else (rule.target,)
            for t, target in enumerate(targets):
                if isinstance(target, str) and target != "trigger":
                    asset_ref(loc + ("target",) + ((t,) if isinstance(rule.target, tuple) else ()), target, doc)
                elif isinstance(target, AssetSelector) and target.asset is not None:
                    asset_ref(loc + ("target", "asset"), target.asset, doc)
            selector = rule.when.asset_failed
            if selector is not None and selector.asset is not None:
                asset_ref(loc + ("when", "asset_failed", "asset"), selector.asset, doc)
            team = rule.requires_team or ("gbt" if rule.action == "ordinance" and "gbt" in teams else None)
            if team is not None and team not in teams:
                add(
                    Problem(
                        doc.path,
                        doc.line_of(loc + ("requires_team",)),
                        loc + ("requires_team",),
                        "ref.unknown_team",
                        {"id": team, "hint": hint_for(team, tuple(teams))},
                    )
                )
            for name, value in (("deadline", rule.deadline), ("when", rule.when.deadline_started)):
                if value is not None and value not in deadlines:
                    where = loc + ((name,) if name == "deadline" else ("when", "deadline_started"))
                    add(
                        Problem(
                            doc.path,
                            doc.line_of(where),
                            where,
                            "ref.unknown_deadline",
                            {"id": value, "hint": hint_for(value, tuple(deadlines))},
                        )
                    )
            if rule.action == "notify":
                if rule.when.deadline_started is None:
                    where = loc + ("when",)
                    add(Problem(doc.path, doc.line_of(where), where, "ref.notify_trigger", {}))
                elif rule.deadline is not None and rule.deadline != rule.when.deadline_started:
                    where = loc + ("deadline",)
                    add(
                        Problem(
                            doc.path,
                            doc.line_of(where),
                            where,
                            "ref.notify_mismatch",
                            {"deadline": rule.deadline, "started": rule.when.deadline_started},
                        )
                    )
                if rule.crew is None:
                    add(Problem(doc.path, doc.line_of(loc), loc + ("crew",), "ref.notify_crew", {}))
            self.check_trigger(rule, doc, loc, graph, org_ids, response)

    def check_hazard(self, n: int, hazard, basins: tuple[str, ...], asset_ref) -> None:
        """The basin and the lock a hazard model names (any model's spec with those fields) exist."""
        if hazard is None:
            return
        basin = getattr(hazard, "basin", None)
        if isinstance(basin, str) and basin not in basins:
            where = ("injects", n, "hazard", "basin")
            self.problems.append(self.at(where, "ref.unknown_basin", id=basin, hint=hint_for(basin, basins)))
        lock = getattr(hazard, "lock", None)
        if isinstance(lock, str):
            asset_ref(("injects", n, "hazard", "lock"), lock)

    def check_trigger(self, rule, doc, loc, graph, org_ids, response: Response) -> None:
        """A trigger that can never fire is a typo: say so."""
        add = self.problems.append
        when = rule.when
        words = _incident_words()
        if when.incident_known is not None and when.incident_known not in words:
            where = loc + ("when", "incident_known")
            add(
                Problem(
                    doc.path,
                    doc.line_of(where),
                    where,
                    "value.choice",
                    {"value": when.incident_known, "choices": ", ".join(sorted(words))},
                )
            )
        for where, selector in ((("when", "asset_failed"), when.asset_failed), (("target",), rule.target)):
            if isinstance(selector, AssetSelector) and not any(selector.matches(a) for a in graph.assets):
                self.selects_nothing(doc, loc + where, selector)
        if when.grip is not None:
            levels = {lv.level for lv in response.ladder.levels} if response.ladder else set()
            if when.grip not in levels:
                where = loc + ("when", "grip")
                add(
                    Problem(
                        doc.path,
                        doc.line_of(where),
                        where,
                        "value.choice",
                        {"value": when.grip, "choices": ", ".join(map(str, sorted(levels))) or "-"},
                    )
                )
        if when.owner is not None and when.owner not in org_ids:
            where = loc + ("when", "owner")
            add(
                Problem(
                    doc.path,
                    doc.line_of(where),
                    where,
                    "ref.unknown_org",
                    {"id": when.owner, "hint": hint_for(when.owner, tuple(org_ids))},
                )
            )
        if when.action_done is not None:
            self.check_action_done(rule, doc, loc, response)
        basins = tuple(b.id for b in graph.basins)
        if when.alarm is not None and when.alarm not in basins:
            where = loc + ("when", "alarm")
            add(
                Problem(
                    doc.path,
                    doc.line_of(where),
                    where,
                    "ref.unknown_basin",
                    {"id": when.alarm, "hint": hint_for(when.alarm, basins)},
                )
            )

    def check_action_done(self, rule, doc, loc, response: Response) -> None:
        """``action_done`` names a rule (error), not in a chain back to itself (error); a rule on the
        trigger's asset after an action on no asset never acts (warning)."""
        where = loc + ("when", "action_done")
        by_id = {r.id: r for r in response.rules}
        awaited = by_id.get(rule.when.action_done)
        if awaited is None:
            hint = hint_for(rule.when.action_done, tuple(by_id))
            self.problems.append(
                Problem(
                    doc.path, doc.line_of(where), where, "ref.unknown_rule", {"id": rule.when.action_done, "hint": hint}
                )
            )
            return
        chain = [rule.id]
        while awaited is not None and awaited.id not in chain:
            chain.append(awaited.id)
            awaited = by_id.get(awaited.when.action_done) if awaited.when.action_done else None
        if awaited is not None and awaited.id == rule.id:
            params = {"chain": " -> ".join((*chain, rule.id))}
            self.problems.append(Problem(doc.path, doc.line_of(where), where, "ref.rule_cycle", params))
            return
        awaited = by_id[rule.when.action_done]
        registered = plugins.actions()
        if rule.target == "trigger" and registered[rule.action].per_asset and not registered[awaited.action].per_asset:
            params = {"id": awaited.id, "action": awaited.action}
            self.warnings.append(Problem(doc.path, doc.line_of(where), where, "warn.done_no_asset", params, True))

    def selects_nothing(self, doc: SourceDocument, where: tuple, selector: AssetSelector) -> None:
        """A selector that matches no asset: an error when it names an asset id, else a warning."""
        params = {"selector": selector_phrase(selector)}
        if selector.asset is not None:
            self.problems.append(Problem(doc.path, doc.line_of(where), where, "ref.selects_nothing", params))
        else:
            self.warnings.append(Problem(doc.path, doc.line_of(where), where, "warn.selects_nothing", params, True))

    def check_organisations(self, organisations, origin) -> dict[str, int]:
        first: dict[str, int] = {}
        for i, org in enumerate(organisations):
            org_doc, j = origin[i] if i < len(origin) else (self.doc, None)
            loc = ("organisations", j, "id") if j is not None else ("organisation_changes",)
            if org.id in first and i < len(origin):
                first_doc, first_j = origin[first[org.id]]
                where = f"{first_doc.path.name}:{first_doc.line_of(('organisations', first_j, 'id'))}"
                self.problems.append(
                    Problem(org_doc.path, org_doc.line_of(loc), loc, "ref.duplicate_id", {"id": org.id, "first": where})
                )
            first.setdefault(org.id, i)
            seen: set[str] = set()
            for c, crew in enumerate(org.crews):
                if crew.id in seen and j is not None:
                    crew_loc = ("organisations", j, "crews", c, "id")
                    self.problems.append(
                        Problem(
                            org_doc.path,
                            org_doc.line_of(crew_loc),
                            crew_loc,
                            "ref.duplicate_id",
                            {"id": crew.id, "first": org.id},
                        )
                    )
                seen.add(crew.id)
        return first


def earliest_minute(at: Distribution) -> float:
    """The earliest minute an inject's time can take (the lower end of its distribution)."""
    return float(at.params[0]) if at.kind in ("fixed", "uniform", "triangular") else 0.0


def hint_for(word: str, candidates: tuple[str, ...]):
    return suggest(word, candidates) if len(candidates) < 5000 else ""
