"""The results of an ensemble (``rampsim ensemble``): one row per replication, the per-asset table,
every replication's failed assets and the summary of the metrics; written to and read from an
ensemble directory. Times in minutes after the scenario start."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from .results import Results, _write_json
from .rundir import atomic_directory

__all__ = ["EnsembleResults"]


class EnsembleResults(Results):
    """An ensemble: ``replications`` (one row each: seed and scalar metrics), ``assets`` (per asset:
    ``p_failed``, first-failure percentiles, mean downtime), ``failures`` (per replication and
    failed asset: ``first_failure_min``, ``downtime_min``; None for directories written before it
    was kept), ``summary()`` (per metric: n, mean, std, p5/p50/p95, 95 % CI of the mean)."""

    is_ensemble = True

    def __init__(
        self,
        replications: pd.DataFrame,
        assets: pd.DataFrame,
        summary: dict,
        manifest: dict,
        failures: pd.DataFrame | None = None,
        path: Path | None = None,
    ):
        self.replications = replications
        self.assets = assets
        self.failures = failures
        self.manifest = manifest
        self.path = path
        self._summary = summary

    @property
    def asset_summary(self) -> pd.DataFrame:
        """The per-asset table (``assets``), by its older name."""
        return self.assets

    def summary(self) -> dict:
        """Per metric: mean, std, p5/p50/p95, 95 % CI of the mean."""
        return self._summary

    def save(self, path: str | Path, overwrite: bool = False) -> Path:
        """Write replications.parquet, assets.parquet, failures.parquet, summary.json, manifest.json atomically."""
        path = Path(path)
        manifest = {**self.manifest, "written": datetime.now(UTC).isoformat(timespec="seconds")}
        with atomic_directory(path, overwrite) as tmp:
            self.replications.to_parquet(tmp / "replications.parquet", index=False)
            self.assets.to_parquet(tmp / "assets.parquet", index=False)
            if self.failures is not None:
                self.failures.to_parquet(tmp / "failures.parquet", index=False)
            _write_json(tmp / "summary.json", self._summary)
            _write_json(tmp / "manifest.json", manifest)
        self.path = path
        return path

    save_ensemble = save  # the name it had when runs and ensembles shared one class

    @classmethod
    def read(cls, path: str | Path) -> EnsembleResults:
        """Open an ensemble directory (``rampsim ensemble``)."""
        path = Path(path)
        failures = None
        if (path / "failures.parquet").exists():  # ensembles written before it was kept have none
            failures = pd.read_parquet(path / "failures.parquet")
        return cls(
            pd.read_parquet(path / "replications.parquet"),
            pd.read_parquet(path / "assets.parquet"),
            json.loads((path / "summary.json").read_text(encoding="utf-8")),
            json.loads((path / "manifest.json").read_text(encoding="utf-8")),
            failures,
            path,
        )

    def __repr__(self) -> str:
        return (
            f"<EnsembleResults {self.manifest.get('scenario', {}).get('name', '')!r}: {len(self.replications)} "
            f"replications>"
        )
