"""Reading a decisions file against its scenario: every reference checked, every problem at once."""

from __future__ import annotations

from pathlib import Path

from .decisions import EXERCISE_CONTROL, Decision, DecisionsFile
from .durations import format_duration
from .errors import LoadError, Problem
from .loading import load_yaml_model
from .scenario import Scenario
from .validation import suggest
from .yamlfile import SourceDocument

__all__ = ["load_decisions", "check_decisions"]


def load_decisions(path: str | Path, scenario: Scenario) -> tuple[Decision, ...]:
    """The decisions of ``path``, checked against ``scenario``; ``LoadError`` names every problem."""
    spec, doc = load_yaml_model(path, DecisionsFile)
    problems = check_decisions(spec.decisions, scenario, doc)
    if problems:
        raise LoadError(problems)
    return spec.decisions


def check_decisions(
    decisions: tuple[Decision, ...], scenario: Scenario, doc: SourceDocument | None = None
) -> list[Problem]:
    """Problems of ``decisions`` that need the scenario: who decides, targets, crews, deadlines,
    levels, ids, times after the end."""
    response = scenario.response
    graph = scenario.graph
    teams = tuple(t.id for level in response.ladder.levels for t in level.teams) if response.ladder else ()
    levels = tuple(sorted({0, *(level.level for level in response.ladder.levels)})) if response.ladder else (0,)
    parties = (*teams, *(o.id for o in scenario.organisations), EXERCISE_CONTROL)
    crews = tuple(scenario.crews())
    deadlines = tuple(d.id for d in response.deadlines)
    assets = tuple(graph.index)
    problems: list[Problem] = []

    def add(loc: tuple, key: str, **params) -> None:
        problems.append(Problem(doc.path if doc else None, doc.line_of(loc) if doc else None, loc, key, params))

    seen: set[str] = set()
    for n, d in enumerate(decisions):
        loc = ("decisions", n)
        if d.id is not None:
            if d.id in seen:
                add(loc + ("id",), "ref.duplicate_id", id=d.id, first="decisions")
            seen.add(d.id)
        if d.by not in parties:
            add(loc + ("by",), "value.decision_unknown_by", id=d.by, hint=_hint(d.by, parties))
        if d.at > scenario.duration_min:
            add(
                loc + ("at",),
                "value.decision_after_end",
                at=format_duration(d.at),
                end=format_duration(scenario.duration_min),
            )
        for t, target in enumerate(d.target):
            if target not in graph.index:
                where = loc + ("target",) + ((t,) if len(d.target) > 1 else ())
                add(where, "ref.unknown_asset", id=target, hint=_hint(target, assets))
        if d.crew is not None and d.crew not in crews:
            add(loc + ("crew",), "ref.unknown_crew", id=d.crew, hint=_hint(d.crew, crews))
        if d.deadline is not None and d.deadline not in deadlines:
            add(loc + ("deadline",), "ref.unknown_deadline", id=d.deadline, hint=_hint(d.deadline, deadlines))
        if d.level is not None and d.level not in levels:
            add(loc + ("level",), "value.decision_unknown_level", level=d.level, levels=", ".join(map(str, levels)))
        if d.inject is not None:
            if d.inject.target not in graph.index:
                add(
                    loc + ("inject", "target"),
                    "ref.unknown_asset",
                    id=d.inject.target,
                    hint=_hint(d.inject.target, assets),
                )
            inject_crew = getattr(d.inject, "crew", None)
            if inject_crew is not None and inject_crew not in crews:
                add(loc + ("inject", "crew"), "ref.unknown_crew", id=inject_crew, hint=_hint(inject_crew, crews))
    return problems


def _hint(word: str, candidates: tuple[str, ...]):
    return suggest(word, candidates) if len(candidates) < 5000 else ""  # difflib is slow on huge graphs
