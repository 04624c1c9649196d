"""The inject list's spoken words: what a role player of exercise control reads out, in English and
Dutch. Merged into ``msel.ENTRIES``; see ``simulator.analysis.inject_speech``.

``msel.clock.*`` say a clock time as people do ("half drie", "twenty past four"); ``msel.hello.*``
greet by the time of day; ``msel.frame.*`` are whole messages per kind of sender (who speaks, then
``{content}``: one or more sentences; ``{to}``: the addressee without its bracketed explanation);
``msel.own.*`` are sentences of an owner's own staff about their installation ("onze besturing"),
``msel.speak.*`` sentences anyone can say, ``msel.zone.*`` sentences about a neighbourhood (a flood
zone is a label, said as an area: "Hier in het gebied Laagste deel Oostpolder staat het water ...");
``msel.knmi.*`` the KNMI weather warning, ``msel.surge.*`` WMCN-Kust's storm-surge message.
"""

_CLOCK = {  # {h}: the hour the language names at that minute (``msel.clock.next_from``)
    0: ("{h} o'clock", "{h} uur"),
    5: ("five past {h}", "vijf over {h}"),
    10: ("ten past {h}", "tien over {h}"),
    15: ("quarter past {h}", "kwart over {h}"),
    20: ("twenty past {h}", "tien voor half {h}"),
    25: ("twenty-five past {h}", "vijf voor half {h}"),
    30: ("half past {h}", "half {h}"),
    35: ("twenty-five to {h}", "vijf over half {h}"),
    40: ("twenty to {h}", "tien over half {h}"),
    45: ("quarter to {h}", "kwart voor {h}"),
    50: ("ten to {h}", "tien voor {h}"),
    55: ("five to {h}", "vijf voor {h}"),
}
_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_UREN = ("één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")

