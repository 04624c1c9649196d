"""The inject list's sentences in which a verb follows an asset's name: a singular form
(``KEY.sing``) and a plural one (``KEY.plur``), in English and Dutch. Merged into
``msel.ENTRIES``; ``simulator.analysis.inject_speech.named`` picks the form by the asset's
``name_plural`` (model/assets.py): "Supermarkt Lageveen Dorp werkt ..." beside "Supermarkten
Havenstad werken ...", "Geldautomaat Lageveen has been down ..." beside "Geldautomaten Havenstad
have been down ...".

Each entry below is ``key: ((en singular, nl singular), (en plural, nl plural))``.
"""

_AGREEING = {
    # --- an owner's own staff ----------------------------------------------------------------------------------
    "msel.own.failed.control": (
        (
            "We lost our control of {name} at {since}; we can no longer operate it remotely.",
            "Onze besturing van {name} is sinds {since} weg; we kunnen het niet meer op afstand bedienen.",
        ),
        (
            "We lost our control of {name} at {since}; we can no longer operate them remotely.",
            "Onze besturing van {name} is sinds {since} weg; we kunnen ze niet meer op afstand bedienen.",
        ),
    ),
    "msel.own.reserve.power": (
        (
            "{name} lost its power supply and is running on emergency power; that lasts {buffer}.",
            "{name} heeft geen netstroom meer en draait op noodstroom; daarmee redden we het {buffer}.",
        ),
        (
            "{name} lost their power supply and are running on emergency power; that lasts {buffer}.",
            "{name} hebben geen netstroom meer en draaien op noodstroom; daarmee redden we het {buffer}.",
        ),
    ),
    "msel.own.reserve": (
        (
            "{name} has no {needs} any more and runs on its reserve; that lasts {buffer}.",
            "{name} heeft geen {needs} meer en draait op de reserve; daarmee redden we het {buffer}.",
        ),
        (
            "{name} have no {needs} any more and run on their reserve; that lasts {buffer}.",
            "{name} hebben geen {needs} meer en draaien op de reserve; daarmee redden we het {buffer}.",
        ),
    ),
    "msel.own.cyber.compromised": (
        (
            "It looks like someone from outside is inside {name}: we have lost control of it.",
            "Het lijkt erop dat iemand van buitenaf in {name} zit: we zijn de controle erover kwijt.",
        ),
        (
            "It looks like someone from outside is inside {name}: we have lost control of them.",
            "Het lijkt erop dat iemand van buitenaf in {name} zit: we zijn de controle erover kwijt.",
        ),
    ),
    "msel.own.cyber.manipulated": (
        (
            "{name} does things we did not order: someone is steering it from outside.",
            "{name} doet dingen die wij niet opdragen: iemand stuurt het van buitenaf aan.",
        ),
        (
            "{name} do things we did not order: someone is steering them from outside.",
            "{name} doen dingen die wij niet opdragen: iemand stuurt ze van buitenaf aan.",
        ),
    ),
    # --- anyone ----------------------------------------------------------------------------------------------------
    "msel.speak.failed": (
        ("{name} has been down since {since}.", "{name} ligt sinds {since} plat."),
        ("{name} have been down since {since}.", "{name} liggen sinds {since} plat."),
    ),
    "msel.speak.failed.power": (
        (
            "{name} has had no power since {since} and has stopped.",
            "{name} heeft sinds {since} geen stroom meer en ligt stil.",
        ),
        (
            "{name} have had no power since {since} and have stopped.",
            "{name} hebben sinds {since} geen stroom meer en liggen stil.",
        ),
    ),
    "msel.speak.failed.control": (
        (
            "{name} cannot be operated remotely since {since}.",
            "{name} is sinds {since} niet meer op afstand te bedienen.",
        ),
        (
            "{name} cannot be operated remotely since {since}.",
            "{name} zijn sinds {since} niet meer op afstand te bedienen.",
        ),
    ),
    "msel.speak.failed.need": (
        (
            "{name} has been down since {since}: there is no {needs}.",
            "{name} ligt sinds {since} plat: er is geen {needs}.",
        ),
        (
            "{name} have been down since {since}: there is no {needs}.",
            "{name} liggen sinds {since} plat: er is geen {needs}.",
        ),
    ),
    "msel.speak.degraded": (
        (
            "Since {since} {name} only works at about {level_pct}.",
            "{name} werkt sinds {since} nog maar voor ongeveer {level_pct}.",
        ),
        (
            "Since {since} {name} only work at about {level_pct}.",
            "{name} werken sinds {since} nog maar voor ongeveer {level_pct}.",
        ),
    ),
    "msel.speak.degraded.need": (
        (
            "Since {since} {name} only works at about {level_pct}, because there is no {needs}.",
            "{name} werkt sinds {since} nog maar voor ongeveer {level_pct}, want er is geen {needs}.",
        ),
        (
            "Since {since} {name} only work at about {level_pct}, because there is no {needs}.",
            "{name} werken sinds {since} nog maar voor ongeveer {level_pct}, want er is geen {needs}.",
        ),
    ),
    "msel.speak.recovering": (
        (
            "Since {since} {name} works again at about {level_pct}.",
            "{name} werkt sinds {since} weer voor ongeveer {level_pct}.",
        ),
        (
            "Since {since} {name} work again at about {level_pct}.",
            "{name} werken sinds {since} weer voor ongeveer {level_pct}.",
        ),
    ),
    "msel.speak.recovering.need": (
        (
            "Since {since} {name} works again at about {level_pct}, though there is still no {needs}.",
            "{name} werkt sinds {since} weer voor ongeveer {level_pct}, al is er nog geen {needs}.",
        ),
        (
            "Since {since} {name} work again at about {level_pct}, though there is still no {needs}.",
            "{name} werken sinds {since} weer voor ongeveer {level_pct}, al is er nog geen {needs}.",
        ),
    ),
    "msel.speak.operational": (
        ("{name} is working again.", "{name} doet het weer."),
        ("{name} are working again.", "{name} doen het weer."),
    ),
    "msel.speak.restarted": (
        ("{name} is running again now that it has {needs} again.", "{name} draait weer nu er weer {needs} is."),
        ("{name} are running again now that they have {needs} again.", "{name} draaien weer nu er weer {needs} is."),
    ),
    "msel.speak.need_lost": (
        ("{name} has no {needs} any more.", "{name} heeft geen {needs} meer."),
        ("{name} have no {needs} any more.", "{name} hebben geen {needs} meer."),
    ),
    "msel.speak.need_back": (
        ("{name} has {needs} again.", "{name} heeft weer {needs}."),
        ("{name} have {needs} again.", "{name} hebben weer {needs}."),
    ),
    "msel.speak.cyber.manipulated": (
        ("{name} is being steered from outside.", "{name} wordt van buitenaf aangestuurd."),
        ("{name} are being steered from outside.", "{name} worden van buitenaf aangestuurd."),
    ),
    "msel.speak.cyber.ddos.start": (
        (
            "{name} is flooded with junk traffic, a DDoS attack; only about {level_pct} gets through.",
            "{name} wordt overspoeld met nepverkeer, een DDoS-aanval; er komt nog maar ongeveer {level_pct} door.",
        ),
        (
            "{name} are flooded with junk traffic, a DDoS attack; only about {level_pct} gets through.",
            "{name} worden overspoeld met nepverkeer, een DDoS-aanval; er komt nog maar ongeveer {level_pct} door.",
        ),
    ),
    "msel.speak.flood.damage": (
        ("{name} is under water and out of service.", "{name} staat onder water en is uitgevallen."),
        ("{name} are under water and out of service.", "{name} staan onder water en zijn uitgevallen."),
    ),
    # --- a neighbourhood (a population zone) -----------------------------------------------------------------
    "msel.zone.flood.damage": (
        ("{name} is flooding.", "{name} loopt onder water."),
        ("{name} are flooding.", "{name} lopen onder water."),
    ),
}

AGREEING_KEYS = tuple(_AGREEING)
"""The sentences whose verb follows the name: each has ``.sing`` and ``.plur`` and no form without."""

AGREEMENT: dict[str, dict[str, str]] = {
    f"{key}.{form}": {"en": en, "nl": nl}
    for key, forms in _AGREEING.items()
    for form, (en, nl) in zip(("sing", "plur"), forms)
}
