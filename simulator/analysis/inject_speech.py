"""What a role player reads out for one inject: the facts of an awareness moment in the words of
the person who calls, mails or radios them (``msel.frame.*``, ``msel.own.*``, ``msel.speak.*`` and
``msel.zone.*`` in the catalogue).

Clock times are said as people say them ("sinds half drie", "since twenty past four"), rounded to
five minutes with "ongeveer" / "about" when the rounding changed them; names are said without their
bracketed explanations ("Havenwegbrug (basculebrug)" is "Havenwegbrug"), a name that another
municipality's asset also has with its town ("Centrum (Beestad)" is "Centrum in Beestad"). The owner's own staff speak
of "our" installation; a neighbourhood's state is said as residents notice it.

A verb after an asset's name agrees with it: a sentence with ``.sing`` and ``.plur`` forms
(``messages/msel_agree.py``) is said in the plural for an asset with ``name_plural``
("Supermarkten Havenstad werken ..."). A flood zone with a descriptive name (``name_proper:
false``) is said with a lowercase first letter ("in het gebied laagste straten van Beekdal").
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..engine.eventkinds import STATUS_KINDS, VISIBLE_INCIDENTS
from ..messages import CATALOGUE, format_level, format_number, format_percent, text_count
from ..model.labels import split_label
from .eventtext import event_message
from .inject_lookups import RunLookups

__all__ = [
    "spoken_clock",
    "spoken_duration",
    "spoken_name",
    "spoken_asset",
    "spoken_zone",
    "named",
    "has_sentence",
    "fact_sentences",
    "spoken_message",
    "OWN_SPEAKERS",
]

_MAX_SENTENCES = 5  # sentences of facts in one message; the rest are counted
_GROUP_FROM = 4  # alike assets said together from this many; 2 or 3 are named one by one
# senders who speak of the installation as their own
OWN_SPEAKERS = frozenset({"operator", "staff", "it_staff", "duty"})
_QUIET_KINDS = ("need.restarted", "outage.start", "outage.end", "repair.unavailable", "hazard.start", "hazard.rain")


def spoken_name(name: str) -> str:
    """``name`` without bracketed explanations: ``Havenwegbrug (basculebrug)`` -> ``Havenwegbrug``."""
    return re.sub(r"\s*\([^()]*\)", "", name).strip() or name


def spoken_asset(run: RunLookups, asset: str) -> str:
    """Asset ``asset``'s name said aloud: without its bracketed explanations, and a name that
    another municipality's asset also has with its town (model/labels.py): "Centrum in Beestad"."""
    name, town = split_label(run.name(asset), run.municipality.get(asset, ""))
    return run.t("msel.name_in_town", name=spoken_name(name), town=town) if town else spoken_name(name)


def spoken_zone(run: RunLookups, zone_id: str, name: str) -> str:
    """Flood zone ``zone_id``'s name ``name`` said inside a sentence: without its bracketed
    explanations, a descriptive name (``name_proper: false``) with a lowercase first letter."""
    said = spoken_name(name)
    return said[:1].lower() + said[1:] if zone_id in run.common_zones else said


def has_sentence(key: str) -> bool:
    """Whether the catalogue has sentence ``key``, in one form or with ``.sing``/``.plur``."""
    return key in CATALOGUE or f"{key}.sing" in CATALOGUE


def named(run: RunLookups, key: str, asset: str, /, **params: object) -> str:
    """Sentence ``key`` about ``asset``, its name filled in (``spoken_asset`` unless ``name`` is
    given); a sentence whose verb follows the name in the form that agrees with it (``KEY.plur``
    for an asset with ``name_plural``, else ``KEY.sing``)."""
    if f"{key}.sing" in CATALOGUE:
        key = f"{key}.plur" if asset in run.plural else f"{key}.sing"
    params.setdefault("name", spoken_asset(run, asset))
    return run.t(key, **params)


def spoken_clock(run: RunLookups, minutes: float, now: float | None = None) -> str:
    """The wall clock ``minutes`` after the start as said aloud: rounded to five minutes, "about"
    when that changed it by a minute or more, the day named when it is not the day of ``now``."""
    when = run.clock(minutes)
    exact = when.hour * 60 + when.minute + when.second / 60
    rounded = int(5 * round(exact / 5))
    hour, minute = divmod(rounded % (24 * 60), 60)
    h12 = hour % 12 or 12
    named = h12 % 12 + 1 if minute >= int(run.t("msel.clock.next_from")) else h12
    said = run.t(f"msel.clock.{minute}", h=run.t(f"msel.hour.{named}"))
    if abs(exact - rounded) >= 1:
        said = run.t("msel.clock.about", clock=said)
    if now is not None and run.clock(now).date() != when.date():
        said = run.t("msel.clock.other_day", day=when.strftime("%d-%m"), clock=said)
    return said


