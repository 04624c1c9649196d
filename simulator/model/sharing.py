"""Equal parts of loaded assets held once: the memory of a large graph, at little CPU.

A 100,000-asset graph validated by pydantic holds every need, supplier id and set of given fields
(``__pydantic_fields_set__``) of every asset as its own object, and each model a dict of its
fields. ``Sharer`` goes once over the validated assets (one step per asset and per need, no walk
through every part) and keeps: one set of given fields per distinct set (of the assets and of
their needs), one ``Need`` per distinct need (its suppliers the assets' own id texts), one tuple
of needs per distinct one, one text per distinct kind, and each asset's and kept need's field
dict rebuilt as a key-sharing dict (CPython keeps the field names once per class and only the
values per object). Needs are made one only when exactly alike: the same given fields and the
same values of the same types (0, 0.0 and False stay apart, and 0.0 and -0.0), and needs with a
fuel tank are left as they are; so equality, ``model_dump`` (also with ``exclude_unset``) and
every message are what they were. Frozen models never change what they hold; pydantic copies
the set of given fields on ``model_copy``, so a shared set is never changed either.
"""

from __future__ import annotations

from collections.abc import Callable
from math import copysign
from typing import Any

__all__ = ["Sharer"]

_SIGNED = ("tolerance", "effect", "restart")  # Need's number fields: 0.0 and -0.0 are equal, not alike
_FILLERS: dict[type, Callable[..., dict]] = {}  # model class -> makes a key-sharing dict of its field values


class Sharer:
    """One per load: the needs, tuples, texts and sets of given fields seen so far."""

    def __init__(self) -> None:
        self._fields_sets: dict[frozenset, set] = {}
        self._needs: dict[tuple, Any] = {}
        self._need_tuples: dict[tuple, tuple] = {}
        self._texts: dict[str, str] = {}
        self._ids: dict[str, str] = {}

    def models(self, assets: list | tuple) -> list:
        """``assets`` with their parts shared; each asset itself kept as its own object. An id and
        the same id among needs' suppliers are one text, whichever this Sharer met first."""
        ids = self._ids
        fields_sets = self._fields_sets
        need_tuples = self._need_tuples
        texts = self._texts
        for asset in assets:
            values = asset.__dict__
            needs = values["needs"]
            if needs:
                shared = tuple([self._need(need, ids) for need in needs])
                key = tuple(map(id, shared))  # the kept needs live as long as this Sharer
                values["needs"] = need_tuples.setdefault(key, shared)
            name = values["id"]
            values["id"] = ids.setdefault(name, name)
            kind = values["kind"]
            values["kind"] = texts.setdefault(kind, kind)
            object.__setattr__(asset, "__dict__", _filler(type(asset), values)(*values.values()))
            given = asset.__pydantic_fields_set__
            object.__setattr__(asset, "__pydantic_fields_set__", fields_sets.setdefault(frozenset(given), given))
        return list(assets)

    def _need(self, need: Any, ids: dict[str, str]) -> Any:
        """The kept need exactly like ``need`` (``need`` itself, kept, when it is the first)."""
        values = need.__dict__
        if values["fuel"] is not None:
            return need  # a tank's numbers may be written 100 or 100.0: not looked at
        given = need.__pydantic_fields_set__
        items = tuple(values.values())
        tolerance, effect, restart = _SIGNED
        signs = (copysign(1.0, values[tolerance]), copysign(1.0, values[effect]), copysign(1.0, values[restart]))
        key = (frozenset(given), items, tuple(map(type, items)), signs)  # alike: also the types and signs
        kept = self._needs.get(key)
        if kept is not None:
            return kept
        values["suppliers"] = tuple([ids.setdefault(s, s) for s in values["suppliers"]])
        object.__setattr__(need, "__dict__", _filler(type(need), values)(*values.values()))
        object.__setattr__(need, "__pydantic_fields_set__", self._fields_sets.setdefault(key[0], given))
        self._needs[key] = need
        return need


def _filler(cls: type, values: dict) -> Callable[..., dict]:
    """A function of the field values (in ``values``' order) that returns them as a key-sharing
    dict: an instance dict of a plain class whose attributes are always set in that order."""
    fill = _FILLERS.get(cls)
    if fill is None:
        names = list(values)
        if not all(name.isidentifier() for name in names):
            raise ValueError(f"{cls.__name__}: field names that are no identifiers")
        holder = type(f"{cls.__name__}Fields", (), {"__module__": __name__})
        lines = [f"def fill({', '.join(names)}):", "    h = fields_holder_()"]
        lines += [f"    h.{name} = {name}" for name in names]
        lines.append("    return h.__dict__")
        scope: dict[str, Any] = {"fields_holder_": holder}
        exec(compile("\n".join(lines), f"<{cls.__name__} fields>", "exec"), scope)  # noqa: S102
        fill = _FILLERS[cls] = scope["fill"]
    return fill
