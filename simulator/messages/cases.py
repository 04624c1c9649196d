"""The library of real cases (``sources:``, ``outcomes:``, ``limits:``; ``rampsim cases``): what it
shows a person, in English and Dutch. See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- the schema of outcome bands -------------------------------------------------------------------
    "value.case_metric": {
        "en": (
            "unknown metric '{value}'{hint}; a band names one of: downtime_min, first_failure_min (with asset), "
            "assets_failed, peak_assets_failed, unserved_population_hours, time_to_full_recovery_min, events, "
            "time_to_detection_min, first_known_after_start_min, grip_max, time_to_containment_min, population_flooded"
        ),
        "nl": (
            "onbekende maatstaf '{value}'{hint}; een bandbreedte noemt een van: downtime_min, first_failure_min "
            "(met asset), assets_failed, peak_assets_failed, unserved_population_hours, time_to_full_recovery_min, "
            "events, time_to_detection_min, first_known_after_start_min, grip_max, time_to_containment_min, "
            "population_flooded"
        ),
    },
    "value.case_asset_needed": {
        "en": "{metric} is measured per asset: give the asset as well (asset: ID)",
        "nl": "{metric} wordt per object gemeten: geef ook het object (asset: ID)",
    },
    "value.case_asset_not_allowed": {
        "en": "{metric} is one number per run, not per asset: leave out asset",
        "nl": "{metric} is één getal per run, niet per object: laat asset weg",
    },
    "value.case_unit": {
        "en": "unit '{value}' does not fit {metric}; choose from: {choices}",
        "nl": "eenheid '{value}' past niet bij {metric}; kies uit: {choices}",
    },
    "value.case_band": {
        "en": "high ({high}) is below low ({low})",
        "nl": "high ({high}) ligt onder low ({low})",
    },
    "ref.case_without_outcomes": {
        "en": "a case needs sources: and outcomes: (the reported outcomes as bands)",
        "nl": "een casus heeft sources: en outcomes: nodig (de gerapporteerde uitkomsten als bandbreedtes)",
    },
    # --- rampsim cases -----------------------------------------------------------------------------------
    "cases.not_a_folder": {
        "en": "{path} is not a folder of cases",
        "nl": "{path} is geen map met casussen",
    },
    "cases.none": {
        "en": "no cases in {path} (scenario files with sources: and outcomes:)",
        "nl": "geen casussen in {path} (scenariobestanden met sources: en outcomes:)",
    },
    "cases.title": {
        "en": "Real cases in {path}",
        "nl": "Casuïstiek in {path}",
    },
    "cases.check_title": {
        "en": "Real cases against rampsim: {runs} per case, master seed {seed}",
        "nl": "Casuïstiek tegen rampsim: {runs} per casus, hoofdseed {seed}",
    },
    "cases.check_title_own_seed": {
        "en": "Real cases against rampsim: {runs} per case, each case's own seed",
        "nl": "Casuïstiek tegen rampsim: {runs} per casus, met de eigen seed van elke casus",
    },
    "cases.col.case": {"en": "case", "nl": "casus"},
    "cases.col.file": {"en": "file", "nl": "bestand"},
    "cases.col.outcome": {"en": "reported outcome", "nl": "gerapporteerde uitkomst"},
    "cases.col.metric": {"en": "metric", "nl": "maatstaf"},
    "cases.col.band": {"en": "band", "nl": "bandbreedte"},
    "cases.col.sources": {"en": "sources", "nl": "bronnen"},
    "cases.col.median": {"en": "median", "nl": "mediaan"},
    "cases.col.range": {"en": "90\u00a0% range", "nl": "90\u00a0%-bereik"},
    "cases.col.verdict": {"en": "verdict", "nl": "oordeel"},
    "cases.band": {"en": "{low} to {high}", "nl": "{low} tot {high}"},
    "cases.range": {"en": "{low} to {high}", "nl": "{low} tot {high}"},
    "cases.verdict.inside": {"en": "inside", "nl": "binnen"},
    "cases.verdict.overlaps": {"en": "overlaps", "nl": "overlapt"},
    "cases.verdict.outside": {"en": "outside", "nl": "buiten"},
    "cases.verdict.no_value": {"en": "no value", "nl": "geen waarde"},
    "cases.unit.assets": {"en": "assets", "nl": "objecten"},
    "cases.unit.events": {"en": "events", "nl": "gebeurtenissen"},
    "cases.unit.people-hours": {"en": "people-hours", "nl": "persoonsuren"},
    "cases.unit.grip": {"en": "GRIP", "nl": "GRIP"},
    "cases.unit.people": {"en": "people", "nl": "mensen"},
    "cases.outcomes.one": {"en": "{n} reported outcome", "nl": "{n} gerapporteerde uitkomst"},
    "cases.outcomes.other": {"en": "{n} reported outcomes", "nl": "{n} gerapporteerde uitkomsten"},
    "cases.runs.one": {"en": "{n} run", "nl": "{n} run"},
    "cases.runs.other": {"en": "{n} runs", "nl": "{n} runs"},
    "cases.tally": {
        "en": "{total}: {inside} inside, {overlaps} overlapping, {outside} outside the band, {none} without a value",
        "nl": "{total}: {inside} binnen, {overlaps} overlappend, {outside} buiten de bandbreedte, {none} zonder waarde",
    },
    "cases.outside_is_finding": {
        "en": "An outcome outside its band is a finding about rampsim or about the reconstruction: write it down.",
        "nl": (
            "Een uitkomst buiten de bandbreedte is een bevinding over rampsim of over de reconstructie: leg haar vast."
        ),
    },
    "cases.verdict_rule": {
        "en": (
            "inside: the 90 % range (p5 to p95 of the runs) lies within the band; outside: it does not touch the "
            "band; overlaps: in between."
        ),
        "nl": (
            "binnen: het 90 %-bereik (p5 tot p95 van de runs) ligt binnen de bandbreedte; buiten: het raakt de "
            "bandbreedte niet; overlapt: daartussen."
        ),
    },
    "cases.out_suffix": {
        "en": "--out must end in .csv or .json: {path}",
        "nl": "--out moet eindigen op .csv of .json: {path}",
    },
    "cases.written": {"en": "written: {path}", "nl": "geschreven: {path}"},
}
