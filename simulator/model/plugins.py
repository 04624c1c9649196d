"""The plugin protocol: incident types, hazard models, playbook actions and graph formats.

A plugin is a declaration (one of the four dataclasses below) bundling what rampsim needs to
know of it: its file spec (a pydantic model), its handler, its event kinds and its messages
(catalogue entries, ``{key: {"en": ..., "nl": ...}}``). Declarations are found by Python entry
points, one group per kind of plugin::

    [project.entry-points."rampsim.hazards"]
    tsunami = "rampsim_tsunami:HAZARD"      # the entry point's name is the declaration's name

The built-ins are declarations too (``BUILTINS``: references ``module:attribute`` loaded exactly
like an entry point's), registered through ``register`` like any other. The scenario schema (the
``type:`` union of injects, the ``model:`` union of hazards, the ``action:`` choices of rules) is
rebuilt from what is registered, so ``rampsim schema`` and validation know every plugin.

Handlers and event kinds may be given as objects or as references ``"module:attribute"``;
this layer never imports them (the engine resolves them with ``resolve`` when a run needs them),
so loading a file stays free of SimPy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

__all__ = [
    "IncidentPlugin",
    "HazardPlugin",
    "ActionPlugin",
    "GraphFormatPlugin",
    "PluginError",
    "GROUPS",
    "BUILTINS",
    "register",
    "load",
    "incident_types",
    "hazard_models",
    "actions",
    "graph_formats",
    "resolve",
    "kinds",
    "on_change",
    "unregister",
    "CLASSES",
]

# The incident classes of the CCV taxonomy (DESIGN.md) an incident type belongs to.
CLASSES = ("physical", "cybercrime", "digitised_crime", "safety_digital")


class PluginError(ValueError):
    """A plugin that cannot be registered: its group, name and what is wrong."""


@dataclass(frozen=True)
class IncidentPlugin:
    """An incident type: ``type: NAME`` in a scenario's injects.

    ``spec``: the pydantic model of the inject (``type: Literal[NAME]``, deriving from
    ``simulator.model.incidents.InjectBase``); ``incident_class``: its class in the CCV taxonomy
    (``physical``, ``cybercrime``, ``digitised_crime``, ``safety_digital``), which playbook rules
    may name; ``handler(incidents, position, inject, target, cause)``: applies the inject in a run,
    as part of the engine's ``IncidentHandlers`` (``incidents``): ``incidents.kernel`` logs events,
    calls at a minute, draws random streams, changes the asset states (``simulator.engine.kernel``);
    ``incidents.incident_event`` and ``incidents.damage`` do what the built-ins do; ``incidents.peers``
    are the peers it declares (awareness, crews, flooding, playbook); ``target``: asset index;
    ``cause``: the inject's event id.
    """

    name: str
    spec: type
    incident_class: str
    handler: Callable[..., None] | str
    kinds: tuple | str = ()
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class HazardPlugin:
    """A physical hazard model: ``hazard: {model: NAME, ...}`` of an inject.

    ``spec``: the pydantic model of the parameters (``model: Literal[NAME]``; None for a model
    only an incident type starts, like ``crowd``); ``handler``: the model class, which declares the
    engine parts it uses in ``PEERS`` and is built with ``(kernel, peers, spec, target, cause)``
    (see ``simulator.engine.hazards.HazardModel`` and ``simulator.engine.kernel``).
    """

    name: str
    spec: type | None
    handler: type | str
    kinds: tuple | str = ()
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ActionPlugin:
    """A playbook action: ``action: NAME`` of a rule.

    ``per_asset``: it acts on each target asset (else once per firing). ``handler(playbook, rule,
    asset, event)`` is called when the action is done (its crew finished; ``event``: the done
    event's id), as part of the engine's ``Playbook`` (``playbook.kernel``, ``playbook.peers``);
    None for the built-ins, which ``simulator.engine.response.Playbook`` implements as
    ``_start_NAME`` / ``_done_NAME``.
    """

    name: str
    per_asset: bool = False
    handler: Callable[..., None] | str | None = None
    kinds: tuple | str = ()
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class GraphFormatPlugin:
    """A graph file format, chosen by the file's suffix (``""`` for a folder).

    ``read(path) -> RawGraph`` returns asset records with their origins (validated afterwards by
    the same schema as YAML); ``write(graph, path)`` or None when the format is read-only.
    """

    name: str
    suffixes: tuple[str, ...]
    read: Callable[..., Any] | str
    write: Callable[..., None] | str | None = None
    kinds: tuple | str = ()
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


GROUPS: dict[str, type] = {
    "rampsim.incidents": IncidentPlugin,
    "rampsim.hazards": HazardPlugin,
    "rampsim.actions": ActionPlugin,
    "rampsim.graph_formats": GraphFormatPlugin,
}
_GROUP_OF = {cls: group for group, cls in GROUPS.items()}

# The built-in declarations, loaded like entry points (group, reference).
BUILTINS: tuple[tuple[str, str], ...] = (
    ("rampsim.incidents", "simulator.model.incidents:BUILTIN_INCIDENTS"),
    ("rampsim.hazards", "simulator.model.hazards:BUILTIN_HAZARDS"),
    ("rampsim.actions", "simulator.model.playbook:BUILTIN_ACTIONS"),
    ("rampsim.graph_formats", "simulator.model.formats:BUILTIN_FORMATS"),
)

_REGISTRY: dict[str, dict[str, Any]] = {group: {} for group in GROUPS}
_listeners: list[Callable[[], None]] = []  # called after the registry changed (schema rebuild)
_state = {"builtins": False, "entry_points": False}


def resolve(reference: Any) -> Any:
    """An object given directly, or the object a reference ``"module:attr.attr"`` names."""
    if not isinstance(reference, str):
        return reference
    module_name, _, attribute = reference.partition(":")
    target: Any = importlib.import_module(module_name)
    for part in filter(None, attribute.split(".")):
        target = getattr(target, part)
    return target


def register(*plugins: Any) -> None:
    """Register declarations; registering the same declaration again does nothing, another one
    under a name already taken is an error."""
    if _register(plugins, source="register"):
        _changed()


def _register(plugins, source: str, group: str | None = None) -> int:
    """Register ``plugins``; returns how many were new."""
    from ..messages import add_entries

    new = 0
    for plugin in plugins:
        found = _GROUP_OF.get(type(plugin))
        if found is None or (group is not None and found != group):
            wanted = GROUPS[group].__name__ if group else "a plugin declaration"
            raise PluginError(f"{source}: expected {wanted}, got {type(plugin).__name__}")
        table = _REGISTRY[found]
        if plugin.name in table:
            if table[plugin.name] == plugin:
                continue
            raise PluginError(f"{source}: {found} {plugin.name!r} is registered already (by another plugin)")
        _check(found, plugin, source)
        try:
            add_entries(plugin.messages, f"{source}: {found} {plugin.name}")
        except ValueError as exc:
            raise PluginError(str(exc)) from None
        table[plugin.name] = plugin
        new += 1
    return new


def _check(group: str, plugin: Any, source: str) -> None:
    if isinstance(plugin, IncidentPlugin):
        if plugin.incident_class not in CLASSES:
            raise PluginError(
                f"{source}: incident type {plugin.name!r}: class {plugin.incident_class!r} is not one of "
                f"{', '.join(CLASSES)}"
            )
        _check_tag(source, plugin, "type")
    elif isinstance(plugin, HazardPlugin) and plugin.spec is not None:
        _check_tag(source, plugin, "model")


def _check_tag(source: str, plugin: Any, tag: str) -> None:
    fields = getattr(plugin.spec, "model_fields", {})
    info = fields.get(tag)
    if info is None or getattr(info.annotation, "__args__", None) != (plugin.name,):
        raise PluginError(
            f"{source}: {plugin.name!r}: its spec {plugin.spec.__name__} needs a field {tag}: Literal[{plugin.name!r}]"
        )


def load() -> None:
    """Register the built-ins and every plugin found by entry points (once)."""
    if _state["entry_points"]:
        return
    _load_builtins()
    _state["entry_points"] = True
    new = 0
    for group in GROUPS:
        for entry in sorted(entry_points(group=group), key=lambda e: e.name):
            source = f"entry point {entry.name} = {entry.value} ({group})"
            try:
                loaded = entry.load()
            except Exception as exc:  # a broken third-party plugin: say which
                raise PluginError(f"{source}: cannot load it: {exc}") from exc
            declarations = loaded if isinstance(loaded, (tuple, list)) else (loaded,)
            if len(declarations) == 1 and getattr(declarations[0], "name", None) != entry.name:
                raise PluginError(
                    f"{source}: the entry point's name differs from the declaration's "
                    f"{getattr(declarations[0], 'name', None)!r}"
                )
            new += _register(declarations, source, group)
    if new:
        _changed()


def _load_builtins() -> None:
    if _state["builtins"]:
        return
    _state["builtins"] = True
    for group, reference in BUILTINS:
        _register(resolve(reference), f"built-in {reference}", group)


def on_change(listener: Callable[[], None]) -> None:
    """Call ``listener()`` whenever the registry changes (and once now)."""
    _listeners.append(listener)
    listener()


def _changed() -> None:
    for listener in _listeners:
        listener()


def incident_types() -> dict[str, IncidentPlugin]:
    """Every registered incident type by name (the built-ins first, in their order)."""
    _load_builtins()
    return _REGISTRY["rampsim.incidents"]


def hazard_models() -> dict[str, HazardPlugin]:
    _load_builtins()
    return _REGISTRY["rampsim.hazards"]


def actions() -> dict[str, ActionPlugin]:
    _load_builtins()
    return _REGISTRY["rampsim.actions"]


def graph_formats() -> dict[str, GraphFormatPlugin]:
    _load_builtins()
    return _REGISTRY["rampsim.graph_formats"]


def kinds() -> tuple:
    """The event kinds every registered plugin brings (resolved), for ``engine.eventkinds.declare``."""
    found: list = []
    for table in _REGISTRY.values():
        for plugin in table.values():
            found.extend(resolve(plugin.kinds))
    return tuple(found)


def unregister(group: str, name: str) -> None:
    """Remove a registered plugin (tests); its messages stay in the catalogue."""
    _REGISTRY[group].pop(name, None)
    _changed()
