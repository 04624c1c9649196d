"""Random numbers in streams by purpose, so that two runs with the same seed stay paired.

A single generator consumed in event order would make every draw depend on everything drawn
before it: a measure that shifts one repair would reshuffle every later report delay, and two
variants compared with common random numbers would hardly be correlated. Instead each purpose
and subject (``("report", asset id)``, ``("repair", "repair", asset id)``, ``("callout", crew)``
...) draws from its own generator, derived from the run's ``SeedSequence`` by appending the CRC-32
of each name to the spawn key. Subjects are named by their ids, never by positions (an asset's index
or an inject's place in the list), so that a variant that adds an asset or an inject leaves every
other stream as it was. The k-th report delay of an asset is then the same number in both arms of a
comparison, whatever else the measure changes. (Two names with the same CRC-32 would share a stream:
one chance in four billion per pair, and harmless beyond weakening the pairing.)
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from ..model.distributions import Distribution

__all__ = ["RandomStreams", "subject_code"]


def subject_code(name: str) -> int:
    """A stable whole number for a name (crew, team, purpose): CRC-32, the same in every process."""
    return zlib.crc32(name.encode("utf-8"))


class RandomStreams:
    """``streams(purpose, *subject)`` is the generator for that purpose and subject (created once).

    ``subject``: names (asset, inject, crew, team, rule ids); "" for none.
    """

    def __init__(self, root: np.random.SeedSequence):
        self.root = root
        self._streams: dict[tuple, np.random.Generator] = {}

    def __call__(self, purpose: str, *subject: str) -> np.random.Generator:
        key = (purpose, *subject)
        stream = self._streams.get(key)
        if stream is None:
            sequence = np.random.SeedSequence(
                self.root.entropy, spawn_key=(*self.root.spawn_key, *(subject_code(name) for name in key))
            )
            stream = self._streams[key] = np.random.default_rng(sequence)
        return stream

    def draw(self, distribution: Distribution, purpose: str, *subject: str) -> float:
        """One draw of ``distribution`` from the stream ``(purpose, *subject)``. A fixed one draws
        nothing, so its stream is not made at all: the same number, and every other stream the same
        (each is derived from the seed and its own names alone), without a generator per asset when
        every report of a national outage takes the same fixed delay."""
        if distribution.kind == "fixed":
            return distribution.params[0]
        return distribution.sample(self(purpose, *subject))
