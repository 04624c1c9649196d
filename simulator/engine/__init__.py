"""How the world changes: the SimPy simulation of cascades, incidents and repair."""

from .eventlog import Event, EventLog, StateChange
from .simulation import RunRecord, Simulation
from .state import status_of

__all__ = ["Event", "EventLog", "StateChange", "RunRecord", "Simulation", "status_of"]
