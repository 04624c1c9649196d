"""Variant comparison and the threat sweep by simulation: what it shows a person, in English and Dutch. See ``simulator.messages``."""

ENTRIES: dict[str, dict[str, str]] = {}
