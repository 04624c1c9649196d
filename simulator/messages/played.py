"""A played exercise against its playbook-only twin (``rampsim compare RUN_DIR``, the debrief's
section on what the decisions bought or cost). English and Dutch; see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- bad input ---------------------------------------------------------------------------------
    "played.no_scenario": {
        "en": (
            "{path}: scenario.path: the run names no scenario file to rerun; use rampsim compare SCENARIO "
            "--decisions FILE"
        ),
        "nl": (
            "{path}: scenario.path: de run noemt geen scenariobestand om opnieuw te draaien; gebruik rampsim "
            "compare SCENARIO --decisions BESTAND"
        ),
    },
    "played.scenario_missing": {
        "en": "{path}: scenario.path: file not found: {scenario}",
        "nl": "{path}: scenario.path: bestand niet gevonden: {scenario}",
    },
    "played.scenario_changed": {
        "en": "{path}: sources: {file} is gone or changed since the run: the played course cannot be rerun with it",
        "nl": (
            "{path}: sources: {file} is weg of gewijzigd sinds de run: het gespeelde verloop is er niet mee "
            "opnieuw te draaien"
        ),
    },
    "played.no_decisions": {
        "en": "{path}: no decisions of the players: nothing to set beside the playbook-only course",
        "nl": "{path}: geen besluiten van spelers: niets om naast het verloop met alleen het draaiboek te zetten",
    },
    "played.bad_decision": {"en": "not a decision: {error}", "nl": "geen besluit: {error}"},
    "played.usage": {
        "en": "--decisions goes with SCENARIO alone, not with VARIANT_FILE or --variant",
        "nl": "--decisions hoort bij SCENARIO alleen, niet bij VARIANT_BESTAND of --variant",
    },
    "played.not_a_run": {
        "en": (
            "{path} is a folder but not a run directory (a live session becomes one when the exercise ends; before "
            "that: rampsim compare SCENARIO --decisions {path}/decisions.yaml)"
        ),
        "nl": (
            "{path} is een map maar geen run-map (een live sessie wordt er een als de oefening eindigt; daarvoor: "
            "rampsim compare SCENARIO --decisions {path}/decisions.yaml)"
        ),
    },
    "played.seed_fixed": {
        "en": (
            "--seed: {path} was played with seed {seed}, and the comparison uses it; --seed goes with SCENARIO "
            "--decisions FILE"
        ),
        "nl": (
            "--seed: {path} is gespeeld met zaad {seed}, en de vergelijking gebruikt dat; --seed hoort bij "
            "SCENARIO --decisions BESTAND"
        ),
    },
    "played.variant_n": {
        "en": "-n: comparing two variants needs at least 2 replications",
        "nl": "-n: twee varianten vergelijken vraagt minstens 2 replicaties",
    },
    "played.not_reproduced": {
        "en": (
            "Note: rerun with today's rampsim, the played course does not give the run directory's own metrics "
            "(another version?): the figures below are the rerun's"
        ),
        "nl": (
            "Let op: opnieuw gedraaid met de huidige rampsim geeft het gespeelde verloop niet de eigen maten van "
            "de run-map (een andere versie?): de cijfers hieronder zijn van de herhaling"
        ),
    },
    # --- the headline and the decisions, in the terminal and the report ---------------------------
    "played.title": {
        "en": "What the decisions bought or cost: {name}",
        "nl": "Wat de besluiten opleverden of kostten: {name}",
    },
    "played.caption": {
        "en": (
            "one course, seed {seed}: played - playbook-only, exact (no interval); the playbook-only course keeps "
            "exercise control's ad-hoc injects"
        ),
        "nl": (
            "één verloop, zaad {seed}: gespeeld - alleen draaiboek, exact (geen interval); het verloop met alleen "
            "het draaiboek houdt de ad-hoc injects van de oefenleiding"
        ),
    },
    "played.ensemble_caption": {
        "en": (
            "{n} other courses of the same scenario, paired: difference = played - playbook-only; replication i of "
            "both used SeedSequence({seed}).spawn({n})[i]"
        ),
        "nl": (
            "{n} andere verlopen van hetzelfde scenario, gepaard: verschil = gespeeld - alleen draaiboek; "
            "replicatie i van beide gebruikte SeedSequence({seed}).spawn({n})[i]"
        ),
    },
    "played.ensemble_title": {
        "en": "The same decisions in {n} other courses",
        "nl": "Dezelfde besluiten in {n} andere verlopen",
    },
    "played.col.playbook_only": {"en": "playbook only", "nl": "alleen draaiboek"},
    "played.col.played": {"en": "played", "nl": "gespeeld"},
    "played.col.decision": {"en": "decision", "nl": "besluit"},
    "played.col.who": {"en": "who", "nl": "wie"},
    "played.col.action": {"en": "what was decided", "nl": "wat besloten werd"},
    "played.col.when": {"en": "when", "nl": "wanneer"},
    "played.col.changed": {"en": "what it changed", "nl": "wat het veranderde"},
    "played.figure.deadlines_met": {"en": "legal deadlines met", "nl": "wettelijke termijnen gehaald"},
    "played.figure.deadlines_missed": {
        "en": "legal deadlines missed or late",
        "nl": "wettelijke termijnen gemist of te laat",
    },
    "played.figure.level": {
        "en": "highest water level, {basin} (m NAP)",
        "nl": "hoogste waterstand, {basin} (m NAP)",
    },
    "played.change.unserved_population_hours": {"en": "{value} population-hours", "nl": "{value} inwoner-uren"},
    "played.change.deadlines_met": {"en": "deadlines met {value}", "nl": "termijnen gehaald {value}"},
    "played.change.deadlines_missed": {"en": "deadlines missed {value}", "nl": "termijnen gemist {value}"},
    "played.change.grip_max": {"en": "highest GRIP {value}", "nl": "hoogste GRIP {value}"},
    "played.change.time_to_full_recovery_min": {
        "en": "full recovery {value}",
        "nl": "volledig herstel {value}",
    },
    "played.change.recovery_lost": {
        "en": "no longer everything back by the end",
        "nl": "niet meer alles hersteld voor het einde",
    },
    "played.change.recovery_gained": {
        "en": "everything back by the end",
        "nl": "alles hersteld voor het einde",
    },
    "played.change.population_flooded": {"en": "{value} people flooded", "nl": "{value} mensen in ondergelopen gebied"},
    "played.change.level": {"en": "{basin} {value} m", "nl": "{basin} {value} m"},
    "played.change.none": {"en": "no change in these figures", "nl": "geen verandering in deze cijfers"},
    "played.change.refused": {
        "en": "refused ({reason}): changed nothing",
        "nl": "geweigerd ({reason}): veranderde niets",
    },
    "played.written": {
        "en": "Played course against playbook-only written to {path} (rampsim report {path} for the debrief page)",
        "nl": (
            "Gespeeld verloop tegenover alleen draaiboek geschreven naar {path} (rampsim report {path} voor de "
            "nabespreking)"
        ),
    },
    # --- the debrief section ---------------------------------------------------------------------
    "report.section.decisions": {
        "en": "What the decisions bought or cost",
        "nl": "Wat de besluiten opleverden of kostten",
    },
    "report.decisions.intro": {
        "en": (
            "The played course (seed {seed}) beside the same course with the playbook only: the same scenario and "
            "random numbers, without the players' {count} decisions ({adhoc} ad-hoc injects of exercise control "
            "stay in both). One course, so the differences are exact, not estimates."
        ),
        "nl": (
            "Het gespeelde verloop (zaad {seed}) naast hetzelfde verloop met alleen het draaiboek: hetzelfde "
            "scenario en dezelfde toevalsgetallen, zonder de {count} besluiten van de spelers ({adhoc} ad-hoc "
            "injects van de oefenleiding blijven in beide). Eén verloop, dus de verschillen zijn exact, geen "
            "schattingen."
        ),
    },
    "report.decisions.by_decision": {"en": "Decision by decision", "nl": "Besluit voor besluit"},
    "report.decisions.rule": {
        "en": (
            "Decision k is credited with the course with the first k decisions minus the course with the first k − "
            "1, at the same seed; the changes add up to played − playbook only. A refused decision changes nothing."
        ),
        "nl": (
            "Besluit k krijgt het verloop met de eerste k besluiten min dat met de eerste k − 1 toegerekend, met "
            "hetzelfde zaad; de veranderingen tellen op tot gespeeld − alleen draaiboek. Een geweigerd besluit "
            "verandert niets."
        ),
    },
    "report.decisions.ensemble": {
        "en": (
            "In {n} other courses of the same scenario (paired replications), the decisions changed the unserved "
            "population-hours by {difference} on average (95 % CI {low} to {high})."
        ),
        "nl": (
            "In {n} andere verlopen van hetzelfde scenario (gepaarde replicaties) veranderden de besluiten de "
            "onbediende inwoner-uren gemiddeld met {difference} (95%-BI {low} tot {high})."
        ),
    },
    "report.decisions.not_compared": {
        "en": (
            "The players took {count} decisions (below). What they bought or cost: rampsim compare on this run "
            "directory sets the played course beside the playbook-only course, and its folder's report shows it "
            "here."
        ),
        "nl": (
            "De spelers namen {count} besluiten (hieronder). Wat ze opleverden of kostten: rampsim compare op deze "
            "run-map zet het gespeelde verloop naast dat met alleen het draaiboek, en het rapport van die map laat "
            "het hier zien."
        ),
    },
    "report.decisions.taken": {"en": "taken", "nl": "genomen"},
}