def spoken_duration(run: RunLookups, minutes: float) -> str:
    """A buffer as said aloud: ``about 40 minutes``, ``about an hour``, ``about 12 hours``."""
    if minutes < 50:
        return run.t("msel.minutes_spoken", n=max(5, int(5 * round(minutes / 5))))
    hours = round(minutes / 60)
    return run.t("msel.hour_spoken") if hours == 1 else run.t("msel.hours_spoken", n=hours)


def greeting(run: RunLookups, minutes: float) -> str:
    hour = run.clock(minutes).hour
    return run.t("msel.hello.morning" if hour < 12 else "msel.hello.afternoon" if hour < 18 else "msel.hello.evening")


def _needs(run: RunLookups, types: list[str]) -> str:
    words = [run.t(f"need.{n}") if f"need.{n}" in CATALOGUE else n for n in dict.fromkeys(types)]
    return run.t("msel.and").join(words)


def _say(run: RunLookups, own: bool, key: str, asset: str, /, **params: object) -> str:
    """``msel.own.KEY`` about ``asset`` when the owner's staff speak and it exists, else
    ``msel.speak.KEY`` (``named``: its verb agrees with the name)."""
    chosen = f"msel.own.{key}" if own and has_sentence(f"msel.own.{key}") else f"msel.speak.{key}"
    return named(run, chosen, asset, **params)


def _zone_status(run: RunLookups, name: str, since: str, needs: list[str], kind: str) -> str:
    if kind == "asset.operational":
        return run.t("msel.zone.back", name=name)
    if not needs:
        key = "msel.zone.down" if kind == "asset.failed" else "msel.zone.disrupted"
        return run.t(key, name=name, since=since)
    parts = [
        run.t(f"msel.zone.{n}", since=since)
        if f"msel.zone.{n}" in CATALOGUE
        else run.t("msel.zone.other", need=_needs(run, [n]), since=since)
        for n in dict.fromkeys(needs)
    ]
    return run.t("msel.zone.sentence", name=name, what=run.t("msel.and").join(parts))


def _status_sentence(run: RunLookups, e: int, now: float, own: bool, needs: list[str]) -> str:
    """An asset's new status: down, working at a level, or working again."""
    asset, kind = run.asset[e], run.kind[e]
    name, since = spoken_asset(run, asset), spoken_clock(run, run.time[e], now)
    if run.sector.get(asset) == "population":
        return _zone_status(run, name, since, needs, kind)
    key, params = _status_key(run, e, now, needs)
    return _say(run, own, key, asset, name=name, **params)


def _status_key(run: RunLookups, e: int, now: float, needs: list[str]) -> tuple[str, dict[str, str]]:
    """The sentence of an asset's new status (``msel.speak.KEY``, ``msel.group.KEY``) and its
    parameters other than the name."""
    kind = run.kind[e]
    params = {"since": spoken_clock(run, run.time[e], now)}
    if kind == "asset.operational":
        return "operational", {}
    if kind == "asset.degraded":
        rising = (run.level[e] or 0.0) > run.level_before(e)  # a recovery to a level, not a decline
        params |= {"level_pct": format_percent(run.level[e] or 0.0, run.lang), "needs": _needs(run, needs)}
        return ("recovering" if rising else "degraded") + (".need" if needs else ""), params
    if needs and len(set(needs)) == 1 and has_sentence(f"msel.speak.failed.{needs[0]}"):
        return f"failed.{needs[0]}", params
    if needs:
        return "failed.need", params | {"needs": _needs(run, needs)}
    return "failed", params


