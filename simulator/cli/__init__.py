"""The ``rampsim`` command: thin wrappers that parse arguments, call the layers and print.

Each module registers its commands on the group in ``base``; importing them here is what makes
them part of ``rampsim``.
"""

from __future__ import annotations

from . import (
    cases,  # noqa: F401
    commands,  # noqa: F401  (registers run, explain, ensemble, threats, plot, graph, schema)
    compare,  # noqa: F401
    exercise,  # noqa: F401
    msel,  # noqa: F401
    pack,  # noqa: F401
    replay,  # noqa: F401
    report,  # noqa: F401
    validate,  # noqa: F401
)
from .base import cli

__all__ = ["main", "cli"]


def main() -> None:
    cli(prog_name="rampsim")
