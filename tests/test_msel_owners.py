"""The inject list (MSEL): each owner reports its own assets, never another owner's.

The scenario (Friday 15 January 2027, 02:30; reports take 10 min; net's crew is called out in
30 min and repairs the substation in 2 h, so it works again at 160)::

    sub (net) --power--> mast (kpn, telecom)
              --power--> wijk (no owner, 2,000 people)

    0    sub fails, mast and wijk with it     10   three reports: net's, KPN's, a caller's
    160  sub repaired, mast and wijk back     160  known at once (all three were being watched)

At 160 the substation working again and its consumers having power again are one moment by
cause, but the substation is net's and the mast KPN's: net's duty operator reports the substation
(and the neighbourhood, which has no owner and came back with it), KPN's duty operator the mast,
two rows of the same minute.
"""

from __future__ import annotations

from conftest import ROOT, build, run

from simulator import load_scenario, simulate
from simulator.analysis import Results
from simulator.analysis.injects import derive_injects

ASSETS = [
    {
        "id": "sub",
        "name": "Onderstation",
        "sector": "energy",
        "owner": "net",
        "recovery": {"duration": "2h", "crew": "net/monteurs"},
    },
    {
        "id": "mast",
        "name": "Zendmast",
        "sector": "telecom",
        "owner": "kpn",
        "needs": [{"type": "power", "from": "sub"}],
    },
    {
        "id": "wijk",
        "name": "Wijk",
        "sector": "population",
        "population": 2000,
        "needs": [{"type": "power", "from": "sub"}],
    },
]
ORGS = [
    {
        "id": "net",
        "crews": [{"id": "monteurs", "name": "Monteurs", "callout": {"office": "30min", "outside": "30min"}}],
    },
    {"id": "kpn", "name": "KPN"},
    {"id": "vr"},
]
RESPONSE = {"control_room": "vr", "reporting": {"delay": "10min", "notify": "15min"}}


def _ids(results: Results, *pairs: tuple[str, str]) -> tuple[int, ...]:
    ev = results.events
    found = [int(ev[(ev["kind"] == kind) & (ev["asset"] == asset)]["id"].item()) for kind, asset in pairs]
    return tuple(sorted(found))


def test_a_moment_of_two_owners_is_one_row_per_owner_each_from_its_own_operator():
    results = Results.from_record(
        run(build(ASSETS, [{"id": "stroom", "type": "outage", "target": "sub"}], ORGS, response=RESPONSE)), "en"
    )
    injects = derive_injects(results, "en")
    rows = [(r["time_min"], r["from"], r["method"], r["events"], r["assets"]) for r in injects.to_dict("records")]
    back = [
        (
            160.0,
            "Duty operator, net",
            "direct_line",
            _ids(
                results,
                ("asset.operational", "sub"),
                ("need.satisfied", "wijk"),
                ("need.restarted", "wijk"),
                ("asset.operational", "wijk"),
            ),
            ("sub", "wijk"),
        ),
        (
            160.0,
            "Duty operator, KPN",
            "direct_line",
            _ids(results, ("need.satisfied", "mast"), ("need.restarted", "mast"), ("asset.operational", "mast")),
            ("mast",),
        ),
    ]
    assert rows[3:] == back
    assert [r[1] for r in rows[:3]] == ["Duty operator, net", "Duty operator, KPN", "Caller on 112"]
    assert injects["message"].tolist()[3:] == [
        "Good morning, this is the duty operator of net. Onderstation is working again. "
        "In Wijk everything works again.",
        "Good morning, this is the duty operator of KPN. Zendmast is working again.",
    ]


def test_the_storm_surge_port_comes_back_from_the_port_authority_not_rijkswaterstaat():
    """Sluis Havenstad, storm surge: at 07:00:04 the sea lock works again at about 50 % and the
    port, which needs it for access, has access again. They were one row of Rijkswaterstaat's; the
    port is the port authority's. No row of the run holds assets of two owners."""
    results = simulate(load_scenario(ROOT / "scenarios" / "sluis-havenstad-stormvloed.yaml"), lang="nl")
    injects = derive_injects(results, "nl")
    at_seven = injects[injects["clock"].map(lambda c: c.strftime("%d %H:%M:%S")) == "15 07:00:04"]
    assert [(r["from"], r["method"], r["assets"]) for r in at_seven.to_dict("records")] == [
        ("Dienstdoende operator Rijkswaterstaat West-Nederland Zuid", "direct_line", ("zeesluis",)),
        ("Dienstdoende operator Havenbedrijf Havenstad", "direct_line", ("haven-operaties",)),
    ]
    owner = dict(zip(results.assets["id"], results.assets["owner"]))
    mixed = [r["number"] for r in injects.to_dict("records") if len({owner[a] for a in r["assets"]} - {""}) > 1]
    assert mixed == []


