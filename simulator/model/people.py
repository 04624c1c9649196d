"""People affected, each person counted once.

Populations are declared on assets and flood zones. The residents of a municipality are the
populations of its ``population``-sector assets (neighbourhoods, the *homes*). The people of any
other asset (a care home's residents, a hospital's patients, the clients of a social service) and
of a flood zone are residents too: they live ``within`` a home, or anywhere in their municipality.
Counting them on top of their neighbourhood counts them twice; a town of 60,000 then has 64,000
people affected.

The rule: every person counts once, by the largest loss among the services they rely on, their
home's and (for the people of an asset or a zone) that asset's or zone's. With loss = 1 - service
level, people affected =

    sum over homes n of pop(n) * loss(n)
  + sum over other populations c, of the share pop(c) * w(c, n) living in home n,
        of max(0, loss(c) - loss(n))
  + sum over populations declared ``within: none`` (travellers, visitors) of pop * loss

where ``w(c, n)`` is 1 for the home named by ``population_within``, the home's share of its
municipality's residents for ``population_within: municipality`` (the default), and for a flood
zone the home's share of the residents of the homes listed in the zone (else of the homes of the
zone's assets' municipalities). A flooded zone has loss 1. People of one home's several assets are
assumed to be different people (the care home's residents are not also the alarm service's clients).
The total never exceeds the residents plus the ``none`` populations.

Evacuated people are no longer affected: an evacuated home's residents and the shares of other
populations living there, and an evacuated asset's own people.

``PeopleCounter`` keeps the total incrementally: per group of homes, a histogram of the homes'
losses weighted by residents and one of the losses of the populations living there, so a change
costs a few dictionary updates whatever the number of assets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from .assets import Asset
from .graphmemo import derived
from .water import Zone

__all__ = ["PeopleCounter", "WITHIN_MUNICIPALITY", "WITHIN_NONE", "homes_by_municipality", "residents_within"]

WITHIN_MUNICIPALITY = "municipality"
WITHIN_NONE = "none"


def _is_home(asset: Asset) -> bool:
    return asset.sector == "population" and asset.population > 0


class _Group:
    """A set of homes (weighted by residents) and the populations living spread over them."""

    __slots__ = ("weight", "homes", "members", "_extra", "_dirty")

    def __init__(self, weight: int):
        self.weight = weight
        self.homes: dict[float, int] = {}  # loss -> residents of the group's homes at that loss
        self.members: dict[float, int] = {}  # loss -> people of the populations living in the group
        self._extra = 0.0
        self._dirty = False

    @classmethod
    def served(cls, weight: int, people: int) -> _Group:
        """A group whose homes and members (``people`` of them; none: no member) are all served."""
        made = cls(weight)
        made.homes[0.0] = weight
        if people:
            made.members[0.0] = people
        return made

    @staticmethod
    def _move(histogram: dict[float, int], old: float, new: float, people: int) -> None:
        left = histogram[old] - people
        if left:
            histogram[old] = left
        else:
            del histogram[old]
        histogram[new] = histogram.get(new, 0) + people

    def move_home(self, old: float, new: float, residents: int) -> None:
        self._move(self.homes, old, new, residents)
        self._dirty = True

    def move_member(self, old: float, new: float, people: int) -> None:
        self._move(self.members, old, new, people)
        self._dirty = True

    def extra(self) -> float:
        """The people of the members more affected than their homes, beyond the homes' count."""
        if self._dirty:
            total = 0.0
            for loss, people in self.members.items():
                if loss > 0:
                    below = sum(residents * (loss - home) for home, residents in self.homes.items() if home < loss)
                    total += people * below / self.weight
            self._extra = total
            self._dirty = False
        return self._extra


