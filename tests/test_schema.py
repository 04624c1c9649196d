"""`rampsim schema` describes the files rampsim reads: the bundled files are valid against it."""

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from simulator.cli import cli
from simulator.model.loading import file_kind

BUNDLED = sorted(ROOT.glob("scenarios/**/*.yaml")) + sorted(ROOT.glob("infrastructure_graphs/**/*.yaml"))


def schema_for(kind: str) -> dict:
    result = CliRunner().invoke(cli, ["schema", kind])
    assert result.exit_code == 0
    return json.loads(result.output)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_bundled_files_are_valid_against_the_schema(path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML reads the scenario start as a datetime; in the file (and for an editor) it is text
    if "start" in document:
        document["start"] = str(document["start"])
    jsonschema.validate(document, schema_for(file_kind(path)))


@pytest.mark.parametrize(
    "document",
    [
        {"assets": [{"id": "a", "sector": "energy", "tolerence": 1}]},
        {"assets": [{"id": "A B", "sector": "energy"}]},
        {"assets": [{"id": "a", "sector": "space"}]},
        {"assets": [{"id": "a", "sector": "energy", "needs": [{"type": "power"}]}]},
    ],
)
def test_the_schema_refuses_what_the_loader_refuses(document):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema_for("graph"))
