"""A played exercise beside its playbook-only twin: ``rampsim compare RUN_DIR`` and
``rampsim compare SCENARIO --decisions FILE``.

The headline is the played course itself: one seed, so the comparison with the playbook-only
course at that seed is an exact difference, no interval (``decision_effects``: also decision by
decision). With ``n >= 2`` an ensemble of ``n`` paired replications of both arms
(``compare``: master seed the played seed, replication i ``SeedSequence(seed).spawn(n)[i]``)
shows how much of the difference holds in other courses of the same scenario.

The output folder (written atomically):

- ``course.csv``/``.parquet``: the headline, ``COURSE_COLUMNS`` per figure;
- ``decision_effects.csv``/``.parquet``: one row per players' decision (``effects_table``);
- ``played/`` and ``playbook-only/``: both courses as run directories (``rampsim report``,
  ``replay``, ``explain``, ``msel`` work on them);
- with ``n >= 2``: ``comparison.csv``/``.parquet`` and the ensembles ``base/`` (playbook-only) and
  ``variant/`` (played), as ``rampsim compare`` writes them;
- ``manifest.json``: ``kind: played-comparison``, scenario, seed, decisions, where they came from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import ValidationError

from ..model.decisions import EXERCISE_CONTROL, Decision, DecisionsFile
from ..model.decisions_loading import check_decisions
from ..model.errors import LoadError, Problem
from ..model.loading import load_yaml_model
from ..model.scenario import Scenario
from ..model.scenario_loading import load_scenario
from .compare import Comparison, compare
from .decision_effects import DecisionEffects, decision_effects
from .results import Results, RunResults
from .rundir import atomic_directory

__all__ = [
    "PLAYED_KIND",
    "PlayedComparison",
    "PlayedInput",
    "PlayedInputError",
    "compare_played",
    "played_from_file",
    "played_input",
    "read_played_comparison",
]

PLAYED_KIND = "played-comparison"


class PlayedInputError(Exception):
    """A run directory that cannot be compared: ``key`` and ``params`` of a catalogue message."""

    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class PlayedInput:
    """What a played course is: scenario, seed, decisions (and minutes simulated, None: the whole
    duration), with where they came from (``run_dir`` or ``decisions_file``)."""

    scenario: Scenario
    seed: int
    decisions: tuple[Decision, ...]
    until_min: float | None = None
    run_dir: Path | None = None
    decisions_file: Path | None = None
    lang: str | None = None
    played_metrics: dict | None = None  # the run directory's own metrics.json, to check the rerun


def played_input(run_dir: str | Path) -> PlayedInput:
    """The played course of a run directory (``rampsim run --decisions`` or a live session that
    ended): scenario from the manifest's path, its seed, its decisions with their ids, minutes run.

    ``PlayedInputError`` when the manifest names no scenario file, the file is gone or changed
    since the run, or the run has no players' decisions; ``LoadError`` when a decision no longer
    fits the scenario (located in ``manifest.json``)."""
    run_dir = Path(run_dir)
    manifest_path = run_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    scenario_path = (manifest.get("scenario") or {}).get("path")
    if not scenario_path:
        raise PlayedInputError("played.no_scenario", path=manifest_path)
    if not Path(scenario_path).is_file():
        raise PlayedInputError("played.scenario_missing", path=manifest_path, scenario=scenario_path)
    for source in manifest.get("sources") or ():
        file = Path(source["path"])
        now = hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else None
        if now != source.get("sha256"):
            raise PlayedInputError("played.scenario_changed", path=manifest_path, file=file)
    records = manifest.get("decisions") or []
    if not any(r.get("by") != EXERCISE_CONTROL for r in records):
        raise PlayedInputError("played.no_decisions", path=run_dir)
    scenario = load_scenario(scenario_path)
    decisions, problems = [], []
    for n, record in enumerate(records):
        try:
            decisions.append(Decision.model_validate({**record.get("decision", {}), "id": record.get("id")}))
        except ValidationError as error:
            problems.append(Problem(manifest_path, None, ("decisions", n), "played.bad_decision", {"error": error}))
    problems += [
        Problem(manifest_path, None, p.loc, p.key, p.params) for p in check_decisions(tuple(decisions), scenario)
    ]
    if problems:
        raise LoadError(problems)
    until = manifest.get("until_min")
    until = None if until is None or float(until) == scenario.duration_min else float(until)
    metrics_path = run_dir / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8")) if metrics_path.is_file() else None
    return PlayedInput(
        scenario, int(manifest["seed"]), tuple(decisions), until, run_dir, None, manifest.get("language"), metrics
    )


@dataclass
class PlayedComparison:
    """The played course against its playbook-only twin: ``effects`` (one seed, exact, decision by
    decision), both courses as ``RunResults``, the ensemble ``comparison`` (None for n = 1)."""

    effects: DecisionEffects
    played: RunResults
    playbook_only: RunResults
    comparison: Comparison | None = None
    manifest: dict = field(default_factory=dict)

    @property
    def reproduced(self) -> bool | None:
        """Whether the rerun played course has the run directory's own metrics (None: no run dir)."""
        return self.manifest.get("reproduced")

    def save(self, path: str | Path, command: list[str] | None = None) -> Path:
        """Write the folder (module text) atomically."""
        path = Path(path)
        with atomic_directory(path) as tmp:
            for name, table in (("course", self.effects.course), ("decision_effects", self.effects.table)):
                table.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
                table.to_parquet(tmp / f"{name}.parquet", index=False)
            self.played.save(tmp / "played", command=command)
            self.playbook_only.save(tmp / "playbook-only", command=command)
            if self.comparison is not None:
                table = self.comparison.table
                table.to_csv(tmp / "comparison.csv", index=False, lineterminator="\n")
                table.to_parquet(tmp / "comparison.parquet", index=False)
                self.comparison.base.save_ensemble(tmp / "base")
                self.comparison.variant.save_ensemble(tmp / "variant")
            manifest = {**self.manifest, **({"command": command} if command else {})}
            (tmp / "manifest.json").write_text(
                json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        return path


def compare_played(
    played: PlayedInput,
    n: int = 1,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    lang: str | None = None,
) -> PlayedComparison:
    """The played course and its playbook-only twin at the played seed, decision by decision; with
    ``n >= 2`` also ``n`` paired replications of both arms (master seed the played seed)."""
    scenario, seed = played.scenario, played.seed
    lang = lang or played.lang
    effects = decision_effects(scenario, played.decisions, seed, played.until_min)
    comparison = None
    if n >= 2:
        comparison = compare(
            scenario,
            scenario,
            n,
            seed=seed,
            workers=workers,
            progress=progress,
            base_decisions=effects.injects,
            variant_decisions=played.decisions,
            until_min=played.until_min,
        )
    manifest: dict[str, Any] = {
        "kind": PLAYED_KIND,
        "scenario": {"name": scenario.name, "path": str(scenario.path) if scenario.path else None},
        "sources": [{"path": str(s.path), "sha256": s.sha256} for s in scenario.sources],
        "seed": seed,
        "until_min": played.until_min,
        "run_dir": str(played.run_dir.resolve()) if played.run_dir else None,
        "decisions_file": _file_record(played.decisions_file),
        "decisions": [d.model_dump(mode="json", exclude_defaults=True, by_alias=True) for d in played.decisions],
        "players_decisions": len(effects.table),
        "adhoc_injects": len(effects.injects),
        "replications": n if comparison is not None else 1,
        "difference": "played - playbook-only; the playbook-only course keeps exercise control's ad-hoc injects",
        "attribution": "decision k: run with the first k players' decisions - run with the first k-1, same seed",
    }
    if comparison is not None:
        manifest["seed_rule"] = comparison.manifest["seed_rule"]
    played_results = Results.from_record(effects.played, lang=lang)
    if played.played_metrics is not None:
        manifest["reproduced"] = _same_figures(played.played_metrics, played_results.metrics)
    return PlayedComparison(
        effects, played_results, Results.from_record(effects.playbook_only, lang=lang), comparison, manifest
    )


def _same_figures(saved: dict, rerun: dict) -> bool:
    keys = ("unserved_population_hours", "events", "max_water_level_m", "grip_max", "assets_failed")
    return all(json.dumps(saved.get(k), sort_keys=True) == json.dumps(rerun.get(k), sort_keys=True) for k in keys)


def _file_record(path: Path | None) -> dict | None:
    if path is None:
        return None
    return {"path": str(Path(path).resolve()), "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}


def read_played_comparison(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The tables and manifest of a played comparison folder: (course, decision effects, manifest)."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return pd.read_parquet(folder / "course.parquet"), pd.read_parquet(folder / "decision_effects.parquet"), manifest


def played_from_file(scenario: Scenario, decisions_file: str | Path, seed: int | None = None) -> PlayedInput:
    """``SCENARIO --decisions FILE``: the file's decisions checked against ``scenario``
    (``LoadError`` with file, line and field); the seed is ``seed``, else the file's ``seed:``
    (the seed they were taken with), else the scenario's."""
    spec, doc = load_yaml_model(decisions_file, DecisionsFile)
    problems = check_decisions(spec.decisions, scenario, doc)
    if problems:
        raise LoadError(problems)
    if not any(d.by != EXERCISE_CONTROL for d in spec.decisions):
        raise PlayedInputError("played.no_decisions", path=decisions_file)
    chosen = seed if seed is not None else spec.seed if spec.seed is not None else scenario.seed
    return PlayedInput(scenario, int(chosen), spec.decisions, decisions_file=Path(decisions_file))