def residents_within(
    asset: Asset,
    assets: Sequence[Asset],
    index: dict[str, int],
    town_homes: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[str, ...] | None:
    """The ids of the homes ``asset``'s people live in: its ``population_within`` home, its
    municipality's homes, or None (``none``, or no home to live in). ``town_homes`` (from
    ``homes_by_municipality``) saves a pass over all assets per call."""
    within = asset.population_within or WITHIN_MUNICIPALITY
    if within == WITHIN_NONE:
        return None
    if within != WITHIN_MUNICIPALITY:
        home = assets[index[within]] if within in index else None
        return (within,) if home is not None and _is_home(home) else None
    if town_homes is None:
        town_homes = homes_by_municipality(assets)
    return town_homes.get(asset.municipality) or None


def homes_by_municipality(assets: Sequence[Asset]) -> dict[str, tuple[str, ...]]:
    """Per municipality the ids of its homes, sorted."""
    homes: dict[str, list[str]] = defaultdict(list)
    for asset in assets:
        if _is_home(asset):
            homes[asset.municipality].append(asset.id)
    return {town: tuple(sorted(ids)) for town, ids in homes.items()}


class _Layout:
    """What a counter of these assets and zones keeps fixed: positions, populations, homes, the
    groups (their weights and the people of their members), who lives in which group. Built once
    per graph (``PeopleCounter.for_graph``); counters made from it share it and only copy the
    groups' starting histograms."""

    __slots__ = ("index", "population", "home", "groups", "member_of", "in_groups", "zone_group", "zone_alone")

    def __init__(self, assets: Sequence[Asset], zones: Iterable[Zone] = ()):
        self.index = index = {a.id: i for i, a in enumerate(assets)}
        self.population = population = [a.population for a in assets]
        self.home = home = [_is_home(a) for a in assets]
        groups: dict[object, int] = {}  # key -> group number
        weights: list[int] = []
        members: list[int] = []  # people of the populations living in each group, all served
        self.member_of: dict[int, int] = {}  # asset -> the group its people live in
        in_groups: dict[int, list[int]] = defaultdict(list)  # home -> the groups it is part of

        town_homes = homes_by_municipality(assets)

        def group(homes: tuple[str, ...], town: str | None = None) -> int:
            # A municipality's homes (the common case) are keyed by the town, not by a tuple of
            # perhaps 100,000 ids that would be sorted and hashed again for every member.
            listed = town_homes[town] if town is not None else tuple(sorted(homes))
            key: object = ("municipality", town) if town is not None else listed
            if key not in groups:
                groups[key] = made = len(weights)
                weights.append(sum(population[index[h]] for h in listed))
                members.append(0)
                for h in listed:
                    in_groups[index[h]].append(made)
            return groups[key]

        for i, asset in enumerate(assets):
            if asset.population and not home[i]:
                homes = residents_within(asset, assets, index, town_homes)
                if homes is not None:
                    spread = (asset.population_within or WITHIN_MUNICIPALITY) == WITHIN_MUNICIPALITY
                    self.member_of[i] = joined = group(homes, asset.municipality if spread else None)
                    members[joined] += asset.population
        self.zone_group: dict[str, tuple[int, int]] = {}
        self.zone_alone: dict[str, int] = {}  # zones whose people live in no declared home
        for zone in zones:
            if not zone.population:
                continue
            listed = tuple(a for a in zone.assets if a in index and home[index[a]])
            town = None
            if not listed:
                towns = sorted({assets[index[a]].municipality for a in zone.assets if a in index})
                listed = tuple(h for name in towns for h in town_homes.get(name, ()))
                if len(towns) == 1 and listed:
                    town = towns[0]  # the town's own homes: its group
            if listed:
                self.zone_group[zone.id] = (joined := group(listed, town), zone.population)
                members[joined] += zone.population
            else:
                self.zone_alone[zone.id] = zone.population
        self.in_groups = {h: tuple(g) for h, g in in_groups.items()}
        # (weight, people of its members) per group; a member's people join the group's histogram
        # at loss 0 (a group without members has none: ``members`` empty, as it was built)
        self.groups = tuple(zip(weights, members))


class PeopleCounter:
    """People affected now under the rule of this module; losses are 1 - service level.

    ``PeopleCounter(assets, zones)`` works out who lives where, a pass over every asset;
    ``PeopleCounter.for_graph(graph)`` does that once per graph object and gives a new counter
    (all served) each call, at the cost of copying the groups: a threat sweep's or an ensemble's
    tasks on one worker share the one shipped scenario's graph (``analysis/dask_backend.py``)."""

    def __init__(self, assets: Sequence[Asset] = (), zones: Iterable[Zone] = (), layout: _Layout | None = None):
        layout = _Layout(assets, zones) if layout is None else layout
        self.layout = layout
        self.index = layout.index
        self.population = layout.population
        self.home = layout.home
        self.member_of = layout.member_of  # asset -> the number of the group its people live in
        self.in_groups = layout.in_groups  # home -> the numbers of the groups it is part of
        self.zone_group = layout.zone_group  # zone -> (group number, people)
        self.zone_alone = layout.zone_alone  # zones whose people live in no declared home
        self.loss = [0.0] * len(layout.population)
        self.gone: set[int] = set()
        self.flooded: set[str] = set()
        self.direct = 0.0  # homes' residents and ``none`` populations, by their own loss
        self.groups = tuple(_Group.served(weight, people) for weight, people in layout.groups)

    @classmethod
    def for_graph(cls, graph, zones: bool = True) -> PeopleCounter:
        """A new counter (everyone served) of ``graph``'s assets, with its flood zones when
        ``zones``; who lives where is worked out once per graph object (``graphmemo.derived``)."""
        key = "people_layout_zones" if zones else "people_layout"
        layout = derived(graph, key, lambda: _Layout(graph.assets, graph.zones if zones else ()))
        return cls(layout=layout)

    def set_loss(self, asset: int, loss: float) -> None:
        """The asset's service now gives ``loss`` (1 - service level, 0 to 1)."""
        old = self.loss[asset]
        if loss == old:
            return
        self.loss[asset] = loss
        if asset in self.gone:
            return
        self._account(asset, old, loss)

    def _account(self, asset: int, old: float, new: float) -> None:
        people = self.population[asset]
        if self.home[asset]:
            self.direct += people * (new - old)
            for joined in self.in_groups.get(asset, ()):
                self.groups[joined].move_home(old, new, people)
        elif asset in self.member_of:
            self.groups[self.member_of[asset]].move_member(old, new, people)
        else:
            self.direct += people * (new - old)

    def evacuate(self, asset: int) -> None:
        """The asset's people (for a home: with the others living there) are no longer affected."""
        if asset in self.gone:
            return
        loss = self.loss[asset]
        if self.home[asset]:
            self.direct -= self.population[asset] * loss
            for joined in self.in_groups.get(asset, ()):
                self.groups[joined].move_home(loss, 1.0, self.population[asset])  # nobody left there to count beyond it
        else:
            self._account(asset, loss, 0.0)
        self.gone.add(asset)

    def flood(self, zone: str) -> None:
        """The zone's people are flooded (loss 1)."""
        if zone in self.flooded:
            return
        self.flooded.add(zone)
        if zone in self.zone_group:
            joined, people = self.zone_group[zone]
            self.groups[joined].move_member(0.0, 1.0, people)
        else:
            self.direct += self.zone_alone.get(zone, 0)

    def if_failed(self, asset_ids: Iterable[str]) -> float:
        """People affected if exactly these assets failed (service 0) and nothing else; the counter
        is left as it was (all served), so one counter serves a whole threat sweep."""
        hit = [self.index[a] for a in asset_ids]
        for asset in hit:
            self.set_loss(asset, 1.0)
        total = self.total
        for asset in hit:
            self.set_loss(asset, 0.0)
        return total

    def non_residents_if_failed(self, asset_ids: Iterable[str]) -> int:
        """Of ``if_failed(asset_ids)``, the people who live in none of the homes: the populations
        of those assets declared ``within: none`` (travellers, visitors) or with no home to live in.
        They lose their service fully (the asset failed), so they count whole; the rest of
        ``if_failed`` are residents, never more than live in the homes."""
        hit = {self.index[a] for a in asset_ids}
        return sum(self.population[a] for a in hit if not self.home[a] and a not in self.member_of)

    @property
    def shared(self) -> bool:
        """True when some people live within homes (else the total is a plain weighted sum)."""
        return bool(self.member_of or self.zone_group)

    @property
    def total(self) -> float:
        """People affected now (people, weighted by the service they lose)."""
        return self.direct + sum(joined.extra() for joined in self.groups)
