"""``python -m simulator.cli``: the same as ``rampsim``."""

from . import main

main()
