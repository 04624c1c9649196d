"""Sentences for the decisions of a live exercise (``simulator/engine/decisions.py``).
English and Dutch; see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "event.decision.taken": {
        "en": "Decision by {by}: {action}{detail}{on}{why}",
        "nl": "Besluit van {by}: {action}{detail}{on}{why}",
    },
    "event.decision.refused": {
        "en": "Decision by {by} not carried out: {action}{detail}{on} ({reason})",
        "nl": "Besluit van {by} niet uitgevoerd: {action}{detail}{on} ({reason})",
    },
    "word.rationale": {"en": " — “{rationale}”", "nl": " — “{rationale}”"},
    "decision.reason.team_not_assembled": {"en": "the team is not assembled", "nl": "het team is niet bijeen"},
    "decision.reason.not_permitted": {"en": "not this party's to decide", "nl": "niet aan deze partij om te besluiten"},
    "decision.reason.target_unknown": {
        "en": "nothing is known about the target yet",
        "nl": "over het doel is nog niets bekend",
    },
    "decision.reason.needs_team": {
        "en": "the municipal policy team is not assembled",
        "nl": "het gemeentelijk beleidsteam is niet bijeen",
    },
    "decision.reason.crew_busy": {"en": "the crew is busy", "nl": "de ploeg is bezig"},
    "decision.reason.nothing_to_do": {"en": "there is nothing to do", "nl": "er is niets te doen"},
    "event.crew.extra_called": {
        "en": "{extra} extra for crew {crew} called in: at work in {until}",
        "nl": "{extra} extra voor ploeg {crew} opgeroepen: aan het werk over {until}",
    },
    "event.crew.extra_arrived": {
        "en": "{extra} extra for crew {crew} at work",
        "nl": "{extra} extra voor ploeg {crew} aan het werk",
    },
    "word.exercise_control": {"en": "exercise control", "nl": "de oefenleiding"},
    "actiontype.grip": {"en": "GRIP level", "nl": "GRIP-niveau"},
    "actiontype.call_crew": {"en": "Call in an extra crew", "nl": "Extra ploeg oproepen"},
    "actiontype.inject": {"en": "Ad-hoc inject", "nl": "Ad-hoc inject"},
}