def test_the_simulation_column_has_four_lines_at_most_every_event_in_the_csv():
    """Five neighbourhoods on the substation: at 160 the substation and the five have power again,
    one moment of net's (they have no owner). Six assets: three lines, then how many more; the
    detail has all 16 events. The repair names the crew and the substation as people say them."""
    assets = [{**ASSETS[0], "name": "Onderstation (150 kV)"}] + [
        {"id": f"wijk{i}", "name": f"Wijk {i}", "sector": "population", "population": 100}
        | {"needs": [{"type": "power", "from": "sub"}]}
        for i in range(1, 6)
    ]
    orgs = [{"id": "net", "crews": [{"id": "monteurs", "name": "Monteurs (storingsdienst)"}]}, {"id": "vr"}]
    results = Results.from_record(
        run(build(assets, [{"id": "stroom", "type": "outage", "target": "sub"}], orgs, response=RESPONSE)), "en"
    )
    injects = derive_injects(results, "en")
    back = injects[injects["time_min"] == injects["time_min"].max()].iloc[0]
    assert back["assets"] == ("sub", "wijk1", "wijk2", "wijk3", "wijk4", "wijk5")
    first = [_ids(results, ("asset.operational", a))[0] for a in ("sub", "wijk1", "wijk2")]
    clock = back["clock"].strftime("%H:%M")
    assert back["simulation"].split("\n") == [
        f"#{first[0]} {clock} sub: asset.operational 100%",
        f"#{first[1]} {clock} wijk1: asset.operational 100%, power",
        f"#{first[2]} {clock} wijk2: asset.operational 100%, power",
        "and 3 more (every event in the CSV)",
    ]
    assert len(back["simulation_detail"].split("\n")) == len(back["events"]) == 1 + 5 * 3
    assert injects.iloc[0]["expected_action"].split("\n")[0] == "Send crew Monteurs to repair Onderstation"


def test_one_sender_keeps_its_addressee_and_line_through_the_150kv_cyberattack():
    """Cyberaanval 150 kV: the fire brigade's duty officer reports its stations on the control
    room's direct line at 16:31 (its first news, at once) and 16:51 (the two stations of 16:37 and
    16:51 in one call, inject_calls), and says they work again at 21:03 and 22:02 (two in one
    call) the same way, not to the
    RBT by phone once the RBT is in session. Every sender keeps one line to one addressee; only the
    on-call managers and the units on site follow the crisis team in session, and the units' radio
    call names whom it calls."""
    from simulator.analysis.inject_speech import spoken_name

    results = simulate(load_scenario(ROOT / "scenarios" / "regio" / "cyberaanval-150kv.yaml"), lang="nl")
    injects = derive_injects(results, "nl").to_dict("records")
    brigade = [r for r in injects if r["from"] == "Dienstdoende medewerker Brandweer Havenstad"]
    assert [(r["clock"].strftime("%H:%M"), r["to"], r["method"]) for r in brigade] == [
        (clock, "Meldkamer", "direct_line") for clock in ("16:31", "16:51", "21:03", "22:02")
    ]
    lines: dict[str, set[tuple[str, str]]] = {}
    for r in injects:
        lines.setdefault(r["from"], set()).add((r["to"], r["method"]))
    following = {f for f in lines if f.startswith("Piketfunctionaris ") or f == "Eenheden ter plaatse"}
    assert {f: sorted(v) for f, v in lines.items() if len(v) > 1 and f not in following} == {}
    units = [r for r in injects if r["from"] == "Eenheden ter plaatse"]
    assert {r["to"] for r in units} == {"Regionaal Beleidsteam (RBT)"} and len(units) == 6
    assert all(r["message"].startswith(f"{spoken_name(r['to'])}, van de eenheid ter plaatse. ") for r in units)
    assert units[0]["message"].startswith("Regionaal Beleidsteam, van de eenheid ter plaatse. In Oost ")
