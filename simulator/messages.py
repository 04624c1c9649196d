"""The message catalogue: every sentence rampsim shows a person, in English and Dutch.

Keys are stable identifiers; templates use ``str.format`` fields. Library code stores keys and
parameters and renders them only when a person reads them (CLI output, files written for people),
so the engine stays language-neutral.
"""

from __future__ import annotations

import os

__all__ = ["LANGUAGES", "CATALOGUE", "text", "default_language", "explicit_language", "format_number"]

LANGUAGES = ("en", "nl")

CATALOGUE: dict[str, dict[str, str]] = {
    # --- file errors -------------------------------------------------------------------------
    "file.missing": {"en": "file not found", "nl": "bestand niet gevonden"},
    "file.is_directory": {
        "en": "is a directory, expected a file",
        "nl": "is een map, verwacht een bestand",
    },
    "file.empty": {"en": "file is empty", "nl": "bestand is leeg"},
    "file.not_utf8": {
        "en": "bytes that are not UTF-8 text (save the file as UTF-8)",
        "nl": "bytes die geen UTF-8-tekst zijn (sla het bestand op als UTF-8)",
    },
    "file.unreadable": {"en": "cannot read file: {reason}", "nl": "kan bestand niet lezen: {reason}"},
    "file.unknown_format": {
        "en": "unknown file type '{suffix}' (expected .yaml, .yml, .json, .graphml or a folder with assets.csv and needs.csv)",
        "nl": "onbekend bestandstype '{suffix}' (verwacht .yaml, .yml, .json, .graphml of een map met assets.csv en needs.csv)",
    },
    "file.csv_pair_missing": {
        "en": "expected assets.csv and needs.csv side by side; missing {name}",
        "nl": "verwacht assets.csv en needs.csv naast elkaar; {name} ontbreekt",
    },
    "yaml.syntax": {"en": "YAML syntax error: {problem}", "nl": "YAML-syntaxfout: {problem}"},
    "yaml.tag": {
        "en": "YAML tag '{tag}' is not allowed (rampsim files hold plain data only)",
        "nl": "YAML-tag '{tag}' is niet toegestaan (rampsim-bestanden bevatten alleen gegevens)",
    },
    "yaml.alias_bomb": {
        "en": "YAML aliases expand to {size} values, far more than the file holds ({nodes}): refused",
        "nl": "YAML-aliassen breiden uit tot {size} waarden, veel meer dan het bestand bevat ({nodes}): geweigerd",
    },
    "yaml.duplicate_key": {
        "en": "key '{key}' appears twice in the same mapping",
        "nl": "sleutel '{key}' staat twee keer in dezelfde mapping",
    },
    "yaml.not_mapping": {
        "en": "expected a mapping of fields at the top of the file, got {got}",
        "nl": "verwacht een mapping met velden bovenaan het bestand, kreeg {got}",
    },
    "json.syntax": {"en": "JSON syntax error: {problem}", "nl": "JSON-syntaxfout: {problem}"},
    "graphml.syntax": {"en": "GraphML cannot be read: {problem}", "nl": "GraphML is onleesbaar: {problem}"},
    "include.cycle": {
        "en": "include cycle: {chain}",
        "nl": "include-kringloop: {chain}",
    },
    # --- value errors ------------------------------------------------------------------------
    "value.missing": {"en": "required field is missing", "nl": "verplicht veld ontbreekt"},
    "value.unknown_field": {
        "en": "unknown field '{field}'{hint}",
        "nl": "onbekend veld '{field}'{hint}",
    },
    "value.did_you_mean": {"en": " (did you mean '{suggestion}'?)", "nl": " (bedoelt u '{suggestion}'?)"},
    "value.not_duration": {
        "en": "'{value}' is not a duration (e.g. 45min, 3h)",
        "nl": "'{value}' is geen tijdsduur (bijv. 45min, 3h)",
    },
    "value.negative_duration": {
        "en": "'{value}' is a negative duration",
        "nl": "'{value}' is een negatieve tijdsduur",
    },
    "value.not_distribution": {
        "en": "'{value}' is not a distribution (e.g. 2h, uniform(1h, 3h), triangular(1h, 2h, 6h), lognormal(median=40min, p90=3h), exponential(mean=2h))",
        "nl": "'{value}' is geen verdeling (bijv. 2h, uniform(1h, 3h), triangular(1h, 2h, 6h), lognormal(median=40min, p90=3h), exponential(mean=2h))",
    },
    "value.unknown_distribution": {
        "en": "unknown distribution '{name}' (known: fixed, uniform, triangular, lognormal, exponential)",
        "nl": "onbekende verdeling '{name}' (bekend: fixed, uniform, triangular, lognormal, exponential)",
    },
    "value.bad_distribution": {
        "en": "'{value}': {reason}",
        "nl": "'{value}': {reason}",
    },
    "dist.args": {"en": "{name} takes {expected}", "nl": "{name} verwacht {expected}"},
    "dist.order": {"en": "{detail} must hold", "nl": "{detail} moet gelden"},
    "value.wrong_type": {"en": "expected {expected}, got {got}", "nl": "verwacht {expected}, kreeg {got}"},
    "value.choice": {
        "en": "'{value}' is not one of {choices}",
        "nl": "'{value}' is niet een van {choices}",
    },
    "value.slug": {
        "en": "'{value}' is not a valid id (lower-case letters, digits, '-', '_' and '.', starting with a letter or digit)",
        "nl": "'{value}' is geen geldige id (kleine letters, cijfers, '-', '_' en '.', beginnend met een letter of cijfer)",
    },
    "value.range": {"en": "{value} must be {bound}", "nl": "{value} moet {bound} zijn"},
    "value.effect": {
        "en": "'{value}' is not an effect (write fail, or degrade: 0.7)",
        "nl": "'{value}' is geen effect (schrijf fail, of degrade: 0.7)",
    },
    "value.datetime": {
        "en": "'{value}' is not a date and time with time zone (e.g. 2027-01-15T02:30:00+01:00)",
        "nl": "'{value}' is geen datum en tijd met tijdzone (bijv. 2027-01-15T02:30:00+01:00)",
    },
    "value.timezone": {"en": "unknown time zone '{value}'", "nl": "onbekende tijdzone '{value}'"},
    "value.other": {"en": "{message}", "nl": "{message}"},
    # --- reference errors --------------------------------------------------------------------
    "ref.duplicate_id": {
        "en": "duplicate id '{id}' (first defined at {first})",
        "nl": "dubbele id '{id}' (eerst gedefinieerd op {first})",
    },
    "ref.unknown_asset": {"en": "unknown asset '{id}'{hint}", "nl": "onbekend object '{id}'{hint}"},
    "ref.unknown_org": {
        "en": "unknown organisation '{id}'{hint}",
        "nl": "onbekende organisatie '{id}'{hint}",
    },
    "ref.unknown_crew": {
        "en": "unknown crew '{id}'{hint} (write organisation/crew, e.g. netbeheerder/monteurs)",
        "nl": "onbekende ploeg '{id}'{hint} (schrijf organisatie/ploeg, bijv. netbeheerder/monteurs)",
    },
    "ref.need_too_large": {
        "en": "need: {k} is larger than the number of suppliers ({n})",
        "nl": "need: {k} is groter dan het aantal leveranciers ({n})",
    },
    "ref.self_need": {"en": "asset '{id}' cannot need itself", "nl": "object '{id}' kan zichzelf niet nodig hebben"},
    "ref.duplicate_supplier": {
        "en": "supplier '{id}' is listed twice in one need",
        "nl": "leverancier '{id}' staat twee keer in één behoefte",
    },
    "ref.no_graph": {
        "en": "the scenario names no graph file",
        "nl": "het scenario noemt geen graafbestand",
    },
    # --- error summary -----------------------------------------------------------------------
    "errors.more": {"en": "... and {n} more problems", "nl": "... en nog {n} problemen"},
    "errors.header": {"en": "{n} problem(s) found:", "nl": "{n} probleem/problemen gevonden:"},
    # --- events (what happened; {name} is the asset's name) -----------------------------------
    "event.inject": {
        "en": "Inject {inject}: {type} on {name}",
        "nl": "Inject {inject}: {type} op {name}",
    },
    "event.outage.start": {"en": "Outage at {name}", "nl": "Uitval bij {name}"},
    "event.outage.end": {"en": "Outage at {name} ends", "nl": "Uitval bij {name} voorbij"},
    "event.cyber.compromised": {
        "en": "Attacker controls {name} ({effect})",
        "nl": "Aanvaller heeft controle over {name} ({effect})",
    },
    "event.cyber.manipulated": {
        "en": "Attacker manipulates {name}: it keeps running but does harm",
        "nl": "Aanvaller manipuleert {name}: het draait door maar doet schade",
    },
    "event.cyber.exfiltrated": {
        "en": "Data stolen from {name}",
        "nl": "Gegevens gestolen bij {name}",
    },
    "event.cyber.encrypted": {
        "en": "Ransomware encrypts {name} (backups: {backups})",
        "nl": "Ransomware versleutelt {name} (back-ups: {backups})",
    },
    "event.cyber.contained": {
        "en": "Ransomware of inject {inject} contained: no further spread",
        "nl": "Ransomware van inject {inject} ingedamd: geen verdere verspreiding",
    },
    "event.cyber.ddos.start": {
        "en": "DDoS on {name}: service down to {level_pct}",
        "nl": "DDoS op {name}: dienstverlening terug naar {level_pct}",
    },
    "event.cyber.ddos.end": {"en": "DDoS on {name} ends", "nl": "DDoS op {name} voorbij"},
    "event.need.unsatisfied": {
        "en": "{name} loses {type} ({available} of {k} needed suppliers available); buffer {buffer}",
        "nl": "{name} verliest {type} ({available} van {k} benodigde leveranciers beschikbaar); buffer {buffer}",
    },
    "event.need.satisfied": {
        "en": "{name} has {type} again",
        "nl": "{name} heeft weer {type}",
    },
    "event.need.exhausted": {
        "en": "{name}: {type} buffer exhausted",
        "nl": "{name}: buffer voor {type} op",
    },
    "event.need.restarted": {
        "en": "{name} resumes after {type} returned",
        "nl": "{name} hervat na terugkeer van {type}",
    },
    "event.asset.failed": {"en": "{name} fails", "nl": "{name} valt uit"},
    "event.asset.degraded": {
        "en": "{name} degraded to {level_pct}",
        "nl": "{name} verminderd tot {level_pct}",
    },
    "event.asset.operational": {"en": "{name} operational again", "nl": "{name} weer in bedrijf"},
    "event.repair.queued": {
        "en": "{name} waits for crew {crew}",
        "nl": "{name} wacht op ploeg {crew}",
    },
    "event.repair.started": {
        "en": "Crew {crew} starts repairing {name}",
        "nl": "Ploeg {crew} begint herstel van {name}",
    },
    "event.repair.done": {"en": "{name} repaired", "nl": "{name} hersteld"},
    "event.repair.unavailable": {
        "en": "{name} has no recovery defined: it stays down",
        "nl": "{name} heeft geen herstel gedefinieerd: het blijft uit",
    },
    # --- words used inside messages ------------------------------------------------------------
    "word.none": {"en": "none", "nl": "geen"},
    "word.unlimited": {"en": "none", "nl": "geen"},
    "status.operational": {"en": "operational", "nl": "in bedrijf"},
    "status.degraded": {"en": "degraded", "nl": "verminderd"},
    "status.failed": {"en": "failed", "nl": "uitgevallen"},
    # --- run summary (CLI) ----------------------------------------------------------------------
    "summary.title": {"en": "Summary", "nl": "Samenvatting"},
    "summary.timeline": {"en": "Timeline", "nl": "Tijdlijn"},
    "summary.more_events": {
        "en": "... {n} more timeline lines; all {total} events are in {file}",
        "nl": "... nog {n} regels tijdlijn; alle {total} gebeurtenissen staan in {file}",
    },
    "summary.all_events": {
        "en": "All {total} events, with the bookkeeping of needs and crews, are in {file}",
        "nl": "Alle {total} gebeurtenissen, met de boekhouding van behoeften en ploegen, staan in {file}",
    },
    "summary.written": {"en": "Run written to {path}", "nl": "Run geschreven naar {path}"},
    "summary.valid": {"en": "{path}: valid ({what})", "nl": "{path}: geldig ({what})"},
    "metric.assets_failed": {"en": "assets failed", "nl": "objecten uitgevallen"},
    "metric.peak_assets_failed": {"en": "peak assets failed at once", "nl": "piek gelijktijdig uitgevallen"},
    "metric.unserved_population_hours": {
        "en": "unserved population-hours",
        "nl": "onbediende inwoner-uren",
    },
    "metric.time_to_full_recovery_min": {
        "en": "time to full recovery",
        "nl": "tijd tot volledig herstel",
    },
    "metric.not_recovered": {"en": "not recovered by the end", "nl": "niet hersteld aan het einde"},
    "metric.events": {"en": "events", "nl": "gebeurtenissen"},
}