def _group_sentences(
    run: RunLookups, now: float, alike: dict[str, tuple[int, list[str]]], crowd: bool = False
) -> dict[str, str]:
    """Assets of one kind with the same new status (the same level and needs) said in one
    sentence when there are ``_GROUP_FROM`` or more: "18 rioolgemalen in Lageveen werken sinds ...
    nog maar voor ongeveer 30%"; since the first of them (a call joins up to a quarter of an hour,
    ``inject_calls``); the town when they are all in one. With ``crowd`` (a burst of 112 calls)
    the neighbourhoods too, one sentence per need they lost, as the control room hears it ("In 12
    wijken is sinds ... de stroom uitgevallen", ``msel.zones.*``), named when three or fewer.
    Returns the sentences by the first asset of each group (the others say nothing)."""
    groups: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for asset, (e, needs) in alike.items():
        kind = run.asset_kind.get(asset) or run.sector.get(asset, "")
        if run.sector.get(asset) == "population":
            for key, params in _zones_keys(run, e, needs) if crowd else ():
                groups[(kind, key, tuple(sorted(params.items())))].append((asset, e))
            continue
        key, params = _status_key(run, e, now, needs)
        params.pop("since", None)
        if f"msel.group.{key}" in CATALOGUE:
            groups[(kind, f"msel.group.{key}", tuple(sorted(params.items())))].append((asset, e))
    said: dict[str, str] = {}
    for (kind, key, params), members in groups.items():
        zones = key.startswith("msel.zones.")
        if len(members) < (1 if zones else _GROUP_FROM):
            continue
        assets = [a for a, _ in members]
        counted = f"msel.kind.{kind}" if f"msel.kind.{kind}.other" in CATALOGUE else "msel.kind.any"
        what = text_count(counted, len(assets), run.lang)
        towns = {run.municipality.get(a, "") for a in assets}
        if zones and len(assets) <= 3:
            names = [spoken_asset(run, a) for a in assets]
            what = run.t("msel.and").join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        elif len(towns) == 1 and "" not in towns and not zones:
            what = run.t("msel.group.in_town", what=what, town=towns.pop())
        since = spoken_clock(run, min(run.time[e] for _, e in members), now)
        sentence = run.t(key, what=what, since=since, **dict(params))
        for asset in assets:
            said.setdefault(asset, "")
        said[assets[0]] = f"{said[assets[0]]} {sentence}".strip()
    return said


def _zones_keys(run: RunLookups, e: int, needs: list[str]) -> list[tuple[str, dict[str, str]]]:
    """The ``msel.zones.*`` sentences of a neighbourhood with the new status of event ``e``, one
    per need it lost, and their parameters other than the count and the clock."""
    if run.kind[e] == "asset.operational":
        return [("msel.zones.back", {})]
    if not needs:
        return [("msel.zones.down" if run.kind[e] == "asset.failed" else "msel.zones.disrupted", {})]
    return [
        (f"msel.zones.{n}", {}) if f"msel.zones.{n}" in CATALOGUE else ("msel.zones.none", {"needs": _needs(run, [n])})
        for n in sorted(set(needs))
    ]


def _incident_sentence(run: RunLookups, e: int, own: bool) -> str:
    kind, data = run.kind[e], run.data[e]
    level = data.get("level", run.level[e])  # a DDoS names its level: the service follows later
    params: dict[str, object] = {k: v for k, v in data.items() if isinstance(v, str)}
    params.update(
        {
            k: format_number(v, run.lang)
            for k, v in data.items()
            if isinstance(v, int | float) and not isinstance(v, bool)
        }
    )
    params.update(name=spoken_asset(run, run.asset[e]), level_pct=format_percent(level or 0.0, run.lang))
    if "basin" in data:
        params["basin"] = spoken_name(run.basins.get(str(data["basin"]), str(data["basin"])))
    if "level_m" in data:
        params["level"] = format_level(float(data["level_m"]), run.lang)
    if "zone" in data:
        params["zone"] = spoken_zone(run, str(run.ref[e] or ""), str(data["zone"]))
    if kind == "flood.damage" and run.sector.get(run.asset[e]) == "population":
        return named(run, "msel.zone.flood.damage", run.asset[e], name=params["name"])
    try:
        return _say(run, own, kind, run.asset[e], **params)
    except KeyError:  # a field the sentence needs is missing: the engine's own words
        return event_message(kind, run.name(run.asset[e]), data, run.level[e], run.lang, basins=run.basins)


