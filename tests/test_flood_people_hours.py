"""The people of a flooded zone in ``unserved_population_hours`` (analysis/people_hours.py): from
the minute the zone floods until it is dry again, its people are evacuated or the run ends, each
person once per minute (beyond what their home's loss already counts). By hand, as invariants, and
on the bundled polder scenario (metric, debrief rows and the engine's dry minute)."""

import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import run
from hypothesis import given, settings
from hypothesis import strategies as st
from test_hazards import lock_scenario

from simulator import simulate
from simulator.analysis import Results, run_metrics
from simulator.analysis.people_hours import ZoneFlood, flooded_zone_hours, zone_spans
from simulator.analysis.portfolio_impact import (
    FLOODED_ZONES,
    asset_losses,
    cause_matrix,
    failure_episodes,
    largest_failures,
    portfolio_attribution,
)
from simulator.analysis.runpath import record_metrics
from simulator.model.assets import Asset
from simulator.model.people import PeopleCounter
from simulator.model.water import Zone
from simulator.report.debrief import render_report

RUN_MIN = 180.0
WIJK = Asset(id="wijk", sector="population", population=1000, municipality="dorp")
ZONE = Zone(id="laag", basin="polder", ground_level_m=-2.0, population=1000, assets=("wijk",))


def states(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=["time_min", "asset", "service"])


SERVED = states((0.0, "wijk", 1.0))


def person_hours(
    table=SERVED,
    flooded=60.0,
    dried=None,
    evacuated_zones=None,
    evacuated=None,
    assets=(WIJK,),
    zones=(ZONE,),
    until=RUN_MIN,
) -> float:
    """The run's ``unserved_population_hours`` with zone ``laag`` flooded at ``flooded``."""
    spans = zone_spans({"laag": flooded}, {"laag": dried} if dried is not None else {}, evacuated_zones or {}, until)
    population = {a.id: a.population for a in assets}
    metrics = run_metrics(
        table, population, until, 0, evacuated, list(assets), ZoneFlood(PeopleCounter(list(assets), list(zones)), spans)
    )
    return metrics["unserved_population_hours"]


def test_a_flooded_zone_counts_from_the_minute_it_floods_to_the_end_of_the_run():
    """1,000 people, flooded at 60 of a 180-minute run, their home served: 1,000 x 2 h."""
    assert person_hours() == 2000.0


def test_people_whose_home_also_failed_count_once():
    """Their neighbourhood fails at 30 (1,000 x 150 min = 2,500); flooded from 60 adds nothing:
    2,500, not 2,500 + 2,000 = 4,500."""
    failed = states((0.0, "wijk", 1.0), (30.0, "wijk", 0.0))
    assert person_hours(failed) == 2500.0
    spans = zone_spans({"laag": 60.0}, {}, {}, RUN_MIN)
    assert flooded_zone_hours(failed, ZoneFlood(PeopleCounter([WIJK], [ZONE]), spans)) == {"laag": 0.0}


def test_only_what_the_flood_adds_beyond_a_half_served_home():
    """The neighbourhood at service 0.5 the whole run (1,000 x 0.5 x 3 h = 1,500); the flood takes
    the other half of its people's service from 60: + 1,000 x 0.5 x 2 h = 1,000, 2,500 in all."""
    half = states((0.0, "wijk", 0.5))
    assert person_hours(half) == 2500.0


def test_a_zone_dry_at_120_stops_counting_there():
    """Flooded 60-120: 1,000 x 1 h."""
    assert person_hours(dried=120.0) == 1000.0
    assert zone_spans({"laag": 60.0}, {"laag": 120.0}, {}, RUN_MIN) == {"laag": (60.0, 120.0)}


def test_an_evacuated_zone_stops_counting_at_the_evacuation():
    """Evacuated at 150 (its neighbourhood evacuated): 60-150 = 1,000 x 1.5 h; evacuated before the
    water came (at 30): nobody there, nothing (as ``population_flooded`` says)."""
    assert person_hours(evacuated_zones={"laag": 150.0}, evacuated={"wijk": 150.0}) == 1500.0
    assert person_hours(evacuated_zones={"laag": 30.0}, evacuated={"wijk": 30.0}) == 0.0
    assert zone_spans({"laag": 60.0}, {}, {"laag": 30.0}, RUN_MIN) == {}


def test_a_zone_living_in_no_declared_home_counts_on_its_own():
    """The zone names no neighbourhood and its assets' town has none: its 400 people count by
    themselves, 400 x 2 h."""
    pump = Asset(id="gemaal", sector="water", municipality="elders")
    alone = Zone(id="laag", basin="polder", ground_level_m=-2.0, population=400, assets=("gemaal",))
    table = states((0.0, "gemaal", 1.0))
    assert person_hours(table, assets=(pump,), zones=(alone,)) == 800.0


