"""Monte Carlo ensembles: N replications of a scenario, on local processes or a Dask cluster.

Replication i uses ``numpy.random.SeedSequence(seed).spawn(n)[i]``, so its result does not depend
on the number of workers. An ensemble may carry the players' decisions of a played exercise
(``decisions``): every replication applies them, so a played course and its playbook-only twin
can be run with the same seeds (``rampsim compare RUN_DIR -n N``).
Replications run in chunks; each finished chunk is written at once
(``chunks/``), so an interrupted ensemble loses at most the chunks in flight and ``resume``
continues from what is on disk; the final files are the same as those of an uninterrupted run.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

import numpy as np
import pandas as pd

from ..engine.simulation import Simulation
from ..model.decisions import Decision
from ..model.gcpause import gc_paused
from ..model.scenario import Scenario
from ..model.scenario_loading import load_scenario
from .dask_backend import DaskMissing, run_on_dask
from .exercise import decision_line
from .intervals import interval_available, mean_ci
from .results import Results
from .rundir import OutputExistsError
from .runpath import record_metrics

__all__ = [
    "run_ensemble",
    "SCALAR_METRICS",
    "subject_columns",
    "summarise",
    "replication_seeds",
    "played_settings",
    "DaskMissing",
]

# metrics with one number per replication (the others are per asset, per team, ...)
SCALAR_METRICS = (
    "assets_failed",
    "peak_assets_failed",
    "unserved_population_hours",
    "time_to_full_recovery_min",
    "events",
    "time_to_detection_min",
    "first_known_after_start_min",
    "grip_max",
    "time_to_containment_min",
    "population_flooded",
    "evidence_secured",
    "evidence_lost",
    "evidence_wait_min",
)


def replication_seeds(seed: int, n: int) -> list[np.random.SeedSequence]:
    return np.random.SeedSequence(seed).spawn(n)


def run_replication(
    scenario: Scenario,
    index: int,
    seed: np.random.SeedSequence,
    decisions: Sequence[Decision] = (),
    until_min: float | None = None,
) -> tuple[dict, list[tuple]]:
    """One replication: its scalar metrics and ``subject_columns`` (peak levels, deadlines), and
    (asset, first failure, downtime in minutes) per failed asset. ``decisions``: the players'
    decisions applied at their minutes; ``until_min``: minutes to simulate (default the scenario's
    duration)."""
    with gc_paused():
        metrics = record_metrics(Simulation(scenario, seed=seed, until_min=until_min, decisions=decisions).run())
    row = {"replication": index, "seed_entropy": str(seed.entropy), "spawn_key": int(seed.spawn_key[-1])}
    row.update({name: metrics.get(name) for name in SCALAR_METRICS})
    row.update(subject_columns(metrics))
    assets = [
        (index, asset, first, metrics["downtime_min"].get(asset, 0.0))
        for asset, first in metrics["first_failure_min"].items()
    ]
    return row, assets


# per-subject columns of a replication row: ``PREFIX + id`` (a basin, a deadline ``deadline/org``)
PEAK_LEVEL_PREFIX = "peak_level_m:"
DEADLINE_MET_PREFIX = "deadline_met:"
DEADLINE_DONE_PREFIX = "deadline_done_min:"


def subject_columns(metrics: dict) -> dict[str, float]:
    """A run's peak water level per basin (m NAP) and, per legal deadline whose clock ran, 1.0 when
    it was met, 0.0 when it was missed (none while still open at the end), and the minute after the
    start when its notification was done (met or late; none when not done)."""
    out: dict[str, float] = {}
    for basin, level in metrics.get("max_water_level_m", {}).items():
        out[PEAK_LEVEL_PREFIX + basin] = float(level)
    for key, clock in metrics.get("deadlines", {}).items():
        if clock["met"] is not None:
            out[DEADLINE_MET_PREFIX + key] = 1.0 if clock["met"] else 0.0
        if clock["done_min"] is not None:
            out[DEADLINE_DONE_PREFIX + key] = float(clock["done_min"])
    return out


_WORKER_SCENARIO: dict = {}


def _run_chunk(
    scenario: Scenario | str,
    seed: int,
    n: int,
    indices: list[int],
    decisions: tuple[Decision, ...] = (),
    until_min: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(scenario, str):  # a path: load once per worker process
        if scenario not in _WORKER_SCENARIO:
            _WORKER_SCENARIO[scenario] = load_scenario(scenario)
        scenario = _WORKER_SCENARIO[scenario]
    seeds = replication_seeds(seed, n)
    rows, assets = [], []
    for i in indices:
        row, asset_rows = run_replication(scenario, i, seeds[i], decisions, until_min)
        rows.append(row)
        assets.extend(asset_rows)
    return (
        pd.DataFrame(rows),
        pd.DataFrame(assets, columns=["replication", "asset", "first_failure_min", "downtime_min"]),
    )


def summarise(replications: pd.DataFrame) -> dict:
    """Per scalar metric: replications with a value, mean, standard deviation, percentiles 5/50/95
    and a 95 % confidence interval of the mean (Student's t, as ``rampsim compare`` uses)."""
    out = {}
    for name in SCALAR_METRICS:
        if name not in replications:
            continue
        values = pd.to_numeric(replications[name], errors="coerce").dropna().to_numpy(dtype=float)
        if len(values) == 0:
            out[name] = {"n": 0}
            continue
        count, mean, low, high = mean_ci(values)
        one = count == 1  # one value says nothing about the spread: no std, no interval (null)
        out[name] = {
            "n": count,
            "mean": mean,
            "std": None if one else float(values.std(ddof=1)),
            "p5": float(np.percentile(values, 5)),
            "p50": float(np.percentile(values, 50)),
            "p95": float(np.percentile(values, 95)),
            "ci95_mean": [low, high] if interval_available(count) else None,  # None: too few replications
        }
    return out


def asset_table(assets: pd.DataFrame, n: int) -> pd.DataFrame:
    """Per asset: probability of failing, first failure (p5/p50/p95 of those that failed), mean downtime."""
    if assets.empty:
        return pd.DataFrame(
            columns=[
                "asset",
                "p_failed",
                "first_failure_p5",
                "first_failure_p50",
                "first_failure_p95",
                "mean_downtime_min",
            ]
        )
    grouped = assets.groupby("asset")
    table = pd.DataFrame(
        {
            "p_failed": grouped["replication"].nunique() / n,
            "first_failure_p5": grouped["first_failure_min"].quantile(0.05),
            "first_failure_p50": grouped["first_failure_min"].quantile(0.5),
            "first_failure_p95": grouped["first_failure_min"].quantile(0.95),
            "mean_downtime_min": grouped["downtime_min"].sum() / n,
        }
    )
    return (
        table.reset_index()
        .sort_values(["p_failed", "asset"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )


def run_ensemble(  # noqa: C901, PLR0912, PLR0913, PLR0915 -- debt: split when next changed
    scenario: Scenario | str | Path,
    n: int,
    seed: int | None = None,
    workers: int | None = None,
    out: str | Path | None = None,
    resume: bool = False,
    chunk_size: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    dask=None,  # "local", an address or a dask Client
    decisions: Sequence[Decision] = (),
    decisions_file: str | Path | None = None,
    until_min: float | None = None,
):
    """Run ``n`` replications; write the ensemble directory when ``out`` is given; return its Results.

    ``dask``: ``"local"`` starts a dask.distributed LocalCluster of ``workers`` processes on this
    machine; ``"tcp://HOST:8786"`` submits to an existing cluster (whose workers have rampsim
    installed; they need not see the scenario's files); a dask ``Client`` is used as it is. The
    scenario is shipped to each worker once (``dask_backend``). Needs the ``distributed`` extra.

    ``decisions``: the players' decisions of a played exercise, applied in every replication (they
    are sent to the workers with each chunk: plain data, picklable); the manifest lists them, with
    ``decisions_file`` (its path and SHA-256) when they came from a file. ``until_min``: minutes
    to simulate in every replication (default the scenario's duration).
    """
    decisions = tuple(decisions)
    path = None
    if not isinstance(scenario, Scenario):
        path = str(Path(scenario).resolve())
        scenario = load_scenario(path)
    seed = scenario.seed if seed is None else int(seed)
    workers = workers or os.cpu_count() or 1
    # the chunking depends on n only, so that an ensemble resumed with other workers fits its chunks
    size = chunk_size or max(1, min(50, math.ceil(n / 20)))
    chunks = [list(range(start, min(start + size, n))) for start in range(0, n, size)]
    out = Path(out) if out is not None else None
    chunk_dir = out.with_name(f".{out.name}.chunks") if out is not None else None
    if out is not None and out.exists() and not resume:
        raise OutputExistsError(str(out))
    if out is not None and resume and (out / "manifest.json").exists() and not chunk_dir.exists():
        return _finished(out, seed, n, scenario, decisions)
    if chunk_dir is not None:
        if not resume and chunk_dir.exists():
            shutil.rmtree(chunk_dir)
        chunk_dir.mkdir(parents=True, exist_ok=True)
        settings = {"seed": seed, "n": n, "chunk_size": size, "sources": [s.sha256 for s in scenario.sources]}
        if decisions or until_min is not None:  # absent otherwise: older interrupted ensembles still resume
            settings["decisions"] = [decision_line(d) for d in decisions]
            settings["until_min"] = until_min
        meta = chunk_dir / "settings.json"
        if meta.exists() and json.loads(meta.read_text(encoding="utf-8")) != settings:
            raise ValueError(
                f"the interrupted ensemble beside {out} was run with other settings; start it anew without --resume"
            )
        meta.write_text(json.dumps(settings), encoding="utf-8")
    done: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = {}
    if chunk_dir is not None and resume:
        for number in range(len(chunks)):
            reps, assets = chunk_dir / f"{number:06d}-replications.parquet", chunk_dir / f"{number:06d}-assets.parquet"
            if reps.exists() and assets.exists():
                done[number] = (pd.read_parquet(reps), pd.read_parquet(assets))
    finished = sum(len(chunks[c]) for c in done)
    if progress:
        progress(finished, n)

    def keep(number: int, frames) -> None:
        nonlocal finished
        done[number] = frames
        if chunk_dir is not None:
            for kind, frame in zip(("replications", "assets"), frames):
                target = chunk_dir / f"{number:06d}-{kind}.parquet"
                frame.to_parquet(target.with_suffix(".tmp"), index=False)
                os.replace(target.with_suffix(".tmp"), target)
        finished += len(chunks[number])
        if progress:
            progress(finished, n)

    todo = [c for c in range(len(chunks)) if c not in done]
    if dask is not None:
        jobs = ((c, (seed, n, chunks[c], decisions, until_min)) for c in todo)
        for number, frames in run_on_dask(dask, workers, scenario, _run_chunk, jobs):
            keep(number, frames)
    elif workers == 1 or len(todo) <= 1:
        for number in todo:
            keep(number, _run_chunk(scenario, seed, n, chunks[number], decisions, until_min))
    else:
        target = path if path is not None else scenario
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(_run_chunk, target, seed, n, chunks[c], decisions, until_min): c for c in todo}
            for future in as_completed(futures):
                keep(futures[future], future.result())
    replications = (
        pd.concat([done[c][0] for c in sorted(done)], ignore_index=True)
        .sort_values("replication", kind="stable")
        .reset_index(drop=True)
    )
    assets = (
        pd.concat([done[c][1] for c in sorted(done)], ignore_index=True)
        .sort_values(["replication", "asset"], kind="stable")
        .reset_index(drop=True)
    )
    summary = summarise(replications)
    manifest = {
        "kind": "ensemble",
        "scenario": {
            "name": scenario.name,
            "path": path,
            "resolved": scenario.spec.model_dump(mode="json", by_alias=True),
        },
        "seed": seed,
        "replications": n,
        "seed_rule": "numpy.random.SeedSequence(seed).spawn(replications)[i]",
        "sources": [{"path": str(s.path), "sha256": s.sha256} for s in scenario.sources],
        **played_settings(decisions, decisions_file, until_min),
    }
    result = Results.for_ensemble(replications, asset_table(assets, n), summary, manifest, failures=assets)
    if out is not None:
        result.save_ensemble(out, overwrite=resume)
        shutil.rmtree(chunk_dir, ignore_errors=True)
    return result


def played_settings(
    decisions: Sequence[Decision], decisions_file: str | Path | None = None, until_min: float | None = None
) -> dict:
    """The manifest entries of a run with the players' decisions: ``decisions`` (each as written in
    a decisions file), ``decisions_file`` (path and SHA-256) and ``until_min``; none without them."""
    out: dict = {}
    if decisions:
        out["decisions"] = [d.model_dump(mode="json", exclude_defaults=True, by_alias=True) for d in decisions]
    if decisions_file is not None:
        digest = hashlib.sha256(Path(decisions_file).read_bytes()).hexdigest()
        out["decisions_file"] = {"path": str(Path(decisions_file).resolve()), "sha256": digest}
    if until_min is not None:
        out["until_min"] = float(until_min)
    return out


def _finished(out: Path, seed: int, n: int, scenario: Scenario, decisions: tuple[Decision, ...] = ()) -> Results:
    """``--resume`` on an ensemble that already finished: nothing to do when it was run with the
    same seed, N, source files and decisions; anything else would replace finished work, so it is
    refused."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    same = (
        manifest.get("seed") == seed
        and manifest.get("replications") == n
        and [s.get("sha256") for s in manifest.get("sources", [])] == [s.sha256 for s in scenario.sources]
        and manifest.get("decisions", []) == played_settings(decisions).get("decisions", [])
    )
    if not same:
        raise ValueError(
            f"{out} holds a finished ensemble with other settings (seed, -n or scenario files); choose another --out"
        )
    return Results.load(out)
