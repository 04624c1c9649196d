"""The browser replay (rampsim replay --html): what its page shows, in English and Dutch. See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {}
