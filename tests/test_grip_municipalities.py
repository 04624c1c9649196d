"""GRIP 3 or GRIP 4: the escalation ladder's conditions on the municipalities involved.

Two municipalities, each a substation feeding one neighbourhood (no buffer)::

    stroom-a (Aadorp) --power--> wijk-a (Aadorp, 6,000)
    stroom-b (TOWN_B) --power--> wijk-b (TOWN_B, PEOPLE_B)

Outage of stroom-a at 0 and of stroom-b at 60; a citizen reports each failure after 10 minutes,
so what the control room knows changes at 10 and at 70. Decisions are immediate (``decide`` 0),
the GBT assembles 1 h and the RBT 1 h after their level is reached. The conditions are those of
the shipped organisation file (scenarios/common/nl-crisisorganisatie.yaml), read from it:

- GRIP 3: population_affected >= 5000 (or a deadline at risk, or a cyber incident in 3 sectors);
- GRIP 4: population_affected >= 40000 or (municipalities >= 2 and population_affected >= 10000).
"""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, build, run

ORGANISATION_FILE = ROOT / "scenarios" / "common" / "nl-crisisorganisatie.yaml"


def shipped_ladder() -> dict:
    """The shipped GRIP ladder's conditions and chairs, with fixed times: decide 0, teams 1 h
    (CoPI and ROT 30 min) after their level."""
    ladder = yaml.safe_load(ORGANISATION_FILE.read_text(encoding="utf-8"))["escalation"]
    levels = []
    for level in ladder["levels"]:
        teams = [{**team, "assembly": "1h" if team["id"] in ("gbt", "rbt") else "30min"} for team in level["teams"]]
        levels.append({**level, "teams": teams})
    return {"name": "GRIP", "decide": "0min", "deescalate_after": "6h", "levels": levels}


def region(town_b: str, people_b: int) -> list[dict]:
    def town(suffix: str, municipality: str, people: int) -> list[dict]:
        return [
            {"id": f"stroom-{suffix}", "sector": "energy", "municipality": municipality},
            {
                "id": f"wijk-{suffix}",
                "sector": "population",
                "municipality": municipality,
                "population": people,
                "needs": [{"type": "power", "from": f"stroom-{suffix}"}],
            },
        ]

    return town("a", "Aadorp", 6000) + town("b", town_b, people_b)


def escalate(town_b: str, people_b: int):
    injects = [
        {"type": "outage", "target": "stroom-a"},
        {"type": "outage", "target": "stroom-b", "at": 60},
    ]
    response = {"reporting": {"delay": "10min"}, "escalation": shipped_ladder()}
    record = run(build(region(town_b, people_b), injects, response=response, duration="12h"))
    levels = [(e.time_min, e.level) for e in record.events if e.kind == "grip.escalated"]
    teams = [(e.time_min, e.ref) for e in record.events if e.kind == "team.assembled"]
    return record, levels, teams


def test_a_second_municipality_with_substantial_effects_is_grip_4():
    """At 10: 6,000 affected in Aadorp: GRIP 3 (GBT at 70). At 70: 12,000 in two municipalities:
    GRIP 4 (RBT at 130, chaired by the chair of the safety region)."""
    record, levels, teams = escalate("Beestad", 6000)
    assert levels == [(10.0, 3.0), (70.0, 4.0)]
    assert teams == [(40.0, "copi"), (40.0, "rot"), (70.0, "gbt"), (130.0, "rbt")]
    rbt = next(e for e in record.events if e.kind == "team.assembled" and e.ref == "rbt")
    assert rbt.params["chair"] == {
        "nl": "de voorzitter van de veiligheidsregio",
        "en": "the chair of the safety region",
    }
    gbt = next(e for e in record.events if e.kind == "team.assembled" and e.ref == "gbt")
    assert gbt.params["chair"] == {"nl": "de burgemeester", "en": "the mayor"}


def test_the_same_people_in_one_municipality_stay_grip_3():
    """12,000 affected at 70, but in Aadorp alone (below 40,000): GRIP 3 to the end."""
    _, levels, teams = escalate("Aadorp", 6000)
    assert levels == [(10.0, 3.0)]
    assert "rbt" not in [team for _, team in teams]


def test_a_second_municipality_with_few_people_affected_stays_grip_3():
    """Two municipalities at 70, but 6,000 + 1,000 = 7,000 affected (below 10,000): GRIP 3."""
    _, levels, _ = escalate("Beestad", 1000)
    assert levels == [(10.0, 3.0)]


@pytest.mark.parametrize("people_b, expected", [(3999, [(10.0, 3.0)]), (4000, [(10.0, 3.0), (70.0, 4.0)])])
def test_grip_4_starts_at_10000_people_exactly(people_b, expected):
    """6,000 + 3,999 = 9,999 is not enough; 6,000 + 4,000 = 10,000 is."""
    _, levels, _ = escalate("Beestad", people_b)
    assert levels == expected


def test_the_rbt_sentence_names_its_chair_in_both_languages():
    from simulator.analysis.eventtext import event_message

    record, _, _ = escalate("Beestad", 6000)
    rbt = next(e for e in record.events if e.kind == "team.assembled" and e.ref == "rbt")
    assert event_message(rbt.kind, "", rbt.params, None, "en", basins={}) == (
        "Regionaal Beleidsteam (RBT) assembled (chaired by the chair of the safety region)"
    )
    assert event_message(rbt.kind, "", rbt.params, None, "nl", basins={}) == (
        "Regionaal Beleidsteam (RBT) bijeen (voorzitter: de voorzitter van de veiligheidsregio)"
    )
