"""Asset service levels as the minimum over the effects on each asset."""

from __future__ import annotations

from collections.abc import Callable, Hashable

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


class AssetStates:
    """Service level per asset (index). An effect is a (key -> level) entry; the service is the
    minimum of all effects, 1 without any. A change of service is logged as a status event and
    recorded as a state change; a change of availability (service above 0 or not) is passed on to
    ``on_availability(asset, available, status_event_id, now)``.
    """

    __slots__ = ("service", "_effects", "_log", "_owner", "_clock", "on_availability")

    def __init__(self, count: int, log: EventLog, owners: list[str], clock: Callable[[], float]):
        self.service = [1.0] * count
        self._effects: list[dict[Hashable, float] | None] = [None] * count
        self._log = log
        self._owner = owners
        self._clock = clock
        self.on_availability: Callable[[int, bool, int, float], None] = lambda *args: None

    def effects(self, asset: int) -> dict[Hashable, float]:
        return dict(self._effects[asset] or {})

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

    def _update(self, asset: int, cause: int) -> None:
        effects = self._effects[asset]
        new = min(effects.values()) if effects else 1.0
        old = self.service[asset]
        if new == old:
            return
        self.service[asset] = new
        now = self._clock()
        log = self._log
        log.states.append(StateChange(now, asset, new, False))
        event = log.add(now, "asset." + status_of(new), asset, cause, new, self._owner[asset])
        if (old > 0) != (new > 0):
            self.on_availability(asset, new > 0, event, now)
