"""What the command line and the reports print: summaries, tables, explanations.
English and Dutch; see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "figure.people_affected": {"en": "people affected (no repair)", "nl": "getroffen mensen (zonder herstel)"},
    "figure.people_split": {"en": "people affected, each once", "nl": "getroffen mensen, elk één keer"},
    "figure.residents": {
        "en": "residents (care homes and hospitals included)",
        "nl": "inwoners (ook in zorginstellingen en ziekenhuizen)",
    },
    "figure.non_residents": {
        "en": "not residents: travellers, visitors",
        "nl": "geen inwoners: reizigers, bezoekers",
    },
    "figure.threat_ranking": {
        "en": "The {n} assets whose failure affects most people",
        "nl": "De {n} objecten waarvan uitval de meeste mensen treft",
    },
    "figure.impact": {"en": "impact class", "nl": "impactklasse"},
    "figure.likelihood": {
        "en": "likelihood class (exposure, monitoring)",
        "nl": "waarschijnlijkheidsklasse (blootstelling, monitoring)",
    },
    "figure.risk_diagram": {
        "en": "Risk diagram (National Risk Profile style)",
        "nl": "Risicodiagram (in de stijl van het Nationaal Risicoprofiel)",
    },
    "figure.municipal.title.one": {
        "en": "{town}: the failure that hits most people",
        "nl": "{town}: de uitval die de meeste mensen treft",
    },
    "figure.municipal.title.other": {
        "en": "{town}: the {n} failures that hit most people",
        "nl": "{town}: de {n} uitvallen die de meeste mensen treffen",
    },
    "figure.municipal.people": {
        "en": "people affected in {town} (no repair)",
        "nl": "getroffen mensen in {town} (zonder herstel)",
    },
    "figure.municipal.profile": {
        "en": "{town}: the most one failure per sector brings down",
        "nl": "{town}: het meeste dat één uitval per sector platlegt",
    },
    "figure.municipal.assets": {
        "en": "assets failed in {town} by one failure (no repair)",
        "nl": "uitgevallen objecten in {town} door één uitval (zonder herstel)",
    },
    "figure.municipal.elsewhere": {
        "en": "{name} (in {town})",
        "nl": "{name} (in {town})",
    },
    "figure.municipal.sector": {
        "en": "sector of the failing asset",
        "nl": "sector van het uitvallende object",
    },
    "figure.municipal.specific": {"en": "Specific to {town}", "nl": "Eigen aan {town}"},
    "figure.municipal.specific_axis": {
        "en": "assets failed in {town} (no repair)\nin order of the people affected there",
        "nl": "uitgevallen objecten in {town} (zonder herstel)\nop volgorde van de getroffen mensen daar",
    },
    "figure.municipal.specific_people": {"en": "{failed} ({people} people)", "nl": "{failed} ({people} mensen)"},
    "figure.municipal.specific_rule": {
        "en": "not in {other}'s picture, or at least {factor}× its share of residents",
        "nl": "niet in het beeld van {other}, of minstens {factor}× het aandeel inwoners daar",
    },
    "figure.municipal.specific_none": {
        "en": "nothing that {other}'s picture lacks",
        "nl": "niets wat in het beeld van {other} ontbreekt",
    },
    "figure.zero_dropped": {
        "en": "not shown: {n} assets without impact (0)",
        "nl": "niet getoond: {n} objecten zonder impact (0)",
    },
    "figure.top_ranked": {"en": "Top {n} of the ranking", "nl": "Top {n} van de ranglijst"},
    "cli.threats_written": {"en": "Threat picture written to {path}", "nl": "Dreigingsbeeld geschreven naar {path}"},
    "cli.dask_missing": {
        "en": "Dask is not installed: python -m pip install -e '.[distributed]'",
        "nl": "Dask is niet geïnstalleerd: python -m pip install -e '.[distributed]'",
    },
    "cli.replications": {"en": "replications", "nl": "replicaties"},
    "cli.ensemble_interrupted": {
        "en": "Interrupted: finished replications are kept; continue with --resume --out {path}",
        "nl": "Onderbroken: afgeronde replicaties blijven bewaard; ga verder met --resume --out {path}",
    },
    "figure.hours": {"en": "hours after the start", "nl": "uren na de start"},
    "figure.people": {"en": "people served", "nl": "mensen bediend"},
    "figure.status_timeline": {
        "en": "Asset status by sector (hatched: not yet known)",
        "nl": "Status per sector (gearceerd: nog niet bekend)",
    },
    "figure.population_served": {"en": "People served per service", "nl": "Mensen bediend per voorziening"},
    "figure.cascade": {"en": "The cascade: first failure of each asset", "nl": "De cascade: eerste uitval per object"},
    "figure.first_failure": {"en": "first failure (hours)", "nl": "eerste uitval (uren)"},
    "figure.unknown": {"en": "not yet known", "nl": "nog niet bekend"},
    "figure.status.failed": {"en": "failed", "nl": "uitgevallen"},
    "figure.status.degraded": {"en": "degraded", "nl": "verminderd"},
    "figure.status.manual": {"en": "manual operation", "nl": "handbediening"},
    "cli.figures_written": {"en": "Figures written to {path}", "nl": "Figuren geschreven naar {path}"},
    "figure.failure_probability": {
        "en": "Probability of failing: the {n} most likely assets ({replications} replications)",
        "nl": "Kans op uitval: de {n} meest kwetsbare objecten ({replications} replicaties)",
    },
    "figure.p_failed": {
        "en": "probability of failing\n(bar: share of the replications; line: 95 % interval, Wilson)",
        "nl": "kans op uitval\n(balk: aandeel van de replicaties; lijn: 95 %-interval, Wilson)",
    },
    "figure.sector": {"en": "sector", "nl": "sector"},
    "figure.first_failure_title": {
        "en": "When they fail: first failure, over the replications in which they fail",
        "nl": "Wanneer ze uitvallen: eerste uitval, in de replicaties waarin ze uitvallen",
    },
    "figure.first_failure_range": {
        "en": "hours after the start\n(line: 5th to 95th percentile; dot: median)",
        "nl": "uren na de start\n(lijn: 5e tot 95e percentiel; stip: mediaan)",
    },
    "figure.metric_distributions": {
        "en": "Key metrics over {n} replications",
        "nl": "Kerncijfers over {n} replicaties",
    },
    "figure.mean": {"en": "mean", "nl": "gemiddelde"},
    "figure.percentiles": {"en": "p5 / p50 / p95", "nl": "p5 / p50 / p95"},
    "figure.replications": {"en": "replications", "nl": "replicaties"},
    "figure.n_of": {
        "en": "(n = {n} of {total}; the others: no value)",
        "nl": "(n = {n} van {total}; de overige: geen waarde)",
    },
    "figure.unit.population_hours": {"en": "population-hours", "nl": "inwoner-uren"},
    "figure.unit.assets": {"en": "assets", "nl": "objecten"},
    "figure.unit.hours": {"en": "hours", "nl": "uren"},
    "figure.unit.minutes": {"en": "minutes", "nl": "minuten"},
    "figure.unit.level": {"en": "level", "nl": "niveau"},
    "figure.unit.events": {"en": "events", "nl": "gebeurtenissen"},
    "figure.unit.people": {"en": "people", "nl": "mensen"},
    "figure.unit.value": {"en": "value", "nl": "waarde"},
    "figure.p_within": {"en": "probability of having failed", "nl": "kans dat het is uitgevallen"},
    "figure.failure_within": {
        "en": "Probability of failing within t hours ({n} replications; band: 95 % interval)",
        "nl": "Kans op uitval binnen t uur ({n} replicaties; band: 95 %-interval)",
    },
    "cli.not_a_run_or_ensemble": {
        "en": (
            "{path} is neither a run directory (events.csv or events.parquet, manifest.json) nor an ensemble directory "
            "(replications.parquet)"
        ),
        "nl": (
            "{path} is geen run-map (events.csv of events.parquet, manifest.json) en geen ensemble-map "
            "(replications.parquet)"
        ),
    },
    "explain.between": {"en": "In between:", "nl": "Tussendoor:"},
    "explain.later": {"en": "Later, worse, by a cause of its own:", "nl": "Later erger, door een eigen oorzaak:"},
    "explain.joins": {"en": "joins the chain above", "nl": "sluit aan op de keten hierboven"},
    "summary.title": {
        "en": "Summary",
        "nl": "Samenvatting",
    },
    "summary.timeline": {
        "en": "Timeline",
        "nl": "Tijdlijn",
    },
    "summary.more_events": {
        "en": "... {n} more timeline lines; all {total} events are in {file}",
        "nl": "... nog {n} regels tijdlijn; alle {total} gebeurtenissen staan in {file}",
    },
    "summary.all_events": {
        "en": "All {total} events, with the bookkeeping of needs and crews, are in {file}",
        "nl": "Alle {total} gebeurtenissen, met de boekhouding van behoeften en ploegen, staan in {file}",
    },
    "pack.written.one": {
        "en": "Pack written to {path}: {n} file with its SHA-256 (rampsim run/validate read it as it is)",
        "nl": "Pakket geschreven naar {path}: {n} bestand met zijn SHA-256 (rampsim run/validate lezen het zo)",
    },
    "pack.written.other": {
        "en": "Pack written to {path}: {n} files with their SHA-256 (rampsim run/validate read it as it is)",
        "nl": "Pakket geschreven naar {path}: {n} bestanden met hun SHA-256 (rampsim run/validate lezen het zo)",
    },
    "pack.exists": {
        "en": "{path} exists (use --force to replace it)",
        "nl": "{path} bestaat al (--force vervangt het)",
    },
    "pack.out_not_zip": {"en": "--out must end in .zip: {path}", "nl": "--out moet op .zip eindigen: {path}"},
    "summary.written": {
        "en": "Run written to {path}",
        "nl": "Run geschreven naar {path}",
    },
    "summary.valid": {
        "en": "{path}: valid ({what})",
        "nl": "{path}: geldig ({what})",
    },
    "ensemble.summary.title": {"en": "Over the replications", "nl": "Over de replicaties"},
    "ensemble.summary.metric": {"en": "metric", "nl": "maat"},
    "ensemble.summary.mean": {"en": "mean", "nl": "gemiddeld"},
    "ensemble.summary.p5": {"en": "5th pct.", "nl": "5e pct."},
    "ensemble.summary.p50": {"en": "median", "nl": "mediaan"},
    "ensemble.summary.p95": {"en": "95th pct.", "nl": "95e pct."},
    "ensemble.summary.n": {"en": "replications", "nl": "replicaties"},
    "metric.assets_failed": {
        "en": "assets failed",
        "nl": "objecten uitgevallen",
    },
    "metric.peak_assets_failed": {
        "en": "peak assets failed at once",
        "nl": "piek gelijktijdig uitgevallen",
    },
    "metric.unserved_population_hours": {
        "en": "unserved population-hours",
        "nl": "onbediende inwoner-uren",
    },
    "metric.time_to_full_recovery_min": {
        "en": "time to full recovery",
        "nl": "tijd tot volledig herstel",
    },
    "metric.not_recovered": {
        "en": "not recovered by the end",
        "nl": "niet hersteld aan het einde",
    },
    "metric.events": {
        "en": "events",
        "nl": "gebeurtenissen",
    },
    "cli.ensemble_exists": {
        "en": "{path} already exists: choose another --out, or add --resume to finish an interrupted ensemble there",
        "nl": (
            "{path} bestaat al: kies een andere --out, of voeg --resume toe om een onderbroken ensemble daar af te "
            "maken"
        ),
    },
    "metric.level_value": {"en": "{basin}: {level} m NAP", "nl": "{basin}: {level} m NAP"},
    "cli.ensemble_written": {"en": "Ensemble written to {path}", "nl": "Ensemble geschreven naar {path}"},
    "cli.output_taken": {
        "en": "{path} already exists: choose another --out",
        "nl": "{path} bestaat al: kies een andere --out",
    },
    "cli.output_exists": {
        "en": "{path} already exists: choose another --out or add --force to replace it",
        "nl": "{path} bestaat al: kies een andere --out of voeg --force toe om het te vervangen",
    },
    "cli.bad_until": {
        "en": "--until: {problem}",
        "nl": "--until: {problem}",
    },
    "cli.converted.one": {
        "en": "Wrote {path} ({n} asset)",
        "nl": "{path} geschreven ({n} object)",
    },
    "cli.converted.other": {
        "en": "Wrote {path} ({n} assets)",
        "nl": "{path} geschreven ({n} objecten)",
    },
    "cli.interrupted": {
        "en": "Interrupted: no run directory written",
        "nl": "Onderbroken: geen run-map geschreven",
    },
    "what.scenario": {
        "en": "scenario, {n} assets, injects: {i}",
        "nl": "scenario, {n} objecten, injects: {i}",
    },
    "what.graph.one": {
        "en": "graph, {n} asset",
        "nl": "graaf, {n} object",
    },
    "what.graph.other": {
        "en": "graph, {n} assets",
        "nl": "graaf, {n} objecten",
    },
    "what.organisations": {
        "en": "organisations",
        "nl": "organisaties",
    },
    "info.title": {
        "en": "Graph {name}",
        "nl": "Graaf {name}",
    },
    "info.assets": {
        "en": "assets",
        "nl": "objecten",
    },
    "info.needs": {
        "en": "needs",
        "nl": "behoeften",
    },
    "info.sector": {
        "en": "sector",
        "nl": "sector",
    },
    "info.count": {
        "en": "count",
        "nl": "aantal",
    },
    "info.cycles": {
        "en": "Dependency cycles: {n} group(s) of assets that depend on each other",
        "nl": "Afhankelijkheidskringen: {n} groep(en) objecten die van elkaar afhangen",
    },
    "info.no_dependents": {
        "en": "Assets nobody depends on: {n}",
        "nl": "Objecten waar niets van afhangt: {n}",
    },
    "info.no_power_redundancy": {
        "en": "Assets without redundancy on power (every power supplier needed): {n}",
        "nl": "Objecten zonder redundantie op stroom (elke stroomleverancier nodig): {n}",
    },
    "info.zero_tolerance_cycle": {
        "en": "  warning: no buffer anywhere in this cycle; once down, these assets cannot restart each other",
        "nl": (
            "  waarschuwing: nergens een buffer in deze kring; eenmaal uit kunnen deze objecten elkaar niet herstarten"
        ),
    },
    "col.clock": {
        "en": "clock",
        "nl": "tijd",
    },
    "col.elapsed": {
        "en": "elapsed",
        "nl": "verstreken",
    },
    "col.event": {
        "en": "event",
        "nl": "gebeurtenis",
    },
    "col.metric": {
        "en": "metric",
        "nl": "maat",
    },
    "col.value": {
        "en": "value",
        "nl": "waarde",
    },
    "col.known": {
        "en": "known",
        "nl": "bekend",
    },
    "metric.time_to_detection_min": {
        "en": "first incident known, after its start",
        "nl": "eerste incident bekend, na zijn begin",
    },
    "metric.first_known_after_start_min": {
        "en": "first incident known, after the scenario start",
        "nl": "eerste incident bekend, na het begin van het scenario",
    },
    "metric.grip_max": {
        "en": "highest escalation level",
        "nl": "hoogste opschalingsniveau",
    },
    "metric.deadlines": {
        "en": "deadlines met",
        "nl": "termijnen gehaald",
    },
    "metric.evidence_secured": {
        "en": "systems with evidence secured",
        "nl": "systemen met bewijs veiliggesteld",
    },
    "metric.evidence_lost": {
        "en": "systems restored before the evidence was secured",
        "nl": "systemen hersteld voordat het bewijs veilig was",
    },
    "metric.evidence_wait_min": {
        "en": "extra downtime for securing evidence",
        "nl": "extra uitvaltijd voor het veiligstellen van bewijs",
    },
    "metric.evidence": {
        "en": "evidence",
        "nl": "bewijs",
    },
    "metric.evidence_value": {
        "en": "{secured} secured, {lost} lost; restores waited {wait}",
        "nl": "{secured} veiliggesteld, {lost} verloren; herstel wachtte {wait}",
    },
    "metric.time_to_containment_min": {
        "en": "ransomware contained after",
        "nl": "ransomware ingedamd na",
    },
    "explain.never_failed": {
        "en": "{asset} never failed or degraded in this run",
        "nl": "{asset} is in deze run nooit uitgevallen of verminderd",
    },
    "explain.failure": {
        "en": "{asset}, failure {n}: the chain of causes",
        "nl": "{asset}, uitval {n}: de keten van oorzaken",
    },
    "explain.back": {
        "en": "Back in operation:",
        "nl": "Weer in bedrijf:",
    },
    "explain.not_back": {
        "en": "Not back in operation by the end of the run",
        "nl": "Niet weer in bedrijf aan het einde van de run",
    },
    "explain.unknown": {
        "en": "never known to the crisis organisation",
        "nl": "nooit bekend bij de crisisorganisatie",
    },
    "explain.known": {
        "en": "known after {after} (by: {who})",
        "nl": "bekend na {after} (bij: {who})",
    },
    "cli.pair_into_run": {
        "en": (
            "{path} is a run or ensemble directory: a CSV pair there would overwrite its assets.csv; choose "
            "another folder"
        ),
        "nl": "{path} is een run- of ensemblemap: een CSV-paar daar overschrijft zijn assets.csv; kies een andere map",
    },
    "cli.asset_untouched": {
        "en": "Nothing happened to {asset} in this run: it stayed operational throughout.",
        "nl": "Met {asset} is in deze run niets gebeurd: het bleef de hele tijd in bedrijf.",
    },
    "cli.unknown_asset_in_run": {
        "en": "{asset} is not an asset of this run{hint}",
        "nl": "{asset} is geen object van deze run{hint}",
    },
    "cli.not_a_run": {
        "en": "{path} is not a run directory (no events.csv or events.parquet, and manifest.json)",
        "nl": "{path} is geen run-map (geen events.csv of events.parquet, en manifest.json)",
    },
    "cli.plugin_error": {
        "en": "a rampsim plugin cannot be used: {error}",
        "nl": "een rampsim-plug-in is niet te gebruiken: {error}",
    },
    "cli.cannot_write": {
        "en": "cannot write {path}: {reason}",
        "nl": "kan {path} niet schrijven: {reason}",
    },
    "cli.not_a_run_refused": {
        "en": "{path} exists and is not a run directory: --force only replaces earlier runs",
        "nl": "{path} bestaat en is geen run-map: --force vervangt alleen eerdere runs",
    },
    "what.ladder": {
        "en": "escalation ladder",
        "nl": "opschalingsladder",
    },
    "what.playbook": {
        "en": "playbook",
        "nl": "draaiboek",
    },
    "metric.deadlines_value": {
        "en": "{met} of {decided} (still running: {open})",
        "nl": "{met} van {decided} (nog lopend: {open})",
    },
    "metric.max_water_level_m": {
        "en": "highest water level",
        "nl": "hoogste waterstand",
    },
    "metric.population_flooded": {
        "en": "inhabitants of flooded zones",
        "nl": "inwoners van ondergelopen gebieden",
    },
    # counts with plural forms (text_count picks .one or .other by the language's plural rule)
    "count.replications.one": {"en": "{n} replication", "nl": "{n} replicatie"},
    "count.replications.other": {"en": "{n} replications", "nl": "{n} replicaties"},
    "count.assets_failed.one": {"en": "{n} asset failed", "nl": "{n} object uitgevallen"},
    "count.assets_failed.other": {"en": "{n} assets failed", "nl": "{n} objecten uitgevallen"},
}
