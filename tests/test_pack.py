"""rampsim pack: a scenario with every file it references in one zip; run and validate read it;
unpacking never writes outside its folder."""

import json
import zipfile

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