def test_without_a_flood_nothing_changes():
    assert person_hours(flooded=RUN_MIN) == 0.0
    assert run_metrics(SERVED, {"wijk": 1000}, RUN_MIN, 0, None, [WIJK])["unserved_population_hours"] == 0.0


# --- invariants -------------------------------------------------------------------------------------

NORTH = Asset(id="north", sector="population", population=1500, municipality="dorp")
SOUTH = Asset(id="south", sector="population", population=500, municipality="dorp")
TOWN_ZONE = Zone(id="laag", basin="polder", ground_level_m=-2.0, population=800, assets=("north", "south"))


@st.composite
def runs(draw):
    """Random service steps of two neighbourhoods, an evacuation, a flood and a dry minute."""
    until = float(draw(st.integers(30, 600)))
    rows = [(0.0, "north", 1.0), (0.0, "south", 1.0)]
    for name in ("north", "south"):
        times = sorted(draw(st.lists(st.integers(1, int(until)), max_size=4, unique=True)))
        rows += [(float(t), name, draw(st.sampled_from([0.0, 0.25, 0.5, 1.0]))) for t in times]
    rows.sort(key=lambda row: (row[1], row[0]))
    evacuated = {}
    if draw(st.booleans()):
        evacuated[draw(st.sampled_from(["north", "south"]))] = float(draw(st.integers(0, int(until))))
    flooded = float(draw(st.integers(0, int(until))))
    dried = float(draw(st.integers(0, int(until)))) if draw(st.booleans()) else None
    return states(*rows), until, evacuated, flooded, dried


def town_hours(table, until, evacuated, flooded, dried) -> float:
    evacuated_zones = {"laag": min(evacuated.values())} if evacuated else {}
    return person_hours(
        table, flooded, dried, evacuated_zones, evacuated, assets=(NORTH, SOUTH), zones=(TOWN_ZONE,), until=until
    )


@settings(max_examples=150, deadline=None)
@given(runs(), st.integers(0, 600))
def test_person_hours_never_exceed_the_people_times_the_run_and_never_fall_when_it_floods_earlier(case, earlier):
    table, until, evacuated, flooded, dried = case
    hours = town_hours(table, until, evacuated, flooded, dried)
    # the zone's 800 people live in north and south: 2,000 people at most, the whole run
    assert -1e-9 <= hours <= 2000 * until / 60 + 1e-6
    sooner = max(flooded - earlier, 0.0)
    assert town_hours(table, until, evacuated, sooner, dried) >= hours - 1e-6


# --- the engine: dry again when the level falls below the zone's ground -------------------------------


def test_a_zone_behind_an_open_lock_floods_with_high_tide_and_is_dry_when_it_falls():
    """Harbour basin at 1.5 m behind a lock opened at 0 to a tide of 1.0 +- 1.0 m (high water at 0):
    the level rises past the quay zone's ground (1.6 m) at about 7 min, peaks near 1.92 m and falls
    below 1.6 m again at about 122 min (between the samples at 120, 1.612 m, and 130, 1.549 m).
    The zone's 1,000 people live in no declared home: they count on their own, 1,000 x (dry - flooded) / 60."""
    basin = {"id": "haven", "area_m2": 300_000, "level_m": 1.5}
    zones = [{"id": "kade", "basin": "haven", "ground_level_m": 1.6, "population": 1000, "assets": []}]
    tide = {"level_m": 1.0, "amplitude_m": 1.0, "high_water": 0}
    record = run(lock_scenario(basin, tide, zones=zones, duration="8h"))
    flooded, dried = record.flooded_zones["kade"], record.dried_zones["kade"]
    assert (round(flooded, 1), round(dried, 1)) == (7.0, 122.0)
    samples = record.levels["haven"]
    (t0, before), (t1, after) = next((a, b) for a, b in zip(samples, samples[1:]) if a[0] <= dried < b[0])
    assert before >= 1.6 > after
    assert before + (after - before) * (dried - t0) / (t1 - t0) == pytest.approx(1.6, abs=1e-3)
    metrics = record_metrics(record)
    assert metrics["dried_zones"] == {"kade": dried}
    assert metrics["unserved_population_hours"] == pytest.approx(1000 * (dried - flooded) / 60, rel=1e-12)


# --- the bundled polder scenario ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def polder(tmp_path_factory):
    result = simulate(Path(__file__).parents[1] / "scenarios" / "polder-gemaal-hack.yaml", lang="en")
    directory = tmp_path_factory.mktemp("polder") / "run"
    result.save(directory)
    return Results.load(directory)  # what the debrief reads: the run directory


