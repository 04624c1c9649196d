"""The table of event kinds: what each kind of logged event means (minimal version: the API).

Built-in kinds and plugins' kinds (``simulator.model.plugins``) are added with ``declare``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EventKind", "EVENT_KINDS", "declare", "kind"]


@dataclass(frozen=True)
class EventKind:
    name: str  # "cyber.encrypted"
    layer: str  # who emits it: "inject", "incident", "hazard", "cascade", "awareness", "crews", "response", ...
    visibility: str  # "visible", "stealthy", "own_work" or "public"
    headline: bool = False  # shown as a headline in the replay feed
    incident_fact: bool = False  # learning it makes its incident known
    channel: str | None = None  # MSEL channel it brings news through, or None
    message: str = ""  # message catalogue key (defaults to "event." + name)

    def __post_init__(self) -> None:
        if not self.message:
            object.__setattr__(self, "message", f"event.{self.name}")


EVENT_KINDS: dict[str, EventKind] = {}


def declare(*kinds: EventKind) -> None:
    """Add kinds; declaring a name again with other attributes is an error."""
    for event_kind in kinds:
        known = EVENT_KINDS.get(event_kind.name)
        if known is not None and known != event_kind:
            raise ValueError(f"event kind {event_kind.name!r} is declared already, differently: {known}")
    for event_kind in kinds:
        EVENT_KINDS[event_kind.name] = event_kind


def kind(name: str) -> EventKind:
    """The declared kind ``name``; an undeclared kind is an error naming it."""
    try:
        return EVENT_KINDS[name]
    except KeyError:
        raise KeyError(f"event kind {name!r} is not declared (simulator.engine.eventkinds.declare)") from None