def default_language() -> str:
    """The language from ``RAMPSIM_LANG`` (``en`` or ``nl``), English when unset or unknown."""
    lang = os.environ.get("RAMPSIM_LANG", "en").strip().lower()[:2]
    return lang if lang in LANGUAGES else "en"


def text(key: str, lang: str | None = None, /, **params: object) -> str:
    """Render catalogue entry ``key`` in ``lang`` with ``params`` filled in."""
    entry = CATALOGUE[key]
    template = entry.get(lang or default_language(), entry["en"])
    return template.format(**params)

CATALOGUE.update(
    {
        "type.int": {"en": "a whole number", "nl": "een geheel getal"},
        "type.float": {"en": "a number", "nl": "een getal"},
        "type.bool": {"en": "true or false", "nl": "true of false"},
        "type.str": {"en": "text", "nl": "tekst"},
        "type.list": {"en": "a list", "nl": "een lijst"},
        "type.mapping": {"en": "a mapping of fields", "nl": "een mapping met velden"},
        "type.datetime": {"en": "a date and time", "nl": "een datum en tijd"},
        "bound.ge": {"en": "at least {limit}", "nl": "minstens {limit}"},
        "bound.gt": {"en": "more than {limit}", "nl": "meer dan {limit}"},
        "bound.le": {"en": "at most {limit}", "nl": "hoogstens {limit}"},
        "bound.lt": {"en": "less than {limit}", "nl": "minder dan {limit}"},
        "value.too_short": {
            "en": "needs at least {min_length} item(s)",
            "nl": "heeft minstens {min_length} element(en) nodig",
        },
    }
)

