"""The live exercise (``rampsim exercise``): its pages and what the command prints, in English and Dutch.

``live.page.*`` are served to the pages' scripts (without the prefix); ``live.error.*`` answer a
message the server cannot carry out; ``live.cli.*`` are printed by the command. Action names come
from ``msel.do.*`` where the MSEL has one. See ``simulator.messages``.
"""

ENTRIES: dict[str, dict[str, str]] = {
    "live.page.control_title": {"en": "Exercise control — {name}", "nl": "Oefenleiding — {name}"},
    "live.page.player_title": {"en": "{party} — {name}", "nl": "{party} — {name}"},
    "live.page.clock": {"en": "Clock", "nl": "Klok"},
    "live.page.status_operational": {"en": "operational", "nl": "in bedrijf"},
    "live.page.status_degraded": {"en": "degraded", "nl": "verminderd"},
    "live.page.status_failed": {"en": "failed", "nl": "uitgevallen"},
    "live.page.running": {"en": "▶ running", "nl": "▶ loopt"},
    "live.page.paused": {"en": "❚❚ paused", "nl": "❚❚ gepauzeerd"},
    "live.page.finished": {"en": "■ ended", "nl": "■ afgelopen"},
    "live.page.start": {"en": "Start", "nl": "Start"},
    "live.page.pause": {"en": "Pause", "nl": "Pauze"},
    "live.page.speed": {
        "en": "Speed (simulated minutes per minute)",
        "nl": "Snelheid (gesimuleerde minuten per minuut)",
    },
    "live.page.set_speed": {"en": "Set", "nl": "Instellen"},
    "live.page.jump": {"en": "Jump ahead to minute", "nl": "Vooruitspringen naar minuut"},
    "live.page.jump_go": {"en": "Jump", "nl": "Springen"},
    "live.page.end": {"en": "End exercise", "nl": "Oefening beëindigen"},
    "live.page.end_confirm": {
        "en": "End the exercise? The rest of the scenario is played without players and the run files are written.",
        "nl": (
            "De oefening beëindigen? De rest van het scenario wordt zonder spelers doorgerekend en de "
            "run-bestanden worden geschreven."
        ),
    },
    "live.page.ended": {
        "en": "The exercise has ended. Run directory: {path}",
        "nl": "De oefening is afgelopen. Run-map: {path}",
    },
    "live.page.feed": {"en": "Events (ground truth)", "nl": "Gebeurtenissen (werkelijkheid)"},
    "live.page.known_feed": {"en": "What we know", "nl": "Wat wij weten"},
    "live.page.nothing_yet": {"en": "Nothing yet", "nl": "Nog niets"},
    "live.page.status": {"en": "Asset status (ground truth)", "nl": "Status objecten (werkelijkheid)"},
    "live.page.known_status": {"en": "Status as we know it", "nl": "Status zoals bij ons bekend"},
    "live.page.manual": {"en": "manual", "nl": "handbediening"},
    "live.page.map": {"en": "Map of what we know", "nl": "Kaart van wat wij weten"},
    "live.page.map_truth": {"en": "Map (ground truth)", "nl": "Kaart (werkelijkheid)"},
    "live.page.map_status_unknown": {"en": "state not known", "nl": "toestand onbekend"},
    "live.page.map_hint": {
        "en": "Only the assets we know of, in the last state we know. Click one to make it the decision's target.",
        "nl": (
            "Alleen de objecten die wij kennen, in de laatste toestand die wij kennen. Klik er een aan om het doel "
            "van het besluit te maken."
        ),
    },
    "live.page.map_empty": {
        "en": "We know of no assets yet.",
        "nl": "Wij kennen nog geen objecten.",
    },
    "live.page.since": {"en": "since {clock}", "nl": "sinds {clock}"},
    "live.page.forecast": {"en": "Upcoming injects", "nl": "Komende injects"},
    "live.page.forecast_busy": {"en": "computing the course ahead…", "nl": "het verdere verloop wordt berekend…"},
    "live.page.due": {"en": "due", "nl": "nu aan de beurt"},
    "live.page.deliver": {"en": "Deliver", "nl": "Uitgeven"},
    "live.page.delivered": {"en": "delivered to {party} at {clock}", "nl": "uitgegeven aan {party} om {clock}"},
    "live.page.expected": {"en": "Expected", "nl": "Verwacht"},
    "live.page.inject_form": {"en": "Ad-hoc inject", "nl": "Ad-hoc inject"},
    "live.page.inject_type": {"en": "Type", "nl": "Soort"},
    "live.page.inject_target": {"en": "Target", "nl": "Doel"},
    "live.page.inject_options": {
        "en": "Options (YAML, e.g. {{duration: 2h}})",
        "nl": "Opties (YAML, bijv. {{duration: 2h}})",
    },
    "live.page.inject_send": {"en": "Inject now", "nl": "Nu injecteren"},
    "live.page.decisions": {"en": "Decisions", "nl": "Besluiten"},
    "live.page.my_decisions": {"en": "Our decisions", "nl": "Onze besluiten"},
    "live.page.taken": {"en": "taken", "nl": "genomen"},
    "live.page.refused": {"en": "refused: {reason}", "nl": "geweigerd: {reason}"},
    "live.page.deadlines": {"en": "Legal clocks", "nl": "Wettelijke termijnen"},
    "live.page.deadline_due": {"en": "due {clock}", "nl": "uiterlijk {clock}"},
    "live.page.deadline_met": {"en": "met", "nl": "gehaald"},
    "live.page.deadline_missed": {"en": "missed", "nl": "gemist"},
    "live.page.deadline_open": {"en": "open", "nl": "loopt"},
    "live.page.grip": {"en": "GRIP {level}", "nl": "GRIP {level}"},
    "live.page.teams": {"en": "Teams assembled", "nl": "Teams bijeen"},
    "live.page.none": {"en": "none", "nl": "geen"},
    "live.page.links": {"en": "Join links", "nl": "Deelnamelinks"},
    "live.page.inbox": {"en": "Inbox", "nl": "Postvak"},
    "live.page.decide": {"en": "Decision", "nl": "Besluit"},
    "live.page.action": {"en": "Action", "nl": "Actie"},
    "live.page.target": {"en": "Target", "nl": "Doel"},
    "live.page.crew": {"en": "Crew", "nl": "Ploeg"},
    "live.page.crew_default": {"en": "(the action's own crew)", "nl": "(de eigen ploeg van de actie)"},
    "live.page.level": {"en": "GRIP level", "nl": "GRIP-niveau"},
    "live.page.size": {"en": "Extra people", "nl": "Extra mensen"},
    "live.page.deadline": {"en": "Deadline", "nl": "Termijn"},
    "live.page.rationale": {"en": "Rationale", "nl": "Motivering"},
    "live.page.submit": {"en": "Submit decision", "nl": "Besluit doorgeven"},
    "live.page.sent": {"en": "Decision sent", "nl": "Besluit doorgegeven"},
    "live.page.disconnected": {
        "en": "Connection lost — reconnecting…",
        "nl": "Verbinding verbroken — opnieuw verbinden…",
    },
    "live.action.repair": {"en": "Repair", "nl": "Herstellen"},
    "live.action.grip": {"en": "Set the GRIP level", "nl": "GRIP-niveau vaststellen"},
    "live.action.call_crew": {"en": "Call in extra people for a crew", "nl": "Extra mensen voor een ploeg oproepen"},
    "live.action.inject": {"en": "Ad-hoc inject", "nl": "Ad-hoc inject"},
    "live.party.exercise_control": {"en": "Exercise control", "nl": "Oefenleiding"},
    "live.error.ended": {"en": "The exercise has ended", "nl": "De oefening is afgelopen"},
    "live.error.bad_message": {
        "en": "The server could not read that message",
        "nl": "De server kon dat bericht niet lezen",
    },
    "live.error.not_offered": {
        "en": "{field} '{value}' is not offered to {party}",
        "nl": "{field} '{value}' wordt {party} niet aangeboden",
    },
    "live.error.unknown_row": {
        "en": "That inject is no longer in the list",
        "nl": "Die inject staat niet meer in de lijst",
    },
    "live.error.unknown_party": {"en": "No party '{party}'", "nl": "Geen partij '{party}'"},
    "live.error.bad_speed": {
        "en": "Speed must be more than 0 and at most {most} simulated minutes per minute",
        "nl": "De snelheid moet meer dan 0 en hoogstens {most} gesimuleerde minuten per minuut zijn",
    },
    "live.error.bad_jump": {
        "en": "Jump to a minute after now (T+{now}) and at most the end (T+{end})",
        "nl": "Spring naar een minuut na nu (T+{now}) en hoogstens het einde (T+{end})",
    },
    "live.error.bad_options": {"en": "Options: {reason}", "nl": "Opties: {reason}"},
    "live.cli.session": {"en": "Session directory: {path}", "nl": "Sessiemap: {path}"},
    "live.cli.resumed": {
        "en": "Resumed at T+{minute} ({clock}) with {decisions} decisions and {deliveries} delivered injects",
        "nl": "Hervat op T+{minute} ({clock}) met {decisions} besluiten en {deliveries} uitgegeven injects",
    },
    "live.cli.control": {"en": "Exercise control:", "nl": "Oefenleiding:"},
    "live.cli.players": {
        "en": "Players (one link per team and organisation):",
        "nl": "Spelers (één link per team en organisatie):",
    },
    "live.cli.listening": {
        "en": (
            "Listening on {host}:{port}; the clock is paused until exercise control starts it. Ctrl-C stops; "
            "resume with --session {path}"
        ),
        "nl": (
            "Luistert op {host}:{port}; de klok staat stil tot de oefenleiding hem start. Ctrl-C stopt; hervatten "
            "met --session {path}"
        ),
    },
    "live.cli.all_interfaces": {
        "en": "Listening on every network interface: players on other laptops replace {host} by this machine's address",
        "nl": (
            "Luistert op elke netwerkinterface: spelers op andere laptops vervangen {host} door het adres van deze "
            "machine"
        ),
    },
    "live.cli.port_busy": {
        "en": "Cannot listen on {host}:{port}: {reason}. Choose another port with --port",
        "nl": "Kan niet luisteren op {host}:{port}: {reason}. Kies een andere poort met --port",
    },
    "live.cli.bad_speed": {
        "en": "--speed: {value} is out of range: more than 0 and at most {most} simulated minutes per minute",
        "nl": "--speed: {value} valt buiten het bereik: meer dan 0 en hoogstens {most} gesimuleerde minuten per minuut",
    },
    "live.cli.ended": {
        "en": "The exercise has ended; run directory: {path}",
        "nl": "De oefening is afgelopen; run-map: {path}",
    },
    "live.session.not_a_session": {
        "en": "{path} exists and is not a session directory of rampsim exercise (no {file})",
        "nl": "{path} bestaat en is geen sessiemap van rampsim exercise (geen {file})",
    },
    "live.session.other_scenario": {
        "en": "{path} is a session of scenario '{other}', not of '{name}'",
        "nl": "{path} is een sessie van scenario '{other}', niet van '{name}'",
    },
    "live.session.scenario_changed": {
        "en": (
            "{path}: the scenario file {file} changed since the session began; replaying it would give another course"
        ),
        "nl": (
            "{path}: het scenariobestand {file} is gewijzigd sinds de sessie begon; opnieuw afspelen zou een ander "
            "verloop geven"
        ),
    },
    "live.session.other_seed": {
        "en": "{path} was played with seed {seed}; leave out --seed or pass --seed {seed}",
        "nl": "{path} is gespeeld met seed {seed}; laat --seed weg of geef --seed {seed}",
    },
    "live.session.unreadable": {
        "en": "{path}: line {line} is not a session record",
        "nl": "{path}: regel {line} is geen sessieregel",
    },
}
