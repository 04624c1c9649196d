"""Messages about input files: what is wrong, where. English and Dutch; see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "value.arrival": {
        "en": "the crowd cannot arrive over {arrival} minutes before a gathering {gathering} minutes after the post",
        "nl": "de menigte kan niet {arrival} minuten aankomen voor een samenkomst {gathering} minuten na de oproep",
    },
    "pack.not_zip": {"en": "not a readable zip archive ({reason})", "nl": "geen leesbaar zip-archief ({reason})"},
    "pack.unsafe_name": {
        "en": "refused: the archive holds '{name}', a path outside its folder (absolute, '..' or a drive)",
        "nl": "geweigerd: het archief bevat '{name}', een pad buiten de eigen map (absoluut, '..' of een schijf)",
    },
    "pack.link": {"en": "refused: '{name}' is a link", "nl": "geweigerd: '{name}' is een koppeling"},
    "pack.duplicate": {
        "en": "refused: '{name}' is in the archive twice",
        "nl": "geweigerd: '{name}' staat twee keer in het archief",
    },
    "pack.no_manifest": {
        "en": "not a rampsim pack: {manifest} is missing (make one with rampsim pack)",
        "nl": "geen rampsim-pakket: {manifest} ontbreekt (maak er een met rampsim pack)",
    },
    "pack.bad_manifest": {"en": "{manifest} cannot be read", "nl": "{manifest} is onleesbaar"},
    "pack.unlisted": {
        "en": "refused: '{name}' is in the archive but not in its manifest",
        "nl": "geweigerd: '{name}' staat in het archief maar niet in het manifest",
    },
    "pack.missing_file": {
        "en": "'{name}' is in the manifest but not in the archive",
        "nl": "'{name}' staat in het manifest maar niet in het archief",
    },
    "pack.hash_mismatch": {
        "en": "refused: '{name}' does not match its SHA-256 in the manifest (changed after packing?)",
        "nl": "geweigerd: '{name}' klopt niet met de SHA-256 in het manifest (na het inpakken gewijzigd?)",
    },
    "file.missing": {
        "en": "file not found",
        "nl": "bestand niet gevonden",
    },
    "file.is_directory": {
        "en": "is a directory, expected a file",
        "nl": "is een map, verwacht een bestand",
    },
    "file.missing_tried": {
        "en": "file not found: {path}",
        "nl": "bestand niet gevonden: {path}",
    },
    "file.is_directory_tried": {
        "en": "is a directory, expected a file: {path}",
        "nl": "is een map, verwacht een bestand: {path}",
    },
    "ref.inject_after_end": {
        "en": (
            "the inject comes at {at}, at or after the end of the scenario (duration {duration}): it would never happen"
        ),
        "nl": "de inject komt op {at}, op of na het einde van het scenario (duur {duration}): hij zou nooit gebeuren",
    },
    "file.empty": {
        "en": "file is empty",
        "nl": "bestand is leeg",
    },
    "file.not_utf8": {
        "en": "bytes that are not UTF-8 text (save the file as UTF-8)",
        "nl": "bytes die geen UTF-8-tekst zijn (sla het bestand op als UTF-8)",
    },
    "file.unreadable": {
        "en": "cannot read file: {reason}",
        "nl": "kan bestand niet lezen: {reason}",
    },
    "file.unknown_format": {
        "en": (
            "unknown file type '{suffix}' (expected .yaml, .yml, .json, .graphml or a folder with assets.csv and "
            "needs.csv)"
        ),
        "nl": (
            "onbekend bestandstype '{suffix}' (verwacht .yaml, .yml, .json, .graphml of een map met assets.csv en "
            "needs.csv)"
        ),
    },
    "file.csv_pair_missing": {
        "en": "expected assets.csv and needs.csv side by side; missing {name}",
        "nl": "verwacht assets.csv en needs.csv naast elkaar; {name} ontbreekt",
    },
    "yaml.syntax": {
        "en": "YAML syntax error: {problem}",
        "nl": "YAML-syntaxfout: {problem}",
    },
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
    "json.syntax": {
        "en": "JSON syntax error: {problem}",
        "nl": "JSON-syntaxfout: {problem}",
    },
    "graphml.syntax": {
        "en": "GraphML cannot be read: {problem}",
        "nl": "GraphML is onleesbaar: {problem}",
    },
    "include.replace_unknown": {
        "en": "'{id}' is not an asset of {file}: nothing to replace",
        "nl": "'{id}' is geen asset van {file}: er valt niets te vervangen",
    },
    "include.replace_missing": {
        "en": "replacement '{id}' is not an asset of this graph (its own assets or another include's)",
        "nl": "vervanger '{id}' is geen object van dit netwerk (eigen assets of die van een andere include)",
    },
    "include.cycle": {
        "en": "include cycle: {chain}",
        "nl": "include-kringloop: {chain}",
    },
    "value.missing": {
        "en": "required field is missing",
        "nl": "verplicht veld ontbreekt",
    },
    "value.decimal_comma_in_flow": {
        "en": (
            "unknown field '{digits}' (a decimal comma inside {{...}} splits a number: "
            'write it with a point, 0.5, or in quotes, "0,5")'
        ),
        "nl": (
            "onbekend veld '{digits}' (een decimale komma binnen {{...}} splitst een getal: "
            'schrijf het met een punt, 0.5, of tussen aanhalingstekens, "0,5")'
        ),
    },
    "value.unknown_field": {
        "en": "unknown field '{field}'{hint}",
        "nl": "onbekend veld '{field}'{hint}",
    },
    "value.field_elsewhere": {
        "en": " (a field of other kinds of entry, not of this one)",
        "nl": " (een veld van andere soorten onderdelen, niet van dit)",
    },
    "value.did_you_mean": {
        "en": " (did you mean '{suggestion}'?)",
        "nl": " (bedoelt u '{suggestion}'?)",
    },
    "value.not_duration": {
        "en": (
            "'{value}' is not a duration: write a number of minutes or a number with a unit, e.g. 90s, 45min, "
            "2h, 1h30min, 1.5h, 1d, 2 weeks (also Dutch: 2 uur, 6u, 30 minuten, 1 minuut, 2 dagen, 1,5 uur)"
        ),
        "nl": (
            "'{value}' is geen tijdsduur: schrijf een aantal minuten of een getal met een eenheid, bijv. 90s, "
            "45min, 2 uur, 6u, 1u30min, 1,5 uur, 30 minuten, 1 minuut, 1 dag, 2 dagen, 2 weken (ook 2h, 1d)"
        ),
    },
    "value.negative_duration": {
        "en": "'{value}' is a negative duration",
        "nl": "'{value}' is een negatieve tijdsduur",
    },
    "value.not_distribution": {
        "en": (
            "'{value}' is not a distribution (e.g. 2h, uniform(1h, 3h), triangular(1h, 2h, 6h), "
            "lognormal(median=40min, p90=3h), exponential(mean=2h))"
        ),
        "nl": (
            "'{value}' is geen verdeling (bijv. 2h, uniform(1h, 3h), triangular(1h, 2h, 6h), "
            "lognormal(median=40min, p90=3h), exponential(mean=2h))"
        ),
    },
    "value.unknown_distribution": {
        "en": "unknown distribution '{name}' (known: fixed, uniform, triangular, lognormal, exponential)",
        "nl": "onbekende verdeling '{name}' (bekend: fixed, uniform, triangular, lognormal, exponential)",
    },
    "value.bad_distribution": {
        "en": "'{value}': {reason}",
        "nl": "'{value}': {reason}",
    },
    "dist.args": {
        "en": "{name} takes {expected}",
        "nl": "{name} verwacht {expected}",
    },
    "dist.order": {
        "en": "{detail} must hold",
        "nl": "{detail} moet gelden",
    },
    "dist.order.uniform": {"en": "low <= high", "nl": "low <= high (ondergrens niet boven bovengrens)"},
    "dist.order.triangular": {"en": "min <= mode <= max", "nl": "min <= mode <= max (de top tussen de grenzen)"},
    "dist.order.lognormal": {
        "en": "0 < median < p90 (the 90th percentile above the median)",
        "nl": "0 < median < p90 (het 90e percentiel boven de mediaan)",
    },
    "dist.order.exponential": {"en": "mean > 0", "nl": "mean > 0 (een gemiddelde boven nul)"},
    "value.wrong_type": {
        "en": "expected {expected}, got {got}",
        "nl": "verwacht {expected}, kreeg {got}",
    },
    "value.choice": {
        "en": "'{value}' is not one of {choices}",
        "nl": "'{value}' is niet een van {choices}",
    },
    "value.slug": {
        "en": (
            "'{value}' is not a valid id (lower-case letters, digits, '-', '_' and '.', starting with a letter or "
            "digit)"
        ),
        "nl": (
            "'{value}' is geen geldige id (kleine letters, cijfers, '-', '_' en '.', beginnend met een letter of "
            "cijfer)"
        ),
    },
    "value.range": {
        "en": "{value} must be {bound}",
        "nl": "{value} moet {bound} zijn",
    },
    "value.effect": {
        "en": "'{value}' is not an effect (write fail, or degrade: 0.7)",
        "nl": "'{value}' is geen effect (schrijf fail, of degrade: 0.7)",
    },
    "value.datetime": {
        "en": "'{value}' is not a date and time with time zone (e.g. 2027-01-15T02:30:00+01:00)",
        "nl": "'{value}' is geen datum en tijd met tijdzone (bijv. 2027-01-15T02:30:00+01:00)",
    },
    "value.timezone": {
        "en": "unknown time zone '{value}'",
        "nl": "onbekende tijdzone '{value}'",
    },
    "value.other": {
        "en": "{message}",
        "nl": "{message}",
    },
    "ref.duplicate_id": {
        "en": "duplicate id '{id}' (first defined at {first})",
        "nl": "dubbele id '{id}' (eerst gedefinieerd op {first})",
    },
    "ref.unknown_asset": {
        "en": "unknown asset '{id}'{hint}",
        "nl": "onbekend object '{id}'{hint}",
    },
    "ref.population_within": {
        "en": "population_within: '{id}' is not a neighbourhood (an asset of sector population with people); "
        "write its id, 'municipality' or 'none'",
        "nl": "population_within: '{id}' is geen wijk (een object van sector population met inwoners); "
        "schrijf de id ervan, 'municipality' of 'none'",
    },
    "ref.population_exceeds": {
        "en": "the people living in '{id}' ({people}) exceed its residents ({residents}): they would count "
        "as more than live there",
        "nl": "de mensen die in '{id}' wonen ({people}) zijn meer dan de inwoners ervan ({residents})",
    },
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
    "ref.self_need": {
        "en": "asset '{id}' cannot need itself",
        "nl": "object '{id}' kan zichzelf niet nodig hebben",
    },
    "ref.duplicate_supplier": {
        "en": "supplier '{id}' is listed twice in one need",
        "nl": "leverancier '{id}' staat twee keer in één behoefte",
    },
    "errors.more.one": {
        "en": "... and {n} more problem",
        "nl": "... en nog {n} probleem",
    },
    "errors.more.other": {
        "en": "... and {n} more problems",
        "nl": "... en nog {n} problemen",
    },
    "type.int": {
        "en": "a whole number",
        "nl": "een geheel getal",
    },
    "type.float": {
        "en": "a number",
        "nl": "een getal",
    },
    "type.bool": {
        "en": "true or false",
        "nl": "true of false",
    },
    "type.str": {
        "en": "text",
        "nl": "tekst",
    },
    "type.list": {
        "en": "a list",
        "nl": "een lijst",
    },
    "type.mapping": {
        "en": "a mapping of fields",
        "nl": "een mapping met velden",
    },
    "type.datetime": {
        "en": "a date and time",
        "nl": "een datum en tijd",
    },
    "bound.ge": {
        "en": "at least {limit}",
        "nl": "minstens {limit}",
    },
    "bound.gt": {
        "en": "more than {limit}",
        "nl": "meer dan {limit}",
    },
    "bound.le": {
        "en": "at most {limit}",
        "nl": "hoogstens {limit}",
    },
    "bound.lt": {
        "en": "less than {limit}",
        "nl": "minder dan {limit}",
    },
    "value.too_short": {
        "en": "needs at least {min_length} item(s)",
        "nl": "heeft minstens {min_length} element(en) nodig",
    },
    "value.clock": {
        "en": "'{value}' is not a time of day (HH:MM)",
        "nl": "'{value}' is geen tijdstip (UU:MM)",
    },
    "value.condition": {
        "en": "'{value}' is not a condition: {reason}",
        "nl": "'{value}' is geen voorwaarde: {reason}",
    },
    "value.one_trigger": {
        "en": "give exactly one trigger (incident_known, asset_failed, grip, at or deadline_started); given: {given}",
        "nl": "geef precies één trigger (incident_known, asset_failed, grip, at of deadline_started); gegeven: {given}",
    },
    "value.target": {
        "en": "'{value}' is not a target (write trigger, an asset id, a list of ids, or {{sector: ..}} / {{kind: ..}})",
        "nl": (
            "'{value}' is geen doel (schrijf trigger, een object-id, een lijst id's, of {{sector: ..}} / {{kind: ..}})"
        ),
    },
    "ref.unknown_team": {
        "en": "unknown crisis team '{id}'{hint}",
        "nl": "onbekend crisisteam '{id}'{hint}",
    },
    "ref.unknown_deadline": {
        "en": "unknown deadline '{id}'{hint}",
        "nl": "onbekende termijn '{id}'{hint}",
    },
    "ref.unknown_rule": {
        "en": "unknown rule '{id}'{hint}",
        "nl": "onbekende regel '{id}'{hint}",
    },
    "ref.rule_cycle": {
        "en": "rules wait for each other's actions ({chain}): none of them ever fires",
        "nl": "regels wachten op elkaars acties ({chain}): geen van hen gaat ooit af",
    },
    "ref.unknown_basin": {
        "en": "unknown basin '{id}'{hint}",
        "nl": "onbekend bekken '{id}'{hint}",
    },
    "ref.notify_trigger": {
        "en": "a notify rule is triggered by deadline_started (the clock it meets)",
        "nl": "een notify-regel wordt getriggerd door deadline_started (de klok die hij haalt)",
    },
    "ref.notify_mismatch": {
        "en": "deadline '{deadline}' differs from the deadline that starts the rule ('{started}')",
        "nl": "termijn '{deadline}' verschilt van de termijn die de regel start ('{started}')",
    },
    "ref.notify_crew": {
        "en": "a notification needs someone: give a crew",
        "nl": "een melding vraagt iemand: geef een ploeg",
    },
    "ref.selects_nothing": {
        "en": "the graph has no {selector}",
        "nl": "het netwerk heeft geen {selector}",
    },
    "warn.selects_nothing": {
        "en": "the graph has no {selector}: the rule never fires here",
        "nl": "het netwerk heeft geen {selector}: de regel gaat hier nooit af",
    },
    "warn.done_no_asset": {
        "en": "rule '{id}' acts on no asset ({action}), so this rule has no trigger asset to act on: it never acts",
        "nl": (
            "regel '{id}' werkt niet op een object ({action}), dus deze regel heeft geen object om op te "
            "werken: hij doet nooit iets"
        ),
    },
    "selector.asset": {"en": "asset '{id}'", "nl": "object '{id}'"},
    "selector.asset_kind": {"en": "asset '{id}' of kind '{kind}'", "nl": "object '{id}' van soort '{kind}'"},
    "selector.asset_sector": {"en": "asset '{id}' in sector {sector}", "nl": "object '{id}' in de sector {sector}"},
    "selector.asset_kind_sector": {
        "en": "asset '{id}' of kind '{kind}' in sector {sector}",
        "nl": "object '{id}' van soort '{kind}' in de sector {sector}",
    },
    "selector.kind": {"en": "asset of kind '{kind}'", "nl": "object van soort '{kind}'"},
    "selector.sector": {"en": "asset in sector {sector}", "nl": "object in de sector {sector}"},
    "selector.kind_sector": {
        "en": "asset of kind '{kind}' in sector {sector}",
        "nl": "object van soort '{kind}' in de sector {sector}",
    },
    "selector.": {"en": "asset", "nl": "object"},
    "warn.prefix": {
        "en": "warning: {message}",
        "nl": "waarschuwing: {message}",
    },
    "ref.unknown_variant": {
        "en": "unknown variant '{id}'{hint}; this scenario's variants: {choices}",
        "nl": "onbekende variant '{id}'{hint}; varianten van dit scenario: {choices}",
    },
    "value.alarm_below_warning": {
        "en": "the alarm level ({alarm} m NAP) must not be below the warning level ({warning} m NAP)",
        "nl": "het alarmeringspeil ({alarm} m NAP) mag niet lager liggen dan het waarschuwingspeil ({warning} m NAP)",
    },
    "value.office_hours": {
        "en": "office hours must start before they end ({start}-{end})",
        "nl": "kantooruren moeten beginnen voor ze eindigen ({start}-{end})",
    },
    "value.decision_target_needed": {
        "en": "action {action} needs a target (an asset id or a list of ids)",
        "nl": "actie {action} heeft een doel nodig (een object-id of een lijst id's)",
    },
    "value.decision_level_needed": {
        "en": "action grip needs a level",
        "nl": "actie grip heeft een niveau (level) nodig",
    },
    "value.decision_crew_needed": {
        "en": "action call_crew needs a crew (organisation/crew)",
        "nl": "actie call_crew heeft een ploeg (organisatie/ploeg) nodig",
    },
    "value.decision_deadline_needed": {
        "en": "action notify needs the deadline it meets",
        "nl": "actie notify heeft de termijn nodig waaraan ze voldoet",
    },
    "value.decision_inject_field": {
        "en": "give `inject:` exactly when the action is inject",
        "nl": "geef `inject:` precies dan wanneer de actie inject is",
    },
    "value.decision_inject_by": {
        "en": "ad-hoc injects are exercise control's: by: {by} (and only they are)",
        "nl": "ad-hoc injects zijn van de oefenleiding: by: {by} (en alleen die)",
    },
    "value.decision_unknown_by": {
        "en": "unknown team or organisation '{id}'{hint}",
        "nl": "onbekend team of onbekende organisatie '{id}'{hint}",
    },
    "value.decision_unknown_level": {
        "en": "level {level} is not on the ladder (levels: {levels})",
        "nl": "niveau {level} staat niet op de ladder (niveaus: {levels})",
    },
    "value.decision_after_end": {
        "en": "at {at} is after the scenario's end ({end})",
        "nl": "at {at} ligt na het einde van het scenario ({end})",
    },
}