CATALOGUE.update(
    {
        "need.power": {"en": "power", "nl": "stroom"},
        "need.water": {"en": "water", "nl": "water"},
        "need.data": {"en": "data", "nl": "data"},
        "need.control": {"en": "control", "nl": "besturing"},
        "need.telecom": {"en": "telecom", "nl": "telecom"},
        "need.cooling": {"en": "cooling", "nl": "koeling"},
        "need.fuel": {"en": "fuel", "nl": "brandstof"},
        "need.staff": {"en": "staff", "nl": "personeel"},
        "need.access": {"en": "access", "nl": "toegang"},
        "backups.none": {"en": "none", "nl": "geen"},
        "backups.online": {"en": "online", "nl": "online"},
        "backups.offline": {"en": "offline", "nl": "offline"},
        "effect.disrupt": {"en": "shut down", "nl": "uitgeschakeld"},
    }
)

CATALOGUE.update(
    {
        "event.repair.started_self": {"en": "Repair of {name} starts", "nl": "Herstel van {name} begint"},
        "cli.output_exists": {
            "en": "{path} already exists: choose another --out or add --force to replace it",
            "nl": "{path} bestaat al: kies een andere --out of voeg --force toe om het te vervangen",
        },
        "cli.bad_until": {
            "en": "--until: '{value}' is not a duration (e.g. 45min, 3h)",
            "nl": "--until: '{value}' is geen tijdsduur (bijv. 45min, 3h)",
        },
        "cli.converted": {"en": "Wrote {path} ({n} assets)", "nl": "{path} geschreven ({n} objecten)"},
        "cli.interrupted": {
            "en": "Interrupted: no run directory written",
            "nl": "Onderbroken: geen run-map geschreven",
        },
        "what.scenario": {"en": "scenario, {n} assets, injects: {i}", "nl": "scenario, {n} objecten, injects: {i}"},
        "what.graph": {"en": "graph, {n} assets", "nl": "graaf, {n} objecten"},
        "what.organisations": {"en": "organisations", "nl": "organisaties"},
        "info.title": {"en": "Graph {name}", "nl": "Graaf {name}"},
        "info.assets": {"en": "assets", "nl": "objecten"},
        "info.needs": {"en": "needs", "nl": "behoeften"},
        "info.sector": {"en": "sector", "nl": "sector"},
        "info.count": {"en": "count", "nl": "aantal"},
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
            "nl": "  waarschuwing: nergens een buffer in deze kring; eenmaal uit kunnen deze objecten elkaar niet herstarten",
        },
        "col.clock": {"en": "clock", "nl": "tijd"},
        "col.elapsed": {"en": "elapsed", "nl": "verstreken"},
        "col.event": {"en": "event", "nl": "gebeurtenis"},
        "col.metric": {"en": "metric", "nl": "maat"},
        "col.value": {"en": "value", "nl": "waarde"},
    }
)

