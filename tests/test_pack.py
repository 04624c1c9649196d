"""rampsim pack: a scenario with every file it references in one zip; run and validate read it;
unpacking never writes outside its folder."""

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from simulator.cli import cli
from simulator.messages import text
from simulator.model import LoadError, load_scenario
from simulator.model.bundle import MANIFEST, open_pack

SCENARIO = ROOT / "scenarios" / "stroomstoring-havenstad.yaml"


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    out = tmp_path_factory.mktemp("pack") / "case.zip"
    result = CliRunner().invoke(cli, ["--lang", "en", "pack", str(SCENARIO), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_pack_holds_every_referenced_file_with_its_hash(case):
    with zipfile.ZipFile(case) as archive:
        manifest = json.loads(archive.read(MANIFEST))
        names = sorted(n for n in archive.namelist() if n != MANIFEST)
    assert manifest["scenario"] == "scenarios/stroomstoring-havenstad.yaml"
    assert (
        names
        == [e["path"] for e in manifest["files"]]
        == [
            "infrastructure_graphs/havenstad.yaml",
            "scenarios/common/draaiboek-havenstad.yaml",
            "scenarios/common/nl-crisisorganisatie.yaml",
            "scenarios/stroomstoring-havenstad.yaml",
        ]
    )
    # the variants' files are in it too (ploeg-paraat and extra-ploeg only override fields here)
    assert all(len(e["sha256"]) == 64 for e in manifest["files"])


def test_packing_twice_gives_the_same_archive(case, tmp_path):
    again = tmp_path / "again.zip"
    assert CliRunner().invoke(cli, ["pack", str(SCENARIO), "--out", str(again)]).exit_code == 0
    assert again.read_bytes() == case.read_bytes()


def test_run_and_validate_read_the_pack_and_give_the_same_files(case, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--lang", "en", "validate", str(case)]).exit_code == 0
    packed, plain = tmp_path / "packed", tmp_path / "plain"
    assert runner.invoke(cli, ["run", str(case), "-q", "--seed", "3", "--out", str(packed)]).exit_code == 0
    assert runner.invoke(cli, ["run", str(SCENARIO), "-q", "--seed", "3", "--out", str(plain)]).exit_code == 0
    for name in ("events.csv", "states.csv", "metrics.json"):
        assert (packed / name).read_bytes() == (plain / name).read_bytes(), name
    assert load_scenario(case).name == load_scenario(SCENARIO).name


def _evil(tmp_path, name, data=b"x", manifest_names=None):
    path = tmp_path / "evil.zip"
    files = [{"path": n, "sha256": "0" * 64} for n in (manifest_names if manifest_names is not None else [name])]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, json.dumps({"format": 1, "scenario": name, "files": files}))
        archive.writestr(name, data)
    return path


@pytest.mark.parametrize(
    "name", ["../escape.yaml", "/tmp/escape.yaml", "a/../../escape.yaml", "C:/escape.yaml", "a\\..\\b"]
)
def test_unsafe_names_are_refused_before_anything_is_written(tmp_path, name):
    into = tmp_path / "unpacked"
    with pytest.raises(LoadError) as error:
        open_pack(_evil(tmp_path, name), into=into)
    assert error.value.problems[0].key == "pack.unsafe_name"
    assert not into.exists() and not (tmp_path / "escape.yaml").exists()


def test_a_changed_file_a_missing_manifest_and_an_extra_file_are_refused(case, tmp_path):
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(case) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith("havenstad.yaml"):
                data += b"\n# edited\n"
            target.writestr(info, data)
    with pytest.raises(LoadError) as error:
        open_pack(changed, into=tmp_path / "u")
    assert error.value.problems[0].key == "pack.hash_mismatch"
    bare = tmp_path / "bare.zip"
    with zipfile.ZipFile(bare, "w") as archive:
        archive.writestr("s.yaml", "name: x\n")
    with pytest.raises(LoadError) as error:
        open_pack(bare, into=tmp_path / "u")
    assert error.value.problems[0].key == "pack.no_manifest"
    with pytest.raises(LoadError) as error:
        open_pack(_evil(tmp_path, "s.yaml", manifest_names=[]), into=tmp_path / "u")
    assert error.value.problems[0].key in ("pack.unlisted", "pack.missing_file")


def test_a_bad_pack_on_the_command_line_is_exit_2_without_traceback(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "nl", "run", str(_evil(tmp_path, "../x.yaml"))])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert text("pack.unsafe_name", "nl", name="../x.yaml") in " ".join(result.output.split())
    not_zip = tmp_path / "not.zip"
    not_zip.write_text("hello", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(not_zip)])
    assert result.exit_code == 2 and "not a readable zip archive" in result.output


def _dutch_evil(tmp_path, name):
    """A pack of a Dutch scenario (``language: nl``) that also holds ``name``, outside its folder."""
    path = tmp_path / "nl.zip"
    files = [{"path": n, "sha256": "0" * 64} for n in ("s.yaml", name)]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, json.dumps({"format": 1, "scenario": "s.yaml", "files": files}))
        archive.writestr("s.yaml", "name: x\nlanguage: nl\n")
        archive.writestr(name, b"x")
    return path


@pytest.mark.parametrize("name", ["../x", "/tmp/x"])
@pytest.mark.parametrize("command", ["run", "validate"])
def test_a_dutch_pack_is_refused_in_dutch_and_with_lang_en_in_english(tmp_path, command, name):
    """No --lang: the refusal speaks the language of the scenario in the archive (read, not unpacked)."""
    evil = _dutch_evil(tmp_path, name)
    unpacked = Path(tempfile.gettempdir()) / "rampsim-packs" / hashlib.sha256(evil.read_bytes()).hexdigest()[:16]
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path) as cwd:
        dutch = runner.invoke(cli, [command, str(evil)], env={"RAMPSIM_LANG": "", "COLUMNS": "200"})
        english = runner.invoke(cli, [command, "--lang", "en", str(evil)], env={"RAMPSIM_LANG": "", "COLUMNS": "200"})
        assert list(Path(cwd).iterdir()) == []  # no run folder
    assert dutch.exit_code == 2 and english.exit_code == 2
    assert dutch.exception is None or isinstance(dutch.exception, SystemExit)
    assert "Traceback" not in dutch.output + english.output
    assert dutch.output.splitlines() == [
        f"{evil}: geweigerd: het archief bevat '{name}', een pad buiten de eigen map (absoluut, '..' of een schijf)"
    ]
    assert english.output.splitlines() == [
        f"{evil}: refused: the archive holds '{name}', a path outside its folder (absolute, '..' or a drive)"
    ]
    assert not unpacked.exists() and not (tmp_path / "x").exists()


def test_pack_says_how_many_files_it_wrote_with_the_plural(tmp_path):
    (tmp_path / "g.yaml").write_text("name: g\nassets:\n  - {id: a, sector: energy}\n", encoding="utf-8")
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        (
            "name: s\ngraph: g.yaml\nlanguage: nl\nstart: 2027-01-15T02:30:00+01:00\nduration: 1h\n"
            "injects:\n  - {type: outage, target: a, duration: 1h}\n"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "s.zip"
    result = CliRunner().invoke(
        cli, ["pack", str(scenario), "--out", str(out)], env={"RAMPSIM_LANG": "", "COLUMNS": "300"}
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        f"Pakket geschreven naar {out}: 2 bestanden met hun SHA-256 (rampsim run/validate lezen het zo)"
    )
    assert text("pack.written.one", "en", n="1", path="p") == (
        "Pack written to p: 1 file with its SHA-256 (rampsim run/validate read it as it is)"
    )
