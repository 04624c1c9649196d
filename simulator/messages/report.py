"""The debrief report (rampsim report) and its portfolios: what it shows a person, in English and Dutch.
See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    # --- the default portfolios (simulator.model.portfolios.DEFAULT_PORTFOLIOS) ------------------
    "portfolio.burgemeester.name": {
        "en": "Public order, safety and crisis management",
        "nl": "Openbare orde, veiligheid en crisisbeheersing",
    },
    "portfolio.burgemeester.holder": {"en": "Mayor", "nl": "Burgemeester"},
    "portfolio.economie-infrastructuur.name": {
        "en": "Economy and infrastructure (energy, water, telecom)",
        "nl": "Economie en infrastructuur (energie, water, telecom)",
    },
    "portfolio.economie-infrastructuur.holder": {"en": "Alderman for the economy", "nl": "Wethouder Economie"},
    "portfolio.haven-verkeer.name": {"en": "Port, waterways and traffic", "nl": "Haven, water en verkeer"},
    "portfolio.haven-verkeer.holder": {"en": "Alderman for the port and traffic", "nl": "Wethouder Haven en Verkeer"},
    "portfolio.zorg.name": {"en": "Care and welfare", "nl": "Zorg en welzijn"},
    "portfolio.zorg.holder": {"en": "Alderman for care", "nl": "Wethouder Zorg"},
    "portfolio.bedrijfsvoering.name": {
        "en": "Operations and digitalisation (the municipality's own IT)",
        "nl": "Bedrijfsvoering en digitalisering",
    },
    "portfolio.bedrijfsvoering.holder": {"en": "Alderman for operations", "nl": "Wethouder Bedrijfsvoering"},
    "portfolio.external.name": {"en": "No asset / external", "nl": "Geen object / extern"},
    # --- problems in a graph file's portfolios section -------------------------------------------
    "portfolio.sector_twice": {
        "en": "sector '{sector}' is already in portfolio '{first}': each sector belongs to one portfolio",
        "nl": "sector '{sector}' staat al in portefeuille '{first}': elke sector hoort bij één portefeuille",
    },
    "portfolio.default_twice": {
        "en": "default_for '{kind}' is already set on portfolio '{first}': only one portfolio takes those sectors",
        "nl": "default_for '{kind}' staat al bij portefeuille '{first}': maar één portefeuille neemt die sectoren",
    },
    # --- the page (simulator.report.debrief) ----------------------------------------------------
    "report.title": {"en": "Debrief: {name}", "nl": "Nabespreking: {name}"},
    "report.heading": {"en": "Debrief", "nl": "Nabespreking"},
    "report.contents": {"en": "Contents", "nl": "Inhoud"},
    "report.section.scenario": {"en": "Scenario", "nl": "Scenario"},
    "report.section.metrics": {"en": "Key metrics", "nl": "Kerncijfers"},
    "report.section.deadlines": {"en": "Legal deadlines", "nl": "Wettelijke termijnen"},
    "report.section.portfolios": {"en": "Impact per portfolio", "nl": "Impact per portefeuille"},
    "report.section.chains": {
        "en": "Causal chains of the largest failures",
        "nl": "Oorzakenketens van de grootste uitval",
    },
    "report.section.figures": {"en": "Figures", "nl": "Figuren"},
    "report.field.start": {"en": "Start", "nl": "Start"},
    "report.field.duration": {"en": "Duration", "nl": "Duur"},
    "report.field.seed": {"en": "Seed", "nl": "Seed"},
    "report.field.graph": {"en": "Infrastructure graph", "nl": "Infrastructuurgraaf"},
    "report.field.injects": {"en": "Incidents injected", "nl": "Ingebrachte incidenten"},
    "report.run_until": {"en": "this run: +{elapsed}", "nl": "deze run: +{elapsed}"},
    "report.injects": {"en": "Incidents injected", "nl": "Ingebrachte incidenten"},
    "report.col.inject": {"en": "inject", "nl": "inject"},
    "report.col.type": {"en": "incident", "nl": "incident"},
    "report.col.class": {"en": "class", "nl": "klasse"},
    "report.col.target": {"en": "target", "nl": "doel"},
    "report.col.at": {"en": "at", "nl": "om"},
    "report.col.deadline": {"en": "deadline", "nl": "termijn"},
    "report.col.org": {"en": "organisation", "nl": "organisatie"},
    "report.col.started": {"en": "started (aware)", "nl": "gestart (bekend)"},
    "report.col.within": {"en": "within", "nl": "binnen"},
    "report.col.due": {"en": "due", "nl": "uiterlijk"},
    "report.col.done": {"en": "done", "nl": "gedaan"},
    "report.col.outcome": {"en": "outcome", "nl": "uitkomst"},
    "report.col.portfolio": {"en": "portfolio", "nl": "portefeuille"},
    "report.col.holder": {"en": "holder", "nl": "portefeuillehouder"},
    "report.col.sectors": {"en": "sectors", "nl": "sectoren"},
    "report.col.assets_hit": {"en": "assets hit", "nl": "getroffen objecten"},
    "report.col.failed_asset_hours": {"en": "failed asset-hours", "nl": "uitgevallen object-uren"},
    "report.col.longest_outage": {"en": "longest outage", "nl": "langste uitval"},
    "report.col.happened": {"en": "happened", "nl": "gebeurd"},
    "report.col.known": {"en": "known to the crisis organisation", "nl": "bekend bij de crisisorganisatie"},
    "report.known_at_once": {"en": "at once", "nl": "direct"},
    "report.no_deadlines": {
        "en": "No legal deadline started in this run.",
        "nl": "In deze run is geen wettelijke termijn gaan lopen.",
    },
    "report.deadline.met": {"en": "met", "nl": "gehaald"},
    "report.deadline.late": {"en": "missed (done late)", "nl": "niet gehaald (te laat gedaan)"},
    "report.deadline.missed": {"en": "missed", "nl": "niet gehaald"},
    "report.deadline.open": {"en": "still running at the end of the run", "nl": "nog lopend aan het einde van de run"},
    "report.longest": {"en": "{asset}: {duration}", "nl": "{asset}: {duration}"},
    "report.longest_open": {
        "en": "{asset}: {duration}, not back by the end",
        "nl": "{asset}: {duration}, niet terug aan het einde",
    },
    "report.mapping.file": {
        "en": "Portfolios and their holders as the graph file maps the sectors.",
        "nl": "Portefeuilles en hun houders zoals het graafbestand de sectoren indeelt.",
    },
    "report.mapping.default": {
        "en": "The graph file has no portfolios section: rampsim's default mapping of sectors to portfolios is used.",
        "nl": (
            "Het graafbestand heeft geen portefeuilles: de standaardindeling van sectoren in portefeuilles van "
            "rampsim is gebruikt."
        ),
    },
    "report.flooded_zones": {"en": "people in flooded zones", "nl": "mensen in ondergelopen gebieden"},
    "report.flooded_zones_note": {
        "en": (
            "{portfolio} includes {hours} unserved population-hours of the people in flooded zones, from the minute "
            "their zone flooded until it was dry, evacuated or the run ended, beyond what they lost at home."
        ),
        "nl": (
            "{portfolio} omvat {hours} onbediende inwoner-uren van de mensen in ondergelopen gebieden, vanaf de "
            "minuut dat hun gebied onderliep tot het droog of ontruimd was of de run eindigde, bovenop wat ze "
            "thuis al misten."
        ),
    },
    "report.mapping.unmapped": {
        "en": (
            "Sectors the graph file gives no portfolio (marked *) count for a default portfolio (the mayor's for "
            "safety, else the catch-all):"
        ),
        "nl": (
            "Sectoren zonder portefeuille in het graafbestand (gemarkeerd met *) tellen bij een "
            "standaardportefeuille (de burgemeester voor veiligheid, anders de restportefeuille):"
        ),
    },
    "report.mapping.rule": {
        "en": "In this table a loss counts for the portfolio of the asset's own sector, where it landed: residents "
        "of a neighbourhood "
        "without power for the portfolio holding neighbourhoods, the substation that failed for the one "
        "holding energy. Failed "
        "asset-hours: hours at service level 0, summed over the portfolio's assets; unserved population-hours: "
        "people × hours × "
        "(1 − service level), each person once, and the people of a flooded zone while it is flooded.",
        "nl": "In deze tabel telt een verlies bij de portefeuille van de eigen sector van het object, waar het "
        "terechtkwam: bewoners "
        "van een wijk zonder stroom bij de portefeuille met de wijken, het uitgevallen onderstation bij die "
        "met energie. Uitgevallen "
        "object-uren: uren op serviceniveau 0, opgeteld over de objecten van de portefeuille; onbediende "
        "inwoner-uren: mensen × uren "
        "× (1 − serviceniveau), ieder mens één keer, en de mensen van een ondergelopen gebied zolang het onder "
        "water staat.",
    },
    "report.causes.heading": {
        "en": "Where the losses landed and where they started",
        "nl": "Waar de verliezen terechtkwamen en waar ze begonnen",
    },
    "report.causes.intro": {
        "en": "Each loss seen from two sides: the portfolio where it landed (the asset that lost service) and the "
        "portfolio it was "
        "caused from (the asset where its chain of causes started). Both sides add up to the same total: "
        "{total} unserved "
        "population-hours.",
        "nl": "Elk verlies van twee kanten bekeken: de portefeuille waar het terechtkwam (het object dat uitviel) en "
        "de portefeuille "
        "waar het vandaan kwam (het object waar de oorzakenketen begon). Beide kanten tellen op tot hetzelfde "
        "totaal: {total} "
        "onbediende inwoner-uren.",
    },
    "report.col.lands_people": {
        "en": "unserved population-hours in this portfolio",
        "nl": "onbediende inwoner-uren in deze portefeuille",
    },
    "report.col.caused_people": {
        "en": "unserved population-hours caused from this portfolio",
        "nl": "onbediende inwoner-uren veroorzaakt vanuit deze portefeuille",
    },
    "report.col.lands_hours": {
        "en": "failed asset-hours in this portfolio",
        "nl": "uitgevallen object-uren in deze portefeuille",
    },
    "report.col.caused_hours": {
        "en": "failed asset-hours caused from this portfolio",
        "nl": "uitgevallen object-uren veroorzaakt vanuit deze portefeuille",
    },
    "report.col.caused_assets": {
        "en": "assets hit from this portfolio",
        "nl": "objecten getroffen vanuit deze portefeuille",
    },
    "report.col.total": {"en": "total", "nl": "totaal"},
    "report.matrix.heading": {"en": "From portfolio to portfolio", "nl": "Van portefeuille naar portefeuille"},
    "report.matrix.intro": {
        "en": "Unserved population-hours by the portfolio where the chain of causes started (rows) and the portfolio "
        "where the loss "
        "landed (columns).",
        "nl": "Onbediende inwoner-uren naar de portefeuille waar de oorzakenketen begon (rijen) en de portefeuille "
        "waar het verlies "
        "terechtkwam (kolommen).",
    },
    "report.matrix.corner": {"en": "started in ↓ landed in →", "nl": "begonnen in ↓ terechtgekomen in →"},
    "report.causes.rule": {
        "en": "Where a loss started: the chain of causes of the failure is followed back to its first event, "
        "normally the inject, "
        "and the loss counts for the portfolio of that event's asset (the inject's target): a neighbourhood "
        "without power because "
        "a substation failed counts for the portfolio holding energy, care systems down because ransomware hit "
        "the town hall's IT "
        "for the one holding the municipality's IT. A failure episode (from the first failure or degradation "
        "until the asset is "
        "fully back) counts whole for where its first failure started, also when it later fails harder for "
        "another reason.",
        "nl": "Waar een verlies begon: de oorzakenketen van de uitval wordt teruggevolgd tot de eerste gebeurtenis, "
        "meestal de "
        "inject, en het verlies telt bij de portefeuille van het object van die gebeurtenis (het doel van de "
        "inject): een wijk "
        "zonder stroom door een uitgevallen onderstation telt bij de portefeuille met energie, zorgsystemen "
        "plat door ransomware "
        "bij de ICT van het gemeentehuis bij die met de ICT van de gemeente. Een uitvalperiode (van de eerste "
        "uitval of "
        "verslechtering tot het object weer helemaal werkt) telt in zijn geheel bij het begin van de keten van "
        "de eerste uitval, "
        "ook als het object later om een andere reden verder uitvalt.",
    },
    "report.causes.external_found": {
        "en": "Losses whose chain starts at no asset (a playbook rule timed by the clock, a hazard without an asset) "
        "count as caused "
        "from “No asset / external”.",
        "nl": "Verliezen waarvan de keten bij geen enkel object begint (een draaiboekregel op een vast tijdstip, een "
        "gevaar zonder "
        "object) tellen als veroorzaakt vanuit „Geen object / extern”.",
    },
    "report.causes.external_none": {
        "en": "Losses whose chain starts at no asset (a playbook rule timed by the clock, a hazard without an asset) "
        "would count as "
        "caused from “No asset / external”; in this run every chain starts at an asset.",
        "nl": "Verliezen waarvan de keten bij geen enkel object begint (een draaiboekregel op een vast tijdstip, een "
        "gevaar zonder "
        "object) zouden tellen als veroorzaakt vanuit „Geen object / extern”; in deze run begint elke keten "
        "bij een object.",
    },
    "report.no_failures": {
        "en": "No asset failed, and none left people unserved.",
        "nl": "Geen object is uitgevallen en geen object liet mensen zonder voorziening.",
    },
    "report.chains_intro": {
        "en": "The {n} assets with the most unserved population-hours and the {n} that were failed longest: how the "
        "first failure of each came about, and each later worsening of it by a cause of its own, from the inject "
        "on, and when the crisis organisation knew of each step.",
        "nl": "De {n} objecten met de meeste onbediende inwoner-uren en de {n} die het langst uitgevallen waren: hoe "
        "de eerste uitval van elk ontstond, en elke latere verergering door een eigen oorzaak, vanaf de inject, en "
        "wanneer de crisisorganisatie van elke stap wist.",
    },
    "report.chain.stats": {
        "en": "Failed {hours} hours in all; {people} unserved population-hours; portfolio: {portfolio}.",
        "nl": "In totaal {hours} uur uitgevallen; {people} onbediende inwoner-uren; portefeuille: {portfolio}.",
    },
    "report.chain.order": {"en": "From the inject to the failure:", "nl": "Van de inject tot de uitval:"},
    "report.chain.more": {
        "en": "It failed {n} more time(s) later in the run: rampsim explain RUN_DIR {asset}",
        "nl": "Het viel later in de run nog {n} keer uit: rampsim explain RUN_DIR {asset}",
    },
    "report.timeline_intro": {
        "en": (
            "The {n} headline events of the {total} in the run, with the moment each happened and when the crisis "
            "organisation knew of it."
        ),
        "nl": (
            "De {n} hoofdgebeurtenissen van de {total} in de run, met het moment waarop elk gebeurde en wanneer de "
            "crisisorganisatie ervan wist."
        ),
    },
    "report.footer": {
        "en": (
            "Made by rampsim {version} from the run with seed {seed}. The figures, times and losses are a "
            "simulation of an exercise scenario."
        ),
        "nl": (
            "Gemaakt door rampsim {version} uit de run met seed {seed}. De figuren, tijden en verliezen zijn een "
            "simulatie van een oefenscenario."
        ),
    },
    "report.written": {"en": "Report written to {path}", "nl": "Rapport geschreven naar {path}"},
    "report.unreadable_run": {
        "en": "{path}: cannot read this run directory ({reason})",
        "nl": "{path}: deze run-map is niet te lezen ({reason})",
    },
    # --- the water-level figure (simulator.report.water_figures) --------------------------------
    "figure.water.title": {"en": "Water level: {basin}", "nl": "Waterstand: {basin}"},
    "figure.water.axis": {"en": "water level (m NAP)", "nl": "waterstand (m NAP)"},
    "figure.water.level": {"en": "water level", "nl": "waterstand"},
    "figure.water.alarm": {"en": "alarm level ({level} m NAP)", "nl": "alarmpeil ({level} m NAP)"},
    "figure.water.crest": {
        "en": "quay or dike crest ({level} m NAP): above it the zones flood",
        "nl": "kade- of kruinhoogte ({level} m NAP): daarboven lopen de gebieden onder",
    },
    "figure.water.initial": {"en": "level at the start ({level} m NAP)", "nl": "peil bij de start ({level} m NAP)"},
    "figure.water.peak": {"en": "highest level ({level} m NAP)", "nl": "hoogste stand ({level} m NAP)"},
    "figure.water.flooded": {"en": "a zone begins to flood", "nl": "een gebied loopt onder"},
    # --- the cascade figure's map (simulator.report.figures) --------------------------------------
    "figure.zones": {"en": "flood zones", "nl": "overstromingsgebieden"},
    "figure.zone.flooded": {"en": "{zone}: flooded", "nl": "{zone}: ondergelopen"},
    "figure.zone.dry": {"en": "{zone}: stayed dry", "nl": "{zone}: droog gebleven"},
    "figure.north": {"en": "N", "nl": "N"},
}
