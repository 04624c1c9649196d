"""What each of the players' decisions bought or cost: the played course rebuilt decision by decision.

A played exercise is one run: the scenario, one seed and the decision log. Its playbook-only twin
is the same scenario and seed without the players' decisions (exercise control's ad-hoc injects
stay: they are part of the exercise as it was played, not something the players chose). Between
the two lie K runs: run k applies the first k players' decisions (in the order the engine applied
them: by minute, the log's order within a minute), so run 0 is the playbook-only course and run K
the played one. Decision k is credited with run k − run k−1 in each figure, so the changes of all
decisions add up to played − playbook-only (they telescope). A refused decision changes nothing
(exactly 0): its only trace in the run is its ``decision.refused`` event.

Every decision keeps the id it had in the played course (``decision-N`` when it had none), so the
random streams keyed by it, and by the rule it becomes, are the same numbers in every run.

Figures (``course_figures``): unserved population-hours (hours), the legal deadlines met and
missed (counts; late counts as missed), the highest GRIP level, the time to full recovery
(minutes after the start; NaN when not everything was back by the end), the people flooded, and
per basin the highest water level (m NAP), as ``max_water_level_m.<basin>``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from ..engine.simulation import RunRecord, Simulation
from ..model.decisions import EXERCISE_CONTROL, Decision
from ..model.decisions_loading import check_decisions
from ..model.errors import LoadError
from ..model.gcpause import gc_paused
from ..model.scenario import Scenario
from .runpath import record_metrics

__all__ = [
    "COURSE_COLUMNS",
    "DECISION_COLUMNS",
    "FIGURES",
    "LEVEL_PREFIX",
    "DecisionEffects",
    "course_figures",
    "course_table",
    "decision_effects",
    "effects_table",
    "figure_names",
    "prefix_courses",
    "with_engine_ids",
]

# the figures of every run, in the order of the tables (then one max_water_level_m.<basin> per basin)
FIGURES = (
    "unserved_population_hours",
    "deadlines_met",
    "deadlines_missed",
    "grip_max",
    "time_to_full_recovery_min",
    "population_flooded",
)
LEVEL_PREFIX = "max_water_level_m."
DECISION_COLUMNS = (
    "position",
    "decision",
    "by",
    "minute",
    "action",
    "target",
    "detail",
    "rationale",
    "taken",
    "reason",
)
COURSE_COLUMNS = ("metric", "playbook_only", "played", "difference")


def course_figures(metrics: dict) -> dict[str, float]:
    """The figures a debrief compares, from one run's metrics (``metrics.json``): see the module."""
    deadlines = (metrics.get("deadlines") or {}).values()
    recovery = metrics.get("time_to_full_recovery_min")
    out = {
        "unserved_population_hours": float(metrics.get("unserved_population_hours") or 0.0),
        "deadlines_met": float(sum(1 for d in deadlines if d.get("met") is True)),
        "deadlines_missed": float(sum(1 for d in deadlines if d.get("met") is False)),
        "grip_max": float(metrics.get("grip_max") or 0),
        "time_to_full_recovery_min": math.nan if recovery is None else float(recovery),
        "population_flooded": float(metrics.get("population_flooded") or 0),
    }
    for basin, level in sorted((metrics.get("max_water_level_m") or {}).items()):
        out[LEVEL_PREFIX + basin] = float(level)
    return out


def figure_names(figures: Sequence[dict[str, float]]) -> list[str]:
    """``FIGURES`` and every basin any of the runs has, sorted."""
    basins = sorted({name for f in figures for name in f if name.startswith(LEVEL_PREFIX)})
    return [*FIGURES, *basins]


def with_engine_ids(decisions: Sequence[Decision]) -> tuple[Decision, ...]:
    """The decisions in the order the engine applies them (by minute, stable), each with the id the
    engine gives it: its own, else ``decision-N`` by that order."""
    ordered = sorted(decisions, key=lambda d: d.at)
    return tuple(d if d.id else d.model_copy(update={"id": f"decision-{n}"}) for n, d in enumerate(ordered, 1))


def prefix_courses(decisions: Sequence[Decision]) -> list[tuple[Decision, ...]]:
    """The decisions of runs 0..K: every ad-hoc inject of exercise control, and the first k of the
    K players' decisions (``with_engine_ids`` order, so every decision keeps its id)."""
    ordered = with_engine_ids(decisions)
    players = [d for d in ordered if d.by != EXERCISE_CONTROL]
    courses = []
    for k in range(len(players) + 1):
        chosen = {id(d) for d in players[:k]}
        courses.append(tuple(d for d in ordered if d.by == EXERCISE_CONTROL or id(d) in chosen))
    return courses


