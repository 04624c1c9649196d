"""Physical hazard models: processes with state that cross thresholds and feed back into the graph.

A model is a class declared as a ``HazardPlugin`` (``simulator.model.plugins``): the built-ins in
``simulator.model.hazards.BUILTIN_HAZARDS``, third-party models through the entry point group
``rampsim.hazards``. A model is a part of the engine of its own: it declares the peers it uses in
``PEERS`` (e.g. ``("flooding", "awareness")``: its basin, who learns what) and is built with
``(kernel, peers, spec, target, cause)`` (``simulator.engine.kernel``: ``now`` in minutes, ``log``,
``call_at``, ``stream``, ``states``; ``peers``: the declared peers only). It is started with
``start()``, told about changes of assets it depends on (``asset_changed``), asked to act
(``act(action, asset, cause, rule) -> bool``) and to ``finish()`` at the end of the run.
"""

from __future__ import annotations

from typing import Protocol

from ...model import plugins

__all__ = ["HazardModel", "model_class", "ENTRY_POINT_GROUP"]

ENTRY_POINT_GROUP = "rampsim.hazards"


class HazardModel(Protocol):
    name: str
    PEERS: tuple[str, ...]  # the parts it uses (``self.peers``)
    site: int  # the asset where the hazard is seen (alarms go to its owner)

    def start(self) -> None: ...

    def asset_changed(self, asset: int) -> None: ...

    def act(self, action: str, asset: int, cause: int, rule=None) -> bool: ...

    def finish(self) -> None: ...


def model_class(name: str) -> type:
    """The model class of the hazard model registered as ``name`` (built-in or a plugin's)."""
    plugins.load()
    models = plugins.hazard_models()
    if name not in models:
        raise KeyError(f"no hazard model named {name!r} (registered: {sorted(models)})")
    return plugins.resolve(models[name].handler)
