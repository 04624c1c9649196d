"""The event log: every event with its time, kind, asset, service level and cause.

The log is kept as columns (a large run logs close to a million events: one tuple per event would
cost about 250 bytes, the columns cost 64): times and levels in ``array('d')``, assets and causes in
``array('q')``, kinds, organisations, params and refs as lists of shared objects. Read it as a
sequence of ``Event`` tuples (``log[i]`` is event ``i + 1``) or column by column on hot paths.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterator
from sys import intern
from typing import Any, NamedTuple

from .eventkinds import EVENT_KINDS, UndeclaredEventKind

__all__ = ["EventLog", "Event", "StateChange", "KnowledgeLog"]

_NO_LEVEL = math.nan  # the level column's "no level" (None); a logged NaN is kept as an exception


class Event(NamedTuple):
    """One logged event. ``asset`` is an index into the graph (or -1); ``cause`` an event id (or 0).

    ``level`` is the asset's service level right after the event (the GRIP level for escalation
    events); ``ref`` names what the event is about besides the asset (inject, crew, rule, team,
    deadline); ``params`` fill the message. Times are minutes after the scenario start.
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

    A read-only sequence of ``Event``: ``log[event_id - 1]``, ``len(log)``, iteration, slices; and
    its columns ``time_min``, ``kind``, ``asset``, ``org``, ``level`` (NaN: none), ``cause``,
    ``params``, ``ref``, index ``event_id - 1``. A time or level that is not a float as logged (an int
    minute 0 before the clock moved, a NaN level) is kept as logged in ``_exact`` so that ``log[i]``
    gives back exactly what was logged. Every kind must be declared in ``eventkinds``
    (``UndeclaredEventKind`` otherwise)."""

    __slots__ = ("time_min", "kind", "asset", "org", "level", "cause", "params", "ref", "states", "_params", "_exact")

    def __init__(self) -> None:
        self.time_min = array("d")
        self.kind: list[str] = []
        self.asset = array("q")
        self.org: list[str] = []
        self.level = array("d")
        self.cause = array("q")
        self.params: list[dict[str, Any] | None] = []
        self.ref: list[str] = []
        self.states: list[StateChange] = []
        # equal params are logged as one shared dict: a large run repeats a few hundred of them over
        # hundreds of thousands of events (read only, like the events themselves)
        self._params: dict[tuple, dict[str, Any]] = {}
        self._exact: dict[tuple[str, int], Any] = {}  # (column, index) -> the value as logged

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
        index = len(self.kind)
        if type(time_min) is not float:
            self._exact["time_min", index] = time_min
        self.time_min.append(time_min)
        # interned: a kind built per event (f"report.received.{about}") is stored as one shared string
        self.kind.append(intern(kind))
        self.asset.append(asset)
        self.org.append(org)
        if level is None:
            self.level.append(_NO_LEVEL)
        else:
            if type(level) is not float or level != level:
                self._exact["level", index] = level
            self.level.append(level)
        self.cause.append(cause)
        self.params.append(params)
        self.ref.append(ref)
        return index + 1

    def _shared(self, params: dict[str, Any]) -> dict[str, Any]:
        """The one dict logged for params equal to ``params``: same keys in the same order, values
        equal and of the same type (0, 0.0 and False are told apart); ``params`` itself when a value
        cannot be hashed (a nested dict or list)."""
        key = tuple((name, type(value), value) for name, value in params.items())
        try:
            return self._params.setdefault(key, params)
        except TypeError:
            return params

    def levels(self) -> list[float | None]:
        """The level column as logged: None where the event has no level."""
        exact = self._exact
        return [
            exact.get(("level", i), level) if level == level else exact.get(("level", i))
            for i, level in enumerate(self.level)
        ]

    def times(self) -> list[float]:
        """The time column as logged (minutes)."""
        if not self._exact:
            return self.time_min.tolist()
        exact = self._exact
        return [exact.get(("time_min", i), t) for i, t in enumerate(self.time_min)]

    def _event(self, i: int) -> Event:
        stored = self.level[i]
        exact = self._exact
        level: float | None
        if exact:
            time_min = exact.get(("time_min", i), self.time_min[i])
            level = exact.get(("level", i), stored) if stored == stored else exact.get(("level", i))
        else:
            time_min = self.time_min[i]
            level = stored if stored == stored else None
        return Event(
            i + 1, time_min, self.kind[i], self.asset[i], self.org[i], level, self.cause[i], self.params[i], self.ref[i]
        )

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._event(j) for j in range(*i.indices(len(self.kind)))]
        if i < 0:
            i += len(self.kind)
        if not 0 <= i < len(self.kind):
            raise IndexError("event index out of range")
        return self._event(i)

    def __iter__(self) -> Iterator[Event]:
        return (self._event(i) for i in range(len(self.kind)))

    def __len__(self) -> int:
        return len(self.kind)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (EventLog, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


class KnowledgeLog:
    """Who learned of which event when, in order: (minute, organisation, event id) per record, kept
    as columns (``time_min`` array('d'), ``org`` shared strings, ``event`` array('q')); reads as a
    sequence of those tuples (a minute that is not a float as logged, the int 0 before the clock
    moved, is kept as logged in ``_exact``)."""

    __slots__ = ("time_min", "org", "event", "_exact")

    def __init__(self) -> None:
        self.time_min = array("d")
        self.org: list[str] = []
        self.event = array("q")
        self._exact: dict[int, Any] = {}  # index -> the minute as logged

    def append(self, record: tuple[float, str, int]) -> None:
        now, org, event_id = record
        if type(now) is not float:
            self._exact[len(self.org)] = now
        self.time_min.append(now)
        self.org.append(org)
        self.event.append(event_id)

    def times(self) -> list[float]:
        """The minute column as logged."""
        if not self._exact:
            return self.time_min.tolist()
        return [self._exact.get(i, t) for i, t in enumerate(self.time_min)]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.org)))]
        if i < 0:
            i += len(self.org)
        return (self._exact.get(i, self.time_min[i]) if self._exact else self.time_min[i], self.org[i], self.event[i])

    def __iter__(self) -> Iterator[tuple[float, str, int]]:
        if self._exact:
            return zip(self.times(), self.org, self.event)
        return zip(self.time_min, self.org, self.event)

    def __reversed__(self) -> Iterator[tuple[float, str, int]]:
        return (self[i] for i in range(len(self.org) - 1, -1, -1))

    def __len__(self) -> int:
        return len(self.org)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (KnowledgeLog, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]
