"""End to end: `rampsim run` on the bundled scenarios, `python -m simulator`, golden events."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from simulator.cli import cli

SCENARIOS = ["sluis-havenstad", "ransomware-gemeente", "stroomstoring-havenstad"]
GOLDEN = "stroomstoring-havenstad"


@pytest.mark.parametrize("name", SCENARIOS)
def test_run_bundled_scenario(root, tmp_path, name):
    out = tmp_path / "run"
    result = CliRunner().invoke(
        cli, ["--lang", "en", "run", str(root / "scenarios" / f"{name}.yaml"), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Timeline" in result.output and "Summary" in result.output
    files = {p.name for p in out.iterdir()} - {"dependencies.csv"}
    assert {
        "assets.csv",
        "events.csv",
        "jobs.csv",
        "knowledge.csv",
        "manifest.json",
        "metrics.json",
        "states.csv",
    } <= files
    assert files - {"levels.csv", "basins.csv", "zones.csv"} == {
        "assets.csv",
        "events.csv",
        "jobs.csv",
        "knowledge.csv",
        "manifest.json",
        "metrics.json",
        "states.csv",
    }
    assert ("levels.csv" in files) == (name.startswith("sluis"))
    assert {"basins.csv", "zones.csv"} <= files  # Havenstad has basins and zones, whether they fill or not
    metrics = json.loads((out / "metrics.json").read_text())
    for key in (
        "assets_failed",
        "peak_assets_failed",
        "first_failure_min",
        "downtime_min",
        "unserved_population_hours",
        "time_to_full_recovery_min",
        "events",
    ):
        assert key in metrics
    assert metrics["assets_failed"] > 0
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["command"][:2] == ["rampsim", "run"] or manifest["command"][0] == "rampsim"
    assert all(len(s["sha256"]) == 64 for s in manifest["sources"])
    assert len(manifest["sources"]) >= 3  # scenario, graph, organisations


def test_default_out_dir_and_refusal_to_overwrite(root, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    scenario = str(root / "scenarios" / "sluis-havenstad.yaml")
    runner = CliRunner()
    result = runner.invoke(cli, ["run", scenario, "--quiet"])
    assert result.exit_code == 0, result.output
    (run_dir,) = (tmp_path / "runs").iterdir()
    assert run_dir.name.startswith("sluis-havenstad-")
    again = runner.invoke(cli, ["run", scenario, "--out", str(run_dir)])
    assert again.exit_code == 2
    assert "--force" in again.output + (again.stderr if hasattr(again, "stderr") else "")


def test_seed_and_until_override(root, tmp_path):
    runner = CliRunner()
    scenario = str(root / "scenarios" / "stroomstoring-havenstad.yaml")
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        assert (
            runner.invoke(
                cli, ["run", scenario, "--seed", str(seed), "--until", "6h", "--out", str(tmp_path / name), "-q"]
            ).exit_code
            == 0
        )
    events = {n: (tmp_path / n / "events.csv").read_bytes() for n in "abc"}
    assert events["a"] == events["b"] != events["c"]
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert manifest["seed"] == 1 and manifest["until_min"] == 360.0


def test_python_dash_m(root):
    done = subprocess.run([sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True, cwd=root)
    assert done.returncode == 0 and "run" in done.stdout


def test_golden_events(root, tmp_path):
    """The reference power-cut scenario's events, fixed. Regenerate on purpose only:
    RAMPSIM_REGENERATE_GOLDEN=1 python -m pytest tests/test_cli_run.py -k golden"""
    out = tmp_path / "run"
    result = CliRunner().invoke(
        cli, ["--lang", "en", "run", str(root / "scenarios" / f"{GOLDEN}.yaml"), "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    golden = root / "tests" / "golden" / f"{GOLDEN}.events.csv"
    produced = (out / "events.csv").read_text(encoding="utf-8")
    if os.environ.get("RAMPSIM_REGENERATE_GOLDEN"):
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_the_knowledge_table_is_the_same_in_every_process(root, tmp_path):
    """Two processes with different hash seeds write the same knowledge.csv: who learns an event
    of a watched asset is recorded owner first, then the control room (it once came from a set)."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "RAMPSIM_LANG": ""}
        command = [
            sys.executable,
            "-m",
            "simulator",
            "run",
            str(root / "scenarios" / f"{GOLDEN}.yaml"),
            "--out",
            str(out),
            "-q",
        ]
        subprocess.run(command, check=True, env=env, capture_output=True, cwd=root)
        outputs.append((out / "knowledge.csv").read_bytes())
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "name",
    SCENARIOS + ["ddos-112-havenstad", "sluis-havenstad-stormvloed", "polder-gemaal-hack", "project-x-havenstad"],
)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_event_of_the_bundled_scenarios_has_a_sentence(root, name, lang):
    import simulator

    result = simulator.simulate(root / "scenarios" / f"{name}.yaml", lang=lang)
    untranslated = result.events[result.events["message"] == result.events["kind"]]
    assert untranslated.empty, untranslated[["kind", "data"]].drop_duplicates().to_string()


def test_storm_surge_variant_floods_the_harbour_quarters(root):
    import simulator

    metrics = simulator.simulate(root / "scenarios" / "sluis-havenstad-stormvloed.yaml").metrics
    calm = simulator.simulate(root / "scenarios" / "sluis-havenstad.yaml").metrics
    assert metrics["max_water_level_m"]["havenbekken"] > 1.0 > calm["max_water_level_m"]["havenbekken"]
    assert metrics["population_flooded"] > 0 and calm["population_flooded"] == 0


def test_polder_floods_only_when_the_pumping_station_is_hacked(root, tmp_path):
    import yaml

    import simulator

    hacked = simulator.simulate(root / "scenarios" / "polder-gemaal-hack.yaml").metrics
    document = yaml.safe_load((root / "scenarios" / "polder-gemaal-hack.yaml").read_text(encoding="utf-8"))
    document["injects"] = [i for i in document["injects"] if i["id"] != "pomp-stil"]
    document["graph"] = str(root / "infrastructure_graphs" / "havenstad.yaml")
    document["organisations"] = str(root / "scenarios" / "common" / "nl-crisisorganisatie.yaml")
    document["playbook"] = str(root / "scenarios" / "common" / "draaiboek-havenstad.yaml")
    document["start"] = str(document["start"])
    (tmp_path / "rain-only.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    rain_only = simulator.simulate(tmp_path / "rain-only.yaml").metrics
    assert hacked["flooded_zones"] and not rain_only["flooded_zones"]
    assert rain_only["max_water_level_m"]["oostpolder"] < hacked["max_water_level_m"]["oostpolder"]
