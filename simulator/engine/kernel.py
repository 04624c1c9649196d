"""The kernel every engine part is built with, and the peers each part declares.

A part of the engine (``NeedNetwork``, ``Crews``, ``Awareness``, ``Situation``, ``Escalation``,
``Deadlines``, ``Playbook``, ``IncidentHandlers``, ``Flooding``, ``DecisionDesk``, a hazard model)
receives a ``Kernel``: the clock (``now``, minutes), the event log (``log``, ``events``), the
scheduler (``call_at``, ``call_first_at``, ``process``, ``event``, ``timeout``,
``priority_resource``), the random streams (``stream``), the asset states (``states``) and
read-only facts of the scenario. Nothing else: no part sees the ``Simulation``.

The other parts a part uses are its *peers*, declared by name in the class attribute ``PEERS``
(``("awareness", "crews")``) and reached through ``self.peers`` (``self.peers.crews.work(...)``).
The ``Simulation`` builds every part, then connects their peers (cycles are allowed: awareness
tells the playbook of an alarm, the playbook asks the incidents what is encrypted, the incidents
wait for the playbook's evidence). A peer is used through its methods and read-only attributes:
a part never assigns to another part's attributes nor changes its containers (``tests/test_kernel.py``
checks both, and that each part uses only the peers it declares). Using an undeclared peer raises
``AttributeError`` naming the part and the peer.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Mapping, Sequence
from functools import partial
from heapq import heappush
from operator import attrgetter
from typing import Any

import simpy
from simpy.core import NORMAL

from ..model.scenario import Scenario
from .clock import WallClock
from .eventlog import EventLog
from .state import AssetStates
from .streams import RandomStreams

__all__ = ["Kernel", "Peers", "Part"]


def _nobody(event_id: int, kind: str, asset: int, org: str) -> None:
    return None


class _Call:
    """A scheduled call, as SimPy's loop sees an event: its ``callbacks`` (taken and run once at its
    time) and ``_ok`` (it never fails)."""

    __slots__ = ("callbacks", "_ok", "_callback", "_args")

    def __init__(self, callback: Callable[..., Any], args: tuple):
        self._callback = callback
        self._args = args
        self._ok = True
        self.callbacks = [self._fire]

    def _fire(self, _event: object) -> None:
        self._callback(*self._args)


class Kernel:
    """What every part of the engine may use. Times are minutes since the scenario start.

    ``env`` and ``log_book`` are the Simulation's (a bare kernel for a test can be given fresh
    ones); ``stream`` is the run's ``RandomStreams``. ``on_logged(event_id, kind, asset, org)`` is
    called for every event ``log`` writes (the Simulation points it at awareness).
    """

    __slots__ = (
        "_env",
        "_log_book",
        "_add",
        "_scenario",
        "_org_names",
        "graph",
        "owners",
        "states",
        "stream",
        "clock",
        "until_min",
        "on_logged",
    )

    def __init__(
        self,
        scenario: Scenario,
        stream: RandomStreams,
        until_min: float,
        env: simpy.Environment | None = None,
        log_book: EventLog | None = None,
    ):
        self._env = env = simpy.Environment() if env is None else env
        self._log_book = log_book = EventLog() if log_book is None else log_book
        self._add = log_book.add  # bound once: ``log`` is on the hot path
        self._scenario = scenario
        self._org_names = {o.id: o.name or o.id for o in scenario.organisations}
        self.graph = scenario.graph
        self.owners: Sequence[str] = [a.owner or "" for a in scenario.graph.assets]  # asset index -> owner id
        # the clock read without a Python frame (SimPy's ``now`` is a property around ``_now``): hot path
        self.states = AssetStates(len(scenario.graph), log_book, self.owners, partial(getattr, env, "_now"))
        self.stream = stream  # stream(purpose, *subject names) -> numpy Generator
        self.clock = WallClock(scenario.start, scenario.response.office_hours)
        self.until_min = until_min  # the end of the run (minutes)
        self.on_logged: Callable[[int, str, int, str], None] = _nobody

    # --- time and the log -------------------------------------------------------------------------
    # the current minute; attrgetter reads it without a Python frame of its own, nor SimPy's property's
    # (hot path)
    now = property(attrgetter("_env._now"), doc="The current minute.")

    def log(
        self,
        kind: str,
        asset: int = -1,
        cause: int = 0,
        params: dict | None = None,
        org: str | None = None,
        ref: str = "",
        level: float | None = None,
    ) -> int:
        """Log an event now and return its id; ``org`` defaults to the asset's owner, ``level`` to its
        service level. ``cause``: the id of the event that led to it (0: none)."""
        if org is None:
            org = self.owners[asset] if asset >= 0 else ""
        if level is None and asset >= 0:
            level = self.states.service[asset]
        event = self._add(self._env.now, kind, asset, cause, level, org, params, ref)
        self.on_logged(event, kind, asset, org)
        return event

    @property
    def events(self) -> EventLog:
        """Every event logged so far, in order: event id ``i`` is ``events[i - 1]`` (read only; its
        columns, ``events.kind[i - 1]``, on hot paths)."""
        return self._log_book

    # --- scheduling -------------------------------------------------------------------------------
    def call_at(self, delay: float, callback: Callable[..., Any], *args: Any) -> None:
        """Call ``callback(*args)`` after ``delay`` minutes (0: later in this same instant).

        Scheduled exactly as ``env.timeout(delay)`` with the callback would be (normal priority,
        the environment's next event number: the same order), without a Timeout and a closure per
        call (hot path: every need's buffer and every report is one)."""
        if delay < 0:
            raise ValueError(f"Negative delay {delay}")
        env = self._env
        queue: list[Any] = env._queue  # SimPy's heap of (time, priority, event number, event)
        heappush(queue, (env._now + delay, NORMAL, next(env._eid), _Call(callback, args)))

    def call_first_at(self, delay: float, callback: Callable[[], None]) -> simpy.Event:
        """Call ``callback()`` after ``delay`` minutes, before the ordinary events of that minute
        (SimPy's urgent priority; Timeout has no priority argument, so the event is built here)."""
        event = simpy.Event(self._env)
        event._ok = True
        event._value = None
        event.callbacks.append(lambda _event: callback())
        self._env.schedule(event, simpy.core.URGENT, delay)
        return event

    def process(self, generator: Generator) -> simpy.Process:
        """Run ``generator`` as a SimPy process (it yields ``timeout``s and events)."""
        return self._env.process(generator)

    def event(self) -> simpy.Event:
        """A new SimPy event, for a process to wait on until someone succeeds it."""
        return self._env.event()

    def timeout(self, delay: float) -> simpy.Timeout:
        """An event ``delay`` minutes from now (a process yields it to wait)."""
        return self._env.timeout(delay)

    def priority_resource(self, capacity: int) -> simpy.PriorityResource:
        """A SimPy resource of ``capacity`` slots served by priority (a crew)."""
        return simpy.PriorityResource(self._env, capacity=capacity)

    # --- facts of the scenario (read only) ---------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The scenario (with the ad-hoc injects of a live exercise so far)."""
        return self._scenario

    def replace_scenario(self, scenario: Scenario) -> None:
        """The Simulation's, when an ad-hoc inject joins the scenario's injects (same graph)."""
        self._scenario = scenario

    def asset_name(self, asset: int) -> str:
        """The id of asset ``asset`` ("" for -1, no asset): random streams are keyed by ids."""
        return self.graph.assets[asset].id if asset >= 0 else ""

    def org_name(self, org: str) -> str:
        """An organisation's name as people read it (its id when it has none)."""
        return self._org_names.get(org, org) or "-"


class Peers:
    """The peers one part declared (``declared``: their names), and only those.

    Built empty with the part and connected once every part exists (``connect``); then each
    declared peer is an attribute (a plain one: as fast as any). Any other name raises
    ``AttributeError`` naming the part and the peer. Peers cannot be assigned.
    """

    def __init__(self, owner: str, declared: Iterable[str]):
        object.__setattr__(self, "_owner", owner)
        object.__setattr__(self, "_declared", tuple(declared))

    def connect(self, parts: Mapping[str, object]) -> Peers:
        """Bind every declared peer to the part of that name in ``parts``; returns self."""
        missing = [name for name in self._declared if name not in parts]
        if missing:
            raise LookupError(f"{self._owner} declares peers that no part provides: {', '.join(missing)}")
        for name in self._declared:
            object.__setattr__(self, name, parts[name])
        return self

    def __getattr__(self, name: str) -> Any:
        # only called for names not connected
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._declared:
            raise AttributeError(f"{self._owner}: peer {name!r} is not connected yet (peers connect after building)")
        raise AttributeError(
            f"{self._owner} uses the peer {name!r} without declaring it "
            f"(its PEERS: {', '.join(self._declared) or 'none'})"
        )

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._owner}: peers are connected by the Simulation, not assigned ({name!r})")

    def __repr__(self) -> str:
        return f"Peers({self._owner}: {', '.join(self._declared)})"


class Part:
    """The base of an engine part: ``self.kernel``, and ``self.peers`` holding the peers named in
    the class attribute ``PEERS`` (connected by the Simulation once every part is built)."""

    PEERS: tuple[str, ...] = ()

    def __init__(self, kernel: Kernel):
        self.kernel = kernel
        self.peers = Peers(type(self).__name__, self.PEERS)
