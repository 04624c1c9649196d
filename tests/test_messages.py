"""The message catalogue: every entry in English and Dutch with the same fields."""

import string

import pytest

from simulator.engine.eventkinds import EVENT_KINDS
from simulator.messages import CATALOGUE, LANGUAGES, format_number, text


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_every_language_with_the_same_fields(key):
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES)
    assert fields(entry["en"]) == fields(entry["nl"])


@pytest.mark.parametrize("kind", sorted(EVENT_KINDS))
def test_every_declared_event_kind_has_its_message_in_both_languages(kind):
    """The catalogue key comes from the table (``EventKind.message``), in English and Dutch."""
    key = EVENT_KINDS[kind].message
    assert key in CATALOGUE, f"{kind}: no catalogue entry {key}"
    assert set(CATALOGUE[key]) == set(LANGUAGES) and all(CATALOGUE[key][lang].strip() for lang in LANGUAGES)


def test_language_choice(monkeypatch):
    monkeypatch.setenv("RAMPSIM_LANG", "nl")
    assert text("file.empty") == "bestand is leeg"
    assert text("file.empty", "en") == "file is empty"
    monkeypatch.setenv("RAMPSIM_LANG", "klingon")
    assert text("file.empty") == "file is empty"


def test_numbers():
    assert format_number(403200, "en") == "403,200"
    assert format_number(403200, "nl") == "403.200"
