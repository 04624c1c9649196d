"""The inject list (MSEL) for exercise control: what it shows a person, in English and Dutch.
See ``simulator.messages``.

The spoken messages are in ``msel_speech`` and, where a verb follows a name, ``msel_agree``;
``msel.do.*`` are the expected player actions;
``msel.from.*``, ``msel.to.*`` and ``msel.method.*`` the simulated senders, the receiving player
roles and the means of communication; ``msel.sim.*`` and ``msel.note.*`` what exercise control
reads in the simulation column.
"""

from .msel_agree import AGREEMENT
from .msel_speech import SPEECH

ENTRIES: dict[str, dict[str, str]] = {
    # --- the workbook ---------------------------------------------------------------------------
    "msel.sheet": {"en": "Inject list", "nl": "Injectlijst"},
    "msel.title": {
        "en": "Master Scenario Events List (MSEL): {scenario} (seed {seed}); times in {timezone}",
        "nl": "Injectlijst (MSEL) voor de oefenleiding: {scenario} (seed {seed}); tijden in {timezone}",
    },
    "msel.col.number": {"en": "No.", "nl": "Nr."},
    "msel.col.clock": {"en": "Time", "nl": "Tijdstip"},
    "msel.col.elapsed": {"en": "T+", "nl": "T+"},  # elapsed since the start: a 5-character column
    "msel.col.from": {"en": "From", "nl": "Van"},
    "msel.col.to": {"en": "To", "nl": "Aan"},
    "msel.col.method": {"en": "Method", "nl": "Middel"},
    "msel.col.message": {"en": "Message (read out as it is)", "nl": "Bericht (letterlijk voorlezen)"},
    "msel.col.expected": {"en": "Expected player action", "nl": "Verwachte actie van de spelers"},
    "msel.col.simulation": {
        "en": "What the simulation knows (exercise control)",
        "nl": "Wat de simulatie weet (oefenleiding)",
    },
    "msel.col.events": {"en": "Related events", "nl": "Gebeurtenissen"},
    "msel.col.assets": {"en": "Related assets", "nl": "Objecten"},
    "msel.col.detail": {"en": "Every event (exercise control)", "nl": "Alle gebeurtenissen (oefenleiding)"},
    # --- the command ----------------------------------------------------------------------------
    "msel.cli.written.one": {
        "en": "Inject list with {n} inject written to {path}",
        "nl": "Injectlijst met {n} inject geschreven naar {path}",
    },
    "msel.cli.written.other": {
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
    "msel.method.direct_line": {
        "en": "Direct line (control room)",
        "nl": "Directe lijn (meldkamer)",
    },
    "msel.method.phone": {"en": "Phone", "nl": "Telefoon"},
    "msel.method.email": {"en": "E-mail", "nl": "E-mail"},
    "msel.method.scada": {"en": "SCADA alarm", "nl": "SCADA-alarm"},
    "msel.method.radio": {"en": "Radio (C2000)", "nl": "Portofoon (C2000)"},
    "msel.method.social": {"en": "Social media", "nl": "Sociale media"},
    "msel.method.media": {"en": "Media (news)", "nl": "Media (nieuws)"},
    "msel.method.knmi": {"en": "KNMI warning (website, app)", "nl": "KNMI-waarschuwing (website, app)"},
    # --- who sends (played by exercise control) and who receives (the players) -------------------
    "msel.from.caller": {"en": "Caller on 112", "nl": "Melder via 112"},
    "msel.from.callers": {"en": "Callers on 112", "nl": "Melders via 112"},
    "msel.from.residents": {"en": "Residents calling 112", "nl": "Bewoners via 112"},
    "msel.from.official": {"en": "Office of the {official}", "nl": "Secretariaat {official}"},
    "msel.from.operator": {"en": "Duty operator, {org}", "nl": "Dienstdoende operator {org}"},
    "msel.from.staff": {"en": "Duty officer, {org}", "nl": "Dienstdoende medewerker {org}"},
    "msel.from.it_staff": {"en": "System administrator, {org}", "nl": "Systeembeheerder {org}"},
    "msel.from.duty": {"en": "On-call manager, {org}", "nl": "Piketfunctionaris {org}"},
    "msel.from.soc": {"en": "Security operations centre (SOC), {org}", "nl": "Security operations center (SOC) {org}"},
    "msel.from.scada": {"en": "SCADA system, {org}", "nl": "SCADA-systeem {org}"},
    "msel.from.webcare": {"en": "Webcare team, {org}", "nl": "Webcareteam {org}"},
    "msel.from.units": {"en": "Units on site", "nl": "Eenheden ter plaatse"},
    "msel.from.public": {"en": "News media", "nl": "Nieuwsmedia"},
    "msel.from.knmi": {"en": "KNMI (weather warning)", "nl": "KNMI (weerwaarschuwing)"},
    "msel.from.wmcn": {
        "en": "WMCN-Kust (Rijkswaterstaat, storm surge)",
        "nl": "WMCN-Kust (Rijkswaterstaat, stormvloed)",
    },
    "msel.to.control_room": {"en": "Control room (meldkamer)", "nl": "Meldkamer"},
    "msel.to.crisis_team": {"en": "Crisis team, {org}", "nl": "Crisisteam {org}"},
    # --- what the simulation knows (for exercise control) -------------------------------------
    "msel.sim.more": {
        "en": "and {n} more (every event in the CSV)",
        "nl": "en nog {n} (alle gebeurtenissen in de CSV)",
    },
    # the expected-action cell of the workbook, cut to its printed lines (report/msel.py)
    "msel.do.more.one": {"en": "and {n} more action (see the CSV)", "nl": "en nog {n} actie (zie de CSV)"},
    "msel.do.more.other": {"en": "and {n} more actions (see the CSV)", "nl": "en nog {n} acties (zie de CSV)"},
    # {actions}: the decisions, quoted and joined ("'A', 'B' en 'C'"); one note per team and time
    "msel.note.moved.one": {
        "en": "Note: {actions} is a decision of the {team}, in session from {clock}: listed here, not earlier.",
        "nl": "Let op: {actions} is een besluit van het {team}, bijeen vanaf {clock}: hier vermeld, niet eerder.",
    },
    "msel.note.moved.other": {
        "en": "Note: {actions} are decisions of the {team}, in session from {clock}: listed here, not earlier.",
        "nl": "Let op: {actions} zijn besluiten van het {team}, bijeen vanaf {clock}: hier vermeld, niet eerder.",
    },
    "msel.note.dropped.one": {
        "en": "Note: {actions} is a decision of the {team} (in session from {clock}); no inject comes while "
        "it is in session, so it is not listed as an expected action.",
        "nl": "Let op: {actions} is een besluit van het {team} (bijeen vanaf {clock}); er komt geen inject "
        "terwijl het bijeen is, dus het staat niet bij de verwachte acties.",
    },
    "msel.note.dropped.other": {
        "en": "Note: {actions} are decisions of the {team} (in session from {clock}); no inject comes while "
        "it is in session, so they are not listed as expected actions.",
        "nl": "Let op: {actions} zijn besluiten van het {team} (bijeen vanaf {clock}); er komt geen inject "
        "terwijl het bijeen is, dus ze staan niet bij de verwachte acties.",
    },
    "msel.note.never.one": {
        "en": "Note: {actions} waits for team {team}, which does not assemble in this run: not listed.",
        "nl": "Let op: {actions} wacht op team {team}, dat in deze run niet bijeenkomt: niet vermeld.",
    },
    "msel.note.never.other": {
        "en": "Note: {actions} wait for team {team}, which does not assemble in this run: not listed.",
        "nl": "Let op: {actions} wachten op team {team}, dat in deze run niet bijeenkomt: niet vermeld.",
    },
    "msel.note.and": {"en": " and ", "nl": " en "},
    # --- the expected player action ----------------------------------------------------------------
    "msel.do.manual": {"en": "Switch to manual operation", "nl": "Overgaan op handbediening"},
    "msel.do.isolate": {"en": "Isolate from the network", "nl": "Isoleren van het netwerk"},
    "msel.do.report_crime": {"en": "Report the crime to the police", "nl": "Aangifte doen bij de politie"},
    "msel.do.inform_prosecutor": {"en": "Inform the public prosecutor", "nl": "Het Openbaar Ministerie informeren"},
    "msel.do.order_seizure": {"en": "Order the evidence secured", "nl": "Bevel geven het bewijs veilig te stellen"},
    "msel.do.secure_evidence": {"en": "Secure forensic evidence", "nl": "Forensisch bewijs veiligstellen"},
    "msel.do.restore": {"en": "Restore from backups", "nl": "Herstellen uit back-ups"},
    "msel.do.repair": {
        "en": "Send crew {crew} to repair {name}",
        "nl": "Ploeg {crew} inzetten voor herstel van {name}",
    },
    "msel.do.repair_plain": {"en": "Have {name} repaired", "nl": "{name} laten herstellen"},
    "msel.do.emergency_water": {
        "en": "Arrange emergency drinking water with the water company",
        "nl": "Noodwater regelen met het drinkwaterbedrijf",
    },
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
    "msel.do.weather": {
        "en": "Assess the weather warning: brief the water board and prepare for water in the streets",
        "nl": "Weerwaarschuwing beoordelen: afstemmen met het waterschap en voorbereiden op water op straat",
    },
    "msel.do.surge": {
        "en": "Storm surge: agree on barriers, locks and a dike watch with the water board and Rijkswaterstaat",
        "nl": "Stormvloed: keringen, sluizen en dijkbewaking afstemmen met waterschap en Rijkswaterstaat",
    },
    "msel.do.picture": {"en": "Update the situational picture", "nl": "Beeldvorming bijwerken"},
    "msel.do.picture_down": {
        "en": "Update the situational picture; consider scaling down",
        "nl": "Beeldvorming bijwerken; afschalen overwegen",
    },
}
ENTRIES.update(SPEECH)
ENTRIES.update(AGREEMENT)
