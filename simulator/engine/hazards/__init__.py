"""Physical hazard models: processes with state that cross thresholds and feed back into the graph.

A model is a class registered by name (``register``); third-party models join through the Python
entry point group ``rampsim.hazards`` (``name = package.module:Class``). A model is built with
``(sim, spec, target, cause)``, started with ``start()``, told about changes of assets it depends
on (``asset_changed``), asked to act (``act(action, asset, cause, rule) -> bool``) and to ``finish()``
at the end of the run.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Protocol

__all__ = ["HazardModel", "register", "model_class", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "rampsim.hazards"
_MODELS: dict[str, type] = {}


class HazardModel(Protocol):
    name: str
    site: int  # the asset where the hazard is seen (alarms go to its owner)

    def start(self) -> None: ...

    def asset_changed(self, asset: int) -> None: ...

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool: ...

    def finish(self) -> None: ...


def register(name: str):
    """Class decorator: make a hazard model available by ``name``."""

    def decorate(cls):
        cls.name = name
        _MODELS[name] = cls
        return cls

    return decorate


def model_class(name: str) -> type:
    """The model registered as ``name``, looking in the entry points when it is not built in."""
    if name not in _MODELS:
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            if entry.name == name:
                _MODELS[name] = entry.load()
                break
        else:
            raise KeyError(f"no hazard model named {name!r} (built in: {sorted(_MODELS)})")
    return _MODELS[name]


from . import crowd, lock_breach, polder  # noqa: E402,F401  (registers the built-in models)