SPEECH: dict[str, dict[str, str]] = {
    **{f"msel.clock.{m}": {"en": en, "nl": nl} for m, (en, nl) in _CLOCK.items()},
    **{f"msel.hour.{i + 1}": {"en": en, "nl": nl} for i, (en, nl) in enumerate(zip(_HOURS, _UREN))},
    # the minute from which a clock time is said with the next hour: "twenty-five to three", "tien voor half drie"
    "msel.clock.next_from": {"en": "35", "nl": "20"},
    "msel.clock.about": {"en": "about {clock}", "nl": "ongeveer {clock}"},
    "msel.clock.other_day": {"en": "{day} at {clock}", "nl": "{day} om {clock}"},
    "msel.hello.morning": {"en": "Good morning", "nl": "Goedemorgen"},
    "msel.hello.afternoon": {"en": "Good afternoon", "nl": "Goedemiddag"},
    "msel.hello.evening": {"en": "Good evening", "nl": "Goedenavond"},
    "msel.hours_spoken": {"en": "about {n} hours", "nl": "ongeveer {n} uur"},
    "msel.hour_spoken": {"en": "about an hour", "nl": "ongeveer een uur"},
    "msel.minutes_spoken": {"en": "about {n} minutes", "nl": "ongeveer {n} minuten"},
    # --- whole messages, per kind of sender ---------------------------------------------------------------
    "msel.frame.operator": {
        "en": "{hello}, this is the duty operator of {org}. {content}",
        "nl": "{hello}, u spreekt met de dienstdoende operator van {org}. {content}",
    },
    "msel.frame.staff": {
        "en": "{hello}, this is the duty officer of {org}. {content}",
        "nl": "{hello}, u spreekt met de dienstdoende medewerker van {org}. {content}",
    },
    "msel.frame.it_staff": {
        "en": "{hello}, crisis coordinator? This is the system administrator on duty at {org}. {content} "
        "I thought you should know at once.",
        "nl": "{hello}, spreek ik de crisiscoördinator? U spreekt met de systeembeheerder van dienst van {org}. "
        "{content} Ik dacht: dit moet u meteen weten.",
    },
    "msel.frame.duty": {
        "en": "{hello}, this is the on-call manager of {org}. I am calling to inform you. {content}",
        "nl": "{hello}, u spreekt met de piketfunctionaris van {org}. Ik bel om u te informeren. {content}",
    },
    "msel.frame.scada": {
        "en": "Alarm on the control screen in the control centre of {org}. {content}",
        "nl": "Alarm op het bedieningsscherm in de bedieningscentrale van {org}. {content}",
    },
    "msel.frame.soc": {
        "en": "E-mail from the security operations centre of {org}, subject 'Security incident': {content} "
        "Please contact us at once.",
        "nl": "E-mail van het security operations center van {org}, onderwerp 'Beveiligingsincident': {content} "
        "Neem direct contact met ons op.",
    },
    "msel.frame.webcare": {
        "en": "The webcare team of {org} sees this on social media. {content}",
        "nl": "Het webcareteam van {org} ziet dit op sociale media. {content}",
    },
    "msel.frame.caller": {
        "en": "Hello, I want to report something. {content} Can you send someone?",
        "nl": "Hallo, ik wil iets melden. {content} Kunt u iemand sturen?",
    },
    # a burst of 112 calls joined into one inject (inject_calls): said by exercise control; "many"
    # from inject_calls.MANY_CALLS_FROM (4) calls
    "msel.frame.callers": {
        "en": "Many 112 calls are coming in to the control room from {town}. {content}",
        "nl": "Bij de meldkamer komen veel 112-meldingen binnen uit {town}. {content}",
    },
    "msel.frame.callers_any": {
        "en": "Many 112 calls are coming in to the control room. {content}",
        "nl": "Bij de meldkamer komen veel 112-meldingen binnen. {content}",
    },
    # 2 or 3 calls (fewer than inject_calls.MANY_CALLS_FROM)
    "msel.frame.callers_few": {
        "en": "A few 112 calls are coming in to the control room from {town}. {content}",
        "nl": "Bij de meldkamer komen een paar 112-meldingen binnen uit {town}. {content}",
    },
    "msel.frame.callers_any_few": {
        "en": "A few 112 calls are coming in to the control room. {content}",
        "nl": "Bij de meldkamer komen een paar 112-meldingen binnen. {content}",
    },
    "msel.frame.residents": {
        "en": "Hello, you must come quickly! {content} What should we do?",
        "nl": "Hallo, u moet snel komen! {content} Wat moeten we doen?",
    },
    "msel.frame.official": {
        "en": "{hello}, this is the office of the {official}. {content} We would like the police to look into it.",
        "nl": "{hello}, u spreekt met het secretariaat van de {official}. {content} "
        "We willen graag dat de politie ernaar kijkt.",
    },
    "msel.frame.units": {
        "en": "{to}, this is the unit on site. {content} Over.",
        "nl": "{to}, van de eenheid ter plaatse. {content} Over.",
    },
    "msel.frame.public": {"en": "News report: {content}", "nl": "Nieuwsbericht: {content}"},
    # --- sentences of an owner's own staff -----------------------------------------------------------------
    "msel.own.cyber.exfiltrated": {
        "en": "We have found that data has been taken out of {name}.",
        "nl": "We hebben ontdekt dat er gegevens uit {name} zijn weggesluisd.",
    },
    "msel.own.hazard.gates_opened": {
        "en": "The gates of {name} are opening without us doing it; the water flows in freely.",
        "nl": "De deuren van {name} gaan open zonder dat wij dat doen; het water stroomt vrij naar binnen.",
    },
    "msel.own.hazard.gates_closed": {
        "en": "Our crew has closed the gates of {name} by hand.",
        "nl": "Onze ploeg heeft de deuren van {name} met de hand dichtgedraaid.",
    },
    # --- sentences anyone can say ------------------------------------------------------------------------------
    "msel.speak.more": {
        "en": "And there are {n} more disruptions; I will send you the list.",
        "nl": "En er zijn nog {n} storingen; de lijst stuur ik u na.",
    },
    "msel.speak.cyber.compromised": {
        "en": "Someone from outside has taken over {name}.",
        "nl": "Iemand van buitenaf heeft {name} overgenomen.",
    },
    "msel.speak.cyber.exfiltrated": {
        "en": "Data has been taken out of {name}.",
        "nl": "Er zijn gegevens uit {name} weggesluisd.",
    },
    "msel.speak.cyber.encrypted": {
        "en": "Everything on {name} is encrypted; there is a ransom note on the screen.",
        "nl": "Alles op {name} is versleuteld; er staat een losgeldbericht op het scherm.",
    },
    "msel.speak.cyber.ddos.end": {
        "en": "The DDoS attack on {name} has stopped.",
        "nl": "De DDoS-aanval op {name} is gestopt.",
    },
    "msel.speak.online.threat.start": {
        "en": "The {official} is being threatened online, with name and home address.",
        "nl": "De {official} wordt online bedreigd, met naam en woonadres erbij.",
    },
    "msel.speak.online.mobilization.start": {
        "en": "A call to come to {name} is going round; it is shared thousands of times.",
        "nl": "Er gaat een oproep rond om naar {name} te komen; hij wordt duizenden keren gedeeld.",
    },
    "msel.speak.online.fraud.start": {
        "en": "People are being cheated online in the name of {name}.",
        "nl": "Mensen worden online opgelicht uit naam van {name}.",
    },
    "msel.speak.online.fraud.end": {
        "en": "The fraud in the name of {name} has stopped.",
        "nl": "De oplichting uit naam van {name} is gestopt.",
    },
    "msel.speak.hazard.gates_opened": {
        "en": "The gates of {name} are open; the water flows in freely.",
        "nl": "De deuren van {name} staan open; het water stroomt vrij naar binnen.",
    },
    "msel.speak.hazard.gates_closed": {
        "en": "The gates of {name} have been closed by hand.",
        "nl": "De deuren van {name} zijn met de hand dichtgedraaid.",
    },
    "msel.speak.hazard.alarm_level": {
        "en": "Level alarm: the water level of {basin} is at {level} m NAP and rising.",
        "nl": "Peilalarm: het waterpeil van {basin} staat op {level} m NAP en stijgt.",
    },
    "msel.speak.hazard.crest_exceeded": {
        "en": "Water is coming over the quay: the water level of {basin} is at {level} m NAP.",
        "nl": "Het water komt over de kade: het waterpeil van {basin} staat op {level} m NAP.",
    },
    "msel.speak.zone.flooded": {
        "en": "Here in the {zone} area the water is in the street and coming into the houses.",
        "nl": "Hier in het gebied {zone} staat het water in de straat en het komt de huizen in.",
    },
    "msel.speak.crowd.gathering": {
        "en": "More and more people are gathering at {name}; it looks like thousands are coming.",
        "nl": "Bij {name} komen steeds meer mensen bij elkaar; het lijkt erop dat er duizenden komen.",
    },
    "msel.speak.crowd.disturbance": {
        "en": "At {name} it is getting out of hand: about {crowd} people, bottles are being thrown.",
        "nl": "Bij {name} loopt het uit de hand: zo'n {crowd} mensen, er wordt met flessen gegooid.",
    },
    "msel.speak.crowd.controlled": {
        "en": "At {name} we have the situation under control again.",
        "nl": "Bij {name} hebben we de situatie weer onder controle.",
    },
    "msel.speak.crowd.dispersed": {
        "en": "The crowd at {name} has gone.",
        "nl": "De menigte bij {name} is vertrokken.",
    },
    "msel.speak.fuel.delivered": {
        "en": "The fuel for {name} has been delivered.",
        "nl": "De brandstof voor {name} is geleverd.",
    },
    # --- a neighbourhood (a population zone) ----------------------------------------------------------------
    "msel.zone.power": {"en": "no power since {since}", "nl": "sinds {since} geen stroom"},
    "msel.zone.water": {"en": "no tap water since {since}", "nl": "sinds {since} geen water uit de kraan"},
    "msel.zone.telecom": {"en": "no phone or internet since {since}", "nl": "sinds {since} geen telefoon of internet"},
    "msel.zone.access": {
        "en": "hardly any way in or out since {since}",
        "nl": "sinds {since} komen we de wijk bijna niet meer in of uit",
    },
    "msel.zone.other": {"en": "no {need} since {since}", "nl": "sinds {since} geen {need}"},
    "msel.zone.sentence": {"en": "In {name}: {what}.", "nl": "In {name}: {what}."},
    # a name another municipality's asset also has (model/labels.py), said aloud: "Centrum in Beestad"
    "msel.name_in_town": {"en": "{name} in {town}", "nl": "{name} in {town}"},
    "msel.zone.down": {
        "en": "In {name} nothing works any more since {since}.",
        "nl": "In {name} doet sinds {since} niets het meer.",
    },
    "msel.zone.disrupted": {
        "en": "In {name} things have been badly disrupted since {since}.",
        "nl": "In {name} is het sinds {since} flink ontregeld.",
    },
    "msel.zone.need_lost": {
        "en": "In {name} there is no {needs} any more.",
        "nl": "In {name} is er geen {needs} meer.",
    },
    "msel.zone.back": {"en": "In {name} everything works again.", "nl": "In {name} doet alles het weer."},
    "msel.zone.need_back": {"en": "In {name} there is {needs} again.", "nl": "In {name} is er weer {needs}."},
    "msel.and": {"en": " and ", "nl": " en "},
    # --- the KNMI weather warning -------------------------------------------------------------------------------
    "msel.knmi.frame": {
        "en": "KNMI weather warning, {code}, for the {region} area: heavy rain from {start} to {end}, "
        "up to {peak} mm an hour, about {total} mm in all. Water in streets and tunnels is possible.",
        "nl": "Weerwaarschuwing KNMI, {code}, voor de omgeving van {region}: zware regen van {start} tot {end}, "
        "tot {peak} mm per uur, in totaal zo'n {total} mm. Water op straat en in tunnels is mogelijk.",
    },
    "msel.knmi.forecast": {
        "en": "KNMI weather report for the {region} area: rain from {start} to {end}, up to {peak} mm an hour, "
        "about {total} mm in all. No warning code.",
        "nl": "Weerbericht KNMI voor de omgeving van {region}: regen van {start} tot {end}, tot {peak} mm per uur, "
        "in totaal zo'n {total} mm. Geen waarschuwingscode.",
    },
    "msel.knmi.code.yellow": {"en": "code yellow", "nl": "code geel"},
    "msel.knmi.code.orange": {"en": "code orange", "nl": "code oranje"},
    "msel.knmi.open_end": {"en": "further notice", "nl": "nader order"},
    # --- WMCN-Kust's storm-surge message (analysis/inject_surge.py) ---------------------------------------------
    # {levels}: msel.surge.reaches.* / msel.surge.above.* joined by msel.and; {advice}: msel.surge.advice.*
    "msel.surge.frame": {
        "en": "{title}, WMCN-Kust, for {area}: {levels}. High water {peak} m NAP at {high_water}. {advice}",
        "nl": "{title} WMCN-Kust voor {area}: {levels}. Hoogwater {peak} m NAP om {high_water}. {advice}",
    },
    "msel.surge.title.warning": {"en": "Storm-surge warning", "nl": "Stormvloedwaarschuwing"},
    "msel.surge.title.alarm": {"en": "Storm-surge alarm", "nl": "Stormvloedalarmering"},
    "msel.surge.reaches.warning": {
        "en": "the sea passes the warning level ({level} m NAP) at {at}",
        "nl": "het water komt om {at} boven het waarschuwingspeil ({level} m NAP)",
    },
    "msel.surge.reaches.alarm": {
        "en": "the sea passes the alarm level ({level} m NAP) at {at}",
        "nl": "het water komt om {at} boven het alarmeringspeil ({level} m NAP)",
    },
    "msel.surge.above.warning": {
        "en": "the sea already stands above the warning level ({level} m NAP)",
        "nl": "het water staat al boven het waarschuwingspeil ({level} m NAP)",
    },
    "msel.surge.above.alarm": {
        "en": "the sea already stands above the alarm level ({level} m NAP)",
        "nl": "het water staat al boven het alarmeringspeil ({level} m NAP)",
    },
    # to the dike and barrier managers: what the stage asks (Rijkswaterstaat, "Stormvloed")
    "msel.surge.advice.warning": {
        "en": "Advice: limited measures, stand ready.",
        "nl": "Advies: beperkte maatregelen, paraat staan.",
    },
    "msel.surge.advice.alarm": {"en": "Advice: set up a dike watch.", "nl": "Advies: dijkbewaking instellen."},
    # --- alike assets of one sender said together: "18 rioolgemalen in Lageveen werken ..." ----------------
    # {what}: how many of which kind (``msel.kind.<kind>.one/.other``, else ``msel.kind.any``), then
    # ``msel.group.in_town``; said for 4 or more (inject_speech._GROUP_FROM), so always plural
    "msel.group.failed": {"en": "{what} have been down since {since}.", "nl": "{what} liggen sinds {since} plat."},
    "msel.group.failed.power": {
        "en": "{what} have had no power since {since} and have stopped.",
        "nl": "{what} hebben sinds {since} geen stroom meer en liggen stil.",
    },
    "msel.group.failed.control": {
        "en": "{what} cannot be operated remotely since {since}.",
        "nl": "{what} zijn sinds {since} niet meer op afstand te bedienen.",
    },
    "msel.group.failed.need": {
        "en": "{what} have been down since {since}: there is no {needs}.",
        "nl": "{what} liggen sinds {since} plat: er is geen {needs}.",
    },
    "msel.group.degraded": {
        "en": "Since {since} {what} only work at about {level_pct}.",
        "nl": "{what} werken sinds {since} nog maar voor ongeveer {level_pct}.",
    },
    "msel.group.degraded.need": {
        "en": "Since {since} {what} only work at about {level_pct}, because there is no {needs}.",
        "nl": "{what} werken sinds {since} nog maar voor ongeveer {level_pct}, want er is geen {needs}.",
    },
    "msel.group.recovering": {
        "en": "Since {since} {what} work again at about {level_pct}.",
        "nl": "{what} werken sinds {since} weer voor ongeveer {level_pct}.",
    },
    "msel.group.recovering.need": {
        "en": "Since {since} {what} work again at about {level_pct}, though there is still no {needs}.",
        "nl": "{what} werken sinds {since} weer voor ongeveer {level_pct}, al is er nog geen {needs}.",
    },
    "msel.group.operational": {"en": "{what} are working again.", "nl": "{what} doen het weer."},
    "msel.group.in_town": {"en": "{what} in {town}", "nl": "{what} in {town}"},
    "msel.kind.any.one": {"en": "{n} installation", "nl": "{n} installatie"},
    "msel.kind.any.other": {"en": "{n} installations", "nl": "{n} installaties"},
    "msel.kind.sewage_pump.one": {"en": "{n} sewage pumping station", "nl": "{n} rioolgemaal"},
    "msel.kind.sewage_pump.other": {"en": "{n} sewage pumping stations", "nl": "{n} rioolgemalen"},
    "msel.kind.pumping_station.one": {"en": "{n} pumping station", "nl": "{n} gemaal"},
    "msel.kind.pumping_station.other": {"en": "{n} pumping stations", "nl": "{n} gemalen"},
    "msel.kind.distribution_substation.one": {"en": "{n} distribution substation", "nl": "{n} MS-ruimte"},
    "msel.kind.distribution_substation.other": {
        "en": "{n} distribution substations",
        "nl": "{n} MS-ruimtes",
    },
    "msel.kind.mobile_mast.one": {"en": "{n} mobile mast", "nl": "{n} zendmast"},
    "msel.kind.mobile_mast.other": {"en": "{n} mobile masts", "nl": "{n} zendmasten"},
    "msel.kind.neighbourhood.one": {"en": "{n} neighbourhood", "nl": "{n} wijk"},
    "msel.kind.neighbourhood.other": {"en": "{n} neighbourhoods", "nl": "{n} wijken"},
    "msel.kind.dairy_farm.one": {"en": "{n} dairy farm", "nl": "{n} melkveebedrijf"},
    "msel.kind.dairy_farm.other": {"en": "{n} dairy farms", "nl": "{n} melkveebedrijven"},
    "msel.kind.substation.one": {"en": "{n} substation", "nl": "{n} onderstation"},
    "msel.kind.substation.other": {"en": "{n} substations", "nl": "{n} onderstations"},
    "msel.kind.school.one": {"en": "{n} school", "nl": "{n} school"},
    "msel.kind.school.other": {"en": "{n} schools", "nl": "{n} scholen"},
    "msel.kind.weir.one": {"en": "{n} weir", "nl": "{n} stuw"},
    "msel.kind.weir.other": {"en": "{n} weirs", "nl": "{n} stuwen"},
    "msel.kind.retail.one": {"en": "{n} shop", "nl": "{n} winkel"},
    "msel.kind.retail.other": {"en": "{n} shops", "nl": "{n} winkels"},
    "msel.kind.nursing_home.one": {"en": "{n} nursing home", "nl": "{n} verpleeghuis"},
    "msel.kind.nursing_home.other": {"en": "{n} nursing homes", "nl": "{n} verpleeghuizen"},
    "msel.kind.telephone_exchange.one": {"en": "{n} telephone exchange", "nl": "{n} telefooncentrale"},
    "msel.kind.telephone_exchange.other": {"en": "{n} telephone exchanges", "nl": "{n} telefooncentrales"},
    "msel.kind.atm.one": {"en": "{n} cash machine", "nl": "{n} geldautomaat"},
    "msel.kind.atm.other": {"en": "{n} cash machines", "nl": "{n} geldautomaten"},
    # --- alike neighbourhoods said together, as the control room hears it; {what}: "12 wijken in Lageveen"
    "msel.zones.power": {
        "en": "In {what} the power has been out since {since}.",
        "nl": "In {what} is sinds {since} de stroom uitgevallen.",
    },
    "msel.zones.water": {
        "en": "In {what} there has been no tap water since {since}.",
        "nl": "In {what} komt er sinds {since} geen water meer uit de kraan.",
    },
    "msel.zones.telecom": {
        "en": "In {what} phone and internet have been down since {since}.",
        "nl": "In {what} doen telefoon en internet het sinds {since} niet meer.",
    },
    "msel.zones.access": {
        "en": "In {what} residents can hardly get in or out since {since}.",
        "nl": "In {what} komen bewoners sinds {since} bijna niet meer de wijk in of uit.",
    },
    "msel.zones.none": {
        "en": "In {what} there has been no {needs} since {since}.",
        "nl": "In {what} is er sinds {since} geen {needs} meer.",
    },
    "msel.zones.down": {
        "en": "In {what} nothing has worked since {since}.",
        "nl": "In {what} doet sinds {since} niets het meer.",
    },
    "msel.zones.disrupted": {
        "en": "In {what} things have been badly disrupted since {since}.",
        "nl": "In {what} is het sinds {since} flink ontregeld.",
    },
    "msel.zones.back": {"en": "In {what} everything works again.", "nl": "In {what} doet alles het weer."},
}