def fact_sentences(run: RunLookups, now: float, facts: list[int], own: bool, crowd: bool = False) -> list[str]:
    """The facts of a moment at minute ``now`` as spoken sentences, in the order they happened:
    one sentence per incident and hazard fact, one per asset for its status (with the needs it
    lacks) or, while it keeps working, for the needs it lost (on a reserve) or got back."""
    sentences: list[tuple[int, str]] = []
    status: dict[str, int] = {}
    lost: dict[str, list[int]] = defaultdict(list)
    exhausted: dict[str, list[str]] = defaultdict(list)
    back: dict[str, list[str]] = defaultdict(list)
    first: dict[str, int] = {}
    said_down: set[str] = set()
    for e in facts:
        kind, asset = run.kind[e], run.asset[e]
        if asset:
            first.setdefault(asset, e)
        need = str(run.data[e].get("type", ""))
        if kind in STATUS_KINDS:
            status[asset] = e
        elif kind == "need.unsatisfied":
            lost[asset].append(e)
        elif kind == "need.exhausted":
            exhausted[asset].append(need)
        elif kind == "need.satisfied":
            back[asset].append(need)
        elif kind in _QUIET_KINDS:
            continue  # said by the asset's status, or by the KNMI warning
        else:
            sentences.append((e, _incident_sentence(run, e, own)))
            if kind in VISIBLE_INCIDENTS or kind == "flood.damage":  # it says the asset is down
                said_down.add(asset)
    alike = {
        asset: (e, exhausted[asset])
        for asset, e in status.items()
        if (crowd or run.sector.get(asset) != "population")
        and (run.kind[e] == "asset.operational" or asset not in said_down)
    }
    grouped = _group_sentences(run, now, alike, crowd)
    for asset, order in first.items():
        if asset in grouped:
            sentence: str | None = grouped[asset]
        else:
            sentence = _asset_sentence(
                run, asset, now, own, status, lost[asset], exhausted[asset], back[asset], said_down
            )
        if sentence:
            sentences.append((order, sentence))
    texts = [s for _, s in sorted(sentences, key=lambda p: p[0])]
    if not texts and facts:  # only facts said by a status that did not change (a restart while still degraded)
        texts = [_quiet_sentence(run, facts[0])]
    if len(texts) > _MAX_SENTENCES:
        texts = texts[: _MAX_SENTENCES - 1] + [run.t("msel.speak.more", n=len(texts) - _MAX_SENTENCES + 1)]
    return texts


def _quiet_sentence(run: RunLookups, e: int) -> str:
    """A moment holding only facts a status would say, when the status did not change."""
    if run.kind[e] == "need.restarted":
        return named(run, "msel.speak.restarted", run.asset[e], needs=_needs(run, [str(run.data[e].get("type", ""))]))
    words = event_message(run.kind[e], run.name(run.asset[e]), run.data[e], run.level[e], run.lang, basins=run.basins)
    return words if words.endswith((".", "!", "?")) else f"{words}."


def _asset_sentence(  # noqa: PLR0913 -- the asset's facts of the moment, sorted by kind
    run: RunLookups,
    asset: str,
    now: float,
    own: bool,
    status: dict[str, int],
    lost: list[int],
    exhausted: list[str],
    back: list[str],
    said_down: set[str],
) -> str | None:
    name = spoken_asset(run, asset)
    if asset in status:
        if run.kind[status[asset]] != "asset.operational" and asset in said_down:
            return None  # the incident sentence said it
        return _status_sentence(run, status[asset], now, own, exhausted)
    if lost or exhausted:
        types = [str(run.data[e].get("type", "")) for e in lost] + exhausted
        buffers = [float(run.data[e].get("buffer") or 0) for e in lost]
        if buffers and max(buffers) > 0 and not exhausted:
            buffer = spoken_duration(run, max(buffers))
            if own and set(types) == {"power"}:
                return named(run, "msel.own.reserve.power", asset, name=name, buffer=buffer)
            if own:
                return named(run, "msel.own.reserve", asset, name=name, needs=_needs(run, types), buffer=buffer)
        key = "msel.zone.need_lost" if run.sector.get(asset) == "population" else "msel.speak.need_lost"
        return named(run, key, asset, name=name, needs=_needs(run, types))
    if back:
        key = "msel.zone.need_back" if run.sector.get(asset) == "population" else "msel.speak.need_back"
        return named(run, key, asset, name=name, needs=_needs(run, back))
    return None


def spoken_message(run: RunLookups, route: dict[str, str], now: float, sentences: list[str]) -> str:
    """The whole message: the sender's frame (``msel.frame.<say>``) around the sentences; a radio
    call opens with its addressee ("ROT, van de eenheid ter plaatse"), ``route["to"]`` said aloud."""
    org = route.get("org", "")
    return run.t(
        f"msel.frame.{route['say']}",
        hello=greeting(run, now),
        org=spoken_name(run.org_names.get(org, org)),
        official=route.get("official", ""),
        to=spoken_name(route.get("to", "")),
        town=route.get("town", ""),
        content=" ".join(sentences),
    )