CATALOGUE.update(
    {
        "incident.outage": {"en": "outage", "nl": "uitval"},
        "incident.cyber.compromise": {"en": "cyber attack (attacker in control)", "nl": "cyberaanval (aanvaller heeft controle)"},
        "incident.cyber.ransomware": {"en": "ransomware", "nl": "ransomware"},
        "incident.cyber.ddos": {"en": "DDoS attack", "nl": "DDoS-aanval"},
    }
)


def format_number(value: float, lang: str | None = None) -> str:
    """A whole number with thousands separators: 403,200 (en) or 403.200 (nl)."""
    text_ = f"{value:,.0f}"
    return text_.replace(",", ".") if (lang or default_language()) == "nl" else text_

CATALOGUE.update(
    {
        "value.clock": {"en": "'{value}' is not a time of day (HH:MM)", "nl": "'{value}' is geen tijdstip (UU:MM)"},
        "value.condition": {
            "en": "'{value}' is not a condition: {reason}",
            "nl": "'{value}' is geen voorwaarde: {reason}",
        },
    }
)

CATALOGUE.update(
    {
        "value.one_trigger": {
            "en": "give exactly one trigger (incident_known, asset_failed, grip, at or deadline_started); given: {given}",
            "nl": "geef precies één trigger (incident_known, asset_failed, grip, at of deadline_started); gegeven: {given}",
        },
    }
)

