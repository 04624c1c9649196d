"""Decimal commas where a number is text ("0,5", "52,1"); an unquoted 0,5 inside {...} gets a clear error."""

from __future__ import annotations

import pytest
from test_bad_input import BASE, GRAPH, assert_refused, invoke, write_files

from simulator.model.incidents import Spread


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_fraction_with_a_decimal_comma_in_quotes():
    assert Spread.model_validate({"probability": "0,5", "delay": "1 uur"}).probability == 0.5
    assert Spread.model_validate({"probability": "0.25", "delay": "1h"}).probability == 0.25


def test_a_decimal_comma_is_still_checked_against_the_bounds():
    with pytest.raises(ValueError, match="probability"):
        Spread.model_validate({"probability": "1,5", "delay": "1h"})


def test_a_location_in_quotes_with_commas_is_accepted(workdir):
    graph = GRAPH.replace("    owner: waterschap\n", '    owner: waterschap\n    location: {lat: "52,1", lon: "4,3"}\n')
    write_files(workdir, {**BASE, "graph.yaml": graph})
    result = invoke(["validate", "scenario.yaml"])
    assert result.exit_code == 0, result.stderr[:2000]


def test_an_unquoted_decimal_comma_in_flow_syntax_is_explained(workdir):
    graph = GRAPH.replace("    owner: waterschap\n", "    owner: waterschap\n    location: {lat: 52,1, lon: 4.3}\n")
    write_files(workdir, {**BASE, "graph.yaml": graph})
    result = invoke(["validate", "scenario.yaml"])
    assert_refused(result)
    assert (
        "graph.yaml:11: assets[1].location.1: unknown field '1' (a decimal comma inside {...} splits a number: "
        'write it with a point, 0.5, or in quotes, "0,5")'
    ) in result.stderr.splitlines(), result.stderr[:2000]
