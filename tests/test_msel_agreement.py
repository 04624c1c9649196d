"""The inject list's Dutch and English agree with the names in it: a verb after a plural asset
name is plural (``name_plural``, messages/msel_agree.py), a descriptive flood-zone name is said
lowercase inside a sentence (``name_proper: false``), and a burst of 2 or 3 calls on 112 is "een
paar" / "a few", not "veel" / "many" (inject_calls.MANY_CALLS_FROM).

The hand scenario (Friday 15 January 2027, 02:30; reports take 10 min)::

    sub (net) --power--> winkels  "Supermarkten Havenstad" (name_plural)   sub fails at 0 min
                     \\--> winkel   "Supermarkt Lageveen Dorp"
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, build, run

from simulator import load_scenario
from simulator.analysis import Results
from simulator.analysis.inject_calls import MANY_CALLS_FROM
from simulator.analysis.inject_lookups import RunLookups
from simulator.analysis.inject_speech import named, spoken_name, spoken_zone
from simulator.analysis.injects import derive_injects
from simulator.messages import CATALOGUE
from simulator.messages.msel_agree import AGREEING_KEYS
from simulator.model.loading import load_graph

GRAPHS = [
    *sorted((ROOT / "infrastructure_graphs").glob("*.yaml")),
    ROOT / "infrastructure_graphs/regio-havenmond/regio.yaml",
]

# judged by hand, name by name: the bundled assets whose spoken name is a plural subject
PLURAL_NAMES = {
    "Binnenhaven en containerterminal Dijkeroord",
    "Buitengebied en uiterwaarden",
    "Geldautomaten Dijkeroord",
    "Geldautomaten Havenstad",
    "Geldautomaten Vliegveldstad",
    "Havenbedrijf en terminals",
    "Huisartsenpost en gezondheidscentrum Lageveen",
    "Kerkdorpen en buitengebied",
    "Luchthavenoperaties",
    "Netwerk en firewall gemeente",
    "Netwerk en servers gemeente Dijkeroord",
    "Netwerk en servers gemeente Lageveen",
    "Pinbetalingen in Havenstad",
    "Pinbetalingen in Vliegveldstad",
    "Politie-eenheid Havenmond, operationeel centrum en digitale recherche",
    "Rioolgemalen gemeente Havenstad",
    "Rioolgemalen gemeente Vliegveldstad",
    "Supermarkten Havenstad",
    "Supermarkten Vliegveldstad",
    "Verkeerslichten Dijkeroord",
    "Verkeersregelinstallaties gemeente",
    "Werkplekken gemeente",
    "Werkplekken gemeente Dijkeroord",
    "Werkplekken gemeente Lageveen",
    "Zaaksysteem en documentbeheer",
}
# singular although a rule ("first word a plural", "joined with ' en '") would guess otherwise
SINGULAR_BY_JUDGEMENT = {
    "Transportleiding drinkwater naar Lageveen en Dijkeroord",
    "Centrale besturing gemalen en stuwen waterschap, polders Lageveen en Dijkeroord",
    "Bedieningscentrale sluizen en bruggen Havenstad",
    "Burgerzaken",
    "Glasvezel- en transportnetwerk Havenstad",
}

# per sentence: the words after the name (or around it) in the singular and the plural, nl then en
VERBS = {
    "msel.own.failed.control": ("het niet meer", "ze niet meer", "operate it", "operate them"),
    "msel.own.reserve.power": ("{name} heeft", "{name} hebben", "{name} lost its", "{name} lost their"),
    "msel.own.reserve": ("{name} heeft", "{name} hebben", "{name} has", "{name} have"),
    "msel.own.cyber.compromised": ("erover kwijt", "erover kwijt", "control of it", "control of them"),
    "msel.own.cyber.manipulated": ("{name} doet", "{name} doen", "{name} does", "{name} do "),
    "msel.speak.failed": ("{name} ligt", "{name} liggen", "{name} has", "{name} have"),
    "msel.speak.failed.power": ("{name} heeft", "{name} hebben", "{name} has", "{name} have"),
    "msel.speak.failed.control": ("{name} is", "{name} zijn", "{name} cannot", "{name} cannot"),
    "msel.speak.failed.need": ("{name} ligt", "{name} liggen", "{name} has", "{name} have"),
    "msel.speak.degraded": ("{name} werkt", "{name} werken", "{name} only works", "{name} only work "),
    "msel.speak.degraded.need": ("{name} werkt", "{name} werken", "{name} only works", "{name} only work "),
    "msel.speak.recovering": ("{name} werkt", "{name} werken", "{name} works", "{name} work "),
    "msel.speak.recovering.need": ("{name} werkt", "{name} werken", "{name} works", "{name} work "),
    "msel.speak.operational": ("{name} doet", "{name} doen", "{name} is", "{name} are"),
    "msel.speak.restarted": ("{name} draait", "{name} draaien", "{name} is", "{name} are"),
    "msel.speak.need_lost": ("{name} heeft", "{name} hebben", "{name} has", "{name} have"),
    "msel.speak.need_back": ("{name} heeft", "{name} hebben", "{name} has", "{name} have"),
    "msel.speak.cyber.manipulated": ("{name} wordt", "{name} worden", "{name} is", "{name} are"),
    "msel.speak.cyber.ddos.start": ("{name} wordt", "{name} worden", "{name} is", "{name} are"),
    "msel.speak.flood.damage": ("{name} staat", "{name} staan", "{name} is", "{name} are"),
    "msel.zone.flood.damage": ("{name} loopt", "{name} lopen", "{name} is", "{name} are"),
}
PARAMS = {"since": "half drie", "needs": "stroom", "buffer": "ongeveer een uur", "level_pct": "60%"}


def _lookups(lang: str, assets) -> RunLookups:
    run = object.__new__(RunLookups)
    run.lang, run.municipality = lang, {}
    run.names = {a.id: a.name for a in assets}
    run.plural = {a.id for a in assets if a.name_plural}
    return run


def test_the_sentences_with_a_verb_after_a_name_are_the_agreeing_ones():
    """Every msel sentence that opens with a name has a singular and a plural form; none is
    left in one form only."""
    assert sorted(VERBS) == sorted(AGREEING_KEYS)
    for key in AGREEING_KEYS:
        assert key not in CATALOGUE and {f"{key}.sing", f"{key}.plur"} <= CATALOGUE.keys()
    opening = sorted(k for k, v in CATALOGUE.items() if k.startswith("msel.") and v.get("nl", "").startswith("{name} "))
    # no verb of the name's: an infinitive ("{name} laten herstellen") and "{name} in {town}"
    assert [k for k in opening if not k.endswith((".sing", ".plur"))] == ["msel.do.repair_plain", "msel.name_in_town"]


@pytest.mark.parametrize("graph", GRAPHS, ids=lambda p: p.name)
def test_every_bundled_asset_s_verb_agrees_with_its_name(graph):
    assets = load_graph(graph).assets
    spoken = {a.id: spoken_name(a.name) for a in assets}
    assert {spoken[a.id] for a in assets if a.name_plural} <= PLURAL_NAMES
    assert {n for n in spoken.values() if n in PLURAL_NAMES} == {spoken[a.id] for a in assets if a.name_plural}
    for lang, column in (("nl", 0), ("en", 2)):
        run = _lookups(lang, assets)
        for a in assets:
            for key, forms in VERBS.items():
                right, wrong = forms[column + a.name_plural], forms[column + 1 - a.name_plural]
                said = named(run, key, a.id, **PARAMS)
                assert right.format(name=spoken[a.id]) in said, (lang, key, said)
                if right != wrong:
                    assert wrong.format(name=spoken[a.id]) not in said, (lang, key, said)


def test_the_plural_names_are_all_in_the_bundled_graphs_and_the_judged_singulars_stay_singular():
    assets = load_graph(GRAPHS[-1]).assets  # the region holds both towns' assets
    flagged = {spoken_name(a.name) for a in assets if a.name_plural}
    assert flagged == PLURAL_NAMES
    singular = {spoken_name(a.name) for a in assets if not a.name_plural}
    assert SINGULAR_BY_JUDGEMENT <= singular


def test_every_bundled_zone_is_said_lowercase_after_het_gebied_unless_a_proper_noun():
    scenarios = sorted((ROOT / "scenarios").rglob("*.yaml"))
    zones = {(z.id, z.name, z.name_proper) for g in GRAPHS for z in load_graph(g).zones}
    for f in scenarios:
        if "graph:" in f.read_text(encoding="utf-8"):
            zones |= {(z.id, z.name, z.name_proper) for z in load_scenario(f).graph.zones}
    run = object.__new__(RunLookups)
    run.common_zones = {z for z, _, proper in zones if not proper}
    said = sorted({spoken_zone(run, z, name) for z, name, _ in zones})
    assert said == [
        "Havenkwartier",
        "Oude Haven en Noordkade",
        "Zuid, beekzijde",
        "laagste deel Oostpolder",
        "laagste straten van Beekdal",
    ]


ORGS = [{"id": "net", "name": "Netbeheerder"}, {"id": "winkels", "name": "Winkeliers"}, {"id": "vr"}]
RESPONSE = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}


def _shops():
    sub = {"id": "sub", "name": "Station", "sector": "energy", "owner": "net"}
    power = {"owner": "winkels", "sector": "food", "kind": "retail", "needs": [{"type": "power", "from": "sub"}]}
    assets = [
        sub,
        {"id": "winkels", "name": "Supermarkten Havenstad (14 winkels)", "name_plural": True} | power,
        {"id": "winkel", "name": "Supermarkt Lageveen Dorp"} | power,
    ]
    return build(assets, [{"id": "stroom", "type": "outage", "target": "sub"}], ORGS, response=RESPONSE)


@pytest.mark.parametrize(
    "lang, plural, singular",
    [
        (
            "nl",
            "Supermarkten Havenstad hebben sinds half drie geen stroom meer en liggen stil.",
            "Supermarkt Lageveen Dorp heeft sinds half drie geen stroom meer en ligt stil.",
        ),
        (
            "en",
            "Supermarkten Havenstad have had no power since half past two and have stopped.",
            "Supermarkt Lageveen Dorp has had no power since half past two and has stopped.",
        ),
    ],
)
def test_a_plural_and_a_singular_shop_in_one_call(lang, plural, singular):
    injects = derive_injects(Results.from_record(run(_shops())), lang)
    messages = " ".join(injects["message"])
    assert plural in messages and singular in messages, messages


def test_the_storm_msel_says_the_plural_names_with_plural_verbs():
    results = load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml")
    from simulator import simulate

    messages = " ".join(derive_injects(simulate(results, lang="nl"), "nl")["message"])
    for wrong in ("Supermarkten Havenstad werkt", "Pinbetalingen in Havenstad werkt", "Geldautomaten Havenstad werkt"):
        assert wrong not in messages
    assert not re.search(r"(Rioolgemalen gemeente Havenstad|Verkeersregelinstallaties gemeente) (doet|werkt)", messages)
    assert "Havenbedrijf en terminals heeft" not in messages
    for right in (
        "Supermarkten Havenstad werken sinds vijf voor half vijf nog maar voor ongeveer 60%, want er is geen stroom.",
        "Pinbetalingen in Havenstad werken sinds vijf voor half vijf nog maar voor ongeveer 70%, want er is geen "
        "stroom.",
        "Geldautomaten Havenstad werken sinds vijf voor half vijf nog maar voor ongeveer 50%, want er is geen stroom.",
        "Rioolgemalen gemeente Havenstad doen het weer.",
        "Verkeersregelinstallaties gemeente doen het weer.",
        "Havenbedrijf en terminals hebben geen toegang meer.",
        "Supermarkten Havenstad doen het weer.",
    ):
        assert right in messages, right


def test_many_calls_from_four():
    assert MANY_CALLS_FROM == 4


def test_a_bad_name_plural_in_a_csv_pair_names_file_line_and_column(tmp_path: Path):
    from simulator.model.errors import LoadError

    (tmp_path / "assets.csv").write_text(
        "id,name,name_plural,sector\nsub,Station,,energy\nwinkels,Supermarkten,misschien,retail\n", encoding="utf-8"
    )
    (tmp_path / "needs.csv").write_text("asset,type,from\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_graph(tmp_path)
    text = str(caught.value)
    assert "assets.csv" in text and ":3" in text and "name_plural" in text, text


def test_name_plural_survives_a_csv_round_trip(tmp_path: Path):
    from simulator.model.loading import save_graph

    graph = load_graph(ROOT / "infrastructure_graphs" / "havenstad.yaml")
    save_graph(graph, tmp_path / "pair")
    again = load_graph(tmp_path / "pair")
    assert {a.id for a in again.assets if a.name_plural} == {a.id for a in graph.assets if a.name_plural}
    assert len({a.id for a in graph.assets if a.name_plural}) == 9