CATALOGUE.update(
    {
        "value.target": {
            "en": "'{value}' is not a target (write trigger, an asset id, a list of ids, or {{sector: ..}} / {{kind: ..}})",
            "nl": "'{value}' is geen doel (schrijf trigger, een object-id, een lijst id's, of {{sector: ..}} / {{kind: ..}})",
        },
    }
)

CATALOGUE.update(
    {
        "ref.unknown_team": {"en": "unknown crisis team '{id}'{hint}", "nl": "onbekend crisisteam '{id}'{hint}"},
        "ref.unknown_deadline": {"en": "unknown deadline '{id}'{hint}", "nl": "onbekende termijn '{id}'{hint}"},
    }
)

# --- the response (issue 3) ------------------------------------------------------------------------
CATALOGUE.update(
    {
        "event.report.received": {
            "en": "Control room receives a report: {name} is down or degraded",
            "nl": "Meldkamer krijgt een melding: {name} is uitgevallen of verminderd",
        },
        "event.detect.monitoring": {
            "en": "Monitoring detects trouble at {name}",
            "nl": "Monitoring detecteert problemen bij {name}",
        },
        "event.detect.alarm": {"en": "Alarm from {name}", "nl": "Alarm van {name}"},
        "event.crew.called_out": {
            "en": "Crew {crew} called out: at work in {until}",
            "nl": "Ploeg {crew} opgeroepen: aan het werk over {until}",
        },
        "event.repair.queued.plain": {"en": "{name} waits for repair", "nl": "{name} wacht op herstel"},
        "event.action.waiting": {
            "en": "{action}: waits for team {team}",
            "nl": "{action}: wacht op team {team}",
        },
        "event.action.queued": {"en": "{action}{on}: asked of {crew}", "nl": "{action}{on}: gevraagd aan {crew}"},
        "event.action.started": {"en": "{action}{on}: started by {crew}", "nl": "{action}{on}: gestart door {crew}"},
        "event.action.done": {"en": "{action}{on}: done", "nl": "{action}{on}: gereed"},
        "event.action.impossible": {
            "en": "{action} impossible for {name} (no manual fallback)",
            "nl": "{action} onmogelijk voor {name} (geen handbediening)",
        },
        "event.load.queued": {"en": "Extra work for {crew}: reports about {name}", "nl": "Extra werk voor {crew}: meldingen over {name}"},
        "event.load.started": {"en": "{crew} handles reports about {name}", "nl": "{crew} handelt meldingen over {name} af"},
        "event.load.done": {"en": "{crew} done with reports about {name}", "nl": "{crew} klaar met meldingen over {name}"},
        "event.grip.escalated": {"en": "Escalation to {name}", "nl": "Opschaling naar {name}"},
        "event.grip.deescalated": {"en": "De-escalation to {name}", "nl": "Afschaling naar {name}"},
        "event.team.assembled": {"en": "{team} assembled", "nl": "{team} bijeen"},
        "event.team.dismissed": {"en": "{team} dismissed", "nl": "{team} afgeschaald"},
        "event.deadline.started": {
            "en": "Deadline starts for {org}: {deadline} (within {within})",
            "nl": "Termijn gaat lopen voor {org}: {deadline} (binnen {within})",
        },
        "event.deadline.met": {"en": "Deadline met by {org}: {deadline}", "nl": "Termijn gehaald door {org}: {deadline}"},
        "event.deadline.late": {"en": "Done after the deadline by {org}: {deadline}", "nl": "Na de termijn gedaan door {org}: {deadline}"},
        "event.deadline.missed": {"en": "Deadline missed by {org}: {deadline}", "nl": "Termijn verstreken voor {org}: {deadline}"},
        "event.evidence.restore_waited": {
            "en": "Restore of {name} waited {minutes} for the forensic images",
            "nl": "Herstel van {name} wachtte {minutes} op de forensische kopieën",
        },
        "event.evidence.lost": {
            "en": "{name} restored before forensic images were made: evidence lost",
            "nl": "{name} hersteld voordat forensische kopieën zijn gemaakt: bewijs verloren",
        },
        "event.online.fraud.start": {
            "en": "Fraud wave in the municipality's name: {name} overloaded",
            "nl": "Fraudegolf uit naam van de gemeente: {name} overbelast",
        },
        "event.online.fraud.end": {"en": "Fraud wave answered: {name} normal again", "nl": "Fraudegolf beantwoord: {name} weer normaal"},
        "event.online.threat.start": {
            "en": "Online threats against the {official} ({name})",
            "nl": "Online bedreigingen tegen de {official} ({name})",
        },
        "event.inject.class": {
            "en": "Inject {inject} ({class}): {type} on {name}",
            "nl": "Inject {inject} ({class}): {type} op {name}",
        },
        "class.cybercrime": {"en": "cybercrime", "nl": "cybercriminaliteit"},
        "class.digitised_crime": {"en": "digitised crime", "nl": "gedigitaliseerde criminaliteit"},
        "class.safety_digital": {"en": "safety with a digital component", "nl": "veiligheid met een digitale component"},
        "class.physical": {"en": "physical incident", "nl": "fysiek incident"},
        "actiontype.manual": {"en": "Manual operation", "nl": "Handbediening"},
        "actiontype.isolate": {"en": "Isolate network", "nl": "Netwerk isoleren"},
        "actiontype.secure_evidence": {"en": "Secure evidence", "nl": "Bewijs veiligstellen"},
        "actiontype.restore": {"en": "Restore from backups", "nl": "Herstel uit back-ups"},
        "actiontype.repair": {"en": "Repair", "nl": "Reparatie"},
        "actiontype.nl_alert": {"en": "NL-Alert", "nl": "NL-Alert"},
        "actiontype.evacuate": {"en": "Evacuation", "nl": "Evacuatie"},
        "actiontype.ordinance": {"en": "Emergency ordinance", "nl": "Noodverordening"},
        "actiontype.ask_help": {"en": "Help from IBD/NCSC", "nl": "Hulp van IBD/NCSC"},
        "actiontype.inform_public": {"en": "Inform the public", "nl": "Publiek informeren"},
        "actiontype.notify": {"en": "Legal notification", "nl": "Wettelijke melding"},
        "actiontype.counter_message": {"en": "Counter-message", "nl": "Tegenbericht"},
        "actiontype.protect": {"en": "Police protection", "nl": "Politiebeveiliging"},
        "word.on": {"en": " ({name})", "nl": " ({name})"},
        "col.known": {"en": "known", "nl": "bekend"},
        "word.never": {"en": "never", "nl": "nooit"},
        "metric.time_to_detection_min": {"en": "first incident known after", "nl": "eerste incident bekend na"},
        "metric.grip_max": {"en": "highest escalation level", "nl": "hoogste opschalingsniveau"},
        "metric.deadlines": {"en": "deadlines met", "nl": "termijnen gehaald"},
        "metric.time_to_containment_min": {"en": "ransomware contained after", "nl": "ransomware ingedamd na"},
    }
)

