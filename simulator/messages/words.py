"""The words inside the sentences of a run's events: statuses, needs, incident types and classes,
action types, GRIP levels. English and Dutch; see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "incident.online.mobilization": {"en": "online call to gather", "nl": "online oproep tot samenkomst"},
    "actiontype.reinforce": {"en": "Police reinforcement", "nl": "Politieversterking"},
    "actiontype.refuel": {"en": "Refuel", "nl": "Brandstof bijvullen"},
    "incident.hazard": {"en": "physical hazard", "nl": "fysiek gevaar"},
    "word.none": {
        "en": "none",
        "nl": "geen",
    },
    "status.operational": {
        "en": "operational",
        "nl": "in bedrijf",
    },
    "status.degraded": {
        "en": "degraded",
        "nl": "verminderd",
    },
    "status.failed": {
        "en": "failed",
        "nl": "uitgevallen",
    },
    # on its manual fallback: running by hand (the list of what is down in the replay)
    "status.manual": {
        "en": "manual",
        "nl": "handbediend",
    },
    "need.power": {
        "en": "power",
        "nl": "stroom",
    },
    "need.water": {
        "en": "water",
        "nl": "water",
    },
    "need.data": {
        "en": "data",
        "nl": "data",
    },
    "need.control": {
        "en": "control",
        "nl": "besturing",
    },
    "need.telecom": {
        "en": "telecom",
        "nl": "telecom",
    },
    "need.cooling": {
        "en": "cooling",
        "nl": "koeling",
    },
    "need.fuel": {
        "en": "fuel",
        "nl": "brandstof",
    },
    "need.staff": {
        "en": "staff",
        "nl": "personeel",
    },
    "need.access": {
        "en": "access",
        "nl": "toegang",
    },
    "backups.none": {
        "en": "none",
        "nl": "geen",
    },
    "backups.online": {
        "en": "online",
        "nl": "online",
    },
    "backups.offline": {
        "en": "offline",
        "nl": "offline",
    },
    "effect.disrupt": {
        "en": "shut down",
        "nl": "uitgeschakeld",
    },
    "incident.outage": {
        "en": "outage",
        "nl": "uitval",
    },
    "incident.cyber.compromise": {
        "en": "cyber attack (attacker in control)",
        "nl": "cyberaanval (aanvaller heeft controle)",
    },
    "incident.cyber.ransomware": {
        "en": "ransomware",
        "nl": "ransomware",
    },
    "incident.cyber.ddos": {
        "en": "DDoS attack",
        "nl": "DDoS-aanval",
    },
    "class.cybercrime": {
        "en": "cybercrime",
        "nl": "cybercriminaliteit",
    },
    "class.digitised_crime": {
        "en": "digitised crime",
        "nl": "gedigitaliseerde criminaliteit",
    },
    "class.safety_digital": {
        "en": "safety with a digital component",
        "nl": "veiligheid met een digitale component",
    },
    "class.physical": {
        "en": "physical incident",
        "nl": "fysiek incident",
    },
    "actiontype.manual": {
        "en": "Manual operation",
        "nl": "Handbediening",
    },
    "actiontype.isolate": {
        "en": "Isolate network",
        "nl": "Netwerk isoleren",
    },
    "actiontype.report_crime": {
        "en": "Report the crime to the police",
        "nl": "Aangifte bij de politie",
    },
    "actiontype.inform_prosecutor": {
        "en": "Inform the public prosecutor (OM)",
        "nl": "Openbaar Ministerie informeren",
    },
    "actiontype.order_seizure": {
        "en": "Order to secure the evidence (public prosecutor)",
        "nl": "Bevel tot veiligstellen van bewijs (officier van justitie)",
    },
    "actiontype.secure_evidence": {
        "en": "Secure evidence",
        "nl": "Bewijs veiligstellen",
    },
    "actiontype.restore": {
        "en": "Restore from backups",
        "nl": "Herstel uit back-ups",
    },
    "actiontype.repair": {
        "en": "Repair",
        "nl": "Reparatie",
    },
    "actiontype.nl_alert": {
        "en": "NL-Alert",
        "nl": "NL-Alert",
    },
    "actiontype.evacuate": {
        "en": "Evacuation",
        "nl": "Evacuatie",
    },
    "actiontype.ordinance": {
        "en": "Emergency ordinance",
        "nl": "Noodverordening",
    },
    "actiontype.ask_help": {
        "en": "Ask for expert help",
        "nl": "Hulp van experts inroepen",
    },
    "actiontype.inform_public": {
        "en": "Inform the public",
        "nl": "Publiek informeren",
    },
    "actiontype.notify": {
        "en": "Notification",
        "nl": "Melding",
    },
    "actiontype.counter_message": {
        "en": "Counter-message",
        "nl": "Tegenbericht",
    },
    "actiontype.protect": {
        "en": "Police protection",
        "nl": "Politiebeveiliging",
    },
    "word.on": {
        "en": " ({name})",
        "nl": " ({name})",
    },
    "word.never": {
        "en": "never",
        "nl": "nooit",
    },
    "incident.online.fraud": {
        "en": "online fraud wave",
        "nl": "online fraudegolf",
    },
    "incident.online.threat": {
        "en": "online threats",
        "nl": "online bedreigingen",
    },
    "grip.none": {
        "en": "no escalation",
        "nl": "geen opschaling",
    },
    "actiontype.close_gates": {
        "en": "Close the gates by hand",
        "nl": "Deuren met de hand sluiten",
    },
    "word.stage.warning": {"en": "warning", "nl": "waarschuwing"},  # of a storm surge (event.hazard.surge)
    "word.stage.alarm": {"en": "alarm", "nl": "alarmering"},
    "word.gates.one": {
        "en": "one gate",
        "nl": "één deur",
    },
    "word.gates.both": {
        "en": "both gates",
        "nl": "beide deuren",
    },
    "report.failed": {
        "en": "is down",
        "nl": "is uitgevallen",
    },
    "report.degraded": {
        "en": "works only partly",
        "nl": "werkt maar gedeeltelijk",
    },
    "incident.cyber.compromise.disrupt": {
        "en": "cyber attack (shut down)",
        "nl": "cyberaanval (uitgeschakeld)",
    },
    "incident.cyber.compromise.manipulate": {
        "en": "cyber attack (manipulation)",
        "nl": "cyberaanval (manipulatie)",
    },
    "incident.cyber.compromise.exfiltrate": {
        "en": "cyber attack (data theft)",
        "nl": "cyberaanval (gegevensdiefstal)",
    },
    "word.chaired_by": {
        "en": " (chaired by {chair})",
        "nl": " (voorzitter: {chair})",
    },
    "word.waited": {
        "en": " (after waiting {minutes})",
        "nl": " (na {minutes} wachten)",
    },
    "word.about": {
        "en": ": {deadline}",
        "nl": ": {deadline}",
    },
    "word.hours.one": {"en": "{n} hour", "nl": "{n} uur"},
    "word.hours.other": {"en": "{n} hours", "nl": "{n} uur"},
    "word.days.one": {"en": "{n} day", "nl": "{n} dag"},
    "word.days.other": {"en": "{n} days", "nl": "{n} dagen"},
}
