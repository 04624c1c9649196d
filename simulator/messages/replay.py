"""The terminal and browser replay: what it shows a person, in English and Dutch. See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {
    "replay.title": {"en": "Replay: {name}", "nl": "Terugblik: {name}"},
    "replay.elapsed": {"en": "T+{elapsed} of T+{end}", "nl": "T+{elapsed} van T+{end}"},
    "replay.speed": {
        "en": "speed {speed}× ({per_second} per second)",
        "nl": "snelheid {speed}× ({per_second} per seconde)",
    },
    "replay.view": {"en": "view: {view}", "nl": "weergave: {view}"},
    "replay.view.truth": {"en": "ground truth", "nl": "werkelijkheid"},
    "replay.view.known": {"en": "what the crisis organisation knew", "nl": "wat de crisisorganisatie wist"},
    "replay.playing": {"en": "▶ playing", "nl": "▶ speelt"},
    "replay.paused": {"en": "❚❚ PAUSED", "nl": "❚❚ GEPAUZEERD"},
    "replay.ended": {"en": "■ END (space: from the start)", "nl": "■ EINDE (spatie: vanaf het begin)"},
    "replay.keys": {
        "en": "space pause/play · + faster · - slower · ← → previous/next event · t truth/known · q quit",
        "nl": (
            "spatie pauze/verder · + sneller · - langzamer · ← → vorige/volgende gebeurtenis · t "
            "werkelijkheid/bekend · q stoppen"
        ),
    },
    "replay.feed": {"en": "Events", "nl": "Gebeurtenissen"},
    "replay.feed_empty": {"en": "No events yet", "nl": "Nog geen gebeurtenissen"},
    "replay.feed_empty_known": {"en": "Nothing known yet", "nl": "Nog niets bekend"},
    "replay.happened": {"en": "(happened {clock})", "nl": "(gebeurd om {clock})"},
    "replay.more_assets": {"en": "+{n} more", "nl": "+{n} meer"},
    "replay.status.operational": {"en": "operational", "nl": "in bedrijf"},
    "replay.plain_header": {
        "en": "Replay: {name} ({view}), from {clock}",
        "nl": "Terugblik: {name} ({view}), vanaf {clock}",
    },
    "replay.plain.water": {
        "en": "Water level {basin}: {level} ({thresholds})",
        "nl": "Waterpeil {basin}: {level} ({thresholds})",
    },
    "replay.plain.water_bare": {"en": "Water level {basin}: {level}", "nl": "Waterpeil {basin}: {level}"},
    "replay.html_written": {
        "en": "Browser replay written to {path}",
        "nl": "Terugblik voor de browser geschreven naar {path}",
    },
    "replay.bad_from": {
        "en": "--from: '{value}' is not a clock time (HH:MM, e.g. 03:40)",
        "nl": "--from: '{value}' is geen kloktijd (UU:MM, bijv. 03:40)",
    },
    "replay.from_after_end": {
        "en": "--from {value}: the replay ends at {clock} (T+{elapsed}); choose an earlier time",
        "nl": "--from {value}: de terugblik eindigt om {clock} (T+{elapsed}); kies een eerder tijdstip",
    },
    "replay.bad_speed": {
        "en": "--speed: {value} is out of range: more than 0 and at most {most} simulated seconds per second",
        "nl": (
            "--speed: {value} valt buiten het bereik: meer dan 0 en hoogstens {most} gesimuleerde seconden per seconde"
        ),
    },
    "replay.sector.energy": {"en": "Energy", "nl": "Energie"},
    "replay.sector.water": {"en": "Water", "nl": "Water"},
    "replay.sector.flood_defence": {"en": "Flood defence", "nl": "Waterkering"},
    "replay.sector.waterways": {"en": "Waterways", "nl": "Vaarwegen"},
    "replay.sector.telecom": {"en": "Telecom", "nl": "Telecom"},
    "replay.sector.ict": {"en": "ICT", "nl": "ICT"},
    "replay.sector.health": {"en": "Health", "nl": "Zorg"},
    "replay.sector.emergency": {"en": "Emergency services", "nl": "Hulpdiensten"},
    "replay.sector.transport": {"en": "Transport", "nl": "Vervoer"},
    "replay.sector.government": {"en": "Government", "nl": "Openbaar bestuur"},
    "replay.sector.finance": {"en": "Finance", "nl": "Financiën"},
    "replay.sector.food": {"en": "Food", "nl": "Voedsel"},
    "replay.sector.population": {"en": "Neighbourhoods", "nl": "Wijken"},
    # --- the compact sector list (simulator.report.replay_compact) -----------------------------
    "replay.calm_sectors.one": {
        "en": "1 sector without trouble: {names}",
        "nl": "1 sector zonder storing: {names}",
    },
    "replay.calm_sectors.other": {
        "en": "{n} sectors without trouble: {names}",
        "nl": "{n} sectoren zonder storing: {names}",
    },
    "replay.left_out.one": {"en": "{counts} in 1 sector not shown", "nl": "nog {counts} in 1 sector niet getoond"},
    "replay.left_out.other": {
        "en": "{counts} in {n} sectors not shown",
        "nl": "nog {counts} in {n} sectoren niet getoond",
    },
    "replay.left_out.failed.one": {"en": "1 failed", "nl": "1 uitgevallen"},
    "replay.left_out.failed.other": {"en": "{n} failed", "nl": "{n} uitgevallen"},
    "replay.left_out.manual.one": {"en": "1 manual", "nl": "1 handbediend"},
    "replay.left_out.manual.other": {"en": "{n} manual", "nl": "{n} handbediend"},
    "replay.left_out.degraded.one": {"en": "1 degraded", "nl": "1 verminderd"},
    "replay.left_out.degraded.other": {"en": "{n} degraded", "nl": "{n} verminderd"},
    "replay.left_out.hint": {"en": " (enlarge the window)", "nl": " (vergroot het venster)"},
    "replay.left_out.names": {"en": "{note}: {names}", "nl": "{note}: {names}"},
    "replay.left_out.short": {"en": "not shown: {symbols}", "nl": "niet getoond: {symbols}"},
    # --- the water (simulator.report.replay_gauges) ---------------------------------------------
    "replay.water.zone": {"en": "{name} {people}", "nl": "{name} {people}"},
    "replay.water.zones": {"en": "{state}: {zones}", "nl": "{state}: {zones}"},
    "replay.water.none_flooded": {"en": "no zone flooded", "nl": "geen gebied onder water"},
    "replay.basins_left_out.one": {
        "en": "1 basin not shown (enlarge the window): {names}",
        "nl": "1 bekken niet getoond (vergroot het venster): {names}",
    },
    "replay.basins_left_out.other": {
        "en": "{n} basins not shown (enlarge the window): {names}",
        "nl": "{n} bekkens niet getoond (vergroot het venster): {names}",
    },
}
