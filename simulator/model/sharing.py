"""Equal parts of loaded assets held once: the memory of a large graph.

A 100,000-asset graph validated by pydantic holds every text, number, tuple and sub-model of
every asset as its own object, and each model a set of the fields it was given
(``__pydantic_fields_set__``) and a dict of its fields. ``Sharer`` walks the assets once after
validation and makes equal parts one object: a text (an asset's id and the same id among a need's
suppliers, a sector, a kind), a number, a tuple of suppliers, a distribution, a sub-model (equal
needs, recoveries, fuel tanks, locations) and each distinct set of given fields. Parts are made
one only when they are exactly alike: the same type and value (0, 0.0 and False stay apart, and
0.0 and -0.0) and, for models, the same given fields, so that equality, ``model_dump`` (also with
``exclude_unset``) and every message are what they were. Frozen models never change what they
hold; pydantic copies the set of given fields on ``model_copy``, so a shared set is never changed
either.

Each kept model's field dict is also rebuilt as a key-sharing dict (CPython keeps the field names
once per class and only the values per object: a need's dict 272 -> 136 bytes on CPython 3.11).
It holds the same items in the same order; it only takes less room.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel

from .distributions import Distribution

__all__ = ["Sharer"]

_HOLDERS: dict[type, type] = {}  # model class -> a plain class whose instance dicts share one key table


class Sharer:
    """One per load: the parts seen so far, to give equal later parts the object seen first."""

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._floats: dict[float, float] = {}
        self._ints: dict[int, int] = {}
        self._tuples: dict[tuple, tuple] = {}
        self._models: dict[Any, Any] = {}
        self._fields_sets: dict[frozenset, set] = {}

    def models(self, items: list | tuple) -> list:
        """``items`` (models) with their parts shared; each item itself kept as its own object."""
        return [self._own(item) for item in items]

    def _own(self, model: BaseModel) -> BaseModel:
        """``model`` with shared parts, not looked up itself (an asset is like no other); its field
        dict rebuilt as a key-sharing one (same items, same order)."""
        cls = type(model)
        holder = _HOLDERS.get(cls)
        if holder is None:
            holder = _HOLDERS[cls] = type(f"{cls.__name__}Fields", (), {"__module__": __name__})
        values = holder()
        texts = self._texts
        for name, value in model.__dict__.items():
            kind = type(value)
            if kind is str:
                value = texts.setdefault(value, value)
            elif value is not None and kind is not bool:
                value = self.value(value)
            setattr(values, name, value)
        given = model.__pydantic_fields_set__
        shared = self._fields_sets.setdefault(frozenset(given), given)
        object.__setattr__(model, "__pydantic_fields_set__", shared)
        object.__setattr__(model, "__dict__", values.__dict__)
        return model

    def value(self, value: Any) -> Any:
        """The one object for ``value`` (a part exactly like one seen before), or ``value`` itself."""
        kind = type(value)
        if kind is str:
            return self._texts.setdefault(value, value)
        if kind is float:
            return _exact(value, self._floats.setdefault(value, value))
        if kind is int:
            return self._ints.setdefault(value, value)
        if kind is tuple:
            items = tuple([self.value(item) for item in value])
            return _exact(items, _seen(self._tuples, items))
        if isinstance(value, BaseModel):
            return self._model(value)
        if kind is Distribution:
            return self._model(Distribution(self.value(value.kind), self.value(value.params)))
        return value

    def _model(self, model: Any) -> Any:
        if _seen(self._models, model, add=False) is model:
            return model  # met before (a default object, or one the file repeats)
        own = self._own(model) if isinstance(model, BaseModel) else model
        return _exact(own, _seen(self._models, own))


def _seen(pool: dict, value: Any, add: bool = True) -> Any:
    """The part of ``pool`` equal to ``value`` (added when new); ``value`` when it cannot be hashed."""
    try:
        return pool.setdefault(value, value) if add else pool.get(value)
    except TypeError:
        return value


def _exact(value: Any, seen: Any) -> Any:
    """``seen`` when it is exactly ``value`` (equal parts are one object by now), else ``value``."""
    return seen if seen is value or _alike(value, seen) else value


def _alike(a: Any, b: Any) -> bool:
    if type(a) is not type(b):
        return False
    if type(a) is float:
        return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)
    if type(a) is tuple:
        return len(a) == len(b) and all(x is y for x, y in zip(a, b))
    if type(a) is Distribution:
        return a.kind is b.kind and a.params is b.params
    if isinstance(a, BaseModel):
        return (
            a.__pydantic_fields_set__ is b.__pydantic_fields_set__
            and a.__pydantic_extra__ == b.__pydantic_extra__
            and a.__pydantic_private__ == b.__pydantic_private__
            and len(a.__dict__) == len(b.__dict__)
            and all(x is y for x, y in zip(a.__dict__.values(), b.__dict__.values()))
        )
    return False