CATALOGUE.update(
    {
        "explain.never_failed": {
            "en": "{asset} never failed or degraded in this run",
            "nl": "{asset} is in deze run nooit uitgevallen of verminderd",
        },
        "explain.failure": {"en": "{asset}, failure {n}: the chain of causes", "nl": "{asset}, uitval {n}: de keten van oorzaken"},
        "explain.back": {"en": "Back in operation:", "nl": "Weer in bedrijf:"},
        "explain.not_back": {"en": "Not back in operation by the end of the run", "nl": "Niet weer in bedrijf aan het einde van de run"},
        "explain.unknown": {
            "en": "never known to the crisis organisation",
            "nl": "nooit bekend bij de crisisorganisatie",
        },
        "explain.known": {"en": "known after {after} (by: {who})", "nl": "bekend na {after} (bij: {who})"},
        "cli.unknown_asset_in_run": {
            "en": "{asset} is not an asset of this run{hint}",
            "nl": "{asset} is geen object van deze run{hint}",
        },
        "cli.not_a_run": {
            "en": "{path} is not a run directory (no events.csv and manifest.json)",
            "nl": "{path} is geen run-map (geen events.csv en manifest.json)",
        },
    }
)

CATALOGUE.update(
    {
        "cli.cannot_write": {"en": "cannot write {path}: {reason}", "nl": "kan {path} niet schrijven: {reason}"},
        "cli.not_a_run_refused": {
            "en": "{path} exists and is not a run directory: --force only replaces earlier runs",
            "nl": "{path} bestaat en is geen run-map: --force vervangt alleen eerdere runs",
        },
        "what.ladder": {"en": "escalation ladder", "nl": "opschalingsladder"},
        "what.playbook": {"en": "playbook", "nl": "draaiboek"},
    }
)


