"""Turn pydantic validation errors into located, translatable problems."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem

__all__ = ["problems_from_validation", "known_field_names", "suggest"]

_TYPE_WORDS = {
    "int": "type.int",
    "float": "type.float",
    "bool": "type.bool",
    "string": "type.str",
    "list": "type.list",
    "tuple": "type.list",
    "dict": "type.mapping",
    "model": "type.mapping",
    "model_attributes": "type.mapping",
    "datetime": "type.datetime",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "ge"),
    "greater_than": ("gt", "gt"),
    "less_than_equal": ("le", "le"),
    "less_than": ("lt", "lt"),
}

# Locator: a loc in the validated structure -> (document, loc in that document)
Locator = Callable[[tuple], tuple[Any, tuple]]


def problems_from_validation(
    exc: ValidationError, locate: Locator, tags: frozenset[str] = frozenset()
) -> list[Problem]:
    """One Problem per pydantic error; ``tags`` are union discriminator values to drop from locs."""
    problems = []
    errors = exc.errors(include_url=False)
    for err in errors:
        if err["type"] == "too_short" and _has_item_errors(err["loc"], errors):
            continue  # pydantic counts only the valid items; the item errors say what is wrong
        loc = _without_tags(err["loc"], tags)
        key, params, loc = _translate(err, loc)
        doc, file_loc = locate(loc)
        problems.append(
            Problem(doc.path if doc else None, doc.line_of(file_loc) if doc else None, file_loc, key, params)
        )
    return problems


def _without_tags(loc: tuple, tags: frozenset[str]) -> tuple:
    """``loc`` without the discriminator values pydantic puts after a union's position; a tag is
    always followed by a field of its model, so a part right after a dropped tag is kept even when
    it reads like a tag (the field ``hazard`` of an inject of type ``hazard``)."""
    out: list = []
    dropped = False
    for part in loc:
        dropped = part in tags and not dropped
        if not dropped:
            out.append(part)
    return tuple(out)


def _has_item_errors(loc: tuple, errors: list) -> bool:
    return any(len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == tuple(loc) for e in errors)


def _unknown_field(field: Any, hint: Any, loc: tuple) -> tuple[str, dict, tuple]:
    """An unknown field; one named by digits is most likely ``{probability: 0,5}``, split at the comma."""
    if str(field).isdigit():
        return "value.decimal_comma_in_flow", {"digits": field}, loc
    return "value.unknown_field", {"field": field, "hint": hint}, loc


def _translate(err: Mapping[str, Any], loc: tuple) -> tuple[str, dict, tuple]:  # noqa: PLR0911 -- debt: split when next changed
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind.startswith(("value.", "ref.")):
        return kind, dict(ctx), loc
    if kind == "string_pattern_mismatch":
        return "value.slug", {"value": value}, loc
    if kind == "missing":
        return "value.missing", {}, loc
    if kind == "invalid_key":  # a key that is not text (5:, ~:) cannot name a field
        field = str(loc[-1]) if loc else ""
        return _unknown_field(field, "", loc[:-1] + (field,))
    if kind == "extra_forbidden":
        field = loc[-1] if loc else ""
        return _unknown_field(field, suggest(str(field)), loc)
    if kind in ("literal_error", "enum"):
        return "value.choice", {"value": value, "choices": ctx.get("expected", "")}, loc
    if kind == "union_tag_invalid":
        return (
            "value.choice",
            {"value": ctx.get("tag"), "choices": ctx.get("expected_tags", "")},
            loc + (_discriminator(ctx),),
        )
    if kind == "union_tag_not_found":
        return "value.missing", {}, loc + (_discriminator(ctx),)
    if kind in _BOUNDS:
        word, name = _BOUNDS[kind]
        return "value.range", {"value": value, "bound": (f"bound.{word}", {"limit": ctx.get(name)})}, loc
    if kind == "too_short":
        return "value.too_short", {"min_length": ctx.get("min_length", 1)}, loc
    base = kind.split("_")[0] if not kind.startswith("model_attributes") else "model_attributes"
    for prefix in ("model_attributes", "datetime", "string", "float", "int", "bool", "list", "tuple", "dict", "model"):
        if kind.startswith(prefix):
            base = prefix
            break
    if base in _TYPE_WORDS:
        return "value.wrong_type", {"expected": (_TYPE_WORDS[base], {}), "got": _describe(value)}, loc
    return "value.other", {"message": err.get("msg", kind)}, loc


def _discriminator(ctx: dict) -> str:
    """The field a union's tag is in (``type`` of an inject, ``model`` of a hazard)."""
    return str(ctx.get("discriminator", "'type'")).strip("'\"") or "type"


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, (list, tuple)):
        return "[...]"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@lru_cache(maxsize=1)
def known_field_names() -> tuple[str, ...]:
    """Every field name (and alias) of every file schema, for 'did you mean' hints."""
    from .graph import GraphFile
    from .organisations import OrganisationsFile
    from .scenario import ScenarioFile

    names: set[str] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
            for sub in _models_in(info.annotation):
                walk(sub)

    for model in (GraphFile, OrganisationsFile, ScenarioFile):
        walk(model)
    return tuple(sorted(names))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found = []
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            found.append(item)
        stack.extend(getattr(item, "__args__", ()) or ())
        stack.extend(getattr(item, "__metadata__", ()) or ())
    return found


def suggest(word: str, candidates: tuple[str, ...] | None = None) -> tuple | str:
    """A 'did you mean' hint as a catalogue message, or '' when nothing is close; for an unknown
    field that is a field of other entries (``probability`` on an outage), say that instead of
    suggesting the same word."""
    pool = candidates if candidates is not None else known_field_names()
    if candidates is None and word in pool:
        return ("value.field_elsewhere", {})
    close = difflib.get_close_matches(word, [c for c in pool if c != word], n=1, cutoff=0.75)
    return ("value.did_you_mean", {"suggestion": close[0]}) if close else ""
