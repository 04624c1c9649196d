"""Variant comparison and the threat sweep by simulation: what it shows a person, in English and Dutch.
See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- a large run drawn in part (analysis/shown.py) ---------------------------------------------
    "shown.note": {
        "en": (
            "{shown} of {total} assets shown: half those longest out of service, "
            "half spread over the order in which the others failed"
        ),
        "nl": (
            "{shown} van {total} objecten getoond: de helft die het langst buiten bedrijf waren, "
            "de helft verspreid over de volgorde waarin de andere uitvielen"
        ),
    },
    # --- rampsim threats ---------------------------------------------------------------------------
    "threats.unknown_incident": {
        "en": "--incident: '{value}' cannot be put on one asset in a threat sweep; choose one of: {choices}",
        "nl": (
            "--incident: '{value}' kan in een dreigingsverkenning niet op één object worden gezet; kies uit: {choices}"
        ),
    },
    "threats.selector_empty": {
        "en": (
            "--targets is empty: give conditions such as sector=energy or kind=substation,exposure=high, or asset ids"
        ),
        "nl": (
            "--targets is leeg: geef voorwaarden zoals sector=energy of kind=substation,exposure=high, of object-id's"
        ),
    },
    "threats.selector_mixed": {
        "en": "--targets '{selector}' mixes conditions (field=value) and asset ids: use one or the other",
        "nl": "--targets '{selector}' mengt voorwaarden (veld=waarde) en object-id's: gebruik het een of het ander",
    },
    "threats.selector_field": {
        "en": "--targets: unknown field '{field}'{hint}; fields: {choices}",
        "nl": "--targets: onbekend veld '{field}'{hint}; velden: {choices}",
    },
    "threats.selector_value": {
        "en": "--targets: '{value}' is not a valid {field}{hint}; choose from: {choices}",
        "nl": "--targets: '{value}' is geen geldige {field}{hint}; kies uit: {choices}",
    },
    "threats.unknown_target": {
        "en": "--targets: unknown asset '{id}'{hint}",
        "nl": "--targets: onbekend object '{id}'{hint}",
    },
    "threats.selects_nothing": {
        "en": "--targets {selector} selects no asset (for {incident})",
        "nl": "--targets {selector} selecteert geen object (voor {incident})",
    },
    "threats.selects_nothing_cyber": {
        "en": (
            "--targets {selector} selects no asset for {incident}: a cyber incident leaves out assets with "
            "exposure none unless you select an exposure"
        ),
        "nl": (
            "--targets {selector} selecteert geen object voor {incident}: een cyberincident laat objecten met "
            "exposure none weg, tenzij u een exposure selecteert"
        ),
    },
    "threats.needs_scenario": {
        "en": (
            "-n simulates the incident with a scenario's crisis organisation: {path} is a graph; give a scenario file"
        ),
        "nl": (
            "-n simuleert het incident met de crisisorganisatie van een scenario: {path} is een graaf; geef een "
            "scenariobestand"
        ),
    },
    "threats.needs_simulation": {
        "en": (
            "--incident {incident} needs the simulation (a scenario and -n N); without -n the threat picture is "
            "the deterministic cascade of a permanent outage"
        ),
        "nl": (
            "--incident {incident} vraagt de simulatie (een scenario en -n N); zonder -n is het dreigingsbeeld de "
            "deterministische cascade van een blijvende uitval"
        ),
    },
    "threats.dask_needs_simulation": {
        "en": (
            "--dask and --scheduler run the simulation (a scenario and -n N) on a cluster; the threat picture "
            "without -n is the exact cascade and runs here"
        ),
        "nl": (
            "--dask en --scheduler draaien de simulatie (een scenario en -n N) op een cluster; het dreigingsbeeld "
            "zonder -n is de exacte cascade en draait hier"
        ),
    },
    "threats.region_heading.one": {
        "en": "The region: the failure that affects most people",
        "nl": "De regio: de uitval die de meeste mensen treft",
    },
    "threats.region_heading.other": {
        "en": "The region: the {n} failures that affect most people",
        "nl": "De regio: de {n} uitvallen die de meeste mensen treffen",
    },
    "threats.municipality_heading.one": {
        "en": "{town}: the failure that affects most people",
        "nl": "{town}: de uitval die de meeste mensen treft",
    },
    "threats.municipality_heading.other": {
        "en": "{town}: the {n} failures that affect most people",
        "nl": "{town}: de {n} uitvallen die de meeste mensen treffen",
    },
    # the columns of a municipality's table of threats (cli/threats_region.py)
    "threats.col.rank": {"en": "#", "nl": "#"},
    "threats.col.name": {"en": "failure of", "nl": "uitval van"},
    "threats.cell.where": {"en": "{sector}, in {town}", "nl": "{sector}, in {town}"},
    "threats.col.people": {"en": "people affected", "nl": "getroffen mensen"},
    "threats.col.non_residents": {"en": "of whom not residents", "nl": "waarvan geen inwoners"},
    "threats.col.failed": {"en": "assets failed here", "nl": "objecten uitgevallen hier"},
    "threats.col.class": {"en": "class", "nl": "klasse"},
    "threats.specific_heading.one": {
        "en": "Specific to {town} (compared with {other}): the failure that affects most people there",
        "nl": "Eigen aan {town} (vergeleken met {other}): de uitval die daar de meeste mensen treft",
    },
    "threats.specific_heading.other": {
        "en": "Specific to {town} (compared with {other}): the {n} failures that affect most people there",
        "nl": "Eigen aan {town} (vergeleken met {other}): de {n} uitvallen die daar de meeste mensen treffen",
    },
    "threats.specific_none": {
        "en": "Specific to {town} (compared with {other}): none",
        "nl": "Eigen aan {town} (vergeleken met {other}): geen",
    },
    "threats.specific.kind": {"en": "{other} has no such failure", "nl": "{other} kent zo'n uitval niet"},
    "threats.specific.share": {
        "en": "at least {factor}× {other}'s share of residents",
        "nl": "minstens {factor}× het aandeel inwoners in {other}",
    },
    "threats.exact_row": {
        "en": "{rank:>3}. {name} ({sector}): {people_affected}{others}, {assets_failed}, class {likelihood}{impact}",
        "nl": "{rank:>3}. {name} ({sector}): {people_affected}{others}, {assets_failed}, klasse {likelihood}{impact}",
    },
    "count.people_affected.one": {"en": "{n} person affected", "nl": "{n} getroffen mens"},
    "count.people_affected.other": {"en": "{n} people affected", "nl": "{n} getroffen mensen"},
    # the people of assets declared population_within: none, counted among those affected (README)
    "threats.non_residents.one": {
        "en": " (of whom {n} not a resident: a traveller or visitor)",
        "nl": " (waarvan {n} geen inwoner: een reiziger of bezoeker)",
    },
    "threats.non_residents.other": {
        "en": " (of whom {n} not residents: travellers, visitors)",
        "nl": " (waarvan {n} geen inwoners: reizigers, bezoekers)",
    },
    "threats.row": {
        "en": (
            "{rank:>3}. {name} ({sector}): {hours} population-hours (95 % CI {low} to {high}), {failed} assets "
            "failed, {people} people, class {likelihood}{impact}"
        ),
        "nl": (
            "{rank:>3}. {name} ({sector}): {hours} onbediende inwoner-uren (95%-BI {low} tot {high}), {failed} "
            "objecten uitgevallen, {people} mensen, klasse {likelihood}{impact}"
        ),
    },
    "interval.too_few.one": {
        "en": (
            "Only {n} replication: too few for a confidence interval (none is given). Use -n {needed} or more; "
            "the figures of one run are an impression, not a result."
        ),
        "nl": (
            "Slechts {n} replicatie: te weinig voor een betrouwbaarheidsinterval (er wordt er geen gegeven). "
            "Gebruik -n {needed} of meer; de cijfers van één run zijn een indruk, geen uitkomst."
        ),
    },
    "interval.too_few.other": {
        "en": (
            "Only {n} replications: too few for a confidence interval (none is given). Use -n {needed} or more; "
            "means and percentiles of so few runs are an impression, not a result."
        ),
        "nl": (
            "Slechts {n} replicaties: te weinig voor een betrouwbaarheidsinterval (er wordt er geen gegeven). "
            "Gebruik -n {needed} of meer; gemiddelden en percentielen van zo weinig runs zijn een indruk, geen "
            "uitkomst."
        ),
    },
    "threats.paired": {
        "en": (
            "{targets} x {replications} of {incident}; replication i of every target used the same seed, "
            "SeedSequence({seed}).spawn({n})[i] (paired)"
        ),
        "nl": (
            "{targets} x {replications} van {incident}; replicatie i van elk doel had hetzelfde zaad, "
            "SeedSequence({seed}).spawn({n})[i] (gepaard)"
        ),
    },
    "count.targets.one": {"en": "{n} target", "nl": "{n} doel"},
    "count.targets.other": {"en": "{n} targets", "nl": "{n} doelen"},
    "threats.figure.unserved_population_hours": {
        "en": "unserved population-hours (mean over replications, with the response; 95 % CI)",
        "nl": "onbediende inwoner-uren (gemiddelde over replicaties, met de respons; 95%-BI)",
    },
    # --- rampsim compare ---------------------------------------------------------------------------
    "compare.usage": {
        "en": (
            "give BASE.yaml VARIANT.yaml, or SCENARIO --variant NAME; for a played exercise RUN_DIR, or SCENARIO "
            "--decisions FILE"
        ),
        "nl": (
            "geef BASIS.yaml VARIANT.yaml, of SCENARIO --variant NAAM; voor een gespeelde oefening RUN_MAP, of "
            "SCENARIO --decisions BESTAND"
        ),
    },
    "compare.not_scenario": {
        "en": "{path} is not a scenario file",
        "nl": "{path} is geen scenariobestand",
    },
    "compare.title": {
        "en": "{variant} against {base}",
        "nl": "{variant} tegenover {base}",
    },
    "compare.caption.one": {
        "en": (
            "difference = variant - base, mean of {n} paired replication; both arms used "
            "SeedSequence({seed}).spawn({count})[i] for replication i (common random numbers)"
        ),
        "nl": (
            "verschil = variant - basis, gemiddelde van {n} gepaarde replicatie; beide armen gebruikten "
            "SeedSequence({seed}).spawn({count})[i] voor replicatie i (gemeenschappelijke toevalsgetallen)"
        ),
    },
    "compare.caption.other": {
        "en": (
            "difference = variant - base, mean of {n} paired replications; both arms used "
            "SeedSequence({seed}).spawn({count})[i] for replication i (common random numbers)"
        ),
        "nl": (
            "verschil = variant - basis, gemiddelde van {n} gepaarde replicaties; beide armen gebruikten "
            "SeedSequence({seed}).spawn({count})[i] voor replicatie i (gemeenschappelijke toevalsgetallen)"
        ),
    },
    "compare.col.metric": {"en": "metric", "nl": "maat"},
    "compare.col.pairs": {"en": "pairs", "nl": "paren"},
    "compare.col.base": {"en": "base (mean)", "nl": "basis (gemiddeld)"},
    "compare.col.variant": {"en": "variant (mean)", "nl": "variant (gemiddeld)"},
    "compare.col.difference": {"en": "difference", "nl": "verschil"},
    "compare.col.ci": {"en": "95 % CI of the difference", "nl": "95%-BI van het verschil"},
    "compare.metric.full_recovery": {
        "en": "everything back by the end (share)",
        "nl": "alles hersteld voor het einde (aandeel)",
    },
    "compare.points": {"en": "{value} pp", "nl": "{value} %-punt"},
    "compare.kind.scenario": {"en": "The scenario as a whole", "nl": "Het scenario als geheel"},
    "compare.kind.asset_downtime_min": {
        "en": "Downtime per asset (min, 0 when it did not fail)",
        "nl": "Uitvaltijd per object (min, 0 als het niet uitviel)",
    },
    "compare.kind.asset_failed": {
        "en": "Chance that the asset fails (share of the replications)",
        "nl": "Kans dat het object uitvalt (aandeel van de replicaties)",
    },
    "compare.kind.peak_level_m": {
        "en": "Highest water level per basin (m NAP)",
        "nl": "Hoogste waterstand per bekken (m NAP)",
    },
    "compare.kind.deadline_met": {
        "en": "Legal deadline met (share of the replications in which it ran)",
        "nl": "Wettelijke termijn gehaald (aandeel van de replicaties waarin de termijn liep)",
    },
    "compare.kind.deadline_done_min": {
        "en": "Notification done (minutes after the start)",
        "nl": "Melding gedaan (minuten na de start)",
    },
    "compare.short.asset_downtime_min": {"en": "downtime", "nl": "uitvaltijd"},
    "compare.short.asset_failed": {"en": "chance of failing", "nl": "kans op uitval"},
    "compare.short.peak_level_m": {"en": "highest level", "nl": "hoogste stand"},
    "compare.short.deadline_met": {"en": "met", "nl": "gehaald"},
    "compare.short.deadline_done_min": {"en": "notification done", "nl": "melding gedaan"},
    "compare.unchanged.one": {
        "en": "Unchanged in every pair ({n} row): {names}",
        "nl": "In geen enkel paar veranderd ({n} rij): {names}",
    },
    "compare.unchanged.other": {
        "en": "Unchanged in every pair ({n} rows): {names}",
        "nl": "In geen enkel paar veranderd ({n} rijen): {names}",
    },
    "compare.written": {
        "en": "Comparison written to {path}",
        "nl": "Vergelijking geschreven naar {path}",
    },
}
