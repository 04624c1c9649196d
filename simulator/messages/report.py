"""The debrief report (rampsim report) and its portfolios: what it shows a person, in English and Dutch. See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {}
