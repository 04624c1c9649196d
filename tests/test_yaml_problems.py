"""A YAML reader's complaint reaches the author in their language, whichever reader (libyaml or
PyYAML's own) found it, and a complaint the table does not know keeps the reader's words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from simulator.model import yamlfile
from simulator.model.errors import LoadError, render
from simulator.model.yaml_problems import yaml_problem

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

CASES = [
    ("a: b: c\n", "yaml.p.mapping_here"),
    ("a: [1\n b: 2\n", "yaml.p.open_list"),
    ("a: {1\n", "yaml.p.open_map"),
    ("a:\n  - 1\n  b: 2\n", "yaml.p.list_indent"),
    ("a:\n  b: 1\n c: 2\n", "yaml.p.map_indent"),
    ("a: *nope\n", "yaml.p.alias"),
    ("a: &x 1\nb: &x 2\n", "yaml.p.anchor"),
    ("a: 'x\n", "yaml.p.open_quote"),
    ('a: "\\q"\n', "yaml.p.escape"),
    ("a: 1\n---\nb: 2\n", "yaml.p.documents"),
    ("a: |0\n x\n", "yaml.p.block_indent"),
    ("a:\n\t- 1\n", "yaml.p.tab"),
]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("content, key", CASES, ids=[key for _, key in CASES])
def test_both_readers_complaints_map_to_the_same_message(content, key, loader, monkeypatch):
    monkeypatch.setattr(yamlfile, "_Loader", loader)
    with pytest.raises(LoadError) as refused:
        yamlfile.parse_yaml_text(content, Path("x.yaml"))
    (problem,) = refused.value.problems
    assert problem.key == "yaml.syntax"
    assert problem.params["problem"][0].removesuffix("_named") == key
    assert "yaml.p.other" not in problem.params["problem"][0]


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
def test_a_character_that_cannot_start_a_value_is_named_by_both_readers(loader, monkeypatch):
    monkeypatch.setattr(yamlfile, "_Loader", loader)
    with pytest.raises(LoadError) as refused:
        yamlfile.parse_yaml_text("name: x\nlabel: @home\n", Path("x.yaml"))
    assert refused.value.problems[0].render("nl") == (
        "x.yaml:2: YAML-syntaxfout: met het teken '@' kan hier geen waarde beginnen (zet de tekst tussen "
        "aanhalingstekens)"
    )


def test_a_character_named_by_the_reader_is_shown():
    assert yaml_problem("while scanning for the next token", "found character '@' that cannot start any token") == (
        "yaml.p.bad_char_named",
        {"char": "'@'"},
    )
    assert render("yaml.syntax", {"problem": ("yaml.p.bad_char_named", {"char": "'@'"})}, "nl") == (
        "YAML-syntaxfout: met het teken '@' kan hier geen waarde beginnen (zet de tekst tussen aanhalingstekens)"
    )


def test_an_unknown_complaint_keeps_the_readers_words_and_says_whose_they_are():
    key, params = yaml_problem(None, "something new")
    assert (key, params) == ("yaml.p.other", {"problem": "something new"})
    assert render("yaml.syntax", {"problem": (key, params)}, "nl") == (
        "YAML-syntaxfout: something new (melding van de YAML-lezer)"
    )
    assert render("yaml.syntax", {"problem": (key, params)}, "en") == "YAML syntax error: something new"


def test_every_message_has_both_languages():
    from simulator.messages import yaml_errors

    for key, entry in yaml_errors.ENTRIES.items():
        assert set(entry) == {"en", "nl"}, key
