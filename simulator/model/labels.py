"""The name people read for an asset: one rule for every timeline, inject list, replay and ranking.

A region joins towns that were written apart, so two of its assets can carry the same name in
different municipalities (a neighbourhood "Centrum" in Havenstad and one in Vliegveldstad). The
rule::

    label = name (the id when it has none)
    label = "name (municipality)"   when another asset with that name stands in another municipality

Names are compared without regard to case or surrounding spaces ("Station" and "station " clash).
Names that clash only within one municipality stay as they are (the municipality would not tell
them apart), and so does an asset without a municipality (there is nothing to add). A graph of one
municipality therefore keeps every name unchanged. The rule is idempotent: applied to labels it
gives them back (after it, no name clashes across municipalities), so a run directory whose
``assets.csv`` already holds labels reads the same.

    >>> asset_labels([("a", "Centrum", "Havenstad"), ("b", "Centrum", "Vliegveldstad"), ("c", "Haven", "Havenstad")])
    {'a': 'Centrum (Havenstad)', 'b': 'Centrum (Vliegveldstad)', 'c': 'Haven'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

__all__ = ["asset_labels", "base_name", "split_label"]


def base_name(asset_id: str, name: str) -> str:
    """An asset's own name, falling back to its id."""
    return name or asset_id


def asset_labels(assets: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """id -> label for ``(id, name, municipality)`` triples (see the module docstring)."""
    rows = [(asset_id, base_name(asset_id, name or ""), municipality or "") for asset_id, name, municipality in assets]
    towns: dict[str, set[str]] = defaultdict(set)
    for _, name, municipality in rows:
        towns[_key(name)].add(municipality)
    return {
        asset_id: f"{name.strip()} ({municipality})" if municipality and len(towns[_key(name)]) > 1 else name
        for asset_id, name, municipality in rows
    }


def split_label(label: str, municipality: str) -> tuple[str, str]:
    """``(name, municipality)`` of a label that ends in its asset's municipality, else ``(label, "")``:
    for saying it aloud, "Centrum in Beestad"."""
    suffix = f" ({municipality})"
    if municipality and label.endswith(suffix):
        return label[: -len(suffix)], municipality
    return label, ""


def _key(name: str) -> str:
    return name.strip().casefold()