def decision_detail(decision: Decision) -> str:
    """What the action and target leave out: the GRIP level, the crew and how many, the deadline."""
    if decision.action == "grip":
        return str(decision.level)
    if decision.action == "call_crew":
        return f"{decision.crew} +{decision.size}"
    if decision.action == "notify":
        return decision.deadline or ""
    return decision.crew or ""


def effects_table(
    players: Sequence[Decision], outcomes: Sequence[tuple[bool, str]], figures: Sequence[dict[str, float]]
) -> pd.DataFrame:
    """One row per players' decision: ``DECISION_COLUMNS`` (``minute``: minutes after the start;
    ``target``: asset ids joined by ", "; ``detail``: ``decision_detail``; ``reason``: the
    refusal's reason, "" when taken) and per
    figure the change it made, ``figures[k] - figures[k - 1]`` for decision k (1-based).

    ``figures``: ``course_figures`` of runs 0..K (K + 1 of them); ``outcomes``: (taken, reason)
    of each decision. A pure function: the runs are ``decision_effects``'s.
    """
    if len(figures) != len(players) + 1 or len(outcomes) != len(players):
        raise ValueError(f"{len(players)} decisions need {len(players) + 1} runs' figures and as many outcomes")
    names = figure_names(figures)
    rows = []
    for k, (decision, (taken, reason)) in enumerate(zip(players, outcomes), 1):
        row = {
            "position": k,
            "decision": decision.id or f"decision-{k}",
            "by": decision.by,
            "minute": float(decision.at),
            "action": decision.action,
            "target": ", ".join(decision.target),
            "detail": decision_detail(decision),
            "rationale": decision.rationale,
            "taken": bool(taken),
            "reason": reason,
        }
        for name in names:
            row[name] = figures[k].get(name, math.nan) - figures[k - 1].get(name, math.nan)
        rows.append(row)
    return pd.DataFrame(rows, columns=[*DECISION_COLUMNS, *names])


def course_table(playbook_only: dict[str, float], played: dict[str, float]) -> pd.DataFrame:
    """The headline: per figure the playbook-only and the played value and played − playbook-only
    (exact: one seed, no interval). NaN where a run has no value (not everything recovered)."""
    rows = [
        (name, playbook_only.get(name, math.nan), played.get(name, math.nan))
        for name in figure_names([playbook_only, played])
    ]
    return pd.DataFrame([(name, base, mine, mine - base) for name, base, mine in rows], columns=list(COURSE_COLUMNS))


@dataclass
class DecisionEffects:
    """The played course rebuilt decision by decision at one seed.

    ``table``: ``effects_table``; ``course``: ``course_table``; ``figures``: ``course_figures`` of
    runs 0..K; ``playbook_only`` and ``played``: the raw records of runs 0 and K; ``injects``: the
    ad-hoc injects of exercise control kept in every run.
    """

    table: pd.DataFrame
    course: pd.DataFrame
    figures: list[dict[str, float]]
    playbook_only: RunRecord
    played: RunRecord
    injects: tuple[Decision, ...] = ()


def decision_effects(
    scenario: Scenario,
    decisions: Sequence[Decision],
    seed: int,
    until_min: float | None = None,
) -> DecisionEffects:
    """Run the scenario with the first k players' decisions for k = 0..K at ``seed`` (``until_min``:
    minutes simulated, default the scenario's duration) and attribute the changes (module text).
    Decisions that name what the scenario lacks raise ``LoadError`` (``check_decisions``)."""
    problems = check_decisions(tuple(decisions), scenario)
    if problems:
        raise LoadError(problems)
    courses = prefix_courses(decisions)
    players = [d for d in courses[-1] if d.by != EXERCISE_CONTROL]
    figures, outcomes, records = [], [], []
    for k, course in enumerate(courses):
        with gc_paused():
            record = Simulation(scenario, seed=seed, until_min=until_min, decisions=course).run()
            figures.append(course_figures(record_metrics(record)))
        if k > 0:
            applied = {decision_id: (taken, reason) for _, decision_id, taken, reason in record.decisions}
            outcomes.append(applied[players[k - 1].id])
        if k in (0, len(courses) - 1):
            records.append(record)
    return DecisionEffects(
        table=effects_table(players, outcomes, figures),
        course=course_table(figures[0], figures[-1]),
        figures=figures,
        playbook_only=records[0],
        played=records[-1],
        injects=tuple(d for d in courses[0]),
    )