def test_the_polder_counts_its_flooded_people_until_the_zone_is_dry(polder):
    """3,000 people in the low polder, flooded at 169.2 and dry again at about 280.2 (the pumps are
    back), their neighbourhood served all the while: 3,000 x (dry - flooded) / 60 population-hours."""
    metrics = polder.metrics
    flooded = metrics["flooded_zones"]["zone-oostpolder-laag"]
    dried = metrics["dried_zones"]["zone-oostpolder-laag"]
    assert (round(flooded, 6), round(dried, 2)) == (169.2, 280.19)
    assert metrics["population_flooded"] == 3000
    assert metrics["unserved_population_hours"] == pytest.approx(3000 * (dried - flooded) / 60, rel=1e-12)
    assert round(metrics["unserved_population_hours"], 2) == 5549.67


def test_the_zone_is_dry_where_the_level_falls_below_its_ground(polder):
    """Between the level samples around the dry minute the level crosses the zone's ground downward."""
    ground = float(polder.zones.set_index("id").loc["zone-oostpolder-laag", "ground_level_m"])
    dried = polder.metrics["dried_zones"]["zone-oostpolder-laag"]
    levels = polder.levels
    before = levels[levels["time_min"] < dried].iloc[-1]
    after = levels[levels["time_min"] > dried].iloc[0]
    assert before["level_m"] >= ground > after["level_m"]
    flooded = polder.metrics["flooded_zones"]["zone-oostpolder-laag"]
    wet = levels[(levels["time_min"] > flooded) & (levels["time_min"] < dried)]
    assert len(wet) and (wet["level_m"] >= ground - 1e-9).all()


def test_the_debrief_rows_add_up_to_the_metric(polder):
    """One row of the losses for the flooded zones' people (all 5,549.67 of the run: nothing else
    failed for people), one episode caused from the hacked pumping station, landing in the mayor's
    portfolio; the assets hit and the largest failures leave it out."""
    losses = asset_losses(polder)
    total = polder.metrics["unserved_population_hours"]
    assert losses["unserved_population_hours"].sum() == pytest.approx(total, rel=1e-12)
    row = losses[losses["asset"] == FLOODED_ZONES]
    assert row[["sector", "portfolio", "hit", "failed_min"]].values.tolist() == [
        ["population", "burgemeester", False, 0.0]
    ]
    assert row["unserved_population_hours"].tolist() == [pytest.approx(total, rel=1e-12)]
    episodes = failure_episodes(polder)
    zone = episodes[episodes["asset"] == FLOODED_ZONES]
    assert zone[["cause_asset", "caused_by"]].values.tolist() == [["gemaal-oostpolder", "burgemeester"]]
    kinds = polder.events.set_index("id")["kind"]
    assert kinds[int(zone["failure_event"].iloc[0])] == "zone.flooded"
    both = portfolio_attribution(polder, episodes=episodes)
    assert both["unserved_population_hours"].sum() == pytest.approx(total, rel=1e-12)
    assert both["caused_unserved_population_hours"].sum() == pytest.approx(total, rel=1e-12)
    assert cause_matrix(polder, episodes=episodes).to_numpy().sum() == pytest.approx(total, rel=1e-12)
    assert both["assets_hit"].sum() == int(losses["hit"].sum())
    assert FLOODED_ZONES not in largest_failures(losses, 10)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "includes 5,550 unserved population-hours of the people in flooded zones"),
        ("nl", "omvat 5.550 onbediende inwoner-uren van de mensen in ondergelopen gebieden"),
    ],
)
def test_the_debrief_says_where_the_flooded_peoples_hours_landed(polder, lang, sentence):
    html = render_report(polder, lang)
    assert sentence in html
    assert FLOODED_ZONES not in html  # named from the catalogue wherever it shows


def test_a_run_directory_from_before_the_dry_minute_keeps_adding_up_to_its_own_metric(polder, tmp_path):
    """Its metrics.json has no ``dried_zones`` and its metric left the flooded people out: no row for them."""
    polder.save(tmp_path / "old")
    path = tmp_path / "old" / "metrics.json"
    metrics = json.loads(path.read_text(encoding="utf-8"))
    del metrics["dried_zones"]
    metrics["unserved_population_hours"] = 0.0
    path.write_text(json.dumps(metrics), encoding="utf-8")
    losses = asset_losses(Results.load(tmp_path / "old"))
    assert FLOODED_ZONES not in set(losses["asset"])
    assert losses["unserved_population_hours"].sum() == 0.0
