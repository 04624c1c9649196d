"""The file schemas built from the registered plugins (``simulator.model.plugins``).

Whenever the registry changes, the unions are rebuilt: the ``type:`` of an inject (every
incident type's spec), the ``model:`` of a hazard (every hazard model's spec) and the ``action:``
of a rule (every action's name); then the models holding them (``ScenarioFile``,
``PlaybookFile``) are rebuilt, so validation, error locations and ``rampsim schema`` know every
plugin.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Field

from . import plugins

__all__ = ["rebuild", "inject_union", "hazard_union"]


def inject_union() -> Any:
    """The discriminated union (on ``type``) of every registered incident type's spec."""
    return _union([p.spec for p in plugins.incident_types().values()], "type")


def hazard_union() -> Any:
    """The discriminated union (on ``model``) of every registered hazard model's spec."""
    return _union([p.spec for p in plugins.hazard_models().values() if p.spec is not None], "model")


def _union(specs: list, tag: str) -> Any:
    if len(specs) == 1:
        return specs[0]
    return Annotated[Union[tuple(specs)], Field(discriminator=tag)]  # noqa: UP007


def rebuild() -> None:
    """Rebuild the scenario and playbook schemas from the registry."""
    from .incidents import CompromiseInject, HazardInject
    from .playbook import PlaybookFile, Rule
    from .scenario import ScenarioFile
    from .validation import known_field_names

    hazard = hazard_union()
    for spec in (CompromiseInject, HazardInject):
        required = spec.model_fields["hazard"].is_required()
        _set(spec, "hazard", hazard if required else hazard | None)
    _set(Rule, "action", Literal[tuple(plugins.actions())])
    _set(PlaybookFile, "rules", tuple[Rule, ...])
    _set(ScenarioFile, "rules", tuple[Rule, ...])
    _set(ScenarioFile, "injects", tuple[inject_union(), ...])  # type: ignore[misc]
    known_field_names.cache_clear()


def _set(model: type[BaseModel], name: str, annotation: Any) -> None:
    model.model_fields[name].annotation = annotation
    model.model_rebuild(force=True)
