"""The inject list (MSEL) for exercise control: what it shows a person, in English and Dutch.
See ``simulator.messages``.

``msel.say.*`` and ``msel.fact.*`` are the messages as the player hears them; ``msel.do.*`` the
expected player actions; ``msel.from.*``, ``msel.to.*`` and ``msel.method.*`` the simulated
senders, the receiving player roles and the means of communication.
"""

ENTRIES: dict[str, dict[str, str]] = {
    # --- the workbook ---------------------------------------------------------------------------
    "msel.sheet": {"en": "Inject list", "nl": "Injectlijst"},
    "msel.title": {
        "en": "Master Scenario Events List (MSEL): {scenario} (seed {seed}); times in {timezone}",
        "nl": "Injectlijst (MSEL) voor de oefenleiding: {scenario} (seed {seed}); tijden in {timezone}",
    },
    "msel.col.number": {"en": "No.", "nl": "Nr."},
    "msel.col.clock": {"en": "Time", "nl": "Tijdstip"},
    "msel.col.elapsed": {"en": "Elapsed", "nl": "Verstreken"},
    "msel.col.from": {"en": "From", "nl": "Van"},
    "msel.col.to": {"en": "To", "nl": "Aan"},
    "msel.col.method": {"en": "Method", "nl": "Middel"},
    "msel.col.message": {"en": "Message (as the player hears it)", "nl": "Bericht (zoals de speler het hoort)"},
    "msel.col.expected": {"en": "Expected player action", "nl": "Verwachte actie van de spelers"},
    "msel.col.events": {"en": "Related events", "nl": "Gebeurtenissen"},
    "msel.col.assets": {"en": "Related assets", "nl": "Objecten"},
    # --- the command ----------------------------------------------------------------------------
    "msel.cli.written": {
        "en": "Inject list with {n} injects written to {path}",
        "nl": "Injectlijst met {n} injects geschreven naar {path}",
    },
    "msel.cli.bad_suffix": {
        "en": "--out {path}: the format follows the suffix, which must be one of {allowed}",
        "nl": "--out {path}: het formaat volgt uit de extensie, en die moet een van {allowed} zijn",
    },
    "msel.cli.exists": {
        "en": "{path} already exists: choose another --out or add --force to replace it",
        "nl": "{path} bestaat al: kies een andere --out of voeg --force toe om het te vervangen",
    },
    # --- means ----------------------------------------------------------------------------------
    "msel.method.phone_112": {"en": "Phone (112)", "nl": "Telefoon (112)"},
    "msel.method.phone": {"en": "Phone", "nl": "Telefoon"},
    "msel.method.email": {"en": "E-mail", "nl": "E-mail"},
    "msel.method.scada": {"en": "SCADA alarm", "nl": "SCADA-alarm"},
    "msel.method.radio": {"en": "Radio (C2000)", "nl": "Portofoon (C2000)"},
    "msel.method.social": {"en": "Social media", "nl": "Sociale media"},
    "msel.method.media": {"en": "Media (KNMI warning, news)", "nl": "Media (KNMI-waarschuwing, nieuws)"},
    # --- who sends (played by exercise control) and who receives (the players) -------------------
    "msel.from.caller": {"en": "Caller on 112", "nl": "Melder via 112"},
    "msel.from.residents": {"en": "Residents calling 112", "nl": "Bewoners via 112"},
    "msel.from.official": {"en": "Office of the {official}", "nl": "Secretariaat {official}"},
    "msel.from.operator": {"en": "Operator, {org}", "nl": "Beheerder {org}"},
    "msel.from.duty": {"en": "Duty officer, {org}", "nl": "Piketfunctionaris {org}"},
    "msel.from.soc": {"en": "Security monitoring (SOC), {org}", "nl": "Securitymonitoring (SOC) {org}"},
    "msel.from.scada": {"en": "SCADA system, {org}", "nl": "SCADA-systeem {org}"},
    "msel.from.webcare": {"en": "Online monitoring (webcare), {org}", "nl": "Online monitoring (webcare) {org}"},
    "msel.from.units": {"en": "Units on site", "nl": "Eenheden ter plaatse"},
    "msel.from.public": {"en": "Public warning", "nl": "Publieke waarschuwing"},
    "msel.to.control_room": {"en": "Control room (meldkamer)", "nl": "Meldkamer"},
    "msel.to.crisis_team": {"en": "Crisis team, {org}", "nl": "Crisisteam {org}"},
    # --- the message as the player hears it ------------------------------------------------------
    "msel.say.caller": {"en": "A caller on 112 reports: {content}.", "nl": "Een melder belt 112: {content}."},
    "msel.say.residents": {"en": "Residents call 112: {content}.", "nl": "Bewoners bellen 112: {content}."},
    "msel.say.official": {
        "en": "The office of the {official} reports: {content}.",
        "nl": "Het secretariaat van de {official} meldt: {content}.",
    },
    "msel.say.operator": {
        "en": "The operator ({org}) reports: {content}.",
        "nl": "De beheerder ({org}) meldt: {content}.",
    },
    "msel.say.duty": {
        "en": "The duty officer of {org} reports: {content}.",
        "nl": "De piketfunctionaris van {org} meldt: {content}.",
    },
    "msel.say.soc": {
        "en": "The security monitoring of {org} reports: {content}.",
        "nl": "De securitymonitoring van {org} meldt: {content}.",
    },
    "msel.say.scada": {"en": "SCADA alarm at {org}: {content}.", "nl": "SCADA-alarm bij {org}: {content}."},
    "msel.say.webcare": {"en": "Online monitoring finds: {content}.", "nl": "Online monitoring signaleert: {content}."},
    "msel.say.units": {"en": "Units on site report: {content}.", "nl": "Eenheden ter plaatse melden: {content}."},
    "msel.say.public": {
        "en": "Public warning (KNMI, news): {content}.",
        "nl": "Publieke waarschuwing (KNMI, nieuws): {content}.",
    },
    "msel.fact.failed": {"en": "{name} is down since {since}{why}", "nl": "{name} is sinds {since} uitgevallen{why}"},
    "msel.fact.degraded": {
        "en": "{name} works at {level_pct} since {since}{why}",
        "nl": "{name} werkt sinds {since} op {level_pct}{why}",
    },
    "msel.fact.why": {"en": ": no {needs}", "nl": ": geen {needs}"},
    "msel.fact.operational": {"en": "{name} works again", "nl": "{name} werkt weer"},
    "msel.fact.need_lost": {"en": "{name} has lost {needs}", "nl": "{name} heeft geen {needs} meer"},
    "msel.fact.need_reserve": {
        "en": "{name} has lost {needs} and runs on its reserve (for {buffer})",
        "nl": "{name} heeft geen {needs} meer en draait op reserve (voor {buffer})",
    },
    "msel.fact.more": {"en": "and {n} more", "nl": "en nog {n}"},
    "msel.fact.cyber.encrypted": {"en": "ransomware has encrypted {name}", "nl": "ransomware heeft {name} versleuteld"},
    "msel.fact.cyber.compromised": {
        "en": "an attacker has taken control of {name}",
        "nl": "een aanvaller heeft {name} overgenomen",
    },
    "msel.fact.cyber.manipulated": {
        "en": "{name} is being manipulated by an attacker",
        "nl": "{name} wordt door een aanvaller gemanipuleerd",
    },
    "msel.fact.cyber.exfiltrated": {
        "en": "data has been stolen from {name}",
        "nl": "er zijn gegevens gestolen uit {name}",
    },
    "msel.fact.cyber.ddos.start": {
        "en": "{name} is under a DDoS attack ({level_pct} of its capacity left)",
        "nl": "{name} ligt onder een DDoS-aanval (nog {level_pct} capaciteit)",
    },
    "msel.fact.online.threat.start": {
        "en": "the {official} is being threatened online",
        "nl": "de {official} wordt online bedreigd",
    },
    "msel.fact.online.mobilization.start": {
        "en": "an online call to gather at {name} is spreading",
        "nl": "een online oproep om samen te komen bij {name} gaat rond",
    },
    "msel.fact.cyber.ddos.end": {
        "en": "the DDoS attack on {name} has ended",
        "nl": "de DDoS-aanval op {name} is voorbij",
    },
    # --- the expected player action ----------------------------------------------------------------
    "msel.do.manual": {"en": "Switch to manual operation", "nl": "Overgaan op handbediening"},
    "msel.do.isolate": {"en": "Isolate from the network", "nl": "Isoleren van het netwerk"},
    "msel.do.secure_evidence": {"en": "Secure forensic evidence", "nl": "Forensisch bewijs veiligstellen"},
    "msel.do.restore": {"en": "Restore from backups", "nl": "Herstellen uit back-ups"},
    "msel.do.repair": {
        "en": "Send crew {crew} to repair {name}",
        "nl": "Ploeg {crew} inzetten voor herstel van {name}",
    },
    "msel.do.repair_plain": {"en": "Have {name} repaired", "nl": "{name} laten herstellen"},
    "msel.do.nl_alert": {"en": "Send an NL-Alert", "nl": "NL-Alert versturen"},
    "msel.do.evacuate": {"en": "Evacuate", "nl": "Evacueren"},
    "msel.do.ordinance": {
        "en": "Prepare an emergency ordinance (mayor)",
        "nl": "Noodverordening voorbereiden (burgemeester)",
    },
    "msel.do.ask_help": {"en": "Ask for expert help (IBD, NCSC)", "nl": "Experthulp inschakelen (IBD, NCSC)"},
    "msel.do.inform_public": {
        "en": "Inform the public (press, website, social media)",
        "nl": "Publiek informeren (pers, website, sociale media)",
    },
    "msel.do.notify": {"en": "Make the legal notification", "nl": "Wettelijke melding doen"},
    "msel.do.counter_message": {"en": "Publish a counter-message", "nl": "Tegenbericht publiceren"},
    "msel.do.protect": {"en": "Protect the threatened official", "nl": "Bedreigde bestuurder beveiligen"},
    "msel.do.close_gates": {"en": "Close the gates by hand", "nl": "Deuren met de hand sluiten"},
    "msel.do.refuel": {"en": "Refuel the generators", "nl": "Noodstroomaggregaten bijtanken"},
    "msel.do.reinforce": {"en": "Reinforce the police on site", "nl": "Politie ter plaatse versterken"},
    "msel.do.targets": {"en": "{what}: {targets}", "nl": "{what}: {targets}"},
    "msel.do.crew": {"en": "{what} — {crew}", "nl": "{what} — {crew}"},
    "msel.do.more": {"en": "{n} more", "nl": "nog {n}"},
    "msel.do.grip_up": {"en": "Decide on scaling up to {name}", "nl": "Besluiten over opschaling naar {name}"},
    "msel.do.grip_down": {"en": "Decide on scaling down to {name}", "nl": "Besluiten over afschaling naar {name}"},
    "msel.do.grip_end": {"en": "Decide to end the escalation", "nl": "Besluiten de opschaling te beëindigen"},
    "msel.do.deadline": {
        "en": "{deadline} for {org}: notify within {within}, by {due}",
        "nl": "{deadline} voor {org}: melden binnen {within}, uiterlijk {due}",
    },
    "msel.do.register": {"en": "Register the report and inform {org}", "nl": "Melding registreren en {org} informeren"},
    "msel.do.register_plain": {
        "en": "Register the report; send units if needed",
        "nl": "Melding registreren; zo nodig eenheden sturen",
    },
    "msel.do.assess": {
        "en": "Assess the incident and inform the control room",
        "nl": "Incident beoordelen en de meldkamer informeren",
    },
    "msel.do.picture": {"en": "Update the situational picture", "nl": "Beeldvorming bijwerken"},
    "msel.do.picture_down": {
        "en": "Update the situational picture; consider scaling down",
        "nl": "Beeldvorming bijwerken; afschalen overwegen",
    },
}