def explicit_language() -> str | None:
    """The language asked for in ``RAMPSIM_LANG``, or None when unset (or not one we have)."""
    lang = os.environ.get("RAMPSIM_LANG", "").strip().lower()[:2]
    return lang if lang in LANGUAGES else None

CATALOGUE.update(
    {
        "metric.deadlines_value": {"en": "{met} of {decided} (still running: {open})", "nl": "{met} van {decided} (nog lopend: {open})"},
        "event.action.skipped": {
            "en": "{action}{on}: not done, the condition does not hold ({condition})",
            "nl": "{action}{on}: niet gedaan, de voorwaarde geldt niet ({condition})",
        },
        "event.report.received.threat": {
            "en": "Control room receives a report of threats against an official at {name}",
            "nl": "Meldkamer krijgt een melding van bedreiging van een bestuurder bij {name}",
        },
        "incident.online.fraud": {"en": "online fraud wave", "nl": "online fraudegolf"},
        "incident.online.threat": {"en": "online threats", "nl": "online bedreigingen"},
        "grip.none": {"en": "no escalation", "nl": "geen opschaling"},
    }
)

CATALOGUE.update({"event.rule.fired": {"en": "Playbook rule {rule} applies: {action}", "nl": "Draaiboekregel {rule} van toepassing: {action}"}})

CATALOGUE.update({"ref.unknown_basin": {"en": "unknown basin '{id}'{hint}", "nl": "onbekend bekken '{id}'{hint}"}})

