"""Asset service levels as the minimum over the effects on each asset."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from .eventkinds import STATUS_KIND
from .eventlog import EventLog, StateChange

__all__ = ["AssetStates", "status_of"]

_EPS = 1e-12


def status_of(service: float) -> str:
    """``operational`` at 1, ``failed`` at 0, ``degraded`` between."""
    if service >= 1 - _EPS:
        return "operational"
    if service <= _EPS:
        return "failed"
    return "degraded"


# What manual operation bypasses: lost control, data or telecom of the automation, cyber damage,
# overload (DDoS). Anything else (power, water, fuel, physical damage) stays in force by hand too.
BYPASSED_NEEDS = frozenset({"control", "data", "telecom"})
BYPASSED_EFFECTS = frozenset({"damage", "ddos"})


def _bypassed(key) -> bool:
    if not isinstance(key, tuple):
        return False
    if key[0] == "need":
        return key[2] in BYPASSED_NEEDS
    return key[0] in BYPASSED_EFFECTS


class AssetStates:
    """Service level per asset (index). An effect is a (key -> level) entry; the service is the
    minimum of all effects, 1 without any. An asset switched to manual operation at level m runs at
    min(kept, max(bypassed, m)): by hand it bypasses lost control, data and telecom needs, cyber
    damage and overload, not power, water or fuel needs nor physical damage.

    A change of service is logged as a status event, recorded as a state change, and passed on to
    ``on_change(asset, old, new, status_event_id)``.
    """

    __slots__ = ("service", "manual", "_effects", "_manual_level", "_log", "_owner", "_clock", "on_change")

    def __init__(self, count: int, log: EventLog, owners: list[str], clock: Callable[[], float]):
        self.service = [1.0] * count
        self.manual = [False] * count  # running on the manual fallback right now
        self._effects: list[dict[Hashable, float] | None] = [None] * count
        self._manual_level: dict[int, float] = {}
        self._log = log
        self._owner = owners
        self._clock = clock
        self.on_change: Callable[[int, float, float, int], None] = lambda *args: None

    def effects(self, asset: int) -> dict[Hashable, float]:
        return dict(self._effects[asset] or {})

    def keys(self, asset: int, first: str) -> list[Hashable]:
        """Effect keys on ``asset`` whose first element is ``first``."""
        return [key for key in (self._effects[asset] or {}) if isinstance(key, tuple) and key[0] == first]

    def set_effect(self, asset: int, key: Hashable, level: float, cause: int) -> None:
        effects = self._effects[asset]
        if effects is None:
            effects = self._effects[asset] = {}
        effects[key] = level
        self._update(asset, cause)

    def clear_effect(self, asset: int, key: Hashable, cause: int) -> None:
        effects = self._effects[asset]
        if effects and key in effects:
            del effects[key]
            self._update(asset, cause)

    def set_manual(self, asset: int, level: float, cause: int) -> None:
        """The asset can from now on run by hand at ``level``."""
        self._manual_level[asset] = level
        self._update(asset, cause)

    def _level(self, asset: int) -> tuple[float, bool]:
        effects = self._effects[asset]
        if not effects:
            return 1.0, False
        manual = self._manual_level.get(asset)
        if manual is None:
            return min(effects.values()), False
        kept = min((v for k, v in effects.items() if not _bypassed(k)), default=1.0)
        bypassed = min((v for k, v in effects.items() if _bypassed(k)), default=1.0)
        by_hand = bypassed < manual
        return min(kept, max(bypassed, manual)), by_hand and kept > 0

    def _update(self, asset: int, cause: int) -> None:
        new, manual = self._level(asset)
        old = self.service[asset]
        if new == old and manual == self.manual[asset]:
            return
        self.service[asset] = new
        self.manual[asset] = manual
        now = self._clock()
        log = self._log
        log.states.append(StateChange(now, asset, new, manual))
        if new == old:
            return
        event = log.add(now, STATUS_KIND[status_of(new)], asset, cause, new, self._owner[asset])
        self.on_change(asset, old, new, event)
