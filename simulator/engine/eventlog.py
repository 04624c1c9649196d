"""The event log: every event with its time, kind, asset, service level and cause."""

from __future__ import annotations

from typing import Any, NamedTuple

from .eventkinds import EVENT_KINDS, UndeclaredEventKind

__all__ = ["EventLog", "Event", "StateChange"]


class Event(NamedTuple):
    """One logged event. ``asset`` is an index into the graph (or -1); ``cause`` an event id (or 0).

    ``level`` is the asset's service level right after the event (the GRIP level for escalation
    events); ``ref`` names what the event is about besides the asset (inject, crew, rule, team,
    deadline); ``params`` fill the message.
    """

    id: int
    time_min: float
    kind: str
    asset: int
    org: str
    level: float | None
    cause: int
    params: dict[str, Any] | None
    ref: str = ""


class StateChange(NamedTuple):
    """An asset's service level changed at ``time_min``."""

    time_min: float
    asset: int
    service: float
    manual: bool


class EventLog:
    """Append-only; ids are 1, 2, 3, ... in the order events happen (0 means 'no cause').

    Every kind must be declared in ``eventkinds`` (``UndeclaredEventKind`` otherwise)."""

    __slots__ = ("events", "states", "_params")

    def __init__(self) -> None:
        self.events: list[Event] = []
        self.states: list[StateChange] = []
        # equal params are logged as one shared dict: a large run repeats a few hundred of them over
        # hundreds of thousands of events (read only, like the events themselves)
        self._params: dict[tuple, dict[str, Any]] = {}

    def add(
        self,
        time_min: float,
        kind: str,
        asset: int = -1,
        cause: int = 0,
        level: float | None = None,
        org: str = "",
        params: dict[str, Any] | None = None,
        ref: str = "",
    ) -> int:
        if kind not in EVENT_KINDS:
            raise UndeclaredEventKind(kind)
        if params:
            params = self._shared(params)
        event_id = len(self.events) + 1
        self.events.append(Event(event_id, time_min, kind, asset, org, level, cause, params, ref))
        return event_id

    def _shared(self, params: dict[str, Any]) -> dict[str, Any]:
        """The one dict logged for params equal to ``params``: same keys in the same order, values
        equal and of the same type (0, 0.0 and False are told apart); ``params`` itself when a value
        cannot be hashed (a nested dict or list)."""
        key = tuple((name, type(value), value) for name, value in params.items())
        try:
            return self._params.setdefault(key, params)
        except TypeError:
            return params

    def __len__(self) -> int:
        return len(self.events)