# --- physical hazards (issue 4) ---------------------------------------------------------------------
CATALOGUE.update(
    {
        "event.hazard.gates_opened": {
            "en": "The gates of {name} open ({gates}): water flows between the outside water and {basin}",
            "nl": "De deuren van {name} gaan open ({gates}): water stroomt tussen buitenwater en {basin}",
        },
        "event.hazard.gates_closed": {"en": "The gates of {name} are closed by hand", "nl": "De deuren van {name} zijn met de hand gesloten"},
        "event.hazard.alarm_level": {
            "en": "Water in {basin} reaches the alarm level ({level_m} m NAP)",
            "nl": "Water in {basin} bereikt het alarmpeil ({level_m} m NAP)",
        },
        "event.hazard.crest_exceeded": {
            "en": "Water in {basin} flows over the quay ({level_m} m NAP)",
            "nl": "Water in {basin} stroomt over de kade ({level_m} m NAP)",
        },
        "event.zone.flooded": {
            "en": "{zone} floods ({population} inhabitants)",
            "nl": "{zone} loopt onder ({population} inwoners)",
        },
        "event.flood.damage": {
            "en": "{name} floods and fails (water {level_m} m NAP)",
            "nl": "{name} loopt onder en valt uit (water {level_m} m NAP)",
        },
        "event.detect.alarm": {"en": "Level alarm of {basin} at {name}", "nl": "Peilalarm van {basin} bij {name}"},
        "event.action.no_effect": {"en": "{action}{on}: had no effect", "nl": "{action}{on}: had geen effect"},
        "actiontype.close_gates": {"en": "Close the gates by hand", "nl": "Deuren met de hand sluiten"},
        "word.gates.one": {"en": "one gate", "nl": "één deur"},
        "word.gates.both": {"en": "both gates", "nl": "beide deuren"},
        "metric.max_water_level_m": {"en": "highest water level", "nl": "hoogste waterstand"},
        "metric.population_flooded": {"en": "inhabitants of flooded zones", "nl": "inwoners van ondergelopen gebieden"},
    }
)

CATALOGUE.update(
    {
        "event.grip.ended": {"en": "Escalation ended: back to routine", "nl": "Afgeschaald: terug naar de dagelijkse gang van zaken"},
        "event.report.received": {
            "en": "Control room receives a report: {name} {status}",
            "nl": "Meldkamer krijgt een melding: {name} {status}",
        },
        "report.failed": {"en": "is down", "nl": "is uitgevallen"},
        "report.degraded": {"en": "works only partly", "nl": "werkt maar gedeeltelijk"},
        "event.online.fraud.end": {"en": "Fraud wave in the municipality's name answered", "nl": "Fraudegolf uit naam van de gemeente beantwoord"},
        "incident.cyber.compromise.disrupt": {"en": "cyber attack (shut down)", "nl": "cyberaanval (uitgeschakeld)"},
        "incident.cyber.compromise.manipulate": {"en": "cyber attack (manipulation)", "nl": "cyberaanval (manipulatie)"},
        "incident.cyber.compromise.exfiltrate": {"en": "cyber attack (data theft)", "nl": "cyberaanval (gegevensdiefstal)"},
        "actiontype.ask_help": {"en": "Ask for expert help", "nl": "Hulp van experts inroepen"},
        "actiontype.notify": {"en": "Notification", "nl": "Melding"},
        "event.action.queued": {"en": "{action}{on}{about}: asked of {crew}", "nl": "{action}{on}{about}: gevraagd aan {crew}"},
        "event.action.started": {"en": "{action}{on}{about}: started by {crew}{waited_text}", "nl": "{action}{on}{about}: gestart door {crew}{waited_text}"},
        "event.action.done": {"en": "{action}{on}{about}: done", "nl": "{action}{on}{about}: gereed"},
        "event.repair.started": {"en": "Crew {crew} starts repairing {name}{waited_text}", "nl": "Ploeg {crew} begint herstel van {name}{waited_text}"},
        "word.waited": {"en": " (after waiting {minutes})", "nl": " (na {minutes} wachten)"},
        "word.about": {"en": ": {deadline}", "nl": ": {deadline}"},
        "word.hours": {"en": "{n} hours", "nl": "{n} uur"},
        "word.days": {"en": "{n} days", "nl": "{n} dagen"},
    }
)

CATALOGUE.update(
    {
        "ref.notify_trigger": {
            "en": "a notify rule is triggered by deadline_started (the clock it meets)",
            "nl": "een notify-regel wordt getriggerd door deadline_started (de klok die hij haalt)",
        },
        "ref.notify_mismatch": {
            "en": "deadline '{deadline}' differs from the deadline that starts the rule ('{started}')",
            "nl": "termijn '{deadline}' verschilt van de termijn die de regel start ('{started}')",
        },
        "ref.notify_crew": {"en": "a notification needs someone: give a crew", "nl": "een melding vraagt iemand: geef een ploeg"},
        "ref.selects_nothing": {"en": "{selector} matches no asset of the graph", "nl": "{selector} past op geen object van de graaf"},
        "value.office_hours": {"en": "office hours must start before they end ({start}-{end})", "nl": "kantooruren moeten beginnen voor ze eindigen ({start}-{end})"},
    }
)
