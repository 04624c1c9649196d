"""Sentences for the events of a run (the words inside them are in ``words``). English and Dutch;
see ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "event.online.mobilization.start": {
        "en": "An online call to gather at {name} spreads (it may reach {reach} people)",
        "nl": "Een online oproep om samen te komen bij {name} gaat rond (bereik tot {reach} mensen)",
    },
    "event.crowd.gathering": {
        "en": "A crowd gathers at {name} (about {expected} expected)",
        "nl": "Een menigte verzamelt zich bij {name} (ongeveer {expected} verwacht)",
    },
    "event.crowd.disturbance": {
        "en": "Public-order disturbance at {name}: {crowd} people, the police can handle {capacity}",
        "nl": "Openbare-ordeverstoring bij {name}: {crowd} mensen, de politie kan er {capacity} aan",
    },
    "event.crowd.controlled": {
        "en": "Order restored at {name}: the police can now handle {capacity}",
        "nl": "Orde hersteld bij {name}: de politie kan er nu {capacity} aan",
    },
    "event.crowd.dispersed": {"en": "The crowd at {name} has dispersed", "nl": "De menigte bij {name} is verdwenen"},
    "event.report.received.crowd": {
        "en": "Control room receives reports of a crowd gathering at {name}",
        "nl": "Meldkamer krijgt meldingen van een menigte bij {name}",
    },
    "event.fuel.delivered": {
        "en": "{litres} litres of fuel delivered to {name}",
        "nl": "{litres} liter brandstof geleverd bij {name}",
    },
    "event.report.received.flood": {
        "en": "Control room receives reports of water in the streets near {name}",
        "nl": "Meldkamer krijgt meldingen van water op straat bij {name}",
    },
    "event.hazard.start": {
        "en": "Physical process starts at {name}: {model}",
        "nl": "Fysiek proces begint bij {name}: {model}",
    },
    "event.hazard.rain": {"en": "Rain on {basin}: {mm_per_h} mm/h", "nl": "Regen op {basin}: {mm_per_h} mm/u"},
    "event.inject": {
        "en": "Inject {inject}: {type} on {name}",
        "nl": "Inject {inject}: {type} op {name}",
    },
    "event.outage.start": {
        "en": "Outage at {name}",
        "nl": "Uitval bij {name}",
    },
    "event.outage.end": {
        "en": "Outage at {name} ends",
        "nl": "Uitval bij {name} voorbij",
    },
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
    "event.cyber.ddos.end": {
        "en": "DDoS on {name} ends",
        "nl": "DDoS op {name} voorbij",
    },
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
    "event.asset.failed": {
        "en": "{name} fails",
        "nl": "{name} valt uit",
    },
    "event.asset.degraded": {
        "en": "{name} degraded to {level_pct}",
        "nl": "{name} verminderd tot {level_pct}",
    },
    "event.asset.operational": {
        "en": "{name} operational again",
        "nl": "{name} weer in bedrijf",
    },
    "event.repair.queued": {
        "en": "{name} waits for crew {crew}",
        "nl": "{name} wacht op ploeg {crew}",
    },
    "event.repair.started": {
        "en": "Crew {crew} starts repairing {name}{waited_text}",
        "nl": "Ploeg {crew} begint herstel van {name}{waited_text}",
    },
    "event.repair.done": {
        "en": "{name} repaired",
        "nl": "{name} hersteld",
    },
    "event.repair.unavailable": {
        "en": "{name} has no recovery defined: it stays down",
        "nl": "{name} heeft geen herstel gedefinieerd: het blijft uit",
    },
    "event.repair.started_self": {
        "en": "Repair of {name} starts",
        "nl": "Herstel van {name} begint",
    },
    "event.report.received": {
        "en": "Control room receives a report: {name} {status}",
        "nl": "Meldkamer krijgt een melding: {name} {status}",
    },
    "event.detect.monitoring": {
        "en": "Monitoring detects trouble at {name}",
        "nl": "Monitoring detecteert problemen bij {name}",
    },
    "event.detect.alarm": {
        "en": "Level alarm of {basin} at {name}",
        "nl": "Peilalarm van {basin} bij {name}",
    },
    "event.crew.called_out": {
        "en": "Crew {crew} called out: at work in {until}",
        "nl": "Ploeg {crew} opgeroepen: aan het werk over {until}",
    },
    "event.repair.queued.plain": {
        "en": "{name} waits for repair",
        "nl": "{name} wacht op herstel",
    },
    "event.action.waiting": {
        "en": "{action}: waits for team {team}",
        "nl": "{action}: wacht op team {team}",
    },
    "event.action.queued": {
        "en": "{action}{on}{about}: asked of {crew}",
        "nl": "{action}{on}{about}: gevraagd aan {crew}",
    },
    "event.action.started": {
        "en": "{action}{on}{about}: started by {crew}{waited_text}",
        "nl": "{action}{on}{about}: gestart door {crew}{waited_text}",
    },
    "event.action.done": {
        "en": "{action}{on}{about}: done",
        "nl": "{action}{on}{about}: gereed",
    },
    "event.action.impossible": {
        "en": "{action} impossible for {name} (no manual fallback)",
        "nl": "{action} onmogelijk voor {name} (geen handbediening)",
    },
    "event.load.queued": {
        "en": "Extra work for {crew}: reports about {name}",
        "nl": "Extra werk voor {crew}: meldingen over {name}",
    },
    "event.load.started": {
        "en": "{crew} handles reports about {name}",
        "nl": "{crew} handelt meldingen over {name} af",
    },
    "event.load.done": {
        "en": "{crew} done with reports about {name}",
        "nl": "{crew} klaar met meldingen over {name}",
    },
    "event.grip.escalated": {
        "en": "Escalation to {name}",
        "nl": "Opschaling naar {name}",
    },
    "event.grip.deescalated": {
        "en": "De-escalation to {name}",
        "nl": "Afschaling naar {name}",
    },
    "event.team.assembled": {
        "en": "{team} assembled{chaired}",
        "nl": "{team} bijeen{chaired}",
    },
    "event.team.dismissed": {
        "en": "{team} dismissed",
        "nl": "{team} afgeschaald",
    },
    "event.deadline.started": {
        "en": "Deadline starts for {org}: {deadline} (within {within})",
        "nl": "Termijn gaat lopen voor {org}: {deadline} (binnen {within})",
    },
    "event.deadline.met": {
        "en": "Deadline met by {org}: {deadline}",
        "nl": "Termijn gehaald door {org}: {deadline}",
    },
    "event.deadline.late": {
        "en": "Done after the deadline by {org}: {deadline}",
        "nl": "Na de termijn gedaan door {org}: {deadline}",
    },
    "event.deadline.missed": {
        "en": "Deadline missed by {org}: {deadline}",
        "nl": "Termijn verstreken voor {org}: {deadline}",
    },
    "event.evidence.restore_waited": {
        "en": "Restore of {name} waited {minutes} for the forensic images",
        "nl": "Herstel van {name} wachtte {minutes} op de forensische kopieën",
    },
    "event.evidence.secured": {
        "en": "Forensic images of {name} made: evidence secured",
        "nl": "Forensische kopieën van {name} gemaakt: bewijs veiliggesteld",
    },
    "event.evidence.lost": {
        "en": "{name} restored before forensic images were made: evidence lost",
        "nl": "{name} hersteld voordat forensische kopieën zijn gemaakt: bewijs verloren",
    },
    "event.online.fraud.start": {
        "en": "Fraud wave in the municipality's name: {name} overloaded",
        "nl": "Fraudegolf uit naam van de gemeente: {name} overbelast",
    },
    "event.online.fraud.end": {
        "en": "Fraud wave in the municipality's name answered",
        "nl": "Fraudegolf uit naam van de gemeente beantwoord",
    },
    "event.online.threat.start": {
        "en": "Online threats against the {official} ({name})",
        "nl": "Online bedreigingen tegen de {official} ({name})",
    },
    "event.inject.class": {
        "en": "Inject {inject} ({class}): {type} on {name}",
        "nl": "Inject {inject} ({class}): {type} op {name}",
    },
    "event.action.skipped": {
        "en": "{action}{on}: not done, the condition does not hold ({condition})",
        "nl": "{action}{on}: niet gedaan, de voorwaarde geldt niet ({condition})",
    },
    "event.report.received.threat": {
        "en": "Control room receives a report of threats against an official at {name}",
        "nl": "Meldkamer krijgt een melding van bedreiging van een bestuurder bij {name}",
    },
    "event.rule.fired": {
        "en": "Playbook rule {rule} applies: {action}",
        "nl": "Draaiboekregel {rule} van toepassing: {action}",
    },
    "event.hazard.gates_opened": {
        "en": "The gates of {name} open ({gates}): water flows between the outside water and {basin}",
        "nl": "De deuren van {name} gaan open ({gates}): water stroomt tussen buitenwater en {basin}",
    },
    "event.hazard.gates_closed": {
        "en": "The gates of {name} are closed by hand",
        "nl": "De deuren van {name} zijn met de hand gesloten",
    },
    "event.hazard.alarm_level": {
        "en": "The water level of {basin} reaches the alarm level ({level_m} m NAP)",
        "nl": "Het waterpeil van {basin} bereikt het alarmpeil ({level_m} m NAP)",
    },
    # {stage}: word.stage.warning / word.stage.alarm; {minutes}: until the sea reaches the level
    "event.hazard.surge": {
        "en": "WMCN-Kust storm-surge {stage}: the sea reaches {level_m} m NAP in {minutes}",
        "nl": "Stormvloed{stage} WMCN-Kust: de zee bereikt over {minutes} {level_m} m NAP",
    },
    "event.hazard.surge.now": {
        "en": "WMCN-Kust storm-surge {stage}: the sea stands at {level_m} m NAP or higher",
        "nl": "Stormvloed{stage} WMCN-Kust: de zee staat op {level_m} m NAP of hoger",
    },
    "event.hazard.crest_exceeded": {
        "en": "The water level of {basin} is over the quay ({level_m} m NAP)",
        "nl": "Het waterpeil van {basin} staat boven de kade ({level_m} m NAP)",
    },
    "event.zone.flooded": {
        "en": "{zone} floods ({population} inhabitants)",
        "nl": "{zone} loopt onder ({population} inwoners)",
    },
    "event.flood.damage": {
        "en": "{name} floods and fails (water {level_m} m NAP)",
        "nl": "{name} loopt onder en valt uit (water {level_m} m NAP)",
    },
    "event.action.no_effect": {
        "en": "{action}{on}: had no effect",
        "nl": "{action}{on}: had geen effect",
    },
    "event.grip.ended": {
        "en": "Escalation ended: back to routine",
        "nl": "Afgeschaald: terug naar de dagelijkse gang van zaken",
    },
}
