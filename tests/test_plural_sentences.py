"""Sentences with a count take the plural form of their number: ``1 gepaarde replicatie``,
``1 doel x 1 replicatie``, and an incident in the catalogue's words, never its raw id."""

from __future__ import annotations

import pytest

from simulator.cli.threats_region import paired_note
from simulator.messages import text_count


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (1, "nl", "verschil = variant - basis, gemiddelde van 1 gepaarde replicatie; beide armen gebruikten "
         "SeedSequence(15).spawn(1)[i] voor replicatie i (gemeenschappelijke toevalsgetallen)"),
        (2, "nl", "verschil = variant - basis, gemiddelde van 2 gepaarde replicaties; beide armen gebruikten "
         "SeedSequence(15).spawn(2)[i] voor replicatie i (gemeenschappelijke toevalsgetallen)"),
        (1, "en", "difference = variant - base, mean of 1 paired replication; both arms used "
         "SeedSequence(15).spawn(1)[i] for replication i (common random numbers)"),
        (2, "en", "difference = variant - base, mean of 2 paired replications; both arms used "
         "SeedSequence(15).spawn(2)[i] for replication i (common random numbers)"),
    ],
)  # fmt: skip
def test_the_comparison_caption(n, lang, expected):
    assert text_count("compare.caption", n, lang, count=n, seed=15) == expected


@pytest.mark.parametrize(
    ("targets", "n", "lang", "start"),
    [
        (1, 1, "nl", "1 doel x 1 replicatie van ransomware; replicatie i van elk doel"),
        (2, 2, "nl", "2 doelen x 2 replicaties van DDoS-aanval; replicatie i van elk doel"),
        (1, 2, "nl", "1 doel x 2 replicaties van cyberaanval (aanvaller heeft controle); "),
        (1, 1, "en", "1 target x 1 replication of ransomware; replication i of every target"),
        (2, 2, "en", "2 targets x 2 replications of DDoS attack; replication i of every target"),
    ],
)
def test_the_threat_sweeps_note(targets, n, lang, start):
    incident = {1: "cyber.ransomware", 2: "cyber.ddos"}[targets] if (targets, n) != (1, 2) else "cyber.compromise"
    note = paired_note(targets, n, incident, 7, lang)
    assert note.startswith(start), note
    assert note.endswith(f"SeedSequence(7).spawn({n})[i] (" + ("gepaard)" if lang == "nl" else "paired)"))
    assert "cyber." not in note


@pytest.mark.parametrize(
    ("key", "params", "one", "two"),
    [
        ("errors.more", {}, "... en nog 1 probleem", "... en nog 2 problemen"),
        ("msel.cli.written", {"path": "m.csv"}, "Injectlijst met 1 inject geschreven naar m.csv",
         "Injectlijst met 2 injects geschreven naar m.csv"),
        ("cli.converted", {"path": "g.yaml"}, "g.yaml geschreven (1 object)", "g.yaml geschreven (2 objecten)"),
        ("what.graph", {}, "graaf, 1 object", "graaf, 2 objecten"),
    ],
)  # fmt: skip
def test_counted_sentences_in_dutch(key, params, one, two):
    assert (text_count(key, 1, "nl", **params), text_count(key, 2, "nl", **params)) == (one, two)


def test_one_problem_more_than_the_limit_is_one_problem():
    from simulator.model.errors import LoadError, Problem

    problems = [Problem(None, None, (), "file.empty") for _ in range(3)]
    assert LoadError(problems).render("nl", limit=2).splitlines()[-1] == "... en nog 1 probleem"
    assert LoadError(problems).render("en", limit=1).splitlines()[-1] == "... and 2 more problems"
